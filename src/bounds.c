/* bounds.c - the limits table: names, defaults, and --limit NAME=N. */
#include "bounds.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *name, *what;
	size_t dflt;
} table[B__COUNT] = {
	[B_FILE_BYTES] = {"file-bytes", "bytes in one deck or teams file", 16u << 20},
	[B_READ_BYTES] = {"read-bytes", "bytes read for one deck, all its files together",
			  64u << 20},
	[B_YAML_NODES] = {"yaml-nodes", "texts, lists and mappings in one file", 1000000},
	[B_YAML_DEPTH] = {"yaml-depth", "levels of nesting in a file", 64},
	[B_INCLUDE_DEPTH] = {"include-depth", "decks included within included decks", 16},
	[B_INCLUDES] = {"includes", "included decks in all", 256},
	[B_CARDS] = {"cards", "cards in a deck", 10000},
	[B_CATEGORIES] = {"categories", "categories in one deck file", 1000},
	[B_SOURCES] = {"sources", "sources in one deck file", 1000},
	[B_LANGUAGES] = {"languages", "languages a deck declares", 20},
	[B_FOLLOWUPS] = {"followups", "follow-up questions on a card", 20},
	[B_SELECTORS] = {"selectors", "selectors in one select: or exclude:", 1000},
	[B_TEXT_CHARS] = {"text-chars", "characters in one text", 20000},
	[B_TEXT_LINES] = {"text-lines", "line breaks in one text", 200},
	[B_SOURCE_BYTES] = {"source-bytes", "bytes in a quote source's file", 4u << 20},
	[B_IMAGE_BYTES] = {"image-bytes", "bytes in a logo, icon or image file", 16u << 20},
	[B_IMAGE_PIXELS] = {"image-pixels", "pixels in a logo, icon or image", 25000000},
	[B_FONTS] = {"fonts", "font files in theme.fonts", 32},
	[B_FONT_BYTES] = {"font-bytes", "bytes in one font file", 32u << 20},
	[B_PICTURES] = {"pictures", "icons and card images a deck names", 2000},
	[B_SVG_BYTES] = {"svg-bytes", "bytes in one SVG icon or image", 2u << 20},
	[B_SVG_TAGS] = {"svg-tags", "tags in one SVG icon or image", 20000},
	[B_SVG_DRAWING] = {"svg-drawing", "bytes of drawing one SVG icon or image makes", 4u << 20},
	[B_TEAMS] = {"teams", "teams in a teams file", 200},
	[B_TEAM_NAME] = {"team-name", "characters in a team's name", 64},
};

static size_t value[B__COUNT];

size_t bound_get(bound b)
{
	return value[b] ? value[b] : table[b].dflt;
}

const char *bound_name(bound b)
{
	return table[b].name;
}

const char *bound_what(bound b)
{
	return table[b].what;
}

size_t bound_default(bound b)
{
	return table[b].dflt;
}

char *bound_set(const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	int b = 0;
	while (b < B__COUNT && !(strlen(table[b].name) == len && !strncmp(table[b].name, arg, len)))
		b++;
	if (b == B__COUNT) {
		strbuf names = {0};
		for (int i = 0; i < B__COUNT; i++)
			strbuf_printf(&names, "%s%s=%zu", i ? ", " : "", table[i].name, table[i].dflt);
		char *msg = xasprintf("unknown limit '%.*s'; the limits and their defaults are: %s",
				      (int)len, arg, names.s);
		strbuf_free(&names);
		return msg;
	}
	char *end = NULL;
	unsigned long long n = eq && eq[1] >= '0' && eq[1] <= '9' ? strtoull(eq + 1, &end, 10) : 0;
	if (!end || *end || n == 0 || n > (1ull << 40))
		return xasprintf("--limit %s=N needs a whole number N from 1 to %llu",
				 table[b].name, 1ull << 40);
	value[b] = (size_t)n;
	return NULL;
}
