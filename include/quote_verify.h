/* quote_verify.h - is a quote word for word in its source text? */
#ifndef DECKPRESS_QUOTE_VERIFY_H
#define DECKPRESS_QUOTE_VERIFY_H

#include <stdbool.h>

typedef struct quote_source quote_source;

/* A source from its plain text (UTF-8; read by the caller with input_read). */
quote_source *quote_source_new(const char *text);
/* True if `quote` (deck text, <b>/<i> ignored) occurs in the source after folding
 * whitespace, typographic quotes and apostrophes, dashes and soft hyphens. Otherwise
 * false and, unless closest is NULL, *closest (caller frees) is the start of the passage of
 * the source most like the quote (at most 40 words). */
bool quote_source_find(const quote_source *qs, const char *quote, char **closest);
void quote_source_free(quote_source *qs);

#endif
