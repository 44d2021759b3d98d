/* fuzz_image.c - libFuzzer target: a picture a deck names (icon, image, logo), PNG or SVG.
 * The bytes go through what every picture goes through: the checks before decoding, the SVG
 * refusals, librsvg, the scan of what it paints with (paint_scan.c), and drawing fitted into
 * a box on a PDF/X drawing, which records its colours in an ink map. */
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
	image_free(im);
	return 0;
}
