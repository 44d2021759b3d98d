/* test_typo.c - quotes, apostrophes, dashes, ellipses, ties, escaping, Pango markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pango/pango.h>
#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "typo.h"

#define DICT_DIR "/usr/share/hyphen"

static void smart(const char *lang, const char *in, const char *want)
{
	char *got = typo_smarten(in, lang);
	assert_string_equal(got, want);
	free(got);
}

/* typo_pango_markup with soft hyphens shown as '=' and ties as '~'; caller frees. */
static char *markup_shown(const char *in, const typo_opts *o)
{
	char *s = typo_pango_markup(in, o);
	if (!s)
		return NULL;
	char *w = s;
	for (const char *p = s; *p; p++) {
		unsigned char a = (unsigned char)p[0], b = (unsigned char)p[1];
		if (a == 0xC2 && (b == 0xAD || b == 0xA0)) {
			*w++ = b == 0xAD ? '=' : '~';
			p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return s;
}

static void pango(const char *in, const typo_opts *o, const char *want)
{
	char *got = markup_shown(in, o);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_double_quotes(void **state)
{
	(void)state;
	smart("nl", "\"Ja\", zei ze.", "“Ja”, zei ze.");
	smart("en", "She said \"yes\" (\"really\").", "She said “yes” (“really”).");
	smart("nl-BE", "Hij: \"'t Is mooi.\"", "Hij: “’t Is mooi.”");
	smart("nl", "\"Hij zei 'ja'\"", "“Hij zei ‘ja’”");
	smart("nl", "'\"Genest\"'", "‘“Genest”’");
	smart("en", "a \u2014\"quote\"", "a \u2014“quote”");
}

static void test_apostrophes(void **state)
{
	(void)state;
	smart("nl", "z'n auto's, 's nachts en 't is 'n feest",
	      "z’n auto’s, ’s nachts en ’t is ’n feest");
	smart("nl", "'s-Hertogenbosch", "’s-Hertogenbosch");
	smart("nl", "'Nee', zei ze.", "‘Nee’, zei ze.");
	smart("nl", "'sorry'", "‘sorry’"); /* 's followed by a letter is no elision */
	smart("en", "it's the '90s, rock 'n' roll, 'til 'em",
	      "it’s the ’90s, rock ’n’ roll, ’til ’em");
	smart("en", "the dogs' bones", "the dogs’ bones");
	smart("en", "the letter 't'", "the letter ‘t’"); /* 't is Dutch only */
	smart("nl", "in '90 en '2 keer'", "in ’90 en ‘2 keer’");
}

static void test_dashes_and_ranges(void **state)
{
	(void)state;
	smart("nl", "Dit - zei hij - klopt -- echt.", "Dit – zei hij – klopt – echt.");
	smart("nl", "10-20 mensen, 1914-1918, blz. 12-15, 9.00-17.00",
	      "10–20 mensen, 1914–1918, blz. 12–15, 9.00–17.00");
	/* Not ranges: dates, phone numbers, codes, compounds, minus signs. */
	smart("nl", "2024-01-15 06-12345678 978-90-1 A4-papier zee-eend -5 a-",
	      "2024-01-15 06-12345678 978-90-1 A4-papier zee-eend -5 a-");
	smart("nl", "a --- b", "a --- b");
}

static void test_ellipsis(void **state)
{
	(void)state;
	smart("nl", "Nou... ja.", "Nou… ja.");
	smart("nl", "Dus....", "Dus….");
	smart("nl", "a.b..c", "a.b..c");
}

static void test_typographic_text_is_left_alone(void **state)
{
	(void)state;
	const char *done = "“Ja” – zei ze… ’s nachts z’n ‘ding’ 10–20";
	smart("nl", done, done);
	const char *inputs[] = {"\"a\" 'b' z'n - 10-20...", "'s nachts \"'t is\" 'ok'",
				"it's '90s 'quote'"};
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		char *once = typo_smarten(inputs[i], "en");
		char *twice = typo_smarten(once, "en");
		assert_string_equal(once, twice);
		free(once);
		free(twice);
	}
}

static void test_other_languages_keep_straight_quotes(void **state)
{
	(void)state;
	smart("fr", "l'homme dit \"oui\" - 10-20...", "l’homme dit \"oui\" – 10–20…");
	smart(NULL, "'a' \"b\"", "'a' \"b\"");
}

static void test_escaping(void **state)
{
	(void)state;
	typo_opts o = {"nl", NULL, false};
	pango("R&D en a < b, x > y", &o, "R&amp;D en a &lt; b, x &gt; y");
	pango("<br> <B>vet</B> &amp;", &o, "&lt;br&gt; &lt;B&gt;vet&lt;/B&gt; &amp;amp;");
	typo_opts fr = {"fr", NULL, false};
	pango("\"oui\" d'accord 'x'", &fr, "&quot;oui&quot; d’accord &apos;x&apos;");
}

static void test_tags(void **state)
{
	(void)state;
	typo_opts o = {"nl", NULL, false};
	pango("een <b>vet</b> en <i>schuin</i> woord", &o, "een <b>vet</b> en <i>schuin</i> woord");
	pango("<b>a<i>b</i></b>c<i>d<b>e</b></i>", &o, "<b>a<i>b</i></b>c<i>d<b>e</b></i>");
	pango("<b></b>x<i> </i>", &o, "x");
	assert_null(typo_pango_markup("<b>nooit dicht", &o));
	assert_null(typo_pango_markup("a</i>", &o));
}

static void test_quotes_across_runs(void **state)
{
	(void)state;
	typo_opts o = {"nl", NULL, false};
	pango("Zij zei: \"Dit is <i>mooi\"</i>.", &o, "Zij zei: “Dit is <i>mooi”</i>.");
	pango("He said \"<i>hello</i>\".", &o, "He said “<i>hello</i>”.");
	pango("<b>'</b>s nachts", &o, "<b>’</b>s nachts");
	pango("Wacht<i>..</i>.", &o, "Wacht<i>…</i>");
}

static void test_paragraphs_and_spaces(void **state)
{
	(void)state;
	typo_opts o = {"nl", NULL, false};
	pango("een\ntwee  drie", &o, "een twee drie");
	pango("  een \n\n  twee \n\n\n\n drie\n", &o, "een\n\ntwee\n\ndrie");
	pango("a\r\n\r\nb\tc", &o, "a\n\nb c");
	pango("a <b>\n\n</b>b", &o, "a\n\nb");
	pango("a\x01"
	      "b",
	      &o, "ab"); /* control characters would break the markup */
}

static void test_tie_last_word(void **state)
{
	(void)state;
	typo_opts o = {"nl", NULL, true};
	pango("Dit is een vraag aan jou?", &o, "Dit is een vraag aan~jou?");
	pango("Eerste alinea hier.\n\nTweede alinea daar.", &o,
	      "Eerste alinea~hier.\n\nTweede alinea~daar.");
	/* A last word over 12 characters is not tied: it could not share a line anyway. */
	pango("Dit is verantwoordelijkheid", &o, "Dit is verantwoordelijkheid");
	pango("Twaalf letters", &o, "Twaalf~letters");
	pango("Alleen", &o, "Alleen");
	pango("Wat <i>vind jij</i>?", &o, "Wat <i>vind~jij</i>?");
	o.tie_last = false;
	pango("Dit is een vraag aan jou?", &o, "Dit is een vraag aan jou?");
}

static void test_hyphenation_in_markup(void **state)
{
	(void)state;
	char *err = NULL;
	hyph_exception exc[] = {{"nl", "zee-eend"}};
	hyphenator *h = hyph_new("nl", DICT_DIR, exc, 1, &err);
	assert_non_null(h);
	typo_opts o = {"nl", h, true};
	pango("De <b>verant</b>woordelijkheid van de zeeeend zwemt.", &o,
	      "De <b>ver=ant</b>=woor=de=lijk=heid van de zee=eend~zwemt.");
	/* the last word of a paragraph stays whole: no syllable alone on the last line */
	pango("De kwaliteitsbewaking telt.\n\nverantwoordelijkheid", &o,
	      "De kwa=li=teits=be=wa=king~telt.\n\nverantwoordelijkheid");
	pango("\"coöperatie\" en ver\xC2\xAD"
	      "antwoordelijk",
	      &o, "“coö=pe=ra=tie” en ver=antwoordelijk"); /* 16 letters: no tie */
	pango("Een ge\xC2\xAD"
	      "sprek",
	      &o, "Een~ge=sprek"); /* the soft hyphen is not counted */
	pango("<i>R&D-organisatie</i>", &o, "<i>R&amp;D-organisatie</i>");
	hyph_free(h);
}

static void test_null_options(void **state)
{
	(void)state;
	pango("\"a\" & b\nc", NULL, "&quot;a&quot; &amp; b c");
}

/* Pango's parse of markup m: its text with soft hyphens dropped and ties made spaces. */
static char *pango_text(const char *m)
{
	GError *e = NULL;
	char *text = NULL;
	PangoAttrList *attrs = NULL;
	if (!pango_parse_markup(m, -1, 0, &attrs, &text, NULL, &e))
		fail_msg("Pango rejects [%s]: %s", m, e->message);
	pango_attr_list_unref(attrs);
	char *w = text;
	for (const char *p = text; *p; p++) {
		unsigned char a = (unsigned char)p[0], b = (unsigned char)p[1];
		if (a == 0xC2 && b == 0xAD) {
			p++;
		} else if (a == 0xC2 && b == 0xA0) {
			*w++ = ' ';
			p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return text;
}

static void test_pango_accepts_everything(void **state)
{
	(void)state;
	const char *tricky[] = {
		"R&D",
		"a < b",
		"x > y",
		"<br>",
		"&amp;",
		"&#60;",
		"&lt;b&gt;",
		"<B>x</B>",
		"'\"'",
		"\"<i>\"</i>\"",
		"]]>",
		"<![CDATA[x]]>",
		"<!-- c -->",
		"<?xml?>",
		"\x01\x02\x1f",
		"\xff\xfe",
		"a\xC2",
		"\xE2\x80",
		"<b><i>x</i></b>",
		"<i><b>x</b>y</i>",
		"...",
		"a - b",
		"",
		"   ",
		"\n\n\n",
		"<b>\n\n</b>x",
		"x<b> </b>",
		"é ë ï 🙂",
		"\xC2\xAD",
		"<span>x</span>",
		"<b>a</b><b>b</b>",
		"%s %n \\",
		"&",
		">",
		"<",
		"<<b>>x</b>>",
		"<<i></i>>",
		"&&&",
		"'",
		"\"",
		"--",
		"- -",
		"10-",
		"-10",
		"'90",
		"''",
		"\"\"",
		"<i>'</i>s",
		"verantwoordelijkheid&organisatie<kwaliteitsbewaking>",
		"\t\v\f\r",
		"Een <b>\"vette\"</b> 'quote' met R&D... - en <i>10-20</i> \"zaken\"",
		"coöperatie\xC2\xA0"
		"financiële",
		"https://a.nl/?x=1&y=<2>",
	};
	char *err = NULL;
	hyphenator *nl = hyph_new("nl", DICT_DIR, NULL, 0, &err);
	hyphenator *en = hyph_new("en", DICT_DIR, NULL, 0, &err);
	assert_non_null(nl);
	assert_non_null(en);
	const char *langs[] = {"nl", "en", "fr", NULL};
	const hyphenator *hyphs[] = {nl, en, NULL};
	for (size_t t = 0; t < sizeof(tricky) / sizeof(tricky[0]); t++)
		for (size_t l = 0; l < 4; l++)
			for (size_t y = 0; y < 3; y++)
				for (int tie = 0; tie < 2; tie++) {
					typo_opts o = {langs[l], hyphs[y], tie};
					char *m = typo_pango_markup(tricky[t], &o);
					if (!m)
						fail_msg("no markup for [%s]", tricky[t]);
					free(pango_text(m));
					free(m);
				}
	hyph_free(nl);
	hyph_free(en);
}

/* On one-line text with single spaces, Pango must read back exactly the smartened text:
 * nothing lost or doubled by escaping, tags, soft hyphens or ties. */
static void test_pango_reads_back_the_text(void **state)
{
	(void)state;
	const char *lines[] = {
		"Een <b>\"vette\"</b> 'quote' met R&D... - en <i>10-20</i> \"zaken\"",
		"a < b > c & d <br> <B>x</B>",
		"<i>verantwoordelijkheid</i> 's nachts <b>z'n</b>",
		"\"Dit is <i>mooi\"</i>, zei ze.",
		"kwaliteitsbewaking<b>coöperatie</b>organisatie",
	};
	char *err = NULL;
	hyphenator *h = hyph_new("nl", DICT_DIR, NULL, 0, &err);
	assert_non_null(h);
	typo_opts o = {"nl", h, true};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		char *m = typo_pango_markup(lines[i], &o);
		char *back = pango_text(m);
		char *plain = markup_plain(lines[i]);
		char *want = typo_smarten(plain, "nl");
		assert_string_equal(back, want);
		free(want);
		free(plain);
		free(back);
		free(m);
	}
	hyph_free(h);
}

static void test_pango_sees_the_styles(void **state)
{
	(void)state;
	char *m = typo_pango_markup("ab <b>cd</b> <i>ef</i>", NULL);
	PangoAttrList *attrs = NULL;
	char *text = NULL;
	assert_true(pango_parse_markup(m, -1, 0, &attrs, &text, NULL, NULL));
	assert_string_equal(text, "ab cd ef");
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	int bold_at = -1, italic_at = -1;
	do {
		int a, b;
		pango_attr_iterator_range(it, &a, &b);
		PangoAttribute *w = pango_attr_iterator_get(it, PANGO_ATTR_WEIGHT);
		PangoAttribute *s = pango_attr_iterator_get(it, PANGO_ATTR_STYLE);
		if (w && ((PangoAttrInt *)w)->value == PANGO_WEIGHT_BOLD)
			bold_at = a * 100 + b;
		if (s && ((PangoAttrInt *)s)->value == PANGO_STYLE_ITALIC)
			italic_at = a * 100 + b;
	} while (pango_attr_iterator_next(it));
	assert_int_equal(bold_at, 3 * 100 + 5);
	assert_int_equal(italic_at, 6 * 100 + 8);
	pango_attr_iterator_destroy(it);
	pango_attr_list_unref(attrs);
	g_free(text);
	free(m);
}

static void test_quoted_nests_quotes(void **state)
{
	(void)state;
	char *q = typo_quoted("Iedereen zegt: \u201cWij voeren uit\u201d, of <i>niet</i>.");
	assert_string_equal(
		q, "\u201cIedereen zegt: \u2018Wij voeren uit\u2019, of <i>niet</i>.\u201d");
	free(q);
	q = typo_quoted("");
	assert_string_equal(q, "\u201c\u201d");
	free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_double_quotes),
		cmocka_unit_test(test_apostrophes),
		cmocka_unit_test(test_dashes_and_ranges),
		cmocka_unit_test(test_ellipsis),
		cmocka_unit_test(test_typographic_text_is_left_alone),
		cmocka_unit_test(test_other_languages_keep_straight_quotes),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_quotes_across_runs),
		cmocka_unit_test(test_paragraphs_and_spaces),
		cmocka_unit_test(test_tie_last_word),
		cmocka_unit_test(test_hyphenation_in_markup),
		cmocka_unit_test(test_null_options),
		cmocka_unit_test(test_pango_accepts_everything),
		cmocka_unit_test(test_pango_reads_back_the_text),
		cmocka_unit_test(test_pango_sees_the_styles),
		cmocka_unit_test(test_quoted_nests_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
