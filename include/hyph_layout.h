/* hyph_layout.h - hyphenation rules that need the lines: after Pango has broken a block into
 * lines at a size, soft hyphens that would make a ladder of hyphenated lines are dropped.
 * At most two hyphenated lines in a row; at display sizes (HYPH_DISPLAY_PT and up) no two in
 * a row, as big type breaks words more visibly. docs/typography.md. */
#ifndef DECKPRESS_HYPH_LAYOUT_H
#define DECKPRESS_HYPH_LAYOUT_H

#include <pango/pango.h>

#define HYPH_DISPLAY_PT 14.0

/* The longest run of consecutive lines ending at a soft hyphen allowed at size_pt. */
int hyph_layout_max_run(double size_pt);

/* Lays l out with its original text and attributes (orig_text, orig_attrs: what the block
 * was made from; l's own text may have lost soft hyphens at another size), then drops the
 * soft hyphen ending each line that would make the run too long, until none does, except
 * where the word would then stick out of the column (a ladder is the lesser evil there).
 * Each soft hyphen dropped lays l out again, so the drops are bounded by the text's length:
 * at most 64, and at most 65,536 / strlen(orig_text) but never fewer than 4 (a text of 20,000
 * characters may keep a ladder; one under 1 KB never does). Returns the number of soft
 * hyphens dropped. */
int hyph_layout_tidy(PangoLayout *l, double size_pt, const char *orig_text,
		     PangoAttrList *orig_attrs);

/* The number of lines of l that end at a soft hyphen, and the longest run of them. */
int hyph_layout_count(PangoLayout *l, int *longest_run);

#endif
