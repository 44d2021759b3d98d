/* color.h - print colour: an output CMYK profile (the built-in FOGRA39 or a shop's own) and
 * the conversions deckpress makes with Little CMS 2. Screen colours are sRGB; print colours
 * are CMYK fractions 0..1 of the profile's inks. docs/printing.md says which rule gives
 * which ink. */
#ifndef DECKPRESS_COLOR_H
#define DECKPRESS_COLOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	double c, m, y, k; /* 0..1 */
} cmyk;

/* The FOGRA39 profile compiled into the program (made at build time from Debian's
 * FOGRA39L.ti3 by ArgyllCMS colprof; see the Makefile). */
extern const unsigned char icc_fogra39[];
extern const size_t icc_fogra39_len;

typedef struct color_profile color_profile;

/* Opens the output profile: path NULL is the built-in FOGRA39; else an ICC file, which must
 * be a CMYK output (printer) profile. Returns NULL with *err set (caller frees) when the
 * file cannot be read (*unreadable set true) or is not such a profile. Caller frees with
 * color_profile_free. */
color_profile *color_profile_open(const char *path, char **err, bool *unreadable);
/* The same from bytes in memory (copied); `what` names them in messages. */
color_profile *color_profile_from_mem(const unsigned char *data, size_t len, const char *what,
				      char **err);
void color_profile_free(color_profile *p);
/* The profile's bytes, for embedding as the PDF/X output intent (owned by p). */
const unsigned char *color_profile_data(const color_profile *p, size_t *len);
/* The profile's description ("FOGRA39 ..." or the shop's text); owned by p. */
const char *color_profile_name(const color_profile *p);
/* True for the built-in FOGRA39 profile (a registered output condition). */
bool color_profile_builtin(const color_profile *p);

/* sRGB 0xRRGGBB to the profile's CMYK: relative colorimetric with black-point compensation. */
cmyk color_to_cmyk(const color_profile *p, uint32_t rgb);
/* The K-only ink with the lightness of sRGB 0xRRGGBB (black point compensated: #000000
 * gives 100 % K, #ffffff 0 %). For greys and near-greys: no rich black in text. */
cmyk color_to_k(const color_profile *p, uint32_t rgb);
/* True when 0xRRGGBB is a grey to the eye (CIELAB chroma below 6): printed K only. */
bool color_is_neutral(const color_profile *p, uint32_t rgb);
/* n sRGB pixels (3 bytes each) to CMYK (4 bytes each, 255 = 100 %), as color_to_cmyk. */
void color_pixels_to_cmyk(const color_profile *p, const unsigned char *rgb, size_t n,
			  unsigned char *out);

/* WCAG 2 contrast ratio of two sRGB colours (1 to 21). */
double color_contrast(uint32_t a, uint32_t b);
/* The colour for small text on bg: fg where it reads at 4.5:1 (WCAG AA), else `other` when
 * that reads better (a yellow brand colour on white: the text colour instead). */
uint32_t color_legible(uint32_t fg, uint32_t bg, uint32_t other);
/* 0xRRGGBB mixed towards white by fade (0 = as is, 1 = white), rounded to 8 bits. */
uint32_t color_fade(uint32_t rgb, double fade);
/* The largest fade up to `fade` (to 0.01) at which ink still has contrast `ratio` against
 * paper; 0 when even the unfaded ink has less. */
double color_fade_for_contrast(uint32_t ink, uint32_t paper, double fade, double ratio);

#endif
