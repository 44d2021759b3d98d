/* print_setup.c - parse print options written in millimetres; one parser for the command line
 * and the deck's `print:` mapping, so both accept and reject exactly the same things. */
#include "print_setup.h"

#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "util.h"

typedef struct {
	const char *name;
	double w, h; /* mm, portrait */
} named_size;

static const named_size card_sizes[] = {
	{"poker", 63.5, 88.9}, {"bridge", 57.15, 88.9}, {"euro", 59, 92}, {"tarot", 70, 120},
	{"mini", 44, 63},      {"square", 70, 70},      {"a6", 105, 148}, {"a7", 74, 105},
};

static const named_size sheets[] = {
	{"a4", 210, 297},
	{"letter", 215.9, 279.4},
	{"a3", 297, 420},
};

/* Limits in mm: beyond them a value is a typo or a unit mix-up (inches, points). */
#define CARD_MIN   20.0
#define CARD_MAX   300.0
#define BLEED_MAX  10.0
#define SAFE_MAX   20.0
#define MARGIN_MAX 30.0
#define OFFSET_MAX 10.0
#define TEXT_MIN   20.0 /* smallest text area (card minus safe on both sides) that can hold text */

#define EXPECT_SIZE   "poker, bridge, euro, tarot, mini, square, a6, a7 or WxH in mm like 63.5x88.9"
#define EXPECT_SHEET  "a4, letter, a3 or none"
#define EXPECT_DUPLEX "long, short or none"
#define EXPECT_BACKS  "yes, no, true or false"
#define EXPECT_MARKS  "crop, lines or none"
#define EXPECT_OFFSET "X,Y in mm from -10 to 10, like 0.5,-1"
#define EXPECT_PDFX   "x4 (PDF/X-4), x1a (PDF/X-1a:2001) or none"
#define EXPECT_KEY    "size, sheet, bleed, safe, margin, duplex, backs, marks, back-offset or pdfx"

void print_setup_default(print_setup *p)
{
	*p = (print_setup){
		.card_w = mm_to_pt(63.5),
		.card_h = mm_to_pt(88.9),
		.size_name = "poker",
		.sheet_w = mm_to_pt(210),
		.sheet_h = mm_to_pt(297),
		.sheet_name = "a4",
		.bleed = mm_to_pt(3),
		.safe = mm_to_pt(4),
		.margin = mm_to_pt(5),
		.duplex = DUPLEX_LONG,
		.backs = true,
		.marks = MARKS_CROP,
	};
}

/* ASCII-only case folding: "A4" and "Poker" are fine, and no locale (Turkish i) interferes. */
static bool same(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
		char y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies s[0..n) without surrounding blanks into buf (size bufsz); false if it does not fit. */
static bool trimmed(char *buf, size_t bufsz, const char *s, size_t n)
{
	while (n > 0 && is_space(*s))
		s++, n--;
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n >= bufsz)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return true;
}

/* A length in mm: "3", "2.5", "2.5mm", " 3 mm ". */
static bool parse_mm(const char *s, size_t n, double *mm)
{
	char buf[64];
	if (!trimmed(buf, sizeof buf, s, n))
		return false;
	size_t len = strlen(buf);
	if (len >= 2 && same(buf + len - 2, "mm")) {
		char num[64];
		if (!trimmed(num, sizeof num, buf, len - 2))
			return false;
		return parse_double(num, mm);
	}
	return parse_double(buf, mm);
}

static char *not_number(const char *what, const char *v, const char *expect)
{
	if (strchr(v, ','))
		return xasprintf(
			"%s '%s' is not a number (write a point, not a comma); expected %s", what,
			v, expect);
	return xasprintf("%s '%s' is not a number; expected %s", what, v, expect);
}

static const named_size *find_size(const named_size *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (same(v[i].name, name))
			return &v[i];
	return NULL;
}

/* Splits "W x H" at the x (or X, or the UTF-8 multiplication sign). */
static bool split_wxh(const char *v, size_t *at, size_t *skip)
{
	const char *x = strpbrk(v, "xX");
	const char *times = strstr(v, "\xc3\x97");
	if (times && (!x || times < x)) {
		*at = (size_t)(times - v);
		*skip = 2;
		return true;
	}
	if (!x)
		return false;
	*at = (size_t)(x - v);
	*skip = 1;
	return true;
}

