#!/usr/bin/python3
"""Measure a deckpress PDF: page boxes (qpdf --json), words (pdftotext -bbox-layout).

    pdfcheck.py boxes PDF            one line per page: mediabox trimbox bleedbox ('-' if absent)
    pdfcheck.py safe PDF MM          every word on every page lies inside TrimBox inset by MM
    pdfcheck.py align PDF MODE [DX,DY]
                                     backs sit behind their fronts for duplex MODE (long|short)
                                     within 0.1 mm, shifted by DX,DY mm; cards are identified by
                                     their category label 'KAART nn' (tests/e2e/fixtures/align.yaml)
    pdfcheck.py pdfx PDF x4|x1a     the PDF/X rules docs/printing.md lists (output intent, version
                                     keys, Trapped, XMP, boxes, groups, every content stream decoded
                                     and scanned for RGB, dark text K only, images, fonts)
    pdfcheck.py render PDFX RGBPDF [MAX_MEAN [MAX_P95]]
                                     renders both (the PDF/X through its own output intent) and
                                     compares every pixel's colour (CIE76 delta E)
    pdfcheck.py inks PDF             every fill and stroke ink of the file, with its count
    pdfcheck.py margin PDF MM        renders every page (150 dpi): nothing is drawn within MM of
                                     the sheet's edge (the office printer's unprintable margin)
    pdfcheck.py legible PDF          every text run's size and colour: none under 6 pt, reversed
                                     (white) text 7 pt or more, other text 4.5:1 against white
    pdfcheck.py contrast DUMP        every text box of a `cards --dump=layout` against the fill or
                                     disc drawn beneath it: 4.5:1 (the band, the icon panel's tint,
                                     a back in its category's colour)
    pdfcheck.py hyphens PDF [MAX_RUN [MAX_RUN_DISPLAY]]
                                     lines ending at a soft hyphen: no more than MAX_RUN (2) in a
                                     row, MAX_RUN_DISPLAY (1) in type of 14 pt and more, and no
                                     word that starts with a capital broken
Prints what it found; exits 1 on a failed check.
"""
import base64, json, math, os, re, subprocess, sys, tempfile
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


SHY = "\u00ad"


def cmd_hyphens(pdf, max_run="2", max_display="1"):
    html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html).replace("&nbsp;", " ")
    root = ET.fromstring(html)
    ns = "{http://www.w3.org/1999/xhtml}"
    bad, total, longest = 0, 0, 0
    for pno, page in enumerate(root.iter(ns + "page"), 1):
        for block in page.iter(ns + "block"):
            run = 0
            for line in block.iter(ns + "line"):
                ws = line.findall(ns + "word")
                if not ws:
                    continue
                last = ws[-1]
                t = last.text or ""
                height = float(last.get("yMax")) - float(last.get("yMin"))
                display = height >= 14 * 1.2
                if t.endswith(SHY):
                    total += 1
                    run += 1
                    longest = max(longest, run)
                    if t[:1].isupper():
                        bad += 1
                        print("page %d: a capitalised word broken: %r" % (pno, t))
                    limit = int(max_display if display else max_run)
                    if run > limit:
                        bad += 1
                        print("page %d: %d hyphenated lines in a row (limit %d%s), at %r"
                              % (pno, run, limit, ", display size" if display else "", t))
                else:
                    run = 0
    print("hyphens: %d hyphenated lines, longest run %d, %d problems" % (total, longest, bad))
    return 1 if bad else 0


# --- PDF/X -------------------------------------------------------------------------------

def qpdf_objects(pdf):
    """qpdf's JSON v2 of every object, stream data decoded and inline (base64)."""
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                          "--decode-level=generalized", pdf],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


class Doc:
    def __init__(self, pdf):
        self.pdf = pdf
        self.json = qpdf_objects(pdf)
        self.objs = self.json["qpdf"][1]
        self.trailer = self.objs["trailer"]["value"]

    def get(self, v):
        """Follows an indirect reference ("12 0 R") to its value (a stream: its dict)."""
        if isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = self.objs.get("obj:" + v, {})
            return o["stream"]["dict"] if "stream" in o else o.get("value")
        return v

    def stream(self, v):
        o = self.objs.get("obj:" + v, {}) if isinstance(v, str) else {}
        return o.get("stream")

    def data(self, v):
        s = self.stream(v)
        return base64.b64decode(s["data"]) if s and "data" in s else b""


