/* hyph.h - soft hyphens at the allowed breaks of words, from libhyphen dictionaries.
 *
 * A hyphenator is read-only after hyph_new: threads may share one. Words are hyphenated
 * with at least 2 letters before and 3 after a break; words under 8 letters, words that
 * start with a capital (names, brands), words with '-' or an author's soft hyphen (U+00AD),
 * URLs and e-mail addresses are left alone, unless an exception gives the breaks. See
 * docs/typography.md; line-level rules are in hyph_layout.h. */
#ifndef DECKPRESS_HYPH_H
#define DECKPRESS_HYPH_H

#include <stddef.h>

#include "deck.h"

typedef struct hyphenator hyphenator;

/* A hyphenator for lang ("nl", "nl-BE", "en", "en_GB"...) using the best hyph_*.dic in
 * dict_dir (NULL: $DECKPRESS_HYPHEN_DIR, else /usr/share/hyphen) and the exceptions in
 * exc[0..nexc) whose language matches. NULL when there is no usable dictionary, with *err
 * a sentence saying why (caller frees). Free with hyph_free. */
hyphenator *hyph_new(const char *lang, const char *dict_dir, const hyph_exception *exc, size_t nexc,
		     char **err);
/* A copy of the UTF-8 text with U+00AD soft hyphens at the allowed breaks. Caller frees. */
char *hyph_text(const hyphenator *h, const char *utf8);
/* The same, but the last word of each paragraph (before the end or a blank line) is left
 * whole: a syllable alone on a paragraph's last line reads badly. Caller frees. */
char *hyph_paragraphs(const hyphenator *h, const char *utf8);
/* The dictionary file in use (owned by h). */
const char *hyph_dict_path(const hyphenator *h);
/* Frees h (NULL is fine). */
void hyph_free(hyphenator *h);

#endif
