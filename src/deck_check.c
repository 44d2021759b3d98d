/* deck_check.c - meaning across the deck: unique ids, references, translations, quotes. */
#include "deck_check.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "input.h"
#include "markup.h"
#include "print_setup.h"
#include "quote_verify.h"

typedef struct {
	deck *dk;
	struct diag *d;
} checker;

/* Report at a place in `file`: cards, sources and categories may come from included decks. */
static void at(checker *C, const char *file, srcpos p, enum diag_msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	vdiag(C->d, m, file ? file : C->dk->path, p.line, p.col, ap);
	va_end(ap);
}

typedef struct {
	const char *id;
	const char *file;
	srcpos pos;
	size_t order;
} idref;

static int by_id_then_order(const void *a, const void *b)
{
	const idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Sort (id, position) pairs so duplicates are neighbours: n log n for big decks, and
 * each message names the first place the id was used. */
static void check_unique(checker *C, idref *refs, size_t n, const char *kind)
{
	qsort(refs, n, sizeof *refs, by_id_then_order);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(refs[i].id, refs[first].id)) {
			first = i;
			continue;
		}
		at(C, refs[i].file, refs[i].pos, M_DUP_ID, kind, refs[i].id,
		   refs[first].file ? refs[first].file : C->dk->path, refs[first].pos.line);
	}
	free(refs);
}

#define COLLECT(arr, n, origin, out, count)                                                        \
	do {                                                                                       \
		out = xcalloc((n) + 1, sizeof(idref));                                             \
		count = 0;                                                                         \
		for (size_t i_ = 0; i_ < (n); i_++)                                                \
			if ((arr)[i_].id)                                                          \
				out[count++] = (idref){(arr)[i_].id, (arr)[i_].origin,             \
						       (arr)[i_].pos, i_};                         \
	} while (0)

static void unique_ids(checker *C)
{
	idref *refs;
	size_t n;
	COLLECT(C->dk->cards, C->dk->ncards, file, refs, n);
	check_unique(C, refs, n, "card");
	COLLECT(C->dk->sources, C->dk->nsources, origin, refs, n);
	check_unique(C, refs, n, "source");
	COLLECT(C->dk->categories, C->dk->ncategories, origin, refs, n);
	check_unique(C, refs, n, "category");
}

static char *known_ids_hint(const char *ref, const char **ids, size_t n)
{
	const char *best = NULL;
	int best_d = 3;
	for (size_t i = 0; i < n; i++) {
		int dist = edit_distance(ref, ids[i]);
		if (dist < best_d)
			best = ids[i], best_d = dist;
	}
	return best ? xasprintf("; did you mean '%s'?", best) : xstrdup("");
}

static void resolve_refs(checker *C)
{
	deck *dk = C->dk;
	const char **src_ids = xcalloc(dk->nsources + 1, sizeof(char *));
	const char **cat_ids = xcalloc(dk->ncategories + 1, sizeof(char *));
	for (size_t i = 0; i < dk->nsources; i++)
		src_ids[i] = dk->sources[i].id ? dk->sources[i].id : "";
	for (size_t i = 0; i < dk->ncategories; i++)
		cat_ids[i] = dk->categories[i].id ? dk->categories[i].id : "";
	for (size_t i = 0; i < dk->ncards; i++) {
		card *c = &dk->cards[i];
		const char *id = c->id ? c->id : "?";
		/* past the error cap nothing is printed: no hints to compute */
		size_t ncat = C->d->nerrors < C->d->max_errors ? dk->ncategories : 0;
		size_t nsrc = C->d->nerrors < C->d->max_errors ? dk->nsources : 0;
		if (c->category_ref &&
		    (c->category = deck_find_category(dk, c->category_ref)) < 0) {
			char *hint = known_ids_hint(c->category_ref, cat_ids, ncat);
			at(C, c->file, c->category_pos, M_UNKNOWN_REF, id, "category",
			   c->category_ref, hint);
			free(hint);
		}
		if (c->source_ref && (c->source = deck_find_source(dk, c->source_ref)) < 0) {
			char *hint = known_ids_hint(c->source_ref, src_ids, nsrc);
			at(C, c->file, c->source_pos, M_UNKNOWN_REF, id, "source", c->source_ref,
			   hint);
			free(hint);
		}
	}
	free(src_ids);
	free(cat_ids);
}

