/* typo.c - curly quotes, dashes, ellipses and ties; deck text to escaped Pango markup.
 *
 * Every rule looks at the characters around it in the whole plain text, so a quote opened
 * before <i> and closed inside it comes out right: typo_pango_markup smartens the text of
 * all runs at once and only remembers where each run starts. */
#include "typo.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "util.h"

#define TIE_MAX 12 /* a last word this short (in letters) is tied to the one before */

#define LDQUO  "\u201C"
#define RDQUO  "\u201D"
#define LSQUO  "\u2018"
#define RSQUO  "\u2019" /* also the apostrophe */
#define NDASH  "\u2013"
#define HELLIP "\u2026"
#define NBSP   "\u00A0"
#define SHY    "\xC2\xAD"

typedef struct {
	const char *open2, *close2, *open1, *close1;
	/* Words that start with an apostrophe ('s nachts, 'em): not an opening quote. */
	const char *const *elisions;
} quote_style;

static const char *const nl_elisions[] = {"s", "t", "n", "k", "m", "ns", NULL};
static const char *const en_elisions[] = {"em",  "til",  "tis",   "twas", "cause",
					  "cos", "bout", "round", "n",    NULL};
static const quote_style nl_quotes = {LDQUO, RDQUO, LSQUO, RSQUO, nl_elisions};
static const quote_style en_quotes = {LDQUO, RDQUO, LSQUO, RSQUO, en_elisions};

static bool lang_is(const char *lang, const char *pri)
{
	size_t n = strlen(pri);
	return lang && g_ascii_strncasecmp(lang, pri, n) == 0 &&
	       (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

static const quote_style *quotes_for(const char *lang)
{
	if (lang_is(lang, "nl"))
		return &nl_quotes;
	if (lang_is(lang, "en"))
		return &en_quotes;
	return NULL;
}

typedef struct {
	const char *s;
	size_t len;
	const quote_style *q; /* NULL: leave quotes straight */
	bool layout;          /* fold whitespace into spaces and paragraph breaks */
	bool tie_last;
} smart;

/* Length of the UTF-8 character at p (1 for a bad byte, with *cp = U+FFFD). */
static size_t utf8_next(const char *p, gunichar *cp)
{
	gunichar c = g_utf8_get_char_validated(p, -1);
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)(g_utf8_next_char(p) - p);
}

/* The character at byte i; 0 at the end. */
static gunichar char_at(const smart *c, size_t i)
{
	gunichar ch = 0;
	if (i < c->len)
		utf8_next(c->s + i, &ch);
	return ch;
}

/* The character ending just before byte i; 0 at the start. */
static gunichar char_before(const smart *c, size_t i)
{
	if (i == 0)
		return 0;
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)c->s[j] & 0xC0) == 0x80)
		j--;
	return char_at(c, j);
}

