/* test_impose.c - imposition: grids per size and sheet, no overlaps, everything printable,
 * marks clear of the art, backs behind their fronts, page mapping, sheet none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "impose.h"
#include "numfmt.h"
#include "util.h"

#define TOL 0.01 /* points */

static const char *size_names[] = {"poker", "bridge", "euro", "tarot",
				   "mini",  "square", "a6",   "a7"};
static const char *sheet_names[] = {"a4", "letter", "a3"};
static const char *marks_names[] = {"crop", "lines", "none"};
static const char *duplex_names[] = {"long", "short", "none"};
#define N(a) (sizeof a / sizeof *a)

static void set(print_setup *p, const char *key, const char *value)
{
	char *msg = print_setup_apply(p, key, value);
	if (msg)
		fail_msg("%s=%s: %s", key, value, msg);
}

static print_setup setup(const char *size, const char *sheet, const char *marks)
{
	print_setup p;
	print_setup_default(&p);
	set(&p, "size", size);
	set(&p, "sheet", sheet);
	set(&p, "marks", marks);
	return p;
}

static void make(const print_setup *p, impose_plan *pl)
{
	char *err = NULL;
	if (impose_plan_make(p, pl, &err) != 0)
		fail_msg("impose_plan_make: %s", err);
	assert_null(err);
}

static bool near(double a, double b)
{
	return fabs(a - b) <= TOL;
}

static void assert_rect_near(rect a, rect b)
{
	if (!near(a.x, b.x) || !near(a.y, b.y) || !near(a.w, b.w) || !near(a.h, b.h))
		fail_msg("rect %.3f,%.3f %.3fx%.3f != %.3f,%.3f %.3fx%.3f", a.x, a.y, a.w, a.h, b.x,
			 b.y, b.w, b.h);
}

/* Interiors overlap by more than TOL. */
static bool overlap(rect a, rect b)
{
	return a.x + a.w > b.x + TOL && b.x + b.w > a.x + TOL && a.y + a.h > b.y + TOL &&
	       b.y + b.h > a.y + TOL;
}

static bool inside(rect in, rect out)
{
	return in.x >= out.x - TOL && in.y >= out.y - TOL && in.x + in.w <= out.x + out.w + TOL &&
	       in.y + in.h <= out.y + out.h + TOL;
}

/* Whether segment s meets rect r grown by `grow` on every side (negative: interior only). */
static bool seg_meets(segment s, rect r, double grow)
{
	double x0 = fmin(s.x1, s.x2), x1 = fmax(s.x1, s.x2);
	double y0 = fmin(s.y1, s.y2), y1 = fmax(s.y1, s.y2);
	return x1 >= r.x - grow && x0 <= r.x + r.w + grow && y1 >= r.y - grow &&
	       y0 <= r.y + r.h + grow;
}

static double seg_len(segment s)
{
	return hypot(s.x2 - s.x1, s.y2 - s.y1);
}

/* Whether a vertical (or horizontal) mark lies at cut position v. */
static int marks_at(const impose_plan *pl, bool vertical, double v)
{
	int n = 0;
	for (size_t i = 0; i < pl->nmarks; i++) {
		segment s = pl->marks[i];
		if (vertical && near(s.x1, v) && near(s.x2, v))
			n++;
		if (!vertical && near(s.y1, v) && near(s.y2, v))
			n++;
	}
	return n;
}

/* Where the back of front rect r lands, worked out from the physical flip: the sheet turns
 * over its long edge (long-edge duplex) or its short edge. Turning over a horizontal edge
 * swaps top and bottom; over a vertical edge swaps left and right. */
static rect behind(rect r, const impose_plan *pl, const print_setup *p)
{
	if (p->duplex != DUPLEX_NONE) {
		bool long_edge_horizontal = pl->page_w > pl->page_h;
		bool turn_over_horizontal = (p->duplex == DUPLEX_LONG) == long_edge_horizontal;
		if (turn_over_horizontal)
			r.y = pl->page_h - r.y - r.h;
		else
			r.x = pl->page_w - r.x - r.w;
	}
	r.x += p->back_dx;
	r.y += p->back_dy;
	return r;
}

