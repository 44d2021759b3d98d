/* cli_print.h - the print options shared by 'cards' and 'preview' (--size, --bleed...),
 * collected from getopt_long and applied after the deck's own print: settings. */
#ifndef DECKPRESS_CLI_PRINT_H
#define DECKPRESS_CLI_PRINT_H

#include <getopt.h>
#include <stddef.h>

#include "color.h"
#include "diag.h"
#include "print_setup.h"

#define CLI_PRINT_FIRST 256 /* getopt values of the print options start here */
#define CLI_PRINT_OPTIONS                                                                          \
	{"size", required_argument, NULL, 256}, {"sheet", required_argument, NULL, 257},           \
		{"bleed", required_argument, NULL, 258}, {"safe", required_argument, NULL, 259},   \
		{"margin", required_argument, NULL, 260},                                          \
		{"duplex", required_argument, NULL, 261}, {"backs", no_argument, NULL, 262},       \
		{"no-backs", no_argument, NULL, 263}, {"marks", required_argument, NULL, 264},     \
		{"back-offset", required_argument, NULL, 265},                                     \
	{                                                                                          \
		"pdfx", optional_argument, NULL, 266                                               \
	}

typedef struct {
	struct {
		const char *key, *value;
	} v[32];
	size_t n;
} cli_print;

/* Records getopt value c (>= CLI_PRINT_FIRST) with its argument (--pdfx alone: x4). */
void cli_print_add(cli_print *cp, int c, const char *arg);
/* Applies the recorded options to p; on a bad value prints "deckpress: error: --KEY: ..."
 * and returns 2 (usage), else 0. */
int cli_print_apply(const cli_print *cp, print_setup *p);

/* The output profile for PDF/X: icc (a file from --icc) or, when icc is NULL, the built-in
 * FOGRA39. On failure reports "--icc: ..." to d and returns NULL with *rc 2 (not a CMYK
 * output profile) or 3 (unreadable). Caller frees with color_profile_free. */
color_profile *cli_print_profile(const char *icc, struct diag *d, int *rc);

#endif
