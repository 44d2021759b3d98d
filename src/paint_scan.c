/* paint_scan.c - the colours and kinds of paint of a Cairo drawing, read from the PDF that
 * Cairo writes for it: its page's content stream and every form drawn in it. */
#include "paint_scan.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <math.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "pdf_finish.h"
#include "util.h"

enum {
	FORM_DEPTH_MAX = 512, /* forms inside forms (librsvg nests a group per level) */
	WORD_LEN = 8,         /* the longest operator read ("SCN", "BDC" ...) */
	NAME_LEN = 64,        /* Cairo's resource names are short ("/a0", "/x12") */
};

struct paint_scan {
	cairo_surface_t *pdf;
	strbuf bytes; /* the PDF, as Cairo writes it */
};

static cairo_status_t on_write(void *closure, const unsigned char *data, unsigned int n)
{
	paint_scan *s = closure;
	strbuf_add(&s->bytes, (const char *)data, n);
	return CAIRO_STATUS_SUCCESS;
}

paint_scan *paint_scan_new(double w, double h)
{
	paint_scan *s = xcalloc(1, sizeof *s);
	s->pdf = cairo_pdf_surface_create_for_stream(on_write, s, w, h);
	return s;
}

cairo_surface_t *paint_scan_surface(paint_scan *s)
{
	return s->pdf;
}

/* --- reading the content --- */

typedef struct {
	qpdf_data q;
	paint_list *out;
	int depth;        /* forms inside forms, here */
	GHashTable *read; /* forms read (object ids) */
	bool failed;      /* the PDF is not as Cairo writes it */
} scanner;

/* The operands of the operator being read: the last three as numbers (NAN: not a number),
 * and the last name. */
typedef struct {
	double num[3];
	char name[NAME_LEN];
} operands;

static void scan_stream(scanner *S, qpdf_oh stream, qpdf_oh res);

/* The resource of that kind ("/XObject") and name ("/x5") in res; null when there is none. */
static qpdf_oh resource(const scanner *S, qpdf_oh res, const char *kind, const char *name)
{
	return qpdf_oh_get_key(S->q, qpdf_oh_get_key(S->q, res, kind), name);
}

static void add_color(paint_list *p, uint32_t rgb)
{
	for (size_t i = 0; i < p->ncolors; i++)
		if (p->colors[i] == rgb)
			return;
	p->colors = xrealloc(p->colors, (p->ncolors + 1) * sizeof *p->colors);
	p->colors[p->ncolors++] = rgb;
}

/* Cairo writes a colour's channels with up to six decimals; librsvg's colours are 8-bit. */
static uint32_t channel(double v)
{
	return (uint32_t)lround(fmin(1, fmax(0, v)) * 255);
}

/* "r g b rg" (grey: "v g"), for filling or stroking. Cairo sets the colour before it first
 * paints in every stream, black included ("0 g"), so PDF's default black needs no case. */
static void color_op(scanner *S, const operands *o, bool gray)
{
	const double *n = gray ? o->num + 2 : o->num;
	for (int i = 0; i < (gray ? 1 : 3); i++)
		if (isnan(n[i])) {
			S->failed = true;
			return;
		}
	uint32_t r = channel(n[0]), g = gray ? r : channel(n[1]), b = gray ? r : channel(n[2]);
	add_color(S->out, r << 16 | g << 8 | b);
}

/* "/Name gs": opacity, a soft mask, a blend mode. */
static void ext_gstate(scanner *S, qpdf_oh res, const char *name)
{
	qpdf_data q = S->q;
	qpdf_oh gs = resource(S, res, "/ExtGState", name);
	if (!qpdf_oh_is_dictionary(q, gs)) {
		S->failed = true;
		return;
	}
	double a;
	if ((pdf_oh_number(q, qpdf_oh_get_key(q, gs, "/CA"), &a) && a < 1) ||
	    (pdf_oh_number(q, qpdf_oh_get_key(q, gs, "/ca"), &a) && a < 1))
		S->out->transparent = true;
	qpdf_oh sm = qpdf_oh_get_key(q, gs, "/SMask");
	if (!qpdf_oh_is_null(q, sm) && !qpdf_oh_is_name_and_equals(q, sm, "/None"))
		S->out->transparent = S->out->pattern = true; /* a mask, which PDF/X refuses */
	qpdf_oh bm = qpdf_oh_get_key(q, gs, "/BM");
	if (!qpdf_oh_is_null(q, bm) && !qpdf_oh_is_name_and_equals(q, bm, "/Normal"))
		S->out->blend = true;
}

/* A form's or a tiling pattern's content, with its own resources or else the caller's. */
static void form(scanner *S, qpdf_oh stream, qpdf_oh res)
{
	qpdf_data q = S->q;
	/* a form drawn again paints with nothing new */
	int id = qpdf_oh_get_object_id(q, stream);
	gpointer key = GINT_TO_POINTER(id);
	if (id > 0 && g_hash_table_contains(S->read, key))
		return;
	if (S->depth >= FORM_DEPTH_MAX) {
		S->failed = true;
		return;
	}
	if (id > 0)
		g_hash_table_add(S->read, key);
	qpdf_oh own = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, stream), "/Resources");
	S->depth++;
	scan_stream(S, stream, qpdf_oh_is_dictionary(q, own) ? own : res);
	S->depth--;
}

