/* test_pdfx.c - the content lexer, the colour rewrite, and PDF/X made from a
 * small Cairo drawing, read back with libqpdf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ink_map.h"
#include "pdf_content.h"
#include "pdf_finish.h"
#include "pdfx_content.h"
#include "render_color.h"
#include "util.h"

static char dir[] = "/tmp/deckpress-pdfx-XXXXXX";

static int setup_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static const char *lex_kinds(const char *src)
{
	static char out[256];
	static const char names[] = "EnNsOCkIx"; /* by pdf_token_kind */
	pdf_lexer lx;
	pdf_lexer_init(&lx, src, strlen(src));
	size_t n = 0;
	pdf_token t;
	while (n + 1 < sizeof out) {
		out[n++] = names[pdf_lex(&lx, &t)];
		if (t.kind == PDFT_END || t.kind == PDFT_ERROR)
			break;
	}
	out[n] = '\0';
	return out;
}

/* The shared lexer (pdf_content.h) as the colour rewrite relies on it: strings and inline
 * image data that look like colour operators stay one token. */
static void test_lexer(void **state)
{
	(void)state;
	/* N number, n name, s string, O/C open/close, k keyword, I image data, E end, x error */
	assert_string_equal(lex_kinds("0.5 -1 .25 +3 rg"), "NNNNkE");
	assert_string_equal(lex_kinds("/F1 12 Tf (a (nested) \\) rg) Tj"), "nNksk"
									   "E");
	assert_string_equal(lex_kinds("[(x) -80 <0001>] TJ % 1 0 0 rg\n"), "OsNsCkE");
	assert_string_equal(lex_kinds("/Span << /ActualText <feff00ad> >> BDC"), "nOnsCkE");
	assert_string_equal(lex_kinds("BI /W 2 /H 1 ID \x01rg\x02 EI Q"), "knNnNkIkkE");
	assert_string_equal(lex_kinds("(unterminated"), "x");
}

typedef struct {
	char names[256];
	cmyk fills[8];
	int nfills, nulls;
} do_log;

static char *log_do(void *ctx, const char *name, const cmyk *fill)
{
	do_log *l = ctx;
	strcat(l->names, name);
	strcat(l->names, " ");
	if (!fill)
		l->nulls++;
	else if (l->nfills < 8)
		l->fills[l->nfills++] = *fill;
	return strcmp(name, "Bad") ? NULL : xstrdup("no such image");
}

static char *recolor(const ink_map *m, const char *src, do_log *l, char **err)
{
	pdfx_recolor_opts o = {.inks = m, .on_do = log_do, .ctx = l};
	size_t n = 0;
	unsigned char *out = pdfx_recolor((const unsigned char *)src, strlen(src), &o, &n, err);
	if (!out)
		return NULL;
	char *s = xstrndup((const char *)out, n);
	free(out);
	return s;
}

