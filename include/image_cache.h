/* image_cache.h - card images shared by the cards that name the same file, in one process.
 *
 * A photo on many cards is decoded once and is one picture, so it is painted from the same
 * copies (image_copies.h) and written into a PDF once, not once per card. A deck of
 * different photos is still never held at once: pictures that nobody holds are kept for the
 * cards after only within a budget, the longest unused let go of first. */
#ifndef DECKPRESS_IMAGE_CACHE_H
#define DECKPRESS_IMAGE_CACHE_H

#include <stddef.h>

#include "image.h"

/* Pictures kept that nobody holds, at most: bytes (image_bytes) and pictures. */
#define IMAGE_CACHE_IDLE_BYTES    ((size_t)32 << 20)
#define IMAGE_CACHE_IDLE_PICTURES 64

typedef struct image_cache image_cache;

/* A cache for the pictures of the deck folder root (as image_load takes it). */
image_cache *image_cache_new(const char *root);
/* The picture at path (image_load's path: the same string is the same file), loaded the
 * first time or kept from before. A reference: free it with image_free. NULL with e filled
 * in when it cannot be loaded (nothing is kept: the next call tries again). */
image *image_cache_get(image_cache *c, const char *path, image_error *e);
/* Lets go of the cache's references (pictures still held elsewhere live on). */
void image_cache_free(image_cache *c);

#endif
