/* templates.h - the starter project 'deckpress init' writes, compiled into the binary from
 * the files in templates/<lang>/ (templates/embed.sh, at build time). */
#ifndef DECKPRESS_TEMPLATES_H
#define DECKPRESS_TEMPLATES_H

typedef struct {
	const char *lang; /* "nl", "en": the language of the comments and the deck's original */
	const char *name; /* file name in the new project, e.g. "deck.yaml" */
	const char *text; /* contents; @DECK_SCHEMA@ and @TEAMS_SCHEMA@ stand for schema paths */
} template_file;

/* Every file of every language, ended by an entry with name NULL. */
extern const template_file templates[];

#endif
