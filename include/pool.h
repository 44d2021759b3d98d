/* pool.h - worker processes within one budget of -j N.
 *
 * deckpress uses processes, never threads, to use several cores: Pango shares font caches
 * between threads (fonts.h), and a process that has started Pango or fontconfig cannot fork
 * safely. So workers are forked before the forking process makes its first Pango call, and
 * each makes its own fontset after the fork.
 *
 * The budget: every process of one command (and its children, grandchildren) together run
 * at most N workers. A jobserver pipe, inherited across fork, holds N - 1 tokens; the
 * command's own process holds the N-th. A process that wants another worker takes a token
 * and gives it back when that worker has ended. */
#ifndef DECKPRESS_POOL_H
#define DECKPRESS_POOL_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

/* The number of online cores (at least 1): the default of -j. */
int pool_cores(void);

/* Makes the budget for jobs processes; call once, before forking. jobs <= 1: no tokens.
 * SIGCHLD is set to its default, so that children can be waited for. */
void pool_budget_init(int jobs);
/* Takes a token if one is free, without waiting. Give it back with pool_token_put. */
bool pool_token_try(void);
void pool_token_put(void);
/* Gives the budget its N - 1 tokens again; call only with no child running. A worker killed
 * while its own workers ran never gave their tokens back. */
void pool_budget_refill(void);

/* fork() for a worker: in the child, SIGTERM arrives when the parent dies
 * (PR_SET_PDEATHSIG), the parent's temporary files are forgotten (the parent removes them,
 * never the child) and so are its messages (diag_log_reset). In the parent, the child is
 * remembered until pool_waitpid or pool_wait reaps it: SIGINT, SIGTERM or SIGHUP to the
 * parent reach it, and the parent waits for it to clean up before it dies (tmpfiles.h's
 * hook). Returns as fork: the child's pid, 0 in the child, -1 on failure. */
pid_t pool_fork(void);
/* waitpid(pid) for a child of pool_fork, retried on EINTR; returns its status. */
int pool_waitpid(pid_t pid);

/* A set of children, one per task, for commands that run whole tasks (build: one team
 * each). Each child's messages go to its own log, shown when it ends, so that the
 * messages of tasks running at once never interleave. */
typedef struct {
	pid_t pid;
	FILE *log;  /* the child's messages, until pool_show_log */
	int rc;     /* exit status; EXIT_IO when it could not start or was killed */
	int signal; /* the signal that stopped it, or 0 */
	bool done;
	bool token; /* it runs on a token from the budget (given back when it ends) */
} pool_child;

typedef struct {
	pool_child *c; /* one per task */
	size_t n;
	size_t running;
	bool own_used; /* the process's own token is lent to a running child */
} pool;

void pool_init(pool *p, size_t ntasks);
void pool_free(pool *p);
/* True if a child can start now within the budget (taking a token if needed). */
bool pool_can_start(pool *p);
/* Runs fn(arg, i, log) in a new child for task i (after pool_can_start returned true);
 * the child exits with fn's return value. Returns 0, or -1 with errno when fork failed
 * (c[i] is then done with rc EXIT_IO; the caller says so). */
int pool_start(pool *p, size_t i, int (*fn)(void *arg, size_t i, FILE *log), void *arg);
/* Waits for a running child to end and returns its task, or -1 when none runs. When there
 * is no child to wait for (reaped by someone else), the running ones count as failed. */
long pool_wait(pool *p);
/* Copies a finished child's log to stderr and closes it. */
void pool_show_log(pool_child *c);
/* Sends sig to every running child. */
void pool_signal(pool *p, int sig);

#endif
