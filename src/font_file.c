/* font_file.c - a deck's own font file: bounded reading, FreeType, licence bits. */
#include "font_file.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "util.h"

/* Why the fsType bits forbid embedding a subset in a PDF, or NULL when they allow it. Bits
 * 0-3 are the embedding level; a font that sets several means the least restrictive. */
static const char *embedding_refused(unsigned fs)
{
	unsigned level = fs & 0xf;
	if ((level & FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING) &&
	    !(level & (FT_FSTYPE_PREVIEW_AND_PRINT_EMBEDDING | FT_FSTYPE_EDITABLE_EMBEDDING)))
		return "restricted licence: no embedding";
	if (fs & FT_FSTYPE_BITMAP_EMBEDDING_ONLY)
		return "bitmap embedding only";
	if (fs & FT_FSTYPE_NO_SUBSETTING)
		return "no subsetting (PDF output embeds subsets)";
	return NULL;
}

/* What a file that is no TrueType or OpenType font is, in words, from its first bytes:
 * FreeType reads Type 1 and WOFF files too, but Pango sets no text in them. */
static const char *not_sfnt(const unsigned char *b, size_t n)
{
	if (n >= 4 && (!memcmp(b, "wOFF", 4) || !memcmp(b, "wOF2", 4)))
		return "is a web font (WOFF), which deckpress cannot use: convert it to .ttf or .otf, "
		       "or take the font's TrueType or OpenType file";
	if ((n >= 2 && b[0] == 0x80 && b[1] == 0x01) || (n >= 2 && !memcmp(b, "%!", 2)))
		return "is a Type 1 (PostScript) font, which deckpress cannot use: take the font's "
		       "OpenType (.otf) or TrueType (.ttf) version";
	if (n >= 4 && (!memcmp(b, "\0\1\0\0", 4) || !memcmp(b, "OTTO", 4) ||
		       !memcmp(b, "true", 4) || !memcmp(b, "ttcf", 4)))
		return NULL;
	return "is not a TrueType or OpenType font";
}

/* Checks face `index` of the font in buf; the first face fills fi's names, and a face whose
 * licence forbids embedding replaces them with its own. Returns the number of faces (0:
 * FreeType cannot read it, or it is not scalable). */
static long check_face(FT_Library lib, const char *buf, size_t len, long index, font_info *fi)
{
	FT_Face face = NULL;
	long n = 0;
	if (FT_New_Memory_Face(lib, (const FT_Byte *)buf, (FT_Long)len, index, &face) == 0 &&
	    face->family_name && (face->face_flags & FT_FACE_FLAG_SCALABLE) && FT_IS_SFNT(face)) {
		n = face->num_faces;
		unsigned fs = FT_Get_FSType_Flags(face);
		const char *why = embedding_refused(fs);
		if (index == 0 || (why && !fi->why)) {
			free(fi->family);
			free(fi->style);
			fi->family = xstrdup(face->family_name);
			fi->style = xstrdup(face->style_name ? face->style_name : "");
			fi->fstype = fs;
			fi->why = why;
		}
	}
	if (face)
		FT_Done_Face(face);
	return n;
}

font_status font_file_check(const char *path, const char *root, font_info *fi)
{
	*fi = (font_info){0};
	char *buf = input_read(path, root, bound_get(B_FONT_BYTES), &fi->in);
	if (!buf)
		return FONT_UNREADABLE;
	FT_Library lib;
	font_status st = FONT_NOT_FONT;
	fi->why = not_sfnt((const unsigned char *)buf, fi->in.size);
	if (!fi->why && FT_Init_FreeType(&lib) == 0) {
		/* every face of a collection (.ttc): fontconfig adds them all */
		long n = check_face(lib, buf, fi->in.size, 0, fi);
		for (long i = 1; i < n; i++)
			if (!check_face(lib, buf, fi->in.size, i, fi))
				n = 0;
		st = n == 0 ? FONT_NOT_FONT : fi->why ? FONT_NO_EMBED : FONT_OK;
		FT_Done_FreeType(lib);
	}
	if (st == FONT_NOT_FONT && (!fi->why || fi->family))
		fi->why = "is a damaged TrueType or OpenType font (FreeType cannot read it)";
	free(buf);
	return st;
}

void font_info_free(font_info *fi)
{
	free(fi->in.why);
	free(fi->family);
	free(fi->style);
	*fi = (font_info){0};
}
