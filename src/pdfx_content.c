/* pdfx_content.c - RGB colour operators of a content stream to CMYK. */
#include "pdfx_content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "pdf_content.h"
#include "util.h"

#define OPERANDS_MAX 8   /* colour operators take at most 4 */
#define STACK_MAX    256 /* q/Q nesting kept track of */

typedef struct {
	pdf_token tok;
	double num;  /* a number's value */
	bool nested; /* an array or dictionary: one operand */
} operand;

typedef struct {
	const pdfx_recolor_opts *o;
	pdf_lexer lx;
	strbuf out;
	size_t copied; /* input bytes up to here are in out */
	operand ops[OPERANDS_MAX];
	size_t nops, first; /* operands since the last operator; where the first one starts */
	int depth;          /* inside [ ] or << >> */
	cmyk fill[STACK_MAX];
	bool has_fill[STACK_MAX];
	int top;
	char *err;
} rewriter;

char *pdfx_cmyk_text(char *buf, cmyk c)
{
	char a[NUM_BUF], b[NUM_BUF], d[NUM_BUF], e[NUM_BUF];
	snprintf(buf, 4 * NUM_BUF, "%s %s %s %s", num_format(a, c.c, 4), num_format(b, c.m, 4),
		 num_format(d, c.y, 4), num_format(e, c.k, 4));
	return buf;
}

/* The value of a number token, read without the locale. */
static double token_number(const rewriter *R, const pdf_token *t)
{
	char buf[64];
	size_t n = t->end - t->start;
	double v = 0;
	if (n < sizeof buf) {
		memcpy(buf, R->lx.s + t->start, n);
		buf[n] = '\0';
		if (!parse_double(buf, &v))
			v = 0;
	}
	return v;
}

static void operand_add(rewriter *R, const pdf_token *t, bool nested)
{
	if (R->nops == 0)
		R->first = t->start;
	if (R->nops < OPERANDS_MAX)
		R->ops[R->nops] =
			(operand){*t, t->kind == PDFT_NUMBER ? token_number(R, t) : 0, nested};
	R->nops++;
}

static bool numbers(const rewriter *R, size_t want, double *v)
{
	if (R->nops != want)
		return false;
	for (size_t i = 0; i < want; i++) {
		if (R->ops[i].nested || R->ops[i].tok.kind != PDFT_NUMBER)
			return false;
		v[i] = R->ops[i].num;
	}
	return true;
}

/* Replaces the operands and operator (ending at end) by text. */
static void replace(rewriter *R, size_t end, const char *text)
{
	strbuf_add(&R->out, R->lx.s + R->copied, R->first - R->copied);
	strbuf_puts(&R->out, text);
	R->copied = end;
}

static void problem(rewriter *R, const char *fmt, const char *what)
{
	if (!R->err)
		R->err = xasprintf(fmt, what);
}

/* r g b rg / RG, or v g / G. */
static void rgb_op(rewriter *R, const pdf_token *t, bool stroke, bool gray)
{
	double v[3];
	if (!numbers(R, gray ? 1 : 3, v)) {
		problem(R, "a colour operator '%s' without its numbers", stroke ? "RG" : "rg");
		return;
	}
	if (gray)
		v[1] = v[2] = v[0];
	cmyk c;
	if (!ink_map_get(R->o->inks, v, &c)) {
		char rgb[128];
		snprintf(rgb, sizeof rgb, "%.6f %.6f %.6f", v[0], v[1], v[2]);
		problem(R, "the colour %s was drawn without render_set_color, so its ink is unknown",
			rgb);
		return;
	}
	char buf[4 * NUM_BUF + 4];
	pdfx_cmyk_text(buf, c);
	strcat(buf, stroke ? " K" : " k");
	replace(R, t->end, buf);
	if (!stroke) {
		R->fill[R->top] = c;
		R->has_fill[R->top] = true;
	}
}

static void cmyk_op(rewriter *R, bool stroke)
{
	double v[4];
	if (!numbers(R, 4, v)) {
		problem(R, "a colour operator '%s' without its numbers", stroke ? "K" : "k");
		return;
	}
	if (!stroke) {
		R->fill[R->top] = (cmyk){v[0], v[1], v[2], v[3]};
		R->has_fill[R->top] = true;
	}
}

