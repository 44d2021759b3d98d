/* pdfx.c - PDF/X-4 and PDF/X-1a from Cairo's RGB PDF: colours, images, groups, output
 * intent, identification and metadata, all on the document libqpdf has open. */
#include "pdfx.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "pdf_finish.h"
#include "pdf_meta.h"
#include "pdfx_content.h"
#include "pdfx_image.h"
#include "util.h"
#include "pdf_xmp.h"

#define FORM_DEPTH_MAX 32 /* forms inside forms */

/* An image to convert. For PDF/X-1a, a transparent image is flattened onto the ink beneath
 * it, so one drawn over several inks is converted once per ink: the first ink's use keeps
 * the object, each other ink gets a copy (source is the object copied). */
typedef struct {
	int id, source; /* object ids: this image, the one it was copied from (or id) */
	qpdf_oh oh;
	cmyk backdrop; /* the fill ink in force where it is drawn (flattened images) */
	bool flat;     /* flattened onto backdrop (PDF/X-1a, transparent) */
} image_use;

/* Which ink a flattened image's resource name was drawn over: a name stands for one object,
 * so a name drawn over two inks cannot get one copy for each. */
typedef struct {
	int res;    /* the resources' object id, or minus the id of the stream they are in */
	char *name; /* "/x12" */
	cmyk backdrop;
} image_binding;

typedef struct {
	int id;           /* object id */
	bool transparent; /* something drawn in it is */
} form_done;

typedef struct {
	qpdf_data q;
	const pdfx_opts *o;
	form_done *forms; /* forms already rewritten */
	size_t nforms;
	image_use *images;
	size_t nimages;
	image_binding *bindings;
	size_t nbindings;
	qpdf_oh res;      /* resources of the stream being rewritten */
	int res_key;      /* image_binding.res for res */
	bool transparent; /* the page being rewritten uses transparency */
	int depth;
	GChecksum *sum; /* of every rewritten stream: the XMP document id */
} walker;

static char *walk_stream(walker *W, qpdf_oh stream, qpdf_oh res, const cmyk *fill);

const char *pdfx_level_name(pdfx_level l)
{
	return l == PDFX_4 ? "PDF/X-4" : l == PDFX_1A ? "PDF/X-1a:2001" : "";
}

static form_done *find_form(walker *W, int id)
{
	for (size_t i = 0; i < W->nforms; i++)
		if (W->forms[i].id == id)
			return &W->forms[i];
	return NULL;
}

static image_use *add_image(walker *W, qpdf_oh oh, int from, const cmyk *backdrop)
{
	W->images = xrealloc(W->images, (W->nimages + 1) * sizeof *W->images);
	image_use *u = &W->images[W->nimages++];
	*u = (image_use){.id = qpdf_oh_get_object_id(W->q, oh), .source = from, .oh = oh};
	if (backdrop)
		u->backdrop = *backdrop, u->flat = true;
	return u;
}

static bool same_ink(const cmyk *a, const cmyk *b)
{
	return !memcmp(a, b, sizeof *a);
}

/* The image flattened onto fill for the resource key: the object itself the first time, a
 * copy for every other ink (the key then names the copy). NULL or an error. */
