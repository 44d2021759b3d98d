/* card_design.c - the three card designs as geometry and positioned boxes (classic: a colour
 * band; minimal: a rule, no band; icon: a large category icon on a tinted panel). */
#include "card_design.h"

#include <math.h>

#include "card_face.h"
#include "color.h"
#include "typeset.h"

/* --- geometry --- */

static void classic_geom(card_geom *g)
{
	g->band_h = g->safe + fmax(14.0, 0.075 * g->h);
	double top = g->band_h + 0.6 * g->safe + 4;
	g->body = (rect){g->safe, top, g->w - 2 * g->safe, g->footer.y - 6 - top};
	double side = fmin(g->band_h - g->safe - 4, 12); /* the icon in the band */
	g->icon = (rect){g->safe, g->safe + (g->band_h - g->safe - side) / 2, side, side};
}

static void minimal_geom(card_geom *g)
{
	g->label_y = g->safe;
	g->band_h = g->safe + 12; /* the rule under the labels */
	double top = g->band_h + 10;
	g->body = (rect){g->safe, top, g->w - 2 * g->safe, g->footer.y - 6 - top};
	g->icon = (rect){g->safe, g->safe - 0.5, 9, 9};
}

static void icon_geom(card_geom *g)
{
	double inner_h = g->h - 2 * g->safe;
	g->band_h = g->safe + 0.34 * inner_h; /* the tinted panel, into the bleed */
	g->label_y = g->band_h - 4 - CARD_LABEL_SIZE * 1.4;
	g->icon = (rect){g->safe, g->safe, g->w - 2 * g->safe, g->label_y - 4 - g->safe};
	double top = g->band_h + 8;
	g->body = (rect){g->safe, top, g->w - 2 * g->safe, g->footer.y - 6 - top};
}

void card_geom_make(double w, double h, double safe, card_geom *g)
{
	*g = (card_geom){.w = w, .h = h, .safe = safe};
	double footer_h = CARD_FOOTER_SIZE * 1.4;
	g->footer = (rect){safe, h - safe - footer_h, w - 2 * safe, footer_h};
	card_geom_layout(g, LAYOUT_CLASSIC);
}

void card_geom_layout(card_geom *g, card_layout layout)
{
	g->layout = layout;
	if (layout == LAYOUT_MINIMAL)
		minimal_geom(g);
	else if (layout == LAYOUT_ICON)
		icon_geom(g);
	else
		classic_geom(g);
	/* a card's image: the top of the body (classic, minimal) or the icon's place (icon) */
	g->picture = layout == LAYOUT_ICON ? g->icon
					   : (rect){g->body.x, g->body.y, g->body.w,
						    round(0.42 * g->body.h * 4) / 4};
}

rect card_geom_body(const card_geom *g, bool has_picture)
{
	if (!has_picture || g->layout == LAYOUT_ICON)
		return g->body;
	double top = g->picture.y + g->picture.h + 8;
	return (rect){g->body.x, top, g->body.w, g->body.y + g->body.h - top};
}

/* --- boxes --- */

static face_box *add(face_side *s, fbox_kind k, const char *name, rect r, uint32_t color,
		     double fade)
{
	if (s->n == FACE_MAX_BOXES)
		return NULL; /* cannot happen: a design places fewer */
	face_box *b = &s->v[s->n++];
	*b = (face_box){.kind = k, .name = name, .r = r, .color = color, .fade = fade};
	return b;
}

static void fill(face_side *s, const char *name, rect r, unsigned bleed, uint32_t color,
		 double fade)
{
	face_box *b = add(s, FB_FILL, name, r, color, fade);
	if (b)
		b->bleed = bleed;
}

static void text(face_side *s, const char *name, PangoLayout *l, double x, double y, uint32_t color,
		 double fade)
{
	if (!l)
		return;
	face_box *b =
		add(s, FB_TEXT, name, (rect){x, y, layout_width(l), layout_height(l)}, color, fade);
	if (b)
		b->layout = l;
}

