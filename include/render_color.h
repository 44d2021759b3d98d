/* render_color.h - the only way deckpress sets a colour to draw with. On a PDF/X drawing
 * (ink_map_attach) each call also records the CMYK ink the colour stands for; elsewhere it is
 * plain sRGB. */
#ifndef DECKPRESS_RENDER_COLOR_H
#define DECKPRESS_RENDER_COLOR_H

#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>
#include <stdint.h>

/* Sets the source colour from 0xRRGGBB, mixed towards white by `fade` (0 = as is); prints as
 * the deck's ink for that colour, as a tint (ink_map_cmyk). */
void render_set_color(cairo_t *cr, uint32_t rgb, double fade);
/* A grey (0 black .. 1 white) for marks and notes: prints in black ink (K) only. */
void render_set_gray(cairo_t *cr, double level);
/* Registration colour for crop marks: prints in all four inks at 100 %. */
void render_set_registration(cairo_t *cr);
/* Records the colours Pango itself sets for l's markup (<span foreground>): call before
 * pango_cairo_show_layout(_line) on a PDF/X drawing. */
void render_note_markup_colors(cairo_t *cr, PangoLayout *l);
/* Records the colours (0xRRGGBB) another library draws with as they are (an SVG drawn by
 * librsvg: image_colors), each as the ink render_set_color would give it. On a PDF/X
 * drawing, call before anything else is drawn, so that no colour of the program's own is
 * moved onto theirs. */
void render_note_colors(cairo_t *cr, const uint32_t *rgb, size_t n);
/* Before painting an image with transparency at x,y (w x h, user space) over a plate of
 * 0xRRGGBB mixed towards white by fade (as render_set_color): on a PDF/X drawing, fills that
 * box with the plate again, so that the colour in force where the image is drawn is what
 * lies beneath it (PDF/X-1a flattens onto it). */
void render_image_backdrop(cairo_t *cr, uint32_t rgb, double fade, double x, double y, double w,
			   double h);

#endif
