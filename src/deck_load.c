/* deck_load.c - YAML tree to deck model: top level, deck, sources, categories, cards. */
#include "deck_load.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bounds.h"
#include "card_fields.h"
#include "deck_check.h"
#include "input.h"
#include "load_fields.h"

/* --- deck: --- */

static void load_languages(loader *L, const ynode *meta)
{
	deck *dk = L->dk;
	const ynode *lang = get(meta, "language"), *langs = get(meta, "languages");
	dk->language = lang ? scalar(L, lang, "deck.language") : NULL;
	if (dk->language && !valid_lang(dk->language)) {
		report(L, lang, M_BAD_LANG, dk->language);
		dk->language = NULL;
	}
	if (langs && langs->kind == YN_SEQ && langs->n > bound_get(B_LANGUAGES)) {
		report_limit(L, langs, B_LANGUAGES,
			     "deck.languages lists %zu languages, more than %zu", langs->n,
			     bound_get(B_LANGUAGES));
		langs = NULL;
	}
	if (langs && want(L, langs, YN_SEQ, "deck.languages") && langs->n > 0) {
		dk->languages = arena_alloc(L->mem, (langs->n + 1) * sizeof(char *));
		for (size_t i = 0; i < langs->n; i++) {
			const char *v = scalar(L, langs->kids[i], "a language in deck.languages");
			if (v && !valid_lang(v))
				report(L, langs->kids[i], M_BAD_LANG, v);
			else if (v)
				dk->languages[dk->nlanguages++] = v;
		}
	}
	if (!dk->language)
		dk->language = dk->nlanguages ? dk->languages[0] : "nl";
	if (dk->nlanguages == 0) {
		dk->languages = arena_alloc(L->mem, 2 * sizeof(char *));
		dk->languages[dk->nlanguages++] = dk->language;
		return;
	}
	size_t i = 0;
	while (i < dk->nlanguages && strcmp(dk->languages[i], dk->language))
		i++;
	if (i == dk->nlanguages) {
		report(L, lang, M_LANG_NOT_LISTED, dk->language);
		return;
	}
	/* the original language comes first: mtext_get falls back in list order */
	const char *tmp = dk->languages[0];
	dk->languages[0] = dk->languages[i];
	dk->languages[i] = tmp;
}

static void load_meta(loader *L, const ynode *meta)
{
	static const char *const keys[] = {"title",  "subtitle", "language",    "languages",
					   "author", "version",  "description", NULL};
	deck *dk = L->dk;
	if (!want(L, meta, YN_MAP, "'deck'"))
		return;
	check_keys(L, meta, keys, "deck");
	load_languages(L, meta);
	if (!get(meta, "title"))
		report(L, meta, M_MISSING, "deck", "title");
	opt_text(L, meta, "title", "deck", &dk->title);
	opt_text(L, meta, "subtitle", "deck", &dk->subtitle);
	opt_text(L, meta, "description", "deck", &dk->description);
	dk->author = opt_scalar(L, meta, "author", "deck");
	dk->version = opt_scalar(L, meta, "version", "deck");
}

/* --- sources:, categories: --- */

static const char *load_id(loader *L, const ynode *map, const char *kind, const char *owner)
{
	const ynode *n = get(map, "id");
	if (!n) {
		report(L, map, M_MISSING, owner, "id");
		return NULL;
	}
	char *what = xasprintf("the id of %s", owner);
	const char *id = scalar(L, n, what);
	free(what);
	if (id && !valid_id(id)) {
		report(L, n, M_BAD_ID, kind, id);
		return NULL;
	}
	return id;
}

/* A list of at most limit b's items; else reported. */
static bool within(loader *L, const ynode *list, bound b, const char *what)
{
	if (list->n <= bound_get(b))
		return true;
	report_limit(L, list, b, "'%s' lists %zu %s, more than %zu", what, list->n, what,
		     bound_get(b));
	return false;
}

