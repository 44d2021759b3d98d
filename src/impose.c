/* impose.c - cards on sheets: grid, bleed, duplex mirroring, crop marks, info line, as data.
 *
 * Each grid (columns x rows, either way round) is judged on its two axes independently: the
 * cards along an axis get a gutter (each card its own bleed, room for marks between) if that
 * fits, else neighbours share one cut. Among all grids we keep the one whose crop marks fit,
 * with the most cards, then the most gutters, then portrait. */
#include "impose.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

#define EPS 1e-6 /* points; absorbs rounding in mm -> pt so 3 x 63.5 mm fits 190.5 mm */

/* Millimetres, converted where used. */
#define GUTTER_MM   4.0 /* between the bleeds of two cards: 1 mm clear, 2 mm mark, 1 mm clear */
#define MARK_GAP_MM 1.0 /* marks start this far outside the art, so a bleed never hides them */
#define MARK_LEN_MM 4.0
#define MARK_MIN_MM 2.0 /* shorter marks are hard to find; leave them out */
#define INFO_MIN_MM 3.0 /* a 6 pt line: Open Sans's line box is 1.36 em, 8.2 pt, 2.9 mm */
#define INFO_MAX_MM 4.0

typedef struct {
	int n;            /* cards along this axis */
	bool shared;      /* neighbours share one cut */
	double first;     /* trim start of the first card */
	double step;      /* trim start to the next trim start */
	double bleed_in;  /* art beyond the trim on edges facing a neighbour */
	double bleed_out; /* art beyond the trim on the two outer edges */
	double room;      /* from the outer art edge to the printable edge, each side */
} axis;

typedef struct {
	double w, h;
	axis x, y;
} grid;

/* n cards of length `card` along a page of length `page`; `mark_room` is what crop marks
 * need outside the outer art, so outer bleed gives way to it when space is short. */
static axis axis_fit(double page, double margin, double card, double bleed, double mark_room, int n)
{
	axis a = {.n = n};
	double avail = page - 2 * margin;
	double gap = 2 * bleed + mm_to_pt(GUTTER_MM);
	double gutter_span = n * card + (n - 1) * gap;
	a.shared = n > 1 && gutter_span + 2 * (bleed + mark_room) > avail + EPS;
	a.step = a.shared ? card : card + gap;
	a.bleed_in = a.shared ? 0 : bleed;
	double span = n * card + (n - 1) * (a.step - card);
	double spare = (avail - span) / 2;
	a.bleed_out = fmin(bleed, fmax(0, spare - mark_room));
	a.first = (page - span) / 2;
	a.room = fmax(0, spare - a.bleed_out);
	return a;
}

static int axis_max(double page, double margin, double card)
{
	return (int)floor((page - 2 * margin + EPS) / card);
}

typedef struct {
	grid g;
	bool markable; /* crop marks (if wanted) fit outside the grid on all four sides */
	int count, gutters;
} candidate;

static candidate candidate_make(const print_setup *p, double w, double h, int nx, int ny)
{
	bool crop = p->marks == MARKS_CROP;
	double mark_room = crop ? mm_to_pt(MARK_GAP_MM + MARK_MIN_MM) : 0;
	candidate c = {.g = {w, h, axis_fit(w, p->margin, p->card_w, p->bleed, mark_room, nx),
			     axis_fit(h, p->margin, p->card_h, p->bleed, mark_room, ny)}};
	c.markable = !crop || (c.g.x.room >= mark_room - EPS && c.g.y.room >= mark_room - EPS);
	c.count = nx * ny;
	c.gutters = !c.g.x.shared + !c.g.y.shared;
	return c;
}

/* Marks that fit first (a sheet that cannot be cut accurately is no bargain), then more
 * cards, then fewer shared cuts; a full tie keeps the earlier one (portrait, larger grid). */
static bool candidate_better(const candidate *a, const candidate *b)
{
	if (a->markable != b->markable)
		return a->markable;
	if (a->count != b->count)
		return a->count > b->count;
	return a->gutters > b->gutters;
}

