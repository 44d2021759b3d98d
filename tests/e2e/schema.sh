#!/bin/sh
# docs/deck.schema.json and the loader must agree: every bundled deck and every fixture the
# loader accepts validates against the schema; fixtures with structural errors do not.
. tests/e2e/lib.sh
PY=/usr/bin/python3
cat >"$TMP/validate.py" <<'PYEOF'
import json, sys, yaml, jsonschema
schema = json.load(open("docs/deck.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in sys.argv[1:]:
    try:
        data = yaml.safe_load(open(path, encoding="utf-8"))
        errs = list(v.iter_errors(data))
        print(path, "valid" if not errs else "invalid")
    except Exception as e:
        print(path, "unreadable")
PYEOF
$PY -c 'import yaml, jsonschema' 2>/dev/null || { fail "python3-yaml and python3-jsonschema are needed"; finish; exit 1; }
for f in decks/*.yaml tests/regress/check/*.yaml; do
	grep -q '^teams:' "$f" && continue # a teams file, not a deck
	"$BIN" check "$f" >/dev/null 2>&1; rc=$?
	verdict=$($PY "$TMP/validate.py" "$f" | awk '{print $2}')
	case "$(basename "$f")" in
		# Errors the schema cannot express: meaning across the deck, bytes, YAML features.
		duplicate_id.yaml|unknown_refs.yaml|quote_mismatch.yaml|markup.yaml|print_too_big.yaml|include_duplicates.yaml|include_cycle.yaml|include_teams.yaml|include_outside.yaml|languages.yaml|language_not_listed.yaml|\
		invalid_utf8.yaml|nul_byte.yaml|nul_escape.yaml|control_chars.yaml|tabs.yaml|alias.yaml|billion_laughs.yaml|two_documents.yaml|duplicate_key.yaml|\
		deep_nesting.yaml|complex_key.yaml|syntax_*.yaml|empty.yaml|comments_only.yaml) continue ;;
	esac
	if [ $rc -eq 0 ]; then expect_eq "schema accepts $f (loader does)" "$verdict" valid
	else expect_eq "schema rejects $f (loader does)" "$verdict" invalid; fi
done
finish
