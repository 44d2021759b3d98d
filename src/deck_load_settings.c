/* deck_load_settings.c - the deck's theme:, print:, hyphenation: and booklet: sections. */
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "deck_load.h"
#include "load_fields.h"

static const char *const type_keys[] = {"quote", "case", "question", NULL};

static void theme_defaults(theme *t)
{
	static const double max[CARD_NTYPES] = {15, 10, 17}, min[CARD_NTYPES] = {8.5, 7, 9};
	*t = (theme){.font_serif = "Yrsa",
		     .font_sans = "Open Sans",
		     .ink = 0x1f2328,
		     .paper = 0xffffff,
		     .accent = 0x2f5d8a,
		     .back = 0x2f5d8a,
		     .back_ink = 0xffffff};
	for (int i = 0; i < CARD_NTYPES; i++) {
		t->size_max[i] = max[i];
		t->size_min[i] = min[i];
		t->fit[i] = FIT_UNIFORM;
	}
}

static void load_colors(loader *L, const ynode *m, theme *t)
{
	static const char *const keys[] = {"ink", "paper", "accent", "back", "back_ink", NULL};
	uint32_t *slots[] = {&t->ink, &t->paper, &t->accent, &t->back, &t->back_ink};
	if (!want(L, m, YN_MAP, "theme.colors"))
		return;
	check_keys(L, m, keys, "theme.colors");
	for (int i = 0; keys[i]; i++) {
		const ynode *n = get(m, keys[i]);
		char *what = xasprintf("theme.colors.%s", keys[i]);
		if (n)
			color(L, n, what, slots[i]);
		free(what);
	}
}

static void load_sizes(loader *L, const ynode *m, theme *t)
{
	static const char *const keys[] = {"max", "min", NULL};
	if (!want(L, m, YN_MAP, "theme.sizes"))
		return;
	check_keys(L, m, type_keys, "theme.sizes");
	for (int i = 0; i < CARD_NTYPES; i++) {
		const ynode *s = get(m, type_keys[i]);
		char *what = xasprintf("theme.sizes.%s", type_keys[i]);
		if (s && want(L, s, YN_MAP, what)) {
			check_keys(L, s, keys, what);
			for (int k = 0; keys[k]; k++) {
				const ynode *n = get(s, keys[k]);
				char *field = xasprintf("%s.%s", what, keys[k]);
				if (n)
					number(L, n, field, CARD_TEXT_MIN, 72,
					       k ? &t->size_min[i] : &t->size_max[i]);
				free(field);
			}
			if (t->size_min[i] > t->size_max[i])
				report(L, s, M_SIZES_ORDER, what, t->size_min[i], t->size_max[i]);
		}
		free(what);
	}
}

const char *const fit_mode_names[] = {[FIT_EACH] = "each", [FIT_UNIFORM] = "uniform", NULL};
const char *const layout_names[] = {[LAYOUT_CLASSIC] = "classic", [LAYOUT_MINIMAL] = "minimal",
				    [LAYOUT_ICON] = "icon", NULL};
const char *const numbering_names[] = {[NUMBER_NONE] = "none", [NUMBER_DECK] = "deck",
				       [NUMBER_CATEGORY] = "category", NULL};

/* a and b's first n bytes are the same ASCII letters in any case (not the locale's) */
static bool same_letters(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] - 'A' + 'a' : a[i];
		if (x != b[i])
			return false;
	}
	return true;
}

/* The index of v in names (NULL-terminated, lower case): in any case, blanks around it
 * ignored ("Icon", " UNIFORM "), as print: takes its words; -1 when it is none of them. */
static int word_index(const char *v, const char *const *names)
{
	size_t n = strlen(v);
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	for (int i = 0; names[i]; i++)
		if (strlen(names[i]) == n && same_letters(v, names[i], n))
			return i;
	return -1;
}

static bool fit_mode_of(loader *L, const ynode *n, fit_mode *out)
{
	const char *v = scalar(L, n, "fit");
	if (!v)
		return false;
	int i = word_index(v, fit_mode_names);
	if (i >= 0) {
		*out = (fit_mode)i;
		return true;
	}
	report(L, n, M_BAD_CHOICE, "fit", "'uniform' or 'each'", v);
	return false;
}

