/* pdf_merge.h - one PDF from parts that Cairo wrote separately (chunks of pages drawn by
 * several processes), with libqpdf. */
#ifndef DECKPRESS_PDF_MERGE_H
#define DECKPRESS_PDF_MERGE_H

#include <qpdf/qpdf-c.h>
#include <stddef.h>

/* Appends the pages of parts[0..n) to q's, in order; q keeps its own catalog and /Info (the
 * parts' catalogs, outlines and /Info are dropped: card parts have only pages). Each part
 * embeds its own font subsets, images (a team logo) and forms: one that several parts embed
 * identically (same bytes, down to every object it refers to) is kept once. The parts must
 * stay open until q is written. Returns NULL, or an error message (caller frees). */
char *pdf_merge(qpdf_data q, qpdf_data *parts, size_t n);

#endif
