/* paths.c - find the data directory from $DECKPRESS_DATA or the executable's location. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* realpath(dir) if dir/fonts is a directory, else NULL; caller frees. */
static char *with_fonts(const char *dir)
{
	char *fonts = xasprintf("%s/fonts", dir);
	struct stat st;
	int ok = stat(fonts, &st) == 0 && S_ISDIR(st.st_mode);
	free(fonts);
	if (!ok)
		return NULL;
	char *abs = realpath(dir, NULL);
	if (!abs)
		return NULL;
	char *out = xstrdup(abs); /* realpath uses plain malloc; keep our allocator's contract */
	free(abs);
	return out;
}

/* The directory holding the running executable, or NULL; caller frees. */
static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(buf[0] ? buf : "/");
}

char *paths_data_dir(void)
{
	const char *env = getenv("DECKPRESS_DATA");
	char *found = env && *env ? with_fonts(env) : NULL;
	if (found)
		return found;
	char *exe = exe_dir();
	if (!exe)
		return NULL;
	static const char *const rel[] = {"/../share/deckpress", "", "/.."};
	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]) && !found; i++) {
		char *dir = xasprintf("%s%s", exe, rel[i]);
		found = with_fonts(dir);
		free(dir);
	}
	free(exe);
	return found;
}

char *paths_fonts_dir(void)
{
	char *data = paths_data_dir();
	if (!data)
		return NULL;
	char *fonts = xasprintf("%s/fonts", data);
	free(data);
	return fonts;
}

char *paths_schema(const char *name)
{
	char *data = paths_data_dir();
	if (!data)
		return NULL;
	static const char *const rel[] = {"", "/docs"};
	char *found = NULL;
	for (size_t i = 0; i < 2 && !found; i++) {
		char *p = xasprintf("%s%s/%s", data, rel[i], name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			found = p;
		else
			free(p);
	}
	free(data);
	return found;
}
