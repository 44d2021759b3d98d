#!/bin/sh
# Print-shop PDF/X, and legibility for print: every bundled deck in both languages as PDF/X-4 and PDF/X-1a, every card
# size, every sheet, team builds with logos. Each file is measured (pdfcheck.py pdfx: output
# intent, version keys, Trapped, XMP, boxes, groups, every content stream scanned for RGB and
# four-colour text, images, fonts) and rendered against the RGB file it was made from.
. tests/e2e/lib.sh
PY="/usr/bin/python3 tests/e2e/pdfcheck.py"
F=tests/e2e/fixtures
SWOP=/usr/share/color/icc/ghostscript/default_cmyk.icc

pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

# Every bundled deck, both languages, both levels: the checks, and colours that match the
# RGB file within what the conversion to FOGRA39 changes (CIE76 mean, 95th percentile).
for d in example identiteit verbinding workshop; do for l in nl en; do
	"$BIN" cards decks/$d.yaml --lang $l --sheet none -o "$TMP/rgb.pdf" 2>/dev/null
	for x in x4 x1a; do
		"$BIN" cards decks/$d.yaml --lang $l --sheet none --pdfx=$x -o "$TMP/$x.pdf"
		expect_eq "$d $l $x exits 0" $? 0
		expect "$d $l $x: PDF/X rules" $PY pdfx "$TMP/$x.pdf" $x
		expect_eq "$d $l $x: same pages" "$(pages "$TMP/$x.pdf")" "$(pages "$TMP/rgb.pdf")"
		expect "$d $l $x: colours as in RGB" $PY render "$TMP/$x.pdf" "$TMP/rgb.pdf" 2 5
		qpdf --check "$TMP/$x.pdf" >/dev/null 2>&1; expect_eq "$d $l $x: qpdf --check" $? 0
	done
	expect "$d $l: words inside the safe area" $PY safe "$TMP/x4.pdf" 4
	expect "$d $l: no text under 6 pt, reversed 7 pt, 4.5:1" $PY legible "$TMP/rgb.pdf"
	expect "$d $l: the same in CMYK" $PY legible "$TMP/x4.pdf"
	expect "$d $l: no hyphen ladders, no broken names" $PY hyphens "$TMP/rgb.pdf"
	pdftotext "$TMP/rgb.pdf" "$TMP/rgb.txt"; pdftotext "$TMP/x4.pdf" "$TMP/x4.txt"
	expect "$d $l: the same text" cmp "$TMP/rgb.txt" "$TMP/x4.txt"
done; done

# The checker fails what it must: the RGB file, and text in four-colour black.
$PY pdfx "$TMP/rgb.pdf" x4 >"$TMP/out"; expect_eq "an RGB file is no PDF/X" $? 1
expect_grep "its rg operators are named" "operator .* rg" "$TMP/out"
expect_grep "and its DeviceRGB" "uses /DeviceRGB" "$TMP/out"
"$BIN" cards $F/rich_black.yaml --sheet none --pdfx -o "$TMP/rich.pdf"
$PY pdfx "$TMP/rich.pdf" x4 >"$TMP/out"; expect_eq "four-colour text is caught" $? 1
expect_grep "named" "dark text in four-colour black" "$TMP/out"
$PY pdfx "$TMP/x1a.pdf" x4 >"$TMP/out"; expect_eq "X-1a is not X-4" $? 1

# Inks: the default text colour is 100 % K, white is no ink, greys are K only, a colour the
# deck gives in CMYK is exactly that, tints scale it.
"$BIN" cards $F/cmyk.yaml --sheet none --pdfx -o "$TMP/c.pdf"
expect "cmyk fixture: PDF/X rules" $PY pdfx "$TMP/c.pdf" x4
$PY inks "$TMP/c.pdf" >"$TMP/inks"
expect_grep "the deck's text ink exactly" "^k 0 0 0 0.9 x" "$TMP/inks"
expect_grep "a tint of it (follow-ups at 75 %)" "^k 0 0 0 0.675 x" "$TMP/inks"
expect_grep "white is no ink" "^k 0 0 0 0 x" "$TMP/inks"
expect_grep "the deck's CMYK exactly" "^k 0.85 0.5 0.1 0.2 x" "$TMP/inks"
expect_grep "a grey category in K only" "^k 0 0 0 0.6[0-9]* x" "$TMP/inks"
expect_grep "a converted brown (Little CMS, FOGRA39)" "^k 0[.0-9]* 0.[3-9][0-9]* 0.[5-9][0-9]* 0.[0-9]+ x" "$TMP/inks"
expect_eq "no four-colour grey" "$(awk '$1=="k" && $2>0 && $3>0 && $4>0 && ($2-$4<0.1 && $4-$2<0.1)' "$TMP/inks" | wc -l)" 0
"$BIN" cards decks/example.yaml --sheet none --pdfx -o "$TMP/c.pdf"
$PY inks "$TMP/c.pdf" >"$TMP/inks"
expect_grep "the default text colour prints in 100 % K" "^k 0 0 0 1 x" "$TMP/inks"

