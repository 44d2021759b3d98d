#!/bin/sh
# deckpress cards: the PDF itself is measured: pages and boxes (qpdf --json), fonts
# (pdffonts), words inside the safe area and backs behind fronts (pdftotext -bbox-layout),
# qpdf --check, byte-identical reruns, atomic writes, and every error a deck can cause.
. tests/e2e/lib.sh
PY="/usr/bin/python3 tests/e2e/pdfcheck.py"
F=tests/e2e/fixtures

# Sheets: the example deck (4 cards) is one A4 sheet: a front page and a back page.
"$BIN" cards decks/example.yaml -o "$TMP/a.pdf" 2>"$TMP/err"; expect_eq "cards exits 0" $? 0
qpdf --check "$TMP/a.pdf" >/dev/null 2>&1; expect_eq "qpdf --check is clean" $? 0
expect_eq "one sheet, front and back" "$(pdfinfo "$TMP/a.pdf" | awk '/^Pages:/{print $2}')" 2
$PY boxes "$TMP/a.pdf" >"$TMP/boxes"
expect_eq "A4 pages, no trim box on sheets" "$(head -1 "$TMP/boxes")" "0.000,0.000,595.276,841.890 - -"
pdffonts "$TMP/a.pdf" | tail -n +3 >"$TMP/fonts"
expect_eq "every font embedded" "$(awk '$(NF-4) != "yes"' "$TMP/fonts" | wc -l)" 0
expect_eq "only bundled fonts" "$(grep -cvE '(Yrsa|OpenSans)' "$TMP/fonts")" 0
expect_grep "serif used" 'Yrsa' "$TMP/fonts"
expect_grep "sans used" 'OpenSans' "$TMP/fonts"
flat_text "$TMP/a.pdf" >"$TMP/a.txt"
expect_grep "text is real, selectable text" 'Wanneer heeft een klant jullie voor het laatst' "$TMP/a.txt"
expect_grep "card id printed" 'EX-V02' "$TMP/a.txt"
expect_grep "letter-spaced labels stay one searchable word" '^KLANT CITAAT IDENTITEIT' "$TMP/a.txt"
expect_grep "curly quotes on quotes" '“Ken je klant betekent dus niet klakkeloos luisteren' "$TMP/a.txt"
expect_grep "en dash" 'wat lag er dan in de etalage – en wat in het magazijn' "$TMP/a.txt"
expect_grep "info line on sheets" 'De klant zien · vel 1/1, achterkant · afdrukken op 100% \(ware grootte\)' "$TMP/a.txt"
pdfinfo "$TMP/a.pdf" >"$TMP/info"
expect_grep "title metadata" '^Title: +De klant zien' "$TMP/info"
expect_grep "author metadata" '^Author: +Jouw naam' "$TMP/info"
expect_grep "creator metadata" '^Creator: +deckpress' "$TMP/info"

# Reproducible: same input, same bytes; SOURCE_DATE_EPOCH sets the date.
"$BIN" cards decks/example.yaml -o "$TMP/b.pdf"
expect "second run is byte-identical" cmp "$TMP/a.pdf" "$TMP/b.pdf"
if [ -n "$DECKPRESS_COMMA_LOCALE" ]; then # set up by tests/run.sh
	LC_ALL=$DECKPRESS_COMMA_LOCALE "$BIN" cards decks/example.yaml -o "$TMP/comma.pdf"
	expect "a decimal-comma locale changes no byte" cmp "$TMP/a.pdf" "$TMP/comma.pdf"
fi
SOURCE_DATE_EPOCH=1700000000 "$BIN" cards decks/example.yaml -o "$TMP/c.pdf"
expect_grep "SOURCE_DATE_EPOCH is the creation date" 'CreationDate: +Tue Nov 14 22:13:20 2023' \
	"$(pdfinfo "$TMP/c.pdf" >"$TMP/info2"; echo "$TMP/info2")"

SOURCE_DATE_EPOCH=99999999999999999 "$BIN" cards decks/example.yaml -o "$TMP/d1.pdf" 2>"$TMP/err"
SOURCE_DATE_EPOCH=99999999999999999 "$BIN" cards decks/example.yaml -o "$TMP/d2.pdf" 2>/dev/null
expect "an impossible SOURCE_DATE_EPOCH still gives identical bytes" cmp "$TMP/d1.pdf" "$TMP/d2.pdf"
expect_grep "and a warning" "SOURCE_DATE_EPOCH '99999999999999999' is not a number of seconds" "$TMP/err"

