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
#include "util.h"

static char path[64];

/* The file written anew (and srcloc's kept copy let go: this rewrites it within a clock
 * tick, perhaps at the same size). */
static void write_file(const char *text)
{
	srcloc_release();
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

/* A long file, and lines longer than the stretch between srcloc's marks: a line of 30,000
 * characters of two bytes each, then one of three-byte characters; every position the same
 * as counting from the file's start, at the marks and between them. */
static void test_long_lines(void **state)
{
	(void)state;
	strbuf b = {0};
	strbuf_puts(&b, "a: \"");
	for (int i = 0; i < 30000; i++)
		strbuf_puts(&b, i % 997 == 5 ? "\xE2\x98\x83" : "\xC3\xA9"); /* snowman, else é */
	strbuf_puts(&b, "\"\nb: ");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&b, "\xE2\x82\xAC"); /* € */
	strbuf_puts(&b, "x\n");
	write_file(b.s);
	/* the snowmen of line 1 are characters 5, 1002, 1999, ... of the text, which starts at
	 * column 5 (after the quote): each found from the one before */
	srcpos from = {1, 4};
	for (int n = 0; n < 31; n++) {
		srcpos p = srcloc_find(path, from, "\xE2\x98\x83", 200000);
		assert_int_equal(p.line, 1);
		assert_int_equal(p.col, 5 + 5 + 997 * n);
		from = (srcpos){1, p.col + 1};
	}
	srcpos p = srcloc_find(path, (srcpos){2, 4}, "x", 100000);
	assert_int_equal(p.line, 2);
	assert_int_equal(p.col, 4 + 5000);
	/* a column past the end of its line stays on that line */
	p = srcloc_find(path, (srcpos){2, 9000}, "x", 100);
	assert_int_equal(p.line, 2);
	assert_int_equal(p.col, 9000);
	strbuf_free(&b);
}

/* The file changed on disk (another size): read anew, not taken from what was kept. */
static void test_changed_file(void **state)
{
	(void)state;
	write_file("a: \xE2\x98\x83\n");
	assert_int_equal(srcloc_find(path, (srcpos){1, 4}, "\xE2\x98\x83", 100).col, 4);
	FILE *f = fopen(path, "wb"); /* not through write_file: nothing let go */
	assert_non_null(f);
	fputs("a: xyz \xE2\x98\x83\n", f);
	fclose(f);
	assert_int_equal(srcloc_find(path, (srcpos){1, 4}, "\xE2\x98\x83", 100).col, 8);
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
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_changed_file),
		cmocka_unit_test(test_char_names),
	};
	int rc = cmocka_run_group_tests_name("srcloc", tests, setup, teardown);
	srcloc_release();
	return rc;
}
