/* deck_load_teams.c - a teams file to one checked deck per team. */
#include <cairo.h>
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "deck_check.h"
#include "deck_load.h"
#include "image.h"
#include "input.h"
#include "load_fields.h"
#include "teams.h"

char *team_slug(const char *name)
{
	/* Latin-1 letters with accents, as UTF-8 pairs, and what they fold to */
	static const char *const from[] = {"à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î",
					   "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü", "ç", "ñ",
					   "À", "Á", "Ä", "È", "É", "Ë", "Ï", "Ö", "Ü", "Ç", NULL};
	static const char to[] = "aaaaeeeeiiiioooouuuucnaaaeeeiouc";
	strbuf b = {0};
	strbuf_add(&b, "", 0);
	for (const char *p = name; *p;) {
		int k = -1;
		for (int i = 0; from[i] && k < 0; i++)
			if (!strncmp(p, from[i], strlen(from[i])))
				k = i;
		char c = k >= 0 ? to[k] : *p;
		p += k >= 0 ? strlen(from[k]) : 1;
		if (isalnum((unsigned char)c) && (unsigned char)c < 0x80)
			strbuf_putc(&b, (char)tolower((unsigned char)c));
		else if (b.len && b.s[b.len - 1] != '-')
			strbuf_putc(&b, '-');
	}
	while (b.len && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	return strbuf_take(&b);
}

/* A logo must be a PNG or an SVG that decodes (image.h): checked here, fully, so the
 * message can name the team and the line rather than surfacing while a PDF is drawn. Each
 * file is decoded once per teams file, however many teams use it. */
static void check_logo(loader *L, const ynode *n, const char *team_name, const char *path,
		       team_set *ts)
{
	char *real = realpath(path, NULL);
	for (size_t i = 0; real && i < ts->nlogos; i++)
		if (!strcmp(ts->logos[i], real)) {
			free(real);
			return;
		}
	image_error e;
	image *img = image_load(path, L->dk->root, &e);
	if (img) {
		image_free(img);
		if (real) {
			ts->logos = xrealloc(ts->logos, (ts->nlogos + 1) * sizeof(char *));
			ts->logos[ts->nlogos++] = xstrdup(real);
		}
	} else if (e.in.status == IN_OUTSIDE) {
		report(L, n, M_OUTSIDE, n->value);
	} else if (e.limit >= 0) {
		char *what = xasprintf("team '%s': logo '%s' %s", team_name, n->value, e.why);
		report(L, n, M_LIMIT, what, bound_name((bound)e.limit));
		free(what);
	} else {
		report(L, n, M_TEAM_LOGO, team_name, n->value, e.why);
	}
	image_error_free(&e);
	free(real);
}

static void team_colors(loader *L, const ynode *m, theme *t)
{
	static const char *const keys[] = {"ink", "paper", "accent", "back", "back_ink", NULL};
	uint32_t *slots[] = {&t->ink, &t->paper, &t->accent, &t->back, &t->back_ink};
	if (!want(L, m, YN_MAP, "a team's colors"))
		return;
	check_keys(L, m, keys, "a team's colors");
	for (int i = 0; keys[i]; i++) {
		const ynode *n = get(m, keys[i]);
		char *what = xasprintf("the team's colors.%s", keys[i]);
		if (n && color(L, n, what, slots[i]) && slots[i] == &t->back)
			t->back_fixed = true; /* the team's own colour on every back */
		free(what);
	}
}

static bool team_language(loader *L, const ynode *n, const char *name, deck *t, team *tm)
{
	const char *lang = scalar(L, n, "a team's language");
	if (!lang)
		return false;
	for (size_t i = 0; i < t->nlanguages; i++)
		if (!strcmp(t->languages[i], lang)) {
			tm->lang = t->languages[i];
			return true;
		}
	char *all = join(t->languages);
	report(L, n, M_TEAM_LANG, name, lang, all);
	free(all);
	return false;
}

/* The base deck at rel (named at node `at`), loaded once per teams file and kept in ts;
 * NULL when it cannot be used (reported once). */
static deck *base_deck(loader *F, const ynode *at, const char *rel, team_set *ts)
{
	char *path = input_beside(F->path, rel);
	char *real = realpath(path, NULL);
	const char *key = real ? real : path; /* a missing file is reported once too */
	size_t i = 0;
	while (i < ts->nbases && strcmp(ts->bases[i].real, key))
		i++;
	deck *base = NULL;
	if (i < ts->nbases) {
		base = ts->bases[i].dk; /* its problems were reported when it was first loaded */
	} else {
		input_result r;
		input_probe(path, F->dk->root, &r);
		if (r.status == IN_OUTSIDE) {
			report(F, at, M_OUTSIDE, rel);
		} else if (r.status != IN_OK) {
			char *why = r.status == IN_OPEN ? xasprintf("cannot be read: %s", r.why)
							: input_problem(&r, F->dk->root);
			report(F, at, M_TEAM_DECK, rel, why);
			free(why);
		} else {
			base = deck_load_in(path, F->dk->root, F->d);
		}
		free(r.why);
		ts->bases = xrealloc(ts->bases, (ts->nbases + 1) * sizeof *ts->bases);
		ts->bases[ts->nbases++] = (struct team_base){xstrdup(key), base};
	}
	free(real);
	free(path);
	return base;
}

/* The teams file's own deck: and print: settings, for every team. */
typedef struct {
	const ynode *node; /* deck: at the top, or NULL */
	const char *rel;   /* its value, NULL when absent or wrong (reported) */
	const deck *print; /* the file's print: settings */
} file_defaults;

/* The team's deck: the base deck's texts and settings, the chosen cards, its own cards. */
static deck *team_deck(loader *F, const ynode *m, const file_defaults *fd, team *tm, team_set *ts)
{
	const ynode *dn = get(m, "deck");
	const char *rel = dn ? scalar(F, dn, "a team's deck") : fd->rel;
	if (!rel) {
		if (!dn && !fd->node)
			report(F, m, M_TEAM_NO_DECK, tm->name);
		return NULL;
	}
	const deck *file_print = fd->print;
	int before = F->d->nerrors;
	deck *base = base_deck(F, dn ? dn : fd->node, rel, ts);
	if (!base)
		return NULL;
	arena *mem = arena_new();
	deck *t = arena_alloc(mem, sizeof *t);
	*t = *base; /* texts, languages, theme, booklet, hyphenation: the base deck's */
	t->mem = mem;
	t->parts = NULL; /* the base and its parts belong to the team set */
	t->nparts = 0;
	t->base = base;
	t->cards = NULL, t->ncards = 0;
	t->categories = NULL, t->ncategories = 0;
	t->sources = NULL, t->nsources = 0;
	t->team = tm->name;
	/* the teams file's print: settings come after the base deck's, so they win */
	t->print = arena_append(mem, t->print, &t->nprint, file_print->print, file_print->nprint,
				sizeof(print_setting));
	t->root = F->dk->root;
	loader T = {.path = F->path, .d = F->d, .dk = t, .mem = mem};
	take_cards(&T, base, get(m, "select"), get(m, "exclude"), base->path);
	const ynode *n;
	if ((n = get(m, "language")))
		team_language(&T, n, tm->name, t, tm);
	if ((n = get(m, "cards"))) {
		/* a plain string in the team's own cards is text in the team's language */
		const char *original = t->language;
		t->language = tm->lang ? tm->lang : original;
		size_t first = t->ncards;
		load_cards(&T, n);
		t->language = original;
		for (size_t i = first; i < t->ncards; i++)
			take_refs(&T, base, &t->cards[i]);
	}
	if ((n = get(m, "colors")))
		team_colors(&T, n, &t->theme);
	if ((n = get(m, "logo")) && scalar(&T, n, "a team's logo")) {
		char *logo = input_beside(F->path, n->value);
		t->logo = arena_strdup(mem, logo);
		free(logo);
		check_logo(&T, n, tm->name, t->logo, ts);
	}
	t->team_lang = tm->lang ? tm->lang : t->language;
	if (t->ncards == 0 && F->d->nerrors == before)
		report(F, m, M_NO_CARDS);
	deck_check(t, F->d);
	if (F->d->nerrors > before) {
		deck_free(t);
		return NULL;
	}
	return t;
}

static void load_team(loader *F, const ynode *m, team *tm, const file_defaults *fd, team_set *ts,
		      size_t nearlier)
{
	const team *earlier = ts->v;
	static const char *const keys[] = {"name",     "deck", "select", "exclude", "cards",
					   "language", "logo", "colors", NULL};
	int before = F->d->nerrors;
	tm->pos = pos_of(m);
	if (!want(F, m, YN_MAP, "a team"))
		return;
	check_keys(F, m, keys, "a team");
	const ynode *n = get(m, "name");
	if (!n) {
		report(F, m, M_MISSING, "a team", "name");
		return;
	}
	if (!(tm->name = scalar(F, n, "a team's name")))
		return;
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)tm->name; *p; p++)
		chars += (*p & 0xc0) != 0x80;
	if (chars > bound_get(B_TEAM_NAME)) { /* it names a folder: keep it within NAME_MAX */
		report_limit(F, n, B_TEAM_NAME, "the team's name has %zu characters, more than %zu",
			     chars, bound_get(B_TEAM_NAME));
		tm->name = NULL;
		return;
	}
	tm->slug = team_slug(tm->name);
	if (!*tm->slug) {
		report(F, n, M_TEAM_SLUG, tm->name);
		return;
	}
	for (size_t i = 0; i < nearlier; i++)
		if (earlier[i].slug && !strcmp(earlier[i].slug, tm->slug)) {
			report(F, n, M_TEAM_SLUG_DUP, tm->name, tm->slug, earlier[i].name,
			       earlier[i].pos.line);
			return;
		}
	tm->dk = team_deck(F, m, fd, tm, ts);
	if (tm->dk && F->d->nerrors > before) { /* e.g. an unknown key in the team: never build
						   what the author did not mean */
		deck_free(tm->dk);
		tm->dk = NULL;
	}
}

