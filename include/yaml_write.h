/* yaml_write.h - a deck model written out as a YAML deck that loads back to the same model:
 * the way 'deckpress import' writes the deck it makes from a spreadsheet.
 *
 * Every text is written in a style that keeps it exactly: plain when nothing in it means
 * something to YAML, in quotes when something does, as a literal block ('|') when it has
 * line breaks, in double quotes with escapes when it holds characters a YAML file cannot
 * show (control characters, tabs at a line's start). Comments of the deck it came from are
 * not kept. */
#ifndef DECKPRESS_YAML_WRITE_H
#define DECKPRESS_YAML_WRITE_H

#include <stdbool.h>

#include "deck.h"
#include "util.h"

/* Appends value v as YAML after "key: " or "- ": block content (for a text with line breaks)
 * goes on the following lines, indented by `indent` spaces. Ends with a newline. Returns
 * true when the value ends in a block that keeps its trailing line breaks ('|+'): a blank
 * line written after it would become part of the text. */
bool yaml_put_scalar(strbuf *b, const char *v, int indent);

/* Appends the whole deck as YAML to b: deck, sources, categories, cards, theme, print,
 * hyphenation, booklet. A source's file is written relative to the folder `out_dir` the
 * new deck will be in. `header` (may be NULL) goes first as comment lines. */
void yaml_write_deck(strbuf *b, const deck *dk, const char *out_dir, const char *header);

#endif
