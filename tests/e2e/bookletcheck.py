#!/usr/bin/python3
"""Measure a deckpress booklet PDF (qpdf --json, pdftotext).

    bookletcheck.py labels PDF          page labels, one per line, from the catalog's /PageLabels
    bookletcheck.py outline PDF         outline titles, indented two spaces per level
    bookletcheck.py links PDF           "N links, M unresolved": links whose named destination
                                        is missing
    bookletcheck.py area PDF T B I O    every word lies inside the page inset by T(op), B(ottom),
                                        I(nner) and O(uter) mm; odd pages are right-hand pages
    bookletcheck.py toc PDF             every contents entry's page number is the page on which
                                        that chapter starts (its title is on that page and is
                                        not the running head, i.e. not on the previous page)
    bookletcheck.py impose BOOKLET SHEETS long|short
                                        each half of every imposed side carries the words of
                                        the booklet page saddle-stitch order puts there (backs
                                        turned 180 degrees for long)
    bookletcheck.py cards DECK LANG PDF every card's id, text, title, question, follow-ups and
                                        note (in LANG, else the deck's language) is in the PDF,
                                        word for word
Exits 1 on a failed check.
"""
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"


def objects(pdf):
    out = subprocess.run(["qpdf", "--json=1", "--json-key=objects", "--json-key=pages", pdf],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return data["objects"], [p["object"] for p in data["pages"]]


def catalog(objs):
    return next(v for v in objs.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")


def deref(objs, v):
    return objs[v] if isinstance(v, str) and v.endswith(" R") else v


def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def labels(pdf):
    objs, pages = objects(pdf)
    nums = deref(objs, deref(objs, catalog(objs)["/PageLabels"])["/Nums"])
    ranges = [(nums[i], deref(objs, nums[i + 1])) for i in range(0, len(nums), 2)]
    res = []
    for p in range(len(pages)):
        start, d = max((r for r in ranges if r[0] <= p), key=lambda r: r[0])
        n = d.get("/St", 1) + p - start
        style = d.get("/S")
        num = str(n) if style == "/D" else roman(n) if style == "/r" else ""
        res.append(d.get("/P", "").strip("()") .replace("u:", "") + num)
    return res


def cmd_labels(pdf):
    print("\n".join(labels(pdf)))
    return 0


def cmd_outline(pdf):
    objs, _ = objects(pdf)
    root = deref(objs, catalog(objs)["/Outlines"])

    def walk(item, depth):
        while item is not None:
            node = deref(objs, item)
            print("  " * depth + node["/Title"].replace("u:", "", 1))
            if "/First" in node:
                walk(node["/First"], depth + 1)
            item = node.get("/Next")
    walk(root.get("/First"), 0)
    return 0


def cmd_links(pdf):
    objs, pages = objects(pdf)
    names = deref(objs, deref(objs, catalog(objs).get("/Names", {})).get("/Dests"))
    known = set()

    def collect(node):
        node = deref(objs, node)
        if "/Names" in node:
            arr = deref(objs, node["/Names"])
            known.update(arr[i].replace("u:", "") for i in range(0, len(arr), 2))
        for kid in deref(objs, node.get("/Kids", [])):
            collect(kid)
    if names:
        collect(names)
    n = bad = 0
    for p in pages:
        for a in deref(objs, deref(objs, p).get("/Annots", [])):
            a = deref(objs, a)
            if a.get("/Subtype") != "/Link":
                continue
            n += 1
            dest = a.get("/Dest") or deref(objs, a.get("/A", {})).get("/D")
            if isinstance(dest, str) and dest.replace("u:", "") not in known:
                bad += 1
                print("unresolved link to %s" % dest)
    print("%d links, %d unresolved" % (n, bad))
    return 1 if bad or not n else 0


def page_words(pdf, first=None, last=None):
    args = ["pdftotext", "-bbox-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    html = subprocess.run(args + [pdf, "-"], capture_output=True, text=True, check=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html).replace("&nbsp;", " ")
    root = ET.fromstring(html)
    res = []
    for page in root.iter(XHTML + "page"):
        ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
               float(w.get("yMax"))) for w in page.iter(XHTML + "word")]
        res.append((float(page.get("width")), float(page.get("height")), ws))
    return res


def cmd_area(pdf, top, bottom, inner, outer):
    t, b, i, o = (float(v) * MM for v in (top, bottom, inner, outer))
    bad = checked = 0
    for no, (pw, ph, ws) in enumerate(page_words(pdf), 1):
        left, right = (i, pw - o) if no % 2 == 1 else (o, pw - i)
        for text, x0, y0, x1, y1 in ws:
            checked += 1
            # glyph boxes include the font's ascent and descent: allow 2 pt
            if x0 < left - 0.5 or x1 > right + 0.5 or y0 < t - 2 or y1 > ph - b + 2:
                bad += 1
                print("page %d: %r at (%.1f,%.1f)-(%.1f,%.1f) outside (%.1f,%.1f)-(%.1f,%.1f)"
                      % (no, text, x0, y0, x1, y1, left, t, right, ph - b))
    print("area: %d words, %d outside" % (checked, bad))
    return 1 if bad or not checked else 0


def page_text(pdf, p):
    out = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def cmd_toc(pdf):
    labs = labels(pdf)
    phys = {l: i + 1 for i, l in enumerate(labs)}
    # the contents are the pages labelled in roman numerals
    toc_pages = [i + 1 for i, l in enumerate(labs) if re.fullmatch(r"[ivxlc]+", l)]
    entries = []
    for p in toc_pages:
        out = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            m = re.fullmatch(r"\s*(\S.*?\S)\s{2,}(\d+)\s*", line)
            if m:
                entries.append((m.group(1), m.group(2)))
    bad = 0
    for title, num in entries:
        p = phys.get(num)
        if p is None:
            bad += 1
            print("%r: page %s does not exist" % (title, num))
            continue
        here = page_text(pdf, p)
        if title not in here:
            bad += 1
            print("%r: not on page %s (physical %d)" % (title, num, p))
        # a chapter's later pages start with its title as running head; its first does not
        elif here.startswith(title.upper()):
            bad += 1
            print("%r: page %s is not where the chapter starts" % (title, num))
        elif p > 1 and labs[p - 2].isdigit() and page_text(pdf, p - 1).startswith(title.upper()):
            bad += 1
            print("%r: the chapter already runs on page %s" % (title, labs[p - 2]))
    print("toc: %d entries, %d wrong" % (len(entries), bad))
    return 1 if bad or not entries else 0


def words_of(pdf, p):
    return sorted(w[0] for w in page_words(pdf, p)[0][2])


def cmd_impose(booklet, sheets, mode):
    n = len(page_words(booklet))
    padded = (n + 3) // 4 * 4
    sides = page_words(sheets)
    bad = 0
    for side, (sw, sh, ws) in enumerate(sides):
        s, back = side // 2, side % 2 == 1
        left, right = (2 * s + 2, padded - 2 * s - 1) if back else (padded - 2 * s, 2 * s + 1)
        if back and mode == "long":  # turned 180 degrees: the left page is printed on the right
            left, right = right, left
        for half, page in ((0, left), (1, right)):
            # each word by its centre; pdftotext -bbox-layout ignores -x/-y/-W/-H crops
            got = sorted(w[0] for w in ws if ((w[1] + w[3]) / 2 >= sw / 2) == (half == 1))
            want = words_of(booklet, page) if page <= n else []
            if got != want:
                bad += 1
                print("side %d %s half: got %s, want page %d %s"
                      % (side + 1, "left" if half == 0 else "right", got[:6], page, want[:6]))
    print("impose: %d pages on %d sides, %d misplaced" % (n, len(sides), bad))
    return 1 if bad or len(sides) != padded // 2 else 0


def tr(value, lang, orig):
    if value is None or isinstance(value, str):
        return value
    return value.get(lang, value.get(orig, next(iter(value.values()))))


def wordseq(text):
    """Words only: markup, quotes, dashes, ties and soft hyphens at line ends do not count."""
    text = re.sub(r"</?[bi]>", "", text).replace("\u00ad ", "").replace("\u00ad", "")
    return re.findall(r"[^\W_]+", text.lower())


def cmd_cards(deck, lang, pdf):
    import yaml
    d = yaml.safe_load(open(deck, encoding="utf-8"))
    orig = d["deck"].get("language", "nl")
    flat = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    # text that runs on to the next page continues past the running head and page number
    body = []
    for page in subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f"):
        lines = [l for l in page.splitlines() if l.strip()]
        if lines and re.fullmatch(r"[0-9ivxlc]+", lines[-1].strip()):
            lines.pop()
        if lines and lines[0].isupper():
            lines.pop(0)
        body += lines
    # letters and digits only: pdftotext joins "voor-" at a line end with the next line's "en"
    have = "".join(wordseq(" ".join(body)))
    bad = n = 0
    for c in d["cards"]:
        texts = [tr(c.get(k), lang, orig) for k in ("text", "title", "question", "note")]
        texts += [tr(f, lang, orig) for f in c.get("followups", [])]
        if c["id"] not in flat:
            bad += 1
            print("card %s: id missing" % c["id"])
        for t in filter(None, texts):
            n += 1
            if "".join(wordseq(t)) not in have:
                bad += 1
                print("card %s: text missing: %s" % (c["id"], t[:60]))
    print("cards: %d cards, %d texts, %d missing" % (len(d["cards"]), n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    sys.exit({"labels": cmd_labels, "outline": cmd_outline, "links": cmd_links, "area": cmd_area,
              "toc": cmd_toc, "impose": cmd_impose, "cards": cmd_cards}[cmd](*args))
