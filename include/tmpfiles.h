/* tmpfiles.h - temporary files that must not outlive the process: on SIGINT, SIGTERM or
 * SIGHUP every registered file is removed and the process dies of the signal (the shell then
 * reports 128 + signal: 130 for Ctrl-C, 143 for SIGTERM). SIGKILL cannot be caught: what it
 * leaves is documented in docs/robustness.md. */
#ifndef DECKPRESS_TMPFILES_H
#define DECKPRESS_TMPFILES_H

#include <stdbool.h>

/* Installs the signal handlers (once; later calls do nothing). */
void tmpfiles_init(void);
/* Registers path (copied) for removal on a signal. Returns false when the table is full:
 * the caller may go on, the file is then only removed by the caller. */
bool tmpfiles_add(const char *path);
/* Registers a temporary folder: on a signal it is removed (rmdir) after the files, so every
 * file made in it must be registered too. */
bool tmpfiles_add_dir(const char *path);
/* fn runs first in the signal handler (async-signal-safe calls only): a parent forwards the
 * signal to its workers and waits for them there. NULL: none. */
void tmpfiles_hook(void (*fn)(int sig));
/* Unregisters path (compared by string; the file itself is not touched). */
void tmpfiles_remove(const char *path);
/* Removes every registered file now (for a parent that forwards a signal to its workers and
 * then cleans up after them); unregisters them. */
void tmpfiles_cleanup(void);
/* In a forked child: unregisters every file and folder without removing them (they are the
 * parent's), and drops the hook. */
void tmpfiles_forget(void);

#endif
