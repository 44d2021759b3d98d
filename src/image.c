/* image.c - pictures a deck names (PNG, SVG): bounded reading, checks before decoding,
 * fitting to a box and drawing. */
#include "image.h"

#include <ctype.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bounds.h"
#include "image_copies.h"
#include "paint_scan.h"
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

/* The file's bytes, at most `max` (limit b's value, or more); NULL with e filled in. */
static unsigned char *read_bounded(const char *path, const char *root, size_t max, bound b,
				   image_error *e)
{
	unsigned char *buf = (unsigned char *)input_read(path, root, max, &e->in);
	if (!buf)
		e->in.status == IN_TOO_BIG ? fail(e, (int)b, xasprintf("has more than %zu bytes", max))
		: e->in.status == IN_OPEN  ? fail(e, -1, xasprintf("cannot be read: %s", e->in.why))
					   : fail(e, -1, input_problem(&e->in, root));
	return buf;
}

/* Why Cairo could not decode a PNG, for "image 'x.png' <why>". Cairo 1.16 reports every
 * libpng error as "out of memory" (its guess), which here it is not: the pixels were
 * bounded before decoding. */
static char *png_damage(cairo_status_t st)
{
	switch (st) {
	case CAIRO_STATUS_READ_ERROR:
		return xstrdup("is a damaged PNG image: the file ends too early (copied or "
			       "downloaded only in part?)");
	case CAIRO_STATUS_NO_MEMORY:
		return xstrdup("is a damaged PNG image: its pixel data cannot be decoded");
	default:
		return xasprintf("is a damaged PNG image (%s)", cairo_status_to_string(st));
	}
}

/* The PNG in buf decoded, its header checked first; NULL with e filled in. */
static cairo_surface_t *png_decode(const unsigned char *buf, size_t len, image_error *e)
{
	unsigned w, h;
	cairo_surface_t *s = NULL;
	if (image_png_size(buf, len, &w, &h)) {
		fail(e, -1, xstrdup("is not a PNG image"));
	} else if (w == 0 || h == 0 || (uint64_t)w * h > bound_get(B_IMAGE_PIXELS)) {
		/* a small file can claim 20000 x 20000 pixels: 1.6 GB once decoded */
		fail(e, B_IMAGE_PIXELS,
		     xasprintf("is %u x %u pixels, more than %zu", w, h,
			       bound_get(B_IMAGE_PIXELS)));
	} else {
		reader r = {buf, len};
		s = cairo_image_surface_create_from_png_stream(read_cb, &r);
		cairo_status_t st = cairo_surface_status(s);
		if (st != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			s = NULL;
			fail(e, -1, png_damage(st));
		}
	}
	return s;
}

void image_error_free(image_error *e)
{
	free(e->in.why);
	free(e->why);
	*e = (image_error){.limit = -1};
}

/* --- PNG or SVG --- */

struct image {
	cairo_surface_t *png; /* or */
	RsvgHandle *svg;
	paint_list paints; /* an SVG's colours and kinds of paint */
	double w, h;       /* pixels, CSS pixels for an SVG */
	unsigned long id;  /* this process's number for it: its copies' key (never reused) */
	unsigned refs;     /* holders: image_ref adds one, image_free drops one */
	size_t held;       /* about the memory it holds (image_bytes) */
};

/* The tags in an SVG's bytes: its elements and their end tags (comments too), counted
 * before librsvg parses it. */
static size_t svg_tags(const unsigned char *buf, size_t len)
{
	size_t tags = 0;
	for (size_t i = 0; i < len; i++)
		tags += buf[i] == '<';
	return tags;
}

/* What librsvg holds for an SVG of len bytes and `tags` tags, about: measured with mallinfo2
 * after loading, 1.2 to 3.6 KB an element (2,000 paths: 4.0 MB; 50,000 empty groups in
 * 200 KB: 61 MB; a 1.5 MB drawing of 2,717 elements: 9.8 MB), so a little more. Counted
 * from the bytes, not measured: the cache's budget, and so the PDF, must not depend on the
 * state of the heap. */
