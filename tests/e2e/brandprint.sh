#!/bin/sh
# Branding for print shops and in the booklet (issue 13): a branded deck in every design, with
# coloured SVG icons, a PNG icon with transparency, card images (RGB and RGBA PNG, an SVG) and
# a team logo (PNG and SVG), made as PDF/X-4 and PDF/X-1a and measured (pdfcheck.py pdfx:
# every colour CMYK, images CMYK or grey, X-1a without transparency; the deck's own CMYK
# used for an SVG's colour; rendered against the RGB file); SVGs PDF/X cannot hold refused
# with their file and line; the booklet's category icons at chapter openings and card entries,
# read back with tagcheck.py (artifacts, the structure unchanged, PDF/UA rules), in PDF/X too.
. tests/e2e/lib.sh
PY="/usr/bin/python3 tests/e2e/pdfcheck.py"
TAG="/usr/bin/python3 tests/e2e/tagcheck.py"
B=tests/regress/layout/brand
P=$TMP/p; mkdir -p $P/icons
cp $B/*.yaml $B/*.png $P/; cp $B/icons/*.svg $P/icons/

png() { # FILE W H: an RGBA PNG, a disc in a colour on a transparent ground
	/usr/bin/python3 - "$@" <<'PYEOF'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = []
for y in range(h):
    row = bytearray(b"\0")
    for x in range(w):
        inside = (x - w / 2) ** 2 + (y - h / 2) ** 2 < (min(w, h) / 2.2) ** 2
        row += bytes((40, 140, 90, 255) if inside else (255, 255, 255, 0))
    rows.append(bytes(row))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))
PYEOF
}
png $P/alpha-icon.png 96 96
png $P/alpha-photo.png 800 450
# a coloured icon: the accent, whose CMYK the deck gives, and a colour it does not
cat >$P/icons/brand.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">
  <circle cx="24" cy="24" r="23" fill="#e8a33d"/>
  <path d="M10 24h28" stroke="#146e5a" stroke-width="4"/>
</svg>
EOF
cat >$P/logo.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">
  <rect x="2" y="2" width="36" height="36" rx="6" fill="#ffffff"/>
  <path d="M46 10h70v6H46zM46 24h50v6H46z" fill="#ffffff"/>
</svg>
EOF
# the brand deck: icons SVG (one coloured) and PNG, images RGB, RGBA and SVG
sed -e 's#icons/ask.svg#icons/brand.svg#' -e 's#icons/link.svg#alpha-icon.png#' \
	-e 's#^  - id: V1$#  - id: V1\n    image: alpha-photo.png#' \
	-e 's#^  - id: V2$#  - id: V2\n    image: icons/eye.svg#' $B/cards.yaml >$P/cards.yaml
for l in classic minimal icon; do
	printf 'include: [cards.yaml]\ndeck:\n  title: Seeing the customer\n  language: en\ntheme:\n  layout: %s\n  numbering: deck\n  colors:\n    accent: {rgb: "#e8a33d", cmyk: [0, 35, 80, 5]}\ncards: []\n' \
		$l >$P/$l.yaml
done
"$BIN" check $P/classic.yaml >/dev/null 2>$TMP/err; expect_eq "the brand deck checks" $? 0

# --- cards: every design, both levels ---
for l in classic minimal icon; do
	"$BIN" cards $P/$l.yaml --sheet none -o $P/$l-rgb.pdf 2>$TMP/err
	expect_eq "$l RGB: exit 0" $? 0
	for x in x4 x1a; do
		"$BIN" cards $P/$l.yaml --sheet none --pdfx=$x -o $P/$l-$x.pdf 2>$TMP/err
		expect_eq "$l $x: exit 0" $? 0
		expect "$l $x: PDF/X rules" $PY pdfx $P/$l-$x.pdf $x
		expect "$l $x: colours as in RGB" $PY render $P/$l-$x.pdf $P/$l-rgb.pdf 2 5
		$PY inks $P/$l-$x.pdf >$P/inks-$l-$x
		expect_grep "$l $x: the SVG's accent prints as the deck's CMYK" '^k 0 0.35 0.8 0.05 ' $P/inks-$l-$x
		expect_grep "$l $x: its other colour converted by the profile" '^K [0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+ ' $P/inks-$l-$x
		pdfimages -list $P/$l-$x.pdf | awk 'NR > 2' >$P/img-$l-$x
		expect_eq "$l $x: every image CMYK or grey" "$(awk '$3 == "image" && $6 != "cmyk" && $6 != "gray"' $P/img-$l-$x | wc -l)" 0
		qpdf --check $P/$l-$x.pdf >/dev/null 2>&1; expect_eq "$l $x: qpdf --check" $? 0
	done
	expect_grep "$l X-4 keeps the PNG's transparency" "smask" $P/img-$l-x4
	grep -q smask $P/img-$l-x1a && fail "$l X-1a: a soft mask left" || ok
	expect_eq "$l: the SVG image and icons leave no image; photos and the PNG icon do" \
		"$(awk '$3 == "image"' $P/img-$l-x4 | wc -l)" \
		"$(pdfimages -list $P/$l-rgb.pdf | awk 'NR > 2 && $3 == "image"' | wc -l)"
done
# the PNG icon on its band and back, the photo, the RGBA photo: 2 cards of that category
expect_eq "classic: images drawn" "$(awk '$3 == "image"' $P/img-classic-x4 | wc -l)" 6

# --- team logos, PNG and SVG, as PDF/X (the cards; a team's booklet is for screens) ---
cp decks/logos/noord.png $P/noord.png
printf 'deck: %s.yaml\nprint:\n  sheet: a4\nteams:\n  - name: Team Noord\n    logo: noord.png\n  - name: Team Vector\n    logo: logo.svg\n' \
	classic >$P/teams.yaml
for x in x4 x1a; do
	"$BIN" build $P/teams.yaml --pdfx=$x -o $P/b$x -q 2>$TMP/err; expect_eq "build --pdfx=$x" $? 0
	for t in team-noord team-vector; do
		expect "$t $x: printshop.pdf PDF/X" $PY pdfx $P/b$x/$t/printshop.pdf $x
	done
done
"$BIN" build $P/teams.yaml -o $P/brgb -q 2>$TMP/err; expect_eq "build RGB" $? 0
expect "SVG logo x1a: colours as in RGB" $PY render $P/bx1a/team-vector/printshop.pdf \
	$P/brgb/team-vector/printshop.pdf 2 5
n_noord=$(pdfimages -list $P/brgb/team-noord/cards.pdf | awk 'NR > 2 && $3 == "image"' | wc -l)
n_vec=$(pdfimages -list $P/brgb/team-vector/cards.pdf | awk 'NR > 2 && $3 == "image"' | wc -l)
expect_eq "an SVG logo is vectors: a PNG logo's 6 images fewer" "$((n_noord - n_vec))" 6
$TAG tree $P/brgb/team-vector/booklet.pdf >$P/vec-tree
expect_eq "the SVG logo on the booklet cover: a Figure with its text" "$(sed -n 2p $P/vec-tree)" \
	"  Figure alt='Logo of Team Vector'"
expect "team-vector booklet: PDF/UA rules" $TAG check $P/brgb/team-vector/booklet.pdf

# --- one transparent PNG over many inks, PDF/X-1a: flattened once per ink beneath it (a copy of
# the image for each), in a small deck and in one drawn in parts, whose identical images the
# merge shares (that once stopped a 300-card deck: "no single plate beneath it") ---
expect "team-noord x1a: the PNG logo flattened onto each back's ink" $PY flat $P/bx1a/team-noord/printshop.pdf 240x240,96x96
awk -v n=300 -f bench/gen_deck.awk |
	sed 's#^\(  - {id: c[0-9].*\)}$#\1, icon: alpha-icon.png}#' >$P/many.yaml
expect_eq "the generated deck names its icon 6 times" "$(grep -c 'icon: alpha-icon.png' $P/many.yaml)" 6
printf 'deck: many.yaml\nteams:\n  - name: Team Noord\n    logo: noord.png\n' >$P/teams-many.yaml
for j in 1 2; do
	"$BIN" build $P/teams-many.yaml --pdfx=x1a -j $j -o $P/many$j -q 2>$TMP/err
	expect_eq "300 cards, a PNG icon and logo over 6 inks, x1a, -j $j: exit 0" $? 0
	expect "300 cards x1a -j $j: PDF/X rules" $PY pdfx $P/many$j/team-noord/printshop.pdf x1a
	expect "300 cards x1a -j $j: each image flattened onto its own ink" $PY flat $P/many$j/team-noord/printshop.pdf 240x240,96x96
done
expect_eq "300 cards x1a: one icon and one logo image per ink" \
	"$(pdfimages -list $P/many1/team-noord/printshop.pdf | awk 'NR > 2 {print $11}' | sort -u | wc -l)" 12
cmp -s $P/many1/team-noord/printshop.pdf $P/many2/team-noord/printshop.pdf && ok ||
	fail "300 cards x1a: -j 1 and -j 2 differ"

# --- SVG colours in every form Cairo writes them: an opaque grey (black, white) is one
# number there ("0 g"); an SVG far smaller than a unit still has its colours known; an SVG
# whose background reaches far left of its picture is drawn (Cairo's CairoScript writer,
# which the colour scan once went through, stopped the program on it: an assertion) ---
cat >$P/icons/greys.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" style="fill:#5a5;stroke:#000;stroke-width:3"/><circle cx="24" cy="24" r="12" fill="#808080"/><circle cx="24" cy="24" r="5" fill="white"/></svg>
EOF
cat >$P/icons/tiny.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="0.01" height="0.01" viewBox="0 0 10 10"><rect width="10" height="10" fill="#3366cc"/></svg>
EOF
cat >$P/icons/wide.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48"><rect x="-20000" y="-10" width="30000" height="70" fill="#2d6a4f"/><circle cx="24" cy="24" r="10" fill="#ffffff"/></svg>
EOF
sed -e 's#icons/eye.svg#icons/greys.svg#' -e 's#alpha-icon.png#icons/tiny.svg#' \
	-e 's#icons/brand.svg#icons/wide.svg#' $P/cards.yaml >$P/cards-greys.yaml
sed 's#cards.yaml#cards-greys.yaml#' $P/classic.yaml >$P/greys.yaml
sed 's#x="-20000" y="-10" width="30000"#x="0" y="-10" width="48"#' $P/icons/wide.svg >$P/icons/wide-in.svg
cmp -s $P/icons/wide.svg $P/icons/wide-in.svg && fail "the copy kept inside itself is the same file" || ok
sed 's#icons/wide.svg#icons/wide-in.svg#' $P/cards-greys.yaml >$P/cards-in.yaml
sed 's#cards.yaml#cards-in.yaml#' $P/classic.yaml >$P/in.yaml
for x in x4 x1a; do
	"$BIN" cards $P/greys.yaml --sheet none --pdfx=$x -o $P/greys-$x.pdf 2>$TMP/err
	expect_eq "SVGs in black, grey and white, tiny, far-reaching, $x: exit 0" $? 0
	expect "black, grey, white, a tiny and a far-reaching SVG, $x: PDF/X rules" $PY pdfx $P/greys-$x.pdf $x
	$PY inks $P/greys-$x.pdf >$P/inks-greys-$x
	expect_grep "greys $x: the SVG's black stroke is black ink only" '^K 0 0 0 1 ' $P/inks-greys-$x
	expect_grep "greys $x: the tiny SVG's blue is an ink" '^k 0\.[0-9]+ 0\.[0-9]+ 0 ' $P/inks-greys-$x
	# the same picture kept inside itself gives the same inks
	"$BIN" cards $P/in.yaml --sheet none --pdfx=$x -o $P/in-$x.pdf 2>$TMP/err
	$PY inks $P/in-$x.pdf >$P/inks-in-$x
	expect "greys $x: the far-reaching SVG's inks are those of the same SVG kept inside itself" \
		cmp $P/inks-greys-$x $P/inks-in-$x
done

# --- what PDF/X cannot hold: refused, with the file and line ---
cat >$P/icons/grad.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>
EOF
cat >$P/icons/glass.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#146e5a" opacity="0.5"/></svg>
EOF
for k in grad glass; do sed "s#icons/eye.svg#icons/$k.svg#" $P/classic.yaml >$P/$k.yaml; done
sed "s#icons/eye.svg#icons/grad.svg#" $P/cards.yaml >$P/cards-grad.yaml
sed "s#cards.yaml#cards-grad.yaml#" $P/classic.yaml >$P/grad.yaml
sed "s#icons/eye.svg#icons/glass.svg#" $P/cards.yaml >$P/cards-glass.yaml
sed "s#cards.yaml#cards-glass.yaml#" $P/classic.yaml >$P/glass.yaml
"$BIN" cards $P/grad.yaml --sheet none -o $P/g-rgb.pdf 2>$TMP/err; expect_eq "a gradient without PDF/X: fine" $? 0
for x in x4 x1a; do
	"$BIN" cards $P/grad.yaml --sheet none --pdfx=$x -o $P/g.pdf 2>$TMP/err
	expect_eq "a gradient icon, $x: refused" $? 1
	expect_grep "gradient named with file and line" "cards-grad.yaml:15:11: error: icon 'icons/grad.svg' uses a gradient, a pattern or a mask, which deckpress cannot put into a PDF/X" $TMP/err
done
expect_grep "with what to do" "note: draw it with flat, opaque colours" $TMP/err
[ ! -e $P/g.pdf ] && ok || fail "a refused PDF/X left a file"
"$BIN" cards $P/glass.yaml --sheet none --pdfx=x4 -o $P/gl4.pdf 2>$TMP/err
expect_eq "opacity in an SVG: PDF/X-4 keeps it" $? 0
expect "opacity, X-4: PDF/X rules" $PY pdfx $P/gl4.pdf x4
"$BIN" cards $P/glass.yaml --sheet none --pdfx=x1a -o $P/gl1.pdf 2>$TMP/err
expect_eq "opacity in an SVG, X-1a: refused" $? 1
expect_grep "transparency named" "icon 'icons/glass.svg' uses transparency \(opacity or a blend mode\), which deckpress cannot put into a PDF/X-1a:2001 file" $TMP/err
printf 'print:\n  pdfx: x1a\n' | cat $P/glass.yaml - >$P/glass-x1a.yaml
"$BIN" check $P/glass-x1a.yaml >/dev/null 2>$TMP/err; expect_eq "check knows the deck's print.pdfx" $? 1
expect_grep "check names it too" "icons/glass.svg' uses transparency" $TMP/err
"$BIN" booklet $P/glass.yaml --pdfx=x1a -o $P/glb.pdf 2>$TMP/err
expect_eq "the booklet refuses it as well" $? 1

# --- the booklet's icons: chapter openings and card entries, artifacts ---
"$BIN" booklet $P/classic.yaml -o $P/bk.pdf 2>$TMP/err; expect_eq "booklet with icons: exit 0" $? 0
expect "booklet with icons: PDF/UA rules" $TAG check $P/bk.pdf
expect "booklet with icons: card entries in order" $TAG order $P/classic.yaml en $P/bk.pdf
grep -v '^    icon: ' $P/cards.yaml >$P/cards-plain.yaml
sed 's#cards.yaml#cards-plain.yaml#' $P/classic.yaml >$P/plain.yaml
"$BIN" booklet $P/plain.yaml -o $P/bk-plain.pdf 2>$TMP/err
$TAG tree $P/bk.pdf >$P/tree-icons; $TAG tree $P/bk-plain.pdf >$P/tree-plain
expect "the icons add nothing to the structure a reader hears" cmp $P/tree-icons $P/tree-plain
$TAG paint $P/bk.pdf >$P/paint; $TAG paint $P/bk-plain.pdf >$P/paint-plain
tr ';' '\n' <$P/paint | grep -v artifact | grep -qE '[1-9][0-9]* (images|shapes)' &&
	fail "an icon inside tagged content: $(cat $P/paint)" || ok
$TAG paint $P/brgb/team-vector/booklet.pdf >$P/paint-logo
expect_grep "the checker sees the cover logo's shapes in its Figure" '^page 1: .*Figure: 0 images, [1-9][0-9]* shapes' $P/paint-logo
# Connection's chapter: its PNG icon at the opening and before each of its 2 cards
expect_eq "PNG icon: 3 images, all artifacts" "$(grep -o 'artifact: [0-9]* images' $P/paint | awk '{s += $2} END {print s}')" 3
shapes() { sed 's/.*artifact: [0-9]* images, \([0-9]*\) shapes.*/\1/' "$1" | awk '{s += $1} END {print s}'; }
[ "$(shapes $P/paint)" -gt "$(shapes $P/paint-plain)" ] && ok || fail "SVG icons drew no artifact shapes"
pdftotext $P/bk.pdf - | tr -s ' \n' ' ' >$P/bk.txt; pdftotext $P/bk-plain.pdf - | tr -s ' \n' ' ' >$P/bk-plain.txt
expect "the booklet's text is the same with icons" cmp $P/bk.txt $P/bk-plain.txt
pdftotext -bbox-layout $P/bk.pdf $P/bk.html; pdftotext -bbox-layout $P/bk-plain.pdf $P/bk-plain.html
id_x() { grep -o '<word xMin="[0-9.]*" yMin="[0-9.]*" xMax="[0-9.]*" yMax="[0-9.]*">Q1</word>' "$1" | sed 's/.*xMin="\([0-9.]*\)".*/\1/'; }
expect_eq "the id moves right of its icon" "$(awk -v a="$(id_x $P/bk.html)" -v b="$(id_x $P/bk-plain.html)" 'BEGIN {print (a - b > 8 && a - b < 20)}')" 1
for x in x4 x1a; do
	"$BIN" booklet $P/classic.yaml --bleed 3 --pdfx=$x -o $P/bk-$x.pdf 2>$TMP/err
	expect_eq "booklet with icons $x: exit 0" $? 0
	expect "booklet with icons $x: PDF/X rules" $PY pdfx $P/bk-$x.pdf $x
done
"$BIN" booklet $P/classic.yaml --impose saddle --pdfx=x1a -o $P/bk-sheets.pdf 2>$TMP/err
expect "saddle-stitch sheets with icons, X-1a" $PY pdfx $P/bk-sheets.pdf x1a
"$BIN" booklet $P/classic.yaml -o $P/bk2.pdf && cmp -s $P/bk.pdf $P/bk2.pdf && ok || fail "booklet with icons: two runs differ"
"$BIN" cards $P/icon.yaml --pdfx=x1a --sheet none -o $P/r2.pdf 2>/dev/null
cmp -s $P/icon-x1a.pdf $P/r2.pdf && ok || fail "PDF/X-1a with pictures: two runs differ"
finish
