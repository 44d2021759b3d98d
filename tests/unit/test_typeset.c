/* test_typeset.c - fitting stacked text blocks into a box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fonts.h"
#include "paths.h"
#include "typeset.h"
#include "util.h"

#include "fonts_fixture.h"

static PangoContext *ctx_of(void **state)
{
	return fontset_context(*state);
}

static const char *QUOTE =
	"Wie een gesprek begint met de vraag wat de ander eigenlijk bedoelt, merkt al snel dat "
	"luisteren meer vraagt dan zwijgen. Het vraagt aandacht voor wat er niet gezegd wordt, "
	"voor de aarzeling tussen twee zinnen en voor de woorden die iemand kiest als het "
	"moeilijk wordt. Daarom oefenen we het hier samen, kaart voor kaart.";

static tblock body(const char *markup)
{
	return (tblock){.family = "Yrsa",
			.weight = PANGO_WEIGHT_NORMAL,
			.scale = 1,
			.line_spacing = 0,
			.align = PANGO_ALIGN_LEFT,
			.markup = markup};
}

/* Font size (pt) of a result's layout i. */
static double layout_size(const tstack *s, size_t i)
{
	const PangoFontDescription *d = pango_layout_get_font_description(s->layouts[i]);
	assert_non_null(d);
	return (double)pango_font_description_get_size(d) / PANGO_SCALE;
}

static void test_short_fits_at_max(void **state)
{
	tblock b = body("Kort.");
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 200, 200, 24, 8, &s), 0);
	assert_true(s.fits);
	assert_true(s.size == 24);
	assert_true(layout_size(&s, 0) == 24);
	assert_int_equal(s.n, 1);
	assert_true(s.height > 20 && s.height < 40);
	assert_int_equal(s.unknown_glyphs, 0);
	tstack_free(&s);
}

static void test_long_shrinks_and_is_maximal(void **state)
{
	tblock b = body(QUOTE);
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 160, 180, 24, 6, &s), 0);
	assert_true(s.fits);
	assert_true(s.size < 24 && s.size >= 6);
	assert_true(s.height <= 180);
	assert_true(fmod(24 - s.size, 0.25) == 0); /* on the 0.25 pt grid */
	assert_true(layout_size(&s, 0) == s.size);
	int h;
	pango_layout_get_size(s.layouts[0], NULL, &h);
	assert_true(fabs((double)h / PANGO_SCALE - s.height) < 0.01);

	/* One step larger does not fit. */
	tstack up;
	assert_int_equal(typeset_stack_at(ctx_of(state), &b, 1, 160, s.size + 0.25, &up), 0);
	assert_true(up.height > 180 || !up.fits);
	tstack_free(&up);
	tstack_free(&s);
}

/* Whatever the box, the chosen size is the largest on the grid that fits. */
static void test_maximal_over_boxes(void **state)
{
	tblock b[2] = {body("<b>Een vraag</b>"), body(QUOTE)};
	b[0].family = "Open Sans";
	b[0].scale = 0.8;
	b[1].space_before = 0.5;
	b[1].line_spacing = 1.1;
	for (double h = 90; h <= 300; h += 17) {
		tstack s;
		assert_int_equal(typeset_stack(ctx_of(state), b, 2, 150, h, 20, 5, &s), 0);
		assert_true(s.fits);
		assert_true(s.height <= h);
		if (s.size < 20) {
			tstack up;
			typeset_stack_at(ctx_of(state), b, 2, 150, s.size + 0.25, &up);
			assert_true(up.height > h || !up.fits);
			tstack_free(&up);
		}
		tstack_free(&s);
	}
}

static void test_too_long(void **state)
{
	char *text = xasprintf("%s %s %s %s", QUOTE, QUOTE, QUOTE, QUOTE);
	tblock b = body(text);
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 100, 100, 14, 9.9, &s), 0);
	assert_false(s.fits);
	assert_true(s.size == 9.9);
	assert_true(fabs(layout_size(&s, 0) - 9.9) < 0.001);
	assert_true(s.height > 100);
	tstack_free(&s);
	free(text);
}

/* Each line break of a layout falls at a space or after a soft hyphen. */
static void assert_word_breaks(PangoLayout *l)
{
	const char *t = pango_layout_get_text(l);
	for (GSList *it = pango_layout_get_lines_readonly(l); it && it->next; it = it->next) {
		PangoLayoutLine *line = it->data;
		const char *end = t + line->start_index + line->length;
		const char *prev = g_utf8_prev_char(end);
		gunichar c = g_utf8_get_char(prev);
		assert_true(c == ' ' || c == 0xAD);
	}
}

