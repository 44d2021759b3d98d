/* floor.c - the plain job deckpress is measured against: the same sheets with nothing but
 * libyaml, one PangoLayout per card face and a Cairo PDF, on one core. No fitting (one text
 * size), no hyphenation, no typography, no page boxes; the bundled fonts through the same
 * private fontconfig (fonts.c), so both draw with the same fonts.
 *
 *   floor DECK.yaml OUT.pdf
 *
 * Built by `make bench` (build/floor). A4 portrait, 3 x 3 poker cards (63.5 x 88.9 mm) with
 * 4 mm of text margin, a front page and a mirrored back page per sheet, as `deckpress cards`
 * draws by default. A card's front is a colour band and one layout of everything deckpress
 * writes on it (category and type, title in bold, text, question or follow-ups in italics,
 * the source, deck title and card id); its back a colour fill and one layout of the deck
 * title and category. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fonts.h"
#include "paths.h"

#define MM(x)   ((x)*72.0 / 25.4)
#define PAGE_W  MM(210.0)
#define PAGE_H  MM(297.0)
#define CARD_W  MM(63.5)
#define CARD_H  MM(88.9)
#define PAD     MM(4.0)
#define TEXT_PT 10
#define COLS    3
#define ROWS    3

/* The scalar under key in mapping node m, or NULL. */
static yaml_node_t *get(yaml_document_t *doc, yaml_node_t *m, const char *key)
{
	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

static const char *text(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void add(GString *m, const char *before, const char *s, const char *after)
{
	if (!s)
		return;
	char *esc = g_markup_escape_text(s, -1);
	g_string_append_printf(m, "%s%s%s%s", m->len ? "\n\n" : "", before, esc, after);
	g_free(esc);
}

/* One card's front as Pango markup. */
static char *front_markup(yaml_document_t *doc, yaml_node_t *card, const char *title)
{
	GString *m = g_string_new(NULL);
	g_string_append_printf(m, "%s \u00b7 %s", text(get(doc, card, "category")),
			       text(get(doc, card, "type")));
	add(m, "<b>", text(get(doc, card, "title")), "</b>");
	add(m, "", text(get(doc, card, "text")), "");
	add(m, "<i>", text(get(doc, card, "question")), "</i>");
	yaml_node_t *f = get(doc, card, "followups");
	if (f && f->type == YAML_SEQUENCE_NODE)
		for (yaml_node_item_t *i = f->data.sequence.items.start;
		     i < f->data.sequence.items.top; i++)
			add(m, "<i>", text(yaml_document_get_node(doc, *i)), "</i>");
	add(m, "\u2014 <i>", text(get(doc, card, "source")), "</i>");
	add(m, "", title, "");
	add(m, "", text(get(doc, card, "id")), "");
	return g_string_free(m, FALSE);
}

/* A card: its colour (a band on the front, everywhere on the back) and one layout. */
static void show(cairo_t *cr, PangoContext *ctx, const char *markup, double x, double y,
		 double band)
{
	cairo_set_source_rgb(cr, 0.3, 0.4, 0.55);
	cairo_rectangle(cr, x, y, CARD_W, band);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string("Yrsa");
	pango_font_description_set_size(fd, TEXT_PT * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)((CARD_W - 2 * PAD) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_markup(l, markup, -1);
	cairo_move_to(cr, x + PAD, y + PAD);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: floor DECK.yaml OUT.pdf\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!in || !yaml_parser_initialize(&parser))
		return 1;
	yaml_parser_set_input_file(&parser, in);
	if (!yaml_parser_load(&parser, &doc)) {
		fprintf(stderr, "floor: %s: YAML error\n", argv[1]);
		return 1;
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	yaml_node_t *cards = get(&doc, root, "cards");
	const char *title = text(get(&doc, get(&doc, root, "deck"), "title"));
	if (!cards || cards->type != YAML_SEQUENCE_NODE)
		return 1;
	char *dir = paths_fonts_dir(), *err = NULL;
	fontset *fs = dir ? fontset_new(dir, &err) : NULL;
	if (!fs) {
		fprintf(stderr, "floor: no fonts: %s\n", err ? err : "set DECKPRESS_DATA");
		return 1;
	}
	PangoContext *ctx = fontset_context(fs);
	char *back = g_markup_escape_text(title ? title : "", -1);
	cairo_surface_t *pdf = cairo_pdf_surface_create(argv[2], PAGE_W, PAGE_H);
	cairo_t *cr = cairo_create(pdf);
	double x0 = (PAGE_W - COLS * CARD_W) / 2, y0 = (PAGE_H - ROWS * CARD_H) / 2;
	yaml_node_item_t *first = cards->data.sequence.items.start,
			 *end = cards->data.sequence.items.top;
	for (yaml_node_item_t *s = first; s < end; s += COLS * ROWS) {
		long n = end - s < COLS * ROWS ? end - s : COLS * ROWS;
		for (long k = 0; k < n; k++) {
			char *m = front_markup(&doc, yaml_document_get_node(&doc, s[k]), title);
			show(cr, ctx, m, x0 + (double)(k % COLS) * CARD_W,
			     y0 + (double)(k / COLS) * CARD_H, MM(10));
			g_free(m);
		}
		cairo_show_page(cr);
		for (long k = 0; k < n; k++) { /* mirrored for the long-edge flip */
			char *m = g_strdup_printf(
				"%s\n%s", back,
				text(get(&doc, yaml_document_get_node(&doc, s[k]), "category")));
			show(cr, ctx, m, x0 + (double)(COLS - 1 - k % COLS) * CARD_W,
			     y0 + (double)(k / COLS) * CARD_H, CARD_H);
			g_free(m);
		}
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	int rc = cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(pdf);
	g_free(back);
	fontset_free(fs);
	free(dir);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(in);
	return rc;
}