static void check_slots(const print_setup *p, const impose_plan *pl)
{
	assert_true(pl->per_page >= 1);
	assert_int_equal(pl->per_page, pl->cols * pl->rows);
	for (int i = 0; i < pl->per_page; i++) {
		const impose_slot *s = &pl->slots[i];
		assert_true(near(s->trim.w, p->card_w) && near(s->trim.h, p->card_h));
		assert_true(inside(s->trim, s->art));
		assert_true(inside(s->art, pl->printable));
		/* No side has more than the bleed asked for. */
		assert_true(s->art.w <= s->trim.w + 2 * p->bleed + TOL);
		assert_true(s->art.h <= s->trim.h + 2 * p->bleed + TOL);
		for (int j = 0; j < i; j++)
			if (overlap(s->art, pl->slots[j].art))
				fail_msg("slots %d and %d overlap", i, j);
	}
	/* Row by row; neighbours either share a cut (touching trims, no bleed between) or
	 * each has its full bleed. */
	for (int r = 0; r < pl->rows; r++)
		for (int c = 0; c + 1 < pl->cols; c++) {
			const impose_slot *a = &pl->slots[r * pl->cols + c], *b = a + 1;
			assert_true(near(a->trim.y, b->trim.y));
			if (pl->shared_x) {
				assert_true(near(a->trim.x + a->trim.w, b->trim.x));
				assert_true(near(a->art.x + a->art.w, a->trim.x + a->trim.w));
				assert_true(near(b->art.x, b->trim.x));
			} else {
				assert_true(near(a->art.x + a->art.w,
						 a->trim.x + a->trim.w + p->bleed));
				assert_true(near(b->art.x, b->trim.x - p->bleed));
				assert_true(b->art.x - (a->art.x + a->art.w) >= mm_to_pt(4) - TOL);
			}
		}
	for (int r = 0; r + 1 < pl->rows; r++) {
		const impose_slot *a = &pl->slots[r * pl->cols], *b = a + pl->cols;
		assert_true(near(a->trim.x, b->trim.x));
		if (pl->shared_y)
			assert_true(near(a->trim.y + a->trim.h, b->trim.y));
		else
			assert_true(near(b->art.y, b->trim.y - p->bleed));
	}
	/* Centred on the page. */
	const impose_slot *first = &pl->slots[0], *last = &pl->slots[pl->per_page - 1];
	assert_true(near(first->trim.x, pl->page_w - (last->trim.x + last->trim.w)));
	assert_true(near(first->trim.y, pl->page_h - (last->trim.y + last->trim.h)));
}

static void check_crop_marks(const print_setup *p, const impose_plan *pl)
{
	for (size_t i = 0; i < pl->nmarks; i++) {
		segment s = pl->marks[i];
		assert_true(near(s.x1, s.x2) || near(s.y1, s.y2));
		double len = seg_len(s);
		assert_true(len >= mm_to_pt(2) - TOL && len <= mm_to_pt(4) + TOL);
		rect box = {fmin(s.x1, s.x2), fmin(s.y1, s.y2), fabs(s.x2 - s.x1),
			    fabs(s.y2 - s.y1)};
		assert_true(inside(box, pl->printable));
		for (int j = 0; j < pl->per_page; j++)
			if (seg_meets(s, pl->slots[j].art, TOL))
				fail_msg("mark %zu touches the art of slot %d", i, j);
	}
	if (pl->marks_short)
		return;
	/* Every cut has a mark at both ends of the sheet. */
	for (int j = 0; j < pl->per_page; j++) {
		rect t = pl->slots[j].trim;
		assert_true(marks_at(pl, true, t.x) >= 2);
		assert_true(marks_at(pl, true, t.x + t.w) >= 2);
		assert_true(marks_at(pl, false, t.y) >= 2);
		assert_true(marks_at(pl, false, t.y + t.h) >= 2);
	}
	(void)p;
}

