/* pdfx_image.c - image XObjects to CMYK, soft masks flattened for PDF/X-1a. */
#include "pdfx_image.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_finish.h"
#include "util.h"

#define PIXELS_MAX (1u << 26) /* 64 megapixels: far beyond a logo, bounded memory */

typedef struct {
	int w, h, bpc, comps; /* comps: 1 gray, 3 RGB, 4 CMYK */
	unsigned char *px;    /* w * h * comps bytes, 8 bits each */
} raster;

static int int_key(qpdf_data q, qpdf_oh dict, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, dict, key);
	return qpdf_oh_is_integer(q, v) ? qpdf_oh_get_int_value_as_int(q, v) : -1;
}

bool pdfx_image_transparent(qpdf_data q, qpdf_oh img)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	return qpdf_oh_is_stream(q, qpdf_oh_get_key(q, d, "/SMask")) ||
	       !qpdf_oh_is_null(q, qpdf_oh_get_key(q, d, "/Mask"));
}

static int components(qpdf_data q, qpdf_oh dict)
{
	qpdf_oh cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
	if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray"))
		return 1;
	if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB"))
		return 3;
	if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK"))
		return 4;
	return 0;
}

/* Samples of bpc bits, rows padded to whole bytes, as 8-bit values. */
static void unpack(const unsigned char *in, raster *r)
{
	size_t per_row = (size_t)r->w * (size_t)r->comps;
	size_t row_bytes = (per_row * (size_t)r->bpc + 7) / 8;
	unsigned max = (1u << (r->bpc > 8 ? 8 : r->bpc)) - 1;
	for (size_t y = 0; y < (size_t)r->h; y++) {
		const unsigned char *row = in + y * row_bytes;
		for (size_t i = 0; i < per_row; i++) {
			unsigned v;
			if (r->bpc == 16)
				v = row[2 * i];
			else if (r->bpc == 8)
				v = row[i];
			else {
				size_t bit = i * (size_t)r->bpc;
				v = (row[bit / 8] >> (8 - r->bpc - bit % 8)) & max;
				v = v * 255 / max;
			}
			r->px[y * per_row + i] = (unsigned char)v;
		}
	}
}

/* The image's samples, decoded; NULL with *err. */
static char *load(qpdf_data q, qpdf_oh img, raster *r)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	*r = (raster){int_key(q, d, "/Width"), int_key(q, d, "/Height"),
		      int_key(q, d, "/BitsPerComponent"), components(q, d), NULL};
	if (r->w <= 0 || r->h <= 0 || (uint64_t)r->w * (uint64_t)r->h > PIXELS_MAX)
		return xstrdup("an image has no usable size");
	if (!r->comps || !(r->bpc == 1 || r->bpc == 2 || r->bpc == 4 || r->bpc == 8 ||
			   r->bpc == 16))
		return xstrdup("an image is in a colour space deckpress does not convert");
	if (!qpdf_oh_is_null(q, qpdf_oh_get_key(q, d, "/Decode")))
		return xstrdup("an image has a /Decode array, which deckpress does not convert");
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(q, img, qpdf_dl_all, &filtered, &buf, &len) != QPDF_SUCCESS ||
	    !filtered) {
		free(buf);
		return xstrdup("an image's data cannot be decoded");
	}
	size_t row_bytes = ((size_t)r->w * (size_t)r->comps * (size_t)r->bpc + 7) / 8;
	if (len < row_bytes * (size_t)r->h) {
		free(buf);
		return xstrdup("an image's data is shorter than its size says");
	}
	r->px = xmalloc((size_t)r->w * (size_t)r->h * (size_t)r->comps);
	unpack(buf, r);
	free(buf);
	return NULL;
}

static unsigned char *to_cmyk(const raster *r, const color_profile *p)
{
	size_t n = (size_t)r->w * (size_t)r->h;
	unsigned char *out = xmalloc(4 * n);
	if (r->comps == 3)
		color_pixels_to_cmyk(p, r->px, n, out);
	else if (r->comps == 4)
		memcpy(out, r->px, 4 * n);
	else
		for (size_t i = 0; i < n; i++) /* gray: 0 is black, which is 100 % K */
			out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = 0,
				out[4 * i + 3] = (unsigned char)(255 - r->px[i]);
	return out;
}

