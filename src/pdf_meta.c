/* pdf_meta.c - PDF metadata and a reproducible creation date. */
#include "pdf_meta.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

const char *pdf_create_date(void)
{
	static char buf[32];
	static bool warned;
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t t = 0;
	if (env && *env) {
		char *end;
		errno = 0;
		long long v = strtoll(env, &end, 10);
		/* PDF dates have four-digit years: 9999-12-31T23:59:59Z at the most */
		if (*end || errno || v < 0 || v > 253402300799LL) {
			if (!warned)
				fprintf(stderr,
					"deckpress: warning: SOURCE_DATE_EPOCH '%s' is not a "
					"number of "
					"seconds from 1970 to 9999; the PDF date is 1970-01-01\n",
					env);
			warned = true;
		} else {
			t = (time_t)v;
		}
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		t = 0;
		gmtime_r(&t, &tm);
	}
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

void pdf_metadata(cairo_surface_t *pdf, const deck *dk, const char *lang, const char *title)
{
	if (dk) {
		const char *subject = mtext_get(&dk->subtitle, lang, dk->language);
		title = mtext_get(&dk->title, lang, dk->language);
		if (dk->author)
			cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, dk->author);
		if (subject)
			cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, subject);
	}
	if (title)
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR,
				       "deckpress " DECKPRESS_VERSION);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, pdf_create_date());
}
