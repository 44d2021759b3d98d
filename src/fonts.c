/* fonts.c - a private fontconfig on fonts/ and a 72 dpi, unhinted Pango context on it. */
#include "fonts.h"

#include <dirent.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

struct fontset {
	PangoFontMap *map;
	PangoContext *ctx;
	FcConfig *cfg;
	char *dir;    /* absolute, no trailing slash */
	char **files; /* a deck's own font files added to it (absolute) */
	size_t nfiles;
};

/* True if dir is a real directory of ours that only we can write (it may be in /tmp). */
static bool dir_is_ours(const char *dir)
{
	struct stat st;
	return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
	       (st.st_mode & 022) == 0 && access(dir, W_OK | X_OK) == 0;
}

/* A writable font cache directory of our own, or NULL; caller frees. A shared system cache
 * would mix our private configuration with the machine's, and a config without any writable
 * cache makes fontconfig print "Fontconfig error: No writable cache directories". */
static char *cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *cand[3] = {NULL, NULL, NULL};
	if (xdg && xdg[0] == '/')
		cand[0] = xasprintf("%s/deckpress/fontconfig", xdg);
	else if (home && home[0] == '/')
		cand[0] = xasprintf("%s/.cache/deckpress/fontconfig", home);
	cand[1] = xasprintf("/tmp/deckpress-fc-%ld", (long)geteuid());
	char *found = NULL;
	for (int i = 0; i < 2; i++) {
		if (!found && cand[i] && make_dirs(cand[i], 0700) == 0 && dir_is_ours(cand[i]))
			found = cand[i];
		else
			free(cand[i]);
	}
	return found;
}

/* Text with &, <, > and quotes escaped for XML; caller frees. */
static char *xml_escape(const char *s)
{
	strbuf b = {0};
	for (; *s; s++) {
		switch (*s) {
		case '&':
			strbuf_puts(&b, "&amp;");
			break;
		case '<':
			strbuf_puts(&b, "&lt;");
			break;
		case '>':
			strbuf_puts(&b, "&gt;");
			break;
		case '"':
			strbuf_puts(&b, "&quot;");
			break;
		default:
			strbuf_putc(&b, *s);
		}
	}
	return strbuf_take(&b);
}

/* Without a cache directory, add the files one by one: fontconfig caches only whole
 * directories, so nothing tries to write a cache. */
static void add_files(FcConfig *cfg, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *dot = strrchr(e->d_name, '.');
		if (!dot || (strcasecmp(dot, ".ttf") && strcasecmp(dot, ".otf")))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		FcConfigAppFontAddFile(cfg, (const FcChar8 *)path);
		free(path);
	}
	closedir(d);
}

/* A fontconfig configuration that knows only the fonts in dir, or NULL. */
static FcConfig *config_new(const char *dir, char **err)
{
	FcConfig *cfg = FcConfigCreate();
	if (!cfg) {
		*err = xstrdup("cannot create a fontconfig configuration");
		return NULL;
	}
	FcConfigSetRescanInterval(cfg, 0); /* our fonts do not change while we run */
	char *cache = cache_dir();
	if (cache) {
		char *esc = xml_escape(cache);
		char *xml = xasprintf("<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%s</cachedir>"
				      "</fontconfig>",
				      esc);
		if (!FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml, FcTrue)) {
			free(cache);
			cache = NULL;
		}
		free(xml);
		free(esc);
	}
	if (cache)
		FcConfigAppFontAddDir(cfg, (const FcChar8 *)dir);
	else
		add_files(cfg, dir);
	free(cache);
	FcFontSet *set = FcConfigGetFonts(cfg, FcSetApplication);
	if (!set || set->nfont == 0) {
		*err = xasprintf("no fonts in %s", dir);
		FcConfigDestroy(cfg);
		return NULL;
	}
	return cfg;
}

/* Unhinted metrics and unrounded positions: glyphs sit where the font says, at any size,
 * so letter spacing is even and a layout measures the same on every surface. */
static void context_setup(PangoContext *ctx)
{
	pango_cairo_context_set_resolution(ctx, 72); /* 1 pt of font size = 1 PDF unit */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
	pango_context_set_language(ctx, pango_language_from_string("en"));
}

fontset *fontset_new(const char *fonts_dir, char **err)
{
	*err = NULL;
	char *dir = realpath(fonts_dir, NULL);
	struct stat st;
	if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf("cannot read fonts directory %s: %s", fonts_dir,
				 dir ? "not a directory" : strerror(errno));
		free(dir);
		return NULL;
	}
	FcConfig *cfg = config_new(dir, err);
	if (!cfg) {
		free(dir);
		return NULL;
	}
	/* Ours is the process's configuration too: a Pango font map starts fontconfig's FcInit,
	 * which otherwise loads the system's configuration and fonts that we never use. */
	FcConfigSetCurrent(cfg);
	fontset *f = xcalloc(1, sizeof(*f));
	f->dir = xstrdup(dir);
	free(dir);
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), cfg); /* takes a reference */
	f->cfg = cfg; /* our reference, for fontset_add_file */
	f->ctx = pango_font_map_create_context(f->map);
	context_setup(f->ctx);
	return f;
}

