/* booklet_pdf.c - the booklet document: paginate, then write the pages (or saddle-stitch
 * sheets) with outline, page labels, links, structure tags and metadata; finish with the
 * accessible PDF's additions, a stable /ID and an atomic write. */
#include "booklet.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booklet_content.h"
#include "booklet_flow.h"
#include "booklet_render.h"
#include "pdf_meta.h"
#include "deck_pictures.h"
#include "image.h"
#include "render_color.h"
#include "impose_saddle.h"
#include "ink_map.h"
#include "labels.h"
#include "pdf_out.h"
#include "util.h"

static const char *const format_names[BOOKLET_NFORMATS] = {"a5", "a6", "letter-half"};

int booklet_format_parse(const char *name, booklet_format *out)
{
	for (int i = 0; i < BOOKLET_NFORMATS; i++)
		if (!strcmp(name, format_names[i])) {
			*out = (booklet_format)i;
			return 0;
		}
	return -1;
}

const char *booklet_format_name(booklet_format f)
{
	return f < BOOKLET_NFORMATS ? format_names[f] : "?";
}

const char *booklet_format_list(void)
{
	return "a5, a6, letter-half";
}

/* Cover, contents, then the body from a right-hand page on. */
static int paginate(const booklet_job *job, const deck_pictures *pics, bk_doc *doc,
		    struct diag *d)
{
	bk_geom g;
	bk_geom_make(job->format, &g);
	bk_doc_init(doc, &g);
	bk_content c;
	int errors = bk_content_make(job, pics, doc, &c, d);
	if (errors == 0) {
		bk_flow(doc, &c.cover, PG_COVER);
		doc->pages[0].bare = true;
		bk_flow(doc, &c.front, PG_FRONT);
		if (doc->npages %
		    2) /* a blank left-hand page, so that page 1 is a right-hand one */
			bk_doc_page(doc, PG_FRONT, true);
		doc->body_first = doc->npages;
		bk_flow(doc, &c.body, PG_BODY);
		bk_furnish(doc, &c.furniture);
	}
	bk_content_free(&c);
	return errors;
}

/* Chapters, guide sections and cards in the outline, each under its chapter. */
static void outline(cairo_surface_t *s, const bk_doc *doc)
{
	int *id = xcalloc(doc->nmarks + 1, sizeof *id);
	for (size_t i = 0; i < doc->nmarks; i++) {
		const bk_mark *m = &doc->marks[i];
		if (!m->placed)
			continue;
		int parent = m->parent >= 0 ? id[m->parent] : CAIRO_PDF_OUTLINE_ROOT;
		char *attr = xasprintf("dest='%s'", m->dest);
		id[i] = cairo_pdf_surface_add_outline(s, parent, m->title, attr, 0);
		free(attr);
	}
	free(id);
}

/* The team's logo on the cover: top right of the text area, on a plate of the team's back
 * colour, as it appears on the card backs (logos are made for those). */
static void cover_logo(const booklet_job *job, bk_doc *doc, const image *logo)
{
	if (!logo || !doc->npages)
		return;
	rect area = bk_text_area(&doc->g, 0);
	double side = mm_to_pt(20), pad = mm_to_pt(3), iw, ih;
	image_size(logo, &iw, &ih);
	double k = fmin((side - 2 * pad) / iw, (side - 2 * pad) / ih);
	double x = area.x + area.w - side, y = area.y;
	bk_box *plate = bk_page_box(&doc->pages[0]);
	*plate = (bk_box){.kind = BX_FILL,
			  .x = x,
			  .y = y,
			  .w = side,
			  .h = side,
			  .color = job->dk->theme.back,
			  .node = -1,
			  .art = ART_LAYOUT};
	bk_box *img = bk_page_box(&doc->pages[0]);
	*img = (bk_box){.kind = BX_IMAGE,
			.x = x + (side - iw * k) / 2,
			.y = y + (side - ih * k) / 2,
			.w = iw * k,
			.h = ih * k,
			.color = job->dk->theme.back,
			.image = logo,
			.node = doc->figure};
}

