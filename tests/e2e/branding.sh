#!/bin/sh
# Branding (issue 13), measured on the PDFs: a deck's own font embedded (pdffonts), refused
# when its licence bits forbid embedding or a style the design needs is missing; SVG icons
# drawn as vectors (no raster image: pdfimages -list), PNG icons and card images as images,
# hostile SVGs refused; a low-resolution image warned about; numbering in the text
# (pdftotext); every word of every design inside the safe area, and every design's backs
# behind their fronts (pdftotext -bbox-layout); preview and the booklet.
. tests/e2e/lib.sh
PY="/usr/bin/python3 tests/e2e/pdfcheck.py"
B=tests/regress/layout/brand
DV=/usr/share/fonts/truetype/dejavu
[ -f $DV/DejaVuSerif.ttf ] || { fail "fonts-dejavu-core is needed (.ci/deps.sh)"; finish; exit 1; }
pdf_images() { pdfimages -list "$1" | awk 'NR > 2 && $3 == "image"' | wc -l; }

# --- a deck's own fonts ---
D=$TMP/fonts; mkdir -p $D
cp $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf \
	$DV/DejaVuSerif-BoldItalic.ttf $D/
deck_with_fonts() { # FILE FONTS...: a small deck set in DejaVu Serif from the given files
	f=$1; shift
	{ printf 'deck:\n  title: Own fonts\n  language: en\ntheme:\n  serif: DejaVu Serif\n  fonts: ['
	  sep=""; for x in "$@"; do printf '%s%s' "$sep" "$x"; sep=", "; done
	  printf ']\ncards:\n  - {id: Q1, type: question, text: "What would you do with <i>more</i> time?"}\n'
	  printf '  - {id: C1, type: case, title: A case, text: Something happened., question: What now?}\n'
	} >"$f"
}
deck_with_fonts $D/ok.yaml DejaVuSerif.ttf DejaVuSerif-Italic.ttf DejaVuSerif-Bold.ttf DejaVuSerif-BoldItalic.ttf
"$BIN" cards $D/ok.yaml -o $D/ok.pdf 2>$TMP/err; expect_eq "deck fonts: cards exit 0" $? 0
pdffonts $D/ok.pdf >$TMP/fonts.txt
expect_grep "pdffonts: the deck's DejaVu Serif, embedded" '^[A-Z]{6}\+DejaVuSerif +.* yes +yes' $TMP/fonts.txt
expect_grep "pdffonts: its bold italic (semibold italic question text)" '^[A-Z]{6}\+DejaVuSerif-BoldItalic .* yes ' $TMP/fonts.txt
grep -q 'Yrsa' $TMP/fonts.txt && fail "Yrsa still used with theme.serif: DejaVu Serif" || ok
"$BIN" booklet $D/ok.yaml -o $D/bk.pdf 2>$TMP/err; expect_eq "deck fonts: booklet exit 0" $? 0
expect_grep "booklet in the deck's font" '\+DejaVuSerif .* yes ' "$(pdffonts $D/bk.pdf >$TMP/bf.txt; echo $TMP/bf.txt)"
"$BIN" preview $D/ok.yaml -o $D/prev 2>$TMP/err; expect_eq "deck fonts: preview exit 0" $? 0

deck_with_fonts $D/regular.yaml DejaVuSerif.ttf
"$BIN" cards $D/regular.yaml -o $D/x.pdf 2>$TMP/err; expect_eq "a missing style fails" $? 1
expect_grep "missing semibold named" "regular.yaml:5:10: error: font family 'DejaVu Serif' has no semibold style, which the classic design uses for the deck title on the backs" $TMP/err
expect_grep "missing italic named" "has no italic style, which the classic design uses for the question of a case" $TMP/err
[ ! -e $D/x.pdf ] && ok || fail "no PDF after a missing style"
"$BIN" check --fit $D/regular.yaml 2>$TMP/err; expect_eq "check --fit: a missing style fails" $? 1

# A format character takes the font of the text around it: check's quick test (each
# character laid out alone) must lay such a text out whole, as cards does. Here U+FFF9 is in
# the deck's DejaVu Serif but not in Open Sans, the family of the text.
printf 'deck:\n  title: Format\n  language: nl\ntheme:\n  fonts: [DejaVuSerif.ttf]\n  serif: Open Sans\ncards:\n  - {id: Q1, type: question, text: "Wat is \\u0460\\uFFF9\\u0461 hier?"}\n' >$D/format.yaml
"$BIN" check $D/format.yaml 2>$TMP/err; expect_eq "a format character in a font of the deck: check fails" $? 1
expect_grep "and names it" "format.yaml:8:[0-9]+: error: card 'Q1': 'text': U\+FFF9 INTERLINEAR ANNOTATION ANCHOR" $TMP/err
"$BIN" cards $D/format.yaml -o $D/format.pdf 2>$TMP/err; expect_eq "as cards does" $? 1
# The same character in the card's own family (Yrsa), which lacks it, while the deck's font
# has it: the quick test passes the text, the card as laid out shows a box, and check says
# so as cards does.
printf 'deck:\n  title: Format\n  language: nl\ntheme:\n  fonts: [DejaVuSerif.ttf]\ncards:\n  - {id: Q1, type: question, text: "Wat is a\\uFFF9b hier?"}\n' >$D/format2.yaml
"$BIN" check $D/format2.yaml 2>$TMP/err; expect_eq "a box only the card shows: check fails" $? 1
expect_grep "at its place" "format2.yaml:7:[0-9]+: error: card 'Q1': 'text': U\+FFF9 INTERLINEAR ANNOTATION ANCHOR" $TMP/err
"$BIN" cards $D/format2.yaml -o $D/format2.pdf 2>$TMP/err; expect_eq "as cards does" $? 1

