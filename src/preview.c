/* preview.c - render card faces to PNG files, at a resolution or an exact pixel size. */
#include "preview.h"

#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "card_face.h"
#include "chunks.h"
#include "commands.h"
#include "png_out.h"
#include "render_card.h"

#define CONTACT_DPI  60.0
#define CONTACT_COLS 6
#define CONTACT_GAP  12
/* Pixels on the contact sheet at most: 48 MB of image in memory. Cairo's own limit is 32767
 * pixels a side, which 6 columns at 60 dpi reach at about 900 poker cards. */
#define CONTACT_MAX_PX (12.0 * 1000 * 1000)
#define CONTACT_ASPECT 1.414 /* a larger deck's sheet: as tall as an A-series page to its width */

/* Writes a surface to path through a temporary file. */
static int write_png(cairo_surface_t *s, const char *path, struct diag *d)
{
	atomic_file f;
	atomic_begin(&f, path);
	FILE *fp = fopen(f.tmp, "wb");
	int err = fp ? png_out_write(s, fp) : errno;
	if (fp && fclose(fp) != 0 && !err)
		err = errno;
	if (err) {
		diag(d, M_IO_WRITE, path, 0, 0, strerror(err));
		atomic_abort(&f);
		return -1;
	}
	if (atomic_commit(&f)) {
		diag(d, M_IO_WRITE, path, 0, 0, strerror(errno));
		return -1;
	}
	return 0;
}

void preview_face_px(const preview_job *job, int *pw, int *ph)
{
	double b = job->ps.bleed, w = job->ps.card_w + 2 * b, h = job->ps.card_h + 2 * b;
	*pw = job->px_w ? job->px_w : (int)lround(w / 72.0 * job->dpi);
	*ph = job->px_h ? job->px_h : (int)lround(h / 72.0 * job->dpi);
}

/* One face on a new image: the card with its bleed, scaled to the pixel size asked for. */
static cairo_surface_t *face_image(const preview_job *job, const card_face *f, const card_geom *g,
				   bool back)
{
	double b = job->ps.bleed, w = g->w + 2 * b, h = g->h + 2 * b;
	int pw, ph;
	preview_face_px(job, &pw, &ph);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, pw / w, ph / h);
	rect trim = {b, b, g->w, g->h}, art = {0, 0, w, h};
	if (back)
		render_card_back(cr, f, trim, art);
	else
		render_card_front(cr, f, trim, art);
	cairo_destroy(cr);
	return s;
}

/* Where the cards go on the contact sheet: cols x rows cells of cw x ch pixels, gap apart
 * and around, on a W x H image. */
typedef struct {
	size_t cols, rows;
	int cw, ch, gap, W, H;
} contact_grid;

static void grid_size(contact_grid *G, size_t n)
{
	G->rows = (n + G->cols - 1) / G->cols;
	G->W = (int)G->cols * (G->cw + G->gap) + G->gap;
	G->H = (int)G->rows * (G->ch + G->gap) + G->gap;
}

static bool grid_fits(const contact_grid *G)
{
	return (double)G->W * G->H <= CONTACT_MAX_PX && G->W <= 32767 && G->H <= 32767;
}

/* Six columns of cards at 60 dpi while that fits CONTACT_MAX_PX; a larger deck's cards are
 * drawn smaller, in more columns (a sheet of A-series proportions), so that every deck's
 * fronts fit one image. */
static contact_grid contact_layout(const card_geom *g, size_t n)
{
	double k = CONTACT_DPI / 72.0;
	contact_grid G = {.cols = n < CONTACT_COLS ? n : CONTACT_COLS,
			  .cw = (int)lround(g->w * k),
			  .ch = (int)lround(g->h * k),
			  .gap = CONTACT_GAP};
	grid_size(&G, n);
	if (grid_fits(&G))
		return G;
	double cell = (double)(G.cw + G.gap) * (G.ch + G.gap);
	double f = sqrt(CONTACT_MAX_PX / ((double)n * cell));
	for (int tries = 0; tries < 400; tries++, f *= 0.98) {
		G.cw = (int)lround(g->w * k * f);
		G.ch = (int)lround(g->h * k * f);
		G.gap = (int)lround(CONTACT_GAP * f);
		G.cw = G.cw < 1 ? 1 : G.cw;
		G.ch = G.ch < 1 ? 1 : G.ch;
		G.gap = G.gap < 2 ? 2 : G.gap;
		double cols = ceil(sqrt((double)n * (G.ch + G.gap) /
					(CONTACT_ASPECT * (G.cw + G.gap))));
		G.cols = cols < CONTACT_COLS ? CONTACT_COLS : cols > (double)n ? n : (size_t)cols;
		grid_size(&G, n);
		if (grid_fits(&G))
			break;
	}
	return G;
}

