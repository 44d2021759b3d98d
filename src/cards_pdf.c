/* cards_pdf.c - impose typeset cards on pages and write the PDF; the same typesetting, without
 * drawing, for check. */
#include "cards_pdf.h"

#include <malloc.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "card_face.h"
#include "chunks.h"
#include "commands.h"
#include "image.h"
#include "impose.h"
#include "ink_map.h"
#include "labels.h"
#include "numfmt.h"
#include "pdf_meta.h"
#include "pdf_out.h"
#include "render_card.h"
#include "typeset.h"

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
	const deck *dk = job->s->dk;
	const char *lang = job->s->lang;
	char *text =
		xasprintf("%s \u00b7 %s %d/%d, %s \u00b7 %s",
			  mtext_get(&dk->title, lang, dk->language), label(lang, L_SHEET), sheet,
			  sheets, label(lang, back ? L_BACK : L_FRONT), label(lang, L_PRINT_NOTE));
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, dk->theme.font_sans);
	pango_font_description_set_size(fd, pt_to_pango(6));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	pango_layout_set_width(l, pt_to_pango(where == INFO_RIGHT ? r.h : r.w));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_save(cr);
	render_set_gray(cr, 0.35);
	/* against the outer edge of the band, as far from the crop marks as the margin allows;
	 * the whole line box (descenders too) stays inside the band, so out of the margin */
	PangoRectangle ink, ext;
	pango_layout_get_extents(l, &ink, &ext);
	double depth = pango_to_pt(MAX(ext.y + ext.height, ink.y + ink.height)) + 0.25;
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

/* The chunks of sheets that processes draw and that are then put together: at least
 * CHUNK_CARDS cards each, and at most MAX_CHUNKS of them. Their bounds depend on the deck
 * and the sheet alone, never on -j, so the PDF does not either. Each chunk embeds its own
 * font subsets (the file grows by about 60 KB a chunk, and putting them together costs
 * memory per chunk), so they are few and large: enough for 8 cores. */
#define CHUNK_CARDS 256
#define MAX_CHUNKS  8

/* What every process shares, set up before the workers are forked. */
typedef struct {
	const cards_job *job;
	impose_plan plan;
	card_geom g;
	int sheets, per_chunk; /* sheets in all, sheets per chunk */
	pdf_parts parts;       /* one per chunk */
	ink_map *inks;         /* PDF/X: every colour drawn and its ink (one process draws) */
	bool fit_only;         /* cards_check: every card laid out, nothing drawn */
} book;

/* One process's own typesetting: its fonts and cards, the faces of the sheet at hand. */
typedef struct {
	const book *B;
	chunk_cards c;
	card_face *faces;
} drawer;

/* This process's drawer (d: where its pictures' problems are reported) or a worker's (d
 * NULL). */
static drawer *drawer_new(const book *B, bool own, struct diag *d)
{
	drawer *D = xcalloc(1, sizeof *D);
	D->B = B;
	if (!chunk_cards_open(&D->c, B->job->s, &B->g, own, B->job->ps.pdfx, d)) {
		free(D);
		return NULL;
	}
	if (B->job->glyphs_checked)
		cardset_skip_glyphs(D->c.cs);
	D->faces = xcalloc((size_t)B->plan.per_page, sizeof *D->faces);
	return D;
}

static void *drawer_open(void *arg)
{
	return drawer_new(arg, true, NULL);
}

static void drawer_close(void *state)
{
	drawer *D = state;
	chunk_cards_close(&D->c);
	free(D->faces);
	free(D);
}

/* Lays out the cards of a sheet; a CHUNK_ value (need lowered for FACE_SHRINK). */
static int sheet_faces(drawer *D, size_t first, size_t n, card_sizes *need)
{
	int rc = CHUNK_OK;
	for (size_t k = 0; k < n; k++) {
		card_face *f = &D->faces[k];
		int r = card_face_make(D->c.cs, first + k, f);
		if (r == FACE_SHRINK) {
			card_type t = f->c->type;
			need->size[t] = fmin(need->size[t], f->main.size);
			rc = CHUNK_SHRINK;
		} else if (r != FACE_OK) {
			for (size_t j = 0; j <= k; j++)
				card_face_free(&D->faces[j]);
			return CHUNK_BAD;
		}
	}
	return rc;
}

