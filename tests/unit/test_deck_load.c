/* test_deck_load.c - the loader builds the right model and reports problems where they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deck_load.h"
#include "quote_verify.h"
#include "teams.h"

/* Load YAML text from a temporary file; messages go to *msgs (caller frees). */
static deck *load_text(const char *yaml, struct diag *d, char **msgs, size_t *len)
{
	char path[] = "/tmp/deckpress-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, yaml, strlen(yaml)), (ssize_t)strlen(yaml));
	close(fd);
	FILE *out = open_memstream(msgs, len);
	diag_init(d, out);
	deck *dk = deck_open(path, d);
	fclose(out);
	unlink(path);
	return dk;
}

static void test_example_model(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, stderr);
	deck *dk = deck_open("decks/example.yaml", &d);
	assert_non_null(dk);
	assert_int_equal(d.nerrors, 0);
	assert_string_equal(dk->language, "nl");
	assert_int_equal(dk->nlanguages, 2);
	assert_string_equal(dk->languages[0], "nl");
	assert_string_equal(mtext_get(&dk->title, "en", dk->language), "Seeing the customer");
	assert_string_equal(mtext_get(&dk->title, "fr", dk->language), "De klant zien");
	assert_int_equal(dk->ncards, 4);
	const card *q = &dk->cards[0];
	assert_int_equal(q->type, CARD_QUOTE);
	assert_string_equal(dk->sources[q->source].id, "shifting-worlds");
	assert_string_equal(dk->sources[q->source].file, "example-quote.txt");
	assert_null(dk->sources[q->source].url); /* only as a comment: no address to give */
	assert_string_equal(dk->categories[q->category].id, "customer");
	assert_int_equal(dk->categories[q->category].color, 0x2f5d8a);
	assert_int_equal(q->ntags, 2);
	assert_string_equal(mtext_get(&q->section, "en", dk->language), "A twofold view");
	assert_null(q->page);
	assert_int_equal(q->pos.line, 35);
	assert_int_equal(q->pos.col, 5);
	const card *c = &dk->cards[1];
	assert_int_equal(c->type, CARD_CASE);
	assert_string_equal(mtext_get(&c->title, "nl", "en"), "De dorpswinkel");
	assert_int_equal(dk->cards[2].nfollowups, 2);
	assert_true(strstr(mtext_get(&dk->cards[2].text, "en", "en"), "<i>surprise</i>"));
	assert_true(dk->theme.size_min[CARD_CASE] == 7.5);
	assert_int_equal(dk->theme.fit[CARD_QUOTE], FIT_UNIFORM);
	assert_int_equal(dk->nprint, 9);
	assert_string_equal(dk->print[0].key, "size");
	assert_string_equal(dk->print[0].value, "poker");
	assert_int_equal(dk->nhyphenation, 2);
	assert_string_equal(dk->hyphenation[0].lang, "nl");
	assert_int_equal(dk->booklet.nguide, 1);
	assert_int_equal(dk->booklet.notes_pages, 1);
	deck_free(dk);
}

static void test_defaults(void **state)
{
	(void)state;
	struct diag d;
	char *msgs;
	size_t len;
	deck *dk = load_text("deck: {title: T}\ncards:\n  - {id: a, type: question, text: Why?}\n",
			     &d, &msgs, &len);
	assert_non_null(dk);
	assert_string_equal(msgs, "");
	assert_string_equal(dk->language, "nl");
	assert_int_equal(dk->nlanguages, 1);
	assert_string_equal(dk->theme.font_serif, "Yrsa");
	assert_true(dk->theme.size_max[CARD_QUESTION] > dk->theme.size_min[CARD_QUESTION]);
	assert_int_equal(dk->cards[0].category, -1);
	deck_free(dk);
	free(msgs);
}

static void test_unknown_key_suggestion(void **state)
{
	(void)state;
	struct diag d;
	char *msgs;
	size_t len;
	deck *dk = load_text("deck:\n  titel: T\ncards:\n  - {id: a, type: question, text: Why?}\n",
			     &d, &msgs, &len);
	assert_null(dk);
	assert_int_equal(d.nerrors, 2); /* the unknown key and the missing title */
	assert_non_null(
		strstr(msgs, ":2:3: error: unknown key 'titel' in deck; did you mean 'title'?"));
	free(msgs);
}

static void test_all_errors_reported(void **state)
{
	(void)state;
	struct diag d;
	char *msgs;
	size_t len;
	deck *dk = load_text("deck: {title: T}\ncards:\n"
			     "  - {id: a, type: quiz, text: x}\n"
			     "  - {id: a, type: question}\n"
			     "  - {id: b, type: quote, text: y, source: nowhere}\n",
			     &d, &msgs, &len);
	assert_null(dk);
	assert_int_equal(d.nerrors, 4);
	assert_non_null(strstr(msgs, ":3:19: error: card 'a' has type 'quiz'"));
	assert_non_null(strstr(msgs, ":4:5: error: card 'a' has no 'text'"));
	assert_non_null(strstr(msgs, ":4:5: error: card id 'a' is used twice"));
	assert_non_null(strstr(msgs, "refers to source 'nowhere'"));
	free(msgs);
}

