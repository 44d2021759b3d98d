/* typo.h - typography for deck text: curly quotes, dashes, ellipses, ties, soft hyphens,
 * and the Pango markup the typesetter lays out. Rules: docs/typography.md. */
#ifndef DECKPRESS_TYPO_H
#define DECKPRESS_TYPO_H

#include <stdbool.h>

#include "hyph.h"

typedef struct {
	const char *lang;       /* "nl", "en-GB"...: picks the quotes; NULL: quotes stay straight */
	const hyphenator *hyph; /* NULL: no soft hyphens */
	bool tie_last;          /* join a paragraph's short last word to the one before */
} typo_opts;

/* A copy of plain text (no markup) with typographic quotes for lang (nl, en; other
 * languages keep straight quotes), apostrophes, en dashes and ellipses; characters that
 * are already typographic stay. Caller frees. */
char *typo_smarten(const char *plain, const char *lang);
/* Pango markup for deck text with <b>/<i>: smartened, whitespace folded (a single newline
 * is a space, a blank line starts a new paragraph: "\n\n"), optionally tied and
 * hyphenated, escaped. NULL if the deck markup is invalid (see markup_parse for the
 * message). o may be NULL. Caller frees. */
char *typo_pango_markup(const char *deck_text, const typo_opts *o);

/* Pango markup between the double quotes of a quotation, “…”, with the double quotes inside
 * it turned into single ones (‘…’), as typesetters nest them. Caller frees. */
char *typo_quoted(const char *markup);

#endif
