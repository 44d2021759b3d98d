#!/bin/sh
# cards, check, preview and build with several processes (-j): the same bytes for every -j, chunks
# put together into one clean PDF, and workers that die (or a parent that is stopped) leave
# no file and no process behind. A branded deck's workers load its fonts and pictures.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000

# 540 cards: 60 A4 sheets, three chunks (29 + 29 + 2 sheets; a chunk is 256 cards or more).
awk -v n=540 -f bench/gen_deck.awk >"$TMP/deck.yaml"
for j in 1 2 3; do
	"$BIN" cards "$TMP/deck.yaml" -j $j -o "$TMP/j$j.pdf" 2>"$TMP/err$j"
	expect_eq "cards -j $j exits 0" $? 0
done
expect "-j 2 gives the bytes of -j 1" cmp "$TMP/j1.pdf" "$TMP/j2.pdf"
expect "-j 3 gives the bytes of -j 1" cmp "$TMP/j1.pdf" "$TMP/j3.pdf"
"$BIN" cards "$TMP/deck.yaml" -j 2 -o "$TMP/again.pdf" 2>/dev/null
expect "a second run gives the same bytes" cmp "$TMP/j1.pdf" "$TMP/again.pdf"
"$BIN" cards "$TMP/deck.yaml" -o "$TMP/default.pdf" 2>/dev/null
expect "the default -j (every core) gives the same bytes" cmp "$TMP/j1.pdf" "$TMP/default.pdf"

# The chunks put together: every page, in order, one catalog, the deck's metadata, a clean file.
expect_eq "120 pages (60 sheets, fronts and backs)" "$(qpdf --show-npages "$TMP/j2.pdf")" 120
qpdf --check "$TMP/j2.pdf" >"$TMP/check" 2>&1
expect_eq "qpdf --check is clean" $? 0
expect_eq "the deck's title is the PDF's title" \
	"$(pdfinfo "$TMP/j2.pdf" | sed -n 's/^Title: *//p')" Benchmark
pdftotext -f 1 -l 1 "$TMP/j2.pdf" "$TMP/p1.txt"
pdftotext -f 59 -l 59 "$TMP/j2.pdf" "$TMP/p59.txt"
pdftotext -f 119 -l 119 "$TMP/j2.pdf" "$TMP/p119.txt"
expect_grep "sheet 1 holds the first card" "^B00001$" "$TMP/p1.txt"
expect_grep "sheet 30, the first of the second chunk, holds card 262" "^B00262$" "$TMP/p59.txt"
expect_grep "sheet 60, in the third chunk, holds card 532" "^B00532$" "$TMP/p119.txt"
expect_grep "the info line counts sheets over the whole deck" " 60/60, " "$TMP/p119.txt"
# each chunk embeds its own font subsets; identical ones are kept once
fonts=$(pdffonts "$TMP/j2.pdf" | tail -n +3 | wc -l)
names=$(pdffonts "$TMP/j2.pdf" | tail -n +3 | awk '{print $1}' | sort -u | wc -l)
expect_eq "no font subset is embedded twice" "$fonts" "$names"
expect "every font is embedded" sh -c "! pdffonts '$TMP/j2.pdf' | tail -n +3 | awk '{print \$(NF-4)}' | grep -q no"

# A team logo on every back: each chunk embeds it, the whole file keeps one image.
cp decks/logos/noord.png "$TMP/noord.png"
printf 'deck: deck.yaml\nteams:\n  - name: Logo\n    logo: noord.png\n' >"$TMP/teams.yaml"
"$BIN" build "$TMP/teams.yaml" -o "$TMP/team" -j 2 -q 2>"$TMP/team.err"
expect_eq "a team of 540 cards with a logo builds" $? 0
expect_eq "one logo image (and its mask) for 60 backs in three chunks" \
	"$(pdfimages -list "$TMP/team/logo/cards.pdf" | awk 'NR > 2 { print $11 }' | sort -u | wc -l)" 1