static void check_cut_lines(const impose_plan *pl)
{
	double top = pl->slots[0].trim.y, left = pl->slots[0].trim.x;
	rect last = pl->slots[pl->per_page - 1].trim;
	for (size_t i = 0; i < pl->nmarks; i++) {
		segment s = pl->marks[i];
		rect box = {fmin(s.x1, s.x2), fmin(s.y1, s.y2), fabs(s.x2 - s.x1),
			    fabs(s.y2 - s.y1)};
		assert_true(inside(box, pl->printable));
		for (int j = 0; j < pl->per_page; j++)
			if (seg_meets(s, pl->slots[j].trim, -TOL))
				fail_msg("cut line %zu crosses the trim of slot %d", i, j);
		/* Full length: from the printable edge past the whole grid. */
		if (near(s.x1, s.x2)) {
			assert_true(near(fmin(s.y1, s.y2), pl->printable.y));
			assert_true(fmax(s.y1, s.y2) >= last.y + last.h - TOL);
		} else {
			assert_true(near(fmin(s.x1, s.x2), pl->printable.x));
			assert_true(fmax(s.x1, s.x2) >= last.x + last.w - TOL);
		}
	}
	for (int j = 0; j < pl->per_page; j++) {
		rect t = pl->slots[j].trim;
		assert_int_equal(marks_at(pl, true, t.x), 1);
		assert_int_equal(marks_at(pl, true, t.x + t.w), 1);
		assert_int_equal(marks_at(pl, false, t.y), 1);
		assert_int_equal(marks_at(pl, false, t.y + t.h), 1);
	}
	(void)top;
	(void)left;
}

static void check_info(rect info, info_place where, const impose_plan *pl, bool back)
{
	if (where == INFO_NONE)
		return;
	assert_true(inside(info, pl->printable));
	if (where == INFO_BOTTOM) {
		assert_true(info.h >= mm_to_pt(2.5) - TOL);
		assert_true(near(info.y + info.h, pl->printable.y + pl->printable.h));
	} else {
		assert_true(info.w >= mm_to_pt(2.5) - TOL);
		assert_true(near(info.x + info.w, pl->printable.x + pl->printable.w));
	}
	for (int j = 0; j < pl->per_page; j++)
		assert_false(overlap(info, back ? pl->slots[j].back_art : pl->slots[j].art));
	for (size_t i = 0; !back && i < pl->nmarks; i++)
		assert_false(seg_meets(pl->marks[i], info, -TOL));
}

static void check_backs(const print_setup *p, const impose_plan *pl)
{
	for (int i = 0; i < pl->per_page; i++) {
		const impose_slot *s = &pl->slots[i];
		assert_rect_near(s->back_trim, behind(s->trim, pl, p));
		assert_rect_near(s->back_art, behind(s->art, pl, p));
		for (int j = 0; j < i; j++)
			assert_false(overlap(s->back_art, pl->slots[j].back_art));
	}
}

static void check_plan(const print_setup *p, const impose_plan *pl)
{
	assert_true(pl->landscape == (pl->page_w > pl->page_h));
	assert_true(near(fmin(pl->page_w, pl->page_h), fmin(p->sheet_w, p->sheet_h)));
	assert_true(near(fmax(pl->page_w, pl->page_h), fmax(p->sheet_w, p->sheet_h)));
	assert_rect_near(pl->printable, (rect){p->margin, p->margin, pl->page_w - 2 * p->margin,
					       pl->page_h - 2 * p->margin});
	check_slots(p, pl);
	if (p->marks == MARKS_CROP)
		check_crop_marks(p, pl);
	else if (p->marks == MARKS_LINES)
		check_cut_lines(pl);
	else
		assert_int_equal(pl->nmarks, 0);
	check_info(pl->info, pl->info_where, pl, false);
	check_info(pl->back_info, pl->back_info_where, pl, true);
	check_backs(p, pl);
}

