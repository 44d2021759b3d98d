/* build.c - build teams in child processes (pool.h): each child has its own Pango font map,
 * so the output does not depend on -j (Pango and Cairo share font caches between threads,
 * which made thread builds differ between runs; processes do not share them). */
#include "build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "booklet.h"
#include "cards_pdf.h"
#include "commands.h"
#include "pool.h"
#include "preview.h"
#include "session.h"
#include "tmpfiles.h"

const char *const build_files[] = {"cards.pdf",          "printshop.pdf", "booklet.pdf",
				   "booklet-saddle.pdf", "contact.png",   NULL};

static int worst(int a, int b)
{
	return a == EXIT_IO || b == EXIT_IO ? EXIT_IO : a > b ? a : b;
}

static int make_dir(const char *dir, struct diag *d)
{
	if (make_dirs(dir, 0777) == 0)
		return 0;
	diag(d, M_IO_WRITE, dir, 0, 0,
	     errno == ENOTDIR ? "a file of that name is in the way" : strerror(errno));
	return EXIT_IO;
}

/* One team's outputs, and what they need. */
typedef struct {
	session *s;
	print_setup ps;
	const char *dir;
	const build_opts *o;
	int jobs; /* processes an output may use (pool.h's budget has the final say) */
} team_out;

static int cards(const team_out *T, bool shop, struct diag *d)
{
	cards_job job = {.s = T->s, .ps = T->ps, .jobs = T->jobs, .profile = T->o->profile};
	/* home printing needs a sheet even when the deck's print: says none, and RGB */
	free(print_setup_apply(&job.ps, "sheet",
			       shop               ? "none"
			       : T->ps.sheet_none ? "a4"
						  : T->ps.sheet_name));
	if (!shop)
		job.ps.pdfx = PDFX_NONE;
	else if (T->o->pdfx)
		free(print_setup_apply(&job.ps, "pdfx", T->o->pdfx));
	color_profile *own = NULL;
	if (job.ps.pdfx != PDFX_NONE && !job.profile) {
		char *err = NULL;
		bool unreadable;
		job.profile = own = color_profile_open(NULL, &err, &unreadable);
		if (!own) {
			diag(d, M_ICC, NULL, 0, 0, err); /* the built-in profile: never */
			free(err);
			return EXIT_IO;
		}
	}
	char *path = xasprintf("%s/%s", T->dir, shop ? "printshop.pdf" : "cards.pdf");
	job.out = path;
	int rc = cards_pdf_write(&job, d);
	free(path);
	color_profile_free(own);
	return rc;
}

static int booklet(const team_out *T, bool saddle, struct diag *d)
{
	session *s = T->s;
	char *path = xasprintf("%s/%s", T->dir, saddle ? "booklet-saddle.pdf" : "booklet.pdf");
	int rc = session_fonts(s, d);
	booklet_job job = {.dk = s->dk,
			   .lang = s->lang,
			   .ctx = rc ? NULL : fontset_context(s->fonts),
			   .hyph = s->hyph,
			   .format = BOOKLET_A5,
			   .impose = saddle,
			   .duplex = SADDLE_LONG,
			   .team = s->dk->team,
			   .tags = !saddle,
			   .out = path};
	if (rc == 0)
		rc = booklet_pdf_write(&job, d);
	free(path);
	return rc;
}

static int contact(const team_out *T, struct diag *d)
{
	preview_job pj = {.s = T->s,
			  .ps = T->ps,
			  .dir = T->dir,
			  .dpi = 60,
			  .contact_only = true,
			  .jobs = T->jobs};
	return preview_write(&pj, d);
}

enum { FONTS, CARDS, SHOP, BOOKLET, SADDLE, CONTACT }; /* the steps, in order */

static int step(const team_out *T, int which, struct diag *d)
{
	switch (which) {
	case FONTS:
		return session_fonts(T->s, d);
	case CARDS:
	case SHOP:
		return cards(T, which == SHOP, d);
	case BOOKLET:
	case SADDLE:
		return booklet(T, which == SADDLE, d);
	default:
		return contact(T, d);
	}
}

/* Runs a step in a child process, so that this one never starts Pango and every step can
 * fork workers of its own. */
