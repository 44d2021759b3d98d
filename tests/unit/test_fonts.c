/* test_fonts.c - data paths, the private fontconfig, 72 dpi metrics, missing glyphs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fonts.h"
#include "paths.h"
#include "util.h"

#include "fonts_fixture.h"

static const char *root; /* the source tree, set by setup */

static int setup(void **state)
{
	root = fixture_root();
	return fixture_fontset_setup(state);
}

static void test_paths(void **state)
{
	(void)state;
	char *data = paths_data_dir();
	assert_non_null(data);
	assert_string_equal(data, root);
	free(data);

	char tmpl[] = "/tmp/deckpress-paths-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	setenv("DECKPRESS_DATA", tmpl, 1); /* no fonts/ inside: not a data directory */
	data = paths_data_dir();
	assert_true(data == NULL || strcmp(data, tmpl) != 0);
	free(data);
	char *sub = xasprintf("%s/fonts", tmpl);
	assert_int_equal(mkdir(sub, 0700), 0);
	char *fonts = paths_fonts_dir();
	assert_non_null(fonts);
	assert_string_equal(fonts, sub);
	free(fonts);
	rmdir(sub);
	rmdir(tmpl);
	free(sub);
	setenv("DECKPRESS_DATA", root, 1);
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void test_families_bundled(void **state)
{
	fontset *f = *state;
	char *file = NULL;
	assert_int_equal(fontset_check_family(f, "Yrsa", &file), 0);
	assert_string_equal(base(file), "Yrsa-Regular.ttf");
	assert_true(strncmp(file, fontset_dir(f), strlen(fontset_dir(f))) == 0);
	free(file);
	assert_int_equal(fontset_check_family(f, "Open Sans", &file), 0);
	assert_string_equal(base(file), "OpenSans-Regular.ttf");
	free(file);
	assert_int_equal(fontset_check_family(f, "open sans", NULL), 0);
}

static void test_family_missing(void **state)
{
	fontset *f = *state;
	const char *missing[] = {"DejaVu Sans", "Comic Sans", "Latin Modern Roman 12", "serif"};
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
		char *found = NULL;
		assert_int_equal(fontset_check_family(f, missing[i], &found), -1);
		assert_non_null(found);
		/* The machine's fonts are invisible: the fallback is one of ours. */
		assert_true(strcmp(found, "Yrsa") == 0 || strcmp(found, "Open Sans") == 0);
		free(found);
	}
}

/* The file Pango picks for family/weight/style. */
static char *face_file(fontset *f, const char *family, PangoWeight w, PangoStyle st)
{
	PangoContext *ctx = fontset_context(f);
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, family);
	pango_font_description_set_weight(d, w);
	pango_font_description_set_style(d, st);
	pango_font_description_set_size(d, 10 * PANGO_SCALE);
	PangoFont *font = pango_font_map_load_font(pango_context_get_font_map(ctx), ctx, d);
	pango_font_description_free(d);
	assert_non_null(font);
	FcChar8 *file = NULL;
	FcPatternGetString(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_FILE, 0, &file);
	char *out = xstrdup(base((const char *)file));
	g_object_unref(font);
	return out;
}

static void test_every_face(void **state)
{
	static const struct {
		const char *family;
		PangoWeight w;
		PangoStyle st;
		const char *file;
	} faces[] = {
		{"Yrsa", PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, "Yrsa-Italic.ttf"},
		{"Yrsa", PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, "Yrsa-SemiBold.ttf"},
		{"Yrsa", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, "Yrsa-Bold.ttf"},
		{"Yrsa", PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, "Yrsa-BoldItalic.ttf"},
		{"Open Sans", PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, "OpenSans-Italic.ttf"},
		{"Open Sans", PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, "OpenSans-Semibold.ttf"},
		{"Open Sans", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, "OpenSans-Bold.ttf"},
		{"Open Sans", PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, "OpenSans-BoldItalic.ttf"},
	};
	for (size_t i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
		char *file = face_file(*state, faces[i].family, faces[i].w, faces[i].st);
		assert_string_equal(file, faces[i].file);
		free(file);
	}
}

/* (ascender - descender) / units per em from the font file itself, read with FreeType. */
static double line_height_em(const char *file)
{
	FT_Library lib;
	FT_Face face;
	assert_int_equal(FT_Init_FreeType(&lib), 0);
	char *path = xasprintf("%s/fonts/%s", root, file);
	assert_int_equal(FT_New_Face(lib, path, 0, &face), 0);
	double em = (double)(face->ascender - face->descender) / face->units_per_EM;
	FT_Done_Face(face);
	FT_Done_FreeType(lib);
	free(path);
	return em;
}

/* Logical height of one line of text at `size` pt. */
static double line_height_pt(fontset *f, const char *family, double size)
{
	PangoLayout *l = pango_layout_new(fontset_context(f));
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, family);
	pango_font_description_set_size(d, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, d);
	pango_layout_set_text(l, "Hoe voelt dat?", -1);
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	pango_font_description_free(d);
	g_object_unref(l);
	return (double)log.height / PANGO_SCALE;
}

static void test_72dpi(void **state)
{
	/* At 96 dpi the height would be 4/3 of the expected one. */
	double want = 12 * line_height_em("Yrsa-Regular.ttf");
	double got = line_height_pt(*state, "Yrsa", 12);
	assert_true(fabs(got - want) < 0.02 * want);
	want = 12 * line_height_em("OpenSans-Regular.ttf");
	got = line_height_pt(*state, "Open Sans", 12);
	assert_true(fabs(got - want) < 0.02 * want);
}