static int contact_sheet(const preview_job *job, cardset *cs, struct diag *d)
{
	const card_geom *g = cardset_geom(cs);
	size_t n = job->s->dk->ncards;
	contact_grid G = contact_layout(g, n);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, G.W, G.H);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.88, 0.88, 0.86);
	cairo_paint(cr);
	int rc = CHUNK_OK;
	for (size_t i = 0; i < n && rc == CHUNK_OK; i++) {
		card_face f;
		if (card_face_make(cs, i, &f) != FACE_OK) {
			rc = CHUNK_BAD;
		} else {
			cairo_save(cr);
			cairo_translate(cr, G.gap + (double)(i % G.cols) * (G.cw + G.gap),
					G.gap + (double)(i / G.cols) * (G.ch + G.gap));
			cairo_scale(cr, G.cw / g->w, G.ch / g->h);
			rect trim = {0, 0, g->w, g->h};
			render_card_front(cr, &f, trim, trim);
			cairo_restore(cr);
		}
		card_face_free(&f);
	}
	cairo_destroy(cr);
	char *path = xasprintf("%s/contact.png", job->dir);
	if (rc == CHUNK_OK && write_png(s, path, d))
		rc = CHUNK_IO;
	free(path);
	cairo_surface_destroy(s);
	return rc;
}

/* Cards per chunk of face images: chunks are handed out to processes one by one. The last
 * chunk is the contact sheet. */
#define CHUNK_FACES 8

/* What every process shares, set up before the workers are forked. */
typedef struct {
	const preview_job *job;
	card_geom g;
	size_t face_chunks; /* chunks of face images, before the contact sheet */
	FILE *log;          /* where messages go, also from workers */
} album;

/* One process's own fonts and cards, and where its messages go. */
typedef struct {
	const album *A;
	chunk_cards c;
	struct diag d;
} painter;

/* This process's painter (d: where its pictures' problems are reported) or a worker's (d
 * NULL). */
static painter *painter_new(const album *A, bool own, struct diag *d)
{
	painter *P = xcalloc(1, sizeof *P);
	P->A = A;
	if (!chunk_cards_open(&P->c, A->job->s, &A->g, own, PDFX_NONE, d)) {
		free(P);
		return NULL;
	}
	diag_init(&P->d, A->log);
	return P;
}

static void *painter_open(void *arg)
{
	return painter_new(arg, true, NULL);
}

static void painter_close(void *state)
{
	painter *P = state;
	chunk_cards_close(&P->c);
	free(P);
}

/* The front and back images of card i. */
static int faces(painter *P, size_t i)
{
	const preview_job *job = P->A->job;
	card_face f;
	int rc = card_face_make(P->c.cs, i, &f) == FACE_OK ? CHUNK_OK : CHUNK_BAD;
	for (int back = 0; back < 2 && rc == CHUNK_OK; back++) {
		cairo_surface_t *s = face_image(job, &f, cardset_geom(P->c.cs), back);
		char *path = xasprintf("%s/%s-%s.png", job->dir, f.c->id, back ? "back" : "front");
		if (write_png(s, path, &P->d))
			rc = CHUNK_IO;
		free(path);
		cairo_surface_destroy(s);
	}
	card_face_free(&f);
	return rc;
}

/* Chunk k (chunk_work.run): eight cards' images, or the contact sheet. The sizes are final
 * (fitted before), so no round repeats. */
static int paint_chunk(void *state, size_t k, const card_sizes *sizes, card_sizes *need, int *err,
		       const chunks *ch)
{
	(void)need;
	(void)ch;
	painter *P = state;
	const album *A = P->A;
	cardset_set_sizes(P->c.cs, sizes);
	int rc = CHUNK_OK;
	if (k == A->face_chunks) {
		rc = contact_sheet(A->job, P->c.cs, &P->d);
	} else {
		size_t n = A->job->s->dk->ncards;
		for (size_t i = k * CHUNK_FACES; i < n && i < (k + 1) * CHUNK_FACES && !rc; i++)
			rc = faces(P, i);
	}
	fflush(A->log);
	*err = EIO; /* reported above, by write_png */
	return rc;
}

/* Fits every card in this process, then draws the images with the workers. */
static int paint(album *A, chunks *ch, struct diag *d)
{
	const preview_job *job = A->job;
	int rc = session_fonts(job->s, d);
	if (rc)
		return rc;
	painter *P = painter_new(A, false, d);
	if (!P) /* the session's fonts are loaded: never */
		return EXIT_IO;
	if (P->c.picture_errors == 0 && cardset_fit(P->c.cs, d) == 0) {
		card_sizes sizes;
		int err = 0;
		cardset_get_sizes(P->c.cs, &sizes);
		int r = chunks_run(ch, P, &sizes, &err);
		rc = r == CHUNK_OK ? 0 : r == CHUNK_BAD ? EXIT_DECK : EXIT_IO;
	} else {
		rc = EXIT_DECK;
	}
	painter_close(P);
	return rc;
}

int preview_write(const preview_job *job, struct diag *d)
{
	if (make_dirs(job->dir, 0777) != 0) {
		diag(d, M_IO_WRITE, job->dir, 0, 0, strerror(errno));
		return EXIT_IO;
	}
	album A = {.job = job, .log = d->out};
	card_geom_make(job->ps.card_w, job->ps.card_h, job->ps.safe, &A.g);
	if (!job->contact_only)
		A.face_chunks = (job->s->dk->ncards + CHUNK_FACES - 1) / CHUNK_FACES;
	chunk_work w = {.n = A.face_chunks + 1,
			.open = painter_open,
			.run = paint_chunk,
			.close = painter_close,
			.arg = &A};
	fflush(d->out);
	/* fork before this process starts Pango or librsvg; the workers share the deck */
	chunks *ch = chunks_start(&w, job->s->fonts ? 1 : job->jobs);
	int rc = paint(&A, ch, d);
	chunks_end(ch);
	return rc;
}