static void load_fit(loader *L, const ynode *n, theme *t)
{
	fit_mode f;
	if (n->kind == YN_SCALAR) {
		if (fit_mode_of(L, n, &f))
			for (int i = 0; i < CARD_NTYPES; i++)
				t->fit[i] = f;
		return;
	}
	if (!want(L, n, YN_MAP, "theme.fit"))
		return;
	check_keys(L, n, type_keys, "theme.fit");
	for (int i = 0; i < CARD_NTYPES; i++) {
		const ynode *v = get(n, type_keys[i]);
		if (v && fit_mode_of(L, v, &f))
			t->fit[i] = f;
	}
}

static void load_fonts(loader *L, const ynode *n, theme *t)
{
	if (n->kind == YN_SEQ && n->n > bound_get(B_FONTS)) {
		report_limit(L, n, B_FONTS, "theme.fonts lists %zu files, more than %zu", n->n,
			     bound_get(B_FONTS));
		return;
	}
	if (!want(L, n, YN_SEQ, "theme.fonts"))
		return;
	t->fonts = arena_alloc(L->mem, (n->n + 1) * sizeof *t->fonts);
	for (size_t i = 0; i < n->n; i++)
		if (file_field(L, n->kids[i], "a font file in theme.fonts", &t->fonts[t->nfonts]))
			t->nfonts++;
}

/* A word from `names` (NULL-terminated, word_index) into *out; reported when it is not one of
 * them. */
static void choice(loader *L, const ynode *n, const char *what, const char *const *names,
		   int *out)
{
	const char *v = scalar(L, n, what);
	if (!v)
		return;
	int i = word_index(v, names);
	if (i >= 0) {
		*out = i;
		return;
	}
	char *all = join(names);
	char *quoted = xasprintf("one of: %s", all);
	report(L, n, M_BAD_CHOICE, what, quoted, v);
	free(quoted);
	free(all);
}

static void load_theme(loader *L, const ynode *m)
{
	static const char *const keys[] = {"serif", "sans",   "colors",    "sizes",
					   "fit",   "fonts",  "layout",    "numbering", NULL};
	theme *t = &L->dk->theme;
	if (!want(L, m, YN_MAP, "'theme'"))
		return;
	check_keys(L, m, keys, "theme");
	const char *v;
	if ((v = opt_scalar(L, m, "serif", "theme"))) {
		t->font_serif = v;
		t->font_serif_pos = pos_of(get(m, "serif"));
	}
	if ((v = opt_scalar(L, m, "sans", "theme"))) {
		t->font_sans = v;
		t->font_sans_pos = pos_of(get(m, "sans"));
	}
	const ynode *n;
	if ((n = get(m, "colors")))
		load_colors(L, n, t);
	if ((n = get(m, "sizes")))
		load_sizes(L, n, t);
	if ((n = get(m, "fit")))
		load_fit(L, n, t);
	if ((n = get(m, "fonts")))
		load_fonts(L, n, t);
	int which = (int)t->layout;
	if ((n = get(m, "layout")))
		choice(L, n, "theme.layout", layout_names, &which);
	t->layout = (card_layout)which;
	which = (int)t->numbering;
	if ((n = get(m, "numbering")))
		choice(L, n, "theme.numbering", numbering_names, &which);
	t->numbering = (numbering_mode)which;
}

/* print: values are parsed later by the same code as the command-line options. */
void load_print(loader *L, const ynode *m)
{
	static const char *const keys[] = {"size",        "sheet",       "bleed", "safe",
					   "margin",      "duplex",      "backs", "marks",
					   "back_offset", "back-offset", "pdfx",  NULL};
	deck *dk = L->dk;
	if (!want(L, m, YN_MAP, "'print'"))
		return;
	check_keys(L, m, keys, "print");
	dk->print = arena_alloc(L->mem, (m->n / 2 + 1) * sizeof(print_setting));
	for (size_t i = 0; i < m->n; i += 2) {
		const ynode *k = m->kids[i];
		if (!in_list(k->value, keys))
			continue;
		char *what = xasprintf("print.%s", k->value);
		const char *v = scalar(L, m->kids[i + 1], what);
		free(what);
		if (v)
			dk->print[dk->nprint++] =
				(print_setting){arena_strdup(L->mem, k->value), v, pos_of(m->kids[i + 1])};
	}
}

