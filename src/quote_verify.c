/* quote_verify.c - find a quote in its source, or the passage closest to it. */
#include "quote_verify.h"

#include <errno.h>
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

quote_source *quote_source_load(const char *path, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err = xstrdup(strerror(errno));
		return NULL;
	}
	strbuf b = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && b.len < (64u << 20))
		strbuf_add(&b, buf, n);
	fclose(f);
	char *text = strbuf_take(&b);
	quote_source *qs = quote_source_new(text);
	free(text);
	return qs;
}

static int word_cmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

/* The window of the source's words sharing the most words, in any order, with the quote:
 * good enough to point a facilitator at the passage they meant to copy. */
static char *closest_passage(const quote_source *qs, char **qw, size_t nq)
{
	size_t best = 0, best_score = 0;
	for (size_t i = 0; i + 1 <= qs->nwords; i++) {
		size_t score = 0;
		for (size_t j = 0; j < nq && i + j < qs->nwords; j++)
			for (size_t k = 0; k < nq; k++)
				if (!word_cmp(qs->words[i + j], qw[k])) {
					score++;
					break;
				}
		if (score > best_score)
			best_score = score, best = i;
	}
	strbuf b = {0};
	for (size_t j = 0; j < nq && best + j < qs->nwords; j++)
		strbuf_printf(&b, "%s%s", j ? " " : "", qs->words[best + j]);
	return strbuf_take(&b);
}

bool quote_source_find(const quote_source *qs, const char *quote, char **closest)
{
	*closest = NULL;
	char *q = fold(quote, true);
	bool found = *q && strstr(qs->norm, q) != NULL;
	if (!found) {
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
