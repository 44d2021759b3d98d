/* breaks_probe.c - can deckpress predict where Pango breaks a paragraph again, without
 * laying it out again? Not a test: a measurement for the speed work of issue 11.
 *
 * The ladder rule (hyph_layout.c) drops the soft hyphens of a word and lays the whole block
 * out again, 11% of a run's instructions. This probe takes every `text:` of a deck,
 * hyphenated as deckpress does, lays it out with Pango (L0), drops the soft hyphens of the
 * word ending its first hyphenated line, and compares Pango's lines for that text (L1) with
 * a first-fit breaker that follows Pango's rules (break at the last opportunity that fits;
 * one trailing space hangs; a soft hyphen break adds the hyphen) using only the character
 * widths of L0 (a line's final space, to which Pango gives no width, gets another
 * space's). It prints how many predictions give exactly Pango's lines.
 * Build and run from the source tree after `make`:
 *   cc -O2 -Iinclude $(pkg-config --cflags pangocairo pangoft2) -o build/breaks_probe \
 *      bench/breaks_probe.c build/obj/fonts.o build/obj/font_file.o build/obj/paths.o \
 *      build/obj/util.o build/obj/hyph.o build/obj/bounds.o build/obj/input.o \
 *      build/obj/tmpfiles.o $(pkg-config --libs pangocairo pangoft2 fontconfig) -lhyphen -lm
 *   ./build/breaks_probe bench/out/deck-1000.yaml [size pt] [width pt] [family]
 * SELF=1 predicts L0's own lines instead (no soft hyphen dropped); SHOW=1 prints each
 * paragraph predicted wrongly with both lists of line starts.
 *
 * COST=1 asks what a line breaker of deckpress's own would save while Pango still lays the
 * lines out: for every paragraph it measures the CPU time of Pango breaking the hyphenated
 * text (as deckpress does), and of the alternative: one layout without wrapping for the
 * character widths, first fit on them, and a layout of the text broken beforehand (a
 * U+2028 at each break, a U+2010 where a soft hyphen breaks, the soft hyphens dropped);
 * and how many paragraphs get Pango's lines that way. For instructions, run it under
 * valgrind --tool=callgrind and read step_pango, step_widths, step_break and step_prebroken.
 * Results: docs/benchmark.md. */
#include <math.h>
#include <stdbool.h>
#include <time.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "hyph.h"
#include "paths.h"
#include "util.h"

#define SHY "\xc2\xad"

