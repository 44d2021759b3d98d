/* pdf_struct.c - structure tags with Cairo, and the record of each element's attributes. */
#include "pdf_struct.h"

#include <stdlib.h>

#include "util.h"

struct pdf_struct {
	pdf_elem *v;
	size_t n, cap;
	int *open; /* elements begun and not ended, innermost last */
	size_t nopen, cap_open;
};

pdf_struct *pdf_struct_new(void)
{
	return xcalloc(1, sizeof(pdf_struct));
}

void pdf_struct_free(pdf_struct *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].role);
		free(s->v[i].lang);
		free(s->v[i].alt);
		free(s->v[i].contents);
	}
	free(s->v);
	free(s->open);
	free(s);
}

static int add(pdf_struct *s, const char *role, int artifact)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n] = (pdf_elem){.role = xstrdup(role), .artifact = artifact, .continues = -1};
	if (s->nopen == s->cap_open) {
		s->cap_open = s->cap_open ? 2 * s->cap_open : 16;
		s->open = xrealloc(s->open, s->cap_open * sizeof *s->open);
	}
	s->open[s->nopen++] = (int)s->n;
	return (int)s->n++;
}

int pdf_struct_begin(pdf_struct *s, cairo_t *cr, const char *role)
{
	cairo_tag_begin(cr, role, NULL);
	return add(s, role, -1);
}

int pdf_struct_begin_link(pdf_struct *s, cairo_t *cr, const char *link_attrs, const char *contents)
{
	cairo_tag_begin(cr, CAIRO_TAG_LINK, link_attrs);
	int el = add(s, CAIRO_TAG_LINK, -1);
	s->v[el].contents = contents ? xstrdup(contents) : NULL;
	return el;
}

void pdf_struct_begin_artifact(pdf_struct *s, cairo_t *cr, pdf_artifact k)
{
	cairo_tag_begin(cr, PDF_STRUCT_ARTIFACT, NULL);
	add(s, PDF_STRUCT_ARTIFACT, (int)k);
}

void pdf_struct_end(pdf_struct *s, cairo_t *cr)
{
	if (!s->nopen)
		return;
	cairo_tag_end(cr, s->v[s->open[--s->nopen]].role);
}

size_t pdf_struct_depth(const pdf_struct *s)
{
	return s->nopen;
}

static void set(char **field, const char *value)
{
	free(*field);
	*field = value ? xstrdup(value) : NULL;
}

void pdf_struct_set_lang(pdf_struct *s, int el, const char *lang)
{
	if (el >= 0 && (size_t)el < s->n)
		set(&s->v[el].lang, lang);
}

void pdf_struct_set_alt(pdf_struct *s, int el, const char *alt)
{
	if (el >= 0 && (size_t)el < s->n)
		set(&s->v[el].alt, alt);
}

void pdf_struct_set_continues(pdf_struct *s, int el, int from)
{
	if (el >= 0 && (size_t)el < s->n && from >= 0 && from < el)
		s->v[el].continues = from;
}

size_t pdf_struct_count(const pdf_struct *s)
{
	return s->n;
}

const pdf_elem *pdf_struct_elem(const pdf_struct *s, size_t i)
{
	return i < s->n ? &s->v[i] : NULL;
}
