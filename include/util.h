/* util.h - allocation that never returns NULL, an arena, a growable string, atomic writes. */
#ifndef DECKPRESS_UTIL_H
#define DECKPRESS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocators that print "deckpress: out of memory" and exit(3) instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Arena: many small allocations freed at once. Memory is zeroed. */
typedef struct arena arena;
arena *arena_new(void);
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_free(arena *a); /* frees the arena and everything allocated from it */

/* Growable NUL-terminated string. sb.s is owned by the strbuf until strbuf_take(). */
typedef struct {
	char *s;
	size_t len, cap;
} strbuf;
void strbuf_add(strbuf *b, const char *s, size_t n);
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *strbuf_take(strbuf *b); /* returns the string (never NULL), resets b; caller frees */
void strbuf_free(strbuf *b);

/* Length conversions: points inside, millimetres at the edges. */
#define PT_PER_MM (72.0 / 25.4)
static inline double mm_to_pt(double mm)
{
	return mm * PT_PER_MM;
}
static inline double pt_to_mm(double pt)
{
	return pt / PT_PER_MM;
}

/* Locale-independent number parsing ("3.5", never "3,5"). Returns false on junk. */
bool parse_double(const char *s, double *out);

/* Atomic output: write to "<path>.tmp.<pid>" in the same directory, rename on commit.
 * atomic_abort() removes the temporary file; the old file at path stays untouched. The
 * temporary file is registered with tmpfiles.h, so a signal removes it too. */
typedef struct {
	char *path, *tmp;
} atomic_file;
void atomic_begin(atomic_file *f, const char *path); /* fills f->tmp; opens nothing */
int atomic_commit(atomic_file *f);                   /* 0 ok, -1 errno set; frees names */
void atomic_abort(atomic_file *f);                   /* unlinks tmp; frees names */
/* Writes len bytes of data to f->tmp (after atomic_begin); 0, or -1 with errno set. */
int atomic_write(atomic_file *f, const char *data, size_t len);
/* Like atomic_commit, for a file that must be new: fails with EEXIST (tmp removed) when
 * path exists, never replacing it (link(2), not rename(2)). */
int atomic_commit_new(atomic_file *f);

/* Where to write output file `path`: through a symlink to its target; refused (NULL and
 * *err, caller frees) for "-", a directory, a device or other non-regular file, a file that
 * is one of inputs[0..n) (the deck itself), or a folder that does not exist. Caller frees. */
char *output_path(const char *path, const char *const *inputs, size_t n, char **err);

/* Levenshtein distance of two short ASCII strings (for "did you mean"). */
int edit_distance(const char *a, const char *b);

/* mkdir -p: path and the folders above it, new ones with `mode` (before umask). 0 when path
 * is then a folder; -1 with errno set (ENOTDIR when a file is in the way). */
int make_dirs(const char *path, unsigned mode);

#endif