static void load_sources(loader *L, const ynode *list)
{
	static const char *const keys[] = {"id",          "title", "author", "year",
					   "publication", "url",   "file",   NULL};
	deck *dk = L->dk;
	if (!want(L, list, YN_SEQ, "'sources'") || !within(L, list, B_SOURCES, "sources"))
		return;
	dk->sources = arena_alloc(L->mem, list->n * sizeof(source));
	for (size_t i = 0; i < list->n; i++) {
		const ynode *m = list->kids[i];
		char *owner = xasprintf("source %zu", i + 1);
		if (want(L, m, YN_MAP, owner)) {
			source *s = &dk->sources[dk->nsources++];
			s->pos = pos_of(m);
			s->origin = L->path;
			check_keys(L, m, keys, owner);
			s->id = load_id(L, m, "source", owner);
			if (s->id) {
				free(owner);
				owner = xasprintf("source '%s'", s->id);
			}
			if (!get(m, "title"))
				report(L, m, M_MISSING, owner, "title");
			opt_text(L, m, "title", owner, &s->title);
			opt_text(L, m, "publication", owner, &s->publication);
			s->author = opt_scalar(L, m, "author", owner);
			s->year = opt_scalar(L, m, "year", owner);
			s->url = opt_scalar(L, m, "url", owner);
			s->file = opt_scalar(L, m, "file", owner);
		}
		free(owner);
	}
}

static void load_categories(loader *L, const ynode *list)
{
	static const char *const keys[] = {"id", "name", "color", "icon", NULL};
	deck *dk = L->dk;
	if (!want(L, list, YN_SEQ, "'categories'") || !within(L, list, B_CATEGORIES, "categories"))
		return;
	dk->categories = arena_alloc(L->mem, list->n * sizeof(category));
	for (size_t i = 0; i < list->n; i++) {
		const ynode *m = list->kids[i];
		char *owner = xasprintf("category %zu", i + 1);
		if (want(L, m, YN_MAP, owner)) {
			category *c = &dk->categories[dk->ncategories++];
			c->pos = pos_of(m);
			c->origin = L->path;
			check_keys(L, m, keys, owner);
			c->id = load_id(L, m, "category", owner);
			if (c->id) {
				free(owner);
				owner = xasprintf("category '%s'", c->id);
			}
			if (!get(m, "name"))
				report(L, m, M_MISSING, owner, "name");
			opt_text(L, m, "name", owner, &c->name);
			const ynode *col = get(m, "color");
			char *what = xasprintf("the color of %s", owner);
			if (col)
				c->has_color = color(L, col, what, &c->color);
			free(what);
			const ynode *icon = get(m, "icon");
			if (icon)
				file_field(L, icon, "'icon' of a category", &c->icon);
		}
		free(owner);
	}
}

/* --- cards: --- */

static int parse_type(loader *L, const ynode *n, const char *id)
{
	static const char *const types[] = {"quote", "case", "question", NULL};
	const char *t = scalar(L, n, "the card's type");
	if (!t)
		return -1;
	for (int i = 0; i < CARD_NTYPES; i++)
		if (!strcmp(t, types[i]))
			return i;
	/* a Dutch facilitator's own words for the types */
	static const char *const dutch[][2] = {{"citaat", "quote"},   {"citaten", "quote"},
					       {"casus", "case"},     {"casussen", "case"},
					       {"vraag", "question"}, {"vragen", "question"}};
	const char *hint = nearest(t, types);
	for (size_t i = 0; !hint && i < sizeof dutch / sizeof dutch[0]; i++)
		if (!strcasecmp(t, dutch[i][0]))
			hint = dutch[i][1];
	char *suffix = hint ? xasprintf(" (did you mean '%s'?)", hint) : xstrdup("");
	report(L, n, M_BAD_TYPE, id ? id : "?", t, suffix);
	free(suffix);
	return -1;
}

/* Every card key, for "did you mean" and "expected one of". */
static const char *const *card_keys(void)
{
	static const char *keys[32];
	if (!keys[0])
		for (size_t i = 0; card_fields[i].key; i++)
			keys[i] = card_fields[i].key;
	return keys;
}

