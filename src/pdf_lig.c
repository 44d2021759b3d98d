/* pdf_lig.c - ligatures read as their letters in a tagged PDF: /ToUnicode entries of ligature
 * glyphs decomposed, the ActualText spans Cairo 1.16 wraps around them taken out. */
#include "pdf_lig.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "util.h"

#define MAX_CODE 8   /* bytes of a character code (Cairo: 1 or 2) */
#define MAX_TEXT 256 /* bytes of a string looked at */
#define MAX_NEST 64  /* of marked content, and of q/Q */

/* Ligature code points and their decomposition (Unicode compatibility mappings), as
 * UTF-16BE in hex. */
static const char *const decomp[] = {
	"00660066",     /* U+FB00 ff */
	"00660069",     /* U+FB01 fi */
	"0066006c",     /* U+FB02 fl */
	"006600660069", /* U+FB03 ffi */
	"00660066006c", /* U+FB04 ffl */
	"017f0074",     /* U+FB05 long s t */
	"00730074",     /* U+FB06 st */
};

typedef struct {
	unsigned char code[MAX_CODE];
	char *dst; /* UTF-16BE in lowercase hex, after the decomposition */
	bool lig;
} cmap_char;

typedef struct {
	int stream_id; /* the /ToUnicode stream */
	size_t code_len;
	cmap_char *c;
	size_t n, cap;
	bool any_lig;
} font_map;

typedef struct {
	qpdf_data q;
	int max_id;
	int *map_of; /* font object id -> index in maps, -1 */
	font_map *maps;
	size_t nmaps, capmaps;
} lig;

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The bytes of a string token (hex or literal) into out; their number, or -1 when longer
 * than cap or not a string. */
static int string_bytes(const pdf_lexer *lx, const pdf_token *t, unsigned char *out, int cap)
{
	const char *s = lx->s + t->start, *e = lx->s + t->end;
	int n = 0;
	if (t->kind != PDFT_STRING || e - s < 2)
		return -1;
	if (*s == '<') {
		int hi = -1;
		for (s++; s < e - 1; s++) {
			int v = hexval(*s);
			if (v < 0)
				continue;
			if (hi < 0) {
				hi = v;
				continue;
			}
			if (n >= cap)
				return -1;
			out[n++] = (unsigned char)(hi << 4 | v);
			hi = -1;
		}
		if (hi >= 0) {
			if (n >= cap)
				return -1;
			out[n++] = (unsigned char)(hi << 4);
		}
		return n;
	}
	for (s++, e--; s < e; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' && s + 1 < e) {
			c = (unsigned char)*++s;
			if (c >= '0' && c <= '7') {
				int v = 0;
				for (int k = 0; k < 3 && s < e && *s >= '0' && *s <= '7'; k++, s++)
					v = v * 8 + (*s - '0');
				s--;
				c = (unsigned char)v;
			} else if (c == '\r' || c == '\n') {
				if (c == '\r' && s + 1 < e && s[1] == '\n')
					s++;
				continue;
			} else {
				const char *from = "nrtbf", *to = "\n\r\t\b\f";
				const char *p = strchr(from, (char)c);
				if (p && c)
					c = (unsigned char)to[p - from];
			}
		}
		if (n >= cap)
			return -1;
		out[n++] = c;
	}
	return n;
}

static void hex_of(strbuf *b, const unsigned char *p, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_printf(b, "%02x", p[i]);
}

/* --- /ToUnicode --- */

static void map_add(font_map *m, const unsigned char *code, char *dst, bool is_lig)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->c = xrealloc(m->c, m->cap * sizeof *m->c);
	}
	cmap_char *c = &m->c[m->n++];
	memcpy(c->code, code, m->code_len);
	c->dst = dst;
	c->lig = is_lig;
	m->any_lig |= is_lig;
}

/* Reads the bfchar entries of the CMap in s into m, and returns the CMap with ligature code
 * points decomposed (NULL when there are none to change). */
