/* hyph.c - soft hyphens from libhyphen patterns, an exception list and Dutch rules.
 *
 * libhyphen works on one lower-case word in the dictionary's encoding (hyph_nl_NL.dic is
 * ISO-8859-1, hyph_en_US.dic UTF-8) and returns one digit per character: odd means "may
 * break after this character". hnj_hyphen_hyphenate2 only reads the dictionary (its
 * scratch buffers are malloc'd per call); a hyphenator also remembers the words it broke
 * last (a deck repeats most of its words), so it belongs to one thread. */
#include "hyph.h"

#include <dirent.h>
#include <glib.h>
#include <hyphen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#define DEFAULT_DICT_DIR "/usr/share/hyphen"
#define LEFT_MIN         2 /* letters before a break */
#define RIGHT_MIN        3 /* letters after a break */
#define WORD_MIN                                                                                   \
	8           /* shorter words are never broken: on a narrow card, a hyphen in               \
		     * "jul-lie" costs more in reading than it gains in raggedness */
#define WORD_MAX 64 /* longer letter runs are not words (DNA, tables): left alone */
#define SHY      "\xC2\xAD"
#define MEMO     4096 /* words remembered with their soft hyphens */

typedef struct {
	char pri[4]; /* primary language, lower case: "nl" */
	char reg[9]; /* second subtag, upper case: "BE"; "" if none */
} lang_tag;

typedef struct {
	char *key;          /* lower-case letters, UTF-8, without the '-' */
	unsigned char *brk; /* brk[k]: break after character k */
	size_t order;       /* position in the deck: the later of two duplicates wins */
} exc_entry;

/* A word as written and the same word with its soft hyphens. */
typedef struct {
	char *word, *out;
	size_t len, outlen;
} memo_slot;

struct hyphenator {
	HyphenDict *dict;
	bool latin1; /* dictionary in ISO-8859-1, not UTF-8 */
	bool dutch;  /* never break just before an accented vowel (co-ö-pe-ra-tie) */
	char *path;
	exc_entry *exc; /* sorted by key */
	size_t nexc;
	memo_slot *memo; /* MEMO slots, by a hash of the word; a word replaces another */
};

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char ascii_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static bool ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool ascii_alnum(char c)
{
	return ascii_alpha(c) || (c >= '0' && c <= '9');
}

/* "nl", "nl-BE", "nl_be", "en-GB"; only letters and digits, so it is safe in a path. */
static bool lang_parse(const char *s, lang_tag *t)
{
	memset(t, 0, sizeof(*t));
	size_t i = 0;
	for (; i < 3 && ascii_alpha(s[i]); i++)
		t->pri[i] = ascii_lower(s[i]);
	if (i < 2 || (s[i] && s[i] != '-' && s[i] != '_'))
		return false;
	if (!s[i])
		return true;
	const char *r = s + i + 1;
	size_t j = 0;
	for (; j < 8 && ascii_alnum(r[j]); j++)
		t->reg[j] = ascii_upper(r[j]);
	if (j < 2)
		return false;
	for (const char *q = r + j; *q; q++)
		if (!ascii_alnum(*q) && *q != '-' && *q != '_')
			return false;
	return true;
}

/* An exception in language `exc` applies to a hyphenator for `h`: same primary language,
 * and the same region if the exception names one ("nl" applies to nl-BE, not vice versa). */
static bool lang_applies(const char *exc, const lang_tag *h)
{
	lang_tag e;
	if (!exc || !*exc)
		return true;
	if (!lang_parse(exc, &e) || strcmp(e.pri, h->pri) != 0)
		return false;
	return !e.reg[0] || strcmp(e.reg, h->reg) == 0;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The alphabetically first hyph_<pri>_*.dic in dir, or NULL. Caller frees. */
static char *scan_dir(const char *dir, const char *pri)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char *prefix = xasprintf("hyph_%s_", pri);
	char *best = NULL;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || n < 4 ||
		    strcmp(e->d_name + n - 4, ".dic") != 0)
			continue;
		if (!best || strcmp(e->d_name, best) < 0) {
			free(best);
			best = xstrdup(e->d_name);
		}
	}
	closedir(d);
	free(prefix);
	char *path = best ? xasprintf("%s/%s", dir, best) : NULL;
	free(best);
	if (path && !is_file(path)) {
		free(path);
		path = NULL;
	}
	return path;
}