/* Tries both ways round and every smaller grid, since a smaller grid may leave room for marks. */
static grid grid_choose(const print_setup *p)
{
	double short_side = fmin(p->sheet_w, p->sheet_h), long_side = fmax(p->sheet_w, p->sheet_h);
	candidate best = {0};
	bool have = false;
	for (int turn = 0; turn < 2; turn++) {
		double w = turn ? long_side : short_side, h = turn ? short_side : long_side;
		int mx = axis_max(w, p->margin, p->card_w), my = axis_max(h, p->margin, p->card_h);
		for (int nx = mx; nx >= 1; nx--)
			for (int ny = my; ny >= 1; ny--) {
				candidate c = candidate_make(p, w, h, nx, ny);
				if (!have || candidate_better(&c, &best))
					best = c;
				have = true;
			}
	}
	return best.g; /* print_setup_check made sure some grid exists */
}

static double axis_trim_end(const axis *a)
{
	return a->first + (a->n - 1) * a->step;
}

/* Art extent of card i along an axis, as [lo, hi]. */
static void axis_art(const axis *a, double card, int i, double *lo, double *hi)
{
	double t = a->first + i * a->step;
	*lo = t - (i == 0 ? a->bleed_out : a->bleed_in);
	*hi = t + card + (i == a->n - 1 ? a->bleed_out : a->bleed_in);
}

static rect back_of(rect r, const impose_plan *pl, const print_setup *p)
{
	bool portrait = !pl->landscape;
	/* Long-edge duplex turns the sheet over its long edge: on a portrait page that edge is
	 * vertical, so left and right swap; short-edge turns it over the other edge. */
	bool mirror_x =
		(p->duplex == DUPLEX_LONG && portrait) || (p->duplex == DUPLEX_SHORT && !portrait);
	bool mirror_y =
		(p->duplex == DUPLEX_LONG && !portrait) || (p->duplex == DUPLEX_SHORT && portrait);
	if (mirror_x)
		r.x = pl->page_w - r.x - r.w;
	if (mirror_y)
		r.y = pl->page_h - r.y - r.h;
	r.x += p->back_dx;
	r.y += p->back_dy;
	return r;
}

static void add_mark(impose_plan *pl, size_t *cap, double x1, double y1, double x2, double y2)
{
	if (pl->nmarks == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		pl->marks = xrealloc(pl->marks, *cap * sizeof *pl->marks);
	}
	pl->marks[pl->nmarks++] = (segment){x1, y1, x2, y2};
}

/* Every distinct cut position along an axis (shared cuts once), ascending; returns the count. */
static int cuts(const axis *a, double card, double *out)
{
	int n = 0;
	for (int i = 0; i < a->n; i++) {
		double lo = a->first + i * a->step;
		if (n == 0 || fabs(out[n - 1] - lo) > EPS)
			out[n++] = lo;
		out[n++] = lo + card;
	}
	return n;
}

/* Length of crop marks on a side with `room` outside the art, `reserve` of it kept free. */
static double mark_len(double room, double reserve)
{
	double len = fmin(mm_to_pt(MARK_LEN_MM), room - reserve - mm_to_pt(MARK_GAP_MM));
	return len >= mm_to_pt(MARK_MIN_MM) - EPS ? len : 0;
}

typedef struct {
	double top, bottom, left, right; /* crop mark length per side; 0 = none */
} side_lens;

/* The info band on `where` side of a page whose drawn content ends at `used` (bottom edge
 * or right edge), at most INFO_MAX_MM deep, against the printable edge. */
static rect info_band(const rect *pr, info_place where, double used)
{
	if (where == INFO_BOTTOM) {
		double h = fmin(pr->y + pr->h - used, mm_to_pt(INFO_MAX_MM));
		return (rect){pr->x, pr->y + pr->h - h, pr->w, h};
	}
	double w = fmin(pr->x + pr->w - used, mm_to_pt(INFO_MAX_MM));
	return (rect){pr->x + pr->w - w, pr->y, w, pr->h};
}

/* Picks the info line's side on the front (bottom, else right, else none) and, for crop
 * marks, the mark length on each side so that marks and the info line both fit. */