# Outputs that must not be overwritten: the deck itself, a device, a folder, stdout.
cp decks/example.yaml "$TMP/deck-self.yaml"; cp decks/example-quote.txt "$TMP/"
"$BIN" cards "$TMP/deck-self.yaml" -o "$TMP/deck-self.yaml" 2>"$TMP/err"; expect_eq "-o the deck: exit 3" $? 3
expect_grep "the deck is kept" "is the deck .* itself; choose another output file" "$TMP/err"
expect "the deck is still YAML" grep -q '^deck:' "$TMP/deck-self.yaml"
"$BIN" cards decks/example.yaml -o /dev/null 2>"$TMP/err"; expect_eq "-o a device: exit 3" $? 3
expect "/dev/null is still a device" test -c /dev/null
"$BIN" cards decks/example.yaml -o "$TMP" 2>"$TMP/err"; expect_eq "-o a folder: exit 3" $? 3
"$BIN" cards decks/example.yaml -o - 2>"$TMP/err"; expect_eq "-o - : exit 3" $? 3
ln -s "$TMP/target.pdf" "$TMP/link.pdf"
"$BIN" cards decks/example.yaml -o "$TMP/link.pdf"; expect "a symlink is written through" test -L "$TMP/link.pdf" -a -s "$TMP/target.pdf"

# Backs land behind their fronts: A4 portrait (long: columns mirrored; short: rows),
# Letter landscape, and a back offset, measured to 0.1 mm.
"$BIN" cards $F/align.yaml -o "$TMP/al.pdf"
expect "A4 long edge: backs behind fronts" $PY align "$TMP/al.pdf" long
"$BIN" cards $F/align.yaml --duplex short -o "$TMP/al.pdf"
expect "A4 short edge: backs behind fronts" $PY align "$TMP/al.pdf" short
"$BIN" cards $F/align.yaml --sheet letter -o "$TMP/al.pdf"
expect "Letter long edge: backs behind fronts" $PY align "$TMP/al.pdf" long
"$BIN" cards $F/align.yaml --back-offset 1.5,-0.5 -o "$TMP/al.pdf"
expect "back offset shifts every back" $PY align "$TMP/al.pdf" long 1.5,-0.5
$PY align "$TMP/al.pdf" long >/dev/null; expect_eq "the check sees a misplaced back" $? 1
"$BIN" cards $F/align.yaml --no-backs -o "$TMP/al.pdf"
expect_eq "--no-backs: fronts only" "$(pdfinfo "$TMP/al.pdf" | awk '/^Pages:/{print $2}')" 2

# Print shop: one card per page, trim + bleed, TrimBox and BleedBox on every page, and every
# word of every card (both essay decks, both languages) inside the 4 mm safe area.
for d in identiteit verbinding; do for l in nl en; do
	"$BIN" cards decks/$d.yaml --lang $l --sheet none -o "$TMP/ps.pdf"
	expect_eq "print shop $d $l exits 0" $? 0
	n=$(card_count decks/$d.yaml)
	expect_eq "print shop $d $l: front and back per card" \
		"$(pdfinfo "$TMP/ps.pdf" | awk '/^Pages:/{print $2}')" $((2 * n))
	expect "words of $d $l inside the safe area" $PY safe "$TMP/ps.pdf" 4
	qpdf --check "$TMP/ps.pdf" >/dev/null 2>&1; expect_eq "qpdf --check $d $l" $? 0
done; done
$PY boxes "$TMP/ps.pdf" | sort -u >"$TMP/boxes"
expect_eq "poker + 3 mm bleed, trim inside" "$(cat "$TMP/boxes")" \
	"0.000,0.000,197.008,269.008 8.504,8.504,188.504,260.504 0.000,0.000,197.008,269.008"
"$BIN" cards decks/example.yaml --sheet none --size tarot --bleed 2 -o "$TMP/t.pdf"
expect_eq "tarot, 2 mm bleed" "$($PY boxes "$TMP/t.pdf" | sort -u)" \
	"0.000,0.000,209.764,351.496 5.669,5.669,204.094,345.827 0.000,0.000,209.764,351.496"
"$BIN" cards decks/example.yaml --sheet none --size 80x80 --safe 6 -o "$TMP/t.pdf"
expect "custom size, 6 mm safe area" $PY safe "$TMP/t.pdf" 6
flat_text "$TMP/ps.pdf" >"$TMP/en.txt"
expect_grep "English quotes are marked as translations" 'translated from the Dutch' "$TMP/en.txt"

# Deck print: settings are defaults; the command line wins.
sed 's/^  sheet: a4$/  sheet: none/' decks/example.yaml >"$TMP/deck.yaml"; cp decks/example-quote.txt "$TMP/"
"$BIN" cards "$TMP/deck.yaml" -o "$TMP/d.pdf"
expect_eq "print.sheet from the deck" "$(pdfinfo "$TMP/d.pdf" | awk '/^Pages:/{print $2}')" 8
"$BIN" cards "$TMP/deck.yaml" --sheet a4 -o "$TMP/d.pdf"
expect_eq "--sheet beats the deck" "$(pdfinfo "$TMP/d.pdf" | awk '/^Pages:/{print $2}')" 2

