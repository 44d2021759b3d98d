/* paths.h - where deckpress finds its run-time data (the bundled fonts). */
#ifndef DECKPRESS_PATHS_H
#define DECKPRESS_PATHS_H

/* The data directory: the first of $DECKPRESS_DATA, <exe dir>/../share/deckpress (installed),
 * <exe dir> (source tree: ./deckpress), <exe dir>/.. (build-asan/deckpress) that has a fonts/
 * subdirectory, as an absolute path. Returns NULL if none has; caller frees. */
char *paths_data_dir(void);

/* <data dir>/fonts, or NULL if there is no data directory; caller frees. */
char *paths_fonts_dir(void);

/* The JSON schema `name` ("deck.schema.json"): <data dir>/<name> when installed,
 * <data dir>/docs/<name> in the source tree; NULL if neither exists. Caller frees. */
char *paths_schema(const char *name);

#endif
