#!/bin/sh
# docs/deck.schema.json and docs/teams.schema.json agree with the loader:
#  - every bundled deck, teams file, starter project and fixture the loader accepts validates,
#    and the fixtures it rejects for a reason a schema can express do not;
#  - cases made from the loader's own tables (deckpress --dump=tables: every print setting's
#    words in any case, lengths with and without mm, sizes WxH, every card key on every card
#    type, required keys, fit modes) are accepted or rejected by both alike;
#  - the teams schema's shared definitions are the deck schema's, and every pattern is a
#    valid JavaScript regular expression (editors run them with the 'u' flag).
. tests/e2e/lib.sh
PY=/usr/bin/python3
$PY -c 'import yaml, jsonschema' 2>/dev/null || { fail "python3-yaml and python3-jsonschema are needed"; finish; exit 1; }
cat >"$TMP/validate.py" <<'PYEOF'
import json, sys, yaml, jsonschema
deck = json.load(open("docs/deck.schema.json"))
teams = json.load(open("docs/teams.schema.json"))
for s in (deck, teams):
    jsonschema.Draft202012Validator.check_schema(s)
v = {"deck": jsonschema.Draft202012Validator(deck), "teams": jsonschema.Draft202012Validator(teams)}
for path in sys.argv[1:]:
    try:
        data = yaml.safe_load(open(path, encoding="utf-8"))
        kind = "teams" if isinstance(data, dict) and "teams" in data else "deck"
        errs = list(v[kind].iter_errors(data))
        print(path, "valid" if not errs else "invalid", errs[0].message[:100] if errs else "")
    except Exception as e:
        print(path, "unreadable", str(e)[:60].replace("\n", " "))
PYEOF

# --- files --------------------------------------------------------------------------------
for lang in nl en; do
	"$BIN" init "$TMP/start-$lang" --lang $lang >/dev/null
done
files="decks/*.yaml tests/regress/check/*.yaml tests/e2e/fixtures/*.yaml $TMP/start-*/*.yaml"
# shellcheck disable=SC2086
$PY "$TMP/validate.py" $files >"$TMP/verdicts"
for f in $files; do
	case "$(basename "$f")" in
		# Errors the schema cannot express: meaning across the deck, bytes, YAML features,
		# files named, limits, typesetting.
		duplicate_id.yaml|unknown_refs.yaml|quote_mismatch.yaml|markup.yaml|print_too_big.yaml|include_duplicates.yaml|include_cycle.yaml|include_teams.yaml|include_outside.yaml|languages.yaml|language_not_listed.yaml|\
		invalid_utf8.yaml|nul_byte.yaml|nul_escape.yaml|control_chars.yaml|tabs.yaml|alias.yaml|billion_laughs.yaml|two_documents.yaml|duplicate_key.yaml|\
		deep_nesting.yaml|complex_key.yaml|flow_comma.yaml|syntax_*.yaml|stray_*.yaml|empty.yaml|comments_only.yaml|\
		category_name.yaml|category_none.yaml|font_once.yaml|null_ids*.yaml|teams_null_ids.yaml|teams_bad_deck.yaml|teams_broken.yaml|teams_self.yaml|\
		fit_over.yaml|missing_char.yaml|missing_glyph.yaml|missing_font.yaml|fit_en.yaml|too_long.yaml|range.yaml) continue ;;
	esac
	"$BIN" check --no-fit "$f" >/dev/null 2>&1; rc=$?
	verdict=$(grep -F "$f " "$TMP/verdicts" | awk '{print $2}')
	if [ $rc -eq 0 ]; then expect_eq "schema accepts $f (loader does)" "$verdict" valid
	else expect_eq "schema rejects $f (loader does)" "$verdict" invalid; fi
done

# --- cases from the loader's tables -------------------------------------------------------
"$BIN" --dump=tables >"$TMP/tables.json"; expect_eq "--dump=tables" $? 0
mkdir "$TMP/cases"
$PY - "$TMP/tables.json" "$TMP/cases" <<'PYEOF'
import json, sys, os
t = json.load(open(sys.argv[1]))
out = sys.argv[2]
n = 0
def case(name, want, text):
    global n
    n += 1
    with open(os.path.join(out, "%03d-%s-%s.yaml" % (n, want, name)), "w", encoding="utf-8") as f:
        f.write(text)
HEAD = "deck:\n  title: Case\nsources:\n  - {id: s, title: Source}\ncategories:\n  - {id: c, name: Cat}\n"
CARDS = "cards:\n  - {id: Q1, type: quote, source: s, category: c, text: A quote.}\n"
def setting(key, value, want):
    case("print-" + key, want, HEAD + "print:\n  %s: %s\n" % (key, value) + CARDS)
for key, spec in t["print"].items():
    for name in spec["names"]:
        for v in {name, name.upper(), name.capitalize(), '"%s"' % name, '" %s "' % name.upper()}:
            setting(key, v, "ok")
    if spec["names"]:
        setting(key, spec["names"][0] + "x", "bad")
for key in ("bleed", "safe", "margin"):
    hi = t["print"][key]["max"]
    for v in ("0", str(hi), "2.5", '"2.5"', "2.5mm", "2.5 mm", "2.5MM", '" 3 "', ".5"):
        setting(key, v, "ok")
    for v in ("-1", str(hi + 1), '"2,5"', "abc", '"3 cm"'):
        setting(key, v, "bad")
