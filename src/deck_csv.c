/* deck_csv.c - cards to spreadsheet rows and back, both by the table of card fields. */
#include "deck_csv.h"

#include <stdlib.h>
#include <string.h>

#include "card_fields.h"
#include "input.h"
#include "load_fields.h"

/* --- export --- */

/* The entry of t in exactly lang, or "". */
static const char *in_lang(const mtext *t, const char *lang)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].lang, lang))
			return t->v[i].text;
	return "";
}

static bool has_value(const card_field *f, const card *c)
{
	const void *v = card_field_ptr(f, c);
	switch (f->kind) {
	case CF_TEXT:
		return ((const mtext *)v)->n > 0;
	case CF_PLAIN:
	case CF_REF:
		return *(const char *const *)v != NULL;
	case CF_WORDS:
	case CF_TEXTS:
		return card_field_count(f, c) > 0;
	case CF_FILE:
		return ((const file_ref *)v)->path != NULL;
	default:
		return true;
	}
}

static bool column_used(const deck *dk, const card_field *f)
{
	if (!strcmp(f->key, "id") || !strcmp(f->key, "type") || !strcmp(f->key, "text"))
		return true;
	for (size_t i = 0; i < dk->ncards; i++)
		if (has_value(f, &dk->cards[i]))
			return true;
	return false;
}

static bool translatable(const card_field *f)
{
	return f->kind == CF_TEXT || f->kind == CF_TEXTS;
}

/* The cell of field f of card c in language lang (lang ignored for other fields); a file's
 * path as seen from the folder dir the spreadsheet is written to. */
static void cell(strbuf *out, const deck *dk, const card_field *f, const card *c, const char *lang,
		 const char *dir, struct diag *d)
{
	const void *v = card_field_ptr(f, c);
	size_t n = card_field_count(f, c);
	switch (f->kind) {
	case CF_ID:
	case CF_PLAIN:
	case CF_REF:
		strbuf_puts(out, *(const char *const *)v ? *(const char *const *)v : "");
		break;
	case CF_TYPE:
		strbuf_puts(out, card_type_name(c->type));
		break;
	case CF_FILE: {
		const file_ref *r = v;
		if (r->path) {
			char *p = input_moved(r->path, r->origin ? r->origin : dk->path, dir);
			strbuf_puts(out, p);
			free(p);
		}
		break;
	}
	case CF_TEXT:
		strbuf_puts(out, in_lang(v, lang));
		break;
	case CF_WORDS:
		for (size_t i = 0; i < n; i++)
			strbuf_printf(out, "%s%s", i ? "\n" : "",
				      (*(const char *const *const *)v)[i]);
		break;
	case CF_TEXTS:
		for (size_t i = 0; i < n; i++) {
			const char *s = in_lang(&(*(const mtext *const *)v)[i], lang);
			size_t at = out->len;
			strbuf_printf(out, "%s%s", i ? "\n" : "", s);
			bool broken = false;
			for (size_t k = at + (i ? 1 : 0); k < out->len; k++)
				if (out->s[k] == '\n')
					out->s[k] = ' ', broken = true;
			if (broken)
				diag(d, M_EXPORT_BREAK, c->file, c->pos.line, c->pos.col,
				     c->id ? c->id : "?", i + 1, lang);
		}
		break;
	}
	(void)dk;
}

/* How many columns field f takes: one per language for a text, none when no card has it. */
static size_t columns_of(const deck *dk, const card_field *f)
{
	return !column_used(dk, f) ? 0 : translatable(f) ? dk->nlanguages : 1;
}

