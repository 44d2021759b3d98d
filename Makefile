# deckpress - YAML decks of conversation cards to print-ready PDFs.
# make | make check | make demo | make install [PREFIX=/usr/local DESTDIR=] | make clean
# make check-asan | make valgrind | make regen | make bench | make deps | make format | make fuzz

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/deckpress
MANDIR    = $(PREFIX)/share/man/man1
DOCDIR    = $(PREFIX)/share/doc/deckpress
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
BUILD    ?= build
CC       ?= cc
CFLAGS   ?= -O2 -g
PKGS      = pangocairo cairo-pdf pangoft2 fontconfig freetype2 librsvg-2.0 yaml-0.1 libqpdf icu-uc lcms2 \
            libpng16

WARN      = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALL_CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE -DDECKPRESS_VERSION='"$(VERSION)"' \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS) -MMD -MP $(SAN_FLAGS)
ALL_LDFLAGS  = $(LDFLAGS) $(SAN_FLAGS)
LIBS      = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhyphen -lm
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
ifeq ($(SANITIZE),coverage)
SAN_FLAGS = -fsanitize=fuzzer-no-link -fprofile-instr-generate -fcoverage-mapping
endif
ifeq ($(SANITIZE),fuzz)
SAN_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
endif

# The modules, in pipeline order; all but main go into the objects the tests link against.
MODULES   = util tmpfiles diag charname bounds input paint_scan image_copies image image_cache deck_pictures \
            yaml_tree srcloc card_fields load_fields deck_load deck_load_settings deck_include deck_load_teams \
            selection deck deck_check deck_check_assets quote_verify csv deck_csv yaml_write \
            markup typo hyph hyph_layout paths fonts font_file typeset glyphs labels color \
            card_design card_face para booklet_content \
            print_setup numfmt impose impose_saddle booklet_flow \
            ink_map render_color render_picture render_card booklet_render \
            pdf_meta pdf_struct pdf_content pdf_xmp pdf_tags pdf_lig pdfx_content pdfx_image pdfx \
            pdf_merge pdf_finish pdf_out pool chunks cards_pdf booklet_pdf png_out preview \
            session cli_print cli_input build commands \
            cmd_init cmd_check cmd_cards cmd_booklet cmd_preview cmd_calibrate cmd_build \
            cmd_watch cmd_export cmd_import cmd_tables
TESTS     = test_util test_diag test_srcloc test_deck_load test_selection test_markup test_typo test_hyph \
            test_fonts test_typeset test_print_setup test_numfmt test_impose \
            test_booklet_flow test_booklet_impose test_pdf_finish test_pdf_tags test_color \
            test_pdfx test_hyph_layout test_paint_scan test_image_draw test_image_cache test_png_out
# libFuzzer targets (tests/fuzz/), built with clang into build-fuzz/ by make fuzz.
FUZZERS   = fuzz_deck fuzz_teams fuzz_card fuzz_long fuzz_image
# The starter project of 'deckpress init', made into C from the files in templates/.
TEMPLATES = $(sort $(wildcard templates/*/*))
LIB_OBJS  = $(MODULES:%=$(BUILD)/obj/%.o) $(BUILD)/obj/templates.o $(BUILD)/obj/icc_fogra39.o
MAIN_OBJ  = $(BUILD)/obj/main.o
UNIT_BINS = $(TESTS:%=$(BUILD)/tests/%)
BIN       = $(if $(filter build,$(BUILD)),./deckpress,$(BUILD)/deckpress)

.PHONY: all check check-run check-asan fuzz fuzz-coverage demo deps install uninstall clean regen valgrind bench format \
        list-modules

all: $(BIN)

$(BIN): $(MAIN_OBJ) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/templates.c: templates/embed.sh $(TEMPLATES)
	@mkdir -p $(dir $@)
	sh templates/embed.sh $(TEMPLATES) >$@.tmp && mv $@.tmp $@

$(BUILD)/obj/templates.o: $(BUILD)/gen/templates.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) \
	    $(ALL_LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS) $(TEST_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< \
	    $(LIB_OBJS) $(LIBS)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d $(BUILD)/fuzz/*.d)

# The built-in FOGRA39 output profile (docs/printing.md): made from Fogra's characterisation
# data in Debian's icc-profiles-free with ArgyllCMS colprof (deterministic apart from the
# header's creation date, which is set to the data's own date, 2006-12-01), then compiled in.
ICC_TI3  = /usr/share/color/icc/FOGRA39L.ti3
ICC_DESC = FOGRA39 (ISO 12647-2:2004 coated), made by deckpress from FOGRA39L.ti3
ICC_CPRT = Characterisation data FOGRA39L: Fogra, via icc-profiles-free (zlib licence). \
           Profile computed from it with ArgyllCMS colprof; not Fogra's or ECI's own profile.
$(BUILD)/icc/FOGRA39L.icc: $(ICC_TI3)
	@mkdir -p $(dir $@)
	cp $(ICC_TI3) $(BUILD)/icc/FOGRA39L.ti3
	cd $(BUILD)/icc && colprof -qm -kr -l330 -L98 -nc -Zr -D "$(ICC_DESC)" -C "$(ICC_CPRT)" \
	    FOGRA39L >colprof.log
	printf '\007\326\000\014\000\001\000\000\000\000\000\000' | \
	    dd of=$@ bs=1 seek=24 conv=notrunc status=none

$(BUILD)/gen/icc_fogra39.c: $(BUILD)/icc/FOGRA39L.icc
	@mkdir -p $(dir $@)
	{ echo '/* generated by make from $< */'; echo '#include "color.h"'; \
	  echo 'const unsigned char icc_fogra39[] = {'; \
	  od -An -v -tu1 $< | sed 's/^ *//; s/  */,/g; s/$$/,/'; \
	  echo '};'; echo 'const size_t icc_fogra39_len = sizeof icc_fogra39;'; } >$@.tmp
	mv $@.tmp $@

$(BUILD)/obj/icc_fogra39.o: $(BUILD)/gen/icc_fogra39.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The README's test command: the whole suite, then the whole suite again under ASan+UBSan,
# then each fuzzer over its seeds and for a few seconds more.
check: deps
	$(MAKE) --no-print-directory check-run
	$(MAKE) --no-print-directory check-asan
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)