/* One sheet: the fronts of up to per_page cards, then their backs. */
static void draw_sheet(drawer *D, cairo_t *cr, int sheet, size_t first, size_t n)
{
	const book *B = D->B;
	const impose_plan *plan = &B->plan;
	const cards_job *job = B->job;
	for (size_t k = 0; k < n; k++) {
		const impose_slot *s = &plan->slots[impose_front(plan, first + k).slot];
		render_card_front(cr, &D->faces[k], s->trim, s->art);
	}
	if (!job->ps.sheet_none) {
		draw_marks(cr, plan);
		draw_info(cr, job, D->c.ctx, plan->info_where, plan->info, sheet + 1, B->sheets,
			  false);
	}
	image_show_page(cr);
	if (!plan->backs)
		return;
	for (size_t k = 0; k < n; k++) {
		const impose_slot *s = &plan->slots[impose_back(plan, first + k).slot];
		render_card_back(cr, &D->faces[k], s->back_trim, s->back_art);
	}
	if (!job->ps.sheet_none)
		draw_info(cr, job, D->c.ctx, plan->back_info_where, plan->back_info, sheet + 1,
			  B->sheets, true);
	image_show_page(cr);
}

/* The drawing of chunk k: its part of the PDF begun. */
static cairo_t *chunk_begin(drawer *D, size_t k, pdf_part_out *po)
{
	const book *B = D->B;
	const cards_job *job = B->job;
	cairo_surface_t *surf = pdf_part_begin(po, &B->parts, k, B->plan.page_w, B->plan.page_h);
	if (B->inks)
		ink_map_attach(surf, B->inks);
	pdf_metadata(surf, job->s->dk, job->s->lang, NULL);
	cairo_t *cr = cairo_create(surf);
	size_t ncolors; /* PDF/X: the pictures' colours before any of ours */
	const uint32_t *colors = cardset_picture_colors(D->c.cs, &ncolors);
	render_note_colors(cr, colors, ncolors);
	return cr;
}

/* A chunk of sheets into its part of the PDF (chunk_work.run). Every card is laid out once,
 * at the round's sizes, and that layout is what is drawn; once the round is known to
 * repeat, or when the book is fit_only, the cards are only laid out. */
static int draw_chunk(void *state, size_t k, const card_sizes *sizes, card_sizes *need, int *err,
		      const chunks *ch)
{
	drawer *D = state;
	const book *B = D->B;
	size_t per = (size_t)B->plan.per_page, ncards = B->job->s->dk->ncards;
	cardset_set_sizes(D->c.cs, sizes);
	pdf_part_out po;
	cairo_t *cr = B->fit_only ? NULL : chunk_begin(D, k, &po);
	int rc = CHUNK_OK, end = (int)(k + 1) * B->per_chunk;
	for (int sheet = (int)k * B->per_chunk; sheet < end && sheet < B->sheets; sheet++) {
		size_t first = (size_t)sheet * per, n = ncards - first < per ? ncards - first : per;
		int r = sheet_faces(D, first, n, need);
		if (r == CHUNK_BAD) {
			rc = r;
			break;
		}
		rc = r == CHUNK_SHRINK ? r : rc;
		if (cr && rc == CHUNK_OK && !chunks_repeats(ch))
			draw_sheet(D, cr, sheet, first, n);
		for (size_t j = 0; j < n; j++)
			card_face_free(&D->faces[j]);
	}
	if (!cr)
		return rc;
	cairo_destroy(cr);
	int e = pdf_part_end(&po);
	if (e && rc != CHUNK_BAD) {
		*err = e;
		return CHUNK_IO;
	}
	return rc;
}

