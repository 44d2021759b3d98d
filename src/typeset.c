/* typeset.c - stack text blocks in a box and find the largest size at which they fit.
 *
 * Sizes are tried on a grid of 0.25 pt down from size_max, ending at size_min. Most cards
 * fit at size_max, so that is tried first; otherwise the size is estimated from how far the
 * text overflows, probes walk from the estimate (steps 1, 1, 2, 4...) until one size fits
 * and the next larger does not, bisecting when the walk overshoots. Shaping dominates the
 * cost, so the count of layouts is what matters: each block's markup is parsed once, a new
 * size only changes the layout's font description, a failing try stops at the first block
 * that fails, and the layouts of the best fitting try are kept rather than redone.
 * The only place in deckpress that sees Pango units. */
#include "typeset.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hyph_layout.h"
#include "util.h"

#define STEP 0.25 /* pt: the size grid */

/* A block's layout and what it measured at the size it is laid out at. */
typedef struct {
	PangoLayout *layout;
	int size;    /* font size set on the layout, Pango units; 0 = none yet */
	int height;  /* logical height at that size, Pango units */
	double over; /* widest line / box width at that size */
	bool wide;   /* a word is wider than the box, or Pango broke inside a word */
} laid;

/* One block while fitting. `cur` is laid out at the size being tried; `best` keeps the
 * layout of the largest size that fitted so far, so the result needs no second pass. */
typedef struct {
	laid cur, best;
	PangoFontDescription *desc;
	double scale;
	double reach; /* longest paragraph's width bound per point of size, pt (see too_long) */
	bool empty;   /* no text: takes no space */
	char *text;   /* the block's text and attributes as made: hyph_layout_tidy may drop */
	PangoAttrList *attrs; /* soft hyphens from the layout at one size, not at all sizes */
} slot;

typedef struct {
	const tblock *blocks;
	slot *slots;
	size_t n;
	int width; /* Pango units */
} job;

double layout_width(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return pango_to_pt(r.width);
}

double layout_height(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return pango_to_pt(r.height);
}

bool typeset_markup_valid(const char *markup, char **err)
{
	GError *gerr = NULL;
	if (pango_parse_markup(markup, -1, 0, NULL, NULL, NULL, &gerr))
		return true;
	if (err)
		*err = xstrdup(gerr->message);
	g_error_free(gerr);
	return false;
}

/* A layout for block b with its text and attributes set, or NULL on invalid markup. */
static PangoLayout *block_layout(PangoContext *ctx, const tblock *b, int width)
{
	PangoAttrList *attrs = NULL;
	char *text = NULL;
	const char *markup = b->markup ? b->markup : "";
	if (!pango_parse_markup(markup, -1, 0, &attrs, &text, NULL, NULL))
		return NULL;
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_width(l, width);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_alignment(l, b->align);
	if (b->line_spacing > 0)
		pango_layout_set_line_spacing(l, (float)b->line_spacing);
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	g_free(text);
	return l;
}

static void job_free(job *j)
{
	for (size_t i = 0; i < j->n; i++) {
		slot *s = &j->slots[i];
		if (s->cur.layout)
			g_object_unref(s->cur.layout);
		if (s->best.layout)
			g_object_unref(s->best.layout);
		if (s->desc)
			pango_font_description_free(s->desc);
		g_free(s->text);
		if (s->attrs)
			pango_attr_list_unref(s->attrs);
	}
	free(j->slots);
	j->slots = NULL;
}

/* Pango adds glyph widths in ints of Pango units: a paragraph wider than 2^31 units (about
 * 2 million pt) overflows and comes back as one short line that seems to fit. No such text
 * fits on a card, so it is refused before Pango sees it: reach bounds a paragraph's width
 * from its characters and the font's widest glyph (bold and italic may be wider: 1.5x). */
#define REACH_MAX 1.0e6 /* pt: half the overflow, twice any sheet's area per point of size */

