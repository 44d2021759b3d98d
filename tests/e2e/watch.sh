#!/bin/sh
# deckpress watch: builds, then builds again soon after every save of the deck, an included
# deck or a quote source (saved by rename, as editors do, or in place); prints each save's
# errors and keeps the last good files; a teams file's base deck is watched too; Ctrl-C and
# SIGTERM end it without leaving a temporary file. A branded deck's font files, icons, images
# and team logo are watched too.
. tests/e2e/lib.sh
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
PY=/usr/bin/python3
W="$TMP/w"
mkdir -p "$W/parts"
cat >"$W/deck.yaml" <<'YEOF'
deck:
  title: Watched
sources:
  - {id: essay, title: An essay, file: essay.txt}
include:
  - parts/extra.yaml
cards:
  - {id: Q1, type: quote, source: essay, text: "First words of the essay."}
  - {id: V1, type: question, text: "What do you see?"}
YEOF
echo "First words of the essay. And more." >"$W/essay.txt"
cat >"$W/parts/extra.yaml" <<'YEOF'
deck:
  title: Extra
cards:
  - {id: X1, type: question, text: "An included question?"}
YEOF

start() { # deck or teams file, output dir, log: watch in the background with Ctrl-C working
	(cd "$W" && exec $PY -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$BIN" watch "$1" -o "$2") >"$3" 2>&1 &
	PID=$!
}
# waits until file $1 exists and differs from $2 (or exists, when $2 is ""); the seconds
wait_new() {
	i=0
	while [ $i -lt 100 ]; do
		if [ -s "$1" ] && { [ -z "$2" ] || ! cmp -s "$1" "$2"; }; then echo ok; return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	echo timeout
}
wait_log() { # pattern, log: waits up to 10 s for the pattern
	i=0
	while [ $i -lt 100 ]; do grep -qE -- "$1" "$2" && { echo ok; return 0; }; sleep 0.1; i=$((i + 1)); done
	echo timeout
}
text() { pdftotext "$1" - | tr '\n' ' '; }

start deck.yaml out "$TMP/log"
expect_eq "first build" "$(wait_new "$W/out/cards.pdf" "")" ok
expect_eq "it says what it watches" "$(wait_log 'note: watching 3 files; every save rebuilds into out' "$TMP/log")" ok
for f in printshop.pdf booklet.pdf booklet-saddle.pdf contact.png; do
	expect "builds $f as build does" test -s "$W/out/$f"
done
cp "$W/out/cards.pdf" "$TMP/v1.pdf"

sed -i 's/What do you see/What do you hear/' "$W/deck.yaml" # a new file, renamed over
expect_eq "a save of the deck rebuilds" "$(wait_new "$W/out/cards.pdf" "$TMP/v1.pdf")" ok
sleep 0.3 # the other files of the build
text "$W/out/cards.pdf" | grep -q 'What do you hear' && ok || fail "the new text is on the cards"
cp "$W/out/cards.pdf" "$TMP/v2.pdf"

sed -i 's/id: V1,/id: V 1,/' "$W/deck.yaml"
expect_eq "an error is printed as check prints it" \
	"$(wait_log "deck.yaml:9:10: error: card id 'V 1' may only contain" "$TMP/log")" ok
expect_eq "and the old files are said to stay" "$(wait_log 'out: note: not all built: the files here are the last good ones' "$TMP/log")" ok
expect "the last good cards stay" cmp "$W/out/cards.pdf" "$TMP/v2.pdf"

sed -i 's/id: V 1,/id: V1,/; s/What do you hear/What do you feel/' "$W/deck.yaml"
expect_eq "fixed: built again" "$(wait_new "$W/out/cards.pdf" "$TMP/v2.pdf")" ok
sleep 0.3
cp "$W/out/cards.pdf" "$TMP/v3.pdf"
sed -i 's/An included question/A changed included question/' "$W/parts/extra.yaml"
expect_eq "a save of an included deck rebuilds" "$(wait_new "$W/out/cards.pdf" "$TMP/v3.pdf")" ok
sleep 0.3
text "$W/out/cards.pdf" | grep -q 'changed' && ok || fail "the included deck's change is on the cards"
n=$(grep -c 'saved at' "$TMP/log")
echo "Extra words at the end." >>"$W/essay.txt" # written in place
expect_eq "a save of a quote source rebuilds" "$(wait_log "essay.txt: note: saved at" "$TMP/log")" ok
expect_eq "one build per save" "$(grep -c 'saved at' "$TMP/log")" $((n + 1))
sleep 0.5
kill -INT $PID; wait $PID; rc=$?
expect_eq "Ctrl-C ends it; a save had errors: exit 1" $rc 1
expect_grep "it says so" "note: stopped watching" "$TMP/log"
expect_eq "no temporary files" "$(find "$W" -name '*.tmp.*' -o -name '*.cairo.*' | wc -l)" 0
# one file: said in the singular
printf 'deck: {title: Solo}\ncards:\n  - {id: S1, type: question, text: "Alone?"}\n' >"$W/solo.yaml"
start solo.yaml solo "$TMP/log-solo"
expect_eq "one file watched: singular" "$(wait_log 'note: watching 1 file; every save' "$TMP/log-solo")" ok
kill -INT $PID; wait $PID

# a teams file: a save of the base deck rebuilds every team
printf 'deck: deck.yaml\nteams:\n  - name: Noord\n  - name: Zuid\n' >"$W/teams.yaml"
start teams.yaml teams "$TMP/log2"
expect_eq "teams: first build" "$(wait_new "$W/teams/zuid/cards.pdf" "")" ok
sleep 0.5
cp "$W/teams/zuid/cards.pdf" "$TMP/z1.pdf"
sed -i 's/What do you feel/What do you think/' "$W/deck.yaml"
expect_eq "a save of the base deck rebuilds the teams" "$(wait_new "$W/teams/zuid/cards.pdf" "$TMP/z1.pdf")" ok
# a signal during a build: the build's temporary files go with it
sed -i 's/What do you think/What do you know/' "$W/deck.yaml"
wait_log 'saved at .*' "$TMP/log2" >/dev/null
kill -TERM $PID; wait $PID; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 143 ] && ok || fail "SIGTERM ends it (exit $rc, no save had errors)"
sleep 0.3 # build workers that got the signal too
expect_eq "no temporary files after SIGTERM" "$(find "$W" -name '*.tmp.*' -o -name '*.cairo.*' | wc -l)" 0

