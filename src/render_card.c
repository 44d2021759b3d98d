/* render_card.c - card faces to Cairo: backgrounds into the bleed, text inside the safe area. */
#include "render_card.h"

#include "image.h"
#include "para.h"

#include <math.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	para_show(cr, l);
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
		double gap =
			f->main.y[f->rule_before] - (f->main.y[f->rule_before - 1] +
						     layout_h(f->main.layouts[f->rule_before - 1]));
		rule(cr, bx, by + f->main_top + f->main.y[f->rule_before] - gap / 2, 22, 1.0);
	}
	render_set_color(cr, th->ink, 0);
	stack(cr, &f->main, bx, by + f->main_top);
	render_set_color(cr, th->ink, 0.25);
	stack(cr, &f->bottom, bx, by + f->bottom_top);

	render_set_color(cr, th->ink, f->footer_fade);
	show(cr, f->deck_title, trim.x + g->footer.x, trim.y + g->footer.y);
	show(cr, f->id, trim.x + g->footer.x + g->footer.w - layout_w(f->id), trim.y + g->footer.y);
	cairo_restore(cr);
}

/* The logo in a box above the title, scaled to fit, never enlarged past 1 px = 1 pt, on the
 * back's plate of colour `plate`. */
static void logo_image(cairo_t *cr, cairo_surface_t *logo, const card_geom *g, rect trim,
		       double bottom, uint32_t plate)
{
	double iw = cairo_image_surface_get_width(logo), ih = cairo_image_surface_get_height(logo);
	double box_w = 0.4 * g->w,
	       box_h = fmin(0.16 * g->h, bottom - trim.y - g->safe - g->band_h / 2);
	if (iw <= 0 || ih <= 0 || box_h <= 4)
		return;
	double k = fmin(1.0, fmin(box_w / iw, box_h / ih));
	/* Cairo 1.16's PDF surface writes a duplicated resource key (a damaged file, says qpdf)
	 * when one image surface is painted twice on a page: paint a copy each time. */
	cairo_surface_t *copy = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)iw, (int)ih);
	cairo_t *c2 = cairo_create(copy);
	cairo_set_source_surface(c2, logo, 0, 0);
	cairo_paint(c2);
	cairo_destroy(c2);
	cairo_save(cr);
	render_image_backdrop(cr, plate, trim.x + (g->w - iw * k) / 2, bottom - ih * k, iw * k,
			      ih * k);
	cairo_translate(cr, trim.x + (g->w - iw * k) / 2, bottom - ih * k);
	cairo_scale(cr, k, k);
	cairo_set_source_surface(cr, copy, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(copy);
}

void render_card_back(cairo_t *cr, const card_face *f, const card_geom *g, rect trim, rect art,
		      cairo_surface_t *logo)
{
	const theme *th = &f->dk->theme;
	uint32_t plate = f->c->category >= 0 && !th->back_fixed ? f->color : th->back;
	cairo_save(cr);
	cairo_rectangle(cr, art.x, art.y, art.w, art.h);
	cairo_clip(cr);
	render_set_color(cr, plate, 0);
	cairo_paint(cr);
	render_set_color(cr, th->back_ink, 0);
	if (f->back_title)
		show(cr, f->back_title, trim.x + g->safe + 6, trim.y + f->back_title_y);
	double rule_y = trim.y + f->back_category_y - 7;
	rule(cr, trim.x + (g->w - 18) / 2, rule_y, 18, 0.8);
	show(cr, f->back_category, trim.x + (g->w - layout_w(f->back_category)) / 2,
	     trim.y + f->back_category_y);
	if (f->back_team)
		show(cr, f->back_team, trim.x + (g->w - layout_w(f->back_team)) / 2,
		     trim.y + g->h - g->safe - layout_h(f->back_team) - 2);
	if (logo)
		logo_image(cr, logo, g, trim, trim.y + f->back_title_y - 10, plate);
	cairo_restore(cr);
}

cairo_surface_t *render_logo_load(const deck *dk, struct diag *d, bool *failed)
{
	if (!dk->logo)
		return NULL;
	/* checked when the teams file was loaded; this reports only a file changed since */
	image_error e;
	cairo_surface_t *s = image_load_png(dk->logo, dk->root, &e);
	if (s)
		return s;
	diag(d, M_TEAM_LOGO, dk->logo, 0, 0, dk->team ? dk->team : "", dk->logo, e.why);
	image_error_free(&e);
	*failed = true;
	return NULL;
}
