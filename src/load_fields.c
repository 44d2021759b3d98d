/* load_fields.c - typed readers for deck fields, shared by the deck_load*.c files. */
#include "load_fields.h"

#include "input.h"

#include "bounds.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numfmt.h"

void report(loader *L, const ynode *at, enum diag_msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	vdiag(L->d, m, L->path, at ? at->line : 0, at ? at->col : 0, ap);
	va_end(ap);
}

void report_limit(loader *L, const ynode *at, int b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf what = {0};
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	what.s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	what.s[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(what.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	report(L, at, M_LIMIT, what.s, bound_name((bound)b));
	free(what.s);
}

srcpos pos_of(const ynode *n)
{
	return (srcpos){n ? n->line : 0, n ? n->col : 0};
}

const ynode *get(const ynode *map, const char *key)
{
	for (size_t i = 0; map && map->kind == YN_MAP && i < map->n; i += 2)
		if (!strcmp(map->kids[i]->value, key))
			return map->kids[i + 1];
	return NULL;
}

/* The closest word of `list` to `word`, if it is close enough to be a likely typo. */
const char *nearest(const char *word, const char *const *list)
{
	for (const char *const *p = list; *p; p++)
		if (!strcasecmp(word, *p))
			return *p; /* CATEGORY for category: only the case differs */
	const char *best = NULL;
	int best_d = 3;
	int limit = strlen(word) <= 3 ? 1 : 2;
	const char *prefix_of = NULL; /* 'lang' for 'language': a shortened word */
	size_t len = strlen(word);
	for (; *list; list++) {
		int dist = edit_distance(word, *list);
		if (dist < best_d && dist <= limit)
			best = *list, best_d = dist;
		if (len >= 3 && strlen(*list) > len && !strncmp(word, *list, len))
			prefix_of = prefix_of ? "" : *list; /* "" when ambiguous */
	}
	return best ? best : prefix_of && *prefix_of ? prefix_of : NULL;
}

bool in_list(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(word, *list))
			return true;
	return false;
}

char *join(const char *const *list)
{
	strbuf b = {0};
	for (const char *const *p = list; *p; p++)
		strbuf_printf(&b, "%s%s", p == list ? "" : ", ", *p);
	return strbuf_take(&b);
}

/* In a flow mapping {size: 63,5x88,9} or {text: Hoe gaat het, goed?} the comma ends the
 * entry: what follows it becomes a key without a value, on the line of the value before it
 * (two keys never share a line in block style). Reports that and returns true. */
static bool comma_split(loader *L, const ynode *map, size_t i, const char *where)
{
	const ynode *key = map->kids[i];
	if (i < 2 || i + 1 >= map->n || !key->plain || !ynode_is_null(map->kids[i + 1]))
		return false;
	const ynode *before = map->kids[i - 1];
	if (before->kind != YN_SCALAR || !before->plain || before->line != key->line)
		return false;
	size_t j = i - 2; /* the key whose value the comma cut: the last one with a value */
	while (j >= 2 && ynode_is_null(map->kids[j + 1]) && map->kids[j - 1]->line == key->line)
		j -= 2;
	report(L, key, M_COMMA_SPLIT, key->value, where, map->kids[j]->value);
	return true;
}

void unknown_key_in(loader *L, const ynode *map, size_t i, const char *where,
		    const char *const *allowed)
{
	if (!comma_split(L, map, i, where))
		unknown_key(L, map->kids[i], where, allowed);
}

void unknown_key(loader *L, const ynode *key, const char *where, const char *const *allowed)
{
	const char *hint = nearest(key->value, allowed);
	if (hint) {
		report(L, key, M_UNKNOWN_KEY_HINT, key->value, where, hint);
	} else {
		char *all = join(allowed);
		report(L, key, M_UNKNOWN_KEY, key->value, where, all);
		free(all);
	}
}

void check_keys(loader *L, const ynode *map, const char *const *allowed, const char *where)
{
	for (size_t i = 0; i < map->n; i += 2)
		if (!in_list(map->kids[i]->value, allowed))
			unknown_key_in(L, map, i, where, allowed);
}

bool want(loader *L, const ynode *n, ynode_kind kind, const char *what)
{
	static const char *names[] = {"a text", "a mapping (lines of 'key: value')",
				      "a list (lines starting with '- ')"};
	if (n->kind == kind)
		return true;
	report(L, n, M_KIND, what, names[kind], ynode_kind_name(n));
	return false;
}

/* True if the character at p starts a line or a paragraph for Pango: a line feed, a
 * carriage return not followed by one (CR LF is one break), NEL, or U+2028 and U+2029
 * (YAML's \L and \P). */
static bool is_break(const unsigned char *p)
{
	return *p == '\n' || (*p == '\r' && p[1] != '\n') || (p[0] == 0xc2 && p[1] == 0x85) ||
	       (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9));
}

