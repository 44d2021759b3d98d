/* test_pdf_finish.c - page boxes and /ID on a PDF made by Cairo, read back with libqpdf and
 * checked with `qpdf --check`; atomic replacement; a decimal-comma locale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "impose.h"
#include "pdf_fixture.h"
#include "pdf_finish.h"
#include "util.h"

/* An npages-page PDF of w x h points, the way the renderer makes one. */
static void make_pdf(const char *path, int npages, double w, double h)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, w, h);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
	cairo_t *cr = cairo_create(s);
	for (int i = 0; i < npages; i++) {
		cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
		cairo_rectangle(cr, 0, 0, w, h);
		cairo_fill(cr);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf b = {0};
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&b, chunk, got);
	fclose(f);
	*len = b.len;
	return strbuf_take(&b);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Asserts that key on every page is exactly r (or absent when r is NULL); returns page count. */
static int assert_box(qpdf_data q, const char *key, const rect *r)
{
	int n = qpdf_get_num_pages(q);
	for (int i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		if (!r) {
			assert_false(qpdf_oh_has_key(q, page, key));
			continue;
		}
		qpdf_oh box = qpdf_oh_get_key(q, page, key);
		assert_true(qpdf_oh_is_array(q, box));
		assert_int_equal(qpdf_oh_get_array_n_items(q, box), 4);
		double want[4] = {r->x, r->y, r->x + r->w, r->y + r->h};
		for (int k = 0; k < 4; k++) {
			qpdf_oh v = qpdf_oh_get_array_item(q, box, k);
			assert_true(qpdf_oh_is_number(q, v));
			double got = qpdf_oh_get_numeric_value(q, v);
			if (fabs(got - want[k]) > 1e-3)
				fail_msg("page %d %s[%d] = %f, want %f", i + 1, key, k, got,
					 want[k]);
		}
	}
	return n;
}

/* path read with libqpdf, its errors and warnings kept for the test to look at. */
static qpdf_data read_quiet(const char *path)
{
	qpdf_data q = pdf_qpdf_quiet();
	assert_int_equal(qpdf_read(q, path, NULL), QPDF_SUCCESS);
	return q;
}

/* Reads path with libqpdf (no warnings allowed), checks both boxes and the trailer /ID. */
static void read_back(const char *path, int npages, const rect *trim, const rect *bleed)
{
	qpdf_data q = read_quiet(path);
	assert_int_equal(assert_box(q, "/TrimBox", trim), npages);
	assert_box(q, "/BleedBox", bleed);
	qpdf_oh id = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/ID");
	assert_true(qpdf_oh_is_array(q, id));
	assert_int_equal(qpdf_oh_get_array_n_items(q, id), 2);
	assert_false(qpdf_has_error(q));
	assert_false(qpdf_more_warnings(q));
	qpdf_cleanup(&q);
}

/* The boxes of a print-shop page: poker with 3 mm bleed, one card per page (sheet none). */
static void shop_boxes(double *w, double *h, rect *trim, rect *bleed)
{
	print_setup p;
	print_setup_default(&p);
	char *msg = print_setup_apply(&p, "sheet", "none");
	assert_null(msg);
	impose_plan pl;
	char *err;
	assert_int_equal(impose_plan_make(&p, &pl, &err), 0);
	*w = pl.page_w;
	*h = pl.page_h;
	*trim = pdf_rect_from_top(pl.slots[0].trim, pl.page_h);
	*bleed = pdf_rect_from_top(pl.slots[0].art, pl.page_h);
	impose_plan_free(&pl);
}

static void test_rect_from_top(void **state)
{
	(void)state;
	rect r = pdf_rect_from_top((rect){10, 20, 30, 40}, 100);
	assert_true(r.x == 10 && r.y == 40 && r.w == 30 && r.h == 40);
	r = pdf_rect_from_top((rect){0, 0, 50, 100}, 100);
	assert_true(r.y == 0);
}

