/* cmd_cards.c - deckpress cards: the print-ready cards PDF. */
#include <ctype.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards_pdf.h"
#include "cli_print.h"
#include "cli_input.h"
#include "commands.h"
#include "impose.h"
#include "numfmt.h"
#include "pool.h"
#include "session.h"

void cmd_cards_help(FILE *out)
{
	fputs("Usage: deckpress cards DECK -o OUT.pdf [OPTIONS]\n"
	      "Typeset every card of DECK and write a print-ready PDF. Options override the\n"
	      "deck's print: settings. Lengths in millimetres.\n\n"
	      "Options:\n"
	      "  -o, --output FILE        the PDF to write (required)\n"
	      "  -l, --lang CODE          language of the cards (default: the deck's own)\n"
	      "      --size NAME|WxH      poker (default), bridge, euro, tarot, mini, square, a6,\n"
	      "                           a7, or WxH in mm, e.g. 63.5x88.9\n"
	      "      --sheet NAME         a4 (default), letter, a3, or none: one card per page\n"
	      "                           with bleed, TrimBox and BleedBox, for print shops\n"
	      "      --bleed MM           background beyond the cut (default 3)\n"
	      "      --safe MM            no text closer to the cut (default 4)\n"
	      "      --margin MM          unprintable sheet edge kept free (default 5)\n"
	      "      --duplex MODE        long (default), short or none: how backs are flipped\n"
	      "      --backs, --no-backs  print a back page after each front page (default on)\n"
	      "      --marks MODE         crop (default), lines (edge to edge) or none\n"
	      "      --back-offset X,Y    shift backs by X,Y mm to correct the printer's duplex\n"
	      "                           misregistration (measure with 'deckpress calibrate');\n"
	      "                           ignored, with a warning, for --sheet none\n"
	      "      --pdfx[=LEVEL]       print-shop PDF/X: x4 (PDF/X-4, the default) or x1a\n"
	      "                           (PDF/X-1a:2001); CMYK with an output intent; none:\n"
	      "                           RGB even if the deck says print: pdfx\n"
	      "      --icc FILE           the shop's CMYK output profile for --pdfx (default:\n"
	      "                           the built-in FOGRA39, ISO coated offset)\n"
	      "      --dump=layout        print the layout as text (plan, sizes, lines) instead\n"
	      "                           of writing a PDF; -o is then not needed\n"
	      "  -j, --jobs N             processes to draw with (default: the number of\n"
	      "                           cores); the PDF is the same for every N\n"
	      "  -q, --quiet              print nothing on success (by default one line says\n"
	      "                           what was written: file, cards, pages, sizes)\n"
	      "  -h, --help               show this help\n",
	      out);
	cli_input_help_end(out);
}

static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
				     {"lang", required_argument, NULL, 'l'},
				     {"help", no_argument, NULL, 'h'},
				     {"dump", required_argument, NULL, 'd'},
				     {"jobs", required_argument, NULL, 'j'},
				     {"quiet", no_argument, NULL, 'q'},
				     {"icc", required_argument, NULL, 'I'},
				     CLI_PRINT_OPTIONS,
				     CLI_INPUT_OPTIONS,
				     {0}};

/* "cards.pdf: 36 cards (en), 10 pages: 5 A4 sheets, fronts and backs; poker 63.5 x 88.9 mm" */
static void written(const char *out, const cards_job *job)
{
	const print_setup *ps = &job->ps;
	impose_plan plan;
	char *err = NULL;
	if (impose_plan_make(ps, &plan, &err)) { /* cannot happen: the PDF was made with it */
		free(err);
		return;
	}
	size_t n = job->s->dk->ncards;
	int pages = impose_page_count(&plan, n);
	char w[NUM_BUF], h[NUM_BUF], bleed[NUM_BUF];
	printf("%s: %zu card%s", out, n, n == 1 ? "" : "s");
	if (job->s->dk->nlanguages > 1)
		printf(" (%s)", job->s->lang);
	printf(", %d page%s: ", pages, pages == 1 ? "" : "s");
	if (ps->sheet_none)
		printf("one card per page with %s mm bleed",
		       num_format(bleed, pt_to_mm(ps->bleed), 2));
	else
		printf("%d %c%s sheet%s", pages / (plan.backs ? 2 : 1), toupper(ps->sheet_name[0]),
		       ps->sheet_name + 1, pages / (plan.backs ? 2 : 1) == 1 ? "" : "s");
	printf(", %s; %s %s x %s mm\n", plan.backs ? "fronts and backs" : "fronts only",
	       ps->size_name, num_format(w, pt_to_mm(ps->card_w), 2),
	       num_format(h, pt_to_mm(ps->card_h), 2));
	impose_plan_free(&plan);
}

int cmd_cards(int argc, char **argv)
{
	const char *out = NULL, *lang = NULL, *icc = NULL;
	bool dump = false, quiet = false;
	int jobs = pool_cores();
	cli_print set = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:l:j:qh", opts, NULL)) != -1) {
		if (c == 'j' && !parse_jobs(optarg, &jobs))
			return EXIT_USAGE;
		else if (c == 'j')
			;
		else if (c == 'o')
			out = optarg;
		else if (c == 'q')
			quiet = true;
		else if (c == 'l')
			lang = optarg;
		else if (c == 'I')
			icc = optarg;
		else if (c == 'd' && !strcmp(optarg, "layout"))
			dump = true;
		else if (c == 'h') {
			cmd_cards_help(stdout);
			return EXIT_OK;
		} else if (c >= CLI_INPUT_FIRST) {
			if (cli_input_option(c, optarg))
				return EXIT_USAGE;
		} else if (c >= CLI_PRINT_FIRST) {
			cli_print_add(&set, c, optarg);
		} else {
			return bad_option("cards", argv);
		}
	}
	if (optind != argc - 1 || (!out && !dump)) {
		usage_error("'cards' needs one deck and -o OUT.pdf");
		usage_note("for example: deckpress cards decks/identiteit.yaml -o cards.pdf");
		return EXIT_USAGE;
	}
	struct diag d;
	diag_init(&d, stderr);
	session s; /* its fonts are loaded after the workers have started (pool.h) */
	int rc = session_open_deck(&s, argv[optind], lang, &d);
	cards_job job = {.s = &s, .out = out, .jobs = jobs};
	print_setup_default(&job.ps);
	if (rc == 0) {
		session_print_defaults(&s, &job.ps);
		rc = cli_print_apply(&set, &job.ps);
	}
	char *err = rc == 0 ? print_setup_check(&job.ps) : NULL;
	if (err) {
		rc = usage_error("%s", err);
		free(err);
	}
	char *real = rc == 0 && !dump ? session_output(&s, out, &d) : NULL;
	if (rc == 0 && !dump && !real)
		rc = EXIT_IO;
	color_profile *prof = NULL;
	if (rc == 0 && !dump && job.ps.pdfx != PDFX_NONE)
		prof = cli_print_profile(icc, &d, &rc);
	else if (rc == 0 && icc)
		usage_warning("--icc is for PDF/X output (--pdfx); ignored");
	if (rc == 0) {
		job.out = real;
		job.profile = prof;
		pool_budget_init(jobs);
		rc = dump ? cards_dump_layout(&job, stdout, &d) : cards_pdf_write(&job, &d);
		if (rc == 0 && !dump && !quiet)
			written(out, &job);
	}
	color_profile_free(prof);
	free(real);
	session_close(&s);
	return diag_exit(&d, rc);
}
