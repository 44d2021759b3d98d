/* cmd_check.c - deckpress check: load and check decks, one summary line each. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cards_pdf.h"
#include "cli_input.h"
#include "commands.h"
#include "deck_load.h"
#include "glyphs.h"
#include "pool.h"
#include "session.h"
#include "teams.h"

void cmd_check_help(FILE *out)
{
	fputs("Usage: deckpress check [OPTIONS] DECK...\n"
	      "Check each deck (or each team of a teams file) and report every problem as\n"
	      "FILE:LINE:COLUMN: error: ...\n"
	      "Every card is typeset in every language of the deck at the deck's print: size,\n"
	      "so a card whose text does not fit, or a character the fonts lack, is found here\n"
	      "and not first by 'deckpress cards'.\n"
	      "Ends with one line per deck: its cards by type, or its number of errors.\n"
	      "Warnings (an unused category, a missing translation) do not fail the run.\n\n"
	      "Options:\n"
	      "      --no-fit  check the deck's structure and meaning only, without typesetting\n"
	      "  -f, --fit     typeset (the default; kept for scripts that pass it)\n"
	      "  -j, --jobs N  processes to typeset with (default: the number of cores)\n"
	      "  -q, --quiet   print only problems, no summary lines\n"
	      "  -h, --help    show this help\n",
	      out);
	cli_input_help_end(out);
}

static void summary(const deck *dk, const char *path, const char *team_name, int warnings)
{
	size_t n[CARD_NTYPES] = {0};
	for (size_t i = 0; i < dk->ncards; i++)
		n[dk->cards[i].type]++;
	char *p = diag_safe(path), *t = team_name ? diag_safe(team_name) : NULL;
	if (t)
		printf("%s: team '%s': ", p, t);
	else
		printf("%s: ", p);
	free(p);
	free(t);
	printf("%zu card%s (%zu quote%s, %zu case%s, %zu question%s), no errors", dk->ncards,
	       dk->ncards == 1 ? "" : "s", n[CARD_QUOTE], n[CARD_QUOTE] == 1 ? "" : "s",
	       n[CARD_CASE], n[CARD_CASE] == 1 ? "" : "s", n[CARD_QUESTION],
	       n[CARD_QUESTION] == 1 ? "" : "s");
	if (warnings)
		printf(", %d warning%s", warnings, warnings == 1 ? "" : "s");
	putchar('\n');
}

/* Typesets a (team's) deck in each of its languages: every character has a glyph (checked
 * once, at the place it is written) and every card fits. Returns the number of errors. A
 * problem with the fonts is the same in every language: it is reported once. Workers are
 * forked only while this process has not started Pango (*started: pool.h).
 * The cards themselves are laid out as cards does: a box among their glyphs that the quick
 * test of the deck's texts did not find (a character whose font comes from the text around
 * it, set in the card's own family) is reported with its card, as cards would; when that
 * test found missing characters, the cards do not say them again. */
static int typeset_deck(const team *tm, int jobs, bool *started, struct diag *d)
{
	int errors = 0;
	bool said = false; /* the quick test reported missing characters */
	for (size_t l = 0; l < tm->dk->nlanguages; l++) {
		const char *lang = tm->lang ? tm->lang : tm->dk->languages[l];
		session s;
		if (session_attach_forked(&s, tm->dk, lang, d) != 0) {
			session_close(&s);
			return errors + 1;
		}
		/* the workers stop at any box; this process reports it unless it was said */
		cards_job job = {.s = &s, .glyphs_checked = false, .jobs = *started ? 1 : jobs};
		print_setup_default(&job.ps);
		session_print_defaults(&s, &job.ps);
		cards_check *cc = cards_check_start(&job, d);
		*started = true;
		if (!cc || session_fonts(&s, d) != 0) {
			cards_check_end(cc, NULL);
			session_close(&s);
			return errors + 1;
		}
		if (l == 0) {
			int n = glyphs_check_deck(fontset_context(s.fonts), tm->dk, tm->lang, d);
			errors += n;
			said = n > 0;
		}
		job.glyphs_checked = said;
		errors += cards_check_end(cc, d);
		session_close(&s);
		if (tm->lang)
			break;
	}
	return errors;
}

int cmd_check(int argc, char **argv)
{
	enum { O_NO_FIT = 256 };
	static const struct option opts[] = {{"quiet", no_argument, NULL, 'q'},
					     {"fit", no_argument, NULL, 'f'},
					     {"no-fit", no_argument, NULL, O_NO_FIT},
					     {"jobs", required_argument, NULL, 'j'},
					     {"help", no_argument, NULL, 'h'},
					     CLI_INPUT_OPTIONS,
					     {0}};
	int quiet = 0, fit = 1, c, jobs = pool_cores();
	optind = 1;
	while ((c = getopt_long(argc, argv, "qfj:h", opts, NULL)) != -1) {
		if (c == 'j' && !parse_jobs(optarg, &jobs))
			return EXIT_USAGE;
		else if (c == 'j')
			;
		else if (c == 'q')
			quiet = 1;
		else if (c == 'f')
			fit = 1; /* the default since typesetting became part of check */
		else if (c == O_NO_FIT)
			fit = 0;
		else if (c == 'h') {
			cmd_check_help(stdout);
			return EXIT_OK;
		} else if (cli_input_rest("check", c, optarg, argv)) {
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage_error("'check' needs at least one deck file");
		usage_note("for example: deckpress check decks/identiteit.yaml");
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	bool started = false; /* Pango, in this process */
	pool_budget_init(jobs);
	for (int i = optind; i < argc; i++) {
		struct diag d;
		diag_init(&d, stderr);
		team_set ts;
		int failed = teams_load(argv[i], &d, &ts);
		for (size_t t = 0; fit && failed == 0 && t < ts.n; t++)
			failed += typeset_deck(&ts.v[t], jobs, &started, &d) > 0;
		diag_flush(&d, argv[i]); /* errors past the cap: how many were not shown */
		/* any error fails the deck, even one that left every team loadable */
		int deck_rc = diag_exit(&d, failed ? (d.nio ? EXIT_IO : EXIT_DECK) : 0);
		for (size_t t = 0; deck_rc == 0 && !quiet && t < ts.n; t++)
			summary(ts.v[t].dk, argv[i], ts.v[t].name, t + 1 == ts.n ? d.nwarnings : 0);
		teams_free(&ts);
		if (deck_rc == 0)
			continue;
		rc = rc == EXIT_DECK || deck_rc == EXIT_DECK ? EXIT_DECK : deck_rc;
		if (!quiet && !d.nio) {
			char *name = diag_safe(argv[i]);
			fprintf(stderr, "%s: %d error%s", name, d.nerrors,
				d.nerrors == 1 ? "" : "s");
			if (d.nwarnings)
				fprintf(stderr, ", %d warning%s", d.nwarnings,
					d.nwarnings == 1 ? "" : "s");
			fputc('\n', stderr);
			free(name);
		}
	}
	fflush(stdout);
	return rc;
}
