/* deck_load.h - read a deck file into the model, reporting every problem with file:line:col. */
#ifndef DECKPRESS_DECK_LOAD_H
#define DECKPRESS_DECK_LOAD_H

#include "deck.h"
#include "diag.h"
#include "yaml_tree.h"

/* Load `path` (named on the command line): YAML syntax, structure, kinds, required fields
 * and values; every file it names (includes, sources, logos) must be inside its folder or a
 * folder allowed with input_allow. Reports all problems to d. Returns the model (free with
 * deck_free) even when some fields had errors, so that deck_check can report more; NULL when the
 * file could not be read or parsed at all. Missing required strings are NULL in the model. */
deck *deck_load(const char *path, struct diag *d);
/* deck_load for a deck named by another file (a teams file): path itself must be a regular
 * file inside root too, and so must every file it names. */
deck *deck_load_in(const char *path, const char *root, struct diag *d);

/* deck_load of bytes in memory (buf changed; len without the NUL that must follow) as if read
 * from path, naming files inside root. For the fuzzer. */
deck *deck_load_mem(const char *path, char *buf, size_t len, const char *root, struct diag *d);

/* The cards of a list node made by another reader (a spreadsheet: deck_csv.h) into a new
 * deck of the given language(s) with the default theme, reporting each problem at its
 * node's line:col in path; not checked across the deck (deck_check). The deck adopts mem,
 * which must hold the tree. Free it with deck_free. */
deck *deck_load_cards(const char *path, const ynode *list, arena *mem, const char *language,
		      const char *const *languages, size_t nlanguages, struct diag *d);

/* The words theme.fit, theme.layout and theme.numbering take, indexed by fit_mode,
 * card_layout and numbering_mode, NULL-terminated, in lower case; read in any case and
 * without surrounding blanks, as the print settings are. */
extern const char *const fit_mode_names[];
extern const char *const layout_names[];
extern const char *const numbering_names[];

/* deck_load + deck_check: returns the deck only if it has no errors, else NULL. */
deck *deck_open(const char *path, struct diag *d);
/* deck_load_in + deck_check. */
deck *deck_open_in(const char *path, const char *root, struct diag *d);
/* deck_load_mem + deck_check. */
deck *deck_open_mem(const char *path, char *buf, size_t len, const char *root, struct diag *d);

#endif
