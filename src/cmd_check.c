/* cmd_check.c - deckpress check: load and check decks, one summary line each. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards_pdf.h"
#include "cli_input.h"
#include "commands.h"
#include "deck_load.h"
#include "glyphs.h"
#include "pool.h"
#include "session.h"
#include "teams.h"
#include "util.h"

void cmd_check_help(FILE *out)
{
	fputs("Usage: deckpress check [OPTIONS] DECK...\n"
	      "Check each deck (or each team of a teams file) and report every problem as\n"
	      "FILE:LINE:COLUMN: error: ...\n"
	      "Every card is typeset in every language of the deck at the deck's print: size,\n"
	      "so a card whose text does not fit, or a character the fonts lack, is found here\n"
	      "and not first by 'deckpress cards'.\n"
	      "Ends with one line per deck: its cards by type, or its number of errors; a\n"
	      "teams file with one line per team and one for the file, with its warnings.\n"
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

/* A teams file's own line after its teams': a warning is said once for every team it
 * concerns (a base deck's, say), so it is counted for the file. */
static void teams_summary(const char *path, size_t teams, int warnings)
{
	char *p = diag_safe(path);
	printf("%s: %zu team%s, no errors", p, teams, teams == 1 ? "" : "s");
	free(p);
	if (warnings)
		printf(", %d warning%s", warnings, warnings == 1 ? "" : "s");
	putchar('\n');
}

/* --- typesetting: one language of a (team's) deck at a time ---
 *
 * Every character has a glyph (the quick test of the deck's texts, once per team, with its
 * first language: it says each character at the place it is written) and every card fits.
 * The cards are laid out as cards does: a box among their glyphs that the quick test did
 * not find (a character whose font comes from the text around it, set in the card's own
 * family) is reported with its card, as cards would; when the quick test found missing
 * characters, the cards do not say them again. */

typedef struct {
	int errors;
	bool said; /* the quick test reported missing characters */
	bool stop; /* the session or the fonts failed: the same in every language, said once */
} lang_result;

/* Whether the quick test finds characters no font has, without saying which (the team's
 * first language says them). */
static bool quick_test_finds(PangoContext *ctx, const team *tm)
{
	struct diag quiet;
	diag_init(&quiet, stderr);
	quiet.silent = true;
	quiet.max_errors = 0;
	return glyphs_check_deck(ctx, tm->dk, tm->lang, &quiet) > 0;
}

/* Language l of team tm (its own language if it has one). said: what the quick test of
 * the first language found (-1: not known here, found out quietly). Workers are forked
 * only while this process has not started Pango (*started: pool.h). */
static lang_result check_language(const team *tm, size_t l, int said, int jobs, bool *started,
				  struct diag *d)
{
	lang_result r = {.errors = 1, .stop = true};
	const char *lang = tm->lang ? tm->lang : tm->dk->languages[l];
	session s;
	if (session_attach_forked(&s, tm->dk, lang, d) != 0) {
		session_close(&s);
		return r;
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
		return r;
	}
	r = (lang_result){0};
	if (l == 0) {
		r.errors = glyphs_check_deck(fontset_context(s.fonts), tm->dk, tm->lang, d);
		r.said = r.errors > 0;
	} else {
		r.said = said < 0 ? quick_test_finds(fontset_context(s.fonts), tm) : said;
	}
	job.glyphs_checked = r.said;
	r.errors += cards_check_end(cc, d);
	session_close(&s);
	return r;
}

/* --- every language of every team, one task each ---
 *
 * A run with several tasks gives each to a worker process of its own (which forks its own
 * workers for the cards when the budget has room), and reports their messages in task
 * order, through this process's diag (diag_replay): the same messages, counts and cap as
 * when this process does every task itself. A worker that dies, or whose messages are
 * damaged, has its task done again here. */

typedef struct {
	size_t team;
	size_t l;
} task;

typedef struct {
	const team_set *ts;
	const task *v;
	int jobs;
} task_arg;

typedef struct {
	int errors;
	bool said, stop;
} team_state;

/* A task worker's exit status: TASK_DONE plus its result's bits; anything else means it
 * did not finish. */
enum { TASK_DONE = 64, TASK_ERRORS = 1, TASK_STOP = 2, TASK_SAID = 4 };

static int task_run(void *arg, size_t i, FILE *log)
{
	const task_arg *a = arg;
	const task *t = &a->v[i];
	if (log == stderr)
		return EXIT_IO; /* no file for its messages: the task is done by the parent */
	struct diag d;
	diag_init(&d, log);
	d.record = log;
	bool started = false;
	lang_result r = check_language(&a->ts->v[t->team], t->l, -1, a->jobs, &started, &d);
	if (fflush(log) != 0 || ferror(log))
		return EXIT_IO;
	return TASK_DONE | (r.errors ? TASK_ERRORS : 0) | (r.stop ? TASK_STOP : 0) |
	       (r.said ? TASK_SAID : 0);
}

