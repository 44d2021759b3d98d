/* cards_pdf.c - impose typeset cards on pages and write the PDF. */
#include "cards_pdf.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "card_face.h"
#include "impose.h"
#include "ink_map.h"
#include "labels.h"
#include "numfmt.h"
#include "pdf_meta.h"
#include "pdf_out.h"
#include "render_card.h"

static void draw_marks(cairo_t *cr, const impose_plan *plan)
{
	cairo_save(cr);
	render_set_registration(cr); /* prints on every plate: the shop registers on it */
	cairo_set_line_width(cr, 0.25);
	for (size_t i = 0; i < plan->nmarks; i++) {
		const segment *m = &plan->marks[i];
		cairo_move_to(cr, m->x1, m->y1);
		cairo_line_to(cr, m->x2, m->y2);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* "Deck · sheet 2/5 · front · print at 100% (actual size)" in the margin. */
static void draw_info(cairo_t *cr, const cards_job *job, PangoContext *ctx, info_place where,
		      rect r, int sheet, int sheets, bool back)
{
	if (where == INFO_NONE)
		return;
	const deck *dk = job->dk;
	char *text = xasprintf(
		"%s \u00b7 %s %d/%d, %s \u00b7 %s", mtext_get(&dk->title, job->lang, dk->language),
		label(job->lang, L_SHEET), sheet, sheets, label(job->lang, back ? L_BACK : L_FRONT),
		label(job->lang, L_PRINT_NOTE));
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, dk->theme.font_sans);
	pango_font_description_set_size(fd, 6 * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	pango_layout_set_width(l, (int)lround((where == INFO_RIGHT ? r.h : r.w) * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_save(cr);
	render_set_gray(cr, 0.35);
	/* against the outer edge of the band, as far from the crop marks as the margin allows;
	 * the whole line box (descenders too) stays inside the band, so out of the margin */
	PangoRectangle ink, ext;
	pango_layout_get_extents(l, &ink, &ext);
	double depth = (double)fmax(ext.y + ext.height, ink.y + ink.height) / PANGO_SCALE + 0.25;
	if (where == INFO_RIGHT) {
		cairo_translate(cr, r.x + fmax(0, r.w - depth), r.y + r.h);
		cairo_rotate(cr, -M_PI / 2);
	} else {
		cairo_translate(cr, r.x, r.y + fmax(0, r.h - depth));
	}
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	g_object_unref(l);
	free(text);
}

typedef struct {
	const cards_job *job;
	const impose_plan *plan;
	cardset *cs;
	cairo_t *cr;
	int sheets;
} pager;

/* One sheet: the fronts of up to per_page cards, then their backs. Faces are kept only for
 * the sheet at hand. */
static int draw_sheet(pager *P, int sheet, card_face *faces)
{
	const impose_plan *plan = P->plan;
	size_t first = (size_t)sheet * (size_t)plan->per_page;
	size_t n = P->job->dk->ncards - first;
	if (n > (size_t)plan->per_page)
		n = (size_t)plan->per_page;
	for (size_t k = 0; k < n; k++)
		if (card_face_make(P->cs, first + k, &faces[k]))
			return -1;
	for (size_t k = 0; k < n; k++) {
		const impose_slot *s = &plan->slots[impose_front(plan, first + k).slot];
		render_card_front(P->cr, &faces[k], s->trim, s->art);
	}
	if (!P->job->ps.sheet_none) {
		draw_marks(P->cr, plan);
		draw_info(P->cr, P->job, P->job->ctx, plan->info_where, plan->info, sheet + 1,
			  P->sheets, false);
	}
	cairo_show_page(P->cr);
	if (plan->backs) {
		for (size_t k = 0; k < n; k++) {
			const impose_slot *s = &plan->slots[impose_back(plan, first + k).slot];
			render_card_back(P->cr, &faces[k], s->back_trim, s->back_art);
		}
		if (!P->job->ps.sheet_none)
			draw_info(P->cr, P->job, P->job->ctx, plan->back_info_where,
				  plan->back_info, sheet + 1, P->sheets, true);
		cairo_show_page(P->cr);
	}
	for (size_t k = 0; k < n; k++)
		card_face_free(&faces[k]);
	return 0;
}

/* Draws every sheet into out; returns 0, 1 (a card could not be typeset) or 3 (reported). */
static int render_pdf(const cards_job *job, const impose_plan *plan, cardset *cs,
		      const pdf_finish_opts *fin, struct diag *d)
{
	pdf_out o;
	cairo_surface_t *surf = pdf_out_open(&o, job->out, plan->page_w, plan->page_h, d);
	if (!surf)
		return 3;
	if (fin->pdfx)
		ink_map_attach(surf, (ink_map *)fin->pdfx->inks);
	pdf_metadata(surf, job->dk, job->lang, NULL);
	cairo_t *cr = cairo_create(surf);
	size_t ncolors;
	const uint32_t *colors = cardset_picture_colors(cs, &ncolors);
	render_note_colors(cr, colors, ncolors);
	int sheets = (int)((job->dk->ncards + (size_t)plan->per_page - 1) / (size_t)plan->per_page);
	pager P = {job, plan, cs, cr, sheets};
	card_face *faces = xcalloc((size_t)plan->per_page, sizeof *faces);
	int rc = 0;
	for (int s = 0; s < sheets && rc == 0; s++)
		rc = draw_sheet(&P, s, faces);
	free(faces);
	cairo_destroy(cr);
	if (rc) {
		pdf_out_abort(&o);
		return 1;
	}
	return pdf_out_close(&o, fin, d);
}

/* The sheet plan and the cards to typeset for a job; NULL (reported) without a plan. */
static cardset *prepare(const cards_job *job, impose_plan *plan, struct diag *d)
{
	char *err = NULL;
	print_setup ps = job->ps;
	if (ps.sheet_none && (ps.back_dx != 0 || ps.back_dy != 0)) {
		char x[NUM_BUF], y[NUM_BUF];
		diag(d, M_BACK_OFFSET_SHOP, job->out, 0, 0, num_format(x, pt_to_mm(ps.back_dx), 2),
		     num_format(y, pt_to_mm(ps.back_dy), 2));
		ps.back_dx = ps.back_dy = 0;
	}
	if (impose_plan_make(&ps, plan, &err)) {
		diag(d, M_PDF, NULL, 0, 0, err);
		free(err);
		return NULL;
	}
	card_geom g;
	card_geom_make(job->ps.card_w, job->ps.card_h, job->ps.safe, &g);
	return cardset_new(job->dk, job->lang, job->ctx, job->hyph, &g);
}

int cards_pdf_write(const cards_job *job, struct diag *d)
{
	impose_plan plan;
	cardset *cs = prepare(job, &plan, d);
	if (!cs)
		return 1;
	int rc = 0;
	if (cardset_load_pictures(cs, job->ps.pdfx, d) + cardset_fit(cs, d) > 0) {
		rc = 1;
		goto out;
	}
	/* print shops cut at the TrimBox; the BleedBox is the whole page. A PDF/X sheet is the
	 * shop's finished sheet: PDF/X wants a TrimBox on every page, and there it is the page. */
	rect bleed = {0, 0, plan.page_w, plan.page_h};
	rect trim = job->ps.sheet_none ? pdf_rect_from_top(plan.slots[0].trim, plan.page_h) : bleed;
	pdf_finish_opts fin = {0};
	if (job->ps.sheet_none || job->ps.pdfx != PDFX_NONE)
		fin = (pdf_finish_opts){.trim = &trim, .bleed = &bleed};
	ink_map *inks = NULL;
	pdfx_opts px = {job->ps.pdfx, NULL};
	if (job->ps.pdfx != PDFX_NONE) {
		px.inks = inks = ink_map_new(job->profile, job->dk);
		fin.pdfx = &px;
	}
	rc = render_pdf(job, &plan, cs, &fin, d);
	ink_map_free(inks);
out:
	cardset_free(cs);
	impose_plan_free(&plan);
	return rc;
}

int cards_fit_check(const cards_job *job, struct diag *d)
{
	card_geom g;
	card_geom_make(job->ps.card_w, job->ps.card_h, job->ps.safe, &g);
	cardset *cs = cardset_new(job->dk, job->lang, job->ctx, job->hyph, &g);
	if (job->glyphs_checked)
		cardset_skip_glyphs(cs);
	int errors = cardset_load_pictures(cs, job->ps.pdfx, d) + cardset_fit(cs, d);
	cardset_free(cs);
	return errors;
}

static void dump_rect(FILE *out, const char *name, rect r)
{
	fprintf(out, " %s %.2f,%.2f %.2fx%.2f", name, pt_to_mm(r.x), pt_to_mm(r.y), pt_to_mm(r.w),
		pt_to_mm(r.h));
}

/* Text in quotes on one line: line breaks as \n, soft hyphens left out. */
static void dump_text(FILE *out, const char *s)
{
	fputs(" \"", out);
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", out);
		else if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xad)
			s++;
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

/* Every box of one side: what it is, where (pt, from the trim's corner), its colour. */
static void dump_side(FILE *out, const char *side, const face_side *s)
{
	static const char *const kinds[] = {"fill", "disc", "text", "picture"};
	for (size_t i = 0; i < s->n; i++) {
		const face_box *b = &s->v[i];
		fprintf(out, "  %s %s %s %.2f,%.2f %.2fx%.2f", side, kinds[b->kind], b->name,
			b->r.x, b->r.y, b->r.w, b->r.h);
		if (b->kind == FB_PICTURE)
			fprintf(out, " %s %s on #%06x", image_is_vector(b->img) ? "vector" : "pixels",
				b->fit == IMAGE_COVER ? "cover" : "contain", (unsigned)b->color);
		else
			fprintf(out, " #%06x", (unsigned)b->color);
		if (b->fade > 0)
			fprintf(out, " fade %.2f", b->fade);
		if (b->bleed)
			fprintf(out, " bleed %s%s%s%s", b->bleed & BLEED_TOP ? "t" : "",
				b->bleed & BLEED_RIGHT ? "r" : "", b->bleed & BLEED_BOTTOM ? "b" : "",
				b->bleed & BLEED_LEFT ? "l" : "");
		if (b->kind == FB_TEXT)
			dump_text(out, pango_layout_get_text(b->layout));
		fputc('\n', out);
	}
}

static void dump_card(FILE *out, const card_face *f, const cardset *cs, size_t i)
{
	fprintf(out, "card %s %s size %.2f", f->c->id, card_type_name(f->c->type),
		cardset_size(cs, i));
	for (size_t b = 0; b < f->main.n; b++)
		fprintf(out, " main%zu@%.2f+%d", b, f->main_top + f->main.y[b],
			pango_layout_get_line_count(f->main.layouts[b]));
	if (f->bottom.n)
		fprintf(out, " bottom@%.2f+%d", f->bottom_top,
			pango_layout_get_line_count(f->bottom.layouts[0]));
	fputc('\n', out);
	dump_side(out, "front", &f->front);
	dump_side(out, "back", &f->back);
}

int cards_dump_layout(const cards_job *job, FILE *out, struct diag *d)
{
	impose_plan plan;
	cardset *cs = prepare(job, &plan, d);
	if (!cs)
		return 1;
	fprintf(out, "page %.2fx%.2f mm, %d x %d cards, %d per page, %s\n", pt_to_mm(plan.page_w),
		pt_to_mm(plan.page_h), plan.cols, plan.rows, plan.per_page,
		plan.landscape ? "landscape" : "portrait");
	for (int k = 0; k < plan.per_page; k++) {
		fprintf(out, "slot %d", k);
		dump_rect(out, "trim", plan.slots[k].trim);
		dump_rect(out, "art", plan.slots[k].art);
		dump_rect(out, "back", plan.slots[k].back_trim);
		fputc('\n', out);
	}
	const card_geom *g = cardset_geom(cs);
	fprintf(out, "card %.2fx%.2f mm, %s design, safe %.2f, band %.2f pt", pt_to_mm(g->w),
		pt_to_mm(g->h), card_layout_name(g->layout), pt_to_mm(g->safe), g->band_h);
	dump_rect(out, "body(mm)", g->body);
	fputc('\n', out);
	int rc = cardset_load_pictures(cs, job->ps.pdfx, d) + cardset_fit(cs, d) ? 1 : 0;
	for (size_t i = 0; i < job->dk->ncards && rc == 0; i++) {
		card_face f;
		if (card_face_make(cs, i, &f)) {
			rc = 1;
			break;
		}
		dump_card(out, &f, cs, i);
		card_face_free(&f);
	}
	cardset_free(cs);
	impose_plan_free(&plan);
	return rc;
}