/* A size with decimal commas ("63,5x88,9", as Dutch and German write it) gets the size
 * with points to copy. */
static char *unknown_size(const char *v)
{
	if (!strchr(v, ','))
		return xasprintf("unknown card size '%s'; expected " EXPECT_SIZE, v);
	char *fixed = xstrdup(v);
	for (char *c = fixed; *c; c++)
		if (*c == ',')
			*c = '.';
	char *msg = xasprintf("card size '%s' is not a size (write a point, not a comma: %s); "
			      "expected " EXPECT_SIZE,
			      v, fixed);
	free(fixed);
	return msg;
}

static char *set_size(print_setup *p, const char *v)
{
	const named_size *s = find_size(card_sizes, sizeof card_sizes / sizeof *card_sizes, v);
	if (s) {
		p->card_w = mm_to_pt(s->w);
		p->card_h = mm_to_pt(s->h);
		p->size_name = s->name;
		return NULL;
	}
	size_t at, skip;
	double w, h;
	if (!split_wxh(v, &at, &skip) || !parse_mm(v, at, &w) ||
	    !parse_mm(v + at + skip, strlen(v + at + skip), &h))
		return unknown_size(v);
	if (w < CARD_MIN || w > CARD_MAX || h < CARD_MIN || h > CARD_MAX)
		return xasprintf("card size '%s' is out of range; expected width and height "
				 "from 20 to 300 mm, like 63.5x88.9",
				 v);
	p->card_w = mm_to_pt(w);
	p->card_h = mm_to_pt(h);
	p->size_name = "custom";
	return NULL;
}

static char *set_sheet(print_setup *p, const char *v)
{
	if (same(v, "none")) {
		p->sheet_none = true;
		p->sheet_name = "none";
		p->sheet_w = p->sheet_h = 0;
		return NULL;
	}
	const named_size *s = find_size(sheets, sizeof sheets / sizeof *sheets, v);
	if (!s)
		return xasprintf("unknown sheet '%s'; expected " EXPECT_SHEET, v);
	p->sheet_none = false;
	p->sheet_name = s->name;
	p->sheet_w = mm_to_pt(s->w);
	p->sheet_h = mm_to_pt(s->h);
	return NULL;
}

static char *set_length(double *field, const char *what, const char *v, double max_mm)
{
	char max[NUM_BUF];
	num_format(max, max_mm, 2);
	char *expect = xasprintf("a length in mm from 0 to %s, like 3 or 2.5", max);
	char *msg = NULL;
	double mm;
	if (!parse_mm(v, strlen(v), &mm))
		msg = not_number(what, v, expect);
	else if (mm < 0 || mm > max_mm)
		msg = xasprintf("%s '%s' is out of range; expected %s", what, v, expect);
	else
		*field = mm_to_pt(mm);
	free(expect);
	return msg;
}

static char *set_bleed(print_setup *p, const char *v)
{
	return set_length(&p->bleed, "bleed", v, BLEED_MAX);
}

static char *set_safe(print_setup *p, const char *v)
{
	return set_length(&p->safe, "safe margin", v, SAFE_MAX);
}

static char *set_margin(print_setup *p, const char *v)
{
	return set_length(&p->margin, "sheet margin", v, MARGIN_MAX);
}

/* Words a setting accepts, in any case, and what each means. */
typedef struct {
	const char *name;
	int value;
} choice;

static const choice duplex_names[] = {{"long", DUPLEX_LONG},   {"long-edge", DUPLEX_LONG},
				      {"short", DUPLEX_SHORT}, {"short-edge", DUPLEX_SHORT},
				      {"none", DUPLEX_NONE},   {NULL, 0}};
static const choice backs_names[] = {{"yes", 1}, {"true", 1}, {"no", 0}, {"false", 0}, {NULL, 0}};
static const choice marks_names[] = {
	{"crop", MARKS_CROP}, {"lines", MARKS_LINES}, {"none", MARKS_NONE}, {NULL, 0}};

