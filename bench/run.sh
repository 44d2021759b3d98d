#!/bin/sh
# make bench: render generated decks of 100, 1,000 and 10,000 cards (A4 sheets with backs,
# fitting and hyphenation on), and the booklet of the 1,000-card deck; print wall time, peak
# RSS and time per 1,000 cards. Results go to stdout and bench/out/results.txt.
: "${BIN:=./deckpress}"
set -e
mkdir -p bench/out
out=bench/out/results.txt
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)"; exit 1; }
{
	echo "deckpress $("$BIN" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
	printf '%-28s %8s %10s %12s\n' "run" "wall s" "peak RSS" "s/1000 cards"
} | tee "$out"
measure() { # label, cards, command...
	label=$1 n=$2; shift 2
	/usr/bin/time -f "%e %M" -o bench/out/time "$@" >/dev/null
	read -r wall rss <bench/out/time
	awk -v l="$label" -v w="$wall" -v r="$rss" -v n="$n" \
		'BEGIN { printf "%-28s %8.2f %7.1f MB %12.3f\n", l, w, r / 1024, w * 1000 / n }' | tee -a "$out"
}
for n in 100 1000 10000; do
	awk -v n=$n -f bench/gen_deck.awk >bench/out/deck-$n.yaml
	measure "cards, $n cards" $n "$BIN" cards bench/out/deck-$n.yaml -o bench/out/cards-$n.pdf
done
measure "cards, print shop, 1000" 1000 "$BIN" cards bench/out/deck-1000.yaml --sheet none -o bench/out/ps-1000.pdf
if "$BIN" --help | grep -q '^  booklet '; then
	measure "booklet, 1000 cards" 1000 "$BIN" booklet bench/out/deck-1000.yaml -o bench/out/booklet-1000.pdf
fi