# Every card size (one card per page) and every sheet: sheets are PDF/X too, with crop marks
# in registration colour (all four inks at 100 %) and the grey info line in K only.
for s in poker bridge euro tarot mini square a6 a7 63.5x100; do
	rm -f "$TMP/s.pdf"
	"$BIN" cards $F/cmyk.yaml --size $s --sheet none --pdfx -o "$TMP/s.pdf"
	expect_eq "size $s exits 0" $? 0
	expect "size $s: PDF/X rules" $PY pdfx "$TMP/s.pdf" x4
done
for sh in a4 letter a3; do for x in x4 x1a; do
	rm -f "$TMP/sh.pdf"
	"$BIN" cards decks/workshop.yaml --sheet $sh --pdfx=$x -o "$TMP/sh.pdf"
	expect_eq "sheet $sh $x exits 0" $? 0
	expect "sheet $sh $x: PDF/X rules" $PY pdfx "$TMP/sh.pdf" $x
	$PY inks "$TMP/sh.pdf" >"$TMP/inks"
	expect_grep "sheet $sh $x: registration marks" "^K 1 1 1 1 x" "$TMP/inks"
	expect_eq "sheet $sh $x: TrimBox is the sheet" \
		"$($PY boxes "$TMP/sh.pdf" | awk '$1!=$2 || $1!=$3' | wc -l)" 0
done; done
rm -f "$TMP/sh.pdf"
"$BIN" cards $F/cmyk.yaml --sheet letter --marks lines --size mini --pdfx -o "$TMP/sh.pdf"
expect "cut lines, mini on Letter: PDF/X rules" $PY pdfx "$TMP/sh.pdf" x4

# Team builds: print: pdfx or --pdfx makes printshop.pdf PDF/X (the team's logo too: gray
# with a soft mask for X-4, flattened onto the back colour for X-1a); cards.pdf stays RGB.
for x in x4 x1a; do
	"$BIN" build decks/teams.example.yaml --pdfx=$x -o "$TMP/b$x" -q; expect_eq "build --pdfx=$x" $? 0
	for t in "$TMP/b$x"/*/; do
		expect "$(basename "$t") $x printshop.pdf" $PY pdfx "$t/printshop.pdf" $x
		head -c 8 "$t/cards.pdf" | grep -q '%PDF-1.5' && ok || fail "$t cards.pdf is not Cairo's RGB PDF"
	done
	"$BIN" build decks/teams.example.yaml -o "$TMP/brgb" -q
	expect "team logo $x: colours as in RGB" $PY render "$TMP/b$x/team-noord/printshop.pdf" \
		"$TMP/brgb/team-noord/printshop.pdf" 2 5
done
for t in "$TMP/bx4"/*/; do
	expect "$(basename "$t"): legible" $PY legible "$t/printshop.pdf"
done
pdfimages -list "$TMP/bx4/team-noord/printshop.pdf" >"$TMP/img"
expect_grep "X-4 keeps the logo's soft mask" "smask +240 +240 +gray" "$TMP/img"
pdfimages -list "$TMP/bx1a/team-noord/printshop.pdf" >"$TMP/img"
expect_grep "X-1a: logo flattened to CMYK" "image +240 +240 +cmyk" "$TMP/img"
cp -r decks "$TMP/decks"
sed 's/^  sheet: a4$/  sheet: a4\n  pdfx: x1a/' decks/teams.example.yaml >"$TMP/decks/teams.yaml"
"$BIN" build "$TMP/decks/teams.yaml" -o "$TMP/bp" -q; expect_eq "print: pdfx in a teams file" $? 0
expect "print: pdfx: x1a makes printshop.pdf X-1a" $PY pdfx "$TMP/bp/team-noord/printshop.pdf" x1a

