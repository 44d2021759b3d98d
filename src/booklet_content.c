/* booklet_content.c - deck text to the booklet's chunks: cover, contents, introduction,
 * guide, a chapter per category with every card, sources, closing and notes pages. */
#include "booklet_content.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "labels.h"
#include "typo.h"
#include "util.h"

#define GREY_LABEL 0.45 /* fade of small labels, as far as they read at 4.5:1 (grey_fade) */
/* Letter spacing of small capitals, em: below 0.1 em, which pdftotext (and so search and
 * copying in viewers) takes for a space between letters. */
#define TRACK 0.08

/* Every style of the booklet, from the format's body size and leading. */
typedef struct {
	para_style body, item, h1, kicker, h2, meta, id, quote, attrib, original, case_title,
		case_question, question, note_label, note, toc, toc_sub, biblio, quoted_on,
		cover_title, cover_sub, cover_small;
} styles;

typedef struct {
	const booklet_job *job;
	const deck_pictures *pics; /* the categories' icons, the logo */
	const deck *dk;
	const char *lang;
	bk_doc *doc;
	double width; /* text area width */
	double area_h;
	styles st;
	int *card_mark;  /* per card: its mark */
	size_t *number, *of; /* theme.numbering: card i is number[i] of of[i]; NULL: none */
	const card *cur; /* the card being typeset, for messages; NULL: booklet text */
	int chapter;     /* the node of the chapter being typeset */
	struct diag *d;
	int errors;
} builder;

static para_style style(const char *family, PangoWeight w, PangoStyle s, double size,
			double leading)
{
	return (para_style){.family = family,
			    .weight = w,
			    .style = s,
			    .size = size,
			    .leading = leading,
			    .align = PANGO_ALIGN_LEFT};
}

static void styles_make(const deck *dk, const bk_geom *g, styles *st)
{
	const char *serif = dk->theme.font_serif, *sans = dk->theme.font_sans;
	double r = g->body / 10, L = g->leading;
	const PangoWeight N = PANGO_WEIGHT_NORMAL, SB = PANGO_WEIGHT_SEMIBOLD;
	const PangoStyle U = PANGO_STYLE_NORMAL, I = PANGO_STYLE_ITALIC;
	st->body = style(serif, N, U, g->body, L);
	st->item = st->body;
	st->item.hang = 14 * r;
	st->h1 = style(serif, SB, U, 21 * r, 25 * r);
	st->kicker = style(sans, SB, U, 7 * r, 10 * r);
	st->kicker.tracking = TRACK;
	st->h2 = style(sans, SB, U, 10.5 * r, 14 * r);
	st->meta = style(sans, N, U, 8 * r, 11 * r);
	st->id = style(sans, SB, U, 7 * r, 10 * r);
	st->id.tracking = 0.06;
	st->quote = style(serif, N, U, 11.5 * r, 15 * r);
	st->attrib = style(sans, N, U, 8 * r, 11 * r);
	st->attrib.hang = 12 * r; /* "—<tab>": wrapped lines align under the text, not the dash */
	st->original = style(serif, N, I, 9.5 * r, 12.5 * r);
	st->case_title = style(sans, SB, U, 10 * r, L);
	st->case_question = style(serif, N, I, g->body, L);
	st->question = style(serif, SB, U, 11.5 * r, 15 * r);
	st->note_label = style(sans, SB, U, 6.5 * r, 10 * r);
	st->note_label.tracking = TRACK;
	st->note = style(sans, N, U, 8.5 * r, 12 * r);
	st->toc = style(serif, N, U, 11 * r, 16 * r);
	st->toc_sub = style(sans, N, U, 8.5 * r, 13 * r);
	st->biblio = style(serif, N, U, g->body, L);
	st->biblio.hang = 14 * r;
	st->quoted_on = style(sans, N, U, 8 * r, 11 * r);
	st->quoted_on.hang = 14 * r;
	st->cover_title = style(serif, SB, U, 27 * r, 31 * r);
	st->cover_sub = style(serif, N, I, 13 * r, 17 * r);
	st->cover_small = style(sans, N, U, 8.5 * r, 12 * r);
}

/* --- text --- */

/* The fade of small grey labels (a card's type, a note's label, a duration): GREY_LABEL, or
 * less where the theme's ink would then read below 4.5:1 on its paper (WCAG AA). */
static double grey_fade(const builder *B)
{
	return color_fade_for_contrast(B->dk->theme.ink, B->dk->theme.paper, GREY_LABEL, 4.5);
}

static const char *tr(const builder *B, const mtext *t)
{
	return mtext_get(t, B->lang, B->dk->language);
}

/* The language of tr(B, t): the booklet's, or the deck's own where a translation is
 * missing. */
static const char *tr_lang(const builder *B, const mtext *t)
{
	return mtext_lang(t, B->lang, B->dk->language);
}

/* --- structure --- */

/* True when language codes a and b have the same primary language ("en", "en-GB"). */
static bool same_language(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_");
	return n == strcspn(b, "-_") && !g_ascii_strncasecmp(a, b, n);
}

/* A node of type role under parent, with its language where that is not the booklet's
 * (lang NULL: the booklet's). */
static int node(builder *B, const char *role, int parent, const char *lang)
{
	int n = bk_doc_node(B->doc, role, parent);
	if (lang && !same_language(lang, B->lang))
		B->doc->nodes[n].lang = lang;
	return n;
}

