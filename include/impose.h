/* impose.h - where each card goes on a sheet, as plain data for the renderer.
 *
 * Coordinates are points with the origin at the top-left of the page and y downwards
 * (Cairo's). The back page of a sheet has the same size as its front; its rects are
 * already mirrored for the duplex flip and shifted by the back offset, so the renderer
 * paints each back upright at back_trim/back_art without further thought.
 *
 * Page order: with backs on, page 2s is the front of sheet s and page 2s+1 its back (for
 * every duplex mode; with DUPLEX_NONE the back page is not mirrored). With backs off,
 * page s is sheet s. Crop marks and cut lines are drawn on front pages only. */
#ifndef DECKPRESS_IMPOSE_H
#define DECKPRESS_IMPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "print_setup.h"
#include "rect.h"

/* One straight mark from (x1,y1) to (x2,y2); stroke it thin (0.25 pt), in registration black. */
typedef struct {
	double x1, y1, x2, y2;
} segment;

typedef struct {
	rect trim; /* the card as cut */
	rect art;  /* where its background is painted: trim plus the bleed it has room for */
	rect back_trim, back_art; /* the same card's back, on the back page */
} impose_slot;

/* Where the info line (deck title, page number, "print at 100%") goes. */
typedef enum {
	INFO_NONE,   /* no room anywhere outside the grid: print no info line */
	INFO_BOTTOM, /* below the grid: set the text left to right */
	INFO_RIGHT,  /* right of the grid: set the text rotated, reading bottom to top */
} info_place;

typedef struct {
	double page_w, page_h; /* every page, front and back */
	bool landscape;        /* page_w > page_h */
	rect printable;        /* page minus the sheet margin; the whole page with sheet none */
	int cols, rows;
	int per_page;            /* cols * rows */
	bool shared_x, shared_y; /* neighbouring columns / rows share one cut (no gutter) */
	impose_slot *slots;      /* per_page slots, row by row from the front's top-left */
	segment *marks;          /* front pages only: crop marks or cut lines */
	size_t nmarks;
	bool marks_short; /* crop marks were wanted but some side had no room for them */
	info_place info_where, back_info_where;
	rect info, back_info; /* valid unless *_where is INFO_NONE */
	bool backs;
	duplex_mode duplex;
} impose_plan;

/* Lays out cards on sheets for p (checked with print_setup_check first). Returns 0 and fills
 * *out (free with impose_plan_free), or -1 with *err set to a message (caller frees). */
int impose_plan_make(const print_setup *p, impose_plan *out, char **err);
/* Frees what impose_plan_make allocated in plan (not plan itself). */
void impose_plan_free(impose_plan *plan);

/* Returns the number of pages, fronts and backs, for ncards cards (0 for none). */
int impose_page_count(const impose_plan *plan, size_t ncards);

typedef struct {
	int page; /* 0-based page in the output; -1 when there is no such page (backs off) */
	int slot; /* index into plan->slots */
} impose_pos;

/* Returns where the front of card number `card` (0-based) is printed. */
impose_pos impose_front(const impose_plan *plan, size_t card);
/* Returns where the back of card `card` is printed: the same slot on the next page, at
 * slots[slot].back_trim; page -1 when backs are off. */
impose_pos impose_back(const impose_plan *plan, size_t card);

#endif
