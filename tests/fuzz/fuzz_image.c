/* fuzz_image.c - libFuzzer target: a picture a deck names (icon, image, logo), PNG or SVG.
 * The bytes go through what every picture goes through: the checks before decoding, the SVG
 * refusals, librsvg, the scan of what it paints with (paint_scan.c), drawing fitted into a
 * box on a PDF/X drawing, which records its colours in an ink map, and painted twice on each
 * of two PDF pages from its copies (image_copies.h), the PDF thrown away. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

#include "color.h"
#include "fuzz_common.h"
#include "image.h"
#include "ink_map.h"
#include "render_picture.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static color_profile *profile;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_setup();
	char *err = NULL;
	profile = color_profile_from_mem(icc_fogra39, icc_fogra39_len, "FOGRA39", &err);
	if (!profile) {
		fprintf(stderr, "fuzz_image: %s\n", err ? err : "no profile");
		exit(1);
	}
	return 0;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

static void pdf_pages(const image *im)
{
	cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(discard, NULL, 200, 100);
	cairo_t *cr = cairo_create(pdf);
	for (int page = 0; page < 2; page++) {
		image_draw(cr, im, (rect){10, 10, 80, 60}, IMAGE_CONTAIN);
		image_draw(cr, im, (rect){100, 10, 90, 80}, IMAGE_COVER);
		image_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	cairo_surface_destroy(pdf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	image_error e;
	image *im = image_load_mem(data, size, &e);
	image_error_free(&e);
	if (!im)
		return 0;
	size_t n;
	image_colors(im, &n);
	(void)image_pdfx_problem(im, true);
	cairo_rectangle_t ext = {0, 0, 200, 100};
	cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	ink_map *inks = ink_map_new(profile, NULL);
	ink_map_attach(rec, inks);
	cairo_t *cr = cairo_create(rec);
	render_picture(cr, im, (rect){10, 10, 120, 60}, IMAGE_CONTAIN, 0x2f5d8a, 0.5);
	render_picture(cr, im, (rect){10, 10, 120, 60}, IMAGE_COVER, 0xffffff, 0);
	(void)image_ppi(im, (rect){0, 0, 50, 50}, IMAGE_COVER);
	cairo_destroy(cr);
	cairo_surface_destroy(rec);
	ink_map_free(inks);
	pdf_pages(im);
	image_free(im);
	return 0;
}
