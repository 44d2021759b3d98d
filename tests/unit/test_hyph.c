/* test_hyph.c - soft hyphens from the Debian nl and en dictionaries, exceptions, rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hyph.h"

#define DICT_DIR "/usr/share/hyphen"

/* hyph_text with each soft hyphen shown as '='; caller frees. */
static char *shown(const hyphenator *h, const char *text)
{
	char *s = hyph_text(h, text);
	char *w = s;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAD) {
			*w++ = '=';
			p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return s;
}

static void expect(const hyphenator *h, const char *in, const char *want)
{
	char *got = shown(h, in);
	assert_string_equal(got, want);
	free(got);
}

static hyphenator *must_new(const char *lang, const hyph_exception *exc, size_t n)
{
	char *err = NULL;
	hyphenator *h = hyph_new(lang, DICT_DIR, exc, n, &err);
	if (!h)
		fail_msg("hyph_new(%s): %s", lang, err);
	assert_null(err);
	return h;
}

static void test_dutch_words(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "gespreksvaardigheden", "ge=spreks=vaar=dig=he=den");
	expect(h, "verantwoordelijkheid", "ver=ant=woor=de=lijk=heid");
	expect(h, "kwaliteitsbewaking", "kwa=li=teits=be=wa=king");
	expect(h, "organisatie", "or=ga=ni=sa=tie");
	/* Punctuation and spacing around words survive exactly. */
	expect(h, "(organisatie),  verantwoordelijkheid!\n\nKlaar.",
	       "(or=ga=ni=sa=tie),  ver=ant=woor=de=lijk=heid!\n\nKlaar.");
	hyph_free(h);
}

/* Names and brands keep their shape ("Fa-cebook" on a card reads as a typo): a word that
 * starts with a capital is not broken, unless an exception gives its breaks. */
static void test_capitals_are_not_broken(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "Organisatie organisatie", "Organisatie or=ga=ni=sa=tie");
	expect(h, "ORGANISATIE Facebookpagina", "ORGANISATIE Facebookpagina");
	hyph_free(h);
	const hyph_exception exc[] = {{"nl", "or-ga-ni-sa-tie"}};
	h = must_new("nl", exc, 1);
	expect(h, "Organisatie ORGANISATIE", "Or=ga=ni=sa=tie OR=GA=NI=SA=TIE"); /* case kept */
	hyph_free(h);
	h = must_new("en", NULL, 0);
	expect(h, "Facebook facebooking", "Facebook face=book=ing");
	hyph_free(h);
}

static void test_no_break_before_trema_or_accent(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	/* The dictionary says co=ö=pe=ra=tie; Dutch would drop the trema at co-, so no. */
	expect(h, "coöperatie", "coö=pe=ra=tie");
	expect(h, "coöperatie", "coö=pe=ra=tie");
	/* fi=nan=ci=ë=le: the break before ë goes, and ë=le leaves only 2 letters. */
	expect(h, "financiële", "fi=nan=ciële");
	expect(h, "beëindigen", "beëin=di=gen");
	expect(h, "patiënten", "pa=tiën=ten");
	expect(h, "café", "café");                /* too short */
	expect(h, "caféterras", "ca=fé=ter=ras"); /* after é is fine, only before is not */
	hyph_free(h);
}

static void test_letters_outside_latin1_leave_a_dutch_word_alone(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "Łódźorganisatie organisatie", "Łódźorganisatie or=ga=ni=sa=tie");
	expect(h, "organisatieœ", "organisatieœ");
	hyph_free(h);
}

static void test_minimum_lengths(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "appel markt", "appel markt");     /* 5 letters: ap=pel in the dictionary */
	expect(h, "papier jullie", "papier jullie"); /* 6 letters: pa=pier, jul=lie */
	expect(h, "gehouden", "ge=hou=den");         /* 8 letters: the shortest broken */
	expect(h, "gewoonte", "ge=woonte");          /* ge=woon=te: 'te' is 2 letters */
	expect(h, "moeilijke", "moei=lijke");        /* moei=lij=ke */
	hyph_free(h);
}

static void test_english(void **state)
{
	(void)state;
	hyphenator *h = must_new("en", NULL, 0);
	expect(h, "hyphenation", "hy=phen=ation");
	expect(h, "responsibility", "re=spon=si=bil=ity");
	expect(h, "conversation", "con=ver=sa=tion");
	/* The apostrophe ends the letters; 's counts for nothing. */
	expect(h, "organization's", "or=ga=ni=za=tion's");
	expect(h, "paper record", "paper record");
	hyph_free(h);
	h = must_new("en-GB", NULL, 0); /* no hyph_en_GB.dic: falls back to hyph_en */
	expect(h, "hyphenation", "hy=phen=ation");
	hyph_free(h);
}

