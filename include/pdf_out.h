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

/* A PDF drawn in parts: chunks of pages that may be drawn by different processes, put
 * together (pdf_merge.h) and finished by pdf_parts_close. The parts are unlinked temporary
 * files in the output's folder, made before the workers are forked: every process can
 * write any part, and whatever ends the processes, no part is left behind. */
typedef struct {
	char *out; /* the file the user asked for (a copy) */
	int *fd;   /* one per part */
	size_t n;
} pdf_parts;

/* Makes n empty parts for path. Returns 0, or EXIT_IO after reporting why (p is then
 * released). */
int pdf_parts_open(pdf_parts *p, const char *path, size_t n, struct diag *d);

/* One part being drawn, in whichever process draws it. Cairo hands its output over in
 * small pieces (each dictionary, each number), so they are gathered in buf and written a
 * full buffer at a time. */
typedef struct {
	int fd;
	long long off; /* where buf goes in the file */
	int werrno;    /* errno of the first failed write, 0 if none */
	cairo_surface_t *surf;
	unsigned char *buf; /* PDF_PART_BUF bytes, of which len are waiting */
	size_t len;
} pdf_part_out;

/* Starts part k over (what it held is dropped) with a first page of w x h points. Returns
 * the surface to draw on, owned by po. */
cairo_surface_t *pdf_part_begin(pdf_part_out *po, const pdf_parts *p, size_t k, double w, double h);
/* Finishes the part (every cairo_t on it destroyed first). Returns 0, or an errno (EIO
 * when Cairo failed). */
int pdf_part_end(pdf_part_out *po);
/* Puts the parts together, finishes them with opts into the output and renames it there.
 * Returns 0, or EXIT_IO after reporting against the output. Always releases p. */
int pdf_parts_close(pdf_parts *p, const pdf_finish_opts *opts, struct diag *d);
/* Gives up: the output stays as it was; releases p. */
void pdf_parts_abort(pdf_parts *p);

#endif
