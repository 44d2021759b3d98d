/* ink_map.c - device RGB handed to Cairo -> the CMYK ink it stands for. */
#include "ink_map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DEFAULT_INK 0x1f2328 /* the theme's default text colour: body text in 100 % K */
#define STEP        (4.0 / 65536)  /* a move that always changes Cairo's 16-bit colour */
#define NEAR        (3.0 / 65536)  /* closer than this, two device colours are one ink */
#define PRINT_TOL   2e-6           /* Cairo prints colours with 6 decimals */
#define MOVES_MAX   64

typedef struct {
	double dev[3];
	cmyk ink;
} entry;

struct ink_map {
	const color_profile *prof;
	const deck *dk;
	entry *v;
	size_t n, cap;
	char *error;
};

static const cairo_user_data_key_t key;

ink_map *ink_map_new(const color_profile *p, const deck *dk)
{
	ink_map *m = xcalloc(1, sizeof *m);
	m->prof = p;
	m->dk = dk;
	return m;
}

void ink_map_free(ink_map *m)
{
	if (!m)
		return;
	free(m->v);
	free(m->error);
	free(m);
}

const color_profile *ink_map_profile(const ink_map *m)
{
	return m->prof;
}

cmyk ink_map_cmyk(const ink_map *m, uint32_t rgb, double fade)
{
	const deck_cmyk *given = m->dk ? deck_find_cmyk(m->dk, rgb) : NULL;
	cmyk c;
	if (given)
		c = (cmyk){given->cmyk[0] / 100, given->cmyk[1] / 100, given->cmyk[2] / 100,
			   given->cmyk[3] / 100};
	else if (rgb == DEFAULT_INK)
		c = (cmyk){0, 0, 0, 1};
	else if (color_is_neutral(m->prof, rgb))
		c = color_to_k(m->prof, rgb);
	else
		c = color_to_cmyk(m->prof, rgb);
	double keep = 1 - (fade < 0 ? 0 : fade > 1 ? 1 : fade);
	return (cmyk){c.c * keep, c.m * keep, c.y * keep, c.k * keep};
}

static bool same_ink(cmyk a, cmyk b)
{
	return fabs(a.c - b.c) < 1e-9 && fabs(a.m - b.m) < 1e-9 && fabs(a.y - b.y) < 1e-9 &&
	       fabs(a.k - b.k) < 1e-9;
}

static bool within(const double a[3], const double b[3], double tol)
{
	return fabs(a[0] - b[0]) < tol && fabs(a[1] - b[1]) < tol && fabs(a[2] - b[2]) < tol;
}

/* An entry too close to dev that prints as another ink, or NULL. */
static const entry *clash(const ink_map *m, const double dev[3], cmyk c)
{
	for (size_t i = 0; i < m->n; i++)
		if (within(m->v[i].dev, dev, NEAR) && !same_ink(m->v[i].ink, c))
			return &m->v[i];
	return NULL;
}

static bool known(const ink_map *m, const double dev[3], cmyk c)
{
	for (size_t i = 0; i < m->n; i++)
		if (within(m->v[i].dev, dev, 1e-12) && same_ink(m->v[i].ink, c))
			return true;
	return false;
}

static void fail(ink_map *m, const double dev[3])
{
	if (!m->error)
		m->error = xasprintf("two inks share the screen colour %.6f %.6f %.6f", dev[0],
				     dev[1], dev[2]);
}

void ink_map_put(ink_map *m, double dev[3], cmyk c, bool movable)
{
	if (known(m, dev, c))
		return;
	/* move along the channel with the most room, so the colour stays inside 0..1 */
	int ch = 2;
	double dir = dev[ch] > 0.5 ? -1 : 1;
	for (int i = 0; clash(m, dev, c); i++) {
		if (!movable || i == MOVES_MAX) {
			fail(m, dev);
			break;
		}
		dev[ch] += dir * STEP;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 32;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	m->v[m->n++] = (entry){{dev[0], dev[1], dev[2]}, c};
}

bool ink_map_get(const ink_map *m, const double v[3], cmyk *out)
{
	for (size_t i = 0; i < m->n; i++)
		if (within(m->v[i].dev, v, PRINT_TOL)) {
			*out = m->v[i].ink;
			return true;
		}
	return false;
}

const char *ink_map_error(const ink_map *m)
{
	return m->error;
}

void ink_map_attach(cairo_surface_t *s, ink_map *m)
{
	cairo_surface_set_user_data(s, &key, m, NULL);
}

ink_map *ink_map_of(cairo_t *cr)
{
	return cairo_surface_get_user_data(cairo_get_target(cr), &key);
}