static bool is_ascii_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static bool is_digit(gunichar ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_space(gunichar ch)
{
	return ch == 0 ? false : g_unichar_isspace(ch);
}

static bool is_wordy(gunichar ch)
{
	return g_unichar_isalnum(ch) || g_unichar_ismark(ch);
}

/* After these a quote opens: start of text, space, brackets, dashes, other opening quotes. */
static bool opens_after(gunichar prev)
{
	return prev == 0 || is_space(prev) || prev == '(' || prev == '[' || prev == '{' ||
	       prev == 0x2018 || prev == 0x201C || prev == 0x201A || prev == 0x201E ||
	       prev == 0xAB || prev == 0x2013 || prev == 0x2014;
}

/* A quote at byte i opens. After another straight quote ("'nested' ...") it opens if
 * that one did. */
static bool opens_at(const smart *c, size_t i)
{
	while (i > 0 && (c->s[i - 1] == '"' || c->s[i - 1] == '\''))
		i--;
	return opens_after(char_before(c, i));
}

static size_t double_quote(const smart *c, size_t i, strbuf *out)
{
	if (!c->q)
		strbuf_putc(out, '"');
	else
		strbuf_puts(out, opens_at(c, i) ? c->q->open2 : c->q->close2);
	return 1;
}

/* 's nachts, 'em: the letters after the apostrophe at i form a known elision. */
static bool elision_at(const smart *c, size_t i)
{
	for (const char *const *e = c->q->elisions; *e; e++) {
		size_t n = strlen(*e);
		if (i + 1 + n <= c->len && g_ascii_strncasecmp(c->s + i + 1, *e, n) == 0 &&
		    !is_wordy(char_at(c, i + 1 + n)))
			return true;
	}
	return false;
}

/* '90, '60s: two digits after the apostrophe, then no more digits. */
static bool year_at(const smart *c, size_t i)
{
	return is_digit(char_at(c, i + 1)) && is_digit(char_at(c, i + 2)) &&
	       !is_digit(char_at(c, i + 3));
}

static size_t single_quote(const smart *c, size_t i, strbuf *out)
{
	gunichar prev = char_before(c, i), next = char_at(c, i + 1);
	if (!c->q) {
		/* No quote style: only the unambiguous apostrophe (l'homme) changes. */
		strbuf_puts(out, is_wordy(prev) && is_wordy(next) ? RSQUO : "'");
		return 1;
	}
	bool opening = opens_at(c, i) && !year_at(c, i) && !elision_at(c, i) && next != 0 &&
		       !is_space(next);
	/* Apostrophe and closing quote are the same character in nl and en. */
	strbuf_puts(out, opening ? c->q->open1 : c->q->close1);
	return 1;
}

/* A number that can end a range: 1-4 digits, and no leading zero unless after a decimal
 * point (9.00-17.00). Phone numbers (06-1234) and dates (2024-01-15) fail. */
static bool range_number(const smart *c, size_t start, size_t end)
{
	size_t n = end - start;
	if (n < 1 || n > 4)
		return false;
	gunichar before = char_before(c, start);
	return !(n > 1 && c->s[start] == '0' && before != '.' && before != ',' && before != ':');
}

/* "10-20" with a hyphen: a range, set with an en dash. */
static bool range_at(const smart *c, size_t i)
{
	size_t a = i, b = i + 1;
	while (a > 0 && is_digit((gunichar)c->s[a - 1]))
		a--;
	while (b < c->len && is_digit((gunichar)c->s[b]))
		b++;
	if (a == i || b == i + 1 || !range_number(c, a, i) || !range_number(c, i + 1, b))
		return false;
	gunichar before = char_before(c, a);
	if (before == '-' || g_unichar_isalpha(before))
		return false; /* 978-90-..., A4-... */
	return !(c->s[b] == '-' && is_digit(char_at(c, b + 1)));
}

static size_t dash(const smart *c, size_t i, strbuf *out)
{
	size_t n = 1;
	while (i + n < c->len && c->s[i + n] == '-')
		n++;
	bool spaced = n <= 2 && is_space(char_before(c, i)) && is_space(char_at(c, i + n));
	if (spaced || (n == 1 && range_at(c, i)))
		strbuf_puts(out, NDASH);
	else
		strbuf_add(out, c->s + i, n);
	return n;
}

/* The word starting at byte j is the last of its paragraph and at most TIE_MAX long. */
static bool last_word_at(const smart *c, size_t j)
{
	size_t k = j, chars = 0, newlines = 0;
	while (k < c->len && !is_ascii_space(c->s[k])) {
		gunichar ch;
		k += utf8_next(c->s + k, &ch);
		chars +=
			g_unichar_isalnum(ch); /* letters: punctuation and soft hyphens are small */
	}
	if (chars > TIE_MAX)
		return false;
	for (; k < c->len && is_ascii_space(c->s[k]); k++)
		newlines += c->s[k] == '\n';
	return k == c->len || newlines >= 2;
}

/* Whitespace in layout mode: nothing at the ends, a blank line is a paragraph break,
 * anything else one space (YAML folding), or a tie before a short last word. */
static size_t space(const smart *c, size_t i, strbuf *out)
{
	size_t j = i, newlines = 0;
	for (; j < c->len && is_ascii_space(c->s[j]); j++)
		newlines += c->s[j] == '\n';
	if (i == 0 || j == c->len)
		return j - i;
	if (newlines >= 2)
		strbuf_puts(out, "\n\n");
	else if (c->tie_last && last_word_at(c, j))
		strbuf_puts(out, NBSP);
	else
		strbuf_putc(out, ' ');
	return j - i;
}

/* Write the typographic form of the text at byte i; returns the bytes used (>= 1). */
static size_t step(const smart *c, size_t i, strbuf *out)
{
	const char *p = c->s + i;
	switch (*p) {
	case '"':
		return double_quote(c, i, out);
	case '\'':
		return single_quote(c, i, out);
	case '-':
		return dash(c, i, out);
	case '.':
		if (p[1] == '.' && p[2] == '.') {
			strbuf_puts(out, HELLIP);
			return 3;
		}
		break;
	default:
		break;
	}
	if (c->layout && is_ascii_space(*p))
		return space(c, i, out);
	if (c->layout && (unsigned char)*p < 0x20)
		return 1; /* control characters would make the markup invalid */
	gunichar ch;
	size_t n = utf8_next(p, &ch);
	if (ch == 0xFFFD && n == 1)
		strbuf_puts(out, "\uFFFD"); /* a bad byte: Pango wants valid UTF-8 */
	else
		strbuf_add(out, p, n);
	return n;
}

char *typo_smarten(const char *plain, const char *lang)
{
	smart c = {plain, strlen(plain), quotes_for(lang), false, false};
	strbuf out = {0};
	strbuf_add(&out, "", 0);
	for (size_t i = 0; i < c.len;)
		i += step(&c, i, &out);
	return strbuf_take(&out);
}

/* Where a style starts, as a byte offset in the smartened text. */
typedef struct {
	size_t off;
	unsigned style;
} style_mark;

typedef struct {
	style_mark *v;
	size_t n;
} mark_list;

/* Smarten the runs as one text; marks->v[r] says where run r's text begins. */
static char *smarten_runs(const text_run *runs, size_t nruns, const typo_opts *o, mark_list *marks)
{
	strbuf plain = {0};
	size_t *start = xmalloc((nruns + 1) * sizeof(*start));
	for (size_t r = 0; r < nruns; r++) {
		start[r] = plain.len;
		strbuf_puts(&plain, runs[r].text);
	}
	start[nruns] = plain.len;
	smart c = {plain.s ? plain.s : "", plain.len, quotes_for(o->lang), true, o->tie_last};
	strbuf out = {0};
	strbuf_add(&out, "", 0);
	marks->v = xmalloc((nruns ? nruns : 1) * sizeof(*marks->v));
	marks->n = 0;
	size_t r = 0;
	for (size_t i = 0; i < c.len;) {
		/* A step may swallow a run boundary ("..." split by a tag): such runs start
		 * where the next step begins. */
		while (r < nruns && start[r] <= i) {
			marks->v[marks->n++] = (style_mark){out.len, runs[r].style};
			r++;
		}
		i += step(&c, i, &out);
	}
	free(start);
	strbuf_free(&plain);
	return strbuf_take(&out);
}

/* hyph_text only inserts soft hyphens: move each mark past the ones inserted before it. */
static void marks_follow_hyphens(mark_list *marks, const char *before, const char *after)
{
	size_t i = 0, j = 0;
	for (size_t m = 0; m < marks->n; m++) {
		while (i < marks->v[m].off) {
			bool inserted =
				memcmp(after + j, SHY, 2) == 0 && memcmp(before + i, SHY, 2) != 0;
			if (!inserted)
				i++;
			j += inserted ? 2 : 1;
		}
		marks->v[m].off = j;
	}
}

static void escape(strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			strbuf_puts(out, "&amp;");
			break;
		case '<':
			strbuf_puts(out, "&lt;");
			break;
		case '>':
			strbuf_puts(out, "&gt;");
			break;
		case '\'':
			strbuf_puts(out, "&apos;");
			break;
		case '"':
			strbuf_puts(out, "&quot;");
			break;
		default:
			strbuf_putc(out, s[i]);
			break;
		}
	}
}

