/* rect.h - an axis-aligned rectangle in points, origin top-left, y downwards (Cairo's). */
#ifndef DECKPRESS_RECT_H
#define DECKPRESS_RECT_H

typedef struct {
	double x, y, w, h;
} rect;

#endif
