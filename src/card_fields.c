/* card_fields.c - the table of card keys and access to their values in the model. */
#include "card_fields.h"

#include <string.h>

#define T(type)    (1u << (type))
#define AT(member) offsetof(card, member)

const card_field card_fields[] = {
	{"id", CF_ID, CF_ALL, CF_ALL, AT(id), 0},
	{"type", CF_TYPE, CF_ALL, CF_ALL, AT(type), 0},
	{"category", CF_REF, CF_ALL, 0, AT(category_ref), AT(category_pos)},
	{"title", CF_TEXT, T(CARD_CASE), T(CARD_CASE), AT(title), 0},
	{"text", CF_TEXT, CF_ALL, CF_ALL, AT(text), 0},
	{"question", CF_TEXT, T(CARD_CASE), 0, AT(question), 0},
	{"source", CF_REF, T(CARD_QUOTE), T(CARD_QUOTE), AT(source_ref), AT(source_pos)},
	{"speaker", CF_PLAIN, T(CARD_QUOTE), 0, AT(speaker), 0},
	{"page", CF_PLAIN, T(CARD_QUOTE), 0, AT(page), 0},
	{"section", CF_TEXT, T(CARD_QUOTE), 0, AT(section), 0},
	{"note", CF_TEXT, CF_ALL, 0, AT(note), 0},
	{"tags", CF_WORDS, CF_ALL, 0, AT(tags), AT(ntags)},
	{"followups", CF_TEXTS, T(CARD_QUESTION), 0, AT(followups), AT(nfollowups)},
	{"image", CF_FILE, CF_ALL, 0, AT(image), 0},
	{NULL, CF_ID, 0, 0, 0, 0},
};

const card_field *card_field_find(const char *key)
{
	for (const card_field *f = card_fields; f->key; f++)
		if (!strcmp(f->key, key))
			return f;
	return NULL;
}

int card_field_allowed(const card_field *f, card_type t)
{
	return (f->types & (1u << t)) != 0;
}

const void *card_field_ptr(const card_field *f, const card *c)
{
	return (const char *)c + f->offset;
}

void *card_field_ptr_mut(const card_field *f, card *c)
{
	return (char *)c + f->offset;
}

size_t card_field_count(const card_field *f, const card *c)
{
	if (f->kind != CF_TEXTS && f->kind != CF_WORDS)
		return 1;
	return *(const size_t *)(const void *)((const char *)c + f->aux);
}
