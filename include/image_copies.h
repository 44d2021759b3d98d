/* image_copies.h - the copies of pictures a PDF (or recording) surface paints from.
 *
 * Cairo 1.16's PDF surface writes a resource key twice (a damaged file, says qpdf) when one
 * source surface is painted twice on a page or in one form, and writes a source surface that
 * several pages paint once, referring to it after. So the n-th painting of a picture on a
 * page takes the picture's n-th copy, and the copies are kept, with the surface, for the
 * pages after: a logo on every back is one image (or form) in the file, not one per card.
 * Copies of pictures that the pages since did not paint are let go of beyond a budget of
 * bytes, the longest unused first, so the photos of single cards are not all held. */
#ifndef DECKPRESS_IMAGE_COPIES_H
#define DECKPRESS_IMAGE_COPIES_H

#include <cairo.h>
#include <stddef.h>

/* Copies kept for pictures not painted on the page just ended, at most (bytes). */
#define IMAGE_COPIES_IDLE_BYTES ((size_t)32 << 20)

/* The surface for the next painting of picture id (a number never reused in this process)
 * on target's page: its next copy, made by make(arg) the first time (about bytes of memory).
 * Returns a reference: the caller destroys it once painted. */
cairo_surface_t *image_copies_take(cairo_surface_t *target, unsigned long id, size_t bytes,
				   cairo_surface_t *(*make)(const void *arg), const void *arg);
/* After target's page is shown: every copy may be painted again. */
void image_copies_page_end(cairo_surface_t *target);

#endif