static void test_exceptions(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "zeeeend", "zeeeend"); /* the dictionary misses it */
	hyph_free(h);
	const hyph_exception exc[] = {
		{"nl", "zee-eend"},
		{"nl", "verantwoordelijk-heid"}, /* exactly these breaks, no others */
		{"en", "pa-per"},
		{"nl-BE", "papier-tje"},
		{"nl", "o-ma"}, /* an exception may break short words */
	};
	size_t n = sizeof(exc) / sizeof(exc[0]);
	h = must_new("nl", exc, n);
	expect(h, "zeeeend Zeeeend ZEEEEND", "zee=eend Zee=eend ZEE=EEND");
	expect(h, "verantwoordelijkheid", "verantwoordelijk=heid");
	expect(h, "paper", "paper");           /* English exception, Dutch text */
	expect(h, "papiertje", "pa=pier=tje"); /* nl-BE exception not for nl: dictionary */
	expect(h, "oma", "o=ma");
	expect(h, "zee-eend", "zee-eend"); /* written hyphen: left alone */
	hyph_free(h);
	h = must_new("nl-BE", exc, n);
	expect(h, "papiertje zeeeend", "papier=tje zee=eend"); /* both nl and nl-BE apply */
	hyph_free(h);
	h = must_new("en", exc, n);
	expect(h, "paper zeeeend", "pa=per zeeeend");
	hyph_free(h);
}

static void test_later_exception_wins(void **state)
{
	(void)state;
	const hyph_exception exc[] = {
		{"nl", "zee-eend"}, {"nl", "ze-e-eend"}, {NULL, "or-ganisatie"}};
	hyphenator *h = must_new("nl", exc, 3);
	expect(h, "zeeeend", "ze=e=eend");
	expect(h, "organisatie", "or=ganisatie"); /* no language: applies to all */
	hyph_free(h);
}

static void test_author_hyphens_win(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h,
	       "ver\xC2\xAD"
	       "antwoordelijkheid",
	       "ver=antwoordelijkheid");
	expect(h, "kwaliteits-bewaking", "kwaliteits-bewaking");
	expect(h, "kwaliteits\u2011bewaking", "kwaliteits\u2011bewaking");
	hyph_free(h);
}

static void test_digits_end_a_word(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "covid19pandemie", "covid19pan=de=mie");
	expect(h, "verantwoordelijkheid2024", "ver=ant=woor=de=lijk=heid2024");
	expect(h, "1234567890", "1234567890");
	hyph_free(h);
}

static void test_addresses_are_left_alone(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "zie https://organisatie.nl/verantwoordelijkheid of www.organisatie.nl",
	       "zie https://organisatie.nl/verantwoordelijkheid of www.organisatie.nl");
	expect(h, "mail organisatie@verantwoordelijkheid.nl",
	       "mail organisatie@verantwoordelijkheid.nl");
	hyph_free(h);
}

static void test_bad_bytes_survive(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	expect(h, "organisatie\xFF organisatie", "or=ga=ni=sa=tie\xFF or=ga=ni=sa=tie");
	expect(h, "", "");
	hyph_free(h);
}

static void test_no_dictionary(void **state)
{
	(void)state;
	char *err = NULL;
	assert_null(hyph_new("tlh", DICT_DIR, NULL, 0, &err));
	assert_non_null(strstr(err, "hyph_tlh"));
	free(err);
	err = NULL;
	assert_null(hyph_new("../../etc/passwd", DICT_DIR, NULL, 0, &err));
	assert_non_null(strstr(err, "not a language code"));
	free(err);
	err = NULL;
	assert_null(hyph_new("nl", "/nonexistent", NULL, 0, &err));
	assert_non_null(strstr(err, "/nonexistent"));
	free(err);
}

