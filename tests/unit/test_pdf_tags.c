/* test_pdf_tags.c - the accessible-PDF finishing step: the content-stream lexer, the XMP
 * packet, and a small tagged PDF drawn with Cairo (an artifact, a paragraph split over two
 * pages, a figure, a link) finished with pdf_finish and read back with libqpdf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pdf_content.h"
#include "pdf_fixture.h"
#include "pdf_finish.h"
#include "pdf_lig.h"
#include "pdf_struct.h"
#include "pdf_tags.h"
#include "pdf_xmp.h"
#include "util.h"

/* --- the lexer --- */

/* The tokens of s as "kind:text" words joined by spaces. Caller frees. */
static char *tokens(const char *s)
{
	pdf_lexer lx;
	pdf_lexer_init(&lx, s, strlen(s));
	pdf_token t;
	strbuf b = {0};
	static const char *const kinds = "ENMSOCWDX";
	pdf_token_kind k;
	while ((k = pdf_lex(&lx, &t)) != PDFT_END) {
		strbuf_printf(&b, "%s%c:%.*s", b.len ? " " : "", kinds[k], (int)(t.end - t.start),
			      s + t.start);
		if (k == PDFT_ERROR)
			break;
	}
	return strbuf_take(&b);
}

static void test_lexer(void **state)
{
	(void)state;
	char *t = tokens("/P << /MCID 3 >> BDC\n(a (nested\\) BDC) string)Tj [<00ff> -12.5]TJ EMC");
	assert_string_equal(t, "N:/P O:<< N:/MCID M:3 C:>> W:BDC S:(a (nested\\) BDC) string) "
			       "W:Tj O:[ S:<00ff> M:-12.5 C:] W:TJ W:EMC");
	free(t);
	/* comments are skipped; image data is one token, whatever bytes it holds */
	t = tokens("% a comment BDC\nq BI /W 2 /H 1 ID \x01 EMC\x02 EI Q");
	assert_string_equal(t, "W:q W:BI N:/W M:2 N:/H M:1 W:ID D:\x01 EMC\x02 W:EI W:Q");
	free(t);
	/* bad syntax stops the lexer */
	t = tokens("(never closed");
	assert_string_equal(t, "X:(never closed");
	free(t);
	t = tokens("q > Q");
	assert_string_equal(t, "W:q X:>");
	free(t);
}

/* --- XMP --- */