static double widest_glyph_em(PangoContext *ctx, const PangoFontDescription *desc)
{
	PangoFontDescription *d = pango_font_description_copy(desc);
	pango_font_description_set_size(d, 100 * PANGO_SCALE);
	PangoFont *f = pango_context_load_font(ctx, d);
	pango_font_description_free(d);
	double em = 2; /* no font: assume a generous glyph */
	if (f && PANGO_IS_CAIRO_FONT(f)) {
		cairo_font_extents_t ext;
		cairo_scaled_font_extents(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(f)),
					  &ext);
		if (ext.max_x_advance > 0)
			em = ext.max_x_advance / 100;
	}
	if (f)
		g_object_unref(f);
	return em;
}

static size_t longest_paragraph(const char *text)
{
	size_t best = 0, n = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\n')
			n = 0;
		else if ((*p & 0xc0) != 0x80 && ++n > best)
			best = n;
	}
	return best;
}

static bool too_long(const slot *s, int size_units)
{
	return s->reach * size_units / PANGO_SCALE > REACH_MAX;
}

/* Sets up a layout and font description per block; -1 on invalid markup. */
static int job_init(job *j, PangoContext *ctx, const tblock *blocks, size_t n, double width)
{
	*j = (job){.blocks = blocks, .n = n, .width = width > 0 ? pt_to_pango(width) : 1};
	j->slots = xcalloc(n, sizeof(slot));
	for (size_t i = 0; i < n; i++) {
		slot *s = &j->slots[i];
		const tblock *b = &blocks[i];
		s->cur.layout = block_layout(ctx, b, j->width);
		if (!s->cur.layout) {
			job_free(j);
			return -1;
		}
		s->empty = pango_layout_get_text(s->cur.layout)[0] == '\0';
		s->text = g_strdup(pango_layout_get_text(s->cur.layout));
		s->attrs = pango_layout_get_attributes(s->cur.layout);
		if (s->attrs)
			pango_attr_list_ref(s->attrs);
		s->scale = b->scale > 0 ? b->scale : 1;
		s->desc = pango_font_description_new();
		if (b->family)
			pango_font_description_set_family(s->desc, b->family);
		pango_font_description_set_weight(s->desc,
						  b->weight ? b->weight : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_style(s->desc, b->style);
		s->reach = 1.5 * widest_glyph_em(ctx, s->desc) *
			   (double)longest_paragraph(pango_layout_get_text(s->cur.layout));
	}
	return 0;
}

/* Width of a line without its trailing white space: Pango lets spaces at a break hang
 * past the edge, so they must not count as overflow. */
static int content_width(PangoLayoutLine *line, const char *text, const PangoLogAttr *attrs,
			 long end_off)
{
	int end = line->start_index + line->length, e = end;
	long off = end_off;
	while (e > line->start_index && off > 0 && attrs[off - 1].is_white) {
		e = (int)(g_utf8_prev_char(text + e) - text);
		off--;
	}
	int w;
	if (e == end) {
		PangoRectangle log;
		pango_layout_line_get_extents(line, NULL, &log);
		w = log.width;
	} else {
		pango_layout_line_index_to_x(line, e, FALSE, &w);
	}
	return w;
}

/* Measures s->layout: height, widest line, and whether a word did not fit. PANGO_WRAP_WORD
 * lets an overlong word stick out, and a line that ends where the text has no break
 * opportunity means Pango broke inside a word: both count as not fitting. */
static void laid_measure(laid *s, int width)
{
	PangoLayout *l = s->layout;
	int h;
	pango_layout_get_size(l, NULL, &h);
	s->height = h;
	const char *text = pango_layout_get_text(l);
	int nattrs;
	const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(l, &nattrs);
	int widest = 0, prev_end = 0;
	long off = 0;
	s->wide = false;
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		PangoLayoutLine *line = it->data;
		int end = line->start_index + line->length;
		off += g_utf8_pointer_to_offset(text + prev_end, text + end);
		prev_end = end;
		int w = content_width(line, text, attrs, off);
		if (w > widest)
			widest = w;
		PangoLayoutLine *next = it->next ? it->next->data : NULL;
		if (next && !next->is_paragraph_start && off < nattrs && !attrs[off].is_line_break)
			s->wide = true;
	}
	if (widest > width)
		s->wide = true;
	s->over = (double)widest / width;
}

