#!/bin/sh
# The command line: help, version, exit codes, limits, bad paths, every bundled deck checks clean.
. tests/e2e/lib.sh

"$BIN" --help >"$TMP/out" 2>&1; expect_eq "--help exits 0" $? 0
expect_grep "--help lists check" '^  check ' "$TMP/out"
expect_grep "--help documents exit codes" '3  a file could not be read' "$TMP/out"
"$BIN" check --help >"$TMP/out" 2>&1; expect_eq "check --help exits 0" $? 0
expect_grep "check --help" 'Usage: deckpress check' "$TMP/out"
"$BIN" --version >"$TMP/out"; expect_grep "--version" '^deckpress [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
"$BIN" >/dev/null 2>&1; expect_eq "no command is a usage error" $? 2
"$BIN" frobnicate 2>"$TMP/err"; expect_eq "unknown command exits 2" $? 2
expect_grep "unknown command named" "unknown command 'frobnicate'" "$TMP/err"
"$BIN" check --bogus decks/example.yaml 2>"$TMP/err"; expect_eq "unknown option exits 2" $? 2
expect_grep "unknown option named in deckpress's words" "deckpress: error: check: unknown option or missing value: '--bogus'" "$TMP/err"
"$BIN" cards decks/example.yaml -o 2>"$TMP/err"; expect_eq "missing value exits 2" $? 2
expect_grep "missing value named" "cards: option '-o' is unknown or needs a value" "$TMP/err"
"$BIN" check 2>"$TMP/err"; expect_eq "check without decks exits 2" $? 2
"$BIN" check /nonexistent/deck.yaml 2>"$TMP/err"; expect_eq "missing file exits 3" $? 3
"$BIN" check tests/regress/check/duplicate_id.yaml 2>/dev/null; expect_eq "deck errors exit 1" $? 1
"$BIN" check decks/example.yaml /nonexistent.yaml tests/regress/check/empty.yaml >/dev/null 2>&1
expect_eq "deck errors win over I/O errors" $? 1

# Size limit: a deck over 16 MiB is refused before parsing (generated, not committed).
{ printf 'deck:\n  title: Big\ncards:\n'; yes '  - {id: X, type: question, text: "Why is this deck so big?"}' | head -c 17000000; } >"$TMP/big.yaml"
"$BIN" check "$TMP/big.yaml" 2>"$TMP/err"; expect_eq "oversize deck exits 1" $? 1
expect_grep "oversize message" 'the file has more than 16777216 bytes: over a limit \(raise it with --limit file-bytes=N' "$TMP/err"

# Error cap: a deck with hundreds of errors prints 50 and a count, and does not take long.
{ printf 'deck:\n  title: Many\ncards:\n'; i=0; while [ $i -lt 300 ]; do printf '  - {id: "bad id %d", type: question, text: x}\n' $i; i=$((i+1)); done; } >"$TMP/many.yaml"
"$BIN" check "$TMP/many.yaml" 2>"$TMP/err"; expect_eq "many errors exit 1" $? 1
expect_eq "errors are capped" "$(grep -c ': error: ' "$TMP/err")" 50
expect_grep "cap note" '250 more errors not shown' "$TMP/err"

# check typesets every card in every language and names the language of a misfit; --no-fit
# checks the structure alone; --fit is still accepted (it is the default).
"$BIN" check --no-fit tests/e2e/fixtures/fit_en.yaml >/dev/null 2>&1; expect_eq "structure alone is fine" $? 0
"$BIN" check tests/e2e/fixtures/fit_en.yaml >/dev/null 2>"$TMP/err"; expect_eq "check finds the misfit" $? 1
expect_grep "misfit named with its language" "fit_en.yaml:4:5: error: card 'L1' \(en\): the text does not fit" "$TMP/err"
expect_grep "misfit says by how much" "it would fit at [0-9.]+ pt, or with about [0-9]+% less text" "$TMP/err"
"$BIN" check --fit tests/e2e/fixtures/fit_en.yaml >/dev/null 2>"$TMP/err2"; expect_eq "check --fit still accepted" $? 1
expect_eq "--fit changes nothing" "$(cat "$TMP/err2")" "$(cat "$TMP/err")"
# a size written with decimal commas on the command line gets the hint with points
"$BIN" cards decks/example.yaml --size 63,5x88,9 -o "$TMP/x.pdf" 2>"$TMP/err"; expect_eq "comma size is a usage error" $? 2
expect_grep "comma size hint" "write a point, not a comma: 63.5x88.9" "$TMP/err"
"$BIN" check --fit decks/workshop.yaml decks/teams.example.yaml >/dev/null 2>&1; expect_eq "bundled decks fit" $? 0

