/* fonts.h - the bundled fonts behind a private fontconfig, and the Pango context on them.
 *
 * A fontset sees only the font files in its fonts directory, never the machine's fonts, so
 * layout and PDF output do not depend on the machine. Its context measures in points
 * (72 dpi), with unhinted metrics and unrounded glyph positions.
 *
 * Not thread-safe: a fontset, its context and every layout made from it belong to one
 * thread. Threads that lay out in parallel each create their own fontset. Even then,
 * pangocairo 1.50 / cairo 1.16 share font caches between threads, and concurrent layout
 * was seen to break a few lines in 10,000 cards differently from a single-threaded run:
 * for reproducible output, lay out in parallel processes (fork before using Pango, then
 * fontset_new in each child), not threads. See docs/fonts.md. */
#ifndef DECKPRESS_FONTS_H
#define DECKPRESS_FONTS_H

#include <pango/pango.h>
#include <stdbool.h>

typedef struct fontset fontset;

/* A style a design sets text in: the theme's serif or sans, a weight and a slant, and what
 * for (for the message when the family lacks it). */
typedef struct {
	bool serif;
	PangoWeight weight;
	PangoStyle style;
	const char *use; /* "case titles" */
} font_need;

/* A fontset on the font files in fonts_dir. Returns NULL and sets *err (caller frees) if the
 * directory cannot be read or holds no fonts. Caller frees the fontset with fontset_free. */
fontset *fontset_new(const char *fonts_dir, char **err);

/* The Pango context to make layouts with (pango_layout_new); borrowed, lives as long as f. */
PangoContext *fontset_context(fontset *f);

/* Sets the language Pango uses for line breaking and shaping, e.g. "nl" (default "en"),
 * so output never depends on the locale of the machine. */
void fontset_set_language(fontset *f, const char *lang);

/* 0 if `family` resolves to a font of that family in the fonts directory or added files, and *resolved
 * (may be NULL) gets that font's file path. -1 if Pango would fall back to another family,
 * and *resolved gets the family it falls back to (for M_FONT_MISSING). Caller frees
 * *resolved. */
int fontset_check_family(fontset *f, const char *family, char **resolved);

/* Adds a deck's own font file (TrueType or OpenType, already checked: font_file.h) to the
 * fontset, so its families can be named. 0, or -1 with *err (caller frees). */
int fontset_add_file(fontset *f, const char *path, char **err);

/* 0 if `family` has a face of this style: the slant as asked (an oblique serves for an
 * italic) and a weight within 100 of it (a bold serves for a semibold). Else -1 and
 * *missing names the style, e.g. "semibold" or "italic" (caller frees). Never a silent
 * fallback: the bare fontconfig configuration fakes no bold or italic. */
int fontset_check_style(fontset *f, const char *family, PangoWeight weight, PangoStyle style,
			char **missing);

/* The absolute fonts directory the fontset was made from; borrowed. */
const char *fontset_dir(const fontset *f);

/* Frees the fontset, its context and font map; NULL is fine. Layouts still referencing the
 * context keep it alive until they are unreferenced. */
void fontset_free(fontset *f);

#endif
