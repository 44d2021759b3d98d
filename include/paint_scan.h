/* paint_scan.h - what a Cairo drawing paints with, read back from the drawing itself: its
 * solid colours, and whether it uses gradients or patterns, or transparency.
 *
 * For PDF/X. Cairo writes RGB, and deckpress rewrites every colour it wrote as the ink it
 * recorded for it (ink_map.h); a drawing made by another library (an SVG drawn by librsvg)
 * sets colours deckpress never saw. Cairo has no API to list the operations of a recording
 * surface, but it can write one out as CairoScript: this reads that text as it streams by
 * (never holding it), so the colours are exactly those librsvg handed to Cairo. */
#ifndef DECKPRESS_PAINT_SCAN_H
#define DECKPRESS_PAINT_SCAN_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t *colors; /* distinct solid colours, 0xRRGGBB, in order of first use */
	size_t ncolors;
	bool pattern;     /* a gradient, a pattern or a picture is used as a colour */
	bool transparent; /* a colour with alpha below 1, a mask, or group opacity */
	bool blend;       /* an operator other than plain painting over (a blend mode) */
} paint_list;

/* Scans the drawing recorded in rec (a recording surface), and destroys rec. Returns 0, or
 * -1 when Cairo could not write the drawing out (out is then empty). Caller frees out with
 * paint_list_free. */
int paint_scan_recording(cairo_surface_t *rec, paint_list *out);
void paint_list_free(paint_list *p);

#endif
