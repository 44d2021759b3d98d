#!/bin/sh
# The walk over every message of include/diag_msgs.h, from the log the suite's deckpress runs
# wrote (DECKPRESS_MSG_LOG: one line per process, "EXIT-CODE M_A M_B ..."):
#  - no process that reported an error-level message exited 0;
#  - every error-level message was reported by some run of the suite (a message no test
#    reaches is untested), except those listed in tests/msgs-unreached.txt with a reason.
log=$1
pass=0 fail=0
errors=$(sed -n 's/^MSG(\(M_[A-Z0-9_]*\), DIAG_ERROR,.*/\1/p' include/diag_msgs.h)
[ -n "$errors" ] || { echo "msgcheck: no error messages found in include/diag_msgs.h"; exit 1; }
[ -s "$log" ] || { echo "msgcheck: the message log $log is empty"; echo "msgcheck: 0 passed, 1 failed"; exit 1; }
for m in $errors; do
	# exit 0 after an error: the rule "an error always fails" is broken
	if grep -E "^0( |.* )$m( |\$)" "$log" >/dev/null; then
		fail=$((fail + 1)); echo "FAIL msgcheck: a run reported $m and exited 0"
	else
		pass=$((pass + 1))
	fi
	if grep -E " $m( |\$)" "$log" >/dev/null; then
		pass=$((pass + 1))
	elif grep -E "^$m " tests/msgs-unreached.txt >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL msgcheck: no test makes deckpress report $m"
	fi
done
# every exception must still exist and still be unreached
grep -v '^#' tests/msgs-unreached.txt 2>/dev/null | while read -r m why; do
	[ -z "$m" ] && continue
	echo "$errors" | grep -qx "$m" || echo "FAIL msgcheck: tests/msgs-unreached.txt lists $m, which is not an error message"
	grep -E " $m( |\$)" "$log" >/dev/null && echo "FAIL msgcheck: $m is reached now; remove it from tests/msgs-unreached.txt"
done >"$log.stale"
n=$(grep -c FAIL "$log.stale")
cat "$log.stale"; rm -f "$log.stale"
fail=$((fail + n))
echo "msgcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