/* n's text if it is a non-empty text within the limits, else NULL (reported). The tree's
 * own string: the tree is freed after loading. */
static const char *checked_scalar(loader *L, const ynode *n, const char *what)
{
	if (!n || !want(L, n, YN_SCALAR, what))
		return NULL;
	if (ynode_is_null(n) || !*n->value) {
		report(L, n, M_EMPTY_VALUE, what);
		return NULL;
	}
	size_t chars = 0, breaks = 0, max = bound_get(B_TEXT_CHARS);
	for (const unsigned char *p = (const unsigned char *)n->value; *p && chars <= max; p++) {
		chars += (*p & 0xc0) != 0x80;
		breaks += is_break(p);
	}
	/* refused before anything tries to typeset it; Pango 1.50 measures a text from its
	 * start again at every line break (a card of 3,300 lines took 0.5 s to check) */
	if (chars > max) {
		report_limit(L, n, B_TEXT_CHARS, "%s has more than %zu characters", what, max);
		return NULL;
	}
	if (breaks > bound_get(B_TEXT_LINES)) {
		report_limit(L, n, B_TEXT_LINES, "%s has %zu line breaks, more than %zu", what,
			     breaks, bound_get(B_TEXT_LINES));
		return NULL;
	}
	return n->value;
}

/* A scalar field as a string of the deck's arena; NULL (reported) if it is not a non-empty
 * text. */
const char *scalar(loader *L, const ynode *n, const char *what)
{
	const char *v = checked_scalar(L, n, what);
	return v ? arena_strdup(L->mem, v) : NULL;
}

const char *opt_scalar(loader *L, const ynode *map, const char *key, const char *owner)
{
	const ynode *n = get(map, key);
	if (!n)
		return NULL;
	char *what = xasprintf("'%s' of %s", key, owner);
	const char *v = scalar(L, n, what);
	free(what);
	return v;
}

bool valid_id(const char *s)
{
	if (strlen(s) > ID_MAX)
		return false;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return false;
	return *s != '\0';
}

bool valid_lang(const char *s)
{
	size_t n = 0;
	while (islower((unsigned char)s[n]))
		n++;
	if (n < 2 || n > 3)
		return false;
	for (const char *p = s + n; *p;) {
		if (*p++ != '-')
			return false;
		size_t k = 0;
		while (isalnum((unsigned char)p[k]))
			k++;
		if (k < 2 || k > 8)
			return false;
		p += k;
	}
	return true;
}

/* The deck's own string for a declared language, or NULL. */
static const char *declared(loader *L, const char *lang)
{
	for (size_t i = 0; i < L->dk->nlanguages; i++)
		if (!strcmp(L->dk->languages[i], lang))
			return L->dk->languages[i];
	return NULL;
}

/* YAML has already folded a '>' or plain value: each newline left in it stood for a blank
 * line. Make paragraphs look the same whatever the style: "\n\n" between them. */
static const char *paragraphs(loader *L, const ynode *n)
{
	if (n->literal || !strchr(n->value, '\n'))
		return arena_strdup(L->mem, n->value);
	strbuf b = {0};
	for (const char *p = n->value; *p; p++)
		*p == '\n' ? strbuf_puts(&b, "\n\n") : strbuf_putc(&b, *p);
	char *s = arena_strdup(L->mem, b.s);
	strbuf_free(&b);
	return s;
}

/* A text field: a plain string (the deck's language) or a mapping by language code. */
void text_field(loader *L, const ynode *n, const char *what, mtext *out)
{
	*out = (mtext){.pos = pos_of(n)};
	if (!n)
		return;
	if (n->kind == YN_SCALAR) {
		if (!checked_scalar(L, n, what))
			return;
		const char *v = paragraphs(L, n);
		out->v = arena_alloc(L->mem, sizeof *out->v);
		out->v[0] = (tr_entry){L->dk->language, v, pos_of(n)};
		out->n = 1;
		return;
	}
	if (n->kind != YN_MAP) {
		report(L, n, M_KIND, what, "a text or a mapping by language ({nl: ..., en: ...})",
		       ynode_kind_name(n));
		return;
	}
	out->v = arena_alloc(L->mem, (n->n / 2 + 1) * sizeof *out->v);
	for (size_t i = 0; i < n->n; i += 2) {
		const ynode *k = n->kids[i];
		const char *lang = declared(L, k->value);
		if (!lang) {
			char *langs = join(L->dk->languages);
			report(L, k, M_LANG_UNDECLARED, k->value, langs);
			free(langs);
			continue;
		}
		char *w = xasprintf("%s (%s)", what, k->value);
		const char *v = checked_scalar(L, n->kids[i + 1], w);
		free(w);
		if (v)
			out->v[out->n++] =
				(tr_entry){lang, paragraphs(L, n->kids[i + 1]), pos_of(n->kids[i + 1])};
	}
}

