#!/bin/sh
# Run the whole suite against $BIN (built in $BUILD): cmocka unit tests, golden
# diagnostics, end-to-end checks of the command and its PDFs. Last line: "N passed, N failed".
: "${BIN:=./deckpress}" "${BUILD:=build}"
export BIN BUILD
case "$BUILD" in *asan*)
	export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
	export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" ;;
esac
pass=0 fail=0 log=$(mktemp) loc=$(mktemp -d)
trap 'rm -rf "$log" "$loc"' EXIT
# every deckpress run of the suite notes its exit code and messages here (tests/msgcheck.sh)
DECKPRESS_MSG_LOG="$loc/messages.log"
export DECKPRESS_MSG_LOG

# A decimal-comma locale for the tests that prove numbers in PDFs never use one: built
# privately from Debian's locale sources (package locales), so no system setup is needed.
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/nl_NL ] &&
	localedef -i nl_NL -f UTF-8 "$loc/nl_NL.UTF-8" >/dev/null 2>&1; then
	export LOCPATH="$loc" DECKPRESS_COMMA_LOCALE=nl_NL.UTF-8
fi

count() { # exit status: add the "N passed, M failed" of a sub-runner's output
	line=$(grep -E '^[a-z0-9_-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	# a runner that stopped early, or failed without saying so, counts as a failure
	if [ "$1" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then f=1; echo "  FAIL: $2 exited $1"; tail -5 "$log"; fi
	[ -z "$line" ] && [ "$1" -eq 0 ] && { f=1; echo "  FAIL: $2 reported no result"; }
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
}

echo "== unit tests ($BUILD)"
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" >"$log" 2>&1; then
		n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		pass=$((pass + ${n:-1}))
		echo "  $name: ${n:-1} passed"
	else
		n=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		fail=$((fail + ${n:-1}))
		echo "  $name: FAILED"; sed 's/^/    /' "$log" | grep -vE '^\s+\[ (RUN|     OK) ' | tail -40
	fi
done

echo "== golden diagnostics"
sh tests/regress.sh >"$log" 2>&1; count $? regress; grep -v '^regress:' "$log" | sed 's/^/  /'
echo "  $(tail -1 "$log")"

echo "== end-to-end"
for s in tests/e2e/*.sh; do
	[ "$s" = tests/e2e/lib.sh ] && continue # helpers, not a suite
	sh "$s" >"$log" 2>&1; count $? "$s"
	grep -E '^(FAIL|not ok)' "$log" | sed 's/^/  /'
	echo "  $(tail -1 "$log")"
done

echo "== every message"
sh tests/msgcheck.sh "$DECKPRESS_MSG_LOG" >"$log" 2>&1; count $? msgcheck
grep -E '^FAIL' "$log" | sed 's/^/  /'
echo "  $(tail -1 "$log")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
