/* test_booklet_flow.c - paragraph lines (para.c) and the booklet's pagination
 * (booklet_flow.c): splits between lines, no widows or orphans, kept chunks, headings kept
 * with what follows, page labels and mirrored margins. */
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

#include "booklet_flow.h"
#include "fonts.h"
#include "para.h"
#include "paths.h"
#include "util.h"

#include "fonts_fixture.h"

static const para_style BODY = {
	.family = "Yrsa", .size = 10, .leading = 13.5, .align = PANGO_ALIGN_LEFT};

/* Text of about `words` words. */
static char *words(int words)
{
	strbuf b = {0};
	for (int i = 0; i < words; i++)
		strbuf_printf(&b, "%sgesprek%d", i ? " " : "", i);
	return strbuf_take(&b);
}

static void lines_keep_the_leading(void **state)
{
	PangoContext *ctx = fontset_context(*state);
	char *t = words(60);
	PangoLayout *l = para_new(ctx, &BODY, t, 200);
	para_line *L;
	size_t n = para_lines(l, &L);
	assert_true(n >= 4);
	assert_int_equal(n, (size_t)pango_layout_get_line_count(l));
	for (size_t i = 1; i < n; i++) {
		assert_true(fabs(L[i].baseline - L[i - 1].baseline - 13.5) < 0.01);
		assert_true(fabs(L[i].top - L[i - 1].bottom) < 0.01);
		assert_true(L[i].start == L[i - 1].end);
	}
	assert_true(fabs(para_height(l) - 13.5 * (double)n) < 0.05);
	assert_true(para_width(l) <= 200.01);
	free(L);
	g_object_unref(l);
	free(t);
}

static void hanging_indent_and_ranges(void **state)
{
	PangoContext *ctx = fontset_context(*state);
	para_style st = BODY;
	st.hang = 14;
	char *t = words(40), *m = xasprintf("1.\t%s", t);
	PangoLayout *l = para_new(ctx, &st, m, 180);
	para_line *L;
	size_t n = para_lines(l, &L);
	assert_true(n >= 3);
	assert_true(fabs(L[0].x) < 0.01);
	for (size_t i = 1; i < n; i++)
		assert_true(fabs(L[i].x - 14) < 0.01);
	/* a word on the second line: one rectangle, on that line, inside the column */
	const char *text = pango_layout_get_text(l);
	int start = L[1].start, end = start;
	while (text[end] && text[end] != ' ')
		end++;
	para_span *sp;
	size_t k = para_range(l, L, 0, n, start, end, &sp);
	assert_int_equal(k, 1);
	assert_int_equal(sp[0].line, 1);
	assert_true(fabs(sp[0].r.x - 14) < 0.5 && sp[0].r.w > 10 &&
		    sp[0].r.x + sp[0].r.w <= 180.01);
	assert_true(fabs(sp[0].r.y - L[1].top) < 0.01);
	free(sp);
	/* a range over a line break: one rectangle per line */
	k = para_range(l, L, 0, n, L[0].end - 3, L[1].start + 3, &sp);
	assert_int_equal(k, 2);
	free(sp);
	/* the same range on the second line only: the part there */
	k = para_range(l, L, 1, n, L[0].end - 3, L[1].start + 3, &sp);
	assert_int_equal(k, 1);
	assert_int_equal(sp[0].line, 1);
	free(sp);
	free(L);
	g_object_unref(l);
	free(m);
	free(t);
	assert_null(para_new(ctx, &BODY, "<b>unclosed", 100));
}

/* para_range finds x positions itself (Pango's pango_layout_line_index_to_x counts from the
 * text's start at every call); they must be Pango's to the unit: ligatures (a range edge
 * inside "ffi"), combining marks (no cursor position inside "e\u0301"), soft hyphens, tabs,
 * a bold span, letter spacing, and text no bundled font has. */
