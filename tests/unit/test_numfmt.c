/* test_numfmt.c - numbers always with a '.', also under a decimal-comma locale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

/* Switches LC_NUMERIC to a decimal-comma locale if one is installed; returns its name or NULL. */
static const char *comma_locale(void)
{
	static const char *names[] = {"nl_NL.UTF-8", "de_DE.UTF-8", "nl_NL.utf8", "de_DE.utf8"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (setlocale(LC_NUMERIC, names[i]))
			return names[i];
	return NULL;
}

static void check_values(void)
{
	char b[NUM_BUF];
	assert_string_equal(num_format(b, 2.5, 2), "2.5");
	assert_string_equal(num_format(b, 63.5, 4), "63.5");
	assert_string_equal(num_format(b, 595.2755905511812, 4), "595.2756");
	assert_string_equal(num_format(b, 0.05, 2), "0.05");
	assert_string_equal(num_format(b, 1.999, 2), "2");
	assert_string_equal(num_format(b, -8.50394, 3), "-8.504");
	assert_string_equal(num_format(b, -0.0001, 2), "0");
	assert_string_equal(num_format(b, 842, 4), "842");
	assert_string_equal(num_format(b, 1e300, 2), "0");
}

static void test_plain(void **state)
{
	(void)state;
	check_values();
}

static void test_decimal_comma_locale(void **state)
{
	(void)state;
	const char *loc = comma_locale();
	char probe[16];
	if (loc) {
		/* Prove the locale really has a decimal comma, so the test means something. */
		snprintf(probe, sizeof probe, "%.1f", 2.5);
		assert_string_equal(probe, "2,5");
	} else {
		/* tests/run.sh builds one: without it this test would prove nothing */
		if (getenv("DECKPRESS_COMMA_LOCALE"))
			fail_msg("the decimal-comma locale %s could not be loaded",
				 getenv("DECKPRESS_COMMA_LOCALE"));
		fprintf(stderr, "note: no nl_NL/de_DE locale installed; checked in the C locale\n");
	}
	check_values();
	setlocale(LC_NUMERIC, "C");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_decimal_comma_locale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
