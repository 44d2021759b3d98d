/* deck_csv.h - a deck's cards as a spreadsheet, and a spreadsheet's rows as cards.
 *
 * One row per card, one column per card key (card_fields.h, in its order); the deck's own
 * language in the column named by the key (text), each other language in KEY.LANG
 * (text.en); list fields (tags, followups) one item per line of the cell. Reading builds
 * the same YAML node tree a deck's cards: list gives the loader, with every node at its
 * cell's row:column, so the loader's messages point into the spreadsheet. A file a cell
 * names (a card's image) is relative to the spreadsheet's folder. */
#ifndef DECKPRESS_DECK_CSV_H
#define DECKPRESS_DECK_CSV_H

#include "csv.h"
#include "deck.h"
#include "diag.h"
#include "yaml_tree.h"

/* The cards of dk as a spreadsheet: a byte order mark (Excel needs it to read UTF-8), the
 * header, a row per card, cells separated by sep, rows ended by CRLF. A column for every
 * key some card has (id, type and text always), and for a text key one per language of the
 * deck. A follow-up with a line break has it written as a space (a warning). A file a card
 * names (its image) is written as seen from the folder dir the spreadsheet goes to, and
 * read back so by deck_csv_cards. Caller frees. */
char *deck_csv_export(const deck *dk, char sep, const char *dir, struct diag *d);

/* Languages of a deck being made, grown by the KEY.LANG columns a spreadsheet has. */
typedef struct {
	const char **v; /* xrealloc'd; the strings live in the arena given to deck_csv_cards */
	size_t n;
} lang_list;

/* The cards of spreadsheet t (read from path) as a cards: list node, allocated from mem.
 * Plain columns hold language `language`; a KEY.LANG column of a language not in *langs
 * appends it. Returns NULL after reporting what is wrong with the header. */
ynode *deck_csv_cards(const csv_table *t, const char *path, const char *language, lang_list *langs,
		      arena *mem, struct diag *d);

#endif
