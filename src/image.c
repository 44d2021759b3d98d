/* image.c - PNG files a deck names: bounded reading, header before decoding. */
#include "image.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "util.h"

int image_png_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	/* signature, then the IHDR chunk: length, "IHDR", width, height (big-endian) */
	if (len < 24 || memcmp(buf, sig, 8) || memcmp(buf + 12, "IHDR", 4))
		return -1;
	*w = (unsigned)buf[16] << 24 | (unsigned)buf[17] << 16 | (unsigned)buf[18] << 8 | buf[19];
	*h = (unsigned)buf[20] << 24 | (unsigned)buf[21] << 16 | (unsigned)buf[22] << 8 | buf[23];
	return 0;
}

typedef struct {
	const unsigned char *p;
	size_t left;
} reader;

static cairo_status_t read_cb(void *closure, unsigned char *data, unsigned int len)
{
	reader *r = closure;
	if (len > r->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p, len);
	r->p += len;
	r->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *fail(image_error *e, int limit, char *why)
{
	e->limit = limit;
	e->why = why;
	return NULL;
}

cairo_surface_t *image_load_png(const char *path, const char *root, image_error *e)
{
	*e = (image_error){.limit = -1};
	size_t max = bound_get(B_IMAGE_BYTES);
	unsigned char *buf = (unsigned char *)input_read(path, root, max, &e->in);
	if (!buf)
		return e->in.status == IN_TOO_BIG
			       ? fail(e, B_IMAGE_BYTES, xasprintf("has more than %zu bytes", max))
		       : e->in.status == IN_OPEN
			       ? fail(e, -1, xasprintf("cannot be read: %s", e->in.why))
			       : fail(e, -1, input_problem(&e->in, root));
	unsigned w, h;
	cairo_surface_t *s = NULL;
	if (image_png_size(buf, e->in.size, &w, &h)) {
		fail(e, -1, xstrdup("is not a PNG image"));
	} else if (w == 0 || h == 0 || (uint64_t)w * h > bound_get(B_IMAGE_PIXELS)) {
		/* a small file can claim 20000 x 20000 pixels: 1.6 GB once decoded */
		fail(e, B_IMAGE_PIXELS,
		     xasprintf("is %u x %u pixels, more than %zu", w, h,
			       bound_get(B_IMAGE_PIXELS)));
	} else {
		reader r = {buf, e->in.size};
		s = cairo_image_surface_create_from_png_stream(read_cb, &r);
		cairo_status_t st = cairo_surface_status(s);
		if (st != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			s = NULL;
			fail(e, -1,
			     xasprintf("is a damaged PNG image (%s)", cairo_status_to_string(st)));
		}
	}
	free(buf);
	return s;
}

void image_error_free(image_error *e)
{
	free(e->in.why);
	free(e->why);
	*e = (image_error){.limit = -1};
}
