/* util.c - allocation wrappers, arena, string buffer, atomic files, small helpers. */
#include "util.h"

#include "tmpfiles.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libgen.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(void)
{
	fputs("deckpress: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	b.s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.s;
}

/* Arena: a list of blocks; big requests get a block of their own. */
struct block {
	struct block *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct block *head;
};

#define ARENA_BLOCK (64 * 1024)

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void *arena_alloc(arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void strbuf_add(strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strbuf_puts(strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void strbuf_putc(strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void strbuf_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	strbuf_add(b, "", 0); /* make sure b->s exists */
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = b->len + (size_t)n + 1;
		b->s = xrealloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *strbuf_take(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void strbuf_free(strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* strtod honours LC_NUMERIC; deck numbers always use '.', so parse by hand. */
bool parse_double(const char *s, double *out)
{
	const char *p = s;
	double sign = 1, v = 0, scale = 1;
	bool digits = false;
	if (*p == '-' || *p == '+')
		sign = *p++ == '-' ? -1 : 1;
	for (; *p >= '0' && *p <= '9'; p++, digits = true)
		v = v * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits = true)
			v += (*p - '0') * (scale /= 10);
	if (!digits || *p)
		return false;
	*out = sign * v;
	return true;
}

void atomic_begin(atomic_file *f, const char *path)
{
	f->path = xstrdup(path);
	f->tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	tmpfiles_init();
	tmpfiles_add(f->tmp);
}

/* Ends f after rename or link returned rc: the temporary file is removed (unless renamed)
 * and forgotten; errno is that of the rename or link. */
static int atomic_end(atomic_file *f, int rc, bool renamed)
{
	int saved = errno;
	if (rc != 0 || !renamed)
		unlink(f->tmp);
	tmpfiles_remove(f->tmp);
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	errno = saved;
	return rc;
}

int atomic_commit(atomic_file *f)
{
	return atomic_end(f, rename(f->tmp, f->path), true);
}

int atomic_write(atomic_file *f, const char *data, size_t len)
{
	FILE *fp = fopen(f->tmp, "wb");
	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, len, fp);
	int saved = errno;
	if (fclose(fp) != 0 || n != len) {
		errno = n != len ? saved : errno;
		return -1;
	}
	return 0;
}

int atomic_commit_new(atomic_file *f)
{
	return atomic_end(f, link(f->tmp, f->path), false);
}

void atomic_abort(atomic_file *f)
{
	if (f->tmp) {
		unlink(f->tmp);
		tmpfiles_remove(f->tmp);
	}
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
}

int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	int row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static char *resolve_output(const char *path, const char *const *inputs, size_t n, char **err,
			    int links)
{
	struct stat out, in;
	*err = NULL;
	if (links > 16) {
		*err = xasprintf("%s: %s", path, strerror(ELOOP));
		return NULL;
	}
	if (!strcmp(path, "-")) {
		*err = xstrdup("writing to standard output is not supported; give a file name");
		return NULL;
	}
	if (stat(path, &out) == 0) {
		if (!S_ISREG(out.st_mode)) {
			*err = xasprintf("%s is %s, not a file", path,
					 S_ISDIR(out.st_mode) ? "a directory"
							      : "a device or special file");
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			if (stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
			    in.st_ino == out.st_ino) {
				*err = xasprintf(
					"%s is the deck %s itself; choose another output file",
					path, inputs[i]);
				return NULL;
			}
		/* write through a symlink to the file it names, as an editor would */
		char *real = realpath(path, NULL);
		if (real)
			return real;
	}
	struct stat ls;
	char target[4096];
	ssize_t tn;
	if (lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode) &&
	    (tn = readlink(path, target, sizeof target - 1)) > 0) {
		/* a symlink to a file not made yet: create that file, keep the link */
		target[tn] = '\0';
		char *copy = xstrdup(path);
		char *resolved = target[0] == '/' ? xstrdup(target)
						  : xasprintf("%s/%s", dirname(copy), target);
		free(copy);
		char *r = resolve_output(resolved, inputs, n, err, links + 1);
		free(resolved);
		return r;
	}
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	struct stat ds;
	const char *why = stat(dir, &ds) != 0    ? strerror(errno)
			  : !S_ISDIR(ds.st_mode) ? "not a folder"
			  : access(dir, W_OK)    ? strerror(errno)
						 : NULL;
	if (why) {
		*err = xasprintf("cannot write in folder %s: %s", dir, why);
		free(copy);
		return NULL;
	}
	free(copy);
	return xstrdup(path);
}

char *output_path(const char *path, const char *const *inputs, size_t n, char **err)
{
	return resolve_output(path, inputs, n, err, 0);
}

int make_dirs(const char *path, unsigned mode)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/' || s[-1] == '/')
			continue;
		*s = '\0';
		mkdir(p, (mode_t)mode); /* an error shows in the last step */
		*s = '/';
	}
	struct stat st;
	int rc = 0;
	if (mkdir(p, (mode_t)mode) != 0) {
		if (errno != EEXIST)
			rc = -1;
		else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
			errno = ENOTDIR, rc = -1;
	}
	free(p);
	return rc;
}
