/* srcloc.h - where a character of a text is in the deck file, for messages that point at
 * the character itself (a stray quote mark, a character no font has) rather than at the
 * start of its text.
 *
 * Positions are 1-based line:column as libyaml counts them (columns in characters, a byte
 * order mark not counted), so they agree with every other message. */
#ifndef DECKPRESS_SRCLOC_H
#define DECKPRESS_SRCLOC_H

#include <stddef.h>

#include "deck.h"

/* The position of the first `needle` (UTF-8 bytes) in `file` at or after `from`, looking at
 * most `span` bytes further; in a "..." value, an escape of its code point ("\U0001F600",
 * "\u00e9", "\xe9") is found too. Returns `from` when the file cannot be read or the needle
 * is not there. A quote mark at `from` is taken for the one that opens a YAML quoted value,
 * and skipped. */
srcpos srcloc_find(const char *file, srcpos from, const char *needle, size_t span);
/* srcloc_find keeps the last few files it read (each with marks that make a lookup cost a few
 * KB of scanning, however long the file), and reads one again when its size, time or inode
 * has changed. This lets them go: main before it returns, watch after each build (a file
 * rewritten within one clock tick at the same size would otherwise be taken as kept). */
void srcloc_release(void);

/* How far to search for a character of a text of `len` bytes: its length written out, with
 * room for indentation, quotes and escapes, and no further. */
size_t srcloc_span(size_t len);

#endif
