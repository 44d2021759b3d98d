/* booklet_render.h - the booklet's render stage: one paginated page (booklet_flow.h) onto a
 * Cairo context, as vectors and real text. */
#ifndef DECKPRESS_BOOKLET_RENDER_H
#define DECKPRESS_BOOKLET_RENDER_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "booklet_flow.h"

/* Draws page p of doc with its top-left at the user-space origin of cr. With tags, also
 * marks its links and named destinations (CAIRO_TAG_LINK, CAIRO_TAG_DEST); the caller must
 * then have opened a structure tag around the whole document. */
void booklet_render_page(cairo_t *cr, const bk_doc *doc, size_t p, bool tags);

#endif
