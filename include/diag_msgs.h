/* diag_msgs.h - the table of every message: MSG(id, level, printf format, hint or NULL).
 * Included by diag.h (for the enum) and diag.c (for the texts). Keep each module's
 * messages in its own section. One line per message, however long: easy to grep. */
// clang-format off

/* --- files and command line --- */
MSG(M_IO_OPEN, DIAG_ERROR, "cannot open: %s", NULL)
MSG(M_IO_DIR, DIAG_ERROR, "is a directory, not a deck file", "give the path of a .yaml file")
MSG(M_IO_WRITE, DIAG_ERROR, "cannot write: %s", NULL)
MSG(M_OUTPUT, DIAG_ERROR, "not written: %s", NULL)
MSG(M_USAGE, DIAG_ERROR, "%s", "run 'deckpress --help' for usage")
MSG(M_LIMIT, DIAG_ERROR, "%s: over a limit (raise it with --limit %s=N if you trust this file)", "limits keep a deck that came by email from taking all time or memory; see docs/robustness.md")
MSG(M_OUTSIDE, DIAG_ERROR, "'%s' is outside the deck's folder; a deck may name only files in its own folder and below", "move the file into the deck's folder, or allow its folder on the command line with --allow-read DIR")

/* --- loader: bytes and YAML syntax (deck_load.c, yaml_tree.c) --- */
MSG(M_EMPTY, DIAG_ERROR, "the file is empty", "a deck needs at least 'deck:' with a title and 'cards:'; see docs/deck-format.md")
MSG(M_UTF8, DIAG_ERROR, "invalid UTF-8 at byte offset %zu", "save the file as UTF-8 (in most editors: 'Save with encoding')")
MSG(M_NUL, DIAG_ERROR, "NUL byte at byte offset %zu; this is not a text file", NULL)
MSG(M_NUL_ESCAPE, DIAG_ERROR, "this text contains a NUL character (written as \\0 or \\x00), which cannot be printed", "remove the escape from the quoted text")
MSG(M_TAB, DIAG_ERROR, "tab character used for indentation", "YAML indentation must use spaces; replace the tab with spaces")
MSG(M_YAML, DIAG_ERROR, "YAML syntax error: %s", NULL)
MSG(M_YAML_HINT, DIAG_ERROR, "YAML syntax error: %s; %s", NULL)
MSG(M_ALIAS, DIAG_ERROR, "YAML anchors and aliases ('&%s', '*%s') are not supported in decks", "write the text out in full where it is needed")
MSG(M_DEPTH, DIAG_ERROR, "nesting deeper than %d levels (raise the limit with --limit %s=N if the deck needs it)", "decks never need this much nesting; check the indentation")
MSG(M_MULTIDOC, DIAG_ERROR, "a second YAML document ('---') in the same file", "put one deck in each file")
MSG(M_DUPKEY, DIAG_ERROR, "key '%s' appears twice in this mapping (first on line %d)", "remove or rename one of them")
MSG(M_COMPLEX_KEY, DIAG_ERROR, "a key must be a plain word, not a %s", NULL)