static char *flat_image(walker *W, const char *key, qpdf_oh img, const cmyk *fill)
{
	qpdf_data q = W->q;
	if (!fill)
		return xstrdup("PDF/X-1a: a transparent image has no plate beneath it to flatten "
			       "onto");
	for (size_t i = 0; i < W->nbindings; i++) {
		image_binding *b = &W->bindings[i];
		if (b->res == W->res_key && !strcmp(b->name, key))
			return same_ink(&b->backdrop, fill)
				       ? NULL
				       : xstrdup("PDF/X-1a: one transparent image is drawn over "
						 "two inks and cannot be flattened onto both");
	}
	W->bindings = xrealloc(W->bindings, (W->nbindings + 1) * sizeof *W->bindings);
	W->bindings[W->nbindings++] = (image_binding){W->res_key, xstrdup(key), *fill};
	int id = qpdf_oh_get_object_id(q, img);
	bool seen = false;
	for (size_t i = 0; i < W->nimages; i++) {
		image_use *u = &W->images[i];
		if (u->source != id)
			continue;
		seen = true;
		if (same_ink(&u->backdrop, fill)) {
			if (u->id != id)
				qpdf_oh_replace_key(q, qpdf_oh_get_key(q, W->res, "/XObject"), key,
						    u->oh);
			return NULL;
		}
	}
	if (!seen) {
		add_image(W, img, id, fill);
		return NULL;
	}
	qpdf_oh copy = pdfx_image_copy(q, img);
	if (qpdf_oh_is_null(q, copy))
		return xstrdup("PDF/X: an image cannot be read");
	add_image(W, copy, id, fill);
	qpdf_oh_replace_key(q, qpdf_oh_get_key(q, W->res, "/XObject"), key, copy);
	return NULL;
}

/* Notes image img, drawn as resource key over fill, for convert_images. */
static char *use_image(walker *W, const char *key, qpdf_oh img, const cmyk *fill)
{
	bool transparent = pdfx_image_transparent(W->q, img);
	W->transparent = W->transparent || transparent;
	if (W->o->level == PDFX_1A && transparent)
		return flat_image(W, key, img, fill);
	int id = qpdf_oh_get_object_id(W->q, img);
	for (size_t i = 0; i < W->nimages; i++)
		if (W->images[i].id == id)
			return NULL;
	add_image(W, img, id, NULL);
	return NULL;
}

/* The form's /Group: kept (as CMYK) for PDF/X-4 when something in it is transparent. */
static void fix_group(walker *W, qpdf_oh dict, bool transparent)
{
	qpdf_oh g = qpdf_oh_get_key(W->q, dict, "/Group");
	if (qpdf_oh_is_null(W->q, g))
		return;
	if (W->o->level == PDFX_4 && transparent)
		qpdf_oh_replace_key(W->q, g, "/CS", qpdf_oh_new_name(W->q, "/DeviceCMYK"));
	else
		qpdf_oh_remove_key(W->q, dict, "/Group");
}

static char *on_do(void *ctx, const char *name, const cmyk *fill)
{
	walker *W = ctx;
	qpdf_data q = W->q;
	char *key = xasprintf("/%s", name);
	qpdf_oh x = qpdf_oh_get_key(q, qpdf_oh_get_key(q, W->res, "/XObject"), key);
	if (!qpdf_oh_is_stream(q, x)) {
		free(key);
		return xasprintf("PDF/X: XObject /%s is missing", name);
	}
	qpdf_oh d = qpdf_oh_get_dict(q, x);
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, "/Subtype"), "/Image")) {
		char *err = use_image(W, key, x, fill);
		free(key);
		return err;
	}
	free(key);
	int id = qpdf_oh_get_object_id(q, x);
	form_done *done = find_form(W, id);
	if (done) { /* drawn before: rewritten once, its transparency counts here too */
		W->transparent = W->transparent || done->transparent;
		return NULL;
	}
	if (W->depth >= FORM_DEPTH_MAX)
		return xstrdup("PDF/X: forms nested too deeply");
	W->forms = xrealloc(W->forms, (W->nforms + 1) * sizeof *W->forms);
	W->forms[W->nforms++] = (form_done){id, false};
	qpdf_oh res = qpdf_oh_get_key(q, d, "/Resources");
	bool outer = W->transparent;
	W->transparent = false;
	W->depth++;
	char *err = walk_stream(W, x, qpdf_oh_is_dictionary(q, res) ? res : W->res, fill);
	W->depth--;
	fix_group(W, d, W->transparent);
	find_form(W, id)->transparent = W->transparent;
	W->transparent = W->transparent || outer;
	return err;
}

/* ExtGStates: alpha below 1, soft masks and blend modes are transparency; PDF/X-1a (PDF 1.3)
 * has none of them, and not even the keys. */
