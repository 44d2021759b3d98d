/* deck.h - the deck model: what a YAML deck says, after loading and checking.
 *
 * Ownership: a deck owns every string and array in it (one arena, freed by deck_free).
 * Other stages only borrow. Lengths are in points; the deck's millimetres are converted
 * by the loader. Positions are 1-based line/column in deck->path.
 *
 * NULL: a deck from deck_load may have errors; then any id, reference or required text the
 * author got wrong is NULL (or n == 0 for an mtext), and every function here tolerates it.
 * A deck from deck_open has no errors: ids and required fields are never NULL there. */
#ifndef DECKPRESS_DECK_H
#define DECKPRESS_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct {
	int line, col; /* 1-based; 0 = unknown */
} srcpos;

/* Text in one or more languages. v[0] is the first one written; n == 0 means absent. */
typedef struct {
	const char *lang; /* language code, e.g. "nl" */
	const char *text; /* UTF-8, may contain <b> and <i> */
	srcpos pos;
} tr_entry;
typedef struct {
	tr_entry *v;
	size_t n;
	srcpos pos; /* the key's value */
} mtext;

/* The text in `lang`; else in the deck's original language `orig`; else the first; NULL if
 * absent. Never NULL when the text exists. */
const char *mtext_get(const mtext *t, const char *lang, const char *orig);
/* The language of the text mtext_get(t, lang, orig) returns; NULL if absent. */
const char *mtext_lang(const mtext *t, const char *lang, const char *orig);
/* True when the text exists in exactly `lang`. */
bool mtext_has(const mtext *t, const char *lang);

/* A file the deck names (a font, icon or image); path == NULL when none. */
typedef struct {
	const char *path;   /* as written, relative to the deck file that names it */
	const char *file;   /* the same, to open from the working directory */
	const char *origin; /* the deck file that names it */
	srcpos pos;         /* the value */
} file_ref;

typedef enum { CARD_QUOTE, CARD_CASE, CARD_QUESTION, CARD_NTYPES } card_type;
const char *card_type_name(card_type t); /* "quote", "case", "question" */

typedef struct {
	const char *id;
	mtext title, publication;
	const char *author, *year, *url;
	const char *file;   /* plain-text copy of the source, relative to the deck; NULL if none */
	const char *origin; /* the deck file that defines it (differs for included decks) */
	srcpos pos;
} source;

typedef struct {
	const char *id;
	mtext name;
	uint32_t color; /* 0xRRGGBB */
	bool has_color;
	file_ref icon;      /* PNG or SVG on the band and the back; path NULL if none */
	const char *origin; /* the deck file that defines it */
	srcpos pos;
} category;

typedef struct {
	const char *id;
	card_type type;
	mtext text;       /* quote text, case situation, or the question */
	mtext note;       /* facilitator note: booklet only */
	mtext title;      /* case */
	mtext question;   /* case: the prompt under the situation */
	mtext section;    /* quote: essay section */
	const char *page; /* quote: page in the source, as written */
	const char *speaker;
	int category; /* index into deck->categories, -1 if none (set by deck_check) */
	int source;   /* quote: index into deck->sources, -1 if none (set by deck_check) */
	const char *category_ref, *source_ref; /* the ids as written */
	srcpos category_pos, source_pos;
	const char **tags;
	size_t ntags;
	mtext *followups; /* question */
	size_t nfollowups;
	file_ref image;   /* a picture on the front (PNG or SVG); path NULL if none */
	srcpos pos;       /* the card's mapping */
	const char *file; /* the deck file the card was written in */
} card;

typedef enum { FIT_EACH, FIT_UNIFORM } fit_mode;

/* No text on a card is set smaller than this (points): print shops reject smaller type. */
#define CARD_TEXT_MIN 6.0

/* theme.layout: the design of the cards (docs/cards.md). */
typedef enum { LAYOUT_CLASSIC, LAYOUT_MINIMAL, LAYOUT_ICON, LAYOUT_COUNT } card_layout;
const char *card_layout_name(card_layout l); /* "classic", "minimal", "icon" */

/* theme.numbering: "3/36" in the footer and the booklet. */
typedef enum { NUMBER_NONE, NUMBER_DECK, NUMBER_CATEGORY } numbering_mode;

/* Theme: defaults filled in by the loader, so renderers never see a missing value. */
typedef struct {
	const char *font_serif;                      /* family name from fonts/: quotes, body */
	const char *font_sans;                       /* titles, labels */
	srcpos font_serif_pos, font_sans_pos;        /* where the deck names them (0 = default) */
	uint32_t ink, paper, accent, back, back_ink; /* 0xRRGGBB */
	bool back_fixed; /* every back in `back` (a team's colour), not in its category's */
	double size_max[CARD_NTYPES], size_min[CARD_NTYPES]; /* main text, points */
	fit_mode fit[CARD_NTYPES];
	file_ref *fonts; /* theme.fonts: the deck's own font files */
	size_t nfonts;
	card_layout layout;
	numbering_mode numbering;
} theme;

