/* card_face.h - the typesetting stage for cards: every card's text as Pango layouts, at the
 * largest size that fits its box (or one size per card type, for "uniform" fitting).
 *
 * A cardset borrows the deck, the Pango context and the hyphenator; it owns the sizes it
 * chose. Faces are made one at a time for drawing (card_face_make), each card's markup only
 * then, so a 10,000-card deck never holds 10,000 cards' layouts or markup at once. All
 * lengths in points. */
#ifndef DECKPRESS_CARD_FACE_H
#define DECKPRESS_CARD_FACE_H

#include <pango/pango.h>
#include <stddef.h>

#include "deck.h"
#include "diag.h"
#include "hyph.h"
#include "rect.h"
#include "typeset.h"

/* Regions of a card, relative to its trim's top-left corner. */
typedef struct {
	double w, h;   /* trim size */
	double safe;   /* no text closer than this to the trim */
	double band_h; /* colour band from the top edge (its colour runs into the bleed) */
	rect body;     /* main text box, inside the safe area below the band */
	rect footer;   /* line for the deck title and the card id */
} card_geom;

void card_geom_make(double w, double h, double safe, card_geom *g);

typedef struct cardset cardset;

/* The main text size of each card type, pt. For a type fitted "uniform" every card of the
 * type is set at its size; for "each" it is the theme's maximum, and each card gets the
 * largest size up to it at which it fits. */
typedef struct {
	double size[CARD_NTYPES];
} card_sizes;

/* Prepares the cards of dk in language lang, with every size at the theme's maximum.
 * Borrowed: dk, ctx, hyph (NULL = none). Caller frees with cardset_free. */
cardset *cardset_new(const deck *dk, const char *lang, PangoContext *ctx, const hyphenator *hyph,
		     const card_geom *g);
/* Sets the uniform sizes to a prediction: the size at which the few cards that probably
 * need the smallest one (the most text for their room) fit. Each card is then laid out once,
 * at that size, and that layout proves it fits (card_face_make); a card that does not fit
 * lowers the size, and the cards before it are laid out again: rarely. Returns false when
 * one of those cards cannot be typeset at all (there is no point in drawing). */
bool cardset_predict(cardset *cs);
void cardset_get_sizes(const cardset *cs, card_sizes *out);
void cardset_set_sizes(cardset *cs, const card_sizes *in);
/* Chooses every card's size (theme sizes and fit mode): cardset_predict, then every card
 * laid out at the sizes until none needs a smaller one. Reports each card that does not fit
 * or has characters no bundled font has, naming the card and its file:line, in deck order.
 * Draws nothing (check, the layout dump). Returns the number of errors. */
int cardset_fit(cardset *cs, struct diag *d);
/* Reports, in deck order, each card that cannot be typeset at the current sizes (it cannot
 * at any: too much text, characters without glyphs). Returns the number of errors. */
int cardset_report(cardset *cs, struct diag *d);
/* Makes cardset_fit leave characters without glyphs unreported: glyphs_check_deck has
 * reported them already (deckpress check). */
void cardset_skip_glyphs(cardset *cs);
const card_geom *cardset_geom(const cardset *cs);
void cardset_free(cardset *cs);

/* What card_face_make found. */
enum {
	FACE_OK,     /* laid out at its type's size (fit: each, at the largest that fits) */
	FACE_SHRINK, /* fit: uniform, and it does not fit at its type's size: it is laid out at
		      * the largest smaller size that fits (main.size); the type's size must come
		      * down to that, and cards laid out at the old size be laid out again */
	FACE_BAD,    /* an error: see bad and unknown */
};
enum { FACE_BAD_BOTTOM = 1, FACE_BAD_MAIN = 2, FACE_BAD_GLYPHS = 4 };

/* One card's layouts, ready to draw; owned by the caller (card_face_free). */
typedef struct {
	const card *c;
	const deck *dk;
	const char *lang;
	uint32_t color;      /* category colour, or the theme's accent */
	double footer_fade;  /* the footer's ink towards white: legible (4.5:1) on the paper */
	tstack main, bottom; /* positioned relative to the body box's top; main.size is the
			      * card's size */
	double main_top;     /* offset of the main stack inside the body box */
	double bottom_top;   /* offset of the bottom stack inside the body box */
	int rule_before;     /* main block index with a rule above it (case question), -1 */
	PangoLayout *category, *type, *id, *deck_title; /* band and footer; borrowed from cache */
	PangoLayout *own_title; /* deck title shortened for a long id, owned; else NULL */
	PangoLayout *back_title, *back_category; /* back; borrowed from cache */
	PangoLayout *back_team;                  /* team name, or NULL; borrowed */
	double back_title_y, back_category_y;    /* from the trim top */
	unsigned bad; /* FACE_BAD_* flags (no FACE_BAD_GLYPHS after cardset_skip_glyphs) */
	int unknown;  /* characters no bundled font has */
} card_face;

/* Lays out card i at the sizes of cs: the attribution or follow-ups at the largest of their
 * sizes that fits, then the main text at its type's size in the room left. Each block's
 * markup is made and parsed once. Returns a FACE_ value, with f filled in (free it with
 * card_face_free), or -1 when its markup is invalid (f is then empty). */
int card_face_make(cardset *cs, size_t i, card_face *f);
void card_face_free(card_face *f);

#endif