for d in decks/*.yaml; do
	"$BIN" check "$d" >"$TMP/out" 2>"$TMP/err"; expect_eq "check $d" $? 0
	expect_grep "summary of $d" "^$d: (team '[^']+': )?[0-9]+ cards? \(" "$TMP/out"
done
# The Makefile lists every module and unit test by name: none may be forgotten.
listed=$(make -s --no-print-directory list-modules)
for f in src/*.c tests/unit/test_*.c; do
	m=$(basename "$f" .c)
	[ "$m" = main ] && continue
	echo " $listed " | grep -q " $m " && ok || fail "$f is not listed in the Makefile"
done
# --limit and --allow-read: every limit is in docs/robustness.md with its default; a bad one is
# a usage error that lists them.
"$BIN" check --limit nonsense=1 decks/example.yaml 2>"$TMP/err"; expect_eq "--limit unknown: usage" $? 2
expect_grep "--limit unknown: lists the limits" "the limits and their defaults are: file-bytes=" "$TMP/err"
for pair in $(sed -n 's/.*defaults are: //p' "$TMP/err" | tr -d ','); do
	name=${pair%%=*} value=${pair#*=}
	pat=$(printf '^\\| `%s` \\| %s \\|' "$name" "$value")
	expect_grep "docs/robustness.md: $name" "$pat" docs/robustness.md
done
"$BIN" check --limit cards=x decks/example.yaml 2>"$TMP/err"; expect_eq "--limit cards=x: usage" $? 2
expect_grep "--limit needs a number" "needs a whole number" "$TMP/err"
"$BIN" check --limit cards=3 decks/example.yaml 2>"$TMP/err"; expect_eq "--limit cards=3 fails the 4-card example" $? 1
"$BIN" check --allow-read /no/such/dir decks/example.yaml 2>"$TMP/err"; expect_eq "--allow-read missing folder: usage" $? 2
# Paths in messages: a file a deck, an included deck or a teams file names is shown as written
# beside it ("c.yaml" from the deck's folder, "tests/.../c.yaml" from elsewhere), never
# "./c.yaml" (fixtures/paths: includes, fonts, sources, icons, images, a team's deck, a logo).
ABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
FP=tests/e2e/fixtures/paths
for f in a.yaml ./a.yaml b.yaml t.yaml; do
	(cd $FP && "$ABS" check $f) >/dev/null 2>"$TMP/err"; expect_eq "paths: check $f exits 1" $? 1
	# (the summary names the deck as typed: "./a.yaml: 2 errors")
	expect_eq "paths: no './' in the messages of check $f" "$(grep -v "^$f: [0-9]" "$TMP/err" | grep -c '\./')" 0
done
(cd $FP && "$ABS" check a.yaml) 2>"$TMP/err"
expect_grep "an included deck's error at c.yaml" "^c\.yaml:5:42: error: unknown key 'bogus'" "$TMP/err"
expect_grep "the first use of an id at e.yaml" "^c\.yaml:5:5: error: card id 'Q1' is used twice \(first at e\.yaml:5\)" "$TMP/err"
(cd $FP && "$ABS" check t.yaml) 2>"$TMP/err"
expect_grep "a team's base deck's error at b.yaml" "^b\.yaml:6:11: error: font 'nofont.ttf' cannot be read" "$TMP/err"
expect_grep "the logo at the teams file" "^t\.yaml:5:11: error: team 'T': logo 'nologo.png'" "$TMP/err"
"$BIN" check $FP/a.yaml 2>"$TMP/err"
expect_grep "from elsewhere, the path from there" "^$FP/c\.yaml:5:42: error" "$TMP/err"
finish
