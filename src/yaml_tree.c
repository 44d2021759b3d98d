/* yaml_tree.c - libyaml events to a small tree, refusing what decks must not contain. */
#include "yaml_tree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "bounds.h"
#include "input.h"

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t avail)
{
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, min = 0x10000;
	else
		return 0;
	if (n > avail)
		return 0;
	unsigned cp = c & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* Byte-level checks libyaml reports badly or not at all: encoding, NUL, tab indentation. */
static bool scan_bytes(const char *path, const char *buf, size_t len, struct diag *d)
{
	const unsigned char *s = (const unsigned char *)buf;
	int line = 1, col = 1;
	bool ok = true, indent = true;
	for (size_t i = 0; i < len;) {
		if (s[i] == 0) {
			diag(d, M_NUL, path, line, col, i);
			return false;
		}
		size_t n = utf8_len(s + i, len - i);
		if (n == 0) {
			diag(d, M_UTF8, path, line, col, i);
			return false;
		}
		if (s[i] == '\n') {
			line++, col = 1, indent = true;
		} else {
			if (s[i] == '\t' && indent) {
				diag(d, M_TAB, path, line, col);
				ok = false;
			}
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '-')
				indent = false;
			col++;
		}
		i += n;
	}
	return ok;
}

/* libyaml's problems in words a facilitator understands. */
static const struct {
	const char *problem, *hint;
} hints[] = {
	{"mapping values are not allowed", "a text containing ': ' must be put in quotes"},
	{"did not find expected key",
	 "this line's indentation does not line up with the lines above"},
	{"did not find expected '-' indicator", "list items ('- ') must all be indented the same"},
	{"found unexpected end of stream", "a quoted text is not closed; add the closing quote"},
	{"found character that cannot start any token", "put the text in quotes"},
	{"did not find expected node content", "a value is missing after ':' or '-'"},
	{"found undefined tag handle", "remove the '!' or put the text in quotes"},
};

static size_t indent_at(const char *line)
{
	return strspn(line, " ");
}

/* "mapping values are not allowed" means a stray ': ' in a value, or a line indented
 * deeper than a key-value line above it: tell which. */
static bool deeper_than_previous(const char *buf, size_t index)
{
	size_t start = index;
	while (start > 0 && buf[start - 1] != '\n')
		start--;
	if (start == 0)
		return false;
	size_t prev = start - 1;
	while (prev > 0 && buf[prev - 1] != '\n')
		prev--;
	const char *pl = buf + prev;
	size_t plen = start - 1 - prev;
	bool opens_block = plen > 0 && pl[plen - 1] == ':';
	return !opens_block &&
	       indent_at(buf + start) >
		       indent_at(pl) + (strncmp(pl + indent_at(pl), "- ", 2) ? 0 : 2);
}

/* Moves *p past one UTF-8 character and counts its column. */
static void step(const char **p, int *col)
{
	(*p)++;
	while ((**p & 0xc0) == 0x80)
		(*p)++;
	(*col)++;
}

/* From the opening quote at *p, to its closing quote (false if the line ends first). */
static bool to_closing_quote(const char **p, int *col)
{
	char q = **p;
	for (step(p, col); **p && **p != '\n'; step(p, col)) {
		if (q == '"' && **p == '\\' && (*p)[1] && (*p)[1] != '\n')
			step(p, col); /* an escape: the next character is text */
		else if (q == '\'' && **p == '\'' && (*p)[1] == '\'')
			step(p, col); /* '' is an apostrophe inside '...' */
		else if (**p == q)
			return true;
	}
	return false;
}

/* A straight quote inside a quoted text ends the text early ("Wat zegt "hij" daarover?"):
 * libyaml then reports what it expected next, which sounds like an indentation problem.
 * Scans the error's line for a quoted value that closes and is followed by more text
 * before the error mark; sets the closing quote's column and the opening one's. */
