/* session.h - what every rendering command needs: the checked deck, the language, the
 * bundled fonts and the hyphenation dictionary. */
#ifndef DECKPRESS_SESSION_H
#define DECKPRESS_SESSION_H

#include "deck.h"
#include "diag.h"
#include "fonts.h"
#include "hyph.h"
#include "print_setup.h"

typedef struct {
	deck *dk; /* owned unless borrowed (session_attach) */
	bool borrowed;
	const char *lang; /* one of dk->languages */
	fontset *fonts;
	hyphenator *hyph; /* NULL when there is no dictionary for lang (a warning said so) */
	char *hyph_note;  /* session_attach_forked: why there is none, for session_fonts to say */
} session;

/* Loads and checks the deck at path, picks lang (NULL: the deck's own language), loads the
 * bundled fonts with Pango set to that language, checks the theme's families resolve to
 * bundled files, and loads hyphenation. Returns an exit code: 0, 1 (deck errors), 2 (a
 * language the deck does not have), 3 (files). Close with session_close in every case. */
int session_open(session *s, const char *path, const char *lang, struct diag *d);
void session_close(session *s);
/* The same for a deck already loaded and checked (a team's); the deck stays the caller's. */
int session_attach(session *s, deck *dk, const char *lang, struct diag *d);

/* session_open and session_attach without the fonts, for a process that forks workers
 * before it starts Pango (pool.h): it calls session_fonts after the fork. */
int session_open_deck(session *s, const char *path, const char *lang, struct diag *d);
int session_attach_deck(session *s, deck *dk, const char *lang, struct diag *d);
/* session_attach_deck with session_attach's messages in session_attach's order (check): a
 * missing hyphenation dictionary is said by session_fonts after the fonts' own problems, and
 * not at all when the fonts fail. The dictionary is loaded now, before the fork. */
int session_attach_forked(session *s, deck *dk, const char *lang, struct diag *d);
/* Loads the fonts unless loaded: 0, 1 (a theme family is not bundled) or 3, reported. */
int session_fonts(session *s, struct diag *d);
/* A fontset of its own for a worker process, set to the session's language; NULL if the
 * fonts cannot be loaded (session_fonts reports why). Caller frees. */
fontset *session_new_fontset(const session *s);

/* The file to write for output `path` (see output_path in util.h), refusing the deck's own
 * files; NULL after reporting why. Caller frees. */
char *session_output(const session *s, const char *path, struct diag *d);

/* Applies the deck's print: settings to p (already checked by deck_check). */
void session_print_defaults(const session *s, print_setup *p);

#endif
