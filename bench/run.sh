#!/bin/sh
# make bench: deckpress against the floor (bench/floor.c, the plain job: libyaml, one Pango
# layout per card face, Cairo PDF, one core) on generated decks of 100, 1,000 and 10,000
# cards (A4 sheets, 9 poker cards each, backs, crop marks; fitting and Dutch hyphenation
# on), with -j 1 and the default -j (every core); then the print-shop and PDF/X paths, the
# booklet, the cards with icons, the cards with a photo, previews and a build of 20 teams;
# `check` at each size (-j 1 and every core); the booklet, the print shop and the spreadsheet round trip of 10,000 cards too.
# Prints wall time, CPU time (user + system, every process), peak RSS (the largest process)
# and cost per 1,000 cards, with the ratio to the floor.
#   QUICK=1  only 100 and 1,000 cards, no build, one run each (a minute or less)
#   RUNS=N   runs per measurement, the fastest kept (default 3; QUICK: 1)
# Results go to stdout and bench/out/results.txt. Wall times need an idle machine: the load
# average is printed before and after; CPU times and ratios of CPU times vary less.
: "${BIN:=./deckpress}" "${FLOOR:=build/floor}"
set -e
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)"; exit 1; }
[ -x "$FLOOR" ] || { echo "bench: no $FLOOR: run 'make bench'"; exit 1; }
if [ -n "$QUICK" ]; then sizes="100 1000"; : "${RUNS:=1}"; else sizes="100 1000 10000"; : "${RUNS:=3}"; fi
export SOURCE_DATE_EPOCH=0
mkdir -p bench/out
out=bench/out/results.txt
load() { cut -d' ' -f1-3 /proc/loadavg; }
{
	echo "deckpress $("$BIN" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "load average before: $(load); runs per measurement: $RUNS (fastest kept)"
	printf '%-30s %7s %7s %9s %10s %13s\n' "run" "wall s" "CPU s" "peak RSS" "s/1000" "vs floor"
} | tee "$out"

# measure LABEL N COMMAND...: sets wall, cpu, rss (fastest of $RUNS runs by wall time)
measure() {
	label=$1 n=$2; shift 2
	best=
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %U %S %M" -o bench/out/time "$@" >/dev/null
		read -r w u s m <bench/out/time
		if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$w wall=$w cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') rss=$m
		fi
		i=$((i + 1))
	done
}
# row LABEL N [FLOOR_WALL FLOOR_CPU]: prints the last measurement, with ratios to the floor
row() {
	awk -v l="$1" -v n="$2" -v w="$wall" -v c="$cpu" -v r="$rss" -v fw="$3" -v fc="$4" 'BEGIN {
		vs = fw ? sprintf("%.2fx (CPU %.2fx)", w / fw, c / fc) : ""
		printf "%-30s %7.2f %7.2f %6.1f MB %10.3f %s\n", l, w, c, r / 1024, w * 1000 / n, vs }' | tee -a "$out"
}

for n in $sizes; do
	deck=bench/out/deck-$n.yaml
	awk -v n="$n" -f bench/gen_deck.awk >"$deck"
	measure floor "$n" "$FLOOR" "$deck" bench/out/floor-$n.pdf
	fw=$wall fc=$cpu
	row "floor, $n cards" "$n"
	measure cards "$n" "$BIN" cards "$deck" -j 1 -o bench/out/cards-$n-j1.pdf
	row "cards, $n, -j 1" "$n" "$fw" "$fc"
	measure cards "$n" "$BIN" cards "$deck" -o bench/out/cards-$n.pdf
	row "cards, $n, -j $(nproc)" "$n" "$fw" "$fc"
	cmp -s bench/out/cards-$n-j1.pdf bench/out/cards-$n.pdf || echo "bench: -j 1 and -j $(nproc) differ for $n cards!"
	# what an author runs at every save: every card typeset, every character checked
	for j in 1 "$(nproc)"; do
		measure check "$n" "$BIN" check -q -j "$j" "$deck"
		row "check, $n, -j $j" "$n"
	done
	if [ "$n" = 1000 ]; then
		f1000w=$fw f1000c=$fc
	fi
done

# The other paths, on 1,000 cards (ratios against the floor's 1,000 sheets all the same).
deck=bench/out/deck-1000.yaml
measure shop 1000 "$BIN" cards "$deck" --sheet none -o bench/out/shop-1000.pdf
row "print shop, 1000" 1000 "$f1000w" "$f1000c"
if "$BIN" cards --help | grep -q -- '--pdfx'; then
	measure pdfx 1000 "$BIN" cards "$deck" --sheet none --pdfx -o bench/out/pdfx-1000.pdf
	row "print shop PDF/X, 1000" 1000 "$f1000w" "$f1000c"