static bool stray_quote(const char *buf, int line, int mark_col, int *col, int *open_col, char *q)
{
	const char *p = buf;
	for (int l = 1; l < line && (p = strchr(p, '\n')); l++)
		p++;
	bool value_start = true; /* where a quoted value may begin */
	for (int c = 1; p && *p && *p != '\n' && c < mark_col; step(&p, &c)) {
		if ((*p == '"' || *p == '\'') && value_start) {
			int open = c;
			if (!to_closing_quote(&p, &c))
				return false;
			const char *after = p + 1 + strspn(p + 1, " ");
			if (c < mark_col && *after && !strchr("\n\r#,]}:", *after)) {
				*col = c, *open_col = open, *q = *p;
				return true;
			}
		} else if (*p == '#' && value_start) {
			return false; /* a comment */
		}
		if (*p != ' ')
			value_start = strchr(":-[{,?", *p) != NULL;
	}
	return false;
}

static void report_parser_error(const char *path, const char *buf, yaml_parser_t *p, struct diag *d)
{
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	yaml_mark_t m = p->problem_mark;
	int line = (int)m.line + 1, col = (int)m.column + 1, at, open;
	char q;
	if (stray_quote(buf, line, col, &at, &open, &q)) {
		diag(d, q == '"' ? M_STRAY_DQUOTE : M_STRAY_SQUOTE, path, line, at, open);
		return;
	}
	if (strstr(problem, "mapping values are not allowed") &&
	    deeper_than_previous(buf, m.index)) {
		diag(d, M_YAML_HINT, path, line, col, problem,
		     "this line is indented deeper than the line above; line them up");
		return;
	}
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (strstr(problem, hints[i].problem)) {
			diag(d, M_YAML_HINT, path, line, col, problem, hints[i].hint);
			return;
		}
	if (p->context) {
		char *msg = xasprintf("%s %s (line %d)", problem, p->context,
				      (int)p->context_mark.line + 1);
		diag(d, M_YAML, path, line, col, msg);
		free(msg);
	} else {
		diag(d, M_YAML, path, line, col, problem);
	}
}

typedef struct {
	ynode *node;
	strbuf kids; /* ynode* array being collected */
} frame;

static ynode *node_new(arena *mem, ynode_kind kind, yaml_mark_t m)
{
	ynode *n = arena_alloc(mem, sizeof *n);
	n->kind = kind;
	n->line = (int)m.line + 1;
	n->col = (int)m.column + 1;
	return n;
}

typedef struct {
	const char *key;
	size_t i; /* index of the key among the mapping's kids */
} keyref;

