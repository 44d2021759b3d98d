/* paint_scan.h - what a Cairo drawing paints with, read back from the drawing itself: its
 * solid colours, and whether it uses gradients, patterns or pictures, or transparency.
 *
 * For PDF/X. Cairo writes RGB, and deckpress rewrites every colour it wrote as the ink it
 * recorded for it (ink_map.h); a drawing made by another library (an SVG drawn by librsvg)
 * sets colours deckpress never saw. Cairo has no API to list the operations of a drawing,
 * so the drawing is made on a PDF surface in memory, the same surface the cards and the
 * booklet are drawn on, and its content streams are read back with libqpdf: the colours are
 * exactly those Cairo writes into a PDF for it. (Cairo's CairoScript writer, used before,
 * aborts the program on a rectangle far left of the page, which an SVG may well hold.) */
#ifndef DECKPRESS_PAINT_SCAN_H
#define DECKPRESS_PAINT_SCAN_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t *colors; /* distinct solid colours, 0xRRGGBB, in order of first use */
	size_t ncolors;
	bool pattern;     /* a gradient, a pattern, a mask or a picture is used as a colour */
	bool transparent; /* a colour with alpha below 1, a mask, or group opacity */
	bool blend;       /* a blend mode other than plain painting over */
	size_t bytes;     /* the drawing's size: bytes of PDF content, each form once */
} paint_list;

typedef struct paint_scan paint_scan;

/* A drawing of w x h points (both at least 1) to be scanned: draw on paint_scan_surface. */
paint_scan *paint_scan_new(double w, double h);
/* The surface to draw on; owned by s. */
cairo_surface_t *paint_scan_surface(paint_scan *s);
/* Ends the drawing, reads what it paints with into out, and frees s. Returns 0, or -1 when
 * Cairo failed to draw or write it (out is then empty). Caller frees out with
 * paint_list_free. */
int paint_scan_finish(paint_scan *s, paint_list *out);
void paint_list_free(paint_list *p);

#endif
