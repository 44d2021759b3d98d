/* test_util.c - arena, strbuf, number parsing, atomic files, edit distance; where a file a
 * deck names is seen from another folder (input_moved). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "util.h"

static void test_parse_double(void **state)
{
	(void)state;
	double v;
	assert_true(parse_double("3.5", &v));
	assert_true(v > 3.4999 && v < 3.5001);
	assert_true(parse_double("-2", &v));
	assert_true(v == -2);
	assert_false(parse_double("3,5", &v));
	assert_false(parse_double("", &v));
	assert_false(parse_double("1mm", &v));
}

static void test_strbuf(void **state)
{
	(void)state;
	strbuf b = {0};
	strbuf_puts(&b, "card ");
	strbuf_printf(&b, "%s-%02d", "Q", 7);
	strbuf_putc(&b, '!');
	char *s = strbuf_take(&b);
	assert_string_equal(s, "card Q-07!");
	free(s);
	s = strbuf_take(&b);
	assert_string_equal(s, "");
	free(s);
}

static void test_arena(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *first = arena_strdup(a, "first");
	for (int i = 0; i < 10000; i++)
		arena_alloc(a, 37);
	char *big = arena_alloc(a, 200000);
	big[199999] = 'x';
	assert_string_equal(first, "first");
	arena_free(a);
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("titel", "title"), 2);
	assert_int_equal(edit_distance("card", "cards"), 1);
	assert_int_equal(edit_distance("same", "same"), 0);
}

static void test_atomic(void **state)
{
	(void)state;
	char path[] = "/tmp/deckpress-atomic-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	write(fd, "old", 3);
	close(fd);
	atomic_file f;
	atomic_begin(&f, path);
	FILE *fp = fopen(f.tmp, "w");
	fputs("half", fp);
	fclose(fp);
	atomic_abort(&f);
	char buf[16] = {0};
	fp = fopen(path, "r");
	fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	assert_string_equal(buf, "old"); /* an aborted write leaves the old file */
	atomic_begin(&f, path);
	fp = fopen(f.tmp, "w");
	fputs("new", fp);
	fclose(fp);
	assert_int_equal(atomic_commit(&f), 0);
	fp = fopen(path, "r");
	memset(buf, 0, sizeof buf);
	fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	assert_string_equal(buf, "new");
	unlink(path);
}

/* A new file is created through its temporary file, and an existing one is never replaced. */
static void test_atomic_new(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/test_util_new.%ld", (long)getpid());
	unlink(path);
	atomic_file f;
	atomic_begin(&f, path);
	FILE *fp = fopen(f.tmp, "w");
	assert_non_null(fp);
	fputs("first", fp);
	fclose(fp);
	char tmp[128];
	snprintf(tmp, sizeof tmp, "%s", f.tmp);
	assert_int_equal(atomic_commit_new(&f), 0);
	assert_int_not_equal(access(tmp, F_OK), 0);
	atomic_begin(&f, path);
	fp = fopen(f.tmp, "w");
	fputs("second", fp);
	fclose(fp);
	snprintf(tmp, sizeof tmp, "%s", f.tmp);
	assert_int_equal(atomic_commit_new(&f), -1);
	assert_int_equal(errno, EEXIST);
	assert_int_not_equal(access(tmp, F_OK), 0);
	char buf[16] = {0};
	fp = fopen(path, "r");
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, "first");
	unlink(path);
}

static void moved_is(const char *file, const char *origin, const char *dir, const char *want)
{
	char *got = input_moved(file, origin, dir);
	assert_string_equal(got, want);
	free(got);
}

static void test_moved(void **state)
{
	(void)state;
	char root[64], sub[96], deep[128], other[96], deck[128], deck2[160];
	snprintf(root, sizeof root, "/tmp/test_util_moved.%ld", (long)getpid());
	snprintf(sub, sizeof sub, "%s/a", root);
	snprintf(deep, sizeof deep, "%s/a/b", root);
	snprintf(other, sizeof other, "%s/c", root);
	snprintf(deck, sizeof deck, "%s/a/deck.yaml", root);
	snprintf(deck2, sizeof deck2, "%s/a/b/sheet.csv", root);
	assert_int_equal(mkdir(root, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(mkdir(deep, 0700), 0);
	assert_int_equal(mkdir(other, 0700), 0);
	moved_is("x.png", deck, sub, "x.png");               /* the same folder */
	moved_is("icons/x.svg", deck, sub, "icons/x.svg");   /* below it */
	moved_is("x.png", deck, deep, "../x.png");           /* seen from a folder below */
	moved_is("b/x.png", deck, deep, "x.png");            /* folded, never "../b/x.png" */
	moved_is("../x.png", deck2, deep, "../x.png");       /* written with ".." */
	moved_is("../../c/x.png", deck2, sub, "../c/x.png"); /* a sibling folder */
	moved_is("x.png", deck, other, "../a/x.png");
	moved_is("./x.png", deck, sub, "x.png");
	moved_is("/abs/x.png", deck, other, "/abs/x.png"); /* absolute: as written */
	moved_is("x.png", deck, "/no/such/folder", "x.png"); /* unresolvable: as written */
	rmdir(deep);
	rmdir(sub);
	rmdir(other);
	rmdir(root);
}

/* Messages about a file in build's staging folder name it where it is published. */
static void test_diag_stage(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct diag d;
	diag_init(&d, out);
	d.stage = "out/.team.build.42", d.stage_as = "out/team";
	diag(&d, M_IO_WRITE, "out/.team.build.42/cards.pdf", 0, 0, "disk full");
	diag(&d, M_IO_WRITE, "out/.team.build.421/x.pdf", 0, 0, "disk full");
	diag(&d, M_IO_WRITE, "decks/x.yaml", 0, 0, "disk full");
	fclose(out);
	assert_string_equal(text, "out/team/cards.pdf: error: cannot write: disk full\n"
				  "out/.team.build.421/x.pdf: error: cannot write: disk full\n"
				  "decks/x.yaml: error: cannot write: disk full\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_double), cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_arena),        cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_atomic),       cmocka_unit_test(test_atomic_new),
		cmocka_unit_test(test_moved),        cmocka_unit_test(test_diag_stage),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