static void test_long_word(void **state)
{
	/* No break point: does not fit even at the smallest size. */
	tblock b = body("Dit is een arbeidsongeschiktheidsverzekeringsmaatschappij.");
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 60, 300, 14, 10, &s), 0);
	assert_false(s.fits);
	tstack_free(&s);

	/* Shrinks until the word fits, when it can. */
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 60, 300, 14, 2, &s), 0);
	assert_true(s.fits);
	assert_true(s.size < 10);
	assert_word_breaks(s.layouts[0]);
	tstack_free(&s);

	/* Soft hyphens give Pango break points: fits at the largest size. */
	tblock h = body("Dit is een ar\u00ADbeids\u00ADon\u00ADge\u00ADschikt\u00ADheids"
			"\u00ADver\u00ADze\u00ADke\u00ADrings\u00ADmaat\u00ADschap\u00ADpij.");
	assert_int_equal(typeset_stack(ctx_of(state), &h, 1, 60, 300, 14, 10, &s), 0);
	assert_true(s.fits);
	assert_true(s.size == 14);
	assert_true(pango_layout_get_line_count(s.layouts[0]) > 2);
	assert_word_breaks(s.layouts[0]);
	tstack_free(&s);
}

static void test_block_positions(void **state)
{
	tblock b[4] = {body("<b>Titel</b>"), body(""), body(QUOTE), body("<i>bron, 2024</i>")};
	b[2].space_before = 1;
	b[3].space_before = 0.5;
	b[3].scale = 0.7;
	b[3].align = PANGO_ALIGN_RIGHT;
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), b, 4, 200, 400, 12, 6, &s), 0);
	assert_true(s.fits);
	assert_int_equal(s.n, 4);
	assert_true(s.y[0] == 0);
	int h0, h2, h3;
	pango_layout_get_size(s.layouts[0], NULL, &h0);
	pango_layout_get_size(s.layouts[2], NULL, &h2);
	pango_layout_get_size(s.layouts[3], NULL, &h3);
	/* The empty block takes no space, and no space before it. */
	assert_true(fabs(s.y[1] - (double)h0 / PANGO_SCALE) < 0.01);
	assert_true(fabs(s.y[2] - (s.y[1] + 1 * 12)) < 0.01);
	assert_true(fabs(s.y[3] - (s.y[2] + (double)h2 / PANGO_SCALE + 0.5 * 12 * 0.7)) < 0.01);
	assert_true(fabs(s.height - (s.y[3] + (double)h3 / PANGO_SCALE)) < 0.01);
	assert_true(s.y[0] < s.y[2] && s.y[2] < s.y[3]);
	assert_true(fabs(layout_size(&s, 3) - 12 * 0.7) < 0.001);
	tstack_free(&s);
}

static void test_line_spacing(void **state)
{
	tblock b = body(QUOTE);
	tstack tight, loose;
	typeset_stack_at(ctx_of(state), &b, 1, 150, 10, &tight);
	b.line_spacing = 1.5;
	typeset_stack_at(ctx_of(state), &b, 1, 150, 10, &loose);
	int lines = pango_layout_get_line_count(tight.layouts[0]);
	assert_true(lines > 3);
	assert_int_equal(pango_layout_get_line_count(loose.layouts[0]), lines);
	assert_true(loose.height > tight.height * 1.3);
	tstack_free(&tight);
	tstack_free(&loose);
}

/* "uniform": the smallest size any card needs, applied to every card. */
static void test_uniform(void **state)
{
	tblock shortc = body("Wat hoor je?"), longc = body(QUOTE);
	tstack a, b;
	typeset_stack(ctx_of(state), &shortc, 1, 150, 150, 20, 6, &a);
	typeset_stack(ctx_of(state), &longc, 1, 150, 150, 20, 6, &b);
	assert_true(a.fits && b.fits);
	assert_true(b.size < a.size);
	double size = a.size < b.size ? a.size : b.size;
	tstack_free(&a);
	tstack_free(&b);
	assert_int_equal(typeset_stack_at(ctx_of(state), &shortc, 1, 150, size, &a), 0);
	assert_true(a.fits);
	assert_true(a.size == size);
	assert_true(layout_size(&a, 0) == size);
	assert_true(a.height <= 150);
	tstack_free(&a);
}

static void test_invalid_markup(void **state)
{
	tblock b[2] = {body("goed"), body("<b>open")};
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), b, 2, 100, 100, 12, 8, &s), -1);
	assert_null(s.layouts);
	assert_int_equal(s.n, 0);
	tstack_free(&s);
	assert_int_equal(typeset_stack_at(ctx_of(state), b, 2, 100, 12, &s), -1);
	char *err = NULL;
	assert_false(typeset_markup_valid("a <x>b</x>", &err));
	assert_non_null(err);
	free(err);
	assert_true(typeset_markup_valid("<b>a</b> &amp; <i>b</i>", NULL));
}

/* Paragraph breaks and line separators are breaks, not words split in two. */
static void test_forced_breaks(void **state)
{
	tblock b = body("Eerste regel\nTweede alinea\u2028met een regelscheiding");
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 300, 300, 12, 8, &s), 0);
	assert_true(s.fits);
	assert_true(s.size == 12);
	assert_int_equal(pango_layout_get_line_count(s.layouts[0]), 3);
	tstack_free(&s);
}

