/* srcloc.c - find a character of a text in its deck file, for located messages. */
#include "srcloc.h"

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

srcpos srcloc_find(const char *file, srcpos from, const char *needle, size_t span)
{
	size_t len = 0, nlen = strlen(needle);
	char *buf = file && from.line > 0 && nlen ? slurp(file, &len) : NULL;
	if (!buf)
		return from;
	size_t start = offset_of(buf, len, from);
	if (start < len && (buf[start] == '"' || buf[start] == '\''))
		start++; /* a quote at the start of a value is YAML's, not the text's */
	size_t end = len - start > span ? start + span : len;
	srcpos at = from;
	for (size_t i = start; i + nlen <= end; i++)
		if (!memcmp(buf + i, needle, nlen)) {
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
