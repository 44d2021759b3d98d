/* tmpfiles.c - remove registered temporary files when a signal ends the process. */
#include "tmpfiles.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define MAX_TMP 64

/* The handler reads this table: entries are published and withdrawn with the signals
 * blocked, so it never sees a half-written pointer. */
static char *volatile table[MAX_TMP];
static volatile sig_atomic_t is_dir[MAX_TMP];
static void (*volatile hook)(int sig);
static volatile sig_atomic_t installed;
static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};

static void block(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&set, sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void on_signal(int sig)
{
	if (hook)
		hook(sig);
	for (int i = 0; i < MAX_TMP; i++)
		if (table[i] && !is_dir[i])
			unlink(table[i]); /* async-signal-safe */
	for (int i = 0; i < MAX_TMP; i++)
		if (table[i] && is_dir[i])
			rmdir(table[i]); /* emptied just above */
	/* die of the signal itself, so a calling shell or make stops too */
	signal(sig, SIG_DFL);
	raise(sig);
}

void tmpfiles_init(void)
{
	if (installed)
		return;
	installed = 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;
		/* a signal ignored by whoever started us (nohup, a background job) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

static bool add(const char *path, bool dir)
{
	char *copy = xstrdup(path);
	sigset_t old;
	block(&old);
	int i = 0;
	while (i < MAX_TMP && table[i])
		i++;
	if (i < MAX_TMP) {
		is_dir[i] = dir;
		table[i] = copy;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (i == MAX_TMP)
		free(copy);
	return i < MAX_TMP;
}

bool tmpfiles_add(const char *path)
{
	return add(path, false);
}

bool tmpfiles_add_dir(const char *path)
{
	return add(path, true);
}

void tmpfiles_hook(void (*fn)(int sig))
{
	hook = fn;
}

void tmpfiles_remove(const char *path)
{
	char *gone = NULL;
	sigset_t old;
	block(&old);
	for (int i = 0; i < MAX_TMP && !gone; i++)
		if (table[i] && !strcmp(table[i], path)) {
			gone = table[i];
			table[i] = NULL;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(gone);
}

void tmpfiles_cleanup(void)
{
	sigset_t old;
	block(&old);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < MAX_TMP; i++)
			if (table[i] && is_dir[i] == pass) {
				if (pass)
					rmdir(table[i]);
				else
					unlink(table[i]);
				free(table[i]);
				table[i] = NULL;
			}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void tmpfiles_forget(void)
{
	sigset_t old;
	block(&old);
	for (int i = 0; i < MAX_TMP; i++) {
		free(table[i]);
		table[i] = NULL;
		is_dir[i] = 0;
	}
	hook = NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
}
