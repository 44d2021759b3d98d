/* cards_pdf.h - the cards document: sheets (or one card per page), fronts and backs,
 * crop marks, info line, metadata; written atomically with page boxes and a stable /ID. */
#ifndef DECKPRESS_CARDS_PDF_H
#define DECKPRESS_CARDS_PDF_H

#include <stdbool.h>
#include <stdio.h>

#include "color.h"
#include "diag.h"
#include "print_setup.h"
#include "session.h"

typedef struct {
	session *s;          /* deck, language, hyphenation; its fonts are loaded when needed */
	print_setup ps;      /* checked with print_setup_check */
	const char *out;     /* the PDF to write */
	int jobs;            /* processes to draw with (within the budget of pool.h); <= 1: one;
			      * PDF/X is drawn by one process */
	bool glyphs_checked; /* missing characters were reported already (glyphs.h) */
	const color_profile *profile; /* output profile; needed when ps.pdfx is not PDFX_NONE */
} cards_job;

/* Typesets and writes the cards PDF. The sheets are drawn in chunks of a fixed size, by
 * up to job->jobs processes, and put together: the file is the same for every number of
 * processes. Call it before this process has started Pango (the session's fonts not yet
 * loaded), or it draws alone. Returns 0; 1 when a card cannot be typeset (reported to d
 * with the card's file:line); 3 when the file cannot be written. On failure the file at
 * job->out is left as it was. */
int cards_pdf_write(const cards_job *job, struct diag *d);

/* Writes a text dump of the layout to out: the imposition plan (page, grid, every slot's
 * trim and art rects in mm) and every card's chosen text sizes and block positions, for
 * golden tests and for seeing why a card looks as it does. Returns like cards_pdf_write. */
int cards_dump_layout(const cards_job *job, FILE *out, struct diag *d);

/* Typesets every card as cards_pdf_write would, without drawing (job->out unused), and
 * reports each card that does not fit or (unless job->glyphs_checked) has characters
 * without glyphs, in deck order. In two steps, so that the caller can load the session's
 * fonts and use them in between: cards_check_start forks up to job->jobs - 1 workers, so
 * call it before this process has started Pango (or it works alone); NULL when the sheet
 * plan cannot be made (reported to d). cards_check_end loads the session's fonts if they
 * are not, lays the cards out and frees cc; it returns the number of errors (a problem
 * with the fonts counts one). With d NULL it only ends the workers and frees cc. */
typedef struct cards_check cards_check;
cards_check *cards_check_start(const cards_job *job, struct diag *d);
int cards_check_end(cards_check *cc, struct diag *d);

#endif