/* Lays block i out at main size `size` (pt) unless it already is. */
static void slot_size(job *j, size_t i, double size)
{
	slot *s = &j->slots[i];
	int u = pt_to_pango(size * s->scale);
	if (s->cur.size == u)
		return;
	pango_font_description_set_size(s->desc, u);
	pango_layout_set_font_description(s->cur.layout, s->desc);
	s->cur.size = u;
	if (too_long(s, u)) {            /* never measured: Pango's numbers would be wrong */
		s->cur.height = 1 << 26; /* 65536 pt: taller than any card, and sums stay ints */
		s->cur.over = s->reach * u / PANGO_SCALE / ((double)j->width / PANGO_SCALE);
		s->cur.wide = true;
		return;
	}
	hyph_layout_tidy(s->cur.layout, size * s->scale, s->text, s->attrs);
	laid_measure(&s->cur, j->width);
}

/* Keeps the layouts just made (they fit) as the best so far; the next try reuses the
 * previous best layouts, or copies of these (same text and attributes). */
static void job_keep(job *j)
{
	for (size_t i = 0; i < j->n; i++) {
		slot *s = &j->slots[i];
		laid t = s->best;
		s->best = s->cur;
		s->cur = t;
		if (!s->cur.layout)
			s->cur = (laid){.layout = pango_layout_copy(s->best.layout)};
	}
}

/* Stack height and widest-line ratio at a main size. */
typedef struct {
	int height; /* Pango units; partial if measuring stopped early */
	double over;
	bool fits;
} fit;

/* Lays the blocks out at `size` and tells whether they fit `limit` (Pango units). With
 * `early`, stops at the first block that makes it fail. */
static fit job_measure(job *j, double size, int limit, bool early)
{
	fit r = {.fits = true};
	bool first = true;
	for (size_t i = 0; i < j->n; i++) {
		slot *s = &j->slots[i];
		if (s->empty)
			continue;
		slot_size(j, i, size);
		if (!first)
			r.height += pt_to_pango(j->blocks[i].space_before * size * s->scale);
		first = false;
		r.height += s->cur.height;
		if (s->cur.over > r.over)
			r.over = s->cur.over;
		if (s->cur.wide || r.height > limit)
			r.fits = false;
		if (!r.fits && early)
			break;
	}
	return r;
}

/* Hands the layouts over to out (the best ones if `best`, else the current ones), with
 * each block's top. */
static void job_result(job *j, bool best, double size, bool fits, tstack *out)
{
	*out = (tstack){.size = size, .fits = fits, .n = j->n};
	out->layouts = xcalloc(j->n, sizeof(PangoLayout *));
	out->y = xcalloc(j->n, sizeof(double));
	int y = 0;
	bool first = true;
	for (size_t i = 0; i < j->n; i++) {
		slot *s = &j->slots[i];
		laid *l = best ? &s->best : &s->cur;
		if (!s->empty) {
			if (!first)
				y += pt_to_pango(j->blocks[i].space_before * size * s->scale);
			first = false;
		}
		out->y[i] = (double)y / PANGO_SCALE;
		if (!s->empty)
			y += l->height;
		out->unknown_glyphs += pango_layout_get_unknown_glyphs_count(l->layout);
		out->fallback_glyphs += (int)typeset_fallback_chars(l->layout, NULL, 0, 0);
		out->layouts[i] = l->layout;
		l->layout = NULL;
	}
	out->height = (double)y / PANGO_SCALE;
	job_free(j);
}