def text(v):
    return v[2:] if isinstance(v, str) and v.startswith("u:") else v


TOKEN = re.compile(rb"""\s*(?:%[^\r\n]*|(\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))|(<<|>>|\[|\]|<[0-9A-Fa-f\s]*>)|(/[^\s()<>\[\]{}/%]*)|([^\s()<>\[\]{}/%]+))""", re.S)


def content_ops(data):
    """(operator, operands) of a content stream; strings and arrays are kept as one operand."""
    ops, stack, depth, pos = [], [], 0, 0
    while pos < len(data):
        m = TOKEN.match(data, pos)
        if not m or m.end() == pos:
            if data[pos:].strip() == b"":
                break
            raise ValueError("unreadable content at byte %d" % pos)
        pos = m.end()
        s, delim, name, word = m.groups()
        if delim in (b"[", b"<<"):
            depth += 1
            if depth == 1:
                stack.append(delim)
        elif delim in (b"]", b">>"):
            depth -= 1
        elif depth:
            continue
        elif s is not None or delim is not None or name is not None:
            stack.append(s or delim or name)
        elif word is not None:
            if re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", word) or word in (b"true", b"false", b"null"):
                stack.append(word)
            else:
                ops.append((word.decode("latin-1"), stack))
                stack = []
                if word == b"ID":  # inline image data up to EI
                    end = re.compile(rb"\sEI(?=[\s]|$)").search(data, pos)
                    pos = end.end() if end else len(data)
    return ops


def naive_lab(c, m, y, k):
    """Lightness and chroma of a CMYK ink by the textbook conversion (no profile needed)."""
    rgb = [(1 - v) * (1 - k) for v in (c, m, y)]
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    X = 0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]
    Y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    Z = 0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    fx, fy, fz = f(X / 0.9505), f(Y), f(Z / 1.089)
    return 116 * fy - 16, math.hypot(500 * (fx - fy), 200 * (fy - fz))


class Scan:
    """Walks every content stream a page draws (forms too) tracking fill and stroke inks."""
    def __init__(self, doc):
        self.doc, self.bad, self.inks, self.seen = doc, [], {}, set()
        self.texts = 0
        self.images = {}  # image ref -> the fill inks in force where it is drawn

    def pages(self):
        """Walks every page's content streams; returns itself."""
        for i, p in enumerate(self.doc.json["pages"]):
            d = self.doc.get(p["object"])
            contents = d.get("/Contents")
            for ref in contents if isinstance(contents, list) else [contents]:
                self.run(ref, d.get("/Resources"), "page %d" % (i + 1))
        return self

    def problem(self, where, msg):
        if len(self.bad) < 20:
            self.bad.append("%s: %s" % (where, msg))

    def run(self, ref, res, where):
        if ref in self.seen:
            return
        self.seen.add(ref)
        try:
            ops = content_ops(self.doc.data(ref))
        except ValueError as e:
            self.problem(where, str(e))
            return
        fill, stack = None, []
        xobjs = self.doc.get(self.doc.get(res or {}).get("/XObject", {})) or {}
        for op, args in ops:
            if op in ("rg", "RG", "g", "G", "sc", "SC", "scn", "SCN", "cs", "CS", "sh", "BI"):
                self.problem(where, "operator %s %s" % (b" ".join(a if isinstance(a, bytes) else b"" for a in args).decode("latin-1"), op))
            elif op in ("k", "K"):
                ink = tuple(round(float(a), 4) for a in args)
                self.inks[(op, ink)] = self.inks.get((op, ink), 0) + 1
                if op == "k":
                    fill = ink
            elif op == "q":
                stack.append(fill)
            elif op == "Q" and stack:
                fill = stack.pop()
            elif op in ("Tj", "TJ", "'", '"'):
                self.texts += 1
                if fill is None:
                    self.problem(where, "text drawn before any CMYK fill colour")
                    continue
                light, chroma = naive_lab(*fill)
                if light < 50 and chroma < 15 and any(fill[:3]):
                    self.problem(where, "dark text in four-colour black %s" % (fill,))
            elif op == "Do" and args:
                name = args[0].decode("latin-1")
                ref2 = xobjs.get(name)
                d = self.doc.get(ref2) or {}
                if d.get("/Subtype") == "/Form":
                    self.run(ref2, d.get("/Resources", res), where + " form " + name)
                elif d.get("/Subtype") == "/Image":
                    self.images.setdefault(ref2, set()).add(fill)


