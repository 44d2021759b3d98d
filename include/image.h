/* image.h - pictures a deck names (team logos, category icons, card images), PNG or SVG.
 *
 * Every file is untrusted. It is read through input.h (a regular file in the deck's folder);
 * a PNG is at most image-bytes and its header is checked against image-pixels before anything
 * is decoded; an SVG is at most svg-bytes, is refused when it refers to anything outside
 * itself (links, embedded pictures, data: URLs, entities, CSS imports) or holds text (it
 * would be set in the machine's fonts) or filters (they print as pixels), is parsed by
 * librsvg with its safety limits on and no base file (so it can load nothing), and its size
 * is bounded by image-pixels. An SVG is drawn as vectors. Units: points on the Cairo side. */
#ifndef DECKPRESS_IMAGE_H
#define DECKPRESS_IMAGE_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input.h"
#include "rect.h"

typedef struct {
	input_result in; /* how reading went (in.status != IN_OK: could not be read) */
	int limit;       /* the bound (bounds.h) it is over, or -1 */
	char *why; /* what is wrong, for "logo 'x.png' <why>"; caller frees (image_error_free) */
} image_error;

/* Width and height from a PNG's header; -1 if buf is not a PNG. */
int image_png_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h);
void image_error_free(image_error *e);

/* A decoded picture: pixels (PNG) or vectors (SVG). */
typedef struct image image;

/* The PNG or SVG at path (inside root; the kind is told by its first bytes), decoded and
 * checked; NULL with e filled in. Caller frees with image_free. */
image *image_load(const char *path, const char *root, image_error *e);
/* Same from bytes already read (len bytes; the fuzzer and unit tests). */
image *image_load_mem(const unsigned char *buf, size_t len, image_error *e);
/* One more holder of im (a picture is shared, never changed once loaded); returns im. */
image *image_ref(image *im);
/* Lets go of im: the last holder frees it. NULL is ignored. */
void image_free(image *im);
/* True when im has holders besides the caller's reference. */
bool image_shared(const image *im);
/* About the memory im holds, in bytes: a PNG's pixels; for an SVG, what librsvg holds for
 * its elements, estimated from its bytes (the same in every run). */
size_t image_bytes(const image *im);
/* True for an SVG (drawn as vectors: no resolution). */
bool image_is_vector(const image *im);
/* The solid colours an SVG is drawn in (0xRRGGBB, each once; *n = 0 for a PNG), read from
 * what librsvg draws (paint_scan.h): a PDF/X file needs the ink of each. Owned by im. */
const uint32_t *image_colors(const image *im, size_t *n);
/* Why the picture cannot go into a PDF/X file (PDF/X-1a when x1a), or NULL: an SVG's
 * gradients and patterns have no CMYK conversion in deckpress, and PDF/X-1a allows no
 * transparency (a PNG's is flattened onto the colour beneath it, an SVG's cannot be).
 * Static string, for "icon 'x.svg' <why>". */
const char *image_pdfx_problem(const image *im, bool x1a);
/* Natural size: pixels of a PNG, CSS pixels (1/96 in) of an SVG. Both > 0. */
void image_size(const image *im, double *w, double *h);

typedef enum {
	IMAGE_CONTAIN, /* the whole picture, as large as fits, centred in the box */
	IMAGE_COVER,   /* the box filled, centred; what overflows it is cut off */
} image_fit;

/* The part of the box the picture covers once fitted (pt); for COVER, the box itself. */
rect image_fitted(const image *im, rect box, image_fit fit);
/* Effective resolution of a PNG fitted to box, in pixels per inch at print size; 0 for an
 * SVG. */
double image_ppi(const image *im, rect box, image_fit fit);
/* Draws the picture fitted to box (points, current user space), clipped to box and, for an
 * SVG, to its viewBox. On a PDF surface the picture is painted from copies kept with the
 * surface (image_copies.h): a PNG's pixels, an SVG recorded once (a form in the file); a
 * page must then end with image_show_page. */
void image_draw(cairo_t *cr, const image *im, rect box, image_fit fit);
/* cairo_show_page for a surface image_draw paints on: the next page paints the copies this
 * one did (each goes into the file once), and copies of PNGs this page did not paint are let
 * go of. */
void image_show_page(cairo_t *cr);

#endif
