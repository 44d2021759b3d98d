/* test_image_cache.c - card images shared by path (image_cache.h): the cards naming one file
 * get one picture, kept while nobody holds it only within the budget (the longest unused let
 * go of first, a held one never), and a file that cannot be loaded is not kept. What the
 * cache holds is told by changing the file on disk: a kept picture keeps its old size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image_cache.h"
#include "input.h"
#include "util.h"

static char dir[] = "/tmp/deckpress-image-cache-XXXXXX";

static void write_png(const char *name, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	char *path = xasprintf("%s/%s", dir, name);
	assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	free(path);
}

/* The picture the cache gives for name, and its width (the caller frees it). */
static image *get(image_cache *c, const char *name, double *w)
{
	char *path = xasprintf("%s/%s", dir, name);
	image_error e;
	image *im = image_cache_get(c, path, &e);
	free(path);
	image_error_free(&e);
	double h;
	if (im && w)
		image_size(im, w, &h);
	return im;
}

static double width_of(image_cache *c, const char *name)
{
	double w = -1;
	image_free(get(c, name, &w));
	return w;
}

/* n other pictures, never asked for before, asked for and let go of at once. */
static void others(image_cache *c, int n)
{
	static int made;
	for (int i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "o%d.png", made++);
		write_png(name, 1, 1);
		assert_true(width_of(c, name) == 1);
	}
}

static void test_one_picture_per_file(void **state)
{
	(void)state;
	write_png("a.png", 2, 2);
	write_png("b.png", 2, 2);
	image_cache *c = image_cache_new(dir);
	image *a1 = get(c, "a.png", NULL), *a2 = get(c, "a.png", NULL), *b = get(c, "b.png", NULL);
	assert_non_null(a1);
	assert_ptr_equal(a1, a2);
	assert_ptr_not_equal(a1, b);
	assert_true(image_shared(a1));
	image_free(a1);
	image_free(a2);
	image_free(b);
	image_cache_free(c);
}

static void test_kept_when_let_go(void **state)
{
	(void)state;
	write_png("a.png", 2, 2);
	image_cache *c = image_cache_new(dir);
	assert_true(width_of(c, "a.png") == 2);
	write_png("a.png", 3, 3);
	assert_true(width_of(c, "a.png") == 2); /* kept: not read again */
	image_cache_free(c);
	c = image_cache_new(dir);
	assert_true(width_of(c, "a.png") == 3);
	image_cache_free(c);
}

static void test_idle_pictures_bounded(void **state)
{
	(void)state;
	write_png("a.png", 2, 2);
	image_cache *c = image_cache_new(dir);
	assert_true(width_of(c, "a.png") == 2);
	others(c, IMAGE_CACHE_IDLE_PICTURES - 1); /* a and these: the most kept */
	write_png("a.png", 3, 3);
	assert_true(width_of(c, "a.png") == 2);
	/* a was asked for last: the 63 others go first, then a (the budget is kept at each
	 * call, while the picture asked for is held) */
	others(c, IMAGE_CACHE_IDLE_PICTURES + 1);
	assert_true(width_of(c, "a.png") == 3);
	image_cache_free(c);
}

static void test_held_never_let_go(void **state)
{
	(void)state;
	write_png("a.png", 2, 2);
	image_cache *c = image_cache_new(dir);
	image *held = get(c, "a.png", NULL);
	others(c, 2 * IMAGE_CACHE_IDLE_PICTURES);
	write_png("a.png", 3, 3);
	image *again = get(c, "a.png", NULL);
	assert_ptr_equal(held, again);
	image_free(again);
	image_free(held);
	image_cache_free(c);
}

static void test_idle_bytes_bounded(void **state)
{
	(void)state;
	/* 2,900 x 2,900 pixels: 33.6 MB, over the budget on its own */
	write_png("big.png", 2900, 2900);
	write_png("a.png", 2, 2);
	image_cache *c = image_cache_new(dir);
	image *big = get(c, "big.png", NULL);
	assert_true(image_bytes(big) > IMAGE_CACHE_IDLE_BYTES);
	assert_true(width_of(c, "a.png") == 2); /* big is held: kept */
	image_free(big);
	write_png("big.png", 4, 4);
	assert_true(width_of(c, "a.png") == 2); /* big is idle and over the budget: let go */
	assert_true(width_of(c, "big.png") == 4);
	image_cache_free(c);
}

static void test_failure_not_kept(void **state)
{
	(void)state;
	image_cache *c = image_cache_new(dir);
	char *path = xasprintf("%s/late.png", dir);
	image_error e;
	assert_null(image_cache_get(c, path, &e));
	assert_int_not_equal(e.in.status, IN_OK);
	image_error_free(&e);
	write_png("late.png", 5, 5);
	assert_true(width_of(c, "late.png") == 5);
	free(path);
	image_cache_free(c);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_picture_per_file),
		cmocka_unit_test(test_kept_when_let_go),
		cmocka_unit_test(test_idle_pictures_bounded),
		cmocka_unit_test(test_held_never_let_go),
		cmocka_unit_test(test_idle_bytes_bounded),
		cmocka_unit_test(test_failure_not_kept),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		rc = 1;
	free(rm);
	return rc;
}
