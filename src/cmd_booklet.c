/* cmd_booklet.c - deckpress booklet: the companion booklet handed out with the cards. */
#include <ctype.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booklet.h"
#include "cli_input.h"
#include "cli_print.h"
#include "commands.h"
#include "numfmt.h"
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
	      "      --bleed MM        for a print shop: each page grows by MM (0 to 10) on every\n"
	      "                        side, the TrimBox is the page, the cover's colour plate\n"
	      "                        runs into the bleed (single pages)\n"
	      "      --pdfx[=LEVEL]    print-shop PDF/X: x4 (default) or x1a (untagged); none:\n"
	      "                        RGB even if the deck says print: pdfx\n"
	      "      --icc FILE        the shop's CMYK output profile for --pdfx (default: the\n"
	      "                        built-in FOGRA39)\n"
	      "  -q, --quiet           print nothing on success (by default one line says what\n"
	      "                        was written: file, pages, sheets, sizes)\n"
	      "  -h, --help            show this help\n",
	      out);
	cli_input_help_end(out);
}

enum { O_FORMAT = 256, O_IMPOSE, O_DUPLEX, O_NO_TAGS, O_BLEED, O_PDFX, O_ICC };

static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
				     {"lang", required_argument, NULL, 'l'},
				     {"help", no_argument, NULL, 'h'},
				     {"format", required_argument, NULL, O_FORMAT},
				     {"impose", required_argument, NULL, O_IMPOSE},
				     {"duplex", required_argument, NULL, O_DUPLEX},
				     {"quiet", no_argument, NULL, 'q'},
				     {"no-tags", no_argument, NULL, O_NO_TAGS},
				     {"bleed", required_argument, NULL, O_BLEED},
				     {"pdfx", optional_argument, NULL, O_PDFX},
				     {"icc", required_argument, NULL, O_ICC},
				     CLI_INPUT_OPTIONS,
				     {0}};

static int bad_value(const char *opt, const char *value, const char *valid)
{
	return usage_error("--%s: unknown value '%s'; expected %s", opt, value, valid);
}

/* --bleed and --pdfx through the cards' own parser: the same values, the same messages. */
static int print_option(booklet_job *job, const char *key, const char *value)
{
	print_setup ps;
	print_setup_default(&ps);
	char *err = print_setup_apply(&ps, key, value);
	if (err) {
		usage_error("--%s: %s", key, err);
		free(err);
		return EXIT_USAGE;
	}
	if (!strcmp(key, "bleed"))
		job->bleed = ps.bleed;
	else
		job->pdfx = ps.pdfx;
	return 0;
}

/* Fills job from the options; returns 0 or EXIT_USAGE (the message is printed). */
static int parse(int argc, char **argv, booklet_job *job, const char **lang, const char **icc,
		 bool *quiet)
{
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:l:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			*quiet = true;
			break;
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
				return bad_value("format", optarg, booklet_format_list());
			break;
		case O_IMPOSE:
			if (strcmp(optarg, "saddle"))
				return bad_value("impose", optarg, "saddle");
			job->impose = true;
			break;
		case O_DUPLEX:
			if (strcmp(optarg, "long") && strcmp(optarg, "short"))
				return bad_value("duplex", optarg, "long, short");
			job->duplex = strcmp(optarg, "long") ? SADDLE_SHORT : SADDLE_LONG;
			break;
		case O_NO_TAGS:
			job->tags = false;
			break;
		case O_BLEED:
		case O_PDFX:
			if (print_option(job, c == O_BLEED ? "bleed" : "pdfx",
					 c == O_PDFX && !optarg ? "x4" : optarg))
				return EXIT_USAGE;
			break;
		case O_ICC:
			*icc = optarg;
			break;
		default:
			if (cli_input_rest("booklet", c, optarg, argv))
				return EXIT_USAGE;
			break;
		}
	}
	if (job->impose && job->bleed > 0) {
		return usage_error("--bleed is for single pages, which a print shop imposes "
				   "itself; leave out --impose saddle");
	}
	if (optind != argc - 1 || !job->out) {
		usage_error("'booklet' needs one deck and -o OUT.pdf");
		usage_note("for example: deckpress booklet decks/identiteit.yaml -o booklet.pdf");
		return EXIT_USAGE;
	}
	return 0;
}

/* "booklet.pdf: 48 pages of 148 x 210 mm (a5), 36 cards"; imposed, the sheets too. */
static void written(const char *out, const booklet_job *job, const booklet_written *w)
{
	char pw[NUM_BUF], ph[NUM_BUF], sw[NUM_BUF], sh[NUM_BUF];
	const char *format = booklet_format_name(job->format);
	printf("%s: %d pages of %s x %s mm (%c%s)", out, w->pages,
	       num_format(pw, pt_to_mm(w->page_w), 1), num_format(ph, pt_to_mm(w->page_h), 1),
	       toupper(format[0]), format + 1);
	if (w->sheets)
		printf(" on %d sheet%s of %s x %s mm, both sides, to fold and staple", w->sheets,
		       w->sheets == 1 ? "" : "s", num_format(sw, pt_to_mm(w->sheet_w), 1),
		       num_format(sh, pt_to_mm(w->sheet_h), 1));
	printf(", %zu card%s", job->dk->ncards, job->dk->ncards == 1 ? "" : "s");
	if (job->dk->nlanguages > 1)
		printf(" (%s)", job->lang);
	putchar('\n');
}

int cmd_booklet(int argc, char **argv)
{
	booklet_written w = {0};
	booklet_job job = {.format = BOOKLET_A5, .duplex = SADDLE_LONG, .tags = true, .written = &w};
	const char *lang = NULL, *icc = NULL;
	bool quiet = false;
	int rc = parse(argc, argv, &job, &lang, &icc, &quiet);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	struct diag d;
	diag_init(&d, stderr);
	color_profile *prof = NULL;
	if (job.pdfx != PDFX_NONE) {
		prof = cli_print_profile(icc, &d, &rc);
		if (!prof)
			return diag_exit(&d, rc);
	} else if (icc) {
		usage_warning("--icc is for PDF/X output (--pdfx); ignored");
	}
	job.profile = prof;
	session s;
	rc = session_open(&s, argv[optind], lang, &d);
	const char *given = job.out;
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
		if (rc == 0 && !quiet)
			written(given, &job, &w);
	}
	free(real);
	session_close(&s);
	color_profile_free(prof);
	return diag_exit(&d, rc);
}
