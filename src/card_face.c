/* card_face.c - card texts to Pango layouts: markup per card type, fitting, band and back. */
#include "card_face.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "glyphs.h"
#include "image_cache.h"
#include "labels.h"
#include "typo.h"

enum { MAXB = 3, MAX_UNKNOWN = 32 };

/* Text sizes of the parts that do not scale with the card's main text. */
#define BOTTOM_MAX  7.5 /* attribution, follow-ups */
#define BOTTOM_MIN  CARD_TEXT_MIN
#define LABEL_SIZE  CARD_LABEL_SIZE
#define FOOTER_SIZE CARD_FOOTER_SIZE
#define FOOTER_FADE 0.45 /* the footer's ink towards the paper, as far as contrast allows */
#define FOOTER_CONTRAST 4.5 /* WCAG AA for small text */
/* Letter spacing of capitals, in em: 0.1 em or more makes pdftotext, and so search and
 * copy in PDF viewers, split the word into letters. */
#define LABEL_TRACKING 0.08
#define TITLE_SHARE    0.62 /* of the footer for the deck title; the id has the rest */
#define GAP            6.0  /* between the main text and the bottom block */
#define BACK_TITLE_MAX 18.0 /* the deck title on the backs */
#define BACK_TITLE_MIN 9.0
#define RULE_PAD       10.0 /* room above a quote for its short rule */

typedef struct {
	bool serif;
	PangoWeight weight;
	PangoStyle style;
	double scale, space_before, line_spacing;
} block_style;

/* The design of each card type's main text, top to bottom. */
static const block_style main_styles[CARD_NTYPES][MAXB] = {
	[CARD_QUOTE] = {{true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.0, 0, 1.12}},
	[CARD_CASE] = {{false, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 1.2, 0, 1.0},
		       {true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.0, 0.5, 1.12},
		       {true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 1.0, 1.3, 1.1}},
	[CARD_QUESTION] = {{true, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 1.0, 0, 1.08}},
};
static const block_style bottom_style = {false, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.0, 0,
					 1.15};

typedef struct {
	char *main[MAXB]; /* Pango markup per main block; NULL = empty */
	char *bottom;     /* attribution or follow-ups; NULL if none */
} card_text;

struct cardset {
	const deck *dk;
	const char *lang;
	PangoContext *ctx;
	const hyphenator *hyph;
	card_geom g;
	card_sizes sizes;
	/* layouts shared by many cards, made on first use */
	PangoLayout *deck_title, *back_title, *back_team;
	bool back_title_fits; /* the back title fits its room (at BACK_TITLE_MIN at least) */
	PangoLayout **band; /* (ncategories + 1) * 2: category name, card type */
	PangoLayout **back_category;
	PangoLayout *type_label[CARD_NTYPES];
	double type_w;       /* the widest type label */
	bool glyphs_checked; /* missing characters were reported already (glyphs.h) */
	deck_pictures pics;  /* icons and logo (cardset_load_pictures) */
	bool pics_loaded;
	image_cache *images; /* the cards' own images, shared by the cards naming one file */
	size_t *number, *of; /* theme.numbering: card i is number[i] of of[i]; NULL: none */
	struct kept_fit *kept; /* the prediction's layouts, for card_face_make (kept_take) */
	size_t nkept;
};

/* --- fonts the design needs --- */

static bool has_tag(const mtext *t, const char *tag)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->v[i].text && strstr(t->v[i].text, tag))
			return true;
	return false;
}

/* Adds need to out (room for max, *n used) unless it is there. */
static void add_need(font_need *out, size_t *n, size_t max, font_need need)
{
	for (size_t i = 0; i < *n; i++)
		if (out[i].serif == need.serif && out[i].weight == need.weight &&
		    out[i].style == need.style)
			return;
	if (*n < max)
		out[(*n)++] = need;
}

/* The styles <b> and <i> in text t (set in style st) call for. */
static void markup_needs(const mtext *t, const block_style *st, font_need *out, size_t *n,
			 size_t max)
{
	bool b = has_tag(t, "<b>"), it = has_tag(t, "<i>");
	if (!b && !it)
		return;
	PangoWeight w = b ? PANGO_WEIGHT_BOLD : st->weight;
	if (b && it)
		add_need(out, n, max, (font_need){st->serif, w, PANGO_STYLE_ITALIC, "bold italic text"});
	if (b)
		add_need(out, n, max, (font_need){st->serif, w, st->style, "bold text (<b>)"});
	if (it)
		add_need(out, n, max,
			 (font_need){st->serif, st->weight, PANGO_STYLE_ITALIC, "italic text (<i>)"});
}