static void test_recolor(void **state)
{
	(void)state;
	ink_map *m = ink_map_new(NULL, NULL); /* no profile needed: inks put by hand */
	double blue[3] = {0.184314, 0.364706, 0.541176}, grey[3] = {0.5, 0.5, 0.5};
	ink_map_put(m, blue, (cmyk){0.85, 0.5, 0.1, 0.2}, true);
	ink_map_put(m, grey, (cmyk){0, 0, 0, 0.62}, true);
	do_log l = {0};
	char *err = NULL;
	char *out = recolor(m,
			    "q 0.184314 0.364706 0.541176 rg 0 0 9 9 re f\n"
			    "0.5 G 0.5 0.5 0.5 RG (0.5 g) Tj /Im1 Do Q /Im2 Do\n"
			    "q 0.5 g BT [(rg)] TJ ET /Fm0 Do Q",
			    &l, &err);
	assert_non_null(out);
	assert_string_equal(out, "q 0.85 0.5 0.1 0.2 k 0 0 9 9 re f\n"
				 "0 0 0 0.62 K 0 0 0 0.62 K (0.5 g) Tj /Im1 Do Q /Im2 Do\n"
				 "q 0 0 0 0.62 k BT [(rg)] TJ ET /Fm0 Do Q");
	assert_string_equal(l.names, "Im1 Im2 Fm0 ");
	/* the fill in force at each Do: the blue inside q, nothing after Q, then the grey */
	assert_int_equal(l.nfills, 2);
	assert_true(l.fills[0].c == 0.85 && l.fills[1].k == 0.62);
	assert_int_equal(l.nulls, 1);
	free(out);

	/* a colour nobody recorded, operators deckpress never writes, a failing Do */
	assert_null(recolor(m, "0.1 0.2 0.3 rg", &l, &err));
	assert_non_null(
		strstr(err, "0.100000 0.200000 0.300000 was drawn without render_set_color"));
	free(err);
	assert_null(recolor(m, "/Pattern cs /P0 scn", &l, &err));
	assert_non_null(strstr(err, "'cs'"));
	free(err);
	assert_null(recolor(m, "/Sh0 sh", &l, &err));
	free(err);
	assert_null(recolor(m, "1 rg", &l, &err));
	assert_non_null(strstr(err, "without its numbers"));
	free(err);
	assert_null(recolor(m, "/Bad Do", &l, &err));
	assert_string_equal(err, "no such image");
	free(err);
	assert_null(recolor(m, "q (broken", &l, &err));
	assert_non_null(strstr(err, "cannot be read at byte 2"));
	free(err);
	/* already CMYK, and nothing at all: copied as they are */
	out = recolor(m, "0 0 0 1 k 1 1 1 1 K", &l, &err);
	assert_string_equal(out, "0 0 0 1 k 1 1 1 1 K");
	free(out);
	out = recolor(m, "", &l, &err);
	assert_string_equal(out, "");
	free(out);
	ink_map_free(m);
}

/* A page drawn as deckpress draws: a colour through render_set_color, a grey, text. */
static void draw(const char *path, ink_map *m, bool stray)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 200, 100);
	if (m)
		ink_map_attach(s, m);
	cairo_t *cr = cairo_create(s);
	render_set_color(cr, 0x2f5d8a, 0);
	cairo_paint(cr);
	render_set_gray(cr, 0.35);
	cairo_rectangle(cr, 10, 10, 50, 50);
	cairo_fill(cr);
	render_set_registration(cr);
	cairo_move_to(cr, 0, 90);
	cairo_line_to(cr, 200, 90);
	cairo_stroke(cr);
	if (stray) {
		cairo_set_source_rgb(cr, 0.9, 0.1, 0.1);
		cairo_paint(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

static qpdf_data read_pdf(const char *path)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, path, NULL), QPDF_SUCCESS);
	return q;
}

/* The built-in output profile (FOGRA39). */
static color_profile *builtin_profile(void)
{
	char *err = NULL;
	bool unreadable;
	color_profile *p = color_profile_open(NULL, &err, &unreadable);
	assert_non_null(p);
	return p;
}

