/* input.c - open untrusted files: regular files only, confined, bounded. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char **allowed;
static size_t nallowed;

char *input_allow(const char *dir)
{
	char *real = realpath(dir, NULL);
	struct stat st;
	if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
		char *msg = xasprintf("--allow-read %s: %s", dir,
				      real ? "not a folder" : strerror(errno));
		free(real);
		return msg;
	}
	allowed = xrealloc(allowed, (nallowed + 1) * sizeof *allowed);
	allowed[nallowed++] = xstrdup(real);
	free(real);
	return NULL;
}

void input_allow_reset(void)
{
	for (size_t i = 0; i < nallowed; i++)
		free(allowed[i]);
	free(allowed);
	allowed = NULL;
	nallowed = 0;
}

char *input_root_of(const char *path)
{
	char *copy = xstrdup(path);
	char *real = realpath(dirname(copy), NULL);
	free(copy);
	if (!real)
		return NULL;
	char *out = xstrdup(real); /* realpath's malloc; keep our allocator's contract */
	free(real);
	return out;
}

char *input_beside(const char *from, const char *rel)
{
	if (rel[0] == '/')
		return xstrdup(rel);
	char *copy = xstrdup(from);
	const char *dir = dirname(copy);
	/* messages name the path: "c.yaml" beside "deck.yaml", not "./c.yaml"; "/c.yaml", not
	 * "//c.yaml" */
	char *p = !strcmp(dir, ".") ? xstrdup(rel)
		  : !strcmp(dir, "/") ? xasprintf("/%s", rel)
				      : xasprintf("%s/%s", dir, rel);
	free(copy);
	return p;
}

/* real is dir or lies below it ("/a/b" is below "/a", "/ab" is not). */
static bool below(const char *real, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return real[0] == '/';
	return !strncmp(real, dir, n) && (real[n] == '/' || real[n] == '\0');
}

static bool permitted(const char *real, const char *root)
{
	if (!root || below(real, root))
		return true;
	for (size_t i = 0; i < nallowed; i++)
		if (below(real, allowed[i]))
			return true;
	return false;
}

static char *fail(input_result *r, input_status s, const char *why)
{
	r->status = s;
	r->why = xstrdup(why);
	return NULL;
}

static input_status kind_of(mode_t m)
{
	return S_ISREG(m) ? IN_OK : S_ISDIR(m) ? IN_FOLDER : IN_SPECIAL;
}

/* Reads an open regular file up to max + 1 bytes. */
static char *read_all(int fd, size_t max, input_result *r)
{
	strbuf b = {0};
	strbuf_add(&b, "", 0);
	char chunk[65536];
	for (;;) {
		size_t want = sizeof chunk;
		if (b.len + want > max + 1)
			want = max + 1 - b.len;
		if (want == 0)
			break;
		ssize_t n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			strbuf_free(&b);
			return fail(r, IN_OPEN, strerror(errno));
		}
		if (n == 0)
			break;
		strbuf_add(&b, chunk, (size_t)n);
	}
	r->size = b.len;
	if (b.len > max) {
		strbuf_free(&b);
		return fail(r, IN_TOO_BIG, "too large");
	}
	return strbuf_take(&b);
}

/* The realpath of path if it may be read (a regular file, permitted); else NULL with r set. */
static char *probe(const char *path, const char *root, input_result *r)
{
	*r = (input_result){IN_OK, NULL, 0};
	char *real = realpath(path, NULL);
	struct stat st;
	if (!real)
		fail(r, IN_OPEN, strerror(errno));
	else if (!permitted(real, root))
		fail(r, IN_OUTSIDE, "outside the deck's folder");
	else if (stat(real, &st) != 0)
		fail(r, IN_OPEN, strerror(errno));
	else if (kind_of(st.st_mode) != IN_OK)
		/* never open it: opening a FIFO or a terminal blocks or has effects */
		fail(r, kind_of(st.st_mode), "not a regular file");
	if (r->status == IN_OK)
		return real;
	free(real);
	return NULL;
}

void input_probe(const char *path, const char *root, input_result *r)
{
	free(probe(path, root, r));
}

char *input_read(const char *path, const char *root, size_t max, input_result *r)
{
	char *real = probe(path, root, r);
	char *out = NULL;
	if (real) {
		int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		struct stat fst;
		if (fd < 0)
			fail(r, IN_OPEN, strerror(errno));
		else if (fstat(fd, &fst) != 0 || kind_of(fst.st_mode) != IN_OK)
			fail(r, IN_SPECIAL, "not a regular file"); /* swapped after the stat */
		else
			out = read_all(fd, max, r);
		if (fd >= 0)
			close(fd);
	}
	free(real);
	return out;
}

char *input_problem(const input_result *r, const char *root)
{
	switch (r->status) {
	case IN_OK:
		return xstrdup("can be read");
	case IN_OPEN:
		return xstrdup(r->why ? r->why : "cannot be read");
	case IN_FOLDER:
		return xstrdup("is a folder, not a file");
	case IN_SPECIAL:
		return xstrdup("is a FIFO, device or socket, not a regular file");
	case IN_OUTSIDE:
		(void)root;
		return xstrdup("is outside the deck's folder");
	case IN_TOO_BIG:
		return xasprintf("is larger than %zu bytes", r->size ? r->size - 1 : 0);
	}
	return xstrdup("cannot be read");
}

/* Appends path's segments to the stack of segments v (*n used), folding "." and "..". */
static void push_segments(char *path, char **v, size_t *n, size_t max)
{
	for (char *save = NULL, *seg = strtok_r(path, "/", &save); seg;
	     seg = strtok_r(NULL, "/", &save)) {
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, ".."))
			*n -= *n > 0;
		else if (*n < max)
			v[(*n)++] = seg;
	}
}

char *input_moved(const char *file, const char *origin, const char *out_dir)
{
	if (file[0] == '/')
		return xstrdup(file);
	char *copy = xstrdup(origin), *slash = strrchr(copy, '/');
	if (slash)
		*slash = '\0';
	char from[PATH_MAX], to[PATH_MAX];
	bool ok = realpath(slash ? copy : ".", from) && realpath(out_dir, to);
	free(copy);
	if (!ok)
		return xstrdup(file);
	/* the file's path, folded (a symbolic link keeps its name), against out_dir's */
	enum { MAX_SEGS = PATH_MAX / 2 };
	char *target = xasprintf("%s/%s", from, file), **t = xmalloc(MAX_SEGS * sizeof *t),
	     **o = xmalloc(MAX_SEGS * sizeof *o);
	size_t nt = 0, no = 0, common = 0;
	push_segments(target, t, &nt, MAX_SEGS);
	push_segments(to, o, &no, MAX_SEGS);
	while (common < nt && common < no && !strcmp(t[common], o[common]))
		common++;
	strbuf b = {0};
	for (size_t i = common; i < no; i++)
		strbuf_puts(&b, "../");
	for (size_t i = common; i < nt; i++)
		strbuf_printf(&b, "%s%s", i > common ? "/" : "", t[i]);
	free(t);
	free(o);
	free(target);
	return strbuf_take(&b);
}