# licence bits: fsType 0x0002 (restricted) and 0x0100 (no subsetting), set with struct
fstype() { # SRC DST VALUE
	/usr/bin/python3 - "$@" <<'PYEOF'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
for i in range(struct.unpack('>H', b[4:6])[0]):
    tag, _, off, _ = struct.unpack('>4sIII', b[12 + 16 * i:28 + 16 * i])
    if tag == b'OS/2':
        b[off + 8:off + 10] = struct.pack('>H', int(sys.argv[3], 0))
open(sys.argv[2], 'wb').write(b)
PYEOF
}
fstype $DV/DejaVuSerif.ttf $D/Restricted.ttf 0x0002
fstype $DV/DejaVuSerif.ttf $D/NoSubset.ttf 0x0100
fstype $DV/DejaVuSerif.ttf $D/Print.ttf 0x0004
deck_with_fonts $D/lic.yaml Restricted.ttf NoSubset.ttf
"$BIN" check $D/lic.yaml 2>$TMP/err; expect_eq "licence bits: check fails" $? 1
expect_grep "restricted font refused" "lic.yaml:6:11: error: font 'Restricted.ttf' \(DejaVu Serif Book\) may not be embedded in a PDF: its licence bits \(OS/2 fsType 0x0002\) say restricted licence: no embedding" $TMP/err
expect_grep "no-subsetting font refused" "font 'NoSubset.ttf' .*fsType 0x0100\) say no subsetting" $TMP/err
deck_with_fonts $D/print.yaml Print.ttf DejaVuSerif-Italic.ttf DejaVuSerif-Bold.ttf DejaVuSerif-BoldItalic.ttf
"$BIN" cards $D/print.yaml -o $D/p.pdf 2>$TMP/err; expect_eq "preview & print embedding (0x0004) allowed" $? 0

# OpenType with CFF outlines (.otf), and a TrueType collection (.ttc) holding every style
UR=/usr/share/fonts/opentype/urw-base35
for s in Regular Italic Bold BoldItalic; do cp $UR/NimbusRoman-$s.otf $D/; done
sed -e 's/DejaVu Serif/Nimbus Roman/' -e 's/fonts: \[.*\]/fonts: [NimbusRoman-Regular.otf, NimbusRoman-Italic.otf, NimbusRoman-Bold.otf, NimbusRoman-BoldItalic.otf]/' \
	$D/ok.yaml >$D/otf.yaml
