#!/bin/sh
# make demo: check every bundled deck, then render its cards and booklet into out/.
: "${BIN:=./deckpress}"
set -e
mkdir -p out
"$BIN" check --fit decks/*.yaml
if "$BIN" --help | grep -q '^  cards '; then
	for d in decks/*.yaml; do
		grep -q '^teams:' "$d" && continue # teams files are built below
		name=$(basename "$d" .yaml)
		langs=$(sed -n 's/^  languages: *\[\(.*\)\]/\1/p' "$d" | tr -d ' ' | tr ',' ' ')
		for lang in ${langs:-nl}; do
			"$BIN" cards "$d" --lang "$lang" -o "out/$name-$lang-cards.pdf"
			"$BIN" cards "$d" --lang "$lang" --sheet none -o "out/$name-$lang-printshop.pdf"
			if "$BIN" --help | grep -q '^  booklet '; then
				"$BIN" booklet "$d" --lang "$lang" -o "out/$name-$lang-booklet.pdf"
			fi
		done
	done
	for t in decks/*.yaml; do
		grep -q '^teams:' "$t" || continue
		"$BIN" build "$t" -o "out/$(basename "$t" .yaml)" -j 2
	done
	echo "demo: PDFs in out/"; ls out
fi