static int load_teams_file(const char *path, const ynode *root, struct diag *d, team_set *ts)
{
	static const char *const keys[] = {"deck", "print", "teams", NULL};
	int start = d->nerrors;
	deck *fp = arena_alloc(ts->mem, sizeof *fp); /* holds the file's print: settings */
	fp->path = path;
	fp->root = ts->root;
	loader F = {.path = path, .d = d, .dk = fp, .mem = ts->mem};
	check_keys(&F, root, keys, "the teams file");
	const ynode *base = get(root, "deck"), *teams = get(root, "teams"), *n;
	const char *base_rel = base ? scalar(&F, base, "the teams file's deck") : NULL;
	if ((n = get(root, "print")))
		load_print(&F, n);
	if (!want(&F, teams, YN_SEQ, "'teams'"))
		return -1;
	if (teams->n == 0) {
		report(&F, teams, M_TEAMS_EMPTY);
		return -1;
	}
	if (teams->n > bound_get(B_TEAMS)) {
		report_limit(&F, teams, B_TEAMS, "the file lists %zu teams, more than %zu",
			     teams->n, bound_get(B_TEAMS));
		return -1;
	}
	int file_errors = d->nerrors - start;
	file_defaults fd = {base, base_rel, fp};
	ts->v = xcalloc(teams->n, sizeof(team));
	int failed = 0;
	for (size_t i = 0; i < teams->n; i++) {
		load_team(&F, teams->kids[i], &ts->v[i], &fd, ts, i);
		ts->n++;
		failed += ts->v[i].dk == NULL;
	}
	/* a mistake outside the teams (an unknown top-level key, a print: value) concerns them
	 * all: the teams were loaded to report their problems too, but none is built */
	return file_errors ? -1 : failed;
}

