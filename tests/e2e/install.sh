#!/bin/sh
# make install: the installed binary finds its fonts under PREFIX/share/deckpress, not in the
# source tree, and the man page is installed.
. tests/e2e/lib.sh
: "${BUILD:=build}"
san=; case "$BUILD" in *asan*) san="SANITIZE=1" ;; esac
make -s --no-print-directory BUILD="$BUILD" $san install DESTDIR="$TMP/root" PREFIX=/opt/dp >"$TMP/log" 2>&1
expect_eq "make install exits 0" $? 0
expect "binary installed" test -x "$TMP/root/opt/dp/bin/deckpress"
expect "man page installed" test -f "$TMP/root/opt/dp/share/man/man1/deckpress.1"
expect "fonts installed" test -f "$TMP/root/opt/dp/share/deckpress/fonts/Yrsa-Regular.ttf"
expect "font licences installed" test -f "$TMP/root/opt/dp/share/deckpress/fonts/Yrsa-LICENSE.txt"
cp decks/example.yaml "$TMP/deck.yaml"; cp decks/example-quote.txt "$TMP/" # the source it quotes
(cd "$TMP" && env -u DECKPRESS_DATA "$TMP/root/opt/dp/bin/deckpress" cards deck.yaml -o out.pdf) 2>"$TMP/err"
expect_eq "installed binary renders cards away from the source tree" $? 0
pdffonts "$TMP/out.pdf" | tail -n +3 >"$TMP/fonts"
expect_grep "with the installed fonts" 'Yrsa' "$TMP/fonts"
# the docs, both schemas and bash completion are installed; init points decks at the
# installed schema, so editors check decks anywhere
R="$TMP/root/opt/dp"
for f in share/doc/deckpress/README.md share/doc/deckpress/deck-format.md \
	share/doc/deckpress/spreadsheets.md share/deckpress/deck.schema.json \
	share/deckpress/teams.schema.json share/bash-completion/completions/deckpress; do
	expect "$f installed" test -s "$R/$f"
done
(cd "$TMP" && env -u DECKPRESS_DATA "$R/bin/deckpress" init proj >/dev/null) 2>"$TMP/err"
expect_eq "installed init" $? 0
expect_grep "init names the installed schema" "^# yaml-language-server: \\\$schema=$R/share/deckpress/deck.schema.json$" "$TMP/proj/deck.yaml"
expect_grep "and the installed teams schema" "^# yaml-language-server: \\\$schema=$R/share/deckpress/teams.schema.json$" "$TMP/proj/teams.yaml"
(cd "$TMP/proj" && env -u DECKPRESS_DATA "$R/bin/deckpress" check deck.yaml teams.yaml) >/dev/null 2>&1
expect_eq "the installed starter checks" $? 0
bash -c '. "$1"; COMP_WORDS=("$2" ""); COMP_CWORD=1; _deckpress; echo "${COMPREPLY[*]}"
	COMP_WORDS=("$2" import --b); COMP_CWORD=2; _deckpress; echo "${COMPREPLY[*]}"' _ \
	"$R/share/bash-completion/completions/deckpress" "$R/bin/deckpress" >"$TMP/comp" 2>&1
expect_grep "completion lists the commands" "^init check .*export import --help --version$" "$TMP/comp"
expect_grep "completion lists a command's options" "^--base$" "$TMP/comp"
# the installed fonts are the ones used: without them the binary says so and fails
rm -r "$TMP/root/opt/dp/share/deckpress/fonts"
(cd "$TMP" && env -u DECKPRESS_DATA "$TMP/root/opt/dp/bin/deckpress" cards deck.yaml -o out2.pdf) 2>"$TMP/err"
expect_eq "missing data directory is an I/O error" $? 3
expect_grep "says what is missing" 'no bundled fonts found' "$TMP/err"
finish
