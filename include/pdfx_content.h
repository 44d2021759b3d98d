/* pdfx_content.h - one content stream, its RGB colour operators rewritten as the CMYK inks
 * the program recorded for them (ink_map.h). Everything else is copied byte for byte. */
#ifndef DECKPRESS_PDFX_CONTENT_H
#define DECKPRESS_PDFX_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "color.h"
#include "ink_map.h"

typedef struct {
	const ink_map *inks;
	/* The fill ink in force when the stream starts (the caller's, for a form), or NULL. */
	const cmyk *fill;
	/* Called for every "/Name Do" with the name (without '/') and the fill ink in force
	 * there (NULL: none set yet), which is what lies beneath an image drawn right after its
	 * plate (render_image_backdrop). Returns NULL or an error message (caller of
	 * pdfx_recolor frees it). */
	char *(*on_do)(void *ctx, const char *name, const cmyk *fill);
	void *ctx;
} pdfx_recolor_opts;

/* Rewrites s (n bytes, decoded): r g b rg / RG and v g / G become c m y k k / K. Returns the
 * new stream (caller frees; *out_len bytes), or NULL with *err (caller frees) for a colour
 * that was not recorded, a colour operator deckpress does not write (cs, sc, scn, sh, an
 * inline image), or bytes that are no content stream. */
unsigned char *pdfx_recolor(const unsigned char *s, size_t n, const pdfx_recolor_opts *o,
			    size_t *out_len, char **err);

/* "c m y k" with at most 4 decimals and '.' whatever the locale, into buf (4 * NUM_BUF). */
char *pdfx_cmyk_text(char *buf, cmyk c);

#endif
