/* cmd_build.c - deckpress build: everything for a deck, or for every team of a teams file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "build.h"
#include "cli_input.h"
#include "cli_print.h"
#include "commands.h"
#include "pool.h"

void cmd_build_help(FILE *out)
{
	fputs("Usage: deckpress build TEAMS_OR_DECK -o DIR [-j N] [--pdfx[=LEVEL]] [--icc FILE]\n"
	      "       [--quiet|--verbose]\n"
	      "Build everything a facilitator hands out: cards.pdf (sheets for home printing),\n"
	      "printshop.pdf (one card per page with bleed), booklet.pdf, booklet-saddle.pdf\n"
	      "(2-up for folding and stapling) and contact.png. For a teams file, each team's\n"
	      "files go to DIR/<team-name>/; for a deck, to DIR/. The print: settings of the\n"
	      "deck and the teams file apply. A team that fails does not stop the others.\n\n"
	      "Options:\n"
	      "  -o, --output DIR   output directory (created if missing; required)\n"
	      "  -j, --jobs N       processes to use (default: the number of cores)\n"
	      "      --pdfx[=LEVEL] printshop.pdf as PDF/X: x4 (default) or x1a; also set by\n"
	      "                     print: pdfx in the deck or teams file (cards.pdf stays\n"
	      "                     RGB); none: RGB whatever the deck or teams file says\n"
	      "      --icc FILE     the shop's CMYK output profile (default: built-in FOGRA39)\n"
	      "  -q, --quiet        print only errors\n"
	      "  -v, --verbose      also list every file written\n"
	      "  -h, --help         show this help\n",
	      out);
	cli_input_help_end(out);
}

int cmd_build(int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"jobs", required_argument, NULL, 'j'},
					     {"quiet", no_argument, NULL, 'q'},
					     {"verbose", no_argument, NULL, 'v'},
					     {"help", no_argument, NULL, 'h'},
					     {"pdfx", optional_argument, NULL, 'P'},
					     {"icc", required_argument, NULL, 'I'},
					     CLI_INPUT_OPTIONS,
					     {0}};
	build_opts o = {.jobs = pool_cores(), .verbosity = 1, .progress = isatty(STDERR_FILENO)};
	const char *icc = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:qvh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.dir = optarg;
			break;
		case 'j':
			if (!parse_jobs(optarg, &o.jobs))
				return EXIT_USAGE;
			break;
		case 'q':
			o.verbosity = 0;
			break;
		case 'v':
			o.verbosity = 2;
			break;
		case 'h':
			cmd_build_help(stdout);
			return EXIT_OK;
		case 'P':
			o.pdfx = optarg ? optarg : "x4";
			break;
		case 'I':
			icc = optarg;
			break;
		default:
			if (cli_input_rest("build", c, optarg, argv))
				return EXIT_USAGE;
			break;
		}
	}
	if (optind != argc - 1 || !o.dir) {
		return usage_error("'build' needs one teams file or deck and -o DIR");
	}
	struct diag d;
	diag_init(&d, stderr);
	if (o.pdfx) {
		print_setup ps;
		print_setup_default(&ps);
		char *err = print_setup_apply(&ps, "pdfx", o.pdfx);
		if (err) {
			usage_error("--pdfx: %s", err);
			free(err);
			return EXIT_USAGE;
		}
	}
	int rc = 0;
	color_profile *prof = icc ? cli_print_profile(icc, &d, &rc) : NULL;
	if (rc)
		return diag_exit(&d, rc);
	o.profile = prof;
	team_set ts;
	int loaded = teams_load(argv[optind], &d, &ts);
	rc = loaded < 0 ? (d.nio ? EXIT_IO : EXIT_DECK) : build_run(&ts, &o);
	teams_free(&ts);
	color_profile_free(prof);
	return diag_exit(&d, rc);
}
