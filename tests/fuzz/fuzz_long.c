/* fuzz_long.c - libFuzzer target: card texts up to the real limit of 20,000 characters.
 * fuzz_card keeps texts under 2,000 so that an input takes milliseconds, and libFuzzer
 * rarely grows an input to even that; here a short input is expanded into a long text.
 *
 * Byte 0 picks type, language and size as in fuzz_card. Byte 1 sets the length: at most
 * (byte 1 + 1) * 80 characters, so 20,000 at 249 and a little over the limit (refused by the
 * loader) from 250 on. The rest is the card's fields split at 0xff as in fuzz_card; only the
 * text is expanded. It is split at 0xfe into pieces: one piece is repeated; of two, the first
 * is written once and the second repeated; of more, the first and last are written once
 * around the others, in a pseudo-random order fixed by byte 1. Only whole pieces are written,
 * so markup and line breaks stay as the fuzzer wrote them, except that line breaks past the
 * real limit (200) become spaces: a long text of paragraphs is laid out, not refused. */
#include "fuzz_card.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PIECES     16
#define STEP_CHARS 80

static int stats; /* $DECKPRESS_FUZZ_LONG_STATS: each text's length on stderr */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_setup();
	/* the real limit on a text, not fuzz_common.h's 2,000 */
	char *chars = xasprintf("text-chars=%zu", bound_default(B_TEXT_CHARS));
	free(bound_set(chars));
	free(chars);
	card_setup("fuzz_long");
	const char *env = getenv("DECKPRESS_FUZZ_LONG_STATS");
	stats = env && *env;
	return 0;
}

static size_t utf8_chars(const unsigned char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += (s[i] & 0xc0) != 0x80;
	return c;
}

/* The length of the line break at s[0..n) as the loader counts them (load_fields.c), or 0. */
static size_t break_at(const unsigned char *s, size_t n)
{
	if (s[0] == '\r')
		return n > 1 && s[1] == '\n' ? 2 : 1;
	if (s[0] == '\n')
		return 1;
	if (n > 1 && s[0] == 0xc2 && s[1] == 0x85)
		return 2;
	if (n > 2 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9))
		return 3;
	return 0;
}

/* Appends s[0..n) to t, line breaks past the max-th as spaces. A \r ending one piece and a \n
 * starting the next count as two here and as one in the loader: on the safe side. */
static void put_piece(strbuf *t, const unsigned char *s, size_t n, size_t *breaks, size_t max)
{
	for (size_t i = 0; i < n;) {
		size_t k = break_at(s + i, n - i);
		if (!k) {
			strbuf_putc(t, (char)s[i++]);
			continue;
		}
		if ((*breaks)++ < max)
			strbuf_add(t, (const char *)s + i, k);
		else
			strbuf_putc(t, ' ');
		i += k;
	}
}

/* The text s[0..n) (pieces at 0xfe, each plain UTF-8) expanded to at most want characters,
 * as the header says; returns how many characters. */
static size_t expand(strbuf *t, const unsigned char *const *piece, const size_t *len, size_t np,
		     size_t want, unsigned seed)
{
	size_t c[PIECES], breaks = 0, max = bound_get(B_TEXT_LINES);
	for (size_t i = 0; i < np; i++)
		c[i] = utf8_chars(piece[i], len[i]);
	size_t first = np >= 2, end = np >= 3 ? np - 1 : np; /* repeated: [first, end) */
	size_t tail = np >= 3 ? c[np - 1] : 0, have = 0;
	if (first) {
		put_piece(t, piece[0], len[0], &breaks, max);
		have += c[0];
	}
	uint32_t x = 0x9e3779b9u ^ seed;
	/* at most want + 1 rounds: empty pieces would never fill the text */
	for (size_t i = 0; i <= want; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5; /* xorshift32 */
		size_t m = first + x % (end - first);
		if (have + c[m] + tail > want)
			break;
		put_piece(t, piece[m], len[m], &breaks, max);
		have += c[m];
	}
	if (np >= 3)
		put_piece(t, piece[np - 1], len[np - 1], &breaks, max);
	return have + tail;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	const unsigned char *field[CARD_FIELDS], *piece[PIECES];
	size_t len[CARD_FIELDS], plen[PIECES];
	size_t nf = split_at(data + 2, size - 2, 0xff, field, len, CARD_FIELDS);
	size_t np = split_at(field[0], len[0], 0xfe, piece, plen, PIECES);
	for (size_t i = 0; i < np; i++)
		if (!plain_utf8(piece[i], plen[i]))
			return 0;
	for (size_t i = 1; i < nf; i++)
		if (!plain_utf8(field[i], len[i]))
			return 0;
	strbuf t = {0};
	size_t chars = expand(&t, piece, plen, np, ((size_t)data[1] + 1) * STEP_CHARS, data[1]);
	if (stats)
		fprintf(stderr, "fuzz_long: %zu characters, %zu bytes\n", chars, t.len);
	field[0] = (const unsigned char *)(t.s ? t.s : "");
	len[0] = t.len;
	card_run(data[0], field, len, nf);
	strbuf_free(&t);
	return 0;
}
