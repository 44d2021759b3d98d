/* render_color.c - every colour drawn, and the ink it prints as on a PDF/X drawing. */
#include "render_color.h"

#include <math.h>
#include <stdlib.h>

#include "ink_map.h"

void render_set_color(cairo_t *cr, uint32_t rgb, double fade)
{
	double c[3] = {(rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0};
	for (int i = 0; i < 3; i++)
		c[i] += (1 - c[i]) * fade;
	ink_map *m = ink_map_of(cr);
	if (m)
		ink_map_put(m, c, ink_map_cmyk(m, rgb, fade), true);
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

void render_set_gray(cairo_t *cr, double level)
{
	double c[3] = {level, level, level};
	ink_map *m = ink_map_of(cr);
	if (m) {
		uint32_t v = (uint32_t)lround(fmin(1, fmax(0, level)) * 255);
		ink_map_put(m, c, color_to_k(ink_map_profile(m), v << 16 | v << 8 | v), true);
	}
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

void render_set_registration(cairo_t *cr)
{
	double c[3] = {0, 0, 0};
	ink_map *m = ink_map_of(cr);
	if (m)
		ink_map_put(m, c, (cmyk){1, 1, 1, 1}, true);
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

void render_note_markup_colors(cairo_t *cr, PangoLayout *l)
{
	ink_map *m = ink_map_of(cr);
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	if (!m || !attrs)
		return;
	GSList *all = pango_attr_list_get_attributes(attrs);
	for (GSList *i = all; i; i = i->next) {
		PangoAttribute *a = i->data;
		if (a->klass->type == PANGO_ATTR_FOREGROUND) {
			PangoColor pc = ((PangoAttrColor *)a)->color;
			/* Pango hands Cairo color / 65535; "#rrggbb" markup has color = rr * 257 */
			double dev[3] = {pc.red / 65535., pc.green / 65535., pc.blue / 65535.};
			uint32_t rgb = (uint32_t)(pc.red >> 8) << 16 | (uint32_t)(pc.green >> 8) << 8 |
				       (uint32_t)(pc.blue >> 8);
			ink_map_put(m, dev, ink_map_cmyk(m, rgb, 0), false);
		}
		pango_attribute_destroy(a);
	}
	g_slist_free(all);
}

void render_note_colors(cairo_t *cr, const uint32_t *rgb, size_t n)
{
	ink_map *m = ink_map_of(cr);
	for (size_t i = 0; m && i < n; i++) {
		double dev[3] = {(rgb[i] >> 16 & 0xff) / 255.0, (rgb[i] >> 8 & 0xff) / 255.0,
				 (rgb[i] & 0xff) / 255.0};
		ink_map_put(m, dev, ink_map_cmyk(m, rgb[i], 0), false);
	}
}

void render_image_backdrop(cairo_t *cr, uint32_t rgb, double fade, double x, double y, double w,
			   double h)
{
	if (!ink_map_of(cr))
		return;
	cairo_save(cr);
	render_set_color(cr, rgb, fade);
	cairo_rectangle(cr, x, y, w, h);
	cairo_fill(cr);
	cairo_restore(cr);
}
