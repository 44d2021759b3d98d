/* test_png_out.c - RGB surfaces written as PNG (png_out.h): read back by Cairo, every pixel
 * is what was drawn, at sizes whose PNG rows are not a whole number of words and with rows
 * padded apart in memory; a write that fails (a full disk) is reported with its errno; a
 * surface Cairo could not make, and another format, are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "png_out.h"

/* Pixel (x, y) of an RGB surface, without its unused byte. */
static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *row =
		cairo_image_surface_get_data(s) + (size_t)y * cairo_image_surface_get_stride(s);
	return ((const uint32_t *)(const void *)row)[x] & 0xffffff;
}

/* Fills s (RGB24) so that every pixel differs from its neighbours. */
static void fill(cairo_surface_t *s)
{
	unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < cairo_image_surface_get_height(s); y++) {
		uint32_t *row = (uint32_t *)(void *)(d + (size_t)y * stride);
		for (int x = 0; x < cairo_image_surface_get_width(s); x++)
			row[x] = (uint32_t)(x * 37 + y) % 256 << 16 |
				 (uint32_t)(y * 11) % 256 << 8 | (uint32_t)(x ^ y) % 256;
	}
	cairo_surface_mark_dirty(s);
}

static cairo_status_t read_cb(void *closure, unsigned char *data, unsigned int len)
{
	return fread(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* s written and read back by Cairo: the same size and pixels. */
static void round_trip(cairo_surface_t *s)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(png_out_write(s, fp), 0);
	rewind(fp);
	cairo_surface_t *r = cairo_image_surface_create_from_png_stream(read_cb, fp);
	assert_int_equal(cairo_surface_status(r), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(r), w);
	assert_int_equal(cairo_image_surface_get_height(r), h);
	assert_int_equal(cairo_image_surface_get_format(r), CAIRO_FORMAT_RGB24);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			assert_int_equal(pixel(r, x, y), pixel(s, x, y));
	cairo_surface_destroy(r);
	fclose(fp);
}

static cairo_surface_t *pattern(int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	fill(s);
	return s;
}

static void test_pixels_back(void **state)
{
	(void)state;
	int sizes[][2] = {{1, 1}, {37, 5}, {821, 3}};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		cairo_surface_t *s = pattern(sizes[i][0], sizes[i][1]);
		round_trip(s);
		cairo_surface_destroy(s);
	}
}

/* Rows further apart than their pixels: the writer follows the surface's stride. */
static void test_padded_rows(void **state)
{
	(void)state;
	int w = 13, h = 7, stride = 4 * w + 24;
	unsigned char *data = calloc((size_t)stride * h, 1);
	cairo_surface_t *s =
		cairo_image_surface_create_for_data(data, CAIRO_FORMAT_RGB24, w, h, stride);
	assert_int_equal(cairo_image_surface_get_stride(s), stride);
	fill(s);
	round_trip(s);
	cairo_surface_destroy(s);
	free(data);
}

static void test_full_disk(void **state)
{
	(void)state;
	FILE *fp = fopen("/dev/full", "wb");
	if (!fp)
		skip();
	cairo_surface_t *s = pattern(300, 300); /* more than stdio's buffer */
	assert_int_equal(png_out_write(s, fp), ENOSPC);
	fclose(fp);
	cairo_surface_destroy(s);
}

static void test_other_format_refused(void **state)
{
	(void)state;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(png_out_write(s, fp), EINVAL);
	fseek(fp, 0, SEEK_END);
	assert_int_equal(ftell(fp), 0); /* nothing written */
	fclose(fp);
	cairo_surface_destroy(s);
}

/* A surface Cairo could not make (too large) is not written: out of memory. */
static void test_failed_surface(void **state)
{
	(void)state;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40000, 10);
	assert_int_not_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(png_out_write(s, fp), ENOMEM);
	fclose(fp);
	cairo_surface_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pixels_back),
		cmocka_unit_test(test_padded_rows),
		cmocka_unit_test(test_failed_surface),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_other_format_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
