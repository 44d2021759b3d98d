/* pdf_content.h - the tokens of a PDF content stream (ISO 32000-1, 7.2 and 8.9.7), for the
 * finishing steps that rewrite what Cairo wrote: byte ranges into a decoded stream, never
 * copies. Inline image data (after "ID") comes back as one token, so it is never read as
 * operators. */
#ifndef DECKPRESS_PDF_CONTENT_H
#define DECKPRESS_PDF_CONTENT_H

#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
	PDFT_END,    /* no more tokens */
	PDFT_NAME,   /* /Name */
	PDFT_NUMBER, /* 12, -3.5, .5 */
	PDFT_STRING, /* (literal) or <hex> */
	PDFT_OPEN,   /* << or [ */
	PDFT_CLOSE,  /* >> or ] */
	PDFT_WORD,   /* an operator (BT, Tj, BDC ...) or true, false, null */
	PDFT_DATA,   /* the bytes of an inline image, between "ID" and "EI" */
	PDFT_ERROR,  /* an unterminated string or dictionary delimiter, or a stray byte */
} pdf_token_kind;

typedef struct {
	pdf_token_kind kind;
	size_t start, end; /* bytes [start, end) of the stream */
} pdf_token;

typedef struct {
	const char *s;
	size_t n, pos;
	bool image; /* the last token was the operator ID: inline image data follows */
} pdf_lexer;

void pdf_lexer_init(pdf_lexer *lx, const char *s, size_t n);
/* The next token in *t; returns its kind (PDFT_END at the end, PDFT_ERROR and stops on bad
 * syntax). */
pdf_token_kind pdf_lex(pdf_lexer *lx, pdf_token *t);
/* True when token t is exactly `word` (an operator, or a name given with its slash). */
bool pdf_token_is(const pdf_lexer *lx, const pdf_token *t, const char *word);

/* A page's content, every stream of its /Contents joined and decoded: a malloc'd buffer of
 * *len bytes, or NULL with qpdf's reason in *err (malloc'd). */
char *pdf_page_content(qpdf_data q, qpdf_oh page, size_t *len, char **err);
/* Makes data[0..len) the page's content, in one stream (several become one). */
void pdf_page_content_set(qpdf_data q, qpdf_oh page, const char *data, size_t len);

#endif
