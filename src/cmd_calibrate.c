/* cmd_calibrate.c - deckpress calibrate: a duplex test sheet to measure a printer's
 * front/back misregistration. It is the card sheet's twin: the same imposition plan as
 * 'deckpress cards' with the same options (sheet, orientation, size, grid), a target at the
 * centre of every card, mirrored by the same code as the backs, so a reading is exactly
 * the --back-offset to use, on the axes the cards use. */
#include <cairo-pdf.h>
#include <getopt.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pdf_meta.h"
#include "cli_print.h"
#include "commands.h"
#include "fonts.h"
#include "impose.h"
#include "paths.h"
#include "pdf_out.h"
#include "render_color.h"
#include "typeset.h"

#define RANGE_MM     10 /* the scales read -10 mm to +10 mm: every offset --back-offset takes */
#define SCALE_GAP_MM 12 /* scales sit this far from the target's centre, clear of each other */

void cmd_calibrate_help(FILE *out)
{
	fputs("Usage: deckpress calibrate -o CAL.pdf [--sheet a4|letter|a3] [--size NAME|WxH]\n"
	      "       [--duplex long|short] [--back-offset X,Y]\n"
	      "Write a two-page duplex test sheet laid out exactly like a sheet of cards with the\n"
	      "same options: a target where each card's centre is. Print it duplex at 100%, hold\n"
	      "it against the light, and read on the back's scales (-10 to 10 mm) where the\n"
	      "front's cross shows through: that is X,Y for 'deckpress cards --back-offset X,Y'.\n"
	      "Print it again with --back-offset X,Y to check: the crosses then read 0,0.\n\n"
	      "Options:\n"
	      "  -o, --output FILE   the PDF to write (required)\n"
	      "      --sheet, --size, --bleed, --margin, --marks, --duplex, --back-offset\n"
	      "                      as for 'deckpress cards' (give the ones you print with)\n"
	      "  -h, --help          show this help\n\n",
	      out);
	print_exit_codes(out);
}