/* The language deckpress's own words (labels.h) are in, in this booklet. */
static const char *lab(const builder *B)
{
	return label_lang(B->lang);
}

/* Splits block b's text between nodes: part i starts at byte start[i]. */
static void set_parts(bk_block *b, const int *start, const int *nodes, size_t n)
{
	b->parts = xcalloc(n, sizeof *b->parts);
	for (size_t i = 0; i < n; i++)
		b->parts[i] = (bk_part){start[i], nodes[i]};
	b->nparts = n;
}

/* Pango markup for deck text; body text is hyphenated and its last word tied. Caller frees;
 * NULL when the text is absent. */
static char *mk_in(const builder *B, const char *text, const char *lang, bool body)
{
	if (!text)
		return NULL;
	typo_opts o = {.lang = lang,
		       .hyph = body && !strcmp(lang, B->lang) ? B->job->hyph : NULL,
		       .tie_last = body};
	return typo_pango_markup(text, &o);
}

static char *mk(const builder *B, const char *text, bool body)
{
	return mk_in(B, text, B->lang, body);
}

static char *esc(const char *plain)
{
	return g_markup_escape_text(plain ? plain : "", -1);
}

/* Upper case, escaped: for small letter-spaced labels. Caller g_frees. */
static char *caps(const char *plain)
{
	char *up = g_utf8_strup(plain, -1), *e = esc(up);
	g_free(up);
	return e;
}

static char *hex(uint32_t rgb, char buf[8])
{
	snprintf(buf, 8, "#%06x", (unsigned)(rgb & 0xffffff));
	return buf;
}

/* --- blocks --- */

/* A text block of node n's text in chunk c; what names the text in messages. NULL markup
 * adds nothing. */
static bk_block *text_block(builder *B, bk_chunk *c, const para_style *st, const char *markup,
			    double dx, double space_before, const char *what, int n)
{
	if (!markup)
		return NULL;
	PangoLayout *l = para_new(B->job->ctx, st, markup, B->width - dx);
	int unknown = l ? pango_layout_get_unknown_glyphs_count(l) : 0;
	if (!l || unknown) {
		/* a card's problem is reported at the card, as the cards command does */
		const card *cd = B->cur;
		char *name = cd ? xasprintf("card '%s'", cd->id) : xstrdup(what);
		const char *file = cd ? cd->file : B->dk->path;
		int line = cd ? cd->pos.line : 0, col = cd ? cd->pos.col : 0;
		if (!l)
			diag(B->d, M_BOOKLET_MARKUP, file, line, col, name);
		else
			diag(B->d, M_BOOKLET_GLYPHS, file, line, col, unknown, name);
		free(name);
		B->errors++;
		if (!l)
			return NULL;
	}
	bk_block *b = bk_chunk_block(c);
	b->kind = BX_TEXT;
	b->layout = l;
	b->dx = dx;
	b->space_before = space_before;
	b->color = B->dk->theme.ink;
	b->node = n;
	return b;
}

/* A category icon, as large as fits a square of side `side` and left-aligned in it, on the
 * white page. Decorative: it repeats the category whose name is printed beside it, so it
 * is an artifact (node -1), never a figure a screen reader would announce each time. */
static bk_block *icon_block(bk_chunk *c, const image *im, double side, double space_before)
{
	double iw, ih;
	image_size(im, &iw, &ih);
	bk_block *b = bk_chunk_block(c);
	b->kind = BX_IMAGE;
	b->image = im;
	b->w = iw * fmin(side / iw, side / ih);
	b->h = side;
	b->color = 0xffffff;
	b->space_before = space_before;
	return b;
}

static bk_block *fill_block(bk_chunk *c, double w, double h, uint32_t color, double space_before)
{
	bk_block *b = bk_chunk_block(c);
	b->kind = BX_FILL;
	b->w = w;
	b->h = h;
	b->color = color;
	b->space_before = space_before;
	return b;
}

/* --- paragraphs, bullets and steps --- */

typedef enum { IT_PARA, IT_BULLET, IT_STEP } item_kind;

typedef struct {
	item_kind kind;
	char *number; /* "1." for steps */
	strbuf text;
	bool list_start; /* first item of a list after a paragraph */
} item;

/* "12. " at the start of a line: returns the length of "12." or 0. */
static size_t step_prefix(const char *s)
{
	size_t i = 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i < 4 && s[i] == '.' && s[i + 1] == ' ' ? i + 1 : 0;
}

/* Splits deck text into paragraphs, bullets ("- ") and steps ("1. "), each with its own
 * text. typo_pango_markup folds single newlines into spaces, so the split comes first. */
