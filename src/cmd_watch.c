/* cmd_watch.c - deckpress watch: build again on every save of the deck or of any file it
 * was made from, so a PDF viewer that reloads a replaced file is a live preview. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cli_input.h"
#include "commands.h"
#include "srcloc.h"

#define QUIET_MS  150  /* a save is over when no event came for this long */
#define SETTLE_MS 1000 /* at most this long after the first event of a save */

void cmd_watch_help(FILE *out)
{
	fputs("Usage: deckpress watch TEAMS_OR_DECK -o DIR [OPTIONS]\n"
	      "Build what 'deckpress build' builds (cards.pdf, printshop.pdf, booklet.pdf,\n"
	      "booklet-saddle.pdf, contact.png), then again within a second of every save of\n"
	      "the deck or of any file it includes or names (sources, logos, a teams file's\n"
	      "decks). Each save's problems are printed as 'deckpress check' prints them; after\n"
	      "an error the last good files stay. A PDF viewer that reloads a changed file\n"
	      "(Evince, Okular, SumatraPDF) then shows each save. Ctrl-C stops it; no temporary\n"
	      "file is left.\n\n"
	      "Options:\n"
	      "  -o, --output DIR   output directory (created if missing; required)\n"
	      "  -j, --jobs N       build N teams at once (default 1)\n"
	      "  -q, --quiet        print only problems\n"
	      "  -h, --help         show this help\n",
	      out);
	cli_input_help(out);
	fputs("\nExit status (0, 1, 3: once Ctrl-C or SIGTERM stops it between saves):\n"
	      "  0  no build had errors\n"
	      "  1  a build had deck errors, even if a later save fixed them\n"
	      "  2  usage error: unknown option, missing argument\n"
	      "  3  a build could not read or write a file\n"
	      "  130, 143  stopped by Ctrl-C or SIGTERM during a build: its temporary files\n"
	      "     removed, the files of the last good build left as they were\n",
	      out);
}

/* A file to watch: a watch on its folder (editors replace files, which would end a watch on
 * the file itself) and its name in that folder. */
typedef struct {
	int wd;
	char *name;
	char *path;
} watched;

typedef struct {
	int fd;
	watched *v;
	size_t n;
} watcher;

static void watcher_clear(watcher *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].name);
		free(w->v[i].path);
	}
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

/* Watches the folders of paths[0..n) (and stops watching those no longer needed). */
static void watcher_set(watcher *w, char **paths, size_t n, struct diag *d)
{
	watched *old = w->v;
	size_t nold = w->n;
	w->v = xcalloc(n + 1, sizeof *w->v);
	w->n = 0;
	const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
			      IN_ATTRIB | IN_ONLYDIR;
	for (size_t i = 0; i < n; i++) {
		char *a = xstrdup(paths[i]), *b = xstrdup(paths[i]);
		int wd = inotify_add_watch(w->fd, dirname(a), mask);
		const char *name = basename(b);
		size_t k = 0; /* the same file under another name ("./deck.yaml") once */
		while (k < w->n && !(w->v[k].wd == wd && !strcmp(w->v[k].name, name)))
			k++;
		if (wd < 0)
			diag(d, M_WATCH_FILE, paths[i], 0, 0, strerror(errno));
		else if (k == w->n)
			w->v[w->n++] = (watched){wd, xstrdup(name), xstrdup(paths[i])};
		free(a);
		free(b);
	}
	for (size_t i = 0; i < nold; i++) {
		bool kept = false;
		for (size_t k = 0; k < w->n && !kept; k++)
			kept = w->v[k].wd == old[i].wd;
		for (size_t k = 0; k < i && !kept; k++) /* removed once already */
			kept = old[k].wd == old[i].wd;
		if (!kept)
			inotify_rm_watch(w->fd, old[i].wd);
	}
	watcher tmp = {w->fd, old, nold};
	watcher_clear(&tmp);
}

/* The watched file an event is about, or NULL. */
static const watched *event_file(const watcher *w, const struct inotify_event *e)
{
	for (size_t i = 0; e->len && i < w->n; i++)
		if (w->v[i].wd == e->wd && !strcmp(w->v[i].name, e->name))
			return &w->v[i];
	return NULL;
}

/* Reads the events that are there; the first watched file changed, or NULL. */
static const watched *read_events(const watcher *w)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	const watched *hit = NULL;
	ssize_t len = read(w->fd, buf, sizeof buf);
	for (char *p = buf; len > 0 && p < buf + len;) {
		const struct inotify_event *e = (const struct inotify_event *)(void *)p;
		const watched *f = event_file(w, e);
		if (!hit)
			hit = f;
		p += sizeof *e + e->len;
	}
	return hit;
}

