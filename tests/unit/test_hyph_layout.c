/* test_hyph_layout.c - no ladders of hyphenated lines, fewer at display sizes, and the
 * soft hyphens come back at the next size tried. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "hyph_layout.h"
#include "typeset.h"

#include "fonts_fixture.h"

/* Words that may break after their third letter, in a column about 18 letters wide: left
 * alone, every line after the first ends at a soft hyphen (the rest of one word, a space,
 * the first three letters of the next). */
#define S "\xc2\xad"
static const char *ladder = "aaa" S "bbbbbbbbbbbb aaa" S "bbbbbbbbbbbb aaa" S "bbbbbbbbbbbb aaa" S
			    "bbbbbbbbbbbb aaa" S "bbbbbbbbbbbb aaa" S "bbbbbbbbbbbb aaa" S
			    "bbbbbbbbbbbb";

static PangoLayout *column(void **state, double size, double width_pt)
{
	PangoLayout *l = pango_layout_new(fontset_context(*state));
	PangoFontDescription *fd = pango_font_description_from_string("Yrsa");
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width_pt * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_text(l, ladder, -1);
	return l;
}

static void test_ladders(void **state)
{
	int run;
	PangoLayout *l = column(state, 10, 100);
	assert_int_equal(hyph_layout_count(l, &run), 6);
	assert_int_equal(run, 6);
	assert_int_equal(hyph_layout_max_run(10), 2);
	assert_true(hyph_layout_tidy(l, 10, ladder, NULL) > 0);
	assert_true(hyph_layout_count(l, &run) >= 2);
	assert_int_equal(run, 2);
	g_object_unref(l);

	/* display size: no two hyphenated lines in a row */
	l = column(state, 16, 160);
	assert_int_equal(hyph_layout_count(l, &run), 6);
	assert_int_equal(hyph_layout_max_run(16), 1);
	assert_true(hyph_layout_tidy(l, 16, ladder, NULL) > 0);
	assert_true(hyph_layout_count(l, &run) >= 1);
	assert_int_equal(run, 1);
	/* back at a smaller size, every soft hyphen is there again before the rules apply */
	PangoFontDescription *fd = pango_font_description_from_string("Yrsa 10");
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, 100 * PANGO_SCALE);
	hyph_layout_tidy(l, 10, ladder, NULL);
	hyph_layout_count(l, &run);
	assert_int_equal(run, 2);
	g_object_unref(l);
}

/* Attributes after a dropped soft hyphen still cover the same letters. */
static void test_attributes_follow(void **state)
{
	PangoLayout *l = column(state, 10, 100);
	PangoAttrList *attrs = pango_attr_list_new();
	size_t at = strlen(ladder) - strlen("bbbbbbbbbbbb");
	PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	a->start_index = (guint)at;
	a->end_index = (guint)strlen(ladder);
	pango_attr_list_insert(attrs, a);
	pango_layout_set_attributes(l, attrs);
	assert_true(hyph_layout_tidy(l, 10, ladder, attrs) > 0);
	const char *text = pango_layout_get_text(l);
	PangoAttrIterator *it = pango_attr_list_get_iterator(pango_layout_get_attributes(l));
	int s = -1, e = -1;
	do {
		if (pango_attr_iterator_get(it, PANGO_ATTR_WEIGHT))
			pango_attr_iterator_range(it, &s, &e);
	} while (s < 0 && pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	assert_true(s >= 0);
	assert_memory_equal(text + s, "bbbbbbbbbbbb", 12);
	assert_int_equal(e - s, 12);
	pango_attr_list_unref(attrs);
	g_object_unref(l);
}

/* A block without soft hyphens is not touched. */
static void test_plain(void **state)
{
	PangoLayout *l = pango_layout_new(fontset_context(*state));
	pango_layout_set_text(l, "no breaks here", -1);
	assert_int_equal(hyph_layout_tidy(l, 10, "no breaks here", NULL), 0);
	int run;
	assert_int_equal(hyph_layout_count(l, &run), 0);
	g_object_unref(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ladders),
		cmocka_unit_test(test_attributes_follow),
		cmocka_unit_test(test_plain),
	};
	return cmocka_run_group_tests(tests, fixture_fontset_setup, fixture_fontset_teardown);
}