/* A card's result does not depend on what was laid out before it. */
static void test_history_free(void **state)
{
	tblock b = body(QUOTE);
	tstack first, again;
	typeset_stack(ctx_of(state), &b, 1, 150, 170, 20, 6, &first);
	for (int i = 0; i < 20; i++) {
		tblock o = body(i % 2 ? "Iets anders, <b>vet</b>" : QUOTE);
		tstack t;
		typeset_stack(ctx_of(state), &o, 1, 90 + i, 200, 24, 5, &t);
		tstack_free(&t);
	}
	typeset_stack(ctx_of(state), &b, 1, 150, 170, 20, 6, &again);
	assert_true(first.size == again.size);
	assert_true(first.height == again.height);
	tstack_free(&first);
	tstack_free(&again);
}

static void test_unknown_glyphs(void **state)
{
	tblock b[2] = {body("Lach \xF0\x9F\x98\x80"), body("\xE4\xB8\xAD")};
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), b, 2, 200, 200, 12, 8, &s), 0);
	assert_int_equal(s.unknown_glyphs, 2);
	tstack_free(&s);
}

/* The characters drawn as boxes are named by code point, each once, in order. */
static void test_unknown_chars(void **state)
{
	tblock b[2] = {body("Lach \xF0\x9F\x98\x80 \xF0\x9F\x98\x80"), body("\xE4\xB8\xAD a")};
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), b, 2, 200, 200, 12, 8, &s), 0);
	uint32_t cps[4];
	size_t n = typeset_unknown_chars(s.layouts[0], cps, 0, 4);
	n = typeset_unknown_chars(s.layouts[1], cps, n, 4);
	assert_int_equal(n, 2);
	assert_int_equal(cps[0], 0x1F600);
	assert_int_equal(cps[1], 0x4E2D);
	assert_int_equal(typeset_unknown_chars(s.layouts[0], cps, 0, 0), 0); /* max respected */
	tstack_free(&s);
	assert_int_equal(typeset_missing_chars(ctx_of(state),
					       "Zo\xC3\xABt \xE2\x80\x9Cja\xE2\x80\x9D", cps, 4),
			 0);
	assert_int_equal(typeset_missing_chars(ctx_of(state), "a \xE2\x98\x83 b", cps, 4), 1);
	assert_int_equal(cps[0], 0x2603);
}

/* n words "woord " as one paragraph; caller frees. */
static char *words(size_t n)
{
	char *t = xmalloc(n * 6 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(t + 6 * i, "woord ", 6);
	t[n * 6 - 1] = '\0';
	return t;
}

/* 60,000 words at 17 pt are 3.6e9 Pango units wide: Pango's int sums overflow and it laid
 * them out as one line that "fit" (issue 9). It must never fit, at any size. */
static void test_overflow_never_fits(void **state)
{
	char *t = words(60000);
	tblock b = body(t);
	tstack s;
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 160, 190, 17, 9, &s), 0);
	assert_false(s.fits);
	tstack_free(&s);
	/* even in a box as tall as Pango units allow, and at one fixed size */
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 400, 2.0e6, 17, 17, &s), 0);
	assert_false(s.fits);
	tstack_free(&s);
	assert_int_equal(typeset_stack_at(ctx_of(state), &b, 1, 160, 17, &s), 0);
	assert_false(s.fits);
	tstack_free(&s);
	free(t);
}

/* Just below the guard Pango's numbers are right: the text wraps into many lines whose
 * height matches its length, and it does not fit a card. */
static void test_below_overflow_measured(void **state)
{
	/* Yrsa's widest glyph is about 1.1 em: 16,000 words at 9 pt reach ~0.85e6 pt < 1e6 */
	char *t = words(16000);
	tblock b = body(t);
	tstack s;
	assert_int_equal(typeset_stack_at(ctx_of(state), &b, 1, 400, 9, &s), 0);
	int lines = pango_layout_get_line_count(s.layouts[0]);
	/* about 96,000 characters of some 4.5 pt each in lines of 400 pt */
	assert_true(lines > 700 && lines < 1500);
	assert_true(s.height > lines * 9.0 * 0.9);
	tstack_free(&s);
	assert_int_equal(typeset_stack(ctx_of(state), &b, 1, 160, 190, 17, 9, &s), 0);
	assert_false(s.fits);
	tstack_free(&s);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_fits_at_max),
		cmocka_unit_test(test_long_shrinks_and_is_maximal),
		cmocka_unit_test(test_maximal_over_boxes),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_block_positions),
		cmocka_unit_test(test_line_spacing),
		cmocka_unit_test(test_uniform),
		cmocka_unit_test(test_invalid_markup),
		cmocka_unit_test(test_forced_breaks),
		cmocka_unit_test(test_history_free),
		cmocka_unit_test(test_unknown_glyphs),
		cmocka_unit_test(test_unknown_chars),
		cmocka_unit_test(test_overflow_never_fits),
		cmocka_unit_test(test_below_overflow_measured),
	};
	return cmocka_run_group_tests(tests, fixture_fontset_setup, fixture_fontset_teardown);
}