size_t card_face_fonts(const deck *dk, font_need *out, size_t max)
{
	const PangoWeight N = PANGO_WEIGHT_NORMAL, SB = PANGO_WEIGHT_SEMIBOLD,
			  B = PANGO_WEIGHT_BOLD;
	const PangoStyle U = PANGO_STYLE_NORMAL, I = PANGO_STYLE_ITALIC;
	bool has[CARD_NTYPES] = {false};
	for (size_t i = 0; i < dk->ncards; i++)
		has[dk->cards[i].type] = true;
	const struct {
		bool want;
		font_need need;
	} all[] = {
		{true, {true, SB, U, "the deck title on the backs"}},
		{true, {false, SB, U, "the labels in the band and the card ids"}},
		{true, {false, N, U, "the footer"}},
		{has[CARD_QUOTE], {true, N, U, "quotes"}},
		{has[CARD_QUOTE], {false, N, I, "the source titles of quotes"}},
		{has[CARD_CASE], {false, B, U, "case titles"}},
		{has[CARD_CASE], {true, N, U, "cases"}},
		{has[CARD_CASE], {true, N, I, "the question of a case"}},
		{has[CARD_QUESTION], {true, SB, U, "questions"}},
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		if (all[i].want)
			add_need(out, &n, max, all[i].need);
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		const block_style *st = main_styles[c->type];
		if (c->type == CARD_CASE) {
			markup_needs(&c->title, &st[0], out, &n, max);
			markup_needs(&c->text, &st[1], out, &n, max);
			markup_needs(&c->question, &st[2], out, &n, max);
		} else {
			markup_needs(&c->text, &st[0], out, &n, max);
		}
		for (size_t k = 0; k < c->nfollowups; k++)
			markup_needs(&c->followups[k], &bottom_style, out, &n, max);
	}
	return n;
}

/* --- markup --- */

/* Body text is hyphenated and its last two words tied; titles are neither. */
static char *markup(const cardset *cs, const mtext *t, bool body)
{
	const char *s = mtext_get(t, cs->lang, cs->dk->language);
	if (!s)
		return NULL;
	typo_opts o = {.lang = cs->lang, .hyph = body ? cs->hyph : NULL, .tie_last = body};
	return typo_pango_markup(s, &o);
}

static char *plain_markup(const cardset *cs, const char *s)
{
	typo_opts o = {.lang = cs->lang};
	return typo_pango_markup(s, &o);
}

/* Quote text between the language's double quotes. */
static char *quoted(const cardset *cs, const mtext *t)
{
	char *m = markup(cs, t, true);
	char *q = m ? typo_quoted(m) : NULL;
	free(m);
	return q;
}

/* "— Author", the source title in italics, section or page, and a translation note. */
static char *attribution(const cardset *cs, const card *c)
{
	const deck *dk = cs->dk;
	const source *src = c->source >= 0 ? &dk->sources[c->source] : NULL;
	strbuf b = {0};
	const char *who = c->speaker ? c->speaker : src ? src->author : NULL;
	char *m;
	if (who) {
		m = plain_markup(cs, who);
		strbuf_printf(&b, "\u2014\u2002%s", m);
		free(m);
	}
	if (src) {
		m = markup(cs, &src->title, false);
		strbuf_printf(&b, "%s<i>%s</i>", b.len ? "\n" : "\u2014\u2002", m ? m : "");
		free(m);
	}
	if (c->section.n && (m = markup(cs, &c->section, false))) {
		strbuf_printf(&b, " \u00b7 %s", m);
		free(m);
	}
	if (c->page)
		strbuf_printf(&b, ", %s\u00a0%s", label(cs->lang, L_PAGE), c->page);
	const char *shown = mtext_lang(&c->text, cs->lang, dk->language);
	/* only a translation says so: not a text in the original language, nor a team's own
	 * quote written in the team's language */
	if (shown && strcmp(shown, dk->language) && mtext_has(&c->text, dk->language)) {
		char *note = xasprintf(label(cs->lang, L_TRANSLATED),
				       language_name(cs->lang, dk->language));
		strbuf_printf(&b, "\n<i>%s</i>", note);
		free(note);
	}
	return b.len ? strbuf_take(&b) : NULL;
}

static char *followups(const cardset *cs, const card *c)
{
	strbuf b = {0};
	for (size_t i = 0; i < c->nfollowups; i++) {
		char *m = markup(cs, &c->followups[i], true);
		strbuf_printf(&b, "%s\u2013\u2002%s", i ? "\n" : "", m ? m : "");
		free(m);
	}
	return b.len ? strbuf_take(&b) : NULL;
}

static void card_markup(const cardset *cs, const card *c, card_text *t)
{
	switch (c->type) {
	case CARD_QUOTE:
		t->main[0] = quoted(cs, &c->text);
		t->bottom = attribution(cs, c);
		break;
	case CARD_CASE:
		t->main[0] = markup(cs, &c->title, false);
		t->main[1] = markup(cs, &c->text, true);
		t->main[2] = markup(cs, &c->question, true);
		break;
	default:
		t->main[0] = markup(cs, &c->text, true);
		t->bottom = followups(cs, c);
		break;
	}
}

/* --- blocks and fitting --- */

static tblock block(const cardset *cs, const block_style *st, const char *m)
{
	return (tblock){.family = st->serif ? cs->dk->theme.font_serif : cs->dk->theme.font_sans,
			.weight = st->weight,
			.style = st->style,
			.scale = st->scale,
			.space_before = st->space_before,
			.line_spacing = st->line_spacing,
			.align = PANGO_ALIGN_LEFT,
			.markup = m};
}

static size_t main_blocks(const cardset *cs, const card *c, const card_text *t, tblock *out)
{
	size_t n = c->type == CARD_CASE ? 3 : 1;
	for (size_t i = 0; i < n; i++)
		out[i] = block(cs, &main_styles[c->type][i], t->main[i]);
	return n;
}

static double top_pad(const card *c)
{
	return c->type == CARD_QUOTE ? RULE_PAD : 0;
}

/* " (en)" after the card id when the deck has more than one language, else "". */
static const char *lang_note(const cardset *cs, char *buf, size_t n)
{
	if (cs->dk->nlanguages > 1)
		snprintf(buf, n, " (%s)", cs->lang);
	else if (n)
		buf[0] = '\0';
	return buf;
}

