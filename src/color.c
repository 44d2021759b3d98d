/* color.c - the output profile and sRGB to CMYK with Little CMS 2. */
#include "color.h"

#include <lcms2.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "util.h"

#define ICC_MAX        (32u << 20) /* bytes: real profiles are well under 10 MB */
#define NEUTRAL_CHROMA 6.0         /* CIELAB C*ab below this reads as grey */

struct color_profile {
	cmsContext ctx;
	unsigned char *data;
	size_t len;
	char *name;
	bool builtin;
	cmsHTRANSFORM to_cmyk;   /* sRGB doubles -> CMYK %, relative colorimetric + BPC */
	cmsHTRANSFORM to_cmyk8;  /* the same for 8-bit pixels */
	cmsHTRANSFORM rgb_lab;   /* sRGB -> CIELAB (D50) */
	cmsHTRANSFORM cmyk_lab;  /* CMYK % -> CIELAB, relative to the paper */
	double black_y;          /* luminance of 100 % K alone, paper = 1 */
	char error[256];         /* Little CMS's last complaint */
};

static void lcms_error(cmsContext ctx, cmsUInt32Number code, const char *text)
{
	(void)code;
	color_profile *p = cmsGetContextUserData(ctx);
	if (p && !p->error[0])
		snprintf(p->error, sizeof p->error, "%s", text);
}

void color_profile_free(color_profile *p)
{
	if (!p)
		return;
	cmsHTRANSFORM t[] = {p->to_cmyk, p->to_cmyk8, p->rgb_lab, p->cmyk_lab};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i])
			cmsDeleteTransform(t[i]);
	if (p->ctx)
		cmsDeleteContext(p->ctx);
	free(p->data);
	free(p->name);
	free(p);
}

static double y_of_l(double L)
{
	double f = (L + 16) / 116;
	return f > 6.0 / 29 ? f * f * f : 3 * (6.0 / 29) * (6.0 / 29) * (f - 4.0 / 29);
}

static double k_lightness(const color_profile *p, double k)
{
	double in[4] = {0, 0, 0, k * 100}, lab[3];
	cmsDoTransform(p->cmyk_lab, in, lab, 1);
	return lab[0];
}

/* Why the profile cannot be used, or NULL. */
static const char *unusable(cmsHPROFILE h)
{
	if (cmsGetColorSpace(h) != cmsSigCmykData)
		return "is not a CMYK profile";
	if (cmsGetDeviceClass(h) != cmsSigOutputClass)
		return "is not an output (printer) profile";
	if (!cmsIsIntentSupported(h, INTENT_RELATIVE_COLORIMETRIC, LCMS_USED_AS_OUTPUT) ||
	    !cmsIsIntentSupported(h, INTENT_RELATIVE_COLORIMETRIC, LCMS_USED_AS_INPUT))
		return "has no relative colorimetric tables in both directions";
	return NULL;
}

/* The transforms; false if Little CMS refused one. */
static bool make_transforms(color_profile *p, cmsHPROFILE out)
{
	cmsHPROFILE srgb = cmsCreate_sRGBProfileTHR(p->ctx);
	cmsHPROFILE lab = cmsCreateLab4ProfileTHR(p->ctx, NULL);
	cmsUInt32Number bpc = cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE;
	int rel = INTENT_RELATIVE_COLORIMETRIC;
	if (srgb && lab) {
		p->to_cmyk = cmsCreateTransformTHR(p->ctx, srgb, TYPE_RGB_DBL, out,
						   TYPE_CMYK_DBL, rel, bpc);
		p->to_cmyk8 = cmsCreateTransformTHR(p->ctx, srgb, TYPE_RGB_8, out, TYPE_CMYK_8,
						    rel, cmsFLAGS_BLACKPOINTCOMPENSATION);
		p->rgb_lab = cmsCreateTransformTHR(p->ctx, srgb, TYPE_RGB_DBL, lab, TYPE_Lab_DBL,
						   rel, cmsFLAGS_NOCACHE);
		p->cmyk_lab = cmsCreateTransformTHR(p->ctx, out, TYPE_CMYK_DBL, lab, TYPE_Lab_DBL,
						    rel, cmsFLAGS_NOCACHE);
	}
	if (srgb)
		cmsCloseProfile(srgb);
	if (lab)
		cmsCloseProfile(lab);
	return p->to_cmyk && p->to_cmyk8 && p->rgb_lab && p->cmyk_lab;
}

static char *describe(cmsHPROFILE h)
{
	char buf[256] = "";
	cmsGetProfileInfoASCII(h, cmsInfoDescription, "en", "US", buf, sizeof buf);
	return xstrdup(buf[0] ? buf : "unnamed CMYK profile");
}

color_profile *color_profile_from_mem(const unsigned char *data, size_t len, const char *what,
				      char **err)
{
	color_profile *p = xcalloc(1, sizeof *p);
	p->ctx = cmsCreateContext(NULL, p);
	cmsSetLogErrorHandlerTHR(p->ctx, lcms_error);
	p->data = xmalloc(len ? len : 1);
	memcpy(p->data, data, len);
	p->len = len;
	cmsHPROFILE h = cmsOpenProfileFromMemTHR(p->ctx, p->data, (cmsUInt32Number)len);
	const char *why = h ? unusable(h) : "is not an ICC colour profile";
	if (!why && !make_transforms(p, h))
		why = "cannot be used for colour conversion";
	if (why) {
		*err = p->error[0] && !h ? xasprintf("%s %s (%s)", what, why, p->error)
					 : xasprintf("%s %s", what, why);
		if (h)
			cmsCloseProfile(h);
		color_profile_free(p);
		return NULL;
	}
	p->name = describe(h);
	cmsCloseProfile(h);
	p->black_y = y_of_l(k_lightness(p, 1));
	return p;
}

