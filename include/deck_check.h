/* deck_check.h - what a deck means across its parts: ids, references, translations, markup,
 * print settings, and quotes checked against their source files. */
#ifndef DECKPRESS_DECK_CHECK_H
#define DECKPRESS_DECK_CHECK_H

#include "deck.h"
#include "diag.h"

/* Resolve card references (card->category, card->source) and report every problem to d.
 * Returns the number of errors found. */
int deck_check(deck *dk, struct diag *d);

#endif