static void ranges_are_pangos(void **state)
{
	PangoContext *ctx = fontset_context(*state);
	static const char *const markup[] = {
		"offici\u00eble affiche met ffi en fl: e\u0301e\u0301n keer, <b>vet fijn</b> "
		"ver\u00adant\u00adwoor\u00adde\u00adlijk\u00adheid eindigt.",
		"1.\tgesprek efficient <span letter_spacing=\"2048\">spatie ffi</span> "
		"\u0633\u0644\u0627\u0645 \u4e2d\u6587 en verder",
	};
	for (size_t m = 0; m < sizeof markup / sizeof *markup; m++) {
		para_style st = BODY;
		st.hang = m ? 14 : 0;
		PangoLayout *l = para_new(ctx, &st, markup[m], 90);
		const char *text = pango_layout_get_text(l);
		para_line *L;
		size_t n = para_lines(l, &L);
		assert_true(n >= 3);
		for (size_t i = 0; i < n; i++)
			for (int a = L[i].start; a < L[i].end;
			     a = (int)(g_utf8_next_char(text + a) - text)) {
				int b = (int)(g_utf8_next_char(text + a) - text), xa, xb;
				para_span *sp;
				assert_int_equal(para_range(l, L, i, i + 1, a, b, &sp), 1);
				pango_layout_line_index_to_x(L[i].pl, a, FALSE, &xa);
				pango_layout_line_index_to_x(L[i].pl, a, TRUE, &xb);
				double x0 = L[i].x + (xa < xb ? xa : xb) / (double)PANGO_SCALE;
				double w = abs(xb - xa) / (double)PANGO_SCALE;
				assert_true(fabs(sp[0].r.x - x0) < 1e-9 &&
					    fabs(sp[0].r.w - w) < 1e-9);
				free(sp);
			}
		free(L);
		g_object_unref(l);
	}
}

/* A small page: 10 lines of 13.5 pt. */
static void small_geom(bk_geom *g)
{
	bk_geom_make(BOOKLET_A6, g);
	g->top = 20;
	g->bottom = g->page_h - 20 - 10 * 13.5;
	g->leading = 13.5;
}

static bk_block *text(PangoContext *ctx, bk_chunk *c, int nwords, double width)
{
	char *t = words(nwords);
	bk_block *b = bk_chunk_block(c);
	b->kind = BX_TEXT;
	b->layout = para_new(ctx, &BODY, t, width);
	free(t);
	return b;
}

static size_t nlines(PangoLayout *l)
{
	return (size_t)pango_layout_get_line_count(l);
}

/* A paragraph of exactly `want` lines. */
static PangoLayout *text_lines(PangoContext *ctx, bk_chunk *c, size_t want, double width)
{
	for (int n = 1; n < 400; n++) {
		char *t = words(n);
		PangoLayout *l = para_new(ctx, &BODY, t, width);
		free(t);
		if (nlines(l) == want) {
			bk_block *b = bk_chunk_block(c);
			b->kind = BX_TEXT;
			b->layout = l;
			return l;
		}
		g_object_unref(l);
	}
	fail();
	return NULL;
}

/* Each layout's lines appear once, in order; no piece of a paragraph of 2+ lines is a
 * single line; every piece lies inside the text area. */
static void check_pieces(const bk_doc *doc, const bk_stream *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t j = 0; j < s->c[i].n; j++) {
			PangoLayout *l = s->c[i].b[j].layout;
			if (!l)
				continue;
			size_t next = 0;
			for (size_t p = 0; p < doc->npages; p++) {
				rect a = bk_text_area(&doc->g, p);
				for (size_t k = 0; k < doc->pages[p].nboxes; k++) {
					const bk_box *b = &doc->pages[p].boxes[k];
					if (b->layout != l)
						continue;
					assert_int_equal(b->first, next);
					next += b->count;
					if (nlines(l) > 1)
						assert_true(b->count >= 2);
					para_line *L;
					para_lines(l, &L);
					assert_true(b->y + L[b->first].top >= a.y - 0.01);
					assert_true(b->y + L[b->first + b->count - 1].bottom <=
						    a.y + a.h + 0.01);
					free(L);
				}
			}
			assert_int_equal(next, nlines(l));
		}
}

static void no_widows_or_orphans(void **state)
{
	PangoContext *ctx = fontset_context(*state);
	bk_geom g;
	small_geom(&g);
	double w = bk_text_area(&g, 0).w;
	/* paragraphs of 1 to 9 lines in many orders: every split point gets tried */
	for (int seed = 0; seed < 12; seed++) {
		bk_doc doc;
		bk_doc_init(&doc, &g);
		bk_stream s = {0};
		for (int i = 0; i < 14; i++) {
			bk_chunk *c = bk_stream_chunk(&s);
			c->space_before = 6;
			text(ctx, c, 3 + ((i * 7 + seed * 5) % 9) * 6, w);
		}
		bk_flow(&doc, &s, PG_BODY);
		assert_true(doc.npages >= 3);
		check_pieces(&doc, &s);
		bk_stream_free(&s);
		bk_doc_free(&doc);
	}
}