/* Best dictionary for t: hyph_nl_BE, hyph_nl, hyph_nl_NL, then any hyph_nl_*. */
static char *find_dict(const char *dir, const lang_tag *t)
{
	char upper[4] = {0};
	for (size_t i = 0; t->pri[i]; i++)
		upper[i] = ascii_upper(t->pri[i]);
	char *cand[3];
	size_t n = 0;
	if (t->reg[0])
		cand[n++] = xasprintf("%s/hyph_%s_%s.dic", dir, t->pri, t->reg);
	cand[n++] = xasprintf("%s/hyph_%s.dic", dir, t->pri);
	cand[n++] = xasprintf("%s/hyph_%s_%s.dic", dir, t->pri, upper);
	char *found = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!found && is_file(cand[i]))
			found = cand[i];
		else
			free(cand[i]);
	}
	return found ? found : scan_dir(dir, t->pri);
}

/* Length of the UTF-8 character at p; *cp gets it, or U+FFFD for a bad byte (length 1). */
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

/* Parse "zee-eend" into a lower-case key and its breaks; false if it has no letters or
 * is too long to ever match a word. */
static bool exc_build(const char *word, size_t order, exc_entry *e)
{
	unsigned char brk[WORD_MAX] = {0};
	strbuf key = {0};
	size_t n = 0;
	for (const char *p = word; *p;) {
		if (*p == '-') {
			if (n > 0)
				brk[n - 1] = 1;
			p++;
			continue;
		}
		if (n == WORD_MAX) {
			strbuf_free(&key);
			return false;
		}
		gunichar c;
		p += utf8_next(p, &c);
		char u[6];
		strbuf_add(&key, u, (size_t)g_unichar_to_utf8(g_unichar_tolower(c), u));
		n++;
	}
	if (n == 0)
		return false;
	brk[n - 1] = 0; /* a trailing '-' is no break inside the word */
	e->key = strbuf_take(&key);
	e->brk = xmalloc(n);
	memcpy(e->brk, brk, n);
	e->order = order;
	return true;
}

static int exc_cmp(const void *a, const void *b)
{
	const exc_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void exc_load(hyphenator *h, const lang_tag *t, const hyph_exception *exc, size_t nexc)
{
	h->exc = xcalloc(nexc ? nexc : 1, sizeof(*h->exc));
	for (size_t i = 0; i < nexc; i++)
		if (exc[i].word && lang_applies(exc[i].lang, t) &&
		    exc_build(exc[i].word, i, &h->exc[h->nexc]))
			h->nexc++;
	qsort(h->exc, h->nexc, sizeof(*h->exc), exc_cmp);
	/* Keep the last of equal keys: the deck's later entry overrides an earlier one. */
	size_t w = 0;
	for (size_t i = 0; i < h->nexc; i++) {
		if (i + 1 < h->nexc && strcmp(h->exc[i].key, h->exc[i + 1].key) == 0) {
			free(h->exc[i].key);
			free(h->exc[i].brk);
			continue;
		}
		h->exc[w++] = h->exc[i];
	}
	h->nexc = w;
}

static const unsigned char *exc_find(const hyphenator *h, const char *key)
{
	size_t lo = 0, hi = h->nexc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, h->exc[mid].key);
		if (c == 0)
			return h->exc[mid].brk;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

hyphenator *hyph_new(const char *lang, const char *dict_dir, const hyph_exception *exc, size_t nexc,
		     char **err)
{
	lang_tag t;
	*err = NULL;
	if (!lang || !lang_parse(lang, &t)) {
		*err = xasprintf("'%s' is not a language code like 'nl' or 'en-GB'",
				 lang ? lang : "");
		return NULL;
	}
	if (!dict_dir) {
		dict_dir = getenv("DECKPRESS_HYPHEN_DIR");
		if (!dict_dir || !*dict_dir)
			dict_dir = DEFAULT_DICT_DIR;
	}
	char *path = find_dict(dict_dir, &t);
	if (!path) {
		*err = xasprintf("no hyph_%s*.dic in %s", t.pri, dict_dir);
		return NULL;
	}
	HyphenDict *dict = hnj_hyphen_load(path);
	if (!dict) {
		*err = xasprintf("cannot read %s", path);
		free(path);
		return NULL;
	}
	bool utf8 = dict->utf8 != 0;
	bool latin1 = strcmp(dict->cset, "ISO8859-1") == 0 || strcmp(dict->cset, "ISO-8859-1") == 0;
	if (!utf8 && !latin1) {
		*err = xasprintf("%s is in encoding '%s'; deckpress reads UTF-8 and ISO8859-1 "
				 "dictionaries",
				 path, dict->cset);
		hnj_hyphen_free(dict);
		free(path);
		return NULL;
	}
	hyphenator *h = xcalloc(1, sizeof(*h));
	h->dict = dict;
	h->latin1 = latin1;
	h->dutch = strcmp(t.pri, "nl") == 0;
	h->path = path;
	h->memo = xcalloc(MEMO, sizeof *h->memo);
	exc_load(h, &t, exc, nexc);
	return h;
}

const char *hyph_dict_path(const hyphenator *h)
{
	return h->path;
}

void hyph_free(hyphenator *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->nexc; i++) {
		free(h->exc[i].key);
		free(h->exc[i].brk);
	}
	free(h->exc);
	for (size_t i = 0; i < MEMO; i++) {
		free(h->memo[i].word);
		free(h->memo[i].out);
	}
	free(h->memo);
	hnj_hyphen_free(h->dict);
	free(h->path);
	free(h);
}

