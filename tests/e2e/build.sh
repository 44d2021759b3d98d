#!/bin/sh
# deckpress build: every file of every example team, team names on the backs and the covers,
# languages, a parallel build byte-identical to a serial one, a broken team isolated.
. tests/e2e/lib.sh
pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }
"$BIN" build decks/teams.example.yaml -o "$TMP/serial" -j 1 >"$TMP/out" 2>"$TMP/err"
expect_eq "build exits 0" $? 0
expect_grep "summary" 'built 3 teams into' "$TMP/out"
expect_eq "quiet when stderr is not a terminal" "$(wc -c <"$TMP/err")" 0
# the summary names the folder as given, once with its slash, and counts in words
printf 'deck: %s/decks/workshop.yaml\nteams:\n  - name: Noord\n' "$PWD" >"$TMP/one-team.yaml"
"$BIN" build "$TMP/one-team.yaml" --allow-read decks -o "$TMP/slash/" -j 1 >"$TMP/out1" 2>&1
expect_eq "one team, -o ending in /" "$(cat "$TMP/out1")" "deckpress: built 1 team into $TMP/slash/"
"$BIN" build decks/workshop.yaml -o "$TMP/slash2//" -j 1 >"$TMP/out1" 2>&1
expect_eq "a deck, -o ending in //" "$(cat "$TMP/out1")" "deckpress: built 1 deck into $TMP/slash2/"
# -o in folders that do not exist yet (the README's 'build ... -o out/teams' in a new folder)
"$BIN" build decks/workshop.yaml -o "$TMP/new/er/out" -j 1 -q; expect_eq "missing parent folders are made" $? 0
expect "and written into" test -s "$TMP/new/er/out/cards.pdf"
: >"$TMP/afile"
"$BIN" build decks/workshop.yaml -o "$TMP/afile/out" -j 1 -q 2>"$TMP/err1"; expect_eq "a file in the way: exit 3" $? 3
expect_grep "a file in the way: said" "afile/out: error: cannot write: " "$TMP/err1"
for t in team-noord customer-service-zuid staf-innovatie; do
	for f in cards.pdf printshop.pdf booklet.pdf booklet-saddle.pdf contact.png; do
		expect "$t/$f written" test -s "$TMP/serial/$t/$f"
	done
	for f in cards.pdf printshop.pdf booklet.pdf booklet-saddle.pdf; do
		qpdf --check "$TMP/serial/$t/$f" >/dev/null 2>&1; expect_eq "$t/$f passes qpdf --check" $? 0
	done
done
n=$("$BIN" check decks/teams.example.yaml | sed -n "s/.*team 'Team Noord': \([0-9]*\) cards.*/\1/p")
expect_eq "Team Noord: quotes, cases and its own card" "$n" 15
expect_eq "print shop: front and back per card" "$(pages "$TMP/serial/team-noord/printshop.pdf")" 30
flat_text "$TMP/serial/team-noord/cards.pdf" >"$TMP/noord.txt"
expect_eq "team name on every back" "$(grep -o 'Team Noord' "$TMP/noord.txt" | wc -l)" 15
expect_grep "the team's own card" 'NO-V01' "$TMP/noord.txt"
flat_text "$TMP/serial/team-noord/booklet.pdf" >"$TMP/noord-b.txt"
expect_grep "team name on the booklet cover" 'Team Noord' "$TMP/noord-b.txt"
images() { pdfimages -list "$@" | tail -n +3 | wc -l; } # a logo with alpha is 2: image and mask
expect_eq "Noord's logo on every card back" "$(images "$TMP/serial/team-noord/cards.pdf")" 30
expect_eq "Noord's logo on the booklet cover" "$(images -f 1 -l 1 "$TMP/serial/team-noord/booklet.pdf")" 2
expect_eq "no logo for Zuid" "$(images "$TMP/serial/customer-service-zuid/cards.pdf")" 0
flat_text "$TMP/serial/customer-service-zuid/cards.pdf" >"$TMP/zuid.txt"
expect_grep "Zuid in English" 'translated from the Dutch' "$TMP/zuid.txt"
expect_grep "Zuid's backs" 'Customer Service Zuid' "$TMP/zuid.txt"
flat_text "$TMP/serial/staf-innovatie/cards.pdf" >"$TMP/staf.txt"
expect_grep "Staf uses its own base deck" 'ID-V01' "$TMP/staf.txt"
expect_eq "Staf has questions only" "$(grep -c 'CITAAT\|CASUS' "$TMP/staf.txt")" 0