static void test_boxes(void **state)
{
	(void)state;
	double w, h;
	rect trim, bleed;
	shop_boxes(&w, &h, &trim, &bleed);
	/* Trim is 3 mm in from every edge, in PDF's bottom-up coordinates too. */
	assert_true(fabs(trim.x - mm_to_pt(3)) < 1e-9 && fabs(trim.y - mm_to_pt(3)) < 1e-9);
	char *in = path_in("cards.cairo.pdf"), *out = path_in("cards.pdf");
	make_pdf(in, 3, w, h);
	char *err = NULL;
	if (pdf_finish(in, out, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err) != 0)
		fail_msg("%s", err);
	read_back(out, 3, &trim, &bleed);
	assert_int_equal(qpdf_check(out), 0);

	/* The JSON view shows the keys really are on the page objects. */
	char *cmd = xasprintf("qpdf --json=1 --json-key=pages --json-key=objects '%s'", out);
	FILE *pipe = popen(cmd, "r");
	assert_non_null(pipe);
	strbuf json = {0};
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0)
		strbuf_add(&json, chunk, got);
	assert_int_equal(pclose(pipe), 0);
	assert_non_null(strstr(json.s, "\"/TrimBox\""));
	assert_non_null(strstr(json.s, "\"/BleedBox\""));
	strbuf_free(&json);
	free(cmd);
	free(in);
	free(out);
}

static void test_only_id(void **state)
{
	(void)state;
	char *in = path_in("sheet.cairo.pdf"), *out = path_in("sheet.pdf");
	make_pdf(in, 2, mm_to_pt(210), mm_to_pt(297));
	char *err = NULL;
	assert_int_equal(pdf_finish(in, out, NULL, &err), 0);
	assert_null(err);
	read_back(out, 2, NULL, NULL);
	assert_int_equal(qpdf_check(out), 0);
	free(in);
	free(out);
}

static void test_deterministic(void **state)
{
	(void)state;
	double w, h;
	rect trim, bleed;
	shop_boxes(&w, &h, &trim, &bleed);
	char *in = path_in("det.cairo.pdf"), *a = path_in("a.pdf"), *b = path_in("b.pdf");
	make_pdf(in, 2, w, h);
	char *err = NULL;
	assert_int_equal(
		pdf_finish(in, a, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err), 0);
	assert_int_equal(
		pdf_finish(in, b, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err), 0);
	size_t la, lb;
	char *da = slurp(a, &la), *db = slurp(b, &lb);
	assert_true(la == lb && memcmp(da, db, la) == 0);
	free(da);
	free(db);
	/* Rewriting in place works: qpdf reads the old file while the new one is written. */
	assert_int_equal(
		pdf_finish(in, in, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err), 0);
	read_back(in, 2, &trim, &bleed);
	free(in);
	free(a);
	free(b);
}

static bool tmp_left(void)
{
	DIR *d = opendir(fixture_dir);
	struct dirent *e;
	bool found = false;
	while (d && (e = readdir(d)))
		if (strstr(e->d_name, ".tmp."))
			found = true;
	closedir(d);
	return found;
}

static void assert_untouched(const char *out)
{
	size_t len;
	char *text = slurp(out, &len);
	assert_non_null(text);
	assert_string_equal(text, "old output");
	free(text);
	assert_false(tmp_left());
}

