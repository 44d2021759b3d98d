/* pdf_merge.c - append the pages of separately written parts to one document, and keep a
 * font, image or form that several parts embed identically once. */
#include "pdf_merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_finish.h"
#include "util.h"

#define MAX_DEPTH 16 /* Cairo's fonts are 4 levels deep: font, descendant, descriptor, file */

/* One object met in the merged document's resources, and the object that replaces it. */
typedef struct {
	int id, gen;
	qpdf_oh keep;
} object_ref;

/* A distinct object: its canonical bytes and the first object that had them. */
typedef struct {
	char *bytes;
	size_t len;
	uint64_t hash;
	qpdf_oh oh;
} object_kind;

typedef struct {
	qpdf_data q;
	object_ref *refs;
	size_t nrefs, caprefs;
	object_kind *kinds;
	size_t nkinds, capkinds;
} dedupe;

static void canon(qpdf_data q, qpdf_oh o, strbuf *b, int depth, bool *ok);

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keys sorted; a stream's /Length left out (its data is compared instead). */
static void canon_dict(qpdf_data q, qpdf_oh dict, strbuf *b, int depth, bool stream, bool *ok)
{
	size_t n = 0, cap = 8;
	char **keys = xmalloc(cap * sizeof *keys);
	qpdf_oh_begin_dict_key_iter(q, dict);
	while (qpdf_oh_dict_more_keys(q)) {
		if (n == cap)
			keys = xrealloc(keys, (cap *= 2) * sizeof *keys);
		keys[n++] = xstrdup(qpdf_oh_dict_next_key(q));
	}
	qsort(keys, n, sizeof *keys, by_name);
	strbuf_puts(b, "<<");
	for (size_t i = 0; i < n; i++) {
		if (!stream || strcmp(keys[i], "/Length")) {
			strbuf_printf(b, "%s ", keys[i]);
			qpdf_oh v = qpdf_oh_get_key(q, dict, keys[i]);
			canon(q, v, b, depth + 1, ok);
			qpdf_oh_release(q, v);
		}
		free(keys[i]);
	}
	strbuf_puts(b, ">>");
	free(keys);
}

/* The bytes of o and of everything it refers to, the same for two objects exactly when they
 * are equal whatever their object numbers. Stream data is taken as stored: Cairo compresses
 * the same bytes to the same bytes. *ok becomes false for what cannot be compared. */
static void canon(qpdf_data q, qpdf_oh o, strbuf *b, int depth, bool *ok)
{
	if (depth > MAX_DEPTH) {
		*ok = false;
		return;
	}
	switch (qpdf_oh_get_type_code(q, o)) {
	case ot_stream: {
		qpdf_oh dict = qpdf_oh_get_dict(q, o);
		canon_dict(q, dict, b, depth, true, ok);
		qpdf_oh_release(q, dict);
		unsigned char *buf = NULL;
		size_t len = 0;
		if (qpdf_oh_get_stream_data(q, o, qpdf_dl_none, NULL, &buf, &len) & QPDF_ERRORS)
			*ok = false;
		strbuf_printf(b, "stream %zu:", len);
		if (buf)
			strbuf_add(b, (const char *)buf, len);
		free(buf);
		break;
	}
	case ot_dictionary:
		canon_dict(q, o, b, depth, false, ok);
		break;
	case ot_array: {
		int n = qpdf_oh_get_array_n_items(q, o);
		strbuf_puts(b, "[");
		for (int i = 0; i < n; i++) {
			qpdf_oh v = qpdf_oh_get_array_item(q, o, i);
			canon(q, v, b, depth + 1, ok);
			strbuf_puts(b, " ");
			qpdf_oh_release(q, v);
		}
		strbuf_puts(b, "]");
		break;
	}
	default:
		strbuf_puts(b, qpdf_oh_unparse_resolved(q, o));
		strbuf_puts(b, " ");
	}
}

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* The object to use for object f: the first one with the same bytes. */
static qpdf_oh object_keep(dedupe *D, qpdf_oh f)
{
	int id = qpdf_oh_get_object_id(D->q, f), gen = qpdf_oh_get_generation(D->q, f);
	for (size_t i = D->nrefs; i-- > 0;) /* the fonts of the current part are at the end */
		if (D->refs[i].id == id && D->refs[i].gen == gen)
			return D->refs[i].keep;
	strbuf b = {0};
	bool ok = true;
	canon(D->q, f, &b, 0, &ok);
	qpdf_oh keep = f;
	uint64_t h = fnv1a(b.s ? b.s : "", b.len);
	for (size_t i = 0; ok && i < D->nkinds && keep == f; i++)
		if (D->kinds[i].hash == h && D->kinds[i].len == b.len &&
		    !memcmp(D->kinds[i].bytes, b.s, b.len))
			keep = D->kinds[i].oh;
	if (ok && keep == f) {
		if (D->nkinds == D->capkinds)
			D->kinds = xrealloc(D->kinds, (D->capkinds = D->capkinds * 2 + 16) *
							      sizeof *D->kinds);
		size_t len = b.len;
		D->kinds[D->nkinds++] = (object_kind){strbuf_take(&b), len, h, f};
	}
	strbuf_free(&b);
	if (D->nrefs == D->caprefs)
		D->refs = xrealloc(D->refs, (D->caprefs = D->caprefs * 2 + 64) * sizeof *D->refs);
	D->refs[D->nrefs++] = (object_ref){id, gen, keep};
	return keep;
}

