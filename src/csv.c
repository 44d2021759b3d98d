/* csv.c - read and write spreadsheet cells (RFC 4180 as Excel and LibreOffice write it). */
#include "csv.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_tree.h"

/* The separator the header line uses most, outside quotes; tab, then ';', then ','. */
static char detect_sep(const char *s)
{
	size_t tab = 0, semi = 0, comma = 0;
	bool quoted = false;
	for (; *s && (quoted || (*s != '\n' && *s != '\r')); s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (!quoted)
			tab += *s == '\t', semi += *s == ';', comma += *s == ',';
	}
	if (tab && tab >= semi && tab >= comma)
		return '\t';
	return semi > comma ? ';' : ',';
}

typedef struct {
	const char *path;
	const char *p; /* next byte */
	char sep;
	int row, col;
	struct diag *d;
	arena *mem;
	strbuf cell;
	csv_cell *cells; /* the row being read (xrealloc'd) */
	size_t n, cap;
} reader;

static bool at_line_end(const char *p)
{
	return *p == '\n' || *p == '\r' || *p == '\0';
}

/* Past one line end (LF, CRLF or CR). */
static const char *skip_line_end(const char *p)
{
	if (*p == '\r')
		p++;
	if (*p == '\n')
		p++;
	return p;
}

/* A quoted cell from the opening quote: its text into r->cell; false after reporting. */
static bool quoted_cell(reader *r)
{
	int col = r->col;
	for (r->p++;; r->p++) {
		if (*r->p == '\0') {
			diag(r->d, M_CSV_UNCLOSED, r->path, r->row, col);
			return false;
		}
		if (*r->p == '"' && r->p[1] == '"') {
			strbuf_putc(&r->cell, '"');
			r->p++;
		} else if (*r->p == '"') {
			r->p++;
			break;
		} else if (*r->p == '\r') { /* CRLF or CR inside a cell: one line break */
			strbuf_putc(&r->cell, '\n');
			if (r->p[1] == '\n')
				r->p++;
		} else {
			strbuf_putc(&r->cell, *r->p);
		}
	}
	if (*r->p != r->sep && !at_line_end(r->p)) {
		diag(r->d, M_CSV_AFTER_QUOTE, r->path, r->row, col);
		return false;
	}
	return true;
}

/* Excel's text-forcing formula ="..." (tools write ="0012" so the zeros stay): the text
 * inside, its doubled quotes undone. Any other formula is kept as written. */
static void unwrap_formula(strbuf *cell)
{
	if (cell->len < 3 || strncmp(cell->s, "=\"", 2) || cell->s[cell->len - 1] != '"')
		return;
	size_t end = cell->len - 1; /* the closing quote */
	for (size_t i = 2; i < end; i++)
		if (cell->s[i] == '"' && (++i == end || cell->s[i] != '"'))
			return; /* a lone quote inside: ="a" & "b" is a real formula */
	size_t n = 0;
	for (size_t i = 2; i < end; i++) {
		if (cell->s[i] == '"')
			i++; /* the first of a doubled quote */
		cell->s[n++] = cell->s[i];
	}
	cell->s[n] = '\0';
	cell->len = n;
}

static void add_cell(reader *r)
{
	if (r->cell.s)
		unwrap_formula(&r->cell);
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->cells = xrealloc(r->cells, r->cap * sizeof *r->cells);
	}
	r->cells[r->n++] = (csv_cell){arena_strdup(r->mem, r->cell.s ? r->cell.s : ""), r->col};
	r->cell.len = 0;
	if (r->cell.s)
		r->cell.s[0] = '\0';
}

/* One row into r->cells; false after reporting. */
static bool read_row(reader *r)
{
	r->n = 0;
	for (r->col = 1;; r->col++) {
		if (*r->p == '"') {
			if (!quoted_cell(r))
				return false;
		} else {
			while (*r->p != r->sep && !at_line_end(r->p))
				strbuf_putc(&r->cell, *r->p++);
		}
		add_cell(r);
		if (*r->p != r->sep)
			break;
		r->p++;
	}
	r->p = skip_line_end(r->p);
	return true;
}

static bool row_is_empty(const reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->cells[i].text[0])
			return false;
	return true;
}

/* Bytes a spreadsheet never writes into a text file: not UTF-8, or NUL. */
static bool valid_text(const char *path, const char *buf, size_t len, struct diag *d)
{
	const char *end;
	bool utf8 = g_utf8_validate(buf, (gssize)len, &end);
	if (utf8)
		return true;
	int row = 1;
	for (const char *p = buf; p < end; p++)
		row += *p == '\n';
	diag(d, (size_t)(end - buf) < len && *end == '\0' ? M_NUL : M_CSV_UTF8, path, row, 0,
	     (size_t)(end - buf));
	return false;
}

int csv_read(const char *path, struct diag *d, csv_table *out)
{
	*out = (csv_table){.mem = arena_new()};
	size_t len = 0;
	char *buf = ytree_read(path, NULL, &len, d); /* named on the command line */
	if (!buf)
		return -1;
	size_t skip = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	if (!valid_text(path, buf + skip, len - skip, d)) {
		free(buf);
		return -1;
	}
	reader r = {.path = path, .p = buf + skip, .d = d, .mem = out->mem};
	r.sep = out->sep = detect_sep(r.p);
	size_t cap = 0;
	bool ok = true;
	for (r.row = 1; ok && *r.p; r.row++) {
		if (!(ok = read_row(&r)) || row_is_empty(&r))
			continue;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 64;
			out->rows = xrealloc(out->rows, cap * sizeof *out->rows);
		}
		csv_row *row = &out->rows[out->n++];
		*row = (csv_row){arena_alloc(out->mem, r.n * sizeof(csv_cell)), r.n, r.row};
		memcpy(row->cells, r.cells, r.n * sizeof(csv_cell));
	}
	free(r.cells);
	strbuf_free(&r.cell);
	free(buf);
	return ok ? 0 : -1;
}

void csv_free(csv_table *t)
{
	free(t->rows);
	arena_free(t->mem);
	*t = (csv_table){0};
}

static void csv_put_cell_plain(strbuf *b, const char *text, char sep);

void csv_put_cell(strbuf *b, const char *text, char sep)
{
	size_t n = strlen(text);
	if (n >= 3 && !strncmp(text, "=\"", 2) && text[n - 1] == '"') {
		/* would read back as Excel's ="..." form: write it in that form */
		strbuf w = {0};
		strbuf_puts(&w, "=\"");
		for (const char *p = text; *p; p++) {
			if (*p == '"')
				strbuf_putc(&w, '"');
			strbuf_putc(&w, *p);
		}
		strbuf_putc(&w, '"');
		csv_put_cell_plain(b, w.s, sep);
		free(w.s);
		return;
	}
	csv_put_cell_plain(b, text, sep);
}

static void csv_put_cell_plain(strbuf *b, const char *text, char sep)
{
	size_t n = strlen(text);
	bool quote = n && (text[0] == ' ' || text[n - 1] == ' ');
	for (const char *p = text; *p && !quote; p++)
		quote = *p == sep || *p == '"' || *p == '\n' || *p == '\r';
	if (!quote) {
		strbuf_puts(b, text);
		return;
	}
	strbuf_putc(b, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			strbuf_putc(b, '"');
		strbuf_putc(b, *p);
	}
	strbuf_putc(b, '"');
}

char *csv_column_name(int col, char *buf)
{
	char tmp[8];
	int n = 0;
	for (; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}
