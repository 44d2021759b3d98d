/* test_markup.c - <b>/<i> runs, literal text, error offsets and messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "markup.h"

/* Parse text that must be valid; returns the number of runs. */
static size_t parse_ok(const char *text, text_run **runs)
{
	size_t n = 99, off = 99;
	const char *msg = NULL;
	assert_int_equal(markup_parse(text, runs, &n, &off, &msg), 0);
	assert_null(msg);
	return n;
}

static void test_plain_text_is_one_run(void **state)
{
	(void)state;
	text_run *r;
	size_t n = parse_ok("Wat vind jij?", &r);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].text, "Wat vind jij?");
	assert_int_equal(r[0].style, 0);
	markup_runs_free(r, n);
}

static void test_bold_and_italic_runs(void **state)
{
	(void)state;
	text_run *r;
	size_t n = parse_ok("een <b>vet</b> en <i>schuin</i> woord", &r);
	assert_int_equal(n, 5);
	const char *texts[] = {"een ", "vet", " en ", "schuin", " woord"};
	unsigned styles[] = {0, MARKUP_BOLD, 0, MARKUP_ITALIC, 0};
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(r[i].text, texts[i]);
		assert_int_equal(r[i].style, styles[i]);
	}
	markup_runs_free(r, n);
}

static void test_nesting_both_ways(void **state)
{
	(void)state;
	text_run *r;
	size_t n = parse_ok("<b>x<i>y</i></b><i>a<b>b</b>c</i>", &r);
	assert_int_equal(n, 5);
	assert_string_equal(r[0].text, "x");
	assert_int_equal(r[0].style, MARKUP_BOLD);
	assert_string_equal(r[1].text, "y");
	assert_int_equal(r[1].style, MARKUP_BOLD | MARKUP_ITALIC);
	assert_string_equal(r[2].text, "a");
	assert_int_equal(r[2].style, MARKUP_ITALIC);
	assert_string_equal(r[3].text, "b");
	assert_int_equal(r[3].style, MARKUP_BOLD | MARKUP_ITALIC);
	assert_string_equal(r[4].text, "c");
	assert_int_equal(r[4].style, MARKUP_ITALIC);
	markup_runs_free(r, n);
}

static void test_same_style_runs_merge(void **state)
{
	(void)state;
	text_run *r;
	size_t n = parse_ok("a<b></b>b", &r);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].text, "ab");
	markup_runs_free(r, n);
	n = parse_ok("<b><b>x</b>y</b>", &r); /* nested bold stays bold */
	assert_int_equal(n, 1);
	assert_string_equal(r[0].text, "xy");
	assert_int_equal(r[0].style, MARKUP_BOLD);
	markup_runs_free(r, n);
}

static void test_empty_text_has_no_runs(void **state)
{
	(void)state;
	text_run *r;
	assert_int_equal(parse_ok("", &r), 0);
	assert_null(r);
	assert_int_equal(parse_ok("<b></b><i></i>", &r), 0);
	assert_null(r);
}

static void test_everything_else_is_literal(void **state)
{
	(void)state;
	const char *lit[] = {
		"R&D",   "a < b",           "x > y", "<br>", "<B>vet</B>", "<I>x</I>", "< b>x",
		"<b >x", "&amp; &lt;b&gt;", "</>",   "<",    "<b",         "</b",      "<u>x</u>"};
	for (size_t i = 0; i < sizeof(lit) / sizeof(lit[0]); i++) {
		text_run *r;
		size_t n = parse_ok(lit[i], &r);
		assert_int_equal(n, 1);
		assert_string_equal(r[0].text, lit[i]);
		assert_int_equal(r[0].style, 0);
		markup_runs_free(r, n);
	}
}

/* The error for text, with its offset and message; runs must come back empty. */
static void expect_error(const char *text, size_t want_off, const char *want_msg)
{
	text_run *r = (text_run *)&r;
	size_t n = 99, off = 0;
	const char *msg = NULL;
	assert_int_equal(markup_parse(text, &r, &n, &off, &msg), -1);
	assert_null(r);
	assert_int_equal(n, 0);
	assert_int_equal(off, want_off);
	assert_non_null(msg);
	assert_string_equal(msg, want_msg);
}

static void test_errors_point_at_the_tag(void **state)
{
	(void)state;
	expect_error("Dit is <b>vet", 7, "'<b>' is never closed; add '</b>'");
	expect_error("<i>schuin", 0, "'<i>' is never closed; add '</i>'");
	expect_error("tekst</i> meer", 5,
		     "'</i>' closes nothing; remove it or add '<i>' before it");
	expect_error("a</b>", 1, "'</b>' closes nothing; remove it or add '<b>' before it");
	expect_error("<b>a<i>b</b>c</i>", 8,
		     "'</b>' comes while '<i>' is still open; add '</i>' before it");
	expect_error("<i>a<b>b</i>", 8,
		     "'</i>' comes while '<b>' is still open; add '</b>' before it");
	/* Two tags left open: the first one is reported. */
	expect_error("x <b>a <i>b", 2, "'<b>' is never closed; add '</b>'");
	/* Offsets are bytes, after multi-byte characters too. */
	expect_error("café </b>", 6, "'</b>' closes nothing; remove it or add '<b>' before it");
}

static void test_error_outputs_are_optional(void **state)
{
	(void)state;
	text_run *r;
	size_t n;
	assert_int_equal(markup_parse("<b>x", &r, &n, NULL, NULL), -1);
	assert_null(r);
}

static void test_plain_strips_valid_tags_only(void **state)
{
	(void)state;
	char *s = markup_plain("a <b>b</b> <i>c <b>d</b></i> R&D <br>");
	assert_string_equal(s, "a b c d R&D <br>");
	free(s);
	s = markup_plain("<b>nooit dicht");
	assert_string_equal(s, "<b>nooit dicht");
	free(s);
	s = markup_plain("");
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_is_one_run),
		cmocka_unit_test(test_bold_and_italic_runs),
		cmocka_unit_test(test_nesting_both_ways),
		cmocka_unit_test(test_same_style_runs_merge),
		cmocka_unit_test(test_empty_text_has_no_runs),
		cmocka_unit_test(test_everything_else_is_literal),
		cmocka_unit_test(test_errors_point_at_the_tag),
		cmocka_unit_test(test_error_outputs_are_optional),
		cmocka_unit_test(test_plain_strips_valid_tags_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
