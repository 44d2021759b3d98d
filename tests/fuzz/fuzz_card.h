/* fuzz_card.h - what fuzz_card and fuzz_long share: one card's fields written into a deck as
 * escaped YAML (so every string reaches the pipeline as written), loaded and checked as a
 * user's deck would be; a clean deck is then marked up, given typography and hyphenation,
 * fitted, laid out and drawn. */
#ifndef DECKPRESS_FUZZ_CARD_H
#define DECKPRESS_FUZZ_CARD_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

#include "card_face.h"
#include "deck_check.h"
#include "deck_load.h"
#include "fonts.h"
#include "fuzz_common.h"
#include "hyph.h"
#include "paths.h"
#include "render_card.h"

static fontset *fonts;
static hyphenator *hyph[2];
static const char *const langs[2] = {"nl", "en"};

/* The bundled fonts and both languages' hyphenators, once per process. */
static void card_setup(const char *target)
{
	char *dir = paths_fonts_dir(), *err = NULL;
	fonts = dir ? fontset_new(dir, &err) : NULL;
	free(dir);
	if (!fonts) {
		fprintf(stderr, "%s: no fonts: %s\n", target, err ? err : "no data directory");
		exit(1);
	}
	for (int i = 0; i < 2; i++) {
		hyph[i] = hyph_new(langs[i], NULL, NULL, 0, &err);
		free(err);
		err = NULL;
	}
}

/* Valid UTF-8 without NUL: what the loader lets through to the pipeline. */
static int plain_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t k = c < 0x80                 ? 1
			   : c >= 0xc2 && c <= 0xdf ? 2
			   : c >= 0xe0 && c <= 0xef ? 3
			   : c >= 0xf0 && c <= 0xf4 ? 4
						    : 0;
		if (!k || c == 0 || i + k > n)
			return 0;
		unsigned cp = k == 1 ? c : c & (0x7f >> k);
		for (size_t j = 1; j < k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k;
	}
	return 1;
}

/* Splits s[0..n) at byte sep (0xff and 0xfe are never in UTF-8) into at most max parts;
 * what follows the max-th is ignored. Returns how many. */
static size_t split_at(const unsigned char *s, size_t n, unsigned char sep,
		       const unsigned char **part, size_t *len, size_t max)
{
	const unsigned char *end = s + n;
	size_t k = 0;
	while (k < max) {
		const unsigned char *q = memchr(s, sep, (size_t)(end - s));
		part[k] = s;
		len[k++] = (size_t)((q ? q : end) - s);
		if (!q)
			break;
		s = q + 1;
	}
	return k;
}

/* s[0..n) as a double-quoted YAML scalar: printable ASCII as is, all else escaped. */
static void yaml_quoted(strbuf *b, const unsigned char *s, size_t n)
{
	strbuf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			strbuf_putc(b, (char)c);
			i++;
			continue;
		}
		if (c == '"' || c == '\\') {
			strbuf_printf(b, "\\%c", c);
			i++;
			continue;
		}
		size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		unsigned cp = k == 1 ? c : c & (0x7f >> k);
		for (size_t j = 1; j < k; j++)
			cp = cp << 6 | (s[i + j] & 0x3f);
		strbuf_printf(b, "\\U%08x", cp);
		i += k;
	}
	strbuf_putc(b, '"');
}

static void draw(cardset *cs, size_t n)
{
	cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(rec);
	const card_geom *g = cardset_geom(cs);
	for (size_t i = 0; i < n; i++) {
		card_face f;
		if (card_face_make(cs, i, &f) == 0) {
			rect trim = {9, 9, g->w, g->h}, art = {0, 0, g->w + 18, g->h + 18};
			render_card_front(cr, &f, trim, art);
			render_card_back(cr, &f, trim, art);
			card_face_free(&f);
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(rec);
}

#define CARD_FIELDS 8

/* One card through the pipeline. pick chooses its type, language and size; field[0] is its
 * text, then for a case its title and question, for a question its follow-ups (all plain
 * UTF-8). */
static void card_run(unsigned pick, const unsigned char *const *field, const size_t *len, size_t nf)
{
	static const char *const types[] = {"question", "quote", "case"};
	static const double sizes[][2] = {{63.5, 88.9}, {44, 63}, {70, 120}};
	const char *type = types[pick % 3];
	int lang = pick / 3 % 2;
	const double *wh = sizes[pick / 6 % 3];
	strbuf y = {0};
	strbuf_printf(&y,
		      "deck: {title: Fuzz, languages: [nl, en]}\n"
		      "sources: [{id: s, title: S}]\n"
		      "print: {size: %gx%g}\n"
		      "cards:\n  - id: F\n    type: %s\n    text:\n      %s: ",
		      wh[0], wh[1], type, langs[lang]);
	yaml_quoted(&y, field[0], len[0]);
	if (!strcmp(type, "quote"))
		strbuf_puts(&y, "\n    source: s");
	if (!strcmp(type, "case")) {
		strbuf_puts(&y, "\n    title: ");
		yaml_quoted(&y, nf > 1 ? field[1] : (const unsigned char *)"T",
			    nf > 1 ? len[1] : 1);
		if (nf > 2) {
			strbuf_puts(&y, "\n    question: ");
			yaml_quoted(&y, field[2], len[2]);
		}
	}
	if (!strcmp(type, "question") && nf > 1) {
		strbuf_puts(&y, "\n    followups:");
		for (size_t i = 1; i < nf; i++) {
			strbuf_puts(&y, "\n      - ");
			yaml_quoted(&y, field[i], len[i]);
		}
	}
	strbuf_putc(&y, '\n');
	char *path = xasprintf("%s/card.yaml", fuzz_root);
	struct diag d;
	diag_init(&d, fuzz_null);
	deck *dk = deck_load_mem(path, y.s, y.len, fuzz_root, &d);
	if (dk && deck_check(dk, &d) == 0 && d.nerrors == 0) {
		card_geom g;
		card_geom_make(mm_to_pt(wh[0]), mm_to_pt(wh[1]), mm_to_pt(4), &g);
		fontset_set_language(fonts, langs[lang]);
		cardset *cs = cardset_new(dk, langs[lang], fontset_context(fonts), hyph[lang], &g);
		if (cardset_fit(cs, &d) == 0)
			draw(cs, dk->ncards);
		cardset_free(cs);
	}
	deck_free(dk);
	free(path);
	strbuf_free(&y);
}

#endif
