/* diag_msgs.h - the table of every message: MSG(id, level, printf format, hint or NULL).
 * Included by diag.h (for the enum) and diag.c (for the texts). Keep each module's
 * messages in its own section. */

/* --- files and command line --- */
MSG(M_IO_OPEN, DIAG_ERROR, "cannot open: %s", NULL)
MSG(M_IO_DIR, DIAG_ERROR, "is a directory, not a deck file", "give the path of a .yaml file")
MSG(M_IO_WRITE, DIAG_ERROR, "cannot write: %s", NULL)
MSG(M_USAGE, DIAG_ERROR, "%s", "run 'deckpress --help' for usage")

/* --- loader: bytes and YAML syntax (deck_load.c, yaml_tree.c) --- */

/* --- loader: structure and fields (deck_load.c) --- */

/* --- checks: meaning across the deck (deck_check.c) --- */

/* --- typesetting: fonts, hyphenation, fitting (fonts.c, hyph.c, typeset.c) --- */
MSG(M_FONT_MISSING, DIAG_ERROR, "font family '%s' is not among the bundled fonts (found '%s')", "use a family from fonts/README.md")
MSG(M_FONT_GLYPHS, DIAG_ERROR, "card '%s': %d character(s) have no glyph in font '%s'", "use characters the bundled fonts have, or another font")
MSG(M_FIT, DIAG_ERROR, "card '%s': %s does not fit on the card even at %.1f pt", "shorten the text or choose a larger card size")
MSG(M_HYPH_DICT, DIAG_WARNING, "no hyphenation dictionary for language '%s' (%s); words will not be hyphenated", NULL)

/* --- imposition and PDF output (impose.c, render.c, pdf_finish.c) --- */
MSG(M_PDF, DIAG_ERROR, "PDF output failed: %s", NULL)
MSG(M_PRINT_SETTING, DIAG_ERROR, "%s", "see docs/printing.md") /* print_setup_apply/_check text */
MSG(M_MARKS_SHORT, DIAG_WARNING, "crop marks do not fit on every side of the %s sheet", "use 'marks: lines' or a smaller margin")

/* --- booklet (booklet*.c) --- */

/* --- teams and builds --- */
