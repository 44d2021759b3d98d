#!/usr/bin/python3
"""Read the structure of a tagged PDF back and check it against PDF/UA-1 (docs/booklet.md,
"Accessible PDF", lists each rule and the check here that covers it).

    tagcheck.py check PDF             every PDF/UA rule below; exit 1 and name each failure
    tagcheck.py tree PDF              the structure tree, one element a line, with its text
    tagcheck.py text PDF              the text of the leaves in reading order, one a line
    tagcheck.py order DECK LANG PDF   the card entries come in the booklet's order (chapters
                                      by category in deck order, then by type; cards in deck
                                      order) and each holds its card's texts, in reading order
    tagcheck.py lang PDF              the catalog's /Lang, then each element that has one:
                                      "Role lang: text"
    tagcheck.py samewords A B TOL     pdftotext finds the same words on the same pages of A and
                                      B, each box within TOL points
    tagcheck.py pixels A B DPI FRAC   rendered at DPI, every page of A differs from B's in at
                                      most the fraction FRAC of its pixels (a smoke test)
    tagcheck.py paint PDF             what draws the pictures and shapes, page by page:
                                      "page N: artifact: I images, S shapes; ROLE: ..." (an
                                      image is a Do of an image XObject, a shape any other
                                      painting operator), owners being artifacts or the
                                      elements whose marked content holds them

The file is read with `qpdf --json=2 --decode-level=all` (streams decoded); content streams
are tokenised here, glyphs mapped to text through each font's /ToUnicode.
"""
import base64, json, re, subprocess, sys
import xml.etree.ElementTree as ET

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
# ISO 32000-1, 14.8.4: which elements may hold which (the ones the booklet uses)
PARENTS = {"LI": {"L"}, "Lbl": {"LI", "TOCI"}, "LBody": {"LI"}, "TOCI": {"TOC"}}
CHILDREN = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}, "TOC": {"TOCI", "TOC", "Caption"},
            "TOCI": {"Lbl", "Reference", "NonStruct", "P", "TOC"}}
TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI"}


# --- the file ---

class Pdf:
    def __init__(self, path):
        out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                              "--decode-level=all", "--json-key=qpdf", path],
                             capture_output=True, text=True, check=True).stdout
        objs = json.loads(out)["qpdf"][1]
        self.objs = {k[4:]: v for k, v in objs.items() if k.startswith("obj:")}
        self.trailer = objs["trailer"]["value"]
        self.catalog = self.get(self.trailer["/Root"])
        self.info = self.get(self.trailer.get("/Info", {}))
        self.pages = []
        self._pages(self.catalog["/Pages"])

    def _pages(self, ref):
        node = self.get(ref)
        if node.get("/Type") == "/Page":
            self.pages.append(ref)
        for kid in node.get("/Kids", []):
            self._pages(kid)

    def get(self, v):
        if isinstance(v, str) and v.endswith(" R") and v in self.objs:
            o = self.objs[v]
            return o["stream"]["dict"] if "stream" in o else o["value"]
        return v

    def data(self, ref):
        return base64.b64decode(self.objs[ref]["stream"].get("data", ""))