static void test_errors_keep_old_file(void **state)
{
	(void)state;
	char *junk = path_in("junk.pdf"), *out = path_in("keep.pdf"), *in = path_in("ok.cairo.pdf");
	write_file(junk, "this is not a PDF\n");
	write_file(out, "old output");
	char *err = NULL;

	assert_int_equal(pdf_finish(junk, out, NULL, &err), -1);
	assert_non_null(err);
	fprintf(stderr, "note: junk input: %s\n", err);
	free(err);
	assert_untouched(out);

	char *missing = path_in("missing.pdf");
	assert_int_equal(pdf_finish(missing, out, NULL, &err), -1);
	assert_non_null(strstr(err, "missing.pdf"));
	free(err);
	assert_untouched(out);
	free(missing);

	double w, h;
	rect trim, bleed;
	shop_boxes(&w, &h, &trim, &bleed);
	make_pdf(in, 1, w, h);
	rect big = {0, 0, w + 10, h};
	assert_int_equal(
		pdf_finish(in, out, &(pdf_finish_opts){.trim = &trim, .bleed = &big}, &err), -1);
	assert_non_null(strstr(err, "BleedBox"));
	assert_non_null(strstr(err, "is not inside the MediaBox"));
	free(err);
	assert_untouched(out);

	assert_int_equal(
		pdf_finish(in, out, &(pdf_finish_opts){.trim = &bleed, .bleed = &trim}, &err), -1);
	assert_non_null(strstr(err, "TrimBox"));
	free(err);
	assert_untouched(out);

	/* A damaged file makes qpdf warn and rebuild it; for us that is an error, since our
	 * own renderer made it. Here the xref offset points at the wrong place. */
	size_t len;
	char *pdf = slurp(in, &len);
	char *at = NULL; /* the last "startxref"; the file has NULs, so no strstr */
	for (size_t i = len - 9; !at && i > 0; i--)
		if (memcmp(pdf + i, "startxref", 9) == 0)
			at = pdf + i;
	assert_non_null(at);
	at += strlen("startxref");
	while (*at == '\r' || *at == '\n')
		at++;
	assert_true(*at >= '1' && *at <= '9');
	*at = *at == '1' ? '2' : '1';
	char *damaged = path_in("damaged.pdf");
	FILE *f = fopen(damaged, "wb");
	fwrite(pdf, 1, len, f);
	fclose(f);
	free(pdf);
	assert_int_equal(
		pdf_finish(damaged, out, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err),
		-1);
	assert_non_null(strstr(err, "damaged.pdf"));
	fprintf(stderr, "note: damaged input: %s\n", err);
	free(err);
	assert_untouched(out);
	free(damaged);

	/* An output directory that does not exist. */
	char *nodir = path_in("no/such/dir/out.pdf");
	assert_int_equal(
		pdf_finish(in, nodir, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err),
		-1);
	assert_non_null(err);
	free(err);
	free(nodir);

	free(junk);
	free(out);
	free(in);
}

/* Under a decimal-comma locale the box numbers must still be written with points. */
static void test_decimal_comma(void **state)
{
	(void)state;
	static const char *names[] = {"nl_NL.UTF-8", "de_DE.UTF-8"};
	const char *loc = NULL;
	for (size_t i = 0; i < 2 && !loc; i++)
		loc = setlocale(LC_ALL, names[i]);
	if (loc) {
		char probe[16];
		snprintf(probe, sizeof probe, "%.1f", 0.5);
		assert_string_equal(probe, "0,5");
	} else {
		/* tests/run.sh builds one: without it this test would prove nothing */
		if (getenv("DECKPRESS_COMMA_LOCALE"))
			fail_msg("the decimal-comma locale %s could not be loaded",
				 getenv("DECKPRESS_COMMA_LOCALE"));
		fprintf(stderr, "note: no nl_NL/de_DE locale installed; numbers are formatted by "
				"hand regardless\n");
	}
	double w, h;
	rect trim, bleed;
	shop_boxes(&w, &h, &trim, &bleed);
	trim.x += 0.125; /* make sure the numbers have fractions */
	char *in = path_in("nl.cairo.pdf"), *out = path_in("nl.pdf");
	make_pdf(in, 2, w, h);
	char *err = NULL;
	if (pdf_finish(in, out, &(pdf_finish_opts){.trim = &trim, .bleed = &bleed}, &err) != 0)
		fail_msg("%s", err);
	setlocale(LC_ALL, "C");
	read_back(out, 2, &trim, &bleed);
	assert_int_equal(qpdf_check(out), 0);
	free(in);
	free(out);
}

