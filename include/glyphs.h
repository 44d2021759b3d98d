/* glyphs.h - characters no bundled font has, found where the deck writes them: each is
 * named by code point and Unicode name ("U+1F600 GRINNING FACE") and reported at its own
 * line:col, so a facilitator knows which character to replace. */
#ifndef DECKPRESS_GLYPHS_H
#define DECKPRESS_GLYPHS_H

#include <pango/pango.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "diag.h"
#include "typeset.h"

/* Reports the n characters cps that card c shows as boxes in language lang, each at the
 * first place among the card's texts (and its source's title) where it is written. */
void glyphs_report_card(struct diag *d, const deck *dk, const card *c, const char *lang,
			const uint32_t *cps, size_t n);

/* Reports the n characters of card c that its texts' font families lack (they would print
 * in another family), each at the first place it is written, like glyphs_report_card. */
void glyphs_report_fallback(struct diag *d, const deck *dk, const card *c, const char *lang,
			    const fallback_char *fb, size_t n);

/* Checks every text of the deck that may be printed (cards, booklet), in language lang or,
 * when lang is NULL, in every language, with the fonts of ctx; reports each missing
 * character once per text. Returns the number of errors. */
int glyphs_check_deck(PangoContext *ctx, const deck *dk, const char *lang, struct diag *d);

#endif
