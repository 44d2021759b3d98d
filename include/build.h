/* build.h - every output of a deck or of each team of a teams file, in parallel processes. */
#ifndef DECKPRESS_BUILD_H
#define DECKPRESS_BUILD_H

#include <stdbool.h>

#include "color.h"
#include "teams.h"

typedef struct {
	const char *dir; /* output directory; a team's files go to dir/<slug>/ */
	int jobs;        /* processes at once, for every team together (-j) */
	int verbosity;   /* 0 quiet, 1 normal, 2 verbose (every file written) */
	bool progress;   /* a progress line (stderr is a terminal) */
	const char *pdfx;                  /* --pdfx level for printshop.pdf, or NULL: print: */
	const color_profile *profile;      /* --icc, or NULL: the built-in FOGRA39 */
} build_opts;

/* The files built for each team (or a plain deck), in this order. */
extern const char *const build_files[];

/* Builds every loaded team: cards.pdf (sheets, never PDF/X: office printers want RGB),
 * printshop.pdf (one card per page; PDF/X when print: pdfx or o->pdfx asks for it),
 * booklet.pdf, booklet-saddle.pdf and contact.png. One failing team does not stop the
 * others. Prints a summary; returns 0 when every team was built, else 1 (3 when the
 * output directory cannot be made). Teams that failed to load count as failed. */
int build_run(const team_set *ts, const build_opts *o);

#endif
