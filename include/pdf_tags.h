/* pdf_tags.h - the finishing step that makes Cairo's tagged PDF an accessible one (PDF/UA-1):
 * what Cairo 1.16 cannot write, added with libqpdf to the open document.
 *
 * In the structure tree: /Lang and /Alt on elements, elements that go on on a later page
 * joined into one, artifacts taken out of the tree and their content marked
 * /Artifact << /Type ... >> BDC in the page's content stream, /Contents on link
 * annotations (all as pdf_struct.h recorded them). In the catalog: /Lang, /MarkInfo
 * << /Marked true >>, /ViewerPreferences << /DisplayDocTitle true >>; /Tabs /S on pages
 * with annotations; /CIDToGIDMap /Identity on TrueType CID fonts; ligatures read as their
 * letters (pdf_lig.h); pdfuaid:part 1 in the XMP
 * properties (attached by the caller, see pdf_xmp.h). docs/booklet.md lists the rules. */
#ifndef DECKPRESS_PDF_TAGS_H
#define DECKPRESS_PDF_TAGS_H

#include <qpdf/qpdf-c.h>

#include "pdf_struct.h"
#include "pdf_xmp.h"

typedef struct {
	const pdf_struct *st; /* what was tagged while drawing the PDF */
	const char *lang;     /* the document's language (BCP 47, e.g. "nl", "en-GB") */
} pdf_tags_opts;

/* Applies o to the PDF open in q (read, not yet written) and adds its XMP properties to
 * xmp. The structure tree Cairo wrote must be the one o->st recorded, element for element.
 * Returns NULL, or an error message (caller frees). Lets go of every object handle of q
 * (qpdf_oh_release_all) as it goes: the caller holds none across the call. */
char *pdf_tags_apply(qpdf_data q, const pdf_tags_opts *o, xmp_props *xmp);

/* Takes out of the PDF open in q what says it is tagged: the catalog's /StructTreeRoot and
 * /MarkInfo, /StructParents on pages, /StructParent on annotations. For a file that is not
 * made accessible: Cairo writes /Marked true and a tree of only its Document and Link
 * elements whenever there are links, which a screen reader would trust and read alone. */
void pdf_tags_strip(qpdf_data q);

#endif