static int by_key_then_place(const void *a, const void *b)
{
	const keyref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Duplicate keys are a YAML error libyaml does not report. Sorted, so that a mapping of a
 * hundred thousand keys costs n log n, not n squared; reported in the order of the file,
 * each naming the key's first place. */
static bool check_dupkeys(const char *path, const ynode *map, struct diag *d)
{
	size_t n = 0;
	keyref *refs = xcalloc(map->n / 2 + 1, sizeof *refs);
	size_t *first = xcalloc(map->n + 1, sizeof *first); /* kid index -> first kid + 1 */
	for (size_t i = 0; i < map->n; i += 2)
		if (map->kids[i]->kind == YN_SCALAR)
			refs[n++] = (keyref){map->kids[i]->value, i};
	qsort(refs, n, sizeof *refs, by_key_then_place);
	for (size_t k = 1, g = 0; k < n; k++) {
		if (strcmp(refs[k].key, refs[g].key))
			g = k;
		else
			first[refs[k].i] = refs[g].i + 1;
	}
	bool ok = true;
	for (size_t i = 0; i < map->n; i += 2)
		if (first[i]) {
			const ynode *k = map->kids[i], *prev = map->kids[first[i] - 1];
			diag(d, M_DUPKEY, path, k->line, k->col, k->value, prev->line);
			ok = false;
		}
	free(first);
	free(refs);
	return ok;
}

static bool add_kid(const char *path, frame *stack, size_t depth, ynode *n, struct diag *d)
{
	if (depth == 0)
		return true;
	frame *top = &stack[depth - 1];
	if (top->node->kind == YN_MAP && top->kids.len / sizeof(ynode *) % 2 == 0 &&
	    n->kind != YN_SCALAR) {
		diag(d, M_COMPLEX_KEY, path, n->line, n->col, ynode_kind_name(n));
		return false;
	}
	strbuf_add(&top->kids, (const char *)&n, sizeof n);
	return true;
}

static bool has_anchor(const char *path, const unsigned char *anchor, yaml_mark_t m, struct diag *d)
{
	if (!anchor)
		return false;
	diag(d, M_ALIAS, path, (int)m.line + 1, (int)m.column + 1, (const char *)anchor,
	     (const char *)anchor);
	return true;
}

/* Turn the event stream into a tree. Stops at the first error: after a syntax error
 * libyaml cannot go on, and the other refusals make the rest meaningless. */
static int build(const char *path, const char *buf, yaml_parser_t *p, arena *mem, struct diag *d,
		 ynode **root)
{
	size_t max_depth = bound_get(B_YAML_DEPTH), max_nodes = bound_get(B_YAML_NODES), nodes = 0;
	frame *stack = xcalloc(max_depth + 1, sizeof *stack);
	size_t depth = 0;
	int docs = 0, rc = -1;
	bool refused = false;
	*root = NULL;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(p, &ev)) {
			report_parser_error(path, buf, p, d);
			break;
		}
		yaml_event_type_t type = ev.type;
		ynode *n = NULL;
		bool fail = false;
		if ((type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT ||
		     type == YAML_MAPPING_START_EVENT) &&
		    ++nodes > max_nodes) {
			/* a small file of "[a,a,a,...]" would otherwise build a huge tree */
			char *what =
				xasprintf("the file holds more than %zu texts, lists and mappings",
					  max_nodes);
			diag(d, M_LIMIT, path, (int)ev.start_mark.line + 1,
			     (int)ev.start_mark.column + 1, what, bound_name(B_YAML_NODES));
			free(what);
			yaml_event_delete(&ev);
			break;
		}
		switch (type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				diag(d, M_MULTIDOC, path, (int)ev.start_mark.line + 1,
				     (int)ev.start_mark.column + 1);
				fail = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			fail = has_anchor(path, ev.data.alias.anchor, ev.start_mark, d);
			break;
		case YAML_SCALAR_EVENT:
			if ((fail = has_anchor(path, ev.data.scalar.anchor, ev.start_mark, d)))
				break;
			if (strlen((const char *)ev.data.scalar.value) != ev.data.scalar.length) {
				/* "A\0B" would silently print as "A" */
				diag(d, M_NUL_ESCAPE, path, (int)ev.start_mark.line + 1,
				     (int)ev.start_mark.column + 1);
				refused = true; /* go on: the rest of the file may have more */
			}
			n = node_new(mem, YN_SCALAR, ev.start_mark);
			n->value = arena_strndup(mem, (const char *)ev.data.scalar.value,
						 ev.data.scalar.length);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->literal = ev.data.scalar.style == YAML_LITERAL_SCALAR_STYLE;
			fail = !add_kid(path, stack, depth, n, d);
			if (depth == 0)
				*root = n;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			const unsigned char *anchor = type == YAML_MAPPING_START_EVENT
							      ? ev.data.mapping_start.anchor
							      : ev.data.sequence_start.anchor;
			if ((fail = has_anchor(path, anchor, ev.start_mark, d)))
				break;
			if (depth == max_depth) {
				diag(d, M_DEPTH, path, (int)ev.start_mark.line + 1,
				     (int)ev.start_mark.column + 1, (int)max_depth,
				     bound_name(B_YAML_DEPTH));
				fail = true;
				break;
			}
			n = node_new(mem, type == YAML_MAPPING_START_EVENT ? YN_MAP : YN_SEQ,
				     ev.start_mark);
			if ((fail = !add_kid(path, stack, depth, n, d)))
				break;
			if (depth == 0)
				*root = n;
			stack[depth++] = (frame){.node = n};
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT: {
			frame *f = &stack[--depth];
			f->node->n = f->kids.len / sizeof(ynode *);
			f->node->kids = arena_alloc(mem, f->kids.len);
			if (f->kids.len)
				memcpy(f->node->kids, f->kids.s, f->kids.len);
			strbuf_free(&f->kids);
			if (f->node->kind == YN_MAP)
				fail = !check_dupkeys(path, f->node, d);
			break;
		}
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (fail)
			break;
		if (type == YAML_STREAM_END_EVENT) {
			rc = refused ? -1 : 0;
			break;
		}
	}
	while (depth > 0)
		strbuf_free(&stack[--depth].kids);
	free(stack);
	return rc;
}

