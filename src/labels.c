/* labels.c - deckpress's own words in Dutch and English. */
#include "labels.h"

#include <string.h>

// clang-format off
static const char *const en[L_COUNT] = {
	[L_QUOTE] = "Quote", [L_CASE] = "Case", [L_QUESTION] = "Question",
	[L_QUOTES] = "Quotes", [L_CASES] = "Cases", [L_QUESTIONS] = "Questions",
	[L_TRANSLATED] = "translated from the %s", [L_PAGE] = "p.",
	[L_PRINT_NOTE] = "print at 100% (actual size)", [L_SHEET] = "sheet", [L_FRONT] = "front", [L_BACK] = "back",
	[L_CONTENTS] = "Contents", [L_INTRODUCTION] = "Introduction",
	[L_GUIDE] = "Using the cards", [L_CLOSING] = "Closing", [L_SOURCES] = "Sources",
	[L_NOTES] = "Notes", [L_NOTE] = "For the facilitator", [L_QUOTED_ON] = "Quoted on",
	[L_ORIGINAL] = "Original", [L_CARD] = "card", [L_CARDS] = "cards", [L_FOLLOWUPS] = "Follow-up questions",
	[L_VERSION] = "Version", [L_COVER] = "Cover", [L_TEAM] = "Team",
	[L_LOGO] = "Logo of %s",
};

static const char *const nl[L_COUNT] = {
	[L_QUOTE] = "Citaat", [L_CASE] = "Casus", [L_QUESTION] = "Vraag",
	[L_QUOTES] = "Citaten", [L_CASES] = "Casussen", [L_QUESTIONS] = "Vragen",
	[L_TRANSLATED] = "vertaald uit het %s", [L_PAGE] = "p.",
	[L_PRINT_NOTE] = "afdrukken op 100% (ware grootte)", [L_SHEET] = "vel", [L_FRONT] = "voorkant", [L_BACK] = "achterkant",
	[L_CONTENTS] = "Inhoud", [L_INTRODUCTION] = "Inleiding",
	[L_GUIDE] = "Werken met de kaarten", [L_CLOSING] = "Tot slot", [L_SOURCES] = "Bronnen",
	[L_NOTES] = "Aantekeningen", [L_NOTE] = "Voor de begeleider", [L_QUOTED_ON] = "Geciteerd op",
	[L_ORIGINAL] = "Origineel", [L_CARD] = "kaart", [L_CARDS] = "kaarten", [L_FOLLOWUPS] = "Doorvragen",
	[L_VERSION] = "Versie", [L_COVER] = "Omslag", [L_TEAM] = "Team",
	[L_LOGO] = "Logo van %s",
};

// clang-format on

static const char *const *table_for(const char *lang)
{
	return lang && !strncmp(lang, "nl", 2) && (lang[2] == '\0' || lang[2] == '-') ? nl : en;
}

const char *label(const char *lang, label_id id)
{
	return id < L_COUNT ? table_for(lang)[id] : "";
}

const char *label_lang(const char *lang)
{
	return table_for(lang) == nl ? "nl" : "en";
}

const char *language_name(const char *lang, const char *code)
{
	static const struct {
		const char *code, *en, *nl;
	} names[] = {
		{"nl", "Dutch", "Nederlands"},
		{"en", "English", "Engels"},
		{"de", "German", "Duits"},
		{"fr", "French", "Frans"},
	};
	int dutch = table_for(lang) == nl;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strncmp(code, names[i].code, 2))
			return dutch ? names[i].nl : names[i].en;
	return code;
}
