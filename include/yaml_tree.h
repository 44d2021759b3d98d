/* yaml_tree.h - read a YAML file into a small tree of scalars, mappings and sequences.
 *
 * Everything a deck author can get wrong at the byte and syntax level is reported here,
 * with 1-based line:column: size limit, invalid UTF-8, NUL bytes and escaped NULs, tabs used
 * for indentation, YAML syntax errors, anchors and aliases (refused: a "billion laughs" file
 * fails at once), duplicate keys, more nesting or nodes than the limits (bounds.h) allow,
 * more than one document. */
#ifndef DECKPRESS_YAML_TREE_H
#define DECKPRESS_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } ynode_kind;

typedef struct ynode {
	ynode_kind kind;
	int line, col;       /* 1-based start of the node */
	const char *value;   /* scalar text, NUL-terminated (an escaped NUL is refused) */
	bool plain;          /* scalar written without quotes (so "~", "null", "" mean nothing) */
	bool literal;        /* block scalar '|': its newlines are line breaks as written */
	struct ynode **kids; /* sequence items; mapping: key, value, key, value... */
	size_t n;            /* number of kids */
} ynode;

/* Parses the bytes of file `path` (named in messages; buf is changed, len excludes the NUL
 * that must follow it) into a tree allocated from `mem`. Returns 0 and sets *root (NULL for
 * an empty document), or -1 after reporting errors to d. */
int ytree_parse(const char *path, char *buf, size_t len, arena *mem, struct diag *d, ynode **root);
/* Reads path with input_read (inside root; NULL: anywhere) up to the file-bytes limit;
 * reports why not against path. Caller frees. */
char *ytree_read(const char *path, const char *root, size_t *len, struct diag *d);
/* ytree_read (the file named on the command line: any folder) + ytree_parse. */
int ytree_load(const char *path, arena *mem, struct diag *d, ynode **root);

/* Nodes made by other readers (a spreadsheet: deck_csv.c), allocated from mem: a node of
 * `kind` at line:col (kids to be set by the caller), and a scalar whose line breaks are kept
 * as written (like YAML's '|'). */
ynode *ynode_new(arena *mem, ynode_kind kind, int line, int col);
ynode *ynode_new_scalar(arena *mem, const char *value, int line, int col);

/* True for a plain scalar meaning "nothing": empty, ~, null. */
bool ynode_is_null(const ynode *n);
const char *ynode_kind_name(const ynode *n); /* "text", "mapping", "list" */

#endif