/* Keys of a card: its type's own, or a clear word about the mix-up. */
static void check_card_keys(loader *L, const ynode *m, int type, const char *id, const char *owner)
{
	for (size_t i = 0; i < m->n; i += 2) {
		const ynode *k = m->kids[i];
		const card_field *f = card_field_find(k->value);
		if (!f) {
			unknown_key_in(L, m, i, owner, card_keys());
			continue;
		}
		if (type < 0 || card_field_allowed(f, (card_type)type))
			continue;
		int other = 0;
		while (!card_field_allowed(f, (card_type)other))
			other++;
		report(L, k, M_KEY_OTHER_TYPE, k->value, card_type_name((card_type)other),
		       id ? id : "?", card_type_name((card_type)type));
	}
}

/* Tags are words: letters (any script), digits, '-' and '_'. */
static bool valid_tag(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x80 && !isalnum(*p) && *p != '-' && *p != '_')
			return false;
	return *s != '\0';
}

static void load_words(loader *L, const ynode *n, const char ***words, size_t *count,
		       const char *what)
{
	if (!want(L, n, YN_SEQ, what))
		return;
	*words = arena_alloc(L->mem, (n->n + 1) * sizeof(char *));
	for (size_t i = 0; i < n->n; i++) {
		const char *t = scalar(L, n->kids[i], "a tag");
		if (t && !valid_tag(t))
			report(L, n->kids[i], M_BAD_TAG, t);
		else if (t)
			(*words)[(*count)++] = t;
	}
}

static void load_texts(loader *L, const ynode *n, mtext **texts, size_t *count, const char *what,
		       const char *owner)
{
	if (n->kind == YN_SEQ && n->n > bound_get(B_FOLLOWUPS)) {
		report_limit(L, n, B_FOLLOWUPS, "%s has %zu follow-up questions, more than %zu",
			     owner, n->n, bound_get(B_FOLLOWUPS));
		return;
	}
	if (!want(L, n, YN_SEQ, what))
		return;
	*texts = arena_alloc(L->mem, (n->n + 1) * sizeof(mtext));
	for (size_t i = 0; i < n->n; i++) {
		char *w = xasprintf("follow-up %zu of %s", i + 1, owner);
		text_field(L, n->kids[i], w, &(*texts)[*count]);
		if ((*texts)[*count].n)
			(*count)++;
		free(w);
	}
}

/* The value of field f in card mapping m, into c. */
static void load_field(loader *L, const ynode *m, const card_field *f, card *c, const char *owner)
{
	const ynode *n = get(m, f->key);
	void *v = card_field_ptr_mut(f, c);
	size_t *count = (size_t *)(void *)((char *)c + f->aux);
	/* named only for messages about a field that is there: most cards leave most out */
	char *what = n ? xasprintf("'%s' of %s", f->key, owner) : NULL;
	switch (f->kind) {
	case CF_TEXT:
		text_field(L, n, what, v);
		break;
	case CF_PLAIN:
		*(const char **)v = n ? scalar(L, n, what) : NULL;
		break;
	case CF_REF: /* resolved by deck_check, which knows all sources and categories */
		*(const char **)v = n ? scalar(L, n, what) : NULL;
		*(srcpos *)(void *)((char *)c + f->aux) = pos_of(n);
		break;
	case CF_WORDS:
		if (n)
			load_words(L, n, v, count, what);
		break;
	case CF_TEXTS:
		if (n)
			load_texts(L, n, v, count, what, owner);
		break;
	case CF_FILE:
		if (n)
			file_field(L, n, what, v);
		break;
	default: /* id and type are read first */
		break;
	}
	free(what);
}

static void load_card(loader *L, const ynode *m, card *c, size_t index)
{
	char *owner = xasprintf("card %zu", index + 1);
	c->pos = pos_of(m);
	c->file = L->path;
	c->category = c->source = -1;
	c->id = load_id(L, m, "card", owner);
	if (c->id) {
		free(owner);
		owner = xasprintf("card '%s'", c->id);
	}
	const ynode *t = get(m, "type");
	const ynode *idn = get(m, "id");
	const char *name = c->id ? c->id : idn && idn->kind == YN_SCALAR ? idn->value : NULL;
	int type = t ? parse_type(L, t, name) : -1;
	if (!t)
		report(L, m, M_MISSING, owner, "type");
	c->type = type >= 0 ? (card_type)type : CARD_QUESTION;
	check_card_keys(L, m, type, c->id, owner);
	for (const card_field *f = card_fields; f->key; f++) {
		if (f->kind == CF_ID || f->kind == CF_TYPE)
			continue;
		/* a card of unknown type still needs what every card needs */
		bool required = type >= 0 ? (f->required & (1u << type)) : f->required == CF_ALL;
		if (required && !get(m, f->key))
			report(L, m, M_MISSING, owner, f->key);
		load_field(L, m, f, c, owner);
	}
	free(owner);
}

