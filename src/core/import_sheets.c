#include "config.h"
#include "podium/i18n.h"
#include "podium/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/csv.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/text.h"

/*
 * Sheets scored on paper or in another tool: one row per sheet, checked and
 * audited exactly as 'podium score' would, all in one transaction. The rubric
 * is read once and criteria are passed by id, so a row costs a few indexed
 * lookups and writes.
 */

#define SHOWN_COLS 40

struct sheet_columns {
	int judge, team, comment, status;
	int *criterion;		/* the column of each rubric criterion, or -1 */
};

/* The (judge, team) of each row applied, to find a sheet given twice. */
struct seen {
	char key[2 * ID_LEN + 1];
	size_t row;
};

struct import_ctx {
	const char *source;
	const struct csv_table *t;
	struct sheet_columns cols;
	struct rubric rubric;
	struct sheet_text *texts;	/* a row's values, read by sheet_apply() */
	struct seen *seen;
	size_t count;
	const char *replace_reason;	/* NULL: a submitted sheet is not replaced */
};

/* Prefix the message of the last error with "FILE:LINE: " (ST_BUSY passes through for the retry). */
static enum status at_line(enum status s, const char *source, int line)
{
	char *msg;

	if (s == ST_BUSY)
		return s;
	msg = pd_strdup(status_message(s));
	s = status_error(s, _("%s:%d: %s"), source, line, msg);
	free(msg);
	return s;
}

static bool blank(const char *s)
{
	char *t = text_trim(s);
	bool empty = !t[0];

	free(t);
	return empty;
}

static bool is_reserved(const struct sheet_columns *c, int col)
{
	return col == c->judge || col == c->team || col == c->comment || col == c->status;
}

/* Map the header to the rubric's criteria (case-insensitive for all of Unicode). */
static enum status map_columns(struct import_ctx *x)
{
	const struct csv_table *t = x->t;
	struct sheet_columns *c = &x->cols;

	c->judge = csv_column(t, "judge");
	c->team = csv_column(t, "team");
	c->comment = csv_column(t, "comment");
	c->status = csv_column(t, "status");
	if (c->judge < 0 || c->team < 0)
		return status_error(ST_INVALID, _("%s:%d: the header needs a '%s' column (judge, team, then one column per criterion)"),
				    x->source, t->header_line, c->judge < 0 ? "judge" : "team");
	c->criterion = pd_calloc(x->rubric.count, sizeof(int));
	for (size_t k = 0; k < x->rubric.count; k++)
		c->criterion[k] = -1;
	for (size_t col = 0; col < t->ncols; col++) {
		int k;

		if (is_reserved(c, (int)col))
			continue;
		k = rubric_find(&x->rubric, t->header[col]);
		if (k < 0) {
			char *shown = text_fit(t->header[col], SHOWN_COLS, NULL);
			enum status s = status_error(ST_INVALID,
						     _("%s:%d: no criterion named '%s'; the columns are judge, team, comment,"
						       " status and the criteria of 'podium list criteria'"),
						     x->source, t->header_line, shown);

			free(shown);
			return s;
		}
		if (c->criterion[k] >= 0) {
			char *shown = text_fit(x->rubric.items[k].name, SHOWN_COLS, NULL);
			enum status s = status_error(ST_INVALID, _("%s:%d: two columns name the criterion '%s'"),
						     x->source, t->header_line, shown);

			free(shown);
			return s;
		}
		c->criterion[k] = (int)col;
	}
	return ST_OK;
}

/* Read row r into *c (its values point into x->texts and the table); ST_INVALID for a bad cell. */
static enum status read_row(struct import_ctx *x, size_t r, struct sheet_change *c)
{
	const struct csv_table *t = x->t;
	const char *status;
	enum status s = ST_OK;

	memset(c, 0, sizeof(*c));
	c->judge = csv_cell(t, r, x->cols.judge);
	c->team = csv_cell(t, r, x->cols.team);
	c->comment = x->cols.comment >= 0 ? csv_cell(t, r, x->cols.comment) : NULL;
	c->replace = true;
	c->texts = x->texts;
	for (size_t k = 0; k < x->rubric.count; k++) {
		const char *cell;

		if (x->cols.criterion[k] < 0)
			continue;
		cell = csv_cell(t, r, x->cols.criterion[k]);
		if (!blank(cell))
			x->texts[c->ntexts++] = (struct sheet_text){ x->rubric.items[k].id, cell };
	}

	status = x->cols.status >= 0 ? csv_cell(t, r, x->cols.status) : "";
	{
		char *st = text_trim(status);

		if (!st[0] || strcasecmp(st, "submitted") == 0) {
			c->submit = true;
		} else if (strcasecmp(st, "draft") == 0) {
			c->draft = true;
		} else {
			char *shown = text_fit(st, SHOWN_COLS, NULL);

			s = status_error(ST_INVALID, _("status must be 'submitted' or 'draft', not '%s'"), shown);
			free(shown);
		}
		free(st);
	}
	if (s == ST_OK && (blank(c->judge) || blank(c->team)))
		s = status_error(ST_INVALID, _("the %s cell is empty; every sheet needs a judge and a team"),
				 blank(c->judge) ? "judge" : "team");
	return s;
}