/* A private dictionary directory, removed by rm_dir. */
static char *make_dir(void)
{
	char tmpl[] = "/tmp/deckpress-hyph-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static void rm_dir(char *dir, const char *const *names)
{
	for (; *names; names++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", dir, *names);
		unlink(path);
	}
	rmdir(dir);
	free(dir);
}

static void test_dictionary_choice_and_env(void **state)
{
	(void)state;
	char *dir = make_dir();
	char path[512];
	snprintf(path, sizeof(path), "%s/hyph_nl_XX.dic", dir);
	assert_int_equal(symlink(DICT_DIR "/hyph_nl_NL.dic", path), 0);
	char *err = NULL;
	setenv("DECKPRESS_HYPHEN_DIR", dir, 1);
	hyphenator *h = hyph_new("nl-BE", NULL, NULL, 0, &err); /* only hyph_nl_XX there */
	unsetenv("DECKPRESS_HYPHEN_DIR");
	assert_non_null(h);
	assert_string_equal(hyph_dict_path(h), path);
	expect(h, "organisatie", "or=ga=ni=sa=tie");
	hyph_free(h);
	/* A region-specific file beats the generic one. */
	snprintf(path, sizeof(path), "%s/hyph_nl_BE.dic", dir);
	assert_int_equal(symlink(DICT_DIR "/hyph_nl_NL.dic", path), 0);
	h = hyph_new("nl_be", dir, NULL, 0, &err);
	assert_non_null(h);
	assert_string_equal(hyph_dict_path(h), path);
	hyph_free(h);
	const char *names[] = {"hyph_nl_XX.dic", "hyph_nl_BE.dic", NULL};
	rm_dir(dir, names);
}

static void test_unsupported_encoding(void **state)
{
	(void)state;
	char *dir = make_dir();
	char path[512];
	snprintf(path, sizeof(path), "%s/hyph_cs.dic", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("ISO8859-2\n1ba\n", f);
	fclose(f);
	char *err = NULL;
	assert_null(hyph_new("cs", dir, NULL, 0, &err));
	assert_non_null(strstr(err, "ISO8859-2"));
	free(err);
	const char *names[] = {"hyph_cs.dic", NULL};
	rm_dir(dir, names);
}

/* One hyphenator, many threads: each must get the single-threaded answer. */
struct job {
	const hyphenator *h;
	const char *text, *want;
	int bad;
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	for (int i = 0; i < 2000; i++) {
		char *s = hyph_text(j->h, j->text);
		j->bad += strcmp(s, j->want) != 0;
		free(s);
	}
	return NULL;
}

static void test_threads_share_a_hyphenator(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	const char *text = "Gespreksvaardigheden, verantwoordelijkheid en kwaliteitsbewaking in "
			   "een coöperatie.";
	char *want = hyph_text(h, text);
	struct job jobs[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){h, text, want, 0};
		assert_int_equal(pthread_create(&t[i], NULL, run_job, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(jobs[i].bad, 0);
	}
	free(want);
	hyph_free(h);
}

static void test_paragraph_last_word_whole(void **state)
{
	(void)state;
	hyphenator *h = must_new("nl", NULL, 0);
	char *got = hyph_paragraphs(h, "organisatie organisatie\n\norganisatie organisatie");
	assert_string_equal(got, "or\u00adga\u00adni\u00adsa\u00adtie organisatie\n\n"
				 "or\u00adga\u00adni\u00adsa\u00adtie organisatie");
	free(got);
	hyph_free(h);
}

static void test_no_break_inside_f_ligatures(void **state)
{
	(void)state;
	hyphenator *h = must_new("en", NULL, 0);
	char *got = hyph_text(h, "differently shifting officially");
	assert_null(strstr(got, "f\u00ad"));    /* ff, fi, fl, ft are one glyph in the fonts */
	assert_non_null(strstr(got, "\u00ad")); /* but the words still break elsewhere */
	free(got);
	hyph_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraph_last_word_whole),
		cmocka_unit_test(test_no_break_inside_f_ligatures),
		cmocka_unit_test(test_dutch_words),
		cmocka_unit_test(test_capitals_are_not_broken),
		cmocka_unit_test(test_no_break_before_trema_or_accent),
		cmocka_unit_test(test_letters_outside_latin1_leave_a_dutch_word_alone),
		cmocka_unit_test(test_minimum_lengths),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_later_exception_wins),
		cmocka_unit_test(test_author_hyphens_win),
		cmocka_unit_test(test_digits_end_a_word),
		cmocka_unit_test(test_addresses_are_left_alone),
		cmocka_unit_test(test_bad_bytes_survive),
		cmocka_unit_test(test_no_dictionary),
		cmocka_unit_test(test_dictionary_choice_and_env),
		cmocka_unit_test(test_unsupported_encoding),
		cmocka_unit_test(test_threads_share_a_hyphenator),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
