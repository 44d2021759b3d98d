#!/bin/sh
# deckpress calibrate: a clean two-page PDF whose back scales sit behind the front targets,
# and move with --back-offset exactly as card backs do.
. tests/e2e/lib.sh
zeros() { # PDF -> x of every "0" on the back page (the scales' zero marks), sorted
	pdftotext -f 2 -l 2 -bbox-layout "$1" - | sed -n 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*>0<.*/\1 \2/p' |
		awk '{printf "%.2f\n", ($1 + $2) / 2}' | sort -n | uniq | tr '\n' ' '
}
"$BIN" calibrate -o "$TMP/cal.pdf"; expect_eq "calibrate exits 0" $? 0
qpdf --check "$TMP/cal.pdf" >/dev/null 2>&1; expect_eq "qpdf --check" $? 0
expect_eq "front and back" "$(pdfinfo "$TMP/cal.pdf" | awk '/^Pages:/{print $2}')" 2
flat_text "$TMP/cal.pdf" >"$TMP/t"
expect_grep "instructions" 'use: deckpress cards --back-offset X,Y' "$TMP/t"
"$BIN" calibrate --back-offset 1,0 -o "$TMP/cal1.pdf"
set -- $(zeros "$TMP/cal.pdf"); a=$1
set -- $(zeros "$TMP/cal1.pdf"); b=$1
expect_eq "--back-offset 1,0 moves the back scales by 1 mm" \
	"$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b - a) * 25.4 / 72 }')" 1.00
# The card sheet's twin: for every sheet and a few sizes, the same page (orientation
# included) and one target per card, where the cards are; scales cover -10 to 10 mm.
for sh in a4 letter a3; do for s in poker mini tarot 80x80; do
	"$BIN" calibrate --sheet $sh --size $s -o "$TMP/c.pdf" || { fail "calibrate $sh $s"; continue; }
	"$BIN" cards tests/e2e/fixtures/cmyk.yaml --sheet $sh --size $s --dump=layout >"$TMP/plan"
	per=$(sed -n 's/.*, \([0-9]*\) per page.*/\1/p' "$TMP/plan")
	expect_eq "$sh $s: the cards' page" "$(pdfinfo "$TMP/c.pdf" | grep 'Page size')" \
		"$("$BIN" cards tests/e2e/fixtures/cmyk.yaml --sheet $sh --size $s -q -o "$TMP/k.pdf"; pdfinfo "$TMP/k.pdf" | grep 'Page size')"
	expect_eq "$sh $s: a target per card" "$(pdftotext -f 2 -l 2 "$TMP/c.pdf" - | grep -cx X)" "$per"
	# the targets are at the cards' centres: each back's "Y" label sits 12 mm right of and
	# 12 mm above its card's centre, within 1 mm
	awk '/^slot/ { split($10, p, ","); split($11, d, "x"); print p[1] + d[1] / 2 + 12, p[2] + d[2] / 2 - 12 }' \
		"$TMP/plan" >"$TMP/want"
	pdftotext -f 2 -l 2 -bbox-layout "$TMP/c.pdf" - | grep '>Y<' |
		sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)".*/\1 \2 \3 \4/p' |
		awk '$2 > 40 { print ($1 + $3) / 2 * 25.4 / 72, ($2 + $4) / 2 * 25.4 / 72 }' >"$TMP/got"
	far=$(awk 'NR == FNR { wx[NR] = $1; wy[NR] = $2; n = NR; next }
		{ ok = 0; for (i = 1; i <= n; i++) if (($1 - wx[i])^2 < 1 && ($2 - wy[i])^2 < 1) ok = 1; if (!ok) bad++ }
		END { print bad + 0 }' "$TMP/want" "$TMP/got")
	expect_eq "$sh $s: every target at a card's centre" "$far" 0
	expect "$sh $s: nothing in the 5 mm margin" /usr/bin/python3 tests/e2e/pdfcheck.py margin "$TMP/c.pdf" 5
done; done
flat_text "$TMP/c.pdf" >"$TMP/t"
expect_grep "scales from -10 to 10 mm" '-10 -5 0 5 10' "$TMP/t"
"$BIN" calibrate --duplex none -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "no duplex is a usage error" $? 2
"$BIN" calibrate 2>/dev/null; expect_eq "no -o is a usage error" $? 2
finish
