/* card_design.h - the three designs of a card (theme.layout: classic, minimal, icon): where
 * each part goes, as positioned boxes and colours. The renderer only draws these boxes, and
 * `cards --dump=layout` lists them. All lengths in points, from the trim's top-left corner. */
#ifndef DECKPRESS_CARD_DESIGN_H
#define DECKPRESS_CARD_DESIGN_H

#include <pango/pango.h>
#include <stdint.h>

#include "deck.h"
#include "image.h"
#include "rect.h"

/* Text sizes of the parts that do not scale with the card's main text, pt. */
#define CARD_LABEL_SIZE  7.0 /* band: category and card type, reversed out: 7 pt at least */
#define CARD_FOOTER_SIZE 6.5 /* footer: deck title and card id */

/* Regions of a card, relative to its trim's top-left corner. */
typedef struct {
	card_layout layout;
	double w, h;   /* trim size */
	double safe;   /* no text closer than this to the trim */
	double band_h; /* classic: colour band from the top edge; icon: the tinted panel;
			* minimal: the label line and its rule */
	double label_y; /* top of the category and type labels */
	rect icon;      /* the category icon on the front (small in the band, or large) */
	rect body;      /* main text box, inside the safe area below the band */
	rect picture;   /* a card's image (classic, minimal: the top of the body) */
	rect footer;    /* line for the deck title and the card id */
} card_geom;

/* The geometry of the classic design for a card of w x h with a safe margin. */
void card_geom_make(double w, double h, double safe, card_geom *g);
/* Changes g to another design. */
void card_geom_layout(card_geom *g, card_layout layout);
/* The box a card's text is fitted into: the body, below the picture when it has one. */
rect card_geom_body(const card_geom *g, bool has_picture);

typedef enum {
	FB_FILL,    /* a rectangle in a colour (rules too) */
	FB_DISC,    /* a filled circle inscribed in r */
	FB_TEXT,    /* a layout, its top-left at r's; r is its logical extent */
	FB_PICTURE, /* an icon, logo or image fitted into r */
} fbox_kind;

enum { BLEED_TOP = 1, BLEED_RIGHT = 2, BLEED_BOTTOM = 4, BLEED_LEFT = 8, BLEED_ALL = 15 };

typedef struct {
	fbox_kind kind;
	const char *name; /* what it is, for the dump: "band", "category", "main1" */
	rect r;
	unsigned bleed;      /* FB_FILL: edges extended to the art box (into the bleed) */
	uint32_t color;      /* 0xRRGGBB: fills, discs and text; a picture: the colour beneath */
	double fade;         /* mixed towards white: 0 the colour, 1 white */
	PangoLayout *layout; /* FB_TEXT; borrowed from the face */
	const image *img;    /* FB_PICTURE; borrowed */
	image_fit fit;
} face_box;

enum { FACE_MAX_BOXES = 24 };

/* One side of a card, drawn in this order. */
typedef struct {
	face_box v[FACE_MAX_BOXES];
	size_t n;
} face_side;

/* The height the deck title may take on the backs of design g (pt), with a category label
 * cat_h high below it and a team name team_h high (0: none) at the foot; the icon design's
 * disc takes the top half. */
double card_design_back_title_room(const card_geom *g, double cat_h, double team_h);

struct card_face;
/* Places the parts of a laid-out face (card_face.h) into f->front and f->back. */
void card_design_place(const card_geom *g, struct card_face *f);

#endif
