/* image.h - pictures a deck names (team logos): read through input.h (a regular file in the
 * deck's folder, at most image-bytes), the PNG header checked against image-pixels before
 * anything is decoded, then decoded from memory. */
#ifndef DECKPRESS_IMAGE_H
#define DECKPRESS_IMAGE_H

#include <cairo.h>
#include <stddef.h>

#include "input.h"

typedef struct {
	input_result in; /* how reading went (in.status != IN_OK: could not be read) */
	int limit;       /* the bound (bounds.h) it is over, or -1 */
	char *why; /* what is wrong, for "logo 'x.png' <why>"; caller frees (image_error_free) */
} image_error;

/* Width and height from a PNG's header; -1 if buf is not a PNG. */
int image_png_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h);
/* The PNG at path (inside root), decoded; NULL with e filled in. Caller destroys. */
cairo_surface_t *image_load_png(const char *path, const char *root, image_error *e);
void image_error_free(image_error *e);

#endif