/* Every size on every sheet with every mark style, duplex mode and a few bleeds. */
static void test_invariants(void **state)
{
	(void)state;
	static const char *bleeds[] = {"0", "3", "5"};
	for (size_t a = 0; a < N(size_names); a++)
		for (size_t b = 0; b < N(sheet_names); b++)
			for (size_t c = 0; c < N(marks_names); c++)
				for (size_t d = 0; d < N(duplex_names); d++)
					for (size_t e = 0; e < N(bleeds); e++) {
						print_setup p = setup(size_names[a], sheet_names[b],
								      marks_names[c]);
						set(&p, "duplex", duplex_names[d]);
						set(&p, "bleed", bleeds[e]);
						if (e == 2)
							set(&p, "back-offset", "1.5,-2");
						impose_plan pl;
						make(&p, &pl);
						check_plan(&p, &pl);
						impose_plan_free(&pl);
					}
}

/* Cards along one axis of printable length `avail` (mm): with crop marks, 3 mm must stay free
 * outside the outermost cards on each side (1 mm clear and a 2 mm mark). */
static int fit(double avail, double card, bool crop)
{
	return (int)floor((avail - (crop ? 6 : 0) + 1e-9) / card);
}

/* With a 4 mm gutter (plus each card's bleed) between cards, bleed and marks outside. */
static bool gutter_fits(double avail, double card, int n, double bleed, bool crop)
{
	return n == 1 ||
	       n * card + (n - 1) * (2 * bleed + 4) + 2 * (bleed + (crop ? 3 : 0)) <= avail + 1e-9;
}

/* The grid for every size and sheet, reasoned out in millimetres. */
static void test_grids(void **state)
{
	(void)state;
	for (size_t a = 0; a < N(size_names); a++)
		for (size_t b = 0; b < N(sheet_names); b++)
			for (size_t c = 0; c < 2; c++) {
				print_setup p =
					setup(size_names[a], sheet_names[b], marks_names[c]);
				bool crop = p.marks == MARKS_CROP;
				double cw = pt_to_mm(p.card_w), ch = pt_to_mm(p.card_h);
				double sw = pt_to_mm(p.sheet_w) - 10, sh = pt_to_mm(p.sheet_h) - 10;
				int pc = fit(sw, cw, crop), pr = fit(sh, ch, crop);
				int lc = fit(sh, cw, crop), lr = fit(sw, ch, crop);
				impose_plan pl;
				make(&p, &pl);
				int want = pc * pr > lc * lr ? pc * pr : lc * lr;
				assert_int_equal(pl.per_page, want);
				if (pc * pr != lc * lr)
					assert_true(pl.landscape == (lc * lr > pc * pr));
				double aw = pl.landscape ? sh : sw, ah = pl.landscape ? sw : sh;
				double bleed = pt_to_mm(p.bleed);
				assert_true(pl.shared_x ==
					    !gutter_fits(aw, cw, pl.cols, bleed, crop));
				assert_true(pl.shared_y ==
					    !gutter_fits(ah, ch, pl.rows, bleed, crop));
				if (pc * pr == lc * lr) {
					int pg = gutter_fits(sw, cw, pc, bleed, crop) +
						 gutter_fits(sh, ch, pr, bleed, crop);
					int lg = gutter_fits(sh, cw, lc, bleed, crop) +
						 gutter_fits(sw, ch, lr, bleed, crop);
					assert_true(pl.landscape == (lg > pg));
				}
				impose_plan_free(&pl);
			}
}

static void expect_grid(const char *size, const char *sheet, const char *marks, int cols, int rows,
			bool landscape)
{
	print_setup p = setup(size, sheet, marks);
	impose_plan pl;
	make(&p, &pl);
	if (pl.cols != cols || pl.rows != rows || pl.landscape != landscape)
		fail_msg("%s on %s (%s): %dx%d %s, expected %dx%d %s", size, sheet, marks, pl.cols,
			 pl.rows, pl.landscape ? "landscape" : "portrait", cols, rows,
			 landscape ? "landscape" : "portrait");
	impose_plan_free(&pl);
}

