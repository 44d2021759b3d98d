/* pdf_content.h - a lexer for decoded PDF content streams (ISO 32000-1, 7.2 and 8.9.7):
 * numbers, names, strings, arrays, dictionaries, operators, and inline image data skipped
 * whole. libqpdf's C API hands out stream bytes but has no content tokenizer (that is in its
 * C++ API only), so the few rules live here. */
#ifndef DECKPRESS_PDF_CONTENT_H
#define DECKPRESS_PDF_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	PT_NUMBER,
	PT_NAME,    /* /Name */
	PT_STRING,  /* (...) or <...> */
	PT_OPEN,    /* [ or << */
	PT_CLOSE,   /* ] or >> */
	PT_KEYWORD, /* an operator, or true/false/null */
	PT_IMAGE,   /* ID ... EI of an inline image: the data, up to and including EI */
	PT_END,
	PT_ERROR,
} pdf_tok_kind;

typedef struct {
	pdf_tok_kind kind;
	size_t start, end; /* the token's bytes: s[start..end) */
	double num;        /* PT_NUMBER */
} pdf_tok;

typedef struct {
	const unsigned char *s;
	size_t n, pos;
	bool after_id; /* the last keyword was ID: inline image data follows */
} pdf_lexer;

void pdf_lexer_init(pdf_lexer *lx, const unsigned char *s, size_t n);
/* The next token; PT_END at the end, PT_ERROR (at pos) on bytes that are no PDF syntax,
 * an unterminated string, or nesting deeper than the lexer keeps count of. */
pdf_tok pdf_lex(pdf_lexer *lx);
/* True when token t is exactly the keyword kw. */
bool pdf_tok_is(const pdf_lexer *lx, const pdf_tok *t, const char *kw);

#endif