def text_of(v):
    """A PDF string from qpdf's JSON ("u:..." or "b:hex") as text."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        return b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
    return v


# --- content streams ---

TOKEN = re.compile(rb"""\s*(?:%[^\r\n]*|(?P<t>
    /[^\s/\[\]<>(){}%]*          # name
  | <<|>>|\[|\]                   # delimiters
  | <[0-9A-Fa-f\s]*>             # hex string
  | \(                            # literal string: read by hand
  | [^\s/\[\]<>(){}%]+            # number or operator
))""", re.X)


def lex(data):
    i, n = 0, len(data)
    while i < n:
        m = TOKEN.match(data, i)
        if not m or m.end() == i:
            if data[i:].strip():
                raise ValueError("bad content at byte %d" % i)
            return
        i = m.end()
        t = m.group("t")
        if t is None:
            continue
        if t == b"(":
            depth, j, out = 1, i, bytearray()
            while depth and j < n:
                c = data[j:j + 1]
                j += 1
                if c == b"\\":
                    e = data[j:j + 1]
                    j += 1
                    if e in b"01234567":
                        k = j - 1
                        while j < k + 3 and data[j:j + 1] in b"01234567" and j < n:
                            j += 1
                        out.append(int(data[k:j], 8) & 255)
                    else:
                        out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b",
                                b"f": b"\f"}.get(e, e)
                    continue
                depth += c == b"("
                depth -= c == b")"
                if depth:
                    out += c
            i = j
            yield ("str", bytes(out))
        elif t.startswith(b"<") and t != b"<<":
            yield ("str", bytes.fromhex(re.sub(rb"\s", b"", t[1:-1]).decode()))
        elif t.startswith(b"/"):
            yield ("name", t.decode("latin-1"))
        elif t in (b"<<", b">>", b"[", b"]"):
            yield ("delim", t.decode())
        elif re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", t):
            yield ("num", float(t))
        else:
            op = t.decode("latin-1")
            yield ("op", op)
            if op == "ID":  # inline image data up to EI
                k = data.find(b"EI", i + 1)
                while k >= 0 and not (data[k - 1:k].isspace() and
                                      (k + 2 >= n or data[k + 2:k + 3].isspace())):
                    k = data.find(b"EI", k + 1)
                i = k if k >= 0 else n


def operations(data):
    """(operator, operands) pairs; arrays and dicts become lists and dicts."""
    stack = []
    for kind, v in lex(data):
        if kind == "op":
            if v in ("true", "false", "null"):
                stack.append({"true": True, "false": False, "null": None}[v])
                continue
            yield v, stack
            stack = []
        elif kind == "delim" and v in ("[", "<<"):
            stack.append(v)
        elif kind == "delim":
            opener = "[" if v == "]" else "<<"
            k = max(i for i, x in enumerate(stack) if isinstance(x, str) and x == opener and
                    not isinstance(x, tuple))
            items, stack = stack[k + 1:], stack[:k]
            if v == "]":
                stack.append(items)
            else:
                stack.append({items[i][1]: items[i + 1] for i in range(0, len(items) - 1, 2)})
        else:
            stack.append((kind, v))


def cmap(pdf, font):
    """code -> text from a font's /ToUnicode, and the code length in bytes."""
    two = font.get("/Subtype") == "/Type0"
    m = {}
    ref = font.get("/ToUnicode")
    if ref:
        s = pdf.data(ref).decode("latin-1")
        hexs = lambda h: int(h, 16)
        uni = lambda h: bytes.fromhex(h).decode("utf-16-be", "replace")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", s, re.S):
            for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                m[hexs(a)] = uni(b)
        for block in re.findall(r"beginbfrange(.*?)endbfrange", s, re.S):
            for a, b, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
                if rest.startswith("["):
                    for k, h in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                        m[hexs(a) + k] = uni(h)
                else:
                    base = bytes.fromhex(rest[1:-1])
                    for k in range(hexs(b) - hexs(a) + 1):
                        last = int.from_bytes(base[-2:], "big") + k
                        m[hexs(a) + k] = (base[:-2] + last.to_bytes(2, "big")).decode(
                            "utf-16-be", "replace")
    return m, 2 if two else 1


def decode(cm, raw):
    m, w = cm
    codes = [int.from_bytes(raw[i:i + w], "big") for i in range(0, len(raw), w)]
    return "".join(m.get(c, chr(c) if w == 1 else "\ufffd") for c in codes)


class PageContent:
    """What one page draws: text per MCID, and what is drawn outside tagged or artifact
    content."""

    def __init__(self, pdf, ref):
        page = pdf.get(ref)
        fonts = pdf.get(pdf.get(page.get("/Resources", {})).get("/Font", {}))
        self.cmaps = {k: cmap(pdf, pdf.get(v)) for k, v in pdf.get(fonts).items()}
        contents = page.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        data = b"\n".join(pdf.data(r) for r in refs if r)
        self.mcids = {}       # mcid -> text
        self.xobjects = {k: pdf.get(v) for k, v in pdf.get(pdf.get(
            page.get("/Resources", {})).get("/XObject", {})).items()}
        self.painted = []     # (owner kind, mcid or None, "image" or "shape")
        self.artifact_text = []
        self.unmarked = []    # operators drawing outside tagged content and artifacts
        self.nesting = []     # tagged content inside an artifact or the other way round
        self.run(data)

    def owner(self, stack):
        for kind, v in reversed(stack):
            if kind in ("mcid", "artifact"):
                return kind, v
        return None

    def put(self, stack, text):
        o = self.owner(stack)
        if o and o[0] == "mcid":
            self.mcids[o[1]] += text
        elif o:
            self.artifact_text.append(text)

    def run(self, data):
        stack, font = [], None
        for op, args in operations(data):
            if op in ("BDC", "BMC"):
                tag = args[0][1] if args and isinstance(args[0], tuple) else None
                props = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
                mcid = props.get("/MCID")
                inside = self.owner(stack)
                if tag == "/Artifact":
                    if inside and inside[0] == "mcid":
                        self.nesting.append("artifact inside MCID %s" % inside[1])
                    stack.append(("artifact", None))
                elif mcid is not None:
                    if inside and inside[0] == "artifact":
                        self.nesting.append("MCID %d inside an artifact" % mcid[1])
                    if inside and inside[0] == "mcid":
                        self.nesting.append("MCID %d inside MCID %s" % (mcid[1], inside[1]))
                    n = int(mcid[1])
                    if n in self.mcids:
                        self.nesting.append("MCID %d used twice" % n)
                    self.mcids[n] = ""
                    stack.append(("mcid", n))
                else:
                    actual = props.get("/ActualText")
                    if isinstance(actual, tuple):  # stands for the glyphs inside it
                        raw = actual[1]
                        self.put(stack, raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff"
                                 else raw.decode("latin-1"))
                    stack.append(("span", isinstance(actual, tuple)))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op == "Tf" and args:
                font = self.cmaps.get(args[0][1], ({}, 1))
            elif op in TEXT_OPS or op in PAINT_OPS:
                o = self.owner(stack)
                if o is None:
                    self.unmarked.append(op)
                if op in PAINT_OPS:
                    name = args[0][1] if op == "Do" and args and isinstance(args[0], tuple) else None
                    x = self.xobjects.get(name) or {}
                    what = "image" if x.get("/Subtype") == "/Image" else "shape"
                    self.painted.append((o[0] if o else None, o[1] if o else None, what))
                if op in TEXT_OPS and font and not any(k == "span" and v for k, v in stack):
                    arr = args[-1] if args else None
                    parts = arr if isinstance(arr, list) else [arr]
                    self.put(stack, "".join(decode(font, p[1]) for p in parts
                                            if isinstance(p, tuple) and p[0] == "str"))


# --- the structure tree ---

class Elem:
    def __init__(self, role, d):
        self.role, self.d = role, d
        self.kids = []   # Elem or ("mcid", page index, n) or ("objr", ref)
        self.parent = None


class Tree:
    def __init__(self, pdf):
        self.pdf = pdf
        self.page_index = {ref: i for i, ref in enumerate(pdf.pages)}
        self.content = [PageContent(pdf, ref) for ref in pdf.pages]
        root = pdf.get(pdf.catalog.get("/StructTreeRoot"))
        self.root = Elem("(root)", root or {})
        self.elems = []
        self.by_ref = {}
        self.problems = []
        if root:
            self.walk(self.root, root.get("/K"), None, 0)

    def walk(self, e, k, pg, depth):
        if depth > 100:
            self.problems.append("structure tree too deep")
            return
        for item in (k if isinstance(k, list) else [] if k is None else [k]):
            v = self.pdf.get(item)
            if isinstance(v, (int, float)):
                e.kids.append(("mcid", self.page_index.get(pg), int(v)))
            elif isinstance(v, dict) and v.get("/Type") == "/MCR":
                e.kids.append(("mcid", self.page_index.get(v.get("/Pg", pg)), int(v["/MCID"])))
            elif isinstance(v, dict) and v.get("/Type") == "/OBJR":
                e.kids.append(("objr", v.get("/Obj")))
            elif isinstance(v, dict) and "/S" in v:
                c = Elem(v["/S"][1:], v)
                c.parent = e
                c.ref = item
                self.elems.append(c)
                self.by_ref[item] = c
                e.kids.append(c)
                self.walk(c, v.get("/K"), v.get("/Pg", pg), depth + 1)

    def text(self, e):
        out = []
        for k in e.kids:
            if isinstance(k, Elem):
                out.append(self.text(k))
            elif k[0] == "mcid" and k[1] is not None:
                out.append(self.content[k[1]].mcids.get(k[2], ""))
        return "".join(out)

    def own_text(self, e):
        return "".join(self.content[k[1]].mcids.get(k[2], "") for k in e.kids
                       if not isinstance(k, Elem) and k[0] == "mcid" and k[1] is not None)

    def preorder(self, e=None):
        for k in (e or self.root).kids:
            if isinstance(k, Elem):
                yield k
                yield from self.preorder(k)


def depth_of(e):
    n = 0
    while e.parent is not None and e.parent.role != "(root)":
        e, n = e.parent, n + 1
    return n


# --- checks ---

def check_content(t, bad):
    claimed = {}
    for e in t.elems:
        for k in e.kids:
            if not isinstance(k, Elem) and k[0] == "mcid":
                key = (k[1], k[2])
                if key in claimed:
                    bad("MCID %d on page %s claimed by %s and %s" % (k[2], k[1], claimed[key].role,
                                                                    e.role))
                claimed[key] = e
                if k[1] is None or k[2] not in t.content[k[1]].mcids:
                    bad("%s refers to MCID %d, which page %s does not have" % (e.role, k[2], k[1]))
    ptree = t.pdf.get(t.root.d.get("/ParentTree", {}))
    nums = {}

    def collect(node):
        node = t.pdf.get(node)
        n = node.get("/Nums", [])
        for i in range(0, len(n) - 1, 2):
            nums[int(n[i])] = n[i + 1]
        for kid in node.get("/Kids", []):
            collect(kid)
    collect(ptree)
    n_ops = 0
    for p, c in enumerate(t.content):
        n_ops += len(c.mcids)
        for op in c.unmarked:
            bad("page %d: '%s' draws outside tagged content and artifacts" % (p + 1, op))
        for what in c.nesting:
            bad("page %d: %s" % (p + 1, what))
        sp = t.pdf.get(t.pdf.pages[p]).get("/StructParents")
        arr = t.pdf.get(nums.get(sp)) if sp is not None else None
        for mcid in c.mcids:
            if (p, mcid) not in claimed:
                bad("page %d: MCID %d belongs to no structure element" % (p + 1, mcid))
            elif not isinstance(arr, list) or mcid >= len(arr) or arr[mcid] != claimed[(p, mcid)].ref:
                bad("page %d: the parent tree does not lead MCID %d to its element" % (p + 1, mcid))
    return nums, n_ops


def check_tree(t, bad):
    levels = []
    for e in t.elems:
        if e.role not in STANDARD or e.role == "Private":
            bad("element of type %s (not a standard type, or a placeholder left over)" % e.role)
        pr = e.parent.role
        if e.role in PARENTS and pr not in PARENTS[e.role]:
            bad("%s inside %s" % (e.role, pr))
        if pr in CHILDREN and e.role not in CHILDREN[pr]:
            bad("%s inside %s" % (e.role, pr))
        if e.role == "Figure" and not text_of(e.d.get("/Alt", "")).strip():
            bad("Figure without /Alt")
        if re.fullmatch(r"H[1-6]", e.role):
            lv = int(e.role[1])
            if not levels and lv != 1:
                bad("the first heading is %s, not H1" % e.role)
            elif levels and lv > levels[-1] + 1:
                bad("%s follows %s: a heading level skipped (%r)" % (e.role, "H%d" % levels[-1],
                                                                  t.text(e)[:40]))
            levels.append(lv)
        if not e.kids:
            bad("empty %s element" % e.role)
    if not levels:
        bad("no headings")
    return levels


def check_links(t, nums, bad):
    n = 0
    for p, ref in enumerate(t.pdf.pages):
        page = t.pdf.get(ref)
        annots = t.pdf.get(page.get("/Annots", []))
        if annots and page.get("/Tabs") != "/S":
            bad("page %d has annotations but no /Tabs /S" % (p + 1))
        for a in annots:
            d = t.pdf.get(a)
            if d.get("/Subtype") != "/Link":
                continue
            n += 1
            e = t.by_ref.get(nums.get(d.get("/StructParent")))
            if not e or e.role != "Link" or ("objr", a) not in e.kids:
                bad("page %d: a link annotation is not in a Link element" % (p + 1))
            if not text_of(d.get("/Contents", "")).strip():
                bad("page %d: a link annotation without /Contents" % (p + 1))
    return n


def check_document(pdf, bad):
    cat = pdf.catalog
    if not text_of(cat.get("/Lang", "")).strip():
        bad("no /Lang in the catalog")
    if pdf.get(cat.get("/MarkInfo", {})).get("/Marked") is not True:
        bad("/MarkInfo /Marked is not true")
    if pdf.get(cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        bad("/ViewerPreferences /DisplayDocTitle is not true")
    title = text_of(pdf.info.get("/Title", ""))
    if not title:
        bad("no /Title in the document information")
    if "/Metadata" not in cat:
        bad("no XMP metadata")
        return
    xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", pdf.data(cat["/Metadata"])))
    ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "dc": "http://purl.org/dc/elements/1.1/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
    part = xmp.find(".//pdfuaid:part", ns)
    if part is None or part.text != "1":
        bad("XMP has no pdfuaid:part 1")
    dct = xmp.find(".//dc:title/rdf:Alt/rdf:li", ns)
    if dct is None or dct.text != title:
        bad("XMP dc:title %r is not the title %r" % (dct.text if dct is not None else None, title))


def check_fonts(pdf, bad):
    seen = set()
    for ref in pdf.pages:
        fonts = pdf.get(pdf.get(pdf.get(ref).get("/Resources", {})).get("/Font", {}))
        for f in pdf.get(fonts).values():
            if f in seen:
                continue
            seen.add(f)
            d = pdf.get(f)
            if "/ToUnicode" not in d:
                bad("font %s has no /ToUnicode" % d.get("/BaseFont"))
            desc = d
            if d.get("/Subtype") == "/Type0":
                desc = pdf.get(pdf.get(d["/DescendantFonts"])[0])
                if desc.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in desc:
                    bad("CID font %s has no /CIDToGIDMap" % desc.get("/BaseFont"))
            fd = pdf.get(desc.get("/FontDescriptor", {}))
            if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                bad("font %s is not embedded" % d.get("/BaseFont"))
    return len(seen)


def cmd_check(path):
    pdf = Pdf(path)
    problems = []
    bad = problems.append
    check_document(pdf, bad)  # first: a few lines that say the most
    fonts = check_fonts(pdf, bad)
    t = Tree(pdf)
    problems += t.problems
    if not t.elems:
        bad("no structure tree")
    nums, mcids = check_content(t, bad)
    levels = check_tree(t, bad)
    links = check_links(t, nums, bad)
    for p in problems[:40]:
        print(p)
    print("tagcheck: %d pages, %d elements, %d marked contents, %d headings, %d links, %d fonts,"
          " %d problems" % (len(pdf.pages), len(t.elems), mcids, len(levels), links, fonts,
                            len(problems)))
    return 1 if problems else 0


def cmd_tree(path):
    t = Tree(Pdf(path))
    for e in t.preorder():
        lang = text_of(e.d.get("/Lang", ""))
        alt = text_of(e.d.get("/Alt", ""))
        own = " ".join(t.own_text(e).replace("\u00ad", "").split())
        print("%s%s%s%s%s" % ("  " * depth_of(e), e.role, " [%s]" % lang if lang else "",
                              " alt=%r" % alt if alt else "", ": " + own if own else ""))
    return 0


def leaves(t):
    return [e for e in t.preorder() if not any(isinstance(k, Elem) for k in e.kids)]


def cmd_text(path):
    t = Tree(Pdf(path))
    for e in leaves(t):
        s = " ".join(t.text(e).replace("\u00ad", "").split())
        if s:
            print(s)
    return 0


def wordseq(text):
    text = re.sub(r"</?[bi]>", "", text).replace("\u00ad", "")
    return "".join(re.findall(r"[^\W_]+", text.lower()))


def tr(value, lang, orig):
    if value is None or isinstance(value, str):
        return value
    return value.get(lang, value.get(orig, next(iter(value.values()))))


def cmd_order(deck, lang, path):
    import yaml
    d = yaml.safe_load(open(deck, encoding="utf-8"))
    orig = d["deck"].get("language", "nl")
    cats = [c["id"] for c in d.get("categories", [])]
    types = ["quote", "case", "question"]
    cards = d["cards"]

    def chapter(c):
        return (cats.index(c["category"]) if c.get("category") in cats
                else len(cats) + types.index(c["type"]))
    want = sorted(range(len(cards)), key=lambda i: (chapter(cards[i]), i))
    t = Tree(Pdf(path))
    h2 = [e for e in t.preorder() if e.role == "H2"]
    ids = [c["id"] for c in cards]
    got = [i for i in (next((k for k, x in enumerate(ids) if t.text(e).startswith(x)), None)
                       for e in h2) if i is not None]
    bad = 0
    if got != want:
        bad += 1
        print("card entries in reading order: %s\n                        want: %s" %
              ([ids[i] for i in got], [ids[i] for i in want]))
    # each card's texts within its own section, in reading order
    for e in h2:
        sect = e.parent
        cid = next((x for x in ids if t.text(e).startswith(x)), None)
        if cid is None:
            continue
        c = cards[ids.index(cid)]
        have = wordseq(t.text(sect))
        # as the booklet prints them: a case's title first, follow-ups before the note
        keys = ("title", "text", "question") if c["type"] == "case" else ("text",)
        texts = [tr(c.get(k), lang, orig) for k in keys]
        texts += [tr(f, lang, orig) for f in c.get("followups", [])] + [tr(c.get("note"), lang, orig)]
        at = 0
        for x in filter(None, texts):
            k = have.find(wordseq(x), at)
            if k < 0:
                bad += 1
                print("card %s: %r not in its section, in order" % (cid, x[:50]))
            else:
                at = k
    print("order: %d card entries, %d problems" % (len(h2), bad))
    return 1 if bad else 0


def cmd_lang(path):
    pdf = Pdf(path)
    t = Tree(pdf)
    print("catalog %s" % text_of(pdf.catalog.get("/Lang", "")))
    for e in t.preorder():
        if "/Lang" in e.d:
            print("%s %s: %s" % (e.role, text_of(e.d["/Lang"]),
                                 " ".join(t.text(e).replace("\u00ad", "").split())))
    return 0


def page_words(pdf):
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = html.split("<page ")[1:]
    return [re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r'([^<]*)</word>', p) for p in pages]


def cmd_samewords(a, b, tol):
    pa, pb = page_words(a), page_words(b)
    bad, worst, n = 0, 0.0, 0
    if len(pa) != len(pb):
        print("%d pages against %d" % (len(pa), len(pb)))
        return 1
    for p, (wa, wb) in enumerate(zip(pa, pb)):
        if [w[4] for w in wa] != [w[4] for w in wb]:
            bad += 1
            print("page %d: the words differ" % (p + 1))
            continue
        for x, y in zip(wa, wb):
            n += 1
            d = max(abs(float(x[i]) - float(y[i])) for i in range(4))
            worst = max(worst, d)
            if d > float(tol):
                bad += 1
                print("page %d: %r moved %.3f pt" % (p + 1, x[4], d))
    print("samewords: %d words, worst %.3f pt, %d problems" % (n, worst, bad))
    return 1 if bad or not n else 0


def ppm_pages(pdf, dpi, tmp):
    import glob, os, tempfile
    d = tempfile.mkdtemp(dir=tmp)
    subprocess.run(["pdftoppm", "-r", dpi, pdf, d + "/p"], check=True)
    out = []
    for f in sorted(glob.glob(d + "/p*.ppm")):
        data = open(f, "rb").read()
        # P6 <w> <h> <max>\n then RGB bytes
        head = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        out.append((int(head.group(1)), int(head.group(2)), data[head.end():]))
        os.unlink(f)
    os.rmdir(d)
    return out


def cmd_pixels(a, b, dpi, frac):
    import tempfile
    tmp = tempfile.mkdtemp()
    pa, pb = ppm_pages(a, dpi, tmp), ppm_pages(b, dpi, tmp)
    import shutil
    shutil.rmtree(tmp)
    if len(pa) != len(pb):
        print("%d pages against %d" % (len(pa), len(pb)))
        return 1
    bad, worst = 0, 0.0
    for p, (x, y) in enumerate(zip(pa, pb)):
        if x[:2] != y[:2]:
            bad += 1
            print("page %d: sizes differ" % (p + 1))
            continue
        px = x[0] * x[1]
        diff = sum(1 for i in range(0, 3 * px, 3) if x[2][i:i + 3] != y[2][i:i + 3])
        worst = max(worst, diff / px)
        if diff / px > float(frac):
            bad += 1
            print("page %d: %d of %d pixels differ" % (p + 1, diff, px))
    print("pixels: %d pages, worst %.5f of a page, %d problems" % (len(pa), worst, bad))
    return 1 if bad else 0


def cmd_paint(path):
    t = Tree(Pdf(path))
    owner = {}  # (page, mcid) -> role
    for e in t.elems:
        for k in e.kids:
            if not isinstance(k, Elem) and k[0] == "mcid":
                owner[(k[1], k[2])] = e.role
    for p, c in enumerate(t.content):
        counts = {}
        for kind, mcid, what in c.painted:
            who = "artifact" if kind == "artifact" else owner.get((p, mcid), "untagged")
            n = counts.setdefault(who, {"image": 0, "shape": 0})
            n[what] += 1
        print("page %d: %s" % (p + 1, "; ".join("%s: %d images, %d shapes" % (
            who, n["image"], n["shape"]) for who, n in sorted(counts.items()))))
    return 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    sys.exit({"check": cmd_check, "tree": cmd_tree, "text": cmd_text, "order": cmd_order,
              "lang": cmd_lang, "samewords": cmd_samewords, "pixels": cmd_pixels,
              "paint": cmd_paint}[cmd](*args))