# Errors: the card is named with file:line:col, nothing is written, an old file survives.
echo "old" >"$TMP/keep.pdf"
"$BIN" cards $F/too_long.yaml -o "$TMP/keep.pdf" 2>"$TMP/err"; expect_eq "text too long exits 1" $? 1
expect_grep "too long: card and place" "fixtures/too_long.yaml:7:5: error: card 'LONG1': the text does not fit on the card even at 9 pt;" "$TMP/err"
expect_eq "old file left as it was" "$(cat "$TMP/keep.pdf")" old
expect_eq "no temporary files left" "$(ls "$TMP" | grep -c 'keep.pdf.')" 0
"$BIN" cards $F/missing_glyph.yaml -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "missing glyph exits 1" $? 1
expect_grep "missing character named at its own place" "missing_glyph.yaml:6:33: error: card 'EMOJI': 'text': U\+1F600 GRINNING FACE" "$TMP/err"
expect_eq "each missing character named once" "$(grep -c 'is in none of the bundled fonts' "$TMP/err")" 3
"$BIN" cards $F/missing_font.yaml -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "font not bundled exits 1" $? 1
expect_grep "font not bundled named" "missing_font.yaml:4:10: error: font family 'Comic Sans MS' is not among the bundled fonts" "$TMP/err"
[ ! -e "$TMP/x.pdf" ] && ok || fail "no PDF after errors"
"$BIN" cards decks/example.yaml --size pokr -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "bad --size exits 2" $? 2
expect_grep "bad size lists the sizes" "unknown card size 'pokr'; expected poker, bridge" "$TMP/err"
"$BIN" cards decks/example.yaml --lang fr -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "undeclared --lang exits 2" $? 2
expect_grep "languages listed" "has no language 'fr'; it has: nl, en" "$TMP/err"
"$BIN" cards decks/example.yaml 2>/dev/null; expect_eq "no -o exits 2" $? 2
"$BIN" cards decks/example.yaml -o /nonexistent/dir/x.pdf 2>"$TMP/err"; expect_eq "unwritable output exits 3" $? 3
# Soft hyphens: Cairo writes one inside a line as an empty /ActualText span; deckpress hands
# Cairo the words without them. The words still read whole, and a line that ends at one
# still ends in U+00AD (its hyphen glyph stands for it: the ladder check reads that).
"$BIN" cards decks/workshop.yaml --lang nl -o "$TMP/shy.pdf" >/dev/null
qpdf --qdf --object-streams=disable "$TMP/shy.pdf" "$TMP/shy.qdf"
expect_eq "no /ActualText span for a soft hyphen" "$(grep -ac 'ActualText <feff00ad>' "$TMP/shy.qdf")" 0
pdftotext "$TMP/shy.pdf" "$TMP/shy.txt"
expect_eq "no soft hyphen inside a word's text" "$(grep -c "$(printf '\302\255')[[:alpha:]]" "$TMP/shy.txt")" 0
expect_grep "a word with soft hyphens reads whole" "ondersteunende" "$TMP/shy.txt"
/usr/bin/python3 tests/e2e/pdfcheck.py hyphens "$TMP/shy.pdf" >"$TMP/out"
expect_grep "lines still end at soft hyphens, no ladders" "^hyphens: [1-9][0-9]* hyphenated lines, longest run [12], 0 problems" "$TMP/out"
# On success one line says what was written; its page count is the PDF's; -q says nothing.
"$BIN" cards decks/identiteit.yaml -o "$TMP/ok.pdf" >"$TMP/out" 2>"$TMP/err"; expect_eq "cards succeeds" $? 0
n=$(qpdf --show-npages "$TMP/ok.pdf")
expect_grep "success line: file, cards, pages, sheets, size" "^$TMP/ok.pdf: $(card_count decks/identiteit.yaml) cards \(nl\), $n pages: $((n / 2)) A4 sheets, fronts and backs; poker 63.5 x 88.9 mm$" "$TMP/out"
expect_eq "one line" "$(wc -l <"$TMP/out")" 1
"$BIN" cards decks/identiteit.yaml --sheet none --bleed 2 -o "$TMP/ok.pdf" >"$TMP/out"
expect_grep "print-shop success line" "$(($(card_count decks/identiteit.yaml) * 2)) pages: one card per page with 2 mm bleed" "$TMP/out"
"$BIN" cards -q decks/identiteit.yaml -o "$TMP/ok.pdf" >"$TMP/out" 2>&1; expect_eq "cards -q succeeds" $? 0
expect_eq "cards -q prints nothing" "$(cat "$TMP/out")" ""
"$BIN" cards --quiet decks/identiteit.yaml -o "$TMP/ok.pdf" >"$TMP/out" 2>&1
expect_eq "cards --quiet prints nothing" "$(cat "$TMP/out")" ""
finish
