/* para.c - paragraph layouts at a fixed size, and their lines in points. */
#include "para.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "typeset.h"
#include "util.h"

/* Leading and tracking for the whole text, inserted before the markup's own attributes so
 * that a span with its own letter spacing still wins. */
static void whole_text_attrs(PangoAttrList *attrs, const para_style *st)
{
	if (st->leading > 0)
		pango_attr_list_insert_before(
			attrs, pango_attr_line_height_new_absolute(pt_to_pango(st->leading)));
	if (st->tracking != 0)
		pango_attr_list_insert_before(
			attrs, pango_attr_letter_spacing_new(pt_to_pango(st->tracking * st->size)));
}

PangoLayout *para_new(PangoContext *ctx, const para_style *st, const char *markup, double width)
{
	PangoAttrList *attrs = NULL;
	char *text = NULL;
	if (!pango_parse_markup(markup ? markup : "", -1, 0, &attrs, &text, NULL, NULL))
		return NULL;
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	if (st->family)
		pango_font_description_set_family(fd, st->family);
	pango_font_description_set_weight(fd, st->weight ? st->weight : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st->style);
	pango_font_description_set_size(fd, pt_to_pango(st->size));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, pt_to_pango(width));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	}
	pango_layout_set_alignment(l, st->align);
	if (st->hang > 0) {
		pango_layout_set_indent(l, -pt_to_pango(st->hang));
		PangoTabArray *tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
									 pt_to_pango(st->hang));
		pango_layout_set_tabs(l, tabs);
		pango_tab_array_free(tabs);
	}
	whole_text_attrs(attrs, st);
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	g_free(text);
	return l;
}

size_t para_lines(PangoLayout *l, para_line **out)
{
	size_t n = (size_t)pango_layout_get_line_count(l), i = 0;
	*out = xcalloc(n ? n : 1, sizeof **out);
	const char *text = pango_layout_get_text(l);
	long chars = 0;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoRectangle log;
		int y0, y1;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		(*out)[i++] = (para_line){.x = pango_to_pt(log.x),
					  .top = pango_to_pt(y0),
					  .bottom = pango_to_pt(y1),
					  .baseline = pango_to_pt(pango_layout_iter_get_baseline(it)),
					  .start = line->start_index,
					  .end = line->start_index + line->length,
					  .chars = chars,
					  .pl = line};
		chars += g_utf8_strlen(text + line->start_index, line->length);
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return i;
}

double para_height(PangoLayout *l)
{
	int h;
	pango_layout_get_size(l, NULL, &h);
	return pango_to_pt(h);
}

double para_width(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return pango_to_pt(log.width);
}

/* What pango_layout_line_index_to_x gives for byte `index` of line L: the x of the leading
 * (trailing) edge of the character there, moved to a cursor position, Pango units from the
 * line's left end. Pango counts the characters from the start of the text at every call,
 * which made a range's spans cost the whole text; here they are counted from the line's
 * start (L->chars). */
static int index_to_x(PangoLayout *l, const para_line *L, int index, bool trailing)
{
	const char *text = pango_layout_get_text(l);
	int nattrs, nchars = pango_layout_get_character_count(l), width = 0;
	const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(l, &nattrs);
	const PangoLayoutLine *line = L->pl;
	for (GSList *rl = line->runs; rl; rl = rl->next) {
		PangoGlyphItem *run = rl->data;
		PangoItem *item = run->item;
		if (item->offset > index || item->offset + item->length <= index) {
			width += pango_glyph_string_get_width(run->glyphs);
			continue;
		}
		long off = L->chars + g_utf8_pointer_to_offset(text + L->start, text + index);
		if (trailing)
			while (index < line->start_index + line->length && off + 1 < nchars &&
			       !la[off + 1].is_cursor_position) {
				off++;
				index = (int)(g_utf8_next_char(text + index) - text);
			}
		else
			while (index > line->start_index && !la[off].is_cursor_position) {
				off--;
				index = (int)(g_utf8_prev_char(text + index) - text);
			}
		long item_off =
			L->chars + g_utf8_pointer_to_offset(text + L->start, text + item->offset);
		int x;
		pango_glyph_string_index_to_x_full(run->glyphs, text + item->offset, item->length,
						   &item->analysis, (PangoLogAttr *)la + item_off,
						   index - item->offset, trailing, &x);
		return x + width;
	}
	return width;
}

