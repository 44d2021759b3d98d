/* impose_saddle.h - saddle-stitch imposition: booklet pages two-up on sheets that are folded
 * once and stapled in the fold, as plain data for the document stage.
 *
 * Coordinates in points, origin top-left of the sheet, y downwards. Pages are numbered from
 * 1 here, as printers count them; a page number above the document's page count is a blank
 * page added to reach a multiple of 4. */
#ifndef DECKPRESS_IMPOSE_SADDLE_H
#define DECKPRESS_IMPOSE_SADDLE_H

#include <stdbool.h>

#include "rect.h"

/* How the printer turns the sheet over between its two sides. */
typedef enum {
	SADDLE_LONG,  /* flip on the long edge (most printers' default): backs are rotated 180 */
	SADDLE_SHORT, /* flip on the short edge ("booklet" or "landscape" duplex): backs upright */
} saddle_duplex;

/* Returns n rounded up to a multiple of 4 (0 for n <= 0). */
int saddle_padded(int n);

/* The pages on one side of sheet `sheet` (0-based) of a booklet of `padded` pages (a multiple
 * of 4), as the side is seen upright with the fold vertical: front: left padded-2s, right
 * 2s+1; back: left 2s+2, right padded-2s-1. */
void saddle_side_pages(int padded, int sheet, bool back, int *left, int *right);

typedef struct {
	double sheet_w, sheet_h; /* landscape sheet */
	rect left, right;        /* where the two pages go, meeting at the fold */
	int pages, padded, sheets;
	saddle_duplex duplex;
} saddle_plan;

/* Plans `pages` pages of page_w x page_h on sheets of sheet_w x sheet_h (landscape; at least
 * two pages wide). Returns 0, or -1 if the pages do not fit on the sheet. */
int saddle_plan_make(int pages, double page_w, double page_h, double sheet_w, double sheet_h,
		     saddle_duplex duplex, saddle_plan *out);

/* One printed side: output page `side` is the front (even) or back (odd) of sheet side/2. */
typedef struct {
	int left, right; /* 1-based booklet pages; above plan->pages: blank */
	bool rotated;    /* draw the side turned 180 degrees about the sheet centre */
} saddle_side;

/* Returns what goes on output page `side` (0 .. 2 * sheets - 1). */
saddle_side saddle_side_get(const saddle_plan *p, int side);

#endif
