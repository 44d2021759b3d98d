/* test_paint_scan.c - what a drawing paints with, read back from the PDF Cairo writes for it
 * (paint_scan.h), and through it what an SVG picture paints with (image.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "paint_scan.h"
#include "util.h"

typedef void (*draw_fn)(cairo_t *cr);

static paint_list scan(draw_fn draw)
{
	paint_scan *s = paint_scan_new(100, 100);
	cairo_t *cr = cairo_create(paint_scan_surface(s));
	draw(cr);
	cairo_destroy(cr);
	paint_list p;
	assert_int_equal(paint_scan_finish(s, &p), 0);
	return p;
}

static void rect_fill(cairo_t *cr, double x, double y)
{
	cairo_rectangle(cr, x, y, 10, 10);
	cairo_fill(cr);
}

static void draw_solid(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0);
	rect_fill(cr, 0, 0);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5); /* grey: "v g" in the PDF */
	cairo_move_to(cr, 0, 50);
	cairo_line_to(cr, 90, 50);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0); /* listed once */
	rect_fill(cr, 20, 20);
}

static void test_solid(void **state)
{
	(void)state;
	paint_list p = scan(draw_solid);
	assert_int_equal(p.ncolors, 2);
	assert_int_equal(p.colors[0], 0x123456);
	assert_int_equal(p.colors[1], 0x808080);
	assert_false(p.pattern || p.transparent || p.blend);
	paint_list_free(&p);
}

/* Cairo's assertion in its CairoScript writer (x1 > -9999) killed the program on this. */
static void draw_far_left(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0, 0.4, 0);
	cairo_rectangle(cr, -20000, 0, 20050, 10);
	cairo_fill(cr);
}

static void test_far_left(void **state)
{
	(void)state;
	paint_list p = scan(draw_far_left);
	assert_int_equal(p.ncolors, 1);
	assert_int_equal(p.colors[0], 0x006600);
	paint_list_free(&p);
}

static void draw_default(cairo_t *cr)
{
	rect_fill(cr, 0, 0); /* no colour set: black */
}

static void test_default_black(void **state)
{
	(void)state;
	paint_list p = scan(draw_default);
	assert_int_equal(p.ncolors, 1);
	assert_int_equal(p.colors[0], 0x000000);
	paint_list_free(&p);
}

static void draw_alpha(cairo_t *cr)
{
	cairo_set_source_rgba(cr, 1, 0, 0, 0.5);
	rect_fill(cr, 0, 0);
}

static void draw_group_opacity(cairo_t *cr)
{
	cairo_push_group(cr);
	cairo_set_source_rgb(cr, 0, 0, 1);
	rect_fill(cr, 0, 0);
	cairo_set_source_rgb(cr, 0, 1, 0);
	rect_fill(cr, 5, 5);
	cairo_pop_group_to_source(cr);
	cairo_paint_with_alpha(cr, 0.3);
}

static void test_transparency(void **state)
{
	(void)state;
	paint_list p = scan(draw_alpha);
	assert_true(p.transparent);
	assert_false(p.pattern || p.blend);
	assert_int_equal(p.ncolors, 1);
	assert_int_equal(p.colors[0], 0xff0000);
	paint_list_free(&p);
	p = scan(draw_group_opacity); /* the colours inside the group's form count too */
	assert_true(p.transparent);
	assert_int_equal(p.ncolors, 2);
	assert_int_equal(p.colors[0], 0x0000ff);
	assert_int_equal(p.colors[1], 0x00ff00);
	paint_list_free(&p);
}

static void draw_blend(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 1, 1, 0);
	rect_fill(cr, 0, 0);
	cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
	cairo_set_source_rgb(cr, 0, 1, 1);
	rect_fill(cr, 5, 5);
}

static void test_blend(void **state)
{
	(void)state;
	paint_list p = scan(draw_blend);
	assert_true(p.blend);
	assert_int_equal(p.ncolors, 2);
	paint_list_free(&p);
}

