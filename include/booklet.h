/* booklet.h - the companion booklet: cover, contents, introduction, guide, every card with
 * its facilitator note and source, sources, closing and notes pages, typeset from the deck.
 * docs/booklet.md describes what the reader sees. */
#ifndef DECKPRESS_BOOKLET_H
#define DECKPRESS_BOOKLET_H

#include <pango/pango.h>
#include <stdbool.h>

#include "color.h"
#include "deck.h"
#include "diag.h"
#include "hyph.h"
#include "impose_saddle.h"
#include "print_setup.h"

typedef enum { BOOKLET_A5, BOOKLET_A6, BOOKLET_LETTER_HALF, BOOKLET_NFORMATS } booklet_format;

/* Sets *out to the format named `name` ("a5", "a6", "letter-half"). Returns 0, or -1 when
 * the name is unknown. */
int booklet_format_parse(const char *name, booklet_format *out);
/* "a5", "a6" or "letter-half". Static string. */
const char *booklet_format_name(booklet_format f);
/* "a5, a6, letter-half": the valid names, for messages. Static string. */
const char *booklet_format_list(void);

typedef struct {
	const deck *dk;         /* checked deck (session_open) */
	const char *lang;       /* one of dk->languages */
	PangoContext *ctx;      /* from the session's fontset, language set */
	const hyphenator *hyph; /* NULL: no hyphenation */
	booklet_format format;
	bool impose;          /* saddle-stitch sheets instead of single pages */
	saddle_duplex duplex; /* with impose: how the printer turns the sheet */
	const char *team;     /* a team name for the cover; NULL: a blank line to write on */
	bool tags;            /* single pages as an accessible PDF: tagged, PDF/UA-1 */
	double bleed;         /* print shop: each page grows by this on every side (pt), the
			       * TrimBox is the page; 0: none. Single pages only */
	pdfx_level pdfx;      /* print shop: PDF/X (single pages only; X-1a untagged) */
	const color_profile *profile; /* the output profile, needed with pdfx */
	const char *out;      /* the PDF to write */
	struct booklet_written *written; /* if not NULL: filled in when the PDF is written */
} booklet_job;

/* What booklet_pdf_write wrote, for the command's one line of output. Points. */
typedef struct booklet_written {
	int pages;               /* booklet pages */
	int sheets;              /* with impose: folded sheets, printed on both sides; else 0 */
	double page_w, page_h;   /* booklet page */
	double sheet_w, sheet_h; /* with impose: the landscape sheet */
} booklet_written;

/* Typesets the booklet and writes the PDF through a temporary file. Returns 0; 1 when the
 * deck's text cannot be typeset (reported to d); 3 when the file cannot be written (the file
 * at job->out is then left as it was). */
int booklet_pdf_write(const booklet_job *job, struct diag *d);

#endif