static void test_xmp_packet(void **state)
{
	(void)state;
	xmp_props p = {0};
	xmp_add(&p, "dc", "title", XMP_LANG_ALT, "R&D <beyond> \"quotes\"");
	xmp_add(&p, "pdfuaid", "part", XMP_TEXT, "2");
	xmp_add(&p, "pdfuaid", "part", XMP_TEXT, "1"); /* replaces */
	xmp_add(&p, "dc", "creator", XMP_SEQ, "Ann\x01");
	char *x = xmp_packet(&p);
	assert_non_null(x);
	assert_non_null(
		strstr(x, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
	assert_non_null(strstr(x,
			       "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">R&amp;D "
			       "&lt;beyond&gt; &quot;quotes&quot;</rdf:li></rdf:Alt></dc:title>"));
	assert_non_null(strstr(x, "<pdfuaid:part>1</pdfuaid:part>"));
	assert_null(strstr(x, "<pdfuaid:part>2"));
	assert_non_null(strstr(x, "<dc:creator><rdf:Seq><rdf:li>Ann</rdf:li></rdf:Seq>"));
	assert_non_null(strstr(x, "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""));
	assert_null(strstr(x, "xmlns:pdfx=")); /* only the namespaces used */
	assert_non_null(strstr(x, "<?xpacket end=\"w\"?>"));
	free(x);
	xmp_add(&p, "nope", "x", XMP_TEXT, "y");
	assert_null(xmp_packet(&p));
	xmp_props_free(&p);
}

/* --- a tagged PDF --- */

/* A line of `text`, drawn as a bar as long as the text: Cairo's toy text API would do, but
 * its font face is never freed (valgrind). */
static void show(cairo_t *cr, double y, const char *text)
{
	cairo_rectangle(cr, 40, y - 8, 5.0 * (double)strlen(text), 8);
	cairo_fill(cr);
}

/* Two pages: a running head (artifact), a heading, a paragraph that goes on on page 2, a
 * figure with alternative text, a Dutch span and a link; the record in st. */
static void make_tagged(const char *path, pdf_struct *st)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 300, 300);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Een <titel> & meer");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2023-11-14T22:13:20Z");
	cairo_t *cr = cairo_create(s);
	pdf_struct_begin(st, cr, "Document");
	pdf_struct_begin_artifact(st, cr, PDF_ART_HEADER);
	show(cr, 20, "RUNNING HEAD");
	pdf_struct_end(st, cr);
	pdf_struct_begin(st, cr, "H1");
	show(cr, 50, "Heading");
	pdf_struct_end(st, cr);
	int p1 = pdf_struct_begin(st, cr, "P");
	show(cr, 80, "A paragraph that");
	pdf_struct_end(st, cr);
	cairo_show_page(cr);
	pdf_struct_begin_artifact(st, cr, PDF_ART_FOOTER);
	show(cr, 290, "2");
	pdf_struct_end(st, cr);
	int p2 = pdf_struct_begin(st, cr, "P");
	show(cr, 20, "goes on here.");
	pdf_struct_end(st, cr);
	pdf_struct_set_continues(st, p2, p1);
	int fig = pdf_struct_begin(st, cr, "Figure");
	cairo_rectangle(cr, 40, 40, 20, 20);
	cairo_fill(cr);
	pdf_struct_end(st, cr);
	pdf_struct_set_alt(st, fig, "A black square");
	int span = pdf_struct_begin(st, cr, "Span");
	show(cr, 100, "Nederlands");
	pdf_struct_end(st, cr);
	pdf_struct_set_lang(st, span, "nl");
	pdf_struct_begin_link(st, cr, "dest='top' rect=[40 110 50 12]", "Back to the top");
	show(cr, 120, "link");
	pdf_struct_end(st, cr);
	cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='top' x=0 y=0");
	cairo_tag_end(cr, CAIRO_TAG_DEST);
	pdf_struct_end(st, cr);
	assert_int_equal(pdf_struct_depth(st), 0);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

static char *page_content(qpdf_data q, int n)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	assert_int_equal(
		qpdf_oh_get_page_content_data(q, qpdf_get_page_n(q, (size_t)n), &buf, &len) &
			QPDF_ERRORS,
		0);
	char *s = xstrndup((const char *)buf, len);
	free(buf);
	return s;
}

/* The element of type s among the root's descendants, depth first; 0 if none. */
static qpdf_oh find_elem(qpdf_data q, qpdf_oh node, const char *s, int depth)
{
	qpdf_oh k = qpdf_oh_get_key(q, node, "/K");
	int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	for (int i = 0; i < n && depth < 10; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
		if (!qpdf_oh_is_dictionary(q, kid) || !qpdf_oh_has_key(q, kid, "/S"))
			continue;
		if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, kid, "/S"), s))
			return kid;
		qpdf_oh found = find_elem(q, kid, s, depth + 1);
		if (found)
			return found;
	}
	return 0;
}

/* in finished as a tagged PDF in language lang into out (checked by qpdf), and read back. */
static qpdf_data finish_tagged(const char *in, const char *out, const pdf_struct *st,
			       const char *lang)
{
	pdf_tags_opts to = {st, lang};
	char *err = NULL;
	if (pdf_finish(in, out, &(pdf_finish_opts){.tags = &to}, &err))
		fail_msg("%s", err);
	assert_int_equal(qpdf_check(out), 0);
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, out, NULL), QPDF_SUCCESS);
	return q;
}

