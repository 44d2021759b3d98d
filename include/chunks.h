/* chunks.h - a deck's cards worked on in fixed chunks by several processes, at card sizes
 * that may still come down.
 *
 * The work is cut into chunks whose bounds depend on the deck only, never on -j. This
 * process forks its workers first, before it or they start Pango (pool.h); then every
 * process, this one included, takes the next chunk until none is left. Work goes in rounds
 * at one set of card sizes (card_face.h): a card that needs a smaller uniform size says so,
 * and when the round is over every chunk is done again at the lowered sizes. Every card of
 * a round is laid out at that round's sizes, so the next sizes, and so the output, depend on
 * the deck alone, whatever the number of processes and whoever took which chunk. */
#ifndef DECKPRESS_CHUNKS_H
#define DECKPRESS_CHUNKS_H

#include <stdbool.h>
#include <stddef.h>

#include "card_face.h"
#include "session.h"

/* What a chunk came to. */
enum {
	CHUNK_OK,     /* done at the round's sizes */
	CHUNK_SHRINK, /* done, but a card needs smaller sizes (*need): the round is repeated */
	CHUNK_BAD,    /* a card cannot be typeset: everything stops */
	CHUNK_IO,     /* a system error (errno in *err): everything stops */
};

typedef struct chunks chunks;

/* The work, the same in every process. */
typedef struct {
	size_t n; /* chunks */
	/* In each worker, after the fork: its own fonts and cards. NULL when that fails (the
	 * worker then takes no chunk). */
	void *(*open)(void *arg);
	/* Does chunk k at sizes s, with state from open (or this process's own state). Returns
	 * a CHUNK_ value; lowers need when a card needs a smaller size; sets *err for CHUNK_IO.
	 * `ch` says whether the round is already known to repeat (chunks_repeats): a chunk may
	 * then skip drawing, but must still lay every card out. */
	int (*run)(void *state, size_t k, const card_sizes *s, card_sizes *need, int *err,
		   const chunks *ch);
	void (*close)(void *state);
	void *arg;
} chunk_work;

/* Forks up to jobs - 1 workers, each on a token of the budget (pool.h), fewer when there
 * are fewer chunks. Call it before this process starts Pango. Never fails: without workers
 * this process does all the work. */
chunks *chunks_start(const chunk_work *w, int jobs);
/* Works through the chunks in rounds, with this process's own state, from *sizes (the
 * prediction) until a round needs no smaller sizes; *sizes gets the final ones. Returns a
 * CHUNK_ value: CHUNK_OK (every chunk done at *sizes), CHUNK_BAD or CHUNK_IO (*err). */
int chunks_run(chunks *ch, void *state, card_sizes *sizes, int *err);
/* True when some card of the current round needs smaller sizes. */
bool chunks_repeats(const chunks *ch);
/* A process's own fonts, cards and pictures: a worker makes fonts of its own after the fork
 * (with the deck's own font files); this process uses its session's (loaded by
 * session_fonts). Every process loads the deck's pictures itself, after the fork. */
typedef struct {
	fontset *own; /* a worker's; NULL: the session's */
	PangoContext *ctx;
	cardset *cs;
	int picture_errors; /* pictures that no longer load, or that pdfx cannot hold */
} chunk_cards;

/* Sets up c for session s and card geometry g, with fonts of its own when `own`, and the
 * pictures for PDF/X level pdfx (cardset_load_pictures): their problems reported to d, or
 * to nobody when d is NULL (a worker: this process reports them). Returns false when the
 * fonts cannot be loaded. */
bool chunk_cards_open(chunk_cards *c, const session *s, const card_geom *g, bool own,
		      pdfx_level pdfx, struct diag *d);
void chunk_cards_close(chunk_cards *c);

/* What went wrong, for a CHUNK_IO's err: a system error or a worker that died. */
const char *chunks_why(int err);
/* Ends the workers, waits for them and gives their tokens back; frees ch. */
void chunks_end(chunks *ch);

#endif
