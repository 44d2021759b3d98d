/* input.h - reading the files a deck names. Decks come by email, so every file they name is
 * untrusted: it is read only if it is a regular file (a FIFO, device, socket or folder is
 * refused without blocking), only if it lies inside the deck's folder (resolved with
 * realpath, so '..' and symlinks cannot step out) or a folder the command line allowed with
 * --allow-read, and only up to a size limit. The file given on the command line itself is
 * trusted in where it is, not in what it holds. */
#ifndef DECKPRESS_INPUT_H
#define DECKPRESS_INPUT_H

#include <stddef.h>

typedef enum {
	IN_OK,
	IN_OPEN,    /* cannot be opened or read; why holds the system's reason */
	IN_FOLDER,  /* is a folder */
	IN_SPECIAL, /* a FIFO, device or socket */
	IN_OUTSIDE, /* outside the root and every allowed folder */
	IN_TOO_BIG, /* larger than max; size holds at least max + 1 */
} input_status;

typedef struct {
	input_status status;
	char *why;   /* a phrase for messages ("No such file or directory"); caller frees */
	size_t size; /* bytes read (IN_OK) or seen (IN_TOO_BIG) */
} input_result;

/* Allows reading below dir as well (trusted command line). NULL, or why not (caller frees). */
char *input_allow(const char *dir);
/* Forgets every allowed folder (tests). */
void input_allow_reset(void);

/* The folder of path, resolved with realpath: the root for the files that file names.
 * NULL if path does not resolve. Caller frees. */
char *input_root_of(const char *path);

/* rel, relative to the folder of the file `from` (kept as given when absolute, or when
 * `from` is in the current folder: "c.yaml", never "./c.yaml", in messages). Caller frees. */
char *input_beside(const char *from, const char *rel);
/* Where `file`, relative to the folder of the file `origin`, is seen from the folder
 * out_dir (a deck or spreadsheet written there names it so): relative when both folders
 * exist, else as written. Caller frees. */
char *input_moved(const char *file, const char *origin, const char *out_dir);

/* Reads the file at path whole (NUL-terminated, so text can be used as a string) if it is a
 * regular file inside root (NULL root: anywhere) of at most max bytes. Returns the bytes
 * (caller frees) or NULL with r->status saying why; r->why is set for every failure. */
char *input_read(const char *path, const char *root, size_t max, input_result *r);

/* What input_read would say about path, without reading it (r->why: caller frees). */
void input_probe(const char *path, const char *root, input_result *r);

/* A sentence for a failed read, e.g. "is a FIFO or device, not a regular file": what the
 * messages that name the file say. Caller frees. */
char *input_problem(const input_result *r, const char *root);

#endif
