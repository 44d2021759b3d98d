/* yaml_write.c - the deck model as YAML that loads back to the same model. */
#include "yaml_write.h"

#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card_fields.h"
#include "input.h"

/* --- scalars --- */

/* Characters libyaml accepts in a file as they are (its IS_PRINTABLE), less the line breaks
 * of YAML 1.1 (NEL, LS, PS) and the byte order mark. */
static bool printable(gunichar c)
{
	return (c >= 0x20 && c <= 0x7e) ||
	       (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029) ||
	       (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) || (c >= 0x10000 && c <= 0x10ffff);
}

/* Words YAML readers (not deckpress, which reads every value as text) take for something
 * other than text: quoted, so that editors and the JSON schema see text too. */
static bool special_word(const char *v)
{
	static const char *const words[] = {"null", "~",   "true", "false", "yes", "no",
					    "on",   "off", "y",    "n",     NULL};
	for (const char *const *w = words; *w; w++)
		if (!g_ascii_strcasecmp(v, *w))
			return true;
	char *end;
	strtod(v, &end);
	return *end == '\0' || (v[0] == '0' && (v[1] == 'x' || v[1] == 'o'));
}

/* Text that can be written without quotes and reads back unchanged. */
static bool plain_ok(const char *v)
{
	size_t n = strlen(v);
	if (!n || v[0] == ' ' || v[n - 1] == ' ' || v[n - 1] == ':' || special_word(v))
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", v[0]))
		return false;
	if (strstr(v, ": ") || strstr(v, " #"))
		return false;
	for (const char *p = v; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!printable(c))
			return false;
	}
	return true;
}

/* True if every character may stand in a file as it is (in a block: line breaks and tabs
 * too). */
static bool all_printable(const char *v, bool block)
{
	for (const char *p = v; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!printable(c) && !(block && (c == '\n' || c == '\t')))
			return false;
	}
	return true;
}

static void put_single_quoted(strbuf *b, const char *v)
{
	strbuf_putc(b, '\'');
	for (const char *p = v; *p; p++) {
		if (*p == '\'')
			strbuf_putc(b, '\'');
		strbuf_putc(b, *p);
	}
	strbuf_puts(b, "'\n");
}

/* Double quotes, with escapes for everything a file cannot show. */
static void put_double_quoted(strbuf *b, const char *v)
{
	strbuf_putc(b, '"');
	for (const char *p = v; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == '"' || c == '\\')
			strbuf_printf(b, "\\%c", (char)c);
		else if (c == '\n')
			strbuf_puts(b, "\\n");
		else if (c == '\t')
			strbuf_puts(b, "\\t");
		else if (c < 0x100 && !printable(c))
			strbuf_printf(b, "\\x%02x", (unsigned)c);
		else if (!printable(c))
			strbuf_printf(b, "\\u%04x", (unsigned)c);
		else
			strbuf_add(b, p, (size_t)(g_utf8_next_char(p) - p));
	}
	strbuf_puts(b, "\"\n");
}

/* A literal block keeps a text's line breaks exactly, unless a line starts with a tab (the
 * loader refuses tabs in indentation) or the text has characters a file cannot show. */
static bool literal_ok(const char *v)
{
	if (!all_printable(v, true))
		return false;
	for (const char *line = v; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (line[strspn(line, " -")] == '\t')
			return false;
	return true;
}

/* "|-" without a final line break, "|" with one, "|+" with more (then the lines after the
 * block must not be blank: they would belong to it). Returns true for "|+". */
static bool put_literal(strbuf *b, const char *v, int indent)
{
	size_t n = strlen(v);
	const char *first = v + strspn(v, "\n");
	bool one = n && v[n - 1] == '\n', more = n > 1 && one && v[n - 2] == '\n';
	strbuf_putc(b, '|');
	if (*first == ' ') /* the first line's own spaces are not indentation */
		strbuf_putc(b, '2');
	strbuf_puts(b, more ? "+\n" : one ? "\n" : "-\n");
	for (const char *line = v; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len)
			strbuf_printf(b, "%*s%.*s", indent, "", (int)len, line);
		strbuf_putc(b, '\n');
		line += len + (end ? 1 : 0);
	}
	return more;
}