# a branded deck: its own font files, a category's icon, a card's image and a team's logo are
# watched too; a save of any of them rebuilds
DV=/usr/share/fonts/truetype/dejavu
mkdir -p "$W/brand"
cp $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf $DV/DejaVuSerif-BoldItalic.ttf "$W/brand/"
cp tests/regress/layout/brand/icons/eye.svg tests/regress/layout/brand/small.png "$W/brand/"
cat >"$W/brand/deck.yaml" <<'YEOF'
deck:
  title: Branded
  language: en
categories:
  - {id: see, name: Seeing, icon: eye.svg}
cards:
  - {id: V1, type: question, category: see, image: small.png, text: "What do you see?"}
theme:
  serif: DejaVu Serif
  fonts: [DejaVuSerif.ttf, DejaVuSerif-Italic.ttf, DejaVuSerif-Bold.ttf, DejaVuSerif-BoldItalic.ttf]
YEOF
cp "$W/brand/eye.svg" "$W/brand/logo.svg"
printf 'deck: deck.yaml\nteams:\n  - {name: Noord, logo: logo.svg}\n' >"$W/brand/teams.yaml"
start brand/deck.yaml bout "$TMP/log3"
expect_eq "branded: first build" "$(wait_new "$W/bout/cards.pdf" "")" ok
expect_eq "branded: the deck, 4 fonts, the icon and the image watched" \
	"$(wait_log 'note: watching 7 files' "$TMP/log3")" ok
sleep 0.5
for f in eye.svg small.png; do
	cp "$W/bout/cards.pdf" "$TMP/b0.pdf"
	case $f in
	eye.svg) sed -i 's/#1f2328/#7a4b8c/g' "$W/brand/$f" ;;
	*) cp tests/regress/layout/brand/landscape.png "$W/brand/$f" ;;
	esac
	expect_eq "a save of $f rebuilds" "$(wait_log "$f: note: saved at" "$TMP/log3")" ok
	expect_eq "$f: new cards" "$(wait_new "$W/bout/cards.pdf" "$TMP/b0.pdf")" ok
	sleep 0.5
done
built=$(grep -c '^deckpress: built 1 deck' "$TMP/log3")
echo "not a font any more" >"$W/brand/DejaVuSerif.ttf" # a font file read again at each save
expect_eq "a save of a font file rebuilds" "$(wait_log "DejaVuSerif.ttf: note: saved at" "$TMP/log3")" ok
expect_eq "and reads it" "$(wait_log "error: font 'DejaVuSerif.ttf' is not a TrueType or OpenType font" "$TMP/log3")" ok
cp $DV/DejaVuSerif.ttf "$W/brand/"
i=0; while [ $i -lt 100 ] && [ "$(grep -c '^deckpress: built 1 deck' "$TMP/log3")" -le $built ]; do
	sleep 0.1; i=$((i + 1))
done
expect_eq "put back: built again" "$(grep -c '^deckpress: built 1 deck' "$TMP/log3")" $((built + 1))
sleep 0.5
kill -INT $PID; wait $PID
start brand/teams.yaml tout "$TMP/log4"
expect_eq "a team with a logo: first build" "$(wait_new "$W/tout/noord/cards.pdf" "")" ok
expect_eq "the logo watched too" "$(wait_log 'note: watching 9 files' "$TMP/log4")" ok
kill -INT $PID; wait $PID

"$BIN" watch "$W/deck.yaml" 2>"$TMP/err"; expect_eq "watch without -o is a usage error" $? 2
finish
