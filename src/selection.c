/* selection.c - parse and match select:/exclude: selectors. */
#include "selection.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef enum { K_ID, K_TYPE, K_CATEGORY, K_TAG } sel_key;

typedef struct {
	sel_key key;
	char **values; /* alternatives; wildcards allowed */
	size_t nvalues;
} condition;

typedef struct {
	condition *conds; /* all must hold */
	size_t nconds;
	size_t matched;
} selector;

struct selection {
	selector *v;
	size_t n;
};

static const char *const key_names[] = {"id", "type", "category", "tag"};

static void free_selector(selector *s)
{
	for (size_t i = 0; i < s->nconds; i++) {
		for (size_t j = 0; j < s->conds[i].nvalues; j++)
			free(s->conds[i].values[j]);
		free(s->conds[i].values);
	}
	free(s->conds);
}

static char *parse_condition(const char *word, condition *c)
{
	const char *colon = strchr(word, ':');
	const char *vals = word;
	c->key = K_ID;
	if (colon) {
		size_t len = (size_t)(colon - word);
		int k = -1;
		for (int i = 0; i < 4; i++)
			if (strlen(key_names[i]) == len && !strncmp(word, key_names[i], len))
				k = i;
		if (k < 0)
			return xasprintf("unknown selector key '%.*s' in '%s'; expected id, type, "
					 "category or tag",
					 (int)len, word, word);
		c->key = (sel_key)k;
		vals = colon + 1;
	}
	char *copy = xstrdup(vals), *save = NULL;
	for (char *v = strtok_r(copy, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
		if (c->key == K_TYPE && strcmp(v, "quote") && strcmp(v, "case") &&
		    strcmp(v, "question")) {
			char *err = xasprintf("type '%s' in '%s'; expected quote, case or question",
					      v, word);
			free(copy);
			return err;
		}
		c->values = xrealloc(c->values, (c->nvalues + 1) * sizeof(char *));
		c->values[c->nvalues++] = xstrdup(v);
	}
	free(copy);
	if (!c->nvalues)
		return xasprintf("'%s' has no value after ':'", word);
	return NULL;
}

static char *parse_selector(const char *text, selector *s)
{
	char *copy = xstrdup(text), *save = NULL, *err = NULL;
	for (char *w = strtok_r(copy, " \t", &save); w && !err; w = strtok_r(NULL, " \t", &save)) {
		s->conds = xrealloc(s->conds, (s->nconds + 1) * sizeof(condition));
		s->conds[s->nconds] = (condition){0};
		err = parse_condition(w, &s->conds[s->nconds++]);
	}
	free(copy);
	if (!err && !s->nconds)
		err = xstrdup("an empty selector selects nothing; write e.g. 'type:quote'");
	return err;
}

selection *selection_parse(const char *const *selectors, size_t n, char **err, size_t *err_index)
{
	selection *sel = xcalloc(1, sizeof *sel);
	sel->v = xcalloc(n + 1, sizeof(selector));
	for (size_t i = 0; i < n; i++) {
		sel->n++;
		if ((*err = parse_selector(selectors[i], &sel->v[i]))) {
			*err_index = i;
			selection_free(sel);
			return NULL;
		}
	}
	return sel;
}

static bool any(const condition *c, const char *s)
{
	for (size_t i = 0; s && i < c->nvalues; i++)
		if (fnmatch(c->values[i], s, 0) == 0)
			return true;
	return false;
}

static bool holds(const condition *c, const card *cd)
{
	switch (c->key) {
	case K_ID:
		return any(c, cd->id);
	case K_TYPE:
		return any(c, card_type_name(cd->type));
	case K_CATEGORY:
		return any(c, cd->category_ref);
	case K_TAG:
		for (size_t i = 0; i < cd->ntags; i++)
			if (any(c, cd->tags[i]))
				return true;
		return false;
	}
	return false;
}

static bool selector_match(const selector *s, const card *c)
{
	for (size_t i = 0; i < s->nconds; i++)
		if (!holds(&s->conds[i], c))
			return false;
	return true;
}

bool selection_match(const selection *s, const card *c)
{
	for (size_t i = 0; i < s->n; i++)
		if (selector_match(&s->v[i], c))
			return true;
	return false;
}

size_t selection_count(const selection *s)
{
	return s->n;
}

long selection_unmatched(selection *s, const card *cards, size_t n)
{
	for (size_t i = 0; i < s->n; i++) {
		s->v[i].matched = 0;
		for (size_t j = 0; j < n; j++)
			s->v[i].matched += selector_match(&s->v[i], &cards[j]);
	}
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].matched)
			return (long)i;
	return -1;
}

void selection_free(selection *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free_selector(&s->v[i]);
	free(s->v);
	free(s);
}