size_t para_range(PangoLayout *l, const para_line *lines, size_t from, size_t to, int start,
		  int end, para_span **out)
{
	const char *text = pango_layout_get_text(l);
	size_t k = 0;
	*out = xcalloc(to > from ? to - from : 1, sizeof **out);
	for (size_t i = from; i < to; i++) {
		int a = start > lines[i].start ? start : lines[i].start;
		int b = end < lines[i].end ? end : lines[i].end;
		if (a >= b)
			continue;
		/* the leading edge of the first character, the trailing edge of the last */
		int last = (int)(g_utf8_prev_char(text + b) - text);
		int xa = index_to_x(l, &lines[i], a, false),
		    xb = index_to_x(l, &lines[i], last, true);
		double x0 = lines[i].x + pango_to_pt(xa < xb ? xa : xb),
		       x1 = lines[i].x + pango_to_pt(xa < xb ? xb : xa);
		(*out)[k++] = (para_span){
			{x0, lines[i].top, x1 - x0, lines[i].bottom - lines[i].top}, (int)i};
	}
	return k;
}

/* --- drawing lines, or parts of them, without the soft hyphens inside lines ---
 *
 * Pango keeps a soft hyphen that does not end a line as an empty glyph, and Cairo writes
 * such a cluster as an empty /ActualText span: on a deck of Dutch cards, one span every
 * few words and a tenth of the page output. These functions hand Cairo each run in pieces
 * that leave those clusters out, so a word reads (and is found) as it did; each glyph
 * lands exactly where Pango's renderer puts it (see show_glyphs). A soft hyphen that ends a
 * line keeps its hyphen glyph and its text. */

/* The first cluster boundary of run r at or after byte k of the text (k inside the run). */
static int cluster_start(const PangoGlyphItem *r, int k)
{
	int o = r->item->offset, best = o + r->item->length;
	for (int g = 0; g < r->glyphs->num_glyphs; g++) {
		int c = o + r->glyphs->log_clusters[g];
		if (c >= k && c < best)
			best = c;
	}
	return best;
}

static bool is_shy(const char *c)
{
	return (unsigned char)c[0] == 0xc2 && (unsigned char)c[1] == 0xad;
}

/* True if glyph g of glyph string gs (its clusters from byte o of text) is a soft hyphen
 * inside a line: an empty glyph that is a cluster of its own. */
static bool hidden_shy(const PangoGlyphString *gs, const char *text, int o, int g)
{
	int c = gs->log_clusters[g];
	return gs->glyphs[g].glyph == PANGO_GLYPH_EMPTY && is_shy(text + o + c) &&
	       (g == 0 || gs->log_clusters[g - 1] != c) &&
	       (g + 1 == gs->num_glyphs || gs->log_clusters[g + 1] != c);
}

/* Pango draws the space that ends a line as an empty glyph (it has no width there). Cairo
 * would write its text as an empty /ActualText span, or nothing at all when the space is a
 * run of its own (after a bold word): the line's last word then runs into the next line's
 * first for a screen reader. Given back its glyph, the space is text like any other. True
 * if glyph g is such a space; *glyph gets the font's space glyph. */