static void unused(checker *C)
{
	deck *dk = C->dk;
	for (size_t i = 0; i < dk->ncategories; i++) {
		size_t j = 0; /* by id: a duplicate category is reported once, as a duplicate */
		while (j < dk->ncards &&
		       !(dk->cards[j].category_ref && dk->categories[i].id &&
			 !strcmp(dk->cards[j].category_ref, dk->categories[i].id)))
			j++;
		if (j == dk->ncards && dk->categories[i].id)
			at(C, dk->categories[i].origin, dk->categories[i].pos, M_UNUSED, "category",
			   dk->categories[i].id);
	}
	for (size_t i = 0; i < dk->nsources; i++) {
		size_t j = 0;
		while (j < dk->ncards && dk->cards[j].source != (int)i)
			j++;
		if (j == dk->ncards && dk->sources[i].id)
			at(C, dk->sources[i].origin, dk->sources[i].pos, M_UNUSED, "source",
			   dk->sources[i].id);
	}
}

typedef void text_fn(checker *C, const char *file, const mtext *t, const char *owner,
		     const char *field);

/* Calls fn for every text field of the deck that may be printed. */
static void each_text(checker *C, text_fn *fn)
{
	deck *dk = C->dk;
	const char *own = dk->path;
	fn(C, own, &dk->title, "deck", "title");
	fn(C, own, &dk->subtitle, "deck", "subtitle");
	fn(C, own, &dk->description, "deck", "description");
	for (size_t i = 0; i < dk->nsources; i++) {
		fn(C, dk->sources[i].origin, &dk->sources[i].title, "source", "title");
		fn(C, dk->sources[i].origin, &dk->sources[i].publication, "source", "publication");
	}
	for (size_t i = 0; i < dk->ncategories; i++)
		fn(C, dk->categories[i].origin, &dk->categories[i].name, "category", "name");
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		char *owner = xasprintf("card '%s'", c->id ? c->id : "?");
		fn(C, c->file, &c->text, owner, "text");
		fn(C, c->file, &c->note, owner, "note");
		fn(C, c->file, &c->title, owner, "title");
		fn(C, c->file, &c->question, owner, "question");
		fn(C, c->file, &c->section, owner, "section");
		for (size_t f = 0; f < c->nfollowups; f++)
			fn(C, c->file, &c->followups[f], owner, "followups");
		free(owner);
	}
	const booklet_text *b = &dk->booklet;
	fn(C, own, &b->intro, "booklet", "intro");
	fn(C, own, &b->closing, "booklet", "closing");
	for (size_t g = 0; g < b->nguide; g++) {
		fn(C, own, &b->guide[g].title, "booklet guide", "title");
		fn(C, own, &b->guide[g].duration, "booklet guide", "duration");
		fn(C, own, &b->guide[g].text, "booklet guide", "text");
	}
}

/* Every present text should exist in every declared language. */
static void translated(checker *C, const char *file, const mtext *t, const char *owner,
		       const char *field)
{
	if (!t->n || !strcmp(owner, "source")) /* titles of works keep their own language */
		return;
	for (size_t i = 1; i < C->dk->nlanguages; i++)
		if (!mtext_has(t, C->dk->languages[i])) {
			char *what = xasprintf("%s: '%s'", owner, field);
			at(C, file, t->pos, M_MISSING_TR, what, C->dk->languages[i]);
			free(what);
		}
}

/* Nothing but spaces, no-break spaces, soft hyphens and tags: a card would print empty. */
static bool blank(const char *text)
{
	char *plain = markup_plain(text);
	bool empty = true;
	for (const char *p = plain; *p && empty;) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		else if (!strncmp(p, "\u00a0", 2) || !strncmp(p, "\u00ad", 2))
			p += 2;
		else
			empty = false;
	}
	free(plain);
	return empty;
}

