/* diag.c - print diagnostics GCC-style from the message table in diag_msgs.h. */
#include "diag.h"

#include <stdarg.h>

static const struct {
	enum diag_level level;
	const char *fmt;
	const char *hint;
} table[] = {
#define MSG(id, level, fmt, hint) {level, fmt, hint},
#include "diag_msgs.h"
#undef MSG
};

static const char *level_names[] = {"note", "warning", "error"};

void diag_init(struct diag *d, FILE *out)
{
	*d = (struct diag){.out = out, .max_errors = DIAG_MAX_ERRORS, .last = M__COUNT};
}

enum diag_level diag_msg_level(enum diag_msg m)
{
	return table[m].level;
}

const char *diag_msg_format(enum diag_msg m)
{
	return table[m].fmt;
}

static void where(FILE *out, const char *file, int line, int col)
{
	if (!file)
		fputs("deckpress: ", out);
	else if (line <= 0)
		fprintf(out, "%s: ", file);
	else if (col <= 0)
		fprintf(out, "%s:%d: ", file, line);
	else
		fprintf(out, "%s:%d:%d: ", file, line, col);
}

void diag(struct diag *d, enum diag_msg m, const char *file, int line, int col, ...)
{
	va_list ap;
	va_start(ap, col);
	vdiag(d, m, file, line, col, ap);
	va_end(ap);
}

void vdiag(struct diag *d, enum diag_msg m, const char *file, int line, int col, va_list ap)
{
	enum diag_level level = table[m].level;
	d->last = m;
	if (m == M_IO_OPEN || m == M_IO_DIR || m == M_IO_WRITE)
		d->nio++;
	if (level == DIAG_ERROR && d->nerrors++ >= d->max_errors) {
		d->suppressed++;
		return;
	}
	if (level == DIAG_WARNING)
		d->nwarnings++;
	where(d->out, file, line, col);
	fprintf(d->out, "%s: ", level_names[level]);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vfprintf(d->out, table[m].fmt, ap);
#pragma GCC diagnostic pop
	fputc('\n', d->out);
	if (table[m].hint) {
		where(d->out, file, line, col);
		fprintf(d->out, "note: %s\n", table[m].hint);
	}
}

void diag_flush(struct diag *d, const char *file)
{
	if (d->suppressed) {
		where(d->out, file, 0, 0);
		fprintf(d->out, "note: %d more errors not shown; fix the ones above first\n",
			d->suppressed);
		d->suppressed = 0;
	}
}