static side_lens place_info(const print_setup *p, const grid *g, impose_plan *pl)
{
	bool crop = p->marks == MARKS_CROP;
	double need = crop ? mm_to_pt(MARK_GAP_MM + MARK_MIN_MM) : 0;
	double info_min = mm_to_pt(INFO_MIN_MM);
	side_lens s = {0};
	if (g->y.room >= need + info_min - EPS)
		pl->info_where = INFO_BOTTOM;
	else if (g->x.room >= need + info_min - EPS)
		pl->info_where = INFO_RIGHT;
	if (crop) {
		s.top = mark_len(g->y.room, 0);
		s.left = mark_len(g->x.room, 0);
		s.bottom = mark_len(g->y.room, pl->info_where == INFO_BOTTOM ? info_min : 0);
		s.right = mark_len(g->x.room, pl->info_where == INFO_RIGHT ? info_min : 0);
		pl->marks_short = !s.top || !s.bottom || !s.left || !s.right;
	}
	double gap = mm_to_pt(MARK_GAP_MM);
	if (pl->info_where == INFO_BOTTOM) {
		double used = axis_trim_end(&g->y) + p->card_h + g->y.bleed_out;
		pl->info = info_band(&pl->printable, INFO_BOTTOM,
				     used + (s.bottom ? gap + s.bottom : 0));
	} else if (pl->info_where == INFO_RIGHT) {
		double used = axis_trim_end(&g->x) + p->card_w + g->x.bleed_out;
		pl->info =
			info_band(&pl->printable, INFO_RIGHT, used + (s.right ? gap + s.right : 0));
	}
	return s;
}

static void crop_marks(const print_setup *p, const grid *g, const side_lens *s, impose_plan *pl)
{
	double *xs = xmalloc(sizeof(double) * 2 * (size_t)g->x.n);
	double *ys = xmalloc(sizeof(double) * 2 * (size_t)g->y.n);
	int nx = cuts(&g->x, p->card_w, xs), ny = cuts(&g->y, p->card_h, ys);
	double gap = mm_to_pt(MARK_GAP_MM);
	double top = g->y.first - g->y.bleed_out;
	double bottom = axis_trim_end(&g->y) + p->card_h + g->y.bleed_out;
	double left = g->x.first - g->x.bleed_out;
	double right = axis_trim_end(&g->x) + p->card_w + g->x.bleed_out;
	size_t cap = 0;
	for (int i = 0; i < nx; i++) {
		if (s->top)
			add_mark(pl, &cap, xs[i], top - gap - s->top, xs[i], top - gap);
		if (s->bottom)
			add_mark(pl, &cap, xs[i], bottom + gap, xs[i], bottom + gap + s->bottom);
	}
	for (int i = 0; i < ny; i++) {
		if (s->left)
			add_mark(pl, &cap, left - gap - s->left, ys[i], left - gap, ys[i]);
		if (s->right)
			add_mark(pl, &cap, right + gap, ys[i], right + gap + s->right, ys[i]);
	}
	/* Marks in the gutters too, so strips cut off the sheet still show where to cut next. */
	double min = mm_to_pt(MARK_MIN_MM) - EPS;
	for (int r = 0; !g->y.shared && r + 1 < g->y.n; r++) {
		double lo, hi, lo2, hi2;
		axis_art(&g->y, p->card_h, r, &lo, &hi);
		axis_art(&g->y, p->card_h, r + 1, &lo2, &hi2);
		if (lo2 - hi - 2 * gap < min)
			break;
		for (int i = 0; i < nx; i++)
			add_mark(pl, &cap, xs[i], hi + gap, xs[i], lo2 - gap);
	}
	for (int c = 0; !g->x.shared && c + 1 < g->x.n; c++) {
		double lo, hi, lo2, hi2;
		axis_art(&g->x, p->card_w, c, &lo, &hi);
		axis_art(&g->x, p->card_w, c + 1, &lo2, &hi2);
		if (lo2 - hi - 2 * gap < min)
			break;
		for (int i = 0; i < ny; i++)
			add_mark(pl, &cap, hi + gap, ys[i], lo2 - gap, ys[i]);
	}
	free(xs);
	free(ys);
}

/* Full cut lines across the printable area, stopping short of the info line. */
static void cut_lines(const print_setup *p, const grid *g, impose_plan *pl)
{
	double *xs = xmalloc(sizeof(double) * 2 * (size_t)g->x.n);
	double *ys = xmalloc(sizeof(double) * 2 * (size_t)g->y.n);
	int nx = cuts(&g->x, p->card_w, xs), ny = cuts(&g->y, p->card_h, ys);
	const rect *pr = &pl->printable;
	double y_end = pl->info_where == INFO_BOTTOM ? pl->info.y : pr->y + pr->h;
	double x_end = pl->info_where == INFO_RIGHT ? pl->info.x : pr->x + pr->w;
	size_t cap = 0;
	for (int i = 0; i < nx; i++)
		add_mark(pl, &cap, xs[i], pr->y, xs[i], y_end);
	for (int i = 0; i < ny; i++)
		add_mark(pl, &cap, pr->x, ys[i], x_end, ys[i]);
	free(xs);
	free(ys);
}

