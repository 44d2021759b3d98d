/* srcloc.c - find a character of a text in its deck file, for located messages. */
#include "srcloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bounds.h"
#include "input.h"
#include "util.h"

/* A deck file read again for located messages, kept for the next message: a deck that
 * sets off thousands (a character missing from every card, every quote in quotation marks)
 * must not read and count through the whole file for each. marks[k] is the line:col of
 * byte marks[k].off, a character's first byte, about every MARK_EVERY bytes, so that
 * finding a line:col or the line:col of a byte looks at a few KB, however long the file or
 * its lines. */
#define MARK_EVERY 4096
#define KEEP_FILES 4 /* a deck and the files it includes, reported in turns */

typedef struct {
	size_t off;
	srcpos at;
} mark;

typedef struct {
	char *path;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime; /* the file as read: another one there is read anew */
	char *buf;             /* without a byte order mark */
	size_t len;
	mark *marks;
	size_t nmarks;
	unsigned long used;
} kept_file;

static kept_file kept[KEEP_FILES];
static unsigned long tick;

static bool continuation(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

static void forget(kept_file *k)
{
	free(k->path);
	free(k->buf);
	free(k->marks);
	*k = (kept_file){0};
}

void srcloc_release(void)
{
	for (int i = 0; i < KEEP_FILES; i++)
		forget(&kept[i]);
}

/* One step of the walk through a file: byte buf[i] counted into *p. */
static void step(const char *buf, size_t i, srcpos *p)
{
	if (buf[i] == '\n')
		p->line++, p->col = 1;
	else if (!continuation((unsigned char)buf[i]))
		p->col++;
}

static void make_marks(kept_file *k)
{
	size_t cap = k->len / MARK_EVERY + 2;
	k->marks = xmalloc(cap * sizeof *k->marks);
	srcpos p = {1, 1};
	size_t next = 0; /* a mark at the first character that starts here or after */
	for (size_t i = 0; i < k->len; i++) {
		if (i >= next && !continuation((unsigned char)k->buf[i]) && k->nmarks < cap) {
			k->marks[k->nmarks++] = (mark){i, p};
			next = i - i % MARK_EVERY + MARK_EVERY;
		}
		step(k->buf, i, &p);
	}
	if (!k->nmarks)
		k->marks[k->nmarks++] = (mark){0, p};
}

/* The file at path, read (again) when it is not kept or has changed; NULL when it cannot be
 * read. It was read once already to be loaded, so reading it is allowed. */
static kept_file *file_of(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return NULL;
	kept_file *k = &kept[0];
	for (int i = 0; i < KEEP_FILES; i++) {
		kept_file *c = &kept[i];
		if (c->path && !strcmp(c->path, path) && c->dev == st.st_dev &&
		    c->ino == st.st_ino && c->size == st.st_size &&
		    c->mtime.tv_sec == st.st_mtim.tv_sec && c->mtime.tv_nsec == st.st_mtim.tv_nsec) {
			c->used = ++tick;
			return c;
		}
		if (c->used < k->used)
			k = c; /* the longest unused, or an empty one */
	}
	forget(k);
	input_result r = {0};
	char *buf = input_read(path, NULL, bound_get(B_FILE_BYTES), &r);
	free(r.why);
	if (!buf)
		return NULL;
	size_t skip = r.size >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	*k = (kept_file){.path = xstrdup(path),
			 .dev = st.st_dev,
			 .ino = st.st_ino,
			 .size = st.st_size,
			 .mtime = st.st_mtim,
			 .buf = buf,
			 .len = r.size - skip,
			 .used = ++tick};
	memmove(buf, buf + skip, k->len + 1);
	make_marks(k);
	return k;
}

static bool before(srcpos a, srcpos b)
{
	return a.line < b.line || (a.line == b.line && a.col <= b.col);
}

/* The last mark at or before line:col p, or at or before byte `off` (by_off). */
static const mark *mark_before(const kept_file *k, srcpos p, size_t off, bool by_off)
{
	size_t lo = 0, hi = k->nmarks; /* marks[lo] qualifies: marks[0] is byte 0, 1:1 */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_off ? k->marks[mid].off <= off : before(k->marks[mid].at, p))
			lo = mid;
		else
			hi = mid;
	}
	return &k->marks[lo];
}

/* Byte offset of line:col in the file, or its length if it is past the end; a column past
 * the end of its line is the line's end. */
static size_t offset_of(const kept_file *k, srcpos p)
{
	const mark *m = mark_before(k, p, 0, false);
	size_t i = m->off;
	srcpos at = m->at;
	for (; at.line < p.line && i < k->len; i++)
		step(k->buf, i, &at);
	for (; at.col < p.col && i < k->len && k->buf[i] != '\n'; at.col++)
		for (i++; i < k->len && continuation((unsigned char)k->buf[i]); i++)
			;
	return i;
}

static srcpos position_of(const kept_file *k, size_t off)
{
	const mark *m = mark_before(k, (srcpos){0, 0}, off, true);
	srcpos p = m->at;
	for (size_t i = m->off; i < off; i++)
		step(k->buf, i, &p);
	return p;
}

/* The code point of the UTF-8 character s starts with. */
static unsigned long code_point(const unsigned char *s)
{
	int n = *s < 0x80 ? 0 : *s < 0xE0 ? 1 : *s < 0xF0 ? 2 : 3;
	unsigned long cp = n ? *s & (0x3F >> n) : *s;
	for (int i = 1; i <= n && s[i]; i++)
		cp = cp << 6 | (s[i] & 0x3F);
	return cp;
}

/* True when p is a YAML escape of code point cp: \xXX, \uXXXX or \UXXXXXXXX. */
static bool escape_of(const char *p, const char *end, unsigned long cp)
{
	int digits = p[0] != '\\' ? 0 : p[1] == 'x' ? 2 : p[1] == 'u' ? 4 : p[1] == 'U' ? 8 : 0;
	if (!digits || end - p < 2 + digits)
		return false;
	unsigned long v = 0;
	for (int i = 0; i < digits; i++) {
		int c = p[2 + i], d = c >= '0' && c <= '9'   ? c - '0'
				      : c >= 'a' && c <= 'f' ? c - 'a' + 10
				      : c >= 'A' && c <= 'F' ? c - 'A' + 10
							     : -1;
		if (d < 0)
			return false;
		v = v << 4 | (unsigned long)d;
	}
	return v == cp;
}

srcpos srcloc_find(const char *file, srcpos from, const char *needle, size_t span)
{
	size_t nlen = strlen(needle);
	const kept_file *k = file && from.line > 0 && nlen ? file_of(file) : NULL;
	if (!k)
		return from;
	const char *buf = k->buf;
	size_t len = k->len, start = offset_of(k, from);
	/* in a "..." value a character may be written as an escape: look for that too */
	bool escapes = start < len && buf[start] == '"';
	unsigned long cp = code_point((const unsigned char *)needle);
	if (start < len && (buf[start] == '"' || buf[start] == '\''))
		start++; /* a quote at the start of a value is YAML's, not the text's */
	size_t end = len - start > span ? start + span : len;
	for (size_t i = start; i + nlen <= end || (escapes && i < end); i++)
		if ((i + nlen <= end && !memcmp(buf + i, needle, nlen)) ||
		    (escapes && escape_of(buf + i, buf + end, cp)))
			return position_of(k, i);
	return from;
}

size_t srcloc_span(size_t len)
{
	return 2 * len + 256;
}
