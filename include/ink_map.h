/* ink_map.h - what each colour deckpress draws prints as, for PDF/X files.
 *
 * Cairo writes only RGB. While a PDF/X file is drawn, every colour goes through
 * render_set_color and its kin (render_color.h), which record here the RGB handed to Cairo
 * (the "device" colour) and the CMYK it stands for. pdfx_content.c then finds each RGB
 * colour Cairo wrote in this map and writes the CMYK instead. Device colours that Cairo
 * would write identically (it compares colours in 16 bits) never stand for two different
 * inks: a later one is moved by a few 1/65536 steps, far below what any screen shows. */
#ifndef DECKPRESS_INK_MAP_H
#define DECKPRESS_INK_MAP_H

#include <cairo.h>
#include <stdbool.h>

#include "color.h"
#include "deck.h"

typedef struct ink_map ink_map;

/* A map for one PDF drawn for deck dk (may be NULL) with output profile p; both borrowed,
 * and must outlive the map. */
ink_map *ink_map_new(const color_profile *p, const deck *dk);
void ink_map_free(ink_map *m);
const color_profile *ink_map_profile(const ink_map *m);

/* The ink for 0xRRGGBB mixed towards white by fade (0..1), as a tint: the deck's own CMYK for
 * that colour if it gives one, else 100 % K for the default text colour, K only for greys,
 * else the profile's conversion; then every ink times (1 - fade). White is no ink. */
cmyk ink_map_cmyk(const ink_map *m, uint32_t rgb, double fade);

/* Records that device colour dev (0..1 each) is drawn for ink c. movable: dev may be changed
 * (it is, when it would collide with another ink) and the caller draws the changed dev; a
 * colour Cairo is handed by someone else (Pango markup) is not movable, and a collision is
 * then remembered as an error (ink_map_error). */
void ink_map_put(ink_map *m, double dev[3], cmyk c, bool movable);
/* The ink of the device colour Cairo wrote as v (rounded as Cairo prints); false if none. */
bool ink_map_get(const ink_map *m, const double v[3], cmyk *out);
/* The first problem met while recording, or NULL. */
const char *ink_map_error(const ink_map *m);

/* Makes m the map of surface s (a PDF or a recording surface painted into one): render_set_color
 * on a cairo_t drawing on s records there. m stays the caller's. */
void ink_map_attach(cairo_surface_t *s, ink_map *m);
/* The map of the surface cr draws on, or NULL when it is not a PDF/X drawing. */
ink_map *ink_map_of(cairo_t *cr);

#endif