/* A few grids worked out by hand (A4 printable 200 x 287 mm, Letter 205.9 x 269.4 mm). */
static void test_known_grids(void **state)
{
	(void)state;
	/* 3 x 63.5 = 190.5 <= 200, 3 x 88.9 = 266.7 <= 287; landscape only 4 x 2. */
	expect_grid("poker", "a4", "crop", 3, 3, false);
	/* Landscape 5 x 57.15 = 285.75 of 287 leaves no room for side marks... */
	expect_grid("bridge", "a4", "crop", 3, 3, false);
	/* ...but cut lines need no room outside the grid. */
	expect_grid("bridge", "a4", "lines", 5, 2, true);
	/* Letter: 3 x 88.9 = 266.7 of 269.4 leaves 1.35 mm above and below: no marks. */
	expect_grid("poker", "letter", "crop", 4, 2, true);
	expect_grid("poker", "letter", "lines", 3, 3, false);
	expect_grid("mini", "a4", "crop", 6, 3, true);
	expect_grid("a6", "a4", "crop", 2, 1, true);
	expect_grid("tarot", "a4", "crop", 2, 2, false);

	print_setup p = setup("poker", "a4", "crop");
	impose_plan pl;
	make(&p, &pl);
	assert_true(pl.shared_x && pl.shared_y);
	/* Middle card: no bleed at all, all its edges are shared cuts. */
	assert_rect_near(pl.slots[4].art, pl.slots[4].trim);
	/* Left edge: 4.75 mm spare, 3 mm kept for the marks, so 1.75 mm of bleed. */
	assert_true(near(pl.slots[0].trim.x - pl.slots[0].art.x, mm_to_pt(1.75)));
	assert_true(near(pl.slots[0].trim.y - pl.slots[0].art.y, mm_to_pt(3)));
	assert_int_equal(pl.info_where, INFO_BOTTOM);
	impose_plan_free(&pl);

	p = setup("tarot", "a4", "crop");
	make(&p, &pl);
	assert_false(pl.shared_x || pl.shared_y);
	for (int i = 0; i < 4; i++)
		assert_rect_near(pl.slots[i].art,
				 (rect){pl.slots[i].trim.x - p.bleed, pl.slots[i].trim.y - p.bleed,
					p.card_w + 2 * p.bleed, p.card_h + 2 * p.bleed});
	/* Gutter marks: 4 vertical cut positions x (top, bottom, middle gutter) + the same for
	 * rows = 24. */
	assert_int_equal(pl.nmarks, 24);
	impose_plan_free(&pl);
}

/* The card behind slot 0 (top left of the front), by where it ends up on the back page. */
static void expect_behind(const char *size, const char *duplex, bool landscape, int slot_of)
{
	print_setup p = setup(size, "a4", "crop");
	set(&p, "duplex", duplex);
	impose_plan pl;
	make(&p, &pl);
	assert_true(pl.landscape == landscape);
	assert_rect_near(pl.slots[0].back_trim, pl.slots[slot_of].trim);
	impose_plan_free(&pl);
}

static void test_duplex(void **state)
{
	(void)state;
	/* Poker on portrait A4, 3 x 3. Long edge is vertical: the back of the top-left card
	 * is printed top right; short edge: bottom left. */
	expect_behind("poker", "long", false, 2);
	expect_behind("poker", "short", false, 6);
	/* Mini on landscape A4, 6 x 3. Long edge is horizontal: bottom left; short: top right. */
	expect_behind("mini", "long", true, 12);
	expect_behind("mini", "short", true, 5);
	expect_behind("poker", "none", false, 0);

	print_setup p = setup("mini", "a4", "crop");
	set(&p, "back-offset", "1.5,-2");
	impose_plan pl;
	make(&p, &pl);
	rect want = pl.slots[12].trim;
	want.x += mm_to_pt(1.5);
	want.y -= mm_to_pt(2);
	assert_rect_near(pl.slots[0].back_trim, want);
	impose_plan_free(&pl);

	p = setup("poker", "a4", "crop");
	set(&p, "duplex", "none");
	set(&p, "back-offset", "-1,0.5");
	make(&p, &pl);
	for (int i = 0; i < pl.per_page; i++) {
		want = pl.slots[i].art;
		want.x -= mm_to_pt(1);
		want.y += mm_to_pt(0.5);
		assert_rect_near(pl.slots[i].back_art, want);
	}
	impose_plan_free(&pl);
}