static size_t svg_held(size_t len, size_t tags)
{
	return 4 * len + 2048 * tags;
}

static unsigned long next_id;

/* An SVG is drawn SVG_UNITS on its longer side, whatever its own size, to be scanned and
 * recorded: Cairo leaves out what is drawn smaller than a unit, and writes a form's
 * coordinates with a fixed number of decimals, which an SVG 0.01 wide would lose. */
#define SVG_UNITS 1024.0

static bool is_name_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

/* Case-insensitive search for `word` in buf[0..len). */
static const char *find_ci(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);
	for (; p + n <= end; p++)
		if (!strncasecmp(p, word, n))
			return p;
	return NULL;
}

/* The element names an SVG may not hold, with why (for "icon 'x.svg' <why>"). */
static const char *refused_element(const char *name, size_t len)
{
	static const struct {
		const char *name, *why;
	} refused[] = {
		{"image", "holds a picture of its own (<image>); only vector shapes are drawn"},
		{"text", "holds text (<text>), which would be set in the machine's fonts; convert the text to paths"},
		{"tspan", "holds text (<tspan>); convert the text to paths"},
		{"textPath", "holds text (<textPath>); convert the text to paths"},
		{"filter", "uses a filter (<filter>), which would print as low-resolution pixels"},
		{"foreignObject", "holds foreign content (<foreignObject>)"},
		{"include", "includes another file (<xi:include>)"},
	};
	const char *colon = memchr(name, ':', len); /* svg:text is text too */
	while (colon) {
		len -= (size_t)(colon + 1 - name);
		name = colon + 1;
		colon = memchr(name, ':', len);
	}
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (strlen(refused[i].name) == len && !strncmp(refused[i].name, name, len))
			return refused[i].why;
	return NULL;
}

/* After `p` (just past "href" or "url("), skips blanks, '=' and quotes; true when the value
 * refers only to something inside the file ("#id"). */
static bool local_ref(const char *p, const char *end, bool attr)
{
	while (p < end && (isspace((unsigned char)*p) || (attr && *p == '=')))
		p++;
	if (p < end && (*p == '"' || *p == '\''))
		p++;
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p < end && *p == '#';
}

/* Why an SVG's bytes are refused before librsvg sees them, or NULL. librsvg without a base
 * file loads no other file anyway; this also refuses data: URLs and says clearly why. */
static const char *svg_refused(const char *buf, size_t len)
{
	const char *end = buf + len, *p;
	if (len >= 2 && (unsigned char)buf[0] == 0x1f && (unsigned char)buf[1] == 0x8b)
		return "is a compressed SVG (.svgz); save it as plain SVG";
	if (find_ci(buf, end, "<!ENTITY"))
		return "declares XML entities (<!ENTITY>), which are not accepted";
	if (find_ci(buf, end, "@import"))
		return "imports a style sheet (@import); put the styles in the file";
	for (p = buf; p < end; p++) {
		if (*p == '<' && p + 1 < end && is_name_char((unsigned char)p[1])) {
			const char *n = p + 1, *q = n;
			while (q < end && is_name_char((unsigned char)*q))
				q++;
			const char *why = refused_element(n, (size_t)(q - n));
			if (why)
				return why;
		} else if ((size_t)(end - p) >= 4 && !strncasecmp(p, "url(", 4) &&
			   !local_ref(p + 4, end, false)) {
			return "refers to something outside itself (url(...)); only '#id' references within the file are accepted";
		} else if ((size_t)(end - p) >= 4 && !strncmp(p, "href", 4) &&
			   (p == buf || !is_name_char((unsigned char)p[-1]) || p[-1] == ':') &&
			   !(p + 4 < end && is_name_char((unsigned char)p[4]) && p[4] != ':')) {
			const char *q = p + 4;
			while (q < end && isspace((unsigned char)*q))
				q++;
			if (q < end && *q == '=' && !local_ref(q, end, true))
				return "links to something outside itself (href); only '#id' references within the file are accepted";
		}
	}
	return NULL;
}

