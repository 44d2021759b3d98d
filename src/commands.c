/* commands.c - the command table and the exit-code text shared by every --help. */
#include "commands.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>

const command commands[] = {
	{"init", "DIR [--lang nl|en]", "start a new deck project: a deck, a teams file, a README",
	 cmd_init, cmd_init_help},
	{"check", "DECK...", "check decks and report every problem with file:line:column",
	 cmd_check, cmd_check_help},
	{"booklet", "DECK -o OUT.pdf", "typeset the companion booklet: guide, notes, sources",
	 cmd_booklet, cmd_booklet_help},
	{"cards", "DECK -o OUT.pdf", "typeset the cards into a print-ready PDF", cmd_cards,
	 cmd_cards_help},
	{"preview", "DECK -o DIR", "PNG images of every card face and a contact sheet", cmd_preview,
	 cmd_preview_help},
	{"calibrate", "-o CAL.pdf", "a duplex test sheet to measure --back-offset", cmd_calibrate,
	 cmd_calibrate_help},
	{"build", "TEAMS_OR_DECK -o DIR", "everything for a deck or for every team, in parallel",
	 cmd_build, cmd_build_help},
	{"watch", "TEAMS_OR_DECK -o DIR",
	 "build again on every save: a live preview in a PDF viewer", cmd_watch, cmd_watch_help},
	{"export", "DECK -o CARDS.csv", "the cards as a spreadsheet, for translators and editors",
	 cmd_export, cmd_export_help},
	{"import", "CARDS.csv -o NEW.yaml",
	 "a deck from a spreadsheet (--base DECK for its settings)", cmd_import, cmd_import_help},
	{NULL, NULL, NULL, NULL, NULL},
};

void print_exit_codes(FILE *out)
{
	fputs("Exit status:\n"
	      "  0  success (warnings may have been printed)\n"
	      "  1  a deck has errors (each is printed as FILE:LINE:COLUMN: error: ...)\n"
	      "  2  usage error: unknown command or option, missing argument\n"
	      "  3  a file could not be read or written, or another system error\n"
	      "  130, 143  interrupted by Ctrl-C (SIGINT) or SIGTERM: temporary files removed,\n"
	      "     earlier output left as it was\n",
	      out);
}

static void say(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "deckpress: %s: ", level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("error", fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

void usage_warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("warning", fmt, ap);
	va_end(ap);
}

void usage_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("note", fmt, ap);
	va_end(ap);
}

int bad_option(const char *cmd, char **argv)
{
	const char *opt = argv[optind - 1];
	if (optopt && optopt < 256 && opt[0] == '-' && opt[1] != '-')
		usage_error("%s: option '-%c' is unknown or needs a value", cmd, optopt);
	else
		usage_error("%s: unknown option or missing value: '%s'", cmd, opt);
	usage_note("run 'deckpress %s --help' for usage", cmd);
	return EXIT_USAGE;
}

bool parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (*arg && !*end && n >= 1 && n <= 64) {
		*jobs = (int)n;
		return true;
	}
	usage_error("-j: '%s' is not a number from 1 to 64", arg);
	return false;
}

int exit_worse(int a, int b)
{
	if (a == EXIT_DECK || b == EXIT_DECK)
		return EXIT_DECK;
	if (a == EXIT_IO || b == EXIT_IO)
		return EXIT_IO;
	return a ? a : b;
}
