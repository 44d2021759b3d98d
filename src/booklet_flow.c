/* booklet_flow.c - pagination: chunks of text blocks onto pages, split between lines with
 * no widows or orphans, then running heads and page numbers. */
#include "booklet_flow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* --- formats --- */

void bk_geom_make(booklet_format f, bk_geom *g)
{
	switch (f) {
	case BOOKLET_A6:
		*g = (bk_geom){.page_w = mm_to_pt(105),
			       .page_h = mm_to_pt(148),
			       .top = mm_to_pt(15),
			       .bottom = mm_to_pt(17),
			       .inner = mm_to_pt(13),
			       .outer = mm_to_pt(11),
			       .head_base = mm_to_pt(9.5),
			       .folio_base = mm_to_pt(148 - 9),
			       .body = 8.5,
			       .leading = 11.5,
			       .sheet_w = mm_to_pt(210),
			       .sheet_h = mm_to_pt(148)};
		break;
	case BOOKLET_LETTER_HALF:
		*g = (bk_geom){.page_w = 5.5 * 72,
			       .page_h = 8.5 * 72,
			       .top = mm_to_pt(20),
			       .bottom = mm_to_pt(23),
			       .inner = mm_to_pt(18),
			       .outer = mm_to_pt(15),
			       .head_base = mm_to_pt(12.5),
			       .folio_base = 8.5 * 72 - mm_to_pt(12),
			       .body = 10,
			       .leading = 13.5,
			       .sheet_w = 11 * 72,
			       .sheet_h = 8.5 * 72};
		break;
	default:
		*g = (bk_geom){.page_w = mm_to_pt(148),
			       .page_h = mm_to_pt(210),
			       .top = mm_to_pt(20),
			       .bottom = mm_to_pt(23),
			       .inner = mm_to_pt(19),
			       .outer = mm_to_pt(16),
			       .head_base = mm_to_pt(12.5),
			       .folio_base = mm_to_pt(210 - 12),
			       .body = 10,
			       .leading = 13.5,
			       .sheet_w = mm_to_pt(297),
			       .sheet_h = mm_to_pt(210)};
		break;
	}
}

bool bk_recto(size_t page)
{
	return page % 2 == 0;
}

rect bk_text_area(const bk_geom *g, size_t page)
{
	double left = bk_recto(page) ? g->inner : g->outer;
	return (rect){left, g->top, g->page_w - g->inner - g->outer,
		      g->page_h - g->top - g->bottom};
}

/* --- the stream --- */

bk_chunk *bk_stream_chunk(bk_stream *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->c = xrealloc(s->c, s->cap * sizeof *s->c);
	}
	bk_chunk *c = &s->c[s->n++];
	*c = (bk_chunk){.mark = -1, .head = -1};
	return c;
}

bk_block *bk_chunk_block(bk_chunk *c)
{
	c->b = xrealloc(c->b, (c->n + 1) * sizeof *c->b);
	bk_block *b = &c->b[c->n++];
	*b = (bk_block){.node = -1, .number = -1};
	return b;
}

void bk_stream_free(bk_stream *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (size_t j = 0; j < s->c[i].n; j++) {
			if (s->c[i].b[j].layout)
				g_object_unref(s->c[i].b[j].layout);
			free(s->c[i].b[j].parts);
		}
		free(s->c[i].b);
	}
	free(s->c);
	*s = (bk_stream){0};
}

/* --- the document --- */

void bk_doc_init(bk_doc *doc, const bk_geom *g)
{
	*doc = (bk_doc){.g = *g, .figure = -1};
}

int bk_doc_node(bk_doc *doc, const char *role, int parent)
{
	if (doc->nnodes == doc->cap_nodes) {
		doc->cap_nodes = doc->cap_nodes ? 2 * doc->cap_nodes : 64;
		doc->nodes = xrealloc(doc->nodes, doc->cap_nodes * sizeof *doc->nodes);
	}
	doc->nodes[doc->nnodes] = (bk_node){.role = role, .parent = parent, .mark = -1};
	if (parent >= 0)
		doc->nodes[parent].parent_of = true;
	return (int)doc->nnodes++;
}

int bk_doc_mark(bk_doc *doc, const char *title, const char *dest, int parent, bool toc)
{
	if (doc->nmarks == doc->cap_marks) {
		doc->cap_marks = doc->cap_marks ? 2 * doc->cap_marks : 32;
		doc->marks = xrealloc(doc->marks, doc->cap_marks * sizeof *doc->marks);
	}
	doc->marks[doc->nmarks] = (bk_mark){
		.title = xstrdup(title), .dest = xstrdup(dest), .parent = parent, .toc = toc};
	return (int)doc->nmarks++;
}