static void draw_gradient(cairo_t *cr)
{
	cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, 100, 0);
	cairo_pattern_add_color_stop_rgb(g, 0, 1, 0, 0);
	cairo_pattern_add_color_stop_rgb(g, 1, 0, 0, 1);
	cairo_set_source(cr, g);
	rect_fill(cr, 0, 0);
	cairo_pattern_destroy(g);
}

static void draw_picture(cairo_t *cr)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
	cairo_set_source_surface(cr, img, 10, 10);
	cairo_paint(cr);
	cairo_surface_destroy(img);
}

static void draw_mask(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0, 0.5, 0);
	cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, 100, 0);
	cairo_pattern_add_color_stop_rgba(g, 0, 0, 0, 0, 1);
	cairo_pattern_add_color_stop_rgba(g, 1, 0, 0, 0, 0);
	cairo_mask(cr, g);
	cairo_pattern_destroy(g);
}

static void test_patterns(void **state)
{
	(void)state;
	draw_fn kinds[] = {draw_gradient, draw_picture, draw_mask};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		paint_list p = scan(kinds[i]);
		assert_true(p.pattern);
		paint_list_free(&p);
	}
	paint_list p = scan(draw_mask);
	assert_true(p.transparent);
	paint_list_free(&p);
}

static void draw_many(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_push_group(cr); /* a form: its content counts too */
	for (int i = 0; i < 100; i++)
		rect_fill(cr, i % 90, i / 2);
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
}

/* The drawing's size, which svg-drawing limits: bytes of content, forms included. */
static void test_size(void **state)
{
	(void)state;
	paint_list one = scan(draw_default), many = scan(draw_many);
	assert_true(one.bytes > 10 && one.bytes < 200);
	assert_true(many.bytes > 100 * 10); /* "x y 10 10 re f" a hundred times */
	paint_list_free(&one);
	paint_list_free(&many);
}

/* --- SVG pictures, which image.c scans this way --- */

static image *svg(const char *body, image_error *e)
{
	char *s = xasprintf("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\" "
			    "width=\"48\" height=\"48\">%s</svg>",
			    body);
	image *im = image_load_mem((const unsigned char *)s, strlen(s), e);
	free(s);
	return im;
}

static void test_svg_far_outside(void **state)
{
	(void)state;
	image_error e;
	/* a background far larger than the picture, reaching far left of it */
	image *im = svg("<rect x=\"-20000\" y=\"-10\" width=\"30000\" height=\"70\" fill=\"#123\"/>"
			"<circle cx=\"24\" cy=\"24\" r=\"10\" fill=\"#e8a33d\"/>",
			&e);
	assert_non_null(im);
	size_t n;
	const uint32_t *c = image_colors(im, &n);
	assert_int_equal(n, 2);
	assert_int_equal(c[0], 0x112233);
	assert_int_equal(c[1], 0xe8a33d);
	assert_null(image_pdfx_problem(im, true));
	image_free(im);
	image_error_free(&e);
}

static void test_svg_deep_groups(void **state)
{
	(void)state;
	strbuf b = {0};
	for (int i = 0; i < 200; i++)
		strbuf_puts(&b, "<g opacity=\"0.9\">");
	strbuf_puts(&b, "<rect width=\"4\" height=\"4\" fill=\"#00f\"/>");
	for (int i = 0; i < 200; i++)
		strbuf_puts(&b, "</g>");
	image_error e;
	image *im = svg(b.s, &e);
	strbuf_free(&b);
	assert_non_null(im);
	size_t n;
	const uint32_t *c = image_colors(im, &n);
	assert_int_equal(n, 1);
	assert_int_equal(c[0], 0x0000ff);
	assert_non_null(image_pdfx_problem(im, true)); /* transparency */
	assert_null(image_pdfx_problem(im, false));
	image_free(im);
	image_error_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_solid),
		cmocka_unit_test(test_far_left),
		cmocka_unit_test(test_default_black),
		cmocka_unit_test(test_transparency),
		cmocka_unit_test(test_blend),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_svg_far_outside),
		cmocka_unit_test(test_svg_deep_groups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
