/* cmd_import.c - deckpress import: a deck from a spreadsheet of cards. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_input.h"
#include "commands.h"
#include "deck_check.h"
#include "deck_csv.h"
#include "deck_load.h"
#include "input.h"
#include "load_fields.h"
#include "yaml_write.h"

void cmd_import_help(FILE *out)
{
	fputs("Usage: deckpress import CARDS.csv [--base DECK] -o NEW.yaml [OPTIONS]\n"
	      "Make a deck from a spreadsheet saved as CSV or TSV (UTF-8; separated by commas,\n"
	      "semicolons or tabs): a row per card, a column per card key as 'deckpress export'\n"
	      "writes them (text.en for a translation, one list item per line of a cell). With\n"
	      "--base, the new deck keeps that deck's settings, sources, categories and booklet\n"
	      "and takes its cards from the spreadsheet; a column in a new language (text.de)\n"
	      "adds the language. Every problem is reported as CARDS.csv:ROW:COLUMN. Nothing is\n"
	      "written unless the new deck passes 'deckpress check --no-fit'.\n\n"
	      "Options:\n"
	      "  -o, --output FILE  the deck to write (required)\n"
	      "  -b, --base DECK    the deck whose settings, sources and categories to keep\n"
	      "  -l, --lang CODE    without --base: the language of the plain columns (default "
	      "nl)\n"
	      "  -q, --quiet        print nothing on success\n"
	      "  -h, --help         show this help\n",
	      out);
	cli_input_help_end(out);
}

typedef struct {
	const char *csv, *base, *lang, *out;
	bool quiet;
} import_opts;

static int parse(int argc, char **argv, import_opts *o)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"base", required_argument, NULL, 'b'},
					     {"lang", required_argument, NULL, 'l'},
					     {"quiet", no_argument, NULL, 'q'},
					     {"help", no_argument, NULL, 'h'},
					     CLI_INPUT_OPTIONS,
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:b:l:qh", opts, NULL)) != -1) {
		if (c == 'o')
			o->out = optarg;
		else if (c == 'b')
			o->base = optarg;
		else if (c == 'l')
			o->lang = optarg;
		else if (c == 'q')
			o->quiet = true;
		else if (c == 'h') {
			cmd_import_help(stdout);
			return -1;
		} else if (cli_input_rest("import", c, optarg, argv)) {
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !o->out) {
		usage_error("'import' needs one spreadsheet and -o NEW.yaml");
		usage_note("for example: deckpress import cards.csv --base deck.yaml -o new.yaml");
		return EXIT_USAGE;
	}
	if (o->base && o->lang) {
		return usage_error("--lang is for a deck without --base; the base deck's "
				   "language is used");
	}
	if (o->lang && !valid_lang(o->lang)) {
		return usage_error("--lang: '%s' is not a language code like nl or en", o->lang);
	}
	o->csv = argv[optind];
	return 0;
}

/* The base deck, checked; its own problems are not the spreadsheet's: they are reported as
 * one line that says how to see them. */
static deck *open_base(const char *path, struct diag *d)
{
	FILE *null = fopen("/dev/null", "w");
	struct diag quiet;
	diag_init(&quiet, null ? null : stderr);
	deck *dk = deck_open(path, &quiet);
	if (null)
		fclose(null);
	if (!dk)
		diag(d, quiet.nio ? M_IO_OPEN : M_IMPORT_BASE, path, 0, 0,
		     quiet.nio ? "the base deck cannot be read" : path);
	return dk;
}

/* "cards" for cards.csv: the title of a deck made without a base. */
static char *title_from(const char *csv)
{
	char *copy = xstrdup(csv), *name = xstrdup(basename(copy));
	char *dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = '\0';
	free(copy);
	return name;
}

/* The new deck: the base (or the defaults) with the spreadsheet's cards and languages. A
 * shallow copy: it borrows from base and cards, which outlive it. */
static deck combined(const deck *base, deck *cards, const char *csv)
{
	deck dk = base ? *base : *cards;
	dk.cards = cards->cards;
	dk.ncards = cards->ncards;
	dk.languages = cards->languages;
	dk.nlanguages = cards->nlanguages;
	dk.parts = NULL, dk.nparts = 0;
	if (!base) { /* the file's name as the title, in every language: change it later */
		tr_entry *t = arena_alloc(cards->mem, dk.nlanguages * sizeof *t);
		char *title = title_from(csv);
		for (size_t i = 0; i < dk.nlanguages; i++)
			t[i] = (tr_entry){dk.languages[i], arena_strdup(cards->mem, title), {0, 0}};
		free(title);
		dk.title = (mtext){t, dk.nlanguages, {0, 0}};
	}
	return dk;
}

/* True when the file `rel` (relative to the file `origin`) is outside root. */
static bool outside(const char *rel, const char *origin, const char *root)
{
	char *path = input_beside(origin, rel);
	input_result r = {0};
	input_probe(path, root, &r);
	free(r.why);
	free(path);
	return r.status == IN_OUTSIDE;
}

/* A file the new deck names (an icon, an image, a font), as `what`: false after reporting
 * that it would be outside out_dir. */
static bool file_reachable(const deck *dk, const file_ref *f, const char *what,
			  const char *out_dir, struct diag *d)
{
	const char *origin = f->origin ? f->origin : dk->path;
	if (!f->path || !outside(f->path, origin, out_dir))
		return true;
	diag(d, M_IMPORT_FILE_OUTSIDE, origin, f->pos.line, f->pos.col, what, f->path, out_dir);
	return false;
}