size_t bk_doc_page(bk_doc *doc, bk_page_kind k, bool bare)
{
	doc->pages = xrealloc(doc->pages, (doc->npages + 1) * sizeof *doc->pages);
	doc->pages[doc->npages] = (bk_page){.kind = k, .bare = bare, .head = -1};
	return doc->npages++;
}

bk_box *bk_page_box(bk_page *p)
{
	p->boxes = xrealloc(p->boxes, (p->nboxes + 1) * sizeof *p->boxes);
	bk_box *b = &p->boxes[p->nboxes++];
	*b = (bk_box){0};
	return b;
}

static void page_link(bk_page *p, bk_link l)
{
	p->links = xrealloc(p->links, (p->nlinks + 1) * sizeof *p->links);
	p->links[p->nlinks++] = l;
}

void bk_doc_free(bk_doc *doc)
{
	for (size_t i = 0; i < doc->npages; i++) {
		bk_page *p = &doc->pages[i];
		for (size_t j = 0; j < p->nboxes; j++) {
			if (p->boxes[j].layout)
				g_object_unref(p->boxes[j].layout);
			free(p->boxes[j].parts);
		}
		free(p->boxes);
		free(p->links);
	}
	for (size_t i = 0; i < doc->nmarks; i++) {
		free(doc->marks[i].title);
		free(doc->marks[i].dest);
	}
	for (size_t i = 0; i < doc->nnodes; i++)
		free(doc->nodes[i].alt);
	free(doc->pages);
	free(doc->marks);
	free(doc->pending);
	free(doc->nodes);
	*doc = (bk_doc){0};
}

/* --- flowing --- */

typedef struct {
	bk_doc *doc;
	bk_page_kind kind;
	size_t page;
	rect area;
	double y;   /* used height of the page's text area */
	bool empty; /* nothing placed on the page yet */
	int head;   /* running head for new pages */
} cursor;

static void new_page(cursor *c)
{
	c->page = bk_doc_page(c->doc, c->kind, false);
	c->doc->pages[c->page].head = c->head;
	c->area = bk_text_area(&c->doc->g, c->page);
	c->y = 0;
	c->empty = true;
}

/* Lines of a text block, cached per block while it is placed. */
typedef struct {
	para_line *l;
	size_t n;
} lines;

static lines block_lines(const bk_block *b)
{
	lines L = {0};
	if (b->kind == BX_TEXT)
		L.n = para_lines(b->layout, &L.l);
	return L;
}

static double lines_h(const lines *L, size_t from, size_t count)
{
	return count ? L->l[from + count - 1].bottom - L->l[from].top : 0;
}

static double block_h(const bk_block *b)
{
	if (b->beside)
		return 0;
	if (b->kind == BX_FILL || b->kind == BX_IMAGE)
		return b->h;
	if (b->kind == BX_RULED)
		return 3 * b->h; /* at least a few lines to write on */
	lines L = block_lines(b);
	double h = lines_h(&L, 0, L.n);
	free(L.l);
	return h;
}

static double chunk_h(const bk_chunk *c)
{
	double h = 0;
	for (size_t i = 0; i < c->n; i++)
		h += (i ? c->b[i].space_before : 0) + block_h(&c->b[i]);
	return h;
}

/* The least of chunk c that must go on a page with whatever comes before it: all of it when
 * it is kept together (and fits a page), else its blocks up to the first two lines of text. */
static double chunk_lead(const bk_chunk *c, double area_h)
{
	double all = chunk_h(c);
	if (c->keep && all <= area_h)
		return all;
	double h = 0;
	for (size_t i = 0; i < c->n; i++) {
		const bk_block *b = &c->b[i];
		h += i ? b->space_before : 0;
		if (b->kind != BX_TEXT) {
			h += block_h(b);
			continue;
		}
		lines L = block_lines(b);
		h += lines_h(&L, 0, L.n < 2 ? L.n : 2);
		free(L.l);
		break;
	}
	return h;
}

/* The mark a node's text links to, -1: none. */
static int node_mark(const bk_doc *d, int node)
{
	return node >= 0 ? d->nodes[node].mark : -1;
}

/* Links of box `box` (lines from..from+k of block b, the first at `top`): the whole box, or
 * each linking part, line by line. Parts are in text order: only those on the box's lines
 * are looked at. */