# The same layout as one process laying out every card: the dump is made without chunks.
"$BIN" cards "$TMP/deck.yaml" --dump=layout >"$TMP/dump" 2>&1
pdftotext -f 3 -l 3 "$TMP/j2.pdf" - | grep -c . >/dev/null
expect_grep "the dump has every card" "^card B00540 " "$TMP/dump"

# A card that does not fit in the last chunk: reported once, by file and line, no PDF.
sed 's/^  - id: B00530$/  - id: LONG\n    category: c1\n    type: question\n    text: "'"$(printf 'verantwoordelijkheid %.0s' $(seq 150))"'?"\n  - id: B00530/' \
	"$TMP/deck.yaml" >"$TMP/bad.yaml"
"$BIN" cards "$TMP/bad.yaml" -j 3 -o "$TMP/bad.pdf" 2>"$TMP/bad.err"
expect_eq "a card that does not fit: exit 1 with -j 3" $? 1
expect_grep "the card is named with its line" "bad.yaml:[0-9]+:5: error: card 'LONG': the text does not fit" "$TMP/bad.err"
expect_eq "reported once" "$(grep -c "card 'LONG'" "$TMP/bad.err")" 1
expect "no PDF" test ! -e "$TMP/bad.pdf"

# check lays the cards out with workers too, and says the same for every -j: characters no
# font has first, then the cards that do not fit, in deck order (a card too long in the first
# and in the last chunk, a snowman in the second).
long=$(printf 'verantwoordelijkheid %.0s' $(seq 150))
sed -e 's/^  - id: B00010$/  - id: LONG1\n    category: c1\n    type: question\n    text: "'"$long"'?"\n  - id: B00010/' \
    -e 's/^  - id: B00530$/  - id: LONG2\n    category: c2\n    type: question\n    text: "'"$long"'?"\n  - id: B00530/' \
    -e 's/^  - id: B00300$/  - id: SNOW\n    category: c3\n    type: question\n    text: "Een sneeuwpop \xe2\x98\x83?"\n  - id: B00300/' \
	"$TMP/deck.yaml" >"$TMP/checkme.yaml"
for j in 1 2 3; do
	"$BIN" check "$TMP/checkme.yaml" -j $j >"$TMP/check$j.out" 2>&1
	expect_eq "check -j $j: exit 1" $? 1
done
expect "check -j 2 says what -j 1 says" cmp "$TMP/check1.out" "$TMP/check2.out"
expect "check -j 3 says what -j 1 says" cmp "$TMP/check1.out" "$TMP/check3.out"
expect_eq "check: the character, then the two cards in deck order" \
	"$(grep -o "error: card '[A-Z0-9]*'" "$TMP/check2.out" | tr '\n' ' ')" \
	"error: card 'SNOW' error: card 'LONG1' error: card 'LONG2' "
expect_grep "check: the character is named" "U\+2603 SNOWMAN" "$TMP/check2.out"
expect_grep "check: and counted" "checkme.yaml: 3 errors" "$TMP/check2.out"
"$BIN" check "$TMP/deck.yaml" -j 3 >"$TMP/check.out" 2>&1
expect_eq "check -j 3 of a good deck: exit 0" $? 0
expect_eq "with its summary" "$(cat "$TMP/check.out")" \
	"$TMP/deck.yaml: 540 cards (180 quotes, 180 cases, 180 questions), no errors"
"$BIN" check "$TMP/deck.yaml" -j 0 2>"$TMP/err"
expect_eq "check -j 0 is a usage error" $? 2

# Processes: a worker killed while drawing fails the run (exit 3, said so), leaves the old
# file as it was and no temporary file; the parent stopped by SIGTERM takes its workers along.
awk -v n=3000 -f bench/gen_deck.awk >"$TMP/big.yaml"
mkdir "$TMP/out"
echo old >"$TMP/out/cards.pdf"
"$BIN" cards "$TMP/big.yaml" -j 2 -o "$TMP/out/cards.pdf" 2>"$TMP/kill.err" &
pid=$!
w=$(worker_of $pid)
[ -n "$w" ] && kill -KILL "$w"
wait $pid
expect_eq "a killed worker: exit 3" $? 3
expect_grep "and why" "cards.pdf: error: cannot write: a worker process was stopped by signal 9" "$TMP/kill.err"
expect_eq "the old file stays" "$(cat "$TMP/out/cards.pdf")" old
expect_eq "no temporary file" "$(ls -A "$TMP/out")" cards.pdf

