/* pdf_lig.h - ligatures read as their letters in a tagged PDF (docs/booklet.md).
 *
 * Cairo 1.16 maps a ligature glyph (fi, ffl ...) to its ligature code point (U+FB00..U+FB06)
 * in the font's /ToUnicode and wraps each use in /Span << /ActualText (fi) >> BDC ... EMC.
 * Poppler's structure text (pdfinfo -struct-text) and readers that read text the same way
 * stop a structure element's text at such a nested span. This step maps those glyphs to their
 * decomposition in /ToUnicode (a bfchar to several code units) and takes out the spans whose
 * ActualText is exactly the text of the glyphs they wrap; any other ActualText stays. Nothing
 * drawn changes. */
#ifndef DECKPRESS_PDF_LIG_H
#define DECKPRESS_PDF_LIG_H

#include <qpdf/qpdf-c.h>

/* Applies the step to the PDF open in q; max_id is the trailer's /Size. Returns NULL, or an
 * error message (caller frees). It lets go of every object handle of q as it goes
 * (qpdf_oh_release_all: the C API would keep one per object of the file): the caller holds
 * none it still needs. */
char *pdf_lig_plain(qpdf_data q, int max_id);

#endif
