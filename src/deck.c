/* deck.c - small accessors of the deck model. */
#include "deck.h"

#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "card_fields.h"

const char *mtext_get(const mtext *t, const char *lang, const char *orig)
{
	if (!t || t->n == 0)
		return NULL;
	for (size_t i = 0; lang && i < t->n; i++)
		if (!strcmp(t->v[i].lang, lang))
			return t->v[i].text;
	for (size_t i = 0; orig && i < t->n; i++)
		if (!strcmp(t->v[i].lang, orig))
			return t->v[i].text;
	return t->v[0].text;
}

const char *mtext_lang(const mtext *t, const char *lang, const char *orig)
{
	const char *text = mtext_get(t, lang, orig);
	for (size_t i = 0; text && i < t->n; i++)
		if (t->v[i].text == text)
			return t->v[i].lang;
	return NULL;
}

bool mtext_has(const mtext *t, const char *lang)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (!strcmp(t->v[i].lang, lang))
			return true;
	return false;
}

const char *card_layout_name(card_layout l)
{
	static const char *names[] = {"classic", "minimal", "icon"};
	return l < LAYOUT_COUNT ? names[l] : "?";
}

const char *card_type_name(card_type t)
{
	static const char *names[] = {"quote", "case", "question"};
	return t < CARD_NTYPES ? names[t] : "?";
}

void deck_free(deck *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nparts; i++)
		deck_free(d->parts[i]);
	free(d->parts);
	arena_free(d->mem); /* the deck itself lives in its arena */
}

int deck_find_card(const deck *d, const char *id)
{
	for (size_t i = 0; id && i < d->ncards; i++)
		if (d->cards[i].id && !strcmp(d->cards[i].id, id))
			return (int)i;
	return -1;
}

int deck_find_source(const deck *d, const char *id)
{
	for (size_t i = 0; id && i < d->nsources; i++)
		if (d->sources[i].id && !strcmp(d->sources[i].id, id))
			return (int)i;
	return -1;
}

int deck_find_category(const deck *d, const char *id)
{
	for (size_t i = 0; id && i < d->ncategories; i++)
		if (d->categories[i].id && !strcmp(d->categories[i].id, id))
			return (int)i;
	return -1;
}

size_t deck_files(const deck *d, const char **out, size_t max)
{
	size_t n = 0;
	if (n < max)
		out[n++] = d->path;
	for (size_t i = 0; i < d->nparts && n < max; i++)
		n += deck_files(d->parts[i], out + n, max - n);
	if (d->base && n < max)
		n += deck_files(d->base, out + n, max - n);
	return n;
}

static void add_input(char ***v, size_t *n, char *path)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i], path)) {
			free(path);
			return;
		}
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = path;
}

static void deck_inputs_add(const deck *d, char ***v, size_t *n)
{
	add_input(v, n, xstrdup(d->path));
	for (size_t i = 0; i < d->nsources; i++)
		if (d->sources[i].file)
			add_input(v, n,
				  input_beside(d->sources[i].origin ? d->sources[i].origin : d->path,
					       d->sources[i].file));
	for (size_t i = 0; i < d->nparts; i++)
		deck_inputs_add(d->parts[i], v, n);
	if (d->base)
		deck_inputs_add(d->base, v, n);
	if (d->logo)
		add_input(v, n, xstrdup(d->logo));
	for (size_t i = 0; i < d->theme.nfonts; i++)
		add_input(v, n, xstrdup(d->theme.fonts[i].file));
	for (size_t i = 0; i < d->ncategories; i++)
		if (d->categories[i].icon.file)
			add_input(v, n, xstrdup(d->categories[i].icon.file));
	for (size_t i = 0; i < d->ncards; i++)
		if (d->cards[i].image.file)
			add_input(v, n, xstrdup(d->cards[i].image.file));
}

char **deck_inputs(const deck *d, size_t *n)
{
	char **v = NULL;
	*n = 0;
	deck_inputs_add(d, &v, n);
	return v;
}