static size_t split_items(const char *text, item **out)
{
	size_t n = 0, cap = 8;
	item *v = xcalloc(cap, sizeof *v);
	bool open = false, blank = true;
	item_kind prev = IT_PARA;
	for (const char *p = text; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *line = xstrndup(p, len);
		p += len + (e ? 1 : 0);
		char *s = line;
		while (*s == ' ')
			s++;
		if (!*s) {
			open = false;
			blank = true;
			free(line);
			continue;
		}
		size_t k = step_prefix(s);
		item_kind kind = !strncmp(s, "- ", 2) ? IT_BULLET : k ? IT_STEP : IT_PARA;
		if (!open || kind != IT_PARA) {
			if (n == cap)
				v = xrealloc(v, (cap *= 2) * sizeof *v);
			/* a list starts after a blank line or where the kind of item changes */
			v[n] = (item){.kind = kind,
				      .list_start = kind != IT_PARA && (blank || prev != kind)};
			if (kind == IT_STEP)
				v[n].number = xstrndup(s, k);
			s += kind == IT_BULLET ? 2 : kind == IT_STEP ? k + 1 : 0;
			n++;
			open = true;
		} else {
			strbuf_putc(&v[n - 1].text, '\n');
		}
		strbuf_puts(&v[n - 1].text, s);
		prev = v[n - 1].kind;
		blank = false;
		free(line);
	}
	*out = v;
	return n;
}

/* A list item's node (under list, a node of type L; its text in language lang, NULL: the
 * list's): its label up to the tab, its body after it. Sets b's parts; returns the item's
 * node. */
static int list_item(builder *B, bk_block *b, int list, const char *lang)
{
	int li = node(B, "LI", list, lang);
	const char *text = pango_layout_get_text(b->layout), *tab = strchr(text, '\t');
	int start[2] = {0, tab ? (int)(tab - text) + 1 : 0};
	int nodes[2] = {node(B, "Lbl", li, NULL), node(B, "LBody", li, NULL)};
	set_parts(b, start, nodes, 2);
	return li;
}

/* Each paragraph or list item of deck text (in language lang) as a chunk of its own, so
 * pages can break between them and inside them; a paragraph (P) or a list (L) of items under
 * node parent. */
static void paragraphs(builder *B, bk_stream *s, const char *text, const char *lang,
		       const char *what, int parent)
{
	if (!text)
		return;
	item *v;
	size_t n = split_items(text, &v);
	double L = B->doc->g.leading;
	int list = -1;
	for (size_t i = 0; i < n; i++) {
		char *m = mk(B, v[i].text.s ? v[i].text.s : "", true);
		bool listed = v[i].kind != IT_PARA;
		char *full = !m                       ? NULL
			     : v[i].kind == IT_BULLET ? xasprintf("\u2022\t%s", m)
			     : v[i].kind == IT_STEP   ? xasprintf("%s\t%s", v[i].number, m)
						      : xstrdup(m);
		bk_chunk *c = bk_stream_chunk(s);
		bool tight = listed && !v[i].list_start;
		c->space_before = tight ? 0.2 * L : 0.5 * L;
		if (listed && (v[i].list_start || list < 0))
			list = node(B, "L", parent, lang);
		else if (!listed)
			list = -1;
		bk_block *b = text_block(B, c, listed ? &B->st.item : &B->st.body, full, 0, 0, what,
					 listed ? -1 : node(B, "P", parent, lang));
		if (b && listed)
			b->node = list_item(B, b, list, NULL);
		free(full);
		free(m);
		free(v[i].number);
		strbuf_free(&v[i].text);
	}
	free(v);
}

/* --- chapters --- */

/* A chapter's opening: a new page, some space (or the category's icon, NULL: none), a colour
 * bar, an optional kicker and the title (in language lang); kept with what follows. Starts
 * the chapter's section (B->chapter) and returns the chapter's mark. */
static int chapter(builder *B, bk_stream *s, const char *title, const char *lang,
		   const char *kicker, uint32_t color, bool has_color, const char *dest,
		   const image *icon)
{
	int mark = bk_doc_mark(B->doc, title, dest, -1, true);
	B->doc->marks[mark].color = color;
	B->doc->marks[mark].has_color = has_color;
	B->chapter = node(B, "Sect", -1, NULL);
	bk_chunk *c = bk_stream_chunk(s);
	c->new_page = true;
	c->with_next = true;
	c->mark = mark;
	c->head = mark;
	double L = B->doc->g.leading;
	/* chapters open lower than the text runs; the icon takes that room, so every chapter's
	 * bar is at the same height */
	if (icon)
		icon_block(c, icon, 1.6 * L, 0);
	fill_block(c, 0, icon ? 0.4 * L : 2 * L, color, 0);
	fill_block(c, 26 * B->doc->g.body / 10, 2.5, color, 0);
	if (kicker) { /* above the title, and read before it */
		char *k = caps(kicker);
		bk_block *b = text_block(B, c, &B->st.kicker, k, 0, 0.8 * L, title,
					 node(B, "P", B->chapter, lab(B)));
		if (b) /* the rules above keep the colour; small text must read */
			b->color = color_legible(color, B->dk->theme.paper, B->dk->theme.ink);
		g_free(k);
	}
	int h1 = node(B, "H1", B->chapter, lang);
	B->doc->marks[mark].lang = B->doc->nodes[h1].lang;
	char *t = mk(B, title, false);
	text_block(B, c, &B->st.h1, t, 0, kicker ? 0.3 * L : 0.8 * L, title, h1);
	free(t);
	/* what follows starts after a generous gap, which stays with the title */
	fill_block(c, 0, 0.7 * L, color, 0);
	return mark;
}

static void intro(builder *B, bk_stream *s)
{
	const char *t = tr(B, &B->dk->booklet.intro);
	if (!t)
		return;
	chapter(B, s, label(B->lang, L_INTRODUCTION), lab(B), NULL, B->dk->theme.accent, false,
		"intro", NULL);
	paragraphs(B, s, t, tr_lang(B, &B->dk->booklet.intro), "booklet.intro", B->chapter);
}