void load_cards(loader *L, const ynode *list)
{
	deck *dk = L->dk;
	if (!want(L, list, YN_SEQ, "'cards'"))
		return;
	if (list->n == 0 && dk->ncards == 0) {
		report(L, list, M_NO_CARDS);
		return;
	}
	if (dk->ncards + list->n > bound_get(B_CARDS)) {
		report_limit(L, list, B_CARDS, "the deck would have %zu cards, more than %zu",
			     dk->ncards + list->n, bound_get(B_CARDS));
		return;
	}
	/* the deck's own cards come after those it includes */
	card *all = arena_alloc(L->mem, (dk->ncards + list->n) * sizeof(card));
	if (dk->ncards)
		memcpy(all, dk->cards, dk->ncards * sizeof(card));
	dk->cards = all;
	for (size_t i = 0; i < list->n; i++) {
		const ynode *m = list->kids[i];
		char *owner = xasprintf("card %zu", i + 1);
		if (want(L, m, YN_MAP, owner))
			load_card(L, m, &dk->cards[dk->ncards++], i);
		free(owner);
	}
}

/* --- the file --- */

/* A deck without a usable deck: mapping (or none at all: an empty file, a teams file) still
 * has a language: the texts a team adds to it are read in it. */
static void default_language(loader *L)
{
	if (L->dk->language)
		return;
	L->dk->language = "nl";
	L->dk->languages = arena_alloc(L->mem, sizeof(char *));
	L->dk->languages[0] = "nl";
	L->dk->nlanguages = 1;
}

static void load_body(loader *L, const ynode *root)
{
	static const char *const keys[] = {"deck",   "sources",     "categories", "include",
					   "select", "exclude",     "cards",      "theme",
					   "print",  "hyphenation", "booklet",    NULL};
	if (!root || ynode_is_null(root)) {
		report(L, NULL, M_EMPTY);
		return;
	}
	if (root->kind != YN_MAP) {
		report(L, root, M_ROOT, ynode_kind_name(root));
		return;
	}
	if (get(root, "teams")) {
		report(L, get(root, "teams"), M_IS_TEAMS);
		return;
	}
	check_keys(L, root, keys, "the top level of the deck");
	const ynode *n;
	if ((n = get(root, "deck")))
		load_meta(L, n);
	else
		report(L, root, M_MISSING, "the deck file", "deck");
	default_language(L);
	if ((n = get(root, "sources")))
		load_sources(L, n);
	if ((n = get(root, "categories")))
		load_categories(L, n);
	load_includes(L, root);
	if ((n = get(root, "cards")))
		load_cards(L, n);
	else if (!get(root, "include"))
		report(L, root, M_MISSING, "the deck file", "cards");
	else if (L->dk->ncards == 0 && L->d->nerrors == 0)
		report(L, get(root, "include"), M_NO_CARDS);
	load_settings(L, root);
}

static void load_root(loader *L, const ynode *root)
{
	load_body(L, root);
	default_language(L); /* also when the file was no deck at all */
}

/* The top deck owns every deck the load included (each once, however often included). */
static void adopt_parts(deck *dk, load_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nparts; i++) {
		if (dk && ctx->parts[i].dk) {
			dk->parts = xrealloc(dk->parts, (dk->nparts + 1) * sizeof(deck *));
			dk->parts[dk->nparts++] = ctx->parts[i].dk;
		} else {
			deck_free(ctx->parts[i].dk);
		}
		free(ctx->parts[i].real);
	}
	free(ctx->parts);
	ctx->parts = NULL;
	ctx->nparts = 0;
}