static char *read_cmap(font_map *m, const char *s, size_t n, size_t *out_len)
{
	pdf_lexer lx;
	pdf_lexer_init(&lx, s, n);
	pdf_token t, src = {0};
	bool in_bfchar = false, have_src = false;
	strbuf b = {0};
	size_t copied = 0;
	pdf_token_kind k;
	while ((k = pdf_lex(&lx, &t)) != PDFT_END && k != PDFT_ERROR) {
		if (k == PDFT_WORD) {
			in_bfchar = pdf_token_is(&lx, &t, "beginbfchar");
			have_src = false;
			continue;
		}
		if (!in_bfchar || k != PDFT_STRING)
			continue;
		if (!have_src) {
			src = t;
			have_src = true;
			continue;
		}
		have_src = false;
		unsigned char code[MAX_CODE], dst[MAX_TEXT];
		int cl = string_bytes(&lx, &src, code, MAX_CODE);
		int dl = string_bytes(&lx, &t, dst, MAX_TEXT);
		if (cl <= 0 || dl < 0 || (m->code_len && (size_t)cl != m->code_len))
			continue;
		m->code_len = (size_t)cl;
		bool is_lig = dl == 2 && dst[0] == 0xfb && dst[1] <= 0x06;
		strbuf h = {0};
		if (is_lig) {
			strbuf_puts(&h, decomp[dst[1]]);
			strbuf_add(&b, s + copied, t.start - copied);
			strbuf_printf(&b, "<%s>", decomp[dst[1]]);
			copied = t.end;
		} else {
			hex_of(&h, dst, dl);
		}
		map_add(m, code, strbuf_take(&h), is_lig);
	}
	if (!m->any_lig) {
		strbuf_free(&b);
		return NULL;
	}
	strbuf_add(&b, s + copied, n - copied);
	*out_len = b.len;
	return strbuf_take(&b);
}

static bool is_name(qpdf_data q, qpdf_oh oh, const char *key, const char *name)
{
	return qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, oh, key), name);
}

static char *read_fonts(lig *g)
{
	qpdf_data q = g->q;
	for (int id = 1; id <= g->max_id; id++) {
		if (id % 256 == 0)
			qpdf_oh_release_all(q); /* see pdf_lig.h */
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		if (!qpdf_oh_is_dictionary(q, o) || !is_name(q, o, "/Type", "/Font"))
			continue;
		qpdf_oh tu = qpdf_oh_get_key(q, o, "/ToUnicode");
		if (!qpdf_oh_is_stream(q, tu))
			continue;
		int sid = qpdf_oh_get_object_id(q, tu);
		size_t i = 0;
		while (i < g->nmaps && g->maps[i].stream_id != sid)
			i++;
		if (i == g->nmaps) { /* a stream not read yet */
			unsigned char *buf = NULL;
			size_t len = 0, out_len = 0;
			QPDF_BOOL filtered = QPDF_FALSE;
			if (qpdf_oh_get_stream_data(q, tu, qpdf_dl_generalized, &filtered, &buf,
						    &len) &
				    QPDF_ERRORS ||
			    !filtered) {
				free(buf);
				continue; /* left as it is: its spans stay too */
			}
			if (g->nmaps == g->capmaps) {
				g->capmaps = g->capmaps ? 2 * g->capmaps : 16;
				g->maps = xrealloc(g->maps, g->capmaps * sizeof *g->maps);
			}
			font_map *m = &g->maps[g->nmaps++];
			*m = (font_map){.stream_id = sid};
			char *out = read_cmap(m, (const char *)buf, len, &out_len);
			free(buf);
			if (out) {
				qpdf_oh_replace_stream_data(q, tu, (const unsigned char *)out,
							    out_len, qpdf_oh_new_null(q),
							    qpdf_oh_new_null(q));
				free(out);
			}
		}
		g->map_of[id] = (int)i;
	}
	return NULL;
}

/* --- the spans in the content --- */

typedef struct {
	bool span;        /* /Span << /ActualText ... >> BDC that may go */
	size_t from, to;  /* its bytes */
	strbuf want, got; /* ActualText and the glyphs' text, UTF-16BE hex */
	int ligs;
} mc;

typedef struct {
	size_t from, to;
} cut;