PangoContext *fontset_context(fontset *f)
{
	return f->ctx;
}

void fontset_set_language(fontset *f, const char *lang)
{
	pango_context_set_language(f->ctx, pango_language_from_string(lang));
}

const char *fontset_dir(const fontset *f)
{
	return f->dir;
}

int fontset_add_file(fontset *f, const char *path, char **err)
{
	*err = NULL;
	char *real = realpath(path, NULL);
	if (!real) {
		*err = xasprintf("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	if (!FcConfigAppFontAddFile(f->cfg, (const FcChar8 *)real)) {
		*err = xasprintf("%s is not a font fontconfig can read", path);
		free(real);
		return -1;
	}
	f->files = xrealloc(f->files, (f->nfiles + 1) * sizeof *f->files);
	f->files[f->nfiles++] = real;
	/* Pango caches what it matched: it must see the new file */
	pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(f->map));
	return 0;
}

/* True if file is in the fonts directory or is one of the files added to the fontset. */
static bool known_file(const fontset *f, const char *file)
{
	size_t dl = strlen(f->dir);
	if (!file)
		return false;
	if (strncmp(file, f->dir, dl) == 0 && file[dl] == '/')
		return true;
	for (size_t i = 0; i < f->nfiles; i++)
		if (!strcmp(file, f->files[i]))
			return true;
	return false;
}

/* True if the font pattern lists `family` among its family names ("Open Sans" and
 * "Open Sans Semibold" both name the semibold face). */
static bool has_family(FcPattern *pat, const char *family)
{
	FcChar8 *name;
	for (int i = 0; FcPatternGetString(pat, FC_FAMILY, i, &name) == FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(name, (const FcChar8 *)family) == 0)
			return true;
	return false;
}

int fontset_check_family(fontset *f, const char *family, char **resolved)
{
	/* set_family, not from_string: "Latin Modern Roman 12" would parse as "Latin Modern". */
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, family);
	pango_font_description_set_size(desc, 12 * PANGO_SCALE);
	PangoFont *font = pango_font_map_load_font(f->map, f->ctx, desc);
	pango_font_description_free(desc);
	int rc = -1;
	char *out = NULL;
	FcPattern *pat = font && PANGO_IS_FC_FONT(font)
				 ? pango_fc_font_get_pattern(PANGO_FC_FONT(font))
				 : NULL;
	FcChar8 *file = NULL, *found = NULL;
	if (pat)
		FcPatternGetString(pat, FC_FILE, 0, &file);
	if (known_file(f, (const char *)file) && has_family(pat, family)) {
		rc = 0;
		out = xstrdup((const char *)file);
	} else if (pat && FcPatternGetString(pat, FC_FAMILY, 0, &found) == FcResultMatch) {
		out = xstrdup((const char *)found);
	} else {
		out = xstrdup("(none)");
	}
	if (font)
		g_object_unref(font);
	if (resolved)
		*resolved = out;
	else
		free(out);
	return rc;
}

/* A weight as the design names it: "semibold (600)". */
static const char *weight_name(PangoWeight w)
{
	return w <= 350 ? "light" : w <= 450 ? "regular" : w <= 550 ? "medium" : w <= 650 ? "semibold"
	       : w <= 750 ? "bold" : "black";
}

int fontset_check_style(fontset *f, const char *family, PangoWeight weight, PangoStyle style,
			char **missing)
{
	*missing = NULL;
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, family);
	pango_font_description_set_weight(desc, weight);
	pango_font_description_set_style(desc, style);
	pango_font_description_set_size(desc, 12 * PANGO_SCALE);
	PangoFont *font = pango_font_map_load_font(f->map, f->ctx, desc);
	pango_font_description_free(desc);
	FcPattern *pat = font && PANGO_IS_FC_FONT(font)
				 ? pango_fc_font_get_pattern(PANGO_FC_FONT(font))
				 : NULL;
	int rc = -1;
	if (pat) {
		PangoFontDescription *got = pango_font_describe(font);
		bool slanted = pango_font_description_get_style(got) != PANGO_STYLE_NORMAL;
		int dw = (int)pango_font_description_get_weight(got) - (int)weight;
		/* a bold stands in for a semibold (as in families with four styles); an oblique
		 * for an italic; a regular never for either */
		if (has_family(pat, family) && slanted == (style != PANGO_STYLE_NORMAL) &&
		    dw >= -100 && dw <= 100)
			rc = 0;
		pango_font_description_free(got);
	}
	if (font)
		g_object_unref(font);
	if (rc) {
		bool it = style != PANGO_STYLE_NORMAL, plain = weight == PANGO_WEIGHT_NORMAL;
		*missing = xasprintf("%s%s%s", plain && it ? "" : weight_name(weight),
				     !plain && it ? " " : "", it ? "italic" : "");
	}
	return rc;
}

void fontset_free(fontset *f)
{
	if (!f)
		return;
	g_object_unref(f->ctx);
	g_object_unref(f->map);
	FcConfigDestroy(f->cfg);
	for (size_t i = 0; i < f->nfiles; i++)
		free(f->files[i]);
	free(f->files);
	free(f->dir);
	free(f);
}