/* Only <b> and <i>, properly nested; and some visible text. */
static void valid_markup(checker *C, const char *file, const mtext *t, const char *owner,
			 const char *field)
{
	for (size_t i = 0; i < t->n; i++) {
		size_t off;
		const char *msg;
		text_run *runs;
		size_t n;
		if (markup_parse(t->v[i].text, &runs, &n, &off, &msg) == 0) {
			markup_runs_free(runs, n);
			if (blank(t->v[i].text)) {
				char *what = xasprintf("%s: '%s'%s%s", owner, field,
						       t->n > 1 ? " in " : "",
						       t->n > 1 ? t->v[i].lang : "");
				at(C, file, t->v[i].pos, M_BLANK_TEXT, what);
				free(what);
			}
			continue;
		}
		char *what =
			t->n > 1 ? xasprintf("%s: '%s' (%s), at character %zu", owner, field,
					     t->v[i].lang, off + 1)
				 : xasprintf("%s: '%s', at character %zu", owner, field, off + 1);
		at(C, file, t->v[i].pos, M_MARKUP, what, msg);
		free(what);
	}
}

/* print: values, parsed by the same code as the command-line options. */
static void print_values(checker *C)
{
	print_setup ps;
	print_setup_default(&ps);
	for (size_t i = 0; i < C->dk->nprint; i++) {
		const print_setting *p = &C->dk->print[i];
		char *err = print_setup_apply(&ps, p->key, p->value);
		if (err) {
			char *msg = xasprintf("%s: %s", p->key, err);
			at(C, NULL, p->pos, M_PRINT_VALUE, msg);
			free(msg);
			free(err);
		}
	}
	char *err = C->dk->nprint ? print_setup_check(&ps) : NULL;
	if (err) {
		at(C, NULL, C->dk->print[0].pos, M_PRINT_VALUE, err);
		free(err);
	}
}

/* The plain text of source src's file, or NULL (reported): a regular file in the deck's
 * folder, at most source-bytes. Its contents never appear in a message unless it could be
 * read. */
static quote_source *load_source(checker *C, const source *src, const char *path)
{
	input_result r;
	char *text = input_read(path, C->dk->root, bound_get(B_SOURCE_BYTES), &r);
	quote_source *qs = NULL;
	if (text) {
		qs = quote_source_new(text);
	} else if (r.status == IN_OUTSIDE) {
		at(C, src->origin, src->pos, M_OUTSIDE, src->file);
	} else if (r.status == IN_TOO_BIG) {
		char *what = xasprintf("source '%s': file '%s' has more than %zu bytes", src->id,
				       src->file, bound_get(B_SOURCE_BYTES));
		at(C, src->origin, src->pos, M_LIMIT, what, bound_name(B_SOURCE_BYTES));
		free(what);
	} else {
		char *why = input_problem(&r, C->dk->root);
		at(C, src->origin, src->pos, M_QUOTE_FILE, src->id, src->file, why);
		free(why);
	}
	free(text);
	free(r.why);
	return qs;
}

/* Quotes citing a source with a `file` must appear in that file word for word. */
static void quotes(checker *C)
{
	deck *dk = C->dk;
	for (size_t s = 0; s < dk->nsources; s++) {
		const source *src = &dk->sources[s];
		if (!src->file || !src->id)
			continue;
		/* relative to the deck file that names it */
		char *path = input_beside(src->origin ? src->origin : dk->path, src->file);
		quote_source *qs = load_source(C, src, path);
		if (!qs) {
			free(path);
			continue;
		}
		for (size_t i = 0; i < dk->ncards; i++) {
			const card *c = &dk->cards[i];
			if (c->type != CARD_QUOTE || c->source != (int)s || !c->text.n)
				continue;
			/* the original language is what the source contains */
			const tr_entry *orig = &c->text.v[0];
			for (size_t k = 0; k < c->text.n; k++)
				if (!strcmp(c->text.v[k].lang, dk->language))
					orig = &c->text.v[k];
			char *closest = NULL;
			/* past the cap nothing is printed: do not search for the passage */
			bool quiet = C->d->nerrors >= C->d->max_errors;
			if (!quote_source_find(qs, orig->text, quiet ? NULL : &closest))
				at(C, c->file, orig->pos, M_QUOTE_MISMATCH, c->id ? c->id : "?",
				   src->id, closest);
			free(closest);
		}
		quote_source_free(qs);
		free(path);
	}
}

int deck_check(deck *dk, struct diag *d)
{
	checker C = {dk, d};
	int before = d->nerrors;
	unique_ids(&C);
	resolve_refs(&C);
	unused(&C);
	if (dk->nlanguages > 1)
		each_text(&C, translated);
	each_text(&C, valid_markup);
	print_values(&C);
	quotes(&C);
	deck_check_assets(dk, d);
	return d->nerrors - before;
}