static void box_links(cursor *c, const bk_block *b, const lines *L, size_t box, size_t from,
		      size_t k, double top, double h)
{
	bk_doc *d = c->doc;
	bk_page *p = &d->pages[c->page];
	const bk_box *x = &p->boxes[box];
	if (node_mark(d, b->node) >= 0)
		page_link(p, (bk_link){{x->x, top, c->area.w - b->dx, h},
				       node_mark(d, b->node),
				       box,
				       -1,
				       -1});
	if (!k)
		return;
	const char *text = pango_layout_get_text(b->layout);
	int first = L->l[from].start, past = L->l[from + k - 1].end;
	for (size_t i = 0; i < b->nparts; i++) {
		int mark = node_mark(d, b->parts[i].node);
		int end = i + 1 < b->nparts ? b->parts[i + 1].start : (int)strlen(text);
		if (b->parts[i].start >= past)
			break;
		if (mark < 0 || end <= first)
			continue;
		para_span *sp;
		size_t n = para_range(b->layout, L->l, from, from + k, b->parts[i].start, end, &sp);
		for (size_t j = 0; j < n; j++)
			page_link(p, (bk_link){{x->x + sp[j].r.x, x->y + sp[j].r.y, sp[j].r.w,
						sp[j].r.h},
					       mark,
					       box,
					       (int)i,
					       sp[j].line});
		free(sp);
	}
}

static void add_lines(cursor *c, const bk_block *b, const lines *L, size_t from, size_t k,
		      double sb)
{
	bk_page *p = &c->doc->pages[c->page];
	bk_box *x = bk_page_box(p);
	double top = c->area.y + c->y + sb;
	*x = (bk_box){.kind = BX_TEXT,
		      .layout = g_object_ref(b->layout),
		      .first = from,
		      .count = k,
		      .x = c->area.x + b->dx,
		      .y = top - L->l[from].top,
		      .color = b->color,
		      .fade = b->fade,
		      .node = b->node};
	if (b->nparts) {
		x->parts = xmalloc(b->nparts * sizeof *x->parts);
		memcpy(x->parts, b->parts, b->nparts * sizeof *x->parts);
		x->nparts = b->nparts;
	}
	double h = lines_h(L, from, k);
	box_links(c, b, L, p->nboxes - 1, from, k, top, h);
	if (b->number >= 0 && from + k == L->n) {
		bk_doc *d = c->doc;
		d->pending = xrealloc(d->pending, (d->npending + 1) * sizeof *d->pending);
		d->pending[d->npending++] =
			(bk_pending){c->page, c->area.x + c->area.w, x->y + L->l[L->n - 1].baseline,
				     b->number, b->node};
	}
	c->y += sb + h;
	c->empty = false;
}

/* How many lines from `from` to put on this page: as many as fit, but never one line
 * alone at the foot (orphan) or at the head of the next page (widow). 0: start a new page. */
static size_t lines_here(const lines *L, size_t from, double avail)
{
	size_t left = L->n - from, k = 0;
	while (k < left && lines_h(L, from, k + 1) <= avail + 0.01)
		k++;
	if (k == left)
		return k;
	if (left - k < 2)
		k = left >= 2 ? left - 2 : 0;
	if (from == 0 && k < 2)
		k = 0;
	return k;
}

static void place_text(cursor *c, const bk_block *b, double sb)
{
	lines L = block_lines(b);
	size_t from = 0;
	while (from < L.n) {
		size_t k = lines_here(&L, from, c->area.h - c->y - sb);
		if (k == 0 &&
		    c->empty) { /* a page cannot hold even this: put what fits, at least 1 */
			k = 1;
			while (from + k < L.n && lines_h(&L, from, k + 1) <= c->area.h - c->y - sb)
				k++;
		}
		if (k == 0) {
			new_page(c);
			sb = 0;
			continue;
		}
		add_lines(c, b, &L, from, k, sb);
		from += k;
		if (from < L.n) {
			new_page(c);
			sb = 0;
		}
	}
	free(L.l);
}

static void place_block(cursor *c, const bk_block *b, double sb)
{
	if (b->kind == BX_TEXT) {
		place_text(c, b, sb);
		return;
	}
	if (!c->empty && c->y + sb + block_h(b) > c->area.h) {
		new_page(c);
		sb = 0;
	}
	bk_box *x = bk_page_box(&c->doc->pages[c->page]);
	double top = c->area.y + c->y + sb;
	if (b->kind == BX_FILL || b->kind == BX_IMAGE) {
		*x = (bk_box){.kind = b->kind,
			      .x = c->area.x + b->dx,
			      .y = top,
			      .w = b->w,
			      .h = b->h,
			      .color = b->color,
			      .fade = b->fade,
			      .image = b->image,
			      .node = -1,
			      .art = ART_LAYOUT};
		c->y += sb + (b->beside ? 0 : b->h); /* beside: the next block's row starts here */
	} else {
		*x = (bk_box){.kind = BX_RULED,
			      .x = c->area.x + b->dx,
			      .y = top,
			      .w = c->area.w - b->dx,
			      .h = c->area.h - c->y - sb,
			      .step = b->h,
			      .color = b->color,
			      .fade = b->fade,
			      .node = -1,
			      .art = ART_LAYOUT};
		c->y = c->area.h;
	}
	c->empty = false;
}