static void test_sheet_none(void **state)
{
	(void)state;
	print_setup p = setup("poker", "none", "crop");
	impose_plan pl;
	make(&p, &pl);
	assert_int_equal(pl.per_page, 1);
	assert_true(near(pl.page_w, mm_to_pt(63.5 + 6)));
	assert_true(near(pl.page_h, mm_to_pt(88.9 + 6)));
	assert_rect_near(pl.slots[0].trim, (rect){mm_to_pt(3), mm_to_pt(3), p.card_w, p.card_h});
	assert_rect_near(pl.slots[0].art, (rect){0, 0, pl.page_w, pl.page_h});
	assert_rect_near(pl.slots[0].back_art, pl.slots[0].art);
	assert_rect_near(pl.printable, pl.slots[0].art);
	assert_int_equal(pl.nmarks, 0);
	assert_int_equal(pl.info_where, INFO_NONE);
	assert_int_equal(pl.back_info_where, INFO_NONE);
	impose_plan_free(&pl);

	set(&p, "bleed", "0");
	set(&p, "size", "a6");
	make(&p, &pl);
	assert_true(near(pl.page_w, mm_to_pt(105)) && near(pl.page_h, mm_to_pt(148)));
	assert_rect_near(pl.slots[0].trim, (rect){0, 0, pl.page_w, pl.page_h});
	impose_plan_free(&pl);
}

static void test_pages(void **state)
{
	(void)state;
	print_setup p = setup("poker", "a4", "crop"); /* 9 per sheet */
	impose_plan pl;
	make(&p, &pl);
	assert_int_equal(impose_page_count(&pl, 0), 0);
	assert_int_equal(impose_page_count(&pl, 1), 2);
	assert_int_equal(impose_page_count(&pl, 9), 2);
	assert_int_equal(impose_page_count(&pl, 10), 4);
	assert_int_equal(impose_page_count(&pl, 20), 6);
	impose_pos f = impose_front(&pl, 10), b = impose_back(&pl, 10);
	assert_int_equal(f.page, 2);
	assert_int_equal(f.slot, 1);
	assert_int_equal(b.page, 3);
	assert_int_equal(b.slot, 1);
	f = impose_front(&pl, 8);
	assert_int_equal(f.page, 0);
	assert_int_equal(f.slot, 8);
	impose_plan_free(&pl);

	set(&p, "backs", "no");
	make(&p, &pl);
	assert_int_equal(impose_page_count(&pl, 0), 0);
	assert_int_equal(impose_page_count(&pl, 20), 3);
	f = impose_front(&pl, 19);
	assert_int_equal(f.page, 2);
	assert_int_equal(f.slot, 1);
	assert_int_equal(impose_back(&pl, 19).page, -1);
	impose_plan_free(&pl);
}

static void test_errors(void **state)
{
	(void)state;
	print_setup p = setup("300x300", "a4", "crop");
	impose_plan pl;
	char *err = NULL;
	assert_int_equal(impose_plan_make(&p, &pl, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "does not fit on a4"));
	assert_null(pl.slots);
	free(err);
}

/* A card nearly as large as the printable area: no grid leaves room for all marks, so the
 * plan says so, keeps what fits, and still keeps every mark off the art. */
