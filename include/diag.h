/* diag.h - diagnostics as data: every message deckpress can print, with its level.
 *
 * Messages print GCC-style, as editors expect:
 *   decks/x.yaml:14:7: error: card 'Q03' has type 'quiz'; expected quote, case or question
 * Line and column are 1-based. A message without a line prints "file: error: ...";
 * one without a file prints "deckpress: error: ...". */
#ifndef DECKPRESS_DIAG_H
#define DECKPRESS_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

enum diag_msg {
#define MSG(id, level, fmt, hint) id,
#include "diag_msgs.h"
#undef MSG
	M__COUNT
};

struct diag {
	FILE *out;   /* where messages go (stderr) */
	int nerrors; /* errors reported since init */
	int nwarnings;
	int nio;            /* errors that were about files, not deck content (exit code 3) */
	int max_errors;     /* after this many errors, further errors are counted, not printed */
	int suppressed;     /* errors not printed because of max_errors */
	enum diag_msg last; /* last message reported (for tests) */
	unsigned long long last_warning; /* hash of the last warning and its place: said once */
	/* A file under stage/ is named as under stage_as/ (build makes a team's files in a
	 * hidden folder and gives it the team's name when all are made). Not owned. */
	const char *stage, *stage_as;
	/* When set, messages are kept there as records (diag_replay), not printed: a worker's
	 * messages, which its parent reports in order. Not owned. */
	FILE *record;
	/* Messages are only counted: nothing printed, recorded or logged (a quiet test whose
	 * findings another process reports). Set max_errors to 0 too: errors then cost nothing
	 * to work out (diag_capped). */
	bool silent;
};

#define DIAG_MAX_ERRORS 50

void diag_init(struct diag *d, FILE *out);
/* Report message m at file:line:col (0 = unknown) with printf arguments for its format. */
void diag(struct diag *d, enum diag_msg m, const char *file, int line, int col, ...);
void vdiag(struct diag *d, enum diag_msg m, const char *file, int line, int col, va_list ap);
/* The one rule for exit codes: rc when it already says failure, else 1 when any error was
 * reported (3 when every error was about files), else 0. An error never exits 0. */
int diag_exit(const struct diag *d, int rc);
/* text with control characters, bidirectional overrides and bytes that are not UTF-8 written
 * as \x1b or \u202e, so that a message never lets a deck drive the terminal. Caller frees. */
char *diag_safe(const char *text);
/* True once the cap is reached: an error reported now is counted, not printed, so what only
 * its message needs (a hint, the exact column) need not be worked out. */
bool diag_capped(const struct diag *d);
/* n errors of message m once the cap is reached (diag_capped): counted as diag would count
 * them, without their arguments, which would not be printed. Only when capped. */
void diag_count(struct diag *d, enum diag_msg m, int n);
/* Reports through d, in order, the messages a worker recorded in f (d->record): counted,
 * capped and printed as if they had been reported to d itself. Returns 0, or -1 when f is
 * damaged (nothing is reported then). */
int diag_replay(struct diag *d, FILE *f);
/* Print "N more errors not shown" if the cap was reached; call once per file. */
void diag_flush(struct diag *d, const char *file);
enum diag_level diag_msg_level(enum diag_msg m);
const char *diag_msg_format(enum diag_msg m);
const char *diag_msg_name(enum diag_msg m); /* "M_FIT" */

/* For the suite's walk over every message (tests/msgcheck.sh): when DECKPRESS_MSG_LOG names a
 * file, appends one line "EXIT-CODE M_A M_B ..." with the messages this process reported.
 * Called by main on return and by worker processes before they exit; diag_log_reset
 * forgets the parent's messages in a new worker. */
void diag_log_exit(int rc);
void diag_log_reset(void);

#endif
