/* card_fields.h - the one list of a card's keys: what each holds, which card types have it,
 * which require it, and where it lives in the model. The loader, the checks, the glyph
 * search, the JSON schema test and the spreadsheet export and import all read it, so a new
 * card field is added here once. */
#ifndef DECKPRESS_CARD_FIELDS_H
#define DECKPRESS_CARD_FIELDS_H

#include <stddef.h>

#include "deck.h"

typedef enum {
	CF_ID,    /* const char *: the card's id */
	CF_TYPE,  /* card_type */
	CF_TEXT,  /* mtext: a text in one or more languages */
	CF_TEXTS, /* mtext[] with a count: a list of texts (follow-ups) */
	CF_PLAIN, /* const char *: plain text, one language (page, speaker) */
	CF_REF,   /* const char * id of a category or source, with its srcpos */
	CF_WORDS, /* const char *[] with a count: a list of words (tags) */
	CF_FILE,  /* file_ref: a file beside the deck (a picture) */
} card_field_kind;

#define CF_ALL ((1u << CARD_QUOTE) | (1u << CARD_CASE) | (1u << CARD_QUESTION))

typedef struct {
	const char *key; /* as written in a deck and as a spreadsheet column */
	card_field_kind kind;
	unsigned types;    /* bit (1 << card_type) for each type that may have it */
	unsigned required; /* bit for each type that must have it */
	size_t offset;     /* of the value in card */
	size_t aux;        /* CF_TEXTS, CF_WORDS: offset of the count; CF_REF: of the srcpos */
} card_field;

/* Every card key, in the order of a spreadsheet's columns: id, type, category, title, text,
 * question, source, speaker, page, section, note, tags, followups, image. Ended by key NULL. */
extern const card_field card_fields[];

/* The field called key, or NULL. */
const card_field *card_field_find(const char *key);
/* True if cards of type t may have the field. */
int card_field_allowed(const card_field *f, card_type t);

/* The value of field f of card c (pointer into c: const char **, mtext *, card_type *,
 * file_ref *). */
const void *card_field_ptr(const card_field *f, const card *c);
void *card_field_ptr_mut(const card_field *f, card *c);
/* The count of a CF_TEXTS or CF_WORDS field. */
size_t card_field_count(const card_field *f, const card *c);

#endif