def icc_header(data):
    return {"class": data[12:16], "space": data[16:20], "pcs": data[20:24]} if len(data) >= 128 else {}


def check_intent(doc, fails):
    root = doc.get(doc.trailer.get("/Root"))
    intents = doc.get(root.get("/OutputIntents")) or []
    if len(intents) != 1:
        fails.append("OutputIntents: %d entries, want 1" % len(intents))
        return
    oi = doc.get(intents[0])
    if oi.get("/S") != "/GTS_PDFX":
        fails.append("OutputIntent /S is %s, want /GTS_PDFX" % oi.get("/S"))
    if not text(oi.get("/OutputConditionIdentifier")):
        fails.append("OutputIntent has no OutputConditionIdentifier")
    prof = oi.get("/DestOutputProfile")
    pd = doc.get(prof) or {}
    h = icc_header(doc.data(prof))
    if pd.get("/N") != 4 or h.get("space") != b"CMYK" or h.get("class") != b"prtr":
        fails.append("DestOutputProfile is not a 4-component CMYK output profile (%s, %s)" % (pd.get("/N"), h))
    ident = text(oi.get("/OutputConditionIdentifier"))
    desc = doc.data(prof)
    if ident == "FOGRA39" and (b"SWOP" in desc or b"FOGRA39" not in desc):
        fails.append("an output intent labelled FOGRA39 whose profile is not FOGRA39")
    print("output intent: %s, %d-byte %s profile" % (ident, len(desc), h.get("space", b"?").decode()))


PDF_DATE = re.compile(r"D:\d{14}(Z|[+-]\d\d'\d\d'?)$")


def check_info(doc, level, fails):
    info = doc.get(doc.trailer.get("/Info")) or {}
    want = {"x4": ("PDF/X-4", None), "x1a": ("PDF/X-1:2001", "PDF/X-1a:2001")}[level]
    if text(info.get("/GTS_PDFXVersion")) != want[0]:
        fails.append("Info GTS_PDFXVersion %r, want %r" % (info.get("/GTS_PDFXVersion"), want[0]))
    if text(info.get("/GTS_PDFXConformance")) != want[1]:
        fails.append("Info GTS_PDFXConformance %r, want %r" % (info.get("/GTS_PDFXConformance"), want[1]))
    if info.get("/Trapped") != "/False":
        fails.append("Info Trapped %r, want /False" % info.get("/Trapped"))
    if not text(info.get("/Title")):
        fails.append("Info has no Title")
    for k in ("/CreationDate", "/ModDate"):
        if not PDF_DATE.match(text(info.get(k)) or ""):
            fails.append("Info %s %r is not a PDF date with a time zone" % (k, info.get(k)))
    ids = doc.trailer.get("/ID")
    if not (isinstance(ids, list) and len(ids) == 2):
        fails.append("no trailer /ID")
    return info


