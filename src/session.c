/* session.c - load a deck and everything needed to typeset it. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "booklet_content.h"
#include "card_face.h"
#include "commands.h"
#include "deck_load.h"
#include "paths.h"

static int pick_language(session *s, const char *lang, struct diag *d)
{
	if (!lang) {
		s->lang = s->dk->language;
		return 0;
	}
	for (size_t i = 0; i < s->dk->nlanguages; i++)
		if (!strcmp(s->dk->languages[i], lang)) {
			s->lang = s->dk->languages[i];
			return 0;
		}
	strbuf b = {0};
	for (size_t i = 0; i < s->dk->nlanguages; i++)
		strbuf_printf(&b, "%s%s", i ? ", " : "", s->dk->languages[i]);
	char *msg = xasprintf("the deck has no language '%s'; it has: %s", lang, b.s);
	diag(d, M_USAGE, s->dk->path, 0, 0, msg);
	free(msg);
	strbuf_free(&b);
	return EXIT_USAGE;
}

/* The deck's own font files, added to fontset f (checked by deck_check already); -1 with
 * *err (caller frees) and the file in *which when one cannot be added. */
static int add_deck_fonts(const deck *dk, fontset *f, const file_ref **which, char **err)
{
	const theme *t = &dk->theme;
	for (size_t i = 0; i < t->nfonts; i++)
		if (fontset_add_file(f, t->fonts[i].file, err)) {
			*which = &t->fonts[i];
			return -1;
		}
	return 0;
}

/* Every style the cards and the booklet need is in the theme's families: a missing italic
 * or semibold would otherwise come out in another style without a word. Each missing style
 * is reported once. */
static int check_styles(session *s, struct diag *d)
{
	const theme *t = &s->dk->theme;
	font_need need[64];
	size_t ncards = card_face_fonts(s->dk, need, 64);
	size_t n = ncards + bk_content_fonts(s->dk, need + ncards, 64 - ncards);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < i && !dup; j++)
			dup = need[j].serif == need[i].serif && need[j].weight == need[i].weight &&
			      need[j].style == need[i].style;
		const char *family = need[i].serif ? t->font_serif : t->font_sans;
		char *missing = NULL;
		if (!dup && fontset_check_style(s->fonts, family, need[i].weight, need[i].style,
						&missing)) {
			srcpos p = need[i].serif ? t->font_serif_pos : t->font_sans_pos;
			char *who = i < ncards ? xasprintf("%s design", card_layout_name(t->layout))
					       : xstrdup("booklet");
			diag(d, M_FONT_STYLE, s->dk->path, p.line, p.col, family, missing, who,
			     need[i].use);
			free(who);
			rc = EXIT_DECK;
		}
		free(missing);
	}
	return rc;
}

fontset *session_new_fontset(const session *s)
{
	char *dir = paths_fonts_dir(), *err = NULL;
	fontset *f = dir ? fontset_new(dir, &err) : NULL;
	free(dir);
	free(err);
	err = NULL;
	const file_ref *bad;
	if (f && add_deck_fonts(s->dk, f, &bad, &err)) { /* the session's loaded them: never */
		free(err);
		fontset_free(f);
		return NULL;
	}
	if (f)
		fontset_set_language(f, s->lang);
	return f;
}

