/* pdf_tags.c - PDF/UA-1 after Cairo: the structure tree completed from pdf_struct's record,
 * artifacts marked in the content streams, and the catalog, page and font entries Cairo 1.16
 * does not write. */
#include "pdf_tags.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "pdf_lig.h"
#include "util.h"

#define MAX_DEPTH 256 /* of the structure tree: Cairo's trees are a few levels deep */

typedef struct {
	qpdf_oh oh;  /* valid while epoch is the fix's (elem_oh) */
	int id, gen; /* the element's object, to make its handle again */
	unsigned epoch;
	int parent; /* element index; -1: the StructTreeRoot */
	bool removed, dirty;
} elem;

typedef struct {
	int page_id; /* object id of the page */
	int mcid;
	pdf_artifact kind;
	bool done;
} art_mc;

typedef struct {
	qpdf_data q;
	const pdf_tags_opts *o;
	qpdf_oh root, parent_tree; /* valid while root_epoch is epoch (tree_root) */
	unsigned epoch, root_epoch;
	bool pinned; /* a handle that cannot be made again is kept: handles stay (forget) */
	elem *el;
	size_t n, cap;
	int *by_id; /* object id -> element index, -1 */
	int max_id;
	art_mc *arts;
	size_t narts, cap_arts;
	bool root_dirty;
	struct nt_entry *keys; /* the parent tree by key */
	int nkeys;
} fix;

/* --- handles ---
 *
 * qpdf's C API keeps every object handle it gives out until it is told to let go of them,
 * and this step asks for millions on a large booklet (200 MB at 10,000 cards). So it lets
 * go of all of them between steps and every few hundred elements (forget), and makes the
 * few it keeps again from their object numbers when they are next needed. */

static void forget(fix *f)
{
	if (f->pinned)
		return;
	qpdf_oh_release_all(f->q);
	f->epoch++;
}

/* Every FORGET_EVERY items of a long loop, between items: no handle of the item is live. */
#define FORGET_EVERY 256

static void forget_sometimes(fix *f, size_t i)
{
	if (i % FORGET_EVERY == FORGET_EVERY - 1)
		forget(f);
}

static qpdf_oh elem_oh(fix *f, size_t i)
{
	elem *e = &f->el[i];
	if (e->epoch != f->epoch) {
		e->oh = qpdf_get_object_by_id(f->q, e->id, e->gen);
		e->epoch = f->epoch;
	}
	return e->oh;
}

static qpdf_oh tree_root(fix *f)
{
	if (f->root_epoch != f->epoch) {
		f->root = qpdf_oh_get_key(f->q, qpdf_get_root(f->q), "/StructTreeRoot");
		f->parent_tree = qpdf_oh_get_key(f->q, f->root, "/ParentTree");
		f->root_epoch = f->epoch;
	}
	return f->root;
}

static qpdf_oh parent_tree(fix *f)
{
	tree_root(f);
	return f->parent_tree;
}

/* --- reading the tree --- */

static bool is_type(qpdf_data q, qpdf_oh oh, const char *key, const char *name)
{
	return qpdf_oh_is_dictionary(q, oh) &&
	       qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, oh, key), name);
}

static bool is_struct_elem(qpdf_data q, qpdf_oh oh)
{
	return is_type(q, oh, "/Type", "/StructElem") ||
	       (qpdf_oh_is_dictionary(q, oh) && qpdf_oh_is_name(q, qpdf_oh_get_key(q, oh, "/S")) &&
		!qpdf_oh_has_key(q, oh, "/Type"));
}

static size_t kids_count(qpdf_data q, qpdf_oh k)
{
	if (qpdf_oh_is_array(q, k))
		return (size_t)qpdf_oh_get_array_n_items(q, k);
	return qpdf_oh_is_null(q, k) ? 0 : 1;
}

static qpdf_oh kid_at(qpdf_data q, qpdf_oh k, size_t i)
{
	return qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, (int)i) : k;
}

