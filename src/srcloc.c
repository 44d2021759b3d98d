/* srcloc.c - find a character of a text in its deck file, for located messages. */
#include "srcloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "input.h"
#include "util.h"

/* The file's bytes without a byte order mark, or NULL; caller frees. Messages are rare, so
 * the file (read once already, so allowed) is read again rather than kept for the run. */
static char *slurp(const char *path, size_t *len)
{
	input_result r = {0};
	char *buf = input_read(path, NULL, bound_get(B_FILE_BYTES), &r);
	free(r.why);
	if (!buf)
		return NULL;
	size_t skip = r.size >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	*len = r.size - skip;
	memmove(buf, buf + skip, *len + 1);
	return buf;
}

static bool continuation(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Byte offset of line:col in buf (len bytes), or len if it is past the end. */
static size_t offset_of(const char *buf, size_t len, srcpos p)
{
	size_t i = 0;
	for (int line = 1; line < p.line && i < len; i++)
		if (buf[i] == '\n')
			line++;
	for (int col = 1; col < p.col && i < len && buf[i] != '\n'; col++)
		for (i++; i < len && continuation((unsigned char)buf[i]); i++)
			;
	return i;
}

static srcpos position_of(const char *buf, size_t at)
{
	srcpos p = {1, 1};
	for (size_t i = 0; i < at; i++) {
		if (buf[i] == '\n')
			p.line++, p.col = 1;
		else if (!continuation((unsigned char)buf[i]))
			p.col++;
	}
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
	size_t len = 0, nlen = strlen(needle);
	char *buf = file && from.line > 0 && nlen ? slurp(file, &len) : NULL;
	if (!buf)
		return from;
	size_t start = offset_of(buf, len, from);
	/* in a "..." value a character may be written as an escape: look for that too */
	bool escapes = start < len && buf[start] == '"';
	unsigned long cp = code_point((const unsigned char *)needle);
	if (start < len && (buf[start] == '"' || buf[start] == '\''))
		start++; /* a quote at the start of a value is YAML's, not the text's */
	size_t end = len - start > span ? start + span : len;
	srcpos at = from;
	for (size_t i = start; i + nlen <= end || (escapes && i < end); i++)
		if ((i + nlen <= end && !memcmp(buf + i, needle, nlen)) ||
		    (escapes && escape_of(buf + i, buf + end, cp))) {
			at = position_of(buf, i);
			break;
		}
	free(buf);
	return at;
}

size_t srcloc_span(size_t len)
{
	return 2 * len + 256;
}