static int load_fonts(session *s, struct diag *d)
{
	char *dir = paths_fonts_dir(), *err = NULL;
	if (!dir) {
		diag(d, M_IO_OPEN, "fonts/", 0, 0, "no bundled fonts found (set DECKPRESS_DATA)");
		return EXIT_IO;
	}
	s->fonts = fontset_new(dir, &err);
	free(dir);
	if (!s->fonts) {
		diag(d, M_IO_OPEN, "fonts/", 0, 0, err);
		free(err);
		return EXIT_IO;
	}
	fontset_set_language(s->fonts, s->lang);
	const file_ref *bad;
	if (add_deck_fonts(s->dk, s->fonts, &bad, &err)) {
		diag(d, M_FONT_FILE, bad->origin, bad->pos.line, bad->pos.col, bad->path, err);
		free(err);
		return EXIT_DECK;
	}
	const theme *t = &s->dk->theme;
	const char *families[] = {t->font_serif, t->font_sans};
	const srcpos pos[] = {t->font_serif_pos, t->font_sans_pos};
	int rc = 0;
	for (int i = 0; i < 2; i++) {
		char *got = NULL;
		if (fontset_check_family(s->fonts, families[i], &got)) {
			diag(d, M_FONT_MISSING, s->dk->path, pos[i].line, pos[i].col, families[i],
			     got ? got : "?");
			rc = EXIT_DECK;
		}
		free(got);
	}
	return rc ? rc : check_styles(s, d);
}

int session_fonts(session *s, struct diag *d)
{
	if (s->fonts)
		return 0;
	int rc = load_fonts(s, d);
	if (rc == 0 && s->hyph_note)
		diag(d, M_HYPH_DICT, NULL, 0, 0, s->lang, s->hyph_note);
	free(s->hyph_note);
	s->hyph_note = NULL;
	return rc;
}

static int open_deck(session *s, const char *path, const char *lang, bool fonts, struct diag *d)
{
	*s = (session){0};
	deck *dk = deck_open(path, d);
	if (!dk)
		return d->nio ? EXIT_IO : EXIT_DECK;
	int rc = fonts ? session_attach(s, dk, lang, d) : session_attach_deck(s, dk, lang, d);
	s->borrowed = false;
	return rc;
}

int session_open(session *s, const char *path, const char *lang, struct diag *d)
{
	return open_deck(s, path, lang, true, d);
}

int session_open_deck(session *s, const char *path, const char *lang, struct diag *d)
{
	return open_deck(s, path, lang, false, d);
}

/* fonts: load them now; defer: a missing dictionary is said by session_fonts. */
static int attach(session *s, deck *dk, const char *lang, bool fonts, bool defer, struct diag *d)
{
	*s = (session){.dk = dk, .borrowed = true};
	int rc = pick_language(s, lang, d);
	if (rc == 0 && fonts)
		rc = session_fonts(s, d);
	if (rc == 0) {
		char *err = NULL;
		s->hyph = hyph_new(s->lang, NULL, s->dk->hyphenation, s->dk->nhyphenation, &err);
		if (!s->hyph && defer) {
			s->hyph_note = err ? err : xstrdup("");
		} else if (!s->hyph) {
			diag(d, M_HYPH_DICT, NULL, 0, 0, s->lang, err ? err : "");
			free(err);
		}
	}
	return rc;
}

int session_attach(session *s, deck *dk, const char *lang, struct diag *d)
{
	return attach(s, dk, lang, true, false, d);
}

int session_attach_deck(session *s, deck *dk, const char *lang, struct diag *d)
{
	return attach(s, dk, lang, false, false, d);
}

int session_attach_forked(session *s, deck *dk, const char *lang, struct diag *d)
{
	return attach(s, dk, lang, false, true, d);
}

void session_close(session *s)
{
	hyph_free(s->hyph);
	free(s->hyph_note);
	fontset_free(s->fonts);
	if (!s->borrowed)
		deck_free(s->dk);
	*s = (session){0};
}

void session_print_defaults(const session *s, print_setup *p)
{
	for (size_t i = 0; i < s->dk->nprint; i++)
		free(print_setup_apply(p, s->dk->print[i].key, s->dk->print[i].value));
}

char *session_output(const session *s, const char *path, struct diag *d)
{
	const char *files[64];
	size_t n = s->dk ? deck_files(s->dk, files, 64) : 0;
	char *err = NULL, *real = output_path(path, files, n, &err);
	if (!real) {
		diag(d, M_OUTPUT, path, 0, 0, err);
		free(err);
	}
	return real;
}
