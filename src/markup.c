/* markup.c - split deck text into styled runs at <b>/<i> tags; all else is literal. */
#include "markup.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The four tags, in the order of enum tag_kind (index = kind - 1). */
enum tag_kind { TAG_NONE, TAG_OPEN_B, TAG_CLOSE_B, TAG_OPEN_I, TAG_CLOSE_I };
static const char *const tag_text[] = {"<b>", "</b>", "<i>", "</i>"};

/* The tag starting at p, if any; *len gets its length. Lowercase only, no spaces. */
static enum tag_kind tag_at(const char *p, size_t *len)
{
	if (p[0] != '<')
		return TAG_NONE;
	for (int k = TAG_OPEN_B; k <= TAG_CLOSE_I; k++) {
		size_t n = strlen(tag_text[k - 1]);
		if (strncmp(p, tag_text[k - 1], n) == 0) {
			*len = n;
			return (enum tag_kind)k;
		}
	}
	return TAG_NONE;
}

static unsigned tag_bit(enum tag_kind k)
{
	return k == TAG_OPEN_B || k == TAG_CLOSE_B ? MARKUP_BOLD : MARKUP_ITALIC;
}

static bool tag_opens(enum tag_kind k)
{
	return k == TAG_OPEN_B || k == TAG_OPEN_I;
}

/* Messages name the tag the facilitator typed and the one they should type. */
static const char *msg_unclosed(unsigned bit)
{
	return bit == MARKUP_BOLD ? "'<b>' is never closed; add '</b>'"
				  : "'<i>' is never closed; add '</i>'";
}

static const char *msg_stray(unsigned bit)
{
	return bit == MARKUP_BOLD ? "'</b>' closes nothing; remove it or add '<b>' before it"
				  : "'</i>' closes nothing; remove it or add '<i>' before it";
}

/* With only two tags, the one still open is always the other one. */
static const char *msg_crossed(unsigned closing)
{
	return closing == MARKUP_BOLD
		       ? "'</b>' comes while '<i>' is still open; add '</i>' before it"
		       : "'</i>' comes while '<b>' is still open; add '</b>' before it";
}

typedef struct {
	text_run *v;
	size_t n, cap;
} run_list;

static void runs_push(run_list *l, strbuf *text, unsigned style)
{
	if (text->len == 0)
		return;
	if (l->n > 0 && l->v[l->n - 1].style == style) {
		/* "a<b></b>b": an empty tag pair must not split the text. */
		char *joined = xasprintf("%s%s", l->v[l->n - 1].text, text->s);
		free(l->v[l->n - 1].text);
		l->v[l->n - 1].text = joined;
		strbuf_free(text);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 4;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].style = style;
	l->v[l->n++].text = strbuf_take(text);
}

typedef struct {
	unsigned bit;
	size_t off;
} open_tag;

/* Style while the tags in stack[0..n) are open. */
static unsigned stack_style(const open_tag *stack, size_t n)
{
	unsigned style = 0;
	for (size_t i = 0; i < n; i++)
		style |= stack[i].bit;
	return style;
}

static void fail(size_t *err_off, const char **err_msg, size_t off, const char *msg)
{
	if (err_off)
		*err_off = off;
	if (err_msg)
		*err_msg = msg;
}

int markup_parse(const char *text, text_run **runs, size_t *nruns, size_t *err_off,
		 const char **err_msg)
{
	run_list out = {0};
	strbuf cur = {0};
	unsigned style = 0;
	open_tag *stack = NULL;
	size_t depth = 0, cap = 0;
	int rc = 0;
	const char *p = text;
	while (*p) {
		size_t len = 0;
		enum tag_kind k = tag_at(p, &len);
		if (k == TAG_NONE) {
			const char *q = p + 1;
			while (*q && !tag_at(q, &len))
				q++;
			strbuf_add(&cur, p, (size_t)(q - p));
			p = q;
			continue;
		}
		size_t off = (size_t)(p - text);
		if (tag_opens(k)) {
			if (depth == cap) {
				cap = cap ? 2 * cap : 8;
				stack = xrealloc(stack, cap * sizeof(*stack));
			}
			stack[depth++] = (open_tag){tag_bit(k), off};
		} else if (depth == 0) {
			fail(err_off, err_msg, off, msg_stray(tag_bit(k)));
			rc = -1;
			break;
		} else if (stack[depth - 1].bit != tag_bit(k)) {
			fail(err_off, err_msg, off, msg_crossed(tag_bit(k)));
			rc = -1;
			break;
		} else {
			depth--;
		}
		unsigned now = stack_style(stack, depth);
		if (now != style) {
			runs_push(&out, &cur, style);
			style = now;
		}
		p += len;
	}
	if (rc == 0 && depth > 0) {
		/* Report the first tag left open: closing it last fixes the outermost first. */
		fail(err_off, err_msg, stack[0].off, msg_unclosed(stack[0].bit));
		rc = -1;
	}
	free(stack);
	if (rc == 0)
		runs_push(&out, &cur, style);
	strbuf_free(&cur);
	if (rc != 0) {
		markup_runs_free(out.v, out.n);
		out.v = NULL;
		out.n = 0;
	}
	*runs = out.v;
	*nruns = out.n;
	return rc;
}

void markup_runs_free(text_run *runs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(runs[i].text);
	free(runs);
}

char *markup_plain(const char *text)
{
	text_run *runs;
	size_t n;
	if (markup_parse(text, &runs, &n, NULL, NULL) != 0)
		return xstrdup(text);
	strbuf b = {0};
	for (size_t i = 0; i < n; i++)
		strbuf_puts(&b, runs[i].text);
	markup_runs_free(runs, n);
	return strbuf_take(&b);
}