#define SIZE_FLOOR 4.0 /* pt: the smallest size theme.sizes allows */

/* How far blocks b[0..n) that do not fit `avail` at `min` pt (laid out as at_min) are over:
 * the size at which they would fit and the share of the text to cut. Caller frees. */
static char *overflow(const cardset *cs, const tblock *b, size_t n, double avail, double min,
		      const tstack *at_min)
{
	strbuf m = {0};
	tstack s = {0};
	bool smaller = min > SIZE_FLOOR &&
		       typeset_stack(cs->ctx, b, n, cs->g.body.w, avail, min - 0.25, SIZE_FLOOR,
				     &s) == 0 &&
		       s.fits;
	if (at_min->height > avail) {
		int cut = (int)ceil(100 * (1 - avail / at_min->height));
		if (smaller)
			strbuf_printf(&m, "; it would fit at %g pt, or with about %d%% less text",
				      s.size, cut);
		else
			strbuf_printf(&m, "; it needs about %d%% less text", cut);
	} else if (smaller) {
		strbuf_printf(&m, "; a word is wider than the card; it would fit at %g pt", s.size);
	} else {
		strbuf_printf(&m, "; a word is wider than the card even at %g pt", SIZE_FLOOR);
	}
	tstack_free(&s);
	return strbuf_take(&m);
}

static void fit_error(const cardset *cs, const card *c, struct diag *d, const char *what,
		      double size, const char *detail)
{
	char note[32];
	diag(d, M_FIT, c->file, c->pos.line, c->pos.col, c->id, lang_note(cs, note, sizeof note),
	     what, size, detail);
}

/* Adds the characters s draws as boxes to out[0..n); returns the new count. */
static size_t unknown_chars(const tstack *s, uint32_t *out, size_t n)
{
	for (size_t b = 0; s->unknown_glyphs && b < s->n; b++)
		n = typeset_unknown_chars(s->layouts[b], out, n, MAX_UNKNOWN);
	return n;
}

static void card_text_free(card_text *t)
{
	for (int b = 0; b < MAXB; b++)
		free(t->main[b]);
	free(t->bottom);
}

static bool uniform(const cardset *cs, card_type k)
{
	return cs->dk->theme.fit[k] == FIT_UNIFORM;
}

static PangoLayout *id_layout(const cardset *cs, size_t i);
static void back_title_make(cardset *cs);

/* Typesets card i's text at the sizes of cs into f->main and f->bottom (see
 * card_face_make). The markup is made here and parsed once, by the one layout of each block
 * at the size it is drawn at; the search below that size runs only when it does not fit. */
/* The main text's largest size for card c at the current sizes. */
static double top_size(const cardset *cs, const card *c)
{
	return uniform(cs, c->type) ? cs->sizes.size[c->type] : cs->dk->theme.size_max[c->type];
}

static int fit_text(cardset *cs, size_t i, card_face *f)
{
	const card *c = &cs->dk->cards[i];
	const theme *th = &cs->dk->theme;
	rect body = card_geom_body(&cs->g, c->image.path != NULL);
	*f = (card_face){.c = c, .dk = cs->dk, .lang = cs->lang, .rule_before = -1, .body = body};
	card_text t = {0};
	card_markup(cs, c, &t);
	double avail = body.h - top_pad(c);
	int rc = 0;
	if (t.bottom) {
		tblock b = block(cs, &bottom_style, t.bottom);
		rc = typeset_stack(cs->ctx, &b, 1, body.w, 0.45 * avail, BOTTOM_MAX, BOTTOM_MIN,
				   &f->bottom);
		f->bad |= rc == 0 && !f->bottom.fits ? FACE_BAD_BOTTOM : 0;
		avail -= f->bottom.height + GAP;
	}
	tblock mb[MAXB];
	size_t n = main_blocks(cs, c, &t, mb);
	double top = top_size(cs, c);
	if (rc == 0)
		rc = typeset_stack(cs->ctx, mb, n, body.w, avail, top, th->size_min[c->type],
				   &f->main);
	if (c->type == CARD_CASE && t.main[2])
		f->rule_before = 2;
	card_text_free(&t);
	if (rc) {
		card_face_free(f);
		*f = (card_face){0};
		return -1;
	}
	f->bad |= f->main.fits ? 0 : FACE_BAD_MAIN;
	f->unknown = f->main.unknown_glyphs + f->bottom.unknown_glyphs;
	f->bad |= f->unknown && !cs->glyphs_checked ? FACE_BAD_GLYPHS : 0;
	f->bad |= f->main.fallback_glyphs + f->bottom.fallback_glyphs ? FACE_BAD_FALLBACK : 0;
	/* the id is how a card is found in the booklet: it is never shortened, so it must fit */
	f->id = id_layout(cs, i);
	f->bad |= layout_width(f->id) > cs->g.footer.w ? FACE_BAD_ID : 0;
	return f->bad ? FACE_BAD : f->main.size < top ? FACE_SHRINK : FACE_OK;
}

/* --- the prediction's layouts, kept --- */

/* A card the prediction laid out and found fitting at its first try, at size top: laid out
 * again at that size it comes out the same, so drawing it takes this one instead. */
typedef struct kept_fit {
	size_t i;
	double top;
	card_face f;
} kept_fit;

static void kept_add(cardset *cs, size_t i, double top, card_face *f)
{
	cs->kept = xrealloc(cs->kept, (cs->nkept + 1) * sizeof *cs->kept);
	cs->kept[cs->nkept++] = (kept_fit){i, top, *f};
	*f = (card_face){0};
}

