/* pdf_content.c - a lexer for PDF content streams: names, numbers, strings, delimiters,
 * operators and inline image data, as byte ranges. */
#include "pdf_content.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != '\0';
}

void pdf_lexer_init(pdf_lexer *lx, const char *s, size_t n)
{
	*lx = (pdf_lexer){.s = s, .n = n};
}

static void skip_space(pdf_lexer *lx)
{
	while (lx->pos < lx->n) {
		char c = lx->s[lx->pos];
		if (c == '%') {
			while (lx->pos < lx->n && lx->s[lx->pos] != '\n' && lx->s[lx->pos] != '\r')
				lx->pos++;
		} else if (is_space(c)) {
			lx->pos++;
		} else {
			break;
		}
	}
}

/* A literal string from its '(' on: nested parentheses balance, '\' escapes one byte. */
static bool literal(pdf_lexer *lx)
{
	int depth = 0;
	while (lx->pos < lx->n) {
		char c = lx->s[lx->pos++];
		if (c == '\\')
			lx->pos++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return lx->pos <= lx->n;
	}
	return false;
}

/* Inline image data: one white-space byte after ID, then everything up to the white space
 * before an "EI" that is followed by white space or the end. */
static bool image_data(pdf_lexer *lx, pdf_token *t)
{
	lx->image = false;
	size_t p = lx->pos + 1;
	t->start = p;
	for (; p + 2 <= lx->n; p++)
		if (is_space(lx->s[p - 1]) && lx->s[p] == 'E' && lx->s[p + 1] == 'I' &&
		    (p + 2 == lx->n || is_space(lx->s[p + 2]))) {
			t->end = p - 1 > t->start ? p - 1 : t->start;
			lx->pos = p;
			return true;
		}
	return false;
}

static pdf_token_kind done(pdf_lexer *lx, pdf_token *t, pdf_token_kind k)
{
	t->kind = k;
	if (k != PDFT_DATA)
		t->end = lx->pos;
	if (k == PDFT_ERROR)
		lx->pos = lx->n;
	return k;
}

pdf_token_kind pdf_lex(pdf_lexer *lx, pdf_token *t)
{
	if (lx->image) {
		t->start = lx->pos;
		return done(lx, t, image_data(lx, t) ? PDFT_DATA : PDFT_ERROR);
	}
	skip_space(lx);
	t->start = lx->pos;
	if (lx->pos >= lx->n)
		return done(lx, t, PDFT_END);
	char c = lx->s[lx->pos++];
	char next = lx->pos < lx->n ? lx->s[lx->pos] : '\0';
	switch (c) {
	case '(':
		lx->pos--;
		return done(lx, t, literal(lx) ? PDFT_STRING : PDFT_ERROR);
	case '<':
		if (next == '<') {
			lx->pos++;
			return done(lx, t, PDFT_OPEN);
		}
		while (lx->pos < lx->n && lx->s[lx->pos] != '>')
			lx->pos++;
		if (lx->pos >= lx->n)
			return done(lx, t, PDFT_ERROR);
		lx->pos++;
		return done(lx, t, PDFT_STRING);
	case '>':
		if (next != '>')
			return done(lx, t, PDFT_ERROR);
		lx->pos++;
		return done(lx, t, PDFT_CLOSE);
	case '[':
		return done(lx, t, PDFT_OPEN);
	case ']':
		return done(lx, t, PDFT_CLOSE);
	case ')':
		return done(lx, t, PDFT_ERROR);
	default:
		break;
	}
	while (lx->pos < lx->n && !is_space(lx->s[lx->pos]) && !is_delim(lx->s[lx->pos]))
		lx->pos++;
	if (c == '/')
		return done(lx, t, PDFT_NAME);
	if (strchr("0123456789+-.", c))
		return done(lx, t, PDFT_NUMBER);
	done(lx, t, PDFT_WORD);
	lx->image = t->end - t->start == 2 && !memcmp(lx->s + t->start, "ID", 2);
	return PDFT_WORD;
}

bool pdf_token_is(const pdf_lexer *lx, const pdf_token *t, const char *word)
{
	size_t n = strlen(word);
	return t->end - t->start == n && !memcmp(lx->s + t->start, word, n);
}

char *pdf_page_content(qpdf_data q, qpdf_oh page, size_t *len, char **err)
{
	unsigned char *buf = NULL;
	*len = 0;
	if (qpdf_oh_get_page_content_data(q, page, &buf, len) & QPDF_ERRORS) {
		free(buf);
		*err = xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
		return NULL;
	}
	return (char *)buf;
}

void pdf_page_content_set(qpdf_data q, qpdf_oh page, const char *data, size_t len)
{
	qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
	if (!qpdf_oh_is_stream(q, contents)) {
		contents = qpdf_oh_new_stream(q);
		qpdf_oh_replace_key(q, page, "/Contents", contents);
	}
	qpdf_oh_replace_stream_data(q, contents, (const unsigned char *)data, len,
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
}
