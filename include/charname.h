/* charname.h - a character as a reader can look it up: "U+1F600 GRINNING FACE".
 *
 * Names come from ICU (libicu, the Unicode Consortium's own library as Debian ships it), so
 * they follow the Unicode version Debian keeps up to date, with no table of our own. */
#ifndef DECKPRESS_CHARNAME_H
#define DECKPRESS_CHARNAME_H

#include <stddef.h>
#include <stdint.h>

/* "U+1F600 GRINNING FACE" for code point cp; characters without a name get ICU's extended
 * label ("U+0007 <control-0007>"). Writes at most n bytes, NUL included; returns buf. */
char *char_describe(uint32_t cp, char *buf, size_t n);

/* The UTF-8 bytes of cp into buf (at least 7 bytes), NUL-terminated; returns buf. */
char *char_utf8(uint32_t cp, char *buf);

#endif
