/* render_picture.c - pictures into a page, their colours and backdrop noted for PDF/X. */
#include "render_picture.h"

#include "render_color.h"

void render_picture(cairo_t *cr, const image *im, rect box, image_fit fit, uint32_t beneath,
		    double fade)
{
	size_t n;
	const uint32_t *colors = image_colors(im, &n);
	render_note_colors(cr, colors, n);
	/* Clip, backdrop and picture cover exactly the same rectangle: Cairo writes a clip for
	 * each drawing operation, reduced to what the operation covers, and a clip that differs
	 * from the one before ends the graphics state (Q q), and with it the backdrop's colour,
	 * which must still be in force where the picture is drawn. */
	rect r = image_fitted(im, box, fit);
	cairo_save(cr);
	cairo_rectangle(cr, r.x, r.y, r.w, r.h);
	cairo_clip(cr);
	render_image_backdrop(cr, beneath, fade, r.x, r.y, r.w, r.h);
	image_draw(cr, im, box, fit);
	cairo_restore(cr);
}
