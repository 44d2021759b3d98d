/* diag.c - print diagnostics GCC-style from the message table in diag_msgs.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *name;
	enum diag_level level;
	const char *fmt;
	const char *hint;
} table[] = {
#define MSG(id, level, fmt, hint) {#id, level, fmt, hint},
#include "diag_msgs.h"
#undef MSG
};

/* Which messages this process reported, for DECKPRESS_MSG_LOG (see diag_log_exit). */
static unsigned char seen[M__COUNT];

static const char *level_names[] = {"note", "warning", "error"};

bool diag_capped(const struct diag *d)
{
	return d->nerrors >= d->max_errors;
}

/* Notes message m as reported, printed or not: an error about a file (not the deck's
 * content) makes the exit code 3. */
static void note_reported(struct diag *d, enum diag_msg m)
{
	d->last = m;
	seen[m] |= !d->silent;
	d->nio += m == M_IO_OPEN || m == M_IO_DIR || m == M_IO_WRITE;
}

/* Counts n errors of message m that are not printed (past the cap). */
static void count_unprinted(struct diag *d, enum diag_msg m, int n)
{
	for (int k = 0; k < n; k++) {
		note_reported(d, m);
		d->nerrors++;
		d->suppressed++;
	}
	if (n > 0 && d->record)
		fprintf(d->record, "C %d %d\n", (int)m, n);
}

void diag_count(struct diag *d, enum diag_msg m, int n)
{
	if (diag_capped(d) && table[m].level == DIAG_ERROR)
		count_unprinted(d, m, n);
}

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

const char *diag_msg_name(enum diag_msg m)
{
	return table[m].name;
}

/* Length of a UTF-8 character at s that is safe to show on a terminal, 0 if it must be
 * escaped: C0 and C1 controls, DEL, bidirectional overrides (they reorder what the reader
 * sees), and bytes that are not UTF-8. */
static size_t safe_char(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 0;
	if (*s < 0x80)
		return 1;
	size_t n = *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc2 ? 2 : 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0) /* U+0080..U+009F */
		return 0;
	if (n == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae)
		return 0; /* U+202A..U+202E */
	if (n == 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return 0; /* U+2066..U+2069 */
	return n;
}

char *diag_safe(const char *text)
{
	strbuf b = {0};
	strbuf_add(&b, "", 0);
	for (const unsigned char *p = (const unsigned char *)text; *p;) {
		size_t n = safe_char(p);
		if (n) {
			strbuf_add(&b, (const char *)p, n);
			p += n;
		} else if (*p >= 0x80 && p[1]) {
			/* a whole character (bidi, C1) as \uXXXX; a stray byte as \xNN */
			size_t len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2, k = 1;
			while (k < len && (p[k] & 0xc0) == 0x80)
				k++;
			if (k == len) {
				unsigned cp = *p & (0x7f >> len);
				for (size_t i = 1; i < len; i++)
					cp = cp << 6 | (p[i] & 0x3f);
				strbuf_printf(&b, "\\u%04x", cp);
				p += len;
			} else {
				strbuf_printf(&b, "\\x%02x", *p++);
			}
		} else {
			strbuf_printf(&b, "\\x%02x", *p++);
		}
	}
	return strbuf_take(&b);
}

static void put_safe(FILE *out, const char *text)
{
	char *s = diag_safe(text);
	fputs(s, out);
	free(s);
}

static void where(FILE *out, const char *file, int line, int col)
{
	if (!file) {
		fputs("deckpress: ", out);
		return;
	}
	put_safe(out, file);
	if (line > 0 && col > 0)
		fprintf(out, ":%d:%d", line, col);
	else if (line > 0)
		fprintf(out, ":%d", line);
	fputs(": ", out);
}

/* FNV-1a over a message and its place. */
static unsigned long long place_hash(enum diag_msg m, const char *file, int line, int col,
				     const char *text)
{
	char head[64];
	snprintf(head, sizeof head, "%d:%d:%d:", (int)m, line, col);
	const char *parts[] = {head, file ? file : "", "\n", text ? text : ""};
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
	return h ? h : 1;
}

void diag(struct diag *d, enum diag_msg m, const char *file, int line, int col, ...)
{
	va_list ap;
	va_start(ap, col);
	vdiag(d, m, file, line, col, ap);
	va_end(ap);
}

static void record(FILE *f, enum diag_msg m, const char *file, int line, int col, const char *text);

/* Message m with its text: counted, then printed (or recorded) unless it is an error past
 * the cap or the warning said right before. */
