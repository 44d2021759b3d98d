/* build.c - build teams in child processes: each child has its own Pango font map, so
 * the output does not depend on -j (Pango and Cairo share font caches between threads,
 * which made thread builds differ between runs; processes do not share them). */
#include "build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "booklet.h"
#include "cards_pdf.h"
#include "commands.h"
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
	struct stat st;
	if (mkdir(dir, 0777) == 0 ||
	    (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return 0;
	diag(d, M_IO_WRITE, dir, 0, 0,
	     errno == EEXIST ? "a file of that name is in the way" : strerror(errno));
	return EXIT_IO;
}


static int cards(session *s, const print_setup *ps, bool shop, const char *dir,
		 const build_opts *o, struct diag *d)
{
	cards_job job = {.dk = s->dk,
			 .lang = s->lang,
			 .ps = *ps,
			 .ctx = fontset_context(s->fonts),
			 .hyph = s->hyph,
			 .profile = o->profile};
	/* home printing needs a sheet even when the deck's print: says none, and RGB */
	free(print_setup_apply(&job.ps, "sheet",
			       shop             ? "none"
			       : ps->sheet_none ? "a4"
						: ps->sheet_name));
	if (!shop)
		job.ps.pdfx = PDFX_NONE;
	else if (o->pdfx)
		free(print_setup_apply(&job.ps, "pdfx", o->pdfx));
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
	char *path = xasprintf("%s/%s", dir, shop ? "printshop.pdf" : "cards.pdf");
	job.out = path;
	int rc = cards_pdf_write(&job, d);
	free(path);
	color_profile_free(own);
	return rc;
}

static int booklet(session *s, bool saddle, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, saddle ? "booklet-saddle.pdf" : "booklet.pdf");
	booklet_job job = {.dk = s->dk,
			   .lang = s->lang,
			   .ctx = fontset_context(s->fonts),
			   .hyph = s->hyph,
			   .format = BOOKLET_A5,
			   .impose = saddle,
			   .duplex = SADDLE_LONG,
			   .team = s->dk->team,
			   .tags = !saddle,
			   .out = path};
	int rc = booklet_pdf_write(&job, d);
	free(path);
	return rc;
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

static int build_files_in(const team *tm, const char *dir, const build_opts *o,
			  struct diag *d);

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
		rc = build_files_in(tm, staging, o, d);
		if (rc == 0)
			rc = publish(staging, final, v, d);
		tmpfiles_cleanup(); /* what is left of staging: nothing after a fresh rename */
	}
	free(staging);
	free(final);
	return rc;
}

/* The five files of a team into dir. */
static int build_files_in(const team *tm, const char *dir, const build_opts *o,
			  struct diag *d)
{
	session s;
	int rc = session_attach(&s, tm->dk, tm->lang, d);
	if (rc == 0) {
		print_setup ps;
		print_setup_default(&ps);
		session_print_defaults(&s, &ps);
		rc = worst(rc, cards(&s, &ps, false, dir, o, d));
		rc = worst(rc, cards(&s, &ps, true, dir, o, d));
		rc = worst(rc, booklet(&s, false, dir, d));
		rc = worst(rc, booklet(&s, true, dir, d));
		preview_job pj = {.dk = s.dk,
				  .lang = s.lang,
				  .ps = ps,
				  .dir = dir,
				  .dpi = 60,
				  .ctx = fontset_context(s.fonts),
				  .hyph = s.hyph,
				  .contact_only = true};
		rc = worst(rc, preview_write(&pj, d));
	}
	session_close(&s);
	return rc;
}

typedef struct {
	pid_t pid;
	FILE *log; /* the child's messages, shown after it ends so teams do not interleave */
	int rc;
	int signal; /* the child was stopped by this signal, or 0 */
	bool done;
} child;

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

static void show_log(child *c)
{
	if (!c->log)
		return;
	rewind(c->log);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, c->log)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(c->log);
	c->log = NULL;
}