static void test_tight(void **state)
{
	(void)state;
	print_setup p = setup("198x280", "a4", "crop"); /* 1 mm spare left and right, 3.5 mm top */
	impose_plan pl;
	make(&p, &pl);
	check_plan(&p, &pl);
	assert_int_equal(pl.per_page, 1);
	assert_true(pl.marks_short);
	/* Left/right: no room for bleed (marks come first) nor marks. Top/bottom: 3.5 mm spare
	 * gives 0.5 mm of bleed and 2 mm marks after the 1 mm gap. */
	assert_true(near(pl.slots[0].art.x, pl.slots[0].trim.x));
	assert_true(near(pl.slots[0].trim.y - pl.slots[0].art.y, mm_to_pt(0.5)));
	assert_int_equal(pl.nmarks, 4); /* two vertical cuts, top and bottom */
	for (size_t i = 0; i < pl.nmarks; i++)
		assert_true(near(seg_len(pl.marks[i]), mm_to_pt(2)));
	assert_int_equal(pl.info_where, INFO_NONE);
	impose_plan_free(&pl);

	set(&p, "marks", "none"); /* without marks the bleed may use the room */
	make(&p, &pl);
	check_plan(&p, &pl);
	assert_false(pl.marks_short);
	assert_true(near(pl.slots[0].trim.x - pl.slots[0].art.x, mm_to_pt(1)));
	assert_true(near(pl.slots[0].trim.y - pl.slots[0].art.y, mm_to_pt(3)));
	assert_int_equal(pl.info_where, INFO_NONE); /* 0.5 mm left under the bleed */
	impose_plan_free(&pl);
}

/* "9 = 3 x 3 portrait", the cell of the docs table. */
static void grid_cell(char *buf, size_t n, const char *size, const char *sheet, const char *marks)
{
	print_setup p = setup(size, sheet, marks);
	impose_plan pl;
	make(&p, &pl);
	snprintf(buf, n, "%d = %d x %d %s", pl.per_page, pl.cols, pl.rows,
		 pl.landscape ? "landscape" : "portrait");
	impose_plan_free(&pl);
}

/* The grid table in docs/printing.md is what the code does (run from the source root). */
static void test_docs_table(void **state)
{
	(void)state;
	FILE *f = fopen("docs/printing.md", "r");
	if (!f) {
		fprintf(stderr, "note: docs/printing.md not found from here; table not checked\n");
		skip();
	}
	strbuf doc = {0};
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&doc, chunk, got);
	fclose(f);
	bool bad = false;
	for (size_t a = 0; a < N(size_names); a++) {
		print_setup p = setup(size_names[a], "a4", "crop");
		char w[NUM_BUF], h[NUM_BUF];
		strbuf row = {0};
		strbuf_printf(&row, "| %s | %s x %s |", size_names[a],
			      num_format(w, pt_to_mm(p.card_w), 2),
			      num_format(h, pt_to_mm(p.card_h), 2));
		for (size_t b = 0; b < N(sheet_names); b++) {
			char crop[64], lines[64];
			grid_cell(crop, sizeof crop, size_names[a], sheet_names[b], "crop");
			grid_cell(lines, sizeof lines, size_names[a], sheet_names[b], "lines");
			if (strcmp(crop, lines) == 0)
				strbuf_printf(&row, " %s |", crop);
			else
				strbuf_printf(&row, " %s (lines: %s) |", crop, lines);
		}
		if (!strstr(doc.s, row.s)) {
			fprintf(stderr, "docs/printing.md lacks the row:\n%s\n", row.s);
			bad = true;
		}
		strbuf_free(&row);
	}
	strbuf_free(&doc);
	assert_false(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invariants),  cmocka_unit_test(test_grids),
		cmocka_unit_test(test_known_grids), cmocka_unit_test(test_duplex),
		cmocka_unit_test(test_sheet_none),  cmocka_unit_test(test_pages),
		cmocka_unit_test(test_errors),      cmocka_unit_test(test_tight),
		cmocka_unit_test(test_docs_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