static int forked_step(const team_out *T, int which, struct diag *d)
{
	fflush(d->out);
	pid_t pid = pool_fork();
	if (pid == 0) {
		int rc = diag_exit(d, step(T, which, d));
		fflush(d->out);
		diag_log_exit(rc);
		_exit(rc);
	}
	if (pid < 0) {
		diag(d, M_IO_WRITE, T->dir, 0, 0, strerror(errno));
		return EXIT_IO;
	}
	int status = pool_waitpid(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_IO;
}

/* Moves the files made in staging to the team's folder `final`: the whole folder in one
 * rename when it is new, else file by file. Files of a team that failed are never moved,
 * so a team's folder never mixes a new file with an old one left by a failure. */
static int publish(const char *staging, const char *final, int verbosity, struct diag *d)
{
	struct stat st;
	bool fresh = stat(final, &st) != 0;
	if (!fresh && !S_ISDIR(st.st_mode)) {
		diag(d, M_IO_WRITE, final, 0, 0, "a file of that name is in the way");
		return EXIT_IO;
	}
	if (fresh && rename(staging, final) != 0) {
		diag(d, M_IO_WRITE, final, 0, 0, strerror(errno));
		return EXIT_IO;
	}
	for (size_t i = 0; build_files[i]; i++) {
		char *from = xasprintf("%s/%s", staging, build_files[i]);
		char *to = xasprintf("%s/%s", final, build_files[i]);
		int rc = fresh ? 0 : rename(from, to);
		if (rc != 0)
			diag(d, M_IO_WRITE, to, 0, 0, strerror(errno));
		else if (verbosity >= 2)
			fprintf(d->out, "deckpress: wrote %s\n", to);
		free(from);
		free(to);
		if (rc != 0)
			return EXIT_IO;
	}
	return 0;
}

/* The hidden folder a team is built in, beside its own: ".team-noord.build.1234". */
static char *staging_dir(const char *parent, const char *slug)
{
	return xasprintf("%s/.%s.build.%ld", parent, slug ? slug : "deck", (long)getpid());
}

static int build_files_in(const team *tm, const char *dir, const build_opts *o, struct diag *d);

/* One team's files, in the child process: made in a staging folder registered with
 * tmpfiles (a signal removes it and what is in it), published when all are made. */
static int build_team(const team *tm, const char *parent, const build_opts *o, struct diag *d)
{
	int v = o->verbosity;
	char *final = tm->slug ? xasprintf("%s/%s", parent, tm->slug) : xstrdup(parent);
	char *staging = staging_dir(parent, tm->slug);
	int rc = make_dir(staging, d);
	if (rc == 0) {
		tmpfiles_add_dir(staging);
		for (size_t i = 0; build_files[i]; i++) { /* temporary until all are made */
			char *f = xasprintf("%s/%s", staging, build_files[i]);
			tmpfiles_add(f);
			free(f);
		}
		d->stage = staging, d->stage_as = final; /* messages name the files published */
		rc = build_files_in(tm, staging, o, d);
		d->stage = d->stage_as = NULL;
		if (rc == 0)
			rc = publish(staging, final, v, d);
		tmpfiles_cleanup(); /* what is left of staging: nothing after a fresh rename */
	}
	free(staging);
	free(final);
	return rc;
}

/* The five files of a team into dir. When the budget has a core to spare now, each step
 * runs in a process of its own and may use more (a plain deck, the last teams); otherwise
 * every core is busy with other teams, and the steps run here one by one. */
static int build_files_in(const team *tm, const char *dir, const build_opts *o, struct diag *d)
{
	session s;
	int rc = session_attach_deck(&s, tm->dk, tm->lang, d);
	bool wide = o->jobs > 1 && pool_token_try();
	if (wide)
		pool_token_put();
	team_out T = {.s = &s, .dir = dir, .o = o, .jobs = wide ? o->jobs : 1};
	print_setup_default(&T.ps);
	if (rc == 0) {
		session_print_defaults(&s, &T.ps);
		rc = wide ? forked_step(&T, FONTS, d) : step(&T, FONTS, d);
	}
	if (rc == 0)
		for (int k = CARDS; k <= CONTACT; k++)
			rc = worst(rc, wide ? forked_step(&T, k, d) : step(&T, k, d));
	session_close(&s);
	return rc;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *team_label(const team *tm)
{
	return tm->name ? tm->name : "deck";
}

typedef struct {
	const team_set *ts;
	const build_opts *o;
} run_arg;

/* A child's task (pool_start): team i, its messages to log. */
static int team_task(void *arg, size_t i, FILE *log)
{
	const run_arg *r = arg;
	struct diag d;
	diag_init(&d, log);
	return diag_exit(&d, build_team(&r->ts->v[i], r->o->dir, r->o, &d));
}

static void progress(const build_opts *o, size_t done, size_t total, const char *current, double t0)
{
	if (!o->progress || o->verbosity == 0)
		return;
	fprintf(stderr, "\r\033[K[%zu/%zu] %s%s \u00b7 %.1f s", done, total,
		current ? "building " : "", current ? current : "done", now() - t0);
	fflush(stderr);
}

static const char *failure(const team *tm, const pool_child *c, char *buf, size_t n)
{
	if (!tm->dk)
		return "its deck has errors (above)";
	if (c->signal) {
		snprintf(buf, n, "the build process was stopped by signal %d", c->signal);
		return buf;
	}
	return c->rc == EXIT_IO ? "a file could not be written (above)"
				: "a card or the booklet could not be typeset (above)";
}

static void summary(const team_set *ts, const pool_child *c, const build_opts *o, size_t ok)
{
	if (o->progress && o->verbosity)
		fputc('\n', stderr);
	if (ok == ts->n) {
		if (o->verbosity) {
			/* the folder as given, with one slash: out/ and out// read out/ */
			int len = (int)strlen(o->dir);
			while (len > 0 && o->dir[len - 1] == '/')
				len--;
			const char *what = !ts->is_teams ? "deck" : ok == 1 ? "team" : "teams";
			printf("deckpress: built %zu %s into %.*s/\n", ok, what, len, o->dir);
		}
		return;
	}
	if (!ts->is_teams)
		return; /* one deck: its messages said it all */
	fprintf(stderr, "deckpress: %zu of %zu teams built; failed:\n", ok, ts->n);
	char buf[64];
	for (size_t i = 0; i < ts->n; i++)
		if (c[i].rc)
			fprintf(stderr, "  %s (line %d): %s\n", team_label(&ts->v[i]),
				ts->v[i].pos.line, failure(&ts->v[i], &c[i], buf, sizeof buf));
}

int build_run(const team_set *ts, const build_opts *o)
{
	struct diag d;
	diag_init(&d, stderr);
	if (make_dir(o->dir, &d))
		return EXIT_IO;
	pool_budget_init(o->jobs);
	pool P;
	pool_init(&P, ts->n);
	run_arg arg = {ts, o};
	size_t next = 0, finished = 0, ok = 0;
	double t0 = now();
	for (;;) {
		while (next < ts->n && (!ts->v[next].dk || pool_can_start(&P))) {
			pool_child *c = &P.c[next];
			if (!ts->v[next].dk) { /* its errors were reported when loading */
				c->rc = EXIT_DECK;
				c->done = true;
				finished++;
			} else {
				progress(o, finished, ts->n, team_label(&ts->v[next]), t0);
				if (pool_start(&P, next, team_task, &arg) != 0) {
					(void)usage_error("cannot start a process: %s",
							  strerror(errno));
					finished++;
				}
			}
			next++;
		}
		long i = pool_wait(&P);
		if (i < 0)
			break;
		finished++;
		if (o->progress && o->verbosity)
			fputs("\r\033[K", stderr);
		pool_show_log(&P.c[i]);
		progress(o, finished, ts->n, NULL, t0);
	}
	int rc = EXIT_OK;
	for (size_t i = 0; i < ts->n; i++) {
		const pool_child *c = &P.c[i];
		ok += c->rc == 0;
		rc = exit_worse(c->rc, rc);
	}
	summary(ts, P.c, o, ok);
	pool_free(&P);
	return rc; /* 1 when any team has deck errors, else 3 when only files failed */
}