/* "/Name Do": a picture, or a form (a group) whose content is read in turn. */
static void xobject(scanner *S, qpdf_oh res, const char *name)
{
	qpdf_data q = S->q;
	qpdf_oh x = resource(S, res, "/XObject", name);
	if (!qpdf_oh_is_stream(q, x)) {
		S->failed = true;
		return;
	}
	qpdf_oh d = qpdf_oh_get_dict(q, x);
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, "/Subtype"), "/Image")) {
		S->out->pattern = true;
		return;
	}
	form(S, x, res);
}

/* "/Name scn" with a tiling pattern (an SVG <pattern>): its colours are the drawing's too. */
static void tiling(scanner *S, qpdf_oh res, const char *name)
{
	qpdf_data q = S->q;
	qpdf_oh p = resource(S, res, "/Pattern", name);
	if (!qpdf_oh_is_stream(q, p))
		return; /* a gradient (a shading pattern) */
	form(S, p, res);
}

/* Colour operators Cairo writes only for gradients and patterns (and never for a solid
 * colour), shadings, inline images, and the CMYK deckpress could not note. */
static bool other_paint(const char *w)
{
	static const char *const ops[] = {"cs",  "CS", "sc", "SC", "scn",
					  "SCN", "sh", "BI", "k",  "K"};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (!strcmp(w, ops[i]))
			return true;
	return false;
}

static void on_operator(scanner *S, const char *w, const operands *o, qpdf_oh res)
{
	if (!strcmp(w, "rg") || !strcmp(w, "RG"))
		color_op(S, o, false);
	else if (!strcmp(w, "g") || !strcmp(w, "G"))
		color_op(S, o, true);
	else if (other_paint(w))
		S->out->pattern = true;
	if (!strcmp(w, "scn") || !strcmp(w, "SCN"))
		tiling(S, res, o->name);
	else if (!strcmp(w, "gs"))
		ext_gstate(S, res, o->name);
	else if (!strcmp(w, "Do"))
		xobject(S, res, o->name);
}

static void shift(operands *o, double v)
{
	o->num[0] = o->num[1];
	o->num[1] = o->num[2];
	o->num[2] = v;
}

static void scan_content(scanner *S, const char *s, size_t n, qpdf_oh res)
{
	operands o = {{NAN, NAN, NAN}, ""};
	pdf_lexer lx;
	pdf_lexer_init(&lx, s, n);
	pdf_token t;
	pdf_token_kind k;
	while (!S->failed && (k = pdf_lex(&lx, &t)) != PDFT_END) {
		size_t len = t.end - t.start;
		char text[NAME_LEN];
		if (len < sizeof text) {
			memcpy(text, s + t.start, len);
			text[len] = '\0';
		} else {
			text[0] = '\0'; /* longer than any number, name or operator Cairo writes */
		}
		double v = NAN;
		if (k == PDFT_ERROR) {
			S->failed = true;
		} else if (k == PDFT_NUMBER) {
			if (!parse_double(text, &v))
				v = NAN;
			shift(&o, v);
		} else if (k == PDFT_NAME) {
			strcpy(o.name, text);
			shift(&o, NAN);
		} else if (k == PDFT_WORD && len <= WORD_LEN) {
			on_operator(S, text, &o, res);
			o = (operands){{NAN, NAN, NAN}, ""};
		} else {
			shift(&o, NAN); /* strings, arrays, inline image data */
		}
	}
}

static void scan_stream(scanner *S, qpdf_oh stream, qpdf_oh res)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL ok = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(S->q, stream, qpdf_dl_generalized, &ok, &buf, &len) !=
		    QPDF_SUCCESS ||
	    !ok)
		S->failed = true;
	else
		scan_content(S, (const char *)buf, len, res);
	S->out->bytes += len;
	free(buf);
}

/* The one page of the PDF in bytes[0..len); 0, or -1 when it is not as Cairo writes it. */
static int scan_pdf(const char *bytes, size_t len, paint_list *out)
{
	qpdf_data q = pdf_qpdf_quiet();
	int rc = -1;
	if (!(qpdf_read_memory(q, "paint scan", bytes, len, NULL) & QPDF_ERRORS) &&
	    qpdf_get_num_pages(q) == 1) {
		qpdf_oh page = qpdf_get_page_n(q, 0);
		size_t n = 0;
		char *err = NULL, *content = pdf_page_content(q, page, &n, &err);
		if (content) {
			scanner S = {.q = q, .out = out, .read = g_hash_table_new(NULL, NULL)};
			out->bytes = n;
			scan_content(&S, content, n, qpdf_oh_get_key(q, page, "/Resources"));
			rc = S.failed ? -1 : 0;
			g_hash_table_destroy(S.read);
		}
		free(content);
		free(err);
	}
	qpdf_cleanup(&q);
	return rc;
}

int paint_scan_finish(paint_scan *s, paint_list *out)
{
	*out = (paint_list){0};
	cairo_surface_finish(s->pdf);
	int rc = cairo_surface_status(s->pdf) == CAIRO_STATUS_SUCCESS
			 ? scan_pdf(s->bytes.s, s->bytes.len, out)
			 : -1;
	cairo_surface_destroy(s->pdf);
	strbuf_free(&s->bytes);
	free(s);
	if (rc)
		paint_list_free(out);
	return rc;
}

void paint_list_free(paint_list *p)
{
	free(p->colors);
	*p = (paint_list){0};
}