static void report(struct diag *d, enum diag_msg m, const char *file, int line, int col,
		   const char *text)
{
	enum diag_level level = table[m].level;
	if (level == DIAG_ERROR && d->nerrors >= d->max_errors) {
		count_unprinted(d, m, 1);
		return;
	}
	note_reported(d, m);
	d->nerrors += level == DIAG_ERROR;
	d->nwarnings += level == DIAG_WARNING && d->silent;
	if (d->silent)
		return;
	if (d->record) {
		record(d->record, m, file, line, col, text);
		return;
	}
	if (level == DIAG_WARNING) {
		/* the same warning at the same place right again (the items of a list that a
		 * spreadsheet cell holds share its row:column) is said and counted once */
		unsigned long long h = place_hash(m, file, line, col, text);
		if (h == d->last_warning)
			return;
		d->last_warning = h;
		d->nwarnings++;
	}
	size_t k = d->stage ? strlen(d->stage) : 0;
	char *shown = k && file && !strncmp(file, d->stage, k) && file[k] == '/'
			      ? xasprintf("%s%s", d->stage_as, file + k)
			      : NULL;
	where(d->out, shown ? shown : file, line, col);
	fprintf(d->out, "%s: ", level_names[level]);
	/* deck text in a message (ids, values, file names) is shown, never obeyed */
	put_safe(d->out, text ? text : "?");
	fputc('\n', d->out);
	if (table[m].hint) {
		where(d->out, shown ? shown : file, line, col);
		fprintf(d->out, "note: %s\n", table[m].hint);
	}
	free(shown);
}

void vdiag(struct diag *d, enum diag_msg m, const char *file, int line, int col, va_list ap)
{
	if (table[m].level == DIAG_ERROR && diag_capped(d)) {
		count_unprinted(d, m, 1); /* not printed: no need to format it */
		return;
	}
	char *text = NULL;
	va_list copy;
	va_copy(copy, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	int n = vsnprintf(NULL, 0, table[m].fmt, copy);
	va_end(copy);
	if (n >= 0) {
		text = xmalloc((size_t)n + 1);
		vsnprintf(text, (size_t)n + 1, table[m].fmt, ap);
	}
#pragma GCC diagnostic pop
	report(d, m, file, line, col, text);
	free(text);
}

/* --- records: a worker's messages, reported by its parent in order ---
 *
 * "M id line col file-length text-length\n" then the file's and the text's bytes and a
 * newline (file-length -1: no file; text-length -1: no text); "C id n\n" for n errors
 * counted past the cap. */

static void record(FILE *f, enum diag_msg m, const char *file, int line, int col, const char *text)
{
	fprintf(f, "M %d %d %d %ld %ld\n%s%s\n", (int)m, line, col, file ? (long)strlen(file) : -1L,
		text ? (long)strlen(text) : -1L, file ? file : "", text ? text : "");
}

/* The bytes of a string of length len from f (len -1: NULL); false when f ends first. */
static bool read_part(FILE *f, long len, char **out)
{
	*out = NULL;
	if (len < 0)
		return len == -1;
	char *s = malloc((size_t)len + 1);
	if (!s || fread(s, 1, (size_t)len, f) != (size_t)len) {
		free(s);
		return false;
	}
	s[len] = '\0';
	*out = s;
	return true;
}

/* Reads f's records; reports each through d when d is not NULL. Returns 0, or -1 when a
 * record is damaged. */
static int replay(struct diag *d, FILE *f)
{
	char head[128];
	while (fgets(head, sizeof head, f)) {
		int m, line, col, n;
		long flen, tlen;
		char *file, *text;
		if (sscanf(head, "C %d %d", &m, &n) == 2 && m >= 0 && m < M__COUNT && n > 0) {
			if (d)
				count_unprinted(d, (enum diag_msg)m, n);
			continue;
		}
		if (sscanf(head, "M %d %d %d %ld %ld", &m, &line, &col, &flen, &tlen) != 5 ||
		    m < 0 || m >= M__COUNT)
			return -1;
		if (!read_part(f, flen, &file))
			return -1;
		bool ok = read_part(f, tlen, &text) && fgetc(f) == '\n';
		if (ok && d)
			report(d, (enum diag_msg)m, file, line, col, text);
		free(file);
		free(text);
		if (!ok)
			return -1;
	}
	return ferror(f) ? -1 : 0;
}

int diag_replay(struct diag *d, FILE *f)
{
	rewind(f);
	if (replay(NULL, f) != 0) /* all or nothing: a damaged file reports none */
		return -1;
	rewind(f);
	return replay(d, f);
}

int diag_exit(const struct diag *d, int rc)
{
	if (rc != 0 || d->nerrors == 0)
		return rc;
	return d->nio == d->nerrors ? 3 : 1;
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

void diag_log_reset(void)
{
	memset(seen, 0, sizeof seen);
}

void diag_log_exit(int rc)
{
	const char *path = getenv("DECKPRESS_MSG_LOG");
	if (!path || !*path)
		return;
	strbuf b = {0};
	strbuf_printf(&b, "%d", rc);
	for (int m = 0; m < M__COUNT; m++)
		if (seen[m])
			strbuf_printf(&b, " %s", table[m].name);
	strbuf_putc(&b, '\n');
	/* one append per process: lines of parallel processes never interleave */
	FILE *f = fopen(path, "a");
	if (f) {
		fwrite(b.s, 1, b.len, f);
		fclose(f);
	}
	strbuf_free(&b);
}
