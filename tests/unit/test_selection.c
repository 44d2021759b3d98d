/* test_selection.c - select:/exclude: syntax and matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "selection.h"

static const char *tags_a[] = {"essay", "trust"};
static const char *tags_b[] = {"picnic"};
static card cards[] = {
	{.id = "ID-Q01",
	 .type = CARD_QUOTE,
	 .category_ref = "zelfbeeld",
	 .tags = tags_a,
	 .ntags = 2},
	{.id = "ID-Q02", .type = CARD_QUOTE, .category_ref = "latent"},
	{.id = "ID-C01",
	 .type = CARD_CASE,
	 .category_ref = "zelfbeeld",
	 .tags = tags_b,
	 .ntags = 1},
	{.id = "VB-V01",
	 .type = CARD_QUESTION,
	 .category_ref = "sturen",
	 .tags = tags_a,
	 .ntags = 2},
};
#define N (sizeof cards / sizeof cards[0])

/* Which cards a one-selector-per-string selection picks, as a string of 0/1. */
static char *picks(const char *const *sel, size_t n)
{
	char *err = NULL;
	size_t at;
	selection *s = selection_parse(sel, n, &err, &at);
	assert_non_null(s);
	char *out = calloc(N + 1, 1);
	for (size_t i = 0; i < N; i++)
		out[i] = selection_match(s, &cards[i]) ? '1' : '0';
	selection_free(s);
	return out;
}

#define EXPECT(want, ...)                                                                          \
	do {                                                                                       \
		const char *sel_[] = {__VA_ARGS__};                                                \
		char *got_ = picks(sel_, sizeof sel_ / sizeof sel_[0]);                            \
		assert_string_equal(got_, want);                                                   \
		free(got_);                                                                        \
	} while (0)

static void test_single_conditions(void **state)
{
	(void)state;
	EXPECT("1000", "ID-Q01");
	EXPECT("1100", "id:ID-Q*");
	EXPECT("1110", "ID-*");
	EXPECT("0010", "type:case");
	EXPECT("1010", "category:zelfbeeld");
	EXPECT("1001", "tag:essay");
	EXPECT("0011", "type:case,question");
}

static void test_and_or(void **state)
{
	(void)state;
	EXPECT("1000", "type:quote category:zelfbeeld");     /* all conditions hold */
	EXPECT("1001", "tag:essay", "type:quote tag:trust"); /* any selector */
	EXPECT("1011", "type:case", "VB-*", "tag:essay");
	EXPECT("0000", "type:case tag:essay");
}

static void test_errors(void **state)
{
	(void)state;
	char *err = NULL;
	size_t at = 99;
	const char *bad1[] = {"type:quote", "colour:red"};
	assert_null(selection_parse(bad1, 2, &err, &at));
	assert_int_equal(at, 1);
	assert_non_null(strstr(err, "unknown selector key 'colour'"));
	free(err);
	const char *bad2[] = {"type:quiz"};
	assert_null(selection_parse(bad2, 1, &err, &at));
	assert_non_null(
		strstr(err, "type 'quiz' in 'type:quiz'; expected quote, case or question"));
	free(err);
	const char *bad3[] = {"tag:"};
	assert_null(selection_parse(bad3, 1, &err, &at));
	assert_non_null(strstr(err, "has no value"));
	free(err);
}

static void test_unmatched(void **state)
{
	(void)state;
	char *err = NULL;
	size_t at;
	const char *sel[] = {"type:quote", "tag:nothing", "ID-C01"};
	selection *s = selection_parse(sel, 3, &err, &at);
	assert_int_equal(selection_unmatched(s, cards, N), 1);
	selection_free(s);
	const char *ok[] = {"type:quote", "ID-C01"};
	s = selection_parse(ok, 2, &err, &at);
	assert_int_equal(selection_unmatched(s, cards, N), -1);
	assert_int_equal(selection_count(s), 2);
	selection_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_conditions),
		cmocka_unit_test(test_and_or),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_unmatched),
	};
	return cmocka_run_group_tests_name("selection", tests, NULL, NULL);
}
