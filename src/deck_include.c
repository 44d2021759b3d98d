/* deck_include.c - include: other decks, choose their cards with select: and exclude:. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "input.h"
#include "load_fields.h"
#include "selection.h"

void *arena_append(arena *a, void *array, size_t *count, const void *items, size_t n, size_t size)
{
	if (n == 0)
		return array;
	char *grown = arena_alloc(a, (*count + n) * size);
	if (*count)
		memcpy(grown, array, *count * size);
	memcpy(grown + *count * size, items, n * size);
	*count += n;
	return grown;
}

/* A select:/exclude: value: one selector or a list of them. */
typedef struct {
	const char *key;     /* "select" or "exclude" */
	const ynode **nodes; /* one per selector, for messages */
	selection *sel;      /* NULL when absent or wrong (reported) */
} chooser;

static void chooser_parse(loader *L, const ynode *n, const char *key, chooser *ch)
{
	*ch = (chooser){.key = key};
	if (!n)
		return;
	size_t count = n->kind == YN_SEQ ? n->n : 1;
	if (count > bound_get(B_SELECTORS)) {
		report_limit(L, n, B_SELECTORS, "'%s' lists %zu selectors, more than %zu", key,
			     count, bound_get(B_SELECTORS));
		return;
	}
	ch->nodes = xcalloc(count + 1, sizeof(ynode *));
	const char **texts = xcalloc(count + 1, sizeof(char *));
	for (size_t i = 0; i < count; i++) {
		ch->nodes[i] = n->kind == YN_SEQ ? n->kids[i] : n;
		texts[i] = scalar(L, ch->nodes[i], key);
		if (!texts[i]) {
			free(texts);
			return;
		}
	}
	char *err = NULL;
	size_t bad = 0;
	ch->sel = selection_parse(texts, count, &err, &bad);
	if (!ch->sel) {
		report(L, ch->nodes[bad], M_SELECT_BAD, key, err);
		free(err);
	}
	free(texts);
}

static void chooser_free(chooser *ch)
{
	selection_free(ch->sel);
	free(ch->nodes);
}

/* Every selector must choose something: one that does not is a typo or an outdated id. */
static void chooser_check(loader *L, chooser *ch, const card *cards, size_t n, const char *where)
{
	if (!ch->sel)
		return;
	long bad = selection_unmatched(ch->sel, cards, n);
	if (bad >= 0)
		report(L, ch->nodes[bad], M_SELECT_NONE, ch->key, ch->nodes[bad]->value, where);
}

static bool keep(const chooser *sel, const chooser *exc, const card *c)
{
	return (!sel->sel || selection_match(sel->sel, c)) &&
	       !(exc->sel && selection_match(exc->sel, c));
}

/* "top.yaml -> a.yaml -> b.yaml -> a.yaml": the outermost file first. */
static char *chain(const include_stack *st, const char *again)
{
	if (!st)
		return xstrdup(again);
	char *rest = chain(st->up, st->path);
	char *s = xasprintf("%s -> %s", rest, again);
	free(rest);
	return s;
}

/* The limits on includes: depth, and how many are followed in all. */
static bool include_allowed(loader *L, const ynode *file)
{
	size_t depth = L->stack ? L->stack->depth + 1 : 1;
	if (depth > bound_get(B_INCLUDE_DEPTH)) {
		report_limit(L, file, B_INCLUDE_DEPTH, "'%s' would be included %zu decks deep",
			     file->value, depth);
		return false;
	}
	if (++L->ctx->includes > bound_get(B_INCLUDES)) {
		report_limit(L, file, B_INCLUDES, "more than %zu decks included in all",
			     bound_get(B_INCLUDES));
		return false;
	}
	return true;
}