/* /K of element `node` (-1: the StructTreeRoot). */
static qpdf_oh kids_of(fix *f, int node)
{
	return qpdf_oh_get_key(f->q, node < 0 ? tree_root(f) : elem_oh(f, (size_t)node), "/K");
}

/* The elements below element `node` (-1: the root), depth first: f->el in the order Cairo
 * wrote them. Handles are let go of every few hundred elements, so /K is found again when
 * that happened below. */
static char *collect(fix *f, int node, int depth)
{
	if (depth > MAX_DEPTH)
		return xstrdup("the structure tree is nested too deep");
	unsigned epoch = f->epoch;
	qpdf_oh k = kids_of(f, node);
	for (size_t i = 0, n = kids_count(f->q, k); i < n; i++) {
		if (f->epoch != epoch) {
			epoch = f->epoch;
			k = kids_of(f, node);
		}
		qpdf_oh kid = kid_at(f->q, k, i);
		if (!is_struct_elem(f->q, kid))
			continue;
		int id = qpdf_oh_get_object_id(f->q, kid);
		if (id <= 0 || id > f->max_id || f->by_id[id] >= 0)
			return xstrdup("a structure element is not an indirect object, or is "
				       "reached twice");
		if (f->n == f->cap) {
			f->cap = f->cap ? 2 * f->cap : 256;
			f->el = xrealloc(f->el, f->cap * sizeof *f->el);
		}
		f->by_id[id] = (int)f->n;
		f->el[f->n] = (elem){.oh = kid,
				     .id = id,
				     .gen = qpdf_oh_get_generation(f->q, kid),
				     .epoch = f->epoch,
				     .parent = node};
		size_t me = f->n++;
		char *err = collect(f, (int)me, depth + 1);
		if (err)
			return err;
		forget_sometimes(f, me);
	}
	return NULL;
}

/* Cairo's tree must be the one recorded: same number of elements, same types. */
static char *check_record(fix *f)
{
	size_t want = pdf_struct_count(f->o->st);
	if (f->n != want)
		return xasprintf("the structure tree has %zu elements where %zu were drawn", f->n,
				 want);
	for (size_t i = 0; i < f->n; i++) {
		forget_sometimes(f, i);
		const char *s = qpdf_oh_get_name(f->q, qpdf_oh_get_key(f->q, elem_oh(f, i), "/S"));
		if (strcmp(s + (*s == '/'), pdf_struct_elem(f->o->st, i)->role))
			return xasprintf("structure element %zu is %s where %s was drawn", i, s,
					 pdf_struct_elem(f->o->st, i)->role);
	}
	return NULL;
}

/* --- the parent tree: MCIDs and annotations to their elements --- */

/* Where each key's value is: the /Nums array holding it and its index there. */
typedef struct nt_entry {
	qpdf_oh nums;          /* the node's /Nums, while handles are pinned */
	int node_id, node_gen; /* the node, to find its /Nums again; 0: the tree's root */
	int at;                /* 0: no entry */
} nt_entry;

/* Indexes the number tree at node (its /Nums, then its /Kids), so that a lookup costs no
 * walk through qpdf's objects (each step of which makes a handle that lives until the end). */
