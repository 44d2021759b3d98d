/* markup.h - the inline markup of deck text: <b>...</b> and <i>...</i>, nothing else.
 *
 * Only the four exact lowercase tags "<b>", "</b>", "<i>", "</i>" are markup. Every other
 * character is literal text: "R&D", "a < b", "<br>", "<B>", "< b>" and "&amp;" are printed
 * as written. Tags must nest properly; <b> and <i> may nest in each other (and in
 * themselves, which changes nothing). */
#ifndef DECKPRESS_MARKUP_H
#define DECKPRESS_MARKUP_H

#include <stddef.h>

enum { MARKUP_BOLD = 1, MARKUP_ITALIC = 2 };

/* A stretch of text in one style (MARKUP_* bits). */
typedef struct {
	char *text;
	unsigned style;
} text_run;

/* Split text into runs of one style; empty runs are left out (*runs is NULL when there is
 * no text). Returns 0, or -1 on an unclosed, mismatched or stray tag, with *err_off the
 * byte offset of the offending tag and *err_msg a static sentence that says how to fix it
 * (err_off/err_msg may be NULL). The caller frees the runs with markup_runs_free. */
int markup_parse(const char *text, text_run **runs, size_t *nruns, size_t *err_off,
		 const char **err_msg);
/* Frees runs from markup_parse (NULL is fine). */
void markup_runs_free(text_run *runs, size_t n);
/* The text without its tags; invalid markup is returned unchanged, tags and all. Caller
 * frees. */
char *markup_plain(const char *text);

#endif