/* The bytes of the included file, or NULL (reported at the include). */
static char *read_part(loader *L, const ynode *file, const char *path, size_t *len)
{
	size_t left = bound_get(B_READ_BYTES) - L->ctx->bytes, max = bound_get(B_FILE_BYTES);
	bool budget = left < max;
	input_result r;
	char *buf = input_read(path, L->ctx->root, budget ? left : max, &r);
	if (buf) {
		L->ctx->bytes += r.size;
		*len = r.size;
	} else if (r.status == IN_OUTSIDE) {
		report(L, file, M_OUTSIDE, file->value);
	} else if (r.status == IN_TOO_BIG) {
		report_limit(L, file, budget ? B_READ_BYTES : B_FILE_BYTES,
			     budget ? "'%s' would bring the bytes read for this deck over %zu"
				    : "'%s' has more than %zu bytes",
			     file->value, budget ? bound_get(B_READ_BYTES) : max);
	} else {
		char *why = input_problem(&r, L->ctx->root);
		report(L, file, M_INCLUDE_OPEN, file->value, why);
		free(why);
	}
	free(r.why);
	return buf;
}

/* The included deck at `file` (relative to the including deck), or NULL (reported). Each
 * file is read once per load: a deck included twice is the same deck. */
static deck *open_part(loader *L, const ynode *file)
{
	if (!include_allowed(L, file))
		return NULL;
	char *path = input_beside(L->path, file->value);
	char *real = realpath(path, NULL);
	deck *part = NULL;
	const include_stack *st = L->stack;
	while (real && st && strcmp(st->real, real))
		st = st->up;
	size_t i = 0;
	while (real && i < L->ctx->nparts && strcmp(L->ctx->parts[i].real, real))
		i++;
	size_t len = 0;
	char *buf = NULL;
	if (!real) {
		report(L, file, M_INCLUDE_OPEN, file->value, strerror(errno));
	} else if (st) {
		char *c = chain(L->stack, path);
		report(L, file, M_INCLUDE_CYCLE, c);
		free(c);
	} else if (i < L->ctx->nparts) {
		part = L->ctx->parts[i].dk; /* read before: its problems were reported then */
	} else if ((buf = read_part(L, file, path, &len))) {
		include_stack me = {real, path, L->stack, L->stack ? L->stack->depth + 1 : 1};
		part = deck_load_nested(path, buf, len, L->d, &me, L->ctx);
		free(buf);
		load_ctx *ctx = L->ctx;
		ctx->parts = xrealloc(ctx->parts, (ctx->nparts + 1) * sizeof *ctx->parts);
		ctx->parts[ctx->nparts++] = (struct load_part){xstrdup(real), part};
	}
	free(real);
	free(path);
	return part;
}

/* Adds the category and source a chosen card uses, once. */
void take_refs(loader *L, const deck *part, const card *c)
{
	deck *dk = L->dk;
	int k = c->category_ref ? deck_find_category(part, c->category_ref) : -1;
	if (k >= 0) {
		const category *cat = &part->categories[k];
		size_t i = 0;
		while (i < dk->ncategories && !(dk->categories[i].origin == cat->origin &&
						dk->categories[i].pos.line == cat->pos.line))
			i++;
		if (i == dk->ncategories)
			dk->categories = arena_append(L->mem, dk->categories, &dk->ncategories, cat,
						      1, sizeof *cat);
	}
	k = c->source_ref ? deck_find_source(part, c->source_ref) : -1;
	if (k >= 0) {
		const source *src = &part->sources[k];
		size_t i = 0;
		while (i < dk->nsources && !(dk->sources[i].origin == src->origin &&
					     dk->sources[i].pos.line == src->pos.line))
			i++;
		if (i == dk->nsources)
			dk->sources = arena_append(L->mem, dk->sources, &dk->nsources, src, 1,
						   sizeof *src);
	}
}

/* Appends the cards of `from` that the choosers keep, in one go (appending card by card
 * copies the array each time), stopping at the cards limit. */