for v in ("80x120", "80X120", "80 x 120", "80\u00d7120", "80x120mm", "80 mm x 120 mm", "63.5x88.9"):
    setting("size", v, "ok")
for v in ("80x", "x120", '"63,5x88,9"', "80x120x3", "pokr"):
    setting("size", v, "bad")
for key in ("back-offset", "back_offset"):
    for v in ('"0.5,-1"', '"0.5, -1"', '"0.5mm,-1mm"', '"+1,0"'):
        setting(key, v, "ok")
    for v in ("1", '"a,b"', '"1,2,3"'):
        setting(key, v, "bad")
for key in ("fit", "layout", "numbering"): # theme words: any case, as print: takes them
    for name in t[key]:
        for v in {name, name.upper(), name.capitalize(), '"%s"' % name, '" %s "' % name.upper()}:
            case("theme-" + key, "ok", HEAD + "theme:\n  %s: %s\n" % (key, v) + CARDS)
    case("theme-" + key, "bad", HEAD + "theme:\n  %s: %sx\n" % (key, t[key][0]) + CARDS)
values = {"id": "X1", "text": "A text.", "texts": '["A follow-up?"]', "plain": "'12'", "ref": "s",
          "words": "[w1, w2]", "file": "pic.png"}
for f in t["card_fields"]:
    if f["kind"] == "type":
        continue
    for ty in t["card_types"]:
        card = {"id": "X1", "type": ty, "text": "A text."}
        need = {x["key"]: x for x in t["card_fields"] if ty in x["required"]}
        if "source" in need: card["source"] = "s"
        if "title" in need: card["title"] = "A title"
        val = "c" if f["key"] == "category" else values[f["kind"]]
        card[f["key"]] = val
        body = ", ".join("%s: %s" % (k, v) for k, v in card.items())
        case("card-%s-%s" % (ty, f["key"]), "ok" if ty in f["types"] else "bad",
             HEAD + "cards:\n  - {%s}\n" % body)
        if ty in f["required"] and f["kind"] != "id":
            del card[f["key"]]
            body = ", ".join("%s: %s" % (k, v) for k, v in card.items())
            case("card-%s-without-%s" % (ty, f["key"]), "bad", HEAD + "cards:\n  - {%s}\n" % body)
for v in ('""', '"  "', '"\u00a0"', "~"):
    case("empty-text", "bad", HEAD + "cards:\n  - {id: Q1, type: question, text: %s}\n" % v)
    case("empty-title", "bad", "deck:\n  title: %s\ncards:\n  - {id: Q1, type: question, text: x}\n" % v)
case("numbers-are-text", "ok", "deck:\n  title: 1984\n  version: 1.0\ncards:\n  - {id: 7, type: question, text: 42}\n")
print(n)
PYEOF
expect_eq "a case for every card field and type" "$(ls "$TMP/cases" | grep -c -- '-card-')" \
	"$($PY -c 'import json, sys; t = json.load(open(sys.argv[1])); f = t["card_fields"]
print(sum(len(t["card_types"]) + sum(1 for ty in t["card_types"] if ty in x["required"] and x["kind"] != "id") for x in f if x["kind"] != "type"))' "$TMP/tables.json")"
cp tests/regress/layout/brand/small.png "$TMP/cases/pic.png" # the file a card's image names
$PY "$TMP/validate.py" "$TMP"/cases/*.yaml >"$TMP/case-verdicts"
"$BIN" check --no-fit "$TMP"/cases/*.yaml >"$TMP/case-out" 2>"$TMP/case-err"
for f in "$TMP"/cases/*.yaml; do
	case "$f" in *-ok-*) want_schema=valid ;; *) want_schema=invalid ;; esac
	grep -q "^$f: 1 card" "$TMP/case-out" && loader=valid || loader=invalid
	name=$(basename "$f" .yaml)
	expect_eq "loader on $name ($(sed -n 's/^  \([a-z_-]*\): \(.*\)/\1=\2/p' "$f" | head -1))" "$loader" "$want_schema"
	expect_eq "schema on $name" "$(grep -F "$f " "$TMP/case-verdicts" | awk '{print $2}')" "$want_schema"
done

# --- the two schemas share their definitions; patterns are JavaScript's -----------------
$PY - <<'PYEOF' >"$TMP/shared"
import json
d = json.load(open("docs/deck.schema.json")); t = json.load(open("docs/teams.schema.json"))
bad = [k for k in d["$defs"] if d["$defs"][k] != t["$defs"].get(k)]
if d["properties"]["print"] != t["properties"]["print"]: bad.append("print")
print(" ".join(bad))
PYEOF
expect_eq "teams.schema.json copies the deck schema's definitions unchanged" "$(cat "$TMP/shared")" ""
if command -v node >/dev/null; then
	node -e '
	const fs = require("fs"); let bad = [];
	function walk(v) { if (v && typeof v === "object") for (const k in v) {
		if (k === "pattern") { try { new RegExp(v[k], "u"); } catch (e) { bad.push(v[k]); } }
		walk(v[k]); } }
	for (const f of ["docs/deck.schema.json", "docs/teams.schema.json"]) walk(JSON.parse(fs.readFileSync(f)));
	console.log(bad.join("\n"));' >"$TMP/js"
	expect_eq "every pattern compiles as a JavaScript /u regular expression" "$(cat "$TMP/js")" ""
fi
finish