static int unknown_glyphs(fontset *f, const char *text)
{
	PangoLayout *l = pango_layout_new(fontset_context(f));
	PangoFontDescription *d = pango_font_description_from_string("Yrsa, 12");
	pango_layout_set_font_description(l, d);
	pango_layout_set_text(l, text, -1);
	int n = pango_layout_get_unknown_glyphs_count(l);
	pango_font_description_free(d);
	g_object_unref(l);
	return n;
}

static void test_unknown_glyphs(void **state)
{
	assert_int_equal(unknown_glyphs(*state, "Één café, naïef"), 0);
	assert_int_equal(unknown_glyphs(*state, "smile \xF0\x9F\x98\x80!"), 1);  /* U+1F600 */
	assert_int_equal(unknown_glyphs(*state, "\xE4\xB8\xAD\xE6\x96\x87"), 2); /* 中文 */
}

static void test_bad_dirs(void **state)
{
	(void)state;
	char *err = NULL;
	assert_null(fontset_new("/nonexistent/deckpress-fonts", &err));
	assert_non_null(err);
	free(err);
	char tmpl[] = "/tmp/deckpress-nofonts-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	err = NULL;
	assert_null(fontset_new(tmpl, &err));
	assert_non_null(strstr(err, "no fonts"));
	free(err);
	rmdir(tmpl);
}

/* With a cache location we cannot create, fontconfig must still stay silent. */
static void test_quiet_without_cache(void **state)
{
	(void)state;
	char *fonts = paths_fonts_dir();
	char *log = xasprintf("/tmp/deckpress-fc-stderr-%ld", (long)getpid());
	const char *old_xdg = getenv("XDG_CACHE_HOME");
	char *saved_xdg = old_xdg ? xstrdup(old_xdg) : NULL;
	setenv("XDG_CACHE_HOME", "/proc/deckpress-not-writable", 1);
	fflush(stderr);
	int saved = dup(2);
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	dup2(fd, 2);
	close(fd);
	char *err = NULL;
	fontset *f = fontset_new(fonts, &err);
	int rc = f ? fontset_check_family(f, "Yrsa", NULL) : -2;
	fontset_free(f);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (saved_xdg)
		setenv("XDG_CACHE_HOME", saved_xdg, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	assert_int_equal(rc, 0);
	FILE *in = fopen(log, "r");
	assert_non_null(in);
	char buf[256] = "";
	size_t n = fread(buf, 1, sizeof(buf) - 1, in);
	fclose(in);
	unlink(log);
	assert_int_equal(n, 0);
	free(err);
	free(fonts);
	free(log);
	free(saved_xdg);
}

/* Styles: a bold stands in for a semibold, an oblique for an italic, a regular for neither;
 * and a deck's own file (DejaVu Serif from Debian) joins the fontset. */
static void test_styles(void **state)
{
	fontset *f = *state;
	char *missing = NULL;
	assert_int_equal(fontset_check_style(f, "Yrsa", PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
					     &missing), 0);
	/* Yrsa has no semibold italic: its bold italic serves */
	assert_int_equal(fontset_check_style(f, "Yrsa", PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_ITALIC,
					     &missing), 0);
	assert_int_equal(fontset_check_style(f, "Open Sans", PANGO_WEIGHT_ULTRALIGHT,
					     PANGO_STYLE_NORMAL, &missing), -1);
	assert_string_equal(missing, "light");
	free(missing);
	const char *dv = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
	char *resolved = NULL, *err = NULL;
	assert_int_equal(fontset_check_family(f, "DejaVu Serif", &resolved), -1);
	free(resolved);
	if (access(dv, R_OK) != 0) {
		skip(); /* fonts-dejavu-core is in .ci/deps.sh */
		return;
	}
	fontset *own = fontset_new(fontset_dir(f), &err);
	assert_non_null(own);
	assert_int_equal(fontset_add_file(own, dv, &err), 0);
	assert_int_equal(fontset_check_family(own, "DejaVu Serif", &resolved), 0);
	assert_string_equal(resolved, dv);
	free(resolved);
	assert_int_equal(fontset_check_style(own, "DejaVu Serif", PANGO_WEIGHT_NORMAL,
					     PANGO_STYLE_NORMAL, &missing), 0);
	assert_int_equal(fontset_check_style(own, "DejaVu Serif", PANGO_WEIGHT_NORMAL,
					     PANGO_STYLE_ITALIC, &missing), -1);
	assert_string_equal(missing, "italic");
	free(missing);
	assert_int_equal(fontset_check_style(own, "DejaVu Serif", PANGO_WEIGHT_SEMIBOLD,
					     PANGO_STYLE_ITALIC, &missing), -1);
	assert_string_equal(missing, "semibold italic");
	free(missing);
	assert_int_equal(fontset_add_file(own, "/nonexistent.ttf", &err), -1);
	free(err);
	fontset_free(own);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),          cmocka_unit_test(test_families_bundled),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_family_missing), cmocka_unit_test(test_every_face),
		cmocka_unit_test(test_72dpi),          cmocka_unit_test(test_unknown_glyphs),
		cmocka_unit_test(test_bad_dirs),       cmocka_unit_test(test_quiet_without_cache),
	};
	return cmocka_run_group_tests(tests, setup, fixture_fontset_teardown);
}
