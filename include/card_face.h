/* card_face.h - the typesetting stage for cards: every card's text as Pango layouts, at the
 * largest size that fits its box (or one size per card type, for "uniform" fitting).
 *
 * A cardset borrows the deck, the Pango context and the hyphenator; it owns the markup and
 * the sizes it chose. Faces are made one at a time for drawing (card_face_make), so a
 * 10,000-card deck never holds 10,000 cards' layouts at once. All lengths in points. */
#ifndef DECKPRESS_CARD_FACE_H
#define DECKPRESS_CARD_FACE_H

#include <pango/pango.h>
#include <stddef.h>

#include "deck.h"
#include "diag.h"
#include "fonts.h"
#include "hyph.h"
#include "print_setup.h"
#include "card_design.h"
#include "deck_pictures.h"
#include "rect.h"
#include "typeset.h"

typedef struct cardset cardset;

/* The styles of the theme's families that the deck's cards need in its design: the design's
 * own (for the card types the deck has) and bold or italic wherever its texts use <b> or
 * <i>. Fills out (room for max) and returns how many. */
size_t card_face_fonts(const deck *dk, font_need *out, size_t max);

/* Prepares the cards of dk in language lang. Borrowed: dk, ctx, hyph (NULL = none).
 * Caller frees with cardset_free. */
cardset *cardset_new(const deck *dk, const char *lang, PangoContext *ctx, const hyphenator *hyph,
		     const card_geom *g);
/* Loads the pictures the faces show, the category icons and the team logo, and checks every
 * card's image: each was checked when the deck was loaded, so this reports only a file
 * changed since; warns about each image that prints below 300 ppi in this design and card
 * size, naming it and its ppi; and, for a PDF/X file (pdfx), reports each picture that
 * level cannot hold (image_pdfx_problem). Returns the number of errors. */
int cardset_load_pictures(cardset *cs, pdfx_level pdfx, struct diag *d);
/* Every solid colour the SVG pictures (icons, logo, card images) are drawn in, each once,
 * after cardset_load_pictures: a PDF/X drawing records their inks before anything else
 * (render_note_colors). Owned by cs. */
const uint32_t *cardset_picture_colors(const cardset *cs, size_t *n);
/* Chooses every card's text size (theme sizes and fit mode). Reports each card that does
 * not fit or has characters no bundled font has, naming the card and its file:line.
 * Returns the number of errors. */
int cardset_fit(cardset *cs, struct diag *d);
/* Makes cardset_fit leave characters without glyphs unreported: glyphs_check_deck has
 * reported them already (deckpress check). */
void cardset_skip_glyphs(cardset *cs);
/* The main text size chosen for card i (after cardset_fit), pt. */
double cardset_size(const cardset *cs, size_t i);
const card_geom *cardset_geom(const cardset *cs);
void cardset_free(cardset *cs);

/* One card's layouts and pictures, placed in its design; owned by the caller
 * (card_face_free). */
typedef struct card_face {
	const card *c;
	const deck *dk;
	const char *lang;
	uint32_t color;      /* category colour, or the theme's accent */
	double footer_fade;  /* the footer's ink towards white: legible (4.5:1) on the paper */
	rect body;           /* the box its text was fitted into */
	tstack main, bottom; /* positioned relative to the body box's top */
	double main_top;     /* offset of the main stack inside the body box */
	double bottom_top;   /* offset of the bottom stack inside the body box */
	int rule_before;     /* main block index with a rule above it (case question), -1 */
	PangoLayout *category, *type, *id, *deck_title; /* band and footer; borrowed from cache */
	PangoLayout *own_title; /* deck title shortened for a long id, owned; else NULL */
	PangoLayout *back_title, *back_category; /* back; borrowed from cache */
	PangoLayout *back_team;                  /* team name, or NULL; borrowed */
	const image *icon;                       /* the category's icon, or NULL; borrowed */
	const image *logo;                       /* the team's logo, or NULL; borrowed */
	image *picture;                          /* the card's image, or NULL; owned */
	face_side front, back;                   /* where everything goes (card_design.h) */
} card_face;

/* Lays out card i at its chosen size. Returns 0, or -1 if its markup is invalid (cannot
 * happen after a successful cardset_fit). */
int card_face_make(cardset *cs, size_t i, card_face *f);
void card_face_free(card_face *f);

#endif
