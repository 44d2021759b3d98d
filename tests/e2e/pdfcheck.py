#!/usr/bin/python3
"""Measure a deckpress PDF: page boxes (qpdf --json), words (pdftotext -bbox-layout).

    pdfcheck.py boxes PDF            one line per page: mediabox trimbox bleedbox ('-' if absent)
    pdfcheck.py safe PDF MM          every word on every page lies inside TrimBox inset by MM
    pdfcheck.py align PDF MODE [DX,DY]
                                     backs sit behind their fronts for duplex MODE (long|short)
                                     within 0.1 mm, shifted by DX,DY mm; cards are identified by
                                     their category label 'KAART nn' (tests/e2e/fixtures/align.yaml)
Prints what it found; exits 1 on a failed check.
"""
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4


def pages_boxes(pdf):
    out = subprocess.run(["qpdf", "--json=1", "--json-key=pages", "--json-key=objects", pdf],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    objs = data["objects"]
    res = []
    for p in data["pages"]:
        d = objs[p["object"]]
        res.append({k: d.get("/" + k) for k in ("MediaBox", "TrimBox", "BleedBox")})
    return res


def words(pdf):
    """[(page_no, page_w, page_h, [(text, xmin, ymin, xmax, ymax)], [lines])] with y down."""
    html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    html = html.replace("&nbsp;", " ")
    root = ET.fromstring(html)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    res = []
    for i, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page")):
        ws, ls = [], []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            lw = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                   float(w.get("yMax"))) for w in line.findall("h:word", ns)]
            ws += lw
            if lw:
                ls.append((" ".join(w[0] for w in lw), float(line.get("xMin")), float(line.get("yMin")),
                           float(line.get("xMax")), float(line.get("yMax"))))
        res.append((i + 1, float(page.get("width")), float(page.get("height")), ws, ls))
    return res


def cmd_boxes(pdf):
    for b in pages_boxes(pdf):
        print(" ".join("-" if b[k] is None else ",".join("%.3f" % v for v in b[k])
                       for k in ("MediaBox", "TrimBox", "BleedBox")))
    return 0


def cmd_safe(pdf, mm):
    inset = float(mm) * MM
    boxes = pages_boxes(pdf)
    bad = 0
    checked = 0
    for (no, pw, ph, ws, _), b in zip(words(pdf), boxes):
        if b["TrimBox"] is None:
            print("page %d has no TrimBox" % no)
            return 1
        x0, y0, x1, y1 = b["TrimBox"]
        # PDF y up -> pdftotext y down
        left, right, top, bottom = x0 + inset, x1 - inset, ph - y1 + inset, ph - y0 - inset
        tol = 0.5
        for t, a, c, d, e in ws:
            checked += 1
            if a < left - tol or d > right + tol or c < top - tol or e > bottom + tol:
                bad += 1
                print("page %d: word %r at (%.1f,%.1f)-(%.1f,%.1f) outside the safe area "
                      "(%.1f,%.1f)-(%.1f,%.1f)" % (no, t, a, c, d, e, left, top, right, bottom))
    print("safe: %d words checked, %d outside" % (checked, bad))
    return 1 if bad or not checked else 0


def fronts_and_backs(pdf):
    """card label -> (front centre x, front label y) and (back centre x, back label y)."""
    pages = words(pdf)
    front, back = {}, {}
    for no, pw, ph, ws, ls in pages:
        if no % 2 == 1:
            # front: the band reads "KAART nn" at the left safe edge and the card type at the
            # right one (pdftotext may split a letter-spaced word), so the card's centre is
            # halfway between the first word and the last word before the next "KAART"
            rows = {}
            for w in ws:
                rows.setdefault(round(w[2]), []).append(w)
            for row in rows.values():
                row.sort(key=lambda w: w[1])
                starts = [i for i, w in enumerate(row) if w[0] == "KAART"]
                for j, i in enumerate(starts):
                    end = starts[j + 1] if j + 1 < len(starts) else len(row)
                    front[row[i + 1][0]] = ((row[i][1] + row[end - 1][3]) / 2, row[i][2])
        else:
            for text, x0, y0, x1, y1 in ls:
                m = re.fullmatch(r"KAART (\d+)", text)
                if m:
                    back[m.group(1)] = ((x0 + x1) / 2, y0)
    return pages[0][1], pages[0][2], front, back


def cmd_align(pdf, mode, offset="0,0"):
    dx, dy = (float(v) * MM for v in offset.split(","))
    pw, ph, front, back = fronts_and_backs(pdf)
    if not front or set(front) != set(back):
        print("align: fronts %s, backs %s" % (sorted(front), sorted(back)))
        return 1
    tol = 0.1 * MM
    bad = 0
    consts = []
    # the sheet turns over its long edge (long) or its short edge (short): on a portrait page
    # long mirrors columns, on a landscape page it mirrors rows
    flip_x = (mode == "long") == (ph >= pw)
    for k in sorted(front):
        (fx, fy), (bx, by) = front[k], back[k]
        want_x = (pw - fx if flip_x else fx) + dx
        if abs(bx - want_x) > tol:
            bad += 1
            print("card %s: back centre x %.2f, want %.2f" % (k, bx, want_x))
        # the label offsets inside a card are the same for every card, so this is constant
        consts.append((by - fy) if flip_x else (by + fy))
    spread = max(consts) - min(consts)
    if spread > tol:
        bad += 1
        print("backs do not line up vertically: spread %.3f pt over %d cards" % (spread, len(consts)))
    rows = len({round(v[1]) for v in front.values()})
    print("align %s (%s page): %d cards in %d rows, %d misplaced"
          % (mode, "portrait" if ph >= pw else "landscape", len(front), rows, bad))
    return 1 if bad or rows < 2 else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    sys.exit({"boxes": cmd_boxes, "safe": cmd_safe, "align": cmd_align}[cmd](*args))