/* Each pixel mixed with the backdrop by the mask's alpha (w x h bytes). */
static void flatten(unsigned char *cmyk4, const unsigned char *alpha, size_t n, cmyk bd)
{
	double b[4] = {bd.c * 255, bd.m * 255, bd.y * 255, bd.k * 255};
	for (size_t i = 0; i < n; i++) {
		double a = alpha[i] / 255.0;
		for (int c = 0; c < 4; c++)
			cmyk4[4 * i + c] =
				(unsigned char)lround(a * cmyk4[4 * i + c] + (1 - a) * b[c]);
	}
}

static char *mask_alpha(qpdf_data q, qpdf_oh img, const raster *r, raster *m)
{
	qpdf_oh smask = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, img), "/SMask");
	if (!qpdf_oh_is_null(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, img), "/Mask")))
		return xstrdup("an image has a colour-key /Mask, which deckpress does not flatten");
	if (!qpdf_oh_is_stream(q, smask))
		return xstrdup("an image is transparent but has no soft mask to flatten");
	if (!qpdf_oh_is_null(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, smask), "/Matte")))
		return xstrdup("a soft mask has /Matte, which deckpress does not flatten");
	char *err = load(q, smask, m);
	if (!err && (m->comps != 1 || m->w != r->w || m->h != r->h))
		err = xstrdup("a soft mask does not match its image's size");
	return err;
}

static void store(qpdf_data q, qpdf_oh img, const unsigned char *data, size_t len, bool cmyk4)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	qpdf_oh_replace_stream_data(q, img, data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	if (cmyk4) {
		qpdf_oh_replace_key(q, d, "/ColorSpace", qpdf_oh_new_name(q, "/DeviceCMYK"));
		qpdf_oh_replace_key(q, d, "/BitsPerComponent", qpdf_oh_new_integer(q, 8));
	}
}

char *pdfx_image_convert(qpdf_data q, qpdf_oh img, const color_profile *p, const cmyk *backdrop)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	qpdf_oh_remove_key(q, d, "/Interpolate");
	if (qpdf_oh_is_bool(q, qpdf_oh_get_key(q, d, "/ImageMask")) &&
	    qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, d, "/ImageMask")))
		return NULL; /* a stencil: painted in the fill ink, which is already CMYK */
	int comps = components(q, d);
	if (comps == 1 || comps == 4) {
		if (!backdrop)
			return NULL;
	} else if (comps != 3) {
		return xstrdup("an image is in a colour space deckpress does not convert");
	}
	raster r, m = {0};
	char *err = load(q, img, &r);
	if (!err && backdrop)
		err = mask_alpha(q, img, &r, &m);
	if (err) {
		free(r.px);
		free(m.px);
		return err;
	}
	size_t n = (size_t)r.w * (size_t)r.h;
	unsigned char *out = to_cmyk(&r, p);
	if (backdrop) {
		flatten(out, m.px, n, *backdrop);
		qpdf_oh_remove_key(q, d, "/SMask");
	}
	store(q, img, out, 4 * n, true);
	free(out);
	free(r.px);
	free(m.px);
	return NULL;
}

qpdf_oh pdfx_image_copy(qpdf_data q, qpdf_oh img)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img), copy = qpdf_oh_new_stream(q);
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(q, img, qpdf_dl_none, &filtered, &buf, &len) != QPDF_SUCCESS) {
		free(buf);
		return qpdf_oh_new_null(q);
	}
	/* the bytes as stored, with the filters that decode them */
	qpdf_oh_replace_stream_data(q, copy, buf, len, qpdf_oh_get_key(q, d, "/Filter"),
				    qpdf_oh_get_key(q, d, "/DecodeParms"));
	free(buf);
	qpdf_oh cd = qpdf_oh_get_dict(q, copy);
	size_t n;
	char **keys = pdf_oh_dict_keys(q, d, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(keys[i], "/Length") && strcmp(keys[i], "/Filter") &&
		    strcmp(keys[i], "/DecodeParms"))
			qpdf_oh_replace_key(q, cd, keys[i], qpdf_oh_get_key(q, d, keys[i]));
		free(keys[i]);
	}
	free(keys);
	return copy;
}
