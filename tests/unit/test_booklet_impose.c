/* test_booklet_impose.c - saddle-stitch order and sheet layout (impose_saddle.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "impose_saddle.h"
#include "util.h"

/* The order as "8|1 2|7 6|3 4|5": front left|right, back left|right per sheet. */
static char *order(int pages)
{
	strbuf b = {0};
	int padded = saddle_padded(pages);
	for (int s = 0; s < padded / 4; s++)
		for (int back = 0; back < 2; back++) {
			int l, r;
			saddle_side_pages(padded, s, back, &l, &r);
			strbuf_printf(&b, "%s%d|%d", b.len ? " " : "", l, r);
		}
	return strbuf_take(&b);
}

static void order_4_8(void **state)
{
	(void)state;
	char *s = order(4);
	assert_string_equal(s, "4|1 2|3");
	free(s);
	s = order(8);
	assert_string_equal(s, "8|1 2|7 6|3 4|5");
	free(s);
}

static void order_10_pads_to_12(void **state)
{
	(void)state;
	assert_int_equal(saddle_padded(10), 12);
	assert_int_equal(saddle_padded(0), 0);
	assert_int_equal(saddle_padded(1), 4);
	char *s = order(10);
	assert_string_equal(s, "12|1 2|11 10|3 4|9 8|5 6|7");
	free(s);
}

/* Every page appears exactly once, facing pages add up to padded + 1, and the sheets nest:
 * the outer sheet carries the first and last pages. */
static void order_24_properties(void **state)
{
	(void)state;
	int seen[25] = {0};
	for (int s = 0; s < 6; s++)
		for (int back = 0; back < 2; back++) {
			int l, r;
			saddle_side_pages(24, s, back, &l, &r);
			assert_int_equal(l + r, 25);
			assert_true(l >= 1 && l <= 24 && r >= 1 && r <= 24);
			seen[l]++;
			seen[r]++;
			/* an odd (recto) page is always on the right as seen upright */
			assert_int_equal(r % 2, 1);
		}
	for (int p = 1; p <= 24; p++)
		assert_int_equal(seen[p], 1);
	char *s = order(24);
	assert_true(!strncmp(s, "24|1 2|23 22|3 4|21", 19));
	assert_true(strstr(s, "14|11 12|13") != NULL); /* the centre spread: 12|13 */
	free(s);
}

static void plan_sheets(void **state)
{
	(void)state;
	saddle_plan p;
	/* A5 on A4 landscape: pages meet at the fold, centred vertically */
	double a5w = mm_to_pt(148), a5h = mm_to_pt(210), a4w = mm_to_pt(297), a4h = mm_to_pt(210);
	assert_int_equal(saddle_plan_make(10, a5w, a5h, a4w, a4h, SADDLE_LONG, &p), 0);
	assert_int_equal(p.sheets, 3);
	assert_int_equal(p.padded, 12);
	assert_true(p.left.x + p.left.w - a4w / 2 < 1e-9 && p.right.x - a4w / 2 < 1e-9);
	assert_true(p.left.x > 0 && p.left.y >= 0);
	saddle_side f = saddle_side_get(&p, 0), b = saddle_side_get(&p, 1);
	assert_false(f.rotated);
	assert_true(b.rotated);
	assert_int_equal(f.left, 12);
	assert_int_equal(b.right, 11);
	assert_int_equal(saddle_plan_make(10, a5w, a5h, a4w, a4h, SADDLE_SHORT, &p), 0);
	assert_false(saddle_side_get(&p, 1).rotated);
	/* A5 pages do not fit two-up on A5 */
	assert_int_equal(saddle_plan_make(4, a5w, a5h, a5h, a5w, SADDLE_LONG, &p), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(order_4_8),
		cmocka_unit_test(order_10_pads_to_12),
		cmocka_unit_test(order_24_properties),
		cmocka_unit_test(plan_sheets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
