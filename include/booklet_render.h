/* booklet_render.h - the booklet's render stage: one paginated page (booklet_flow.h) onto a
 * Cairo context, as vectors and real text; optionally tagged, so the PDF is accessible.
 *
 * On every page the artifacts (rules, bars, running head, page number) are drawn first,
 * then the text in reading order (the order of its nodes), so what a page shows does not
 * depend on whether it is tagged. */
#ifndef DECKPRESS_BOOKLET_RENDER_H
#define DECKPRESS_BOOKLET_RENDER_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "booklet_flow.h"
#include "pdf_struct.h"

/* The structure tags of one document, kept from page to page: a node's element stays open
 * while its text runs on (a chapter over many pages). */
typedef struct bk_tagger bk_tagger;

/* Begins the Document element; st records every element for pdf_tags.c. Borrows doc and
 * st until bk_tagger_end. */
bk_tagger *bk_tagger_begin(cairo_t *cr, const bk_doc *doc, pdf_struct *st);
/* Ends every open element, the Document last, and frees t. */
void bk_tagger_end(bk_tagger *t, cairo_t *cr);

/* Draws page p of doc with its top-left at the user-space origin of cr. With links, marks
 * its links and named destinations (CAIRO_TAG_LINK, CAIRO_TAG_DEST); the caller must then
 * have opened a structure tag around the whole document (Cairo 1.16). With a tagger (t not
 * NULL, links implied), also tags every text with its node's element and every artifact as
 * one. */
void booklet_render_page(cairo_t *cr, const bk_doc *doc, size_t p, bool links, bk_tagger *t);

#endif
