#!/bin/sh
# Line coverage of the fuzzers' corpora: each target runs every input of its seeds and of
# what make fuzz kept (FUZZBUILD/corpus/), once; llvm-cov then reports per source file.
# Usage: coverage.sh COVBUILD FUZZBUILD TARGET...
cov=$1 fuzz=$2
shift 2
export DECKPRESS_DATA="$PWD"
rm -f "$cov"/*.profraw
for t in "$@"; do
	c=${t#fuzz_}
	LLVM_PROFILE_FILE="$cov/$c.profraw" "$cov/fuzz/$t" -runs=0 -rss_limit_mb=4096 \
		tests/fuzz/corpus/$c $(test -d "$fuzz/corpus/$c" && echo "$fuzz/corpus/$c") >/dev/null 2>&1
	llvm-profdata-14 merge -o "$cov/$c.profdata" "$cov/$c.profraw"
	echo "== $t: lines covered, per file it is about"
	llvm-cov-14 report "$cov/fuzz/$t" -instr-profile="$cov/$c.profdata" src/*.c 2>/dev/null |
		awk 'NR > 2 && $1 ~ /\.c$/ && $10 + 0 > 0 { printf "  %-24s %7s of %4d lines\n", $1, $10, $8 }'
done
