/* chunks.c - rounds of chunks taken by forked workers and by this process, at card sizes
 * kept in shared memory.
 *
 * The shared state is a page of memory mapped before the fork; processes take chunks with
 * an atomic counter and lower the next round's sizes with an atomic minimum, so no process
 * ever waits for a lock another one may die holding. A socket pair per worker carries the
 * rest: a byte to the worker starts a round (end of file: quit), a byte back says it has
 * finished the round; a worker that dies closes its end. Sockets rather than pipes, so that
 * writing to a dead worker is an error (MSG_NOSIGNAL), not a SIGPIPE. */
#include "chunks.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "pool.h"
#include "util.h"

typedef struct {
	double sizes[CARD_NTYPES]; /* this round's, written before the round starts */
	int64_t need[CARD_NTYPES]; /* the next round's, as the bits of positive doubles (whose
				    * order is the order of their bits) */
	size_t next;               /* the next chunk to take */
	int fail;                  /* CHUNK_BAD or CHUNK_IO once something failed, else 0 */
	int err;                   /* errno of a CHUNK_IO */
} shared;

typedef struct {
	pid_t pid;
	int fd; /* this process's end of the worker's socket pair */
} worker;

struct chunks {
	const chunk_work *w;
	shared *sh;
	worker *wk;
	size_t nw;
	bool mapped; /* sh is shared memory (else plain: no workers) */
};

#define ERR_START (-1000) /* a worker could not set itself up */