/* Every file the built decks were made from, with the file given on the command line. */
static char **inputs(const char *path, const team_set *ts, size_t *n)
{
	char **v = xmalloc(sizeof(char *));
	v[0] = xstrdup(path);
	*n = 1;
	for (size_t t = 0; t < ts->n; t++) {
		if (!ts->v[t].dk)
			continue;
		size_t k;
		char **more = deck_inputs(ts->v[t].dk, &k);
		v = xrealloc(v, (*n + k) * sizeof(char *));
		memcpy(v + *n, more, k * sizeof(char *));
		*n += k;
		free(more);
	}
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* One build with the signals let through (a Ctrl-C during it removes its temporary files
 * and ends deckpress, as in 'build'). Updates the watched files when the deck loaded.
 * Returns the build's exit code. */
static int build_once(const char *path, const build_opts *o, const sigset_t *sigs, watcher *w)
{
	struct diag d;
	diag_init(&d, stderr);
	sigprocmask(SIG_UNBLOCK, sigs, NULL);
	team_set ts;
	int loaded = teams_load(path, &d, &ts);
	int rc = loaded < 0 ? EXIT_DECK : build_run(&ts, o);
	srcloc_release(); /* the next build reads the files as they are then */
	sigprocmask(SIG_BLOCK, sigs, NULL);
	rc = diag_exit(&d, rc);
	if (rc)
		diag(&d, M_WATCH_KEPT, o->dir, 0, 0);
	/* a deck with errors says less about what it reads: keep watching what it read */
	bool complete = loaded == 0;
	for (size_t t = 0; complete && t < ts.n; t++)
		complete = ts.v[t].dk != NULL;
	if (complete || !w->n) {
		size_t n;
		char **v = inputs(path, &ts, &n);
		watcher_set(w, v, n, &d);
		free_list(v, n);
	}
	teams_free(&ts);
	fflush(stdout);
	fflush(stderr);
	return rc;
}

/* Waits for a save of a watched file and for the save to be over; false on a signal. */
static bool wait_for_save(watcher *w, int sfd, const char **changed)
{
	struct pollfd p[2] = {{w->fd, POLLIN, 0}, {sfd, POLLIN, 0}};
	const watched *hit = NULL;
	int waited = 0;
	while (!hit || waited < SETTLE_MS) {
		int timeout = hit ? QUIET_MS : -1;
		int r = poll(p, 2, timeout);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || p[1].revents)
			return false;
		if (r == 0) /* quiet: the save is over */
			break;
		const watched *f = read_events(w);
		if (!hit && f)
			*changed = f->path;
		hit = hit ? hit : f;
		waited += hit ? QUIET_MS : 0;
	}
	return true;
}

static int parse(int argc, char **argv, build_opts *o)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"jobs", required_argument, NULL, 'j'},
					     {"quiet", no_argument, NULL, 'q'},
					     {"help", no_argument, NULL, 'h'},
					     CLI_INPUT_OPTIONS,
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:qh", opts, NULL)) != -1) {
		if (c == 'o') {
			o->dir = optarg;
		} else if (c == 'j') {
			if (!parse_jobs(optarg, &o->jobs))
				return EXIT_USAGE;
		} else if (c == 'q') {
			o->verbosity = 0;
		} else if (c == 'h') {
			cmd_watch_help(stdout);
			return -1;
		} else if (cli_input_rest("watch", c, optarg, argv)) {
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !o->dir) {
		usage_error("'watch' needs one deck or teams file and -o DIR");
		usage_note("for example: deckpress watch deck.yaml -o out");
		return EXIT_USAGE;
	}
	return 0;
}

int cmd_watch(int argc, char **argv)
{
	build_opts o = {.jobs = 1, .verbosity = 1};
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	const char *path = argv[optind];
	struct diag d;
	diag_init(&d, stderr);
	/* Ctrl-C while waiting ends the watch through signalfd; during a build, tmpfiles.c
	 * removes the build's temporary files first */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	sigprocmask(SIG_BLOCK, &sigs, NULL);
	watcher w = {.fd = inotify_init1(IN_CLOEXEC)};
	int sfd = signalfd(-1, &sigs, SFD_CLOEXEC);
	if (w.fd < 0 || sfd < 0) {
		diag(&d, M_WATCH_INIT, NULL, 0, 0, strerror(errno));
		return diag_exit(&d, EXIT_IO);
	}
	int worst = build_once(path, &o, &sigs, &w);
	if (o.verbosity)
		diag(&d, M_WATCH_START, path, 0, 0, w.n, w.n == 1 ? "file" : "files", o.dir);
	const char *changed = NULL;
	while (wait_for_save(&w, sfd, &changed)) {
		if (o.verbosity) {
			char when[16];
			time_t now = time(NULL);
			strftime(when, sizeof when, "%H:%M:%S", localtime(&now));
			diag(&d, M_WATCH_SAVED, changed, 0, 0, when);
		}
		worst = exit_worse(worst, build_once(path, &o, &sigs, &w));
	}
	if (o.verbosity)
		diag(&d, M_WATCH_STOP, NULL, 0, 0);
	watcher_clear(&w);
	close(w.fd);
	close(sfd);
	return worst; /* an error, even one fixed since, never ends in 0 */
}
