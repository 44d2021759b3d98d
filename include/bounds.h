/* bounds.h - the limits on what an untrusted deck can make deckpress do: how much it reads,
 * how many things it may hold, how large a text or image may be. Each has a name, a default
 * and a value the trusted command line can raise with --limit NAME=N. A deck over a limit
 * gets a located error (M_LIMIT) naming the limit and that option. See docs/robustness.md. */
#ifndef DECKPRESS_BOUNDS_H
#define DECKPRESS_BOUNDS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	B_FILE_BYTES,    /* one deck, teams or included file, bytes */
	B_READ_BYTES,    /* every file read for one deck or teams file together, bytes */
	B_YAML_NODES,    /* texts, lists and mappings in one file */
	B_YAML_DEPTH,    /* nesting of lists and mappings */
	B_INCLUDE_DEPTH, /* decks including decks including decks... */
	B_INCLUDES,      /* include: entries followed in all (a file included twice is read once) */
	B_CARDS,         /* cards in a deck, after includes */
	B_CATEGORIES,    /* categories in one deck file */
	B_SOURCES,       /* sources in one deck file */
	B_LANGUAGES,     /* languages a deck declares */
	B_FOLLOWUPS,     /* follow-up questions on one card */
	B_SELECTORS,     /* selectors in one select: or exclude: */
	B_TEXT_CHARS,    /* characters in one text */
	B_TEXT_LINES,    /* line breaks in one text */
	B_SOURCE_BYTES,  /* a quote source's plain-text file, bytes */
	B_IMAGE_BYTES,   /* a logo or image file, bytes */
	B_IMAGE_PIXELS,  /* a logo or image, width x height */
	B_FONTS,         /* font files a deck names in theme.fonts */
	B_FONT_BYTES,    /* one font file, bytes */
	B_PICTURES,      /* icons and card images a deck names, each file counted once */
	B_SVG_BYTES,     /* one SVG icon or image, bytes */
	B_SVG_TAGS,      /* tags in one SVG: elements and end tags (librsvg holds KBs each) */
	B_SVG_DRAWING,   /* the drawing one SVG makes, bytes of PDF content (<use> repeats shapes) */
	B_TEAMS,         /* teams in a teams file */
	B_TEAM_NAME,     /* characters in a team's name (it names a folder) */
	B__COUNT
} bound;

size_t bound_get(bound b);
const char *bound_name(bound b); /* "cards": as written after --limit */
const char *bound_what(bound b); /* "cards in a deck": for --help and the docs */
size_t bound_default(bound b);
/* Applies "NAME=N" from --limit; NULL, or a message (caller frees) for a bad argument. */
char *bound_set(const char *arg);

#endif
