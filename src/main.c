/* main.c - deckpress entry: global options and dispatch through the command table. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "srcloc.h"

static void usage(FILE *out)
{
	fputs("Usage: deckpress COMMAND [OPTIONS] ARGS...\n"
	      "Turn YAML decks of conversation cards into print-ready PDFs.\n\n"
	      "Commands:\n",
	      out);
	for (const command *c = commands; c->name; c++)
		fprintf(out, "  %-9s %-22s %s\n", c->name, c->args, c->summary);
	fputs("\nOptions:\n"
	      "  -h, --help     show this help; 'deckpress COMMAND --help' for a command\n"
	      "  -V, --version  show the version\n\n",
	      out);
	print_exit_codes(out);
}

int main(int argc, char **argv)
{
	opterr = 0; /* commands report bad options themselves, in deckpress's words */
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help")) {
		if (argc > 2 && strcmp(name, "help") == 0)
			for (const command *c = commands; c->name; c++)
				if (!strcmp(c->name, argv[2])) {
					c->help(stdout);
					return EXIT_OK;
				}
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(name, "--dump=tables"))
		return dump_tables(stdout);
	if (!strcmp(name, "-V") || !strcmp(name, "--version")) {
		printf("deckpress %s\n", DECKPRESS_VERSION);
		return EXIT_OK;
	}
	for (const command *c = commands; c->name; c++)
		if (!strcmp(c->name, name)) {
			int rc = c->run(argc - 1, argv + 1);
			srcloc_release();
			diag_log_exit(rc);
			return rc;
		}
	usage_error("unknown command '%s'", name);
	usage_note("run 'deckpress --help' for the list of commands");
	return EXIT_USAGE;
}