static bool inside(rect a, rect b)
{
	return a.x >= b.x - 1e-9 && a.y >= b.y - 1e-9 && a.x + a.w <= b.x + b.w + 1e-9 &&
	       a.y + a.h <= b.y + b.h + 1e-9;
}

/* A picture, with the colour of the topmost fill or disc beneath its box: a PDF/X-1a file
 * flattens the picture's transparency onto that ink (render_image_backdrop). */
static void picture(face_side *s, const char *name, const image *im, rect r, image_fit fit)
{
	if (!im || r.w <= 0 || r.h <= 0)
		return;
	const face_box *under = NULL;
	for (size_t i = s->n; i-- > 0 && !under;)
		if ((s->v[i].kind == FB_FILL || s->v[i].kind == FB_DISC) && inside(r, s->v[i].r))
			under = &s->v[i];
	face_box *b = add(s, FB_PICTURE, name, r, under ? under->color : 0xffffff,
			  under ? under->fade : 0);
	if (b) {
		b->img = im;
		b->fit = fit;
	}
}

/* A short horizontal rule centred on y. */
static void rule(face_side *s, const char *name, double x, double y, double w, double t,
		 uint32_t color)
{
	fill(s, name, (rect){x, y - t / 2, w, t}, 0, color, 0);
}

static const char *const main_names[] = {"main0", "main1", "main2", "main3"};
static const char *const bottom_names[] = {"bottom0", "bottom1"};

/* The body and footer, the same in every design. */
static void body_boxes(const card_geom *g, const card_face *f, const image *pic, face_side *s)
{
	const theme *th = &f->dk->theme;
	if (pic)
		picture(s, "image", pic, g->picture, IMAGE_COVER);
	double bx = f->body.x, by = f->body.y;
	if (f->c->type == CARD_QUOTE)
		rule(s, "quote-rule", bx, by + 2, 22, 1.4, f->color);
	if (f->rule_before > 0) {
		int k = f->rule_before;
		double gap =
			f->main.y[k] - (f->main.y[k - 1] + layout_height(f->main.layouts[k - 1]));
		rule(s, "question-rule", bx, by + f->main_top + f->main.y[k] - gap / 2, 22, 1.0,
		     f->color);
	}
	for (size_t i = 0; i < f->main.n && i < 4; i++)
		text(s, main_names[i], f->main.layouts[i], bx, by + f->main_top + f->main.y[i],
		     th->ink, 0);
	for (size_t i = 0; i < f->bottom.n && i < 2; i++)
		text(s, bottom_names[i], f->bottom.layouts[i], bx,
		     by + f->bottom_top + f->bottom.y[i], th->ink, 0.25);
	text(s, "deck-title", f->deck_title, g->footer.x, g->footer.y, th->ink, f->footer_fade);
	text(s, "id", f->id, g->footer.x + g->footer.w - layout_width(f->id), g->footer.y, th->ink,
	     f->footer_fade);
}

/* The ink for text on a category's colour: the theme's back_ink (white), unless it is too
 * faint there (a yellow category) and the text colour reads better. */
static uint32_t ink_on(const theme *th, uint32_t bg)
{
	return color_legible(th->back_ink, bg, th->ink);
}

/* The type label beside the category in the minimal and icon designs: the text colour faded
 * towards white, as far as it still reads at 4.5:1 on bg (the paper, or the icon panel's
 * tint, which is darker for a dark category colour). */
#define TYPE_FADE  0.45
#define PANEL_FADE 0.82 /* the icon design's panel: the category colour towards white */
static double type_fade(const theme *th, uint32_t bg)
{
	return color_fade_for_contrast(th->ink, bg, TYPE_FADE, 4.5);
}

