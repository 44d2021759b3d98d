/* pdf_xmp.h - the XMP metadata packet of a PDF (ISO 16684-1), built from a list of
 * properties, and attached to the catalog with libqpdf.
 *
 * Shared by the finishing steps that need XMP (PDF/UA's pdfuaid:part, PDF/X's
 * pdfxid:GTS_PDFXVersion): each step adds its properties to one xmp_props, which is
 * attached once, so a file never has two packets that disagree. pdf_xmp_from_info() starts
 * the list from the document information dictionary, so XMP and /Info always agree. */
#ifndef DECKPRESS_PDF_XMP_H
#define DECKPRESS_PDF_XMP_H

#include <qpdf/qpdf-c.h>
#include <stddef.h>

typedef enum {
	XMP_TEXT,     /* <ns:name>value</ns:name> */
	XMP_LANG_ALT, /* a language alternative with one x-default entry (dc:title) */
	XMP_SEQ,      /* an ordered array of one item (dc:creator) */
	XMP_BAG,      /* an unordered array of one item (dc:language) */
} xmp_kind;

typedef struct {
	const char *ns; /* prefix of a namespace pdf_xmp.c knows: dc, xmp, pdf, pdfuaid, pdfx,
			 * pdfxid, xmpMM */
	const char *name;
	xmp_kind kind;
	char *value; /* UTF-8; owned */
} xmp_prop;

typedef struct {
	xmp_prop *v;
	size_t n, cap;
} xmp_props;

/* Adds a property (value copied); a property of the same ns:name is replaced. */
void xmp_add(xmp_props *p, const char *ns, const char *name, xmp_kind kind, const char *value);
void xmp_props_free(xmp_props *p);

/* The packet: one rdf:Description with the properties in the order added, values escaped
 * for XML (characters XML cannot hold are dropped). NULL when a prefix is unknown. Caller
 * frees. */
char *xmp_packet(const xmp_props *p);

/* Adds what the document information dictionary says: /Title (dc:title), /Author
 * (dc:creator), /Subject (dc:description), /Keywords (pdf:Keywords), /Creator
 * (xmp:CreatorTool), /Producer (pdf:Producer), /CreationDate and /ModDate (xmp:CreateDate,
 * xmp:ModifyDate, as ISO 8601). */
void pdf_xmp_from_info(qpdf_data q, xmp_props *p);

/* Writes the packet as the catalog's /Metadata stream (replacing any). Returns NULL, or an
 * error message (caller frees). */
char *pdf_xmp_attach(qpdf_data q, const xmp_props *p);

#endif
