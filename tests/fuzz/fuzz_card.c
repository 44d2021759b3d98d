/* fuzz_card.c - libFuzzer target: the text pipeline of one card (fuzz_card.h). The first byte
 * picks the card's type, language and size; the rest, split at 0xff bytes, is its text,
 * title, question and follow-ups. */
#include "fuzz_card.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_setup();
	card_setup("fuzz_card");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	const unsigned char *field[CARD_FIELDS];
	size_t len[CARD_FIELDS];
	size_t nf = split_at(data + 1, size - 1, 0xff, field, len, CARD_FIELDS);
	/* per field: the 0xff separators are not UTF-8 */
	for (size_t i = 0; i < nf; i++)
		if (!plain_utf8(field[i], len[i]))
			return 0;
	card_run(data[0], field, len, nf);
	return 0;
}
