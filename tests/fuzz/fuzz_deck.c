/* fuzz_deck.c - libFuzzer target: any bytes as a deck file, loaded and checked (includes,
 * selections, sources and quotes resolved inside tests/fuzz/root). */
#include <stddef.h>
#include <stdint.h>

#include "deck_check.h"
#include "deck_load.h"
#include "fuzz_common.h"

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
	deck *dk = deck_load_mem(path, buf, size, fuzz_root, &d);
	if (dk) {
		deck_check(dk, &d);
		diag_exit(&d, 0);
		deck_free(dk);
	}
	free(path);
	free(buf);
	return 0;
}
