#!/bin/sh
# deckpress booklet: the PDF is read back: page size and count, page labels and outline
# (qpdf --json), every card's id and text (pdftotext), contents page numbers against the
# pages chapters start on, every word inside the mirrored margins, links, qpdf --check,
# byte-identical reruns, saddle-stitch imposition page by page, and option errors.
. tests/e2e/lib.sh
PY="/usr/bin/python3 tests/e2e/bookletcheck.py"
F=tests/e2e/fixtures
pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }
size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p'; }

# Both essay decks in both languages: content, structure and margins.
for d in identiteit verbinding; do for l in nl en; do
	"$BIN" booklet decks/$d.yaml --lang $l -o "$TMP/$d-$l.pdf" 2>"$TMP/err"
	expect_eq "booklet $d $l exits 0" $? 0
	qpdf --check "$TMP/$d-$l.pdf" >/dev/null 2>&1; expect_eq "qpdf --check $d $l" $? 0
	expect_eq "$d $l: A5 pages" "$(size "$TMP/$d-$l.pdf")" "419.528x595.276"
	expect "$d $l: every card's id and text" $PY cards decks/$d.yaml $l "$TMP/$d-$l.pdf"
	expect "$d $l: contents page numbers" $PY toc "$TMP/$d-$l.pdf"
	expect "$d $l: no text under 6 pt, greys at 4.5:1 (pdfcheck legible)" /usr/bin/python3 tests/e2e/pdfcheck.py legible "$TMP/$d-$l.pdf"
	# text area 20/23 mm, running head and page number 12.5 mm from the edges: words may
	# reach 9 mm from top and bottom, never into the 19 mm inner or 16 mm outer margin
	expect "$d $l: words inside the mirrored margins" $PY area "$TMP/$d-$l.pdf" 9 9 19 16
	expect "$d $l: every link has its destination" $PY links "$TMP/$d-$l.pdf"
	n=$(card_count decks/$d.yaml)
	$PY outline "$TMP/$d-$l.pdf" >"$TMP/outline"
	expect_eq "$d $l: a card entry per card in the outline" "$(grep -cE '^  [A-Z]+-[A-Z]?[0-9]+$' "$TMP/outline")" "$n"
done; done

# Labels: cover, roman front matter, then 1, 2, ... up to the last page.
$PY labels "$TMP/identiteit-nl.pdf" >"$TMP/labels"
expect_eq "cover label" "$(sed -n 1p "$TMP/labels")" "Omslag"
expect_eq "contents is page i" "$(sed -n 2p "$TMP/labels")" "i"
expect_eq "the body starts at 1 on a right-hand page" "$(grep -n '^1$' "$TMP/labels" | cut -d: -f1)" 3
expect_eq "last page label" "$(tail -1 "$TMP/labels")" $(( $(pages "$TMP/identiteit-nl.pdf") - 2 ))
expect_eq "English cover label" "$($PY labels "$TMP/identiteit-en.pdf" | sed -n 1p)" "Cover"

# Outline: chapters at the top, guide sections and cards under them.
$PY outline "$TMP/identiteit-en.pdf" >"$TMP/outline"
for ch in Introduction "Using the cards" "Self-image" "A different angle" Sources Closing Notes; do
	expect_grep "outline chapter $ch" "^$ch\$" "$TMP/outline"
done
expect_grep "guide section under its chapter" '^  Opening round$' "$TMP/outline"
expect_grep "card under its chapter" '^  ID-Q01$' "$TMP/outline"

# Content details: notes, sources with the cards quoting them, translations with originals.
flat_text "$TMP/identiteit-en.pdf" >"$TMP/en.txt"
expect_grep "facilitator notes labelled" 'FOR THE FACILITATOR' "$TMP/en.txt"
expect_grep "sources list the cards quoting them" 'Quoted on ID-Q01, ID-Q02, ID-Q03' "$TMP/en.txt"
expect_grep "translated quote shows its original" 'ORIGINAL “Die perceptie bepaalt alles' "$TMP/en.txt"
flat_text "$TMP/identiteit-nl.pdf" >"$TMP/nl.txt"
if grep -q 'ORIGINEEL' "$TMP/nl.txt"; then fail "no original in the deck's own language"; else ok; fi
expect_grep "steps as separate paragraphs" '1\. Leg alle citaatkaarten open op tafel \(2 minuten\)\. 2\. Iedereen' "$TMP/nl.txt"
expect_grep "bullets as separate paragraphs" '• Begeleider: introduceert' "$TMP/nl.txt"
expect_grep "deck title on the cover" '^Wat uw organisatie gelooft dat het is Gesprekskaarten' "$TMP/nl.txt"
pdfinfo "$TMP/identiteit-en.pdf" >"$TMP/info"
expect_grep "title metadata" '^Title: +What your organisation believes it is' "$TMP/info"
expect_grep "subject metadata" '^Subject: +Conversation cards on self-image' "$TMP/info"
if grep -q '^Author:' "$TMP/info"; then fail "no author metadata: the essay names none"; else ok; fi
pdfinfo "$TMP/verbinding-en.pdf" | grep -q '^Author: *Caro van Dijk$' && ok || fail "author metadata from deck.author"
expect_grep "creator metadata" '^Creator: +deckpress' "$TMP/info"
pdffonts "$TMP/identiteit-en.pdf" | tail -n +3 >"$TMP/fonts"
expect_eq "only bundled fonts" "$(grep -cvE '(Yrsa|OpenSans)' "$TMP/fonts")" 0

