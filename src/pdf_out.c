/* pdf_out.c - Cairo PDF into a registered temporary file, then finished and renamed. */
#include "pdf_out.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "tmpfiles.h"
#include "util.h"

/* Cairo's own file output loses errno and, on a full disk, can abort; writing through our
 * callback keeps the reason and turns it into a status Cairo handles. */
static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	pdf_out *o = closure;
	if (o->werrno)
		return CAIRO_STATUS_WRITE_ERROR;
	errno = 0;
	if (fwrite(data, 1, len, o->fp) != len) {
		o->werrno = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static void release(pdf_out *o)
{
	if (o->surf)
		cairo_surface_destroy(o->surf);
	if (o->fp)
		fclose(o->fp);
	if (o->tmp) {
		unlink(o->tmp);
		tmpfiles_remove(o->tmp);
	}
	free(o->tmp);
	free(o->out);
	*o = (pdf_out){0};
}

cairo_surface_t *pdf_out_open(pdf_out *o, const char *path, double w, double h, struct diag *d)
{
	*o = (pdf_out){.out = xstrdup(path)};
	o->tmp = xasprintf("%s.cairo.%ld", path, (long)getpid());
	tmpfiles_init();
	tmpfiles_add(o->tmp);
	int fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		diag(d, M_IO_WRITE, path, 0, 0, strerror(errno));
		if (fd >= 0)
			close(fd);
		release(o);
		return NULL;
	}
	o->surf = cairo_pdf_surface_create_for_stream(write_cb, o, w, h);
	return o->surf;
}

int pdf_out_close(pdf_out *o, const pdf_finish_opts *opts, struct diag *d)
{
	cairo_surface_finish(o->surf);
	cairo_status_t st = cairo_surface_status(o->surf);
	if (fflush(o->fp) != 0 && !o->werrno)
		o->werrno = errno;
	int rc = 0;
	if (o->werrno || st != CAIRO_STATUS_SUCCESS) {
		diag(d, M_IO_WRITE, o->out, 0, 0,
		     o->werrno ? strerror(o->werrno) : cairo_status_to_string(st));
		rc = EXIT_IO;
	} else {
		char *err = NULL;
		if (pdf_finish(o->tmp, o->out, opts, &err)) {
			diag(d, M_IO_WRITE, o->out, 0, 0, err);
			free(err);
			rc = EXIT_IO;
		}
	}
	release(o);
	return rc;
}

void pdf_out_abort(pdf_out *o)
{
	if (o->surf)
		cairo_surface_finish(o->surf);
	release(o);
}
