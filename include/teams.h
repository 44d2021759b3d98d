/* teams.h - a teams file: per team a deck of its own (a selection of a base deck, extra
 * cards, a language, a logo, colours), each built into a folder named after the team.
 *
 *     deck: workshop.yaml          # base deck for teams that name none
 *     print: {sheet: letter}       # over the base deck's print: settings
 *     teams:
 *       - name: Team Noord
 *         select: "type:quote,question"
 *         exclude: "tag:essay"
 *         language: en
 *         logo: logos/noord.png
 *         colors: {accent: "#2f5d8a", back: "#2f5d8a", back_ink: "#ffffff"}
 *         cards: [...]
 *
 * A plain deck file is a team set of one team without a name. */
#ifndef DECKPRESS_TEAMS_H
#define DECKPRESS_TEAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "diag.h"

typedef struct {
	const char *name; /* NULL for a plain deck */
	char *slug;       /* folder name: lower-case letters, digits, '-'; NULL for a plain deck */
	const char *lang; /* the team's language, or NULL for the deck's */
	deck *dk;         /* the team's checked deck, owned; NULL when it has errors */
	srcpos pos;
} team;

typedef struct {
	team *v;
	size_t n;
	bool is_teams; /* a teams file, not a plain deck */
	arena *mem;
	char *root; /* realpath of the teams file's folder: every file it names is inside */
	struct team_base {
		char *real; /* realpath of a base deck: loaded once however many teams use it */
		deck *dk;   /* owned; NULL when it has errors */
	} * bases;
	size_t nbases;
	char **logos; /* realpaths of the logos decoded once already */
	size_t nlogos;
} team_set;

/* Loads a teams file, or a plain deck as one team. Each team's problems (any error in the
 * team's entry or its deck) are reported to d and leave that team's dk NULL; the others
 * load. Returns -1 when the file itself is unusable or has an error outside the teams
 * (nothing may be built), else the number of teams that failed to load. */
int teams_load(const char *path, struct diag *d, team_set *out);
/* teams_load of bytes in memory (buf changed, len without its NUL) as if read from path,
 * naming files inside dir. For the fuzzer. */
int teams_load_mem(const char *path, char *buf, size_t len, const char *dir, struct diag *d,
		   team_set *out);
void teams_free(team_set *ts);

/* "Team Noord" -> "team-noord"; accents folded (é -> e). Caller frees; "" if nothing is left. */
char *team_slug(const char *name);

#endif
