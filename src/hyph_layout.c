/* hyph_layout.c - no ladders of hyphenated lines. */
#include "hyph_layout.h"

#include <stdbool.h>
#include <string.h>

#define SHY        "\xc2\xad"
#define ROUNDS_MAX 64 /* drops per block at one size: each round drops one soft hyphen */
/* Each round lays the whole block out again, for every size the fitting search tries, so a
 * long text gets fewer rounds: the bytes laid out again per tidy stay under this budget (64
 * rounds up to 1 KB, the bundled decks' texts being under 600 characters; 4 at 20,000). */
#define RELAYOUT_BUDGET (64 * 1024)
#define ROUNDS_MIN      4

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

/* The first line that makes a run too long: where it starts and the soft hyphen ending it. */
typedef struct {
	int at;    /* byte index of the soft hyphen; -1: no such line */
	int line;  /* the line's index */
	int start; /* byte index of its start */
} excess;

/* The first line that makes a run longer than max and whose soft hyphen is not kept. Runs
 * stop at a line that does not end in one, and at a new paragraph. */
static excess first_excess(PangoLayout *l, int max, const kept *k, int *count, int *longest)
{
	const char *text = pango_layout_get_text(l);
	int run = 0, i = 0;
	excess found = {.at = -1};
	*count = *longest = 0;
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next, i++) {
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
		if (run > max && found.at < 0 && !is_kept(k, at))
			found = (excess){at, i, line->start_index};
	}
	return found;
}

int hyph_layout_count(PangoLayout *l, int *longest_run)
{
	int count;
	(void)first_excess(l, 1 << 30, NULL, &count, longest_run);
	return count;
}

/* Removes the two bytes of each soft hyphen at[0..n) (ascending byte indices), keeping the
 * attributes on their letters. */
static void drop_shys(PangoLayout *l, const int *at, int n)
{
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text), o = 0, from = 0;
	char *t = g_malloc(len + 1);
	for (int i = 0; i < n; i++) {
		memcpy(t + o, text + from, (size_t)at[i] - from);
		o += (size_t)at[i] - from;
		from = (size_t)at[i] + 2;
	}
	memcpy(t + o, text + from, len - from + 1);
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	PangoAttrList *copy = attrs ? pango_attr_list_copy(attrs) : NULL;
	for (int i = n - 1; copy && i >= 0; i--)
		pango_attr_list_update(copy, at[i], 2, 0);
	pango_layout_set_text(l, t, -1);
	pango_layout_set_attributes(l, copy);
	if (copy)
		pango_attr_list_unref(copy);
	g_free(t);
}

/* Pango breaks a line at the last break that fits, so without the soft hyphen ending line e
 * the line ends at the break before it; when that is a soft hyphen of the same word, it is
 * the next to go, and so on, one layout each. All of them go at once instead: their byte
 * indices into at[] (ascending, e's own last), and *end the break the line should then end
 * at: the last one in the line that is not a soft hyphen. Returns how many, or 0 if the
 * line has no such break (the word started on the line before: the column needs a break
 * in it, see hyph_layout_tidy). */
static int word_shys(PangoLayout *l, const excess *e, int *at, int cap, int *end)
{
	const char *text = pango_layout_get_text(l);
	int nattrs, n = 0;
	const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(l, &nattrs);
	long first = g_utf8_pointer_to_offset(text, text + e->start);
	long p = first + g_utf8_pointer_to_offset(text + e->start, text + e->at);
	const char *c = text + e->at; /* the character before break p + 1 */
	for (long q = p + 1; q > first && q < nattrs; q--, c = g_utf8_prev_char(c)) {
		if (!la[q].is_line_break)
			continue;
		if (memcmp(c, SHY, 2) != 0) {
			*end = (int)(g_utf8_next_char(c) - text);
			for (int i = 0, j = n - 1; i < j; i++, j--) {
				int t = at[i];
				at[i] = at[j];
				at[j] = t;
			}
			return n;
		}
		if (n == cap)
			return 0;
		at[n++] = (int)(c - text);
	}
	return 0;
}

/* True if line i of l ends at byte index end. */
static bool line_ends_at(PangoLayout *l, int i, int end)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
	return line && line->start_index + line->length == end;
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

typedef struct {
	char *text;
	PangoAttrList *attrs;
} saved;

static saved save(PangoLayout *l)
{
	saved v = {g_strdup(pango_layout_get_text(l)), pango_layout_get_attributes(l)};
	if (v.attrs)
		pango_attr_list_ref(v.attrs);
	return v;
}

static void restore(PangoLayout *l, const saved *v)
{
	pango_layout_set_text(l, v->text, -1);
	pango_layout_set_attributes(l, v->attrs);
}

static void saved_free(saved *v)
{
	g_free(v->text);
	if (v->attrs)
		pango_attr_list_unref(v->attrs);
}

/* Drops the soft hyphen e ends at, and any before it in its word (word_shys), unless the
 * column needs them: then e's stays and is kept. Returns how many were dropped; *rounds
 * grows by one per soft hyphen dropped or kept. */
static int drop_excess(PangoLayout *l, const excess *e, kept *k, int *rounds, int cap)
{
	int before = widest(l), width = pango_layout_get_width(l), at[ROUNDS_MAX], end;
	int limit = before > width ? before : width;
	saved v = save(l);
	int n = before <= width ? word_shys(l, e, at, cap - *rounds, &end) : 0;
	if (n > 1) {
		drop_shys(l, at, n);
		if (line_ends_at(l, e->line, end) && widest(l) <= limit) {
			saved_free(&v);
			*rounds += n;
			return n;
		}
		restore(l, &v); /* not as foreseen: one at a time, as the rule reads */
	}
	drop_shys(l, &e->at, 1);
	(*rounds)++;
	if (widest(l) > limit) { /* a break the column needs: a ladder beats a word sticking out */
		restore(l, &v);
		k->at[k->n++] = e->at;
		n = 0;
	} else {
		n = 1;
	}
	saved_free(&v);
	return n;
}

/* The rounds a text of len bytes may take (RELAYOUT_BUDGET). */
static int rounds_cap(size_t len)
{
	size_t cap = len ? RELAYOUT_BUDGET / len : ROUNDS_MAX;
	return cap > ROUNDS_MAX ? ROUNDS_MAX : cap < ROUNDS_MIN ? ROUNDS_MIN : (int)cap;
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
	int max = hyph_layout_max_run(size_pt), dropped = 0, rounds = 0, count, longest;
	int cap = rounds_cap(strlen(orig_text));
	kept k = {.n = 0};
	for (excess e;
	     rounds < cap && (e = first_excess(l, max, &k, &count, &longest)).at >= 0;)
		dropped += drop_excess(l, &e, &k, &rounds, cap);
	return dropped;
}
