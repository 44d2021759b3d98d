#!/bin/sh
# The booklet as an accessible PDF (PDF/UA-1, docs/booklet.md): the structure read back with
# tests/e2e/tagcheck.py (every text tagged or an artifact, headings, lists, contents, links,
# catalog, XMP, fonts), reading order against the deck, languages, the logo's alternative
# text, and the same text and look as the untagged booklet (--no-tags).
. tests/e2e/lib.sh
TAG="/usr/bin/python3 tests/e2e/tagcheck.py"
F=tests/e2e/fixtures

# Every bundled essay deck in both languages, and the workshop deck: PDF/UA rules and order.
for d in identiteit verbinding workshop; do for l in nl en; do
	"$BIN" booklet decks/$d.yaml --lang $l -o "$TMP/$d-$l.pdf" 2>/dev/null
	expect_eq "booklet $d $l exits 0" $? 0
	expect "$d $l: PDF/UA rules (tagcheck)" $TAG check "$TMP/$d-$l.pdf"
	expect "$d $l: card entries in the booklet's order, each with its texts" \
		$TAG order decks/$d.yaml $l "$TMP/$d-$l.pdf"
	qpdf --check "$TMP/$d-$l.pdf" >/dev/null 2>&1; expect_eq "qpdf --check $d $l" $? 0
done; done

# The checker fails on what it should: the untagged booklet breaks most rules.
"$BIN" booklet decks/identiteit.yaml --lang en --no-tags -o "$TMP/untagged.pdf"
expect_eq "--no-tags exits 0" $? 0
$TAG check "$TMP/untagged.pdf" >"$TMP/check.txt"; expect_eq "the check fails without tags" $? 1
expect_grep "untagged text found" "draws outside tagged content and artifacts" "$TMP/check.txt"
expect_grep "no /Lang found" "no /Lang in the catalog" "$TMP/check.txt"
expect_grep "no pdfuaid found" "no XMP metadata" "$TMP/check.txt"

# An untagged booklet does not say it is tagged: Cairo writes /MarkInfo /Marked true and a
# tree of only its Document and Link elements, which a screen reader would take for the
# whole document (it would read the contents' links and nothing else). --no-tags, and the
# print shop's PDF/X-1a (PDF 1.3, which PDF/UA-1 cannot share): no /MarkInfo, no structure
# tree, no /StructParent(s).
"$BIN" booklet decks/example.yaml --lang en --pdfx=x1a -o "$TMP/untagged-x1a.pdf" 2>/dev/null
"$BIN" booklet decks/example.yaml --lang en --bleed 3 --no-tags -o "$TMP/untagged-bleed.pdf" 2>/dev/null
for u in untagged untagged-x1a untagged-bleed; do
	pdfinfo "$TMP/$u.pdf" >"$TMP/info-$u"
	expect_grep "$u.pdf: pdfinfo says not tagged" '^Tagged: +no' "$TMP/info-$u"
	expect_eq "$u.pdf: no structure keys left" \
		"$(qpdf --qdf --object-streams=disable "$TMP/$u.pdf" - | grep -a -c -E '/(StructTreeRoot|MarkInfo|StructParents?) ')" 0
done
expect_eq "the untagged booklet keeps its links" "$(qpdf --qdf "$TMP/untagged.pdf" - | grep -a -c '/Subtype /Link')" \
	"$(qpdf --qdf "$TMP/identiteit-en.pdf" - | grep -a -c '/Subtype /Link')"

# Tagging changes nothing a reader sees: the same words where they were (Cairo writes a
# line drawn in parts with exact positions, a whole line with rounded kerning: 0.4 pt at
# most), the same text for pdftotext, the same pages at 40 dpi.
pdftotext "$TMP/identiteit-en.pdf" "$TMP/tagged.txt"
pdftotext "$TMP/untagged.pdf" "$TMP/untagged.txt"
expect "pdftotext output unchanged by tagging" cmp "$TMP/tagged.txt" "$TMP/untagged.txt"
expect "words in the same places, tagged or not" \
	$TAG samewords "$TMP/identiteit-en.pdf" "$TMP/untagged.pdf" 0.5
