/* pdf_meta.h - what every PDF deckpress writes says about itself: title, author, subject,
 * creator, and a creation date that keeps output byte-identical. */
#ifndef DECKPRESS_PDF_META_H
#define DECKPRESS_PDF_META_H

#include <cairo.h>

#include "deck.h"

/* The PDF creation date: SOURCE_DATE_EPOCH when set, else 1970-01-01, so that the same
 * input always gives the same bytes. ISO 8601, static buffer. */
const char *pdf_create_date(void);

/* Title, author and subject of deck dk in lang (dk NULL: `title` only), creator and date. */
void pdf_metadata(cairo_surface_t *pdf, const deck *dk, const char *lang, const char *title);

#endif
