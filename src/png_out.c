/* png_out.c - an RGB image surface as a PNG, through libpng (see png_out.h for the settings). */
#include "png_out.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>

/* On the heap: libpng's errors longjmp out of png_out_write, after which only memory that
 * is not a local variable changed since setjmp may be read. */
typedef struct {
	FILE *fp;
	int err;             /* errno of the first failed write */
	unsigned char row[]; /* one row as RGB bytes */
} sink;

static void write_cb(png_structp p, png_bytep data, png_size_t len)
{
	sink *k = png_get_io_ptr(p);
	errno = 0;
	if (fwrite(data, 1, len, k->fp) != len) {
		k->err = errno ? errno : EIO;
		png_error(p, "write failed");
	}
}

static void flush_cb(png_structp p)
{
	(void)p; /* the caller closes the file */
}

/* libpng's errors come back through its jump buffer, and the caller says what failed:
 * libpng itself prints nothing (its default handlers write to stderr) */
static void error_cb(png_structp p, png_const_charp msg)
{
	(void)msg;
	png_longjmp(p, 1);
}

static void warn_cb(png_structp p, png_const_charp msg)
{
	(void)p;
	(void)msg;
}

/* The rows of s into p as RGB bytes, through row (3 bytes a pixel). */
static void write_rows(png_structp p, cairo_surface_t *s, unsigned char *row)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * stride);
		for (int x = 0; x < w; x++) { /* RGB24 is 0xXXRRGGBB in a native word */
			row[3 * x] = (unsigned char)(px[x] >> 16);
			row[3 * x + 1] = (unsigned char)(px[x] >> 8);
			row[3 * x + 2] = (unsigned char)px[x];
		}
		png_write_row(p, row);
	}
}

int png_out_write(cairo_surface_t *s, FILE *fp)
{
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) /* a sheet too large to make */
		return ENOMEM;
	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
	    cairo_image_surface_get_format(s) != CAIRO_FORMAT_RGB24)
		return EINVAL;
	cairo_surface_flush(s);
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	sink *k = malloc(sizeof *k + 3 * (size_t)(w > 0 ? w : 1));
	png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, error_cb, warn_cb);
	png_infop info = p ? png_create_info_struct(p) : NULL;
	if (!p || !info || !k) {
		png_destroy_write_struct(&p, &info);
		free(k);
		return ENOMEM;
	}
	*k = (sink){fp, 0};
	if (setjmp(png_jmpbuf(p))) { /* a failed write, or libpng out of memory */
		int err = k->err ? k->err : ENOMEM;
		png_destroy_write_struct(&p, &info);
		free(k);
		return err;
	}
	png_set_write_fn(p, k, write_cb, flush_cb);
	png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_filter(p, 0, PNG_FILTER_NONE);
	png_set_compression_level(p, 3);
	png_write_info(p, info);
	write_rows(p, s, k->row);
	png_write_end(p, info);
	png_destroy_write_struct(&p, &info);
	free(k);
	return 0;
}
