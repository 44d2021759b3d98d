/* labels.h - the few words deckpress itself prints (card types, "translation", booklet
 * headings), in the languages decks are written in. */
#ifndef DECKPRESS_LABELS_H
#define DECKPRESS_LABELS_H

typedef enum {
	L_QUOTE, /* card type names, as printed on cards */
	L_CASE,
	L_QUESTION,
	L_QUOTES, /* plural, for booklet chapters */
	L_CASES,
	L_QUESTIONS,
	L_TRANSLATED, /* "translated from the Dutch" */
	L_PAGE,       /* "p." */
	L_PRINT_NOTE, /* "print at 100% (actual size)" */
	L_SHEET,      /* "sheet" */
	L_FRONT,      /* "front" (of a sheet) */
	L_BACK,       /* "back" */
	L_CONTENTS,
	L_INTRODUCTION,
	L_GUIDE,
	L_CLOSING,
	L_SOURCES,
	L_NOTES,
	L_NOTE,      /* "Facilitator note" */
	L_QUOTED_ON, /* "Quoted on cards" */
	L_ORIGINAL,  /* "Original" */
	L_CARD,      /* "card": a count of one */
	L_CARDS,     /* "cards" */
	L_FOLLOWUPS, /* "Follow-up questions" */
	L_VERSION,   /* booklet: "Version" (on the cover) */
	L_COVER,     /* booklet: the cover's page label */
	L_TEAM,      /* booklet: "Team" (on the cover) */
	L_LOGO,      /* booklet: "Logo of %s" (a team), the logo's alternative text */
	L_COUNT
} label_id;

/* The label in `lang` (or its base language: "en-GB" -> "en"); English when deckpress has
 * no text in that language. Static string. */
const char *label(const char *lang, label_id id);

/* The language label(lang, ...) is written in: "nl" or "en". Static string. */
const char *label_lang(const char *lang);

/* The name of language `code` in language `lang` ("nl" in "en": "Dutch"); the code itself
 * when unknown. Static string. */
const char *language_name(const char *lang, const char *code);

#endif
