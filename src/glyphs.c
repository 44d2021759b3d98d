/* glyphs.c - find, name and locate the characters the bundled fonts cannot draw. */
#include "glyphs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card_fields.h"
#include "charname.h"
#include "markup.h"
#include "srcloc.h"
#include "typeset.h"

#define MAX_CHARS 32 /* distinct missing characters reported per text */

/* One missing character in text entry e (of `owner`'s `field`, in `file`), at its place. */
static void report(struct diag *d, const char *file, const tr_entry *e, srcpos fallback,
		   const char *what, uint32_t cp)
{
	char name[160], utf8[8];
	char_utf8(cp, utf8);
	srcpos p = !e ? fallback
		   : diag_capped(d) ? e->pos /* not printed: its column is not looked for */
				    : srcloc_find(file, e->pos, utf8, srcloc_span(strlen(e->text)));
	diag(d, M_GLYPH, file, p.line, p.col, what, char_describe(cp, name, sizeof name), utf8);
}

/* "card 'Q1': 'text' (en)", the language only when the deck has several and the text
 * has one ("" for plain strings such as a speaker). */
static char *field_name(const deck *dk, const char *owner, const char *field, const char *lang)
{
	if (dk->nlanguages > 1 && *lang)
		return xasprintf("%s: '%s' (%s)", owner, field, lang);
	return xasprintf("%s: '%s'", owner, field);
}

/* The entry of t printed in lang, if it contains the UTF-8 character utf8. */
static const tr_entry *holding(const deck *dk, const mtext *t, const char *lang, const char *utf8)
{
	const char *s = mtext_get(t, lang, dk->language);
	for (size_t i = 0; s && i < t->n; i++)
		if (t->v[i].text == s && strstr(s, utf8))
			return &t->v[i];
	return NULL;
}

/* The first text of card c (then its source's title) printed in lang that holds utf8; sets
 * the field's name and file. */
static const tr_entry *find_on_card(const deck *dk, const card *c, const char *lang,
				    const char *utf8, const char **field, const char **file)
{
	const tr_entry *e = NULL;
	*field = "text", *file = c->file;
	for (const card_field *f = card_fields; !e && f->key; f++) {
		const mtext *t = f->kind == CF_TEXT ? card_field_ptr(f, c) : NULL;
		const mtext *const *list = f->kind == CF_TEXTS ? card_field_ptr(f, c) : NULL;
		if (t)
			e = holding(dk, t, lang, utf8);
		for (size_t k = 0; list && !e && k < card_field_count(f, c); k++)
			e = holding(dk, &(*list)[k], lang, utf8);
		if (e)
			*field = f->key;
	}
	if (!e && c->source >= 0 && (e = holding(dk, &dk->sources[c->source].title, lang, utf8)))
		*field = "source title", *file = dk->sources[c->source].origin;
	return e;
}

/* Each of the n characters of card c, at the first place among its texts it is written;
 * fb (may be NULL) gives the family that lacks each (M_FONT_FALLBACK), else M_GLYPH. */
static void report_card(struct diag *d, const deck *dk, const card *c, const char *lang,
			const uint32_t *cps, const fallback_char *fb, size_t n)
{
	char owner[64];
	snprintf(owner, sizeof owner, "card '%s'", c->id ? c->id : "?");
	for (size_t k = 0; k < n; k++) {
		char utf8[8], name[160];
		const char *field, *file;
		uint32_t cp = fb ? fb[k].cp : cps[k];
		const tr_entry *e = find_on_card(dk, c, lang, char_utf8(cp, utf8), &field, &file);
		char *what = field_name(dk, owner, field, lang);
		if (fb) {
			srcpos p = e ? srcloc_find(file, e->pos, utf8, srcloc_span(strlen(e->text)))
				     : c->pos;
			diag(d, M_FONT_FALLBACK, file, p.line, p.col, what,
			     char_describe(cp, name, sizeof name), utf8, fb[k].family);
		} else {
			report(d, file, e, c->pos, what, cp);
		}
		free(what);
	}
}

void glyphs_report_card(struct diag *d, const deck *dk, const card *c, const char *lang,
			const uint32_t *cps, size_t n)
{
	report_card(d, dk, c, lang, cps, NULL, n);
}

void glyphs_report_fallback(struct diag *d, const deck *dk, const card *c, const char *lang,
			    const fallback_char *fb, size_t n)
{
	report_card(d, dk, c, lang, NULL, fb, n);
}

/* Characters laid out at once by the quick test, at most (bytes, about): Pango 1.50
 * measures a layout's text from its start again at every paragraph. */
#define QUICK_BATCH 16384
#define MAX_CP      0x110000

typedef struct {
	PangoContext *ctx;
	const deck *dk;
	const char *lang; /* only the texts printed in this language; NULL: every text */
	struct diag *d;
	uint64_t *seen; /* the quick test: every character of the texts, a bit each */
	strbuf texts;   /* and the texts whose characters depend on their neighbours */
	bool missing;   /* the quick test found a character no font has */
	int errors;
} checker;

