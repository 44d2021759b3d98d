/* fuzz_common.h - what the libFuzzer targets share: quiet diagnostics, smaller limits so each
 * input runs in milliseconds, and tests/fuzz/root/ as the folder a fuzzed deck may name
 * files in (small decks to include, a source text, a logo). */
#ifndef DECKPRESS_FUZZ_COMMON_H
#define DECKPRESS_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "diag.h"
#include "util.h"

static FILE *fuzz_null;
static char *fuzz_root; /* realpath of tests/fuzz/root */

/* The folder beside the fuzzer binary's source tree: $DECKPRESS_FUZZ_ROOT, else
 * tests/fuzz/root from the working directory (make fuzz runs from the top). */
static void fuzz_setup(void)
{
	fuzz_null = fopen("/dev/null", "w");
	const char *env = getenv("DECKPRESS_FUZZ_ROOT");
	char *real = realpath(env && *env ? env : "tests/fuzz/root", NULL);
	if (!real) {
		fputs("fuzz: tests/fuzz/root not found: run from the top of the tree\n", stderr);
		exit(1);
	}
	fuzz_root = real;
	/* the limits' defaults allow seconds of work per input; the fuzzer wants milliseconds */
	static const char *const small[] = {
		"cards=64",          "text-chars=2000", "includes=16",         "include-depth=6",
		"yaml-nodes=20000",  "followups=8",     "image-pixels=250000", "teams=8",
		"source-bytes=65536"};
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
		free(bound_set(small[i]));
}

/* One input as a file of tests/fuzz/root: its bytes with a NUL after them (as every loader
 * expects), its path, and quiet diagnostics. */
typedef struct {
	char *buf, *path;
	size_t len;
	struct diag d;
} fuzz_input;

__attribute__((unused)) static void fuzz_begin(fuzz_input *in, const unsigned char *data,
					       size_t size)
{
	in->buf = xmalloc(size + 1);
	memcpy(in->buf, data, size);
	in->buf[size] = '\0';
	in->len = size;
	in->path = xasprintf("%s/fuzzed.yaml", fuzz_root);
	diag_init(&in->d, fuzz_null);
}

__attribute__((unused)) static void fuzz_end(fuzz_input *in)
{
	free(in->path);
	free(in->buf);
}

/* The libFuzzer entry points of a target whose set-up is fuzz_setup alone. */
#define FUZZ_TARGET(body)                                                                          \
	int LLVMFuzzerInitialize(int *argc, char ***argv);                                         \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                              \
	int LLVMFuzzerInitialize(int *argc, char ***argv)                                          \
	{                                                                                          \
		(void)argc, (void)argv;                                                            \
		fuzz_setup();                                                                      \
		return 0;                                                                          \
	}                                                                                          \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                               \
	{                                                                                          \
		fuzz_input in;                                                                     \
		fuzz_begin(&in, data, size);                                                       \
		body;                                                                              \
		fuzz_end(&in);                                                                     \
		return 0;                                                                          \
	}

#endif
