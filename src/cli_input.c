/* cli_input.c - --limit and --allow-read, shared by the commands that read decks. */
#include "cli_input.h"

#include <stdlib.h>

#include "bounds.h"
#include "commands.h"
#include "diag.h"
#include "input.h"

int cli_input_option(int c, const char *arg)
{
	char *err = c == CLI_INPUT_FIRST ? bound_set(arg) : input_allow(arg);
	if (!err)
		return 0;
	struct diag d;
	diag_init(&d, stderr);
	diag(&d, M_USAGE, NULL, 0, 0, err);
	free(err);
	return EXIT_USAGE;
}

void cli_input_help(FILE *out)
{
	fputs("      --allow-read DIR     decks may also name files in DIR (by default only\n"
	      "                           files in the deck's own folder and below)\n"
	      "      --limit NAME=N       raise a limit on what a deck may make deckpress do,\n"
	      "                           e.g. --limit cards=20000 (see docs/robustness.md)\n",
	      out);
}

int cli_input_rest(const char *cmd, int c, const char *arg, char **argv)
{
	return c >= CLI_INPUT_FIRST ? cli_input_option(c, arg) : bad_option(cmd, argv);
}

void cli_input_help_end(FILE *out)
{
	cli_input_help(out);
	fputc('\n', out);
	print_exit_codes(out);
}
