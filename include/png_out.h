/* png_out.h - an RGB image surface written as a PNG file.
 *
 * libpng with no row filter and zlib level 3: card faces are flat colour and text, on which
 * libpng's adaptive filter choice (every filter tried on every row, as Cairo's own writer
 * does) at zlib's default level costs 3.6 times the time for files of about the same size
 * (the bench deck's faces at 300 dpi: 18.3 ms and 5.1 ms an image; 2% larger in all). */
#ifndef DECKPRESS_PNG_OUT_H
#define DECKPRESS_PNG_OUT_H

#include <cairo.h>
#include <stdio.h>

/* Writes s (CAIRO_FORMAT_RGB24, any size) to fp as an 8-bit RGB PNG. Returns 0, or an errno
 * value: the first failed write's, EINVAL for another format, ENOMEM when s is an error
 * surface (Cairo could not make it) or libpng fails. */
int png_out_write(cairo_surface_t *s, FILE *fp);

#endif