# Reproducible bytes, dates from SOURCE_DATE_EPOCH in Info and XMP alike.
"$BIN" cards decks/identiteit.yaml --sheet none --pdfx -o "$TMP/r1.pdf"
"$BIN" cards decks/identiteit.yaml --sheet none --pdfx -o "$TMP/r2.pdf"
expect "PDF/X is byte-identical on a rerun" cmp "$TMP/r1.pdf" "$TMP/r2.pdf"
if [ -n "$DECKPRESS_COMMA_LOCALE" ]; then
	LC_ALL=$DECKPRESS_COMMA_LOCALE "$BIN" cards decks/identiteit.yaml --sheet none --pdfx -o "$TMP/r3.pdf"
	expect "a decimal-comma locale changes no byte" cmp "$TMP/r1.pdf" "$TMP/r3.pdf"
fi
SOURCE_DATE_EPOCH=1700000000 "$BIN" cards decks/example.yaml --sheet none --pdfx -o "$TMP/e.pdf"
expect "dated PDF/X passes" $PY pdfx "$TMP/e.pdf" x4
pdfinfo -meta "$TMP/e.pdf" >"$TMP/meta"
expect_grep "XMP date from SOURCE_DATE_EPOCH" "<xmp:CreateDate>2023-11-14T22:13:20\+00:00</xmp:CreateDate>" "$TMP/meta"

# The deck's print: settings ask for it; the command line wins.
sed 's/^  sheet: a4$/  sheet: none\n  pdfx: x4/' decks/example.yaml >"$TMP/decks/deck.yaml"
"$BIN" cards "$TMP/decks/deck.yaml" -o "$TMP/d.pdf"
expect "print: pdfx: x4 in the deck" $PY pdfx "$TMP/d.pdf" x4
"$BIN" cards "$TMP/decks/deck.yaml" --pdfx=none -o "$TMP/d.pdf"
expect_eq "--pdfx=none beats the deck" "$(head -c 8 "$TMP/d.pdf")" "%PDF-1.5"

# A shop's own profile: embedded as a Custom condition, never labelled FOGRA39.
"$BIN" cards decks/example.yaml --sheet none --pdfx --icc $SWOP -o "$TMP/swop.pdf"
expect "--icc SWOP: PDF/X rules" $PY pdfx "$TMP/swop.pdf" x4
qpdf --json=2 --json-key=qpdf "$TMP/swop.pdf" >"$TMP/json"
expect_grep "custom condition" '"/OutputConditionIdentifier": "u:Custom"' "$TMP/json"
expect_grep "named by the profile" '"/Info": "u:Artifex CMYK SWOP Profile"' "$TMP/json"
[ "$(grep -c FOGRA39 "$TMP/json")" -eq 0 ] && ok || fail "a SWOP file mentions FOGRA39"
"$BIN" cards decks/example.yaml --sheet none -o "$TMP/rgb-ex.pdf"
expect "--icc SWOP: colours as in RGB" $PY render "$TMP/swop.pdf" "$TMP/rgb-ex.pdf" 2 5

# Bad profiles: a clear message, the right exit code, no file.
"$BIN" cards decks/example.yaml --sheet none --pdfx --icc /usr/share/color/icc/sRGB.icc \
	-o "$TMP/no.pdf" 2>"$TMP/err"; expect_eq "an RGB profile: exit 2" $? 2
expect_grep "says why" "^deckpress: error: --icc: ICC profile '/usr/share/color/icc/sRGB.icc' is not a CMYK profile$" "$TMP/err"
expect_grep "and what to give" "^deckpress: note: --icc takes the CMYK output profile" "$TMP/err"
"$BIN" cards decks/example.yaml --pdfx --icc $F/not_a_profile.icc -o "$TMP/no.pdf" 2>"$TMP/err"
expect_eq "not a profile: exit 2" $? 2
expect_grep "not a profile" "not_a_profile.icc' is not an ICC colour profile" "$TMP/err"
"$BIN" cards decks/example.yaml --pdfx --icc "$TMP/missing.icc" -o "$TMP/no.pdf" 2>"$TMP/err"
expect_eq "a missing profile: exit 3" $? 3
expect_grep "cannot read" "cannot read ICC profile '.*missing.icc': No such file" "$TMP/err"
"$BIN" build decks/example.yaml --icc /usr/share/color/icc/sRGB.icc -o "$TMP/bb" 2>"$TMP/err"
expect_eq "build --icc RGB: exit 2" $? 2
[ ! -e "$TMP/no.pdf" ] && ok || fail "a PDF was written after a profile error"
"$BIN" cards decks/example.yaml --pdfx=x3 -o "$TMP/no.pdf" 2>"$TMP/err"; expect_eq "--pdfx=x3: exit 2" $? 2
expect_grep "levels listed" "unknown PDF/X level 'x3'; expected x4 \(PDF/X-4\), x1a \(PDF/X-1a:2001\) or none" "$TMP/err"
"$BIN" cards decks/example.yaml --icc $SWOP -o "$TMP/w.pdf" 2>"$TMP/err"
expect_grep "--icc without --pdfx is said to do nothing" "icc is for PDF/X output" "$TMP/err"