static size_t make_tasks(const team_set *ts, task **out)
{
	size_t n = 0;
	for (size_t t = 0; t < ts->n; t++)
		n += ts->v[t].lang ? 1 : ts->v[t].dk->nlanguages;
	task *v = xcalloc(n + 1, sizeof *v);
	for (size_t t = 0, k = 0; t < ts->n; t++)
		for (size_t l = 0; l < (ts->v[t].lang ? 1 : ts->v[t].dk->nlanguages); l++)
			v[k++] = (task){t, l};
	*out = v;
	return n;
}

/* Task k's result: from its worker's messages and status when it finished, else done here
 * (with jobs processes). */
static void task_take(const task_arg *a, size_t k, const pool_child *c, team_state *st, int jobs,
		      bool *started, struct diag *d)
{
	const task *t = &a->v[k];
	team_state *s = &st[t->team];
	if (s->stop)
		return; /* an earlier language said it already */
	int rc = c ? c->rc : -1;
	if (c && !c->signal && rc >= TASK_DONE && rc < TASK_DONE + 8 && c->log &&
	    diag_replay(d, c->log) == 0) {
		s->errors += rc & TASK_ERRORS;
		s->stop = rc & TASK_STOP;
		s->said = t->l == 0 ? rc & TASK_SAID : s->said;
		return;
	}
	lang_result r = check_language(&a->ts->v[t->team], t->l, s->said, jobs, started, d);
	s->errors += r.errors;
	s->stop = r.stop;
	s->said = t->l == 0 ? r.said : s->said;
}

/* A task's worker that is no longer needed: stopped, and its messages let go of. */
static void task_drop(pool_child *c)
{
	if (!c->done && c->pid > 0)
		kill(c->pid, SIGTERM);
	if (c->log)
		fclose(c->log);
	c->log = NULL;
}

/* Checks every team's languages; returns the number of teams with errors. more: files
 * follow, so even one task goes to a worker, leaving this process free to fork for them. */
static int check_teams(const team_set *ts, int jobs, bool more, bool *started, struct diag *d)
{
	task *v;
	size_t n = make_tasks(ts, &v), next = 0, shown = 0;
	team_state *st = xcalloc(ts->n + 1, sizeof *st);
	task_arg a = {ts, v, jobs};
	bool fork_more = (n > 1 || more) && jobs > 1 && !*started;
	/* tasks started ahead of the one reported next, at most: each keeps its messages */
	size_t ahead = 2 * (size_t)jobs;
	pool P;
	pool_init(&P, n);
	while (shown < n) {
		const task *t = &v[shown];
		if (t->team > 0 && st[t->team - 1].errors)
			break; /* teams share their cards: the first team with errors is alone */
		while (fork_more && next < n && next < shown + ahead && pool_can_start(&P))
			if (pool_start(&P, next++, task_run, &a) != 0) {
				usage_note("cannot start a process (%s): checking in this one",
					   strerror(errno));
				fork_more = false;
			}
		pool_child *c = shown < next ? &P.c[shown] : NULL;
		if (c && !c->done && !st[t->team].stop && pool_wait(&P) >= 0)
			continue; /* a worker ended: start the next, then look again */
		if (!st[t->team].stop) {
			task_take(&a, shown, c, st, P.running ? 1 : jobs, started, d);
			fork_more = fork_more && !*started; /* a task done here started Pango */
		}
		if (c)
			task_drop(c);
		shown++;
	}
	for (size_t k = shown; k < next; k++)
		task_drop(&P.c[k]);
	while (P.running)
		pool_wait(&P);
	pool_budget_refill(); /* tokens of workers' workers that were stopped */
	pool_free(&P);
	int failed = 0;
	for (size_t t = 0; t < ts->n; t++)
		failed += st[t].errors > 0;
	free(st);
	free(v);
	return failed;
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
		if (fit && failed == 0)
			failed = check_teams(&ts, jobs, i + 1 < argc, &started, &d);
		diag_flush(&d, argv[i]); /* errors past the cap: how many were not shown */
		/* any error fails the deck, even one that left every team loadable */
		int deck_rc = diag_exit(&d, failed ? (d.nio ? EXIT_IO : EXIT_DECK) : 0);
		for (size_t t = 0; deck_rc == 0 && !quiet && t < ts.n; t++)
			summary(ts.v[t].dk, argv[i], ts.v[t].name, ts.is_teams ? 0 : d.nwarnings);
		if (deck_rc == 0 && !quiet && ts.is_teams)
			teams_summary(argv[i], ts.n, d.nwarnings);
		fflush(stdout); /* before the next file's workers: the order -j 1 gives a pipe */
		teams_free(&ts);
		if (deck_rc == 0)
			continue;
		rc = exit_worse(deck_rc, rc);
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
