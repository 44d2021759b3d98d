/* deck_load_teams.c - a teams file to one checked deck per team. */
#include <cairo.h>
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck_check.h"
#include "deck_load.h"
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

static char *beside(const char *file, const char *rel)
{
	if (rel[0] == '/')
		return xstrdup(rel);
	char *copy = xstrdup(file);
	char *p = xasprintf("%s/%s", dirname(copy), rel);
	free(copy);
	return p;
}

/* A logo must be a PNG that decodes: checked here, fully, so the message can name the team
 * and the line rather than surfacing while a PDF is drawn. */
static void check_logo(loader *L, const ynode *n, const char *team_name, const char *path)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	unsigned char h[8];
	FILE *f = fopen(path, "rb");
	if (!f) {
		char *why = xasprintf("cannot be read: %s", strerror(errno));
		report(L, n, M_TEAM_LOGO, team_name, n->value, why);
		free(why);
		return;
	}
	size_t got = fread(h, 1, sizeof h, f);
	fclose(f);
	if (got < 8 || memcmp(h, sig, 8)) {
		report(L, n, M_TEAM_LOGO, team_name, n->value, "is not a PNG image");
		return;
	}
	cairo_surface_t *img = cairo_image_surface_create_from_png(path);
	cairo_status_t st = cairo_surface_status(img);
	cairo_surface_destroy(img);
	if (st != CAIRO_STATUS_SUCCESS) {
		char *why = xasprintf("is a damaged PNG image (%s)", cairo_status_to_string(st));
		report(L, n, M_TEAM_LOGO, team_name, n->value, why);
		free(why);
	}
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

/* The team's deck: the base deck's texts and settings, the chosen cards, its own cards. */
static deck *team_deck(loader *F, const ynode *m, const char *base_rel, const deck *file_print,
		       team *tm)
{
	const ynode *dn = get(m, "deck");
	const char *rel = dn ? scalar(F, dn, "a team's deck") : base_rel;
	if (!rel) {
		report(F, m, M_TEAM_NO_DECK, tm->name);
		return NULL;
	}
	char *path = beside(F->path, rel);
	int before = F->d->nerrors;
	deck *base = deck_load(path, F->d);
	free(path);
	if (!base)
		return NULL;
	arena *mem = arena_new();
	deck *t = arena_alloc(mem, sizeof *t);
	*t = *base; /* texts, languages, theme, booklet, hyphenation: the base deck's */
	t->mem = mem;
	t->parts = xmalloc(sizeof(deck *));
	t->parts[0] = base;
	t->nparts = 1;
	t->cards = NULL, t->ncards = 0;
	t->categories = NULL, t->ncategories = 0;
	t->sources = NULL, t->nsources = 0;
	t->team = tm->name;
	/* the teams file's print: settings come after the base deck's, so they win */
	t->print = arena_append(mem, t->print, &t->nprint, file_print->print, file_print->nprint,
				sizeof(print_setting));
	loader T = {.path = F->path, .d = F->d, .dk = t, .mem = mem};
	take_cards(&T, base, get(m, "select"), get(m, "exclude"), base->path);
	const ynode *n;
	if ((n = get(m, "cards"))) {
		size_t first = t->ncards;
		load_cards(&T, n);
		for (size_t i = first; i < t->ncards; i++)
			take_refs(&T, base, &t->cards[i]);
	}
	if ((n = get(m, "language")))
		team_language(&T, n, tm->name, t, tm);
	if ((n = get(m, "colors")))
		team_colors(&T, n, &t->theme);
	if ((n = get(m, "logo")) && scalar(&T, n, "a team's logo")) {
		t->logo = beside(F->path, n->value);
		char *owned = arena_strdup(mem, t->logo);
		free((char *)t->logo);
		t->logo = owned;
		check_logo(&T, n, tm->name, t->logo);
	}
	if (t->ncards == 0 && F->d->nerrors == before)
		report(F, m, M_NO_CARDS);
	deck_check(t, F->d);
	if (F->d->nerrors > before) {
		deck_free(t);
		return NULL;
	}
	return t;
}

static void load_team(loader *F, const ynode *m, team *tm, const char *base, const deck *fp,
		      const team *earlier, size_t nearlier)
{
	static const char *const keys[] = {"name",     "deck", "select", "exclude", "cards",
					   "language", "logo", "colors", NULL};
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
	tm->dk = team_deck(F, m, base, fp, tm);
}

static int load_teams_file(const char *path, const ynode *root, struct diag *d, team_set *ts)
{
	static const char *const keys[] = {"deck", "print", "teams", NULL};
	deck *fp = arena_alloc(ts->mem, sizeof *fp); /* holds the file's print: settings */
	fp->path = path;
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
	ts->v = xcalloc(teams->n, sizeof(team));
	int failed = 0;
	for (size_t i = 0; i < teams->n; i++) {
		load_team(&F, teams->kids[i], &ts->v[i], base_rel, fp, ts->v, i);
		ts->n++;
		failed += ts->v[i].dk == NULL;
	}
	return failed;
}

int teams_load(const char *path, struct diag *d, team_set *out)
{
	*out = (team_set){.mem = arena_new()};
	ynode *root = NULL;
	if (ytree_load(path, out->mem, d, &root) != 0)
		return -1;
	if (!root || root->kind != YN_MAP || !get(root, "teams")) {
		/* a plain deck: one team without a name */
		out->v = xcalloc(1, sizeof(team));
		out->n = 1;
		out->v[0].dk = deck_open(path, d);
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
	arena_free(ts->mem);
	*ts = (team_set){0};
}