/* The running workers, for the signal hook: a signal to the build reaches each of them, and
 * the build waits until they have removed their temporary files and staging folders. */
#define MAX_WORKERS 64
static volatile pid_t workers[MAX_WORKERS];

static void forward(int sig)
{
	for (int i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
	for (int i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0)
			waitpid(workers[i], NULL, 0);
}

static void worker_set(pid_t pid, pid_t to)
{
	for (int i = 0; i < MAX_WORKERS; i++)
		if (workers[i] == pid) {
			workers[i] = to;
			return;
		}
}

static void start(const team_set *ts, size_t i, child *c, const build_opts *o)
{
	const team *tm = &ts->v[i];
	c->log = tmpfile();
	fflush(stdout);
	fflush(stderr);
	c->pid = fork();
	if (c->pid == 0) {
		/* the worker dies with the build, even of SIGKILL, and cleans up after itself */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() == 1)
			_exit(EXIT_IO);
		tmpfiles_hook(NULL);
		struct diag d;
		diag_log_reset();
		diag_init(&d, c->log ? c->log : stderr);
		int rc = diag_exit(&d, build_team(tm, o->dir, o, &d));
		if (c->log)
			fflush(c->log);
		diag_log_exit(rc);
		_exit(rc);
	}
	if (c->pid > 0)
		worker_set(0, c->pid);
	if (c->pid < 0) {
		c->rc = EXIT_IO;
		c->done = true;
		fprintf(stderr, "deckpress: error: cannot start a build process: %s\n",
			strerror(errno));
	}
}

static void progress(const build_opts *o, size_t done, size_t total, const char *current, double t0)
{
	if (!o->progress || o->verbosity == 0)
		return;
	fprintf(stderr, "\r\033[K[%zu/%zu] %s%s \u00b7 %.1f s", done, total,
		current ? "building " : "", current ? current : "done", now() - t0);
	fflush(stderr);
}

static const char *failure(const team *tm, const child *c, char *buf, size_t n)
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

static void summary(const team_set *ts, const child *c, const build_opts *o, size_t ok)
{
	if (o->progress && o->verbosity)
		fputc('\n', stderr);
	if (ok == ts->n) {
		if (o->verbosity)
			printf("deckpress: built %zu %s into %s/\n", ok,
			       ts->is_teams ? "teams" : "deck", o->dir);
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
	child *c = xcalloc(ts->n + 1, sizeof *c);
	size_t next = 0, running = 0, finished = 0, ok = 0;
	tmpfiles_init();
	tmpfiles_hook(forward);
	double t0 = now();
	for (;;) {
		while (running < (size_t)o->jobs && next < ts->n) {
			if (!ts->v[next].dk) { /* its errors were reported when loading */
				c[next].rc = EXIT_DECK;
				c[next].done = true;
				finished++;
			} else {
				progress(o, finished, ts->n, team_label(&ts->v[next]), t0);
				start(ts, next, &c[next], o);
				running += !c[next].done;
				finished += c[next].done;
			}
			next++;
		}
		if (running == 0)
			break;
		int status;
		pid_t pid = wait(&status);
		if (pid < 0)
			break;
		worker_set(pid, 0);
		for (size_t i = 0; i < ts->n; i++)
			if (c[i].pid == pid && !c[i].done) {
				c[i].rc = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_IO;
				c[i].signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
				c[i].done = true;
				running--;
				finished++;
				if (o->progress && o->verbosity)
					fputs("\r\033[K", stderr);
				show_log(&c[i]);
				progress(o, finished, ts->n, NULL, t0);
			}
	}
	int rc = EXIT_OK;
	for (size_t i = 0; i < ts->n; i++) {
		ok += c[i].rc == 0;
		rc = c[i].rc == EXIT_DECK || rc == EXIT_DECK ? EXIT_DECK : c[i].rc ? c[i].rc : rc;
	}
	summary(ts, c, o, ok);
	free(c);
	return rc; /* 1 when any team has deck errors, else 3 when only files failed */
}