static void add_exceptions(loader *L, const ynode *list, const char *lang)
{
	deck *dk = L->dk;
	if (!want(L, list, YN_SEQ, "'hyphenation'"))
		return;
	hyph_exception *grown =
		arena_alloc(L->mem, (dk->nhyphenation + list->n + 1) * sizeof *grown);
	if (dk->nhyphenation)
		memcpy(grown, dk->hyphenation, dk->nhyphenation * sizeof *grown);
	dk->hyphenation = grown;
	for (size_t i = 0; i < list->n; i++) {
		const char *w = scalar(L, list->kids[i], "a hyphenation word");
		if (w)
			dk->hyphenation[dk->nhyphenation++] = (hyph_exception){lang, w};
	}
}

/* hyphenation: a list (the deck's language) or a mapping by language of lists. */
static void load_hyphenation(loader *L, const ynode *n)
{
	if (n->kind == YN_SEQ) {
		add_exceptions(L, n, L->dk->language);
		return;
	}
	if (!want(L, n, YN_MAP, "'hyphenation'"))
		return;
	for (size_t i = 0; i < n->n; i += 2) {
		const ynode *k = n->kids[i];
		if (!valid_lang(k->value))
			report(L, k, M_BAD_LANG, k->value);
		else
			add_exceptions(L, n->kids[i + 1], arena_strdup(L->mem, k->value));
	}
}

static void load_guide(loader *L, const ynode *list, booklet_text *b)
{
	static const char *const keys[] = {"title", "duration", "text", NULL};
	if (!want(L, list, YN_SEQ, "booklet.guide"))
		return;
	b->guide = arena_alloc(L->mem, (list->n + 1) * sizeof(guide_section));
	for (size_t i = 0; i < list->n; i++) {
		const ynode *m = list->kids[i];
		char *owner = xasprintf("guide section %zu", i + 1);
		if (want(L, m, YN_MAP, owner)) {
			guide_section *g = &b->guide[b->nguide++];
			check_keys(L, m, keys, owner);
			if (!get(m, "title"))
				report(L, m, M_MISSING, owner, "title");
			opt_text(L, m, "title", owner, &g->title);
			opt_text(L, m, "duration", owner, &g->duration);
			opt_text(L, m, "text", owner, &g->text);
		}
		free(owner);
	}
}

static void load_booklet(loader *L, const ynode *m)
{
	static const char *const keys[] = {"intro", "guide", "closing", "notes_pages", NULL};
	booklet_text *b = &L->dk->booklet;
	if (!want(L, m, YN_MAP, "'booklet'"))
		return;
	check_keys(L, m, keys, "booklet");
	opt_text(L, m, "intro", "booklet", &b->intro);
	opt_text(L, m, "closing", "booklet", &b->closing);
	const ynode *n;
	if ((n = get(m, "guide")))
		load_guide(L, n, b);
	double pages;
	if ((n = get(m, "notes_pages")) && number(L, n, "booklet.notes_pages", 0, 40, &pages)) {
		if (pages != (int)pages)
			report(L, n, M_BAD_CHOICE, "booklet.notes_pages", "a whole number",
			       n->value);
		b->notes_pages = (int)pages;
	}
}

void load_settings(loader *L, const ynode *root)
{
	theme_defaults(&L->dk->theme);
	const ynode *n;
	if ((n = get(root, "theme")))
		load_theme(L, n);
	if ((n = get(root, "print")))
		load_print(L, n);
	if ((n = get(root, "hyphenation")))
		load_hyphenation(L, n);
	if ((n = get(root, "booklet")))
		load_booklet(L, n);
}