static void test_convert(void **state)
{
	(void)state;
	char *err = NULL;
	color_profile *p = builtin_profile();
	char *in = xasprintf("%s/in.pdf", dir), *out = xasprintf("%s/x.pdf", dir);
	for (int level = PDFX_4; level <= PDFX_1A; level++) {
		ink_map *m = ink_map_new(p, NULL);
		draw(in, m, false);
		pdfx_opts px = {level, m};
		rect page = {0, 0, 200, 100};
		pdf_finish_opts fin = {.trim = &page, .bleed = &page, .pdfx = &px};
		if (pdf_finish(in, out, &fin, &err))
			fail_msg("%s", err);
		qpdf_data q = read_pdf(out);
		assert_string_equal(qpdf_get_pdf_version(q), level == PDFX_4 ? "1.6" : "1.3");
		qpdf_oh root = qpdf_get_root(q);
		qpdf_oh oi =
			qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, root, "/OutputIntents"), 0);
		assert_true(
			qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, oi, "/S"), "/GTS_PDFX"));
		assert_string_equal(
			qpdf_oh_get_utf8_value(
				q, qpdf_oh_get_key(q, oi, "/OutputConditionIdentifier")),
			"FOGRA39");
		assert_int_equal(qpdf_oh_has_key(q, root, "/Metadata"), level == PDFX_4);
		qpdf_oh page1 = qpdf_get_page_n(q, 0);
		assert_false(qpdf_oh_has_key(q, page1, "/Group"));
		unsigned char *buf;
		size_t len;
		assert_int_equal(qpdf_oh_get_page_content_data(q, page1, &buf, &len), QPDF_SUCCESS);
		char *text = xstrndup((const char *)buf, len);
		free(buf);
		assert_null(strstr(text, " rg"));
		assert_null(strstr(text, " RG"));
		assert_non_null(strstr(text, "1 1 1 1 K")); /* registration */
		assert_non_null(strstr(text, "0 0 0 0."));  /* the grey in K only */
		free(text);
		qpdf_cleanup(&q);
		ink_map_free(m);
	}
	/* a colour drawn around render_set_color: refused, and the old file stays */
	ink_map *m = ink_map_new(p, NULL);
	draw(in, m, true);
	pdfx_opts px = {PDFX_4, m};
	pdf_finish_opts fin = {.pdfx = &px};
	FILE *f = fopen(out, "w");
	fputs("old", f);
	fclose(f);
	assert_int_equal(pdf_finish(in, out, &fin, &err), -1);
	assert_non_null(
		strstr(err, "0.900000 0.100000 0.100000 was drawn without render_set_color"));
	free(err);
	f = fopen(out, "r");
	char old[8] = "";
	assert_non_null(fgets(old, sizeof old, f));
	fclose(f);
	assert_string_equal(old, "old");
	ink_map_free(m);
	/* without a map, render_set_color draws plain sRGB, as before */
	draw(in, NULL, false);
	qpdf_data q = read_pdf(in);
	unsigned char *buf;
	size_t len;
	assert_int_equal(qpdf_oh_get_page_content_data(q, qpdf_get_page_n(q, 0), &buf, &len),
			 QPDF_SUCCESS);
	char *text = xstrndup((const char *)buf, len);
	assert_non_null(strstr(text, "0.184314 0.364706 0.541176 rg"));
	free(text);
	free(buf);
	qpdf_cleanup(&q);
	free(in);
	free(out);
	color_profile_free(p);
}

/* A half-transparent image drawn twice, over the two colours of `inks` (0xRRGGBB): on one
 * page or on two. Cairo writes the two as two resources (painting one surface twice on a
 * page makes it repeat the resource's key); `one_name` then makes the page's second Do
 * name the first one's resource, as one image drawn twice. */
static void draw_image_twice(const char *path, ink_map *m, const uint32_t inks[2], bool two_pages,
			     bool one_name)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 200, 100);
	ink_map_attach(s, m);
	cairo_t *cr = cairo_create(s);
	for (int i = 0; i < 2; i++) {
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
		cairo_t *ic = cairo_create(img);
		cairo_set_source_rgba(ic, 0, 0, 0, 0.5);
		cairo_paint(ic);
		cairo_destroy(ic);
		render_set_color(cr, inks[i], 0);
		cairo_rectangle(cr, 100 * i, 0, 100, 100);
		cairo_fill(cr);
		cairo_set_source_surface(cr, img, 100 * i + 10, 10);
		cairo_paint(cr);
		cairo_surface_destroy(img);
		if (two_pages && i == 0)
			cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (!one_name)
		return;
	qpdf_data q = qpdf_init();
	assert_int_equal(qpdf_read(q, path, NULL), QPDF_SUCCESS);
	qpdf_oh page = qpdf_get_page_n(q, 0);
	size_t len;
	char *err = NULL, *data = pdf_page_content(q, page, &len, &err);
	assert_non_null(data);
	char *text = xstrndup(data, len); /* the stream's bytes end without a NUL */
	free(data);
	char *first = strstr(text, " Do"), *second = first ? strstr(first + 3, " Do") : NULL;
	assert_non_null(second);
	char *a = first, *b = second;
	while (a[-1] != '/')
		a--, b--;
	assert_int_equal(first - a, second - b); /* names of one length: /x6 and /x8 */
	memcpy(b, a, (size_t)(first - a));
	pdf_page_content_set(q, page, text, len);
	free(text);
	assert_int_equal(qpdf_init_write(q, path), QPDF_SUCCESS);
	assert_int_equal(qpdf_write(q), QPDF_SUCCESS);
	qpdf_cleanup(&q);
}