static void front(const card_geom *g, const card_face *f, face_side *s)
{
	const theme *th = &f->dk->theme;
	rect all = {0, 0, g->w, g->h};
	fill(s, "paper", all, BLEED_ALL, th->paper, 0);
	double x = g->safe + (f->icon && g->layout != LAYOUT_ICON ? g->icon.w + 4 : 0);
	double tx = g->w - g->safe - layout_width(f->type);
	if (g->layout == LAYOUT_CLASSIC) {
		fill(s, "band", (rect){0, 0, g->w, g->band_h}, BLEED_TOP | BLEED_LEFT | BLEED_RIGHT,
		     f->color, 0);
		double y = g->safe + (g->band_h - g->safe - layout_height(f->category)) / 2;
		picture(s, "icon", f->icon, g->icon, IMAGE_CONTAIN);
		uint32_t ink = ink_on(th, f->color);
		text(s, "category", f->category, x, y, ink, 0);
		text(s, "type", f->type, tx, y, ink, ink == th->back_ink ? 0.15 : 0);
	} else if (g->layout == LAYOUT_MINIMAL) {
		picture(s, "icon", f->icon, g->icon, IMAGE_CONTAIN);
		text(s, "category", f->category, x, g->label_y, th->ink, 0);
		text(s, "type", f->type, tx, g->label_y, th->ink, type_fade(th, th->paper));
		rule(s, "rule", g->safe, g->band_h, g->w - 2 * g->safe, 0.8, f->color);
	} else {
		fill(s, "panel", (rect){0, 0, g->w, g->band_h},
		     BLEED_TOP | BLEED_LEFT | BLEED_RIGHT, f->color, PANEL_FADE);
		if (f->picture)
			picture(s, "image", f->picture, g->icon, IMAGE_COVER);
		else
			picture(s, "icon", f->icon, g->icon, IMAGE_CONTAIN);
		uint32_t tint = color_fade(f->color, PANEL_FADE);
		text(s, "category", f->category, x, g->label_y,
		     color_legible(th->ink, tint, th->back_ink), 0);
		text(s, "type", f->type, tx, g->label_y, th->ink, type_fade(th, tint));
	}
	/* in the icon design a card's image is in the panel, above */
	body_boxes(g, f, g->layout == LAYOUT_ICON ? NULL : f->picture, s);
}

/* The team logo, as large as fits in box (never enlarged past 1 pixel = 1 pt) and centred;
 * aligned to the box's bottom when `bottom`, else its top. With a plate colour, on a plate
 * of it (logos are made for the coloured backs; the minimal design's are white). */
static void logo_on(face_side *s, const image *im, rect box, bool bottom, const uint32_t *plate)
{
	if (!im || box.h < 6)
		return;
	double iw, ih;
	image_size(im, &iw, &ih);
	double k = fmin(1.0, fmin(box.w / iw, box.h / ih));
	rect r = {box.x + (box.w - iw * k) / 2, bottom ? box.y + box.h - ih * k : box.y, iw * k,
		  ih * k};
	if (plate)
		fill(s, "logo-plate", (rect){r.x - 4, r.y - 4, r.w + 8, r.h + 8}, 0, *plate, 0);
	picture(s, "logo", im, r, IMAGE_CONTAIN);
}

static void logo(face_side *s, const image *im, rect box, bool bottom)
{
	logo_on(s, im, box, bottom, NULL);
}

/* The back's title and category label: the gap from the icon design's disc to the title,
 * and from the title to the category label (the rule sits in it). */
enum { DISC_GAP = 12, CATEGORY_GAP = 14 };

/* The icon design's disc on the back: its centre's y and its radius. */
static void back_disc(const card_geom *g, double *cy, double *r)
{
	*r = fmin(0.26 * g->w, 0.15 * g->h);
	*cy = 0.36 * g->h;
}

double card_design_back_title_room(const card_geom *g, double cat_h, double team_h)
{
	/* centred at 0.44 of the height (back() below): inside the safe area above, and room
	 * for the category label and the team name below */
	double foot = g->h - g->safe - (team_h > 0 ? team_h + 2 : 0);
	double room = fmin(0.4 * g->h, 2 * fmin(0.44 * g->h - g->safe,
						foot - 0.44 * g->h - CATEGORY_GAP - cat_h));
	if (g->layout == LAYOUT_ICON) {
		double cy, r;
		back_disc(g, &cy, &r);
		room = fmin(room, foot - (cy + r + DISC_GAP) - CATEGORY_GAP - cat_h);
	}
	return room;
}