static void guide(builder *B, bk_stream *s)
{
	const booklet_text *bt = &B->dk->booklet;
	if (!bt->nguide)
		return;
	int parent = chapter(B, s, label(B->lang, L_GUIDE), lab(B), NULL, B->dk->theme.accent,
			     false, "guide", NULL);
	double L = B->doc->g.leading;
	for (size_t i = 0; i < bt->nguide; i++) {
		const guide_section *g = &bt->guide[i];
		const char *title = tr(B, &g->title);
		char *dest = xasprintf("guide-%zu", i + 1);
		bk_chunk *c = bk_stream_chunk(s);
		c->with_next = true;
		c->space_before = i ? 1.5 * L : 0.5 * L;
		c->mark = bk_doc_mark(B->doc, title ? title : "", dest, parent, true);
		free(dest);
		int sect = node(B, "Sect", B->chapter, NULL);
		int h2 = node(B, "H2", sect, tr_lang(B, &g->title));
		B->doc->marks[c->mark].lang = B->doc->nodes[h2].lang;
		char *m = mk(B, title, false);
		text_block(B, c, &B->st.h2, m, 0, 0, "a guide section's title", h2);
		free(m);
		const char *dur = tr(B, &g->duration);
		if (dur) {
			char *d = mk(B, dur, false);
			bk_block *b = text_block(B, c, &B->st.meta, d, 0, 0.1 * L,
						 "a guide section's duration",
						 node(B, "P", sect, tr_lang(B, &g->duration)));
			if (b)
				b->fade = grey_fade(B);
			free(d);
		}
		paragraphs(B, s, tr(B, &g->text), tr_lang(B, &g->text), "a guide section", sect);
	}
}

/* --- cards --- */

/* "— Speaker, <i>Title</i>, section, p. 12". Caller frees; NULL if there is nothing. */
static char *attribution(const builder *B, const card *c)
{
	const deck *dk = B->dk;
	const source *src = c->source >= 0 ? &dk->sources[c->source] : NULL;
	strbuf b = {0};
	const char *who = c->speaker ? c->speaker : src ? src->author : NULL;
	char *m;
	if (who && (m = mk(B, who, false))) {
		strbuf_printf(&b, "\u2014\t%s", m);
		free(m);
	}
	if (src && (m = mk(B, tr(B, &src->title), false))) {
		strbuf_printf(&b, "%s<i>%s</i>", b.len ? ", " : "\u2014\t", m);
		free(m);
	}
	if (c->section.n && (m = mk(B, tr(B, &c->section), false))) {
		strbuf_printf(&b, "%s%s", b.len ? ", " : "\u2014\t", m);
		free(m);
	}
	if (c->page) {
		char *p = esc(c->page);
		strbuf_printf(&b, "%s%s\u00a0%s", b.len ? ", " : "\u2014\t", label(B->lang, L_PAGE),
			      p);
		g_free(p);
	}
	return b.len ? strbuf_take(&b) : NULL;
}

/* The card's id in its colour (the text colour if that would not read: color_legible), with
 * its number ("Q1 · 3/36") when the deck is numbered, then its type in grey (grey_fade), as a
 * small letter-spaced line. */
static char *id_line(const builder *B, size_t i)
{
	const card *c = &B->dk->cards[i];
	char *numbered = B->number ? xasprintf("%s \u00b7 %zu/%zu", c->id, B->number[i], B->of[i])
				   : xstrdup(c->id);
	char col[8], grey[8], *id = esc(numbered),
			      *type = caps(label(B->lang, (label_id)(L_QUOTE + c->type)));
	uint32_t ink = B->dk->theme.ink;
	uint32_t g = color_fade(ink, grey_fade(B));
	char *m = xasprintf(
		"<span foreground=\"%s\">%s</span>\u2003<span foreground=\"%s\">%s</span>",
		hex(color_legible(deck_card_color(B->dk, c), B->dk->theme.paper, ink), col), id,
		hex(g, grey), type);
	g_free(id);
	g_free(type);
	free(numbered);
	return m;
}

/* The original of a translated quote: "ORIGINAL  “...”", the label in the booklet's
 * language and the quote in the deck's, under node parent. */
static void card_original(builder *B, bk_chunk *k, const card *c, double L, int parent)
{
	const char *orig = mtext_has(&c->text, B->dk->language)
				   ? mtext_get(&c->text, B->dk->language, B->dk->language)
				   : NULL; /* a team's own quote in its language has no original */
	if (!strcmp(B->lang, B->dk->language) || !mtext_has(&c->text, B->lang) || !orig)
		return;
	char *om = mk_in(B, orig, B->dk->language, false), *oq = om ? typo_quoted(om) : NULL;
	char *lab_text = caps(label(B->lang, L_ORIGINAL));
	char *full = oq ? xasprintf("<span font_family=\"%s\" font_style=\"normal\" "
				    "weight=\"600\" size=\"%d\" letter_spacing=\"%d\">%s</span>"
				    "\u2003%s",
				    B->dk->theme.font_sans, (int)(B->st.note_label.size * PANGO_SCALE),
				    (int)(TRACK * B->st.note_label.size * PANGO_SCALE), lab_text, oq)
			: NULL;
	int p = node(B, "P", parent, NULL);
	bk_block *b = text_block(B, k, &B->st.original, full, 0, 0.4 * L, c->id, p);
	if (b) {
		b->fade = 0.25;
		const char *text = pango_layout_get_text(b->layout);
		const char *gap = strstr(text, "\u2003");
		int start[2] = {0, gap ? (int)(gap - text) + 3 : 0};
		int nodes[2] = {node(B, "Span", p, lab(B)), node(B, "Span", p, B->dk->language)};
		set_parts(b, start, nodes, 2);
	}
	free(full);
	g_free(lab_text);
	free(oq);
	free(om);
}

