/* commands.c - the command table and the exit-code text shared by every --help. */
#include "commands.h"

const command commands[] = {
	{"check", "DECK...", "check decks and report every problem with file:line:column",
	 cmd_check, cmd_check_help},
	{"booklet", "DECK -o OUT.pdf", "typeset the companion booklet: guide, notes, sources",
	 cmd_booklet, cmd_booklet_help},
	{"cards", "DECK -o OUT.pdf", "typeset the cards into a print-ready PDF", cmd_cards,
	 cmd_cards_help},
	{NULL, NULL, NULL, NULL, NULL},
};

void print_exit_codes(FILE *out)
{
	fputs("Exit status:\n"
	      "  0  success (warnings may have been printed)\n"
	      "  1  a deck has errors (each is printed as FILE:LINE:COLUMN: error: ...)\n"
	      "  2  usage error: unknown command or option, missing argument\n"
	      "  3  a file could not be read or written, or another system error\n",
	      out);
}