int teams_load(const char *path, struct diag *d, team_set *out)
{
	size_t len = 0;
	char *buf = ytree_read(path, NULL, &len, d);
	if (!buf) {
		*out = (team_set){.mem = arena_new()};
		return -1;
	}
	char *root = input_root_of(path);
	int rc = teams_load_mem(path, buf, len, root ? root : "/nonexistent", d, out);
	free(root);
	free(buf);
	return rc;
}

int teams_load_mem(const char *path, char *buf, size_t len, const char *dir, struct diag *d,
		   team_set *out)
{
	*out = (team_set){.mem = arena_new(), .root = xstrdup(dir)};
	ynode *root = NULL;
	if (ytree_parse(path, buf, len, out->mem, d, &root) != 0)
		return -1;
	if (!root || root->kind != YN_MAP || !get(root, "teams")) {
		/* a plain deck: one team without a name */
		out->v = xcalloc(1, sizeof(team));
		out->n = 1;
		/* the bytes already read: the deck named on the command line is trusted, even
		 * through a link to another folder; the files it names are not. ytree_parse took
		 * any byte-order mark off and refused NUL bytes, so strlen is the text's length. */
		out->v[0].dk = deck_open_mem(path, buf, strlen(buf), out->root, d);
		return out->v[0].dk ? 0 : -1;
	}
	out->is_teams = true;
	int rc = load_teams_file(path, root, d, out);
	diag_flush(d, path);
	return rc;
}

void teams_free(team_set *ts)
{
	for (size_t i = 0; i < ts->n; i++) {
		deck_free(ts->v[i].dk);
		free(ts->v[i].slug);
	}
	free(ts->v);
	for (size_t i = 0; i < ts->nbases; i++) {
		deck_free(ts->bases[i].dk);
		free(ts->bases[i].real);
	}
	free(ts->bases);
	for (size_t i = 0; i < ts->nlogos; i++)
		free(ts->logos[i]);
	free(ts->logos);
	free(ts->root);
	arena_free(ts->mem);
	*ts = (team_set){0};
}