char *deck_csv_export(const deck *dk, char sep, const char *dir, struct diag *d)
{
	strbuf b = {0}, v = {0};
	strbuf_puts(&b, "\xef\xbb\xbf");
	/* each field's columns, counted once (every card is looked at for each field) */
	size_t nfields = 0;
	while (card_fields[nfields].key)
		nfields++;
	size_t *ncols = xcalloc(nfields, sizeof *ncols);
	for (size_t k = 0; k < nfields; k++)
		ncols[k] = columns_of(dk, &card_fields[k]);
	bool first = true;
	for (size_t k = 0; k < nfields; k++) {
		const card_field *f = &card_fields[k];
		for (size_t l = 0; l < ncols[k]; l++) {
			char *name =
				l ? xasprintf("%s.%s", f->key, dk->languages[l]) : xstrdup(f->key);
			if (!first)
				strbuf_putc(&b, sep);
			csv_put_cell(&b, name, sep);
			free(name);
			first = false;
		}
	}
	strbuf_puts(&b, "\r\n");
	for (size_t i = 0; i < dk->ncards; i++) {
		const card *c = &dk->cards[i];
		first = true;
		for (size_t k = 0; k < nfields; k++) {
			for (size_t l = 0; l < ncols[k]; l++) {
				v.len = 0;
				strbuf_puts(&v, "");
				cell(&v, dk, &card_fields[k], c, dk->languages[l], dir, d);
				if (!first)
					strbuf_putc(&b, sep);
				csv_put_cell(&b, v.s, sep);
				first = false;
			}
		}
		strbuf_puts(&b, "\r\n");
	}
	free(ncols);
	strbuf_free(&v);
	return strbuf_take(&b);
}

/* --- import --- */

typedef struct {
	const card_field *f; /* NULL: a column without a header */
	const char *lang;    /* the language of a text column */
	int col;
} column;

typedef struct {
	ynode **v;
	size_t n, cap;
} kids;

typedef struct {
	const char *path;
	const char *language;
	arena *mem;
	struct diag *d;
	column *cols;
	size_t ncols;
	int errors;
} importer;

static void kids_add(kids *k, ynode *n)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 8;
		k->v = xrealloc(k->v, k->cap * sizeof *k->v);
	}
	k->v[k->n++] = n;
}

/* Gives node the collected kids (copied into the arena) and empties k. */
static ynode *kids_set(importer *I, ynode *node, kids *k)
{
	node->n = k->n;
	node->kids = arena_alloc(I->mem, (k->n + 1) * sizeof(ynode *));
	if (k->n)
		memcpy(node->kids, k->v, k->n * sizeof(ynode *));
	free(k->v);
	*k = (kids){0};
	return node;
}

static char *trimmed(importer *I, const char *s)
{
	size_t a = strspn(s, " \t"), b = strlen(s);
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	return arena_strndup(I->mem, s + a, b - a);
}

static const char *const *column_names(void)
{
	static const char *names[32];
	if (!names[0])
		for (size_t i = 0; card_fields[i].key; i++)
			names[i] = card_fields[i].key;
	return names;
}

/* One header cell into a column; false after reporting. */
static bool header_cell(importer *I, const csv_cell *h, lang_list *langs, column *out)
{
	*out = (column){.col = h->col};
	char *name = trimmed(I, h->text);
	if (!*name)
		return true;
	char *dot = strchr(name, '.');
	if (dot)
		*dot = '\0';
	const card_field *f = card_field_find(name);
	if (!f) {
		const char *hint = nearest(name, column_names());
		if (hint) {
			diag(I->d, M_CSV_COLUMN_HINT, I->path, 1, h->col, name, hint);
		} else {
			char *all = join(column_names());
			diag(I->d, M_CSV_COLUMN, I->path, 1, h->col, name, all);
			free(all);
		}
		return false;
	}
	out->f = f;
	if (!dot || !strcmp(dot + 1, I->language))
		return true;
	if (!translatable(f)) {
		diag(I->d, M_CSV_NOT_TRANSLATED, I->path, 1, h->col, name, name);
		return false;
	}
	if (!valid_lang(dot + 1)) {
		diag(I->d, M_BAD_LANG, I->path, 1, h->col, dot + 1);
		return false;
	}
	out->lang = dot + 1;
	size_t k = 0;
	while (k < langs->n && strcmp(langs->v[k], out->lang))
		k++;
	if (k == langs->n) {
		langs->v = xrealloc(langs->v, (langs->n + 1) * sizeof(char *));
		langs->v[langs->n++] = out->lang;
	}
	return true;
}

