/* image_cache.c - card images shared by path, kept within a budget while nobody holds them. */
#include "image_cache.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
	char *path;
	image *im;          /* the cache's reference */
	unsigned long used; /* when it was last asked for (the cache's clock) */
} entry;

struct image_cache {
	char *root;
	entry *e;
	size_t n, cap;
	unsigned long clock;
};

image_cache *image_cache_new(const char *root)
{
	image_cache *c = xcalloc(1, sizeof *c);
	c->root = root ? xstrdup(root) : NULL;
	return c;
}

static void drop(image_cache *c, size_t i)
{
	free(c->e[i].path);
	image_free(c->e[i].im);
	c->e[i] = c->e[--c->n];
}

/* Lets go of pictures nobody else holds, the longest unused first, until those left are
 * within the budget. Linear: the entries are the pictures held (a sheet's cards) plus at
 * most IMAGE_CACHE_IDLE_PICTURES. */
static void trim(image_cache *c)
{
	for (;;) {
		size_t idle = 0, bytes = 0, oldest = c->n;
		for (size_t i = 0; i < c->n; i++) {
			if (image_shared(c->e[i].im))
				continue;
			idle++;
			bytes += image_bytes(c->e[i].im);
			if (oldest == c->n || c->e[i].used < c->e[oldest].used)
				oldest = i;
		}
		if (idle <= IMAGE_CACHE_IDLE_PICTURES && bytes <= IMAGE_CACHE_IDLE_BYTES)
			return;
		drop(c, oldest);
	}
}

image *image_cache_get(image_cache *c, const char *path, image_error *e)
{
	c->clock++;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->e[i].path, path)) {
			*e = (image_error){.limit = -1};
			c->e[i].used = c->clock;
			image *im = image_ref(c->e[i].im); /* held: not let go of by trim */
			trim(c);
			return im;
		}
	/* the holders let go without telling the cache: it trims when asked, before it
	 * decodes anything, so a picture over the budget is gone before the next is made */
	trim(c);
	image *im = image_load(path, c->root, e);
	if (!im)
		return NULL;
	if (c->n == c->cap)
		c->e = xrealloc(c->e, (c->cap = c->cap ? 2 * c->cap : 8) * sizeof *c->e);
	c->e[c->n++] = (entry){xstrdup(path), im, c->clock};
	return image_ref(im); /* the caller's */
}

void image_cache_free(image_cache *c)
{
	if (!c)
		return;
	while (c->n)
		drop(c, c->n - 1);
	free(c->e);
	free(c->root);
	free(c);
}
