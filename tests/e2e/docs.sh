#!/bin/sh
# The docs match the program: every command and every long option that --help shows is in
# the man page; the man page formats without warnings; the README's examples name commands
# and options that exist.
. tests/e2e/lib.sh
MAN=docs/deckpress.1
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$MAN" >"$TMP/man" # the man page as text, roughly

"$BIN" --help >"$TMP/help"
cmds=$(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$TMP/help")
[ -n "$cmds" ] && ok || fail "no commands in --help"
for c in $cmds; do
	grep -qE "^\\.BI? $c( |$)" "$MAN" && ok || fail "man page has no entry for '$c'"
	grep -qE "^\\.B deckpress $c$" "$MAN" && ok || fail "man page SYNOPSIS lacks '$c'"
	"$BIN" "$c" --help | sed -n '/^Options:/,/^Exit status:/p' | grep -oE -- '--[a-z][a-z-]*' |
		sort -u >"$TMP/opts"
	[ -s "$TMP/opts" ] && ok || fail "$c --help lists no options"
	while read -r o; do
		grep -qE -- "$o([^a-z-]|$)" "$TMP/man" && ok || fail "man page lacks $c's option $o"
	done <"$TMP/opts"
done
for o in $(grep -oE -- '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
	grep -qE -- "$o([^a-z-]|$)" "$TMP/man" && ok || fail "man page lacks $o"
done
# every .TP starts an entry: a command or option line right after it, never running text
awk 'prev == ".TP" && $0 !~ /^\.(B|BI|BR|I|IR|IB|RB)( |$)/ { print NR": "$0 } { prev = $0 }' "$MAN" >"$TMP/tp"
expect_eq "every .TP is followed by its tag" "$(cat "$TMP/tp")" ""
if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww "$MAN" >/dev/null 2>"$TMP/warn"
	expect_eq "groff formats the man page without warnings" "$(cat "$TMP/warn")" ""
fi
# the commands the README shows exist, with the options it gives them
cmds=$(echo $cmds)
awk '/^```/ { code = !code; next } code' README.md | grep -E '^(\./)?deckpress [a-z]' |
while read -r line; do
	set -- $line
	c=$2
	echo " $cmds " | grep -q " $c " && echo ok || echo "FAIL README runs unknown command '$c'"
	for w in $line; do
		case $w in --*) o=${w%%=*}
			"$BIN" "$c" --help | grep -qE -- "$o([^a-z-]|$)" && echo ok || echo "FAIL README gives $c an unknown option $o" ;;
		esac
	done
done >"$TMP/readme"
grep '^FAIL' "$TMP/readme" | while read -r l; do echo "$l"; done
n=$(grep -c '^ok' "$TMP/readme"); f=$(grep -c '^FAIL' "$TMP/readme")
PASS=$((PASS + n)); FAIL=$((FAIL + f))
# the README's "Needs" names every package .ci/deps.sh installs (a manual build needs them)
for pkg in $(sed -n '/^PKGS="/,/"$/p' .ci/deps.sh | tr -d '"' | sed 's/^PKGS=//'); do
	tr '\n' ' ' <README.md | grep -q -- " $pkg[ )]" && ok || fail "README.md's Needs lacks $pkg"
done
# docs/deck-format.md's composing example loads beside the bundled decks it includes, and
# both kinds of selector leave cards of each include
mkdir -p "$TMP/comp" && cp decks/*.yaml decks/*.txt "$TMP/comp/"
awk '/^## Composing decks/ { f = 1 } f && /^```yaml/ { g = 1; next } g && /^```/ { exit } g' \
	docs/deck-format.md | sed 's/"\.\.\."/"Wat nemen we mee?"/' >"$TMP/comp/comp.yaml"
"$BIN" check --no-fit "$TMP/comp/comp.yaml" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq "deck-format.md composing example loads" "$rc $(cat "$TMP/err")" "0 "
"$BIN" export "$TMP/comp/comp.yaml" -o "$TMP/comp.csv" 2>/dev/null
ids=$(cut -d, -f1 "$TMP/comp.csv" | tr -d '\357\273\277"\r' | tr '\n' ' ')
for want in ID-C01 ID-C02 VB-Q01 WS-V01; do
	case " $ids " in *" $want "*) ok ;; *) fail "composing example: $want missing" ;; esac
done
for unwanted in ID-C03 VB-Q03 ID-V08; do # not selected; excluded at the top; by the include
	case " $ids " in *" $unwanted "*) fail "composing example: $unwanted taken" ;; *) ok ;; esac
done
# docs/typography.md's hyphenation examples load
awk '/^      hyphenation:/,/^$/' docs/typography.md | sed 's/^      //' >"$TMP/hy"
[ -s "$TMP/hy" ] && ok || fail "no hyphenation example found in docs/typography.md"
csplit -s -z -f "$TMP/hy." "$TMP/hy" '/^hyphenation:/' '{*}'
for h in "$TMP"/hy.*; do
	{ printf 'deck:\n  title: {nl: T, en: T}\n  languages: [nl, en]\n'; cat "$h"
	  printf 'cards:\n  - {id: Q1, type: question, text: {nl: a, en: b}}\n'; } >"$TMP/hy.yaml"
	"$BIN" check --no-fit "$TMP/hy.yaml" >/dev/null 2>"$TMP/err"; rc=$?
	expect_eq "typography.md example loads: $(head -1 "$h")" $rc 0
done
# make demo writes every file the README says it writes
mkdir "$TMP/demo" && cp -r decks tests "$TMP/demo/"
ABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$TMP/demo" && BIN="$ABS" sh tests/demo.sh) >"$TMP/demo.log" 2>&1
expect_eq "make demo runs" $? 0
sed -n '/^`make demo` checks/,/^$/p' README.md | grep -oE '`[a-z.-]+(/|\.pdf|\.csv)`' | tr -d '`' | grep -v '^out/$' >"$TMP/said"
echo teams.example/team-noord/cards.pdf >>"$TMP/said" # "every team of the teams example"
[ "$(wc -l <"$TMP/said")" -ge 6 ] && ok || fail "the README's list of what make demo writes was not found"
while read -r f; do
	expect "make demo writes $f, as the README says" test -e "$TMP/demo/out/$f"
done <"$TMP/said"
finish