fi
measure booklet 1000 "$BIN" booklet "$deck" -o bench/out/booklet-1000.pdf
row "booklet, 1000 cards" 1000

# The same 1,000 cards branded: category icons (SVGs and a transparent PNG, on fronts and backs).
mkdir -p bench/out/icons
cp tests/regress/layout/brand/icons/*.svg bench/out/icons/
cp decks/logos/noord.png bench/out/
awk -v n=1000 -v icons=1 -f bench/gen_deck.awk >bench/out/deck-1000-icons.yaml
for j in 1 "$(nproc)"; do
	measure icons 1000 "$BIN" cards bench/out/deck-1000-icons.yaml -j "$j" -o bench/out/icons-1000.pdf
	row "cards with icons, 1000, -j $j" 1000 "$f1000w" "$f1000c"
done
measure icons 1000 "$BIN" cards bench/out/deck-1000-icons.yaml --sheet none --pdfx=x1a \
	-o bench/out/icons-x1a-1000.pdf
row "icons, print shop X-1a, 1000" 1000 "$f1000w" "$f1000c"

# The same cards with a photo (960 x 540 pixels) on every question card: 333 cards, one file.
cp tests/regress/layout/brand/landscape.png bench/out/photo.png
awk -v n=1000 -v photos=1 -f bench/gen_deck.awk >bench/out/deck-1000-photos.yaml
for j in 1 "$(nproc)"; do
	measure photos 1000 "$BIN" cards bench/out/deck-1000-photos.yaml -j "$j" -o bench/out/photos-1000.pdf
	row "cards with a photo, 1000, -j $j" 1000 "$f1000w" "$f1000c"
done

# Previews of 100 cards at 300 dpi: 200 faces and the contact sheet as PNG files.
for j in 1 "$(nproc)"; do
	rm -rf bench/out/preview
	measure preview 100 "$BIN" preview bench/out/deck-100.yaml -o bench/out/preview -j "$j" -q
	row "preview, 100 cards, -j $j" 100
done

if [ -z "$QUICK" ]; then
	# The spreadsheet round trip of 10,000 cards (for translators)
	measure export 10000 "$BIN" export bench/out/deck-10000.yaml -o bench/out/deck-10000.csv
	row "export, 10000 cards" 10000
	measure import 10000 "$BIN" import bench/out/deck-10000.csv --base bench/out/deck-10000.yaml \
		-o bench/out/import-10000.yaml
	row "import, 10000 cards" 10000
fi

if [ -z "$QUICK" ]; then
	# The booklet and the print shop at 10,000 cards too: does their cost per card stay flat?
	deck=bench/out/deck-10000.yaml
	measure booklet 10000 "$BIN" booklet "$deck" -o bench/out/booklet-10000.pdf
	row "booklet, 10000 cards" 10000
	measure shop 10000 "$BIN" cards "$deck" --sheet none -o bench/out/shop-10000.pdf
	row "print shop, 10000" 10000
fi

if [ -z "$QUICK" ]; then
	# 20 teams from the workshop deck, every other one in English, each getting cards,
	# print-shop cards, booklet, saddle booklet, contact sheet; s/1000 is then per 1000 teams.
	{
		echo "deck: ../../decks/workshop.yaml"
		echo "teams:"
		i=1
		while [ $i -le 20 ]; do
			echo "  - name: Team $i"
			[ $((i % 2)) -eq 0 ] && echo "    language: en"
			[ $((i % 3)) -eq 0 ] && echo "    select: \"type:quote,question\""
			i=$((i + 1))
		done
	} >bench/out/teams-20.yaml
	for j in 1 "$(nproc)"; do
		rm -rf bench/out/teams-j$j
		measure build 20 "$BIN" build bench/out/teams-20.yaml -o bench/out/teams-j$j -j "$j" -q \
			--allow-read decks
		row "build, 20 teams, -j $j" 20
	done
	# check of the same teams (the ten without a language of their own in both of the deck's):
	# one process per team and language, each with workers for its cards when -j leaves room
	for j in 1 "$(nproc)"; do
		measure check 20 "$BIN" check -q -j "$j" bench/out/teams-20.yaml --allow-read decks
		row "check, 20 teams, -j $j" 20
	done
fi
echo "load average after: $(load)" | tee -a "$out"