static void text(cairo_t *cr, PangoContext *ctx, const char *s, double size, double x, double y,
		 double width, bool centre)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string("Open Sans");
	pango_font_description_set_size(fd, pt_to_pango(size));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, pt_to_pango(width));
	pango_layout_set_alignment(l, centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	pango_layout_set_text(l, s, -1);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* Front: a thin cross with a circle at the centre of the slot; its arms reach over the
 * back's scales at any offset they can read. */
static void cross(cairo_t *cr, double cx, double cy)
{
	double arm = mm_to_pt(RANGE_MM + SCALE_GAP_MM + 3);
	render_set_gray(cr, 0);
	cairo_set_line_width(cr, 0.3);
	cairo_move_to(cr, cx - arm, cy);
	cairo_line_to(cr, cx + arm, cy);
	cairo_move_to(cr, cx, cy - arm);
	cairo_line_to(cr, cx, cy + arm);
	cairo_stroke(cr);
	cairo_arc(cr, cx, cy, mm_to_pt(1), 0, 2 * M_PI);
	cairo_stroke(cr);
}

/* Back: an X scale below the slot's centre and a Y scale right of it, numbered in mm as
 * seen from the back. The front cross's vertical arm crosses the X scale at the X to use,
 * its horizontal arm the Y scale at the Y to use. */
static void scales(cairo_t *cr, PangoContext *ctx, double cx, double cy)
{
	double off = mm_to_pt(SCALE_GAP_MM);
	render_set_gray(cr, 0);
	cairo_set_line_width(cr, 0.3);
	for (int i = -2 * RANGE_MM; i <= 2 * RANGE_MM; i++) {
		double d = mm_to_pt(i * 0.5), len = mm_to_pt(i % 2 ? 1.0 : i % 10 ? 1.6 : 2.4);
		cairo_move_to(cr, cx + d, cy + off);
		cairo_line_to(cr, cx + d, cy + off + len);
		cairo_move_to(cr, cx + off, cy + d);
		cairo_line_to(cr, cx + off + len, cy + d);
		if (i % 10 == 0) { /* numbered every 5 mm */
			char num[16];
			snprintf(num, sizeof num, "%d", i / 2);
			text(cr, ctx, num, 4.5, cx + d - 8, cy + off + mm_to_pt(2.6), 16, true);
			text(cr, ctx, num, 4.5, cx + off + mm_to_pt(2.8), cy + d - 3.2, 16, false);
		}
	}
	cairo_move_to(cr, cx - mm_to_pt(RANGE_MM), cy + off);
	cairo_line_to(cr, cx + mm_to_pt(RANGE_MM), cy + off);
	cairo_move_to(cr, cx + off, cy - mm_to_pt(RANGE_MM));
	cairo_line_to(cr, cx + off, cy + mm_to_pt(RANGE_MM));
	cairo_stroke(cr);
	text(cr, ctx, "X", 6, cx - mm_to_pt(RANGE_MM) - 9, cy + off - 1, 10, false);
	text(cr, ctx, "Y", 6, cx + off - 2, cy - mm_to_pt(RANGE_MM) - 10, 10, false);
}

/* Where each card is cut, as a faint outline: the sheet is recognisably the cards' twin. */
static void outlines(cairo_t *cr, const impose_plan *plan, bool back)
{
	cairo_save(cr);
	render_set_gray(cr, 0.75);
	cairo_set_line_width(cr, 0.25);
	for (int i = 0; i < plan->per_page; i++) {
		rect r = back ? plan->slots[i].back_trim : plan->slots[i].trim;
		cairo_rectangle(cr, r.x, r.y, r.w, r.h);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void draw(cairo_surface_t *s, const impose_plan *plan, PangoContext *ctx, const char *mode)
{
	pdf_metadata(s, NULL, NULL, "deckpress duplex calibration");
	cairo_t *cr = cairo_create(s);
	rect p = plan->printable;
	char *note = xasprintf("deckpress calibrate \u00b7 front \u00b7 print duplex (%s edge) at "
			       "100%%, then hold against the light",
			       mode);
	render_set_gray(cr, 0);
	text(cr, ctx, note, 7, p.x, p.y, p.w, true);
	outlines(cr, plan, false);
	for (int i = 0; i < plan->per_page; i++)
		cross(cr, plan->slots[i].trim.x + plan->slots[i].trim.w / 2,
		      plan->slots[i].trim.y + plan->slots[i].trim.h / 2);
	cairo_show_page(cr);
	render_set_gray(cr, 0);
	text(cr, ctx,
	     "back \u00b7 read X and Y where the front's cross shows through each scale, then "
	     "use: deckpress cards --back-offset X,Y (mm)",
	     7, p.x, p.y, p.w, true);
	outlines(cr, plan, true);
	for (int i = 0; i < plan->per_page; i++)
		scales(cr, ctx, plan->slots[i].back_trim.x + plan->slots[i].back_trim.w / 2,
		       plan->slots[i].back_trim.y + plan->slots[i].back_trim.h / 2);
	cairo_show_page(cr);
	free(note);
	cairo_destroy(cr);
}

int cmd_calibrate(int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     CLI_PRINT_OPTIONS,
					     {0}};
	const char *out = NULL;
	cli_print set = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 'h') {
			cmd_calibrate_help(stdout);
			return EXIT_OK;
		} else if (c >= CLI_PRINT_FIRST)
			cli_print_add(&set, c, optarg);
		else
			return bad_option("calibrate", argv);
	}
	if (!out || optind != argc) {
		return usage_error("'calibrate' needs -o CAL.pdf and no deck");
	}
	/* the plan 'deckpress cards' makes with the same options: same sheet, orientation,
	 * grid, flip and offset */
	print_setup ps;
	print_setup_default(&ps);
	if (cli_print_apply(&set, &ps))
		return EXIT_USAGE;
	if (ps.sheet_none || ps.duplex == DUPLEX_NONE || !ps.backs) {
		return usage_error("calibration needs a sheet and duplex long or short");
	}
	char *err = NULL, *real = output_path(out, NULL, 0, &err);
	if (!real) {
		fprintf(stderr, "%s: error: not written: %s\n", out, err);
		free(err);
		return EXIT_IO;
	}
	out = real;
	impose_plan plan;
	char *dir = paths_fonts_dir();
	fontset *fs = dir ? fontset_new(dir, &err) : NULL;
	free(dir);
	int rc = EXIT_IO;
	if (fs && impose_plan_make(&ps, &plan, &err) == 0) {
		struct diag d;
		diag_init(&d, stderr);
		pdf_out o;
		cairo_surface_t *s = pdf_out_open(&o, out, plan.page_w, plan.page_h, &d);
		if (s) {
			draw(s, &plan, fontset_context(fs),
			     ps.duplex == DUPLEX_LONG ? "long" : "short");
			rc = pdf_out_close(&o, NULL, &d);
		}
		impose_plan_free(&plan);
	}
	if (err)
		usage_error("%s", err);
	free(err);
	free(real);
	fontset_free(fs);
	return rc;
}
