/* test_png_out.c - RGB surfaces written as PNG (png_out.h): read back by Cairo, every pixel
 * is what was drawn, at sizes whose rows are not a whole number of words; a write that
 * fails (a full disk) is reported with its errno; another format is refused. */
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

/* A w x h RGB surface whose every pixel differs from its neighbours. */
static cairo_surface_t *pattern(int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)(void *)(d + (size_t)y * stride);
		for (int x = 0; x < w; x++)
			row[x] = (uint32_t)(x * 37 + y) % 256 << 16 |
				 (uint32_t)(y * 11) % 256 << 8 | (uint32_t)(x ^ y) % 256;
	}
	cairo_surface_mark_dirty(s);
	return s;
}

static void round_trip(int w, int h)
{
	cairo_surface_t *s = pattern(w, h);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(png_out_write(s, fp), 0);
	fflush(fp);
	rewind(fp);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(fp));
	cairo_surface_t *r = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(r), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(r), w);
	assert_int_equal(cairo_image_surface_get_height(r), h);
	assert_int_equal(cairo_image_surface_get_format(r), CAIRO_FORMAT_RGB24);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			assert_int_equal(pixel(r, x, y), pixel(s, x, y));
	cairo_surface_destroy(r);
	cairo_surface_destroy(s);
	fclose(fp);
}

static void test_pixels_back(void **state)
{
	(void)state;
	round_trip(1, 1);
	round_trip(37, 5);
	round_trip(821, 3);
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
	assert_int_equal(png_out_write(s, fp), EINVAL);
	fseek(fp, 0, SEEK_END);
	assert_int_equal(ftell(fp), 0); /* nothing written */
	fclose(fp);
	cairo_surface_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pixels_back),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_other_format_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
