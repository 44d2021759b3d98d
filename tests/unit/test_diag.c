/* test_diag.c - a worker's recorded messages, reported by its parent (diag_replay), print and
 * count as if they had been reported to the parent itself: cap, "more not shown", warnings
 * said once, file errors, messages without a file, text that must be escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

typedef struct {
	enum diag_msg m;
	const char *file;
	int line, col;
	const char *a, *b; /* the format's arguments (extra ones are ignored) */
	int count;         /* > 0: diag_count(m, count) instead of a message */
} op;

#define AT(msg, f, l, c, x, y)                                                                     \
	{                                                                                          \
		.m = msg, .file = f, .line = l, .col = c, .a = x, .b = y                           \
	}

static void apply(struct diag *d, const op *ops, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ops[i].count)
			diag_count(d, ops[i].m, ops[i].count);
		else
			diag(d, ops[i].m, ops[i].file, ops[i].line, ops[i].col, ops[i].a, ops[i].b);
	}
}

typedef struct {
	char *text;
	size_t len;
	struct diag d;
} printed;

/* `before` errors, then ops: in a (directly) reported to one diag; in b recorded by a
 * worker's diag and replayed into the parent's. Both end with diag_flush. */
static void run_both(int before, const op *ops, size_t n, printed *a, printed *b)
{
	FILE *fa = open_memstream(&a->text, &a->len), *fb = open_memstream(&b->text, &b->len);
	assert_non_null(fa);
	assert_non_null(fb);
	diag_init(&a->d, fa);
	diag_init(&b->d, fb);
	for (int i = 0; i < before; i++) {
		diag(&a->d, M_YAML, "deck.yaml", i + 1, 3, "before");
		diag(&b->d, M_YAML, "deck.yaml", i + 1, 3, "before");
	}
	apply(&a->d, ops, n);
	FILE *rec = tmpfile();
	assert_non_null(rec);
	struct diag w;
	diag_init(&w, rec);
	w.record = rec;
	apply(&w, ops, n);
	assert_int_equal(fflush(rec), 0);
	assert_int_equal(diag_replay(&b->d, rec), 0);
	fclose(rec);
	diag_flush(&a->d, "deck.yaml");
	diag_flush(&b->d, "deck.yaml");
	fclose(fa);
	fclose(fb);
	assert_string_equal(a->text, b->text);
	assert_int_equal(a->d.nerrors, b->d.nerrors);
	assert_int_equal(a->d.nwarnings, b->d.nwarnings);
	assert_int_equal(a->d.nio, b->d.nio);
	assert_int_equal(a->d.last, b->d.last);
}

static size_t lines_with(const char *text, const char *what)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void test_replay_prints_as_reported(void **state)
{
	(void)state;
	const op ops[] = {
		AT(M_YAML, "deck.yaml", 4, 7, "a tab\there, a newline\nand an escape \x1b[31m",
		   NULL),
		AT(M_UNUSED, "deck.yaml", 9, 5, "category", "unused"),
		AT(M_UNUSED, "deck.yaml", 9, 5, "category", "unused"), /* said once */
		AT(M_IO_OPEN, "pics/a.png", 0, 0, "No such file or directory", NULL),
		AT(M_USAGE, NULL, 0, 0, "a message without a file", NULL),
	};
	printed a, b;
	run_both(0, ops, sizeof ops / sizeof *ops, &a, &b);
	assert_int_equal(b.d.nerrors, 3);
	assert_int_equal(b.d.nwarnings, 1);
	assert_int_equal(b.d.nio, 1);
	assert_non_null(strstr(b.text, "deck.yaml:4:7: error: YAML syntax error: a tab\\x09here, "
				       "a newline\\x0aand an escape \\x1b[31m\n"));
	assert_int_equal(lines_with(b.text, "category 'unused' is not used"), 1);
	assert_non_null(strstr(b.text, "pics/a.png: error: cannot open: No such file"));
	assert_non_null(strstr(b.text, "deckpress: error: a message without a file\n"
				       "deckpress: note: run 'deckpress --help' for usage\n"));
	free(a.text);
	free(b.text);
}

/* The parent had 45 errors: of the worker's 10, 5 are printed and 5 counted. */
static void test_replay_meets_the_cap(void **state)
{
	(void)state;
	op ops[10];
	for (int i = 0; i < 10; i++)
		ops[i] = (op)AT(M_YAML, "deck.yaml", 100 + i, 1, "in the worker", NULL);
	printed a, b;
	run_both(45, ops, 10, &a, &b);
	assert_int_equal(b.d.nerrors, 55);
	assert_int_equal(lines_with(b.text, "in the worker"), 5);
	assert_non_null(strstr(b.text, "deck.yaml: note: 5 more errors not shown"));
	free(a.text);
	free(b.text);
}