expect "pages look the same, tagged or not" \
	$TAG pixels "$TMP/identiteit-en.pdf" "$TMP/untagged.pdf" 40 0.005

# The tree: headings, lists, the contents, quotes, the notes pages.
$TAG tree "$TMP/identiteit-en.pdf" >"$TMP/tree"
expect_grep "the cover title is the first H1" '^  H1: What your organisation believes it is$' "$TMP/tree"
expect_eq "the first element is the cover title" "$(sed -n 2p "$TMP/tree")" "  H1: What your organisation believes it is"
expect_grep "a chapter is a section with its H1" '^    H1: Self-image$' "$TMP/tree"
expect_grep "a card entry is an H2 in its section" '^      H2: ID-Q01 QUOTE$' "$TMP/tree"
expect_grep "a guide section title is an H2" '^      H2: Opening round$' "$TMP/tree"
expect_grep "a numbered step: label" '^          Lbl: 1\.$' "$TMP/tree"
expect_grep "a numbered step: body" '^          LBody: Lay all the quote cards face up' "$TMP/tree"
expect_grep "a bullet: label" '^          Lbl: •$' "$TMP/tree"
expect_grep "a quote in a BlockQuote" '^        P: “That perception determines everything' "$TMP/tree"
expect_grep "the contents: TOC, TOCI, Reference, Link with the page number" '^          Link: Introduction1$' "$TMP/tree"
expect_grep "guide sections nest in their chapter's entry" '^              Link: Opening round2$' "$TMP/tree"
expect_grep "card ids under a source are links" '^      Link: ID-Q14$' "$TMP/tree"
expect_eq "the notes pages: their heading, the lines are artifacts" \
	"$(tail -2 "$TMP/tree" | tr -d ' ' | tr '\n' '|')" "Sect|H1:Notes|"
$TAG text "$TMP/identiteit-en.pdf" >"$TMP/leaves"
expect_eq "running heads are not read" "$(grep -c '^SELF-IMAGE$' "$TMP/leaves")" 0
expect_eq "page numbers are not read as text of their own" "$(grep -cE '^[0-9]+$' "$TMP/leaves")" 0

# A paragraph over several pages is one element (its parts joined with marked-content
# references), and stays in reading order.
{ printf 'deck:\n  title: Lang\ncards:\n  - id: L01\n    type: question\n    text: "Een vraag?"\n    note: "'
  i=0; while [ $i -lt 400 ]; do printf 'woord%d gesprek ' $i; i=$((i + 1)); done
  printf '"\n  - {id: L02, type: question, text: "Nog een vraag?"}\n'; } >"$TMP/long.yaml"
"$BIN" booklet "$TMP/long.yaml" --format a6 -o "$TMP/long.pdf"
expect "long note: PDF/UA rules" $TAG check "$TMP/long.pdf"
expect "long note: order" $TAG order "$TMP/long.yaml" nl "$TMP/long.pdf"
$TAG tree "$TMP/long.pdf" >"$TMP/long-tree"
expect_eq "the note over several pages is one P" "$(grep -c 'P: woord0 gesprek.*woord399 gesprek' "$TMP/long-tree")" 1

