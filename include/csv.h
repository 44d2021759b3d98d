/* csv.h - spreadsheet files as Excel and LibreOffice save them: CSV or TSV, UTF-8 with or
 * without a byte order mark, ';' (Excel in Dutch and German locales), ',' or tab between
 * cells, detected from the header line; quoted cells with doubled quotes and line breaks;
 * CRLF or LF line ends.
 *
 * Positions are the spreadsheet's: row 1 is the header line, columns count from 1 (A). A
 * cell's line breaks come out as LF whatever the file used. */
#ifndef DECKPRESS_CSV_H
#define DECKPRESS_CSV_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

typedef struct {
	const char *text; /* without its quotes, "" read as ", NUL-terminated */
	int col;          /* 1-based */
} csv_cell;

typedef struct {
	csv_cell *cells;
	size_t n;
	int row; /* 1-based; row 1 is the header */
} csv_row;

typedef struct {
	csv_row *rows; /* rows with every cell empty are left out */
	size_t n;
	char sep;   /* ',', ';' or '\t' */
	arena *mem; /* owns everything above */
} csv_table;

/* Reads the spreadsheet at path. Returns 0, or -1 after reporting why at file:row:column
 * (cannot be read, not UTF-8, a NUL byte, a quote that is never closed, text after a
 * closing quote). Free the table with csv_free in every case. */
int csv_read(const char *path, struct diag *d, csv_table *out);
void csv_free(csv_table *t);

/* Appends one cell to b, in quotes when it holds sep, a quote, a line break or space at
 * either end (quotes inside doubled), with its line breaks as CRLF-free LF. */
void csv_put_cell(strbuf *b, const char *text, char sep);

/* "A", "B", ... "Z", "AA": a column's letter as spreadsheets show it, into buf (8 bytes). */
char *csv_column_name(int col, char *buf);

#endif