static void dedupe_resources(dedupe *D, qpdf_oh res, int depth);

/* Points the entries of dictionary dict (a resource category) at kept objects; recurses
 * into the resources of forms seen for the first time. */
static void dedupe_category(dedupe *D, qpdf_oh dict, int depth)
{
	qpdf_data q = D->q;
	size_t n;
	char **keys = qpdf_oh_is_dictionary(q, dict) ? pdf_oh_dict_keys(q, dict, &n) : NULL;
	for (size_t i = 0; keys && i < n; i++) {
		qpdf_oh o = qpdf_oh_get_key(q, dict, keys[i]);
		qpdf_oh keep = qpdf_oh_is_indirect(q, o) ? object_keep(D, o) : o;
		if (keep == o && qpdf_oh_is_stream(q, o)) { /* the first of its kind */
			qpdf_oh od = qpdf_oh_get_dict(q, o);
			qpdf_oh sub = qpdf_oh_get_key(q, od, "/Resources");
			dedupe_resources(D, sub, depth + 1);
			qpdf_oh_release(q, sub);
			qpdf_oh_release(q, od);
		}
		if (keep != o) {
			if (qpdf_oh_get_object_id(q, keep) != qpdf_oh_get_object_id(q, o))
				qpdf_oh_replace_key(q, dict, keys[i], keep);
			qpdf_oh_release(q, o); /* o itself is kept when it is the first of its kind */
		}
		free(keys[i]);
	}
	free(keys);
}

/* Points the fonts, images, forms, patterns, shadings and graphics states of resources res
 * (and of the forms it uses) at kept objects. */
static void dedupe_resources(dedupe *D, qpdf_oh res, int depth)
{
	static const char *const kinds[] = {"/Font", "/XObject", "/Pattern", "/Shading",
					    "/ExtGState"};
	qpdf_data q = D->q;
	if (depth > MAX_DEPTH || !qpdf_oh_is_dictionary(q, res))
		return;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		qpdf_oh dict = qpdf_oh_get_key(q, res, kinds[k]);
		dedupe_category(D, dict, depth);
		qpdf_oh_release(q, dict);
	}
}

static char *problem(qpdf_data q)
{
	return qpdf_has_error(q) ? xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q))) : NULL;
}

char *pdf_merge(qpdf_data q, qpdf_data *parts, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		int pages = qpdf_get_num_pages(parts[k]);
		char *msg = problem(parts[k]);
		for (int i = 0; !msg && i < pages; i++) {
			qpdf_oh page = qpdf_get_page_n(parts[k], (size_t)i);
			qpdf_add_page(q, parts[k], page, QPDF_FALSE);
			qpdf_oh_release(parts[k], page);
			msg = problem(q);
		}
		if (msg)
			return msg;
	}
	if (n == 0) /* one part: nothing to share */
		return problem(q);
	dedupe D = {.q = q};
	int pages = qpdf_get_num_pages(q);
	for (int i = 0; i < pages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
		dedupe_resources(&D, res, 0);
		qpdf_oh_release(q, res);
		qpdf_oh_release(q, page);
	}
	for (size_t i = 0; i < D.nkinds; i++)
		free(D.kinds[i].bytes);
	free(D.kinds);
	free(D.refs);
	return problem(q);
}
