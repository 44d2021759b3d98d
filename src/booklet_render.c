/* booklet_render.c - booklet pages to Cairo: text line by line, colour bars, writing lines,
 * the cover logo, link areas and destinations; structure tags for an accessible PDF. */
#include "booklet_render.h"

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "render_color.h"
#include "render_picture.h"
#include "util.h"

/* --- the tagger: open elements follow the node tree --- */

struct bk_tagger {
	const bk_doc *doc;
	pdf_struct *st;
	int *path; /* nodes whose elements are open, outermost first */
	size_t depth;
	int *first; /* per node: the first element begun for it, -1 */
};

bk_tagger *bk_tagger_begin(cairo_t *cr, const bk_doc *doc, pdf_struct *st)
{
	bk_tagger *t = xcalloc(1, sizeof *t);
	t->doc = doc;
	t->st = st;
	t->path = xcalloc(doc->nnodes + 1, sizeof *t->path);
	t->first = xmalloc((doc->nnodes + 1) * sizeof *t->first);
	for (size_t i = 0; i < doc->nnodes; i++)
		t->first[i] = -1;
	pdf_struct_begin(st, cr, "Document");
	return t;
}

static void close_to(bk_tagger *t, cairo_t *cr, size_t depth)
{
	while (t->depth > depth) {
		pdf_struct_end(t->st, cr);
		t->depth--;
	}
}

void bk_tagger_end(bk_tagger *t, cairo_t *cr)
{
	close_to(t, cr, 0);
	pdf_struct_end(t->st, cr); /* the Document */
	free(t->path);
	free(t->first);
	free(t);
}

static bool is_leaf(const bk_tagger *t, int node)
{
	return !t->doc->nodes[node].parent_of;
}

/* Ends the innermost element if it is a leaf: text never runs on in it past this point. */
static void close_leaf(bk_tagger *t, cairo_t *cr)
{
	if (t->depth && is_leaf(t, t->path[t->depth - 1]))
		close_to(t, cr, t->depth - 1);
}

/* Attributes use '.' decimals whatever the locale. */
static char *link_attrs(const bk_link *l, const char *dest)
{
	char x[NUM_BUF], y[NUM_BUF], w[NUM_BUF], h[NUM_BUF];
	return xasprintf("dest='%s' rect=[%s %s %s %s]", dest, num_format(x, l->r.x, 2),
			 num_format(y, l->r.y, 2), num_format(w, l->r.w, 2),
			 num_format(h, l->r.h, 2));
}

/* Where the text being drawn is: for a Link node, its link rectangle on the page. */
typedef struct {
	const bk_page *pg;
	size_t box;
	int part, line;
} spot;

static const bk_link *find_link(const spot *s)
{
	for (size_t i = 0; i < s->pg->nlinks; i++) {
		const bk_link *l = &s->pg->links[i];
		if (l->box == s->box && l->part == s->part && (s->part < 0 || l->line == s->line))
			return l;
	}
	return NULL;
}

/* Begins node n's element; a node begun before goes on from its first element. */
static void begin_node(bk_tagger *t, cairo_t *cr, int n, const spot *s)
{
	const bk_node *nd = &t->doc->nodes[n];
	const bk_link *l = !strcmp(nd->role, "Link") ? find_link(s) : NULL;
	int el;
	if (l) {
		const bk_mark *m = &t->doc->marks[l->mark];
		char *attrs = link_attrs(l, m->dest);
		el = pdf_struct_begin_link(t->st, cr, attrs, m->title);
		free(attrs);
	} else { /* a link without a destination on this page is read as text */
		el = pdf_struct_begin(t->st, cr, strcmp(nd->role, "Link") ? nd->role : "Span");
	}
	const pdf_elem *first =
		t->first[n] >= 0 ? pdf_struct_elem(t->st, (size_t)t->first[n]) : NULL;
	if (!first) {
		t->first[n] = el;
		pdf_struct_set_lang(t->st, el, nd->lang);
		pdf_struct_set_alt(t->st, el, nd->alt);
	} else if (!strcmp(first->role, pdf_struct_elem(t->st, (size_t)el)->role)) {
		pdf_struct_set_continues(t->st, el, t->first[n]);
	}
	t->path[t->depth++] = n;
}

/* Makes node n's element the innermost open one: ends what is not on its way from the
 * document, begins what is missing. */
static void open_node(bk_tagger *t, cairo_t *cr, int n, const spot *s)
{
	int chain[64];
	size_t len = 0;
	for (int m = n; m >= 0 && len < sizeof chain / sizeof chain[0]; m = t->doc->nodes[m].parent)
		chain[len++] = m;
	size_t same = 0; /* chain[len - 1] is the outermost */
	while (same < t->depth && same < len && t->path[same] == chain[len - 1 - same])
		same++;
	if (same == len && same == t->depth)
		return;
	close_to(t, cr, same);
	for (size_t i = same; i < len; i++)
		begin_node(t, cr, chain[len - 1 - i], s);
}

/* --- drawing --- */

static bool draws(const bk_box *b)
{
	switch (b->kind) {
	case BX_FILL:
	case BX_IMAGE:
		return b->w > 0 && b->h > 0;
	case BX_RULED:
		return b->h >= b->step - 0.01;
	default:
		return b->count > 0;
	}
}

/* Line li of box b (its text in the layout's bytes [from, to)), part by part, each in its
 * node's element. */