/* --- loader: structure and fields (deck_load.c) --- */
MSG(M_ROOT, DIAG_ERROR, "a deck file must be a mapping with 'deck:' and 'cards:' at the top, not a %s", "see docs/deck-format.md for a complete example")
MSG(M_UNKNOWN_KEY_HINT, DIAG_ERROR, "unknown key '%s' in %s; did you mean '%s'?", NULL)
MSG(M_UNKNOWN_KEY, DIAG_ERROR, "unknown key '%s' in %s; expected one of: %s", NULL)
MSG(M_KEY_OTHER_TYPE, DIAG_ERROR, "'%s' belongs to %s cards, but card '%s' is a %s", NULL)
MSG(M_KIND, DIAG_ERROR, "%s must be %s, not a %s", NULL)
MSG(M_MISSING, DIAG_ERROR, "%s has no '%s', which is required", NULL)
MSG(M_NO_CARDS, DIAG_ERROR, "'cards' is empty", "a deck needs at least one card")
MSG(M_BAD_TYPE, DIAG_ERROR, "card '%s' has type '%s'; expected quote, case or question%s", NULL)
MSG(M_BAD_ID, DIAG_ERROR, "%s id '%s' may only contain letters, digits, '-' and '_', at most 32 of them", NULL)
MSG(M_BAD_TAG, DIAG_ERROR, "tag '%s' must be one word: letters, digits, '-' and '_'", "join words with '-', e.g. 'sociaal-kapitaal'")
MSG(M_BAD_COLOR, DIAG_ERROR, "colour '%s' is not of the form #rrggbb", "write six hexadecimal digits after '#', e.g. #2f5d8a")
MSG(M_BAD_LANG, DIAG_ERROR, "'%s' is not a language code", "use a code like nl, en or en-GB")
MSG(M_LANG_UNDECLARED, DIAG_ERROR, "text in language '%s', which the deck does not declare (deck.languages: %s)", "add the language to deck.languages, or correct the code")
MSG(M_LANG_NOT_LISTED, DIAG_ERROR, "deck.language '%s' is not in deck.languages", "list the original language first in deck.languages")
MSG(M_EMPTY_VALUE, DIAG_ERROR, "%s is empty", NULL)
MSG(M_BAD_NUMBER, DIAG_ERROR, "%s must be a number, not '%s'", NULL)
MSG(M_RANGE, DIAG_ERROR, "%s must be between %g and %g, not %g", NULL)
MSG(M_BAD_CHOICE, DIAG_ERROR, "%s must be %s, not '%s'", NULL)
MSG(M_INCLUDE_OPEN, DIAG_ERROR, "cannot include '%s': %s", "paths are relative to the including deck file")
MSG(M_INCLUDE_CYCLE, DIAG_ERROR, "include cycle: %s", "a deck cannot include itself, directly or through other decks")
MSG(M_SELECT_BAD, DIAG_ERROR, "%s: %s", "see 'Composing decks' in docs/deck-format.md for the selector syntax")
MSG(M_SELECT_NONE, DIAG_ERROR, "%s '%s' matches no card in %s", "check the ids, types, categories and tags it names")
MSG(M_SELECT_NO_INCLUDE, DIAG_ERROR, "'%s' chooses cards from included decks, but this deck has no 'include'", NULL)
MSG(M_SIZES_ORDER, DIAG_ERROR, "%s: min (%g pt) is larger than max (%g pt)", NULL)

/* --- checks: meaning across the deck (deck_check.c) --- */
MSG(M_DUP_ID, DIAG_ERROR, "%s id '%s' is used twice (first at %s:%d)", "every id must be unique in the deck")
MSG(M_UNKNOWN_REF, DIAG_ERROR, "card '%s' refers to %s '%s', which the deck does not define%s", NULL)
MSG(M_UNUSED, DIAG_WARNING, "%s '%s' is not used by any card", NULL)
MSG(M_MISSING_TR, DIAG_WARNING, "%s has no '%s' translation", "the original text is used for that language")
MSG(M_MARKUP, DIAG_ERROR, "%s: %s", "only <b>...</b> and <i>...</i> are allowed in text")
MSG(M_BLANK_TEXT, DIAG_ERROR, "%s has no visible text", "write the text, or leave the key out where it is optional")
MSG(M_PRINT_VALUE, DIAG_ERROR, "print: %s", NULL)
MSG(M_QUOTE_FILE, DIAG_ERROR, "source '%s': cannot read file '%s': %s", "give the path of a plain-text copy of the source, relative to the deck")
MSG(M_QUOTE_MISMATCH, DIAG_ERROR, "quote '%s' is not word for word in source '%s'; closest passage: \"%s\"", "copy the quote from the source exactly; only whitespace, quote marks and soft hyphens may differ")

/* --- typesetting: fonts, hyphenation, fitting (fonts.c, hyph.c, typeset.c) --- */
MSG(M_FONT_MISSING, DIAG_ERROR, "font family '%s' is not among the bundled fonts or the deck's theme.fonts (found '%s')", "name a family from fonts/README.md, or add the family's files to theme.fonts")
MSG(M_FIT, DIAG_ERROR, "card '%s'%s: %s not fit on the card even at %g pt%s", "shorten the text, choose a larger card (--size), or lower the minimum size (theme.sizes)")
MSG(M_HYPH_DICT, DIAG_WARNING, "no hyphenation dictionary for language '%s' (%s); words will not be hyphenated", NULL)