def check_xmp(doc, info, fails):
    root = doc.get(doc.trailer.get("/Root"))
    ref = root.get("/Metadata")
    x = doc.data(ref).decode("utf-8", "replace") if ref else ""
    if not x:
        fails.append("no XMP metadata")
        return
    if doc.stream(ref).get("dict", {}).get("/Subtype") != "/XML":
        fails.append("metadata stream is not /Subtype /XML")
    try:
        ET.fromstring(x[x.index("<x:xmpmeta"):x.index("</x:xmpmeta>") + 12])
    except (ValueError, ET.ParseError) as e:
        fails.append("XMP is not well-formed XML: %s" % e)
    need = {"pdfxid:GTS_PDFXVersion": "PDF/X-4", "pdf:Trapped": "False", "xmpMM:RenditionClass": None,
            "xmpMM:VersionID": None, "xmpMM:DocumentID": None, "xmp:CreateDate": None,
            "xmp:ModifyDate": None}
    for tag, val in need.items():
        m = re.search(r"<%s>([^<]*)</%s>" % (tag, tag), x)
        if not m or (val and m.group(1) != val):
            fails.append("XMP %s missing or not %s" % (tag, val))
    title = text(info.get("/Title"))
    if title and ">%s<" % title.replace("&", "&amp;").replace("<", "&lt;") not in x:
        fails.append("XMP dc:title does not match Info Title %r" % title)
    cd = text(info.get("/CreationDate")) or ""
    m = re.search(r"<xmp:CreateDate>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)", x)
    if not m or "D:" + "".join(m.groups()) != cd[:16]:
        fails.append("XMP CreateDate does not match Info CreationDate %s" % cd)


def num(v):
    return float(v)


def check_pages(doc, level, fails):
    transparent_pages = 0
    for i, p in enumerate(doc.json["pages"]):
        d = doc.get(p["object"])
        mb = [num(v) for v in doc.get(d.get("/MediaBox")) or []]
        tb = [num(v) for v in doc.get(d.get("/TrimBox")) or []]
        bb = [num(v) for v in doc.get(d.get("/BleedBox")) or []]
        if len(tb) != 4 or len(bb) != 4:
            fails.append("page %d: TrimBox %s BleedBox %s" % (i + 1, tb, bb))
            continue
        inside = lambda a, b: a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]
        if not inside(bb, mb):
            fails.append("page %d: BleedBox %s not inside MediaBox %s" % (i + 1, bb, mb))
        if not inside(tb, bb):
            fails.append("page %d: TrimBox %s not inside BleedBox %s" % (i + 1, tb, bb))
        if d.get("/Annots"):
            fails.append("page %d has annotations" % (i + 1))
        g = doc.get(d.get("/Group"))
        if g is not None:
            transparent_pages += 1
            if level == "x1a":
                fails.append("page %d has a transparency group (PDF/X-1a)" % (i + 1))
            elif g.get("/CS") == "/DeviceRGB":
                fails.append("page %d: transparency group in DeviceRGB" % (i + 1))
    return transparent_pages


def page_needs_group(doc, d):
    res = doc.get(d.get("/Resources")) or {}
    for ref in (doc.get(res.get("/XObject")) or {}).values():
        x = doc.get(ref) or {}
        if x.get("/SMask") or (x.get("/Subtype") == "/Form" and page_needs_group(doc, x)):
            return True
    for ref in (doc.get(res.get("/ExtGState")) or {}).values():
        g = doc.get(ref) or {}
        if any(k in g and float(g[k]) < 1 for k in ("/ca", "/CA")):
            return True
        # a blend mode or a soft mask is transparency too (an SVG's mix-blend-mode)
        if g.get("/BM", "/Normal") != "/Normal" or g.get("/SMask", "/None") != "/None":
            return True
    return False


def check_objects(doc, level, fails):
    """Colour spaces and transparency anywhere in the file."""
    for key, o in doc.objs.items():
        if key == "trailer":
            continue
        d = o["stream"]["dict"] if "stream" in o else o.get("value")
        blob = json.dumps(d)
        for bad in ("/DeviceRGB", "/CalRGB", "/Lab\"", "/Indexed"):
            if bad in blob:
                fails.append("%s uses %s" % (key, bad.rstrip('\"')))
        if isinstance(d, dict) and d.get("/ColorSpace") and isinstance(d.get("/ColorSpace"), list):
            fails.append("%s has a colour space array %s" % (key, d["/ColorSpace"]))
        if level == "x1a" and isinstance(d, dict):
            for k in ("/SMask", "/CA", "/ca", "/BM", "/Group"):
                if k in d and not (k == "/SMask" and d[k] == "/None"):
                    fails.append("%s has %s (transparency, PDF/X-1a)" % (key, k))