/* For the print shop: the cover's top margin as a plate of the team's colour (the colour of
 * the card backs and the logo's plate), running into the bleed on three sides; in the page's
 * own coordinates, which start at the trim. */
static void cover_plate(cairo_t *cr, const booklet_job *job, const bk_doc *doc, pdf_struct *st)
{
	double b = job->bleed, h = 0.6 * doc->g.top;
	if (st)
		pdf_struct_begin_artifact(st, cr, PDF_ART_LAYOUT);
	cairo_save(cr);
	render_set_color(cr, job->dk->theme.back, 0);
	cairo_rectangle(cr, -b, -b, doc->g.page_w + 2 * b, h + b);
	cairo_fill(cr);
	cairo_restore(cr);
	if (st)
		pdf_struct_end(st, cr);
}

/* The pages, tagged when st is given (else with links only). */
static void write_pages(const booklet_job *job, const deck_pictures *pics, const bk_doc *doc,
			cairo_surface_t *s, pdf_struct *st)
{
	pdf_metadata(s, job->dk, job->lang, NULL);
	cairo_t *cr = cairo_create(s);
	render_note_colors(cr, pics->colors, pics->ncolors); /* before any colour of ours */
	/* links outside a structure tag make Cairo 1.16 write a damaged file */
	bk_tagger *t = st ? bk_tagger_begin(cr, doc, st) : NULL;
	if (!t)
		cairo_tag_begin(cr, "Document", NULL);
	char buf[16];
	for (size_t p = 0; p < doc->npages; p++) {
		cairo_pdf_surface_set_page_label(s, p == 0 ? label(job->lang, L_COVER)
							   : bk_page_label(doc, p, buf));
		cairo_save(cr);
		cairo_translate(cr, job->bleed, job->bleed); /* the trim, inside the bleed */
		if (p == 0 && job->bleed > 0)
			cover_plate(cr, job, doc, st);
		booklet_render_page(cr, doc, p, true, t);
		cairo_restore(cr);
		image_show_page(cr);
	}
	if (t)
		bk_tagger_end(t, cr);
	else
		cairo_tag_end(cr, "Document");
	outline(s, doc);
	cairo_destroy(cr);
}

/* Page p of the booklet drawn into rectangle r of the sheet (clipped to it), straight onto
 * the sheet: its colours go to the sheet's ink map, and its pictures are painted from the
 * sheet's copies (image_copies.h), each written into the file once. (Pages recorded first
 * and placed as forms drew every SVG again on each page: a recording inside a recording is
 * written with or without a transparency group from run to run by Cairo 1.16.) */
static void place_page(cairo_t *cr, const bk_doc *doc, int p, const saddle_plan *plan, rect r)
{
	if (p > plan->pages)
		return;
	cairo_save(cr);
	cairo_rectangle(cr, r.x, r.y, r.w, r.h);
	cairo_clip(cr);
	cairo_translate(cr, r.x, r.y);
	booklet_render_page(cr, doc, (size_t)p - 1, false, NULL);
	cairo_restore(cr);
}

/* Short marks where the sheet is folded, at the centre of its top and bottom edges: inside
 * the 5 mm an office printer cannot print, in the pages' blank top and bottom margins. */