/* The size of an SVG in CSS pixels: width and height, else its viewBox. */
static bool svg_size(RsvgHandle *h, double *w, double *ht)
{
	if (rsvg_handle_get_intrinsic_size_in_pixels(h, w, ht) && *w > 0 && *ht > 0)
		return true;
	gboolean has_vb = FALSE;
	RsvgRectangle vb = {0};
	rsvg_handle_get_intrinsic_dimensions(h, NULL, NULL, NULL, NULL, &has_vb, &vb);
	*w = vb.width;
	*ht = vb.height;
	return has_vb && vb.width > 0 && vb.height > 0;
}

/* Draws the SVG once for paint_scan and notes what it paints with (PDF/X needs every
 * colour's ink); -1 when librsvg or Cairo cannot draw it. Drawn SVG_UNITS on its longer
 * side: at width="0.01" its colours would be unknown. */
static int svg_paints(image *im)
{
	double k = SVG_UNITS / fmax(im->w, im->h);
	paint_scan *s = paint_scan_new(fmax(1, im->w * k), fmax(1, im->h * k));
	cairo_t *cr = cairo_create(paint_scan_surface(s));
	RsvgRectangle vp = {0, 0, im->w * k, im->h * k};
	bool ok = rsvg_handle_render_document(im->svg, cr, &vp, NULL) &&
		  cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	int rc = paint_scan_finish(s, &im->paints);
	if (!ok)
		paint_list_free(&im->paints);
	return ok ? rc : -1;
}

static image *svg_decode(const unsigned char *buf, size_t len, image_error *e)
{
	const char *why = svg_refused((const char *)buf, len);
	if (why) {
		fail(e, -1, xstrdup(why));
		return NULL;
	}
	/* librsvg holds every element (a few KB each: svg_held), and takes seconds to parse
	 * the 500,000 it allows: 200 KB of empty groups made 61 MB, and nine such pictures on a
	 * sheet half a gigabyte */
	size_t tags = svg_tags(buf, len);
	if (tags > bound_get(B_SVG_TAGS)) {
		fail(e, B_SVG_TAGS,
		     xasprintf("has %zu tags, more than %zu", tags, bound_get(B_SVG_TAGS)));
		return NULL;
	}
	GInputStream *in = g_memory_input_stream_new_from_data(buf, (gssize)len, NULL);
	GError *err = NULL;
	/* no base file: librsvg resolves no reference to another file; no UNLIMITED flag:
	 * its limits on XML size and element count stay on */
	RsvgHandle *h = rsvg_handle_new_from_stream_sync(in, NULL, RSVG_HANDLE_FLAGS_NONE, NULL,
							 &err);
	g_object_unref(in);
	if (!h) {
		fail(e, -1, xasprintf("is not an SVG image librsvg can read (%s)",
				      err ? err->message : "unknown error"));
		if (err)
			g_error_free(err);
		return NULL;
	}
	rsvg_handle_set_dpi(h, 96);
	double w = 0, ht = 0;
	if (!svg_size(h, &w, &ht) || !isfinite(w) || !isfinite(ht)) {
		fail(e, -1, xstrdup("has no size: give its <svg> element a viewBox"));
	} else if (w * ht > (double)bound_get(B_IMAGE_PIXELS) || w / ht > 100 || ht / w > 100) {
		fail(e, B_IMAGE_PIXELS,
		     xasprintf("is %.0f x %.0f pixels, more than %zu (or a stripe)", w, ht,
			       bound_get(B_IMAGE_PIXELS)));
	} else {
		image *im = xcalloc(1, sizeof *im);
		*im = (image){.svg = h,
			      .w = w,
			      .h = ht,
			      .id = ++next_id,
			      .refs = 1,
			      .held = svg_held(len, tags)};
		size_t max = bound_get(B_SVG_DRAWING);
		if (svg_paints(im) != 0)
			fail(e, -1, xstrdup("cannot be drawn by librsvg"));
		else if (im->paints.bytes > max) /* a small file can <use> its shapes a million times */
			fail(e, B_SVG_DRAWING,
			     xasprintf("makes a drawing of %zu bytes (as PDF), more than %zu",
				       im->paints.bytes, max));
		else
			return im;
		image_free(im);
		return NULL;
	}
	g_object_unref(h);
	return NULL;
}