color_profile *color_profile_open(const char *path, char **err, bool *unreadable)
{
	*err = NULL;
	*unreadable = false;
	if (!path) {
		color_profile *p = color_profile_from_mem(icc_fogra39, icc_fogra39_len,
							  "the built-in FOGRA39 profile", err);
		if (p)
			p->builtin = true;
		return p;
	}
	/* the command line is trusted with where the profile is, not with what it holds */
	input_result r;
	unsigned char *buf = (unsigned char *)input_read(path, NULL, ICC_MAX, &r);
	if (!buf) {
		char *why = input_problem(&r, NULL);
		*err = r.status == IN_OPEN ? xasprintf("cannot read ICC profile '%s': %s", path, why)
					   : xasprintf("ICC profile '%s' %s", path, why);
		free(why);
		free(r.why);
		*unreadable = true;
		return NULL;
	}
	size_t len = r.size;
	free(r.why);
	char *what = xasprintf("ICC profile '%s'", path);
	color_profile *p = color_profile_from_mem(buf, len, what, err);
	free(what);
	free(buf);
	return p;
}

const unsigned char *color_profile_data(const color_profile *p, size_t *len)
{
	*len = p->len;
	return p->data;
}

const char *color_profile_name(const color_profile *p)
{
	return p->name;
}

bool color_profile_builtin(const color_profile *p)
{
	return p->builtin;
}

static void rgb_doubles(uint32_t rgb, double v[3])
{
	v[0] = (rgb >> 16 & 0xff) / 255.0;
	v[1] = (rgb >> 8 & 0xff) / 255.0;
	v[2] = (rgb & 0xff) / 255.0;
}

static double unit(double percent)
{
	double v = percent / 100;
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

cmyk color_to_cmyk(const color_profile *p, uint32_t rgb)
{
	if ((rgb & 0xffffff) == 0xffffff)
		return (cmyk){0, 0, 0, 0}; /* paper: no ink at all, whatever the table says */
	double in[3], out[4];
	rgb_doubles(rgb, in);
	cmsDoTransform(p->to_cmyk, in, out, 1);
	return (cmyk){unit(out[0]), unit(out[1]), unit(out[2]), unit(out[3])};
}

cmyk color_to_k(const color_profile *p, uint32_t rgb)
{
	double in[3], lab[3];
	rgb_doubles(rgb, in);
	cmsDoTransform(p->rgb_lab, in, lab, 1);
	/* black-point compensation in luminance: sRGB black lands on 100 % K */
	double want = p->black_y + y_of_l(lab[0]) * (1 - p->black_y);
	if (want >= 1 - 1e-6)
		return (cmyk){0, 0, 0, 0};
	double lo = 0, hi = 1; /* lightness falls as K rises */
	for (int i = 0; i < 40; i++) {
		double mid = (lo + hi) / 2;
		if (y_of_l(k_lightness(p, mid)) > want)
			lo = mid;
		else
			hi = mid;
	}
	double k = (lo + hi) / 2;
	return (cmyk){0, 0, 0, k > 0.9995 ? 1 : k < 0.0005 ? 0 : k};
}

bool color_is_neutral(const color_profile *p, uint32_t rgb)
{
	double in[3], lab[3];
	rgb_doubles(rgb, in);
	cmsDoTransform(p->rgb_lab, in, lab, 1);
	return hypot(lab[1], lab[2]) < NEUTRAL_CHROMA;
}

void color_pixels_to_cmyk(const color_profile *p, const unsigned char *rgb, size_t n,
			  unsigned char *out)
{
	while (n > 0) { /* Little CMS counts pixels in 32 bits */
		cmsUInt32Number step = n > (1u << 30) ? 1u << 30 : (cmsUInt32Number)n;
		cmsDoTransform(p->to_cmyk8, rgb, out, step);
		rgb += 3 * (size_t)step, out += 4 * (size_t)step, n -= step;
	}
}

static double lin(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
	double v[3];
	rgb_doubles(rgb, v);
	return 0.2126 * lin(v[0]) + 0.7152 * lin(v[1]) + 0.0722 * lin(v[2]);
}

double color_contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);
	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

uint32_t color_fade(uint32_t rgb, double fade)
{
	uint32_t out = 0;
	for (int shift = 16; shift >= 0; shift -= 8) {
		double c = (rgb >> shift & 0xff);
		out |= (uint32_t)lround(c + (255 - c) * fade) << shift;
	}
	return out;
}

uint32_t color_legible(uint32_t fg, uint32_t bg, uint32_t other)
{
	if (color_contrast(fg, bg) >= 4.5)
		return fg;
	return color_contrast(other, bg) > color_contrast(fg, bg) ? other : fg;
}

double color_fade_for_contrast(uint32_t ink, uint32_t paper, double fade, double ratio)
{
	/* contrast falls as the ink fades: step down in hundredths from the wanted fade */
	for (int f = (int)floor(fade * 100 + 1e-9); f > 0; f--)
		if (color_contrast(color_fade(ink, (f + 0.5) / 100), paper) >= ratio)
			return f / 100.0;
	return 0;
}