# check_killed DECK WHAT: check -j 2 with its first worker killed says what -j 1 says.
check_killed() {
	"$BIN" check "$1" -j 1 >"$TMP/k1.out" 2>&1
	"$BIN" check "$1" -j 2 >"$TMP/k2.out" 2>&1 &
	_pid=$!
	_w=$(worker_of $_pid)
	expect "$2: a worker to kill" test -n "$_w"
	[ -n "$_w" ] && kill -KILL "$_w"
	wait $_pid
	expect_eq "$2: exit 0" $? 0
	expect "$2: the answer of -j 1" cmp "$TMP/k1.out" "$TMP/k2.out"
}
# A worker of check killed: this process checks alone.
check_killed "$TMP/big.yaml" "check with a killed worker"

# check of several languages or teams: each in a worker of its own (which forks its own
# for the cards when -j leaves room), the messages in the order -j 1 gives: the cap of 50
# errors over all of them, and the first team with errors reported alone.
bideck() { # NL EN SNOW: 300 cards in Dutch and English, every NL-th too long in Dutch,
	# every EN-th in English, a snowman in the middle if SNOW is 1
	awk -v nl="$1" -v en="$2" -v snow="$3" 'BEGIN {
	long = ""; for (i = 0; i < 120; i++) long = long "verantwoordelijkheid "
	print "deck:\n  title: {nl: Proef, en: Test}\n  language: nl\n  languages: [nl, en]\ncards:"
	for (i = 1; i <= 300; i++) {
		n = i % nl == 0 ? long "?" : "Waarom is dit belangrijk?"
		e = i % en == 0 ? long "?" : "Why does this matter?"
		if (i == 150 && snow) n = "Een sneeuwpop \342\230\203?"
		printf "  - {id: Q%03d, type: question, text: {nl: \"%s\", en: \"%s\"}}\n", i, n, e
	}
	}'
}
bideck 7 11 1 >"$TMP/bi.yaml"
bideck 61 71 1 >"$TMP/bi_few.yaml"
bideck 1000 1000 0 >"$TMP/bi_ok.yaml"
printf 'deck: deck.yaml\nteams:\n' >"$TMP/teams.yaml"
for t in 1 2 3 4; do
	text="Kort $t?"
	[ $t = 2 ] && text="$long?"
	printf '  - name: Team %s\n    cards:\n      - {id: T%s, type: question, text: "%s"}\n' \
		$t $t "$text" >>"$TMP/teams.yaml"
done
printf 'deck: bi_ok.yaml\nteams:\n  - name: A\n  - name: B\n    language: en\n  - name: C\n' \
	>"$TMP/teams_ok.yaml"
for f in bi bi_few teams teams_ok; do
	for j in 1 2 3; do
		"$BIN" check "$TMP/$f.yaml" -j $j >"$TMP/$f$j.out" 2>&1
		echo "exit $?" >>"$TMP/$f$j.out"
	done
	expect "check of $f: -j 2 says what -j 1 says" cmp "$TMP/${f}1.out" "$TMP/${f}2.out"
	expect "check of $f: -j 3 says what -j 1 says" cmp "$TMP/${f}1.out" "$TMP/${f}3.out"
done
expect_grep "both languages: 70 errors" "bi.yaml: 70 errors" "$TMP/bi2.out"
expect_eq "50 of them shown (one a missing character), the rest counted" \
	"$(grep -c ': error: card' "$TMP/bi2.out") $(grep -c 'U+2603 SNOWMAN' "$TMP/bi2.out")" "50 1"
expect_grep "and said to be counted" "bi.yaml: note: 20 more errors not shown" "$TMP/bi2.out"
expect_eq "under the cap: the Dutch cards, then the English" \
	"$(grep -o "card 'Q[0-9]*' ([a-z]*)" "$TMP/bi_few2.out" | tr '\n' ' ')" \
	"card 'Q061' (nl) card 'Q122' (nl) card 'Q183' (nl) card 'Q244' (nl) card 'Q071' (en) card 'Q142' (en) card 'Q213' (en) card 'Q284' (en) "