static bool pick(const choice *c, const char *v, int *out)
{
	for (; c->name; c++)
		if (same(v, c->name)) {
			*out = c->value;
			return true;
		}
	return false;
}

static char *set_duplex(print_setup *p, const char *v)
{
	int d;
	if (!pick(duplex_names, v, &d))
		return xasprintf("unknown duplex mode '%s'; expected " EXPECT_DUPLEX, v);
	p->duplex = (duplex_mode)d;
	return NULL;
}

static char *set_backs(print_setup *p, const char *v)
{
	int b;
	if (!pick(backs_names, v, &b))
		return xasprintf("unknown value '%s' for backs; expected " EXPECT_BACKS, v);
	p->backs = b;
	return NULL;
}

static char *set_marks(print_setup *p, const char *v)
{
	int m;
	if (!pick(marks_names, v, &m))
		return xasprintf("unknown crop mark style '%s'; expected " EXPECT_MARKS, v);
	p->marks = (marks_mode)m;
	return NULL;
}

static char *set_back_offset(print_setup *p, const char *v)
{
	const char *comma = strchr(v, ',');
	double dx, dy;
	if (!comma || strchr(comma + 1, ','))
		return xasprintf("back offset '%s' needs two numbers; expected " EXPECT_OFFSET, v);
	if (!parse_mm(v, (size_t)(comma - v), &dx) || !parse_mm(comma + 1, strlen(comma + 1), &dy))
		return xasprintf("back offset '%s' is not two numbers; expected " EXPECT_OFFSET, v);
	if (dx < -OFFSET_MAX || dx > OFFSET_MAX || dy < -OFFSET_MAX || dy > OFFSET_MAX)
		return xasprintf("back offset '%s' is out of range; expected " EXPECT_OFFSET, v);
	p->back_dx = mm_to_pt(dx);
	p->back_dy = mm_to_pt(dy);
	return NULL;
}

static char *set_pdfx(print_setup *p, const char *v)
{
	if (same(v, "x4") || same(v, "x-4") || same(v, "pdf/x-4"))
		p->pdfx = PDFX_4;
	else if (same(v, "x1a") || same(v, "x-1a") || same(v, "pdf/x-1a"))
		p->pdfx = PDFX_1A;
	else if (same(v, "none") || same(v, "no"))
		p->pdfx = PDFX_NONE;
	else
		return xasprintf("unknown PDF/X level '%s'; expected " EXPECT_PDFX, v);
	return NULL;
}

typedef char *(*setter)(print_setup *p, const char *v);

static const struct {
	const char *key, *expect;
	setter set;
} keys[] = {
	{"size", EXPECT_SIZE, set_size},
	{"sheet", EXPECT_SHEET, set_sheet},
	{"bleed", "a length in mm from 0 to 10", set_bleed},
	{"safe", "a length in mm from 0 to 20", set_safe},
	{"margin", "a length in mm from 0 to 30", set_margin},
	{"duplex", EXPECT_DUPLEX, set_duplex},
	{"backs", EXPECT_BACKS, set_backs},
	{"marks", EXPECT_MARKS, set_marks},
	{"back-offset", EXPECT_OFFSET, set_back_offset},
	{"back_offset", EXPECT_OFFSET, set_back_offset},
	{"pdfx", EXPECT_PDFX, set_pdfx},
};

char *print_setup_apply(print_setup *p, const char *key, const char *value)
{
	for (size_t i = 0; key && i < sizeof keys / sizeof *keys; i++) {
		if (!same(key, keys[i].key))
			continue;
		char v[128];
		if (!value || !trimmed(v, sizeof v, value, strlen(value)) || !*v)
			return xasprintf("print setting '%s' needs a value; expected %s",
					 keys[i].key, keys[i].expect);
		print_setup tmp = *p; /* a rejected value leaves p as it was */
		char *msg = keys[i].set(&tmp, v);
		if (!msg)
			*p = tmp;
		return msg;
	}
	return xasprintf("unknown print setting '%s'; expected " EXPECT_KEY, key ? key : "");
}