/* The loader reads a quoted text's line breaks as paragraph breaks ("a\nb" becomes
 * "a\n\nb"): the text with its breaks halved, or NULL when some run of breaks is odd. */
static char *halved_breaks(const char *v)
{
	strbuf b = {0};
	strbuf_puts(&b, "");
	for (const char *p = v; *p; p++) {
		if (*p != '\n') {
			strbuf_putc(&b, *p);
		} else if (p[1] == '\n') {
			strbuf_putc(&b, '\n');
			p++;
		} else {
			strbuf_free(&b);
			return NULL;
		}
	}
	return strbuf_take(&b);
}

bool yaml_put_scalar(strbuf *b, const char *v, int indent)
{
	if (!strchr(v, '\n')) {
		if (plain_ok(v)) {
			strbuf_puts(b, v);
			strbuf_putc(b, '\n');
		} else if (all_printable(v, false)) {
			put_single_quoted(b, v);
		} else {
			put_double_quoted(b, v);
		}
		return false;
	}
	if (literal_ok(v))
		return put_literal(b, v, indent);
	/* quoted text with line breaks reads back with each break doubled */
	char *half = halved_breaks(v);
	put_double_quoted(b, half ? half : v);
	free(half);
	return false;
}

/* --- the deck --- */

typedef struct {
	strbuf *b;
	const deck *dk;
	const char *out_dir; /* the folder the deck is written to: files are named from there */
	size_t kept_at; /* b->len after a value that keeps its trailing line breaks ('|+') */
} writer;

static void put(writer *W, const char *v, int indent)
{
	if (yaml_put_scalar(W->b, v, indent))
		W->kept_at = W->b->len;
}

/* A blank line between parts, unless it would become part of the text just written. */
static void blank(writer *W)
{
	if (!W->kept_at || W->kept_at != W->b->len)
		strbuf_putc(W->b, '\n');
}

static void key(writer *W, int indent, const char *k)
{
	strbuf_printf(W->b, "%*s%s:", indent, "", k);
}

static void scalar_field(writer *W, int indent, const char *k, const char *v)
{
	if (!v)
		return;
	key(W, indent, k);
	strbuf_putc(W->b, ' ');
	put(W, v, indent + 2);
}

/* A text in one language is written as text, in several as a mapping by language. Entries
 * of a mapping start at `indent`; the first may follow a "- " already written (first). */
static void mtext_entries(writer *W, int indent, const mtext *t, bool first_inline)
{
	for (size_t i = 0; i < t->n; i++) {
		if (i || !first_inline)
			strbuf_printf(W->b, "%*s", indent, "");
		strbuf_printf(W->b, "%s: ", t->v[i].lang);
		put(W, t->v[i].text, indent + 2);
	}
}

static bool single(const writer *W, const mtext *t)
{
	return t->n == 1 && !strcmp(t->v[0].lang, W->dk->language);
}

static void text_field(writer *W, int indent, const char *k, const mtext *t)
{
	if (!t->n)
		return;
	key(W, indent, k);
	if (single(W, t)) {
		strbuf_putc(W->b, ' ');
		put(W, t->v[0].text, indent + 2);
		return;
	}
	strbuf_putc(W->b, '\n');
	mtext_entries(W, indent + 2, t, false);
}

/* A list item that is a text: "- text" or "- nl: ...\n  en: ...". */
static void text_item(writer *W, int indent, const mtext *t)
{
	strbuf_printf(W->b, "%*s- ", indent, "");
	if (single(W, t))
		put(W, t->v[0].text, indent + 2);
	else
		mtext_entries(W, indent + 2, t, true);
}

/* "%.15g" when it reads back as the same double, else every digit. */
static void number(writer *W, int indent, const char *k, double v)
{
	char buf[40];
	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	key(W, indent, k);
	strbuf_printf(W->b, " %s\n", buf);
}

static void color(writer *W, int indent, const char *k, uint32_t rgb)
{
	key(W, indent, k);
	strbuf_printf(W->b, " \"#%06x\"\n", (unsigned)(rgb & 0xffffff));
}