static bool line_end_space(const PangoGlyphItem *r, const char *text, int g, PangoGlyph *glyph)
{
	const PangoGlyphString *gs = r->glyphs;
	int c = gs->log_clusters[g];
	if (gs->glyphs[g].glyph != PANGO_GLYPH_EMPTY || text[r->item->offset + c] != ' ' ||
	    (g > 0 && gs->log_clusters[g - 1] == c) ||
	    (g + 1 < gs->num_glyphs && gs->log_clusters[g + 1] == c) || !r->item->analysis.font)
		return false;
	hb_codepoint_t cp;
	hb_font_t *hb = pango_font_get_hb_font(r->item->analysis.font);
	if (!hb || !hb_font_get_nominal_glyph(hb, ' ', &cp))
		return false;
	*glyph = cp;
	return true;
}

/* A run's part as Cairo gets it: its text without the hidden soft hyphens, in buf, and the
 * glyphs that go with it. */
typedef struct {
	PangoItem item; /* shares the run's analysis; offset 0 into text */
	PangoGlyphString *glyphs;
	char *text;
} part;

/* The glyphs of run r for bytes [a, b) of text, less the hidden soft hyphens, each glyph
 * moved by the width of the glyphs before it that the part leaves out and by (dx, dy) (Pango
 * units): where it stands in the line. False when the part has no glyphs in r. */
static bool run_part(const PangoGlyphItem *r, const char *text, int a, int b, int dx, int dy,
		     part *p)
{
	int o = r->item->offset, e = o + r->item->length;
	a = a <= o ? o : cluster_start(r, a);
	b = b >= e ? e : cluster_start(r, b);
	if (a >= b)
		return false;
	/* glyphs are in visual order; a part's clusters are a run of them either way */
	const PangoGlyphString *gs = r->glyphs;
	p->glyphs = pango_glyph_string_new();
	pango_glyph_string_set_size(p->glyphs, gs->num_glyphs);
	p->text = g_malloc((size_t)(b - a) + 1);
	int n = 0, moved = dx, len = 0, from = a; /* text copied up to byte `from` */
	for (int g = 0; g < gs->num_glyphs; g++) {
		int c = o + gs->log_clusters[g];
		if (c < a || c >= b || hidden_shy(gs, text, o, g)) {
			moved += gs->glyphs[g].geometry.width;
			if (c >= a && c < b) { /* the soft hyphen's two bytes stay out */
				memcpy(p->text + len, text + from, (size_t)(c - from));
				len += c - from;
				from = c + 2;
			}
			continue;
		}
		p->glyphs->glyphs[n] = gs->glyphs[g];
		line_end_space(r, text, g, &p->glyphs->glyphs[n].glyph);
		p->glyphs->glyphs[n].geometry.x_offset += moved;
		p->glyphs->glyphs[n].geometry.y_offset += dy;
		p->glyphs->log_clusters[n++] = len + (c - from);
	}
	memcpy(p->text + len, text + from, (size_t)(b - from));
	len += b - from;
	p->text[len] = '\0';
	pango_glyph_string_set_size(p->glyphs, n);
	p->item = *r->item;
	p->item.offset = 0;
	p->item.length = len;
	p->item.num_chars = (int)g_utf8_strlen(p->text, len);
	if (n)
		return true;
	pango_glyph_string_free(p->glyphs);
	g_free(p->text);
	return false;
}

/* The run's own foreground colour, as Pango's renderer would set it; false if none. */
static bool run_color(const PangoGlyphItem *r, cairo_t *cr)
{
	for (GSList *a = r->item->analysis.extra_attrs; a; a = a->next) {
		const PangoAttribute *attr = a->data;
		if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
			const PangoColor *c = &((const PangoAttrColor *)attr)->color;
			cairo_set_source_rgb(cr, c->red / 65535., c->green / 65535.,
					     c->blue / 65535.);
			return true;
		}
	}
	return false;
}

/* Draws bytes [a, b) of run r from the current point, moved by (dx, dy) Pango units.
 * Glyph offsets carry the move, so positions add up exactly as Pango's own do; the current
 * point stays where it is (Cairo keeps it in fixed point, it would round the move). */