static void nt_index(fix *f, qpdf_oh node, int depth)
{
	qpdf_data q = f->q;
	int node_id = qpdf_oh_get_object_id(q, node), node_gen = qpdf_oh_get_generation(q, node);
	if (!node_id && depth)
		f->pinned = true; /* a direct node below the root cannot be found again */
	qpdf_oh v = qpdf_oh_get_key(q, node, "/Nums");
	int n = qpdf_oh_is_array(q, v) ? qpdf_oh_get_array_n_items(q, v) : 0;
	for (int j = 0; j + 1 < n; j += 2) {
		int key = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, v, j));
		if (key < 0 || key > f->max_id * 2)
			continue; /* Cairo numbers pages and annotations from 0 */
		if (key >= f->nkeys) {
			int grow = key + 64;
			f->keys = xrealloc(f->keys, (size_t)grow * sizeof *f->keys);
			memset(f->keys + f->nkeys, 0, (size_t)(grow - f->nkeys) * sizeof *f->keys);
			f->nkeys = grow;
		}
		f->keys[key] = (nt_entry){v, node_id, node_gen, j + 1};
	}
	qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
	n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	for (int j = 0; depth < MAX_DEPTH && j < n; j++)
		nt_index(f, qpdf_oh_get_array_item(q, kids, j), depth + 1);
}

/* The /Nums array holding entry e. */
static qpdf_oh nt_nums(fix *f, const nt_entry *e)
{
	if (f->pinned)
		return e->nums;
	qpdf_oh node =
		e->node_id ? qpdf_get_object_by_id(f->q, e->node_id, e->node_gen) : parent_tree(f);
	return qpdf_oh_get_key(f->q, node, "/Nums");
}

/* The parent tree's entry for the /StructParent(s) value sp; false when there is none. */
static bool nt_find(const fix *f, qpdf_oh sp, nt_entry *e)
{
	if (!qpdf_oh_is_integer(f->q, sp))
		return false;
	int key = qpdf_oh_get_int_value_as_int(f->q, sp);
	if (key < 0 || key >= f->nkeys || !f->keys[key].at)
		return false;
	*e = f->keys[key];
	return true;
}

/* Points the parent tree's entry for marked content `mcid` of `page` at value. */
static void parent_of_mcid(fix *f, qpdf_oh page, int mcid, qpdf_oh value)
{
	nt_entry e;
	if (!nt_find(f, qpdf_oh_get_key(f->q, page, "/StructParents"), &e))
		return;
	qpdf_oh arr = qpdf_oh_get_array_item(f->q, nt_nums(f, &e), e.at);
	if (qpdf_oh_is_array(f->q, arr) && mcid >= 0 && mcid < qpdf_oh_get_array_n_items(f->q, arr))
		qpdf_oh_set_array_item(f->q, arr, mcid, value);
}

/* Points the parent tree's entry for annotation `annot` at value. */
static void parent_of_annot(fix *f, qpdf_oh annot, qpdf_oh value)
{
	nt_entry e;
	if (nt_find(f, qpdf_oh_get_key(f->q, annot, "/StructParent"), &e))
		qpdf_oh_set_array_item(f->q, nt_nums(f, &e), e.at, value);
}

/* --- content items of an element --- */

typedef enum { KID_ELEM, KID_MCID, KID_OBJR, KID_OTHER } kid_kind;

typedef struct {
	kid_kind kind;
	qpdf_oh oh;   /* the item as it stands in /K */
	qpdf_oh page; /* KID_MCID: its page; KID_OBJR: the annotation */
	int mcid;
} kid;

static kid classify(fix *f, qpdf_oh item, qpdf_oh pg)
{
	qpdf_data q = f->q;
	if (qpdf_oh_is_integer(q, item))
		return (kid){KID_MCID, item, pg, qpdf_oh_get_int_value_as_int(q, item)};
	if (is_type(q, item, "/Type", "/MCR")) {
		qpdf_oh p = qpdf_oh_get_key(q, item, "/Pg");
		return (kid){KID_MCID, item, qpdf_oh_is_dictionary(q, p) ? p : pg,
			     qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, item, "/MCID"))};
	}
	if (is_type(q, item, "/Type", "/OBJR"))
		return (kid){KID_OBJR, item, qpdf_oh_get_key(q, item, "/Obj"), -1};
	if (is_struct_elem(q, item))
		return (kid){KID_ELEM, item, 0, -1};
	return (kid){KID_OTHER, item, 0, -1};
}

