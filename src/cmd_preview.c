/* cmd_preview.c - deckpress preview: PNG images of every card face and a contact sheet. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli_print.h"
#include "cli_input.h"
#include "commands.h"
#include "pool.h"
#include "preview.h"
#include "session.h"

void cmd_preview_help(FILE *out)
{
	fputs("Usage: deckpress preview DECK -o DIR [OPTIONS]\n"
	      "Write DIR/<id>-front.png and DIR/<id>-back.png for every card (with bleed) and\n"
	      "DIR/contact.png with all fronts: for sharing online and for print services that\n"
	      "take images at an exact pixel size.\n\n"
	      "Options:\n"
	      "  -o, --output DIR    directory for the images (created if missing; required)\n"
	      "  -l, --lang CODE     language of the cards (default: the deck's own)\n"
	      "      --dpi N         resolution, 30 to 1200 (default 300)\n"
	      "      --px WxH        exact pixel size of each image instead, e.g. 822x1122\n"
	      "                      (a poker card with 3 mm bleed at MakePlayingCards)\n"
	      "      --size, --bleed, --safe   as for 'deckpress cards'\n"
	      "  -j, --jobs N        processes to draw with (default: the number of cores)\n"
	      "  -q, --quiet         print nothing on success (by default one line says what\n"
	      "                      was written: folder, images, cards, pixel size)\n"
	      "  -h, --help          show this help\n",
	      out);
	cli_input_help_end(out);
}

enum { O_DPI = 1, O_PX = 2 }; /* below the print options, see cli_print.h */

static int parse_px(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (*end != 'x' && *end != 'X')
		return -1;
	long b = strtol(end + 1, &end, 10);
	if (*end || a < 16 || b < 16 || a > 20000 || b > 20000)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

/* "png/: 73 images of 36 cards (front, back, contact.png), 822 x 1122 px" */
static void written(const preview_job *job)
{
	size_t n = job->s->dk->ncards;
	int w, h;
	preview_face_px(job, &w, &h);
	printf("%s: %zu images of %zu card%s (%s", job->dir, 2 * n + 1, n, n == 1 ? "" : "s",
	       "<id>-front.png, <id>-back.png, contact.png)");
	if (job->s->dk->nlanguages > 1)
		printf(" in %s", job->s->lang);
	printf(", %d x %d px each\n", w, h);
}

int cmd_preview(int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"lang", required_argument, NULL, 'l'},
					     {"help", no_argument, NULL, 'h'},
					     {"dpi", required_argument, NULL, O_DPI},
					     {"px", required_argument, NULL, O_PX},
					     {"jobs", required_argument, NULL, 'j'},
					     {"quiet", no_argument, NULL, 'q'},
					     CLI_PRINT_OPTIONS,
					     CLI_INPUT_OPTIONS,
					     {0}};
	preview_job job = {.dpi = 300, .jobs = pool_cores()};
	const char *lang = NULL;
	cli_print set = {0};
	bool quiet = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:l:j:qh", opts, NULL)) != -1) {
		double v;
		if (c == 'j' && !parse_jobs(optarg, &job.jobs))
			return EXIT_USAGE;
		else if (c == 'j')
			;
		else if (c == 'o')
			job.dir = optarg;
		else if (c == 'q')
			quiet = true;
		else if (c == 'l')
			lang = optarg;
		else if (c == 'h') {
			cmd_preview_help(stdout);
			return EXIT_OK;
		} else if (c == O_DPI && parse_double(optarg, &v) && v >= 30 && v <= 1200)
			job.dpi = v;
		else if (c == O_PX && parse_px(optarg, &job.px_w, &job.px_h) == 0)
			;
		else if (c >= CLI_INPUT_FIRST) {
			if (cli_input_option(c, optarg))
				return EXIT_USAGE;
		} else if (c >= CLI_PRINT_FIRST)
			cli_print_add(&set, c, optarg);
		else if (c == O_DPI || c == O_PX) {
			usage_error("--%s: '%s' is not %s", c == O_DPI ? "dpi" : "px", optarg,
				    c == O_DPI ? "a resolution from 30 to 1200"
					       : "WxH in pixels, e.g. 822x1122");
			return EXIT_USAGE;
		} else {
			return bad_option("preview", argv);
		}
	}
	if (optind != argc - 1 || !job.dir) {
		return usage_error("'preview' needs one deck and -o DIR");
	}
	struct diag d;
	diag_init(&d, stderr);
	session s; /* its fonts are loaded after the workers have started (pool.h) */
	int rc = session_open_deck(&s, argv[optind], lang, &d);
	print_setup_default(&job.ps);
	if (rc == 0) {
		session_print_defaults(&s, &job.ps);
		rc = cli_print_apply(&set, &job.ps);
	}
	if (rc == 0) {
		job.s = &s;
		pool_budget_init(job.jobs);
		rc = preview_write(&job, &d);
		if (rc == 0 && !quiet)
			written(&job);
	}
	session_close(&s);
	return diag_exit(&d, rc);
}
