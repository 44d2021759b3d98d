/* image_copies.c - copies of pictures kept with the surface that paints them (image_copies.h). */
#include "image_copies.h"

#include <stdlib.h>

#include "util.h"

typedef struct {
	unsigned long id;
	cairo_surface_t **copy;
	size_t ncopies, used; /* made; painted on this page */
	size_t bytes;         /* of one copy */
	unsigned long last;   /* the last page that painted it */
} copies;

typedef struct {
	copies *pics;
	size_t n;
	unsigned long page; /* pages ended */
} pool;

static const cairo_user_data_key_t pool_key;

static void copies_drop(copies *c)
{
	for (size_t k = 0; k < c->ncopies; k++)
		cairo_surface_destroy(c->copy[k]);
	free(c->copy);
	c->copy = NULL;
	c->ncopies = 0;
}

static void pool_free(void *data)
{
	pool *p = data;
	for (size_t i = 0; i < p->n; i++)
		copies_drop(&p->pics[i]);
	free(p->pics);
	free(p);
}

static pool *pool_of(cairo_surface_t *target)
{
	pool *p = cairo_surface_get_user_data(target, &pool_key);
	if (!p) {
		p = xcalloc(1, sizeof *p);
		if (cairo_surface_set_user_data(target, &pool_key, p, pool_free)) {
			free(p);
			return NULL;
		}
	}
	return p;
}

cairo_surface_t *image_copies_take(cairo_surface_t *target, unsigned long id, size_t bytes,
				   cairo_surface_t *(*make)(const void *arg), const void *arg)
{
	pool *p = pool_of(target);
	if (!p) /* no memory for the pool: a copy for this painting alone */
		return make(arg);
	copies *c = NULL;
	for (size_t i = 0; i < p->n && !c; i++)
		if (p->pics[i].id == id)
			c = &p->pics[i];
	if (!c) {
		p->pics = xrealloc(p->pics, (p->n + 1) * sizeof *p->pics);
		c = &p->pics[p->n++];
		*c = (copies){.id = id, .bytes = bytes};
	}
	if (c->used == c->ncopies) {
		c->copy = xrealloc(c->copy, (c->ncopies + 1) * sizeof *c->copy);
		c->copy[c->ncopies++] = make(arg);
	}
	return cairo_surface_reference(c->copy[c->used++]);
}

void image_copies_page_end(cairo_surface_t *target)
{
	pool *p = cairo_surface_get_user_data(target, &pool_key);
	if (!p)
		return;
	p->page++;
	size_t idle = 0;
	for (size_t i = 0; i < p->n; i++) {
		copies *c = &p->pics[i];
		if (c->used)
			c->last = p->page;
		else
			idle += c->ncopies * c->bytes;
		c->used = 0;
	}
	while (idle > IMAGE_COPIES_IDLE_BYTES) { /* the longest unused first */
		copies *old = NULL;
		for (size_t i = 0; i < p->n; i++) {
			copies *c = &p->pics[i];
			if (c->ncopies && c->last != p->page && (!old || c->last < old->last))
				old = c;
		}
		idle -= old->ncopies * old->bytes;
		copies_drop(old);
	}
	size_t kept = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->pics[i].ncopies)
			p->pics[kept++] = p->pics[i];
	p->n = kept;
}
