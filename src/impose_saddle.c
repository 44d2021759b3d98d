/* impose_saddle.c - saddle-stitch page order and the two-up sheet layout. */
#include "impose_saddle.h"

int saddle_padded(int n)
{
	return n <= 0 ? 0 : (n + 3) / 4 * 4;
}

void saddle_side_pages(int padded, int sheet, bool back, int *left, int *right)
{
	if (!back) {
		*left = padded - 2 * sheet;
		*right = 2 * sheet + 1;
	} else {
		*left = 2 * sheet + 2;
		*right = padded - 2 * sheet - 1;
	}
}

int saddle_plan_make(int pages, double page_w, double page_h, double sheet_w, double sheet_h,
		     saddle_duplex duplex, saddle_plan *out)
{
	const double tol = 0.01;
	if (2 * page_w > sheet_w + tol || page_h > sheet_h + tol)
		return -1;
	double cx = sheet_w / 2, y = (sheet_h - page_h) / 2;
	*out = (saddle_plan){.sheet_w = sheet_w,
			     .sheet_h = sheet_h,
			     .left = {cx - page_w, y, page_w, page_h},
			     .right = {cx, y, page_w, page_h},
			     .pages = pages,
			     .padded = saddle_padded(pages),
			     .duplex = duplex};
	out->sheets = out->padded / 4;
	return 0;
}

saddle_side saddle_side_get(const saddle_plan *p, int side)
{
	saddle_side s;
	bool back = side % 2 == 1;
	saddle_side_pages(p->padded, side / 2, back, &s.left, &s.right);
	/* Turned over its long edge, a landscape sheet's back comes out upside down relative
	 * to its front when the booklet is read; drawing it rotated puts it upright again. */
	s.rotated = back && p->duplex == SADDLE_LONG;
	return s;
}
