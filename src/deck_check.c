/* deck_check.c - meaning across the deck: unique ids, references, translations, quotes. */
#include "deck_check.h"

#include <ctype.h>
#include <glib.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "input.h"
#include "markup.h"
#include "print_setup.h"
#include "quote_verify.h"
#include "srcloc.h"

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

/* A category written by its name (in any language, any case) instead of its id; else a
 * close id; for a deck without categories, where they are defined. */
static char *category_hint(const deck *dk, const char *ref, const char **ids)
{
	if (dk->ncategories == 0)
		return xstrdup("; define categories in a 'categories:' list (id, name, color)");
	char *folded = g_utf8_casefold(ref, -1), *hint = NULL;
	for (size_t i = 0; !hint && i < dk->ncategories; i++)
		if (!g_ascii_strcasecmp(ref, ids[i]))
			hint = xasprintf("; did you mean '%s'? (ids are case-sensitive)", ids[i]);
	for (size_t i = 0; !hint && i < dk->ncategories; i++) {
		const category *k = &dk->categories[i];
		for (size_t l = 0; !hint && k->id && l < k->name.n; l++) {
			char *name = g_utf8_casefold(k->name.v[l].text, -1);
			if (!strcmp(folded, name))
				hint = xasprintf("; '%s' is the name of category '%s': refer to it "
						 "by its id",
						 ref, k->id);
			g_free(name);
		}
	}
	if (!hint)
		hint = known_ids_hint(folded, ids, dk->ncategories);
	g_free(folded);
	return hint;
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
		bool hints = !diag_capped(C->d);
		size_t nsrc = hints ? dk->nsources : 0;
		if (c->category_ref &&
		    (c->category = deck_find_category(dk, c->category_ref)) < 0) {
			char *hint =
				hints ? category_hint(dk, c->category_ref, cat_ids) : xstrdup("");
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

/* Every present text should exist in every declared language; in a team's deck, in the one
 * language the team is built in. */
static void translated(void *ctx, const text_ref *dt)
{
	checker *C = ctx;
	const char *file = dt->file, *owner = dt->owner, *field = dt->field;
	const mtext *t = dt->t;
	const char *only = C->dk->team_lang;
	if (!t->n || !strncmp(owner, "source ", 7)) /* titles of works keep their own language */
		return;
	for (size_t i = only ? 0 : 1; i < C->dk->nlanguages; i++)
		if ((!only || !strcmp(only, C->dk->languages[i])) &&
		    !mtext_has(t, C->dk->languages[i])) {
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
static void valid_markup(void *ctx, const text_ref *dt)
{
	checker *C = ctx;
	const char *file = dt->file, *owner = dt->owner, *field = dt->field;
	const mtext *t = dt->t;
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
			bool quiet = diag_capped(C->d);
			if (!quote_source_find(qs, orig->text, quiet ? NULL : &closest))
				at(C, c->file, orig->pos, M_QUOTE_MISMATCH, c->id ? c->id : "?",
				   src->id, closest);
			free(closest);
		}
		quote_source_free(qs);
		free(path);
	}
}

/* Quotation marks, by the family a wrapping pair belongs to. */
static const char *const double_marks[] = {"\"",     "\u201c", "\u201d", "\u201e",
					   "\u201f", "\u00ab", "\u00bb", NULL};
static const char *const single_marks[] = {"\u2018", "\u201a", "\u2039", "'", NULL};
static const char *const single_closers[] = {"\u2019", "\u203a", "\u2018", "'", NULL};

/* A Dutch elision at the start ('s avonds, 't is, 'n keer) opens no quotation. */
static bool elision(const char *s)
{
	return (*s == '\'' || !strncmp(s, "\u2019", 3)) &&
	       strchr("tsnkmTSNKM", s[*s == '\'' ? 1 : 3]) &&
	       !isalpha((unsigned char)s[*s == '\'' ? 2 : 4]);
}

/* Length of the mark of `marks` that s starts with, or 0. */
static size_t mark_at(const char *s, const char *const *marks)
{
	for (; *marks; marks++)
		if (!strncmp(s, *marks, strlen(*marks)))
			return strlen(*marks);
	return 0;
}

/* A quote pasted with its own quotation marks: it opens with one and closes with one
 * (perhaps before a full stop), and holds no other opening mark of that kind, so the marks
 * wrap the whole text rather than a quote inside it. Sets the opening mark's offset. */
static bool wrapped(const char *text, size_t *open)
{
	size_t a = strspn(text, " \n"), b = strlen(text);
	while (b > a && strchr(" \n", text[b - 1]))
		b--;
	if (b > a && strchr(".!?", text[b - 1]))
		b--;
	if (elision(text + a))
		return false;
	bool dbl = mark_at(text + a, double_marks) > 0;
	const char *const *inner = dbl ? double_marks : single_marks;
	size_t first = mark_at(text + a, inner);
	if (!first || b < a + first + 2)
		return false;
	size_t last = 0; /* the closing mark ending at b */
	for (const char *const *m = dbl ? double_marks : single_closers; *m && !last; m++) {
		size_t n = strlen(*m);
		if (b >= a + first + n && !strncmp(text + b - n, *m, n))
			last = n;
	}
	if (!last)
		return false;
	for (size_t i = a + first; i < b - last; i++)
		if (mark_at(text + i, inner))
			return false;
	*open = a;
	return true;
}

/* Quote cards are printed between the language's quotation marks: marks already around
 * the text would print twice. */
static void wrapped_quotes(checker *C)
{
	for (size_t i = 0; i < C->dk->ncards; i++) {
		const card *c = &C->dk->cards[i];
		for (size_t k = 0; c->type == CARD_QUOTE && k < c->text.n; k++) {
			const tr_entry *e = &c->text.v[k];
			char *plain = markup_plain(e->text);
			size_t open;
			if (wrapped(plain, &open)) {
				char mark[8] = {0};
				memcpy(mark, plain + open,
				       mark_at(plain + open, double_marks)
					       ? mark_at(plain + open, double_marks)
					       : mark_at(plain + open, single_marks));
				srcpos p = srcloc_find(c->file, e->pos, mark,
						       srcloc_span(strlen(e->text)));
				at(C, c->file, p, M_QUOTE_WRAPPED, c->id ? c->id : "?", mark);
			}
			free(plain);
		}
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
		deck_each_text(dk, translated, &C);
	deck_each_text(dk, valid_markup, &C);
	print_values(&C);
	quotes(&C);
	wrapped_quotes(&C);
	deck_check_assets(dk, d);
	return d->nerrors - before;
}
