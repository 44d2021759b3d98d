/* cmd_init.c - deckpress init: a starter project that checks and builds as it is. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "diag.h"
#include "paths.h"
#include "templates.h"
#include "util.h"

void cmd_init_help(FILE *out)
{
	fputs("Usage: deckpress init DIR [--lang nl|en]\n"
	      "Start a project in DIR (created if missing; an existing DIR must be empty):\n"
	      "  deck.yaml   every card type, notes, two languages, and comments that explain\n"
	      "              each part; it passes 'deckpress check' and builds as it is\n"
	      "  teams.yaml  two teams made from deck.yaml, for 'deckpress build'\n"
	      "  README.md   the commands to check, print and build\n"
	      "Nothing is ever overwritten: each file is created only if it does not exist.\n\n"
	      "Options:\n"
	      "  -l, --lang CODE  nl (default) or en: the deck's original language and the\n"
	      "                   language of the comments; the other is its translation\n"
	      "  -h, --help       show this help\n\n",
	      out);
	print_exit_codes(out);
}

/* True if lang has a starter project. */
static bool known_lang(const char *lang)
{
	for (const template_file *t = templates; t->name; t++)
		if (!strcmp(t->lang, lang))
			return true;
	return false;
}

/* DIR made, or already there and empty; 0, or an exit code after saying why. */
static int make_dir(const char *dir, struct diag *d)
{
	if (mkdir(dir, 0777) == 0)
		return 0;
	if (errno != EEXIST) {
		diag(d, M_INIT_MKDIR, dir, 0, 0, strerror(errno));
		return EXIT_IO;
	}
	DIR *dp = opendir(dir);
	if (!dp && errno == ENOTDIR) {
		diag(d, M_INIT_NOT_DIR, dir, 0, 0);
		return EXIT_USAGE;
	}
	if (!dp) {
		diag(d, M_IO_OPEN, dir, 0, 0, strerror(errno));
		return EXIT_IO;
	}
	struct dirent *e;
	const char *first = NULL;
	while (!first && (e = readdir(dp)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			first = e->d_name;
	if (first)
		diag(d, M_INIT_NOT_EMPTY, dir, 0, 0, first);
	closedir(dp);
	return first ? EXIT_USAGE : 0;
}

/* text with @DECK_SCHEMA@ and @TEAMS_SCHEMA@ replaced by the schemas' absolute paths; a
 * line naming a schema that cannot be found is left out. Caller frees. */
static char *fill(const char *text, const char *deck_schema, const char *teams_schema)
{
	static const char *const names[] = {"@DECK_SCHEMA@", "@TEAMS_SCHEMA@"};
	const char *values[] = {deck_schema, teams_schema};
	strbuf b = {0};
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		char *copy = xstrndup(line, end ? (size_t)(end - line) + 1 : strlen(line));
		line += strlen(copy);
		int k = -1;
		for (int i = 0; i < 2 && k < 0; i++)
			if (strstr(copy, names[i]))
				k = i;
		if (k < 0) {
			strbuf_puts(&b, copy);
		} else if (values[k]) {
			char *at = strstr(copy, names[k]);
			strbuf_add(&b, copy, (size_t)(at - copy));
			strbuf_printf(&b, "%s%s", values[k], at + strlen(names[k]));
		}
		free(copy);
	}
	return strbuf_take(&b);
}

/* Writes dir/name as a new file: through a temporary file, then link(2), which fails
 * rather than replace a file that appeared meanwhile. */
static int write_new(const char *dir, const char *name, const char *text, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, name);
	atomic_file f;
	atomic_begin(&f, path);
	int rc = 0;
	if (atomic_write(&f, text, strlen(text)) != 0) {
		diag(d, M_IO_WRITE, path, 0, 0, strerror(errno));
		atomic_abort(&f);
		rc = EXIT_IO;
	} else if (atomic_commit_new(&f) != 0) {
		diag(d, errno == EEXIST ? M_INIT_EXISTS : M_IO_WRITE, path, 0, 0, strerror(errno));
		rc = errno == EEXIST ? EXIT_USAGE : EXIT_IO;
	}
	free(path);
	return rc;
}

static int write_project(const char *dir, const char *lang, struct diag *d)
{
	char *deck_schema = paths_schema("deck.schema.json");
	char *teams_schema = paths_schema("teams.schema.json");
	int rc = 0;
	for (const template_file *t = templates; t->name && rc == 0; t++) {
		if (strcmp(t->lang, lang))
			continue;
		char *text = fill(t->text, deck_schema, teams_schema);
		rc = write_new(dir, t->name, text, d);
		free(text);
	}
	free(deck_schema);
	free(teams_schema);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"lang", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'}, {0}};
	const char *lang = "nl";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:h", opts, NULL)) != -1) {
		if (c == 'l')
			lang = optarg;
		else if (c == 'h') {
			cmd_init_help(stdout);
			return EXIT_OK;
		} else {
			return bad_option("init", argv);
		}
	}
	if (optind != argc - 1) {
		usage_error("'init' needs one folder to create");
		usage_note("for example: deckpress init my-deck");
		return EXIT_USAGE;
	}
	if (!known_lang(lang)) {
		return usage_error("--lang: no starter project in '%s'; choose nl or en", lang);
	}
	const char *dir = argv[optind];
	struct diag d;
	diag_init(&d, stderr);
	int rc = make_dir(dir, &d);
	if (rc == 0)
		rc = write_project(dir, lang, &d);
	if (rc == 0)
		printf("%s: a new deck project (%s): deck.yaml, teams.yaml, README.md\n"
		       "Next: cd %s && deckpress check deck.yaml && deckpress cards deck.yaml -o "
		       "cards.pdf\n",
		       dir, lang, dir);
	return diag_exit(&d, rc);
}