/* Every file the new deck names must stay readable from its folder: deckpress reads only
 * files in a deck's own folder (or one allowed with --allow-read). */
static int files_reachable(const deck *dk, const char *out_dir, struct diag *d)
{
	int rc = 0;
	for (size_t i = 0; i < dk->nsources; i++) {
		const source *s = &dk->sources[i];
		if (s->file && outside(s->file, s->origin, out_dir)) {
			diag(d, M_IMPORT_OUTSIDE, s->origin, s->pos.line, s->pos.col, s->id,
			     s->file, out_dir);
			rc = EXIT_DECK;
		}
	}
	bool ok = true;
	for (size_t i = 0; i < dk->ncategories; i++)
		ok &= file_reachable(dk, &dk->categories[i].icon, "icon", out_dir, d);
	for (size_t i = 0; i < dk->ncards; i++)
		ok &= file_reachable(dk, &dk->cards[i].image, "image", out_dir, d);
	for (size_t i = 0; i < dk->theme.nfonts; i++)
		ok &= file_reachable(dk, &dk->theme.fonts[i], "font", out_dir, d);
	return ok ? rc : EXIT_DECK;
}

/* Writes the deck to o->out through a temporary file that must load back without errors
 * before it replaces anything. */
static int write_deck(const import_opts *o, const deck *dk, const deck *base, struct diag *d)
{
	const char *inputs[2] = {o->csv, o->base};
	char *err = NULL, *real = output_path(o->out, inputs, base ? 2 : 1, &err);
	if (!real) {
		diag(d, M_OUTPUT, o->out, 0, 0, err);
		free(err);
		return EXIT_IO;
	}
	char *dir_copy = xstrdup(real);
	char *root = input_root_of(real);
	if (files_reachable(dk, root ? root : dirname(dir_copy), d)) {
		free(root);
		free(dir_copy);
		free(real);
		return EXIT_DECK;
	}
	free(root);
	char *header = xasprintf("Made by 'deckpress import' from %s%s%s.", o->csv,
				 base ? " with the settings of " : "", base ? o->base : "");
	strbuf b = {0};
	yaml_write_deck(&b, dk, dirname(dir_copy), header);
	atomic_file f;
	atomic_begin(&f, real);
	int rc = 0;
	if (atomic_write(&f, b.s, b.len) != 0) {
		diag(d, M_IO_WRITE, o->out, 0, 0, strerror(errno));
		rc = EXIT_IO;
	} else {
		FILE *null = fopen("/dev/null", "w");
		struct diag quiet;
		diag_init(&quiet, null ? null : stderr);
		deck *back = deck_open(f.tmp, &quiet);
		if (null)
			fclose(null);
		if (!back) {
			diag(d, M_IMPORT_SELFCHECK, o->out, 0, 0);
			rc = EXIT_DECK;
		}
		deck_free(back);
	}
	if (rc == 0 && atomic_commit(&f) != 0) {
		diag(d, M_IO_WRITE, o->out, 0, 0, strerror(errno));
		rc = EXIT_IO;
	}
	atomic_abort(&f);
	strbuf_free(&b);
	free(header);
	free(dir_copy);
	free(real);
	return rc;
}

static int run(const import_opts *o, struct diag *d)
{
	deck *base = o->base ? open_base(o->base, d) : NULL;
	if (o->base && !base)
		return EXIT_DECK;
	csv_table t;
	int rc = csv_read(o->csv, d, &t) ? (d->nio ? EXIT_IO : EXIT_DECK) : 0;
	const char *language = base ? base->language : o->lang ? o->lang : "nl";
	lang_list langs = {0};
	for (size_t i = 0; base && i < base->nlanguages; i++) {
		langs.v = xrealloc(langs.v, (langs.n + 1) * sizeof(char *));
		langs.v[langs.n++] = base->languages[i];
	}
	if (!base) {
		langs.v = xmalloc(sizeof(char *));
		langs.v[langs.n++] = language;
	}
	arena *mem = arena_new();
	ynode *list = rc == 0 ? deck_csv_cards(&t, o->csv, language, &langs, mem, d) : NULL;
	deck *cards =
		list ? deck_load_cards(o->csv, list, mem, language, langs.v, langs.n, d) : NULL;
	if (!cards)
		arena_free(mem);
	if (cards) {
		deck dk = combined(base, cards, o->csv);
		deck_check(&dk, d);
		rc = d->nerrors ? EXIT_DECK : write_deck(o, &dk, base, d);
		if (rc == 0 && !o->quiet)
			printf("%s: %zu card%s from %s in %zu language%s%s%s\n", o->out, dk.ncards,
			       dk.ncards == 1 ? "" : "s", o->csv, dk.nlanguages,
			       dk.nlanguages == 1 ? "" : "s", base ? ", settings from " : "",
			       base ? o->base : "");
	}
	diag_flush(d, o->csv);
	deck_free(cards);
	free(langs.v);
	csv_free(&t);
	deck_free(base);
	return rc ? rc : d->nerrors ? EXIT_DECK : 0;
}

int cmd_import(int argc, char **argv)
{
	import_opts o = {0};
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	struct diag d;
	diag_init(&d, stderr);
	return diag_exit(&d, run(&o, &d));
}
