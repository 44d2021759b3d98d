/* fuzz_deck.c - libFuzzer target: any bytes as a deck file, loaded and checked (includes,
 * selections, sources and quotes resolved inside tests/fuzz/root). */
#include <stddef.h>
#include <stdint.h>

#include "deck_check.h"
#include "deck_load.h"
#include "fuzz_common.h"

static void one(fuzz_input *in)
{
	deck *dk = deck_load_mem(in->path, in->buf, in->len, fuzz_root, &in->d);
	if (dk) {
		deck_check(dk, &in->d);
		diag_exit(&in->d, 0);
		deck_free(dk);
	}
}

FUZZ_TARGET(one(&in))
