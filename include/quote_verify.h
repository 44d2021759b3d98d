/* quote_verify.h - is a quote word for word in its source text? */
#ifndef DECKPRESS_QUOTE_VERIFY_H
#define DECKPRESS_QUOTE_VERIFY_H

#include <stdbool.h>

typedef struct quote_source quote_source;

/* Read a plain-text (UTF-8) source. NULL and *err (caller frees) if it cannot be read. */
quote_source *quote_source_load(const char *path, char **err);
/* Build from text in memory (for tests). */
quote_source *quote_source_new(const char *text);
/* True if `quote` (deck text, <b>/<i> ignored) occurs in the source after folding
 * whitespace, typographic quotes and apostrophes, dashes and soft hyphens. Otherwise
 * false and *closest (caller frees) is the passage of the source most like the quote. */
bool quote_source_find(const quote_source *qs, const char *quote, char **closest);
void quote_source_free(quote_source *qs);

#endif