static bool same_object(qpdf_data q, qpdf_oh a, qpdf_oh b)
{
	return qpdf_oh_get_object_id(q, a) == qpdf_oh_get_object_id(q, b) &&
	       qpdf_oh_get_generation(q, a) == qpdf_oh_get_generation(q, b);
}

/* The /K of element e as an array the caller may append to (made one if needed). */
static qpdf_oh k_array(fix *f, qpdf_oh e)
{
	qpdf_oh k = qpdf_oh_get_key(f->q, e, "/K");
	if (qpdf_oh_is_array(f->q, k))
		return k;
	qpdf_oh arr = qpdf_oh_new_array(f->q);
	if (!qpdf_oh_is_null(f->q, k))
		qpdf_oh_append_item(f->q, arr, k);
	qpdf_oh_replace_key(f->q, e, "/K", arr);
	return qpdf_oh_get_key(f->q, e, "/K");
}

/* --- what each element needs --- */

static void add_artifact(fix *f, qpdf_oh page, int mcid, pdf_artifact kind)
{
	if (f->narts == f->cap_arts) {
		f->cap_arts = f->cap_arts ? 2 * f->cap_arts : 64;
		f->arts = xrealloc(f->arts, f->cap_arts * sizeof *f->arts);
	}
	f->arts[f->narts++] = (art_mc){qpdf_oh_get_object_id(f->q, page), mcid, kind, false};
}

static void drop(fix *f, size_t i)
{
	f->el[i].removed = true;
	if (f->el[i].parent >= 0)
		f->el[f->el[i].parent].dirty = true;
	else
		f->root_dirty = true;
}

/* An artifact leaves the tree; its marked content is rewritten later. */
static char *artifact(fix *f, size_t i, pdf_artifact kind)
{
	qpdf_oh e = elem_oh(f, i), k = qpdf_oh_get_key(f->q, e, "/K");
	qpdf_oh pg = qpdf_oh_get_key(f->q, e, "/Pg");
	for (size_t j = 0, n = kids_count(f->q, k); j < n; j++) {
		kid c = classify(f, kid_at(f->q, k, j), pg);
		if (c.kind != KID_MCID || !qpdf_oh_is_dictionary(f->q, c.page))
			return xasprintf("artifact %zu holds more than marked content", i);
		add_artifact(f, c.page, c.mcid, kind);
		parent_of_mcid(f, c.page, c.mcid, qpdf_oh_new_null(f->q));
	}
	drop(f, i);
	return NULL;
}

/* Element i goes on from element t: its content joins t's, and i leaves the tree. */
static void join(fix *f, size_t i, size_t t)
{
	qpdf_data q = f->q;
	qpdf_oh e = elem_oh(f, i), target = elem_oh(f, t);
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K"), pg = qpdf_oh_get_key(q, e, "/Pg");
	qpdf_oh tpg = qpdf_oh_get_key(q, target, "/Pg"), into = k_array(f, target);
	for (size_t j = 0, n = kids_count(q, k); j < n; j++) {
		kid c = classify(f, kid_at(q, k, j), pg);
		if (c.kind == KID_MCID) {
			/* on the target's page an MCID will do; elsewhere a reference */
			bool here = qpdf_oh_is_dictionary(q, tpg) && same_object(q, c.page, tpg);
			qpdf_oh item = here ? qpdf_oh_new_integer(q, c.mcid)
					    : qpdf_oh_parse(q, "<< /Type /MCR >>");
			if (!here) {
				qpdf_oh_replace_key(q, item, "/Pg", c.page);
				qpdf_oh_replace_key(q, item, "/MCID",
						    qpdf_oh_new_integer(q, c.mcid));
			}
			qpdf_oh_append_item(q, into, item);
			parent_of_mcid(f, c.page, c.mcid, target);
		} else {
			qpdf_oh_append_item(q, into, c.oh);
			if (c.kind == KID_OBJR)
				parent_of_annot(f, c.page, target);
			if (c.kind == KID_ELEM) {
				qpdf_oh_replace_key(q, c.oh, "/P", target);
				int id = qpdf_oh_get_object_id(q, c.oh);
				if (id > 0 && id <= f->max_id && f->by_id[id] >= 0)
					f->el[f->by_id[id]].parent = (int)t;
			}
		}
	}
	qpdf_oh_remove_key(q, e, "/K");
	drop(f, i);
}