static void test_alias_refused(void **state)
{
	(void)state;
	struct diag d;
	char *msgs;
	size_t len;
	deck *dk = load_text("deck: {title: &x T}\ncards: [{id: a, type: question, text: *x}]\n",
			     &d, &msgs, &len);
	assert_null(dk);
	assert_int_equal(d.last, M_ALIAS);
	assert_non_null(strstr(msgs, ":1:15: error: YAML anchors"));
	free(msgs);
}

static void test_quote_verify(void **state)
{
	(void)state;
	quote_source *qs =
		quote_source_new("Ik had eindelijk een aanleiding.It\u2019s a small world\n"
				 "after all. \u201cDe-frienden\u201d ligt op de loer.");
	char *closest = NULL;
	assert_true(quote_source_find(qs, "It's a small   world after all.", &closest));
	assert_null(closest);
	assert_true(
		quote_source_find(qs, "\"De-frien\u00adden\" ligt <i>op</i> de loer.", &closest));
	assert_false(quote_source_find(qs, "Ik had eindelijk geen aanleiding.", &closest));
	assert_non_null(closest);
	assert_non_null(strstr(closest, "eindelijk een aanleiding"));
	free(closest);
	quote_source_free(qs);

	/* quotation marks around a quote are not its words (check warns about them); of windows
	 * sharing as many words with a quote, the one that starts with one of them */
	qs = quote_source_new("Hij keek op. Zij zei: het werkt. Dan gaan we door.");
	assert_true(quote_source_find(qs, "\"Zij zei: het werkt.\"", NULL));
	assert_true(quote_source_find(qs, "\u2018Zij zei: het werkt.\u2019", NULL));
	assert_false(quote_source_find(qs, "\"\"", NULL));
	assert_false(quote_source_find(qs, "Zij zei: het werkte.", &closest));
	assert_string_equal(closest, "Zij zei: het werkt.");
	free(closest);
	quote_source_free(qs);
}

static bool has(char **v, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], path))
			return true;
	return false;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Every file a deck is made of, each once: what 'watch' must watch. */
static void test_inputs(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, stderr);
	size_t n;
	deck *dk = deck_open("decks/workshop.yaml", &d);
	assert_non_null(dk);
	char **v = deck_inputs(dk, &n);
	assert_int_equal(n, 3);
	assert_true(has(v, n, "decks/workshop.yaml") && has(v, n, "decks/identiteit.yaml") &&
		    has(v, n, "decks/verbinding.yaml"));
	free_list(v, n);
	deck_free(dk);
	dk = deck_open("decks/example.yaml", &d);
	assert_non_null(dk);
	v = deck_inputs(dk, &n);
	assert_int_equal(n, 2); /* the deck and its source's excerpt */
	assert_true(has(v, n, "decks/example-quote.txt"));
	free_list(v, n);
	deck_free(dk);
	/* a team: the teams file's base deck, what that includes, sources, the logo */
	team_set ts;
	assert_int_equal(teams_load("tests/fuzz/root/teams.yaml", &d, &ts), 0);
	v = deck_inputs(ts.v[0].dk, &n);
	assert_true(has(v, n, "tests/fuzz/root/outer.yaml") && has(v, n, "tests/fuzz/root/part.yaml") &&
		    has(v, n, "tests/fuzz/root/source.txt") && has(v, n, "tests/fuzz/root/logo.png"));
	assert_int_equal(n, 4); /* the teams file itself is the caller's to watch */
	free_list(v, n);
	teams_free(&ts);
	/* icons and images, beside the included deck that names them, each once */
	dk = deck_open("tests/regress/layout/brand/icon.yaml", &d);
	assert_non_null(dk);
	v = deck_inputs(dk, &n);
	assert_true(has(v, n, "tests/regress/layout/brand/icons/eye.svg") &&
		    has(v, n, "tests/regress/layout/brand/icons/link.svg") &&
		    has(v, n, "tests/regress/layout/brand/icons/ask.svg") &&
		    has(v, n, "tests/regress/layout/brand/landscape.png") &&
		    has(v, n, "tests/regress/layout/brand/cards.yaml"));
	assert_int_equal(n, 6);
	free_list(v, n);
	deck_free(dk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_model),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_unknown_key_suggestion),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_alias_refused),
		cmocka_unit_test(test_quote_verify),
		cmocka_unit_test(test_inputs),
	};
	return cmocka_run_group_tests_name("deck_load", tests, NULL, NULL);
}