static void place_chunk(cursor *c, const bk_chunk *k, const bk_chunk *next)
{
	if (k->new_page && !c->empty)
		new_page(c);
	double sb = c->empty ? 0 : k->space_before;
	double need = chunk_lead(k, c->area.h);
	if (k->with_next && next)
		need = chunk_h(k) + next->space_before + chunk_lead(next, c->area.h);
	if (!c->empty && c->y + sb + need > c->area.h) {
		new_page(c);
		sb = 0;
	}
	if (k->head >= 0) {
		/* a chapter's first page has no running head; the pages after it show its title */
		c->doc->pages[c->page].head = -1;
		c->head = k->head;
	}
	if (k->mark >= 0) {
		bk_mark *m = &c->doc->marks[k->mark];
		m->page = c->page;
		m->y = c->area.y + c->y + sb;
		m->placed = true;
	}
	for (size_t i = 0; i < k->n; i++)
		place_block(c, &k->b[i], i ? (c->empty ? 0 : k->b[i].space_before) : sb);
}

void bk_flow(bk_doc *doc, const bk_stream *s, bk_page_kind k)
{
	cursor c = {.doc = doc, .kind = k, .head = -1};
	new_page(&c);
	for (size_t i = 0; i < s->n; i++)
		place_chunk(&c, &s->c[i], i + 1 < s->n ? &s->c[i + 1] : NULL);
}

/* --- page furniture --- */

static void roman(unsigned n, char *buf)
{
	static const struct {
		unsigned v;
		const char *s;
	} r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
		 {5, "v"},    {4, "iv"},   {1, "i"}};
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof r / sizeof r[0] && n < 4000; i++)
		while (n >= r[i].v) {
			strcat(buf, r[i].s);
			n -= r[i].v;
		}
}

char *bk_page_label(const bk_doc *doc, size_t p, char *buf)
{
	if (p == 0)
		buf[0] = '\0';
	else if (p < doc->body_first)
		roman((unsigned)p, buf);
	else
		snprintf(buf, 16, "%zu", p - doc->body_first + 1);
	return buf;
}

/* A one-line layout of text at baseline y, its left edge at x or its right edge at x; part
 * of node's text, or an artifact of kind art when node is -1. */
static void furniture(bk_page *p, const bk_furniture *f, const para_style *st, const char *markup,
		      double x, bool right, double baseline, double fade, int node, bk_art art)
{
	PangoLayout *l = para_new(f->ctx, st, markup, 0);
	if (!l)
		return;
	para_line *L;
	size_t n = para_lines(l, &L);
	bk_box *b = bk_page_box(p);
	*b = (bk_box){.kind = BX_TEXT,
		      .layout = l,
		      .first = 0,
		      .count = n,
		      .x = right ? x - para_width(l) : x,
		      .y = baseline - (n ? L[0].baseline : 0),
		      .color = f->ink,
		      .fade = fade,
		      .node = node,
		      .art = art};
	free(L);
}

void bk_furnish(bk_doc *doc, const bk_furniture *f)
{
	char buf[16];
	for (size_t i = 0; i < doc->npages; i++) {
		bk_page *p = &doc->pages[i];
		if (p->bare)
			continue;
		rect a = bk_text_area(&doc->g, i);
		bool r = bk_recto(i);
		double outer = r ? a.x + a.w : a.x;
		furniture(p, f, &f->folio, bk_page_label(doc, i, buf), outer, r, doc->g.folio_base,
			  0.3, -1, ART_FOOTER);
		if (p->head >= 0) {
			char *up = g_utf8_strup(doc->marks[p->head].title, -1);
			char *m = g_markup_escape_text(up, -1);
			furniture(p, f, &f->head, m, outer, r, doc->g.head_base, f->head_fade, -1,
				  ART_HEADER);
			g_free(m);
			g_free(up);
		}
	}
	for (size_t i = 0; i < doc->npending; i++) {
		const bk_pending *q = &doc->pending[i];
		furniture(&doc->pages[q->page], f, &f->number,
			  bk_page_label(doc, doc->marks[q->mark].page, buf), q->right, true,
			  q->baseline, 0.2, q->node, ART_LAYOUT);
	}
}