static int compare_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* A second row for the same judge and team is a mistake in the file: name it. */
static enum status check_repeats(struct import_ctx *x)
{
	const struct csv_table *t = x->t;

	qsort(x->seen, x->count, sizeof(*x->seen), compare_seen);
	for (size_t i = 1; i < x->count; i++) {
		const struct seen *first = &x->seen[i - 1], *again = &x->seen[i];

		if (strcmp(first->key, again->key) == 0) {
			char *judge = text_fit(csv_cell(t, again->row, x->cols.judge), SHOWN_COLS, NULL);
			char *team = text_fit(csv_cell(t, again->row, x->cols.team), SHOWN_COLS, NULL);
			enum status s = status_error(ST_INVALID,
						     _("%s:%d: a second sheet of %s for %s (the first is on line %d); keep one"),
						     x->source, t->lines[again->row], judge, team,
						     t->lines[first->row]);

			free(judge);
			free(team);
			return s;
		}
	}
	return ST_OK;
}

/* A row for a submitted sheet replaces it only with --replace --reason, which the audit keeps. */
static enum status check_replace(struct store *st, struct import_ctx *x, size_t r, struct sheet_change *c)
{
	struct sheet sh;
	enum status s = sheet_get(st, &x->rubric, c->judge, c->team, &sh);
	bool submitted = sh.state == SHEET_SUBMITTED;

	if (s != ST_OK)
		return s;
	sheet_clear(&sh);
	if (!submitted)
		return ST_OK;
	if (!x->replace_reason) {
		char *judge = text_fit(csv_cell(x->t, r, x->cols.judge), SHOWN_COLS, NULL);
		char *team = text_fit(csv_cell(x->t, r, x->cols.team), SHOWN_COLS, NULL);

		s = status_error(ST_INVALID, _("%s's sheet for %s is already submitted; to replace it, pass --replace"
					       " --reason TEXT"), judge, team);
		free(judge);
		free(team);
		return s;
	}
	c->reason = x->replace_reason;
	return ST_OK;
}

static enum status import_row(struct store *st, struct import_ctx *x, size_t r)
{
	static const struct actor organizer = { ROLE_ORGANIZER, "" };
	char judge_id[ID_LEN + 1], team_id[ID_LEN + 1];
	struct sheet_change c;
	enum status s = read_row(x, r, &c);

	if (s == ST_OK)
		s = record_find(st, KIND_JUDGE, c.judge, judge_id, NULL);
	if (s == ST_OK)
		s = record_find(st, KIND_TEAM, c.team, team_id, NULL);
	if (s != ST_OK)
		return s;
	/* ids: the sheet's own lookups become primary-key reads */
	c.judge = judge_id;
	c.team = team_id;
	s = check_replace(st, x, r, &c);
	if (s == ST_OK)
		s = sheet_apply_rubric(st, &organizer, &x->rubric, &c);
	if (s == ST_OK) {
		snprintf(x->seen[x->count].key, sizeof(x->seen[x->count].key), "%s%s", judge_id, team_id);
		x->seen[x->count].row = r;
		x->count++;
	}
	return s;
}

static enum status import_txn(struct store *st, void *ctx)
{
	struct import_ctx *x = ctx;
	enum status s;

	/* a retry after ST_BUSY starts over */
	x->count = 0;
	free(x->cols.criterion);
	x->cols.criterion = NULL;
	rubric_clear(&x->rubric);
	free(x->texts);
	x->texts = NULL;

	s = rubric_load(st, &x->rubric);
	if (s != ST_OK)
		return s;
	s = map_columns(x);
	if (s != ST_OK)
		return s;
	x->texts = pd_calloc(x->rubric.count ? x->rubric.count : 1, sizeof(*x->texts));
	for (size_t r = 0; r < x->t->nrows; r++) {
		s = import_row(st, x, r);
		if (s != ST_OK)
			return at_line(s, x->source, x->t->lines[r]);
	}
	return check_repeats(x);
}

enum status import_sheets(struct store *st, const char *source, const struct csv_table *t, size_t *count)
{
	return import_sheets_replacing(st, source, t, NULL, count);
}

enum status import_sheets_replacing(struct store *st, const char *source, const struct csv_table *t,
				    const char *replace_reason, size_t *count)
{
	struct import_ctx x;
	enum status s;

	memset(&x, 0, sizeof(x));
	x.replace_reason = replace_reason;
	x.source = source;
	x.t = t;
	x.seen = pd_calloc(t->nrows, sizeof(*x.seen));
	store_set_large_cache(st);
	s = store_write(st, import_txn, &x);
	*count = s == ST_OK ? x.count : 0;
	free(x.seen);
	free(x.cols.criterion);
	free(x.texts);
	rubric_clear(&x.rubric);
	return s;
}