static void attributes(fix *f, size_t i, const pdf_elem *r)
{
	qpdf_data q = f->q;
	qpdf_oh e = elem_oh(f, i);
	if (r->lang)
		qpdf_oh_replace_key(q, e, "/Lang", qpdf_oh_new_unicode_string(q, r->lang));
	if (r->alt)
		qpdf_oh_replace_key(q, e, "/Alt", qpdf_oh_new_unicode_string(q, r->alt));
	if (!r->contents)
		return;
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
	for (size_t j = 0, n = kids_count(q, k); j < n; j++) {
		kid c = classify(f, kid_at(q, k, j), 0);
		if (c.kind == KID_OBJR && qpdf_oh_is_dictionary(q, c.page))
			qpdf_oh_replace_key(q, c.page, "/Contents",
					    qpdf_oh_new_unicode_string(q, r->contents));
	}
}

static char *apply_record(fix *f)
{
	for (size_t i = 0; i < f->n; i++) {
		forget_sometimes(f, i);
		const pdf_elem *r = pdf_struct_elem(f->o->st, i);
		if (r->artifact >= 0) {
			char *err = artifact(f, i, (pdf_artifact)r->artifact);
			if (err)
				return err;
			continue;
		}
		size_t t = i;
		while (pdf_struct_elem(f->o->st, t)->continues >= 0)
			t = (size_t)pdf_struct_elem(f->o->st, t)->continues;
		if (t != i) {
			if (strcmp(pdf_struct_elem(f->o->st, t)->role, r->role))
				return xasprintf("element %zu (%s) cannot go on from a %s", i,
						 r->role, pdf_struct_elem(f->o->st, t)->role);
			join(f, i, t);
		} else {
			attributes(f, i, r);
		}
	}
	return NULL;
}

/* --- links whose annotations an earlier step took off the pages (PDF/X allows none) --- */

/* by object id: the annotations on the pages (caller frees) */
static bool *placed_annots(fix *f)
{
	qpdf_data q = f->q;
	bool *on = xcalloc((size_t)f->max_id + 1, sizeof *on);
	int pages = qpdf_get_num_pages(q);
	for (int p = 0; p < pages; p++) {
		qpdf_oh annots = qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)p), "/Annots");
		int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
		for (int i = 0; i < n; i++) {
			int id = qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, annots, i));
			if (id > 0 && id <= f->max_id)
				on[id] = true;
		}
	}
	return on;
}

/* An element's reference to an annotation no page has leaves it, and its parent-tree entry
 * is emptied; a Link left without its annotation is text, a Span (a screen reader would
 * announce a link that leads nowhere). */
static void unplaced_links(fix *f)
{
	qpdf_data q = f->q;
	bool *on = placed_annots(f);
	for (size_t i = 0; i < f->n; i++) {
		/* Cairo puts a link's annotation (OBJR) in the link's element only */
		if (f->el[i].removed || strcmp(pdf_struct_elem(f->o->st, i)->role, "Link"))
			continue;
		forget_sometimes(f, i);
		qpdf_oh e = elem_oh(f, i), k = qpdf_oh_get_key(q, e, "/K");
		qpdf_oh keep = qpdf_oh_new_array(q);
		bool gone = false;
		for (size_t j = 0, n = kids_count(q, k); j < n; j++) {
			kid c = classify(f, kid_at(q, k, j), 0);
			int id = c.kind == KID_OBJR ? qpdf_oh_get_object_id(q, c.page) : 0;
			if (c.kind == KID_OBJR && !(id > 0 && id <= f->max_id && on[id])) {
				parent_of_annot(f, c.page, qpdf_oh_new_null(q));
				gone = true;
			} else {
				qpdf_oh_append_item(q, keep, c.oh);
			}
		}
		if (!gone)
			continue;
		qpdf_oh_replace_key(q, e, "/K", keep);
		if (is_type(q, e, "/S", "/Link"))
			qpdf_oh_replace_key(q, e, "/S", qpdf_oh_new_name(q, "/Span"));
		if (!qpdf_oh_get_array_n_items(q, keep))
			drop(f, i);
	}
	free(on);
}

