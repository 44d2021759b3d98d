/* test_srcloc.c - characters found at their own line:column; code points named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charname.h"
#include "srcloc.h"

static char path[64];

static void write_file(const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/test_srcloc.%ld.yaml", (long)getpid());
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

/* Columns count characters, as libyaml does: "é" and "😀" are one column each. */
static void test_columns_in_characters(void **state)
{
	(void)state;
	write_file("deck:\n  title: Caf\xC3\xA9 \xF0\x9F\x98\x80 en \xE2\x98\x83\n");
	srcpos p = srcloc_find(path, (srcpos){2, 10}, "\xE2\x98\x83", 100);
	assert_int_equal(p.line, 2);
	assert_int_equal(p.col, 20);
	p = srcloc_find(path, (srcpos){2, 10}, "\xF0\x9F\x98\x80", 100);
	assert_int_equal(p.col, 15);
}

/* A byte order mark is not a column; the quote that opens a YAML value is skipped. */
static void test_bom_and_opening_quote(void **state)
{
	(void)state;
	write_file("\xEF\xBB\xBF"
		   "a: \"\\\"quoted\\\"\"\n");
	srcpos p = srcloc_find(path, (srcpos){1, 4}, "\"", 100);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.col, 6);
}

/* Not found within the span, or no file: the start is returned unchanged. */
static void test_not_found(void **state)
{
	(void)state;
	write_file("a: x\nb: \xE2\x98\x83\n");
	srcpos p = srcloc_find(path, (srcpos){1, 4}, "\xE2\x98\x83", 2);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.col, 4);
	p = srcloc_find(path, (srcpos){1, 4}, "\xE2\x98\x83", srcloc_span(10));
	assert_int_equal(p.line, 2);
	assert_int_equal(p.col, 4);
	p = srcloc_find("/nonexistent/x.yaml", (srcpos){3, 7}, "x", 100);
	assert_int_equal(p.line, 3);
	assert_int_equal(p.col, 7);
}

/* A character written as an escape in a "..." value: the escape's own column. */
static void test_escapes(void **state)
{
	(void)state;
	write_file("a: \"Cafe\\u0301 x\\u20DD y\\U0001f600 \\xe9\"\n");
	srcpos p = srcloc_find(path, (srcpos){1, 4}, "\xE2\x83\x9D", 100); /* U+20DD */
	assert_int_equal(p.line, 1);
	assert_int_equal(p.col, 17);
	p = srcloc_find(path, (srcpos){1, 4}, "\xF0\x9F\x98\x80", 100);
	assert_int_equal(p.col, 25);
	p = srcloc_find(path, (srcpos){1, 4}, "\xC3\xA9", 100);
	assert_int_equal(p.col, 36);
	/* not in a '...' or plain value, where a backslash is just a backslash */
	write_file("a: 'x\\u20DD'\n");
	p = srcloc_find(path, (srcpos){1, 4}, "\xE2\x83\x9D", 100);
	assert_int_equal(p.col, 4);
}

static void test_char_names(void **state)
{
	(void)state;
	char buf[160], utf8[8];
	assert_string_equal(char_describe(0x1F600, buf, sizeof buf), "U+1F600 GRINNING FACE");
	assert_string_equal(char_describe(0xE9, buf, sizeof buf),
			    "U+00E9 LATIN SMALL LETTER E WITH ACUTE");
	assert_string_equal(char_describe(0x7, buf, sizeof buf), "U+0007 <control-0007>");
	assert_string_equal(char_utf8(0x1F600, utf8), "\xF0\x9F\x98\x80");
	assert_string_equal(char_utf8(0x41, utf8), "A");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_in_characters),
		cmocka_unit_test(test_bom_and_opening_quote),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_char_names),
	};
	return cmocka_run_group_tests_name("srcloc", tests, setup, teardown);
}