static void kept_drop(cardset *cs, size_t k)
{
	card_face_free(&cs->kept[k].f);
	cs->kept[k] = cs->kept[--cs->nkept];
}

/* fit_text, or the kept layout of card i when it was made at today's size (FACE_OK). A kept
 * layout at another size is of no more use: sizes only come down. */
static int fit_text_kept(cardset *cs, size_t i, card_face *f)
{
	for (size_t k = 0; k < cs->nkept; k++) {
		if (cs->kept[k].i != i)
			continue;
		if (cs->kept[k].top != top_size(cs, &cs->dk->cards[i])) {
			kept_drop(cs, k);
			break;
		}
		*f = cs->kept[k].f;
		cs->kept[k] = cs->kept[--cs->nkept];
		return FACE_OK;
	}
	return fit_text(cs, i, f);
}

/* --- predicting the uniform sizes --- */

/* Average advance of a character in em and line height in em, for estimates only. */
static double char_em(const block_style *st)
{
	if (!st->serif)
		return st->weight >= PANGO_WEIGHT_SEMIBOLD ? 0.58 : 0.53;
	return st->style == PANGO_STYLE_ITALIC       ? 0.43
	       : st->weight >= PANGO_WEIGHT_SEMIBOLD ? 0.48
						     : 0.46;
}

static double line_em(const block_style *st)
{
	return (st->serif ? 1.218 : 1.362) * st->line_spacing;
}

/* Estimated lines of s in style st at size pt in width w: every line of s (a follow-up, a
 * paragraph) starts a line, then wraps at an average character width. */
static double est_lines(const char *s, const block_style *st, double pt, double w)
{
	if (!s || !*s)
		return 0;
	double per_line = 0.92 * w / (char_em(st) * pt), lines = 0;
	size_t run = 0;
	for (const char *p = s;; p++) {
		if (*p == '\n' || !*p) {
			lines += run ? ceil((double)run / per_line) : 1;
			run = 0;
			if (!*p)
				return lines;
		} else if (((unsigned char)*p & 0xc0) != 0x80) {
			run++;
		}
	}
}

static double est_bottom(const cardset *cs, const card *c)
{
	const deck *dk = cs->dk;
	double w = cs->g.body.w, lines = 0;
	if (c->type == CARD_QUOTE && c->source >= 0) {
		const source *src = &dk->sources[c->source];
		const char *t = mtext_get(&src->title, cs->lang, dk->language);
		lines = 1 + est_lines(t, &bottom_style, BOTTOM_MAX, w) + (c->section.n || c->page);
	}
	for (size_t k = 0; c->type == CARD_QUESTION && k < c->nfollowups; k++)
		lines += est_lines(mtext_get(&c->followups[k], cs->lang, dk->language),
				   &bottom_style, BOTTOM_MAX, w);
	return lines ? lines * BOTTOM_MAX * line_em(&bottom_style) + GAP : 0;
}

/* The size card c probably gets on its own, from its text lengths alone; and *need, the
 * height its text wants at the maximum size over the room it has (to order equal sizes). */
static double est_size(const cardset *cs, const card *c, double *need)
{
	const theme *th = &cs->dk->theme;
	const mtext *parts[MAXB] = {&c->text};
	if (c->type == CARD_CASE) {
		parts[0] = &c->title;
		parts[1] = &c->text;
		parts[2] = &c->question;
	}
	rect body = card_geom_body(&cs->g, c->image.path != NULL);
	double w = body.w, room = body.h - top_pad(c) - est_bottom(cs, c);
	double s = th->size_max[c->type];
	for (;; s -= 0.25) {
		double h = 0;
		for (int b = 0; b < MAXB && parts[b]; b++) {
			const block_style *st = &main_styles[c->type][b];
			const char *txt = mtext_get(parts[b], cs->lang, cs->dk->language);
			double pt = s * st->scale, lines = est_lines(txt, st, pt, w);
			h += lines ? lines * line_em(st) * pt + (b ? st->space_before * pt : 0) : 0;
		}
		if (s == th->size_max[c->type])
			*need = h / fmax(room, 1);
		if (h <= room || s <= th->size_min[c->type])
			return fmax(s, th->size_min[c->type]);
	}
}

typedef struct {
	size_t i;
	double size, need;
} guess;

