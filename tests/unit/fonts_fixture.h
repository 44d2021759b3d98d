/* fonts_fixture.h - for unit tests that lay text out: find the source tree from the test
 * binary (build/tests/x or build-asan/tests/x), point DECKPRESS_DATA at it so the bundled
 * fonts are used whatever the build directory, and give each group a fontset. */
#ifndef DECKPRESS_FONTS_FIXTURE_H
#define DECKPRESS_FONTS_FIXTURE_H

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fonts.h"
#include "paths.h"
#include "util.h"

/* The source tree's root (static buffer), also set as DECKPRESS_DATA. */
static const char *fixture_root(void)
{
	static char root[PATH_MAX];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	*strrchr(exe, '/') = '\0';
	char *dir = xasprintf("%s/../..", exe);
	assert_non_null(realpath(dir, root));
	free(dir);
	setenv("DECKPRESS_DATA", root, 1);
	return root;
}

/* cmocka group setup: *state = a fontset on the bundled fonts. */
static int fixture_fontset_setup(void **state)
{
	fixture_root();
	char *fonts = paths_fonts_dir(), *err = NULL;
	fontset *f = fonts ? fontset_new(fonts, &err) : NULL;
	free(fonts);
	free(err);
	*state = f;
	return f ? 0 : -1;
}

static int fixture_fontset_teardown(void **state)
{
	fontset_free(*state);
	return 0;
}

#endif