static size_t page_of(const bk_doc *doc, PangoLayout *l)
{
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t k = 0; k < doc->pages[p].nboxes; k++)
			if (doc->pages[p].boxes[k].layout == l)
				return p;
	fail();
	return 0;
}

static void keeps_and_headings(void **state)
{
	PangoContext *ctx = fontset_context(*state);
	bk_geom g;
	small_geom(&g);
	double w = bk_text_area(&g, 0).w;
	bk_doc doc;
	bk_doc_init(&doc, &g);
	int mark = bk_doc_mark(&doc, "Chapter", "ch", -1, true);
	bk_stream s = {0};
	bk_chunk *c = bk_stream_chunk(&s);
	text_lines(ctx, c, 7, w);
	/* a card entry of three one-line blocks: 7 + 3 lines and a gap do not fit 10 lines */
	c = bk_stream_chunk(&s);
	c->keep = true;
	c->space_before = 6;
	PangoLayout *k[3];
	for (int i = 0; i < 3; i++)
		k[i] = text_lines(ctx, c, 1, w);
	/* page 1: 3 + 4 lines, then a heading that fits at the foot, but not with two lines of
	 * what follows it */
	c = bk_stream_chunk(&s);
	text_lines(ctx, c, 4, w);
	c = bk_stream_chunk(&s);
	c->with_next = true;
	c->mark = mark;
	c->head = mark;
	c->space_before = 6;
	PangoLayout *h = text_lines(ctx, c, 1, w);
	c = bk_stream_chunk(&s);
	PangoLayout *after = text_lines(ctx, c, 5, w);
	bk_flow(&doc, &s, PG_BODY);
	assert_int_equal(page_of(&doc, k[0]), 1);
	assert_int_equal(page_of(&doc, k[1]), 1);
	assert_int_equal(page_of(&doc, k[2]), 1);
	assert_int_equal(page_of(&doc, h), 2);
	assert_int_equal(page_of(&doc, after), 2);
	assert_int_equal(doc.marks[mark].page, page_of(&doc, h));
	assert_true(doc.marks[mark].placed);
	/* the chapter's first page has no running head, the next one shows it */
	assert_int_equal(doc.pages[doc.marks[mark].page].head, -1);
	check_pieces(&doc, &s);
	bk_stream_free(&s);
	bk_doc_free(&doc);
}

static void labels_and_margins(void **state)
{
	(void)state;
	bk_geom g;
	bk_geom_make(BOOKLET_A5, &g);
	assert_true(fabs(g.page_w - mm_to_pt(148)) < 0.01 && fabs(g.page_h - mm_to_pt(210)) < 0.01);
	rect r = bk_text_area(&g, 2), v = bk_text_area(&g, 3);
	assert_true(g.inner > g.outer);
	assert_true(fabs(r.x - g.inner) < 0.01); /* right-hand page: fold on the left */
	assert_true(fabs(v.x + v.w - (g.page_w - g.inner)) < 0.01); /* left-hand: on the right */
	assert_true(bk_recto(0) && !bk_recto(1));
	bk_doc doc;
	bk_doc_init(&doc, &g);
	for (int i = 0; i < 6; i++)
		bk_doc_page(&doc, PG_BODY, false);
	doc.body_first = 4;
	char buf[16];
	assert_string_equal(bk_page_label(&doc, 0, buf), "");
	assert_string_equal(bk_page_label(&doc, 1, buf), "i");
	assert_string_equal(bk_page_label(&doc, 3, buf), "iii");
	assert_string_equal(bk_page_label(&doc, 4, buf), "1");
	assert_string_equal(bk_page_label(&doc, 5, buf), "2");
	bk_doc_free(&doc);
	bk_geom_make(BOOKLET_LETTER_HALF, &g);
	assert_true(fabs(g.page_w - 396) < 0.01 && fabs(g.page_h - 612) < 0.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_keep_the_leading),
		cmocka_unit_test(hanging_indent_and_ranges),
		cmocka_unit_test(ranges_are_pangos),
		cmocka_unit_test(no_widows_or_orphans),
		cmocka_unit_test(keeps_and_headings),
		cmocka_unit_test(labels_and_margins),
	};
	return cmocka_run_group_tests(tests, fixture_fontset_setup, fixture_fontset_teardown);
}