static void append_chosen(loader *L, const deck *from, const ynode *at, const chooser *sel,
			  const chooser *exc, const chooser *top_sel, const chooser *top_exc)
{
	deck *dk = L->dk;
	size_t max = bound_get(B_CARDS), n = 0;
	card *chosen = xcalloc(from->ncards + 1, sizeof *chosen);
	for (size_t i = 0; i < from->ncards; i++) {
		const card *c = &from->cards[i];
		if (keep(sel, exc, c) && (!top_sel || keep(top_sel, top_exc, c)))
			chosen[n++] = *c;
	}
	if (dk->ncards + n > max) {
		report_limit(L, at, B_CARDS, "the deck would have %zu cards, more than %zu",
			     dk->ncards + n, max);
		n = dk->ncards < max ? max - dk->ncards : 0;
	}
	dk->cards = arena_append(L->mem, dk->cards, &dk->ncards, chosen, n, sizeof *chosen);
	for (size_t i = 0; i < n; i++)
		take_refs(L, from, &chosen[i]);
	free(chosen);
}

static void include_one(loader *L, const ynode *item, const chooser *top_sel,
			const chooser *top_exc, card **all, size_t *nall)
{
	static const char *const keys[] = {"file", "select", "exclude", NULL};
	const ynode *file = item;
	chooser sel = {0}, exc = {0};
	if (item->kind == YN_MAP) {
		check_keys(L, item, keys, "an include");
		if (!(file = get(item, "file"))) {
			report(L, item, M_MISSING, "an include", "file");
			return;
		}
		chooser_parse(L, get(item, "select"), "select", &sel);
		chooser_parse(L, get(item, "exclude"), "exclude", &exc);
	}
	if (!scalar(L, file, "an included deck's file")) {
		chooser_free(&sel);
		chooser_free(&exc);
		return;
	}
	deck *part = open_part(L, file);
	if (part) {
		deck *dk = L->dk;
		chooser_check(L, &sel, part->cards, part->ncards, file->value);
		chooser_check(L, &exc, part->cards, part->ncards, file->value);
		if (*nall + part->ncards <= bound_get(B_CARDS)) { /* for the top-level selectors */
			*all = xrealloc(*all, (*nall + part->ncards + 1) * sizeof(card));
			if (part->ncards)
				memcpy(*all + *nall, part->cards, part->ncards * sizeof(card));
			*nall += part->ncards;
		}
		append_chosen(L, part, file, &sel, &exc, top_sel, top_exc);
		dk->hyphenation =
			arena_append(L->mem, dk->hyphenation, &dk->nhyphenation, part->hyphenation,
				     part->nhyphenation, sizeof(hyph_exception));
	}
	chooser_free(&sel);
	chooser_free(&exc);
}

void load_includes(loader *L, const ynode *root)
{
	const ynode *inc = get(root, "include");
	const ynode *top[2] = {get(root, "select"), get(root, "exclude")};
	if (!inc) {
		for (int i = 0; i < 2; i++)
			if (top[i])
				report(L, top[i], M_SELECT_NO_INCLUDE, i ? "exclude" : "select");
		return;
	}
	if (!want(L, inc, YN_SEQ, "'include'"))
		return;
	chooser sel, exc;
	chooser_parse(L, top[0], "select", &sel);
	chooser_parse(L, top[1], "exclude", &exc);
	card *all = NULL; /* every card of every included deck, to check top-level selectors */
	size_t nall = 0;
	for (size_t i = 0; i < inc->n; i++)
		include_one(L, inc->kids[i], &sel, &exc, &all, &nall);
	if (L->d->nerrors == 0) {
		chooser_check(L, &sel, all, nall, "the included decks");
		chooser_check(L, &exc, all, nall, "the included decks");
	}
	free(all);
	chooser_free(&sel);
	chooser_free(&exc);
}

void take_cards(loader *L, const deck *from, const ynode *select, const ynode *exclude,
		const char *where)
{
	chooser sel, exc;
	chooser_parse(L, select, "select", &sel);
	chooser_parse(L, exclude, "exclude", &exc);
	chooser_check(L, &sel, from->cards, from->ncards, where);
	chooser_check(L, &exc, from->cards, from->ncards, where);
	append_chosen(L, from, select ? select : exclude, &sel, &exc, NULL, NULL);
	chooser_free(&sel);
	chooser_free(&exc);
}
