#!/bin/sh
# Run each libFuzzer target: first over every seed (tests/fuzz/corpus/TARGET/) and every
# input found before (BUILD/corpus/TARGET/), then for SECONDS more. A crash, a timeout or a
# leak fails the run; libFuzzer keeps the input in BUILD/artifacts/ (turn it into a regress
# fixture). Last line: "fuzz: N passed, N failed", as tests/run.sh counts.
# Usage: run.sh BUILD SECONDS TARGET...
build=$1 seconds=$2
shift 2
pass=0 fail=0
mkdir -p "$build/artifacts"
export DECKPRESS_DATA="$PWD" # the bundled fonts, for the card pipeline
# ASan keeps freed memory in a quarantine to catch use after free: 256 MB by default, which
# counts against -rss_limit_mb below. 64 MB keeps the limit about the program's own memory
# (fuzz_card passed 500 MB after 2,000 inputs with the default, peaks at 181 MB with 16 MB).
asan="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in "$@"; do
	seeds=tests/fuzz/corpus/${t#fuzz_}
	work=$build/corpus/${t#fuzz_}
	mkdir -p "$work"
	log=$build/$t.log
	# fuzz_long's texts of up to 80 KB leave more in the quarantine and in ASan's size classes:
	# 64 MB took it past 500 MB after 1,000 inputs (one input alone: 150 MB; without ASan
	# its whole corpus stays at 59 MB); 16 MB: 293 MB for that corpus
	q=64
	[ "$t" = fuzz_long ] && q=16
	export ASAN_OPTIONS="$asan:quarantine_size_mb=$q"
	# -timeout: one input over 10 s is a hang; -rss_limit_mb: over 500 MB is a memory bomb
	if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=500 \
		-max_len=65536 -artifact_prefix="$build/artifacts/$t-" -print_final_stats=1 \
		"$work" "$seeds" >"$log" 2>&1; then
		pass=$((pass + 1))
		# "#123456 DONE cov: 4567 ft: 12345 corp: 678/90Kb ...": runs, edges, features, corpus
		echo "  $t: $(grep -aE '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | sed 's/[[:space:]][[:space:]]*/ /g')"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz: $t (log: $log)"
		grep -E 'ERROR|SUMMARY|artifact|Test unit written' "$log" | head -10 | sed 's/^/    /'
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
