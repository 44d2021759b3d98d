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
"$BIN" calibrate --duplex none -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "no duplex is a usage error" $? 2
"$BIN" calibrate 2>/dev/null; expect_eq "no -o is a usage error" $? 2
finish