expect_eq "the first team with errors alone: team 2's card, no later team" \
	"$(grep -o "error: card '[A-Z0-9]*'" "$TMP/teams2.out" | tr '\n' ' ')" "error: card 'T2' "
expect_eq "teams without errors (one in English only): one summary each" \
	"$(grep -c ': team .*no errors' "$TMP/teams_ok2.out")" 3
expect_grep "the snowman first" "^[^ ]*bi_few.yaml:155:58: error: card 'Q150'" "$TMP/bi_few2.out"

# A parent that ignores SIGCHLD (its children reaped unseen) is no reason to hang or fail.
python3 -c 'import os, signal, sys
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
os.execv(sys.argv[1], sys.argv[1:])' "$BIN" check "$TMP/teams_ok.yaml" -j 2 >"$TMP/ign.out" 2>&1
echo "exit $?" >>"$TMP/ign.out"
expect "check with SIGCHLD ignored says what -j 1 says" cmp "$TMP/teams_ok1.out" "$TMP/ign.out"
python3 -c 'import os, signal, sys
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
os.execv(sys.argv[1], sys.argv[1:])' "$BIN" cards "$TMP/deck.yaml" -j 2 -o "$TMP/ign.pdf" 2>/dev/null
expect_eq "cards with SIGCHLD ignored: exit 0" $? 0
expect "and the bytes of -j 1" cmp "$TMP/j1.pdf" "$TMP/ign.pdf"

# Several files: each file's tasks in workers, so that the next file's may fork too.
for j in 1 2; do
	"$BIN" check "$TMP/bi_few.yaml" "$TMP/deck.yaml" "$TMP/teams_ok.yaml" "$TMP/checkme.yaml" \
		-j $j >"$TMP/files$j.out" 2>"$TMP/files$j.err"
	echo "exit $?" >>"$TMP/files$j.out"
done
expect "several files: -j 2 prints what -j 1 prints" cmp "$TMP/files1.out" "$TMP/files2.out"
expect "and says what -j 1 says" cmp "$TMP/files1.err" "$TMP/files2.err"
# (stdout: the deck's line, the teams file's two teams and its own line, the exit status)
expect_eq "every file's summary or errors" "$(grep -c 'errors' "$TMP/files2.err") $(wc -l <"$TMP/files2.out")" "2 6"

# A worker of a language killed: this process checks that language itself, as -j 1 does.
printf 'deck: big.yaml\nteams:\n  - name: A\n  - name: B\n' >"$TMP/bigteams.yaml"
check_killed "$TMP/bigteams.yaml" "check with a killed team worker"

"$BIN" cards "$TMP/big.yaml" -j 2 -o "$TMP/out/cards.pdf" 2>/dev/null &
pid=$!
w=$(worker_of $pid)
kill -TERM $pid
wait $pid
expect_eq "SIGTERM: the parent dies of it (143)" $? 143
gone=no
for i in $(seq 100); do
	kill -0 "$w" 2>/dev/null || { gone=yes; break; }
	sleep 0.05
done
expect_eq "its worker is gone too" $gone yes
expect_eq "the old file stays, no temporary file" "$(ls -A "$TMP/out") $(cat "$TMP/out/cards.pdf")" "cards.pdf old"

# -j is checked like build's.
"$BIN" cards "$TMP/deck.yaml" -j 0 -o "$TMP/x.pdf" 2>"$TMP/err"
expect_eq "-j 0 is a usage error" $? 2
expect_grep "saying why" "-j: '0' is not a number from 1 to 64" "$TMP/err"

