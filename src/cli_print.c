/* cli_print.c - print options from the command line, by the same parser as the deck's. */
#include "cli_print.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "util.h"

static const char *const keys[] = {"size",  "sheet",    "bleed", "safe",        "margin", "duplex",
				   "backs", "no-backs", "marks", "back-offset", "pdfx"};

void cli_print_add(cli_print *cp, int c, const char *arg)
{
	int k = c - CLI_PRINT_FIRST;
	if (cp->n == sizeof cp->v / sizeof cp->v[0] || k < 0 ||
	    k >= (int)(sizeof keys / sizeof *keys))
		return;
	if (k == 6 || k == 7) /* --backs / --no-backs */
		cp->v[cp->n++].key = "backs", cp->v[cp->n - 1].value = k == 6 ? "yes" : "no";
	else if (k == 10 && !arg) /* --pdfx alone */
		cp->v[cp->n].key = keys[k], cp->v[cp->n++].value = "x4";
	else
		cp->v[cp->n].key = keys[k], cp->v[cp->n++].value = arg;
}

int cli_print_apply(const cli_print *cp, print_setup *p)
{
	for (size_t i = 0; i < cp->n; i++) {
		char *err = print_setup_apply(p, cp->v[i].key, cp->v[i].value);
		if (err) {
			usage_error("--%s: %s", cp->v[i].key, err);
			free(err);
			return EXIT_USAGE;
		}
	}
	return 0;
}

color_profile *cli_print_profile(const char *icc, struct diag *d, int *rc)
{
	char *err = NULL;
	bool unreadable = false;
	color_profile *p = color_profile_open(icc, &err, &unreadable);
	*rc = 0;
	if (!p) {
		char *msg = xasprintf("--icc: %s", err);
		diag(d, unreadable ? M_ICC_READ : M_ICC, NULL, 0, 0, msg);
		free(msg);
		free(err);
		*rc = unreadable ? EXIT_IO : EXIT_USAGE;
	}
	return p;
}
