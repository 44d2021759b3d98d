/* pdf_out.c - Cairo PDF into a registered temporary file, then finished and renamed. */
#define _GNU_SOURCE /* O_TMPFILE, mkostemp */
#include "pdf_out.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
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

/* --- documents drawn in parts --- */

/* An unlinked temporary file in the folder of path, or -1. */
static int unlinked_tmp(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	const char *folder = slash ? dir : ".";
	int fd = open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		/* no O_TMPFILE here: a named file, unlinked at once */
		char *name = xasprintf("%s/.deckpress-part-XXXXXX", folder);
		tmpfiles_init();
		tmpfiles_add(name); /* a signal between mkstemp and unlink removes it too */
		fd = mkostemp(name, O_CLOEXEC);
		if (fd >= 0)
			unlink(name);
		tmpfiles_remove(name);
		free(name);
	}
	free(dir);
	return fd;
}

int pdf_parts_open(pdf_parts *p, const char *path, size_t n, struct diag *d)
{
	*p = (pdf_parts){.out = xstrdup(path), .fd = xmalloc((n + 1) * sizeof(int)), .n = n};
	for (size_t i = 0; i < n; i++)
		if ((p->fd[i] = unlinked_tmp(path)) < 0) {
			diag(d, M_IO_WRITE, path, 0, 0, strerror(errno));
			p->n = i;
			pdf_parts_abort(p);
			return EXIT_IO;
		}
	return 0;
}

#define PDF_PART_BUF (64 * 1024)

/* Writes what buf holds at po->off; a failure stays in po->werrno. */
static void part_flush(pdf_part_out *po)
{
	const unsigned char *data = po->buf;
	size_t len = po->len;
	while (len > 0 && !po->werrno) {
		ssize_t w = pwrite(po->fd, data, len, (off_t)po->off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			po->werrno = w < 0 ? errno : EIO;
			break;
		}
		po->off += w;
		data += w;
		len -= (size_t)w;
	}
	po->len = 0;
}

static cairo_status_t part_write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	pdf_part_out *po = closure;
	while (len > 0 && !po->werrno) {
		size_t n = PDF_PART_BUF - po->len < len ? PDF_PART_BUF - po->len : len;
		memcpy(po->buf + po->len, data, n);
		po->len += n;
		data += n;
		len -= (unsigned int)n;
		if (po->len == PDF_PART_BUF)
			part_flush(po);
	}
	return po->werrno ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *pdf_part_begin(pdf_part_out *po, const pdf_parts *p, size_t k, double w, double h)
{
	*po = (pdf_part_out){.fd = p->fd[k], .buf = xmalloc(PDF_PART_BUF)};
	if (ftruncate(po->fd, 0) != 0)
		po->werrno = errno;
	po->surf = cairo_pdf_surface_create_for_stream(part_write_cb, po, w, h);
	return po->surf;
}

int pdf_part_end(pdf_part_out *po)
{
	cairo_surface_finish(po->surf);
	cairo_status_t st = cairo_surface_status(po->surf);
	cairo_surface_destroy(po->surf);
	po->surf = NULL;
	part_flush(po);
	free(po->buf);
	po->buf = NULL;
	return po->werrno ? po->werrno : st != CAIRO_STATUS_SUCCESS ? EIO : 0;
}

/* Where qpdf reads part i: its file through /proc (read as needed, so that only what it
 * uses is in memory), or else the part mapped into memory. 0, or an errno. */
static int part_source(const pdf_parts *p, size_t i, pdf_part *out, char *path, size_t n)
{
	snprintf(path, n, "/proc/self/fd/%d", p->fd[i]);
	struct stat st;
	if (fstat(p->fd[i], &st) != 0)
		return errno;
	if (st.st_size == 0)
		return EIO;
	if (access(path, R_OK) == 0) {
		*out = (pdf_part){.path = path};
		return 0;
	}
	void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, p->fd[i], 0);
	if (m == MAP_FAILED)
		return errno;
	*out = (pdf_part){.data = m, .len = (size_t)st.st_size};
	return 0;
}

int pdf_parts_close(pdf_parts *p, const pdf_finish_opts *opts, struct diag *d)
{
	pdf_part *parts = xcalloc(p->n + 1, sizeof *parts);
	char(*paths)[32] = xcalloc(p->n + 1, sizeof *paths);
	int rc = 0;
	for (size_t i = 0; i < p->n && rc == 0; i++) {
		int e = part_source(p, i, &parts[i], paths[i], sizeof paths[i]);
		if (e) {
			diag(d, M_IO_WRITE, p->out, 0, 0, strerror(e));
			rc = EXIT_IO;
		}
	}
	if (rc == 0) {
		pdf_finish_opts o = opts ? *opts : (pdf_finish_opts){0};
		o.parts = parts;
		o.nparts = p->n;
		char *err = NULL;
		if (pdf_finish(NULL, p->out, &o, &err)) {
			diag(d, M_IO_WRITE, p->out, 0, 0, err);
			free(err);
			rc = EXIT_IO;
		}
	}
	for (size_t i = 0; i < p->n; i++)
		if (parts[i].data)
			munmap((void *)parts[i].data, parts[i].len);
	free(parts);
	free(paths);
	pdf_parts_abort(p);
	return rc;
}

void pdf_parts_abort(pdf_parts *p)
{
	for (size_t i = 0; i < p->n; i++)
		close(p->fd[i]);
	free(p->fd);
	free(p->out);
	*p = (pdf_parts){0};
}
