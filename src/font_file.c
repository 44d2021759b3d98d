/* font_file.c - a deck's own font file: bounded reading, FreeType, licence bits. */
#include "font_file.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>

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

font_status font_file_check(const char *path, const char *root, font_info *fi)
{
	*fi = (font_info){0};
	char *buf = input_read(path, root, bound_get(B_FONT_BYTES), &fi->in);
	if (!buf)
		return FONT_UNREADABLE;
	FT_Library lib;
	FT_Face face = NULL;
	font_status st = FONT_NOT_FONT;
	if (FT_Init_FreeType(&lib) == 0) {
		if (FT_New_Memory_Face(lib, (const FT_Byte *)buf, (FT_Long)fi->in.size, 0, &face) ==
			    0 &&
		    face->family_name && (face->face_flags & FT_FACE_FLAG_SCALABLE)) {
			fi->family = xstrdup(face->family_name);
			fi->style = xstrdup(face->style_name ? face->style_name : "");
			fi->fstype = FT_Get_FSType_Flags(face);
			fi->why = embedding_refused(fi->fstype);
			st = fi->why ? FONT_NO_EMBED : FONT_OK;
		}
		if (face)
			FT_Done_Face(face);
		FT_Done_FreeType(lib);
	}
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