static void test_finish_tagged(void **state)
{
	(void)state;
	char *in = path_in("t.cairo.pdf"), *out = path_in("t.pdf");
	pdf_struct *st = pdf_struct_new();
	make_tagged(in, st);
	qpdf_data q = finish_tagged(in, out, st, "en-GB");
	qpdf_oh root = qpdf_get_root(q);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, root, "/Lang")), "en-GB");
	assert_true(qpdf_oh_get_bool_value(
		q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/MarkInfo"), "/Marked")));
	assert_true(qpdf_oh_get_bool_value(
		q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/ViewerPreferences"),
				   "/DisplayDocTitle")));
	/* artifacts: out of the tree, marked in the content, their MCIDs gone */
	char *c1 = page_content(q, 0), *c2 = page_content(q, 1);
	assert_non_null(strstr(c1, "/Artifact << /Type /Pagination /Subtype /Header >> BDC"));
	assert_non_null(strstr(c2, "/Artifact << /Type /Pagination /Subtype /Footer >> BDC"));
	assert_null(strstr(c1, "/Private"));
	assert_null(strstr(c2, "/Private"));
	qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	assert_int_equal(find_elem(q, tree, "/Private", 0), 0);
	/* the paragraph is one element: its MCID on page 1, a reference to page 2's */
	qpdf_oh p = find_elem(q, tree, "/P", 0);
	qpdf_oh k = qpdf_oh_get_key(q, p, "/K");
	assert_true(qpdf_oh_is_array(q, k));
	assert_int_equal(qpdf_oh_get_array_n_items(q, k), 2);
	qpdf_oh mcr = qpdf_oh_get_array_item(q, k, 1);
	assert_true(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, mcr, "/Type"), "/MCR"));
	assert_int_equal(qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, mcr, "/Pg")),
			 qpdf_oh_get_object_id(q, qpdf_get_page_n(q, 1)));
	qpdf_oh doc = find_elem(q, tree, "/Document", 0);
	assert_int_equal(qpdf_oh_get_array_n_items(q, qpdf_oh_get_key(q, doc, "/K")), 5);
	/* attributes */
	qpdf_oh fig = find_elem(q, tree, "/Figure", 0);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, fig, "/Alt")),
			    "A black square");
	qpdf_oh span = find_elem(q, tree, "/Span", 0);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, span, "/Lang")), "nl");
	qpdf_oh page2 = qpdf_get_page_n(q, 1);
	assert_true(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, page2, "/Tabs"), "/S"));
	qpdf_oh annot = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, page2, "/Annots"), 0);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, annot, "/Contents")),
			    "Back to the top");
	/* XMP from /Info, with the PDF/UA identification */
	unsigned char *x = NULL;
	size_t xl = 0;
	qpdf_oh meta = qpdf_oh_get_key(q, root, "/Metadata");
	assert_int_equal(qpdf_oh_get_stream_data(q, meta, qpdf_dl_all, NULL, &x, &xl) & QPDF_ERRORS,
			 0);
	char *xs = xstrndup((const char *)x, xl);
	assert_non_null(strstr(xs, "<pdfuaid:part>1</pdfuaid:part>"));
	assert_non_null(strstr(xs, ">Een &lt;titel&gt; &amp; meer</rdf:li>"));
	assert_non_null(strstr(xs, "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
	assert_non_null(strstr(xs, "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"));
	free(xs);
	free(x);
	free(c1);
	free(c2);
	qpdf_cleanup(&q);
	pdf_struct_free(st);
	free(in);
	free(out);
}

/* --- ligatures --- */

/* A page in a font whose /ToUnicode maps glyph 1 to U+FB01 (fi) and 3 to U+FB03 (ffi), with
 * ActualText spans: the ones that say the glyph's letters go, the others stay. */
static void test_ligatures(void **state)
{
	(void)state;
	const char *content =
		"/P << /MCID 0 >> BDC\nBT\n/f-0-1 1 Tf\n"
		"/Span << /ActualText <feff00660069> >> BDC\n<0001>Tj\nEMC\n"
		"/Span << /ActualText <feff0066006c> >> BDC\n<0001>Tj\nEMC\n"
		"/Span << /ActualText <feff00ad> >> BDC\n<0002>Tj\nEMC\n"
		"/Span << /ActualText (ffi) >> BDC\n0 -1 Td\n<0003>Tj\nEMC\n"
		"/Span << /ActualText <feff00660069> >> BDC\n[<0001>]TJ\nEMC\n"
		"/Span << /ActualText <feff0066006900660069> >> BDC\n<00010001>Tj\nEMC\n"
		"ET\nEMC\n";
	const char *cmap = "/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n"
			   "<0000> <ffff>\nendcodespacerange\n3 beginbfchar\n<0001> <fb01>\n"
			   "<0002> <002d>\n<0003> <FB03>\nendbfchar\nendcmap\n";
	char *pdf = xasprintf(
		"%%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
		"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources "
		"<< /Font << /f-0-1 4 0 R >> >> /Contents 5 0 R >> endobj\n"
		"4 0 obj << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
		"/ToUnicode 6 0 R >> endobj\n"
		"5 0 obj << /Length %zu >> stream\n%sendstream endobj\n"
		"6 0 obj << /Length %zu >> stream\n%sendstream endobj\n"
		"trailer << /Size 7 /Root 1 0 R >>\n%%%%EOF\n",
		strlen(content), content, strlen(cmap), cmap);
	qpdf_data q = pdf_qpdf_quiet();
	assert_false(qpdf_read_memory(q, "lig.pdf", pdf, strlen(pdf), NULL) & QPDF_ERRORS);
	char *err = pdf_lig_plain(q, 7);
	assert_null(err);
	char *c = page_content(q, 0);
	assert_string_equal(c, "/P << /MCID 0 >> BDC\nBT\n/f-0-1 1 Tf\n"
			       "<0001>Tj\n"
			       "/Span << /ActualText <feff0066006c> >> BDC\n<0001>Tj\nEMC\n"
			       "/Span << /ActualText <feff00ad> >> BDC\n<0002>Tj\nEMC\n"
			       "0 -1 Td\n<0003>Tj\n"
			       "/Span << /ActualText <feff00660069> >> BDC\n[<0001>]TJ\nEMC\n"
			       "<00010001>Tj\n"
			       "ET\nEMC\n");
	unsigned char *buf = NULL;
	size_t len = 0;
	qpdf_oh tu = qpdf_oh_get_key(q, qpdf_get_object_by_id(q, 4, 0), "/ToUnicode");
	assert_false(qpdf_oh_get_stream_data(q, tu, qpdf_dl_all, NULL, &buf, &len) & QPDF_ERRORS);
	char *m = xstrndup((const char *)buf, len);
	assert_non_null(strstr(m, "<0001> <00660069>\n<0002> <002d>\n<0003> <006600660069>\n"));
	free(m);
	free(buf);
	free(c);
	free(pdf);
	qpdf_cleanup(&q);
}

/* pdf_finish refuses in with the record st, saying `why`, and writes nothing. */
/* Elements of type s among the root's descendants. */
static int count_elems(qpdf_data q, qpdf_oh node, const char *s, int depth)
{
	qpdf_oh k = qpdf_oh_get_key(q, node, "/K");
	int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1, found = 0;
	for (int i = 0; i < n && depth < 10; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
		if (!qpdf_oh_is_dictionary(q, kid) || !qpdf_oh_has_key(q, kid, "/S"))
			continue;
		found += qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, kid, "/S"), s);
		found += count_elems(q, kid, s, depth + 1);
	}
	return found;
}

