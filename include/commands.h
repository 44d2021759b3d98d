/* commands.h - the command table: each command is one function in its own cmd_*.c file. */
#ifndef DECKPRESS_COMMANDS_H
#define DECKPRESS_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

/* Exit codes, documented in --help and docs/deckpress.1. */
enum {
	EXIT_OK = 0,    /* success (warnings may have been shown) */
	EXIT_DECK = 1,  /* a deck has errors, or some output could not be made from it */
	EXIT_USAGE = 2, /* the command line is wrong */
	EXIT_IO = 3,    /* a file could not be read or written, or a system error */
};

/* The worse of two exit codes, for a command that does several things: a deck's errors (1)
 * over files (3) over the command line (2) over success. */
int exit_worse(int a, int b);

typedef struct {
	const char *name;
	const char *args;                  /* e.g. "DECK..." */
	const char *summary;               /* one line for the command list */
	int (*run)(int argc, char **argv); /* argv[0] is the command name; returns an exit code */
	void (*help)(FILE *out);
} command;

extern const command commands[];

/* The command line's own messages, which have no file, line and column to name:
 * "deckpress: error: ..." (warning:, note:) on stderr, formats checked by the compiler.
 * usage_error returns EXIT_USAGE, for `return usage_error(...)`. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void usage_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void usage_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_check(int argc, char **argv);
void cmd_check_help(FILE *out);
int cmd_booklet(int argc, char **argv);
void cmd_booklet_help(FILE *out);
int cmd_cards(int argc, char **argv);
void cmd_cards_help(FILE *out);
int cmd_preview(int argc, char **argv);
void cmd_preview_help(FILE *out);
int cmd_calibrate(int argc, char **argv);
void cmd_calibrate_help(FILE *out);
int cmd_build(int argc, char **argv);
void cmd_build_help(FILE *out);
int cmd_init(int argc, char **argv);
void cmd_init_help(FILE *out);
int cmd_watch(int argc, char **argv);
void cmd_watch_help(FILE *out);
int cmd_export(int argc, char **argv);
void cmd_export_help(FILE *out);
int cmd_import(int argc, char **argv);
void cmd_import_help(FILE *out);

/* deckpress --dump=tables (hidden): the loader's tables as JSON, for the schema test. */
int dump_tables(FILE *out);

/* A getopt_long failure in command cmd: says which option and how to get help; returns
 * EXIT_USAGE. (main sets opterr = 0 so getopt itself prints nothing.) */
int bad_option(const char *cmd, char **argv);

/* -j N: true and *jobs set for a number from 1 to 64; else says so and returns false. */
bool parse_jobs(const char *arg, int *jobs);

/* Shared by commands: print the exit-code table. */
void print_exit_codes(FILE *out);

#endif
