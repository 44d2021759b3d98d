/* render_picture.h - a picture (icon, logo, card image) drawn into a page, with what a PDF/X
 * drawing needs besides: the inks of an SVG's colours recorded (render_note_colors), and
 * the colour beneath the picture set again right where it is drawn, so that PDF/X-1a
 * flattens a PNG's transparency onto that ink (render_image_backdrop). */
#ifndef DECKPRESS_RENDER_PICTURE_H
#define DECKPRESS_RENDER_PICTURE_H

#include <cairo.h>
#include <stdint.h>

#include "image.h"
#include "rect.h"

/* Draws im fitted to box (points, user space) over a plate of 0xRRGGBB mixed towards white
 * by fade (what lies beneath it there; as render_set_color). */
void render_picture(cairo_t *cr, const image *im, rect box, image_fit fit, uint32_t beneath,
		    double fade);

#endif
