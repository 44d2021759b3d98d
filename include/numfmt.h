/* numfmt.h - locale-free number formatting ("2.5", never "2,5") for PDF syntax and messages. */
#ifndef DECKPRESS_NUMFMT_H
#define DECKPRESS_NUMFMT_H

#include <stddef.h>

/* Longest text num_format writes, with its NUL. */
#define NUM_BUF 32

/* Writes v into buf (NUM_BUF bytes) rounded to at most `decimals` (0..6) digits after a '.',
 * trailing zeros dropped, no exponent; non-finite or huge values become "0". Returns buf. */
char *num_format(char *buf, double v, int decimals);

#endif