static const font_map *font_named(const lig *g, qpdf_oh fonts, const pdf_lexer *lx,
				  const pdf_token *t)
{
	if (t->kind != PDFT_NAME)
		return NULL;
	char *name = xstrndup(lx->s + t->start, t->end - t->start);
	qpdf_oh f = qpdf_oh_get_key(g->q, fonts, name);
	free(name);
	int id = qpdf_oh_get_object_id(g->q, f);
	if (id <= 0 || id > g->max_id || g->map_of[id] < 0)
		return NULL;
	return &g->maps[g->map_of[id]];
}

/* The glyphs of string token t in font m appended to top's text; false if one has no
 * mapping. */
static bool glyph_text(mc *top, const font_map *m, const pdf_lexer *lx, const pdf_token *t)
{
	unsigned char s[MAX_TEXT];
	int n = string_bytes(lx, t, s, MAX_TEXT);
	if (!m || n <= 0 || !m->code_len || (size_t)n % m->code_len)
		return false;
	for (size_t at = 0; at < (size_t)n; at += m->code_len) {
		size_t i = 0;
		while (i < m->n && memcmp(m->c[i].code, s + at, m->code_len))
			i++;
		if (i == m->n)
			return false;
		strbuf_puts(&top->got, m->c[i].dst);
		top->ligs += m->c[i].lig;
	}
	return true;
}

/* "/Span << /ActualText (s) >> BDC" as the last six tokens: its text as UTF-16BE hex in
 * *want; false if it is not that. */
static bool actualtext_span(const pdf_lexer *lx, const pdf_token *t, strbuf *want)
{
	if (!pdf_token_is(lx, &t[0], "/Span") || !pdf_token_is(lx, &t[1], "<<") ||
	    !pdf_token_is(lx, &t[2], "/ActualText") || !pdf_token_is(lx, &t[4], ">>") ||
	    !pdf_token_is(lx, &t[5], "BDC"))
		return false;
	unsigned char s[MAX_TEXT];
	int n = string_bytes(lx, &t[3], s, MAX_TEXT);
	if (n < 0)
		return false;
	if (n >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		hex_of(want, s + 2, n - 2);
		return true;
	}
	for (int i = 0; i < n; i++) { /* PDFDocEncoding: ASCII only */
		if (s[i] >= 0x80)
			return false;
		strbuf_printf(want, "00%02x", s[i]);
	}
	return true;
}

static size_t past_newline(const char *s, size_t n, size_t at)
{
	return at < n && s[at] == '\n' ? at + 1 : at;
}

