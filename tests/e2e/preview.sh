#!/bin/sh
# deckpress preview: one PNG per face at the asked resolution or exact pixel size, a
# contact sheet, and real pixels (the band of a card is its category colour).
. tests/e2e/lib.sh
png_size() { /usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
pixel() { # PNG x y -> rrggbb (pdftoppm-free: decode with python zlib)
	/usr/bin/python3 - "$@" <<'PYEOF'
import struct, sys, zlib
path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
w, h, depth, ctype = struct.unpack(">IIBB", data[16:26])
pos, idat = 8, b""
while pos < len(data):
    n, = struct.unpack(">I", data[pos:pos + 4]); kind = data[pos + 4:pos + 8]
    if kind == b"IDAT": idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat); bpp = 3 if ctype == 2 else 4; stride = w * bpp
rows, prev = [], bytearray(stride)
for r in range(h):
    f = raw[r * (stride + 1)]; line = bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
    if r == y: break
px = rows[y][x * bpp:x * bpp + 3]
print("%02x%02x%02x" % (px[0], px[1], px[2]))
PYEOF
}
"$BIN" preview decks/example.yaml -o "$TMP/p" 2>"$TMP/err"; expect_eq "preview exits 0" $? 0
expect_eq "two images per card and a contact sheet" "$(ls "$TMP/p" | wc -l)" 9
"$BIN" preview decks/example.yaml -o "$TMP/new/er/png/" -q; expect_eq "-o in folders not made yet" $? 0
expect_eq "made, with the images" "$(ls "$TMP/new/er/png" | wc -l)" 9
expect_eq "poker with 3 mm bleed at 300 dpi" "$(png_size "$TMP/p/EX-Q01-front.png")" 821x1121
expect_eq "back same size" "$(png_size "$TMP/p/EX-Q01-back.png")" 821x1121
expect_eq "band in the category colour (customer, #2f5d8a)" "$(pixel "$TMP/p/EX-Q01-front.png" 400 60)" 2f5d8a
expect_eq "paper below the band" "$(pixel "$TMP/p/EX-Q01-front.png" 20 1000)" ffffff
expect_eq "back in the category colour (identity, #7a4b8c)" "$(pixel "$TMP/p/EX-C01-back.png" 30 30)" 7a4b8c
"$BIN" preview decks/example.yaml -o "$TMP/q" --px 822x1122 --dpi 100
expect_eq "--px gives the exact size" "$(png_size "$TMP/q/EX-V01-front.png")" 822x1122
for bad in "--dpi 29" "--px 3"; do # one message that says what is wrong, not two
	"$BIN" preview decks/example.yaml -o "$TMP/bad" $bad 2>"$TMP/err"
	expect_eq "$bad: usage error, one message" "$? $(grep -c 'error:' "$TMP/err")" "2 1"
	expect_grep "$bad: says the range" "error: --(dpi: '29' is not a resolution from 30 to 1200|px: '3' is not WxH)" "$TMP/err"
done
"$BIN" preview decks/example.yaml -o "$TMP/r" --dpi 150 --size square --bleed 0
expect_eq "--dpi and --size" "$(png_size "$TMP/r/EX-V01-front.png")" 413x413
expect_eq "contact sheet: 4 cards in a row at 60 dpi" "$(png_size "$TMP/p/contact.png")" 660x234
"$BIN" preview decks/example.yaml -o "$TMP/x" --px 12by8 2>"$TMP/err"; expect_eq "bad --px exits 2" $? 2
expect_grep "bad --px explained" "'12by8' is not WxH in pixels" "$TMP/err"
"$BIN" preview tests/e2e/fixtures/too_long.yaml -o "$TMP/y" 2>"$TMP/err"; expect_eq "unfit card exits 1" $? 1
expect_grep "unfit card named" "card 'LONG1': the text does not fit" "$TMP/err"
# On success one line says what was written; -q says nothing.
"$BIN" preview decks/example.yaml -o "$TMP/ok" --px 822x1122 >"$TMP/out" 2>"$TMP/err"; expect_eq "preview succeeds" $? 0
expect_grep "success line: folder, images, cards, pixels" "^$TMP/ok: $(ls "$TMP/ok" | wc -l) images of 4 cards .* 822 x 1122 px each$" "$TMP/out"
"$BIN" preview -q decks/example.yaml -o "$TMP/ok" >"$TMP/out" 2>&1; expect_eq "preview -q succeeds" $? 0
expect_eq "preview -q prints nothing" "$(cat "$TMP/out")" ""
# A large deck's contact sheet: Cairo draws at most 32767 pixels a side (six columns at 60
# dpi reach that at about 900 cards), so its cards are drawn smaller, in more columns,
# within 12 million pixels: 32 x 32 cells of 85 x 119 px with 7 px between (31 rows would
# not hold 1000 cards).
awk -v n=1000 -f bench/gen_deck.awk >"$TMP/big.yaml"
"$BIN" preview -q "$TMP/big.yaml" -o "$TMP/big" --dpi 30 2>"$TMP/err"; expect_eq "1000 cards: preview exits 0" $? 0
expect_eq "1000 cards: one contact sheet of 32 x 32 cards" "$(png_size "$TMP/big/contact.png")" 2951x4039
expect_eq "1000 cards: the 32nd card's band, top right" "$(pixel "$TMP/big/contact.png" $((7 + 31 * 92 + 40)) 10)" \
	"$(pixel "$TMP/big/B00032-front.png" 40 4)"
finish