/* True when the bytes start like XML or an <svg> element (after a BOM and blanks). */
static bool looks_like_svg(const unsigned char *buf, size_t len)
{
	size_t i = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	while (i < len && isspace(buf[i]))
		i++;
	return (i < len && buf[i] == '<') || (len >= 2 && buf[0] == 0x1f && buf[1] == 0x8b);
}

/* The picture in buf; e's reading part is the caller's. */
static image *decode(const unsigned char *buf, size_t len, image_error *e)
{
	unsigned w, h;
	if (!image_png_size(buf, len, &w, &h)) {
		if (len > bound_get(B_IMAGE_BYTES)) {
			fail(e, B_IMAGE_BYTES,
			     xasprintf("has more than %zu bytes", bound_get(B_IMAGE_BYTES)));
			return NULL;
		}
		cairo_surface_t *s = png_decode(buf, len, e);
		if (!s)
			return NULL;
		image *im = xcalloc(1, sizeof *im);
		*im = (image){.png = s,
			      .w = w,
			      .h = h,
			      .id = ++next_id,
			      .refs = 1,
			      .held = (size_t)w * h * 4};
		return im;
	}
	if (!looks_like_svg(buf, len)) {
		fail(e, -1, xstrdup("is neither a PNG nor an SVG image"));
		return NULL;
	}
	if (len > bound_get(B_SVG_BYTES)) {
		fail(e, B_SVG_BYTES, xasprintf("has more than %zu bytes", bound_get(B_SVG_BYTES)));
		return NULL;
	}
	return svg_decode(buf, len, e);
}

image *image_load_mem(const unsigned char *buf, size_t len, image_error *e)
{
	*e = (image_error){.limit = -1};
	return decode(buf, len, e);
}

image *image_load(const char *path, const char *root, image_error *e)
{
	*e = (image_error){.limit = -1};
	size_t max = bound_get(B_IMAGE_BYTES);
	if (bound_get(B_SVG_BYTES) > max)
		max = bound_get(B_SVG_BYTES);
	unsigned char *buf = read_bounded(path, root, max, B_IMAGE_BYTES, e);
	if (!buf)
		return NULL;
	image *im = decode(buf, e->in.size, e);
	free(buf);
	return im;
}

image *image_ref(image *im)
{
	im->refs++;
	return im;
}

bool image_shared(const image *im)
{
	return im->refs > 1;
}

size_t image_bytes(const image *im)
{
	return im->held;
}

void image_free(image *im)
{
	if (!im || --im->refs > 0)
		return;
	if (im->png)
		cairo_surface_destroy(im->png);
	if (im->svg)
		g_object_unref(im->svg);
	paint_list_free(&im->paints);
	free(im);
}

bool image_is_vector(const image *im)
{
	return im->svg != NULL;
}

const uint32_t *image_colors(const image *im, size_t *n)
{
	*n = im->paints.ncolors;
	return im->paints.colors;
}

const char *image_pdfx_problem(const image *im, bool x1a)
{
	if (im->paints.pattern)
		return "uses a gradient, a pattern or a mask";
	if (x1a && (im->paints.transparent || im->paints.blend))
		return "uses transparency (opacity or a blend mode)";
	return NULL;
}

