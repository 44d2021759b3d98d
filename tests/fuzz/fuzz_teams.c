/* fuzz_teams.c - libFuzzer target: any bytes as a teams file (or a plain deck), loaded with
 * every team's deck, selection, cards, colours and logo (files inside tests/fuzz/root). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "teams.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_text(data, size);
	char *path = xasprintf("%s/fuzzed.yaml", fuzz_root);
	struct diag d;
	diag_init(&d, fuzz_null);
	team_set ts;
	teams_load_mem(path, buf, size, fuzz_root, &d, &ts);
	for (size_t i = 0; i < ts.n; i++) /* what build would use of each team */
		if (ts.v[i].dk)
			free(team_slug(ts.v[i].name ? ts.v[i].name : ""));
	teams_free(&ts);
	free(path);
	free(buf);
	return 0;
}
