#!/bin/sh
# Golden tests: run `deckpress check` on every tests/regress/check/*.yaml fixture (and a few
# paths that are not files) and compare exit code, stderr and stdout with the .err file
# beside it. `make regen` (this script with --regen) rewrites the goldens: review the diff.
: "${BIN:=./deckpress}"
regen=0
[ "$1" = "--regen" ] && regen=1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_case() { # name, args...
	name=$1; shift
	golden=tests/regress/check/$name.err
	"$BIN" check "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	{ echo "exit $rc"; cat "$tmp/err" "$tmp/out"; } >"$tmp/got"
	if [ $regen -eq 1 ]; then
		cp "$tmp/got" "$golden"
	elif [ -f "$golden" ] && cmp -s "$tmp/got" "$golden"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL regress/$name"
		[ -f "$golden" ] && diff -u "$golden" "$tmp/got" | head -20 || echo "  (no golden $golden)"
	fi
}

for f in tests/regress/check/*.yaml; do
	run_case "$(basename "$f" .yaml)" "$f"
done
run_case a_directory tests/regress/check/a_directory
run_case no_such_file tests/regress/check/no_such_file.yaml
for f in decks/*.yaml; do
	run_case "deck_$(basename "$f" .yaml)" "$f"
done
# Layout goldens: the plan, sizes and line counts of every card (cards --dump=layout).
grep -v '^#' tests/regress/layout/cases | while IFS='|' read -r name args; do
	name=$(echo $name)
	golden=tests/regress/layout/$name.layout
	# shellcheck disable=SC2086
	"$BIN" cards $args --dump=layout >"$tmp/got" 2>&1
	echo "exit $?" >>"$tmp/got"
	if [ $regen -eq 1 ]; then
		cp "$tmp/got" "$golden"
	elif [ -f "$golden" ] && cmp -s "$tmp/got" "$golden"; then
		echo pass
	else
		echo "FAIL layout/$name" >&2
		[ -f "$golden" ] && diff -u "$golden" "$tmp/got" | head -20 >&2 || echo "  (no golden $golden)" >&2
		echo fail
	fi
done >"$tmp/layout"
pass=$((pass + $(grep -c '^pass' "$tmp/layout")))
fail=$((fail + $(grep -c '^fail' "$tmp/layout")))
[ $regen -eq 1 ] && { echo "regenerated goldens in tests/regress/check/ and tests/regress/layout/"; exit 0; }
echo "regress: $pass passed, $fail failed"
[ $fail -eq 0 ]
