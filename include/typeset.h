/* typeset.h - Pango layouts for a stack of text blocks, at the largest size that fits a box.
 *
 * Everything in and out is in points; Pango units stay inside typeset.c and para.c (and the
 * conversions below). Layouts come from a fontset's context (fonts.h) and share its thread.
 * Text wraps at word boundaries and at the soft hyphens (U+00AD) already in the text; never
 * inside a word, never justified. */
#ifndef DECKPRESS_TYPESET_H
#define DECKPRESS_TYPESET_H

#include <math.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Points to Pango units and back: the one conversion, for the few places outside typeset.c
 * that set a size or a width on Pango or read an extent back. */
static inline int pt_to_pango(double pt)
{
	return (int)lround(pt * PANGO_SCALE);
}
static inline double pango_to_pt(int units)
{
	return (double)units / PANGO_SCALE;
}
/* A layout's logical width and height, pt. */
double layout_width(PangoLayout *l);
double layout_height(PangoLayout *l);

/* One block of text: a title, a paragraph, a caption. */
typedef struct {
	const char *family;  /* font family, e.g. "Yrsa"; NULL = the context's default */
	PangoWeight weight;  /* PANGO_WEIGHT_NORMAL, _SEMIBOLD, _BOLD */
	PangoStyle style;    /* PANGO_STYLE_NORMAL or _ITALIC */
	double scale;        /* block size = main size * scale; 0 means 1 */
	double space_before; /* gap above the block in em of its own size; ignored for the first
			      * block that has text */
	double line_spacing; /* baseline-to-baseline distance as a factor of the font's line
			      * height with its line gap (pango_layout_set_line_spacing): Yrsa
			      * 1.218 em, Open Sans 1.362 em; 0 = Pango's default, ascent +
			      * descent without gap (Yrsa 1.0 em: lines touch) */
	PangoAlignment align;
	const char *markup; /* Pango markup; NULL or no text = an empty block that takes no space */
} tblock;

/* Result of laying out n blocks. */
typedef struct {
	double size;           /* main size chosen, pt */
	double height;         /* total height of the stack, pt */
	bool fits;             /* the stack fits the box at this size */
	int unknown_glyphs;    /* characters drawn as boxes: no bundled font has them */
	int fallback_glyphs;   /* characters drawn in a font of another family than the block's
				* (the block's family lacks them: typeset_fallback_chars) */
	PangoLayout **layouts; /* one per block (never NULL), owned by the result */
	double *y;             /* top of each block relative to the box top, pt */
	size_t n;
} tstack;

/* Lays the blocks out, stacked, in a box width x height (pt) at the largest main size in
 * [size_min, size_max] (on a 0.25 pt grid down from size_max) at which the stack fits: total
 * height <= height and no word wider than the width. If even size_min does not fit,
 * out->fits is false and the layouts are at size_min. Returns 0, or -1 if a block's markup
 * is invalid (out is then empty). Free out with tstack_free. */
int typeset_stack(PangoContext *ctx, const tblock *blocks, size_t n, double width, double height,
		  double size_max, double size_min, tstack *out);

/* Lays the blocks out at main size `size`, for "uniform" fitting (the caller takes the
 * smallest size typeset_stack chose over a set of cards and re-lays each card at it).
 * out->fits is false only if a word is wider than the width; compare out->height with the
 * box yourself. Returns 0, or -1 on invalid markup. Free out with tstack_free. */
int typeset_stack_at(PangoContext *ctx, const tblock *blocks, size_t n, double width, double size,
		     tstack *out);

/* True if markup is valid Pango markup; otherwise false and *err (if not NULL) gets
 * GLib's message, which the caller frees. */
bool typeset_markup_valid(const char *markup, char **err);

/* Adds to out[0..n) the characters layout l draws as boxes because no bundled font has
 * them, each once, in order, up to max; returns the new count. */
size_t typeset_unknown_chars(PangoLayout *l, uint32_t *out, size_t n, size_t max);

/* A character laid out in a font of another family than its layout's, because that family
 * has no glyph for it: fontconfig falls back to any font it knows. */
typedef struct {
	uint32_t cp;
	char family[64]; /* the layout's family, which lacks it (cut to fit) */
} fallback_char;

/* Adds to out[0..n) the characters layout l draws in another family than the one it asks
 * for, each once, up to max; returns the new count (with max 0: how many glyphs). Blanks
 * and invisible characters (soft hyphens, joiners) are not counted. */
size_t typeset_fallback_chars(PangoLayout *l, fallback_char *out, size_t n, size_t max);

/* The characters of plain text (no markup) that no bundled font has, into out (at most
 * max); returns how many. Fonts fall back to every bundled family, so the family does
 * not matter. */
size_t typeset_missing_chars(PangoContext *ctx, const char *text, uint32_t *out, size_t max);

/* Frees the layouts and arrays of s and empties it; an empty tstack is fine. */
void tstack_free(tstack *s);

#endif