static void draw_parts(cairo_t *cr, const bk_box *b, const para_line *L, size_t li, bk_tagger *t,
		       spot *s)
{
	int len = (int)strlen(pango_layout_get_text(b->layout));
	for (size_t k = 0; k < b->nparts; k++) {
		int a = b->parts[k].start, e = k + 1 < b->nparts ? b->parts[k + 1].start : len;
		if (a < L[li].start)
			a = L[li].start;
		if (e > L[li].end)
			e = L[li].end;
		if (a >= e)
			continue;
		*s = (spot){s->pg, s->box, (int)k, (int)li};
		open_node(t, cr, b->parts[k].node, s);
		para_show_part(cr, b->layout, (int)li, a, e);
		/* a link's rectangle is per line: the next line is another annotation */
		if (!strcmp(t->doc->nodes[b->parts[k].node].role, "Link"))
			close_leaf(t, cr);
	}
}

static void draw_text(cairo_t *cr, const bk_box *b, bk_tagger *t, spot *s)
{
	para_line *L;
	size_t n = para_lines(b->layout, &L);
	bool parts = t && b->nparts;
	if (t && b->node >= 0 && !parts)
		open_node(t, cr, b->node, s);
	render_set_color(cr, b->color, b->fade);
	render_note_markup_colors(cr, b->layout);
	for (size_t i = b->first; i < b->first + b->count && i < n; i++) {
		cairo_move_to(cr, b->x + L[i].x, b->y + L[i].baseline);
		if (parts)
			draw_parts(cr, b, L, i, t, s);
		else if (t) /* every space and no stray soft hyphen in the tagged text */
			para_show_part(cr, b->layout, (int)i, L[i].start, L[i].end);
		else
			pango_cairo_show_layout_line(
				cr, pango_layout_get_line_readonly(b->layout, (int)i));
	}
	free(L);
}


static void draw_box(cairo_t *cr, const bk_box *b, bk_tagger *t, spot *s)
{
	switch (b->kind) {
	case BX_TEXT:
		draw_text(cr, b, t, s);
		break;
	case BX_FILL:
		render_set_color(cr, b->color, b->fade);
		cairo_rectangle(cr, b->x, b->y, b->w, b->h);
		cairo_fill(cr);
		break;
	case BX_RULED:
		render_set_color(cr, b->color, b->fade);
		cairo_set_line_width(cr, 0.4);
		for (double y = b->step; y <= b->h + 0.01; y += b->step) {
			cairo_move_to(cr, b->x, b->y + y);
			cairo_line_to(cr, b->x + b->w, b->y + y);
		}
		cairo_stroke(cr);
		break;
	case BX_IMAGE:
		if (t && b->node >= 0)
			open_node(t, cr, b->node, s);
		render_picture(cr, b->image, (rect){b->x, b->y, b->w, b->h}, IMAGE_CONTAIN, b->color,
			       b->fade);
		break;
	}
}

static pdf_artifact artifact_kind(bk_art a)
{
	return a == ART_HEADER ? PDF_ART_HEADER : a == ART_FOOTER ? PDF_ART_FOOTER : PDF_ART_LAYOUT;
}

/* The page's artifacts, each run of one kind in one artifact element. */
static void draw_artifacts(cairo_t *cr, const bk_page *pg, bk_tagger *t)
{
	int open = -1; /* the kind of the artifact element open */
	for (size_t i = 0; i < pg->nboxes; i++) {
		const bk_box *b = &pg->boxes[i];
		if (b->node >= 0 || !draws(b))
			continue;
		if (t && open != (int)b->art) {
			if (open >= 0)
				pdf_struct_end(t->st, cr);
			pdf_struct_begin_artifact(t->st, cr, artifact_kind(b->art));
			open = (int)b->art;
		}
		draw_box(cr, b, NULL, NULL);
	}
	if (t && open >= 0)
		pdf_struct_end(t->st, cr);
}

/* The page's other boxes in reading order: by node, which the typesetting stage numbered in
 * that order (a contents entry's page number comes right after its title). */
static void draw_content(cairo_t *cr, const bk_page *pg, bk_tagger *t)
{
	size_t *order = xcalloc(pg->nboxes + 1, sizeof *order), n = 0;
	for (size_t i = 0; i < pg->nboxes; i++) {
		if (pg->boxes[i].node < 0 || !draws(&pg->boxes[i]))
			continue;
		size_t j = n++;
		for (; j > 0 && pg->boxes[order[j - 1]].node > pg->boxes[i].node; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (size_t k = 0; k < n; k++) {
		spot s = {pg, order[k], -1, -1};
		draw_box(cr, &pg->boxes[order[k]], t, &s);
	}
	free(order);
}

static void tag_link(cairo_t *cr, const bk_link *l, const char *dest)
{
	char *attr = link_attrs(l, dest);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	free(attr);
}

static void tag_dest(cairo_t *cr, const bk_mark *m)
{
	char y[NUM_BUF];
	char *attr = xasprintf("name='%s' x=0 y=%s", m->dest, num_format(y, m->y, 2));
	cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
	cairo_tag_end(cr, CAIRO_TAG_DEST);
	free(attr);
}

void booklet_render_page(cairo_t *cr, const bk_doc *doc, size_t p, bool links, bk_tagger *t)
{
	const bk_page *pg = &doc->pages[p];
	cairo_save(cr);
	draw_artifacts(cr, pg, t);
	draw_content(cr, pg, t);
	if (t) /* nothing runs on to the next page inside a leaf: its artifacts come first */
		close_leaf(t, cr);
	if (links || t) {
		for (size_t i = 0; i < doc->nmarks; i++)
			if (doc->marks[i].placed && doc->marks[i].page == p)
				tag_dest(cr, &doc->marks[i]);
		for (size_t i = 0; !t && i < pg->nlinks; i++)
			tag_link(cr, &pg->links[i], doc->marks[pg->links[i].mark].dest);
	}
	cairo_restore(cr);
}