/* The worker itself reached the cap: what it counted (diag_count too) is counted. */
static void test_replay_of_a_capped_worker(void **state)
{
	(void)state;
	op ops[62];
	for (int i = 0; i < 60; i++)
		ops[i] = (op)AT(M_IO_OPEN, "deck.yaml", i + 1, 1, "gone", NULL);
	ops[60] = (op){.m = M_FIT, .count = 7};
	ops[61] = (op)AT(M_UNUSED, "deck.yaml", 2, 2, "source", "s"); /* warnings still said */
	printed a, b;
	run_both(0, ops, 62, &a, &b);
	assert_int_equal(b.d.nerrors, 67);
	assert_int_equal(b.d.nio, 60);
	assert_int_equal(b.d.nwarnings, 1);
	assert_int_equal(lines_with(b.text, "cannot open: gone"), 50);
	assert_non_null(strstr(b.text, "17 more errors not shown"));
	free(a.text);
	free(b.text);
}

/* The worker's first warning is the one the parent said last: said once. */
static void test_replay_warning_said_once_across(void **state)
{
	(void)state;
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	struct diag d;
	diag_init(&d, f);
	diag(&d, M_UNUSED, "deck.yaml", 3, 5, "category", "c1");
	FILE *rec = tmpfile();
	struct diag w;
	diag_init(&w, rec);
	w.record = rec;
	diag(&w, M_UNUSED, "deck.yaml", 3, 5, "category", "c1");
	diag(&w, M_UNUSED, "deck.yaml", 4, 5, "category", "c2");
	fflush(rec);
	assert_int_equal(diag_replay(&d, rec), 0);
	fclose(rec);
	fclose(f);
	assert_int_equal(d.nwarnings, 2);
	assert_int_equal(lines_with(text, "'c1'"), 1);
	assert_int_equal(lines_with(text, "'c2'"), 1);
	free(text);
}

/* A damaged record (a worker that died while writing): nothing is reported. */
static void test_replay_of_damaged_records(void **state)
{
	(void)state;
	static const char *damaged[] = {
		"M 3 1 1 9 4\ndeck.yaml",      /* ends inside the record */
		"M 3 1 1 9 4\ndeck.yamlabcdX", /* no newline after it */
		"X 1 2\n",                     /* no such record */
		"M 99999 1 1 -1 -1\n\n",       /* no such message */
		"C 3 0\n",                     /* counts nothing */
	};
	for (size_t i = 0; i < sizeof damaged / sizeof *damaged; i++) {
		char *text;
		size_t len;
		FILE *f = open_memstream(&text, &len);
		struct diag d;
		diag_init(&d, f);
		FILE *rec = tmpfile();
		fputs("M 3 1 1 9 4\ndeck.yamlgood\n", rec); /* a good record first */
		fputs(damaged[i], rec);
		fflush(rec);
		assert_int_equal(diag_replay(&d, rec), -1);
		fclose(rec);
		fclose(f);
		assert_int_equal(len, 0);
		assert_int_equal(d.nerrors, 0);
		free(text);
	}
}

/* A silent diag counts, and prints, records and logs nothing (DECKPRESS_MSG_LOG). */
static void test_silent_counts_only(void **state)
{
	(void)state;
	char log[64];
	snprintf(log, sizeof log, "/tmp/test_diag.%ld.log", (long)getpid());
	setenv("DECKPRESS_MSG_LOG", log, 1);
	diag_log_reset();
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	struct diag d;
	diag_init(&d, f);
	d.silent = true;
	d.max_errors = 0;
	diag(&d, M_GLYPH, "deck.yaml", 3, 4, "card 'A'", "U+2603 SNOWMAN", "x");
	diag(&d, M_UNUSED, "deck.yaml", 5, 6, "category", "c1");
	diag_count(&d, M_FIT, 2);
	fclose(f);
	assert_int_equal(len, 0);
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(d.nwarnings, 1);
	diag(&(struct diag){.out = stderr, .max_errors = 0}, M_YAML, "x", 1, 1, "counted");
	diag_log_exit(1);
	unsetenv("DECKPRESS_MSG_LOG");
	char line[256] = "";
	FILE *l = fopen(log, "r");
	assert_non_null(l);
	assert_non_null(fgets(line, sizeof line, l));
	fclose(l);
	unlink(log);
	assert_string_equal(line, "1 M_YAML\n"); /* the loud diag's error only */
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_prints_as_reported),
		cmocka_unit_test(test_replay_meets_the_cap),
		cmocka_unit_test(test_replay_of_a_capped_worker),
		cmocka_unit_test(test_replay_warning_said_once_across),
		cmocka_unit_test(test_replay_of_damaged_records),
		cmocka_unit_test(test_silent_counts_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