static int by_guess(const void *a, const void *b)
{
	const guess *x = a, *y = b;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	if (x->need != y->need)
		return x->need > y->need ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* How many of a type's n cards are fitted to predict its size: enough that the card needing
 * the smallest is almost always among them (four missed it once in 84 decks, sizes and
 * languages tried), few enough to cost little next to the deck (a miss costs one more
 * round of layouts). */
static size_t ncandidates(size_t n)
{
	size_t k = n / 8 < 4 ? 4 : n / 8 > 12 ? 12 : n / 8;
	return k + n / 512;
}

bool cardset_predict(cardset *cs)
{
	const deck *dk = cs->dk;
	bool ok = true;
	guess *gs = xcalloc(dk->ncards + 1, sizeof *gs);
	for (int k = 0; k < CARD_NTYPES; k++) {
		cs->sizes.size[k] = dk->theme.size_max[k];
		if (!uniform(cs, (card_type)k))
			continue;
		size_t n = 0;
		for (size_t i = 0; i < dk->ncards; i++)
			if (dk->cards[i].type == (card_type)k) {
				gs[n].i = i;
				gs[n].size = est_size(cs, &dk->cards[i], &gs[n].need);
				n++;
			}
		qsort(gs, n, sizeof *gs, by_guess);
		for (size_t j = 0; j < n && j < ncandidates(n); j++) {
			card_face f;
			double top = cs->sizes.size[k];
			int r = fit_text(cs, gs[j].i, &f);
			if (r == FACE_SHRINK || (r == FACE_BAD && f.main.n))
				cs->sizes.size[k] = f.main.size;
			ok = ok && (r == FACE_OK || r == FACE_SHRINK);
			if (r == FACE_OK)
				kept_add(cs, gs[j].i, top, &f);
			else
				card_face_free(&f);
		}
	}
	free(gs);
	return ok;
}

void cardset_get_sizes(const cardset *cs, card_sizes *out)
{
	*out = cs->sizes;
}

void cardset_set_sizes(cardset *cs, const card_sizes *in)
{
	cs->sizes = *in;
}

/* --- fitting every card, and its errors --- */

/* Reports what is wrong with card i, laid out as f (a FACE_BAD): how far a text is over
 * (laid out again below its minimum size to say at which size it would fit) and which
 * characters no font has. Returns the number of errors. */
/* The characters of f that no font has, and those its family lacks; their numbers. */
static size_t face_unknown(const card_face *f, uint32_t out[MAX_UNKNOWN])
{
	return unknown_chars(&f->main, out, unknown_chars(&f->bottom, out, 0));
}

static size_t face_fallback(const card_face *f, fallback_char out[MAX_UNKNOWN])
{
	size_t n = 0;
	for (size_t b = 0; b < f->bottom.n; b++)
		n = typeset_fallback_chars(f->bottom.layouts[b], out, n, MAX_UNKNOWN);
	for (size_t b = 0; b < f->main.n; b++)
		n = typeset_fallback_chars(f->main.layouts[b], out, n, MAX_UNKNOWN);
	return n;
}

/* How far blocks that do not fit are over, for a message that is printed: past the cap of
 * printed errors, the search at smaller sizes is not made. Caller frees. */
static char *overflow_if_shown(const cardset *cs, const tblock *b, size_t n, double avail,
			       double min, const tstack *at_min, const struct diag *d)
{
	return diag_capped(d) ? xstrdup("") : overflow(cs, b, n, avail, min, at_min);
}

static int report(const cardset *cs, size_t i, const card_face *f, struct diag *d)
{
	const card *c = &cs->dk->cards[i];
	const theme *th = &cs->dk->theme;
	card_text t = {0};
	card_markup(cs, c, &t);
	double avail = f->body.h - top_pad(c);
	int errors = 0;
	if (f->bad & FACE_BAD_BOTTOM) {
		tblock b = block(cs, &bottom_style, t.bottom);
		char *over =
			overflow_if_shown(cs, &b, 1, 0.45 * avail, BOTTOM_MIN, &f->bottom, d);
		fit_error(cs, c, d,
			  c->type == CARD_QUOTE ? "the attribution does"
						: "the follow-up questions do",
			  BOTTOM_MIN, over);
		free(over);
		errors++;
	}
	if (f->bottom.n)
		avail -= f->bottom.height + GAP;
	if (f->bad & FACE_BAD_MAIN) {
		tblock mb[MAXB];
		size_t n = main_blocks(cs, c, &t, mb);
		/* what is below the text can take all the room: no share of it would do */
		char *over = avail <= 0 ? xstrdup(c->type == CARD_QUOTE
							  ? "; the attribution leaves it no room"
							  : "; the follow-up questions leave it no room")
					: overflow_if_shown(cs, mb, n, avail, th->size_min[c->type],
							    &f->main, d);
		fit_error(cs, c, d, "the text does", th->size_min[c->type], over);
		free(over);
		errors++;
	}
	if (f->bad & FACE_BAD_GLYPHS) {
		uint32_t unknown[MAX_UNKNOWN];
		size_t n = face_unknown(f, unknown);
		glyphs_report_card(d, cs->dk, c, cs->lang, unknown, n);
		errors += (int)n;
	}
	if (f->bad & FACE_BAD_FALLBACK) {
		fallback_char fb[MAX_UNKNOWN];
		size_t n = face_fallback(f, fb);
		glyphs_report_fallback(d, cs->dk, c, cs->lang, fb, n);
		errors += (int)n;
	}
	if (f->bad & FACE_BAD_ID) {
		diag(d, M_FOOTER_ID, c->file, c->pos.line, c->pos.col, c->id,
		     pango_layout_get_text(f->id), pt_to_mm(layout_width(f->id)),
		     pt_to_mm(cs->g.footer.w));
		errors++;
	}
	card_text_free(&t);
	return errors;
}

/* A card that cannot be typeset (FACE_BAD, or -1: invalid markup), kept with its layouts
 * until it is reported: the first KEEP_MISFITS of them. Each says at least one error, so the
 * errors of later ones are past the cap of printed errors: only counted, by message. A deck
 * of 2,000 long texts that do not fit held 360 MB of layouts and took 130 s to report. */
#define KEEP_MISFITS DIAG_MAX_ERRORS

typedef struct {
	size_t i;
	int r;
	card_face f;  /* empty once dropped */
	bool dropped; /* its layouts let go; the number of each message it says: */
	int fit, glyph, fallback, id;
} misfit;

typedef struct {
	misfit *v;
	size_t n, cap;
} misfits;

/* Lets m's layouts go, keeping the number of each message report() would say of it. */
static void misfit_drop(misfit *m)
{
	const card_face *f = &m->f;
	uint32_t unknown[MAX_UNKNOWN];
	fallback_char fb[MAX_UNKNOWN];
	m->fit = !!(f->bad & FACE_BAD_BOTTOM) + !!(f->bad & FACE_BAD_MAIN);
	m->glyph = f->bad & FACE_BAD_GLYPHS ? (int)face_unknown(f, unknown) : 0;
	m->fallback = f->bad & FACE_BAD_FALLBACK ? (int)face_fallback(f, fb) : 0;
	m->id = !!(f->bad & FACE_BAD_ID);
	card_face_free(&m->f);
	m->dropped = true;
}

static void misfits_free(misfits *m)
{
	for (size_t k = 0; k < m->n; k++)
		card_face_free(&m->v[k].f);
	free(m->v);
	*m = (misfits){0};
}

/* One round: every card at the sizes of cs. *next gets the next round's sizes (lower where a
 * card needs a smaller uniform size), *bad the cards that cannot be typeset. Returns true
 * when the sizes must come down. */
static bool fit_round(cardset *cs, card_sizes *next, misfits *bad)
{
	*next = cs->sizes;
	for (size_t i = 0; i < cs->dk->ncards; i++) {
		card_face f;
		int r = fit_text_kept(cs, i, &f);
		const card *c = &cs->dk->cards[i];
		if (r == FACE_SHRINK)
			next->size[c->type] = fmin(next->size[c->type], f.main.size);
		if (r == FACE_OK || r == FACE_SHRINK) {
			card_face_free(&f);
			continue;
		}
		if (bad->n == bad->cap)
			bad->v = xrealloc(bad->v, (bad->cap = bad->cap * 2 + 4) * sizeof *bad->v);
		misfit *m = &bad->v[bad->n++];
		*m = (misfit){.i = i, .r = r, .f = f};
		if (bad->n > KEEP_MISFITS && r >= 0)
			misfit_drop(m);
	}
	return memcmp(next, &cs->sizes, sizeof *next) != 0;
}

/* A dropped misfit's errors, once they can only be counted (else its face is made again,
 * the same as before, and reported). */
static int report_dropped(cardset *cs, const misfit *m, struct diag *d)
{
	if (!diag_capped(d)) {
		card_face f;
		fit_text_kept(cs, m->i, &f);
		int errors = report(cs, m->i, &f, d);
		card_face_free(&f);
		return errors;
	}
	diag_count(d, M_FIT, m->fit);
	diag_count(d, M_GLYPH, m->glyph);
	diag_count(d, M_FONT_FALLBACK, m->fallback);
	diag_count(d, M_FOOTER_ID, m->id);
	return m->fit + m->glyph + m->fallback + m->id;
}

/* Reports the misfits in deck order and frees them; returns the number of errors. */
static int report_misfits(cardset *cs, misfits *bad, struct diag *d)
{
	int errors = 0;
	for (size_t k = 0; k < bad->n; k++) {
		const misfit *m = &bad->v[k];
		if (m->r < 0)
			errors++;
		else
			errors += m->dropped ? report_dropped(cs, m, d) : report(cs, m->i, &m->f, d);
	}
	misfits_free(bad);
	return errors;
}

cardset *cardset_new(const deck *dk, const char *lang, PangoContext *ctx, const hyphenator *hyph,
		     const card_geom *g)
{
	cardset *cs = xcalloc(1, sizeof *cs);
	cs->dk = dk;
	cs->lang = lang;
	cs->ctx = ctx;
	cs->hyph = hyph;
	cs->g = *g;
	card_geom_layout(&cs->g, dk->theme.layout);
	cs->number = deck_numbers(dk, &cs->of);
	cs->band = xcalloc((dk->ncategories + 1) * 2, sizeof(PangoLayout *));
	cs->back_category = xcalloc(dk->ncategories + 1, sizeof(PangoLayout *));
	cs->images = image_cache_new(dk->root);
	for (int k = 0; k < CARD_NTYPES; k++)
		cs->sizes.size[k] = dk->theme.size_max[k];
	return cs;
}

int cardset_fit(cardset *cs, struct diag *d)
{
	card_sizes next;
	misfits bad = {0};
	/* a card that cannot be typeset cannot at any size: once one is found, no more rounds */
	if (cardset_predict(cs))
		while (fit_round(cs, &next, &bad) && bad.n == 0)
			cs->sizes = next;
	else
		fit_round(cs, &next, &bad);
	return report_misfits(cs, &bad, d) + cardset_check_back_title(cs, d);
}

int cardset_report(cardset *cs, struct diag *d)
{
	card_sizes next;
	misfits bad = {0};
	fit_round(cs, &next, &bad);
	return report_misfits(cs, &bad, d);
}

void cardset_skip_glyphs(cardset *cs)
{
	cs->glyphs_checked = true;
}

const card_geom *cardset_geom(const cardset *cs)
{
	return &cs->g;
}

/* --- shared label layouts --- */

static PangoLayout *label_layout(const cardset *cs, const char *text, bool serif, PangoWeight w,
				 double size, double spacing_em, bool upper)
{
	PangoLayout *l = pango_layout_new(cs->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, serif ? cs->dk->theme.font_serif
						    : cs->dk->theme.font_sans);
	pango_font_description_set_weight(fd, w);
	pango_font_description_set_size(fd, pt_to_pango(size));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	char *up = upper ? g_utf8_strup(text, -1) : g_strdup(text);
	char *esc = g_markup_escape_text(up, -1);
	char *m = spacing_em > 0
			  ? g_strdup_printf("<span letter_spacing=\"%d\">%s</span>",
					    pt_to_pango(spacing_em * size), esc)
			  : g_strdup(esc);
	pango_layout_set_markup(l, m, -1);
	g_free(m);
	g_free(esc);
	g_free(up);
	return l;
}

static const char *category_name(const cardset *cs, int cat)
{
	return cat >= 0 ? mtext_get(&cs->dk->categories[cat].name, cs->lang, cs->dk->language) : "";
}

/* A label longer than `width` ends in an ellipsis instead of running into its neighbour or
 * over the cut. */
static PangoLayout *limited(PangoLayout *l, double width)
{
	pango_layout_set_width(l, pt_to_pango(fmax(width, 10)));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	return l;
}

static PangoLayout *deck_title_layout(const cardset *cs, double width)
{
	const deck *dk = cs->dk;
	return limited(label_layout(cs, mtext_get(&dk->title, cs->lang, dk->language), false,
				    PANGO_WEIGHT_NORMAL, FOOTER_SIZE, 0, false),
		       width);
}

static void cached_labels(cardset *cs, const card *c, card_face *f)
{
	const deck *dk = cs->dk;
	double inner = cs->g.w - 2 * cs->g.safe;
	size_t k = c->category >= 0 ? (size_t)c->category : dk->ncategories;
	if (!cs->type_label[0]) /* all three first: the category label makes room for the widest */
		for (int t = 0; t < CARD_NTYPES; t++) {
			cs->type_label[t] =
				label_layout(cs, label(cs->lang, (label_id)(L_QUOTE + t)), false,
					     PANGO_WEIGHT_NORMAL, LABEL_SIZE, LABEL_TRACKING, true);
			cs->type_w = fmax(cs->type_w, layout_width(cs->type_label[t]));
		}
	f->icon = deck_pictures_icon(&cs->pics, c->category);
	f->logo = cs->pics.logo;
	double icon_w = f->icon && cs->g.layout != LAYOUT_ICON ? cs->g.icon.w + 4 : 0;
	if (!cs->band[k * 2])
		cs->band[k * 2] = limited(label_layout(cs, category_name(cs, c->category), false,
						       PANGO_WEIGHT_SEMIBOLD, LABEL_SIZE,
						       LABEL_TRACKING, true),
					  inner - cs->type_w - 8 - icon_w);
	if (!cs->deck_title)
		cs->deck_title = deck_title_layout(cs, TITLE_SHARE * cs->g.footer.w);
	if (!cs->back_category[k])
		cs->back_category[k] =
			limited(label_layout(cs, category_name(cs, c->category), false,
					     PANGO_WEIGHT_SEMIBOLD, 7.0, LABEL_TRACKING, true),
				inner);
	back_title_make(cs);
	f->back_team = cs->back_team;
	f->category = cs->band[k * 2];
	f->type = cs->type_label[c->type];
	f->deck_title = cs->deck_title;
	f->back_category = cs->back_category[k];
	f->back_title = cs->back_title;
}

/* The deck title on the backs, with the team name under it: the title as large as fits
 * the room the design leaves it (cs->back_title_fits: even at 9 pt, the smallest). */
static void back_title_make(cardset *cs)
{
	const deck *dk = cs->dk;
	if (cs->back_title)
		return;
	double inner = cs->g.w - 2 * cs->g.safe;
	if (!cs->back_team && dk->team)
		cs->back_team = limited(
			label_layout(cs, dk->team, false, PANGO_WEIGHT_SEMIBOLD, LABEL_SIZE, 0.06,
				     false),
			inner);
	PangoLayout *cat = label_layout(cs, "X", false, PANGO_WEIGHT_SEMIBOLD, 7.0, 0, true);
	double room = card_design_back_title_room(&cs->g, layout_height(cat),
						  cs->back_team ? layout_height(cs->back_team) : 0);
	g_object_unref(cat);
	char *m = markup(cs, &dk->title, false);
	tblock b = {.family = dk->theme.font_serif,
		    .weight = PANGO_WEIGHT_SEMIBOLD,
		    .style = PANGO_STYLE_NORMAL,
		    .scale = 1,
		    .line_spacing = 1.05,
		    .align = PANGO_ALIGN_CENTER,
		    .markup = m};
	tstack s;
	if (typeset_stack(cs->ctx, &b, 1, inner - 12, room, BACK_TITLE_MAX, BACK_TITLE_MIN, &s) ==
	    0) {
		cs->back_title = g_object_ref(s.layouts[0]);
		cs->back_title_fits = s.fits;
		tstack_free(&s);
	}
	free(m);
}

int cardset_check_back_title(cardset *cs, struct diag *d)
{
	back_title_make(cs);
	if (!cs->back_title || cs->back_title_fits)
		return 0;
	const deck *dk = cs->dk;
	diag(d, M_BACK_TITLE, dk->path, dk->title.pos.line, dk->title.pos.col, BACK_TITLE_MIN,
	     pt_to_mm(cs->g.w), pt_to_mm(cs->g.h));
	return 1;
}

/* The card id in the footer, with its number when the deck is numbered: "Q12 · 3/36". */
static PangoLayout *id_layout(const cardset *cs, size_t i)
{
	const card *c = &cs->dk->cards[i];
	char *s = cs->number ? xasprintf("%s \u00b7 %zu/%zu", c->id, cs->number[i], cs->of[i])
			     : xstrdup(c->id);
	PangoLayout *l = label_layout(cs, s, false, PANGO_WEIGHT_SEMIBOLD, FOOTER_SIZE, 0.05, false);
	free(s);
	return l;
}

int card_face_make(cardset *cs, size_t i, card_face *f)
{
	int rc = fit_text_kept(cs, i, f);
	if (rc < 0)
		return rc;
	const card *c = f->c;
	const card_geom *g = &cs->g;
	f->color = deck_card_color(cs->dk, c);
	f->footer_fade = color_fade_for_contrast(cs->dk->theme.ink, cs->dk->theme.paper,
						 FOOTER_FADE, FOOTER_CONTRAST);
	if (c->image.path) {
		image_error e;
		f->picture = image_cache_get(cs->images, c->image.file, &e);
		image_error_free(&e);
		if (!f->picture) { /* changed since cardset_load_pictures checked it */
			card_face_free(f);
			*f = (card_face){0};
			return -1;
		}
	}
	double bottom_h = f->bottom.n ? f->bottom.height : 0;
	f->bottom_top = f->body.h - bottom_h;
	double area_top = top_pad(c);
	double area_h = f->body.h - area_top - (bottom_h ? bottom_h + GAP : 0);
	/* quotes and questions sit a little above the optical centre; cases read from the top */
	double slack = fmax(0, area_h - f->main.height);
	f->main_top = area_top + (c->type == CARD_CASE ? 0 : 0.42 * slack);
	cached_labels(cs, c, f);
	double room = g->footer.w - layout_width(f->id) - 6;
	if (room < TITLE_SHARE * g->footer.w) /* a long id: this card's deck title is shorter */
		f->deck_title = f->own_title = deck_title_layout(cs, room);
	card_design_place(g, f);
	return rc;
}

void card_face_free(card_face *f)
{
	tstack_free(&f->main);
	tstack_free(&f->bottom);
	if (f->id)
		g_object_unref(f->id);
	if (f->own_title)
		g_object_unref(f->own_title);
	f->id = f->own_title = NULL;
	image_free(f->picture);
	f->picture = NULL;
}

void cardset_free(cardset *cs)
{
	if (!cs)
		return;
	for (size_t k = 0; k < (cs->dk->ncategories + 1) * 2; k++)
		if (cs->band[k])
			g_object_unref(cs->band[k]);
	for (size_t k = 0; k <= cs->dk->ncategories; k++)
		if (cs->back_category[k])
			g_object_unref(cs->back_category[k]);
	for (int k = 0; k < CARD_NTYPES; k++)
		if (cs->type_label[k])
			g_object_unref(cs->type_label[k]);
	if (cs->deck_title)
		g_object_unref(cs->deck_title);
	if (cs->back_title)
		g_object_unref(cs->back_title);
	if (cs->back_team)
		g_object_unref(cs->back_team);
	free(cs->band);
	free(cs->back_category);
	deck_pictures_free(&cs->pics, cs->dk);
	image_cache_free(cs->images);
	free(cs->number);
	free(cs->of);
	while (cs->nkept)
		kept_drop(cs, cs->nkept - 1);
	free(cs->kept);
	free(cs);
}

/* Reports a picture that no longer loads (it was checked when the deck was loaded). */
static image *load_picture(const cardset *cs, const file_ref *f, const char *kind,
			   struct diag *d)
{
	image_error e;
	image *im = image_cache_get(cs->images, f->file, &e);
	if (!im)
		diag(d, M_PICTURE, f->origin ? f->origin : cs->dk->path, f->pos.line, f->pos.col,
		     kind, f->path, e.why ? e.why : "cannot be read");
	image_error_free(&e);
	return im;
}

/* A card's image: loaded to measure its resolution at the printed size, then let go to the
 * cache (image_cache.h), from which the faces take it. */
static int check_image(cardset *cs, const card *c, struct diag *d)
{
	image *im = load_picture(cs, &c->image, "image", d);
	if (!im)
		return 1;
	rect box = cs->g.layout == LAYOUT_ICON ? cs->g.icon : cs->g.picture;
	double ppi = image_ppi(im, box, IMAGE_COVER), iw, ih;
	image_size(im, &iw, &ih);
	if (ppi > 0 && ppi < 299.5)
		diag(d, M_PICTURE_PPI, c->image.origin ? c->image.origin : cs->dk->path,
		     c->image.pos.line, c->image.pos.col, c->id, c->image.path, ppi,
		     pt_to_mm(box.w), pt_to_mm(box.h), iw, ih);
	int errors = deck_pictures_note(&cs->pics, cs->dk, im, &c->image, "image", d);
	image_free(im);
	return errors;
}

int cardset_load_pictures(cardset *cs, pdfx_level pdfx, struct diag *d)
{
	if (cs->pics_loaded)
		return 0;
	cs->pics_loaded = true;
	int errors = deck_pictures_load(&cs->pics, cs->dk, pdfx, d);
	for (size_t i = 0; i < cs->dk->ncards; i++)
		if (cs->dk->cards[i].image.path)
			errors += check_image(cs, &cs->dk->cards[i], d);
	return errors;
}

const uint32_t *cardset_picture_colors(const cardset *cs, size_t *n)
{
	*n = cs->pics.ncolors;
	return cs->pics.colors;
}
