/* render_card.h - the render stage for cards: draw the boxes of a face's design with Cairo.
 * Draws only; borrows everything. `trim` is where the card is cut, `art` where its
 * background may be painted (trim plus the bleed it has room for); points, page space. */
#ifndef DECKPRESS_RENDER_CARD_H
#define DECKPRESS_RENDER_CARD_H

#include <cairo.h>

#include "card_face.h"
#include "render_color.h"

void render_card_front(cairo_t *cr, const card_face *f, rect trim, rect art);
void render_card_back(cairo_t *cr, const card_face *f, rect trim, rect art);

#endif
