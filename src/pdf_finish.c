/* pdf_finish.c - add print-shop page boxes and a reproducible /ID to Cairo's PDF with libqpdf,
 * then replace the output file in one rename. */
#include "pdf_finish.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "numfmt.h"
#include "pdf_merge.h"
#include "pdf_xmp.h"
#include "util.h"

#define BOX_TOL 0.01 /* points: rounding in the box numbers is not an error */

rect pdf_rect_from_top(rect r, double page_h)
{
	return (rect){r.x, page_h - r.y - r.h, r.w, r.h};
}

/* "[x0 y0 x1 y1]" with '.' decimals whatever the locale: a comma would break PDF syntax.
 * Six decimals, as Cairo writes the MediaBox, so a box equal to it is written equal. */
static char *box_text(const rect *r)
{
	char a[NUM_BUF], b[NUM_BUF], c[NUM_BUF], d[NUM_BUF];
	return xasprintf("[%s %s %s %s]", num_format(a, r->x, 6), num_format(b, r->y, 6),
			 num_format(c, r->x + r->w, 6), num_format(d, r->y + r->h, 6));
}

/* r with each edge that lies within BOX_TOL of the media's edge moved onto it: a bleed box
 * that is the whole page must not come out a rounding error larger than the page. */
static rect snap_to(const rect *r, const rect *media)
{
	double x0 = r->x, y0 = r->y, x1 = r->x + r->w, y1 = r->y + r->h;
	double m[4] = {media->x, media->y, media->x + media->w, media->y + media->h};
	double *e[4] = {&x0, &y0, &x1, &y1};
	for (int i = 0; i < 4; i++)
		if (fabs(*e[i] - m[i]) < BOX_TOL)
			*e[i] = m[i];
	return (rect){x0, y0, x1 - x0, y1 - y0};
}

static bool rect_inside(const rect *in, const rect *out)
{
	return in->x >= out->x - BOX_TOL && in->y >= out->y - BOX_TOL &&
	       in->x + in->w <= out->x + out->w + BOX_TOL &&
	       in->y + in->h <= out->y + out->h + BOX_TOL;
}

/* Takes qpdf's pending error (or else its first warning) as a message; NULL if there is none.
 * qpdf's text already names the file. */
static char *qpdf_problem(qpdf_data q)
{
	if (qpdf_has_error(q))
		return xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
	if (qpdf_more_warnings(q))
		return xasprintf("%s (qpdf would have to repair this PDF)",
				 qpdf_get_error_full_text(q, qpdf_next_warning(q)));
	return NULL;
}

bool pdf_oh_number(qpdf_data q, qpdf_oh v, double *out)
{
	if (qpdf_oh_is_integer(q, v)) {
		*out = (double)qpdf_oh_get_int_value(q, v);
		return true;
	}
	/* qpdf converts reals with the C library, which follows LC_NUMERIC: read the text */
	return qpdf_oh_is_real(q, v) && parse_double(qpdf_oh_get_real_value(q, v), out);
}

char **pdf_oh_dict_keys(qpdf_data q, qpdf_oh d, size_t *n)
{
	size_t cap = 16;
	char **keys = xmalloc(cap * sizeof *keys);
	*n = 0;
	qpdf_oh_begin_dict_key_iter(q, d);
	while (qpdf_oh_dict_more_keys(q)) {
		if (*n == cap)
			keys = xrealloc(keys, (cap *= 2) * sizeof *keys);
		keys[(*n)++] = xstrdup(qpdf_oh_dict_next_key(q));
	}
	return keys;
}

/* The page's /MediaBox, which a page may inherit from its /Pages parents. */
static bool media_box(qpdf_data q, qpdf_oh page, rect *out)
{
	qpdf_oh node = page;
	for (int depth = 0; depth < 64 && qpdf_oh_is_dictionary(q, node); depth++) {
		qpdf_oh box = qpdf_oh_get_key(q, node, "/MediaBox");
		if (qpdf_oh_is_array(q, box) && qpdf_oh_get_array_n_items(q, box) == 4) {
			double v[4];
			for (int i = 0; i < 4; i++)
				if (!pdf_oh_number(q, qpdf_oh_get_array_item(q, box, i), &v[i]))
					return false;
			*out = (rect){v[0], v[1], v[2] - v[0], v[3] - v[1]};
			return true;
		}
		node = qpdf_oh_get_key(q, node, "/Parent");
	}
	return false;
}

