/* deck_pictures.c - a deck's icons and team logo, loaded and noted for one output. */
#include "deck_pictures.h"

#include <stdlib.h>
#include <string.h>

#include "pdfx.h"
#include "util.h"

static void add_colors(deck_pictures *p, const image *im)
{
	size_t n;
	const uint32_t *c = image_colors(im, &n);
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < p->ncolors && p->colors[k] != c[i])
			k++;
		if (k < p->ncolors)
			continue;
		p->colors = xrealloc(p->colors, (p->ncolors + 1) * sizeof *p->colors);
		p->colors[p->ncolors++] = c[i];
	}
}

int deck_pictures_note(deck_pictures *p, const deck *dk, const image *im, const file_ref *f,
		       const char *kind, struct diag *d)
{
	add_colors(p, im);
	const char *why = p->pdfx != PDFX_NONE ? image_pdfx_problem(im, p->pdfx == PDFX_1A) : NULL;
	if (!why)
		return 0;
	const char *level = pdfx_level_name(p->pdfx);
	if (f)
		diag(d, M_PICTURE_PDFX, f->origin ? f->origin : dk->path, f->pos.line, f->pos.col,
		     kind, f->path, why, level);
	else
		diag(d, M_PICTURE_PDFX, dk->logo, 0, 0, kind, dk->logo, why, level);
	return 1;
}

static image *load_icon(const deck *dk, const file_ref *f, struct diag *d)
{
	image_error e;
	image *im = image_load(f->file, dk->root, &e);
	if (!im)
		diag(d, M_PICTURE, f->origin ? f->origin : dk->path, f->pos.line, f->pos.col, "icon",
		     f->path, e.why ? e.why : "cannot be read");
	image_error_free(&e);
	return im;
}

static image *load_logo(const deck *dk, struct diag *d)
{
	image_error e;
	image *im = image_load(dk->logo, dk->root, &e);
	if (!im)
		diag(d, M_TEAM_LOGO, dk->logo, 0, 0, dk->team ? dk->team : "", dk->logo,
		     e.why ? e.why : "cannot be read");
	image_error_free(&e);
	return im;
}

/* The icon of an earlier category that names the same file as category k's, or -1. */
static long same_file(const deck *dk, size_t k)
{
	const char *file = dk->categories[k].icon.file;
	for (size_t j = 0; file && j < k; j++)
		if (dk->categories[j].icon.file && !strcmp(dk->categories[j].icon.file, file))
			return (long)j;
	return -1;
}

int deck_pictures_load(deck_pictures *p, const deck *dk, pdfx_level pdfx, struct diag *d)
{
	*p = (deck_pictures){.pdfx = pdfx};
	p->icons = xcalloc(dk->ncategories + 1, sizeof *p->icons);
	int errors = 0;
	for (size_t k = 0; k < dk->ncategories; k++) {
		const file_ref *f = &dk->categories[k].icon;
		if (!f->path)
			continue;
		long j = same_file(dk, k);
		if (j >= 0) { /* one picture, loaded and noted once: one image or form in a PDF */
			p->icons[k] = p->icons[j] ? image_ref(p->icons[j]) : NULL;
			continue;
		}
		p->icons[k] = load_icon(dk, f, d);
		errors += p->icons[k] ? deck_pictures_note(p, dk, p->icons[k], f, "icon", d) : 1;
	}
	if (dk->logo) {
		p->logo = load_logo(dk, d);
		errors += p->logo ? deck_pictures_note(p, dk, p->logo, NULL, "logo", d) : 1;
	}
	return errors;
}

const image *deck_pictures_icon(const deck_pictures *p, int k)
{
	return k >= 0 && p->icons ? p->icons[k] : NULL;
}

void deck_pictures_free(deck_pictures *p, const deck *dk)
{
	for (size_t k = 0; p->icons && k < dk->ncategories; k++)
		image_free(p->icons[k]); /* a shared icon: one reference each */
	free(p->icons);
	image_free(p->logo);
	free(p->colors);
	*p = (deck_pictures){0};
}