/* One `print:` setting as written; parsed by the same code as the command-line option. */
typedef struct {
	const char *key, *value;
	srcpos pos;
} print_setting;

typedef struct {
	mtext title;
	mtext duration; /* e.g. "20 minuten" */
	mtext text;     /* paragraphs separated by blank lines; "- " bullets, "1. " steps */
} guide_section;

typedef struct {
	mtext intro, closing;
	guide_section *guide;
	size_t nguide;
	int notes_pages;
} booklet_text;

typedef struct {
	const char *lang;
	const char *word; /* with '-' at the allowed breaks, e.g. "zee-eend" */
} hyph_exception;

/* A colour given with its print value, as brand guides give them:
 * {rgb: "#2f5d8a", cmyk: [85, 50, 10, 20]}. Colours without one are converted (color.h). */
typedef struct {
	uint32_t rgb;       /* 0xRRGGBB */
	double cmyk[4];     /* percent of cyan, magenta, yellow, black: 0..100 */
	const char *file;   /* the deck or teams file that gives it */
	srcpos pos;
} deck_cmyk;

typedef struct deck {
	const char *path; /* as given on the command line */
	const char *root; /* realpath of the folder every file the deck names must be inside */
	mtext title, subtitle, description;
	const char *author, *version;
	const char *language;   /* original language, default "nl" */
	const char **languages; /* declared languages; languages[0] == language */
	size_t nlanguages;
	source *sources;
	size_t nsources;
	category *categories;
	size_t ncategories;
	card *cards;
	size_t ncards;
	theme theme;
	print_setting *print;
	size_t nprint;
	booklet_text booklet;
	hyph_exception *hyphenation;
	size_t nhyphenation;
	const char *team;        /* team name for backs and cover (teams file), or NULL */
	const char *team_lang;   /* a team's deck: the one language it is built in, which its
				  * texts must have (deck_check); NULL for a deck */
	const char *logo;        /* path of the team's PNG logo, or NULL */
	deck_cmyk *cmyk;         /* colours given with CMYK, in the order read (a team's last) */
	size_t ncmyk;
	struct deck **parts;     /* every deck included, at any depth, each once; owned; their cards
				  * are in cards */
	const struct deck *base; /* a team's deck: the base deck it was made from, borrowed */
	size_t nparts;
	arena *mem;
} deck;

void deck_free(deck *d);
/* The deck's file and those of the decks it includes, up to max; returns how many. */
size_t deck_files(const deck *d, const char **out, size_t max);
/* Every file the deck was made from, each once: its own file, the decks it includes, a team's
 * base deck, the sources' plain-text files and the team's logo, as paths to open from the
 * working directory (for 'watch'; a team's teams file is not among them: the caller has
 * it). Sets *n; caller frees each string and the array. */
char **deck_inputs(const deck *d, size_t *n);
/* One text field of the deck, as deck_each_text hands it over. */
typedef struct {
	const char *file;  /* the deck file it is written in */
	const mtext *t;    /* may be absent (t->n == 0) */
	const char *owner; /* "deck", "source", "category", "card 'Q03'", "booklet guide"... */
	const char *field; /* "title", "text", "note"... */
	const card *c;     /* the card, for a card's field; else NULL */
} text_ref;
typedef void text_ref_fn(void *ctx, const text_ref *t);
/* Calls fn for every text field of the deck that may be printed (cards, booklet, covers),
 * present or not, in the order of the deck. */
void deck_each_text(const deck *dk, text_ref_fn *fn, void *ctx);


/* Each card's number and the count it is out of ("3/36", or "3/12" within its category:
 * cards without a category count among themselves), by theme.numbering; NULL for none.
 * (*of)[i] is card i's count. Caller frees both arrays. */
size_t *deck_numbers(const deck *d, size_t **of);
/* The colour a card is shown in: its category's, else the theme's accent. */
uint32_t deck_card_color(const deck *d, const card *c);
/* The CMYK the deck gives for 0xRRGGBB (the last one read; its own, then its includes',
 * then a team's base deck's), or NULL. */
const deck_cmyk *deck_find_cmyk(const deck *d, uint32_t rgb);
/* Index of the entry with this id, or -1 (also for a NULL id; entries without one are
 * skipped). */
int deck_find_card(const deck *d, const char *id);
int deck_find_source(const deck *d, const char *id);
int deck_find_category(const deck *d, const char *id);

#endif
