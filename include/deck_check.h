/* deck_check.h - what a deck means across its parts: ids, references, translations, markup,
 * print settings, and quotes checked against their source files. */
#ifndef DECKPRESS_DECK_CHECK_H
#define DECKPRESS_DECK_CHECK_H

#include "deck.h"
#include "diag.h"

/* Resolve card references (card->category, card->source) and report every problem to d.
 * Returns the number of errors found. */
int deck_check(deck *dk, struct diag *d);

/* The deck's own files (deck_check_assets.c): every font in theme.fonts is read and checked
 * (a font, licence bits that allow embedding), every category icon and card image decoded
 * once (PNG or SVG, within the limits). Reports each problem at the key that names it;
 * returns the number of errors. */
int deck_check_assets(const deck *dk, struct diag *d);

#endif
