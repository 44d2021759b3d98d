/* test_hyph_layout.c - no ladders of hyphenated lines, fewer at display sizes, and the
 * soft hyphens come back at the next size tried. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
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

/* The rule as it reads, one soft hyphen per layout: the first line that makes a run too
 * long loses the soft hyphen it ends at, unless the widest line then grows past the column
 * (that one stays). The oracle for hyph_layout_tidy, which drops a word's breaks at once. */
static int widest_line(PangoLayout *l)
{
	int w = 0;
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		PangoRectangle r;
		pango_layout_line_get_extents(it->data, NULL, &r);
		w = r.width > w ? r.width : w;
	}
	return w;
}

static void tidy_one_by_one(PangoLayout *l, int max)
{
	int kept[64], nkept = 0;
	for (int round = 0; round < 64; round++) {
		const char *text = pango_layout_get_text(l);
		int run = 0, at = -1;
		for (GSList *it = pango_layout_get_lines_readonly(l); it && at < 0; it = it->next) {
			PangoLayoutLine *line = it->data;
			int end = line->start_index + line->length;
			bool shy = it->next && line->length >= 2 && !memcmp(text + end - 2, S, 2);
			run = line->is_paragraph_start || !shy ? (shy ? 1 : 0) : run + 1;
			bool k = false;
			for (int i = 0; i < nkept; i++)
				k = k || kept[i] == end - 2;
			if (shy && run > max && !k)
				at = end - 2;
		}
		if (at < 0)
			return;
		int before = widest_line(l), width = pango_layout_get_width(l);
		char *old = g_strdup(text), *t = g_strdup(text);
		memmove(t + at, t + at + 2, strlen(t + at + 2) + 1);
		pango_layout_set_text(l, t, -1);
		if (widest_line(l) > (before > width ? before : width)) {
			pango_layout_set_text(l, old, -1);
			kept[nkept++] = at;
		}
		g_free(old);
		g_free(t);
	}
}

/* Long words with many breaks (a soft hyphen every three letters), in columns of every
 * width from 40 to 160 pt: the soft hyphens that go are those the rule drops one by one. */
static void test_same_as_one_by_one(void **state)
{
	const char *words[] = {"kwa", "li", "teits", "be", "wa", "king", " ", "ver", "ant", "woor",
			       "de", "lijk", "heid", " ", "en", " ", "ge", "spreks", "vaar", "dig",
			       "he", "den", " "}; /* the last space is cut: a text ends in a word */
	GString *text = g_string_new(NULL);
	for (int rep = 0; rep < 4; rep++)
		for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
			bool next_in_word = i + 1 < sizeof words / sizeof *words &&
					    words[i + 1][0] != ' ' && words[i][0] != ' ';
			g_string_append(text, words[i]);
			if (next_in_word)
				g_string_append(text, S);
		}
	g_string_truncate(text, text->len - 1);
	int changed = 0;
	for (double size = 10; size <= 16; size += 6)
		for (int w = 40; w <= 160; w++) {
			PangoLayout *a = column(state, size, w), *b = column(state, size, w);
			pango_layout_set_text(a, text->str, -1);
			pango_layout_set_text(b, text->str, -1);
			int dropped = hyph_layout_tidy(a, size, text->str, NULL);
			tidy_one_by_one(b, hyph_layout_max_run(size));
			assert_string_equal(pango_layout_get_text(a), pango_layout_get_text(b));
			assert_int_equal(strlen(text->str) - strlen(pango_layout_get_text(a)),
					 2 * (size_t)dropped);
			changed += dropped > 1;
			g_object_unref(a);
			g_object_unref(b);
		}
	assert_true(changed > 50); /* the columns do make ladders with several breaks to drop */
	g_string_free(text, TRUE);
}

/* A long text's drops are bounded (each lays the whole text out again): a ladder may stay.
 * The same ladder in a text under 1 KB is tidied in full. */
static void test_long_text_bounded(void **state)
{
	for (int reps = 8; reps <= 1200; reps += 1192) {
		GString *text = g_string_new(NULL);
		for (int i = 0; i < reps; i++)
			g_string_append(text, i ? " aaa" S "bbbbbbbbbbbb" : "aaa" S "bbbbbbbbbbbb");
		PangoLayout *l = column(state, 10, 100);
		pango_layout_set_text(l, text->str, -1);
		int run, before = hyph_layout_count(l, &run);
		assert_true(before > reps / 2 && run > 2);
		int dropped = hyph_layout_tidy(l, 10, text->str, NULL);
		hyph_layout_count(l, &run);
		if (text->len < 1024) {
			assert_int_equal(run, 2);
		} else {
			assert_true(text->len > 16384); /* so 65,536 / len is under 4 */
			assert_int_equal(dropped, 4);
			assert_true(run > 2);
		}
		g_object_unref(l);
		g_string_free(text, TRUE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ladders),
		cmocka_unit_test(test_attributes_follow),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_same_as_one_by_one),
		cmocka_unit_test(test_long_text_bounded),
	};
	return cmocka_run_group_tests(tests, fixture_fontset_setup, fixture_fontset_teardown);
}