/* /K of node without the elements that left the tree; false when nothing is left. */
static bool prune(fix *f, qpdf_oh node)
{
	qpdf_data q = f->q;
	qpdf_oh k = qpdf_oh_get_key(q, node, "/K"), keep = qpdf_oh_new_array(q);
	for (size_t j = 0, n = kids_count(q, k); j < n; j++) {
		qpdf_oh item = kid_at(q, k, j);
		int id = is_struct_elem(q, item) ? qpdf_oh_get_object_id(q, item) : 0;
		if (id > 0 && id <= f->max_id && f->by_id[id] >= 0 && f->el[f->by_id[id]].removed)
			continue;
		qpdf_oh_append_item(q, keep, item);
	}
	qpdf_oh_replace_key(q, node, "/K", keep);
	return qpdf_oh_get_array_n_items(q, keep) > 0;
}

/* Children first (they come later in the list), so an element left empty goes too. */
static void prune_tree(fix *f)
{
	for (size_t i = f->n; i-- > 0;) {
		forget_sometimes(f, i);
		if (!f->el[i].removed && f->el[i].dirty && !prune(f, elem_oh(f, i)))
			drop(f, i);
	}
	if (f->root_dirty)
		prune(f, tree_root(f));
}

/* --- artifacts in the content streams --- */

static const char *artifact_props(pdf_artifact k)
{
	switch (k) {
	case PDF_ART_HEADER:
		return "/Artifact << /Type /Pagination /Subtype /Header >> BDC";
	case PDF_ART_FOOTER:
		return "/Artifact << /Type /Pagination /Subtype /Footer >> BDC";
	case PDF_ART_PAGE:
		return "/Artifact << /Type /Page >> BDC";
	default:
		return "/Artifact << /Type /Layout >> BDC";
	}
}

static int by_page_mcid(const void *a, const void *b)
{
	const art_mc *x = a, *y = b;
	if (x->page_id != y->page_id)
		return x->page_id < y->page_id ? -1 : 1;
	return (x->mcid > y->mcid) - (x->mcid < y->mcid);
}