static void write_meta(writer *W)
{
	const deck *dk = W->dk;
	strbuf_puts(W->b, "deck:\n");
	text_field(W, 2, "title", &dk->title);
	text_field(W, 2, "subtitle", &dk->subtitle);
	scalar_field(W, 2, "language", dk->language);
	strbuf_puts(W->b, "  languages:\n");
	for (size_t i = 0; i < dk->nlanguages; i++) {
		strbuf_puts(W->b, "    - ");
		put(W, dk->languages[i], 6);
	}
	scalar_field(W, 2, "author", dk->author);
	scalar_field(W, 2, "version", dk->version);
	text_field(W, 2, "description", &dk->description);
}


/* A file the deck names (icon, image, font), as seen from the folder written to. */
static void file_field(writer *W, int indent, const char *k, const file_ref *f)
{
	if (!f->path)
		return;
	char *p = input_moved(f->path, f->origin ? f->origin : W->dk->path, W->out_dir);
	scalar_field(W, indent, k, p);
	free(p);
}

static void write_sources(writer *W, const char *out_dir)
{
	if (!W->dk->nsources)
		return;
	blank(W);
	strbuf_puts(W->b, "sources:\n");
	for (size_t i = 0; i < W->dk->nsources; i++) {
		const source *s = &W->dk->sources[i];
		strbuf_puts(W->b, "  - id: ");
		put(W, s->id, 6);
		text_field(W, 4, "title", &s->title);
		scalar_field(W, 4, "author", s->author);
		scalar_field(W, 4, "year", s->year);
		text_field(W, 4, "publication", &s->publication);
		scalar_field(W, 4, "url", s->url);
		if (s->file) {
			char *file = input_moved(s->file, s->origin, out_dir);
			scalar_field(W, 4, "file", file);
			free(file);
		}
	}
}

static void write_categories(writer *W)
{
	if (!W->dk->ncategories)
		return;
	blank(W);
	strbuf_puts(W->b, "categories:\n");
	for (size_t i = 0; i < W->dk->ncategories; i++) {
		const category *c = &W->dk->categories[i];
		strbuf_puts(W->b, "  - id: ");
		put(W, c->id, 6);
		text_field(W, 4, "name", &c->name);
		if (c->has_color)
			color(W, 4, "color", c->color);
		file_field(W, 4, "icon", &c->icon);
	}
}

static void write_field(writer *W, const card_field *f, const card *c)
{
	const void *v = card_field_ptr(f, c);
	size_t n = card_field_count(f, c);
	switch (f->kind) {
	case CF_TYPE:
		scalar_field(W, 4, f->key, card_type_name(c->type));
		break;
	case CF_PLAIN:
	case CF_REF:
		scalar_field(W, 4, f->key, *(const char *const *)v);
		break;
	case CF_TEXT:
		text_field(W, 4, f->key, v);
		break;
	case CF_FILE:
		file_field(W, 4, f->key, v);
		break;
	case CF_WORDS:
	case CF_TEXTS:
		if (!n)
			break;
		key(W, 4, f->key);
		strbuf_putc(W->b, '\n');
		for (size_t i = 0; i < n; i++) {
			if (f->kind == CF_TEXTS) {
				text_item(W, 6, &(*(const mtext *const *)v)[i]);
			} else {
				strbuf_puts(W->b, "      - ");
				put(W, (*(const char *const *const *)v)[i], 8);
			}
		}
		break;
	default: /* the id opens the card */
		break;
	}
}

static void write_cards(writer *W)
{
	blank(W);
	strbuf_puts(W->b, "cards:\n");
	for (size_t i = 0; i < W->dk->ncards; i++) {
		const card *c = &W->dk->cards[i];
		if (i)
			blank(W);
		strbuf_puts(W->b, "  - id: ");
		put(W, c->id, 6);
		for (const card_field *f = card_fields; f->key; f++)
			write_field(W, f, c);
	}
}

