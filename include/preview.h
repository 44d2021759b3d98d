/* preview.h - card faces as PNG images: one per face with bleed, and a contact sheet. */
#ifndef DECKPRESS_PREVIEW_H
#define DECKPRESS_PREVIEW_H

#include <stdbool.h>

#include "diag.h"
#include "print_setup.h"
#include "session.h"

typedef struct {
	session *s;        /* deck, language, hyphenation; fonts loaded when needed */
	print_setup ps;    /* card size, bleed, safe */
	const char *dir;   /* created if missing */
	double dpi;        /* when px_w == 0 */
	int px_w, px_h;    /* exact pixel size of each face image (with bleed), or 0 */
	bool contact_only; /* just DIR/contact.png */
	int jobs;          /* processes to draw with (pool.h); <= 1: one */
} preview_job;

/* The pixel size of each face image: --px, or the card with bleed at the job's dpi. */
void preview_face_px(const preview_job *job, int *pw, int *ph);

/* Writes DIR/<id>-front.png, DIR/<id>-back.png for every card and DIR/contact.png (all
 * fronts on one image), each atomically, with up to job->jobs processes (call it before
 * this process starts Pango, or it draws alone). Every card is fitted before any image is
 * written. Returns 0, 1 (a card cannot be typeset), 3 (I/O). */
int preview_write(const preview_job *job, struct diag *d);

#endif