/* The step lets go of qpdf's handles every few hundred elements and between its steps, and
 * finds the ones it keeps again by object number: a document of 1,350 elements on 6 pages
 * (sections of spans, a paragraph going on from each page to the next, a running head and
 * a link on every page) comes out whole. */
static void test_many_elements(void **state)
{
	(void)state;
	enum { PAGES = 6, SECTIONS = 20, SPANS = 10 };
	char *in = path_in("many.cairo.pdf"), *out = path_in("many.pdf");
	pdf_struct *st = pdf_struct_new();
	cairo_surface_t *s = cairo_pdf_surface_create(in, 300, 600);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Many");
	cairo_t *cr = cairo_create(s);
	pdf_struct_begin(st, cr, "Document");
	int last_p = -1;
	for (int pg = 0; pg < PAGES; pg++) {
		pdf_struct_begin_artifact(st, cr, PDF_ART_HEADER);
		show(cr, 10, "HEAD");
		pdf_struct_end(st, cr);
		if (last_p >= 0) { /* the paragraph of the page before goes on here */
			int p = pdf_struct_begin(st, cr, "P");
			show(cr, 20, "goes on");
			pdf_struct_end(st, cr);
			pdf_struct_set_continues(st, p, last_p);
		}
		for (int sec = 0; sec < SECTIONS; sec++) {
			pdf_struct_begin(st, cr, "Sect");
			for (int i = 0; i < SPANS; i++) {
				pdf_struct_begin(st, cr, "Span");
				show(cr, 30 + sec * 25 + i * 2, "w");
				pdf_struct_end(st, cr);
			}
			pdf_struct_end(st, cr);
		}
		char link[64];
		snprintf(link, sizeof link, "dest='d%d' rect=[40 560 50 12]", pg);
		pdf_struct_begin_link(st, cr, link, "A link");
		show(cr, 570, "link");
		pdf_struct_end(st, cr);
		snprintf(link, sizeof link, "name='d%d' x=0 y=0", pg);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, link);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		last_p = pdf_struct_begin(st, cr, "P");
		show(cr, 590, "A paragraph that");
		pdf_struct_end(st, cr);
		cairo_show_page(cr);
	}
	pdf_struct_end(st, cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	assert_true(pdf_struct_count(st) > 1300);
	qpdf_data q = finish_tagged(in, out, st, "nl");
	qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
	assert_int_equal(count_elems(q, tree, "/Span", 0), PAGES * SECTIONS * SPANS);
	assert_int_equal(count_elems(q, tree, "/Sect", 0), PAGES * SECTIONS);
	assert_int_equal(count_elems(q, tree, "/Link", 0), PAGES);
	assert_int_equal(count_elems(q, tree, "/P", 0), PAGES); /* the goings-on joined */
	assert_int_equal(count_elems(q, tree, "/Private", 0), 0);
	for (int pg = 0; pg < PAGES; pg++) {
		char *c = page_content(q, pg);
		assert_non_null(
			strstr(c, "/Artifact << /Type /Pagination /Subtype /Header >> BDC"));
		assert_null(strstr(c, "/Private"));
		free(c);
		qpdf_oh annot = qpdf_oh_get_array_item(
			q, qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)pg), "/Annots"), 0);
		assert_string_equal(
			qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, annot, "/Contents")),
			"A link");
	}
	/* each paragraph that went on: its own MCID, then a reference on the next page */
	qpdf_oh p = find_elem(q, tree, "/P", 0);
	qpdf_oh k = qpdf_oh_get_key(q, p, "/K");
	assert_int_equal(qpdf_oh_get_array_n_items(q, k), 2);
	qpdf_oh mcr = qpdf_oh_get_array_item(q, k, 1);
	assert_int_equal(qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, mcr, "/Pg")),
			 qpdf_oh_get_object_id(q, qpdf_get_page_n(q, 1)));
	qpdf_cleanup(&q);
	pdf_struct_free(st);
	free(in);
	free(out);
}