static void write_theme(writer *W)
{
	static const char *const types[] = {"quote", "case", "question"};
	const theme *t = &W->dk->theme;
	blank(W);
	strbuf_puts(W->b, "theme:\n");
	scalar_field(W, 2, "serif", t->font_serif);
	scalar_field(W, 2, "sans", t->font_sans);
	if (t->nfonts)
		strbuf_puts(W->b, "  fonts:\n");
	for (size_t i = 0; i < t->nfonts; i++) {
		char *p = input_moved(t->fonts[i].path,
				     t->fonts[i].origin ? t->fonts[i].origin : W->dk->path, W->out_dir);
		strbuf_puts(W->b, "    - ");
		put(W, p, 6);
		free(p);
	}
	if (t->layout != LAYOUT_CLASSIC)
		scalar_field(W, 2, "layout", card_layout_name(t->layout));
	if (t->numbering != NUMBER_NONE)
		scalar_field(W, 2, "numbering", t->numbering == NUMBER_DECK ? "deck" : "category");
	strbuf_puts(W->b, "  colors:\n");
	const char *names[] = {"ink", "paper", "accent", "back", "back_ink"};
	uint32_t values[] = {t->ink, t->paper, t->accent, t->back, t->back_ink};
	for (int i = 0; i < 5; i++)
		color(W, 4, names[i], values[i]);
	strbuf_puts(W->b, "  sizes:\n");
	for (int i = 0; i < CARD_NTYPES; i++) {
		key(W, 4, types[i]);
		strbuf_putc(W->b, '\n');
		number(W, 6, "max", t->size_max[i]);
		number(W, 6, "min", t->size_min[i]);
	}
	strbuf_puts(W->b, "  fit:\n");
	for (int i = 0; i < CARD_NTYPES; i++)
		scalar_field(W, 4, types[i], t->fit[i] == FIT_EACH ? "each" : "uniform");
}

static void write_print(writer *W)
{
	if (!W->dk->nprint)
		return;
	blank(W);
	strbuf_puts(W->b, "print:\n");
	for (size_t i = 0; i < W->dk->nprint; i++)
		scalar_field(W, 2, W->dk->print[i].key, W->dk->print[i].value);
}

static void write_hyphenation(writer *W)
{
	const deck *dk = W->dk;
	if (!dk->nhyphenation)
		return;
	blank(W);
	strbuf_puts(W->b, "hyphenation:\n");
	for (size_t l = 0; l < dk->nhyphenation; l++) {
		const char *lang = dk->hyphenation[l].lang;
		size_t k = 0;
		while (k < l && strcmp(dk->hyphenation[k].lang, lang))
			k++;
		if (k < l) /* this language was written with its first word */
			continue;
		key(W, 2, lang);
		strbuf_putc(W->b, '\n');
		for (size_t i = l; i < dk->nhyphenation; i++) {
			if (strcmp(dk->hyphenation[i].lang, lang))
				continue;
			strbuf_puts(W->b, "    - ");
			put(W, dk->hyphenation[i].word, 6);
		}
	}
}

static void write_booklet(writer *W)
{
	const booklet_text *bk = &W->dk->booklet;
	if (!bk->intro.n && !bk->closing.n && !bk->nguide && !bk->notes_pages)
		return;
	blank(W);
	strbuf_puts(W->b, "booklet:\n");
	text_field(W, 2, "intro", &bk->intro);
	if (bk->nguide)
		strbuf_puts(W->b, "  guide:\n");
	for (size_t g = 0; g < bk->nguide; g++) {
		strbuf_puts(W->b, "    - title:");
		const mtext *t = &bk->guide[g].title;
		if (single(W, t)) {
			strbuf_putc(W->b, ' ');
			put(W, t->v[0].text, 8);
		} else {
			strbuf_putc(W->b, '\n');
			mtext_entries(W, 8, t, false);
		}
		text_field(W, 6, "duration", &bk->guide[g].duration);
		text_field(W, 6, "text", &bk->guide[g].text);
	}
	text_field(W, 2, "closing", &bk->closing);
	if (bk->notes_pages)
		strbuf_printf(W->b, "  notes_pages: %d\n", bk->notes_pages);
}

void yaml_write_deck(strbuf *b, const deck *dk, const char *out_dir, const char *header)
{
	writer W = {b, dk, out_dir, 0};
	for (const char *line = header; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		strbuf_printf(b, "# %.*s\n", (int)len, line);
		line += len + (end ? 1 : 0);
	}
	write_meta(&W);
	write_sources(&W, out_dir);
	write_categories(&W);
	write_cards(&W);
	write_theme(&W);
	write_print(&W);
	write_hyphenation(&W);
	write_booklet(&W);
}