def check_images_fonts(pdf, level, fails):
    out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
    rows = [l.split() for l in out.splitlines()[2:] if l.strip()]
    for r in rows:
        if r[5] not in ("cmyk", "gray"):
            fails.append("image on page %s in %s" % (r[0], r[5]))
        if level == "x1a" and r[2] == "smask":
            fails.append("soft mask on page %s (PDF/X-1a)" % r[0])
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    for l in fonts.splitlines()[2:]:
        if l.split()[-5] != "yes":
            fails.append("font not embedded: %s" % l)
    return len(rows)


def cmd_pdfx(pdf, level):
    fails = []
    head = open(pdf, "rb").read(8)
    want = {"x4": b"%PDF-1.6", "x1a": b"%PDF-1.3"}[level]
    if head != want:
        fails.append("header %r, want %r" % (head, want))
    doc = Doc(pdf)
    check_intent(doc, fails)
    info = check_info(doc, level, fails)
    root = doc.get(doc.trailer.get("/Root"))
    if level == "x4":
        check_xmp(doc, info, fails)
    elif root.get("/Metadata"):
        fails.append("XMP metadata in a PDF 1.3 (PDF/X-1a) file")
    groups = check_pages(doc, level, fails)
    for i, p in enumerate(doc.json["pages"]):
        d = doc.get(p["object"])
        if level == "x4" and (d.get("/Group") is not None) != page_needs_group(doc, d):
            fails.append("page %d: transparency group %s, but transparency %s" % (
                i + 1, "present" if d.get("/Group") else "absent",
                "used" if page_needs_group(doc, d) else "unused"))
    check_objects(doc, level, fails)
    scan = Scan(doc).pages()
    fails += scan.bad
    if not scan.texts:
        fails.append("no text found in the content streams")
    nimg = check_images_fonts(pdf, level, fails)
    for f in fails:
        print("FAIL " + f)
    print("pdfx %s: %d pages, %d streams, %d text runs, %d inks, %d images, %d page groups, %d problems"
          % (level, len(doc.json["pages"]), len(scan.seen), scan.texts, len(scan.inks), nimg, groups, len(fails)))
    return 1 if fails else 0


def rgb_of(op, args):
    v = [float(a) for a in args]
    if op in ("rg", "RG"):
        return v
    if op in ("g", "G"):
        return v * 3
    return [(1 - x) * (1 - v[3]) for x in v[:3]]  # k, K: the textbook conversion


def luminance(rgb):
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def cmd_margin(pdf, mm):
    dpi = 150
    edge = float(mm) / 25.4 * dpi - 1  # one pixel for antialiasing at the band's inner edge
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), pdf, os.path.join(tmp, "p")], check=True)
        for f in sorted(os.listdir(tmp)):
            w, h, data = read_ppm(os.path.join(tmp, f))
            hits = []
            for y in range(h):
                inner_y = edge <= y < h - edge
                row = data[3 * w * y:3 * w * (y + 1)]
                xs = range(w) if not inner_y else [x for x in range(int(edge) + 1)] + \
                    [x for x in range(w - int(edge) - 1, w)]
                for x in xs:
                    if (x < edge or x >= w - edge or not inner_y) and row[3 * x:3 * x + 3] != b"\xff\xff\xff":
                        hits.append((x, y))
                        break
            if hits:
                bad += 1
                x, y = hits[0]
                print("%s: drawn %.2f mm from the left, %.2f mm from the top (%d rows touched)"
                      % (f, x / dpi * 25.4, y / dpi * 25.4, len(hits)))
    # text boxes as pdftotext computes them (font ascent to descent), not just the ink
    limit = float(mm) * MM
    for no, pw, ph, ws, _ in words(pdf):
        for t, x0, y0, x1, y1 in ws:
            if x0 < limit - 0.01 or y0 < limit - 0.01 or x1 > pw - limit + 0.01 or y1 > ph - limit + 0.01:
                bad += 1
                print("page %d: word %r reaches %.2f mm from the edge" % (
                    no, t, min(x0, y0, pw - x1, ph - y1) / MM))
                break
    print("margin %s mm: %d pages drawn into it" % (mm, bad))
    return 1 if bad else 0