static void back(const card_geom *g, const card_face *f, face_side *s)
{
	const theme *th = &f->dk->theme;
	bool own = f->c->category >= 0 && !th->back_fixed; /* the category's colour */
	bool quiet = g->layout == LAYOUT_MINIMAL && !th->back_fixed;
	uint32_t bg = quiet ? th->paper : own ? f->color : th->back;
	uint32_t ink = quiet ? th->ink : own ? ink_on(th, bg) : th->back_ink;
	fill(s, "back", (rect){0, 0, g->w, g->h}, BLEED_ALL, bg, 0);
	double title_h = f->back_title ? layout_height(f->back_title) : 0;
	double title_y = 0.44 * g->h - title_h / 2;
	double team_y = g->h - g->safe - (f->back_team ? layout_height(f->back_team) : 0) - 2;
	if (g->layout == LAYOUT_ICON && f->icon) {
		double r, cy;
		back_disc(g, &cy, &r);
		add(s, FB_DISC, "disc", (rect){g->w / 2 - r, cy - r, 2 * r, 2 * r}, th->paper, 0);
		double side = 1.25 * r;
		picture(s, "icon", f->icon, (rect){(g->w - side) / 2, cy - side / 2, side, side},
			IMAGE_CONTAIN);
		title_y = cy + r + DISC_GAP;
		logo(s, f->logo,
		     (rect){0.32 * g->w, g->safe + 2, 0.36 * g->w, cy - r - 8 - g->safe}, false);
	}
	text(s, "back-title", f->back_title, g->safe + 6, title_y, ink, 0);
	double cat_y = title_y + title_h + CATEGORY_GAP;
	rule(s, "back-rule", (g->w - 18) / 2, cat_y - 7, 18, quiet ? 1.6 : 0.8,
	     quiet ? f->color : ink);
	text(s, "back-category", f->back_category, (g->w - layout_width(f->back_category)) / 2,
	     cat_y, ink, 0);
	double below = cat_y + layout_height(f->back_category) + 10;
	if (f->back_team)
		text(s, "team", f->back_team, (g->w - layout_width(f->back_team)) / 2, team_y, ink,
		     0);
	if (g->layout == LAYOUT_CLASSIC) {
		double side = fmin(fmin(0.2 * g->w, 0.12 * g->h), team_y - 6 - below);
		if (f->icon && side >= 8)
			picture(s, "icon", f->icon, (rect){(g->w - side) / 2, below, side, side},
				IMAGE_CONTAIN);
		double bottom = title_y - 10;
		logo(s, f->logo,
		     (rect){0.3 * g->w, g->safe, 0.4 * g->w,
			    fmin(0.16 * g->h, bottom - g->safe - g->band_h / 2)},
		     true);
		return;
	}
	if (g->layout == LAYOUT_MINIMAL) {
		double side = fmin(0.22 * g->w, 0.14 * g->h);
		if (f->icon && title_y - 12 - side > g->safe)
			picture(s, "icon", f->icon,
				(rect){(g->w - side) / 2, title_y - 12 - side, side, side},
				IMAGE_CONTAIN);
		double bh = fmin(0.12 * g->h, team_y - 10 - below);
		logo_on(s, f->logo, (rect){0.32 * g->w, team_y - 10 - bh, 0.36 * g->w, bh}, true,
			quiet ? &th->back : NULL);
	} else if (!f->icon) {
		logo(s, f->logo,
		     (rect){0.3 * g->w, g->safe, 0.4 * g->w,
			    fmin(0.16 * g->h, title_y - 10 - g->safe)},
		     true);
	}
}

void card_design_place(const card_geom *g, card_face *f)
{
	f->front.n = f->back.n = 0;
	front(g, f, &f->front);
	back(g, f, &f->back);
}