# The text a screen reader gets has every space and no stray character: a line that ends
# in a bold or italic word (the space after it a run of its own, which Pango draws as no
# glyph), hyphenated words inside lines and at their ends. poppler's own reading of the tree
# (pdfinfo -struct-text) stops a leaf at the first marked content inside it, so a space or
# soft hyphen Cairo would write as an empty /ActualText span cut the text short.
"$BIN" booklet $F/tagged_spaces.yaml -o "$TMP/spaces.pdf" 2>/dev/null
"$BIN" booklet $F/tagged_spaces.yaml --no-tags -o "$TMP/spaces-untagged.pdf" 2>/dev/null
expect "spaces fixture: PDF/UA rules" $TAG check "$TMP/spaces.pdf"
W="een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig"
H="Verantwoordelijkheid, kwaliteitsbewaking en gespreksvaardigheden: organisatiecultuur."
$TAG text "$TMP/spaces.pdf" >"$TMP/spaces-leaves"
expect_eq "tree: intro, question and note read whole, a space between lines" "$(grep -cxF "$W" "$TMP/spaces-leaves")" 3
expect_eq "tree: hyphenated words read whole" "$(grep -cxF "$H" "$TMP/spaces-leaves")" 1
pdfinfo -struct-text "$TMP/spaces.pdf" | sed 's/\xc2\xad//g; s/\xc2\xa0/ /g; s/^ *"//; s/"$//' >"$TMP/spaces-struct"
expect_eq "pdfinfo -struct-text: intro, question and note whole" "$(grep -cxF "$W" "$TMP/spaces-struct")" 3
expect_eq "pdfinfo -struct-text: hyphenated words whole" "$(grep -cxF "$H" "$TMP/spaces-struct")" 1
pdftotext "$TMP/spaces.pdf" "$TMP/spaces.txt"; pdftotext "$TMP/spaces-untagged.pdf" "$TMP/spaces-untagged.txt"
expect "spaces fixture: pdftotext output unchanged by tagging" cmp "$TMP/spaces.txt" "$TMP/spaces-untagged.txt"
expect "spaces fixture: words in the same places, tagged or not" \
	$TAG samewords "$TMP/spaces.pdf" "$TMP/spaces-untagged.pdf" 0.5

# Ligatures (fi, fl, ff, ffi, ffl) read as their letters: Cairo maps the ligature glyph to
# U+FB01 and the like in the font's /ToUnicode and wraps each use in an /ActualText span,
# at which pdfinfo -struct-text stops a paragraph. The tagged booklet maps those glyphs to
# their letters and leaves out the spans (docs/booklet.md); every word of the deck is in
# poppler's structure text, and nothing a reader sees changes.
"$BIN" booklet $F/tagged_ligatures.yaml --format a6 -o "$TMP/lig.pdf" 2>/dev/null
expect_eq "ligatures fixture exits 0" $? 0
"$BIN" booklet $F/tagged_ligatures.yaml --format a6 --no-tags -o "$TMP/lig-untagged.pdf" 2>/dev/null
expect "ligatures fixture: PDF/UA rules" $TAG check "$TMP/lig.pdf"
expect "ligatures fixture: order" $TAG order $F/tagged_ligatures.yaml nl "$TMP/lig.pdf"
pdfinfo -struct-text "$TMP/lig.pdf" >"$TMP/lig-struct"
/usr/bin/python3 - $F/tagged_ligatures.yaml "$TMP/lig-struct" >"$TMP/lig-missing" <<'PY'
import re, sys
words = lambda s: set(re.findall(r"\w+", s.lower()))
deck = "".join(l.split(":", 1)[1] for l in open(sys.argv[1], encoding="utf-8")
               if re.match(r"\s*(title|text|note|intro):", l))
print(" ".join(sorted(words(deck) - words(open(sys.argv[2], encoding="utf-8").read()))))
PY
expect_eq "pdfinfo -struct-text has every word of the deck" "$(cat "$TMP/lig-missing")" ""
for w in officieel afflictie fijn vliegen flinke koffie efficiënt; do
	expect_grep "pdfinfo -struct-text reads '$w'" "$w" "$TMP/lig-struct"
done
expect_eq "no ligature code points in the structure text" "$(grep -c "$(printf '\357\254[\200-\206]')" "$TMP/lig-struct")" 0
qpdf --qdf --object-streams=disable "$TMP/lig.pdf" "$TMP/lig.qdf"
expect_eq "no ActualText spans around ligatures" "$(grep -a -c '/ActualText' "$TMP/lig.qdf")" 0
expect_eq "no ligature code points in /ToUnicode" "$(grep -a -c -i '^<[0-9a-f]*> <fb0[0-6]>$' "$TMP/lig.qdf")" 0
pdftotext "$TMP/lig.pdf" "$TMP/lig.txt"; pdftotext "$TMP/lig-untagged.pdf" "$TMP/lig-untagged.txt"
expect "ligatures fixture: pdftotext output unchanged by tagging" cmp "$TMP/lig.txt" "$TMP/lig-untagged.txt"
expect_grep "pdftotext reads 'afflictie'" afflictie "$TMP/lig.txt"
expect "ligatures fixture: words in the same places, tagged or not" \
	$TAG samewords "$TMP/lig.pdf" "$TMP/lig-untagged.pdf" 0.5