static void push(rewriter *R, bool save)
{
	if (save) {
		if (R->top + 1 >= STACK_MAX) {
			problem(R, "graphics states nested deeper than %s", "256");
			return;
		}
		R->top++;
		R->fill[R->top] = R->fill[R->top - 1];
		R->has_fill[R->top] = R->has_fill[R->top - 1];
	} else if (R->top > 0) {
		R->top--;
	}
}

static void do_op(rewriter *R)
{
	if (R->nops != 1 || R->ops[0].tok.kind != PDFT_NAME || !R->o->on_do)
		return;
	const pdf_token *t = &R->ops[0].tok;
	char *name = xstrndup(R->lx.s + t->start + 1, t->end - t->start - 1);
	char *err = R->o->on_do(R->o->ctx, name, R->has_fill[R->top] ? &R->fill[R->top] : NULL);
	free(name);
	if (err && !R->err)
		R->err = err;
	else
		free(err);
}

static void operator(rewriter *R, const pdf_token *t)
{
	static const char *const refused[] = {"cs", "CS", "sc", "SC", "scn", "SCN", "sh", "BI",
					      NULL};
	const char *kw = R->lx.s + t->start;
	size_t len = t->end - t->start;
	char op[8] = "";
	if (len < sizeof op)
		memcpy(op, kw, len), op[len] = '\0';
	if (!strcmp(op, "rg") || !strcmp(op, "RG") || !strcmp(op, "g") || !strcmp(op, "G"))
		rgb_op(R, t, op[0] == 'R' || op[0] == 'G', op[0] == 'g' || op[0] == 'G');
	else if (!strcmp(op, "k") || !strcmp(op, "K"))
		cmyk_op(R, op[0] == 'K');
	else if (!strcmp(op, "q") || !strcmp(op, "Q"))
		push(R, op[0] == 'q');
	else if (!strcmp(op, "Do"))
		do_op(R);
	for (size_t i = 0; refused[i]; i++)
		if (!strcmp(op, refused[i]))
			problem(R, "the operator '%s' (a colour space, pattern, shading or inline "
				   "image) has no CMYK conversion in deckpress",
				refused[i]);
	R->nops = 0;
}

static void token(rewriter *R, const pdf_token *t)
{
	switch (t->kind) {
	case PDFT_OPEN:
		if (R->depth++ == 0)
			operand_add(R, t, true);
		break;
	case PDFT_CLOSE:
		if (R->depth > 0)
			R->depth--;
		break;
	case PDFT_WORD:
		if (R->depth > 0)
			break;
		if (pdf_token_is(&R->lx, t, "true") || pdf_token_is(&R->lx, t, "false") ||
		    pdf_token_is(&R->lx, t, "null"))
			operand_add(R, t, false);
		else
			operator(R, t);
		break;
	case PDFT_DATA:
		R->nops = 0;
		break;
	default:
		if (R->depth == 0)
			operand_add(R, t, false);
		break;
	}
}

unsigned char *pdfx_recolor(const unsigned char *s, size_t n, const pdfx_recolor_opts *o,
			    size_t *out_len, char **err)
{
	rewriter R = {.o = o};
	pdf_lexer_init(&R.lx, (const char *)s, n);
	if (o->fill) {
		R.fill[0] = *o->fill;
		R.has_fill[0] = true;
	}
	for (;;) {
		pdf_token t;
		pdf_lex(&R.lx, &t);
		if (t.kind == PDFT_END)
			break;
		if (t.kind == PDFT_ERROR) {
			R.err = xasprintf("the content stream cannot be read at byte %zu", t.start);
			break;
		}
		token(&R, &t);
		if (R.err)
			break;
	}
	if (R.err) {
		strbuf_free(&R.out);
		*err = R.err;
		return NULL;
	}
	strbuf_add(&R.out, (const char *)s + R.copied, n - R.copied);
	*out_len = R.out.len;
	return (unsigned char *)strbuf_take(&R.out);
}
