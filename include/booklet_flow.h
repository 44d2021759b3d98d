/* booklet_flow.h - the booklet's pagination stage: a stream of text blocks in, pages of
 * positioned boxes out, as plain data for the render and document stages.
 *
 * The typesetting stage (booklet_content.c) turns the deck into chunks of blocks; the flow
 * (booklet_flow.c) places them on pages, splitting paragraphs between lines with no widows
 * or orphans, keeping a card's entry on one page where it fits and a heading with what
 * follows. Lengths in points, origin top-left of the page, y downwards. Pages are counted
 * from 0; page 0 is the cover, a recto (right-hand page), so even pages are rectos. */
#ifndef DECKPRESS_BOOKLET_FLOW_H
#define DECKPRESS_BOOKLET_FLOW_H

#include <cairo.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "booklet.h"
#include "image.h"
#include "para.h"
#include "rect.h"

/* Page size and margins of a format; inner is the margin at the fold. */
typedef struct {
	double page_w, page_h;
	double top, bottom, inner, outer;
	double head_base;        /* baseline of the running head, from the page top */
	double folio_base;       /* baseline of the page number, from the page top */
	double body, leading;    /* body text size and baseline distance */
	double sheet_w, sheet_h; /* the landscape sheet two pages are imposed on */
} bk_geom;

void bk_geom_make(booklet_format f, bk_geom *g);
/* The text area of page `page`: margins mirrored, the wider one at the fold. */
rect bk_text_area(const bk_geom *g, size_t page);
/* True for right-hand pages. */
bool bk_recto(size_t page);

typedef enum {
	BX_TEXT,  /* lines of a layout */
	BX_FILL,  /* a filled rectangle: colour bars */
	BX_RULED, /* writing lines from the block's top to the foot of the text area */
	BX_IMAGE, /* a picture fitted into the box (the cover logo, category icons) */
} bx_kind;

/* --- structure: what each text is, for a tagged PDF (booklet_render.c) --- */

/* A node of the booklet's structure tree; the document is the root. Text blocks belong to
 * nodes; what belongs to none (bars, rules, running heads, page numbers) is an artifact. */
typedef struct {
	const char *role; /* a standard structure type: "Sect", "H1", "P", "L", "LI", "Lbl",
			   * "LBody", "TOC", "TOCI", "Reference", "Link", "BlockQuote",
			   * "Figure", "Span" (static string) */
	int parent;       /* enclosing node, -1: the document */
	const char *lang; /* language of its text where it is not the booklet's; NULL:
			   * inherited (borrowed from the deck or static) */
	char *alt;        /* Figure: alternative text; owned */
	int mark;         /* Link: the destination, index into the document's marks; -1 */
	bool parent_of;   /* some node has this one as parent */
} bk_node;

/* Where a text block's text passes from one node to another (a list item's label and
 * body; a link; words in another language): bytes from start to the next part's start
 * belong to `node`, a child of the block's node. */
typedef struct {
	int start;
	int node;
} bk_part;

/* What an artifact is (no node): page furniture or layout. */
typedef enum { ART_LAYOUT, ART_HEADER, ART_FOOTER } bk_art;

/* --- input: the stream of chunks --- */

typedef struct {
	bx_kind kind;
	PangoLayout *layout; /* BX_TEXT; a reference the block owns */
	const image *image;  /* BX_IMAGE: borrowed */
	double dx;           /* from the text area's left edge */
	double w, h;         /* BX_FILL, BX_IMAGE: size; BX_RULED: h is the line distance */
	double space_before; /* dropped at the top of a page */
	bool beside; /* BX_FILL, BX_IMAGE: on the same row as the next block, which starts after
		      * this one's space_before; takes no height */
	uint32_t color; /* 0xRRGGBB; BX_IMAGE: the colour beneath it (PDF/X-1a flattens onto it) */
	double fade;    /* 0: the colour itself, 1: white */
	int node;            /* BX_TEXT: the node of its text (a Link node's text links to
			      * its mark); -1: an artifact */
	bk_part *parts;      /* the text split between children of node; owned */
	size_t nparts;
	int number; /* contents: this mark's page label goes right-aligned on the
		     * block's last line; -1: none */
} bk_block;

typedef struct {
	bk_block *b;
	size_t n;
	bool keep;      /* all blocks on one page when they fit on one */
	bool with_next; /* never the last thing on a page: something of the next chunk follows */
	bool new_page;  /* starts a new page */
	int mark;       /* a mark that starts here gets this chunk's page and top; -1: none */
	int head;       /* from the next page on, the running head shows this mark; -1: same */
	double space_before;
} bk_chunk;

typedef struct {
	bk_chunk *c;
	size_t n, cap;
} bk_stream;