# preview and build: the same files for every -j.
"$BIN" preview decks/example.yaml -o "$TMP/pv1" -j 1 2>/dev/null
"$BIN" preview decks/example.yaml -o "$TMP/pv2" -j 2 2>/dev/null
expect_eq "preview -j 2 exits 0" $? 0
expect "preview -j 2 writes the files of -j 1" diff -r "$TMP/pv1" "$TMP/pv2"
"$BIN" build decks/workshop.yaml -o "$TMP/b1" -j 1 -q 2>/dev/null
"$BIN" build decks/workshop.yaml -o "$TMP/b2" -j 2 -q 2>/dev/null
expect_eq "build of a deck, -j 2, exits 0" $? 0
expect "build of a deck: -j 2 writes the files of -j 1" diff -r "$TMP/b1" "$TMP/b2"

# A branded deck: every worker loads the deck's own fonts and its pictures itself, after
# the fork (icons in SVG and PNG, photos, a design, numbering, an SVG team logo).
B="$TMP/brand"; mkdir -p "$B"
DV=/usr/share/fonts/truetype/dejavu
cp $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf $DV/DejaVuSerif-BoldItalic.ttf \
	tests/regress/layout/brand/icons/eye.svg tests/regress/layout/brand/landscape.png \
	tests/regress/layout/brand/small.png "$B/"
awk -v n=540 -f bench/gen_deck.awk |
	sed -e 's/^  - {id: c\([1-3]\), \(.*\)}$/  - {id: c\1, \2, icon: eye.svg}/' \
	    -e 's/^  - {id: c\([4-6]\), \(.*\)}$/  - {id: c\1, \2, icon: small.png}/' \
	    -e 's/^  - id: \(B00[0-9][05]0\)$/  - id: \1\n    image: landscape.png/' >"$B/deck.yaml"
printf 'theme:\n  layout: %s\n  numbering: category\n  sizes: {case: {max: 10, min: 6}, quote: {max: 15, min: 6}, question: {max: 17, min: 6}}\n  serif: DejaVu Serif\n  fonts: [DejaVuSerif.ttf, DejaVuSerif-Italic.ttf, DejaVuSerif-Bold.ttf, DejaVuSerif-BoldItalic.ttf]\n' \
	icon >>"$B/deck.yaml"
for j in 1 2; do
	"$BIN" cards "$B/deck.yaml" -j $j -o "$B/j$j.pdf" 2>"$TMP/err"; expect_eq "branded cards -j $j exits 0" $? 0
done
expect "branded: -j 2 gives the bytes of -j 1" cmp "$B/j1.pdf" "$B/j2.pdf"
pdffonts "$B/j2.pdf" >"$TMP/fonts"
expect_grep "branded -j 2: the deck's own font, embedded" '\+DejaVuSerif .* yes ' "$TMP/fonts"
grep -q 'Yrsa' "$TMP/fonts" && fail "branded -j 2: a worker set text in Yrsa" || ok
pdftotext -f 119 -l 119 "$B/j2.pdf" "$TMP/p119.txt"
expect_grep "branded -j 2: numbering in the last chunk" '^B00532 · 89/90$' "$TMP/p119.txt"
expect_eq "branded -j 2: the photos and PNG icons in every chunk" \
	"$(pdfimages -list "$B/j2.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" \
	"$(pdfimages -list "$B/j1.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)"
"$BIN" preview "$B/deck.yaml" -o "$B/pv1" -j 1 2>/dev/null
"$BIN" preview "$B/deck.yaml" -o "$B/pv2" -j 2 2>/dev/null
expect_eq "branded preview -j 2 exits 0" $? 0
expect "branded preview -j 2 writes the files of -j 1" diff -r "$B/pv1" "$B/pv2"
cp tests/regress/layout/brand/icons/link.svg "$B/logo.svg"
printf 'deck: deck.yaml\nteams:\n  - {name: Vector, logo: logo.svg}\n' >"$B/teams.yaml"
"$BIN" build "$B/teams.yaml" -o "$B/t1" -j 1 -q 2>/dev/null
"$BIN" build "$B/teams.yaml" -o "$B/t2" -j 2 -q 2>/dev/null
expect_eq "branded team build -j 2 exits 0" $? 0
expect "branded team build: -j 2 writes the files of -j 1" diff -r "$B/t1" "$B/t2"
finish
