/* deck_load.h - read a deck file into the model, reporting every problem with file:line:col. */
#ifndef DECKPRESS_DECK_LOAD_H
#define DECKPRESS_DECK_LOAD_H

#include "deck.h"
#include "diag.h"

/* Load `path`: YAML syntax, structure, kinds, required fields and values. Reports all
 * problems to d. Returns the model (free with deck_free) even when some fields had errors,
 * so that deck_check can report more; NULL when the file could not be read or parsed at all.
 * Missing required strings are NULL in the model. */
deck *deck_load(const char *path, struct diag *d);

/* deck_load + deck_check: returns the deck only if it has no errors, else NULL. */
deck *deck_open(const char *path, struct diag *d);

#endif
