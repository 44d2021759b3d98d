/* typeset_micro.c - how fast typeset_stack fits cards, and what one Pango layout costs.
 * Not a test. Build and run from the source tree after `make`:
 *   cc -O2 -Iinclude $(pkg-config --cflags pangocairo pangoft2) -o build/typeset_micro \
 *      bench/typeset_micro.c build/obj/fonts.o build/obj/typeset.o build/obj/paths.o \
 *      build/obj/util.o $(pkg-config --libs pangocairo pangoft2 fontconfig) -lm -lpthread
 *   ./build/typeset_micro [cards] [workers] [box height, pt] [proc|thread]
 * Cards have a sans title, a serif body of 5 to 120 words and an italic source line, in a
 * 240 x 310 pt box, 16 pt down to 7 pt; with 310 pt nearly half of them need shrinking.
 * Workers are processes (fork) by default, each with its own fontset; "thread" runs them as
 * threads instead. The checksum over every card's size and height shows whether two runs
 * laid the cards out alike. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fonts.h"
#include "paths.h"
#include "typeset.h"
#include "util.h"

static const char *words[] = {"gesprek",
			      "luisteren",
			      "vraag",
			      "de",
			      "het",
			      "een",
			      "wat",
			      "je",
			      "hoort",
			      "aandacht",
			      "zwijgen",
			      "moeilijk",
			      "samen",
			      "kaart",
			      "woorden",
			      "ander",
			      "be\u00ADdoelt",
			      "niet",
			      "ver\u00ADant\u00ADwoor\u00ADde\u00ADlijk\u00ADheid",
			      "en",
			      "voor",
			      "als",
			      "iemand",
			      "kiest",
			      "<i>echt</i>",
			      "<b>nu</b>",
			      "twijfel",
			      "ruimte",
			      "stilte",
			      "vertrouwen",
			      "in",
			      "met"};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Deterministic card text: seed -> body of 5..120 words. Caller frees. */
static char *card_text(unsigned seed)
{
	unsigned r = seed * 2654435761u + 12345;
	int nwords = 5 + (int)(r % 116);
	strbuf b = {0};
	for (int i = 0; i < nwords; i++) {
		r = r * 1103515245u + 12345;
		strbuf_puts(&b, words[(r >> 8) % (sizeof(words) / sizeof(words[0]))]);
		strbuf_putc(&b, i + 1 < nwords ? ' ' : '.');
	}
	return strbuf_take(&b);
}

static double box_height = 310;

typedef struct {
	int from, to;
	int shrunk, nofit;
	double sum_size;
	unsigned long check; /* sum of a hash of each card's number, size and height */
} work;

static void *fit_cards(void *arg)
{
	work *w = arg;
	char *fonts = paths_fonts_dir(), *err = NULL;
	fontset *f = fontset_new(fonts, &err); /* one per thread: Pango is not thread-safe */
	if (!f) {
		fprintf(stderr, "typeset_micro: %s\n", err);
		exit(1);
	}
	PangoContext *ctx = fontset_context(f);
	for (int i = w->from; i < w->to; i++) {
		char *text = card_text((unsigned)i);
		tblock b[3] = {
			{"Open Sans", PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 0.8, 0, 0,
			 PANGO_ALIGN_LEFT, "Vraag bij het gesprek"},
			{"Yrsa", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1, 0.6, 1.1,
			 PANGO_ALIGN_LEFT, text},
			{"Yrsa", PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0.7, 0.8, 0,
			 PANGO_ALIGN_RIGHT, "Uit: Het goede gesprek, 2024"},
		};
		tstack s;
		typeset_stack(ctx, b, 3, 240, box_height, 16, 7, &s);
		w->shrunk += s.size < 16;
		w->nofit += !s.fits;
		w->sum_size += s.size;
		w->check += ((unsigned long)i * 2654435761u) ^
			    ((unsigned long)(s.size * 4) * 1000003u +
			     (unsigned long)(s.height * PANGO_SCALE));
		tstack_free(&s);
		free(text);
	}
	fontset_free(f);
	free(fonts);
	return NULL;
}

/* One layout of a ~60-word body at alternating sizes: markup parsed again each time, or
 * parsed once with only the font description changed. */