static PangoLayout *lay(PangoContext *ctx, const char *family, double size, double width,
			const char *text)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(family);
	pango_font_description_set_size(fd, (int)lround(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)lround(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_text(l, text, -1);
	return l;
}

/* Per character of l's text: its logical width as laid out (soft hyphens 0), and the
 * width of the hyphen Pango adds at a soft-hyphen break (the last one seen; -1 if none). */
static int *char_widths(PangoLayout *l, int *hyphen)
{
	const char *text = pango_layout_get_text(l);
	int n = pango_layout_get_character_count(l);
	int *w = xcalloc((size_t)n + 1, sizeof *w);
	*hyphen = -1;
	for (GSList *li = pango_layout_get_lines_readonly(l); li; li = li->next) {
		PangoLayoutLine *line = li->data;
		for (GSList *r = line->runs; r; r = r->next) {
			PangoGlyphItem *run = r->data;
			PangoItem *it = run->item;
			int *lw = xcalloc((size_t)it->num_chars + 1, sizeof *lw);
			pango_glyph_item_get_logical_widths(run, text, lw);
			long off = g_utf8_pointer_to_offset(text, text + it->offset);
			const char *p = text + it->offset;
			for (int k = 0; k < it->num_chars; k++, p = g_utf8_next_char(p)) {
				if (!memcmp(p, SHY, 2)) {
					if (lw[k] > 0)
						*hyphen = lw[k];
					lw[k] = 0;
				}
				w[off + k] = lw[k];
			}
			free(lw);
		}
	}
	/* Pango gives a line's final space no width (it hangs past the edge); inside a line
	 * it has its width, which the other spaces tell (the last one seen, kerning aside). */
	int space = 0;
	const char *p = text;
	for (int c = 0; c < n; c++, p = g_utf8_next_char(p))
		if (*p == ' ' && w[c] > 0)
			space = w[c];
	p = text;
	for (int c = 0; c < n; c++, p = g_utf8_next_char(p))
		if (*p == ' ' && w[c] == 0)
			w[c] = space;
	return w;
}

/* First-fit lines of text (n characters, widths w, log attributes la) in width W: the
 * character offsets where lines start, into starts (at most max); returns how many. A
 * line ends at the last break that fits: its width without one trailing space, with the
 * hyphen after a soft hyphen; a line with no break that fits ends at its first break. */
static int first_fit(const char *text, int n, const int *w, const PangoLogAttr *la, int W,
		     int hyphen, int *starts, int max)
{
	int nl = 0, s = 0;
	const char *ps = text;
	while (s < n && nl < max) {
		starts[nl++] = s;
		int width = 0, best = -1;
		const char *p = ps, *best_p = NULL;
		for (int c = s; c < n; c++, p = g_utf8_next_char(p)) {
			width += w[c];
			int pos = c + 1;
			if (pos == n) {
				if (width <= W || best < 0)
					return nl; /* the rest fits */
				break;
			}
			if (!la[pos].is_line_break)
				continue;
			int extra = la[c].is_white ? -w[c] : !memcmp(p, SHY, 2) ? hyphen : 0;
			if (width + extra <= W || best < 0) {
				best = pos;
				best_p = g_utf8_next_char(p);
			}
			if (width + extra > W)
				break;
		}
		s = best;
		ps = best_p;
	}
	return nl;
}

/* The character offsets where Pango's lines of l start. */
static int pango_starts(PangoLayout *l, int *starts, int max)
{
	const char *text = pango_layout_get_text(l);
	int nl = 0;
	for (GSList *li = pango_layout_get_lines_readonly(l); li && nl < max; li = li->next) {
		PangoLayoutLine *line = li->data;
		starts[nl++] = (int)g_utf8_pointer_to_offset(text, text + line->start_index);
	}
	return nl;
}

/* text without the soft hyphens of the word around byte `at` (none if at < 0); *map gets, for each
 * character of the result, the character of text it came from. */
static char *drop_word_shys(const char *text, int at, int **map)
{
	int a = at, b = at;
	while (a > 0 && text[a - 1] != ' ')
		a--;
	while (at >= 0 && text[b] && text[b] != ' ')
		b++;
	size_t len = strlen(text);
	char *out = xmalloc(len + 1);
	*map = xcalloc(len + 1, sizeof **map);
	size_t o = 0;
	int ci = 0, co = 0;
	for (const char *p = text; *p; p = g_utf8_next_char(p), ci++) {
		int i = (int)(p - text);
		size_t cl = (size_t)(g_utf8_next_char(p) - p);
		if (i >= a && i < b && !memcmp(p, SHY, 2))
			continue;
		memcpy(out + o, p, cl);
		o += cl;
		(*map)[co++] = ci;
	}
	out[o] = '\0';
	return out;
}

/* --- COST=1 --- */

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The steps, apart so that callgrind counts each. */
__attribute__((noinline)) static void step_pango(PangoLayout *l)
{
	pango_layout_get_lines_readonly(l);
}

__attribute__((noinline)) static int *step_widths(PangoLayout *unwrapped, int *hyphen)
{
	return char_widths(unwrapped, hyphen);
}

__attribute__((noinline)) static int step_break(PangoLayout *u, const int *w, int W, int hyphen,
						int *starts, int max)
{
	int nattrs;
	const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(u, &nattrs);
	return first_fit(pango_layout_get_text(u), nattrs - 1, w, la, W, hyphen, starts, max);
}

__attribute__((noinline)) static int step_prebroken(PangoLayout *l)
{
	return g_slist_length(pango_layout_get_lines_readonly(l)); /* not folded with step_pango */
}

/* text broken into the lines starting at starts[0..n): soft hyphens dropped, a U+2010
 * where one ends a line, a line's final space dropped, a U+2028 between lines. */
static char *prebroken(const char *text, const int *starts, int n)
{
	GString *s = g_string_new(NULL);
	int c = 0, k = 1;
	for (const char *p = text; *p; p = g_utf8_next_char(p), c++) {
		if (k < n && c == starts[k]) {
			if (p - text >= 2 && !memcmp(p - 2, SHY, 2))
				g_string_append(s, "\xe2\x80\x90");
			else if (s->len && s->str[s->len - 1] == ' ')
				g_string_truncate(s, s->len - 1);
			g_string_append(s, "\xe2\x80\xa8");
			k++;
		}
		if (memcmp(p, SHY, 2))
			g_string_append_len(s, p, g_utf8_next_char(p) - p);
	}
	return g_string_free(s, FALSE);
}

typedef struct {
	long paras, same;
	double pango, widths, brk, pre; /* CPU seconds */
} costs;

static void cost_paragraph(PangoContext *ctx, const char *family, double size, double width,
			   int hyphen, const char *hy, costs *c)
{
	int W = (int)lround(width * PANGO_SCALE), a[256], b[256], dummy;
	double t0 = cpu_now();
	PangoLayout *l0 = lay(ctx, family, size, width, hy);
	step_pango(l0);
	double t1 = cpu_now();
	PangoLayout *u = lay(ctx, family, size, width, hy);
	pango_layout_set_width(u, -1);
	int *w = step_widths(u, &dummy);
	double t2 = cpu_now();
	int nb = step_break(u, w, W, hyphen, b, 256);
	double t3 = cpu_now();
	char *pre = prebroken(hy, b, nb);
	PangoLayout *l2 = lay(ctx, family, size, width, pre);
	int n2 = step_prebroken(l2);
	double t4 = cpu_now();
	int na = pango_starts(l0, a, 256);
	bool eq = na == nb && n2 == nb;
	for (int k = 0; eq && k < na; k++)
		eq = a[k] == b[k];
	c->paras++;
	c->same += eq;
	c->pango += t1 - t0;
	c->widths += t2 - t1;
	c->brk += t3 - t2;
	c->pre += t4 - t3;
	g_object_unref(l0);
	g_object_unref(u);
	g_object_unref(l2);
	g_free(pre);
	free(w);
}

/* The width of the hyphen Pango adds at a soft-hyphen break. */
static int hyphen_width(PangoContext *ctx, const char *family, double size)
{
	PangoLayout *l = lay(ctx, family, size, -1, "\xe2\x80\x90");
	int w;
	pango_layout_set_width(l, -1);
	pango_layout_get_size(l, &w, NULL);
	g_object_unref(l);
	return w;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: breaks_probe DECK.yaml [size] [width] [family]\n");
		return 2;
	}
	double size = argc > 2 ? atof(argv[2]) : 9.0, width = argc > 3 ? atof(argv[3]) : 151.25;
	const char *family = argc > 4 ? argv[4] : "Yrsa";
	bool self = getenv("SELF") != NULL, show = getenv("SHOW") != NULL;
	bool cost = getenv("COST") != NULL;
	costs cs = {0};
	char *fonts = paths_fonts_dir(), *err = NULL;
	fontset *f = fontset_new(fonts, &err);
	if (!f) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	PangoContext *ctx = fontset_context(f);
	int cost_hyphen = cost ? hyphen_width(ctx, family, size) : 0;
	hyphenator *h = hyph_new("nl", NULL, NULL, 0, &err);
	if (!h) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in)
		return 1;
	char line[8192];
	long paras = 0, probed = 0, same = 0, lines = 0, diff_lines = 0;
	int W = (int)lround(width * PANGO_SCALE);
	while (fgets(line, sizeof line, in)) {
		char *t = strstr(line, " text: \"");
		if (!t)
			continue;
		t += 8;
		char *e = strrchr(t, '"');
		if (!e)
			continue;
		*e = '\0';
		char *hy = hyph_paragraphs(h, t);
		paras++;
		if (cost) {
			cost_paragraph(ctx, family, size, width, cost_hyphen, hy, &cs);
			g_free(hy);
			continue;
		}
		PangoLayout *l0 = lay(ctx, family, size, width, hy);
		/* the first line ending at a soft hyphen */
		const char *text0 = pango_layout_get_text(l0);
		int at = -1;
		for (GSList *li = pango_layout_get_lines_readonly(l0); li && li->next;
		     li = li->next) {
			PangoLayoutLine *ln = li->data;
			int end = ln->start_index + ln->length;
			if (ln->length >= 2 && !memcmp(text0 + end - 2, SHY, 2)) {
				at = end - 2;
				break;
			}
		}
		if (at >= 0) {
			int hyphen, *map;
			int *w0 = char_widths(l0, &hyphen);
			char *t1 = drop_word_shys(text0, self ? -1 : at, &map);
			PangoLayout *l1 = lay(ctx, family, size, width, t1);
			int n1 = pango_layout_get_character_count(l1), nattrs;
			const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(l1, &nattrs);
			int *w1 = xcalloc((size_t)n1 + 1, sizeof *w1);
			for (int c = 0; c < n1; c++)
				w1[c] = w0[map[c]];
			int a[256], b[256];
			int na = pango_starts(l1, a, 256);
			int nb = first_fit(t1, n1, w1, la, W, hyphen, b, 256);
			probed++;
			lines += na;
			bool eq = na == nb;
			for (int k = 0; k < na && k < nb; k++)
				if (a[k] != b[k]) {
					eq = false;
					diff_lines++;
				}
			same += eq;
			if (!eq && show) { /* line starts, Pango's and predicted */
				printf("differs: %s\n", t1);
				for (int k = 0; k < na || k < nb; k++)
					printf("  %3d %3d\n", k < na ? a[k] : -1,
					       k < nb ? b[k] : -1);
			}
			g_object_unref(l1);
			free(w1);
			free(w0);
			free(map);
			free(t1);
		}
		g_object_unref(l0);
		g_free(hy);
	}
	fclose(in);
	if (cost)
		printf("%.2f pt in %.2f pt: %ld paragraphs; CPU s: Pango breaking %.3f; "
		       "widths from one unwrapped layout %.3f, first fit %.3f, "
		       "layout of the broken text %.3f (sum %.3f); Pango's lines: %ld (%.1f%%)\n",
		       size, width, cs.paras, cs.pango, cs.widths, cs.brk, cs.pre,
		       cs.widths + cs.brk + cs.pre, cs.same,
		       cs.paras ? 100.0 * (double)cs.same / (double)cs.paras : 0.0);
	else
		printf("%.2f pt in %.2f pt: %ld paragraphs, %ld with a hyphenated line; predicted "
		       "exactly: %ld (%.1f%%); lines %ld, of which start elsewhere: %ld\n",
		       size, width, paras, probed, same, probed ? 100.0 * same / probed : 0.0,
		       lines, diff_lines);
	hyph_free(h);
	fontset_free(f);
	free(fonts);
	return 0;
}