/* The first artifact (arts sorted by page and MCID) at or after page_id, mcid. */
static size_t art_at(const fix *f, int page_id, int mcid)
{
	size_t lo = 0, hi = f->narts;
	const art_mc key = {.page_id = page_id, .mcid = mcid};
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_page_mcid(&f->arts[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The artifact of page_id with this MCID, not yet rewritten; NULL if there is none. */
static art_mc *find_art(fix *f, int page_id, int mcid)
{
	for (size_t i = art_at(f, page_id, mcid);
	     i < f->narts && f->arts[i].page_id == page_id && f->arts[i].mcid == mcid; i++)
		if (!f->arts[i].done)
			return &f->arts[i];
	return NULL;
}

/* "/Private << /MCID n >> BDC", as the last six tokens t[0..5]: n, else -1. */
static int placeholder_mcid(const pdf_lexer *lx, const pdf_token *t)
{
	if (t[0].kind != PDFT_NAME || !pdf_token_is(lx, &t[0], "/" PDF_STRUCT_ARTIFACT) ||
	    !pdf_token_is(lx, &t[1], "<<") || !pdf_token_is(lx, &t[2], "/MCID") ||
	    t[3].kind != PDFT_NUMBER || !pdf_token_is(lx, &t[4], ">>") ||
	    !pdf_token_is(lx, &t[5], "BDC"))
		return -1;
	return atoi(lx->s + t[3].start);
}

/* The content with each artifact's placeholder BDC replaced; NULL on a syntax error. */
static char *rewrite_content(fix *f, int page_id, const char *s, size_t n, size_t *out_len)
{
	pdf_lexer lx;
	pdf_lexer_init(&lx, s, n);
	pdf_token t[6] = {{0}};
	strbuf b = {0};
	size_t copied = 0;
	pdf_token_kind k;
	while ((k = pdf_lex(&lx, &t[5])) != PDFT_END) {
		if (k == PDFT_ERROR) {
			strbuf_free(&b);
			return NULL;
		}
		int mcid = placeholder_mcid(&lx, t);
		art_mc *a = mcid >= 0 ? find_art(f, page_id, mcid) : NULL;
		if (a) {
			strbuf_add(&b, s + copied, t[0].start - copied);
			strbuf_puts(&b, artifact_props(a->kind));
			copied = t[5].end;
			a->done = true;
		}
		memmove(t, t + 1, 5 * sizeof *t);
	}
	strbuf_add(&b, s + copied, n - copied);
	*out_len = b.len;
	return strbuf_take(&b);
}

static char *mark_page_artifacts(fix *f, qpdf_oh page)
{
	qpdf_data q = f->q;
	int id = qpdf_oh_get_object_id(q, page);
	size_t first = art_at(f, id, INT_MIN);
	if (first == f->narts || f->arts[first].page_id != id)
		return NULL;
	size_t len = 0, out_len = 0;
	char *err = NULL, *buf = pdf_page_content(q, page, &len, &err);
	if (!buf)
		return err;
	char *out = rewrite_content(f, id, buf, len, &out_len);
	free(buf);
	if (!out)
		return xstrdup("a page's content cannot be read to mark its artifacts");
	pdf_page_content_set(q, page, out, out_len);
	free(out);
	return NULL;
}

static char *mark_artifacts(fix *f)
{
	if (f->narts)
		qsort(f->arts, f->narts, sizeof *f->arts, by_page_mcid);
	int pages = qpdf_get_num_pages(f->q);
	for (int p = 0; p < pages; p++) {
		forget_sometimes(f, (size_t)p);
		char *err = mark_page_artifacts(f, qpdf_get_page_n(f->q, (size_t)p));
		if (err)
			return err;
	}
	for (size_t i = 0; i < f->narts; i++)
		if (!f->arts[i].done)
			return xasprintf("the marked content of an artifact (MCID %d) is not in "
					 "its page",
					 f->arts[i].mcid);
	return NULL;
}

/* --- document, pages and fonts --- */

static void catalog(fix *f)
{
	qpdf_data q = f->q;
	qpdf_oh cat = qpdf_get_root(q);
	qpdf_oh_replace_key(q, cat, "/Lang", qpdf_oh_new_unicode_string(q, f->o->lang));
	qpdf_oh_replace_key(q, cat, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh vp = qpdf_oh_get_key(q, cat, "/ViewerPreferences");
	if (!qpdf_oh_is_dictionary(q, vp)) {
		qpdf_oh_replace_key(q, cat, "/ViewerPreferences", qpdf_oh_new_dictionary(q));
		vp = qpdf_oh_get_key(q, cat, "/ViewerPreferences");
	}
	qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
}

/* Annotations are visited in structure order (PDF/UA-1, 7.18.3). */
static void tab_order(fix *f)
{
	int pages = qpdf_get_num_pages(f->q);
	for (int p = 0; p < pages; p++) {
		forget_sometimes(f, (size_t)p);
		qpdf_oh page = qpdf_get_page_n(f->q, (size_t)p);
		qpdf_oh annots = qpdf_oh_get_key(f->q, page, "/Annots");
		if (qpdf_oh_is_array(f->q, annots) && qpdf_oh_get_array_n_items(f->q, annots) > 0)
			qpdf_oh_replace_key(f->q, page, "/Tabs", qpdf_oh_new_name(f->q, "/S"));
	}
}

/* Cairo leaves out /CIDToGIDMap (default Identity, which is what it means); PDF/UA-1, 7.21.3.2
 * wants it written. */
static void cid_maps(fix *f)
{
	qpdf_data q = f->q;
	for (int id = 1; id <= f->max_id; id++) {
		forget_sometimes(f, (size_t)id);
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		if (is_type(q, o, "/Type", "/Font") && is_type(q, o, "/Subtype", "/CIDFontType2") &&
		    !qpdf_oh_has_key(q, o, "/CIDToGIDMap"))
			qpdf_oh_replace_key(q, o, "/CIDToGIDMap", qpdf_oh_new_name(q, "/Identity"));
	}
}

/* --- the step --- */

static char *run(fix *f, xmp_props *xmp)
{
	qpdf_data q = f->q;
	const char *title = qpdf_get_info_key(q, "/Title");
	if (!title || !*title)
		return xstrdup("an accessible PDF needs a title");
	if (!qpdf_oh_is_dictionary(q, tree_root(f)) || !qpdf_oh_is_dictionary(q, parent_tree(f)))
		return xstrdup("Cairo wrote no structure tree");
	nt_index(f, parent_tree(f), 0);
	forget(f);
	char *err = collect(f, -1, 0);
	if (!err)
		err = check_record(f);
	if (!err)
		err = apply_record(f);
	if (!err)
		err = mark_artifacts(f);
	if (err)
		return err;
	unplaced_links(f);
	prune_tree(f);
	forget(f);
	catalog(f);
	tab_order(f);
	cid_maps(f);
	forget(f);
	err = pdf_lig_plain(q, f->max_id); /* lets go of every handle too */
	f->epoch++;
	if (err)
		return err;
	xmp_add(xmp, "pdfuaid", "part", XMP_TEXT, "1");
	xmp_add(xmp, "dc", "language", XMP_BAG, f->o->lang);
	return NULL;
}

char *pdf_tags_apply(qpdf_data q, const pdf_tags_opts *o, xmp_props *xmp)
{
	fix f = {.q = q, .o = o, .root_epoch = 1}; /* no root handle yet */
	f.max_id =
		qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
	if (f.max_id <= 0 || f.max_id > 10000000)
		return xstrdup("the PDF's trailer has no usable /Size");
	f.by_id = xmalloc(((size_t)f.max_id + 1) * sizeof *f.by_id);
	for (int i = 0; i <= f.max_id; i++)
		f.by_id[i] = -1;
	char *err = run(&f, xmp);
	if (!err && qpdf_has_error(q))
		err = xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
	free(f.by_id);
	free(f.keys);
	free(f.el);
	free(f.arts);
	return err;
}

/* --- an untagged file --- */

void pdf_tags_strip(qpdf_data q)
{
	qpdf_oh cat = qpdf_get_root(q);
	if (!qpdf_oh_has_key(q, cat, "/StructTreeRoot") && !qpdf_oh_has_key(q, cat, "/MarkInfo"))
		return;
	qpdf_oh_remove_key(q, cat, "/StructTreeRoot");
	qpdf_oh_remove_key(q, cat, "/MarkInfo");
	int pages = qpdf_get_num_pages(q);
	for (int p = 0; p < pages; p++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
		qpdf_oh_remove_key(q, page, "/StructParents");
		qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
		int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
		for (int i = 0; i < n; i++) {
			qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
			if (qpdf_oh_is_dictionary(q, a))
				qpdf_oh_remove_key(q, a, "/StructParent");
		}
	}
}
