/* font_file.h - a font file a deck names in theme.fonts: read through input.h (a regular file
 * in the deck's folder, at most font-bytes) and checked with FreeType before fontconfig or
 * Cairo see it: that it is a font, and that its licence bits (OS/2 fsType) allow embedding
 * it, as subsets, in a PDF. */
#ifndef DECKPRESS_FONT_FILE_H
#define DECKPRESS_FONT_FILE_H

#include "input.h"

typedef enum {
	FONT_OK,
	FONT_UNREADABLE, /* see in: outside the folder, too big, not a regular file, missing */
	FONT_NOT_FONT,   /* not a TrueType or OpenType font (see why) */
	FONT_NO_EMBED,   /* its licence forbids embedding (restricted, bitmap only, no subsets) */
} font_status;

typedef struct {
	input_result in; /* how reading went */
	char *family;    /* family and style names in the file (FONT_OK), or of the face whose
			  * licence forbids embedding (FONT_NO_EMBED; any face of a collection) */
	char *style;
	unsigned fstype; /* the OS/2 fsType bits */
	const char *why; /* FONT_NO_EMBED: which bit, in words; FONT_NOT_FONT: what the file is
			  * instead ("is not a TrueType or OpenType font"); static */
} font_info;

/* Checks the font at path (inside root) and fills fi; free it with font_info_free. */
font_status font_file_check(const char *path, const char *root, font_info *fi);
void font_info_free(font_info *fi);

#endif
