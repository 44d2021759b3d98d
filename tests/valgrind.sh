#!/bin/sh
# make valgrind: run deckpress on the bundled decks and every fixture under valgrind; any
# memory error or definite leak in our code fails. Library caches (fontconfig, Pango, GLib)
# are "still reachable", which valgrind does not count as definite.
: "${BIN:=./deckpress}" "${BUILD:=build}"
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)"; exit 1; }
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=tests/valgrind.supp --num-callers=30"
pass=0 fail=0 tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # description, command...
	d=$1; shift
	$VG "$@" >"$tmp/out" 2>"$tmp/err"
	if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: $d"; head -30 "$tmp/err"
	else pass=$((pass + 1)); fi
}
for f in decks/*.yaml tests/regress/check/*.yaml; do run "check $f" "$BIN" check "$f"; done
if "$BIN" --help | grep -q '^  cards '; then
	for f in decks/*.yaml; do run "cards $f" "$BIN" cards "$f" -o "$tmp/c.pdf"; done
	run "cards print shop" "$BIN" cards decks/example.yaml --sheet none -o "$tmp/c.pdf"
	run "cards PDF/X-4" "$BIN" cards decks/example.yaml --sheet none --pdfx -o "$tmp/c.pdf"
	run "cards PDF/X-1a sheets" "$BIN" cards decks/example.yaml --pdfx=x1a -o "$tmp/c.pdf"
	run "cards bad --icc" "$BIN" cards decks/example.yaml --pdfx --icc /usr/share/color/icc/sRGB.icc -o "$tmp/c.pdf"
	run "booklet for a print shop" "$BIN" booklet decks/example.yaml --bleed 3 --pdfx -o "$tmp/b.pdf"
	run "build PDF/X-1a (logos flattened)" "$BIN" build decks/teams.example.yaml --pdfx=x1a -o "$tmp/tx" -q
	# branding: every design with SVG icons and a photo, as RGB and both PDF/X levels; the
	# booklet's icons; an SVG team logo; a deck's own fonts
	for l in classic minimal icon; do
		run "cards $l design" "$BIN" cards tests/regress/layout/brand/$l.yaml -o "$tmp/c.pdf"
	done
	run "cards icon design PDF/X-1a" "$BIN" cards tests/regress/layout/brand/icon.yaml --sheet none --pdfx=x1a -o "$tmp/c.pdf"
	run "cards minimal design PDF/X-4" "$BIN" cards tests/regress/layout/brand/minimal.yaml --sheet none --pdfx -o "$tmp/c.pdf"
	run "booklet with icons, PDF/X-1a" "$BIN" booklet tests/regress/layout/brand/classic.yaml --bleed 3 --pdfx=x1a -o "$tmp/b.pdf"
	mkdir "$tmp/brand" && cp -r tests/regress/layout/brand/* "$tmp/brand/"
	printf 'deck: icon.yaml\nteams:\n  - {name: Vector, logo: icons/eye.svg}\n' >"$tmp/brand/teams.yaml"
	run "build with an SVG logo" "$BIN" build "$tmp/brand/teams.yaml" -o "$tmp/bt" -q
	DV=/usr/share/fonts/truetype/dejavu
	cp $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf $DV/DejaVuSerif-BoldItalic.ttf "$tmp/brand/"
	sed 's/^  numbering: deck$/  numbering: deck\n  serif: DejaVu Serif\n  fonts: [DejaVuSerif.ttf, DejaVuSerif-Italic.ttf, DejaVuSerif-Bold.ttf, DejaVuSerif-BoldItalic.ttf]/' \
		"$tmp/brand/classic.yaml" >"$tmp/brand/fonts.yaml"
	run "cards in a deck's own fonts" "$BIN" cards "$tmp/brand/fonts.yaml" -o "$tmp/c.pdf"
	run "preview icon design" "$BIN" preview tests/regress/layout/brand/icon.yaml -o "$tmp/pv" --dpi 40
	# three chunks drawn by two processes (the worker is checked too) and put together
	awk -v n=540 -f bench/gen_deck.awk >"$tmp/540.yaml"
	run "cards -j 2, three chunks" "$BIN" cards "$tmp/540.yaml" -j 2 -o "$tmp/c.pdf"
fi
if "$BIN" --help | grep -q '^  booklet '; then
	for f in decks/*.yaml; do run "booklet $f" "$BIN" booklet "$f" -o "$tmp/b.pdf"; done
fi
run "preview" "$BIN" preview decks/example.yaml -o "$tmp/png" --dpi 60
run "calibrate" "$BIN" calibrate -o "$tmp/cal.pdf"
run "build teams" "$BIN" build decks/teams.example.yaml -o "$tmp/teams" -q
run "init" "$BIN" init "$tmp/init" --lang en
run "check the starter" "$BIN" check "$tmp/init/deck.yaml" "$tmp/init/teams.yaml"
run "export" "$BIN" export decks/example.yaml -o "$tmp/x.csv"
run "import" "$BIN" import "$tmp/x.csv" --base decks/example.yaml --allow-read decks -o "$tmp/x.yaml"
printf 'id;type;text;tekst\nQ1;question;"a ""b""\n c"\nQ2;quiz;x\n' >"$tmp/bad.csv"
run "import errors" "$BIN" import "$tmp/bad.csv" -o "$tmp/y.yaml"
# watch: the first build, one save, SIGTERM (which ends it through its normal exit)
mkdir "$tmp/w" && cp decks/example.yaml decks/example-quote.txt "$tmp/w/"
$VG "$BIN" watch "$tmp/w/example.yaml" -o "$tmp/w/out" >"$tmp/wout" 2>"$tmp/werr" &
vg=$!
i=0; while [ ! -s "$tmp/w/out/contact.png" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
echo "# saved" >>"$tmp/w/example.yaml"
i=0; while ! grep -q 'saved at' "$tmp/werr" && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
sleep 3
kill -TERM $vg; wait $vg
if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: watch"; head -30 "$tmp/werr"
else pass=$((pass + 1)); fi
for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && run "$(basename "$t")" "$t"; done
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