/* Back pages carry no marks, so the info line only has to clear the back art. */
static void place_back_info(impose_plan *pl)
{
	double bottom = 0, right = 0;
	for (int i = 0; i < pl->per_page; i++) {
		const rect *a = &pl->slots[i].back_art;
		bottom = fmax(bottom, a->y + a->h);
		right = fmax(right, a->x + a->w);
	}
	const rect *pr = &pl->printable;
	double info_min = mm_to_pt(INFO_MIN_MM) - EPS;
	if (pr->y + pr->h - bottom >= info_min)
		pl->back_info_where = INFO_BOTTOM;
	else if (pr->x + pr->w - right >= info_min)
		pl->back_info_where = INFO_RIGHT;
	if (pl->back_info_where != INFO_NONE)
		pl->back_info = info_band(pr, pl->back_info_where,
					  pl->back_info_where == INFO_BOTTOM ? bottom : right);
}

static void fill_slots(const print_setup *p, const grid *g, impose_plan *pl)
{
	pl->slots = xcalloc((size_t)pl->per_page, sizeof *pl->slots);
	for (int r = 0; r < g->y.n; r++)
		for (int c = 0; c < g->x.n; c++) {
			impose_slot *s = &pl->slots[r * g->x.n + c];
			double x0, x1, y0, y1;
			axis_art(&g->x, p->card_w, c, &x0, &x1);
			axis_art(&g->y, p->card_h, r, &y0, &y1);
			s->trim = (rect){g->x.first + c * g->x.step, g->y.first + r * g->y.step,
					 p->card_w, p->card_h};
			s->art = (rect){x0, y0, x1 - x0, y1 - y0};
			s->back_trim = back_of(s->trim, pl, p);
			s->back_art = back_of(s->art, pl, p);
		}
}

/* Sheet none: the page is one card with its bleed all round, for print shops. */
static grid single_grid(const print_setup *p)
{
	axis x = {.n = 1, .first = p->bleed, .step = p->card_w, .bleed_out = p->bleed};
	axis y = {.n = 1, .first = p->bleed, .step = p->card_h, .bleed_out = p->bleed};
	return (grid){p->card_w + 2 * p->bleed, p->card_h + 2 * p->bleed, x, y};
}

int impose_plan_make(const print_setup *p, impose_plan *out, char **err)
{
	*out = (impose_plan){0};
	*err = print_setup_check(p);
	if (*err)
		return -1;
	grid g;
	if (p->sheet_none) {
		g = single_grid(p);
		out->printable = (rect){0, 0, g.w, g.h};
	} else {
		g = grid_choose(p);
		out->printable =
			(rect){p->margin, p->margin, g.w - 2 * p->margin, g.h - 2 * p->margin};
	}
	out->page_w = g.w;
	out->page_h = g.h;
	out->landscape = g.w > g.h;
	out->cols = g.x.n;
	out->rows = g.y.n;
	out->per_page = g.x.n * g.y.n;
	out->shared_x = g.x.shared;
	out->shared_y = g.y.shared;
	out->backs = p->backs;
	out->duplex = p->duplex;
	fill_slots(p, &g, out);
	if (!p->sheet_none) {
		side_lens s = place_info(p, &g, out);
		if (p->marks == MARKS_CROP)
			crop_marks(p, &g, &s, out);
		else if (p->marks == MARKS_LINES)
			cut_lines(p, &g, out);
		place_back_info(out);
	}
	return 0;
}

void impose_plan_free(impose_plan *plan)
{
	free(plan->slots);
	free(plan->marks);
	plan->slots = NULL;
	plan->marks = NULL;
	plan->nmarks = 0;
}

int impose_page_count(const impose_plan *plan, size_t ncards)
{
	size_t per = (size_t)plan->per_page;
	int sheets = (int)((ncards + per - 1) / per);
	return plan->backs ? 2 * sheets : sheets;
}

impose_pos impose_front(const impose_plan *plan, size_t card)
{
	int sheet = (int)(card / (size_t)plan->per_page);
	int slot = (int)(card % (size_t)plan->per_page);
	return (impose_pos){plan->backs ? 2 * sheet : sheet, slot};
}

impose_pos impose_back(const impose_plan *plan, size_t card)
{
	int sheet = (int)(card / (size_t)plan->per_page);
	int slot = (int)(card % (size_t)plan->per_page);
	return (impose_pos){plan->backs ? 2 * sheet + 1 : -1, slot};
}