static void fold_marks(cairo_t *cr, const saddle_plan *p)
{
	double from = mm_to_pt(5.5), len = mm_to_pt(2.5), cx = p->sheet_w / 2;
	cairo_save(cr);
	render_set_gray(cr, 0.4);
	cairo_set_line_width(cr, 0.3);
	cairo_move_to(cr, cx, from);
	cairo_line_to(cr, cx, from + len);
	cairo_move_to(cr, cx, p->sheet_h - from - len);
	cairo_line_to(cr, cx, p->sheet_h - from);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void write_sheets(const booklet_job *job, const deck_pictures *pics, const bk_doc *doc,
			 const saddle_plan *plan, cairo_surface_t *s)
{
	pdf_metadata(s, job->dk, job->lang, NULL);
	cairo_t *cr = cairo_create(s);
	render_note_colors(cr, pics->colors, pics->ncolors); /* before any colour of ours */
	for (int side = 0; side < 2 * plan->sheets; side++) {
		saddle_side sd = saddle_side_get(plan, side);
		cairo_save(cr);
		if (sd.rotated) {
			cairo_translate(cr, plan->sheet_w, plan->sheet_h);
			cairo_rotate(cr, M_PI);
		}
		place_page(cr, doc, sd.left, plan, plan->left);
		place_page(cr, doc, sd.right, plan, plan->right);
		fold_marks(cr, plan);
		cairo_restore(cr);
		image_show_page(cr);
	}
	cairo_destroy(cr);
}

int booklet_pdf_write(const booklet_job *job, struct diag *d)
{
	/* the pictures first: the pages borrow them */
	deck_pictures pics;
	bk_doc doc = {0};
	if (deck_pictures_load(&pics, job->dk, job->pdfx, d) || paginate(job, &pics, &doc, d)) {
		deck_pictures_free(&pics, job->dk);
		bk_doc_free(&doc);
		return 1;
	}
	saddle_plan plan;
	if (job->impose && saddle_plan_make((int)doc.npages, doc.g.page_w, doc.g.page_h,
					    doc.g.sheet_w, doc.g.sheet_h, job->duplex, &plan)) {
		diag(d, M_BOOKLET_IMPOSE, NULL, 0, 0, format_names[job->format]);
		deck_pictures_free(&pics, job->dk);
		bk_doc_free(&doc);
		return 1;
	}
	cover_logo(job, &doc, pics.logo);
	booklet_written done = {(int)doc.npages, job->impose ? plan.sheets : 0,
				doc.g.page_w,    doc.g.page_h,
				doc.g.sheet_w,   doc.g.sheet_h};
	/* the imposed sheets are for printing only: tagged are the single pages, for the print
	 * shop too, but not as PDF/X-1a (PDF 1.3: PDF/UA-1 and PDF/X-1a cannot share a file) */
	bool shop = job->bleed > 0 || job->pdfx != PDFX_NONE;
	pdf_struct *tags =
		job->tags && !job->impose && job->pdfx != PDFX_1A ? pdf_struct_new() : NULL;
	double b = job->impose ? 0 : job->bleed;
	rect trim = {b, b, doc.g.page_w, doc.g.page_h};
	rect bleed = {0, 0, doc.g.page_w + 2 * b, doc.g.page_h + 2 * b};
	rect sheet = {0, 0, job->impose ? plan.sheet_w : bleed.w,
		      job->impose ? plan.sheet_h : bleed.h};
	pdf_out o;
	cairo_surface_t *s = job->impose
				     ? pdf_out_open(&o, job->out, plan.sheet_w, plan.sheet_h, d)
				     : pdf_out_open(&o, job->out, bleed.w, bleed.h, d);
	ink_map *inks = shop && job->pdfx != PDFX_NONE ? ink_map_new(job->profile, job->dk) : NULL;
	int rc = 3;
	if (s) {
		if (inks)
			ink_map_attach(s, inks);
		if (job->impose)
			write_sheets(job, &pics, &doc, &plan, s);
		else
			write_pages(job, &pics, &doc, s, tags);
		bk_doc_free(&doc); /* its layouts are drawn: let libqpdf have the memory */
		pdf_tags_opts to = {tags, job->lang};
		pdfx_opts px = {job->pdfx, inks};
		pdf_finish_opts fo = {.tags = tags ? &to : NULL, .pdfx = inks ? &px : NULL};
		if (shop && !job->impose) /* print shops cut at the TrimBox */
			fo.trim = &trim, fo.bleed = &bleed;
		else if (inks) /* PDF/X wants a TrimBox on every page: a sheet is its own */
			fo.trim = fo.bleed = &sheet;
		rc = pdf_out_close(&o, &fo, d);
	}
	ink_map_free(inks);
	pdf_struct_free(tags);
	deck_pictures_free(&pics, job->dk);
	if (rc == 0 && job->written)
		*job->written = done;
	bk_doc_free(&doc);
	return rc;
}
