#include "config.h"
#include "podium/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/common.h"
#include "podium/rubric.h"

/*
 * The JSON texts the audit log keeps of a sheet, written from what the change
 * already holds in memory rather than read back with SQLite's JSON functions
 * (three such reads were a third of a sheet's commit). They are the same bytes
 * SQLite's json_object() writes: tests/unit/test_sheet compares them.
 */

/* A text that grows as it is written. */
struct buf {
	char *text;
	size_t len, cap;
};

static void put_bytes(struct buf *b, const char *bytes, size_t n)
{
	PD_RESERVE(b->text, b->len + n + 1, b->cap);
	memcpy(b->text + b->len, bytes, n);
	b->len += n;
	b->text[b->len] = '\0';
}

static void put(struct buf *b, const char *s)
{
	put_bytes(b, s, strlen(s));
}

static void put_int(struct buf *b, int v)
{
	char num[16];

	put_bytes(b, num, (size_t)snprintf(num, sizeof(num), "%d", v));
}

/* A JSON string as SQLite writes it: " and \ escaped, \b \t \n \f \r, other controls as \u00xx. */
static void put_string(struct buf *b, const char *s)
{
	static const char special[32] = { ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r' };
	const char *run = s;

	put_bytes(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char esc[8];

		if (*p != '"' && *p != '\\' && *p >= 0x20)
			continue;
		put_bytes(b, run, (size_t)((const char *)p - run));
		if (*p == '"' || *p == '\\' || special[*p])
			snprintf(esc, sizeof(esc), "\\%c", *p >= 0x20 ? *p : special[*p]);
		else
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
		put(b, esc);
		run = (const char *)p + 1;
	}
	put(b, run);
	put_bytes(b, "\"", 1);
}

/* A real as SQLite's "%!.15g": 15 significant digits, always a decimal point (80.0, 1.0e-05). */
static void put_real(struct buf *b, double v)
{
	char num[48], *e;

	snprintf(num, sizeof(num), "%.15g", v);
	if (strchr(num, '.')) {
		put(b, num);
		return;
	}
	e = strchr(num, 'e');
	put_bytes(b, num, e ? (size_t)(e - num) : strlen(num));
	put(b, ".0");
	if (e)
		put(b, e);
}

/* The values scored, in the order given, as a JSON object keyed by name or id. */
static void put_values(struct buf *b, const struct rubric *r, const struct sheet_json_input *in,
		       const size_t *order, bool by_id)
{
	bool first = true;

	put(b, ",\"values\":{");
	for (size_t k = 0; k < r->count; k++) {
		size_t i = order ? order[k] : k;

		if (!in->scored[i])
			continue;
		if (!first)
			put(b, ",");
		first = false;
		put_string(b, by_id ? r->items[i].id : r->items[i].name);
		put(b, ":");
		put_int(b, in->values[i]);
	}
	put(b, "}}");
}

static void put_status(struct buf *b, enum sheet_state state)
{
	put(b, "{\"status\":");
	put_string(b, state == SHEET_SUBMITTED ? "submitted" : "draft");
}

char *sheet_json_text(const struct rubric *r, const struct sheet_json_input *in)
{
	struct buf b = { 0 };

	put_status(&b, in->state);
	put(&b, ",\"comment\":");
	put_string(&b, in->comment ? in->comment : "");
	put(&b, ",\"total\":");
	if (in->complete)
		put_real(&b, in->total);
	else
		put(&b, "null");
	put_values(&b, r, in, NULL, false);
	return b.text;
}

/* The rubric's indices in criterion id order (a rubric is short: an insertion sort). */
static size_t *id_order(const struct rubric *r)
{
	size_t *order = pd_calloc(r->count ? r->count : 1, sizeof(*order));

	for (size_t i = 0; i < r->count; i++) {
		size_t j = i;

		for (; j > 0 && strcmp(r->items[order[j - 1]].id, r->items[i].id) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	return order;
}

char *sheet_state_text(const struct rubric *r, const struct sheet_json_input *in)
{
	size_t *order = id_order(r);
	struct buf b = { 0 };

	put_status(&b, in->state);
	put_values(&b, r, in, order, true);
	free(order);
	return b.text;
}