/* The content s without the spans that go; NULL when none go (or on a syntax error). */
static char *plain_content(const lig *g, qpdf_oh fonts, const char *s, size_t n, size_t *out_len)
{
	pdf_lexer lx;
	pdf_lexer_init(&lx, s, n);
	pdf_token t[6] = {{0}};
	mc st[MAX_NEST];
	int depth = 0, overflow = 0;
	const font_map *font[MAX_NEST + 1] = {NULL};
	int gs = 0, gs_over = 0;
	cut *cuts = NULL;
	size_t ncuts = 0, capcuts = 0;
	bool bad = false;
	pdf_token_kind k;
	while ((k = pdf_lex(&lx, &t[5])) != PDFT_END) {
		if (k == PDFT_ERROR) {
			bad = true;
			break;
		}
		mc *top = depth > 0 && !overflow ? &st[depth - 1] : NULL;
		if (k == PDFT_WORD) {
			bool bdc =
				pdf_token_is(&lx, &t[5], "BDC") || pdf_token_is(&lx, &t[5], "BMC");
			if (pdf_token_is(&lx, &t[5], "Tf")) {
				font[gs] = font_named(g, fonts, &lx, &t[3]);
			} else if (pdf_token_is(&lx, &t[5], "q")) {
				if (gs < MAX_NEST)
					font[gs + 1] = font[gs], gs++;
				else
					gs_over++;
			} else if (pdf_token_is(&lx, &t[5], "Q")) {
				if (gs_over)
					gs_over--;
				else if (gs > 0)
					gs--;
			} else if (pdf_token_is(&lx, &t[5], "Tj")) {
				if (top && top->span && !glyph_text(top, font[gs], &lx, &t[4]))
					top->span = false;
			} else if (bdc) {
				if (top)
					top->span = false;
				if (depth >= MAX_NEST || overflow) {
					overflow++;
				} else {
					mc *m = &st[depth++];
					*m = (mc){.from = t[0].start, .to = t[5].end};
					m->span = actualtext_span(&lx, t, &m->want);
				}
			} else if (pdf_token_is(&lx, &t[5], "EMC")) {
				if (overflow) {
					overflow--;
				} else if (depth > 0) {
					mc *m = &st[--depth];
					if (m->span && m->ligs > 0 && m->got.len == m->want.len &&
					    !memcmp(m->got.s, m->want.s, m->got.len)) {
						if (ncuts + 2 > capcuts) {
							capcuts = capcuts ? 2 * capcuts : 16;
							cuts = xrealloc(cuts,
									capcuts * sizeof *cuts);
						}
						cuts[ncuts++] =
							(cut){m->from, past_newline(s, n, m->to)};
						cuts[ncuts++] = (cut){t[5].start,
								      past_newline(s, n, t[5].end)};
					}
					strbuf_free(&m->want);
					strbuf_free(&m->got);
				}
			} else if (top && top->span &&
				   (pdf_token_is(&lx, &t[5], "TJ") ||
				    pdf_token_is(&lx, &t[5], "'") ||
				    pdf_token_is(&lx, &t[5], "\"") ||
				    pdf_token_is(&lx, &t[5], "Do"))) {
				top->span = false; /* other text in the span: it stays */
			}
		}
		memmove(t, t + 1, 5 * sizeof *t);
	}
	while (depth > 0) {
		strbuf_free(&st[--depth].want);
		strbuf_free(&st[depth].got);
	}
	if (bad || ncuts == 0) {
		free(cuts);
		return NULL;
	}
	/* cuts come in pairs (BDC, EMC) ordered by their EMC: sort by start */
	for (size_t i = 1; i < ncuts; i++)
		for (size_t j = i; j > 0 && cuts[j - 1].from > cuts[j].from; j--) {
			cut c = cuts[j];
			cuts[j] = cuts[j - 1];
			cuts[j - 1] = c;
		}
	strbuf b = {0};
	size_t copied = 0;
	for (size_t i = 0; i < ncuts; i++) {
		if (cuts[i].from < copied)
			continue;
		strbuf_add(&b, s + copied, cuts[i].from - copied);
		copied = cuts[i].to;
	}
	strbuf_add(&b, s + copied, n - copied);
	free(cuts);
	*out_len = b.len;
	return strbuf_take(&b);
}

static char *plain_page(const lig *g, qpdf_oh page)
{
	qpdf_data q = g->q;
	qpdf_oh fonts = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/Font");
	if (!qpdf_oh_is_dictionary(q, fonts))
		return NULL;
	size_t len = 0, out_len = 0;
	char *err = NULL, *buf = pdf_page_content(q, page, &len, &err);
	if (!buf)
		return err;
	char *out = plain_content(g, fonts, buf, len, &out_len);
	free(buf);
	if (!out)
		return NULL;
	pdf_page_content_set(q, page, out, out_len);
	free(out);
	return NULL;
}

char *pdf_lig_plain(qpdf_data q, int max_id)
{
	lig g = {.q = q, .max_id = max_id};
	g.map_of = xmalloc(((size_t)max_id + 1) * sizeof *g.map_of);
	for (int i = 0; i <= max_id; i++)
		g.map_of[i] = -1;
	char *err = read_fonts(&g);
	bool any = false;
	for (size_t i = 0; i < g.nmaps; i++)
		any |= g.maps[i].any_lig;
	int pages = any ? qpdf_get_num_pages(q) : 0;
	for (int p = 0; p < pages && !err; p++) {
		if (p % 16 == 15)
			qpdf_oh_release_all(q);
		err = plain_page(&g, qpdf_get_page_n(q, (size_t)p));
	}
	qpdf_oh_release_all(q);
	for (size_t i = 0; i < g.nmaps; i++) {
		for (size_t j = 0; j < g.maps[i].n; j++)
			free(g.maps[i].c[j].dst);
		free(g.maps[i].c);
	}
	free(g.maps);
	free(g.map_of);
	return err;
}