/* The sizes to try: index k is max - k * STEP, and the last index, kmax, is min. */
typedef struct {
	double max, min;
	int kmax;
} grid;

static double grid_size(const grid *g, int k)
{
	return k >= g->kmax ? g->min : g->max - k * STEP;
}

/* The grid index the overflow at size_max points to: text area grows with the square of the
 * size, an overlong word with the size itself. */
static int estimate(const grid *g, fit at_max, int limit)
{
	double f = 1;
	if (at_max.height > limit)
		f = sqrt((double)limit / at_max.height);
	if (at_max.over > 1 && 1 / at_max.over < f)
		f = 1 / at_max.over;
	int k = (int)ceil((g->max - g->max * f) / STEP - 1e-9);
	return k < 1 ? 1 : k > g->kmax ? g->kmax : k;
}

/* True if the blocks fit at grid index k; their layouts are then kept as the best. */
static bool try_size(job *j, const grid *g, int k, int limit)
{
	if (!job_measure(j, grid_size(g, k), limit, true).fits)
		return false;
	job_keep(j);
	return true;
}

/* Distance of the n-th probe from the last one: 1, 1, 2, 4, 8... The estimate is usually
 * within a step or two, so walk before galloping. */
static int gallop(int n)
{
	return n < 2 ? 1 : 1 << (n - 1);
}

/* Smallest grid index that fits, given that index 0 does not; kmax + 1 if none fits.
 * Walks from the estimate k until a bracket (bad, good] is found, then bisects it. */
static int search(job *j, const grid *g, int limit, int k)
{
	int bad = 0, good = g->kmax + 1;
	if (try_size(j, g, k, limit)) {
		good = k;
		for (int n = 0, p; n < 30 && (p = good - gallop(n)) > bad; n++) {
			if (!try_size(j, g, p, limit)) {
				bad = p;
				break;
			}
			good = p;
		}
	} else {
		bad = k;
		for (int n = 0; n < 30 && bad < g->kmax; n++) {
			int p = bad + gallop(n) > g->kmax ? g->kmax : bad + gallop(n);
			if (try_size(j, g, p, limit)) {
				good = p;
				break;
			}
			bad = p;
		}
	}
	while (good <= g->kmax && good - bad > 1) {
		int mid = bad + (good - bad) / 2;
		if (try_size(j, g, mid, limit))
			good = mid;
		else
			bad = mid;
	}
	return good;
}

int typeset_stack(PangoContext *ctx, const tblock *blocks, size_t n, double width, double height,
		  double size_max, double size_min, tstack *out)
{
	*out = (tstack){0};
	job j;
	if (job_init(&j, ctx, blocks, n, width) != 0)
		return -1;
	grid g = {.max = size_max, .min = size_min < size_max ? size_min : size_max};
	g.kmax = (int)ceil((g.max - g.min) / STEP - 1e-9);
	int limit = height > 0 ? pt_to_pango(height) : 0;
	fit r = job_measure(&j, g.max, limit, false);
	if (r.fits || g.kmax == 0) {
		job_result(&j, false, g.max, r.fits, out);
		return 0;
	}
	int k = search(&j, &g, limit, estimate(&g, r, limit));
	if (k > g.kmax) { /* nothing fits: show it at size_min */
		job_measure(&j, g.min, limit, false);
		job_result(&j, false, g.min, false, out);
		return 0;
	}
	job_result(&j, true, grid_size(&g, k), true, out);
	return 0;
}

int typeset_stack_at(PangoContext *ctx, const tblock *blocks, size_t n, double width, double size,
		     tstack *out)
{
	*out = (tstack){0};
	job j;
	if (job_init(&j, ctx, blocks, n, width) != 0)
		return -1;
	fit r = job_measure(&j, size, INT_MAX, false);
	job_result(&j, false, size, r.fits, out);
	return 0;
}

