/* cmd_export.c - deckpress export: a deck's cards as a spreadsheet (CSV or TSV). */
#include <errno.h>
#include <libgen.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_input.h"
#include "commands.h"
#include "deck_csv.h"
#include "deck_load.h"

void cmd_export_help(FILE *out)
{
	fputs("Usage: deckpress export DECK -o CARDS.csv [OPTIONS]\n"
	      "Write every card of DECK, with every field and language, as a spreadsheet: a row\n"
	      "per card, a column per card key (text.en for a translation), list fields one item\n"
	      "per line of the cell. Open it in Excel or LibreOffice, save it as CSV, and read it\n"
	      "back with 'deckpress import'. UTF-8 with a byte order mark, rows end in CRLF.\n\n"
	      "Options:\n"
	      "  -o, --output FILE      the spreadsheet to write (required); .tsv: tab-separated\n"
	      "      --separator SEP    comma (default), semicolon (what Excel expects in Dutch\n"
	      "                         and German locales) or tab\n"
	      "  -q, --quiet            print nothing on success\n"
	      "  -h, --help             show this help\n",
	      out);
	cli_input_help_end(out);
}

/* ',' ';' or '\t' for a --separator name, or 0. */
static char separator(const char *name)
{
	if (!strcmp(name, "comma") || !strcmp(name, ","))
		return ',';
	if (!strcmp(name, "semicolon") || !strcmp(name, ";"))
		return ';';
	if (!strcmp(name, "tab") || !strcmp(name, "\t"))
		return '\t';
	return 0;
}

static const char *separator_name(char sep)
{
	return sep == ',' ? "commas" : sep == ';' ? "semicolons" : "tabs";
}

static int write_csv(const char *out, const deck *dk, char sep, struct diag *d)
{
	const char *files[64];
	size_t n = deck_files(dk, files, 64);
	char *err = NULL, *real = output_path(out, files, n, &err);
	if (!real) {
		diag(d, M_OUTPUT, out, 0, 0, err);
		free(err);
		return EXIT_IO;
	}
	char *dir = xstrdup(real);
	char *text = deck_csv_export(dk, sep, dirname(dir), d);
	free(dir);
	atomic_file f;
	atomic_begin(&f, real);
	int rc = 0;
	if (atomic_write(&f, text, strlen(text)) != 0 || atomic_commit(&f) != 0) {
		diag(d, M_IO_WRITE, out, 0, 0, strerror(errno));
		atomic_abort(&f);
		rc = EXIT_IO;
	}
	free(text);
	free(real);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	enum { O_SEP = 256 };
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"separator", required_argument, NULL, O_SEP},
					     {"quiet", no_argument, NULL, 'q'},
					     {"help", no_argument, NULL, 'h'},
					     CLI_INPUT_OPTIONS,
					     {0}};
	const char *out = NULL;
	char sep = 0;
	bool quiet = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		if (c == 'o') {
			out = optarg;
		} else if (c == 'q') {
			quiet = true;
		} else if (c == O_SEP && separator(optarg)) {
			sep = separator(optarg);
		} else if (c == 'h') {
			cmd_export_help(stdout);
			return EXIT_OK;
		} else if (c >= CLI_INPUT_FIRST) {
			if (cli_input_option(c, optarg))
				return EXIT_USAGE;
		} else {
			if (c == O_SEP)
				usage_error("--separator: '%s' is not comma, semicolon or tab", optarg);
			return bad_option("export", argv);
		}
	}
	if (optind != argc - 1 || !out) {
		usage_error("'export' needs one deck and -o CARDS.csv");
		usage_note("for example: deckpress export decks/identiteit.yaml -o cards.csv");
		return EXIT_USAGE;
	}
	if (!sep) {
		size_t n = strlen(out);
		sep = n >= 4 && !strcmp(out + n - 4, ".tsv") ? '\t' : ',';
	}
	struct diag d;
	diag_init(&d, stderr);
	deck *dk = deck_open(argv[optind], &d);
	int rc = dk ? write_csv(out, dk, sep, &d) : EXIT_DECK;
	if (rc == 0 && !quiet)
		printf("%s: %zu card%s in %zu language%s, cells separated by %s\n", out, dk->ncards,
		       dk->ncards == 1 ? "" : "s", dk->nlanguages, dk->nlanguages == 1 ? "" : "s",
		       separator_name(sep));
	deck_free(dk);
	return diag_exit(&d, rc);
}
