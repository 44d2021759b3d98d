/* paint_scan.c - the colours and kinds of paint of a recorded Cairo drawing, read from its
 * CairoScript as Cairo streams it out. */
#include "paint_scan.h"

#include <cairo-script.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { TOKEN_MAX = 48, RECENT = 5 };

typedef struct {
	paint_list *out;
	char tok[TOKEN_MAX + 1]; /* the token being read (a longer one is cut: no name is) */
	size_t len;
	double num[RECENT]; /* the last tokens as numbers (NAN: not a number) */
	bool source_set;    /* a colour or pattern was set in the current context */
} scanner;

static void add_color(paint_list *p, uint32_t rgb)
{
	for (size_t i = 0; i < p->ncolors; i++)
		if (p->colors[i] == rgb)
			return;
	p->colors = xrealloc(p->colors, (p->ncolors + 1) * sizeof *p->colors);
	p->colors[p->ncolors++] = rgb;
}

/* Cairo writes a colour's channels with six decimals; librsvg's colours are 8-bit. */
static uint32_t channel(double v)
{
	return (uint32_t)lround(fmin(1, fmax(0, v)) * 255);
}

/* "R G B rgb", "R G B A rgba", and "V g" (Cairo writes an opaque grey, black and white
 * among them, as one number): the operands are the last tokens read. */
static void color_op(scanner *S, int channels, bool alpha)
{
	int k = channels + alpha;
	const double *n = S->num + RECENT - k;
	for (int i = 0; i < k; i++)
		if (isnan(n[i]))
			return;
	uint32_t r = channel(n[0]), g = channels == 1 ? r : channel(n[1]),
		 b = channels == 1 ? r : channel(n[2]);
	add_color(S->out, r << 16 | g << 8 | b);
	if (alpha && n[k - 1] < 1)
		S->out->transparent = true;
}

static void token(scanner *S)
{
	const char *t = S->tok;
	paint_list *p = S->out;
	if (!strcmp(t, "set-source"))
		S->source_set = true;
	else if (!strcmp(t, "context"))
		S->source_set = false; /* a new context (a group) starts in opaque black */
	else if (!S->source_set && (!strncmp(t, "fill", 4) || !strncmp(t, "stroke", 6) ||
				    !strcmp(t, "paint") || !strcmp(t, "show-glyphs")))
		add_color(p, 0x000000); /* drawn in the default colour: Cairo writes no change */
	if (!strcmp(t, "rgb") || !strcmp(t, "rgba"))
		color_op(S, 3, t[3] == 'a');
	else if (!strcmp(t, "g") || !strcmp(t, "ga"))
		color_op(S, 1, t[1] == 'a');
	else if (!strcmp(t, "linear") || !strcmp(t, "radial") || !strcmp(t, "mesh") ||
		 !strcmp(t, "image") || !strcmp(t, "set-extend"))
		p->pattern = true; /* gradients, pixels (librsvg draws an SVG <mask> as pixels),
				    * repeated tiles (an SVG <pattern>) */
	else if (!strcmp(t, "mask") || !strcmp(t, "paint-with-alpha"))
		p->transparent = true; /* masks, and groups drawn with opacity */
	else if (!strcmp(t, "set-operator") && S->num[RECENT - 1] != 1)
		p->blend = true;
	double v = NAN;
	char *end;
	if (*t && (t[0] == '-' || t[0] == '.' || (t[0] >= '0' && t[0] <= '9'))) {
		v = strtod(t, &end);
		if (*end)
			v = NAN;
	}
	/* "//OVER set-operator" is the only operator that paints plainly: mark it 1 */
	if (!strcmp(t, "//OVER"))
		v = 1;
	memmove(S->num, S->num + 1, (RECENT - 1) * sizeof *S->num);
	S->num[RECENT - 1] = v;
}

static cairo_status_t on_write(void *closure, const unsigned char *data, unsigned int n)
{
	scanner *S = closure;
	for (unsigned int i = 0; i < n; i++) {
		unsigned char c = data[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (S->len) {
				S->tok[S->len] = '\0';
				token(S);
				S->len = 0;
			}
		} else if (S->len < TOKEN_MAX) {
			S->tok[S->len++] = (char)c;
		}
	}
	return CAIRO_STATUS_SUCCESS;
}

int paint_scan_recording(cairo_surface_t *rec, paint_list *out)
{
	*out = (paint_list){0};
	scanner S = {.out = out};
	for (int i = 0; i < RECENT; i++)
		S.num[i] = NAN;
	cairo_device_t *dev = cairo_script_create_for_stream(on_write, &S);
	cairo_status_t st = cairo_script_from_recording_surface(dev, rec);
	/* destroyed before the writer: the surfaces of groups inside it tell the writer when
	 * they go, and it writes that out to this function's scanner */
	cairo_surface_destroy(rec);
	cairo_device_finish(dev);
	cairo_device_destroy(dev);
	on_write(&S, (const unsigned char *)"\n", 1);
	if (st != CAIRO_STATUS_SUCCESS) {
		paint_list_free(out);
		return -1;
	}
	return 0;
}

void paint_list_free(paint_list *p)
{
	free(p->colors);
	*p = (paint_list){0};
}