deck *deck_load_mem(const char *path, char *buf, size_t len, const char *root, struct diag *d)
{
	load_ctx ctx = {.root = root, .bytes = len};
	char *real = realpath(path, NULL);
	include_stack top = {real ? real : path, path, NULL, 0};
	deck *dk = deck_load_nested(path, buf, len, d, &top, &ctx);
	free(real);
	adopt_parts(dk, &ctx);
	return dk;
}

/* Reads path (inside read_root, or anywhere when NULL) and loads it; the files it names must
 * be inside root. */
static deck *load_top(const char *path, const char *read_root, const char *root, struct diag *d)
{
	size_t len = 0;
	char *buf = ytree_read(path, read_root, &len, d);
	if (!buf) {
		diag_flush(d, path);
		return NULL;
	}
	deck *dk = deck_load_mem(path, buf, len, root, d);
	free(buf);
	return dk;
}

deck *deck_load(const char *path, struct diag *d)
{
	char *root = input_root_of(path);
	/* no root: the path does not resolve, so reading it fails and reports why */
	deck *dk = load_top(path, NULL, root ? root : "/nonexistent", d);
	free(root);
	return dk;
}

deck *deck_load_in(const char *path, const char *root, struct diag *d)
{
	return load_top(path, root, root, d);
}

deck *deck_load_nested(const char *path, char *buf, size_t len, struct diag *d,
		       const include_stack *stack, load_ctx *ctx)
{
	/* The tree in an arena of its own, freed once the deck has copied what it keeps: for
	 * 10,000 cards it is ten times the deck (29 MB against 3). */
	arena *tree = arena_new();
	ynode *root = NULL;
	int before = d->nerrors;
	if (ytree_parse(path, buf, len, tree, d, &root) != 0) {
		diag_flush(d, path);
		arena_free(tree);
		return NULL;
	}
	arena *mem = arena_new();
	deck *dk = arena_alloc(mem, sizeof *dk);
	dk->mem = mem;
	dk->path = arena_strdup(mem, path);
	dk->root = arena_strdup(mem, ctx->root);
	loader L = {.stack = stack, .path = dk->path, .d = d, .dk = dk, .mem = mem, .ctx = ctx};
	load_root(&L, root);
	bool unusable = !root || (root->kind != YN_MAP && d->nerrors > before);
	arena_free(tree);
	if (unusable) {
		diag_flush(d, path);
		deck_free(dk);
		return NULL;
	}
	return dk;
}

deck *deck_load_cards(const char *path, const ynode *list, arena *mem, const char *language,
		      const char *const *languages, size_t nlanguages, struct diag *d)
{
	deck *dk = arena_alloc(mem, sizeof *dk);
	dk->mem = mem;
	dk->path = arena_strdup(mem, path);
	dk->language = arena_strdup(mem, language);
	dk->languages = arena_alloc(mem, (nlanguages + 1) * sizeof(char *));
	for (size_t i = 0; i < nlanguages; i++)
		dk->languages[dk->nlanguages++] = arena_strdup(mem, languages[i]);
	loader L = {.path = dk->path, .d = d, .dk = dk, .mem = mem};
	load_cards(&L, list);
	load_settings(&L, NULL); /* the theme's defaults */
	return dk;
}

/* deck_check on a loaded deck: the deck, or NULL when it has errors. */
static deck *checked(deck *dk, const char *path, int before, struct diag *d)
{
	if (dk)
		deck_check(dk, d);
	diag_flush(d, path);
	if (dk && d->nerrors > before) {
		deck_free(dk);
		return NULL;
	}
	return dk;
}

deck *deck_open(const char *path, struct diag *d)
{
	int before = d->nerrors;
	return checked(deck_load(path, d), path, before, d);
}

deck *deck_open_in(const char *path, const char *root, struct diag *d)
{
	int before = d->nerrors;
	return checked(deck_load_in(path, root, d), path, before, d);
}

deck *deck_open_mem(const char *path, char *buf, size_t len, const char *root, struct diag *d)
{
	int before = d->nerrors;
	return checked(deck_load_mem(path, buf, len, root, d), path, before, d);
}
