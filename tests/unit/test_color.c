/* test_color.c - the output profile and the inks deckpress chooses for colours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "deck.h"
#include "ink_map.h"

static color_profile *fogra(void)
{
	char *err = NULL;
	bool unreadable = true;
	color_profile *p = color_profile_open(NULL, &err, &unreadable);
	if (!p)
		fail_msg("built-in profile: %s", err);
	assert_false(unreadable);
	return p;
}

static void test_builtin(void **state)
{
	(void)state;
	color_profile *p = fogra();
	assert_true(color_profile_builtin(p));
	assert_non_null(strstr(color_profile_name(p), "FOGRA39"));
	size_t len;
	const unsigned char *icc = color_profile_data(p, &len);
	assert_true(len > 1000);
	assert_memory_equal(icc + 12, "prtrCMYKLab ", 12); /* output class, CMYK, Lab PCS */
	/* the header date is fixed (2006-12-01), so builds give the same bytes */
	assert_memory_equal(icc + 24, "\x07\xd6\x00\x0c\x00\x01\x00\x00\x00\x00\x00\x00", 12);
	color_profile_free(p);
}

static void test_conversions(void **state)
{
	(void)state;
	color_profile *p = fogra();
	cmyk w = color_to_cmyk(p, 0xffffff);
	assert_true(w.c == 0 && w.m == 0 && w.y == 0 && w.k == 0);
	cmyk k = color_to_k(p, 0x000000);
	assert_true(k.c == 0 && k.m == 0 && k.y == 0 && k.k == 1);
	assert_true(color_to_k(p, 0xffffff).k == 0);
	/* greys: K only, darker grey more K, a 50 % grey somewhere in the middle */
	double k80 = color_to_k(p, 0x808080).k, k40 = color_to_k(p, 0x404040).k;
	assert_true(k80 > 0.4 && k80 < 0.8);
	assert_true(k40 > k80);
	/* a blue: mostly cyan, hardly yellow; sRGB black through the table is rich */
	cmyk b = color_to_cmyk(p, 0x2f5d8a);
	assert_true(b.c > 0.6 && b.y < 0.1 && b.c > b.m);
	cmyk rich = color_to_cmyk(p, 0x000000);
	assert_true(rich.c > 0.3 && rich.k > 0.9);
	assert_true(color_is_neutral(p, 0x1f2328));
	assert_true(color_is_neutral(p, 0x808080));
	assert_false(color_is_neutral(p, 0x2f5d8a));
	assert_false(color_is_neutral(p, 0x8a5a2b));
	unsigned char px[6] = {0xff, 0xff, 0xff, 0x2f, 0x5d, 0x8a}, out[8];
	color_pixels_to_cmyk(p, px, 2, out);
	assert_int_equal(out[0] + out[1] + out[2] + out[3], 0);
	assert_true(abs(out[4] - (int)lround(b.c * 255)) <= 2);
	color_profile_free(p);
}

static void test_contrast(void **state)
{
	(void)state;
	assert_true(fabs(color_contrast(0x000000, 0xffffff) - 21) < 1e-9);
	assert_true(fabs(color_contrast(0x777777, 0x777777) - 1) < 1e-9);
	assert_true(color_contrast(0x1f2328, 0xffffff) > 15);
	assert_int_equal(color_fade(0x000000, 0.5), 0x808080);
	assert_int_equal(color_fade(0x2f5d8a, 0), 0x2f5d8a);
	assert_int_equal(color_fade(0x2f5d8a, 1), 0xffffff);
}