void opt_text(loader *L, const ynode *map, const char *key, const char *owner, mtext *out)
{
	char *what = xasprintf("'%s' of %s", key, owner);
	text_field(L, get(map, key), what, out);
	free(what);
}

bool number(loader *L, const ynode *n, const char *what, double lo, double hi, double *out)
{
	if (!want(L, n, YN_SCALAR, what))
		return false;
	if (!parse_double(n->value, out)) {
		report(L, n, M_BAD_NUMBER, what, n->value);
		return false;
	}
	if (*out < lo || *out > hi) {
		report(L, n, M_RANGE, what, lo, hi, *out);
		return false;
	}
	return true;
}

static bool hex_color(loader *L, const ynode *n, const char *what, uint32_t *out)
{
	const char *s = scalar(L, n, what);
	if (!s)
		return false;
	bool ok = s[0] == '#' && strlen(s) == 7;
	for (int i = 1; ok && i < 7; i++)
		ok = isxdigit((unsigned char)s[i]);
	if (!ok) {
		report(L, n, M_BAD_COLOR, s);
		return false;
	}
	*out = (uint32_t)strtoul(s + 1, NULL, 16);
	return true;
}

/* cmyk: [C, M, Y, K], each a percentage. */
static bool cmyk_values(loader *L, const ynode *n, const char *what, double v[4])
{
	bool ok = n->kind == YN_SEQ && n->n == 4;
	for (size_t i = 0; ok && i < 4; i++)
		ok = n->kids[i]->kind == YN_SCALAR && parse_double(n->kids[i]->value, &v[i]) &&
		     v[i] >= 0 && v[i] <= 100;
	if (!ok)
		report(L, n, M_BAD_CMYK, what);
	return ok;
}

static void fmt_cmyk(const double v[4], char *buf, size_t n)
{
	char a[NUM_BUF], b[NUM_BUF], c[NUM_BUF], d[NUM_BUF];
	snprintf(buf, n, "[%s, %s, %s, %s]", num_format(a, v[0], 2), num_format(b, v[1], 2),
		 num_format(c, v[2], 2), num_format(d, v[3], 2));
}

/* Records rgb's CMYK in the deck; one file may not give one rgb two CMYK values. */
static void add_cmyk(loader *L, const ynode *n, uint32_t rgb, const double v[4])
{
	deck_cmyk c = {.rgb = rgb, .file = L->path, .pos = pos_of(n)};
	memcpy(c.cmyk, v, sizeof c.cmyk);
	for (size_t i = 0; i < L->dk->ncmyk; i++) {
		const deck_cmyk *o = &L->dk->cmyk[i];
		if (o->rgb != rgb || strcmp(o->file, L->path) ||
		    !memcmp(o->cmyk, c.cmyk, sizeof c.cmyk))
			continue;
		char here[96], there[96];
		fmt_cmyk(c.cmyk, here, sizeof here);
		fmt_cmyk(o->cmyk, there, sizeof there);
		report(L, n, M_CMYK_CLASH, (unsigned)rgb, here, there, o->pos.line);
		return;
	}
	L->dk->cmyk = arena_append(L->mem, L->dk->cmyk, &L->dk->ncmyk, &c, 1, sizeof c);
}

bool color(loader *L, const ynode *n, const char *what, uint32_t *out)
{
	if (!n || n->kind != YN_MAP)
		return hex_color(L, n, what, out);
	static const char *const keys[] = {"rgb", "cmyk", NULL};
	check_keys(L, n, keys, what);
	const ynode *rgb = get(n, "rgb"), *cm = get(n, "cmyk");
	if (!rgb) {
		report(L, n, M_MISSING, what, "rgb");
		return false;
	}
	uint32_t v;
	double c[4];
	if (!hex_color(L, rgb, what, &v) || (cm && !cmyk_values(L, cm, what, c)))
		return false;
	if (cm)
		add_cmyk(L, cm, v, c);
	*out = v;
	return true;
}

bool file_field(loader *L, const ynode *n, const char *what, file_ref *out)
{
	const char *v = scalar(L, n, what);
	if (!v)
		return false;
	char *beside = input_beside(L->path, v);
	*out = (file_ref){.path = v,
			  .file = arena_strdup(L->mem, beside),
			  .origin = L->path,
			  .pos = pos_of(n)};
	free(beside);
	return true;
}