/* Dutch drops the trema (and the accent) when a word breaks just before that vowel, so a
 * soft hyphen there would print a wrong word: co-ö-pe-ra-tie must not break at co-ö. */
static bool accented_vowel(gunichar c)
{
	return (c >= 0xE0 && c <= 0xE5) || (c >= 0xE8 && c <= 0xEF) || (c >= 0xF2 && c <= 0xF6) ||
	       (c >= 0xF9 && c <= 0xFD) || c == 0xFF;
}

static void free_nonstandard(char **rep, int *pos, int *cut, size_t n)
{
	if (rep)
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
	free(rep);
	free(pos);
	free(cut);
}

/* Ask the dictionary for the breaks of low[0..n) (lower case); brk[k] = 1 to break after
 * character k. False if the word cannot be written in the dictionary's encoding. */
static bool dict_breaks(const hyphenator *h, const gunichar *low, size_t n, unsigned char *brk)
{
	char buf[WORD_MAX * 4 + 1];
	char hy[WORD_MAX * 4 + 5];
	size_t len = 0;
	for (size_t k = 0; k < n; k++) {
		if (h->latin1) {
			if (low[k] > 0xFF)
				return false;
			buf[len++] = (char)low[k];
		} else {
			len += (size_t)g_unichar_to_utf8(low[k], buf + len);
		}
	}
	buf[len] = '\0';
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	/* For UTF-8 dictionaries libhyphen maps hy[] back to character positions itself. */
	if (hnj_hyphen_hyphenate2(h->dict, buf, (int)len, hy, NULL, &rep, &pos, &cut) != 0) {
		free_nonstandard(rep, pos, cut, len);
		return false;
	}
	for (size_t k = 0; k + 1 < n; k++) {
		bool ok = (hy[k] & 1) && k + 1 >= LEFT_MIN && n - (k + 1) >= RIGHT_MIN;
		/* A non-standard break (oma-tje for omaatje) changes letters: a soft hyphen
		 * cannot say that, so leave it out. */
		if (rep && rep[k])
			ok = false;
		if (h->dutch && accented_vowel(low[k + 1]))
			ok = false;
		/* The fonts join f with f, i, l, t into one glyph: a soft hyphen inside such a
		 * ligature ends up in the PDF's text, so "dif-ferently" could not be found or
		 * copied. No break after an f. */
		if (low[k] == 'f')
			ok = false;
		brk[k] = ok;
	}
	free_nonstandard(rep, pos, cut, len);
	return true;
}

/* Append the letters w[0..len) to out with soft hyphens at their breaks. */
static void word_breaks(const hyphenator *h, const char *w, size_t len, strbuf *out)
{
	gunichar low[WORD_MAX];
	size_t off[WORD_MAX + 1];
	unsigned char brk[WORD_MAX] = {0};
	char key[WORD_MAX * 6 + 1];
	size_t n = 0, klen = 0;
	for (size_t i = 0; i < len; n++) {
		gunichar c;
		if (n == WORD_MAX) {
			strbuf_add(out, w, len);
			return;
		}
		off[n] = i;
		i += utf8_next(w + i, &c);
		low[n] = g_unichar_tolower(c);
		klen += (size_t)g_unichar_to_utf8(low[n], key + klen);
	}
	off[n] = len;
	key[klen] = '\0';
	const unsigned char *exc = exc_find(h, key);
	gunichar first;
	utf8_next(w, &first);
	if (exc)
		memcpy(brk, exc, n);
	else if (n < WORD_MIN || g_unichar_isupper(first) || g_unichar_istitle(first) ||
		 !dict_breaks(h, low, n, brk)) {
		/* names and brands keep their shape ("Facebook", "Rotterdam"), and so does a
		 * sentence's first word; an exception can still allow breaks */
		strbuf_add(out, w, len);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		strbuf_add(out, w + off[k], off[k + 1] - off[k]);
		if (brk[k] && k + 1 < n)
			strbuf_add(out, SHY, 2);
	}
}