/* "63.5 x 88.9 mm" */
static char *mm_pair(double w_pt, double h_pt)
{
	char w[NUM_BUF], h[NUM_BUF];
	return xasprintf("%s x %s mm", num_format(w, pt_to_mm(w_pt), 2),
			 num_format(h, pt_to_mm(h_pt), 2));
}

static char *check_text_area(const print_setup *p)
{
	double tw = p->card_w - 2 * p->safe, th = p->card_h - 2 * p->safe;
	if (tw >= mm_to_pt(TEXT_MIN) - 1e-6 && th >= mm_to_pt(TEXT_MIN) - 1e-6)
		return NULL;
	char safe[NUM_BUF];
	char *card = mm_pair(p->card_w, p->card_h);
	char *msg = xasprintf("a safe margin of %s mm leaves too little room for text on a %s card "
			      "(at least 20 mm each way is needed); use a smaller safe margin or "
			      "a larger card",
			      num_format(safe, pt_to_mm(p->safe), 2), card);
	free(card);
	return msg;
}

static char *check_sheet_fits(const print_setup *p)
{
	if (p->sheet_none)
		return NULL;
	const double eps = 1e-6;
	double pw = p->sheet_w - 2 * p->margin, ph = p->sheet_h - 2 * p->margin;
	if ((p->card_w <= pw + eps && p->card_h <= ph + eps) ||
	    (p->card_w <= ph + eps && p->card_h <= pw + eps))
		return NULL;
	char margin[NUM_BUF];
	char *card = mm_pair(p->card_w, p->card_h);
	char *area = mm_pair(pw, ph);
	char *msg =
		xasprintf("a %s card does not fit on %s: inside the %s mm sheet margin only "
			  "%s can be printed; choose a larger sheet, a smaller margin, a "
			  "smaller card or sheet none",
			  card, p->sheet_name, num_format(margin, pt_to_mm(p->margin), 2), area);
	free(card);
	free(area);
	return msg;
}

char *print_setup_check(const print_setup *p)
{
	char *msg = check_text_area(p);
	if (!msg)
		msg = check_sheet_fits(p);
	return msg;
}

/* The names of a table of named sizes, "none" added for sheets; NULL-terminated. */
static const char *const *size_names(const named_size *v, size_t n, bool none)
{
	static const char *names[2][16];
	const char **out = names[none];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 14; i++)
		out[k++] = v[i].name;
	if (none)
		out[k++] = "none";
	out[k] = NULL;
	return out;
}

static const char *const *choice_names(const choice *c, size_t slot)
{
	static const char *names[3][8];
	size_t k = 0;
	for (; c->name && k < 7; c++)
		names[slot][k++] = c->name;
	names[slot][k] = NULL;
	return (const char *const *)names[slot];
}

const char *const *print_setup_names(const char *key)
{
	if (same(key, "size"))
		return size_names(card_sizes, sizeof card_sizes / sizeof *card_sizes, false);
	if (same(key, "sheet"))
		return size_names(sheets, sizeof sheets / sizeof *sheets, true);
	if (same(key, "duplex"))
		return choice_names(duplex_names, 0);
	if (same(key, "backs"))
		return choice_names(backs_names, 1);
	if (same(key, "marks"))
		return choice_names(marks_names, 2);
	return NULL;
}

bool print_setup_range(const char *key, double *min, double *max)
{
	static const struct {
		const char *key;
		double min, max;
	} ranges[] = {{"bleed", 0, BLEED_MAX},		   {"safe", 0, SAFE_MAX},
		      {"margin", 0, MARGIN_MAX},		   {"size", CARD_MIN, CARD_MAX},
		      {"back-offset", -OFFSET_MAX, OFFSET_MAX}, {"back_offset", -OFFSET_MAX, OFFSET_MAX}};
	for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (same(key, ranges[i].key)) {
			*min = ranges[i].min;
			*max = ranges[i].max;
			return true;
		}
	return false;
}

const char *const *print_setup_keys(void)
{
	static const char *names[16];
	if (!names[0])
		for (size_t i = 0; i < sizeof keys / sizeof *keys && i < 15; i++)
			names[i] = keys[i].key;
	return names;
}