static char *set_box(qpdf_data q, const char *path, qpdf_oh page, int n, const char *key,
		     const rect *given, const rect *media)
{
	rect snapped = snap_to(given, media);
	const rect *r = &snapped;
	if (!rect_inside(r, media)) {
		char *box = box_text(r), *mb = box_text(media);
		char *msg = xasprintf("%s: page %d: %s %s is not inside the MediaBox %s", path,
				      n + 1, key + 1, box, mb);
		free(box);
		free(mb);
		return msg;
	}
	char *text = box_text(r);
	qpdf_oh box = qpdf_oh_parse(q, text);
	/* Never hand a failed parse to replace_key: qpdf then crashes in qpdf_cleanup. */
	char *msg = qpdf_problem(q);
	if (!msg && !(qpdf_oh_is_array(q, box) && qpdf_oh_get_array_n_items(q, box) == 4))
		msg = xasprintf("%s: cannot make a %s from '%s'", path, key + 1, text);
	if (!msg) {
		qpdf_oh_replace_key(q, page, key, box);
		msg = qpdf_problem(q);
	}
	free(text);
	return msg;
}

static char *add_boxes(qpdf_data q, const char *path, const rect *trim, const rect *bleed)
{
	int pages = qpdf_get_num_pages(q);
	char *msg = qpdf_problem(q);
	for (int i = 0; !msg && i < pages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		rect media;
		if (!media_box(q, page, &media))
			return xasprintf("%s: page %d has no MediaBox", path, i + 1);
		if (trim)
			msg = set_box(q, path, page, i, "/TrimBox", trim, &media);
		if (!msg && bleed)
			msg = set_box(q, path, page, i, "/BleedBox", bleed, &media);
	}
	return msg;
}

static bool pdfx_on(const pdf_finish_opts *o)
{
	return o->pdfx && o->pdfx->level != PDFX_NONE;
}

/* The finishing steps on the document open in q; returns an error or NULL. */
static char *steps(qpdf_data q, const char *in_path, const pdf_finish_opts *o)
{
	char *msg = NULL;
	if (o->trim || o->bleed)
		msg = add_boxes(q, in_path, o->trim, o->bleed);
	/* one XMP packet, to which every step that needs one adds its properties; PDF/X first:
	 * it sets the /Info the packet starts from */
	xmp_props xmp = {0};
	if (!msg && pdfx_on(o))
		msg = pdfx_convert(q, o->pdfx, &xmp);
	if (!msg && o->tags) {
		if (!xmp.n)
			pdf_xmp_from_info(q, &xmp);
		msg = pdf_tags_apply(q, o->tags, &xmp);
		if (msg) { /* a deckpress bug, not the user's: say where it happened */
			char *m = xasprintf("making the PDF accessible: %s", msg);
			free(msg);
			msg = m;
		}
	} else if (!msg) { /* Cairo's partial tree must not pass for an accessible file's */
		pdf_tags_strip(q);
	}
	if (!msg && xmp.n)
		msg = pdf_xmp_attach(q, &xmp);
	xmp_props_free(&xmp);
	return msg;
}

/* A file's bytes, mapped for qpdf: its file input seeks and tells through stdio at every
 * token (a tenth of reading a tagged booklet), its memory input does not. */
typedef struct {
	void *data;
	size_t len;
} mapped;

/* Maps the file at path into *m; 0, or -1 with errno set (the caller then reads the file). */
static int map_file(const char *path, mapped *m)
{
	*m = (mapped){0};
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = -1;
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			*m = (mapped){p, (size_t)st.st_size};
			rc = 0;
		}
	}
	close(fd);
	return rc;
}

/* Reads the input into q: the file in_path (from map, when it is mapped), or the parts put
 * together (more[] gets the later parts, which must stay open until q is written). Returns
 * an error or NULL. */
