/* print_setup.h - print options (card size, sheet, bleed, duplex...) from the command line
 * and the deck's `print:` mapping, parsed by one function. All lengths are in points;
 * values are written in millimetres and converted here. */
#ifndef DECKPRESS_PRINT_SETUP_H
#define DECKPRESS_PRINT_SETUP_H

#include <stdbool.h>

typedef enum { DUPLEX_LONG, DUPLEX_SHORT, DUPLEX_NONE } duplex_mode;
typedef enum { MARKS_CROP, MARKS_LINES, MARKS_NONE } marks_mode;
/* Print-shop PDF/X (pdfx.h): none, PDF/X-4 or PDF/X-1a:2001. */
typedef enum { PDFX_NONE, PDFX_4, PDFX_1A } pdfx_level;

typedef struct {
	double card_w, card_h;      /* trim size of one card */
	const char *size_name;      /* "poker"...; "custom" for WxH (static string) */
	double sheet_w, sheet_h;    /* portrait; 0 with sheet_none */
	const char *sheet_name;     /* "a4", "letter", "a3", "none" (static string) */
	bool sheet_none;            /* one card per page, page = card + bleed (print shops) */
	double bleed, safe, margin; /* beyond the trim; inside the trim; unprintable sheet edge */
	duplex_mode duplex;
	bool backs;
	marks_mode marks;
	double back_dx, back_dy; /* added to every back rect (duplex misregistration) */
	pdfx_level pdfx;         /* PDF/X output: CMYK with an output intent */
} print_setup;

/* Fills p with poker cards on A4, bleed 3 mm, safe 4 mm, margin 5 mm, long-edge duplex,
 * backs on, crop marks, back offset 0,0. */
void print_setup_default(print_setup *p);

/* Sets one option from text: key is size, sheet, bleed, safe, margin, duplex, backs, marks,
 * back-offset (back_offset) or pdfx (x4, x1a or none); value as written (mm for lengths, "X,Y" for back-offset).
 * Returns NULL on success (p changed), else a message listing the valid values (p unchanged);
 * caller frees it. */
char *print_setup_apply(print_setup *p, const char *key, const char *value);

/* Returns NULL when the options work together, else a message saying what cannot work and
 * what to change (card too large for the sheet, safe margin leaving no text area); caller
 * frees it. */
char *print_setup_check(const print_setup *p);

/* For the schema test (deckpress --dump=tables): every key print_setup_apply takes; the
 * words a key accepts in any case ("poker", "long-edge"), or NULL for a key that takes
 * numbers; the range in mm of a key's numbers (size: of width and height). Static lists. */
const char *const *print_setup_keys(void);
const char *const *print_setup_names(const char *key);
bool print_setup_range(const char *key, double *min, double *max);

#endif
