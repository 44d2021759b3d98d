#!/bin/sh
# make demo: check every bundled deck, then write into out/ what README.md says: cards, print-
# shop files and booklets per deck and language, English cards on Letter, previews, a
# calibration sheet, a spreadsheet, and every team of the teams example.
: "${BIN:=./deckpress}"
set -e
mkdir -p out
"$BIN" check decks/*.yaml
for d in decks/*.yaml; do
	grep -q '^teams:' "$d" && continue # teams files are built below
	name=$(basename "$d" .yaml)
	langs=$(sed -n 's/^  languages: *\[\(.*\)\]/\1/p' "$d" | tr -d ' ' | tr ',' ' ')
	for lang in ${langs:-nl}; do
		"$BIN" cards "$d" --lang "$lang" -o "out/$name-$lang-cards.pdf"
		"$BIN" cards "$d" --lang "$lang" --sheet none -o "out/$name-$lang-printshop.pdf"
		"$BIN" booklet "$d" --lang "$lang" -o "out/$name-$lang-booklet.pdf"
	done
done
"$BIN" cards decks/identiteit.yaml --lang en --sheet letter -o out/identiteit-en-cards-letter.pdf
"$BIN" preview decks/example.yaml -o out/example-png
"$BIN" calibrate -o out/calibrate.pdf
"$BIN" export decks/example.yaml -o out/example-cards.csv
for t in decks/*.yaml; do
	grep -q '^teams:' "$t" || continue
	"$BIN" build "$t" -o "out/$(basename "$t" .yaml)" -j 2
done
echo "demo: everything in out/"; ls out
