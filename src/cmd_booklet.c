/* cmd_booklet.c - deckpress booklet: the companion booklet handed out with the cards. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booklet.h"
#include "cli_input.h"
#include "commands.h"
#include "session.h"

void cmd_booklet_help(FILE *out)
{
	fputs("Usage: deckpress booklet DECK -o OUT.pdf [OPTIONS]\n"
	      "Typeset the booklet that goes with the cards: cover, contents, introduction,\n"
	      "guide, every card with its facilitator note and source, sources, closing and\n"
	      "notes pages. See docs/booklet.md.\n\n"
	      "Options:\n"
	      "  -o, --output FILE     the PDF to write (required)\n"
	      "  -l, --lang CODE       language of the booklet (default: the deck's own)\n"
	      "      --format NAME     a5 (default, 148x210 mm), a6 (105x148 mm) or letter-half\n"
	      "                        (5.5x8.5 in)\n"
	      "      --impose saddle   print two pages on each side of a sheet (A4, A5 or Letter,\n"
	      "                        landscape) in saddle-stitch order, to fold and staple\n"
	      "      --duplex MODE     with --impose: long (default) if the printer flips sheets\n"
	      "                        on the long edge, short if on the short edge\n"
	      "      --no-tags         leave out the structure that makes the PDF accessible\n"
	      "                        (tagged PDF/UA-1 is the default for single pages)\n"
	      "  -h, --help            show this help\n",
	      out);
	cli_input_help(out);
	fputc('\n', out);
	print_exit_codes(out);
}

enum { O_FORMAT = 256, O_IMPOSE, O_DUPLEX, O_NO_TAGS };

static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
				     {"lang", required_argument, NULL, 'l'},
				     {"help", no_argument, NULL, 'h'},
				     {"format", required_argument, NULL, O_FORMAT},
				     {"impose", required_argument, NULL, O_IMPOSE},
				     {"duplex", required_argument, NULL, O_DUPLEX},
				     {"no-tags", no_argument, NULL, O_NO_TAGS},
				     CLI_INPUT_OPTIONS,
				     {0}};

static int usage_error(const char *opt, const char *value, const char *valid)
{
	fprintf(stderr, "deckpress: error: --%s: unknown value '%s'; expected %s\n", opt, value,
		valid);
	return EXIT_USAGE;
}

/* Fills job from the options; returns 0 or EXIT_USAGE (the message is printed). */
static int parse(int argc, char **argv, booklet_job *job, const char **lang)
{
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			job->out = optarg;
			break;
		case 'l':
			*lang = optarg;
			break;
		case 'h':
			cmd_booklet_help(stdout);
			return -1;
		case O_FORMAT:
			if (booklet_format_parse(optarg, &job->format))
				return usage_error("format", optarg, booklet_format_list());
			break;
		case O_IMPOSE:
			if (strcmp(optarg, "saddle"))
				return usage_error("impose", optarg, "saddle");
			job->impose = true;
			break;
		case O_DUPLEX:
			if (strcmp(optarg, "long") && strcmp(optarg, "short"))
				return usage_error("duplex", optarg, "long, short");
			job->duplex = strcmp(optarg, "long") ? SADDLE_SHORT : SADDLE_LONG;
			break;
		case O_NO_TAGS:
			job->tags = false;
			break;
		default:
			if (c >= CLI_INPUT_FIRST) {
				if (cli_input_option(c, optarg))
					return EXIT_USAGE;
				break;
			}
			return bad_option("booklet", argv);
		}
	}
	if (optind != argc - 1 || !job->out) {
		fputs("deckpress: error: 'booklet' needs one deck and -o OUT.pdf\n"
		      "deckpress: note: for example: deckpress booklet decks/identiteit.yaml -o "
		      "booklet.pdf\n",
		      stderr);
		return EXIT_USAGE;
	}
	return 0;
}

int cmd_booklet(int argc, char **argv)
{
	booklet_job job = {.format = BOOKLET_A5, .duplex = SADDLE_LONG, .tags = true};
	const char *lang = NULL;
	int rc = parse(argc, argv, &job, &lang);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	struct diag d;
	diag_init(&d, stderr);
	session s;
	rc = session_open(&s, argv[optind], lang, &d);
	char *real = rc == 0 ? session_output(&s, job.out, &d) : NULL;
	if (rc == 0 && !real)
		rc = EXIT_IO;
	if (rc == 0) {
		job.dk = s.dk;
		job.lang = s.lang;
		job.ctx = fontset_context(s.fonts);
		job.hyph = s.hyph;
		job.out = real;
		rc = booklet_pdf_write(&job, &d);
	}
	free(real);
	session_close(&s);
	return diag_exit(&d, rc);
}
