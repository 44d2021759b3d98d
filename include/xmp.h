/* xmp.h - an XMP metadata packet (ISO 16684-1) from a list of properties: what PDF/X-4 (and
 * PDF/UA, PDF/A) require in a document's /Metadata stream. Values are UTF-8 text; the writer
 * escapes them and declares each namespace it uses. */
#ifndef DECKPRESS_XMP_H
#define DECKPRESS_XMP_H

#include <stddef.h>

typedef struct xmp xmp;

xmp *xmp_new(void);
void xmp_free(xmp *x);
/* Property prefix:name with a plain text value. The prefixes dc, xmp, xmpMM, pdf, pdfx,
 * pdfxid, pdfaid and pdfuaid are known; others need xmp_namespace first. */
void xmp_text(xmp *x, const char *prefix, const char *name, const char *value);
/* A language alternative (dc:title, dc:description): value as x-default, and as `lang` too
 * when lang is not NULL. */
void xmp_lang_alt(xmp *x, const char *prefix, const char *name, const char *lang,
		  const char *value);
/* An ordered list of one item (dc:creator). */
void xmp_seq(xmp *x, const char *prefix, const char *name, const char *value);
/* Declares another namespace (prefix and URI copied). */
void xmp_namespace(xmp *x, const char *prefix, const char *uri);
/* The packet: xpacket header, x:xmpmeta, one rdf:Description, padding for in-place edits,
 * trailer. Caller frees; *len is its length in bytes. */
char *xmp_packet(const xmp *x, size_t *len);

#endif