/* The sheet plan and the card geometry for a job; -1 (reported) without a plan. */
static int book_plan(book *B, const cards_job *job, bool fit_only, struct diag *d)
{
	*B = (book){.job = job, .fit_only = fit_only};
	char *err = NULL;
	print_setup ps = job->ps;
	if (ps.sheet_none && (ps.back_dx != 0 || ps.back_dy != 0)) {
		char x[NUM_BUF], y[NUM_BUF];
		if (!fit_only) /* a warning about the file, which check does not write */
			diag(d, M_BACK_OFFSET_SHOP, job->out, 0, 0,
			     num_format(x, pt_to_mm(ps.back_dx), 2),
			     num_format(y, pt_to_mm(ps.back_dy), 2));
		ps.back_dx = ps.back_dy = 0;
	}
	if (impose_plan_make(&ps, &B->plan, &err)) {
		diag(d, M_PDF, NULL, 0, 0, err);
		free(err);
		return -1;
	}
	card_geom_make(job->ps.card_w, job->ps.card_h, job->ps.safe, &B->g);
	size_t per = (size_t)B->plan.per_page;
	B->sheets = (int)((job->s->dk->ncards + per - 1) / per);
	size_t cards = (job->s->dk->ncards + MAX_CHUNKS - 1) / MAX_CHUNKS;
	if (cards < CHUNK_CARDS)
		cards = CHUNK_CARDS;
	B->per_chunk = (int)((cards + per - 1) / per);
	return 0;
}

/* Draws every chunk with the workers of ch and this process, then puts the parts together
 * into the output. Returns an exit code, reported. */
static int draw_book(book *B, chunks *ch, struct diag *d)
{
	const cards_job *job = B->job;
	int rc = session_fonts(job->s, d);
	if (rc)
		return rc;
	drawer *D = drawer_new(B, false, d);
	if (!D) /* the session's fonts are loaded: never */
		return EXIT_IO;
	if (D->c.picture_errors || (job->ps.backs && cardset_check_back_title(D->c.cs, d))) {
		drawer_close(D);
		return EXIT_DECK;
	}
	card_sizes sizes;
	bool ok = cardset_predict(D->c.cs);
	cardset_get_sizes(D->c.cs, &sizes);
	int err = 0, r = ok ? chunks_run(ch, D, &sizes, &err) : CHUNK_BAD;
	if (r == CHUNK_BAD) { /* the messages, in deck order, by this process alone */
		cardset_report(D->c.cs, d);
		diag_flush(d, job->s->dk->path);
	}
	drawer_close(D);
	malloc_trim(0); /* the layouts' memory back before the merge, which needs the most */
	if (r == CHUNK_OK) {
		/* print shops cut at the TrimBox; the BleedBox is the whole page. A PDF/X sheet is
		 * the shop's finished sheet: PDF/X wants a TrimBox on every page, and there it is
		 * the page. */
		const impose_plan *plan = &B->plan;
		rect bleed = {0, 0, plan->page_w, plan->page_h};
		rect trim = job->ps.sheet_none ? pdf_rect_from_top(plan->slots[0].trim, plan->page_h)
					       : bleed;
		pdf_finish_opts fin = {0};
		if (job->ps.sheet_none || job->ps.pdfx != PDFX_NONE)
			fin = (pdf_finish_opts){.trim = &trim, .bleed = &bleed};
		pdfx_opts px = {job->ps.pdfx, B->inks};
		if (B->inks)
			fin.pdfx = &px;
		return pdf_parts_close(&B->parts, &fin, d);
	}
	if (r == CHUNK_BAD)
		return EXIT_DECK;
	diag(d, M_IO_WRITE, job->out, 0, 0, chunks_why(err));
	return EXIT_IO;
}

int cards_pdf_write(const cards_job *job, struct diag *d)
{
	book B;
	if (book_plan(&B, job, false, d))
		return EXIT_DECK;
	int rc = 0;
	size_t nchunks = (size_t)((B.sheets + B.per_chunk - 1) / B.per_chunk);
	if (rc == 0)
		rc = pdf_parts_open(&B.parts, job->out, nchunks ? nchunks : 1, d);
	if (rc == 0) {
		chunk_work w = {.n = nchunks,
				.open = drawer_open,
				.run = draw_chunk,
				.close = drawer_close,
				.arg = &B};
		fflush(d->out);
		/* fork before this process starts Pango (or librsvg: each process loads the
		 * deck's pictures after the fork); the workers share the deck */
		/* PDF/X records every colour as it is drawn, in the order it is drawn: one process
		 * draws, so that the record and the file do not depend on -j */
		if (job->ps.pdfx != PDFX_NONE)
			B.inks = ink_map_new(job->profile, job->s->dk);
		chunks *ch = chunks_start(&w, job->s->fonts || B.inks ? 1 : job->jobs);
		rc = draw_book(&B, ch, d);
		chunks_end(ch);
		if (B.parts.fd)
			pdf_parts_abort(&B.parts);
	}
	ink_map_free(B.inks);
	impose_plan_free(&B.plan);
	return rc;
}