# Reproducible, and SOURCE_DATE_EPOCH is the creation date.
"$BIN" booklet decks/identiteit.yaml --lang en -o "$TMP/again.pdf"
expect "second run is byte-identical" cmp "$TMP/identiteit-en.pdf" "$TMP/again.pdf"
SOURCE_DATE_EPOCH=1700000000 "$BIN" booklet decks/example.yaml -o "$TMP/date.pdf"
pdfinfo "$TMP/date.pdf" >"$TMP/info"
expect_grep "SOURCE_DATE_EPOCH" 'CreationDate: +Tue Nov 14 22:13:20 2023' "$TMP/info"

# A chapter's count agrees with its number: "1 KAART", "2 KAARTEN" (shown in capitals).
cat >"$TMP/one.yaml" <<'Y'
deck: {title: Een, language: nl}
categories: [{id: a, name: Alleen}, {id: b, name: Twee}]
cards:
  - {id: A1, type: question, text: "Wat zie je?", category: a}
  - {id: B1, type: question, text: "Wat hoor je?", category: b}
  - {id: B2, type: question, text: "Wat voel je?", category: b}
Y
"$BIN" booklet "$TMP/one.yaml" -o "$TMP/one.pdf" 2>/dev/null
pdftotext "$TMP/one.pdf" "$TMP/one.txt"
expect_eq "one card: singular, two: plural" "$(grep -oE '[0-9]+ KAART[A-Z]*' "$TMP/one.txt" | tr '\n' ,)" "1 KAART,2 KAARTEN,"

# Formats.
for f in "a6 297.638x419.528" "letter-half 396x612"; do
	set -- $f
	"$BIN" booklet decks/example.yaml --format $1 -o "$TMP/$1.pdf"; expect_eq "--format $1 exits 0" $? 0
	expect_eq "--format $1 page size" "$(size "$TMP/$1.pdf")" "$2"
	expect "$1: every card's id and text" $PY cards decks/example.yaml nl "$TMP/$1.pdf"
	expect "$1: contents page numbers" $PY toc "$TMP/$1.pdf"
	qpdf --check "$TMP/$1.pdf" >/dev/null 2>&1; expect_eq "qpdf --check $1" $? 0
done
expect "a6: words inside its margins" $PY area "$TMP/a6.pdf" 6 6 13 11

# A card entry longer than a page is split between lines like any text, inside the margins.
{ printf 'deck:\n  title: Lang\ncards:\n  - id: L01\n    type: question\n    text: "Een vraag?"\n    note: "'
  i=0; while [ $i -lt 400 ]; do printf 'woord%d gesprek ' $i; i=$((i + 1)); done
  printf '"\n  - {id: L02, type: question, text: "Nog een vraag?"}\n'; } >"$TMP/long.yaml"
"$BIN" booklet "$TMP/long.yaml" --format a6 -o "$TMP/long.pdf"; expect_eq "long entry exits 0" $? 0
expect "long entry runs over several pages" [ "$(pages "$TMP/long.pdf")" -ge 6 ]
expect "long entry: all its text" $PY cards "$TMP/long.yaml" nl "$TMP/long.pdf"
expect "long entry: inside the margins" $PY area "$TMP/long.pdf" 6 6 13 11

# Saddle stitch: booklets of 4, 8, 10 (padded to 12) and 24 pages, both duplex modes; each
# half of each sheet side must carry the words of the page the order puts there.
for n in 4 8 10 24; do
	sed "s/notes_pages: 1/notes_pages: $((n - 3))/" $F/booklet_pages.yaml >"$TMP/p$n.yaml"
	"$BIN" booklet "$TMP/p$n.yaml" -o "$TMP/p$n.pdf"
	expect_eq "$n-page booklet" "$(pages "$TMP/p$n.pdf")" $n
	for dx in long short; do
		"$BIN" booklet "$TMP/p$n.yaml" --impose saddle --duplex $dx -o "$TMP/s$n.pdf"
		expect_eq "$n pages $dx: sheet sides" "$(pages "$TMP/s$n.pdf")" $(( (n + 3) / 4 * 2 ))
		expect "$n pages $dx: saddle-stitch order" $PY impose "$TMP/p$n.pdf" "$TMP/s$n.pdf" $dx
		qpdf --check "$TMP/s$n.pdf" >/dev/null 2>&1; expect_eq "qpdf --check imposed $n $dx" $? 0
	done