# A team in English whose own quote is a plain string: text in English, so no translation
# warning, no "translated from the Dutch" under it, no Dutch "Original" in the booklet, and
# not tagged as the base deck's Dutch there.
mkdir "$TMP/own"; cp decks/workshop.yaml decks/identiteit.yaml decks/verbinding.yaml "$TMP/own/"
printf '%s\n' 'deck: workshop.yaml' 'teams:' '  - name: Team West' '    language: en' \
	'    select: "id:ID-Q01"' '    cards:' \
	'      - {id: WE-Q01, type: quote, source: wat-uw-organisatie, text: "Customers notice what we forget to say."}' \
	>"$TMP/own/teams.yaml"
"$BIN" check "$TMP/own/teams.yaml" >/dev/null 2>"$TMP/err"; expect_eq "own English card: check exits 0" $? 0
expect_eq "own English card: no translation warning" "$(grep -c 'translation' "$TMP/err")" 0
"$BIN" build "$TMP/own/teams.yaml" -o "$TMP/own/out" -j 1 >/dev/null 2>&1
flat_text "$TMP/own/out/team-west/cards.pdf" >"$TMP/west.txt"
expect_eq "only the base quote says it is translated" "$(grep -o 'translated from the Dutch' "$TMP/west.txt" | wc -l)" 1
flat_text "$TMP/own/out/team-west/booklet.pdf" >"$TMP/west-b.txt"
expect_eq "only the base quote has its original in the booklet" "$(grep -o 'ORIGINAL' "$TMP/west-b.txt" | wc -l)" 1
/usr/bin/python3 tests/e2e/tagcheck.py lang "$TMP/own/out/team-west/booklet.pdf" >"$TMP/west-lang"
expect_eq "the own quote is not tagged Dutch" "$(grep -c ' nl: .*forget to say' "$TMP/west-lang")" 0

# On a terminal (script(1) gives one), a progress line: teams done/total, current team, time.
if command -v script >/dev/null 2>&1; then
	script -qec "$BIN build decks/teams.example.yaml -o $TMP/tty -j 2" /dev/null >"$TMP/tty.txt" 2>&1
	expect_grep "progress: team being built" '\[0/3\] building Team Noord' "$TMP/tty.txt"
	expect_grep "progress: done count and time" '\[3/3\] done · [0-9.]+ s' "$TMP/tty.txt"
fi

# -j 2 gives the same bytes as -j 1, file by file.
"$BIN" build decks/teams.example.yaml -o "$TMP/par" -j 2 >/dev/null 2>&1; expect_eq "-j 2 exits 0" $? 0
(cd "$TMP/serial" && find . -type f | sort) >"$TMP/files"
expect_eq "15 files" "$(wc -l <"$TMP/files")" 15
while read -r f; do
	expect "parallel $f identical" cmp "$TMP/serial/$f" "$TMP/par/$f"
done <"$TMP/files"

# A plain deck builds the same five files into DIR.
"$BIN" build decks/example.yaml -o "$TMP/plain" -q; expect_eq "plain deck exits 0" $? 0
expect_eq "plain deck: five files" "$(ls "$TMP/plain" | wc -l)" 5