static void show_run(cairo_t *cr, const char *text, const PangoGlyphItem *r, int a, int b, int dx,
		     int dy)
{
	part p;
	if (!run_part(r, text, a, b, dx, dy, &p))
		return;
	double x0, y0;
	cairo_get_current_point(cr, &x0, &y0);
	PangoGlyphItem gi = {&p.item, p.glyphs, 0, 0, 0};
	cairo_pattern_t *src = cairo_pattern_reference(cairo_get_source(cr));
	run_color(r, cr);
	pango_cairo_show_glyph_item(cr, p.text, &gi);
	cairo_set_source(cr, src);
	cairo_pattern_destroy(src);
	cairo_move_to(cr, x0, y0);
	pango_glyph_string_free(p.glyphs);
	g_free(p.text);
}

/* Draws bytes [start, end) of line ln, whose left end on its baseline is (dx, dy) Pango
 * units from the current point, as Pango's renderer would run by run. */
static void show_line(cairo_t *cr, const char *text, const PangoLayoutLine *ln, int start, int end,
		      int dx, int dy)
{
	int x = dx;
	for (GSList *r = ln ? ln->runs : NULL; r; r = r->next) {
		const PangoGlyphItem *run = r->data;
		x += run->start_x_offset;
		show_run(cr, text, run, start, end, x, dy - run->y_offset);
		x += pango_glyph_string_get_width(run->glyphs) + run->end_x_offset;
	}
}

void para_show_part(cairo_t *cr, PangoLayout *l, int line, int start, int end)
{
	show_line(cr, pango_layout_get_text(l), pango_layout_get_line_readonly(l, line), start, end,
		  0, 0);
}

/* What show_line leaves to Pango's renderer: underlines, backgrounds, shapes, alpha,
 * right-to-left and vertical text. */
static bool plain_run(const PangoGlyphItem *r)
{
	if (r->item->analysis.level & 1 ||
	    r->item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE)
		return false;
	for (GSList *a = r->item->analysis.extra_attrs; a; a = a->next)
		switch (((const PangoAttribute *)a->data)->klass->type) {
		case PANGO_ATTR_FOREGROUND:
		case PANGO_ATTR_LETTER_SPACING:
		case PANGO_ATTR_LINE_HEIGHT:
		case PANGO_ATTR_ABSOLUTE_LINE_HEIGHT:
		case PANGO_ATTR_FONT_FEATURES:
		case PANGO_ATTR_FALLBACK:
		case PANGO_ATTR_INSERT_HYPHENS:
			break;
		default:
			return false;
		}
	return true;
}

/* True if drawing l line by line gives Cairo exactly the glyph positions Pango's renderer
 * would: the matrix only moves, by whole 1/256 pt (so the current point, kept in 24.8 fixed
 * point, and every sum of it with Pango units are exact doubles), and every run is plain. */
static bool own_drawing(cairo_t *cr, PangoLayout *l)
{
	if (!strstr(pango_layout_get_text(l), "\xc2\xad") ||
	    !cairo_surface_has_show_text_glyphs(cairo_get_target(cr)) ||
	    pango_context_get_matrix(pango_layout_get_context(l)))
		return false;
	cairo_matrix_t m;
	cairo_get_matrix(cr, &m);
	if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 || m.x0 * 256 != floor(m.x0 * 256) ||
	    m.y0 * 256 != floor(m.y0 * 256))
		return false;
	for (GSList *li = pango_layout_get_lines_readonly(l); li; li = li->next)
		for (GSList *r = ((PangoLayoutLine *)li->data)->runs; r; r = r->next)
			if (!plain_run(r->data))
				return false;
	return true;
}

void para_show(cairo_t *cr, PangoLayout *l)
{
	if (!own_drawing(cr, l)) {
		pango_cairo_show_layout(cr, l);
		return;
	}
	const char *text = pango_layout_get_text(l);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		show_line(cr, text, pango_layout_iter_get_line_readonly(it), 0, INT_MAX, log.x,
			  pango_layout_iter_get_baseline(it));
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}
