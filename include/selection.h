/* selection.h - which cards a deck takes from an included deck (select:, exclude:).
 *
 * A selection is a list of selectors; a card is selected when it matches ANY of them.
 * A selector is one or more conditions separated by spaces, ALL of which must hold:
 *     key:value[,value...]      key is id, type, category or tag; values are alternatives
 *     value                     a bare value is an id
 * Values may use * and ? as wildcards (ID-Q*). Examples:
 *     "type:quote category:zelfbeeld"     quotes about self-image
 *     "id:ID-C01,ID-C03"                  two cards
 *     "tag:essay"                         every card tagged essay
 * See docs/deck-format.md. */
#ifndef DECKPRESS_SELECTION_H
#define DECKPRESS_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef struct selection selection;

/* Parses selectors[0..n) (each as written, with its place for messages). Returns a
 * selection (free with selection_free), or NULL and *err (caller frees) naming the first
 * selector that is wrong and *err_index its index. */
selection *selection_parse(const char *const *selectors, size_t n, char **err, size_t *err_index);
/* True if card c matches any selector. */
bool selection_match(const selection *s, const card *c);
/* The number of selectors and, after matching, how many cards each matched. */
size_t selection_count(const selection *s);
/* Matches every card of cards[0..n) and records per selector how many matched; returns
 * the index of the first selector that matched nothing, or -1. */
long selection_unmatched(selection *s, const card *cards, size_t n);
void selection_free(selection *s);

#endif
