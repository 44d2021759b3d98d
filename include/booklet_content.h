/* booklet_content.h - the booklet's typesetting stage: the deck's texts as Pango layouts in
 * the booklet's styles, grouped into chunks for the flow (booklet_flow.h). */
#ifndef DECKPRESS_BOOKLET_CONTENT_H
#define DECKPRESS_BOOKLET_CONTENT_H

#include "booklet.h"
#include "booklet_flow.h"
#include "deck_pictures.h"
#include "fonts.h"

typedef struct {
	bk_stream cover; /* one page */
	bk_stream front; /* the contents */
	bk_stream body;  /* introduction to notes pages */
	bk_furniture furniture;
} bk_content;

/* Typesets job's deck for doc's format, with its pictures (category icons at chapter
 * openings and card entries; borrowed, they must outlive the pages): adds doc's marks
 * (chapters, guide sections, cards) and fills *out (free with bk_content_free). Returns the
 * number of errors reported to d (text with characters no bundled font has). */
int bk_content_make(const booklet_job *job, const deck_pictures *pics, bk_doc *doc,
		    bk_content *out, struct diag *d);
void bk_content_free(bk_content *c);

/* The styles of the theme's families the booklet sets text in (see card_face_fonts). */
size_t bk_content_fonts(const deck *dk, font_need *out, size_t max);

#endif
