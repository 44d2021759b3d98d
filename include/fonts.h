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

typedef struct fontset fontset;

/* A fontset on the font files in fonts_dir. Returns NULL and sets *err (caller frees) if the
 * directory cannot be read or holds no fonts. Caller frees the fontset with fontset_free. */
fontset *fontset_new(const char *fonts_dir, char **err);

/* The Pango context to make layouts with (pango_layout_new); borrowed, lives as long as f. */
PangoContext *fontset_context(fontset *f);

/* Sets the language Pango uses for line breaking and shaping, e.g. "nl" (default "en"),
 * so output never depends on the locale of the machine. */
void fontset_set_language(fontset *f, const char *lang);

/* 0 if `family` resolves to a font of that family in the fonts directory, and *resolved
 * (may be NULL) gets that font's file path. -1 if Pango would fall back to another family,
 * and *resolved gets the family it falls back to (for M_FONT_MISSING). Caller frees
 * *resolved. */
int fontset_check_family(fontset *f, const char *family, char **resolved);

/* The absolute fonts directory the fontset was made from; borrowed. */
const char *fontset_dir(const fontset *f);

/* Frees the fontset, its context and font map; NULL is fine. Layouts still referencing the
 * context keep it alive until they are unreferenced. */
void fontset_free(fontset *f);

#endif
