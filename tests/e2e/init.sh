#!/bin/sh
# deckpress init: a starter project in each language that checks clean (no warnings) and
# builds with every command; it never overwrites anything.
. tests/e2e/lib.sh
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN") # the tests run it from other folders

for lang in nl en; do
	P="$TMP/$lang"
	"$BIN" init "$P" --lang $lang >"$TMP/out" 2>"$TMP/err"; expect_eq "init --lang $lang" $? 0
	expect_grep "init says what it made" "^$P: a new deck project \\($lang\\)" "$TMP/out"
	for f in deck.yaml teams.yaml README.md; do expect "$lang: $f written" test -s "$P/$f"; done
	expect_grep "$lang: the deck is written in $lang" "^  language: $lang " "$P/deck.yaml"
	expect_grep "$lang: two languages" "^  languages: \\[$lang, " "$P/deck.yaml"
	for t in quote case question; do expect_grep "$lang: a $t card" "type: $t " "$P/deck.yaml"; done
	expect_grep "$lang: notes" "^    note:" "$P/deck.yaml"
	expect_grep "$lang: the schema line points at the real schema" \
		"^# yaml-language-server: \\\$schema=/.*/deck.schema.json$" "$P/deck.yaml"
	schema=$(sed -n 's/^# yaml-language-server: \$schema=//p' "$P/deck.yaml")
	expect "$lang: the schema exists" test -f "$schema"
	(cd "$P" && "$BIN" check deck.yaml teams.yaml) >"$TMP/out" 2>"$TMP/err"
	expect_eq "$lang: check passes" $? 0
	expect_eq "$lang: no warnings" "$(cat "$TMP/err")" ""
	expect_grep "$lang: three cards" "^deck.yaml: 3 cards \\(1 quote, 1 case, 1 question\\), no errors$" "$TMP/out"
	(cd "$P" && "$BIN" cards deck.yaml -o cards.pdf -q && "$BIN" booklet deck.yaml -o booklet.pdf -q &&
		"$BIN" preview deck.yaml -o png -q) 2>"$TMP/err"
	expect_eq "$lang: cards, booklet, preview" $? 0
	other=$(sed -n 's/^  languages: \[[a-z]*, \([a-z]*\)\].*/\1/p' "$P/deck.yaml")
	(cd "$P" && "$BIN" cards deck.yaml --lang "$other" -o other.pdf -q) 2>"$TMP/err"
	expect_eq "$lang: cards in $other" $? 0
	(cd "$P" && "$BIN" build deck.yaml -o all -q && "$BIN" build teams.yaml -o teams -q) 2>"$TMP/err"
	expect_eq "$lang: build deck and teams" $? 0
	expect "$lang: a team's cards" test -s "$(ls -d "$P"/teams/*/ | head -1)cards.pdf"
	expect_eq "$lang: cards.pdf has 2 pages" "$(qpdf --show-npages "$P/cards.pdf")" 2
	# the branding lines the starter shows in comments work once the # is taken away
	cp tests/regress/layout/brand/icons/eye.svg "$P/icon.svg"
	cp tests/regress/layout/brand/small.png "$P/team.png"
	sed -e 's/^# theme:/theme:/' -e 's/^#   \(layout\|numbering\):/  \1:/' \
		-e 's/^    # icon: [^ ]*/    icon: icon.svg/' -e 's/^    # image:/    image:/' \
		"$P/deck.yaml" >"$P/branded.yaml"
	expect_grep "$lang: the theme's lines uncommented" '^  layout: classic' "$P/branded.yaml"
	(cd "$P" && "$BIN" check branded.yaml) >"$TMP/out" 2>"$TMP/err"
	expect_eq "$lang: the commented branding checks" $? 0
	(cd "$P" && "$BIN" cards branded.yaml -o branded.pdf -q) 2>/dev/null
	flat_text "$P/branded.pdf" | grep -q 'V01 · 3/3' && ok || fail "$lang: numbered cards from the comments"
done
expect_eq "the two starters differ" "$(cmp -s "$TMP/nl/deck.yaml" "$TMP/en/deck.yaml"; echo $?)" 1

# never overwrites: a folder that is not empty, a file
mkdir "$TMP/full"; echo mine >"$TMP/full/deck.yaml"
"$BIN" init "$TMP/full" 2>"$TMP/err"; expect_eq "non-empty folder refused" $? 2
expect_grep "says why" "full: error: this folder is not empty \\(it holds 'deck.yaml'\\); deckpress init never overwrites" "$TMP/err"
expect_eq "its file untouched" "$(cat "$TMP/full/deck.yaml")" mine
echo x >"$TMP/afile"
"$BIN" init "$TMP/afile" 2>"$TMP/err"; expect_eq "a file refused" $? 2
expect_grep "a file named" "afile: error: this is a file, not a folder" "$TMP/err"
"$BIN" init "$TMP/no/such/dir" 2>"$TMP/err"; expect_eq "missing parent is an I/O error" $? 3
expect_grep "missing parent said" "cannot create this folder" "$TMP/err"
mkdir "$TMP/empty"
"$BIN" init "$TMP/empty" --lang en >/dev/null 2>&1; expect_eq "an empty folder is fine" $? 0
"$BIN" init "$TMP/x" --lang de 2>"$TMP/err"; expect_eq "unknown language refused" $? 2
expect_grep "languages named" "choose nl or en" "$TMP/err"
expect "nothing made for a refused language" test ! -e "$TMP/x"
"$BIN" init 2>/dev/null; expect_eq "no folder is a usage error" $? 2
# no temporary files are left in the new project
expect_eq "no temp files" "$(ls -a "$TMP/empty" | grep -c tmp)" 0
finish
