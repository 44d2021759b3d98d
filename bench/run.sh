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
	printf '%-28s %8s %10s %14s\n' "run" "wall s" "peak RSS" "cost"
} | tee "$out"
measure() { # label, count, unit, command...: cost is seconds per 1000 cards or per team
	label=$1 n=$2 unit=$3; shift 3
	/usr/bin/time -f "%e %M" -o bench/out/time "$@" >/dev/null
	read -r wall rss <bench/out/time
	awk -v l="$label" -v w="$wall" -v r="$rss" -v n="$n" -v u="$unit" \
		'BEGIN { k = u == "team" ? 1 : 1000; printf "%-28s %8.2f %7.1f MB %8.3f s/%s\n", l, w, r / 1024, w * k / n, u == "team" ? "team" : "1000" }' | tee -a "$out"
}
for n in 100 1000 10000; do
	awk -v n=$n -f bench/gen_deck.awk >bench/out/deck-$n.yaml
	measure "cards, $n cards" $n cards "$BIN" cards bench/out/deck-$n.yaml -o bench/out/cards-$n.pdf
done
measure "cards, print shop, 1000" 1000 cards "$BIN" cards bench/out/deck-1000.yaml --sheet none -o bench/out/ps-1000.pdf
measure "booklet, 1000 cards" 1000 cards "$BIN" booklet bench/out/deck-1000.yaml -o bench/out/booklet-1000.pdf
# 20 teams from the workshop deck, every other one in English: per team cards, print-shop
# cards, booklet, saddle booklet, contact sheet. The last column is then s per team.
{
	echo "deck: ../../decks/workshop.yaml"
	echo "teams:"
	i=1; while [ $i -le 20 ]; do
		echo "  - name: Team $i"
		[ $((i % 2)) -eq 0 ] && echo "    language: en"
		[ $((i % 3)) -eq 0 ] && echo "    select: \"type:quote,question\""
		i=$((i + 1))
	done
} >bench/out/teams-20.yaml
for j in 1 2; do
	rm -rf bench/out/teams-j$j
	measure "build, 20 teams, -j $j" 20 team "$BIN" build bench/out/teams-20.yaml -o bench/out/teams-j$j -j $j -q
done