done
$PY impose "$TMP/p8.pdf" "$TMP/s8.pdf" long >/dev/null; expect_eq "the check sees upright backs" $? 1
expect_eq "A5 booklet on A4 landscape" "$(size "$TMP/s8.pdf")" "841.89x595.276"
"$BIN" booklet "$TMP/p8.yaml" --format a6 --impose saddle -o "$TMP/s.pdf"
expect_eq "A6 booklet on A5 landscape" "$(size "$TMP/s.pdf")" "595.276x419.528"
"$BIN" booklet "$TMP/p8.yaml" --format letter-half --impose saddle -o "$TMP/s.pdf"
expect_eq "half-letter booklet on Letter landscape" "$(size "$TMP/s.pdf")" "792x612"
"$BIN" booklet decks/identiteit.yaml --impose saddle -o "$TMP/s.pdf"
"$BIN" booklet decks/identiteit.yaml --impose saddle -o "$TMP/s2.pdf"
expect "imposed rerun is byte-identical" cmp "$TMP/s.pdf" "$TMP/s2.pdf"

# Errors: usage (exit 2) with the valid values listed; nothing written; old file kept.
echo old >"$TMP/keep.pdf"
"$BIN" booklet decks/example.yaml --format a4 -o "$TMP/keep.pdf" 2>"$TMP/err"
expect_eq "unknown --format exits 2" $? 2
expect_grep "formats listed" "unknown value 'a4'; expected a5, a6, letter-half" "$TMP/err"
"$BIN" booklet decks/example.yaml --impose perfect -o "$TMP/keep.pdf" 2>"$TMP/err"
expect_eq "unknown --impose exits 2" $? 2
expect_grep "impose values listed" "unknown value 'perfect'; expected saddle" "$TMP/err"
"$BIN" booklet decks/example.yaml --duplex sideways -o "$TMP/keep.pdf" 2>"$TMP/err"
expect_eq "unknown --duplex exits 2" $? 2
expect_grep "duplex values listed" "expected long, short" "$TMP/err"
expect_eq "old file left as it was" "$(cat "$TMP/keep.pdf")" old
"$BIN" booklet decks/example.yaml --lang fr -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "undeclared --lang exits 2" $? 2
"$BIN" booklet decks/example.yaml 2>/dev/null; expect_eq "no -o exits 2" $? 2
"$BIN" booklet $F/missing_font.yaml -o "$TMP/x.pdf" 2>/dev/null; expect_eq "deck errors exit 1" $? 1
"$BIN" booklet $F/missing_glyph.yaml -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "missing glyphs exit 1" $? 1
expect_grep "missing glyphs named at the card" "missing_glyph.yaml:4:5: error: booklet: 3 character\(s\) in card 'EMOJI' have no glyph" "$TMP/err"
"$BIN" booklet decks/example.yaml -o /nonexistent/dir/x.pdf 2>/dev/null; expect_eq "unwritable output exits 3" $? 3
[ ! -e "$TMP/x.pdf" ] && ok || fail "no PDF after errors"
"$BIN" booklet --help >"$TMP/out"; expect_grep "booklet --help" 'Usage: deckpress booklet' "$TMP/out"
# On success one line says what was written; its page count is the PDF's; -q says nothing.
"$BIN" booklet decks/identiteit.yaml -o "$TMP/ok.pdf" >"$TMP/out" 2>"$TMP/err"; expect_eq "booklet succeeds" $? 0
n=$(qpdf --show-npages "$TMP/ok.pdf")
expect_grep "success line: file, pages, size, cards" "^$TMP/ok.pdf: $n pages of 148 x 210 mm \(A5\), $(card_count decks/identiteit.yaml) cards \(nl\)$" "$TMP/out"
"$BIN" booklet decks/identiteit.yaml --impose saddle -o "$TMP/ok2.pdf" >"$TMP/out"
sides=$(qpdf --show-npages "$TMP/ok2.pdf")
expect_grep "imposed: the sheets too" "^$TMP/ok2.pdf: $n pages of 148 x 210 mm \(A5\) on $((sides / 2)) sheets of 297 x 210 mm, both sides" "$TMP/out"
"$BIN" booklet -q decks/identiteit.yaml -o "$TMP/ok.pdf" >"$TMP/out" 2>&1; expect_eq "booklet -q succeeds" $? 0
expect_eq "booklet -q prints nothing" "$(cat "$TMP/out")" ""
finish
