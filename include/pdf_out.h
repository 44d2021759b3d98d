/* pdf_out.h - the one way deckpress writes a PDF: Cairo draws into a temporary file beside the
 * output, pdf_finish (libqpdf) adds what Cairo cannot write and renames the result over the
 * output. Temporary files are registered with tmpfiles.h, so neither a failure nor SIGINT or
 * SIGTERM leaves one behind or a half-written output; the old output stays until the rename. */
#ifndef DECKPRESS_PDF_OUT_H
#define DECKPRESS_PDF_OUT_H

#include <cairo.h>
#include <stdio.h>

#include "diag.h"
#include "pdf_finish.h"

typedef struct {
	char *out;  /* the file the user asked for (a copy) */
	char *tmp;  /* Cairo's output, in the same folder */
	FILE *fp;   /* tmp, written through Cairo's stream callback */
	int werrno; /* errno of the first failed write, 0 if none */
	cairo_surface_t *surf;
} pdf_out;

/* Starts a PDF of w x h points (the first page's size) for path. Returns the surface to draw
 * on (owned by o), or NULL after reporting why (o is then already closed). */
cairo_surface_t *pdf_out_open(pdf_out *o, const char *path, double w, double h, struct diag *d);
/* Finishes the surface (every cairo_t on it destroyed first), then pdf_finish with opts
 * into path. Returns 0, or EXIT_IO after reporting the real reason against path. Always
 * removes the temporary file and releases o. */
int pdf_out_close(pdf_out *o, const pdf_finish_opts *opts, struct diag *d);
/* Gives up: removes the temporary file, leaves path as it was, releases o. */
void pdf_out_abort(pdf_out *o);

#endif
