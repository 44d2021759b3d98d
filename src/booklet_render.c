/* booklet_render.c - booklet pages to Cairo: text line by line, colour bars, writing lines,
 * link areas and destinations. */
#include "booklet_render.h"

#include <pango/pangocairo.h>
#include <stdlib.h>

#include "numfmt.h"
#include "render_card.h"
#include "util.h"

static void draw_text(cairo_t *cr, const bk_box *b)
{
	para_line *L;
	size_t n = para_lines(b->layout, &L);
	render_set_color(cr, b->color, b->fade);
	for (size_t i = b->first; i < b->first + b->count && i < n; i++) {
		cairo_move_to(cr, b->x + L[i].x, b->y + L[i].baseline);
		pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b->layout, (int)i));
	}
	free(L);
}

static void draw_box(cairo_t *cr, const bk_box *b)
{
	switch (b->kind) {
	case BX_TEXT:
		draw_text(cr, b);
		break;
	case BX_FILL:
		if (b->w <= 0 || b->h <= 0)
			return;
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
	}
}

/* Attributes use '.' decimals whatever the locale. */
static void tag_link(cairo_t *cr, const bk_link *l, const char *dest)
{
	char x[NUM_BUF], y[NUM_BUF], w[NUM_BUF], h[NUM_BUF];
	char *attr = xasprintf("dest='%s' rect=[%s %s %s %s]", dest, num_format(x, l->r.x, 2),
			       num_format(y, l->r.y, 2), num_format(w, l->r.w, 2),
			       num_format(h, l->r.h, 2));
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

void booklet_render_page(cairo_t *cr, const bk_doc *doc, size_t p, bool tags)
{
	const bk_page *pg = &doc->pages[p];
	cairo_save(cr);
	for (size_t i = 0; i < pg->nboxes; i++)
		draw_box(cr, &pg->boxes[i]);
	if (tags) {
		for (size_t i = 0; i < doc->nmarks; i++)
			if (doc->marks[i].placed && doc->marks[i].page == p)
				tag_dest(cr, &doc->marks[i]);
		for (size_t i = 0; i < pg->nlinks; i++)
			tag_link(cr, &pg->links[i], doc->marks[pg->links[i].mark].dest);
	}
	cairo_restore(cr);
}