/* --- imposition and PDF output (impose.c, render.c, pdf_finish.c) --- */
MSG(M_PDF, DIAG_ERROR, "PDF output failed: %s", NULL)
MSG(M_MARKS_SHORT, DIAG_WARNING, "crop marks do not fit on every side of the %s sheet", "use 'marks: lines' or a smaller margin")

/* --- booklet (booklet*.c) --- */
MSG(M_BOOKLET_GLYPHS, DIAG_ERROR, "booklet: %d character(s) in %s have no glyph in the bundled fonts", "use characters the bundled fonts have, or another font")
MSG(M_BOOKLET_MARKUP, DIAG_ERROR, "booklet: the text of %s cannot be typeset", NULL)
MSG(M_BOOKLET_IMPOSE, DIAG_ERROR, "booklet: %s pages do not fit two-up on the sheet", NULL)

/* --- print colour and PDF/X (color.c, load_fields.c, pdfx*.c) --- */
MSG(M_BAD_CMYK, DIAG_ERROR, "%s: cmyk must be a list of four numbers from 0 to 100 (percent of cyan, magenta, yellow and black)", "write it like cmyk: [85, 50, 10, 20]")
MSG(M_CMYK_CLASH, DIAG_ERROR, "colour #%06x is given as CMYK %s here but as %s on line %d", "one screen colour prints as one CMYK colour: give the same cmyk values, or a different rgb")
MSG(M_ICC, DIAG_ERROR, "%s", "--icc takes the CMYK output profile (.icc) your print shop names, e.g. PSOcoated_v3.icc")
MSG(M_ICC_READ, DIAG_ERROR, "%s", NULL)
MSG(M_BACK_OFFSET_SHOP, DIAG_WARNING, "back offset %s,%s mm is ignored: in a print-shop file (sheet none) every back lies exactly behind its front", "back-offset corrects an office printer's duplex; a print shop registers its own press")

/* --- teams and builds --- */
MSG(M_IS_TEAMS, DIAG_ERROR, "this is a teams file, not a deck", "build it with 'deckpress build', check it with 'deckpress check'; include: and the other commands take decks")
MSG(M_TEAMS_EMPTY, DIAG_ERROR, "'teams' is empty", "list at least one team with a name")
MSG(M_TEAM_DECK, DIAG_ERROR, "deck '%s' %s", "give the path of a deck file, relative to the teams file")
MSG(M_TEAM_NO_DECK, DIAG_ERROR, "team '%s' has no deck", "give 'deck: FILE' at the top of the teams file or in the team")
MSG(M_TEAM_LANG, DIAG_ERROR, "team '%s': language '%s' is not one of the deck's languages (%s)", NULL)
MSG(M_TEAM_LOGO, DIAG_ERROR, "team '%s': logo '%s' %s", "give the path of a PNG or SVG picture, relative to the teams file")
MSG(M_TEAM_SLUG, DIAG_ERROR, "team name '%s' gives no usable folder name", "use letters or digits in the name")
MSG(M_TEAM_SLUG_DUP, DIAG_ERROR, "team '%s' would be built into the same folder '%s' as team '%s' (line %d)", "give the teams names that differ in letters or digits")

/* --- messages that teach: quote marks, characters, fit (deck_check.c, yaml_tree.c, card_face.c) --- */
MSG(M_QUOTE_WRAPPED, DIAG_WARNING, "quote '%s' is already in quotation marks (%s...): it would be printed with two pairs", "remove the quotation marks around the text; deckpress puts every quote between the quotation marks of its language")
MSG(M_STRAY_DQUOTE, DIAG_ERROR, "this quote mark (\") ends the text that began at column %d, so the rest of the line cannot be read", "a text in \"...\" cannot hold a straight \": put the text in single quotes ('...') instead, or write typographic quotes (\u201c...\u201d or \u201e...\u201d) inside it")
MSG(M_STRAY_SQUOTE, DIAG_ERROR, "this apostrophe (') ends the text that began at column %d, so the rest of the line cannot be read", "inside '...' write an apostrophe twice (''), or put the text in double quotes (\"...\") instead")
MSG(M_GLYPH, DIAG_ERROR, "%s: %s (%s) is in none of the bundled fonts", "leave the character out or replace it; fonts/README.md says which scripts the fonts cover")