/* The Pango tags open at a point of the output, innermost last. */
typedef struct {
	unsigned open[2];
	size_t depth;
} tag_stack;

static void tag_close(strbuf *out, tag_stack *t)
{
	strbuf_puts(out, t->open[--t->depth] == MARKUP_BOLD ? "</b>" : "</i>");
}

/* Close the innermost tags until only wanted ones are open, then open the missing ones:
 * "<b>a<i>b</i></b>" stays that way instead of closing and reopening <b>. */
static void set_style(strbuf *out, tag_stack *t, unsigned want)
{
	size_t keep = 0;
	while (keep < t->depth && (want & t->open[keep]))
		keep++;
	while (t->depth > keep)
		tag_close(out, t);
	unsigned have = 0;
	for (size_t i = 0; i < t->depth; i++)
		have |= t->open[i];
	for (unsigned bit = MARKUP_BOLD; bit <= MARKUP_ITALIC; bit <<= 1) {
		if ((want & bit) && !(have & bit)) {
			strbuf_puts(out, bit == MARKUP_BOLD ? "<b>" : "<i>");
			t->open[t->depth++] = bit;
		}
	}
}

static char *emit(const char *text, const mark_list *marks)
{
	strbuf out = {0};
	strbuf_add(&out, "", 0);
	tag_stack tags = {{0}, 0};
	size_t len = strlen(text);
	for (size_t m = 0; m < marks->n; m++) {
		size_t a = marks->v[m].off, b = m + 1 < marks->n ? marks->v[m + 1].off : len;
		if (a >= b)
			continue; /* no text in this style: no empty tags */
		set_style(&out, &tags, marks->v[m].style);
		escape(&out, text + a, b - a);
	}
	set_style(&out, &tags, 0);
	return strbuf_take(&out);
}

char *typo_pango_markup(const char *deck_text, const typo_opts *o)
{
	static const typo_opts none = {NULL, NULL, false};
	text_run *runs;
	size_t nruns;
	if (markup_parse(deck_text, &runs, &nruns, NULL, NULL) != 0)
		return NULL;
	if (!o)
		o = &none;
	mark_list marks;
	char *text = smarten_runs(runs, nruns, o, &marks);
	markup_runs_free(runs, nruns);
	if (o->hyph) {
		char *hyph = hyph_paragraphs(o->hyph, text);
		marks_follow_hyphens(&marks, text, hyph);
		free(text);
		text = hyph;
	}
	char *markup = emit(text, &marks);
	free(marks.v);
	free(text);
	return markup;
}

char *typo_quoted(const char *markup)
{
	strbuf b = {0};
	strbuf_puts(&b, "\u201c");
	for (const char *p = markup; *p;) {
		if (!strncmp(p, "\u201c", 3) || !strncmp(p, "\u201d", 3)) {
			strbuf_puts(&b, p[2] == '\x9c' ? "\u2018" : "\u2019");
			p += 3;
		} else {
			strbuf_putc(&b, *p++);
		}
	}
	strbuf_puts(&b, "\u201d");
	return strbuf_take(&b);
}
