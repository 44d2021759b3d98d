/* cli_input.h - the options every command that reads decks takes: --limit NAME=N raises a
 * limit on what a deck may make deckpress do (bounds.h), --allow-read DIR lets decks name
 * files in DIR as well as in their own folder (input.h). The command line is trusted. */
#ifndef DECKPRESS_CLI_INPUT_H
#define DECKPRESS_CLI_INPUT_H

#include <getopt.h>
#include <stdio.h>

#define CLI_INPUT_FIRST 512 /* getopt values of these options start here */
#define CLI_INPUT_OPTIONS                                                                          \
	{"limit", required_argument, NULL, CLI_INPUT_FIRST},                                       \
	{                                                                                          \
		"allow-read", required_argument, NULL, CLI_INPUT_FIRST + 1                         \
	}

/* Applies getopt value c (CLI_INPUT_FIRST or the next) with its argument: 0, or EXIT_USAGE
 * after printing why. */
int cli_input_option(int c, const char *arg);
/* An option a command's own parsing did not take: these options (as cli_input_option), any
 * other value of c a usage error for command cmd. 0 or EXIT_USAGE, after printing why. */
int cli_input_rest(const char *cmd, int c, const char *arg, char **argv);
/* The two lines of --help that describe these options. */
void cli_input_help(FILE *out);
/* The end of a command's --help: these options, a blank line, the exit codes. */
void cli_input_help_end(FILE *out);

#endif