size_t *deck_numbers(const deck *d, size_t **of)
{
	*of = NULL;
	if (d->theme.numbering == NUMBER_NONE)
		return NULL;
	size_t *num = xcalloc(d->ncards + 1, sizeof *num);
	*of = xcalloc(d->ncards + 1, sizeof **of);
	/* per category: slot k for category k, the last for cards without one */
	size_t groups = d->theme.numbering == NUMBER_CATEGORY ? d->ncategories + 1 : 1;
	size_t *count = xcalloc(groups, sizeof *count);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->ncards; i++) {
			int c = d->cards[i].category;
			size_t g = groups == 1 ? 0 : c >= 0 ? (size_t)c : d->ncategories;
			if (pass == 0)
				num[i] = ++count[g];
			else
				(*of)[i] = count[g];
		}
	free(count);
	return num;
}

uint32_t deck_card_color(const deck *d, const card *c)
{
	return c->category >= 0 && d->categories[c->category].has_color
		       ? d->categories[c->category].color
		       : d->theme.accent;
}

const deck_cmyk *deck_find_cmyk(const deck *d, uint32_t rgb)
{
	for (size_t i = d->ncmyk; i-- > 0;)
		if (d->cmyk[i].rgb == rgb)
			return &d->cmyk[i];
	for (size_t i = 0; i < d->nparts; i++) {
		const deck_cmyk *c = deck_find_cmyk(d->parts[i], rgb);
		if (c)
			return c;
	}
	return d->base ? deck_find_cmyk(d->base, rgb) : NULL;
}

/* Calls fn with one text field: its mtext, where it is written and what owns it. */
static void visit(text_ref_fn *fn, void *ctx, const char *file, const mtext *t, const char *owner,
		  const char *field, const card *c)
{
	text_ref dt = {file, t, owner, field, c};
	fn(ctx, &dt);
}

void deck_each_text(const deck *dk, text_ref_fn *fn, void *ctx)
{
	const char *own = dk->path;
	visit(fn, ctx, own, &dk->title, "deck", "title", NULL);
	visit(fn, ctx, own, &dk->subtitle, "deck", "subtitle", NULL);
	visit(fn, ctx, own, &dk->description, "deck", "description", NULL);
	for (size_t i = 0; i < dk->nsources; i++) {
		const source *s = &dk->sources[i];
		char *owner = xasprintf("source '%s'", s->id ? s->id : "?");
		visit(fn, ctx, s->origin, &s->title, owner, "title", NULL);
		visit(fn, ctx, s->origin, &s->publication, owner, "publication", NULL);
		free(owner);
	}
	for (size_t i = 0; i < dk->ncategories; i++) {
		const category *k = &dk->categories[i];
		char *owner = xasprintf("category '%s'", k->id ? k->id : "?");
		visit(fn, ctx, k->origin, &k->name, owner, "name", NULL);
		free(owner);
	}
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		char *owner = xasprintf("card '%s'", c->id ? c->id : "?");
		for (const card_field *f = card_fields; f->key; f++) {
			if (f->kind == CF_TEXT)
				visit(fn, ctx, c->file, card_field_ptr(f, c), owner, f->key, c);
			const mtext *const *list = card_field_ptr(f, c);
			for (size_t k = 0; f->kind == CF_TEXTS && k < card_field_count(f, c); k++)
				visit(fn, ctx, c->file, &(*list)[k], owner, f->key, c);
		}
		free(owner);
	}
	const booklet_text *b = &dk->booklet;
	visit(fn, ctx, own, &b->intro, "booklet", "intro", NULL);
	visit(fn, ctx, own, &b->closing, "booklet", "closing", NULL);
	for (size_t g = 0; g < b->nguide; g++) {
		visit(fn, ctx, own, &b->guide[g].title, "booklet guide", "title", NULL);
		visit(fn, ctx, own, &b->guide[g].duration, "booklet guide", "duration", NULL);
		visit(fn, ctx, own, &b->guide[g].text, "booklet guide", "text", NULL);
	}
}