/* Word w[0..len) with its soft hyphens appended to out: remembered, or worked out. */
static void hyph_word(const hyphenator *h, const char *w, size_t len, strbuf *out)
{
	size_t k = 2166136261u;
	for (size_t i = 0; i < len; i++)
		k = (k ^ (unsigned char)w[i]) * 16777619u;
	memo_slot *m = &h->memo[k % MEMO];
	if (m->word && m->len == len && !memcmp(m->word, w, len)) {
		strbuf_add(out, m->out, m->outlen);
		return;
	}
	size_t start = out->len;
	word_breaks(h, w, len, out);
	free(m->word);
	free(m->out);
	*m = (memo_slot){xstrndup(w, len), xstrndup(out->s + start, out->len - start), len,
			 out->len - start};
}

static bool is_letter(gunichar c)
{
	return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

static bool is_apostrophe(gunichar c)
{
	return c == '\'' || c == 0x2019;
}

/* Characters that already mark a break: the author's hyphen wins over the dictionary. */
static bool is_hyphen(gunichar c)
{
	return c == '-' || c == 0xAD || c == 0x2010 || c == 0x2011;
}

static bool in_word(gunichar c)
{
	return is_letter(c) || (c >= '0' && c <= '9') || is_apostrophe(c) || is_hyphen(c);
}

/* Hyphenate the letter runs of one word chunk [p, e): digits and apostrophes end a
 * run ("covid19", "paraplu's"); a chunk with any hyphen stays as written. */
static void hyph_chunk(const hyphenator *h, const char *p, const char *e, strbuf *out)
{
	for (const char *q = p; q < e;) {
		gunichar c;
		q += utf8_next(q, &c);
		if (is_hyphen(c)) {
			strbuf_add(out, p, (size_t)(e - p));
			return;
		}
	}
	while (p < e) {
		gunichar c;
		const char *q = p;
		size_t l = utf8_next(q, &c);
		if (!is_letter(c)) {
			strbuf_add(out, p, l);
			p += l;
			continue;
		}
		while (q < e && (l = utf8_next(q, &c), is_letter(c)))
			q += l;
		hyph_word(h, p, (size_t)(q - p), out);
		p = q;
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* URLs and e-mail addresses must stay copyable: no soft hyphens inside them. */
static bool is_address(const char *p, const char *e)
{
	size_t n = (size_t)(e - p);
	if (memchr(p, '@', n) || (n >= 4 && strncmp(p, "www.", 4) == 0))
		return true;
	for (const char *q = p; q + 3 <= e; q++)
		if (strncmp(q, "://", 3) == 0)
			return true;
	return false;
}

/* Hyphenate a run of non-space text: word chunks through hyph_chunk, the rest as is. */
static void hyph_span(const hyphenator *h, const char *p, const char *e, strbuf *out)
{
	if (is_address(p, e)) {
		strbuf_add(out, p, (size_t)(e - p));
		return;
	}
	while (p < e) {
		gunichar c;
		size_t l = utf8_next(p, &c);
		if (!in_word(c)) {
			strbuf_add(out, p, l);
			p += l;
			continue;
		}
		const char *q = p;
		while (q < e && (l = utf8_next(q, &c), in_word(c)))
			q += l;
		hyph_chunk(h, p, q, out);
		p = q;
	}
}

/* True when only white space follows e up to the end of the text or a blank line: the
 * word before e ends its paragraph, and a syllable alone on the last line reads badly. */
static bool ends_paragraph(const char *e)
{
	int newlines = 0;
	for (; *e && is_space(*e); e++)
		newlines += *e == '\n';
	return !*e || newlines >= 2;
}

static char *hyphenate(const hyphenator *h, const char *utf8, bool keep_last)
{
	strbuf out = {0};
	const char *p = utf8;
	strbuf_add(&out, "", 0);
	while (*p) {
		const char *e = p;
		if (is_space(*p)) {
			while (*e && is_space(*e))
				e++;
			strbuf_add(&out, p, (size_t)(e - p));
		} else {
			while (*e && !is_space(*e))
				e++;
			if (keep_last && ends_paragraph(e)) {
				/* only the last word stays whole, not the one tied to it */
				const char *w = e;
				while (w > p && !(w - p >= 2 && (unsigned char)w[-2] == 0xC2 &&
						  (unsigned char)w[-1] == 0xA0))
					w--;
				hyph_span(h, p, w, &out);
				strbuf_add(&out, w, (size_t)(e - w));
			} else {
				hyph_span(h, p, e, &out);
			}
		}
		p = e;
	}
	return strbuf_take(&out);
}

char *hyph_text(const hyphenator *h, const char *utf8)
{
	return hyphenate(h, utf8, false);
}

char *hyph_paragraphs(const hyphenator *h, const char *utf8)
{
	return hyphenate(h, utf8, true);
}
