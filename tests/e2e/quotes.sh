#!/bin/sh
# Every quote in the bundled decks is word for word in its source. The example deck's source
# is an excerpt beside it. The essays are not shipped: they are read from ../shared/seeds/,
# and the essay decks' check is skipped when that is absent.
# The seeds README lists three extraction glitches that a quote may fix; they are fixed in
# the copy of the essay before checking, and nothing else is.
. tests/e2e/lib.sh

# The example deck's source is a short excerpt shipped beside it (decks/example-quote.txt):
# its quote is checked on every run, and a changed word is caught.
"$BIN" check decks/example.yaml >/dev/null 2>"$TMP/err"
expect_eq "the example's quote is word for word in its excerpt" $? 0
sed 's/niet klakkeloos luisteren/niet blindelings luisteren/' decks/example.yaml >"$TMP/example.yaml"
cp decks/example-quote.txt "$TMP/"
"$BIN" check "$TMP/example.yaml" >/dev/null 2>"$TMP/err"
expect_eq "a changed word in the example's quote fails" $? 1
expect_grep "and is named" "quote 'EX-Q01' is not word for word in source 'shifting-worlds'" "$TMP/err"

SEEDS=${DECKPRESS_SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
	echo "quotes: essays not found in $SEEDS; the essay decks' quotes are not checked"
	finish
	exit $?
fi
check_deck() { # deck, essay file, source id
	deck=$1 essay=$2 id=$3
	sed -e 's/Picnicretourservices/Picnic retourservices/' -e 's/bunq , de/bunq, de/' \
	    -e 's/onderzoeken\.It’s/onderzoeken. It’s/' "$SEEDS/$essay" >"$TMP/essay.txt"
	# point the deck's source at the essay copy
	sed "s/^  - id: $id\$/  - id: $id\n    file: essay.txt/" "$deck" >"$TMP/deck.yaml"
	expect_grep "$deck names its source" '^    file: essay.txt' "$TMP/deck.yaml"
	"$BIN" check "$TMP/deck.yaml" >"$TMP/out" 2>"$TMP/err"
	expect_eq "every quote of $deck is verbatim in $essay" $? 0
	grep 'not word for word' "$TMP/err" | head -5
	n=$(grep -c '^    type: quote' "$deck")
	[ "$n" -ge 10 ] && ok || fail "$deck has $n quotes, want at least 10"
}
check_deck decks/identiteit.yaml 000_08fd02e01e7ebaa6.txt wat-uw-organisatie
check_deck decks/verbinding.yaml 004_5ea580cf2d8a07f2.txt shifting-worlds

# The check itself catches an altered quote (a word changed in the deck copy).
sed 's/Die perceptie bepaalt alles\./Die perceptie bepaalt veel./' decks/identiteit.yaml |
	sed 's/^  - id: wat-uw-organisatie$/  - id: wat-uw-organisatie\n    file: essay.txt/' >"$TMP/deck.yaml"
sed -e 's/Picnicretourservices/Picnic retourservices/' -e 's/bunq , de/bunq, de/' \
    "$SEEDS/000_08fd02e01e7ebaa6.txt" >"$TMP/essay.txt"
"$BIN" check "$TMP/deck.yaml" >/dev/null 2>"$TMP/err"
expect_eq "an altered quote fails" $? 1
expect_grep "altered quote named with closest passage" "quote 'ID-Q01' is not word for word.*closest passage: \"Die perceptie bepaalt alles" "$TMP/err"
finish
