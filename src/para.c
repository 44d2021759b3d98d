/* para.c - paragraph layouts at a fixed size, and their lines in points. */
#include "para.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "util.h"

static int units(double pt)
{
	return (int)lround(pt * PANGO_SCALE);
}

static double pts(int u)
{
	return (double)u / PANGO_SCALE;
}

/* Leading and tracking for the whole text, inserted before the markup's own attributes so
 * that a span with its own letter spacing still wins. */
static void whole_text_attrs(PangoAttrList *attrs, const para_style *st)
{
	if (st->leading > 0)
		pango_attr_list_insert_before(
			attrs, pango_attr_line_height_new_absolute(units(st->leading)));
	if (st->tracking != 0)
		pango_attr_list_insert_before(
			attrs, pango_attr_letter_spacing_new(units(st->tracking * st->size)));
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
	pango_font_description_set_size(fd, units(st->size));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, units(width));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	}
	pango_layout_set_alignment(l, st->align);
	if (st->hang > 0) {
		pango_layout_set_indent(l, -units(st->hang));
		PangoTabArray *tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
									 units(st->hang));
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
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoRectangle log;
		int y0, y1;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		(*out)[i++] = (para_line){.x = pts(log.x),
					  .top = pts(y0),
					  .bottom = pts(y1),
					  .baseline = pts(pango_layout_iter_get_baseline(it)),
					  .start = line->start_index,
					  .end = line->start_index + line->length};
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return i;
}

double para_height(PangoLayout *l)
{
	int h;
	pango_layout_get_size(l, NULL, &h);
	return pts(h);
}

double para_width(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return pts(log.width);
}

size_t para_range(PangoLayout *l, int start, int end, para_span **out)
{
	const char *text = pango_layout_get_text(l);
	para_line *lines;
	size_t n = para_lines(l, &lines), k = 0;
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		int a = start > lines[i].start ? start : lines[i].start;
		int b = end < lines[i].end ? end : lines[i].end;
		if (a >= b)
			continue;
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, (int)i);
		/* the leading edge of the first character, the trailing edge of the last */
		int last = (int)(g_utf8_prev_char(text + b) - text), xa, xb;
		pango_layout_line_index_to_x(line, a, FALSE, &xa);
		pango_layout_line_index_to_x(line, last, TRUE, &xb);
		double x0 = lines[i].x + pts(xa < xb ? xa : xb),
		       x1 = lines[i].x + pts(xa < xb ? xb : xa);
		(*out)[k++] = (para_span){
			{x0, lines[i].top, x1 - x0, lines[i].bottom - lines[i].top}, (int)i};
	}
	free(lines);
	return k;
}

/* --- drawing part of a line --- */

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

/* The glyphs of run r for bytes [a, b) of text, in *item and a new glyph string (caller
 * frees), each glyph moved right by the width of the run's glyphs left of the part and by x
 * (Pango units): where it stands in the line. The item shares r's analysis. Returns NULL
 * when the part has no glyphs in r. */
static PangoGlyphString *run_part(const PangoGlyphItem *r, const char *text, int a, int b, int x,
				  PangoItem *item)
{
	int o = r->item->offset, e = o + r->item->length;
	a = a <= o ? o : cluster_start(r, a);
	b = b >= e ? e : cluster_start(r, b);
	if (a >= b)
		return NULL;
	/* glyphs are in visual order; a part's clusters are a run of them either way */
	const PangoGlyphString *gs = r->glyphs;
	int first = -1, n = 0, left = 0;
	for (int g = 0; g < gs->num_glyphs; g++) {
		int c = o + gs->log_clusters[g];
		if (c >= a && c < b) {
			first = first < 0 ? g : first;
			n++;
		} else if (first < 0) {
			left += gs->glyphs[g].geometry.width;
		}
	}
	if (!n)
		return NULL;
	PangoGlyphString *part = pango_glyph_string_new();
	pango_glyph_string_set_size(part, n);
	for (int i = 0; i < n; i++) {
		part->glyphs[i] = gs->glyphs[first + i];
		part->glyphs[i].geometry.x_offset += left + x;
		part->log_clusters[i] = gs->log_clusters[first + i] - (a - o);
	}
	*item = *r->item;
	item->offset = a;
	item->length = b - a;
	item->num_chars = (int)g_utf8_strlen(text + a, b - a);
	return part;
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

void para_show_part(cairo_t *cr, PangoLayout *l, int line, int start, int end)
{
	PangoLayoutLine *ln = pango_layout_get_line_readonly(l, line);
	const char *text = pango_layout_get_text(l);
	double x0, y0;
	cairo_get_current_point(cr, &x0, &y0);
	int x = 0;
	for (GSList *r = ln ? ln->runs : NULL; r; r = r->next) {
		const PangoGlyphItem *run = r->data;
		x += run->start_x_offset;
		PangoItem item;
		/* Glyph offsets carry the shift, so positions add up exactly as Pango's own do;
		 * the current point stays the line's start (Cairo keeps it in fixed point). */
		PangoGlyphString *gs = run_part(run, text, start, end, x, &item);
		if (gs) {
			for (int i = 0; i < gs->num_glyphs; i++)
				gs->glyphs[i].geometry.y_offset -= run->y_offset;
			PangoGlyphItem part = {&item, gs, 0, 0, 0};
			cairo_pattern_t *src = cairo_pattern_reference(cairo_get_source(cr));
			run_color(run, cr);
			cairo_move_to(cr, x0, y0);
			pango_cairo_show_glyph_item(cr, text, &part);
			cairo_set_source(cr, src);
			cairo_pattern_destroy(src);
			pango_glyph_string_free(gs);
		}
		x += pango_glyph_string_get_width(run->glyphs) + run->end_x_offset;
	}
	cairo_move_to(cr, x0, y0);
}