static void test_bad_profiles(void **state)
{
	(void)state;
	char *err = NULL;
	bool unreadable = false;
	assert_null(color_profile_open("/usr/share/color/icc/sRGB.icc", &err, &unreadable));
	assert_false(unreadable);
	assert_string_equal(err, "ICC profile '/usr/share/color/icc/sRGB.icc' is not a CMYK profile");
	free(err);
	assert_null(color_profile_open("/nonexistent/x.icc", &err, &unreadable));
	assert_true(unreadable);
	assert_non_null(strstr(err, "cannot read ICC profile '/nonexistent/x.icc'"));
	free(err);
	assert_null(color_profile_open("/usr/share/color/icc", &err, &unreadable));
	assert_true(unreadable);
	free(err);
	static const unsigned char junk[200] = "not a profile";
	assert_null(color_profile_from_mem(junk, sizeof junk, "junk", &err));
	assert_non_null(strstr(err, "junk is not an ICC colour profile"));
	free(err);
	/* the built-in profile, cut short */
	assert_null(color_profile_from_mem(icc_fogra39, 400, "a short one", &err));
	free(err);
}

static void test_inks(void **state)
{
	(void)state;
	color_profile *p = fogra();
	deck dk = {0};
	deck_cmyk given = {.rgb = 0x2f5d8a, .cmyk = {85, 50, 10, 20}, .file = "x.yaml"};
	dk.cmyk = &given;
	dk.ncmyk = 1;
	ink_map *m = ink_map_new(p, &dk);
	cmyk c = ink_map_cmyk(m, 0x2f5d8a, 0);
	assert_true(fabs(c.c - 0.85) < 1e-12 && fabs(c.m - 0.5) < 1e-12 &&
		    fabs(c.y - 0.1) < 1e-12 && fabs(c.k - 0.2) < 1e-12);
	c = ink_map_cmyk(m, 0x2f5d8a, 0.5); /* a tint: every ink halved */
	assert_true(fabs(c.c - 0.425) < 1e-12 && fabs(c.k - 0.1) < 1e-12);
	c = ink_map_cmyk(m, 0x1f2328, 0); /* the default text colour: 100 % K */
	assert_true(c.c == 0 && c.m == 0 && c.y == 0 && c.k == 1);
	c = ink_map_cmyk(m, 0x4a4f57, 0.3); /* a near-grey: K only */
	assert_true(c.c == 0 && c.m == 0 && c.y == 0 && c.k > 0.3);
	c = ink_map_cmyk(m, 0xffffff, 0);
	assert_true(c.c == 0 && c.m == 0 && c.y == 0 && c.k == 0);
	ink_map_free(m);
	color_profile_free(p);
}

/* Cairo compares colours in 16 bits: two inks never share a device colour that close. */
static void test_collisions(void **state)
{
	(void)state;
	color_profile *p = fogra();
	ink_map *m = ink_map_new(p, NULL);
	double black[3] = {0, 0, 0}, reg[3] = {0, 0, 0}, again[3] = {0, 0, 0};
	ink_map_put(m, black, (cmyk){0, 0, 0, 1}, true);
	ink_map_put(m, reg, (cmyk){1, 1, 1, 1}, true);
	assert_true(black[2] == 0);
	assert_true(reg[2] >= 3.0 / 65536); /* moved: Cairo will write it as another colour */
	ink_map_put(m, again, (cmyk){0, 0, 0, 1}, true);
	assert_true(again[2] == 0); /* the same ink again: not moved */
	cmyk got;
	assert_true(ink_map_get(m, (double[3]){0, 0, 0.0000004}, &got)); /* Cairo's rounding */
	assert_true(got.k == 1 && got.c == 0);
	assert_true(ink_map_get(m, reg, &got));
	assert_true(got.c == 1);
	assert_false(ink_map_get(m, (double[3]){0.5, 0.5, 0.5}, &got));
	assert_null(ink_map_error(m));
	double fixed[3] = {reg[0], reg[1], reg[2]};
	ink_map_put(m, fixed, (cmyk){0, 1, 0, 0}, false); /* Pango's colour: cannot move */
	assert_non_null(ink_map_error(m));
	ink_map_free(m);
	color_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),      cmocka_unit_test(test_conversions),
		cmocka_unit_test(test_contrast),     cmocka_unit_test(test_bad_profiles),
		cmocka_unit_test(test_inks),         cmocka_unit_test(test_collisions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