# A broken team does not stop the others; the summary names it; exit 1.
"$BIN" build --allow-read . tests/e2e/fixtures/teams_broken.yaml -o "$TMP/broken" -j 2 >"$TMP/out" 2>"$TMP/err"
expect_eq "broken team: exit 1" $? 1
expect "the good team is built" test -s "$TMP/broken/goed/booklet.pdf"
expect_grep "missing logo named" "team 'Zonder Logo': logo 'no-such-logo.png' cannot be read" "$TMP/err"
expect_grep "unfit card named" "card 'LONG' \\(nl\\): the text does not fit" "$TMP/err"
expect_grep "summary of failures" '1 of 3 teams built; failed:' "$TMP/err"
expect_grep "failed team listed" 'Te Lang \(line 7\): a card or the booklet could not be typeset' "$TMP/err"
expect "no cards.pdf for the unfit team" test ! -e "$TMP/broken/te-lang/cards.pdf"
mkdir -p "$TMP/blocked" && touch "$TMP/blocked/team-noord"
"$BIN" build decks/teams.example.yaml -o "$TMP/blocked" 2>"$TMP/err"; expect_eq "only files failed: exit 3" $? 3
expect_grep "file in the way named" "blocked/team-noord: error: cannot write: a file of that name is in the way" "$TMP/err"
expect "the other teams are built" test -s "$TMP/blocked/staf-innovatie/cards.pdf"
"$BIN" build decks/teams.example.yaml -o "$TMP/verbose" -j 2 -v >/dev/null 2>"$TMP/err"
expect_eq "--verbose lists every file" "$(grep -c '^deckpress: wrote ' "$TMP/err")" 15
expect_eq "--verbose: each team's lines together" "$(grep '^deckpress: wrote ' "$TMP/err" | sed 's|.*/verbose/\([^/]*\)/.*|\1|' | uniq | wc -l)" 3
"$BIN" build --allow-read . tests/e2e/fixtures/teams_invalid.yaml -o "$TMP/inv" 2>"$TMP/err"; expect_eq "invalid teams: exit 1" $? 1
expect_grep "duplicate folder" "would be built into the same folder 'noord'" "$TMP/err"
expect_grep "neither PNG nor SVG" "logo '../../../README.md' is neither a PNG nor an SVG image" "$TMP/err"
expect_grep "team language" "language 'fr' is not one of the deck's languages" "$TMP/err"
expect_grep "damaged logo named with its line" "teams_invalid.yaml:14:11: error: team 'Kapot Logo': logo 'damaged.png' is a damaged PNG image" "$TMP/err"
"$BIN" check tests/e2e/fixtures/teams_self.yaml >/dev/null 2>"$TMP/err"; expect_eq "a teams file as its own deck: exit 1, no crash" $? 1
expect_grep "it says it is no deck" "teams_self.yaml:5:3: error: this is a teams file, not a deck" "$TMP/err"
expect_grep "the team's texts read in a language" "teams_self.yaml:7:54: error: text in language 'en', which the deck does not declare" "$TMP/err"
"$BIN" build --allow-read . tests/e2e/fixtures/teams_nodeck.yaml -o "$TMP/nd" 2>"$TMP/err"; expect_eq "team without deck: exit 1" $? 1
expect_grep "no deck" "team 'Zwevend' has no deck" "$TMP/err"
# a warning about a file being built names it where it will be, never the hidden folder it is
# written in first, its note included (a back offset, ignored in printshop.pdf)
mkdir "$TMP/bo" && cp decks/example.yaml decks/example-quote.txt "$TMP/bo/"
sed -i 's/^  back_offset: .*/  back_offset: "1,1"/' "$TMP/bo/example.yaml"
"$BIN" build "$TMP/bo/example.yaml" -o "$TMP/bo/out" 2>"$TMP/err"; expect_eq "a warning: exit 0" $? 0
expect_eq "warning and note name out/printshop.pdf" \
	"$(grep -c "^$TMP/bo/out/printshop.pdf: \(warning: back offset 1,1\|note: back-offset\)" "$TMP/err") $(grep -c '\.build\.' "$TMP/err")" "2 0"
"$BIN" build decks/teams.example.yaml -o "$TMP/x" -j 0 2>"$TMP/err"; expect_eq "-j 0 is a usage error" $? 2
"$BIN" build decks/teams.example.yaml 2>/dev/null; expect_eq "no -o is a usage error" $? 2
finish
