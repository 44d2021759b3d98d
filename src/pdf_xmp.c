/* pdf_xmp.c - XMP metadata: a packet from a list of properties, filled from /Info, written
 * as the catalog's /Metadata stream. */
#include "pdf_xmp.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *prefix, *uri;
} namespaces[] = {
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"xmp", "http://ns.adobe.com/xap/1.0/"},
	{"pdf", "http://ns.adobe.com/pdf/1.3/"},
	{"pdfuaid", "http://www.aiim.org/pdfua/ns/id/"},
	{"pdfx", "http://ns.adobe.com/pdfx/1.3/"},
	{"pdfxid", "http://www.npes.org/pdfx/ns/id/"},
	{"xmpMM", "http://ns.adobe.com/xap/1.0/mm/"},
};
#define NNS (sizeof namespaces / sizeof namespaces[0])

static int ns_index(const char *prefix)
{
	for (size_t i = 0; i < NNS; i++)
		if (!strcmp(namespaces[i].prefix, prefix))
			return (int)i;
	return -1;
}

void xmp_add(xmp_props *p, const char *ns, const char *name, xmp_kind kind, const char *value)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].ns, ns) && !strcmp(p->v[i].name, name)) {
			free(p->v[i].value);
			p->v[i].value = xstrdup(value);
			p->v[i].kind = kind;
			return;
		}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = (xmp_prop){ns, name, kind, xstrdup(value)};
}

void xmp_props_free(xmp_props *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].value);
	free(p->v);
	*p = (xmp_props){0};
}

/* XML character data: markup characters escaped; control characters XML 1.0 cannot hold
 * left out. */
static void put_escaped(strbuf *b, const char *s)
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
		else if (c >= 0x20 || c == '\t' || c == '\n')
			strbuf_putc(b, (char)c);
	}
}

static void put_prop(strbuf *b, const xmp_prop *x)
{
	static const char *const arrays[] = {
		[XMP_LANG_ALT] = "rdf:Alt", [XMP_SEQ] = "rdf:Seq", [XMP_BAG] = "rdf:Bag"};
	strbuf_printf(b, "   <%s:%s>", x->ns, x->name);
	if (x->kind == XMP_TEXT) {
		put_escaped(b, x->value);
	} else {
		strbuf_printf(b, "<%s><rdf:li%s>", arrays[x->kind],
			      x->kind == XMP_LANG_ALT ? " xml:lang=\"x-default\"" : "");
		put_escaped(b, x->value);
		strbuf_printf(b, "</rdf:li></%s>", arrays[x->kind]);
	}
	strbuf_printf(b, "</%s:%s>\n", x->ns, x->name);
}

char *xmp_packet(const xmp_props *p)
{
	bool used[NNS] = {false};
	for (size_t i = 0; i < p->n; i++) {
		int k = ns_index(p->v[i].ns);
		if (k < 0)
			return NULL;
		used[k] = true;
	}
	strbuf b = {0};
	strbuf_puts(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			"  <rdf:Description rdf:about=\"\"");
	for (size_t k = 0; k < NNS; k++)
		if (used[k])
			strbuf_printf(&b, "\n    xmlns:%s=\"%s\"", namespaces[k].prefix,
				      namespaces[k].uri);
	strbuf_puts(&b, ">\n");
	for (size_t i = 0; i < p->n; i++)
		put_prop(&b, &p->v[i]);
	strbuf_puts(&b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return strbuf_take(&b);
}

/* "D:20231114221320Z" or "D:20231114231320+01'00'" (D: optional) as ISO 8601:
 * "2023-11-14T22:13:20Z", "2023-11-14T23:13:20+01:00". NULL when it is not a date. */
static char *iso_date(const char *pdf)
{
	const char *s = !strncmp(pdf, "D:", 2) ? pdf + 2 : pdf;
	size_t digits = 0;
	while (isdigit((unsigned char)s[digits]))
		digits++;
	if (digits < 4 || digits > 14 || digits % 2)
		return NULL;
	static const char *const sep[] = {"", "-", "-", "T", ":", ":"};
	static const int width[] = {4, 2, 2, 2, 2, 2};
	strbuf b = {0};
	const char *d = s;
	for (size_t f = 0; f < 6 && (size_t)(d - s) < digits; f++) {
		strbuf_printf(&b, "%s%.*s", sep[f], width[f], d);
		d += width[f];
	}
	if (digits == 10) /* hours without minutes: ISO 8601 needs both */
		strbuf_puts(&b, ":00");
	if (digits >= 10 && *d == 'Z')
		strbuf_putc(&b, 'Z');
	else if (digits >= 10 && (*d == '+' || *d == '-') && isdigit((unsigned char)d[1]) &&
		 isdigit((unsigned char)d[2]))
		strbuf_printf(&b, "%c%.2s:%.2s", *d, d + 1,
			      d[3] == '\'' && isdigit((unsigned char)d[4]) ? d + 4 : "00");
	return strbuf_take(&b);
}

void pdf_xmp_from_info(qpdf_data q, xmp_props *p)
{
	static const struct {
		const char *key, *ns, *name;
		xmp_kind kind;
		bool date;
	} map[] = {
		{"/Title", "dc", "title", XMP_LANG_ALT, false},
		{"/Author", "dc", "creator", XMP_SEQ, false},
		{"/Subject", "dc", "description", XMP_LANG_ALT, false},
		{"/Keywords", "pdf", "Keywords", XMP_TEXT, false},
		{"/Creator", "xmp", "CreatorTool", XMP_TEXT, false},
		{"/Producer", "pdf", "Producer", XMP_TEXT, false},
		{"/CreationDate", "xmp", "CreateDate", XMP_TEXT, true},
		{"/ModDate", "xmp", "ModifyDate", XMP_TEXT, true},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		const char *v = qpdf_get_info_key(q, map[i].key);
		if (!v || !*v)
			continue;
		char *iso = map[i].date ? iso_date(v) : NULL;
		if (!map[i].date || iso)
			xmp_add(p, map[i].ns, map[i].name, map[i].kind, iso ? iso : v);
		free(iso);
	}
}

char *pdf_xmp_attach(qpdf_data q, const xmp_props *p)
{
	char *packet = xmp_packet(p);
	if (!packet)
		return xstrdup("XMP metadata: a property of an unknown namespace");
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, (const unsigned char *)packet, strlen(packet),
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	free(packet);
	qpdf_oh dict = qpdf_oh_get_dict(q, s);
	qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", s);
	if (qpdf_has_error(q))
		return xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return NULL;
}