/* A quote: the quotation and its attribution, and the original of a translation. */
static void card_quote(builder *B, bk_chunk *k, const card *c, double L, int sect)
{
	int bq = node(B, "BlockQuote", sect, NULL);
	char *m = mk(B, tr(B, &c->text), true), *q = m ? typo_quoted(m) : NULL;
	text_block(B, k, &B->st.quote, q, 0, 0.25 * L, c->id,
		   node(B, "P", bq, tr_lang(B, &c->text)));
	free(q);
	free(m);
	char *a = attribution(B, c);
	bk_block *b = text_block(B, k, &B->st.attrib, a, 0, 0.3 * L, c->id, node(B, "P", bq, NULL));
	if (b)
		b->fade = 0.3;
	free(a);
	card_original(B, k, c, L, bq);
}

static void card_case(builder *B, bk_chunk *k, const card *c, double L, int sect)
{
	char *t = mk(B, tr(B, &c->title), false);
	text_block(B, k, &B->st.case_title, t, 0, 0.25 * L, c->id,
		   node(B, "H3", sect, tr_lang(B, &c->title)));
	free(t);
	char *x = mk(B, tr(B, &c->text), true);
	text_block(B, k, &B->st.body, x, 0, 0.15 * L, c->id,
		   node(B, "P", sect, tr_lang(B, &c->text)));
	free(x);
	char *q = mk(B, tr(B, &c->question), true);
	text_block(B, k, &B->st.case_question, q, 0, 0.4 * L, c->id,
		   node(B, "P", sect, tr_lang(B, &c->question)));
	free(q);
}

/* A question, and its follow-up questions as a list. */
static void card_question(builder *B, bk_chunk *k, const card *c, double L, int sect)
{
	char *t = mk(B, tr(B, &c->text), true);
	text_block(B, k, &B->st.question, t, 0, 0.25 * L, c->id,
		   node(B, "P", sect, tr_lang(B, &c->text)));
	free(t);
	int list = c->nfollowups ? node(B, "L", sect, NULL) : -1;
	for (size_t i = 0; i < c->nfollowups; i++) {
		char *f = mk(B, tr(B, &c->followups[i]), true);
		char *full = f ? xasprintf("\u2013\t%s", f) : NULL;
		bk_block *b =
			text_block(B, k, &B->st.item, full, 0, i ? 0.1 * L : 0.35 * L, c->id, -1);
		if (b)
			b->node = list_item(B, b, list, tr_lang(B, &c->followups[i]));
		free(full);
		free(f);
	}
}

/* The facilitator's note under its small heading. */
static void card_note(builder *B, bk_chunk *k, const card *c, double L, int sect)
{
	const char *note = tr(B, &c->note);
	if (!note)
		return;
	char *lab_text = caps(label(B->lang, L_NOTE));
	bk_block *b = text_block(B, k, &B->st.note_label, lab_text, 0, 0.6 * L, c->id,
				 node(B, "H3", sect, lab(B)));
	if (b)
		b->fade = grey_fade(B);
	g_free(lab_text);
	char *m = mk(B, note, true);
	b = text_block(B, k, &B->st.note, m, 0, 0.15 * L, c->id,
		       node(B, "P", sect, tr_lang(B, &c->note)));
	if (b)
		b->fade = 0.15;
	free(m);
}

/* A card's entry: a section headed by its id and type. */
static void card_entry(builder *B, bk_stream *s, size_t i, int parent, bool first)
{
	const card *c = &B->dk->cards[i];
	double L = B->doc->g.leading;
	B->cur = c;
	char *dest = xasprintf("card-%s", c->id);
	bk_chunk *k = bk_stream_chunk(s);
	k->keep = true;
	k->space_before = first ? 0.5 * L : 1.6 * L;
	k->mark = B->card_mark[i] = bk_doc_mark(B->doc, c->id, dest, parent, false);
	free(dest);
	int sect = node(B, "Sect", B->chapter, NULL);
	/* the category's icon, small, before the id: the card as it looks */
	const image *icon = deck_pictures_icon(B->pics, c->category);
	double side = B->st.id.leading, dx = icon ? side + 0.4 * side : 0;
	if (icon)
		icon_block(k, icon, side, 0)->beside = true;
	char *id = id_line(B, i);
	bk_block *b = text_block(B, k, &B->st.id, id, dx, 0, c->id, node(B, "H2", sect, lab(B)));
	if (b)
		b->color = color_legible(deck_card_color(B->dk, c), B->dk->theme.paper,
					 B->dk->theme.ink);
	free(id);
	if (c->type == CARD_QUOTE)
		card_quote(B, k, c, L, sect);
	else if (c->type == CARD_CASE)
		card_case(B, k, c, L, sect);
	else
		card_question(B, k, c, L, sect);
	card_note(B, k, c, L, sect);
	B->cur = NULL;
}

