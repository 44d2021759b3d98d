/* pool.c - forked workers, a jobserver budget shared by every process of a command, and a
 * table of task children with their logs. */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "tmpfiles.h"
#include "util.h"

static int budget[2] = {-1, -1}; /* the jobserver pipe: one byte per free token */
static int budget_jobs;          /* the N of -j N */

/* This process's children, for the signal hook: read in a signal handler, so a fixed table
 * of pids written one word at a time. */
#define MAX_KIDS 128
static volatile pid_t kids[MAX_KIDS];

static void kid_set(pid_t from, pid_t to)
{
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[i] == from) {
			kids[i] = to;
			return;
		}
}

/* The tmpfiles hook: the signal reaches every child, and this process waits until they
 * have removed their temporary files before it removes its own and dies. */
static void forward(int sig)
{
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[i] > 0)
			kill(kids[i], sig);
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[i] > 0)
			waitpid(kids[i], NULL, 0);
}

int pool_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void pool_budget_init(int jobs)
{
	/* children must be waited for: a parent that ignored SIGCHLD would have them reaped
	 * unseen, and wait() fail */
	signal(SIGCHLD, SIG_DFL);
	if (budget[0] >= 0 || jobs <= 1 || pipe(budget) != 0)
		return;
	budget_jobs = jobs;
	fcntl(budget[0], F_SETFL, O_NONBLOCK);
	fcntl(budget[0], F_SETFD, FD_CLOEXEC);
	fcntl(budget[1], F_SETFD, FD_CLOEXEC);
	for (int i = 1; i < jobs; i++)
		if (write(budget[1], "+", 1) != 1)
			break;
}

bool pool_token_try(void)
{
	char c;
	return budget[0] >= 0 && read(budget[0], &c, 1) == 1;
}

void pool_budget_refill(void)
{
	char buf[64];
	if (budget[0] < 0)
		return;
	while (read(budget[0], buf, sizeof buf) > 0)
		;
	for (int i = 1; i < budget_jobs; i++)
		if (write(budget[1], "+", 1) != 1)
			break;
}

void pool_token_put(void)
{
	while (budget[1] >= 0 && write(budget[1], "+", 1) < 0 && errno == EINTR)
		;
}

pid_t pool_fork(void)
{
	fflush(stdout);
	fflush(stderr);
	pid_t parent = getpid();
	tmpfiles_init();
	tmpfiles_hook(forward);
	pid_t pid = fork();
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent) /* the parent died before prctl */
			_exit(EXIT_IO);
		tmpfiles_forget();
		for (int i = 0; i < MAX_KIDS; i++)
			kids[i] = 0;
		diag_log_reset();
	} else if (pid > 0) {
		kid_set(0, pid);
	}
	return pid;
}

int pool_waitpid(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	kid_set(pid, 0);
	return status;
}

void pool_init(pool *p, size_t ntasks)
{
	*p = (pool){.c = xcalloc(ntasks + 1, sizeof(pool_child)), .n = ntasks};
}

void pool_free(pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].log)
			fclose(p->c[i].log);
	free(p->c);
	*p = (pool){0};
}

bool pool_can_start(pool *p)
{
	return !p->own_used || pool_token_try();
}

int pool_start(pool *p, size_t i, int (*fn)(void *arg, size_t i, FILE *log), void *arg)
{
	pool_child *c = &p->c[i];
	c->token = p->own_used; /* pool_can_start took a token when the own one was lent */
	p->own_used = true;
	c->log = tmpfile();
	c->pid = pool_fork();
	if (c->pid == 0) {
		int rc = fn(arg, i, c->log ? c->log : stderr);
		if (c->log)
			fflush(c->log);
		diag_log_exit(rc);
		_exit(rc);
	}
	if (c->pid < 0) {
		int e = errno;
		c->rc = EXIT_IO;
		c->done = true;
		if (c->token)
			pool_token_put();
		else
			p->own_used = false;
		errno = e;
		return -1;
	}
	p->running++;
	return 0;
}

/* A child marked ended, its token given back; rc and status as for a killed one. */
static void ended(pool *p, pool_child *c, int rc, int sig)
{
	c->rc = rc;
	c->signal = sig;
	c->done = true;
	p->running--;
	if (c->token)
		pool_token_put();
	else
		p->own_used = false;
}

/* The first running child, given up for lost (EXIT_IO); -1 when none runs. */
static long lost(pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].pid > 0 && !p->c[i].done) {
			kid_set(p->c[i].pid, 0);
			ended(p, &p->c[i], EXIT_IO, 0);
			return (long)i;
		}
	p->running = 0;
	return -1;
}

long pool_wait(pool *p)
{
	while (p->running > 0) {
		int status;
		pid_t pid = wait(&status);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0) /* none to wait for (reaped unseen): the running ones failed */
			return lost(p);
		kid_set(pid, 0);
		for (size_t i = 0; i < p->n; i++) {
			pool_child *c = &p->c[i];
			if (c->pid != pid || c->done)
				continue;
			ended(p, c, WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_IO,
			      WIFSIGNALED(status) ? WTERMSIG(status) : 0);
			return (long)i;
		}
	}
	return -1;
}

void pool_show_log(pool_child *c)
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

void pool_signal(pool *p, int sig)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].pid > 0 && !p->c[i].done)
			kill(p->c[i].pid, sig);
}