/* --- init, export, import (cmd_init.c, csv*.c) --- */
MSG(M_INIT_NOT_EMPTY, DIAG_ERROR, "this folder is not empty (it holds '%s'); deckpress init never overwrites files", "give the name of a new folder, or of an empty one")
MSG(M_INIT_NOT_DIR, DIAG_ERROR, "this is a file, not a folder", "give the name of a new folder")
MSG(M_INIT_MKDIR, DIAG_ERROR, "cannot create this folder: %s", "create the folders above it first, or give another path")
MSG(M_INIT_EXISTS, DIAG_ERROR, "already exists; not overwritten (%s)", "give the name of a new folder")
MSG(M_CSV_UNCLOSED, DIAG_ERROR, "the quote that opens this cell is never closed", "add the closing quote (\"); a quote inside a quoted cell is written twice (\"\")")
MSG(M_CSV_AFTER_QUOTE, DIAG_ERROR, "text after the closing quote of this cell", "a quote inside a quoted cell is written twice (\"\"), as spreadsheets do when they save")
MSG(M_CSV_UTF8, DIAG_ERROR, "the file is not UTF-8 (at byte offset %zu)", "in Excel save as 'CSV UTF-8 (Comma delimited) (*.csv)'; in LibreOffice tick 'Edit filter settings' when saving as CSV and choose the character set 'Unicode (UTF-8)'")
MSG(M_CSV_COLUMN_HINT, DIAG_ERROR, "unknown column '%s'; did you mean '%s'?", "the header names card keys, and KEY.LANG for a translation (text.en)")
MSG(M_CSV_COLUMN, DIAG_ERROR, "unknown column '%s'; the columns are: %s", "the header names card keys, and KEY.LANG for a translation (text.en)")
MSG(M_CSV_NOT_TRANSLATED, DIAG_ERROR, "'%s' has no translations; write it in the column '%s'", NULL)
MSG(M_CSV_DUP_COLUMN, DIAG_ERROR, "the column '%s' appears twice (first in column %s)", "keep one of them")
MSG(M_CSV_LANG_TWICE, DIAG_ERROR, "the column '%s' holds what column %s ('%s') holds: columns without a language are read as '%s'", "give --lang the language of the columns without one (for a sheet from 'deckpress export', its deck's first language), or import with --base DECK")
MSG(M_CSV_NEEDS, DIAG_ERROR, "the header has no '%s' column", "the first row names the columns: id, type, text, and any other card keys")
MSG(M_CSV_NO_HEADER, DIAG_ERROR, "this cell in column %s has no column name in the header row", "name the column in row 1, or empty the cell")
MSG(M_EXPORT_BREAK, DIAG_WARNING, "card '%s': follow-up %zu (%s) has a line break; it is written as a space, one follow-up per line", NULL)
MSG(M_IMPORT_BASE, DIAG_ERROR, "the base deck has errors; see them with 'deckpress check %s'", "fix them, then import again")
MSG(M_IMPORT_OUTSIDE, DIAG_ERROR, "source '%s': its file '%s' would be outside the new deck's folder %s, where deckpress does not read", "write the new deck in the base deck's folder, copy the file next to the new deck, or allow its folder with --allow-read DIR")
MSG(M_IMPORT_SELFCHECK, DIAG_ERROR, "the deck made from the spreadsheet does not load back; nothing was written", "this is a bug in deckpress: please report it with the spreadsheet")