/* "9 cards", "1 card" */
static char *count_kicker(const builder *B, size_t n)
{
	return xasprintf("%zu %s", n, label(B->lang, n == 1 ? L_CARD : L_CARDS));
}

/* One chapter per category, in the deck's order; cards without a category get a chapter
 * per card type after them. Cards keep their deck order inside a chapter. */
static void card_chapters(builder *B, bk_stream *s)
{
	const deck *dk = B->dk;
	for (long cat = 0; cat < (long)dk->ncategories + CARD_NTYPES; cat++) {
		bool by_type = cat >= (long)dk->ncategories;
		size_t n = 0;
		for (size_t i = 0; i < dk->ncards; i++) {
			const card *c = &dk->cards[i];
			n += by_type ? c->category < 0 &&
					       (long)c->type == cat - (long)dk->ncategories
				     : c->category == cat;
		}
		if (!n)
			continue;
		const category *ct = by_type ? NULL : &dk->categories[cat];
		const char *title =
			ct ? tr(B, &ct->name)
			   : label(B->lang, (label_id)(L_QUOTES + cat - (long)dk->ncategories));
		char *kicker = count_kicker(B, n), *dest = xasprintf("chapter-%ld", cat + 1);
		int mark = chapter(B, s, title, ct ? tr_lang(B, &ct->name) : lab(B), kicker,
				   ct && ct->has_color ? ct->color : dk->theme.accent,
				   ct && ct->has_color, dest,
				   by_type ? NULL : deck_pictures_icon(B->pics, (int)cat));
		free(kicker);
		free(dest);
		bool first = true;
		for (size_t i = 0; i < dk->ncards; i++) {
			const card *c = &dk->cards[i];
			if (by_type ? c->category < 0 &&
					      (long)c->type == cat - (long)dk->ncategories
				    : c->category == cat) {
				card_entry(B, s, i, mark, first);
				first = false;
			}
		}
	}
}

/* --- sources --- */

static char *biblio_entry(const builder *B, const source *src)
{
	strbuf b = {0};
	char *m;
	if (src->author && (m = mk(B, src->author, false))) {
		strbuf_puts(&b, m);
		free(m);
	}
	if (src->year) {
		char *y = esc(src->year);
		strbuf_printf(&b, "%s(%s)", b.len ? " " : "", y);
		g_free(y);
	}
	if ((m = mk(B, tr(B, &src->title), false))) {
		strbuf_printf(&b, "%s<i>%s</i>", b.len ? ". " : "", m);
		free(m);
	}
	if (src->publication.n && (m = mk(B, tr(B, &src->publication), false))) {
		strbuf_printf(&b, ". %s", m);
		free(m);
	}
	if (src->url) {
		char *u = esc(src->url);
		strbuf_printf(&b, ". %s", u);
		g_free(u);
	}
	strbuf_putc(&b, '.');
	return strbuf_take(&b);
}

/* "Quoted on ID-Q01, ID-Q02", each id a link to its card: a paragraph under parent whose
 * text alternates between spans and links. */
static void quoted_on(builder *B, bk_chunk *k, size_t si, double L, int parent)
{
	const deck *dk = B->dk;
	strbuf b = {0};
	char *lab_text = esc(label(B->lang, L_QUOTED_ON));
	strbuf_printf(&b, "%s\u2002", lab_text);
	g_free(lab_text);
	size_t n = 0;
	for (size_t i = 0; i < dk->ncards; i++)
		if (dk->cards[i].source == (int)si) {
			char *id = esc(dk->cards[i].id);
			/* an id never breaks at its hyphen */
			strbuf_printf(&b, "%s<span allow_breaks=\"false\">%s</span>",
				      n++ ? ", " : "", id);
			g_free(id);
		}
	if (!n) {
		strbuf_free(&b);
		return;
	}
	int p = node(B, "P", parent, NULL);
	bk_block *blk = text_block(B, k, &B->st.quoted_on, b.s, 0, 0.2 * L, "the sources", p);
	strbuf_free(&b);
	if (!blk)
		return;
	blk->fade = 0.25;
	const char *text = pango_layout_get_text(blk->layout), *at = text;
	int *start = xcalloc(2 * n + 1, sizeof *start), *nodes = xcalloc(2 * n + 1, sizeof *nodes);
	size_t np = 0;
	start[np] = 0;
	nodes[np++] = node(B, "Span", p, lab(B));
	for (size_t i = 0; i < dk->ncards; i++) {
		const char *hit =
			dk->cards[i].source == (int)si ? strstr(at, dk->cards[i].id) : NULL;
		if (!hit)
			continue;
		int link = node(B, "Link", p, NULL);
		B->doc->nodes[link].mark = B->card_mark[i];
		start[np] = (int)(hit - text);
		nodes[np++] = link;
		at = hit + strlen(dk->cards[i].id);
		if (*at) { /* the comma and space before the next id */
			start[np] = (int)(at - text);
			nodes[np++] = node(B, "Span", p, NULL);
		}
	}
	set_parts(blk, start, nodes, np);
	free(start);
	free(nodes);
}