def cmd_legible(pdf):
    """Text sizes from Tf times the Tm scale (Cairo draws at 1 unit = 1 pt)."""
    doc = Doc(pdf)
    bad, runs, smallest = [], 0, 99.0
    for i, p in enumerate(doc.json["pages"]):
        d = doc.get(p["object"])
        contents = d.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        ops = [o for r in refs for o in content_ops(doc.data(r))]
        fill, tf, stack = [0, 0, 0], 1.0, []
        for op, args in ops:
            if op in ("rg", "g", "k"):
                fill = rgb_of(op, args)
            elif op == "q":
                stack.append(fill)
            elif op == "Q" and stack:
                fill = stack.pop()
            elif op == "Tf" and len(args) == 2:
                tf = abs(float(args[1]))
            elif op == "Tm" and len(args) == 6:
                a, b = float(args[0]), float(args[1])
                size = tf * math.hypot(a, b)
            elif op in ("Tj", "TJ", "'", '"'):
                runs += 1
                smallest = min(smallest, size)
                white = min(fill) > 0.99
                contrast = (1.05) / (luminance(fill) + 0.05)
                if size < 6 - 1e-3:
                    bad.append("page %d: text at %.2f pt" % (i + 1, size))
                elif white and size < 7 - 1e-3:
                    bad.append("page %d: reversed text at %.2f pt" % (i + 1, size))
                elif not white and contrast < 4.5:
                    bad.append("page %d: text at %.2f pt with contrast %.2f:1" % (i + 1, size, contrast))
    for b in bad[:20]:
        print(b)
    print("legible: %d text runs, smallest %.2f pt, %d problems" % (runs, smallest, len(bad)))
    return 1 if bad or not runs else 0


BOX = re.compile(r'^  (front|back) (fill|disc|text) (\S+) ([-\d.]+),([-\d.]+) ([\d.]+)x([\d.]+) '
                 r'#([0-9a-f]{6})(?: fade ([\d.]+))?(.*)$')


def faded(hexrgb, fade):
    """A dump's colour as render_set_color draws it: each channel towards white by fade."""
    return [c + (1 - c) * float(fade or 0) for c in
            (int(hexrgb[i:i + 2], 16) / 255 for i in (0, 2, 4))]


def cmd_contrast(dump):
    bad, texts, card, grounds = [], 0, None, {}
    for line in open(dump, encoding="utf-8"):
        if line.startswith("card ") and not line.startswith("card %"):
            card, grounds = line.split()[1], {"front": [], "back": []}
        m = BOX.match(line)
        if not m or card is None:
            continue
        side, kind, name = m.group(1), m.group(2), m.group(3)
        x, y, w, h = (float(m.group(i)) for i in range(4, 8))
        rgb = faded(m.group(8), m.group(9))
        if kind != "text":
            grounds[side].append((x, y, x + w, y + h, rgb))
            continue
        cx, cy = x + w / 2, y + h / 2
        under = [g for g in grounds[side] if g[0] <= cx <= g[2] and g[1] <= cy <= g[3]]
        bg = under[-1][4] if under else [1, 1, 1]
        la, lb = luminance(rgb), luminance(bg)
        ratio = (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
        texts += 1
        if ratio < 4.5:
            bad.append("card %s %s %s: contrast %.2f:1%s" % (card, side, name, ratio, m.group(10)))
    for b in bad[:20]:
        print(b)
    print("contrast: %d text boxes, %d under 4.5:1" % (texts, len(bad)))
    return 1 if bad or not texts else 0


def cmd_inks(pdf):
    doc = Doc(pdf)
    scan = Scan(doc)
    for i, p in enumerate(doc.json["pages"]):
        d = doc.get(p["object"])
        scan.run(d.get("/Contents"), d.get("/Resources"), "page %d" % (i + 1))
    for (op, ink), n in sorted(scan.inks.items()):
        print("%s %s x%d" % (op, " ".join("%g" % v for v in ink), n))
    return 0


def cmd_flat(pdf, sizes):
    """PDF/X-1a with pictures whose corners are transparent, of the sizes given ("240x240,96x96"):
    each such image is drawn over one ink only, and its top-left pixel is that ink (it was
    flattened onto the ink beneath it)."""
    want = {tuple(int(v) for v in wh.split("x")) for wh in sizes.split(",")}
    doc = Doc(pdf)
    scan = Scan(doc).pages()
    bad, n = [], 0
    for ref, fills in sorted(scan.images.items()):
        d = doc.get(ref)
        if (d.get("/Width"), d.get("/Height")) not in want:
            continue
        n += 1
        if len(fills) != 1 or None in fills:
            bad.append("image %s drawn over %s" % (ref, sorted(map(str, fills))))
            continue
        ink = next(iter(fills))
        px = doc.data(ref)[:4]
        if d.get("/ColorSpace") != "/DeviceCMYK" or len(px) < 4 or \
                any(abs(v / 255 - c) > 1.5 / 255 for v, c in zip(px, ink)):
            bad.append("image %s: corner %s, ink beneath %s" % (ref, tuple(px), ink))
    print("flat: %d images of %s, %d problems" % (n, sizes, len(bad)))
    for b in bad[:10]:
        print("  " + b)
    return 1 if bad or not n else 0


def read_ppm(path):
    data = open(path, "rb").read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def srgb_lab(r, g, b, cache={}):
    key = (r, g, b)
    if key not in cache:
        lin = [(v / 255) / 12.92 if v <= 10 else (((v / 255) + 0.055) / 1.055) ** 2.4 for v in key]
        X = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.9505
        Y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        Z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.089
        f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
        cache[key] = (116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z)))
    return cache[key]