/* The image objects the pages of the file at path draw (ids told apart). */
static int count_images(const char *path)
{
	qpdf_data q = read_pdf(path);
	int ids[16], n = 0;
	for (int p = 0; p < qpdf_get_num_pages(q); p++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
		size_t len;
		char *err = NULL, *data = pdf_page_content(q, page, &len, &err);
		assert_non_null(data);
		char *text = xstrndup(data, len);
		free(data);
		qpdf_oh xo = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/XObject");
		qpdf_oh_begin_dict_key_iter(q, xo);
		while (qpdf_oh_dict_more_keys(q)) {
			const char *key = qpdf_oh_dict_next_key(q);
			char *use = xasprintf("%s Do", key);
			bool drawn = strstr(text, use) != NULL;
			free(use);
			if (!drawn)
				continue;
			qpdf_oh img = qpdf_oh_get_key(q, xo, key);
			int id = qpdf_oh_get_object_id(q, img), seen = 0;
			for (int i = 0; i < n; i++)
				seen |= ids[i] == id;
			if (!seen && n < 16)
				ids[n++] = id;
		}
		free(text);
	}
	qpdf_cleanup(&q);
	return n;
}

/* PDF/X-1a flattens a transparent image onto the ink beneath it: a copy for each ink it is
 * drawn over, and a refusal (never a wrong file) when one page draws one image resource
 * over two inks, which a copy per resource name cannot express. */
static void test_flatten_inks(void **state)
{
	(void)state;
	char *err = NULL;
	color_profile *p = builtin_profile();
	char *in = xasprintf("%s/img.pdf", dir), *out = xasprintf("%s/img-x.pdf", dir);
	static const uint32_t same[2] = {0x2f5d8a, 0x2f5d8a}, two[2] = {0x2f5d8a, 0xb03a2e};
	struct {
		const uint32_t *inks;
		bool two_pages, one_name;
		pdfx_level level;
		int images; /* image objects in the file written, or -1: refused */
	} cases[] = {
		{same, false, true, PDFX_1A, 1}, /* one image over one ink: flattened once */
		{two, false, false, PDFX_1A, 2}, /* two images, an ink each */
		{two, true, false, PDFX_1A, 2},  /* a page each */
		{two, false, true, PDFX_4, 1}, /* PDF/X-4 keeps transparency: nothing to flatten */
		{two, false, true, PDFX_1A, -1}, /* one page draws one image over two inks */
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		ink_map *m = ink_map_new(p, NULL);
		draw_image_twice(in, m, cases[k].inks, cases[k].two_pages, cases[k].one_name);
		pdfx_opts px = {cases[k].level, m};
		pdf_finish_opts fin = {.pdfx = &px};
		unlink(out);
		int rc = pdf_finish(in, out, &fin, &err);
		if (cases[k].images >= 0) {
			if (rc)
				fail_msg("case %zu: %s", k, err);
			assert_int_equal(count_images(out), cases[k].images);
		} else {
			assert_int_equal(rc, -1);
			assert_string_equal(err,
					    "PDF/X-1a: one transparent image is drawn over two "
					    "inks and cannot be flattened onto both");
			free(err);
			assert_int_equal(access(out, F_OK), -1); /* no file at all */
		}
		ink_map_free(m);
	}
	free(in);
	free(out);
	color_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexer),
		cmocka_unit_test(test_recolor),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_flatten_inks),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
