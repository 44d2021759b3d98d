/* load_fields.h - typed readers for deck fields (internal to the deck_load*.c files).
 * Each reader reports what is wrong at the node's file:line:col and returns a neutral value. */
#ifndef DECKPRESS_LOAD_FIELDS_H
#define DECKPRESS_LOAD_FIELDS_H

#include "deck.h"
#include "diag.h"
#include "yaml_tree.h"

/* The chain of files being included, innermost first: a file met again is a cycle. */
typedef struct include_stack {
	const char *real; /* realpath of the file */
	const char *path; /* as written, for messages */
	const struct include_stack *up;
	size_t depth; /* 0 for the top deck */
} include_stack;

/* What one top-level load shares across every file it reads (bounds.h limits them). */
typedef struct load_ctx {
	const char *root; /* realpath of the folder every file named must be inside */
	size_t includes;  /* include: entries followed so far */
	size_t bytes;     /* bytes read so far */
	struct load_part {
		char *real; /* realpath: a file included twice is read once */
		deck *dk;   /* NULL when it could not be loaded */
	} * parts;
	size_t nparts; /* owned here until the top deck takes them as its parts */
} load_ctx;

typedef struct {
	const struct include_stack *stack;
	const char *path;
	struct diag *d;
	deck *dk;
	arena *mem;
	load_ctx *ctx;
} loader;

void report(loader *L, const ynode *at, enum diag_msg m, ...);
srcpos pos_of(const ynode *n);
const ynode *get(const ynode *map, const char *key);            /* value of key in map, or NULL */
const char *nearest(const char *word, const char *const *list); /* likely intended word */
bool in_list(const char *word, const char *const *list);
char *join(const char *const *list); /* "a, b, c"; caller frees */
void unknown_key(loader *L, const ynode *key, const char *where, const char *const *allowed);
/* unknown_key for the i-th kid of map, or the word that a comma in {...} split it off */
void unknown_key_in(loader *L, const ynode *map, size_t i, const char *where,
		    const char *const *allowed);
void check_keys(loader *L, const ynode *map, const char *const *allowed, const char *where);
bool want(loader *L, const ynode *n, ynode_kind kind, const char *what);
const char *scalar(loader *L, const ynode *n, const char *what); /* non-empty text or NULL */
const char *opt_scalar(loader *L, const ynode *map, const char *key, const char *owner);
#define ID_MAX 32             /* ids are printed on the cards */
bool valid_id(const char *s); /* letters, digits, '-', '_'; at most ID_MAX */
bool valid_lang(const char *s);
void text_field(loader *L, const ynode *n, const char *what, mtext *out);
void opt_text(loader *L, const ynode *map, const char *key, const char *owner, mtext *out);
bool number(loader *L, const ynode *n, const char *what, double lo, double hi, double *out);
bool color(loader *L, const ynode *n, const char *what, uint32_t *out);
/* A file named at n, relative to the deck file being loaded (checked later: deck_check). */
bool file_field(loader *L, const ynode *n, const char *what, file_ref *out);

/* include:, select:, exclude: (deck_include.c): loads the included decks into dk->parts and
 * their selected cards, with the categories and sources those cards use, into dk. */
void load_includes(loader *L, const ynode *root);
/* Loads a cards: list, appending to L->dk's cards (deck_load.c). */
void load_cards(loader *L, const ynode *list);
/* Appends to L->dk the cards of `from` chosen by select/exclude (nodes may be NULL: all),
 * with the categories and sources they use; each selector must match (deck_include.c). */
void take_cards(loader *L, const deck *from, const ynode *select, const ynode *exclude,
		const char *where);
/* Appends from `from` the category and source card c refers to, if not there yet. */
void take_refs(loader *L, const deck *from, const card *c);
/* Parses one deck file's bytes (buf, changed; len without its NUL) inside an include chain
 * (deck_load.c). NULL if it could not be parsed. */
deck *deck_load_nested(const char *path, char *buf, size_t len, struct diag *d,
		       const include_stack *stack, load_ctx *ctx);
/* Reports an M_LIMIT error at node `at`: "what" exceeds limit b. */
void report_limit(loader *L, const ynode *at, int b, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Appends n items of `size` bytes to an arena array of *count items; returns the array. */
void *arena_append(arena *a, void *array, size_t *count, const void *items, size_t n, size_t size);

/* A print: mapping into L->dk->print (deck_load_settings.c). */
void load_print(loader *L, const ynode *m);
/* theme:, print:, hyphenation:, booklet: (deck_load_settings.c); fills theme defaults. */
void load_settings(loader *L, const ynode *root);

#endif
