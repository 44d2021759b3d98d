/* pdfx.h - the PDF/X finishing step (ISO 15930-7 PDF/X-4, ISO 15930-1 PDF/X-1a:2001): on the
 * PDF Cairo wrote, open in libqpdf, every colour becomes the CMYK ink the program recorded,
 * images become CMYK, page transparency groups go where nothing is transparent, and the
 * output intent, identification, metadata and PDF version the standard asks for are added.
 * docs/printing.md lists each rule and the test that checks it. */
#ifndef DECKPRESS_PDFX_H
#define DECKPRESS_PDFX_H

#include <qpdf/qpdf-c.h>

#include "ink_map.h"
#include "pdf_xmp.h"
#include "print_setup.h" /* pdfx_level */

/* "PDF/X-4", "PDF/X-1a:2001" (static strings; "" for PDFX_NONE). */
const char *pdfx_level_name(pdfx_level l);

typedef struct {
	pdfx_level level;
	const ink_map *inks; /* every colour drawn; its profile is the output intent */
} pdfx_opts;

/* Converts the open document q; for PDF/X-4 adds the XMP properties to xmp (the caller
 * attaches the one packet, pdf_xmp.h). Returns NULL, or an error message (caller frees): a
 * colour or image the program cannot convert, which is a bug in deckpress and is never
 * written as a non-conforming file. */
char *pdfx_convert(qpdf_data q, const pdfx_opts *o, xmp_props *xmp);
/* Writer settings for the level: PDF 1.6 or 1.3 (X-1a), no object streams. Call after
 * qpdf_init_write. */
void pdfx_write_settings(qpdf_data q, const pdfx_opts *o);

#endif
