/* xmp.c - XMP metadata packets from a list of properties. */
#include "xmp.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef enum { P_TEXT, P_ALT, P_SEQ } prop_kind;

typedef struct {
	prop_kind kind;
	char *prefix, *name, *lang, *value;
} prop;

typedef struct {
	char *prefix, *uri;
} ns;

struct xmp {
	prop *v;
	size_t n;
	ns *spaces;
	size_t nspaces;
};

static const struct {
	const char *prefix, *uri;
} known[] = {
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"xmp", "http://ns.adobe.com/xap/1.0/"},
	{"xmpMM", "http://ns.adobe.com/xap/1.0/mm/"},
	{"pdf", "http://ns.adobe.com/pdf/1.3/"},
	{"pdfx", "http://ns.adobe.com/pdfx/1.3/"},
	{"pdfxid", "http://www.npes.org/pdfx/ns/id/"},
	{"pdfaid", "http://www.aiim.org/pdfa/ns/id/"},
	{"pdfuaid", "http://www.aiim.org/pdfua/ns/id/"},
};

xmp *xmp_new(void)
{
	xmp *x = xcalloc(1, sizeof *x);
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		xmp_namespace(x, known[i].prefix, known[i].uri);
	return x;
}

void xmp_free(xmp *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].prefix);
		free(x->v[i].name);
		free(x->v[i].lang);
		free(x->v[i].value);
	}
	for (size_t i = 0; i < x->nspaces; i++) {
		free(x->spaces[i].prefix);
		free(x->spaces[i].uri);
	}
	free(x->v);
	free(x->spaces);
	free(x);
}

void xmp_namespace(xmp *x, const char *prefix, const char *uri)
{
	x->spaces = xrealloc(x->spaces, (x->nspaces + 1) * sizeof *x->spaces);
	x->spaces[x->nspaces++] = (ns){xstrdup(prefix), xstrdup(uri)};
}

static void add(xmp *x, prop_kind kind, const char *prefix, const char *name, const char *lang,
		const char *value)
{
	x->v = xrealloc(x->v, (x->n + 1) * sizeof *x->v);
	x->v[x->n++] = (prop){kind, xstrdup(prefix), xstrdup(name), lang ? xstrdup(lang) : NULL,
			      xstrdup(value ? value : "")};
}

void xmp_text(xmp *x, const char *prefix, const char *name, const char *value)
{
	add(x, P_TEXT, prefix, name, NULL, value);
}

void xmp_lang_alt(xmp *x, const char *prefix, const char *name, const char *lang,
		  const char *value)
{
	add(x, P_ALT, prefix, name, lang, value);
}

void xmp_seq(xmp *x, const char *prefix, const char *name, const char *value)
{
	add(x, P_SEQ, prefix, name, NULL, value);
}

/* XML text: the five special characters escaped, control characters XML forbids dropped. */
static void escaped(strbuf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			strbuf_puts(b, "&amp;");
		else if (c == '<')
			strbuf_puts(b, "&lt;");
		else if (c == '>')
			strbuf_puts(b, "&gt;");
		else if (c == '"')
			strbuf_puts(b, "&quot;");
		else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			strbuf_putc(b, (char)c);
	}
}

static bool used(const xmp *x, const char *prefix)
{
	for (size_t i = 0; i < x->n; i++)
		if (!strcmp(x->v[i].prefix, prefix))
			return true;
	return false;
}

static void property(strbuf *b, const prop *p)
{
	strbuf_printf(b, "   <%s:%s>", p->prefix, p->name);
	if (p->kind == P_TEXT) {
		escaped(b, p->value);
	} else {
		strbuf_puts(b, p->kind == P_ALT ? "<rdf:Alt>" : "<rdf:Seq>");
		for (int pass = 0; pass < (p->kind == P_ALT && p->lang ? 2 : 1); pass++) {
			if (p->kind == P_ALT)
				strbuf_printf(b, "<rdf:li xml:lang=\"%s\">",
					      pass ? p->lang : "x-default");
			else
				strbuf_puts(b, "<rdf:li>");
			escaped(b, p->value);
			strbuf_puts(b, "</rdf:li>");
		}
		strbuf_puts(b, p->kind == P_ALT ? "</rdf:Alt>" : "</rdf:Seq>");
	}
	strbuf_printf(b, "</%s:%s>\n", p->prefix, p->name);
}

char *xmp_packet(const xmp *x, size_t *len)
{
	strbuf b = {0};
	/* the BOM-like bytes in begin= are the UTF-8 byte order mark, as the spec asks */
	strbuf_puts(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			"  <rdf:Description rdf:about=\"\"");
	for (size_t i = 0; i < x->nspaces; i++)
		if (used(x, x->spaces[i].prefix))
			strbuf_printf(&b, "\n    xmlns:%s=\"%s\"", x->spaces[i].prefix,
				      x->spaces[i].uri);
	strbuf_puts(&b, ">\n");
	for (size_t i = 0; i < x->n; i++)
		property(&b, &x->v[i]);
	strbuf_puts(&b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
	for (int i = 0; i < 20; i++) /* room to edit in place, as XMP writers leave */
		strbuf_puts(&b, "                                                                                                   \n");
	strbuf_puts(&b, "<?xpacket end=\"w\"?>");
	*len = b.len;
	return strbuf_take(&b);
}
