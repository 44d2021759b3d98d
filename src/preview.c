/* preview.c - render card faces to PNG files, at a resolution or an exact pixel size. */
#include "preview.h"

#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "card_face.h"
#include "render_card.h"

#define CONTACT_DPI  60.0
#define CONTACT_COLS 6
#define CONTACT_GAP  12

typedef struct {
	FILE *fp;
	int err; /* errno of the first failed write */
} png_sink;

/* Through our own callback, so a full disk reports its errno, not just "write error". */
static cairo_status_t png_write(void *closure, const unsigned char *data, unsigned int len)
{
	png_sink *k = closure;
	errno = 0;
	if (!k->err && fwrite(data, 1, len, k->fp) != len)
		k->err = errno ? errno : EIO;
	return k->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Writes a surface to path through a temporary file. */
static int write_png(cairo_surface_t *s, const char *path, struct diag *d)
{
	atomic_file f;
	atomic_begin(&f, path);
	png_sink k = {fopen(f.tmp, "wb"), 0};
	if (!k.fp)
		k.err = errno;
	cairo_status_t st = k.fp ? cairo_surface_write_to_png_stream(s, png_write, &k)
				 : CAIRO_STATUS_WRITE_ERROR;
	if (k.fp && fclose(k.fp) != 0 && !k.err)
		k.err = errno;
	if (st != CAIRO_STATUS_SUCCESS || k.err) {
		diag(d, M_IO_WRITE, path, 0, 0,
		     k.err ? strerror(k.err) : cairo_status_to_string(st));
		atomic_abort(&f);
		return -1;
	}
	if (atomic_commit(&f)) {
		diag(d, M_IO_WRITE, path, 0, 0, strerror(errno));
		return -1;
	}
	return 0;
}

/* One face on a new image: the card with its bleed, scaled to the pixel size asked for. */
void preview_face_px(const preview_job *job, int *pw, int *ph)
{
	double b = job->ps.bleed, w = job->ps.card_w + 2 * b, h = job->ps.card_h + 2 * b;
	*pw = job->px_w ? job->px_w : (int)lround(w / 72.0 * job->dpi);
	*ph = job->px_h ? job->px_h : (int)lround(h / 72.0 * job->dpi);
}

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

static int contact_sheet(const preview_job *job, cardset *cs, struct diag *d)
{
	const card_geom *g = cardset_geom(cs);
	size_t n = job->dk->ncards, cols = n < CONTACT_COLS ? n : CONTACT_COLS;
	size_t rows = (n + cols - 1) / cols;
	double k = CONTACT_DPI / 72.0;
	int cw = (int)lround(g->w * k), ch = (int)lround(g->h * k);
	int W = (int)cols * (cw + CONTACT_GAP) + CONTACT_GAP;
	int H = (int)rows * (ch + CONTACT_GAP) + CONTACT_GAP;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.88, 0.88, 0.86);
	cairo_paint(cr);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		card_face f;
		if (card_face_make(cs, i, &f)) {
			rc = -1;
			break;
		}
		cairo_save(cr);
		cairo_translate(cr, CONTACT_GAP + (double)(i % cols) * (cw + CONTACT_GAP),
				CONTACT_GAP + (double)(i / cols) * (ch + CONTACT_GAP));
		cairo_scale(cr, cw / g->w, ch / g->h);
		rect trim = {0, 0, g->w, g->h};
		render_card_front(cr, &f, trim, trim);
		cairo_restore(cr);
		card_face_free(&f);
	}
	cairo_destroy(cr);
	char *path = xasprintf("%s/contact.png", job->dir);
	if (rc == 0)
		rc = write_png(s, path, d);
	free(path);
	cairo_surface_destroy(s);
	return rc;
}

int preview_write(const preview_job *job, struct diag *d)
{
	if (mkdir(job->dir, 0777) != 0 && errno != EEXIST) {
		diag(d, M_IO_WRITE, job->dir, 0, 0, strerror(errno));
		return 3;
	}
	card_geom g;
	card_geom_make(job->ps.card_w, job->ps.card_h, job->ps.safe, &g);
	cardset *cs = cardset_new(job->dk, job->lang, job->ctx, job->hyph, &g);
	int rc = cardset_load_pictures(cs, PDFX_NONE, d) + cardset_fit(cs, d) ? 1 : 0;
	for (size_t i = 0; i < job->dk->ncards && rc == 0 && !job->contact_only; i++) {
		card_face f;
		if (card_face_make(cs, i, &f)) {
			rc = 1;
			break;
		}
		for (int back = 0; back < 2 && rc == 0; back++) {
			cairo_surface_t *s = face_image(job, &f, cardset_geom(cs), back);
			char *path = xasprintf("%s/%s-%s.png", job->dir, f.c->id,
					       back ? "back" : "front");
			if (write_png(s, path, d))
				rc = 3;
			free(path);
			cairo_surface_destroy(s);
		}
		card_face_free(&f);
	}
	if (rc == 0 && contact_sheet(job, cs, d))
		rc = 3;
	cardset_free(cs);
	return rc;
}