# make fuzz FUZZ_SECONDS=N: every fuzzer for N seconds (clang, libFuzzer, ASan+UBSan); new
# inputs are kept in build-fuzz/corpus/, crashes in build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 15
fuzz: deps
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang SANITIZE=fuzz CFLAGS="-O1 -g" \
	    $(FUZZERS:%=build-fuzz/fuzz/%)
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZERS)

# make fuzz-coverage: the lines of each source file that the fuzzers' corpora (seeds and what
# make fuzz found, in build-fuzz/corpus/) reach, with clang's source-based coverage.
fuzz-coverage: deps
	$(MAKE) --no-print-directory BUILD=build-cov CC=clang SANITIZE=coverage CFLAGS="-O1 -g" \
	    $(FUZZERS:%=build-cov/fuzz/%)
	@sh tests/fuzz/coverage.sh build-cov build-fuzz $(FUZZERS)

check-run: $(BIN) $(UNIT_BINS)
	@BIN=$(BIN) BUILD=$(BUILD) sh tests/run.sh

check-asan:
	$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 CFLAGS="-O1 -g" check-run

# Render every bundled deck into out/.
demo: deps $(BIN)
	@BIN=$(BIN) sh tests/demo.sh

deps:
	@sh .ci/deps.sh

regen: $(BIN)
	@BIN=$(BIN) sh tests/regress.sh --regen

valgrind: $(BIN) $(UNIT_BINS)
	@BIN=$(BIN) BUILD=$(BUILD) sh tests/valgrind.sh

# The floor (bench/floor.c): the plain job deckpress is measured against; fonts as ours.
FLOOR_OBJS = $(BUILD)/obj/fonts.o $(BUILD)/obj/paths.o $(BUILD)/obj/util.o $(BUILD)/obj/tmpfiles.o

$(BUILD)/floor: bench/floor.c $(FLOOR_OBJS)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(FLOOR_OBJS) $(LIBS)

bench: $(BIN) $(BUILD)/floor
	@BIN=$(BIN) FLOOR=$(BUILD)/floor sh bench/run.sh

format:
	clang-format -i src/*.c include/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h bench/*.c

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(MANDIR) \
	    $(DESTDIR)$(DOCDIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/deckpress
	install -m 644 fonts/*.ttf fonts/*.txt fonts/README.md $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 docs/*.schema.json $(DESTDIR)$(DATADIR)/
	install -m 644 docs/deckpress.1 $(DESTDIR)$(MANDIR)/deckpress.1
	install -m 644 README.md docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 644 docs/completion/deckpress.bash $(DESTDIR)$(BASHCOMPDIR)/deckpress

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/deckpress $(DESTDIR)$(MANDIR)/deckpress.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/deckpress
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build build-asan build-fuzz build-cov deckpress out

list-modules:
	@echo $(MODULES) $(TESTS)
