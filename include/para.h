/* para.h - one paragraph as a Pango layout at a fixed size, and where its lines are.
 *
 * The booklet flows text across pages line by line, so it needs each line's position; this
 * module gives them in points (Pango units stay inside para.c and typeset.c). Text wraps
 * at word boundaries and at the soft hyphens already in the markup, ragged right: Pango
 * 1.50 justifies a line that ends in a soft hyphen as if the hyphen took no room, so the
 * hyphen sticks out past the right edge. */
#ifndef DECKPRESS_PARA_H
#define DECKPRESS_PARA_H

#include <cairo.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>

#include "rect.h"

typedef struct {
	const char *family; /* NULL = the context's default */
	PangoWeight weight; /* 0 = normal */
	PangoStyle style;
	double size;     /* pt */
	double leading;  /* baseline to baseline, pt; 0 = the font's own line height */
	double hang;     /* hanging indent, pt: lines after the first start here, and a tab
			  * in the first line jumps here (for "1.\ttext" and bullets) */
	double tracking; /* letter spacing, em */
	PangoAlignment align;
} para_style;

/* A layout of Pango markup in style st, wrapped at width pt (0 = no wrapping). Returns NULL
 * if the markup is invalid. Caller releases it with g_object_unref. */
PangoLayout *para_new(PangoContext *ctx, const para_style *st, const char *markup, double width);

/* One line of a layout, in points from the layout's top-left. */
typedef struct {
	double x; /* left edge of the line (indents and alignment included) */
	double top, bottom, baseline;
	int start, end;      /* byte range of the line in pango_layout_get_text */
	long chars;          /* characters of the text before the line */
	PangoLayoutLine *pl; /* borrowed from the layout, as long as it is not changed */
} para_line;

/* The lines of l in *out (caller frees); returns how many. */
size_t para_lines(PangoLayout *l, para_line **out);

/* The logical height of l, pt. */
double para_height(PangoLayout *l);
/* The logical width of the widest line of l, pt. */
double para_width(PangoLayout *l);

/* One piece of a text range: the part of the range on line `line`. */
typedef struct {
	rect r; /* from the layout's top-left, pt */
	int line;
} para_span;

/* The rectangles covering bytes [start, end) of l's text on lines[from..to) (from
 * para_lines of l), one per line the range touches, in *out (caller frees); returns how
 * many. Its cost grows with those lines only, not with the whole text: a bibliography entry
 * with thousands of links has each link's range found this way. */
size_t para_range(PangoLayout *l, const para_line *lines, size_t from, size_t to, int start,
		  int end, para_span **out);

/* Draws the glyphs of line `line` of l that belong to bytes [start, end) of its text, each
 * exactly where pango_cairo_show_layout_line would draw it from the current point of cr
 * (the line's left end on its baseline); the current point is kept. A range boundary
 * inside a cluster (a ligature) moves to the cluster's end. For drawing a line in parts:
 * tagged PDF marks each part as a structure element of its own. Soft hyphens inside the
 * line are left out of the text Cairo gets (see para_show). */
void para_show_part(cairo_t *cr, PangoLayout *l, int line, int start, int end);

/* Draws l from the current point as pango_cairo_show_layout does, glyph for glyph, but a
 * soft hyphen inside a line is not handed to Cairo: Cairo would write an empty /ActualText
 * span for each (text extraction gives the same words either way). Falls back to
 * pango_cairo_show_layout when l has no soft hyphen, the target is not a PDF, cr's matrix
 * does more than move by whole 1/256 pt, or a run needs Pango's renderer (underline,
 * background, shape, alpha, right-to-left). */
void para_show(cairo_t *cr, PangoLayout *l);

#endif