static void sources(builder *B, bk_stream *s)
{
	const deck *dk = B->dk;
	if (!dk->nsources)
		return;
	chapter(B, s, label(B->lang, L_SOURCES), lab(B), NULL, dk->theme.accent, false, "sources",
		NULL);
	double L = B->doc->g.leading;
	for (size_t i = 0; i < dk->nsources; i++) {
		bk_chunk *k = bk_stream_chunk(s);
		k->keep = true;
		k->space_before = i ? 0.8 * L : 0.5 * L;
		char *e = biblio_entry(B, &dk->sources[i]);
		text_block(B, k, &B->st.biblio, e, 0, 0, dk->sources[i].id,
			   node(B, "P", B->chapter, NULL));
		free(e);
		quoted_on(B, k, i, L, B->chapter);
	}
}

/* --- closing and notes --- */

static void closing(builder *B, bk_stream *s)
{
	const char *t = tr(B, &B->dk->booklet.closing);
	if (!t)
		return;
	chapter(B, s, label(B->lang, L_CLOSING), lab(B), NULL, B->dk->theme.accent, false,
		"closing", NULL);
	paragraphs(B, s, t, tr_lang(B, &B->dk->booklet.closing), "booklet.closing", B->chapter);
}

static void notes(builder *B, bk_stream *s)
{
	int n = B->dk->booklet.notes_pages;
	if (n <= 0)
		return;
	/* the pages of writing lines are layout: only their heading is read */
	chapter(B, s, label(B->lang, L_NOTES), lab(B), NULL, B->dk->theme.accent, false, "notes",
		NULL);
	for (int i = 0; i < n; i++) {
		bk_chunk *k = bk_stream_chunk(s);
		k->new_page = i > 0;
		bk_block *b = bk_chunk_block(k);
		b->kind = BX_RULED;
		b->h = 2 * B->doc->g.leading; /* room for handwriting */
		b->color = B->dk->theme.ink;
		b->fade = 0.8;
	}
}

/* --- contents --- */

static void contents(builder *B, bk_stream *s)
{
	double L = B->doc->g.leading, num_w = 3 * B->doc->g.body;
	bk_chunk *c = bk_stream_chunk(s);
	fill_block(c, 0, 2 * L, 0, 0);
	fill_block(c, 26 * B->doc->g.body / 10, 2.5, B->dk->theme.accent, 0);
	int sect = node(B, "Sect", -1, NULL);
	char *t = mk(B, label(B->lang, L_CONTENTS), false);
	text_block(B, c, &B->st.h1, t, 0, 0.8 * L, "the contents", node(B, "H1", sect, lab(B)));
	free(t);
	bool first = true;
	/* TOC > TOCI > Reference > Link; a chapter's sections in a TOC inside its TOCI */
	int toc = node(B, "TOC", sect, NULL), toci = -1, sub_toc = -1;
	for (size_t i = 0; i < B->doc->nmarks; i++) {
		const bk_mark *m = &B->doc->marks[i];
		if (!m->toc)
			continue;
		bool sub = m->parent >= 0;
		if (sub && sub_toc < 0 && toci >= 0)
			sub_toc = node(B, "TOC", toci, NULL);
		else if (!sub)
			sub_toc = -1;
		int entry = node(B, "TOCI", sub && sub_toc >= 0 ? sub_toc : toc, NULL);
		if (!sub)
			toci = entry;
		int link = node(B, "Link", node(B, "Reference", entry, NULL), m->lang);
		B->doc->nodes[link].mark = (int)i;
		double dx = sub ? 14 * B->doc->g.body / 10 : 0;
		bk_chunk *k = bk_stream_chunk(s);
		k->space_before = first ? 1.8 * L : sub ? 0 : 0.45 * L;
		first = false;
		char *e = esc(m->title);
		/* the title's column leaves room for the page number on the right */
		double save = B->width;
		B->width -= num_w;
		bk_block *b = text_block(B, k, sub ? &B->st.toc_sub : &B->st.toc, e, dx, 0,
					 "the contents", link);
		B->width = save;
		g_free(e);
		if (!b)
			continue;
		b->number = (int)i;
		if (sub)
			b->fade = 0.25;
	}
}

/* --- cover --- */

/* The foot of the cover, in chunk foot: team, organisation and version. */
static void cover_foot(builder *B, bk_chunk *foot)
{
	const deck *dk = B->dk;
	const styles *st = &B->st;
	double L = B->doc->g.leading, r = B->doc->g.body / 10;
	char *team = B->job->team ? esc(B->job->team) : NULL;
	char *tl = caps(label(B->lang, L_TEAM));
	char *line = xasprintf("<span letter_spacing=\"%d\" size=\"%d\">%s</span>\u2003%s",
			       (int)(TRACK * 6.5 * r * PANGO_SCALE), (int)(6.5 * r * PANGO_SCALE), tl,
			       team ? team : "");
	bk_block *b = text_block(B, foot, &st->cover_small, line, 0, 0, "the cover",
				 node(B, "P", -1, lab(B)));
	if (b)
		b->fade = 0.35;
	free(line);
	g_free(tl);
	g_free(team);
	if (!B->job->team) /* a line to write the team's name on */
		fill_block(foot, 0.6 * B->width, 0.5, dk->theme.ink, 1.6 * L)->fade = 0.6;
	strbuf f = {0};
	if (dk->author) {
		char *a = esc(dk->author);
		strbuf_puts(&f, a);
		g_free(a);
	}
	if (dk->version) {
		char *v = esc(dk->version);
		strbuf_printf(&f, "%s%s %s", f.len ? "\u2003\u00b7\u2003" : "",
			      label(B->lang, L_VERSION), v);
		g_free(v);
	}
	if (f.len) {
		b = text_block(B, foot, &st->cover_small, f.s, 0, 1.4 * L, "the cover",
			       node(B, "P", -1, NULL));
		if (b)
			b->fade = 0.35;
	}
	strbuf_free(&f);
}