static char *read_input(qpdf_data q, qpdf_data *more, const char *in_path, const mapped *map,
			const pdf_finish_opts *o)
{
	if (!o->nparts && map->data)
		return qpdf_read_memory(q, in_path, map->data, map->len, NULL) & QPDF_ERRORS
			       ? qpdf_problem(q)
			       : NULL;
	if (!o->nparts)
		return qpdf_read(q, in_path, NULL) & QPDF_ERRORS ? qpdf_problem(q) : NULL;
	for (size_t i = 0; i < o->nparts; i++) {
		qpdf_data p = i ? more[i - 1] : q;
		char name[32];
		snprintf(name, sizeof name, "part %zu", i + 1);
		const pdf_part *pt = &o->parts[i];
		if ((pt->path ? qpdf_read(p, pt->path, NULL)
			      : qpdf_read_memory(p, name, pt->data, pt->len, NULL)) &
		    QPDF_ERRORS)
			return qpdf_problem(p);
		char *msg = qpdf_problem(p);
		if (msg)
			return msg;
	}
	return pdf_merge(q, more, o->nparts - 1);
}

/* Everything between reading and a complete temporary file; returns an error or NULL. */
static char *rewrite(qpdf_data q, qpdf_data *more, const char *in_path, const mapped *map,
		     const char *tmp, const pdf_finish_opts *o)
{
	char *msg = read_input(q, more, in_path, map, o);
	if (!msg)
		msg = qpdf_problem(q);
	if (!msg)
		msg = steps(q, in_path ? in_path : tmp, o);
	if (msg)
		return msg;
	if (qpdf_init_write(q, tmp) & QPDF_ERRORS)
		return qpdf_problem(q);
	/* Same content, same /ID: builds are reproducible and diffable. */
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	/* A structure tree is thousands of small objects: packed into compressed object
	 * streams (PDF 1.5, as Cairo writes) a tagged file is smaller than an untagged one.
	 * Only there: print-shop standards (PDF/X-1a) forbid object streams. */
	if (o->tags)
		qpdf_set_object_stream_mode(q, qpdf_o_generate);
	if (pdfx_on(o))
		pdfx_write_settings(q, o->pdfx);
	if (qpdf_write(q) & QPDF_ERRORS)
		return qpdf_problem(q);
	return qpdf_problem(q);
}

qpdf_data pdf_qpdf_quiet(void)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q); /* we report errors ourselves */
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	return q;
}

int pdf_finish(const char *in_path, const char *out_path, const pdf_finish_opts *opts, char **err)
{
	static const pdf_finish_opts none = {0};
	const pdf_finish_opts *o = opts ? opts : &none;
	*err = NULL;
	if (o->trim && o->bleed && !rect_inside(o->trim, o->bleed)) {
		char *t = box_text(o->trim), *b = box_text(o->bleed);
		*err = xasprintf("%s: TrimBox %s is not inside the BleedBox %s", out_path, t, b);
		free(t);
		free(b);
		return -1;
	}
	atomic_file f;
	atomic_begin(&f, out_path);
	qpdf_data q = pdf_qpdf_quiet();
	qpdf_data *more = xcalloc(o->nparts + 1, sizeof *more);
	for (size_t i = 0; i + 1 < o->nparts; i++)
		more[i] = pdf_qpdf_quiet();
	mapped map = {0};
	if (in_path)
		(void)map_file(in_path, &map); /* if it cannot be mapped, qpdf reads the file */
	char *msg = rewrite(q, more, in_path, &map, f.tmp, o);
	qpdf_cleanup(&q);
	if (map.data)
		munmap(map.data, map.len);
	for (size_t i = 0; i + 1 < o->nparts; i++)
		qpdf_cleanup(&more[i]);
	free(more);
	if (msg) {
		atomic_abort(&f);
		*err = msg;
		return -1;
	}
	if (atomic_commit(&f) != 0) {
		*err = xasprintf("%s: %s", out_path, strerror(errno));
		return -1;
	}
	return 0;
}