static void refused(const char *in, const pdf_struct *st, const char *why)
{
	char *out = path_in("refused.pdf"), *err = NULL;
	pdf_tags_opts to = {st, "nl"};
	assert_int_equal(pdf_finish(in, out, &(pdf_finish_opts){.tags = &to}, &err), -1);
	if (!strstr(err, why))
		fail_msg("'%s' does not say '%s'", err, why);
	assert_int_equal(access(out, F_OK), -1);
	free(err);
	free(out);
}

/* A record that does not match what Cairo wrote is refused. */
static void test_record_mismatch(void **state)
{
	(void)state;
	char *in = path_in("m.cairo.pdf"), *scratch = path_in("scratch.pdf");
	pdf_struct *st = pdf_struct_new(), *other = pdf_struct_new();
	make_tagged(in, st);
	cairo_surface_t *s = cairo_pdf_surface_create(scratch, 10, 10);
	cairo_t *cr = cairo_create(s);
	pdf_struct_begin(other, cr, "Document");
	pdf_struct_begin(other, cr, "P");
	pdf_struct_end(other, cr);
	pdf_struct_end(other, cr);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	refused(in, other, "structure tree has");
	pdf_struct_free(other);
	pdf_struct_free(st);
	free(scratch);
	free(in);
}

/* Untagged Cairo output has no tree to complete. */
static void test_untagged_refused(void **state)
{
	(void)state;
	char *in = path_in("u.cairo.pdf");
	cairo_surface_t *s = cairo_pdf_surface_create(in, 100, 100);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "T");
	cairo_t *cr = cairo_create(s);
	show(cr, 50, "x");
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	pdf_struct *st = pdf_struct_new();
	refused(in, st, "no structure tree");
	pdf_struct_free(st);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexer),
		cmocka_unit_test(test_xmp_packet),
		cmocka_unit_test(test_finish_tagged),
		cmocka_unit_test(test_ligatures),
		cmocka_unit_test(test_many_elements),
		cmocka_unit_test(test_record_mismatch),
		cmocka_unit_test(test_untagged_refused),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
