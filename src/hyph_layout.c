/* hyph_layout.c - no ladders of hyphenated lines. */
#include "hyph_layout.h"

#include <stdbool.h>
#include <string.h>

#define SHY        "\xc2\xad"
#define ROUNDS_MAX 64 /* drops per block at one size: each round drops one soft hyphen */

int hyph_layout_max_run(double size_pt)
{
	return size_pt >= HYPH_DISPLAY_PT - 1e-9 ? 1 : 2;
}

/* True when line (not a paragraph's last) ends right after a soft hyphen. */
static bool ends_at_shy(const char *text, const PangoLayoutLine *line)
{
	int end = line->start_index + line->length;
	return line->length >= 2 && !memcmp(text + end - 2, SHY, 2);
}

typedef struct {
	int at[ROUNDS_MAX]; /* soft hyphens that must stay: without them a word sticks out */
	int n;
} kept;

static bool is_kept(const kept *k, int at)
{
	for (int i = 0; k && i < k->n; i++)
		if (k->at[i] == at)
			return true;
	return false;
}

/* Byte index of the soft hyphen ending the first line that makes a run longer than max
 * (and is not kept), or -1. Runs stop at a line that does not end in one, and at a new
 * paragraph. */
static int first_excess(PangoLayout *l, int max, const kept *k, int *count, int *longest)
{
	const char *text = pango_layout_get_text(l);
	int run = 0, found = -1;
	*count = *longest = 0;
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		const PangoLayoutLine *line = it->data;
		if (line->is_paragraph_start)
			run = 0;
		if (!it->next || !ends_at_shy(text, line)) {
			run = 0;
			continue;
		}
		(*count)++;
		if (++run > *longest)
			*longest = run;
		int at = line->start_index + line->length - 2;
		if (run > max && found < 0 && !is_kept(k, at))
			found = at;
	}
	return found;
}

int hyph_layout_count(PangoLayout *l, int *longest_run)
{
	int count;
	first_excess(l, 1 << 30, NULL, &count, longest_run);
	return count;
}

/* Removes the two bytes of the soft hyphen at index at, keeping the attributes in place. */
static void drop_shy(PangoLayout *l, int at)
{
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text);
	char *t = g_malloc(len - 1);
	memcpy(t, text, (size_t)at);
	memcpy(t + at, text + at + 2, len - (size_t)at - 2);
	t[len - 2] = '\0';
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	PangoAttrList *copy = attrs ? pango_attr_list_copy(attrs) : NULL;
	if (copy)
		pango_attr_list_update(copy, at, 2, 0);
	pango_layout_set_text(l, t, -1);
	pango_layout_set_attributes(l, copy);
	if (copy)
		pango_attr_list_unref(copy);
	g_free(t);
}

/* The widest line, logical extents, Pango units. */
static int widest(PangoLayout *l)
{
	int w = 0;
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		PangoRectangle r;
		pango_layout_line_get_extents(it->data, NULL, &r);
		if (r.width > w)
			w = r.width;
	}
	return w;
}

int hyph_layout_tidy(PangoLayout *l, double size_pt, const char *orig_text,
		     PangoAttrList *orig_attrs)
{
	if (!strstr(orig_text, SHY))
		return 0; /* nothing to tidy: most titles, labels, short texts */
	if (strcmp(pango_layout_get_text(l), orig_text)) {
		pango_layout_set_text(l, orig_text, -1);
		pango_layout_set_attributes(l, orig_attrs);
	}
	int max = hyph_layout_max_run(size_pt), dropped = 0, count, longest;
	kept k = {.n = 0};
	for (int round = 0, at; round < ROUNDS_MAX &&
				(at = first_excess(l, max, &k, &count, &longest)) >= 0;
	     round++) {
		/* a break the column needs stays: a ladder is better than a word sticking out */
		int before = widest(l), width = pango_layout_get_width(l);
		char *text = g_strdup(pango_layout_get_text(l));
		PangoAttrList *attrs = pango_layout_get_attributes(l);
		if (attrs)
			pango_attr_list_ref(attrs);
		drop_shy(l, at);
		if (widest(l) > (before > width ? before : width)) {
			pango_layout_set_text(l, text, -1);
			pango_layout_set_attributes(l, attrs);
			k.at[k.n++] = at;
		} else {
			dropped++;
		}
		g_free(text);
		if (attrs)
			pango_attr_list_unref(attrs);
	}
	return dropped;
}
