/* pdf_content.c - tokens of a decoded PDF content stream. */
#include "pdf_content.h"

#include <stdlib.h>
#include <string.h>

#define STRING_DEPTH_MAX 256 /* nested parentheses in one literal string */

void pdf_lexer_init(pdf_lexer *lx, const unsigned char *s, size_t n)
{
	*lx = (pdf_lexer){.s = s, .n = n};
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

static bool is_delim(unsigned char c)
{
	return c && strchr("()<>[]{}/%", c);
}

static bool is_regular(unsigned char c)
{
	return !is_space(c) && !is_delim(c);
}

static void skip_space(pdf_lexer *lx)
{
	while (lx->pos < lx->n) {
		unsigned char c = lx->s[lx->pos];
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

/* (...) with nested parentheses and backslash escapes. */
static bool literal_string(pdf_lexer *lx)
{
	int depth = 0;
	while (lx->pos < lx->n) {
		unsigned char c = lx->s[lx->pos++];
		if (c == '\\')
			lx->pos++;
		else if (c == '(' && ++depth > STRING_DEPTH_MAX)
			return false;
		else if (c == ')' && --depth == 0)
			return lx->pos <= lx->n;
	}
	return false;
}

static bool hex_string(pdf_lexer *lx)
{
	while (lx->pos < lx->n) {
		unsigned char c = lx->s[lx->pos++];
		if (c == '>')
			return true;
		if (!is_space(c) && !strchr("0123456789abcdefABCDEF", c))
			return false;
	}
	return false;
}

/* Inline image data: from after ID's single white-space byte up to an EI that stands alone. */
static pdf_tok image_data(pdf_lexer *lx)
{
	pdf_tok t = {.kind = PT_IMAGE, .start = lx->pos};
	if (lx->pos < lx->n && is_space(lx->s[lx->pos]))
		lx->pos++;
	for (size_t i = lx->pos; i + 1 < lx->n; i++)
		if (lx->s[i] == 'E' && lx->s[i + 1] == 'I' && i > 0 && is_space(lx->s[i - 1]) &&
		    (i + 2 == lx->n || !is_regular(lx->s[i + 2]))) {
			lx->pos = i + 2;
			t.end = lx->pos;
			return t;
		}
	return (pdf_tok){.kind = PT_ERROR, .start = t.start, .end = t.start};
}

static bool number(const pdf_lexer *lx, size_t a, size_t b, double *out)
{
	char buf[64];
	if (b - a >= sizeof buf)
		return false;
	bool digit = false, dot = false;
	for (size_t i = a; i < b; i++) {
		unsigned char c = lx->s[i];
		if (c >= '0' && c <= '9')
			digit = true;
		else if (c == '.' && !dot)
			dot = true;
		else if (!((c == '-' || c == '+') && i == a))
			return false;
		buf[i - a] = (char)c;
	}
	buf[b - a] = '\0';
	if (!digit)
		return false;
	/* strtod would follow the locale's decimal point; PDF's is always '.' */
	double v = 0, scale = 0;
	int sign = 1;
	for (const char *p = buf; *p; p++) {
		if (*p == '-')
			sign = -1;
		else if (*p == '.')
			scale = 1;
		else if (*p != '+') {
			v = v * 10 + (*p - '0');
			scale *= 10;
		}
	}
	*out = sign * (scale > 1 ? v / scale : v);
	return true;
}

pdf_tok pdf_lex(pdf_lexer *lx)
{
	if (lx->after_id) {
		lx->after_id = false;
		return image_data(lx);
	}
	skip_space(lx);
	pdf_tok t = {.start = lx->pos};
	if (lx->pos >= lx->n) {
		t.kind = PT_END;
		t.end = lx->pos;
		return t;
	}
	unsigned char c = lx->s[lx->pos];
	bool ok = true;
	if (c == '(') {
		t.kind = PT_STRING;
		ok = literal_string(lx);
	} else if (c == '<' && lx->pos + 1 < lx->n && lx->s[lx->pos + 1] == '<') {
		t.kind = PT_OPEN;
		lx->pos += 2;
	} else if (c == '>' && lx->pos + 1 < lx->n && lx->s[lx->pos + 1] == '>') {
		t.kind = PT_CLOSE;
		lx->pos += 2;
	} else if (c == '<') {
		t.kind = PT_STRING;
		lx->pos++;
		ok = hex_string(lx);
	} else if (c == '[' || c == ']') {
		t.kind = c == '[' ? PT_OPEN : PT_CLOSE;
		lx->pos++;
	} else if (c == '/') {
		t.kind = PT_NAME;
		for (lx->pos++; lx->pos < lx->n && is_regular(lx->s[lx->pos]);)
			lx->pos++;
	} else if (is_regular(c)) {
		while (lx->pos < lx->n && is_regular(lx->s[lx->pos]))
			lx->pos++;
		t.kind = number(lx, t.start, lx->pos, &t.num) ? PT_NUMBER : PT_KEYWORD;
	} else {
		ok = false; /* ')', '>', '{', '}' out of place */
	}
	t.end = lx->pos;
	if (!ok) {
		lx->pos = t.start;
		t.kind = PT_ERROR;
		t.end = t.start;
		lx->n = t.start; /* stop here: the rest cannot be read reliably */
		return t;
	}
	if (t.kind == PT_KEYWORD && pdf_tok_is(lx, &t, "ID"))
		lx->after_id = true;
	return t;
}

bool pdf_tok_is(const pdf_lexer *lx, const pdf_tok *t, const char *kw)
{
	size_t len = strlen(kw);
	return t->kind == PT_KEYWORD && t->end - t->start == len &&
	       !memcmp(lx->s + t->start, kw, len);
}