# The booklet for a print shop: each page grows by the bleed, the TrimBox is the A5 page,
# the cover's colour plate runs into the bleed; PDF/X-4 and X-1a, both languages.
for l in nl en; do
	"$BIN" booklet decks/workshop.yaml --lang $l --bleed 3 -o "$TMP/bb.pdf"
	expect_eq "booklet $l --bleed 3 exits 0" $? 0
	expect_eq "booklet $l: A5 + 3 mm, TrimBox the A5 page" "$($PY boxes "$TMP/bb.pdf" | sort -u)" \
		"0.000,0.000,436.535,612.283 8.504,8.504,428.031,603.780 0.000,0.000,436.535,612.283"
	for x in x4 x1a; do
		"$BIN" booklet decks/workshop.yaml --lang $l --bleed 3 --pdfx=$x -o "$TMP/bx.pdf"
		expect "booklet $l $x: PDF/X rules" $PY pdfx "$TMP/bx.pdf" $x
		expect "booklet $l $x: colours as in RGB" $PY render "$TMP/bx.pdf" "$TMP/bb.pdf" 2 5
	done
done
pdftoppm -r 20 -f 1 -l 1 "$TMP/bb.pdf" "$TMP/cov"
expect_eq "the cover plate reaches the page edge (the bleed)" \
	"$(od -An -tu1 -j "$(($(head -c 20 "$TMP"/cov*.ppm | sed -n 1,3p | wc -c)))" -N3 "$TMP"/cov*.ppm | tr -s ' ')" \
	" 47 93 138"
"$BIN" booklet decks/workshop.yaml --bleed 3 --impose saddle -o "$TMP/x.pdf" 2>"$TMP/err"
expect_eq "--bleed with --impose: exit 2" $? 2
expect_grep "says why" "bleed is for single pages" "$TMP/err"
"$BIN" booklet decks/workshop.yaml --bleed 12 -o "$TMP/x.pdf" 2>"$TMP/err"
expect_eq "--bleed 12: exit 2" $? 2
expect_grep "the cards' message" "bleed '12' is out of range" "$TMP/err"
"$BIN" booklet decks/workshop.yaml --impose saddle --pdfx -o "$TMP/bs.pdf"
expect "saddle sheets as PDF/X-4" $PY pdfx "$TMP/bs.pdf" x4

# Office sheets keep the 5 mm an office printer cannot print free: the info line (with its
# descenders, as pdftotext boxes them) and the saddle sheets' fold marks, on every sheet.
for sh in a4 letter a3; do for s in poker tarot mini 66x92; do
	"$BIN" cards $F/cmyk.yaml --sheet $sh --size $s -o "$TMP/m.pdf"
	expect "$sh $s: nothing in the 5 mm margin" $PY margin "$TMP/m.pdf" 5
done; done
"$BIN" cards decks/workshop.yaml --sheet letter --marks lines -o "$TMP/m.pdf"
expect "cut lines on Letter: nothing in the margin" $PY margin "$TMP/m.pdf" 5
for f in a5 a6 letter-half; do
	"$BIN" booklet decks/workshop.yaml --format $f --impose saddle -o "$TMP/bs.pdf"
	expect "saddle $f: fold marks out of the margin" $PY margin "$TMP/bs.pdf" 5
done

# --back-offset does not move the backs of a print-shop file: a warning says so.
"$BIN" cards decks/example.yaml --sheet none --back-offset 1.5,-1 -o "$TMP/bo.pdf" 2>"$TMP/err"
expect_eq "offset on sheet none: exit 0" $? 0
expect_grep "warned" "warning: back offset 1.5,-1 mm is ignored: in a print-shop file" "$TMP/err"
"$BIN" cards decks/example.yaml --sheet none -o "$TMP/bo0.pdf"
expect "backs exactly where they were" cmp "$TMP/bo.pdf" "$TMP/bo0.pdf"
finish
