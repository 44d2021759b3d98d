/* preview.h - card faces as PNG images: one per face with bleed, and a contact sheet. */
#ifndef DECKPRESS_PREVIEW_H
#define DECKPRESS_PREVIEW_H

#include <pango/pango.h>

#include "deck.h"
#include "diag.h"
#include "hyph.h"
#include "print_setup.h"

typedef struct {
	const deck *dk;
	const char *lang;
	print_setup ps;  /* card size, bleed, safe */
	const char *dir; /* created if missing */
	double dpi;      /* when px_w == 0 */
	int px_w, px_h;  /* exact pixel size of each face image (with bleed), or 0 */
	PangoContext *ctx;
	const hyphenator *hyph;
	bool contact_only; /* just DIR/contact.png */
} preview_job;

/* The pixel size of each face image: --px, or the card with bleed at the job's dpi. */
void preview_face_px(const preview_job *job, int *pw, int *ph);

/* Writes DIR/<id>-front.png, DIR/<id>-back.png for every card and DIR/contact.png (all
 * fronts on one image), each atomically. Returns 0, 1 (a card cannot be typeset), 3 (I/O). */
int preview_write(const preview_job *job, struct diag *d);

#endif