static void layout_costs(void)
{
	char *fonts = paths_fonts_dir(), *err = NULL;
	fontset *f = fontset_new(fonts, &err);
	PangoContext *ctx = fontset_context(f);
	char *text = card_text(7);
	const int N = 4000;
	PangoFontDescription *d = pango_font_description_from_string("Yrsa");
	double t0 = now();
	for (int i = 0; i < N; i++) {
		PangoLayout *l = pango_layout_new(ctx);
		pango_layout_set_width(l, 240 * PANGO_SCALE);
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
		pango_font_description_set_size(d, (12 + i % 2) * PANGO_SCALE);
		pango_layout_set_font_description(l, d);
		pango_layout_set_markup(l, text, -1);
		int h;
		pango_layout_get_size(l, NULL, &h);
		g_object_unref(l);
	}
	double t1 = now();
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_width(l, 240 * PANGO_SCALE);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_markup(l, text, -1);
	for (int i = 0; i < N; i++) {
		pango_font_description_set_size(d, (12 + i % 2) * PANGO_SCALE);
		pango_layout_set_font_description(l, d);
		int h;
		pango_layout_get_size(l, NULL, &h);
	}
	double t2 = now();
	g_object_unref(l);
	printf("one layout, %zu bytes of markup: new layout + set_markup %.0f/s, "
	       "same layout + new size %.0f/s\n",
	       strlen(text), N / (t1 - t0), N / (t2 - t1));
	pango_font_description_free(d);
	free(text);
	fontset_free(f);
	free(fonts);
}

/* Runs fit_cards in child processes and collects their counts through pipes. */
static void run_procs(work *w, int n)
{
	int *fd = xcalloc((size_t)n, sizeof(int));
	for (int i = 0; i < n; i++) {
		int p[2];
		if (pipe(p) != 0)
			exit(1);
		if (fork() == 0) {
			close(p[0]);
			fit_cards(&w[i]);
			ssize_t k = write(p[1], &w[i], sizeof(work));
			_exit(k == (ssize_t)sizeof(work) ? 0 : 1);
		}
		close(p[1]);
		fd[i] = p[0];
	}
	for (int i = 0; i < n; i++) {
		if (read(fd[i], &w[i], sizeof(work)) != (ssize_t)sizeof(work))
			exit(1);
		close(fd[i]);
		wait(NULL);
	}
	free(fd);
}

static void run_threads(work *w, int n)
{
	pthread_t *th = xcalloc((size_t)n, sizeof(pthread_t));
	for (int i = 0; i < n; i++)
		pthread_create(&th[i], NULL, fit_cards, &w[i]);
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	free(th);
}

int main(int argc, char **argv)
{
	int ncards = argc > 1 ? atoi(argv[1]) : 10000;
	int nworkers = argc > 2 ? atoi(argv[2]) : 2;
	if (argc > 3)
		box_height = atof(argv[3]);
	bool threads = argc > 4 && strcmp(argv[4], "thread") == 0;
	if (!getenv("DECKPRESS_DATA"))
		setenv("DECKPRESS_DATA", ".", 1);
	work *w = xcalloc((size_t)nworkers, sizeof(work));
	for (int i = 0; i < nworkers; i++) {
		w[i].from = ncards * i / nworkers;
		w[i].to = ncards * (i + 1) / nworkers;
	}
	double t0 = now();
	if (threads)
		run_threads(w, nworkers);
	else
		run_procs(w, nworkers);
	double t = now() - t0;
	int shrunk = 0, nofit = 0;
	double sum = 0;
	unsigned long check = 0;
	for (int i = 0; i < nworkers; i++) {
		shrunk += w[i].shrunk;
		nofit += w[i].nofit;
		sum += w[i].sum_size;
		check += w[i].check;
	}
	printf("%d cards (3 blocks each), %d %s: %.2f s, %.0f cards/s; "
	       "%d shrunk, %d do not fit, mean size %.2f pt, checksum %016lx\n",
	       ncards, nworkers, threads ? "thread(s)" : "process(es)", t, ncards / t, shrunk,
	       nofit, sum / ncards, check);
	free(w);
	layout_costs(); /* after the fork: Pango must not be running when children start */
	return 0;
}
