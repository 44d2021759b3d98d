#!/bin/sh
# deckpress export / import: cards as a spreadsheet and back. export then import --base gives
# the same cards PDF, byte for byte, for every bundled deck in every language and with every
# separator; files as Excel and LibreOffice write them are read; hostile cells survive the
# trip through YAML; every mistake is named by file, row and column, and nothing is written.
# A branded deck (icons, images, its own fonts, a design, numbering) makes the trip too.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000
PY=/usr/bin/python3

# The new decks are written beside copies of the bundled ones: a deck reads the files it
# names (quote sources) only in its own folder.
cp -r decks "$TMP/decks"
for d in decks/*.yaml; do
	grep -q '^teams:' "$d" && continue
	name=$(basename "$d" .yaml)
	"$BIN" export "$d" -o "$TMP/$name.csv" >"$TMP/out" 2>"$TMP/err"; expect_eq "export $name" $? 0
	expect_grep "export says what it wrote" "^$TMP/$name.csv: [0-9]+ cards in [0-9] languages?, cells separated by commas$" "$TMP/out"
	"$BIN" import "$TMP/$name.csv" --base "$TMP/$d" -o "$TMP/decks/new-$name.yaml" -q 2>"$TMP/err"
	expect_eq "import $name" $? 0
	cp "$TMP/decks/new-$name.yaml" "$TMP/$name.yaml"
	langs=$(sed -n 's/^  languages: *\[\(.*\)\]/\1/p' "$d" | tr -d ' ' | tr ',' ' ')
	for lang in ${langs:-nl}; do
		"$BIN" cards "$d" --lang "$lang" -o "$TMP/a.pdf" -q
		"$BIN" cards "$TMP/decks/new-$name.yaml" --lang "$lang" -o "$TMP/b.pdf" -q
		expect "$name ($lang): the same cards PDF after export and import" cmp "$TMP/a.pdf" "$TMP/b.pdf"
	done
	"$BIN" booklet "$d" -o "$TMP/a.pdf" -q; "$BIN" booklet "$TMP/decks/new-$name.yaml" -o "$TMP/b.pdf" -q
	expect "$name: the same booklet too" cmp "$TMP/a.pdf" "$TMP/b.pdf"
	"$BIN" check "$TMP/decks/new-$name.yaml" >/dev/null 2>&1; expect_eq "$name: the new deck checks" $? 0
done
for sep in semicolon tab; do
	"$BIN" export decks/identiteit.yaml --separator $sep -o "$TMP/s.csv" -q
	"$BIN" import "$TMP/s.csv" --base decks/identiteit.yaml -o "$TMP/decks/s.yaml" -q 2>"$TMP/err"
	expect_eq "--separator $sep: import finds the separator" $? 0
	"$BIN" cards decks/identiteit.yaml -o "$TMP/a.pdf" -q; "$BIN" cards "$TMP/decks/s.yaml" -o "$TMP/b.pdf" -q
	expect "--separator $sep: the same PDF" cmp "$TMP/a.pdf" "$TMP/b.pdf"
done
"$BIN" export decks/example.yaml -o "$TMP/x.tsv" -q
head -1 "$TMP/x.tsv" | grep -q "$(printf 'id\ttype')" && ok || fail ".tsv header has tabs"
head -c 3 "$TMP/example.csv" | od -An -tx1 | grep -q 'ef bb bf' && ok || fail "export starts with a byte order mark"
grep -q "$(printf '\r')$" "$TMP/example.csv" && ok || fail "export ends rows with CRLF"

# As Excel saves in a Dutch locale: BOM, ';', CRLF rows, doubled quotes, a line break inside
# a cell (LF), an empty trailing row; as LibreOffice saves TSV: no BOM, tabs, LF.
printf '\357\273\277id;type;text;text.en;followups;tags\r\nV1;question;"Wat zegt ""hij""; en jij?";"What does ""he"" say; and you?";"Eerste\nTweede";"een\ntwee "\r\n;;;;;\r\n' >"$TMP/excel.csv"
"$BIN" import "$TMP/excel.csv" -o "$TMP/excel.yaml" 2>"$TMP/err" >/dev/null; expect_eq "Excel's CSV reads" $? 0
"$BIN" export "$TMP/excel.yaml" -o "$TMP/excel2.csv" -q 2>/dev/null
$PY - "$TMP/excel2.csv" >"$TMP/cells" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print(len(rows)); d = dict(zip(rows[0], rows[1]))
for k in ("text", "text.en", "followups", "tags"): print(k, repr(d[k]))
PYEOF
expect_grep "one card (the empty row skipped)" '^2$' "$TMP/cells"
expect_grep "doubled quotes and ';' inside a quoted cell" "^text 'Wat zegt \"hij\"; en jij\\?'$" "$TMP/cells"
expect_grep "a translation column" "^text.en 'What does \"he\" say; and you\\?'$" "$TMP/cells"
expect_grep "a list cell, one item per line" "^followups 'Eerste\\\\nTweede'$" "$TMP/cells"
expect_grep "tags trimmed" "^tags 'een\\\\ntwee'$" "$TMP/cells"
printf 'id\ttype\ttext\nV1\tquestion\tEen, twee; drie\n' >"$TMP/calc.tsv"
"$BIN" import "$TMP/calc.tsv" -o "$TMP/calc.yaml" -q 2>/dev/null; expect_eq "LibreOffice's TSV reads" $? 0
expect_grep "commas and semicolons stay in a tab-separated cell" 'text: Een, twee; drie' "$TMP/calc.yaml"
# Excel's text-forcing formula ="..." (written by tools so that 0012 keeps its zeros), bare
# or quoted: the text inside, with its doubled quotes undone; another formula stays as it is
printf 'id;type;text;note\r\n="0012";question;"=""Een """"echte"""" vraag""";=1+2\r\n' >"$TMP/formula.csv"
"$BIN" import "$TMP/formula.csv" -o "$TMP/formula.yaml" -q 2>"$TMP/err"; expect_eq "Excel's =\"...\" cells import" $? 0
expect_grep "the id inside =\"...\"" "^  - id: '0012'$" "$TMP/formula.yaml"
expect_grep "a quoted =\"...\" cell" "^    text: Een \"echte\" vraag$" "$TMP/formula.yaml"
expect_grep "another formula kept" "^    note: =1\+2$" "$TMP/formula.yaml"
# a list cell's items share the cell's row:column: a warning about them is said once
printf 'id,type,text,text.en,followups\nV1,question,Hoe?,How?,"Een\nTwee\nDrie"\n' >"$TMP/fu.csv"
"$BIN" import "$TMP/fu.csv" --lang nl -o "$TMP/fu.yaml" 2>"$TMP/err"; expect_eq "untranslated follow-ups: imported" $? 0
expect_eq "their warning said once" "$(grep -c "fu.csv:2:5: warning: card 'V1': 'followups' has no 'en' translation" "$TMP/err")" 1
printf 'deck: {title: T}\ncards:\n  - {id: Q1, type: question, text: \047="x"\047, note: \047="a""b"\047}\n' >"$TMP/eq.yaml"
"$BIN" export "$TMP/eq.yaml" -o "$TMP/eq.csv" -q && "$BIN" import "$TMP/eq.csv" --base "$TMP/eq.yaml" -o "$TMP/eq2.yaml" -q
expect_eq "a text that looks like =\"...\" survives the round trip" "$(grep -E '^    (text|note):' "$TMP/eq2.yaml" | tr '\n' ' ')" "    text: =\"x\"     note: =\"a\"\"b\" "

# Hostile cells: what YAML would misread, control characters, a very long cell. Imported,
# exported again, every cell is what it was (the one exception: a line that starts with a tab
# after a single line break, which a deck can only hold as a paragraph break).
$PY - "$TMP/hostile.csv" <<'PYEOF'
import csv, sys
cells = ['"Quoted" and \'single\'', 'key: value # not a comment', '- a leading dash', '# a hash',
         'line one\nline two', 'paragraph one\n\nparagraph two\n', 'ends with two breaks\n\n',
         '  leading spaces\n  on two lines', 'tab\tinside', '\tleading tab', 'control\x01\x1b[31m',
         'null', '~', 'yes', '1.0', '0x1f', '*alias', '&anchor', '!tag', '%pct', '@at', '`tick`',
         '|pipe', '>gt', '{a: b}', '[a, b]', '? what', ': colon', 'NEL\u0085LS\u2028PS\u2029BOM\ufeffend',
         'trailing space ', 'ends with colon:', 'backslash \\ and \\n', 'cr\rinside',
         ' '.join('word%d' % i for i in range(30000))]
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "type", "text", "text.en", "note"])
    for i, c in enumerate(cells):
        w.writerow(["H%02d" % i, "question", c, c[::-1], c])
PYEOF
"$BIN" import "$TMP/hostile.csv" -o "$TMP/hostile.yaml" -q 2>"$TMP/err"; expect_eq "a cell over the text limit" $? 1
expect_grep "the limit named at row:column" "hostile.csv:35:3: error: 'text' of card 'H33' \(nl\) has more than [0-9]+ characters" "$TMP/err"
"$BIN" import "$TMP/hostile.csv" --limit text-chars=1000000 -o "$TMP/hostile.yaml" -q 2>"$TMP/err"
expect_eq "hostile cells import" $? 0
$PY -c 'import yaml,sys; d=yaml.safe_load(open(sys.argv[1])); print(len(d["cards"]))' "$TMP/hostile.yaml" >"$TMP/n" 2>&1
expect_eq "other YAML readers read the new deck" "$(cat "$TMP/n")" 34
"$BIN" export "$TMP/hostile.yaml" --limit text-chars=1000000 -o "$TMP/hostile2.csv" -q 2>/dev/null; expect_eq "and export again" $? 0
$PY - "$TMP/hostile.csv" "$TMP/hostile2.csv" >"$TMP/diff" <<'PYEOF'
import csv, sys
csv.field_size_limit(10**8)
a = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
for ra, rb in zip(a[1:], b[1:]):
    da, db = dict(zip(a[0], ra)), dict(zip(b[0], rb))
    for k in a[0]:
        want = da[k].replace("\r", "\n")  # a CR inside a cell is a line break
        if want != db.get(k):
            print("changed", da["id"], k, repr(da[k])[:60], repr(db.get(k))[:60])
print(len(a), len(b))
PYEOF
expect_eq "every hostile cell survives" "$(cat "$TMP/diff")" "35 35"

# Mistakes: file, row and column, and what to do; nothing written.
bad() { # description, expected message (ERE), csv content (printf format), [import options]
	printf "$3" >"$TMP/bad.csv"
	rm -f "$TMP/bad.yaml"
	"$BIN" import "$TMP/bad.csv" $4 -o "$TMP/bad.yaml" 2>"$TMP/err" >/dev/null
	expect_eq "$1: exits 1" $? 1
	expect_grep "$1" "$2" "$TMP/err"
	[ ! -e "$TMP/bad.yaml" ] && ok || fail "$1: nothing written"
}
bad "unknown column" "bad.csv:1:3: error: unknown column 'tekst'; did you mean 'text'\\?" 'id,type,tekst\nQ1,question,x\n'
bad "a header in capitals" "bad.csv:1:3: error: unknown column 'CATEGORY'; did you mean 'category'\\?" 'id,type,CATEGORY,text\nQ1,question,x,y\n'
bad "unknown column, all listed" "unknown column 'colour'; the columns are: id, type, category" 'id,type,text,colour\nQ1,question,x,red\n'
bad "unclosed quote" "bad.csv:2:3: error: the quote that opens this cell is never closed" 'id,type,text\nQ1,question,"Een vraag\n'
bad "text after a quote" "bad.csv:2:3: error: text after the closing quote of this cell" 'id,type,text\nQ1,question,"Een" vraag\n'
bad "not UTF-8 (Excel's plain CSV)" "bad.csv:2: error: the file is not UTF-8 \\(at byte offset 28\\)" 'id,type,text\nQ1,question,caf\351\n'
bad "a NUL byte" "bad.csv:2: error: NUL byte at byte offset" 'id,type,text\nQ1,question,a\000b\n'
bad "no id column" "bad.csv:1: error: the header has no 'id' column" 'type,text\nquestion,x\n'
bad "a column twice" "bad.csv:1:4: error: the column 'text' appears twice \\(first in column C\\)" 'id,type,text,text\nQ1,question,x,y\n'
bad "text.en beside text read as English" "bad.csv:1:4: error: the column 'text.en' holds what column C \\('text'\\) holds: columns without a language are read as 'en'" 'id,type,text,text.en\nQ1,question,x,y\n' "--lang en"
bad "a cell without a column" "bad.csv:3:4: error: this cell in column D has no column name" 'id,type,text\nQ1,question,x\nQ2,question,y,stray\n'
bad "no translations of ids" "bad.csv:1:4: error: 'source' has no translations" 'id,type,text,source.en\nQ1,question,x,y\n'
bad "a bad language" "bad.csv:1:4: error: 'EN' is not a language code" 'id,type,text,text.EN\nQ1,question,x,y\n'
bad "the loader's messages at row:column" "bad.csv:2:2: error: card 'Q1' has type 'qeustion'.*did you mean 'question'" 'id,type,text\nQ1,qeustion,x\n'
bad "a required field" "bad.csv:2:1: error: card 'Q1' has no 'text'" 'id,type,text,note\nQ1,question,,n\n'
bad "the checker's messages at row:column" "bad.csv:2:4: error: card 'Q1' refers to category 'zelfbeld'.*did you mean 'zelfbeeld'" 'id,type,text,category\nQ1,question,x,zelfbeld\n' "--base decks/identiteit.yaml"
bad "a duplicate id" "bad.csv:3:1: error: card id 'Q1' is used twice \\(first at .*bad.csv:2\\)" 'id,type,text\nQ1,question,x\nQ1,question,y\n'
bad "a base deck with errors" "error: the base deck has errors; see them with 'deckpress check .*duplicate_id.yaml'" 'id,type,text\nQ1,question,x\n' "--base tests/regress/check/duplicate_id.yaml"
"$BIN" export decks/teams.example.yaml -o "$TMP/t.csv" 2>"$TMP/err"; expect_eq "a teams file is not exported" $? 1
expect_grep "says it is a teams file" "this is a teams file, not a deck" "$TMP/err"
"$BIN" import "$TMP/nothere.csv" -o "$TMP/x.yaml" 2>"$TMP/err"; expect_eq "a missing spreadsheet exits 3" $? 3
"$BIN" export decks/example.yaml -o "$TMP/x.csv" --separator pipe 2>"$TMP/err"; expect_eq "a bad separator exits 2" $? 2
"$BIN" import "$TMP/example.csv" --base decks/example.yaml -o decks/example.yaml 2>"$TMP/err"; expect_eq "import never overwrites its base" $? 3
"$BIN" import "$TMP/example.csv" --base decks/example.yaml -o "$TMP/decks/q.yaml" -q >"$TMP/out"; expect_eq "-q" "$(cat "$TMP/out")" ""
# a quote source that would be outside the new deck's folder is named; --allow-read allows it
"$BIN" import "$TMP/example.csv" --base decks/example.yaml -o "$TMP/far.yaml" 2>"$TMP/err"; expect_eq "a source out of reach fails" $? 1
expect_grep "the source named" "example.yaml:[0-9]+:5: error: source '[a-z-]+': its file 'example-quote.txt' would be outside the new deck's folder" "$TMP/err"
[ ! -e "$TMP/far.yaml" ] && ok || fail "nothing written when a source is out of reach"
"$BIN" import "$TMP/example.csv" --base decks/example.yaml --allow-read decks -o "$TMP/far.yaml" -q 2>"$TMP/err"
expect_eq "--allow-read lets it through" $? 0
expect_grep "the file path leads back" '^    file: .*decks/example-quote.txt$' "$TMP/far.yaml"
# a branded deck: icons, card images, its own fonts, a design and numbering survive the trip;
# an image's path is written as seen from the spreadsheet, and read back so
B="$TMP/brand"; mkdir -p "$B/sheets"
cp -r tests/regress/layout/brand/* "$B/"
DV=/usr/share/fonts/truetype/dejavu
cp $DV/DejaVuSerif.ttf $DV/DejaVuSerif-Italic.ttf $DV/DejaVuSerif-Bold.ttf $DV/DejaVuSerif-BoldItalic.ttf "$B/"
sed 's/^  numbering: deck$/  numbering: category\n  serif: DejaVu Serif\n  fonts: [DejaVuSerif.ttf, DejaVuSerif-Italic.ttf, DejaVuSerif-Bold.ttf, DejaVuSerif-BoldItalic.ttf]/' \
	"$B/icon.yaml" >"$B/fonts.yaml"
for d in classic minimal icon fonts; do
	"$BIN" export "$B/$d.yaml" -o "$B/sheets/$d.csv" -q 2>"$TMP/err"; expect_eq "export branded $d" $? 0
	"$BIN" import "$B/sheets/$d.csv" --base "$B/$d.yaml" -o "$B/new-$d.yaml" -q 2>"$TMP/err"
	expect_eq "import branded $d" $? 0
	"$BIN" cards "$B/$d.yaml" -o "$TMP/a.pdf" -q 2>/dev/null; "$BIN" cards "$B/new-$d.yaml" -o "$TMP/b.pdf" -q 2>/dev/null
	expect "branded $d: the same cards PDF after export and import" cmp "$TMP/a.pdf" "$TMP/b.pdf"
	"$BIN" booklet "$B/$d.yaml" -o "$TMP/a.pdf" -q; "$BIN" booklet "$B/new-$d.yaml" -o "$TMP/b.pdf" -q
	expect "branded $d: the same booklet too" cmp "$TMP/a.pdf" "$TMP/b.pdf"
done
expect_grep "the image column, seen from the spreadsheet's folder" '^C1,case,.*,\.\./landscape\.png' "$B/sheets/icon.csv"
expect_grep "the new deck names the image from its own folder" '^    image: landscape\.png$' "$B/new-icon.yaml"
expect_grep "and the icons" '^    icon: icons/eye\.svg$' "$B/new-icon.yaml"
expect_grep "the deck's fonts" '^    - DejaVuSerif-BoldItalic\.ttf$' "$B/new-fonts.yaml"
expect_grep "the design" '^  layout: icon$' "$B/new-icon.yaml"
expect_grep "the numbering" '^  numbering: category$' "$B/new-fonts.yaml"
mkdir -p "$TMP/elsewhere"
"$BIN" import "$B/sheets/icon.csv" --base "$B/icon.yaml" -o "$TMP/elsewhere/new.yaml" 2>"$TMP/err"
expect_eq "pictures out of the new deck's reach: fails" $? 1
expect_grep "an icon out of reach, at the base deck's line" "cards.yaml:15:11: error: icon 'icons/eye.svg' would be outside the new deck's folder" "$TMP/err"
expect_grep "an image out of reach, at the spreadsheet's cell" "icon.csv:3:[0-9]+: error: image '\.\./landscape\.png' would be outside the new deck's folder" "$TMP/err"
[ ! -e "$TMP/elsewhere/new.yaml" ] && ok || fail "nothing written when a picture is out of reach"
# a new language column adds the language; without --base, --lang names the plain columns
printf 'id,type,text,text.de\nQ1,question,What?,Was?\n' >"$TMP/de.csv"
"$BIN" import "$TMP/de.csv" --lang en -o "$TMP/de.yaml" -q 2>"$TMP/err"; expect_eq "a deck without base" $? 0
expect_grep "languages from the columns" '^    - de$' "$TMP/de.yaml"
"$BIN" cards "$TMP/de.yaml" --lang de -o "$TMP/de.pdf" -q; expect_eq "and it prints in German" $? 0
expect_grep "German on the card" 'Was\?' "$(pdftotext "$TMP/de.pdf" "$TMP/de.txt"; echo "$TMP/de.txt")"
expect "no temporary files left" test -z "$(ls "$TMP" | grep '\.tmp\.')"
finish