void image_size(const image *im, double *w, double *h)
{
	*w = im->w;
	*h = im->h;
}

/* The rectangle the whole picture takes when fitted: inside the box (contain) or around it
 * (cover), centred on it. */
static rect placed(const image *im, rect box, image_fit fit)
{
	double kx = box.w / im->w, ky = box.h / im->h;
	double k = fit == IMAGE_COVER ? fmax(kx, ky) : fmin(kx, ky);
	double w = im->w * k, h = im->h * k;
	return (rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

rect image_fitted(const image *im, rect box, image_fit fit)
{
	return fit == IMAGE_COVER ? box : placed(im, box, fit);
}

double image_ppi(const image *im, rect box, image_fit fit)
{
	if (im->svg)
		return 0;
	rect r = placed(im, box, fit);
	return im->w / (r.w / 72.0);
}

/* A surface that paints im: a copy of a PNG's pixels (w x h), or the SVG drawn once by
 * librsvg into a recording (SVG_UNITS on its longer side), which Cairo writes as a form, its
 * paths once however often it is painted. The recording is its viewBox: what the SVG draws
 * outside it is not shown, as a browser shows an SVG picture (librsvg would draw it, and an
 * unbounded recording makes Cairo measure paths a fuzzer made astronomically large). */
static cairo_surface_t *copy_of(const void *arg)
{
	const image *im = arg;
	if (im->svg) {
		double k = SVG_UNITS / fmax(im->w, im->h);
		cairo_rectangle_t ext = {0, 0, im->w * k, im->h * k};
		cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
		cairo_t *c = cairo_create(rec);
		RsvgRectangle vp = {0, 0, im->w * k, im->h * k};
		rsvg_handle_render_document(im->svg, c, &vp, NULL);
		cairo_destroy(c);
		return rec;
	}
	int iw = (int)im->w, ih = (int)im->h;
	cairo_surface_t *copy = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, iw, ih);
	cairo_t *c2 = cairo_create(copy);
	cairo_set_source_surface(c2, im->png, 0, 0);
	cairo_paint(c2);
	cairo_destroy(c2);
	return copy;
}

void image_show_page(cairo_t *cr)
{
	cairo_show_page(cr);
	image_copies_page_end(cairo_get_target(cr));
}

void image_draw(cairo_t *cr, const image *im, rect box, image_fit fit)
{
	rect r = placed(im, box, fit);
	cairo_save(cr);
	cairo_rectangle(cr, box.x, box.y, box.w, box.h);
	cairo_clip(cr);
	cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
	if (im->svg && type != CAIRO_SURFACE_TYPE_PDF) {
		/* drawn where it is: on pixels (previews), or on a recording, into which Cairo
		 * 1.16 copies a recording leaving two flags uninitialised (a form with or without
		 * a transparency group from run to run). Clipped to its viewBox, as its recording
		 * is. */
		cairo_rectangle(cr, r.x, r.y, r.w, r.h);
		cairo_clip(cr);
		RsvgRectangle vp = {r.x, r.y, r.w, r.h};
		rsvg_handle_render_document(im->svg, cr, &vp, NULL);
		cairo_restore(cr);
		return;
	}
	cairo_surface_t *src;
	if (type == CAIRO_SURFACE_TYPE_IMAGE) /* pixels are pixels: the PNG itself */
		src = cairo_surface_reference(im->png);
	else
		src = image_copies_take(cairo_get_target(cr), im->id,
					im->svg ? im->paints.bytes : im->held, copy_of, im);
	double k = im->svg ? SVG_UNITS / fmax(im->w, im->h) : 1; /* the copy's units */
	cairo_translate(cr, r.x, r.y);
	cairo_scale(cr, r.w / (im->w * k), r.h / (im->h * k));
	cairo_set_source_surface(cr, src, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_surface_destroy(src);
	cairo_restore(cr);
}