def cmd_render(pdfx, rgb, max_mean="3", max_p95="8"):
    """Both files rendered at 20 dpi; the PDF/X through the profile of its own output intent."""
    doc = Doc(pdfx)
    root = doc.get(doc.trailer.get("/Root"))
    oi = doc.get((doc.get(root.get("/OutputIntents")) or [None])[0]) or {}
    with tempfile.TemporaryDirectory() as tmp:
        icc = os.path.join(tmp, "intent.icc")
        open(icc, "wb").write(doc.data(oi.get("/DestOutputProfile")))
        a, b = os.path.join(tmp, "x"), os.path.join(tmp, "r")
        subprocess.run(["pdftoppm", "-r", "20", "-defaultcmykprofile", icc, pdfx, a], check=True)
        subprocess.run(["pdftoppm", "-r", "20", rgb, b], check=True)
        pages_a = sorted(f for f in os.listdir(tmp) if f.startswith("x"))
        pages_b = sorted(f for f in os.listdir(tmp) if f.startswith("r"))
        if len(pages_a) != len(pages_b):
            print("render: %d pages against %d" % (len(pages_a), len(pages_b)))
            return 1
        des = []
        for fa, fb in zip(pages_a, pages_b):
            wa, ha, da = read_ppm(os.path.join(tmp, fa))
            wb, hb, db = read_ppm(os.path.join(tmp, fb))
            if (wa, ha) != (wb, hb):
                print("render: page sizes differ: %s %s" % ((wa, ha), (wb, hb)))
                return 1
            for i in range(0, len(da), 3):
                la, lb = srgb_lab(*da[i:i + 3]), srgb_lab(*db[i:i + 3])
                des.append(math.dist(la, lb))
    des.sort()
    mean, p95, worst = sum(des) / len(des), des[int(0.95 * (len(des) - 1))], des[-1]
    print("render: %d pixels, delta E mean %.2f, 95th percentile %.2f, largest %.1f (limits %s, %s)"
          % (len(des), mean, p95, worst, max_mean, max_p95))
    return 0 if mean <= float(max_mean) and p95 <= float(max_p95) else 1


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    sys.exit({"boxes": cmd_boxes, "safe": cmd_safe, "align": cmd_align, "pdfx": cmd_pdfx,
              "render": cmd_render, "inks": cmd_inks, "flat": cmd_flat, "hyphens": cmd_hyphens,
              "legible": cmd_legible, "contrast": cmd_contrast, "margin": cmd_margin}[cmd](*args))
