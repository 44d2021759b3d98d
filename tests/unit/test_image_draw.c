/* test_image_draw.c - pictures painted into a PDF (image.h, image_copies.h): a PNG painted
 * twice on a page is two images, never one resource named twice (qpdf reads the file without
 * a warning), the same PNG on later pages is the images already written, and copies a page
 * did not use are let go of only beyond their memory budget; an SVG is a form the same way,
 * its viewBox. Counted in the PDF Cairo writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "pdf_finish.h"
#include "util.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* An opaque w x h PNG in one grey (no soft mask: one image object per image). */
static image *png(int w, int h, double grey)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, grey, grey, grey);
	cairo_paint(cr);
	cairo_destroy(cr);
	strbuf b = {0};
	assert_int_equal(cairo_surface_write_to_png_stream(s, to_buf, &b), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	image_error e = {0};
	image *im = image_load_mem((const unsigned char *)b.s, b.len, &e);
	strbuf_free(&b);
	assert_non_null(im);
	return im;
}

static size_t count(const strbuf *pdf, const char *key)
{
	size_t n = 0, len = strlen(key);
	for (size_t i = 0; i + len <= pdf->len; i++)
		n += !memcmp(pdf->s + i, key, len);
	return n;
}

/* The pages, each a list of pictures (NULL-terminated), drawn into a PDF; its image count. */
static size_t draw_pages(image **const *pages, size_t npages, strbuf *pdf)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, pdf, 200, 200);
	cairo_t *cr = cairo_create(s);
	for (size_t p = 0; p < npages; p++) {
		double x = 0;
		for (image *const *im = pages[p]; *im; im++, x += 20)
			image_draw(cr, *im, (rect){x, 0, 20, 20}, IMAGE_CONTAIN);
		image_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return count(pdf, "/Subtype /Image");
}

/* qpdf reads the file without an error or a warning (a key twice in a dictionary is one). */
static void assert_clean(const strbuf *pdf)
{
	qpdf_data q = pdf_qpdf_quiet();
	assert_int_equal(qpdf_read_memory(q, "t.pdf", pdf->s, pdf->len, NULL), QPDF_SUCCESS);
	assert_false(qpdf_more_warnings(q));
	qpdf_cleanup(&q);
}

static void test_twice_a_page(void **state)
{
	(void)state;
	image *a = png(16, 16, 0.2), *b = png(16, 16, 0.6);
	image *p1[] = {a, a, b, NULL}, *p2[] = {a, b, a, a, NULL}, *p3[] = {b, NULL};
	image **const pages[] = {p1, p2, p3};
	strbuf pdf = {0};
	/* a: three copies (page 2 paints it three times); b: one */
	assert_int_equal(draw_pages(pages, 3, &pdf), 4);
	assert_clean(&pdf);
	strbuf_free(&pdf);
	image_free(a);
	image_free(b);
}

/* a is painted on the first page and the last; between them, 9 pages with a picture each,
 * 4 MB of pixels (over the 32 MB kept for copies not in use) or 16 KB. */
static size_t idle_between(int side)
{
	image *a = png(16, 16, 0.2), *mid[9];
	image *first[] = {a, NULL}, *pages_mid[9][2], *last[] = {a, NULL};
	image **pages[11] = {first};
	for (int i = 0; i < 9; i++) {
		mid[i] = png(side, side, 0.1 * i);
		pages_mid[i][0] = mid[i];
		pages_mid[i][1] = NULL;
		pages[1 + i] = pages_mid[i];
	}
	pages[10] = last;
	strbuf pdf = {0};
	size_t n = draw_pages((image **const *)pages, 11, &pdf);
	assert_clean(&pdf);
	strbuf_free(&pdf);
	image_free(a);
	for (int i = 0; i < 9; i++)
		image_free(mid[i]);
	return n;
}

static void test_idle_copies(void **state)
{
	(void)state;
	/* kept: a's copy is the image already written */
	assert_int_equal(idle_between(64), 10);
	/* let go of once 36 MB of other copies wait: a is copied and written again */
	assert_int_equal(idle_between(1024), 11);
}

/* On an image surface (previews) the PNG itself is painted: its pixels arrive. */
static void test_image_surface(void **state)
{
	(void)state;
	image *a = png(8, 8, 0.0);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	image_draw(cr, a, (rect){0, 0, 8, 8}, IMAGE_CONTAIN);
	image_draw(cr, a, (rect){0, 0, 8, 8}, IMAGE_CONTAIN);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	const uint32_t *px = (const uint32_t *)cairo_image_surface_get_data(s);
	assert_int_equal(px[4 * 8 + 4] & 0xffffff, 0);
	cairo_surface_destroy(s);
	image_free(a);
}

/* A 48 x 24 SVG whose rectangle reaches 10 units outside its viewBox all round. */
static image *svg_over(void)
{
	static const char svg[] =
		"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 24' width='48' "
		"height='24'><rect x='-10' y='-10' width='68' height='44' fill='#cc3366'/></svg>";
	image_error e = {0};
	image *im = image_load_mem((const unsigned char *)svg, sizeof svg - 1, &e);
	assert_non_null(im);
	return im;
}

static void test_svg_forms(void **state)
{
	(void)state;
	image *s = svg_over();
	image *p1[] = {s, s, NULL}, *p2[] = {s, NULL}, *p3[] = {s, s, NULL};
	image **const pages[] = {p1, p2, p3};
	strbuf pdf = {0};
	assert_int_equal(draw_pages(pages, 3, &pdf), 0);
	/* two recordings (page 1 paints it twice), each one form: its viewBox at 1024 units */
	assert_int_equal(count(&pdf, "/Subtype /Form"), 2);
	assert_int_equal(count(&pdf, "/BBox [ 0 0 1024 512 ]"), 2);
	assert_clean(&pdf);
	strbuf_free(&pdf);
	/* drawn directly on pixels, also only its viewBox: a wide box, the picture 40 x 20 */
	cairo_surface_t *px = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 100, 20);
	cairo_t *cr = cairo_create(px);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	image_draw(cr, s, (rect){0, 0, 100, 20}, IMAGE_CONTAIN);
	cairo_destroy(cr);
	cairo_surface_flush(px);
	const uint32_t *d = (const uint32_t *)cairo_image_surface_get_data(px);
	int stride = cairo_image_surface_get_stride(px) / 4;
	assert_int_equal(d[10 * stride + 50] & 0xffffff, 0xcc3366); /* inside: x 30..70 */
	assert_int_equal(d[10 * stride + 25] & 0xffffff, 0xffffff); /* outside, in the box */
	cairo_surface_destroy(px);
	image_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_twice_a_page),
		cmocka_unit_test(test_idle_copies),
		cmocka_unit_test(test_image_surface),
		cmocka_unit_test(test_svg_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
