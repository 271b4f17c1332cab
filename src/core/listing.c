#include "config.h"
#include "podium/listing.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "podium/clock.h"
#include "podium/common.h"
#include "podium/schedule.h"
#include "podium/store.h"

/* One kind's statements; real_cols: bit i marks a column of numbers with decimals. */
struct list_query {
	enum stmt rows, json;
	size_t ncols;
	bool has_sep;
	unsigned real_cols;
};

#define NO_ROWS STMT_COUNT

static const struct list_query queries[] = {
    [LIST_TEAMS] = {STMT_LIST_TEAMS, STMT_LIST_TEAMS_JSON, 7, true, 0},
    [LIST_JUDGES] = {STMT_LIST_JUDGES, STMT_LIST_JUDGES_JSON, 5, true, 0},
    [LIST_COACHES] = {STMT_LIST_COACHES, STMT_LIST_COACHES_JSON, 6, true, 0},
    [LIST_CRITERIA] = {STMT_LIST_CRITERIA, STMT_LIST_CRITERIA_JSON, 6, false, 1u << 1},
    [LIST_TRACKS] = {STMT_LIST_TRACKS, STMT_LIST_TRACKS_JSON, 3, false, 0},
    [LIST_ROOMS] = {STMT_LIST_ROOMS, STMT_LIST_ROOMS_JSON, 4, true, 0},
    [LIST_ASSIGNMENTS] = {STMT_PANEL_LIST, STMT_PANEL_LIST_JSON, 4, false, 0},
    [LIST_ROLES] = {STMT_ACCESS_LIST, STMT_ACCESS_LIST_JSON, 4, false, 0},
    [LIST_COACH_SESSIONS] = {NO_ROWS, STMT_COACHING_SESSIONS_JSON, 0, false, 0},
};

const char *rowset_cell(const struct rowset *r, size_t row, size_t col)
{
	return r->cells[row * r->ncols + col];
}

void rowset_clear(struct rowset *r)
{
	for (size_t i = 0; i < r->count * r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	*r = (struct rowset){0};
}

static char *cell_text(struct query *q, int col, bool real)
{
	char number[32];

	if (query_is_null(q, col))
		return NULL;
	if (!real)
		return pd_strdup(query_text(q, col));
	snprintf(number, sizeof(number), "%.15g", query_double(q, col));
	return pd_strdup(number);
}

static void add_row(struct rowset *r, struct query *q, unsigned real_cols)
{
	for (size_t i = 0; i < r->ncols; i++) {
		size_t n = r->count * r->ncols + i;

		PD_GROW(r->cells, n, r->cap);
		r->cells[n] = cell_text(q, (int)i, real_cols & (1u << i));
	}
	r->count++;
}

enum status list_rows(struct store *st, enum list_kind k, const char *sep, struct rowset *out)
{
	const struct list_query *lq = &queries[k];
	struct query *q;
	enum status s;

	*out = (struct rowset){.ncols = lq->ncols};
	if (lq->rows == NO_ROWS)
		return ST_OK;
	q = store_query(st, lq->rows);
	if (lq->has_sep)
		query_bind_text(q, "$sep", sep);
	while ((s = query_step(q)) == ST_ROW)
		add_row(out, q, lq->real_cols);
	if (s != ST_DONE) {
		rowset_clear(out);
		return s;
	}
	return ST_OK;
}

enum status list_json(struct store *st, enum list_kind k, char **out)
{
	return query_first_text(store_query(st, queries[k].json), out);
}

enum status list_slot_json(struct store *st, const struct schedule *s, const struct slot *sl,
			   const char *status, char **out)
{
	struct query *q = store_query(st, STMT_SCHEDULE_ROW_JSON);
	char start[17], end[17], planned[17];

	clock_format(sl->proj_start, start);
	clock_format(sl->proj_end, end);
	clock_format(sl->starts_at, planned);
	query_bind_text(q, "$start", start);
	query_bind_text(q, "$end", end);
	query_bind_text(q, "$room", s->rooms[sl->room].name);
	query_bind_text(q, "$team", sl->team);
	query_bind_text(q, "$status", status);
	query_bind_text(q, "$planned", planned);
	query_bind_int(q, "$late", sl->status != SLOT_NOSHOW ? schedule_late_minutes(sl->late_s) : 0);
	query_bind_text(q, "$room_id", s->rooms[sl->room].id);
	query_bind_text(q, "$team_id", sl->team_id);
	query_bind_text(q, "$id", sl->id);
	return query_first_text(q, out);
}