/* --- watch (cmd_watch.c) --- */
MSG(M_WATCH_INIT, DIAG_ERROR, "cannot watch files: %s", "deckpress watch needs Linux's inotify; build with 'deckpress build' instead")
MSG(M_WATCH_FILE, DIAG_WARNING, "cannot watch this file: %s; saving it will not rebuild", "raise fs.inotify.max_user_watches, or check that its folder exists")
MSG(M_WATCH_START, DIAG_NOTE, "watching %zu %s; every save rebuilds into %s (Ctrl-C to stop)", NULL)
MSG(M_WATCH_SAVED, DIAG_NOTE, "saved at %s: building again", NULL)
MSG(M_WATCH_KEPT, DIAG_NOTE, "not all built: the files here are the last good ones; fix what is said above and save", NULL)
MSG(M_WATCH_STOP, DIAG_NOTE, "stopped watching", NULL)

/* --- branding: a deck's fonts, icons, images, designs (deck_check_assets.c, session.c) --- */
MSG(M_FONT_FILE, DIAG_ERROR, "font '%s' %s", "give the path of a TrueType (.ttf) or OpenType (.otf) file, relative to the deck file")
MSG(M_FONT_LICENCE, DIAG_ERROR, "font '%s' (%s %s) may not be embedded in a PDF: its licence bits (OS/2 fsType 0x%04x) say %s", "use a font whose licence allows embedding (free fonts under the SIL Open Font License or Apache do), or ask its maker for one")
MSG(M_FONT_STYLE, DIAG_ERROR, "font family '%s' has no %s style, which the %s uses for %s", "add the file with that style to theme.fonts, or name a family that has it")
MSG(M_FONT_FALLBACK, DIAG_ERROR, "%s: %s (%s) is not in font family '%s': it would print in another font", "replace the character, or set the text in a family that has it (theme.fonts, theme.serif, theme.sans)")
MSG(M_FOOTER_ID, DIAG_ERROR, "card '%s': its footer '%s' is %.1f mm wide, more than the %.1f mm the card has for it", "use a shorter card id, a larger card (--size), or theme.numbering: none; the id is never shortened, so the booklet finds the card")
MSG(M_BACK_TITLE, DIAG_ERROR, "deck: the title does not fit on the card backs even at %g pt (a %.1f x %.1f mm card)", "shorten the title (a word wider than the card cannot fit), or choose a larger card (--size)")
MSG(M_PICTURE, DIAG_ERROR, "%s '%s' %s", "give the path of a PNG or SVG file, relative to the deck file")
MSG(M_PICTURE_PDFX, DIAG_ERROR, "%s '%s' %s, which deckpress cannot put into a %s file", "draw it with flat, opaque colours (PDF/X-4 keeps opacity, PDF/X-1a has none), or make the file without PDF/X (--pdfx=none)")
MSG(M_IMPORT_FILE_OUTSIDE, DIAG_ERROR, "%s '%s' would be outside the new deck's folder %s, where deckpress does not read", "write the new deck where the spreadsheet and the base deck are, copy the file next to the new deck, or allow its folder with --allow-read DIR")
MSG(M_ICON_PANEL, DIAG_WARNING, "category '%s' has no icon: in the icon design its %zu card(s) without an image show an empty panel", "give the category an icon: FILE (SVG or PNG), or choose theme.layout: classic or minimal")
MSG(M_ICON_PANEL_LOOSE, DIAG_WARNING, "%zu card(s) without a category (the first: '%s') show an empty panel in the icon design", "give them a category that has an icon, or an image: FILE each")
MSG(M_PICTURE_PPI, DIAG_WARNING, "card '%s': image '%s' prints at %.0f ppi (%.0f x %.0f mm from %.0f x %.0f pixels), below 300 ppi", "it will look soft or blocky in print: use a picture with more pixels, or an SVG")

/* --- teaching messages found in acceptance testing (qa12) --- */
MSG(M_COMMA_SPLIT, DIAG_ERROR, "'%s' in %s is not a key: inside {...} a comma ends an entry, so the comma before it cut off the value of '%s'", "write a decimal point, not a comma (63.5x88.9, 2.5); put a text with a comma in quotes (\"Hoe gaat het, goed?\"), or write each key on a line of its own")
// clang-format on