expect "ligatures fixture: pages look the same, tagged or not" \
	$TAG pixels "$TMP/lig.pdf" "$TMP/lig-untagged.pdf" 100 0.005
for d in identiteit-en identiteit-nl workshop-en; do # a ligature that begins a line too
	expect_eq "$d: ActualText only for soft hyphens" \
		"$(qpdf --qdf --object-streams=disable "$TMP/$d.pdf" - | grep -a '/ActualText' | grep -a -v -c '<feff00ad>')" 0
done
"$BIN" booklet $F/tagged_ligatures.yaml --format a6 -o "$TMP/lig2.pdf" 2>/dev/null
expect "ligatures fixture: reruns are byte-identical" cmp "$TMP/lig.pdf" "$TMP/lig2.pdf"

# Languages: the catalog's, and each element's where it differs (a Dutch original beside an
# English quote, untranslated text, deckpress's own words in a language it has none for).
"$BIN" booklet $F/tagged_lang.yaml --lang en -o "$TMP/lang-en.pdf" 2>/dev/null
$TAG lang "$TMP/lang-en.pdf" >"$TMP/lang"
expect_eq "English booklet: /Lang en" "$(sed -n 1p "$TMP/lang")" "catalog en"
expect_grep "the Dutch original beside the translation" '^Span nl: “Een citaat met een vertaling\.”$' "$TMP/lang"
expect_grep "an untranslated quote is Dutch" '^P nl: “Een citaat zonder vertaling\.”$' "$TMP/lang"
expect_grep "an untranslated follow-up is Dutch" '^LI nl: –Niet vertaald\?$' "$TMP/lang"
expect_eq "the rest inherits English" "$(wc -l <"$TMP/lang")" 4
"$BIN" booklet $F/tagged_lang.yaml -o "$TMP/lang-nl.pdf" 2>/dev/null
expect_eq "Dutch booklet: /Lang nl, nothing else marked" "$($TAG lang "$TMP/lang-nl.pdf")" "catalog nl"
"$BIN" booklet $F/tagged_lang.yaml --lang fr -o "$TMP/lang-fr.pdf" 2>/dev/null
$TAG lang "$TMP/lang-fr.pdf" >"$TMP/lang"
expect_grep "French booklet: /Lang fr" '^catalog fr$' "$TMP/lang"
expect_grep "deckpress's English headings say so" '^H1 en: Contents$' "$TMP/lang"
expect_grep "the Dutch fallback text says so" '^P nl: Een vraag\?$' "$TMP/lang"
for l in en nl fr; do expect "lang fixture $l: PDF/UA rules" $TAG check "$TMP/lang-$l.pdf"; done

# The team logo is a Figure with alternative text, read first on the cover.
"$BIN" build decks/teams.example.yaml -o "$TMP/teams" >/dev/null 2>&1
expect_eq "build exits 0" $? 0
$TAG tree "$TMP/teams/team-noord/booklet.pdf" >"$TMP/noord-tree"
expect_eq "the logo first, with its alternative text" "$(sed -n 2p "$TMP/noord-tree")" "  Figure alt='Logo van Team Noord'"
for t in team-noord customer-service-zuid staf-innovatie; do
	expect "build's $t/booklet.pdf: PDF/UA rules" $TAG check "$TMP/teams/$t/booklet.pdf"
	expect_eq "build's $t/booklet-saddle.pdf is not tagged" \
		"$($TAG tree "$TMP/teams/$t/booklet-saddle.pdf" | wc -l)" 0
done