int ytree_parse(const char *path, char *buf, size_t len, arena *mem, struct diag *d, ynode **root)
{
	*root = NULL;
	/* A byte-order mark (Notepad writes one) is not text: libyaml would count it as a
	 * column and misread the indentation of the first line. */
	size_t skip = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	memmove(buf, buf + skip, len - skip + 1);
	len -= skip;
	if (!scan_bytes(path, buf, len, d))
		return -1;
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		diag(d, M_IO_OPEN, path, 0, 0, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int rc = build(path, buf, &p, mem, d, root);
	yaml_parser_delete(&p);
	if (rc != 0)
		*root = NULL;
	return rc;
}

char *ytree_read(const char *path, const char *root, size_t *len, struct diag *d)
{
	input_result r;
	char *buf = input_read(path, root, bound_get(B_FILE_BYTES), &r);
	if (buf) {
		*len = r.size;
		return buf;
	}
	if (r.status == IN_FOLDER) {
		diag(d, M_IO_DIR, path, 0, 0);
	} else if (r.status == IN_TOO_BIG) {
		char *what = xasprintf("the file has more than %zu bytes", bound_get(B_FILE_BYTES));
		diag(d, M_LIMIT, path, 0, 0, what, bound_name(B_FILE_BYTES));
		free(what);
	} else if (r.status == IN_OUTSIDE) {
		diag(d, M_OUTSIDE, path, 0, 0, path);
	} else {
		char *why = input_problem(&r, root);
		diag(d, M_IO_OPEN, path, 0, 0, why);
		free(why);
	}
	free(r.why);
	return NULL;
}

int ytree_load(const char *path, arena *mem, struct diag *d, ynode **root)
{
	size_t len = 0;
	*root = NULL;
	char *buf = ytree_read(path, NULL, &len, d);
	if (!buf)
		return -1;
	int rc = ytree_parse(path, buf, len, mem, d, root);
	free(buf);
	return rc;
}

bool ynode_is_null(const ynode *n)
{
	return !n || (n->kind == YN_SCALAR && n->plain &&
		      (!*n->value || !strcmp(n->value, "~") || !strcmp(n->value, "null") ||
		       !strcmp(n->value, "Null") || !strcmp(n->value, "NULL")));
}

const char *ynode_kind_name(const ynode *n)
{
	return n->kind == YN_SCALAR ? "text" : n->kind == YN_MAP ? "mapping" : "list";
}

ynode *ynode_new(arena *mem, ynode_kind kind, int line, int col)
{
	ynode *n = arena_alloc(mem, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

ynode *ynode_new_scalar(arena *mem, const char *value, int line, int col)
{
	ynode *n = ynode_new(mem, YN_SCALAR, line, col);
	n->value = arena_strdup(mem, value);
	n->literal = true; /* line breaks are kept as written */
	return n;
}
