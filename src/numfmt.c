/* numfmt.c - numbers as text with a '.' whatever LC_NUMERIC says (printf follows the locale). */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>

char *num_format(char *buf, double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	long long scale = 1;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	/* 1e12 keeps the scaled value well inside long long; real lengths are far smaller. */
	if (!isfinite(v) || fabs(v) >= 1e12) {
		buf[0] = '0';
		buf[1] = '\0';
		return buf;
	}
	long long r = llround(fabs(v) * (double)scale);
	long long whole = r / scale, frac = r % scale;
	int len = snprintf(buf, NUM_BUF, "%s%lld", v < 0 && r != 0 ? "-" : "", whole);
	if (frac == 0)
		return buf;
	/* Digits by hand: %d never uses a locale's separators, but keep it obvious. */
	buf[len++] = '.';
	for (long long div = scale / 10; div > 0 && frac > 0; div /= 10) {
		buf[len++] = (char)('0' + frac / div);
		frac %= div;
	}
	buf[len] = '\0';
	return buf;
}