# Metadata: XMP with the title, pdfuaid:part 1 and the date from SOURCE_DATE_EPOCH; the
# viewer shows the title; reruns are byte-identical.
SOURCE_DATE_EPOCH=1700000000 "$BIN" booklet decks/example.yaml --lang en -o "$TMP/date.pdf"
pdfinfo -meta "$TMP/date.pdf" >"$TMP/xmp"
expect_grep "XMP: pdfuaid:part 1" '<pdfuaid:part>1</pdfuaid:part>' "$TMP/xmp"
expect_grep "XMP: dc:title" '<rdf:li xml:lang="x-default">Seeing the customer</rdf:li>' "$TMP/xmp"
expect_grep "XMP: the date is SOURCE_DATE_EPOCH" '<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>' "$TMP/xmp"
expect_grep "XMP: the language" '<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>' "$TMP/xmp"
pdfinfo "$TMP/date.pdf" >"$TMP/info"
expect_grep "pdfinfo: tagged" '^Tagged: +yes' "$TMP/info"
expect_grep "pdfinfo: XMP stream" '^Metadata Stream: +yes' "$TMP/info"
SOURCE_DATE_EPOCH=1700000000 "$BIN" booklet decks/example.yaml --lang en -o "$TMP/date2.pdf"
expect "tagged reruns are byte-identical" cmp "$TMP/date.pdf" "$TMP/date2.pdf"
"$BIN" booklet decks/identiteit.yaml --lang en -o "$TMP/again.pdf"
expect "tagged identiteit rerun is byte-identical" cmp "$TMP/identiteit-en.pdf" "$TMP/again.pdf"

# The print shop's booklets are tagged too: with a bleed (the cover's plate into the bleed is
# an artifact), and as PDF/X-4, whose XMP packet says both PDF/X-4 and PDF/UA-1. PDF/X takes
# the links off the pages: the contents' entries are then text (Span), not links to nowhere.
"$BIN" booklet decks/example.yaml --lang en --bleed 3 -o "$TMP/bleed.pdf" 2>/dev/null
expect "--bleed booklet: PDF/UA rules" $TAG check "$TMP/bleed.pdf"
expect_grep "--bleed: the cover's plate is an artifact" '^page 1: artifact: 0 images, [1-9]' \
	"$($TAG paint "$TMP/bleed.pdf" >"$TMP/bleed-paint"; echo "$TMP/bleed-paint")"
for o in "" "--bleed 3"; do
	"$BIN" booklet decks/example.yaml --lang en --pdfx $o -o "$TMP/x4.pdf" 2>/dev/null
	expect "--pdfx $o booklet: PDF/UA rules" $TAG check "$TMP/x4.pdf"
	pdfinfo -meta "$TMP/x4.pdf" >"$TMP/x4-xmp"
	expect_grep "--pdfx $o: XMP pdfuaid:part 1" '<pdfuaid:part>1</pdfuaid:part>' "$TMP/x4-xmp"
	expect_grep "--pdfx $o: XMP PDF/X-4" '<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>' "$TMP/x4-xmp"
	expect_eq "--pdfx $o: PDF 1.6" "$(head -c 8 "$TMP/x4.pdf")" "%PDF-1.6"
	$TAG tree "$TMP/x4.pdf" >"$TMP/x4-tree"
	expect_eq "--pdfx $o: no Link elements without their links" "$(grep -c 'Link' "$TMP/x4-tree")" 0
	expect_grep "--pdfx $o: a contents entry is text" '^          Span: Introduction1$' "$TMP/x4-tree"
	qpdf --check "$TMP/x4.pdf" >/dev/null 2>&1; expect_eq "--pdfx $o: qpdf --check" $? 0
done

# Formats and the option's help.
for f in a6 letter-half; do
	"$BIN" booklet decks/example.yaml --format $f -o "$TMP/$f.pdf"
	expect "$f: PDF/UA rules" $TAG check "$TMP/$f.pdf"
done
"$BIN" booklet --help >"$TMP/help"; expect_grep "--no-tags in the help" '--no-tags' "$TMP/help"
finish