static char *ext_gstates(walker *W, qpdf_oh res)
{
	qpdf_data q = W->q;
	qpdf_oh all = qpdf_oh_get_key(q, res, "/ExtGState");
	if (!qpdf_oh_is_dictionary(q, all))
		return NULL;
	size_t n;
	char **names = pdf_oh_dict_keys(q, all, &n);
	char *err = NULL;
	for (size_t i = 0; i < n; i++) {
		qpdf_oh gs = qpdf_oh_get_key(q, all, names[i]);
		static const char *const alpha[] = {"/CA", "/ca"};
		bool transparent = false;
		for (int a = 0; a < 2; a++) {
			double v;
			if (pdf_oh_number(q, qpdf_oh_get_key(q, gs, alpha[a]), &v) && v < 1)
				transparent = true;
			if (W->o->level == PDFX_1A)
				qpdf_oh_remove_key(q, gs, alpha[a]);
		}
		qpdf_oh sm = qpdf_oh_get_key(q, gs, "/SMask");
		qpdf_oh bm = qpdf_oh_get_key(q, gs, "/BM");
		if ((!qpdf_oh_is_null(q, sm) && !qpdf_oh_is_name_and_equals(q, sm, "/None")) ||
		    (!qpdf_oh_is_null(q, bm) && !qpdf_oh_is_name_and_equals(q, bm, "/Normal")))
			transparent = true;
		W->transparent = W->transparent || transparent;
		if (transparent && W->o->level == PDFX_1A && !err)
			err = xasprintf("PDF/X: graphics state %s is transparent, which PDF/X-1a "
					"cannot hold",
					names[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return err;
}

/* err (taken) as "PDF/X: ...": the recolouring's and the image conversion's own messages
 * say what, not where; those of this file, and those coming back up from a form inside a
 * form, say PDF/X already. */
static char *prefixed(char *err)
{
	if (!strncmp(err, "PDF/X", 5))
		return err;
	char *msg = xasprintf("PDF/X: %s", err);
	free(err);
	return msg;
}

static char *walk_stream(walker *W, qpdf_oh stream, qpdf_oh res, const cmyk *fill)
{
	qpdf_data q = W->q;
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL ok = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, &ok, &buf, &len) !=
		    QPDF_SUCCESS ||
	    !ok) {
		free(buf);
		return xstrdup("PDF/X: a content stream cannot be decoded");
	}
	qpdf_oh outer = W->res;
	int outer_key = W->res_key;
	W->res = res;
	W->res_key = qpdf_oh_is_indirect(q, res) ? qpdf_oh_get_object_id(q, res)
						 : -qpdf_oh_get_object_id(q, stream);
	char *err = ext_gstates(W, res);
	pdfx_recolor_opts ro = {.inks = W->o->inks, .fill = fill, .on_do = on_do, .ctx = W};
	size_t n = 0;
	unsigned char *out = err ? NULL : pdfx_recolor(buf, len, &ro, &n, &err);
	free(buf);
	W->res = outer;
	W->res_key = outer_key;
	if (!out)
		return prefixed(err);
	g_checksum_update(W->sum, out, (gssize)n);
	qpdf_oh_replace_stream_data(q, stream, out, n, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	free(out);
	return NULL;
}

/* A page's resources, which it may inherit from its /Pages parents. */
static qpdf_oh page_resources(qpdf_data q, qpdf_oh page)
{
	qpdf_oh node = page;
	for (int i = 0; i < 64 && qpdf_oh_is_dictionary(q, node); i++) {
		qpdf_oh r = qpdf_oh_get_key(q, node, "/Resources");
		if (qpdf_oh_is_dictionary(q, r))
			return r;
		node = qpdf_oh_get_key(q, node, "/Parent");
	}
	return qpdf_oh_new_dictionary(q);
}

static char *walk_page(walker *W, qpdf_oh page)
{
	qpdf_data q = W->q;
	qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
	if (!qpdf_oh_is_stream(q, contents)) {
		/* several streams (or none): join them into one, which is rewritten */
		size_t len = 0;
		char *err = NULL, *buf = pdf_page_content(q, page, &len, &err);
		if (!buf) {
			free(err);
			return xstrdup("PDF/X: a page's contents cannot be read");
		}
		pdf_page_content_set(q, page, buf, len);
		free(buf);
		contents = qpdf_oh_get_key(q, page, "/Contents");
	}
	W->transparent = false;
	char *err = walk_stream(W, contents, page_resources(q, page), NULL);
	/* PDF/X forbids annotations on the printed area; a print file has no use for links */
	qpdf_oh_remove_key(q, page, "/Annots");
	if (W->o->level == PDFX_1A || !W->transparent) {
		qpdf_oh_remove_key(q, page, "/Group");
	} else {
		qpdf_oh g = qpdf_oh_parse(q, "<< /Type /Group /S /Transparency /CS /DeviceCMYK >>");
		qpdf_oh_replace_key(q, page, "/Group", g);
	}
	return err;
}

static char *convert_images(walker *W)
{
	const color_profile *p = ink_map_profile(W->o->inks);
	for (size_t i = 0; i < W->nimages; i++) {
		image_use *u = &W->images[i];
		char *err = pdfx_image_convert(W->q, u->oh, p, u->flat ? &u->backdrop : NULL);
		if (err)
			return prefixed(err);
	}
	return NULL;
}

/* "1970-01-01T00:00:00Z" -> "D:19700101000000+00'00'", the form PDF/X wants in /Info. */
static char *pdf_date(const char *iso)
{
	char d[16] = "";
	size_t n = 0;
	for (const char *p = iso; *p && n < 14; p++)
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	return xasprintf("D:%s+00'00'", d);
}

static void set_string(qpdf_data q, qpdf_oh dict, const char *key, const char *utf8)
{
	qpdf_oh_replace_key(q, dict, key, qpdf_oh_new_unicode_string(q, utf8));
}

/* "uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" from a checksum and a salt. */
static char *uuid(GChecksum *sum, const char *salt)
{
	GChecksum *c = g_checksum_copy(sum);
	g_checksum_update(c, (const guchar *)salt, -1);
	const char *h = g_checksum_get_string(c);
	char *u = xasprintf("uuid:%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8, h + 12, h + 16, h + 20);
	g_checksum_free(c);
	return u;
}

static qpdf_oh new_stream(qpdf_data q, const void *data, size_t len, const char *dict)
{
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh extra = qpdf_oh_parse(q, dict);
	qpdf_oh d = qpdf_oh_get_dict(q, s);
	size_t n;
	char **keys = pdf_oh_dict_keys(q, extra, &n);
	for (size_t i = 0; i < n; i++) {
		qpdf_oh_replace_key(q, d, keys[i], qpdf_oh_get_key(q, extra, keys[i]));
		free(keys[i]);
	}
	free(keys);
	return s;
}

static void output_intent(qpdf_data q, qpdf_oh root, const color_profile *p)
{
	size_t len;
	const unsigned char *icc = color_profile_data(p, &len);
	qpdf_oh prof = new_stream(q, icc, len, "<< /N 4 >>");
	qpdf_oh oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFX >>");
	if (color_profile_builtin(p)) {
		set_string(q, oi, "/OutputConditionIdentifier", "FOGRA39");
		set_string(q, oi, "/RegistryName", "http://www.color.org");
		set_string(q, oi, "/OutputCondition",
			   "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper "
			   "type 1 or 2 = coated art, 115 g/m2, tone value increase curves A "
			   "(CMY) and B (K)");
		set_string(q, oi, "/Info", "Coated FOGRA39 (ISO 12647-2:2004)");
	} else {
		set_string(q, oi, "/OutputConditionIdentifier", "Custom");
		set_string(q, oi, "/OutputCondition", color_profile_name(p));
		set_string(q, oi, "/Info", color_profile_name(p));
	}
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", prof);
	qpdf_oh_replace_key(q, root, "/OutputIntents", qpdf_oh_wrap_in_array(q, oi));
}

/* PDF/X-4's XMP: what /Info says (pdf_xmp_from_info, unless another step started the list),
 * the identification, Trapped, and the document's ids (from its content: reproducible). */
static void xmp_properties(walker *W, const char *iso, xmp_props *xmp)
{
	if (!xmp->n)
		pdf_xmp_from_info(W->q, xmp);
	char *doc = uuid(W->sum, "document"), *inst = uuid(W->sum, "instance");
	/* the same instant written as /Info's dates come out of pdf_xmp_from_info */
	size_t n = strlen(iso);
	char *date =
		n && iso[n - 1] == 'Z' ? xasprintf("%.*s+00:00", (int)(n - 1), iso) : xstrdup(iso);
	xmp_add(xmp, "xmp", "MetadataDate", XMP_TEXT, date);
	free(date);
	xmp_add(xmp, "pdf", "Trapped", XMP_TEXT, "False");
	xmp_add(xmp, "xmpMM", "DocumentID", XMP_TEXT, doc);
	xmp_add(xmp, "xmpMM", "InstanceID", XMP_TEXT, inst);
	xmp_add(xmp, "xmpMM", "VersionID", XMP_TEXT, "1");
	xmp_add(xmp, "xmpMM", "RenditionClass", XMP_TEXT, "default");
	xmp_add(xmp, "pdfxid", "GTS_PDFXVersion", XMP_TEXT, "PDF/X-4");
	free(doc);
	free(inst);
}

/* /Info: the identification keys, Trapped, a title, and dates in PDF's own form. */
static void identify(walker *W, const char *iso)
{
	qpdf_data q = W->q;
	qpdf_oh trailer = qpdf_get_trailer(q);
	qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	char *date = pdf_date(iso);
	set_string(q, info, "/CreationDate", date);
	set_string(q, info, "/ModDate", date);
	free(date);
	if (!qpdf_oh_is_string(q, qpdf_oh_get_key(q, info, "/Title")))
		set_string(q, info, "/Title", "deckpress");
	qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"));
	if (W->o->level == PDFX_4) {
		set_string(q, info, "/GTS_PDFXVersion", "PDF/X-4");
		qpdf_oh_remove_key(q, info, "/GTS_PDFXConformance");
	} else {
		set_string(q, info, "/GTS_PDFXVersion", "PDF/X-1:2001");
		set_string(q, info, "/GTS_PDFXConformance", "PDF/X-1a:2001");
	}
}

char *pdfx_convert(qpdf_data q, const pdfx_opts *o, xmp_props *xmp)
{
	const char *inks_err = ink_map_error(o->inks);
	if (inks_err)
		return xasprintf("PDF/X: %s", inks_err);
	walker W = {.q = q, .o = o, .sum = g_checksum_new(G_CHECKSUM_SHA256)};
	int pages = qpdf_get_num_pages(q);
	char *err = pages < 0 ? xstrdup("PDF/X: the pages cannot be read") : NULL;
	for (int i = 0; !err && i < pages; i++)
		err = walk_page(&W, qpdf_get_page_n(q, (size_t)i));
	if (!err)
		err = convert_images(&W);
	if (!err) {
		const char *iso = pdf_create_date();
		qpdf_oh root = qpdf_get_root(q);
		identify(&W, iso);
		output_intent(q, root, ink_map_profile(o->inks));
		if (o->level == PDFX_4)
			xmp_properties(&W, iso, xmp);
		else /* PDF 1.3 has no XMP */
			qpdf_oh_remove_key(q, root, "/Metadata");
	}
	g_checksum_free(W.sum);
	free(W.forms);
	free(W.images);
	for (size_t i = 0; i < W.nbindings; i++)
		free(W.bindings[i].name);
	free(W.bindings);
	return err;
}

void pdfx_write_settings(qpdf_data q, const pdfx_opts *o)
{
	qpdf_set_object_stream_mode(q, qpdf_o_disable);
	qpdf_force_pdf_version(q, o->level == PDFX_4 ? "1.6" : "1.3");
}