/* Part k of a document drawn in parts: 2 pages, each a fill of its own colour and the same
 * picture (identical in every part, as a team logo is). */
static void make_part(const char *path, int k)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 200, 300);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 16, 16);
	cairo_t *ic = cairo_create(img);
	cairo_set_source_rgb(ic, 0.9, 0.5, 0.1);
	cairo_paint(ic);
	cairo_destroy(ic);
	cairo_t *cr = cairo_create(s);
	for (int i = 0; i < 2; i++) {
		cairo_set_source_rgb(cr, 0.1 * k, 0.2 * i, 0.5);
		for (int r = 0; r < 40; r++) /* enough to be worth compressing */
			cairo_rectangle(cr, r, 2 * r + k, 100 - r, 10 + i);
		cairo_fill(cr);
		cairo_set_source_surface(cr, img, 20, 20);
		cairo_paint(cr);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(img);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* The stored (compressed) bytes of page i's content stream. Caller frees. */
static unsigned char *page_content_raw(qpdf_data q, int i, size_t *len)
{
	qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
	qpdf_oh c = qpdf_oh_get_key(q, page, "/Contents");
	assert_true(qpdf_oh_is_stream(q, c));
	qpdf_oh dict = qpdf_oh_get_dict(q, c);
	assert_true(
		qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Filter"), "/FlateDecode"));
	unsigned char *buf = NULL;
	assert_int_equal(qpdf_oh_get_stream_data(q, c, qpdf_dl_none, NULL, &buf, len),
			 QPDF_SUCCESS);
	return buf;
}

/* A document in three parts (pdf_merge.h): every page in order with its content as Cairo
 * compressed it, read from the part's file when the whole is written, and the picture the
 * parts share kept once. */
static void test_merge_parts(void **state)
{
	(void)state;
	char *paths[3], *out = path_in("merged.pdf");
	pdf_part parts[3];
	for (int k = 0; k < 3; k++) {
		char name[32];
		snprintf(name, sizeof name, "part%d.pdf", k);
		paths[k] = path_in(name);
		make_part(paths[k], k + 1);
		parts[k] = (pdf_part){.path = paths[k]};
	}
	char *err = NULL;
	if (pdf_finish(NULL, out, &(pdf_finish_opts){.parts = parts, .nparts = 3}, &err) != 0)
		fail_msg("%s", err);
	assert_int_equal(qpdf_check(out), 0);
	qpdf_data q = read_quiet(out);
	assert_int_equal(qpdf_get_num_pages(q), 6);
	for (int k = 0; k < 3; k++) {
		qpdf_data p = read_quiet(paths[k]);
		for (int i = 0; i < 2; i++) {
			size_t la, lb;
			unsigned char *a = page_content_raw(q, 2 * k + i, &la);
			unsigned char *b = page_content_raw(p, i, &lb);
			if (la != lb || memcmp(a, b, la))
				fail_msg("page %d: content is not the part's bytes", 2 * k + i + 1);
			free(a);
			free(b);
		}
		qpdf_cleanup(&p);
	}
	qpdf_oh size = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size");
	int images = 0, n = qpdf_oh_get_int_value_as_int(q, size);
	for (int id = 1; id < n; id++) {
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		if (qpdf_oh_is_stream(q, o)) {
			qpdf_oh d = qpdf_oh_get_dict(q, o);
			images += qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, "/Subtype"),
							     "/Image");
		}
	}
	assert_int_equal(images, 1);
	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);
	for (int k = 0; k < 3; k++)
		free(paths[k]);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rect_from_top),
		cmocka_unit_test(test_boxes),
		cmocka_unit_test(test_only_id),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_errors_keep_old_file),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_merge_parts),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
