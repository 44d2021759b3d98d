/* render_card.c - card faces to Cairo: draws the boxes of a face's design (card_design.h),
 * fills running into the bleed where the design says so. Decides nothing. */
#include "render_card.h"

#include <math.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

#include "para.h"
#include "render_picture.h"

/* r (from the trim's corner) in page space, its bleed edges moved out to the art box. */
static rect placed(const face_box *b, rect trim, rect art)
{
	rect r = {trim.x + b->r.x, trim.y + b->r.y, b->r.w, b->r.h};
	double right = r.x + r.w, bottom = r.y + r.h;
	if (b->bleed & BLEED_LEFT && r.x <= trim.x)
		r.x = art.x;
	if (b->bleed & BLEED_TOP && r.y <= trim.y)
		r.y = art.y;
	if (b->bleed & BLEED_RIGHT && right >= trim.x + trim.w)
		right = art.x + art.w;
	if (b->bleed & BLEED_BOTTOM && bottom >= trim.y + trim.h)
		bottom = art.y + art.h;
	r.w = right - r.x;
	r.h = bottom - r.y;
	return r;
}

static void draw_box(cairo_t *cr, const face_box *b, rect trim, rect art)
{
	rect r = placed(b, trim, art);
	switch (b->kind) {
	case FB_FILL:
		render_set_color(cr, b->color, b->fade);
		cairo_rectangle(cr, r.x, r.y, r.w, r.h);
		cairo_fill(cr);
		break;
	case FB_DISC:
		render_set_color(cr, b->color, b->fade);
		cairo_new_sub_path(cr);
		cairo_arc(cr, r.x + r.w / 2, r.y + r.h / 2, fmin(r.w, r.h) / 2, 0, 2 * M_PI);
		cairo_fill(cr);
		break;
	case FB_TEXT:
		render_set_color(cr, b->color, b->fade);
		cairo_move_to(cr, r.x, r.y);
		para_show(cr, b->layout);
		break;
	case FB_PICTURE:
		render_picture(cr, b->img, r, b->fit, b->color, b->fade);
		break;
	}
}

static void draw_side(cairo_t *cr, const face_side *s, rect trim, rect art)
{
	cairo_save(cr);
	cairo_rectangle(cr, art.x, art.y, art.w, art.h);
	cairo_clip(cr);
	for (size_t i = 0; i < s->n; i++)
		draw_box(cr, &s->v[i], trim, art);
	cairo_restore(cr);
}

void render_card_front(cairo_t *cr, const card_face *f, rect trim, rect art)
{
	draw_side(cr, &f->front, trim, art);
}

void render_card_back(cairo_t *cr, const card_face *f, rect trim, rect art)
{
	draw_side(cr, &f->back, trim, art);
}
