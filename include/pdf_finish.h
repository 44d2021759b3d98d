/* pdf_finish.h - after Cairo: page boxes (/TrimBox, /BleedBox), an accessible PDF's
 * structure and metadata (pdf_tags.h), a deterministic /ID, and an atomic write of the
 * final PDF (libqpdf). */
#ifndef DECKPRESS_PDF_FINISH_H
#define DECKPRESS_PDF_FINISH_H

#include <stddef.h>

#include "impose.h"
#include "pdf_tags.h"
#include "pdfx.h"

/* Returns r, given with a top-left origin and y downwards on a page of height page_h, in PDF
 * coordinates (origin bottom-left, y upwards). */
rect pdf_rect_from_top(rect r, double page_h);

/* One part of a document Cairo wrote in several (pdf_out.h): a file qpdf reads as it
 * needs, or else its bytes. */
typedef struct {
	const char *path;
	const char *data;
	size_t len;
} pdf_part;

/* A qpdf handle that prints neither errors nor warnings: the caller reports them (free it
 * with qpdf_cleanup). */
qpdf_data pdf_qpdf_quiet(void);

/* The number v (integer or real) read without the locale; false if v is no number. */
bool pdf_oh_number(qpdf_data q, qpdf_oh v, double *out);
/* The keys of dictionary d, each copied (qpdf iterates one dictionary at a time, so a walk
 * that looks into values needs them first); *n of them. Caller frees each and the array. */
char **pdf_oh_dict_keys(qpdf_data q, qpdf_oh d, size_t *n);

/* What pdf_finish adds to Cairo's file: one field per finishing step. */
typedef struct {
	const rect *trim, *bleed; /* page boxes in PDF coordinates; NULL: that box is not written */
	const pdf_tags_opts *tags; /* an accessible PDF (PDF/UA-1) with XMP metadata; NULL: not */
	const pdfx_opts *pdfx;     /* print-shop PDF/X (pdfx.h); NULL: not */
	/* The document in parts, put together first (pdf_merge.h); in_path is then NULL. */
	const pdf_part *parts;
	size_t nparts;
} pdf_finish_opts;

/* Reads the PDF at in_path, sets /TrimBox to opts->trim and /BleedBox to opts->bleed on every
 * page, makes it PDF/X with opts->pdfx and accessible with opts->tags (opts may be NULL:
 * nothing but the /ID is added), gives the file a /ID derived from its content, and writes
 * it to out_path through a temporary file in the same directory (in_path may equal
 * out_path). Boxes must lie inside each page's /MediaBox, the trim inside the bleed (an edge
 * within 0.01 pt of the MediaBox's is written as exactly that edge); qpdf warnings about the
 * input count as errors (they mean a damaged file). Returns 0, or -1 with *err set (caller
 * frees) and out_path untouched. */
int pdf_finish(const char *in_path, const char *out_path, const pdf_finish_opts *opts, char **err);

#endif