/* Appends an empty chunk to s and returns it (valid until the next append). */
bk_chunk *bk_stream_chunk(bk_stream *s);
/* Appends a block to chunk c and returns it, zeroed but for node = number = -1. */
bk_block *bk_chunk_block(bk_chunk *c);
/* Frees the chunks, their blocks and layout references. */
void bk_stream_free(bk_stream *s);

/* --- output: the document --- */

typedef struct {
	bx_kind kind;
	PangoLayout *layout; /* BX_TEXT: a reference the box owns */
	size_t first, count; /* BX_TEXT: the lines drawn */
	double x, y;         /* BX_TEXT: where the layout's top-left would be; others: top-left */
	double w, h;         /* BX_FILL, BX_IMAGE: size; BX_RULED: w the width, h the height
			      * to fill */
	double step;         /* BX_RULED: line distance */
	uint32_t color;      /* BX_IMAGE: the colour beneath it */
	double fade;
	const image *image; /* BX_IMAGE, fitted into the box: borrowed */
	int node;           /* the node of what it shows; -1: an artifact of kind art */
	bk_art art;
	bk_part *parts; /* BX_TEXT: as its block's; owned */
	size_t nparts;
} bk_box;

typedef struct {
	rect r;     /* page coordinates */
	int mark;   /* the destination */
	size_t box; /* the box whose text links, on the same page */
	int part;   /* the part of its text that links, -1: the whole box */
	int line;   /* with part: the line of the box's layout this rectangle covers */
} bk_link;

typedef enum { PG_COVER, PG_FRONT, PG_BODY } bk_page_kind;

typedef struct {
	bk_page_kind kind;
	bool bare; /* no running head or page number (cover, blank pages) */
	int head;  /* mark shown in the running head, -1: none (a chapter's first page) */
	bk_box *boxes;
	size_t nboxes;
	bk_link *links;
	size_t nlinks;
} bk_page;

/* An entry of the outline, the contents or both: a chapter, a guide section or a card. */
typedef struct {
	char *title; /* plain text; owned */
	char *dest;  /* named destination; owned */
	int parent;  /* index of the enclosing mark, -1 at the top */
	bool toc;    /* listed in the contents */
	uint32_t color;
	bool has_color; /* a category chapter */
	size_t page;    /* set by the flow */
	double y;       /* top of the chunk that starts it, page coordinates */
	bool placed;
	const char *lang; /* language of the title where it is not the booklet's, or NULL */
} bk_mark;

/* Where a contents entry's page number goes once pages are known. */
typedef struct {
	size_t page;
	double right, baseline;
	int mark;
	int node; /* the entry's node: the number is part of its text */
} bk_pending;

typedef struct {
	bk_geom g;
	bk_page *pages;
	size_t npages;
	bk_mark *marks;
	size_t nmarks, cap_marks;
	size_t body_first; /* first page numbered 1; earlier pages (but the cover) are i, ii, ... */
	bk_pending *pending;
	size_t npending;
	bk_node *nodes;
	size_t nnodes, cap_nodes;
	int figure; /* the node of the cover logo, -1: none */
} bk_doc;

void bk_doc_init(bk_doc *doc, const bk_geom *g);
/* Adds a node of type role (static string) under parent (-1: the document) and returns its
 * index; lang, alt and mark unset. */
int bk_doc_node(bk_doc *doc, const char *role, int parent);
/* Adds a mark (title copied, dest copied) and returns its index. */
int bk_doc_mark(bk_doc *doc, const char *title, const char *dest, int parent, bool toc);
/* Appends an empty page of kind k and returns its index. */
size_t bk_doc_page(bk_doc *doc, bk_page_kind k, bool bare);
/* Flows the chunks onto new pages of kind k, starting on a new page. */
void bk_flow(bk_doc *doc, const bk_stream *s, bk_page_kind k);
/* Adds a box to page p and returns it (zeroed). */
bk_box *bk_page_box(bk_page *p);

/* The page label of page p in buf (size >= 16): "" for the cover, "i", "ii" ... before
 * body_first, "1", "2" ... from it. Returns buf. */
char *bk_page_label(const bk_doc *doc, size_t p, char *buf);

/* Styles of the page furniture: running head and page number. */
typedef struct {
	PangoContext *ctx;
	para_style head, folio, number; /* number: the contents' page numbers */
	uint32_t ink;
	double head_fade; /* the running head's ink towards white (it must read at 4.5:1) */
} bk_furniture;

/* Adds running heads, page numbers and the contents' page numbers to every page. Call once,
 * after the last bk_flow. */
void bk_furnish(bk_doc *doc, const bk_furniture *f);

void bk_doc_free(bk_doc *doc);

#endif