static bool same_column(const column *a, const column *b)
{
	return a->f && a->f == b->f &&
	       (a->lang == b->lang || (a->lang && b->lang && !strcmp(a->lang, b->lang)));
}

/* Header cell c names the same column as the earlier cell first: the same name twice, or
 * "text.en" beside "text" read as English (--lang en). */
static void dup_column(importer *I, const csv_cell *c, const csv_cell *first)
{
	char letter[8], *name = trimmed(I, c->text), *first_name = trimmed(I, first->text);
	csv_column_name(first->col, letter);
	if (!strchr(name, '.') == !strchr(first_name, '.'))
		diag(I->d, M_CSV_DUP_COLUMN, I->path, 1, c->col, name, letter);
	else
		diag(I->d, M_CSV_LANG_TWICE, I->path, 1, c->col, name, letter, first_name,
		     I->language);
}

/* The header row into I->cols; false after reporting every problem in it. */
static bool read_header(importer *I, const csv_row *h, lang_list *langs)
{
	I->cols = arena_alloc(I->mem, (h->n + 1) * sizeof(column));
	I->ncols = h->n;
	bool ok = true;
	for (size_t i = 0; i < h->n; i++) {
		if (!header_cell(I, &h->cells[i], langs, &I->cols[i])) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (same_column(&I->cols[i], &I->cols[j])) {
				dup_column(I, &h->cells[i], &h->cells[j]);
				ok = false;
				break;
			}
	}
	static const char *const needed[] = {"id", "type", "text"};
	for (size_t k = 0; ok && k < 3; k++) {
		size_t i = 0;
		while (i < I->ncols &&
		       !(I->cols[i].f && !strcmp(I->cols[i].f->key, needed[k]) && !I->cols[i].lang))
			i++;
		if (i == I->ncols) {
			diag(I->d, M_CSV_NEEDS, I->path, 1, 0, needed[k]);
			ok = false;
		}
	}
	return ok;
}

/* The text of cell `col` of row r, "" when the row is shorter. */
static const char *cell_text(const csv_row *r, size_t col)
{
	return col < r->n ? r->cells[col].text : "";
}

/* Line `item` of s (items are lines), or NULL past the last; into buf. */
static const char *line_of(const char *s, size_t item, strbuf *buf)
{
	for (size_t i = 0; i < item; i++) {
		s = strchr(s, '\n');
		if (!s)
			return NULL;
		s++;
	}
	size_t len = strcspn(s, "\n");
	buf->len = 0;
	strbuf_add(buf, s, len);
	strbuf_puts(buf, "");
	return buf->s;
}

