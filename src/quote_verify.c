/* quote_verify.c - find a quote in its source, or the passage closest to it. */
#include "quote_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct quote_source {
	char *norm; /* folded text */
	char **words;
	size_t nwords;
};

/* Append one UTF-8 character at *p to b, folded; advance *p. */
static void fold_char(strbuf *b, const char **p)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{"\u2018", "'"},  {"\u2019", "'"},   {"\u201a", "'"},  {"\u201b", "'"},
		{"\u00b4", "'"},  {"`", "'"},        {"\u201c", "\""}, {"\u201d", "\""},
		{"\u201e", "\""}, {"\u00ab", "\""},  {"\u00bb", "\""}, {"\u2013", "-"},
		{"\u2014", "-"},  {"\u2026", "..."}, {"\u00a0", " "},  {"\u00ad", ""},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		size_t n = strlen(map[i].from);
		if (!strncmp(*p, map[i].from, n)) {
			strbuf_puts(b, map[i].to);
			*p += n;
			return;
		}
	}
	strbuf_putc(b, *(*p)++);
}

/* Folded text: one space between words, typographic marks made plain, tags removed. */
static char *fold(const char *s, bool strip_tags)
{
	strbuf b = {0};
	strbuf_add(&b, "", 0);
	bool space = true;
	while (*s) {
		if (strip_tags && (!strncmp(s, "<b>", 3) || !strncmp(s, "<i>", 3))) {
			s += 3;
			continue;
		}
		if (strip_tags && (!strncmp(s, "</b>", 4) || !strncmp(s, "</i>", 4))) {
			s += 4;
			continue;
		}
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (!space)
				strbuf_putc(&b, ' ');
			space = true;
			s++;
			continue;
		}
		space = false;
		fold_char(&b, &s);
	}
	if (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	return strbuf_take(&b);
}

static char **split_words(char *norm, size_t *n)
{
	size_t cap = 16;
	char **w = xmalloc(cap * sizeof *w);
	*n = 0;
	for (char *p = norm; *p;) {
		if (*n == cap)
			w = xrealloc(w, (cap *= 2) * sizeof *w);
		w[(*n)++] = p;
		p += strcspn(p, " ");
		if (*p)
			p++;
	}
	return w;
}

quote_source *quote_source_new(const char *text)
{
	quote_source *qs = xcalloc(1, sizeof *qs);
	qs->norm = fold(text, false);
	char *copy = xstrdup(qs->norm);
	qs->words = split_words(copy, &qs->nwords);
	for (size_t i = 0; i < qs->nwords; i++) /* words point into copy; end them */
		qs->words[i][strcspn(qs->words[i], " ")] = '\0';
	if (!qs->nwords)
		free(copy);
	return qs;
}

#define CLOSEST_WORDS 40 /* a message shows the start of a longer passage */

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The window of the source's words sharing the most words, in any order, with the quote:
 * good enough to point a facilitator at the passage they meant to copy. A window of nq words
 * scores one for each word the quote also has, and starts at such a word (of windows that
 * score alike, "het werkt. Dan" rather than "op. het werkt."); windows slide one word at a
 * time, so the whole source costs one lookup per word (a quote as long as the source stays
 * fast). */
static char *closest_passage(const quote_source *qs, char **qw, size_t nq)
{
	char **sorted = xmalloc((nq + 1) * sizeof *sorted);
	memcpy(sorted, qw, nq * sizeof *sorted);
	qsort(sorted, nq, sizeof *sorted, by_text);
	unsigned char *hit = xcalloc(qs->nwords + 1, 1);
	for (size_t i = 0; i < qs->nwords; i++)
		hit[i] = nq && bsearch(&qs->words[i], sorted, nq, sizeof *sorted, by_text) != NULL;
	size_t best = 0, best_score = 0, score = 0;
	for (size_t i = 0; i < nq && i < qs->nwords; i++)
		score += hit[i]; /* the window [0, nq) */
	for (size_t s = 0; s < qs->nwords; s++) { /* the window [s, s + nq) */
		if (hit[s] && score > best_score)
			best_score = score, best = s;
		score -= hit[s];
		if (s + nq < qs->nwords)
			score += hit[s + nq];
	}
	free(hit);
	free(sorted);
	strbuf b = {0};
	size_t shown = nq < CLOSEST_WORDS ? nq : CLOSEST_WORDS;
	for (size_t j = 0; j < shown && best + j < qs->nwords; j++)
		strbuf_printf(&b, "%s%s", j ? " " : "", qs->words[best + j]);
	if (shown < nq && best + shown < qs->nwords)
		strbuf_puts(&b, " \u2026");
	return strbuf_take(&b);
}

/* Takes off the quotation marks around folded text q, if any: they are not the source's
 * words (deck_check warns that the quote is already in quotation marks). */
static void unquote(char *q)
{
	size_t n = strlen(q), skip = 0;
	while (skip < n && (q[skip] == '"' || q[skip] == '\''))
		skip++;
	while (n > skip && (q[n - 1] == '"' || q[n - 1] == '\''))
		n--;
	memmove(q, q + skip, n - skip);
	q[n - skip] = '\0';
}

bool quote_source_find(const quote_source *qs, const char *quote, char **closest)
{
	if (closest)
		*closest = NULL;
	char *q = fold(quote, true);
	unquote(q);
	bool found = *q && strstr(qs->norm, q) != NULL;
	if (!found && closest) {
		size_t nq;
		char **qw = split_words(q, &nq);
		for (size_t i = 0; i < nq; i++)
			qw[i][strcspn(qw[i], " ")] = '\0';
		*closest = closest_passage(qs, qw, nq);
		free(qw);
	}
	free(q);
	return found;
}

void quote_source_free(quote_source *qs)
{
	if (!qs)
		return;
	if (qs->nwords)
		free(qs->words[0]);
	free(qs->words);
	free(qs->norm);
	free(qs);
}
