/* card_face.h - the typesetting stage for cards: every card's text as Pango layouts, at the
 * largest size that fits its box (or one size per card type, for "uniform" fitting), placed
 * in the deck's design (card_design.h).
 *
 * A cardset borrows the deck, the Pango context and the hyphenator; it owns the sizes it
 * chose and the pictures every face shows (icons, logo). Faces are made one at a time for
 * drawing (card_face_make), each card's markup and image only then, so a 10,000-card deck
 * never holds 10,000 cards' layouts, markup or photos at once; cards that name one image
 * file share one picture (image_cache.h). All lengths in points. */
#ifndef DECKPRESS_CARD_FACE_H
#define DECKPRESS_CARD_FACE_H

#include <pango/pango.h>
#include <stddef.h>

#include "card_design.h"
#include "deck.h"
#include "deck_pictures.h"
#include "diag.h"
#include "fonts.h"
#include "hyph.h"
#include "print_setup.h"
#include "rect.h"
#include "typeset.h"

typedef struct cardset cardset;

/* The styles of the theme's families that the deck's cards need in its design: the design's
 * own (for the card types the deck has) and bold or italic wherever its texts use <b> or
 * <i>. Fills out (room for max) and returns how many. */
size_t card_face_fonts(const deck *dk, font_need *out, size_t max);

/* The main text size of each card type, pt. For a type fitted "uniform" every card of the
 * type is set at its size; for "each" it is the theme's maximum, and each card gets the
 * largest size up to it at which it fits. */
typedef struct {
	double size[CARD_NTYPES];
} card_sizes;

/* Prepares the cards of dk in language lang, in the deck's design (theme.layout, applied to
 * g), with every size at the theme's maximum. Borrowed: dk, ctx, hyph (NULL = none). Caller
 * frees with cardset_free. */
cardset *cardset_new(const deck *dk, const char *lang, PangoContext *ctx, const hyphenator *hyph,
		     const card_geom *g);
/* Loads the pictures the faces show, the category icons and the team logo, and checks every
 * card's image: each was checked when the deck was loaded, so this reports only a file
 * changed since; warns about each image that prints below 300 ppi in this design and card
 * size, naming it and its ppi; and, for a PDF/X file (pdfx), reports each picture that
 * level cannot hold (image_pdfx_problem). Call before fitting and drawing (a worker process
 * calls it too). Returns the number of errors. */
int cardset_load_pictures(cardset *cs, pdfx_level pdfx, struct diag *d);
/* Every solid colour the SVG pictures (icons, logo, card images) are drawn in, each once,
 * after cardset_load_pictures: a PDF/X drawing records their inks before anything else
 * (render_note_colors). Owned by cs. */
const uint32_t *cardset_picture_colors(const cardset *cs, size_t *n);
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
 * or has characters no bundled font has, naming the card and its file:line, in deck order,
 * then a deck title that does not fit on the backs (cardset_check_back_title).
 * Draws nothing (check, the layout dump). Returns the number of errors. */
int cardset_fit(cardset *cs, struct diag *d);
/* Reports, in deck order, each card that cannot be typeset at the current sizes (it cannot
 * at any: too much text, characters without glyphs). Returns the number of errors. */
int cardset_report(cardset *cs, struct diag *d);
/* Lays out the deck title for the backs, as large as fits the room the design leaves it;
 * reports it (at the title's file:line:col) when it does not fit even at the smallest size.
 * Returns the number of errors. */
int cardset_check_back_title(cardset *cs, struct diag *d);
/* Makes cardset_fit leave characters without glyphs unreported: glyphs_check_deck has
 * reported them already (deckpress check). */
void cardset_skip_glyphs(cardset *cs);
/* The geometry of the cards, in the deck's design. */
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
/* FACE_BAD_FALLBACK: a character its text's family lacks, which would print in another;
 * FACE_BAD_ID: the id (and number) is wider than the footer. */
enum {
	FACE_BAD_BOTTOM = 1,
	FACE_BAD_MAIN = 2,
	FACE_BAD_GLYPHS = 4,
	FACE_BAD_FALLBACK = 8,
	FACE_BAD_ID = 16
};

/* One card's layouts and pictures, placed in its design; owned by the caller
 * (card_face_free). */
typedef struct card_face {
	const card *c;
	const deck *dk;
	const char *lang;
	uint32_t color;      /* category colour, or the theme's accent */
	double footer_fade;  /* the footer's ink towards white: legible (4.5:1) on the paper */
	rect body;           /* the box its text was fitted into (below its image, if any) */
	tstack main, bottom; /* positioned relative to the body box's top; main.size is the
			      * card's size */
	double main_top;     /* offset of the main stack inside the body box */
	double bottom_top;   /* offset of the bottom stack inside the body box */
	int rule_before;     /* main block index with a rule above it (case question), -1 */
	PangoLayout *category, *type, *id, *deck_title; /* band and footer; borrowed from cache */
	PangoLayout *own_title; /* deck title shortened for a long id, owned; else NULL */
	PangoLayout *back_title, *back_category; /* back; borrowed from cache */
	PangoLayout *back_team;                  /* team name, or NULL; borrowed */
	const image *icon;                       /* the category's icon, or NULL; borrowed */
	const image *logo;                       /* the team's logo, or NULL; borrowed */
	image *picture;                          /* the card's image, or NULL; a reference */
	face_side front, back;                   /* where everything goes (card_design.h) */
	unsigned bad; /* FACE_BAD_* flags (no FACE_BAD_GLYPHS after cardset_skip_glyphs) */
	int unknown;  /* characters no bundled font has */
} card_face;

/* Lays out card i at the sizes of cs: the attribution or follow-ups at the largest of their
 * sizes that fits, then the main text at its type's size in the room left; then loads its
 * image and places everything in the design (f->front, f->back). Each block's markup is
 * made and parsed once. Returns a FACE_ value, with f filled in (free it with
 * card_face_free), or -1 when its markup is invalid or its image no longer loads (f is
 * then empty). */
int card_face_make(cardset *cs, size_t i, card_face *f);
void card_face_free(card_face *f);

#endif
