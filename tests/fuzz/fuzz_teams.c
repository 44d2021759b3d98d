/* fuzz_teams.c - libFuzzer target: any bytes as a teams file (or a plain deck), loaded with
 * every team's deck, selection, cards, colours and logo (files inside tests/fuzz/root). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "teams.h"

static void one(fuzz_input *in)
{
	team_set ts;
	teams_load_mem(in->path, in->buf, in->len, fuzz_root, &in->d, &ts);
	for (size_t i = 0; i < ts.n; i++) /* what build would use of each team */
		if (ts.v[i].dk)
			free(team_slug(ts.v[i].name ? ts.v[i].name : ""));
	teams_free(&ts);
}

FUZZ_TARGET(one(&in))
