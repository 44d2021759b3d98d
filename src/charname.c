/* charname.c - code point and Unicode name of a character, through ICU. */
#include "charname.h"

#include <glib.h>
#include <stdio.h>
#include <unicode/uchar.h>

char *char_describe(uint32_t cp, char *buf, size_t n)
{
	char name[128] = "";
	UErrorCode err = U_ZERO_ERROR;
	u_charName((UChar32)cp, U_UNICODE_CHAR_NAME, name, sizeof name, &err);
	if (U_FAILURE(err) || !name[0]) {
		err = U_ZERO_ERROR;
		u_charName((UChar32)cp, U_EXTENDED_CHAR_NAME, name, sizeof name, &err);
		if (U_FAILURE(err))
			name[0] = '\0';
	}
	snprintf(buf, n, "U+%04X%s%s", (unsigned)cp, name[0] ? " " : "", name);
	return buf;
}

char *char_utf8(uint32_t cp, char *buf)
{
	buf[g_unichar_to_utf8((gunichar)cp, buf)] = '\0';
	return buf;
}
