/* deck_pictures.h - the pictures a deck shows on every card and in the booklet: its
 * categories' icons and its team's logo, loaded once per output, and the notes PDF/X needs
 * about every picture drawn (its SVG colours; whether the level asked for can hold it).
 * Each file was checked when the deck was loaded; a file changed since is reported here. */
#ifndef DECKPRESS_DECK_PICTURES_H
#define DECKPRESS_DECK_PICTURES_H

#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "diag.h"
#include "image.h"
#include "print_setup.h"

typedef struct {
	image **icons;    /* per category (ncategories), NULL where it has none; a reference
			   * each (the categories naming one file share one picture) */
	image *logo;      /* the team's logo, or NULL; owned */
	uint32_t *colors; /* every solid colour of the SVGs noted, each once (render_note_colors) */
	size_t ncolors;
	pdfx_level pdfx;  /* the PDF/X level the pictures are checked against */
} deck_pictures;

/* Loads dk's icons and logo into p for an output at PDF/X level pdfx (PDFX_NONE: none),
 * noting each (deck_pictures_note). Returns the number of errors reported to d. Free p with
 * deck_pictures_free, also after errors. */
int deck_pictures_load(deck_pictures *p, const deck *dk, pdfx_level pdfx, struct diag *d);
/* Notes picture im (a `kind`, "icon", "image" or "logo", named at f, or at the team's logo
 * when f is NULL): adds its SVG colours, and reports it when p's PDF/X level cannot hold it
 * (image_pdfx_problem). Returns 1 when reported, else 0. */
int deck_pictures_note(deck_pictures *p, const deck *dk, const image *im, const file_ref *f,
		       const char *kind, struct diag *d);
/* The icon of category k (-1: none), or NULL. */
const image *deck_pictures_icon(const deck_pictures *p, int k);
void deck_pictures_free(deck_pictures *p, const deck *dk);

#endif
