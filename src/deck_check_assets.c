/* deck_check_assets.c - the deck's own files: fonts (licence bits), icons and images. */
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "deck_check.h"
#include "font_file.h"
#include "image.h"

typedef struct {
	const deck *dk;
	struct diag *d;
	char **seen; /* realpaths of the pictures decoded so far */
	size_t nseen;
	int errors;
} assets;

static void at(assets *A, const file_ref *f, enum diag_msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	vdiag(A->d, m, f->origin ? f->origin : A->dk->path, f->pos.line, f->pos.col, ap);
	va_end(ap);
	A->errors++;
}

/* What went wrong reading a file: outside the folder, over a limit, or unreadable. */
static void unreadable(assets *A, const file_ref *f, const input_result *in, const char *kind,
		       bound limit, enum diag_msg m)
{
	if (in->status == IN_OUTSIDE) {
		at(A, f, M_OUTSIDE, f->path);
	} else if (in->status == IN_TOO_BIG) {
		char *what = xasprintf("%s '%s' has more than %zu bytes", kind, f->path,
				       bound_get(limit));
		at(A, f, M_LIMIT, what, bound_name(limit));
		free(what);
	} else {
		char *why = in->status == IN_OPEN ? xasprintf("cannot be read: %s", in->why)
						  : input_problem(in, A->dk->root);
		if (m == M_PICTURE)
			at(A, f, m, kind, f->path, why);
		else
			at(A, f, m, f->path, why);
		free(why);
	}
}

static void check_font(assets *A, const file_ref *f)
{
	font_info fi;
	switch (font_file_check(f->file, A->dk->root, &fi)) {
	case FONT_UNREADABLE:
		unreadable(A, f, &fi.in, "font", B_FONT_BYTES, M_FONT_FILE);
		break;
	case FONT_NOT_FONT:
		at(A, f, M_FONT_FILE, f->path, fi.why);
		break;
	case FONT_NO_EMBED:
		at(A, f, M_FONT_LICENCE, f->path, fi.family, fi.style, fi.fstype, fi.why);
		break;
	case FONT_OK:
		break;
	}
	font_info_free(&fi);
}

/* Decodes the picture unless the same file was decoded already; kind: "icon", "image". */
static void check_picture(assets *A, const file_ref *f, const char *kind)
{
	char *real = realpath(f->file, NULL);
	for (size_t i = 0; real && i < A->nseen; i++)
		if (!strcmp(A->seen[i], real)) {
			free(real);
			return;
		}
	if (real && A->nseen == bound_get(B_PICTURES)) {
		char *what = xasprintf("%s '%s' is one picture more than %zu", kind, f->path,
				       bound_get(B_PICTURES));
		at(A, f, M_LIMIT, what, bound_name(B_PICTURES));
		free(what);
		free(real);
		return;
	}
	if (real) {
		A->seen = xrealloc(A->seen, (A->nseen + 1) * sizeof *A->seen);
		A->seen[A->nseen++] = real;
	}
	image_error e;
	image *im = image_load(f->file, A->dk->root, &e);
	if (!im && e.in.status != IN_OK) {
		unreadable(A, f, &e.in, kind, e.limit >= 0 ? (bound)e.limit : B_IMAGE_BYTES,
			   M_PICTURE);
	} else if (!im && e.limit >= 0) {
		char *what = xasprintf("%s '%s' %s", kind, f->path, e.why);
		at(A, f, M_LIMIT, what, bound_name((bound)e.limit));
		free(what);
	} else if (!im) {
		at(A, f, M_PICTURE, kind, f->path, e.why);
	}
	image_free(im);
	image_error_free(&e);
}

/* The icon design is built around the category's icon: a card that has neither an icon nor
 * an image of its own shows an empty panel. Warned once per category, and once for the
 * cards without a category. */
static void empty_panels(const deck *dk, struct diag *d)
{
	if (dk->theme.layout != LAYOUT_ICON)
		return;
	size_t *bare = xcalloc(dk->ncategories + 1, sizeof *bare);
	const card *first_loose = NULL;
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		if (c->image.path || (c->category >= 0 && dk->categories[c->category].icon.path))
			continue;
		size_t k = c->category >= 0 ? (size_t)c->category : dk->ncategories;
		if (!bare[k]++ && c->category < 0)
			first_loose = c;
	}
	for (size_t k = 0; k < dk->ncategories; k++) {
		const category *ct = &dk->categories[k];
		if (bare[k])
			diag(d, M_ICON_PANEL, ct->origin ? ct->origin : dk->path, ct->pos.line,
			     ct->pos.col, ct->id, bare[k]);
	}
	if (first_loose)
		diag(d, M_ICON_PANEL_LOOSE, first_loose->file, first_loose->pos.line,
		     first_loose->pos.col, bare[dk->ncategories], first_loose->id);
	free(bare);
}

int deck_check_assets(const deck *dk, struct diag *d)
{
	empty_panels(dk, d);
	assets A = {.dk = dk, .d = d};
	for (size_t i = 0; i < dk->theme.nfonts; i++)
		check_font(&A, &dk->theme.fonts[i]);
	for (size_t i = 0; i < dk->ncategories; i++)
		if (dk->categories[i].icon.path)
			check_picture(&A, &dk->categories[i].icon, "icon");
	for (size_t i = 0; i < dk->ncards; i++)
		if (dk->cards[i].image.path)
			check_picture(&A, &dk->cards[i].image, "image");
	for (size_t i = 0; i < A.nseen; i++)
		free(A.seen[i]);
	free(A.seen);
	return A.errors;
}
