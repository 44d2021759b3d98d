/* cmd_tables.c - deckpress --dump=tables (not in --help): the loader's own tables as JSON, from
 * which tests/e2e/schema.sh makes the cases that the JSON schemas must accept and reject. */
#include <stdio.h>

#include "card_fields.h"
#include "commands.h"
#include "deck_load.h"
#include "print_setup.h"

static void list(FILE *out, const char *const *v)
{
	fputc('[', out);
	for (size_t i = 0; v && v[i]; i++)
		fprintf(out, "%s\"%s\"", i ? ", " : "", v[i]);
	fputc(']', out);
}

static void types(FILE *out, unsigned mask)
{
	const char *names[CARD_NTYPES + 1] = {0};
	size_t n = 0;
	for (int t = 0; t < CARD_NTYPES; t++)
		if (mask & (1u << t))
			names[n++] = card_type_name((card_type)t);
	list(out, names);
}

static void card_table(FILE *out)
{
	static const char *const kinds[] = {"id",    "type", "text", "texts",
					    "plain", "ref",  "words", "file"};
	_Static_assert(sizeof kinds / sizeof *kinds == CF_FILE + 1, "a name for every kind");
	fputs("  \"card_fields\": [\n", out);
	for (const card_field *f = card_fields; f->key; f++) {
		fprintf(out, "    {\"key\": \"%s\", \"kind\": \"%s\", \"types\": ", f->key, kinds[f->kind]);
		types(out, f->types);
		fputs(", \"required\": ", out);
		types(out, f->required);
		fprintf(out, "}%s\n", f[1].key ? "," : "");
	}
	fputs("  ],\n", out);
}

static void print_table(FILE *out)
{
	const char *const *keys = print_setup_keys();
	fputs("  \"print\": {\n", out);
	for (size_t i = 0; keys[i]; i++) {
		double min, max;
		fprintf(out, "    \"%s\": {\"names\": ", keys[i]);
		list(out, print_setup_names(keys[i]));
		if (print_setup_range(keys[i], &min, &max))
			fprintf(out, ", \"min\": %g, \"max\": %g", min, max);
		fprintf(out, "}%s\n", keys[i + 1] ? "," : "");
	}
	fputs("  },\n", out);
}

int dump_tables(FILE *out)
{
	const char *typenames[CARD_NTYPES + 1] = {0};
	for (int t = 0; t < CARD_NTYPES; t++)
		typenames[t] = card_type_name((card_type)t);
	fputs("{\n  \"card_types\": ", out);
	list(out, typenames);
	fputs(",\n", out);
	card_table(out);
	print_table(out);
	fputs("  \"fit\": ", out);
	list(out, fit_mode_names);
	fputs(",\n  \"layout\": ", out);
	list(out, layout_names);
	fputs(",\n  \"numbering\": ", out);
	list(out, numbering_names);
	fputs("\n}\n", out);
	return EXIT_OK;
}
