/* render_card.c - card faces to Cairo: backgrounds into the bleed, text inside the safe area. */
#include "render_card.h"

#include <pango/pangocairo.h>

void render_set_color(cairo_t *cr, uint32_t rgb, double fade)
{
	double c[3] = {(rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0};
	for (int i = 0; i < 3; i++)
		c[i] += (1 - c[i]) * fade;
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static double layout_w(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

static double layout_h(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

static void rule(cairo_t *cr, double x, double y, double w, double thickness)
{
	cairo_rectangle(cr, x, y - thickness / 2, w, thickness);
	cairo_fill(cr);
}

static void stack(cairo_t *cr, const tstack *s, double x, double y)
{
	for (size_t i = 0; i < s->n; i++)
		show(cr, s->layouts[i], x, y + s->y[i]);
}

void render_card_front(cairo_t *cr, const card_face *f, const card_geom *g, rect trim, rect art)
{
	const theme *th = &f->dk->theme;
	cairo_save(cr);
	cairo_rectangle(cr, art.x, art.y, art.w, art.h);
	cairo_clip(cr);
	render_set_color(cr, th->paper, 0);
	cairo_paint(cr);
	/* the band runs into the bleed at the top and sides */
	render_set_color(cr, f->color, 0);
	cairo_rectangle(cr, art.x, art.y, art.w, trim.y + g->band_h - art.y);
	cairo_fill(cr);

	double label_y = trim.y + g->safe + (g->band_h - g->safe - layout_h(f->category)) / 2;
	render_set_color(cr, th->back_ink, 0);
	show(cr, f->category, trim.x + g->safe, label_y);
	render_set_color(cr, th->back_ink, 0.15);
	show(cr, f->type, trim.x + g->w - g->safe - layout_w(f->type), label_y);

	double bx = trim.x + g->body.x, by = trim.y + g->body.y;
	render_set_color(cr, f->color, 0);
	if (f->c->type == CARD_QUOTE)
		rule(cr, bx, by + 2, 22, 1.4);
	if (f->rule_before >= 0) {
		double gap = f->main.y[f->rule_before] - (f->main.y[f->rule_before - 1] +
		              layout_h(f->main.layouts[f->rule_before - 1]));
		rule(cr, bx, by + f->main_top + f->main.y[f->rule_before] - gap / 2, 22, 1.0);
	}
	render_set_color(cr, th->ink, 0);
	stack(cr, &f->main, bx, by + f->main_top);
	render_set_color(cr, th->ink, 0.25);
	stack(cr, &f->bottom, bx, by + f->bottom_top);

	render_set_color(cr, th->ink, 0.45);
	show(cr, f->deck_title, trim.x + g->footer.x, trim.y + g->footer.y);
	show(cr, f->id, trim.x + g->footer.x + g->footer.w - layout_w(f->id), trim.y + g->footer.y);
	cairo_restore(cr);
}

void render_card_back(cairo_t *cr, const card_face *f, const card_geom *g, rect trim, rect art)
{
	const theme *th = &f->dk->theme;
	cairo_save(cr);
	cairo_rectangle(cr, art.x, art.y, art.w, art.h);
	cairo_clip(cr);
	render_set_color(cr, f->c->category >= 0 ? f->color : th->back, 0);
	cairo_paint(cr);
	render_set_color(cr, th->back_ink, 0);
	if (f->back_title)
		show(cr, f->back_title, trim.x + g->safe + 6, trim.y + f->back_title_y);
	double rule_y = trim.y + f->back_category_y - 7;
	rule(cr, trim.x + (g->w - 18) / 2, rule_y, 18, 0.8);
	show(cr, f->back_category, trim.x + (g->w - layout_w(f->back_category)) / 2,
	     trim.y + f->back_category_y);
	cairo_restore(cr);
}