static int64_t bits(double d)
{
	int64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static double from_bits(int64_t b)
{
	double d;
	memcpy(&d, &b, sizeof d);
	return d;
}

static void lower(int64_t *at, double v)
{
	int64_t cur = __atomic_load_n(at, __ATOMIC_SEQ_CST), want = bits(v);
	while (want < cur && !__atomic_compare_exchange_n(at, &cur, want, false, __ATOMIC_SEQ_CST,
							  __ATOMIC_SEQ_CST))
		;
}

bool chunks_repeats(const chunks *ch)
{
	for (int t = 0; t < CARD_NTYPES; t++)
		if (__atomic_load_n(&ch->sh->need[t], __ATOMIC_SEQ_CST) != bits(ch->sh->sizes[t]))
			return true;
	return false;
}

static void fail(shared *sh, int how, int err)
{
	int none = 0;
	if (__atomic_compare_exchange_n(&sh->fail, &none, how, false, __ATOMIC_SEQ_CST,
					__ATOMIC_SEQ_CST))
		sh->err = err;
}

/* Takes chunks of the current round until none is left or something failed. */
static void work_round(chunks *ch, void *state)
{
	shared *sh = ch->sh;
	for (;;) {
		if (__atomic_load_n(&sh->fail, __ATOMIC_SEQ_CST))
			return;
		size_t k = __atomic_fetch_add(&sh->next, 1, __ATOMIC_SEQ_CST);
		if (k >= ch->w->n)
			return;
		card_sizes s, need;
		memcpy(s.size, sh->sizes, sizeof s.size);
		need = s;
		int err = 0;
		int r = ch->w->run(state, k, &s, &need, &err, ch);
		for (int t = 0; t < CARD_NTYPES; t++)
			lower(&sh->need[t], need.size[t]);
		if (r == CHUNK_BAD || r == CHUNK_IO)
			fail(sh, r, err);
	}
}

static bool read_byte(int fd)
{
	char c;
	ssize_t r;
	while ((r = read(fd, &c, 1)) < 0 && errno == EINTR)
		;
	return r == 1;
}

static void write_byte(int fd, char c)
{
	while (send(fd, &c, 1, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

static _Noreturn void worker_main(chunks *ch, int fd)
{
	void *state = ch->w->open(ch->w->arg);
	while (read_byte(fd)) {
		if (state)
			work_round(ch, state);
		else
			fail(ch->sh, CHUNK_IO, ERR_START);
		write_byte(fd, 'r');
	}
	if (state)
		ch->w->close(state);
	int f = ch->sh->fail, rc = f == CHUNK_BAD ? EXIT_DECK : f ? EXIT_IO : 0;
	diag_log_exit(rc);
	_exit(rc);
}

chunks *chunks_start(const chunk_work *w, int jobs)
{
	chunks *ch = xcalloc(1, sizeof *ch);
	ch->w = w;
	ch->sh = mmap(NULL, sizeof(shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
		      0);
	if (ch->sh == MAP_FAILED) {
		ch->sh = xcalloc(1, sizeof(shared)); /* no workers: plain memory will do */
		return ch;
	}
	ch->mapped = true;
	size_t want = jobs > 1 && w->n > 1 ? (size_t)jobs - 1 : 0;
	if (want > w->n - 1)
		want = w->n - 1;
	ch->wk = xcalloc(want + 1, sizeof *ch->wk);
	while (ch->nw < want && pool_token_try()) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
			pool_token_put();
			break;
		}
		pid_t pid = pool_fork();
		if (pid == 0) {
			for (size_t i = 0; i < ch->nw; i++) /* the other workers' sockets */
				close(ch->wk[i].fd);
			close(sv[0]);
			worker_main(ch, sv[1]);
		}
		close(sv[1]);
		if (pid < 0) {
			close(sv[0]);
			pool_token_put();
			break;
		}
		ch->wk[ch->nw++] = (worker){pid, sv[0]};
	}
	return ch;
}

/* Reaps worker i, which closed its socket: it died. */
static void worker_died(chunks *ch, size_t i)
{
	worker *wk = &ch->wk[i];
	int status = pool_waitpid(wk->pid);
	close(wk->fd);
	wk->fd = -1;
	wk->pid = -1;
	pool_token_put();
	fail(ch->sh, CHUNK_IO, WIFSIGNALED(status) ? -WTERMSIG(status) : ERR_START + 1);
}

/* Waits until every worker has finished the round (or died). */
static void wait_round(chunks *ch)
{
	size_t left = 0;
	struct pollfd *p = xcalloc(ch->nw + 1, sizeof *p);
	for (size_t i = 0; i < ch->nw; i++) {
		p[i] = (struct pollfd){.fd = ch->wk[i].fd, .events = POLLIN};
		left += ch->wk[i].pid > 0;
		if (ch->wk[i].pid <= 0)
			p[i].fd = -1;
	}
	while (left > 0) {
		if (poll(p, ch->nw, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (size_t i = 0; i < ch->nw; i++) {
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			if (!read_byte(p[i].fd))
				worker_died(ch, i);
			p[i].fd = -1;
			left--;
		}
	}
	free(p);
}

int chunks_run(chunks *ch, void *state, card_sizes *sizes, int *err)
{
	shared *sh = ch->sh;
	for (;;) {
		for (int t = 0; t < CARD_NTYPES; t++) {
			sh->sizes[t] = sizes->size[t];
			sh->need[t] = bits(sizes->size[t]);
		}
		__atomic_store_n(&sh->next, 0, __ATOMIC_SEQ_CST);
		for (size_t i = 0; i < ch->nw; i++)
			if (ch->wk[i].pid > 0)
				write_byte(ch->wk[i].fd, 'g');
		work_round(ch, state);
		wait_round(ch);
		if (sh->fail) {
			*err = sh->err;
			return sh->fail;
		}
		if (!chunks_repeats(ch))
			return CHUNK_OK;
		for (int t = 0; t < CARD_NTYPES; t++)
			sizes->size[t] = from_bits(sh->need[t]);
	}
}

void chunks_end(chunks *ch)
{
	for (size_t i = 0; i < ch->nw; i++)
		if (ch->wk[i].pid > 0)
			shutdown(ch->wk[i].fd, SHUT_WR); /* end of file: the worker quits */
	for (size_t i = 0; i < ch->nw; i++) {
		worker *wk = &ch->wk[i];
		if (wk->pid <= 0)
			continue;
		pool_waitpid(wk->pid);
		close(wk->fd);
		pool_token_put();
	}
	if (ch->mapped)
		munmap(ch->sh, sizeof(shared));
	else
		free(ch->sh);
	free(ch->wk);
	free(ch);
}

const char *chunks_why(int err)
{
	static char buf[96];
	if (err > 0)
		return strerror(err);
	if (err == ERR_START)
		return "a worker process could not load the fonts";
	if (err < 0 && err > ERR_START)
		snprintf(buf, sizeof buf, "a worker process was stopped by signal %d (%s)", -err,
			 strsignal(-err));
	else
		snprintf(buf, sizeof buf, "a worker process ended unexpectedly");
	return buf;
}

bool chunk_cards_open(chunk_cards *c, const session *s, const card_geom *g, bool own,
		      pdfx_level pdfx, struct diag *d)
{
	*c = (chunk_cards){.own = own ? session_new_fontset(s) : NULL};
	if (own && !c->own)
		return false;
	c->ctx = fontset_context(own ? c->own : s->fonts);
	c->cs = cardset_new(s->dk, s->lang, c->ctx, s->hyph, g);
	FILE *null = d ? NULL : fopen("/dev/null", "w");
	struct diag quiet;
	diag_init(&quiet, null ? null : stderr);
	c->picture_errors = cardset_load_pictures(c->cs, pdfx, d ? d : &quiet);
	if (null)
		fclose(null);
	return true;
}

void chunk_cards_close(chunk_cards *c)
{
	cardset_free(c->cs);
	fontset_free(c->own);
	*c = (chunk_cards){0};
}