void tstack_free(tstack *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->layouts && s->layouts[i])
			g_object_unref(s->layouts[i]);
	free(s->layouts);
	free(s->y);
	*s = (tstack){0};
}

size_t typeset_unknown_chars(PangoLayout *l, uint32_t *out, size_t n, size_t max)
{
	for (GSList *li = pango_layout_get_lines_readonly(l); li; li = li->next)
		for (GSList *r = ((PangoLayoutLine *)li->data)->runs; r; r = r->next) {
			const PangoGlyphString *gs = ((PangoGlyphItem *)r->data)->glyphs;
			for (int g = 0; g < gs->num_glyphs; g++) {
				PangoGlyph glyph = gs->glyphs[g].glyph;
				if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
				    glyph == PANGO_GLYPH_EMPTY)
					continue;
				uint32_t cp = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
				size_t k = 0;
				while (k < n && out[k] != cp)
					k++;
				if (k == n && n < max)
					out[n++] = cp;
			}
		}
	return n;
}

/* True if font has `family` among its names ("Open Sans Semibold" is also "Open Sans"). */
static bool font_of_family(PangoFont *font, const char *family)
{
	FcPattern *pat = PANGO_IS_FC_FONT(font) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font))
						: NULL;
	FcChar8 *name;
	for (int i = 0; pat && FcPatternGetString(pat, FC_FAMILY, i, &name) == FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(name, (const FcChar8 *)family) == 0)
			return true;
	return !pat; /* not a fontconfig font: nothing to compare */
}

/* True for characters that draw nothing, whose run's font does not matter. */
static bool invisible(gunichar ch)
{
	GUnicodeType t = g_unichar_type(ch);
	return g_unichar_isspace(ch) || t == G_UNICODE_FORMAT || t == G_UNICODE_CONTROL ||
	       t == G_UNICODE_SPACE_SEPARATOR || ch == 0x00AD;
}

static size_t add_fallback(fallback_char *out, size_t n, size_t max, uint32_t cp,
			   const char *family)
{
	for (size_t k = 0; k < n; k++)
		if (out[k].cp == cp)
			return n;
	if (n < max) {
		out[n].cp = cp;
		snprintf(out[n].family, sizeof out[n].family, "%s", family);
		n++;
	}
	return n;
}

size_t typeset_fallback_chars(PangoLayout *l, fallback_char *out, size_t n, size_t max)
{
	const PangoFontDescription *fd = pango_layout_get_font_description(l);
	const char *family = fd ? pango_font_description_get_family(fd) : NULL;
	const char *text = pango_layout_get_text(l);
	size_t count = 0;
	PangoFont *ok = NULL; /* the last font found to be of the family */
	for (GSList *li = family ? pango_layout_get_lines_readonly(l) : NULL; li; li = li->next)
		for (GSList *r = ((PangoLayoutLine *)li->data)->runs; r; r = r->next) {
			const PangoGlyphItem *run = r->data;
			PangoFont *font = run->item->analysis.font;
			if (!font || font == ok || font_of_family(font, family)) {
				ok = font;
				continue;
			}
			const PangoGlyphString *gs = run->glyphs;
			for (int g = 0; g < gs->num_glyphs; g++) {
				gunichar ch = g_utf8_get_char(text + run->item->offset +
							      gs->log_clusters[g]);
				if (invisible(ch) || (gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
					continue;
				count++;
				n = add_fallback(out, n, max, ch, family);
			}
		}
	return max ? n : count;
}

size_t typeset_missing_chars(PangoContext *ctx, const char *text, uint32_t *out, size_t max)
{
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_text(l, text, -1);
	size_t n = pango_layout_get_unknown_glyphs_count(l) ? typeset_unknown_chars(l, out, 0, max)
							    : 0;
	g_object_unref(l);
	return n;
}