"$BIN" cards $D/otf.yaml -o $D/otf.pdf 2>$TMP/err; expect_eq "OpenType CFF fonts: exit 0" $? 0
expect_grep "pdffonts: the .otf embedded as CFF" '^[A-Z]{6}\+NimbusRoman-Regular +(CID )?Type (1C|0C) .* yes +yes' "$(pdffonts $D/otf.pdf >$TMP/otf.txt; echo $TMP/otf.txt)"
grep -q Yrsa $TMP/otf.txt && fail "Yrsa in a deck set in Nimbus Roman" || ok
# a character the deck's family lacks (Nimbus Roman has no schwa; Yrsa has) would print in
# another family: an error where it is written, never a silent fallback
sed 's/Something happened\./Somethi\xc9\x99ng happened./' $D/otf.yaml >$D/schwa.yaml
"$BIN" cards $D/schwa.yaml -o $D/schwa.pdf 2>$TMP/err; expect_eq "a character the family lacks: cards fails" $? 1
expect_grep "the character, its family, its place" "schwa.yaml:9:54: error: card 'C1': 'text': U\+0259 LATIN SMALL LETTER SCHWA \(.*\) is not in font family 'Nimbus Roman': it would print in another font" $TMP/err
[ ! -e $D/schwa.pdf ] && ok || fail "a PDF written with a fallback font"
"$BIN" check $D/schwa.yaml 2>$TMP/err; expect_eq "check: a character the family lacks" $? 1
expect_grep "check names it too" "is not in font family 'Nimbus Roman'" $TMP/err
ttc() { # OUT FONT...: a TrueType collection of the fonts, their tables moved behind one header
	/usr/bin/python3 - "$@" <<'PYEOF'
import struct, sys
fonts = [open(f, 'rb').read() for f in sys.argv[2:]]
dirs = [12 + 16 * struct.unpack('>H', f[4:6])[0] for f in fonts]
pos = 12 + 4 * len(fonts) + sum(dirs)
head, body = [b'ttcf' + struct.pack('>HHI', 1, 0, len(fonts))], []
starts = [12 + 4 * len(fonts) + sum(dirs[:i]) for i in range(len(fonts))]
head.append(b''.join(struct.pack('>I', s) for s in starts))
for f, d in zip(fonts, dirs):
    out = bytearray(f[:d])
    for i in range(struct.unpack('>H', f[4:6])[0]):
        tag, ck, off, ln = struct.unpack('>4sIII', f[12 + 16 * i:28 + 16 * i])
        struct.pack_into('>4sIII', out, 12 + 16 * i, tag, ck, pos, ln)
        body.append(f[off:off + ln] + b'\0' * (-ln % 4)); pos += ln + (-ln % 4)
    head.append(bytes(out))
open(sys.argv[1], 'wb').write(b''.join(head) + b''.join(body))
PYEOF
}
ttc $D/DejaVuSerif.ttc $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf $DV/DejaVuSerif-BoldItalic.ttf
deck_with_fonts $D/ttc.yaml DejaVuSerif.ttc
"$BIN" cards $D/ttc.yaml -o $D/ttc.pdf 2>$TMP/err; expect_eq "a TrueType collection: exit 0" $? 0
expect_grep "pdffonts: the collection's bold italic" '^[A-Z]{6}\+DejaVuSerif-BoldItalic .* yes ' "$(pdffonts $D/ttc.pdf >$TMP/ttc.txt; echo $TMP/ttc.txt)"
# every face of a collection is checked: its second face forbids embedding
ttc $D/Mixed.ttc $DV/DejaVuSerif.ttf $D/Restricted.ttf
deck_with_fonts $D/mixed.yaml Mixed.ttc DejaVuSerif-Italic.ttf DejaVuSerif-Bold.ttf DejaVuSerif-BoldItalic.ttf
"$BIN" cards $D/mixed.yaml -o $D/mixed.pdf 2>$TMP/err; expect_eq "a collection with a restricted face fails" $? 1
expect_grep "its restricted face named" "mixed.yaml:6:11: error: font 'Mixed.ttc' \(DejaVu Serif Book\) may not be embedded in a PDF: its licence bits \(OS/2 fsType 0x0002\)" $TMP/err
# what FreeType reads but Pango does not set text in: Type 1, WOFF; a font cut short
cp /usr/share/fonts/X11/Type1/NimbusRoman-Regular.pfb $D/
/usr/bin/python3 - $DV/DejaVuSerif.ttf $D/DejaVuSerif.woff <<'PYEOF'
import struct, sys, zlib
f = open(sys.argv[1], 'rb').read(); n = struct.unpack('>H', f[4:6])[0]
tables = [struct.unpack('>4sIII', f[12 + 16 * i:28 + 16 * i]) for i in range(n)]
pos, dirs, data = 44 + 20 * n, b'', b''
for tag, ck, off, ln in tables:
    z = zlib.compress(f[off:off + ln]); z = z if len(z) < ln else f[off:off + ln]
    dirs += struct.pack('>4sIIII', tag, pos, len(z), ln, ck)
    data += z + b'\0' * (-len(z) % 4); pos += len(z) + (-len(z) % 4)
hdr = struct.pack('>4s4sIHHI HH IIIII', b'wOFF', f[:4], pos, n, 0, len(f), 1, 0, 0, 0, 0, 0, 0)
open(sys.argv[2], 'wb').write(hdr + dirs + data)
PYEOF
head -c 5000 $DV/DejaVuSerif.ttf >$D/cut.ttf
deck_with_fonts $D/formats.yaml NimbusRoman-Regular.pfb DejaVuSerif.woff cut.ttf
"$BIN" check $D/formats.yaml 2>$TMP/err; expect_eq "Type 1, WOFF, a cut-short font: check fails" $? 1
expect_grep "Type 1 named for what it is" "font 'NimbusRoman-Regular.pfb' is a Type 1 \(PostScript\) font, which deckpress cannot use: take the font's OpenType" $TMP/err
expect_grep "WOFF named for what it is" "font 'DejaVuSerif.woff' is a web font \(WOFF\), which deckpress cannot use: convert it to .ttf or .otf" $TMP/err
expect_grep "a cut-short font is damaged" "font 'cut.ttf' is a damaged TrueType or OpenType font" $TMP/err
grep -q "has no regular style" $TMP/err && fail "a font file refused, then its style reported missing" || ok

echo "not a font" >$D/fake.ttf; echo x >$TMP/outside.ttf
deck_with_fonts $D/bad.yaml fake.ttf ../outside.ttf missing.ttf
"$BIN" check $D/bad.yaml 2>$TMP/err; expect_eq "bad font files fail" $? 1
expect_grep "not a font" "font 'fake.ttf' is not a TrueType or OpenType font" $TMP/err
expect_grep "font outside the folder" "'../outside.ttf' is outside the deck's folder" $TMP/err
expect_grep "missing font" "font 'missing.ttf' cannot be read: No such file or directory" $TMP/err
"$BIN" check --limit font-bytes=1000 $D/ok.yaml 2>$TMP/err; expect_eq "font-bytes limit" $? 1
expect_grep "font-bytes named" "font 'DejaVuSerif.ttf' has more than 1000 bytes: over a limit \(raise it with --limit font-bytes=N" $TMP/err
"$BIN" check --limit fonts=2 $D/ok.yaml 2>$TMP/err; expect_eq "fonts limit" $? 1
expect_grep "fonts limit named" "theme.fonts lists 4 files, more than 2: over a limit \(raise it with --limit fonts=N" $TMP/err

