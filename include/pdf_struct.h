/* pdf_struct.h - a tagged PDF drawn with Cairo 1.16: structure elements begun and ended
 * around what is drawn, and a record of what Cairo cannot write, for pdf_tags.c to add after
 * Cairo (docs/booklet.md, "Accessible PDF").
 *
 * Cairo 1.16 writes a structure element for each structure tag, in the order the tags begin,
 * and marks what is drawn inside a tag that has no tags inside it (a leaf) as its marked
 * content. It cannot give an element attributes (/Lang, /Alt), mark artifacts, or continue
 * an element on a later page once it has ended. So: draw only inside leaves; an artifact is
 * drawn inside a leaf of the placeholder type PDF_STRUCT_ARTIFACT (which pdf_tags.c turns into
 * /Artifact marked content, out of the tree); a leaf that goes on on another page is begun
 * again there and recorded as continuing the first, and pdf_tags.c joins them. */
#ifndef DECKPRESS_PDF_STRUCT_H
#define DECKPRESS_PDF_STRUCT_H

#include <cairo.h>
#include <stddef.h>

/* The structure type Cairo 1.16 writes for an artifact until pdf_tags.c rewrites it (Cairo
 * 1.16 refuses "Artifact"). Never used for real content. */
#define PDF_STRUCT_ARTIFACT "Private"

/* What an artifact is (ISO 32000-1, 14.8.2.2.2). */
typedef enum {
	PDF_ART_LAYOUT, /* rules, colour bars and plates, writing lines */
	PDF_ART_HEADER, /* running heads */
	PDF_ART_FOOTER, /* page numbers at the foot */
	PDF_ART_PAGE,   /* printer's marks: crop and fold marks */
} pdf_artifact;

/* One structure element, as begun (elements are numbered from 0 in that order, which is
 * the order of Cairo's tree read depth-first). */
typedef struct {
	char *role;     /* structure type ("P", "H1", ... or PDF_STRUCT_ARTIFACT); owned */
	int artifact;   /* a pdf_artifact when role is PDF_STRUCT_ARTIFACT, else -1 */
	int continues;  /* the element this one goes on from (begun earlier), or -1 */
	char *lang;     /* /Lang, or NULL; owned */
	char *alt;      /* /Alt, or NULL; owned */
	char *contents; /* Link: the annotation's /Contents, or NULL; owned */
} pdf_elem;

typedef struct pdf_struct pdf_struct;

pdf_struct *pdf_struct_new(void);
void pdf_struct_free(pdf_struct *s);

/* Begins a structure element of type `role` inside the innermost open one; returns its
 * number. */
int pdf_struct_begin(pdf_struct *s, cairo_t *cr, const char *role);
/* Begins a Link element: link_attrs as for CAIRO_TAG_LINK ("dest='x' rect=[...]"); contents
 * describes the link for assistive technology. Returns its number. */
int pdf_struct_begin_link(pdf_struct *s, cairo_t *cr, const char *link_attrs, const char *contents);
/* Begins an artifact of kind k (end it with pdf_struct_end). */
void pdf_struct_begin_artifact(pdf_struct *s, cairo_t *cr, pdf_artifact k);
/* Ends the innermost open element. */
void pdf_struct_end(pdf_struct *s, cairo_t *cr);
/* How many elements are open. */
size_t pdf_struct_depth(const pdf_struct *s);

/* Attributes of element el (copied; NULL clears). */
void pdf_struct_set_lang(pdf_struct *s, int el, const char *lang);
void pdf_struct_set_alt(pdf_struct *s, int el, const char *alt);
/* Element el goes on from element `from` (a leaf of the same type begun earlier, usually on
 * an earlier page): pdf_tags.c makes them one. */
void pdf_struct_set_continues(pdf_struct *s, int el, int from);

size_t pdf_struct_count(const pdf_struct *s);
const pdf_elem *pdf_struct_elem(const pdf_struct *s, size_t i);

#endif