/* True if entry i of t is printed in the checker's language. */
static bool printed(const checker *C, const mtext *t, size_t i)
{
	return !C->lang || t->v[i].text == mtext_get(t, C->lang, C->dk->language);
}

/* Does any of the characters in b lack a glyph? Empties b. */
static void quick_batch(checker *C, strbuf *b)
{
	uint32_t any[1];
	if (b->s && !C->missing && typeset_missing_chars(C->ctx, b->s, any, 1))
		C->missing = true;
	strbuf_free(b);
}

/* The quick test: every character gathered, once, a line each. Whether some bundled font
 * has a character does not depend on what stands beside it (Pango gives each character a
 * font that has it, if one does), so these few lines answer for every text; a character
 * that shows as a box here is then looked for text by text, where its place is known.
 * Control and format characters are the exception: Pango gives them the font of the text
 * around them, so the texts that hold one are laid out whole (C->texts). */
static void quick_test(checker *C)
{
	quick_batch(C, &C->texts);
	strbuf b = {0};
	for (uint32_t w = 0; w < MAX_CP / 64; w++)
		for (uint64_t bits = C->seen[w]; bits; bits &= bits - 1) {
			char utf8[8];
			strbuf_puts(&b, char_utf8(w * 64 + (uint32_t)__builtin_ctzll(bits), utf8));
			strbuf_putc(&b, '\n');
			if (b.len >= QUICK_BATCH)
				quick_batch(C, &b);
		}
	quick_batch(C, &b);
}

/* True for a character whose font Pango takes from its neighbours (a control character
 * other than a tab or a line break, a format character). */
static bool borrows_font(gunichar cp)
{
	GUnicodeType t = g_unichar_type(cp);
	return (t == G_UNICODE_CONTROL && cp != '\t' && cp != '\n' && cp != '\r') ||
	       t == G_UNICODE_FORMAT;
}

static void gather(void *ctx, const text_ref *r)
{
	checker *C = ctx;
	for (size_t i = 0; i < r->t->n; i++) {
		if (!printed(C, r->t, i))
			continue;
		bool whole = false;
		for (const char *p = r->t->v[i].text; *p; p = g_utf8_next_char(p)) {
			gunichar cp = g_utf8_get_char(p); /* the loader let only UTF-8 in */
			if (cp < MAX_CP)
				C->seen[cp / 64] |= 1ULL << (cp % 64);
			whole = whole || borrows_font(cp);
		}
		if (!whole)
			continue;
		strbuf_puts(&C->texts, r->t->v[i].text);
		strbuf_putc(&C->texts, '\n');
		if (C->texts.len >= QUICK_BATCH)
			quick_batch(C, &C->texts);
	}
}

static void check_text(void *ctx, const text_ref *r)
{
	checker *C = ctx;
	for (size_t i = 0; i < r->t->n; i++) {
		const tr_entry *e = &r->t->v[i];
		if (!printed(C, r->t, i))
			continue;
		char *plain = markup_plain(e->text);
		uint32_t cps[MAX_CHARS];
		size_t n = typeset_missing_chars(C->ctx, plain, cps, MAX_CHARS);
		free(plain);
		char *what = n ? field_name(C->dk, r->owner, r->field, e->lang) : NULL;
		for (size_t k = 0; k < n; k++)
			report(C->d, r->file, e, e->pos, what, cps[k]);
		free(what);
		C->errors += (int)n;
	}
}

/* Plain strings that are printed (a speaker, an author): found from their owner's place. */
static void each_plain(const deck *dk, text_ref_fn *fn, void *ctx)
{
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		char owner[64];
		snprintf(owner, sizeof owner, "card '%s'", c->id ? c->id : "?");
		const char *v[] = {c->speaker, c->page}, *names[] = {"speaker", "page"};
		for (int k = 0; k < 2; k++) {
			tr_entry e = {"", v[k], c->pos};
			mtext t = {&e, v[k] ? 1 : 0, c->pos};
			text_ref r = {c->file, &t, owner, names[k], c};
			fn(ctx, &r);
		}
	}
	for (size_t i = 0; i < dk->nsources; i++) {
		const source *s = &dk->sources[i];
		const char *v[] = {s->author, s->year}, *names[] = {"author", "year"};
		for (int k = 0; k < 2; k++) {
			tr_entry e = {"", v[k], s->pos};
			mtext t = {&e, v[k] ? 1 : 0, s->pos};
			char owner[64];
			snprintf(owner, sizeof owner, "source '%s'", s->id ? s->id : "?");
			text_ref r = {s->origin, &t, owner, names[k], NULL};
			fn(ctx, &r);
		}
	}
}

int glyphs_check_deck(PangoContext *ctx, const deck *dk, const char *lang, struct diag *d)
{
	checker C = {.ctx = ctx, .dk = dk, .lang = lang, .d = d};
	/* most decks have every character: a layout of each character once says so */
	C.seen = xcalloc(MAX_CP / 64, sizeof *C.seen);
	deck_each_text(dk, gather, &C);
	each_plain(dk, gather, &C);
	quick_test(&C);
	free(C.seen);
	if (C.missing) {
		deck_each_text(dk, check_text, &C);
		each_plain(dk, check_text, &C);
	}
	return C.errors;
}