# --- icons and images ---
P=$TMP/pics; mkdir -p $P/icons
cp $B/cards.yaml $B/landscape.png $B/small.png $P/; cp $B/icons/*.svg $P/icons/
grep -v 'image: landscape.png' $B/cards.yaml >$P/svg_only.yaml
"$BIN" cards $P/svg_only.yaml -o $P/svg.pdf 2>$TMP/err; expect_eq "SVG icons: exit 0" $? 0
expect_eq "SVG icons leave no raster image" "$(pdf_images $P/svg.pdf)" 0
"$BIN" cards $P/svg_only.yaml --sheet none -o $P/svg1.pdf 2>$TMP/err
expect_eq "one card per page: still no raster image" "$(pdf_images $P/svg1.pdf)" 0
"$BIN" cards $P/cards.yaml -o $P/img.pdf 2>$TMP/err; expect_eq "a card image: exit 0" $? 0
expect_eq "the PNG card image is the only image" "$(pdf_images $P/img.pdf)" 1
qpdf --check $P/img.pdf >/dev/null 2>&1; expect_eq "qpdf --check with icons and an image" $? 0
sed 's#icons/eye.svg#small.png#' $P/svg_only.yaml >$P/png_icon.yaml
"$BIN" cards $P/png_icon.yaml -o $P/pngicon.pdf 2>$TMP/err; expect_eq "PNG icon: exit 0" $? 0
# two cards of that category on the sheet, front and back: one image each time it is drawn
expect_eq "a PNG icon is an image on the band and the back" "$(pdf_images $P/pngicon.pdf)" 4
qpdf --check $P/pngicon.pdf >/dev/null 2>&1; expect_eq "qpdf --check: a PNG icon drawn often" $? 0
sed 's#landscape.png#small.png#' $P/cards.yaml >$P/lowres.yaml
"$BIN" cards $P/lowres.yaml -o $P/low.pdf 2>$TMP/err; expect_eq "a low-resolution image is a warning" $? 0
expect_grep "ppi warning names the image and its ppi" "lowres.yaml:34:12: warning: card 'C1': image 'small.png' prints at 7[0-9] ppi \(56 x 2[0-9] mm from 160 x 90 pixels\), below 300 ppi" $TMP/err
grep -q "landscape.png" $TMP/err && fail "the 960-pixel image warned about" || ok
"$BIN" cards $P/cards.yaml -o $P/img.pdf 2>$TMP/err
grep -q "ppi" $TMP/err && fail "a 960 x 540 image on a poker card is above 300 ppi" || ok

svg() { printf '%s\n' "$2" >$P/icons/$1.svg; }
svg text '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="5">A</text></svg>'
svg nstext '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><svg:text>A</svg:text></svg:svg>'
svg href '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><use xlink:href="/etc/passwd#x"/></svg>'
svg image '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="data:image/png;base64,AAAA" width="10" height="10"/></svg>'
svg url '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" fill="url(file:///etc/x.svg#p)"/></svg>'
svg entity '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'
svg filter '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><filter id="f"><feGaussianBlur stdDeviation="2"/></filter><rect width="5" height="5" filter="url(#f)"/></svg>'
svg nosize '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>'
svg huge '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="5" height="5"/></svg>'
svg broken '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect'
svg local '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient><path id="p" d="M0 0h5v5z"/></defs><use xlink:href="#p" fill="url(#g)"/></svg>'
printf '\037\213compressed' >$P/icons/svgz.svg
head -c 100 $B/landscape.png >$P/icons/damaged.png
# whole, but 16 bytes of its compressed pixels overwritten (libpng: CRC error)
cp $B/landscape.png $P/icons/corrupt.png
printf 'XXXXXXXXXXXXXXXX' | dd of=$P/icons/corrupt.png bs=1 seek=2000 conv=notrunc 2>/dev/null
for n in text nstext href image url entity filter nosize huge broken local svgz damaged corrupt missing; do
	ext=svg; case $n in damaged | corrupt) ext=png ;; esac
	sed "s#icons/eye.svg#icons/$n.$ext#" $P/svg_only.yaml >$P/bad_$n.yaml
	"$BIN" check $P/bad_$n.yaml >/dev/null 2>$P/err_$n; echo $? >$P/rc_$n
done
expect_eq "an SVG with only '#id' references and a gradient is fine" "$(cat $P/rc_local)" 0
for n in text nstext href image url entity filter nosize huge broken svgz damaged corrupt missing; do
	expect_eq "icon $n refused" "$(cat $P/rc_$n)" 1
done
at="bad_[a-z]*.yaml:15:11: error: icon"
expect_grep "SVG text refused" "$at 'icons/text.svg' holds text \(<text>\), which would be set in the machine's fonts" $P/err_text
expect_grep "SVG svg:text refused" "'icons/nstext.svg' holds text" $P/err_nstext
expect_grep "SVG external link refused" "'icons/href.svg' links to something outside itself \(href\)" $P/err_href
expect_grep "SVG embedded picture refused" "'icons/image.svg' holds a picture of its own" $P/err_image
expect_grep "SVG url() refused" "'icons/url.svg' refers to something outside itself" $P/err_url
expect_grep "SVG entities refused" "'icons/entity.svg' declares XML entities" $P/err_entity
expect_grep "SVG filter refused" "'icons/filter.svg' uses a filter" $P/err_filter
expect_grep "SVG without size refused" "'icons/nosize.svg' has no size" $P/err_nosize
expect_grep "SVG too large: image-pixels" "'icons/huge.svg' is 100000 x 100000 pixels, more than 25000000.*--limit image-pixels=N" $P/err_huge
expect_grep "damaged SVG" "'icons/broken.svg' is not an SVG image librsvg can read" $P/err_broken
expect_grep "compressed SVG" "'icons/svgz.svg' is a compressed SVG" $P/err_svgz
expect_grep "cut-off PNG icon" "'icons/damaged.png' is a damaged PNG image: the file ends too early" $P/err_damaged
# Cairo 1.16 reports a libpng error as "out of memory": never shown
expect_grep "corrupt PNG icon" "'icons/corrupt.png' is a damaged PNG image: its pixel data cannot be decoded" $P/err_corrupt
grep -q "memory" $P/err_corrupt $P/err_damaged && fail "a damaged PNG reported as out of memory" || ok
expect_grep "missing icon" "'icons/missing.svg' cannot be read: No such file or directory" $P/err_missing
expect_grep "a message's hint" "note: give the path of a PNG or SVG file, relative to the deck file" $P/err_text
"$BIN" check --limit svg-bytes=100 $P/svg_only.yaml 2>$TMP/err; expect_eq "svg-bytes limit" $? 1
expect_grep "svg-bytes named" "icon 'icons/eye.svg' has more than 100 bytes: over a limit \(raise it with --limit svg-bytes=N" $TMP/err
# a small file whose <use> elements repeat one square 2^17 times: a drawing of megabytes
uses() { # LEVELS: an SVG of 2 KB at most that draws one square 2^LEVELS times
	printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48"><defs>'
	i=0
	while [ $i -lt "$1" ]; do
		printf '<g id="a%d"><use href="#a%d" x="0.1"/><use href="#a%d" y="0.1"/></g>' $i $((i + 1)) $((i + 1))
		i=$((i + 1))
	done
	printf '<rect id="a%d" width="1" height="1" fill="#a50"/></defs><use href="#a0"/></svg>\n' "$1"
}
mkdir -p $P/icons; uses 17 >$P/icons/uses.svg; uses 6 >$P/icons/uses6.svg
sed 's#icons/eye.svg#icons/uses.svg#' $P/svg_only.yaml >$P/uses.yaml
"$BIN" check $P/uses.yaml 2>$TMP/err; rc=$? # (before the $(wc) below, which bash counts)
expect_eq "svg-drawing limit: $(wc -c <$P/icons/uses.svg) bytes repeated" $rc 1
expect_grep "svg-drawing named" "icon 'icons/uses.svg' makes a drawing of [0-9]+ bytes \(as PDF\), more than 4194304: over a limit \(raise it with --limit svg-drawing=N" $TMP/err
sed 's#icons/eye.svg#icons/uses6.svg#' $P/svg_only.yaml >$P/uses6.yaml
"$BIN" check $P/uses6.yaml >/dev/null 2>$TMP/err; expect_eq "64 repeats: fine" $? 0
# svg-tags: the 6-level file has a few dozen tags; lowered to 10 it is refused
"$BIN" check --limit svg-tags=10 $P/uses6.yaml 2>$TMP/err; expect_eq "svg-tags lowered to 10: refused" $? 1
expect_grep "svg-tags named" "icon 'icons/uses6.svg' has [0-9]+ tags, more than 10: over a limit \(raise it with --limit svg-tags=N" $TMP/err
"$BIN" check --limit svg-drawing=1000 $P/uses6.yaml 2>$TMP/err; expect_eq "64 repeats over a lowered svg-drawing" $? 1
expect_grep "lowered svg-drawing named" "icon 'icons/uses6.svg' makes a drawing of [0-9]+ bytes \(as PDF\), more than 1000" $TMP/err
"$BIN" check --limit pictures=2 $P/cards.yaml 2>$TMP/err; expect_eq "pictures limit" $? 1
expect_grep "pictures named" "icon 'icons/ask.svg' is one picture more than 2: over a limit \(raise it with --limit pictures=N" $TMP/err
sed 's#landscape.png#../x.png#' $P/cards.yaml >$P/img_out.yaml; cp $B/small.png $TMP/x.png
"$BIN" check $P/img_out.yaml 2>$TMP/err; expect_eq "image outside the folder" $? 1
expect_grep "image outside named" "img_out.yaml:34:12: error: '../x.png' is outside the deck's folder" $TMP/err

# --- numbering ---
# the id and its number are never shortened (the booklet finds a card by them): one too wide
# for a mini card's footer is an error; the same deck on a poker card keeps every word safe
{ printf 'deck:\n  title: Long ids\n  language: en\ntheme:\n  numbering: deck\ncards:\n'
  for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
	printf '  - {id: TEAM-NOORD-VRAAG-%04d, type: question, text: "Question %d?"}\n' $k $k; done
} >$P/longid.yaml
"$BIN" cards $P/longid.yaml --size mini --sheet none -o $P/longid.pdf 2>$TMP/err
expect_eq "an id too wide for the footer: cards fails" $? 1
expect_grep "the footer too wide, named with its card" "longid.yaml:7:5: error: card 'TEAM-NOORD-VRAAG-0001': its footer 'TEAM-NOORD-VRAAG-0001 · 1/12' is [0-9.]+ mm wide, more than the 36.0 mm the card has for it" $TMP/err
expect_grep "what to do" "note: use a shorter card id, a larger card \(--size\), or theme.numbering: none" $TMP/err
"$BIN" cards $P/longid.yaml --sheet none -o $P/longid.pdf 2>$TMP/err; expect_eq "long ids on a poker card: exit 0" $? 0
expect "long ids and numbers on a poker card: every word inside the safe area" $PY safe $P/longid.pdf 4
for m in deck category none; do
	sed "s/numbering: deck/numbering: $m/" $B/classic.yaml >$P/num_$m.yaml
	"$BIN" cards $P/num_$m.yaml -o $P/num_$m.pdf 2>$TMP/err; expect_eq "numbering $m: exit 0" $? 0
	flat_text $P/num_$m.pdf >$P/num_$m.txt
done
for k in 1 2 3 4 5 6; do expect_grep "numbering deck: $k/6" "· $k/6" $P/num_deck.txt; done
expect_grep "numbering category: C1 is 1/2 of Connection" "C1 · 1/2" $P/num_category.txt
expect_grep "numbering category: V3 is 2/2 of Connection" "V3 · 2/2" $P/num_category.txt
grep -q "/6" $P/num_category.txt && fail "numbering category shows deck numbers" || ok
grep -qE "· [0-9]+/[0-9]" $P/num_none.txt && fail "numbering none shows numbers" || ok
"$BIN" booklet $P/num_deck.yaml -o $P/num_bk.pdf 2>$TMP/err; expect_eq "numbered booklet: exit 0" $? 0
flat_text $P/num_bk.pdf >$P/num_bk.txt
expect_grep "the booklet shows the numbers" "V2 · 4/6" $P/num_bk.txt

# --- every design: safe area, duplex backs, preview ---
for l in classic minimal icon; do
	"$BIN" cards $B/$l.yaml --sheet none -o $P/$l.pdf 2>$TMP/err; expect_eq "$l: exit 0" $? 0
	expect "$l: every word inside the safe area" $PY safe $P/$l.pdf 4
	for d in identiteit verbinding; do for lang in nl en; do
		printf 'include: [%s]\ndeck:\n  title: T\n  languages: [nl, en]\ntheme:\n  layout: %s\n  numbering: category\ncards: []\n' \
			"$PWD/decks/$d.yaml" $l >$P/$d-$l.yaml
		"$BIN" cards --allow-read decks $P/$d-$l.yaml --lang $lang --sheet none -o $P/d.pdf 2>$TMP/err
		expect_eq "$l $d $lang: exit 0" $? 0
		expect "$l $d $lang: every word inside the safe area" $PY safe $P/d.pdf 4
	done; done
	sed "s/^  language: nl/  language: nl\ntheme:\n  layout: $l/" tests/e2e/fixtures/align.yaml >$P/align_$l.yaml
	for mode in long short; do
		"$BIN" cards $P/align_$l.yaml --duplex $mode -o $P/al.pdf 2>$TMP/err
		expect "$l: backs behind fronts, duplex $mode" $PY align $P/al.pdf $mode
	done
	"$BIN" preview $B/$l.yaml -o $P/prev_$l 2>$TMP/err; expect_eq "$l preview: exit 0" $? 0
	expect_eq "$l preview: a front and a back per card and the contact sheet" \
		"$(ls $P/prev_$l | wc -l)" 13
done
# the deck title on the backs: as large as fits the room each design leaves it (the icon
# design's disc takes the top half); one that does not fit even at 9 pt is an error at the title
long_title() { # FILE LAYOUT TITLE
	printf 'deck:\n  title: %s\n  language: en\ntheme:\n  layout: %s\ncategories:\n  - {id: s, name: Self-image, color: "#2f5d8a", icon: icons/eye.svg}\ncards:\n  - {id: Q1, type: question, category: s, text: "Short?"}\n' \
		"$3" $2 >$1
}
for l in classic minimal icon; do
	long_title $P/lt-$l.yaml $l "A very long deck title about seeing the customer in every single conversation we have"
	"$BIN" cards $P/lt-$l.yaml --size square --sheet none -o $P/lt.pdf 2>$TMP/err
	expect_eq "$l: a long deck title on square cards: exit 0" $? 0
	expect "$l: a long deck title on square backs inside the safe area" $PY safe $P/lt.pdf 4
done
rm -f $P/lt.pdf
"$BIN" cards $P/lt-icon.yaml --size mini --sheet none -o $P/lt.pdf 2>$TMP/err
expect_eq "icon design, mini card: a deck title with no room under the disc fails" $? 1
expect_grep "the back title named at the title" "lt-icon.yaml:2:10: error: deck: the title does not fit on the card backs even at 9 pt \(a 44.0 x 63.0 mm card\)" $TMP/err
expect_grep "the back title: what to do" "note: shorten the title \(a word wider than the card cannot fit\), or choose a larger card \(--size\)" $TMP/err
[ ! -e $P/lt.pdf ] && ok || fail "a PDF with the deck title over the cut"
"$BIN" cards $P/lt-icon.yaml --size mini --sheet none --no-backs -o $P/lt.pdf 2>$TMP/err
expect_eq "without backs the title is not on the cards" $? 0
long_title $P/lt-word.yaml classic "Supercalifragilisticexpialidociousnessprogramme"
"$BIN" check $P/lt-word.yaml 2>$TMP/err; expect_eq "check: a title word wider than the back" $? 1
expect_grep "check names it" "lt-word.yaml:2:10: error: deck: the title does not fit on the card backs" $TMP/err
# text on a light category colour (a yellow brand colour) is set in the text colour, not in
# white at 1.3:1; on a dark one it stays white
printf 'deck:\n  title: Light colours\n  language: en\ncategories:\n  - {id: y, name: Yellow, color: "#f4e04d"}\n  - {id: b, name: Blue, color: "#2f5d8a"}\ncards:\n  - {id: Q1, type: question, category: y, text: "Short?"}\n  - {id: Q2, type: question, category: b, text: "Short?"}\n' >$P/light.yaml
"$BIN" cards $P/light.yaml --dump=layout >$P/light.layout 2>$TMP/err; expect_eq "light category: dump exit 0" $? 0
awk '/^card Q1/ {c = 1} /^card Q2/ {c = 2} c == 1' $P/light.layout >$P/light-y
awk '/^card Q2/ {c = 1} c == 1' $P/light.layout >$P/light-b
expect_grep "yellow band: its label in the text colour" 'front text category .* #1f2328 "YELLOW"' $P/light-y
expect_grep "yellow back: the title in the text colour" 'back text back-title .* #1f2328 "Light colours"' $P/light-y
expect_grep "blue band: its label white" 'front text category .* #ffffff "BLUE"' $P/light-b
expect_grep "blue back: the title white" 'back text back-title .* #ffffff "Light colours"' $P/light-b
# in the booklet the chapter's kicker ("1 CARD") and the card's id are in the category colour
# on white: yellow would read at 1.3:1; the greys (a card's type, a note's label, a duration,
# the running head) are faded only as far as they read at 4.5:1
"$BIN" booklet $P/light.yaml -o $P/light-bk.pdf 2>$TMP/err; expect_eq "light category: booklet exit 0" $? 0
expect "light category: every word of the booklet reads at 4.5:1" $PY legible $P/light-bk.pdf
"$BIN" booklet $B/icon.yaml -o $P/brand-bk.pdf 2>$TMP/err
expect "a branded booklet: every word reads at 4.5:1" $PY legible $P/brand-bk.pdf
# every design, fronts and backs: every text box against the fill beneath it (the band, the
# icon design's tinted panel, a back in its category's colour) reads at 4.5:1, for a yellow,
# a blue and a near-black category; on the paper, the PDF's text too
for l in classic minimal icon; do
	printf 'deck:\n  title: Light colours\n  language: en\ntheme:\n  layout: %s\ncategories:\n  - {id: y, name: Yellow, color: "#f2d94e"}\n  - {id: b, name: Blue, color: "#2f5d8a"}\n  - {id: d, name: Dark, color: "#1b1b3a"}\ncards:\n  - {id: Q1, type: question, category: y, text: "Short?"}\n  - {id: Q2, type: question, category: b, text: "Short?"}\n  - {id: Q3, type: question, category: d, text: "Short?"}\n' $l >$P/light-$l.yaml
	"$BIN" cards $P/light-$l.yaml --dump=layout >$P/light-$l.layout 2>/dev/null
	expect "$l: every label and title reads at 4.5:1 on its ground" $PY contrast $P/light-$l.layout
	"$BIN" cards $B/$l.yaml --dump=layout >$P/brand-$l.layout 2>/dev/null
	expect "$l, the bundled icons: every text reads at 4.5:1 on its ground" $PY contrast $P/brand-$l.layout
	"$BIN" cards $P/light-$l.yaml --sheet none -o $P/light-$l.pdf 2>/dev/null
	expect "$l: the PDF's text reads (pdfcheck legible)" $PY legible $P/light-$l.pdf
done
# a team's logo on every back, where each design places it (an image per back, and C1's photo)
mkdir -p $P/team; cp -r $B/* $P/team/; cp decks/logos/noord.png $P/team/logo.png
for l in classic minimal icon; do
	printf 'deck: %s.yaml\nteams:\n  - name: Team Noord\n    logo: logo.png\n' $l >$P/team/teams-$l.yaml
	"$BIN" build $P/team/teams-$l.yaml -o $P/team/out-$l >/dev/null 2>$TMP/err
	expect_eq "$l: a team with a logo builds" $? 0
	expect_eq "$l: the logo on each of the 6 backs, the photo on C1" \
		"$(pdf_images $P/team/out-$l/team-noord/cards.pdf)" 7
	expect "$l team: backs' words inside the safe area" $PY safe $P/team/out-$l/team-noord/printshop.pdf 4
done
cmp -s $P/prev_classic/V1-front.png $P/prev_icon/V1-front.png && fail "preview: icon design drawn as classic" || ok
cmp -s $P/prev_classic/V1-back.png $P/prev_minimal/V1-back.png && fail "preview: minimal back drawn as classic" || ok

# --- a PNG icon on many cards: one image per use on the busiest page, not one per card; the
# cards, the print shop, the booklet and its saddle-stitch sheets ---
M=$TMP/many; mkdir -p $M/icons
cp $B/icons/*.svg $M/icons/; cp decks/logos/noord.png $M/
awk -v n=100 -v icons=1 -f bench/gen_deck.awk | sed '/id: c5,/s#noord.png#icons/ask.svg#' >$M/deck.yaml
expect_eq "one category has the PNG icon" "$(grep -c 'icon: noord.png' $M/deck.yaml)" 1
per_page_max() { pdfimages -list "$1" | awk 'NR > 2 && $3 == "image" { n[$1]++ } END { for (p in n) if (n[p] > m) m = n[p]; print m + 0 }'; }
objects() { pdfimages -list "$1" | awk 'NR > 2 && $3 == "image" { print $11 }' | sort -u | wc -l; }
"$BIN" cards $M/deck.yaml -o $M/cards.pdf -q 2>$TMP/err; expect_eq "100 cards with a PNG icon: exit 0" $? 0
"$BIN" cards $M/deck.yaml --sheet none -o $M/shop.pdf -q 2>$TMP/err; expect_eq "print shop: exit 0" $? 0
"$BIN" booklet $M/deck.yaml -o $M/booklet.pdf -q 2>$TMP/err; expect_eq "booklet: exit 0" $? 0
"$BIN" booklet $M/deck.yaml --impose saddle -o $M/saddle.pdf -q 2>$TMP/err; expect_eq "saddle: exit 0" $? 0
for f in cards shop booklet; do
	expect_eq "$f: the PNG's $(pdf_images $M/$f.pdf) uses are $(per_page_max $M/$f.pdf) images (its uses on the busiest page)" \
		"$(objects $M/$f.pdf)" "$(per_page_max $M/$f.pdf)"
	[ "$(pdf_images $M/$f.pdf)" -gt 15 ] && ok || fail "$f: the icon drawn on more than 15 faces"
done
# two categories naming the same PNG share one picture: its images are still its uses on the
# busiest page, over both categories
awk -v n=100 -v icons=1 -f bench/gen_deck.awk >$M/two.yaml
expect_eq "two categories name the PNG" "$(grep -c 'icon: noord.png' $M/two.yaml)" 2
"$BIN" cards $M/two.yaml -o $M/two.pdf -q 2>$TMP/err; expect_eq "two categories, one PNG: exit 0" $? 0
expect_eq "two categories, one PNG: $(pdf_images $M/two.pdf) uses are $(per_page_max $M/two.pdf) images" \
	"$(objects $M/two.pdf)" "$(per_page_max $M/two.pdf)"
for f in saddle; do
	expect_eq "$f: the PNG's $(pdf_images $M/$f.pdf) uses are $(per_page_max $M/$f.pdf) images (its uses on the busiest sheet side)" \
		"$(objects $M/$f.pdf)" "$(per_page_max $M/$f.pdf)"
done
for f in cards shop booklet saddle; do
	qpdf --check $M/$f.pdf >/dev/null 2>&1; expect_eq "$f: qpdf --check (no resource named twice)" $? 0
done
"$BIN" cards $B/icon.yaml -o $P/r1.pdf && "$BIN" cards $B/icon.yaml -o $P/r2.pdf
cmp -s $P/r1.pdf $P/r2.pdf && ok || fail "icon design: two runs give the same bytes"
# --- one photo on many cards (a card image, PNG and SVG): one picture, so one image (or form)
# per use on the busiest page, not one per card, in a file drawn in one part ---
I=$TMP/photo; mkdir -p $I
cp $B/landscape.png $B/icons/eye.svg $I/
{ printf 'deck:\n  title: Photos\n  language: en\ncards:\n'
  i=1; while [ $i -le 40 ]; do
	pic=landscape.png; [ $((i % 4)) = 0 ] && pic=eye.svg
	printf '  - {id: P%d, type: question, image: %s, text: "What does picture %d show?"}\n' $i $pic $i
	i=$((i + 1)); done; } >$I/deck.yaml
"$BIN" cards $I/deck.yaml -o $I/cards.pdf -q 2>$TMP/err; expect_eq "40 cards with one photo: exit 0" $? 0
expect_eq "the photo's $(pdf_images $I/cards.pdf) uses are $(per_page_max $I/cards.pdf) images (its uses on the busiest page)" \
	"$(objects $I/cards.pdf)" "$(per_page_max $I/cards.pdf)"
expect_eq "30 cards show the photo" "$(pdf_images $I/cards.pdf)" 30
# the SVG on every fourth card: one form per use on a page (2 or 3 on a 9-card sheet), not
# one per card (10)
qpdf --qdf --object-streams=disable $I/cards.pdf $I/qdf.pdf
forms=$(grep -ac '/Subtype /Form' $I/qdf.pdf)
[ "$forms" -ge 1 ] && [ "$forms" -le 3 ] && ok || fail "the SVG on 10 cards is $forms forms (1 to 3: its uses on a page)"
qpdf --check $I/cards.pdf >/dev/null 2>&1; expect_eq "photo deck: qpdf --check" $? 0
finish
