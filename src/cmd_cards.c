/* cmd_cards.c - deckpress cards: the print-ready cards PDF. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards_pdf.h"
#include "commands.h"
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
	      "                           misregistration (measure with 'deckpress calibrate')\n"
	      "  -h, --help               show this help\n\n",
	      out);
	print_exit_codes(out);
}

enum { O_SIZE = 256, O_SHEET, O_BLEED, O_SAFE, O_MARGIN, O_DUPLEX, O_BACKS, O_NO_BACKS, O_MARKS,
       O_OFFSET };

static const struct option opts[] = {
	{"output", required_argument, NULL, 'o'}, {"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},         {"size", required_argument, NULL, O_SIZE},
	{"sheet", required_argument, NULL, O_SHEET}, {"bleed", required_argument, NULL, O_BLEED},
	{"safe", required_argument, NULL, O_SAFE},   {"margin", required_argument, NULL, O_MARGIN},
	{"duplex", required_argument, NULL, O_DUPLEX}, {"backs", no_argument, NULL, O_BACKS},
	{"no-backs", no_argument, NULL, O_NO_BACKS},  {"marks", required_argument, NULL, O_MARKS},
	{"back-offset", required_argument, NULL, O_OFFSET}, {0}};

/* Print options from the command line, applied after the deck's own. */
typedef struct {
	const char *key, *value;
} cli_setting;

int cmd_cards(int argc, char **argv)
{
	const char *out = NULL, *lang = NULL;
	cli_setting set[32];
	size_t nset = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:l:h", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 'l')
			lang = optarg;
		else if (c == 'h') {
			cmd_cards_help(stdout);
			return EXIT_OK;
		} else if (c >= O_SIZE && nset < 32) {
			const char *key = NULL;
			for (const struct option *o = opts; o->name; o++)
				if (o->val == c)
					key = o->name;
			if (c == O_BACKS || c == O_NO_BACKS)
				set[nset++] = (cli_setting){"backs", c == O_BACKS ? "yes" : "no"};
			else
				set[nset++] = (cli_setting){key, optarg};
		} else {
			fputs("deckpress: note: run 'deckpress cards --help' for usage\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !out) {
		fputs("deckpress: error: 'cards' needs one deck and -o OUT.pdf\n"
		      "deckpress: note: for example: deckpress cards decks/identiteit.yaml -o cards.pdf\n",
		      stderr);
		return EXIT_USAGE;
	}
	struct diag d;
	diag_init(&d, stderr);
	session s;
	int rc = session_open(&s, argv[optind], lang, &d);
	cards_job job = {.dk = s.dk, .lang = s.lang, .out = out};
	print_setup_default(&job.ps);
	if (rc == 0) {
		session_print_defaults(&s, &job.ps);
		for (size_t i = 0; i < nset && rc == 0; i++) {
			char *err = print_setup_apply(&job.ps, set[i].key, set[i].value);
			if (err) {
				fprintf(stderr, "deckpress: error: --%s: %s\n", set[i].key, err);
				free(err);
				rc = EXIT_USAGE;
			}
		}
	}
	char *err = rc == 0 ? print_setup_check(&job.ps) : NULL;
	if (err) {
		fprintf(stderr, "deckpress: error: %s\n", err);
		free(err);
		rc = EXIT_USAGE;
	}
	if (rc == 0) {
		job.ctx = fontset_context(s.fonts);
		job.hyph = s.hyph;
		rc = cards_pdf_write(&job, &d);
	}
	session_close(&s);
	return rc;
}
