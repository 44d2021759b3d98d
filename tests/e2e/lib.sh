# Shared helpers for end-to-end scripts: source it, call ok/fail/expect_*, end with finish.
: "${BIN:=./deckpress}"
PASS=0 FAIL=0
SUITE=$(basename "$0" .sh)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok() { PASS=$((PASS + 1)); }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $SUITE: $*"; }
expect() { # description, command...: the command must succeed
	_what=$1; shift
	if "$@" >"$TMP/.expect" 2>&1; then ok; else fail "$_what"; sed 's/^/    /' "$TMP/.expect" | head -5; fi
}
flat_text() { # PDF -> its text on one line, spaces folded (words split by line breaks rejoin)
	pdftotext "$1" - | tr '\n' ' ' | tr -s ' '
}
card_count() { # DECK -> number of cards, from deckpress check's summary
	"$BIN" check "$1" | sed -n 's/.*: \([0-9]*\) cards\{0,1\} (.*/\1/p'
}
expect_eq() { # description, got, want
	if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', want '$3'"; fi
}
expect_grep() { # description, pattern, file
	if grep -qE -- "$2" "$3"; then ok; else fail "$1: /$2/ not in $3"; sed 's/^/    /' "$3" | head -5; fi
}
worker_of() { # PID: waits (up to 5 s) for PID's first child, a worker process; prints its pid.
	# A signal sent once it exists reaches a run in the middle, however fast the machine.
	_i=0
	while [ $_i -lt 500 ]; do
		_w=$(pgrep -P "$1" | head -1)
		[ -n "$_w" ] && { echo "$_w"; return; }
		sleep 0.01
		_i=$((_i + 1))
	done
}
finish() {
	echo "$SUITE: $PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