static size_t line_count(const char *s)
{
	size_t n = 1;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* A text from the columns of field f in row r (line `item` of each cell for a list, or the
 * whole cell when item is SIZE_MAX): text in the deck's language, or a mapping by language. */
static ynode *text_node(importer *I, const csv_row *r, const card_field *f, size_t item)
{
	kids k = {0};
	ynode *only = NULL;
	const char *only_lang = NULL;
	strbuf line = {0};
	int row = r->row, col = 0;
	for (size_t c = 0; c < I->ncols; c++) {
		if (I->cols[c].f != f)
			continue;
		const char *s = cell_text(r, c);
		if (item != (size_t)-1)
			s = line_of(s, item, &line);
		if (!s || !*s)
			continue;
		const char *lang = I->cols[c].lang ? I->cols[c].lang : I->language;
		only = ynode_new_scalar(I->mem, s, row, I->cols[c].col);
		only_lang = lang;
		col = col ? col : I->cols[c].col;
		kids_add(&k, ynode_new_scalar(I->mem, lang, row, I->cols[c].col));
		kids_add(&k, only);
	}
	strbuf_free(&line);
	if (k.n == 0 || (k.n == 2 && !strcmp(only_lang, I->language))) {
		free(k.v);
		return k.n ? only : NULL;
	}
	return kids_set(I, ynode_new(I->mem, YN_MAP, row, col), &k);
}

/* The base column of field f, or -1. */
static long base_column(const importer *I, const card_field *f)
{
	for (size_t c = 0; c < I->ncols; c++)
		if (I->cols[c].f == f && !I->cols[c].lang)
			return (long)c;
	return -1;
}

static ynode *list_node(importer *I, const csv_row *r, const card_field *f)
{
	size_t items = 0;
	int col = 0;
	for (size_t c = 0; c < I->ncols; c++)
		if (I->cols[c].f == f && *cell_text(r, c)) {
			size_t n = line_count(cell_text(r, c));
			items = n > items ? n : items;
			col = col ? col : I->cols[c].col;
		}
	if (!items)
		return NULL;
	kids k = {0};
	strbuf line = {0};
	long base = base_column(I, f);
	for (size_t i = 0; i < items; i++) {
		ynode *item = NULL;
		if (f->kind == CF_TEXTS) {
			item = text_node(I, r, f, i);
		} else if (base >= 0 && line_of(cell_text(r, (size_t)base), i, &line)) {
			char *w = trimmed(I, line.s);
			item = *w ? ynode_new_scalar(I->mem, w, r->row, col) : NULL;
		}
		if (item)
			kids_add(&k, item);
	}
	strbuf_free(&line);
	return kids_set(I, ynode_new(I->mem, YN_SEQ, r->row, col), &k);
}

static ynode *value_node(importer *I, const csv_row *r, const card_field *f)
{
	if (f->kind == CF_TEXT)
		return text_node(I, r, f, (size_t)-1);
	if (f->kind == CF_TEXTS || f->kind == CF_WORDS)
		return list_node(I, r, f);
	long c = base_column(I, f);
	char *v = c >= 0 ? trimmed(I, cell_text(r, (size_t)c)) : NULL;
	return v && *v ? ynode_new_scalar(I->mem, v, r->row, I->cols[c].col) : NULL;
}

/* Cells right of the header, or under a header cell left empty, hold text nobody reads. */
static bool stray_cells(importer *I, const csv_row *r)
{
	for (size_t c = 0; c < r->n; c++)
		if (r->cells[c].text[0] && (c >= I->ncols || !I->cols[c].f)) {
			char letter[8];
			diag(I->d, M_CSV_NO_HEADER, I->path, r->row, r->cells[c].col,
			     csv_column_name(r->cells[c].col, letter));
			return true;
		}
	return false;
}

static ynode *card_node(importer *I, const csv_row *r)
{
	kids k = {0};
	for (const card_field *f = card_fields; f->key; f++) {
		ynode *v = value_node(I, r, f);
		if (!v)
			continue;
		kids_add(&k, ynode_new_scalar(I->mem, f->key, v->line, v->col));
		kids_add(&k, v);
	}
	return kids_set(I, ynode_new(I->mem, YN_MAP, r->row, 1), &k);
}

ynode *deck_csv_cards(const csv_table *t, const char *path, const char *language, lang_list *langs,
		      arena *mem, struct diag *d)
{
	importer I = {.path = path, .language = language, .mem = mem, .d = d};
	if (t->n == 0 || t->rows[0].row != 1) {
		diag(d, M_CSV_NEEDS, path, 1, 0, "id");
		return NULL;
	}
	if (!read_header(&I, &t->rows[0], langs))
		return NULL;
	kids k = {0};
	bool ok = true;
	for (size_t i = 1; i < t->n; i++) {
		if (stray_cells(&I, &t->rows[i]))
			ok = false;
		else
			kids_add(&k, card_node(&I, &t->rows[i]));
	}
	ynode *list = kids_set(&I, ynode_new(mem, YN_SEQ, 1, 1), &k);
	return ok ? list : NULL;
}