static void cover(builder *B, bk_stream *s)
{
	const deck *dk = B->dk;
	const styles *st = &B->st;
	double L = B->doc->g.leading, r = B->doc->g.body / 10;
	if (dk->logo) { /* placed by booklet_pdf.c; first in reading order */
		B->doc->figure = node(B, "Figure", -1, NULL);
		B->doc->nodes[B->doc->figure].alt =
			dk->team ? xasprintf(label(B->lang, L_LOGO), dk->team) : xstrdup("Logo");
	}
	bk_chunk *top = bk_stream_chunk(s);
	/* a row of the category colours, the only colour on the cover */
	size_t ncol = 0;
	for (size_t i = 0; i < dk->ncategories; i++)
		ncol += dk->categories[i].has_color;
	if (!ncol) {
		fill_block(top, 40 * r, 4 * r, dk->theme.accent, 0);
	} else {
		double w = (B->width < 160 * r ? B->width : 160 * r) / (double)ncol;
		for (size_t i = 0, k = 0; i < dk->ncategories; i++) {
			if (!dk->categories[i].has_color)
				continue;
			bk_block *b = fill_block(top, w, 4 * r, dk->categories[i].color, 0);
			b->dx = (double)k++ * w;
			b->beside = k < ncol; /* one row: only the last segment takes height */
		}
	}
	char *t = mk(B, tr(B, &dk->title), false);
	text_block(B, top, &st->cover_title, t, 0, 0.22 * B->area_h, "the title",
		   node(B, "H1", -1, tr_lang(B, &dk->title)));
	free(t);
	char *sub = mk(B, tr(B, &dk->subtitle), false);
	bk_block *sb = text_block(B, top, &st->cover_sub, sub, 0, 0.9 * L, "the subtitle",
				  node(B, "P", -1, tr_lang(B, &dk->subtitle)));
	if (sb)
		sb->fade = 0.2;
	free(sub);
	bk_chunk *foot = bk_stream_chunk(s);
	cover_foot(B, foot);
	/* push the foot to the bottom of the text area: the flow uses a chunk's space_before
	 * for its first block and each later block's own */
	double used = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t j = 0; j < s->c[i].n; j++) {
			const bk_block *x = &s->c[i].b[j];
			if (x->beside)
				continue;
			used += (j ? x->space_before : 0) +
				(x->kind == BX_TEXT ? para_height(x->layout) : x->h);
		}
	foot->space_before = B->area_h - used - 1;
}

/* --- the whole booklet --- */

int bk_content_make(const booklet_job *job, const deck_pictures *pics, bk_doc *doc,
		    bk_content *out, struct diag *d)
{
	*out = (bk_content){0};
	builder B = {.job = job, .pics = pics, .dk = job->dk, .lang = job->lang, .doc = doc, .d = d};
	rect area = bk_text_area(&doc->g, 0);
	B.width = area.w;
	B.area_h = area.h;
	styles_make(job->dk, &doc->g, &B.st);
	B.card_mark = xcalloc(job->dk->ncards + 1, sizeof *B.card_mark);
	B.number = deck_numbers(job->dk, &B.of);
	cover(&B, &out->cover);
	intro(&B, &out->body);
	guide(&B, &out->body);
	card_chapters(&B, &out->body);
	sources(&B, &out->body);
	closing(&B, &out->body);
	notes(&B, &out->body);
	contents(&B, &out->front); /* last: it lists the marks the body made */
	free(B.card_mark);
	free(B.number);
	free(B.of);
	double r = doc->g.body / 10;
	bk_furniture *f = &out->furniture;
	f->ctx = job->ctx;
	f->ink = job->dk->theme.ink;
	f->head_fade = grey_fade(&B);
	f->head = style(job->dk->theme.font_sans, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
			6.5 * r, 0);
	f->head.tracking = TRACK;
	f->folio =
		style(job->dk->theme.font_sans, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 8 * r, 0);
	f->number = B.st.toc_sub;
	f->number.hang = 0;
	return B.errors;
}

void bk_content_free(bk_content *c)
{
	bk_stream_free(&c->cover);
	bk_stream_free(&c->front);
	bk_stream_free(&c->body);
}

size_t bk_content_fonts(const deck *dk, font_need *out, size_t max)
{
	static const font_need all[] = {
		{true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, "the booklet's text"},
		{true, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, "the booklet's headings"},
		{true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
		 "the booklet's subtitle, case questions and original quotes"},
		{false, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, "the booklet's small headings"},
		{false, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, "the booklet's notes and sources"},
	};
	(void)dk;
	size_t n = 0;
	for (size_t i = 0; i < sizeof all / sizeof *all && n < max; i++)
		out[n++] = all[i];
	return n;
}