struct cards_check {
	book B;
	chunk_work w; /* chunks keeps a pointer to it */
	chunks *ch;
};

cards_check *cards_check_start(const cards_job *job, struct diag *d)
{
	cards_check *cc = xcalloc(1, sizeof *cc);
	if (book_plan(&cc->B, job, true, d)) {
		free(cc);
		return NULL;
	}
	size_t per = (size_t)cc->B.per_chunk * (size_t)cc->B.plan.per_page;
	cc->w = (chunk_work){.n = (job->s->dk->ncards + per - 1) / per,
			     .open = drawer_open,
			     .run = draw_chunk,
			     .close = drawer_close,
			     .arg = &cc->B};
	fflush(d->out);
	cc->ch = chunks_start(&cc->w, job->s->fonts ? 1 : job->jobs);
	return cc;
}

/* Every chunk laid out by the workers and this process, at the sizes the deck settles on;
 * when a card cannot be typeset, this process alone lays every card out again to report
 * them in deck order, as cards_pdf_write does (and the same cards: a card that cannot be
 * typeset cannot at any size). */
static int check_cards(cards_check *cc, struct diag *d)
{
	drawer *D = drawer_new(&cc->B, false, d);
	if (!D)
		return 1;
	int errors = D->c.picture_errors, err = 0;
	card_sizes sizes;
	bool ok = cardset_predict(D->c.cs);
	cardset_get_sizes(D->c.cs, &sizes);
	int r = ok ? chunks_run(cc->ch, D, &sizes, &err) : CHUNK_BAD;
	if (r == CHUNK_IO) { /* a worker died (chunks_why(err)): the answer of this one alone */
		errors += cardset_fit(D->c.cs, d);
	} else {
		if (r == CHUNK_BAD)
			errors += cardset_report(D->c.cs, d);
		errors += cardset_check_back_title(D->c.cs, d);
	}
	drawer_close(D);
	return errors;
}

int cards_check_end(cards_check *cc, struct diag *d)
{
	if (!cc)
		return 0;
	int errors = 0;
	if (d)
		errors = session_fonts(cc->B.job->s, d) ? 1 : check_cards(cc, d);
	chunks_end(cc->ch);
	impose_plan_free(&cc->B.plan);
	free(cc);
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

static void dump_card(FILE *out, const card_face *f)
{
	fprintf(out, "card %s %s size %.2f", f->c->id, card_type_name(f->c->type), f->main.size);
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
	int rc = session_fonts(job->s, d);
	book B;
	if (rc || book_plan(&B, job, false, d))
		return rc ? rc : EXIT_DECK;
	const impose_plan *plan = &B.plan;
	fprintf(out, "page %.2fx%.2f mm, %d x %d cards, %d per page, %s\n", pt_to_mm(plan->page_w),
		pt_to_mm(plan->page_h), plan->cols, plan->rows, plan->per_page,
		plan->landscape ? "landscape" : "portrait");
	for (int k = 0; k < plan->per_page; k++) {
		fprintf(out, "slot %d", k);
		dump_rect(out, "trim", plan->slots[k].trim);
		dump_rect(out, "art", plan->slots[k].art);
		dump_rect(out, "back", plan->slots[k].back_trim);
		fputc('\n', out);
	}
	const session *s = job->s;
	cardset *cs = cardset_new(s->dk, s->lang, fontset_context(s->fonts), s->hyph, &B.g);
	const card_geom *g = cardset_geom(cs);
	fprintf(out, "card %.2fx%.2f mm, %s design, safe %.2f, band %.2f pt", pt_to_mm(g->w),
		pt_to_mm(g->h), card_layout_name(g->layout), pt_to_mm(g->safe), g->band_h);
	dump_rect(out, "body(mm)", g->body);
	fputc('\n', out);
	rc = cardset_load_pictures(cs, job->ps.pdfx, d) + cardset_fit(cs, d) ? EXIT_DECK : 0;
	for (size_t i = 0; i < s->dk->ncards && rc == 0; i++) {
		card_face f;
		if (card_face_make(cs, i, &f) != FACE_OK)
			rc = EXIT_DECK;
		else
			dump_card(out, &f);
		card_face_free(&f);
	}
	cardset_free(cs);
	impose_plan_free(&B.plan);
	return rc;
}
