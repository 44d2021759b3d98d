/* pdf_fixture.h - for unit tests that write PDFs: a temporary folder per test group (cmocka
 * group setup and teardown) and `qpdf --check` on a result. */
#ifndef DECKPRESS_PDF_FIXTURE_H
#define DECKPRESS_PDF_FIXTURE_H

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

static char fixture_dir[64];

/* fixture_dir/name. Caller frees. */
static char *path_in(const char *name)
{
	return xasprintf("%s/%s", fixture_dir, name);
}

static int setup_dir(void **state)
{
	(void)state;
	strcpy(fixture_dir, "/tmp/deckpress-pdf-XXXXXX");
	return mkdtemp(fixture_dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	DIR *d = opendir(fixture_dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			char *p = path_in(e->d_name);
			unlink(p);
			free(p);
		}
	if (d)
		closedir(d);
	rmdir(fixture_dir);
	return 0;
}

/* Exit status of `qpdf --check`: 0 clean, 2 errors, 3 warnings. */
static int qpdf_check(const char *path)
{
	char *cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	int rc = system(cmd);
	free(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

#endif
