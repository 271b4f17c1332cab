#include "config.h"
#include "podium/board.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/event.h"
#include "podium/idmap.h"
#include "podium/i18n.h"
#include "podium/store.h"
#include "podium/text.h"

/* names: judges with whether they have a PIN, teams and tracks without */
STMT_DEFINE(q_board_judges, "SELECT id, name, pin_hash IS NOT NULL FROM judge ORDER BY name");
STMT_DEFINE(q_board_teams, "SELECT id, name FROM team ORDER BY name");
STMT_DEFINE(q_board_tracks, "SELECT id, name FROM track ORDER BY name");
STMT_DEFINE(q_board_judge_by_unix_user,
	    "SELECT id, name, pin_hash IS NOT NULL FROM judge WHERE unix_user = $user");
enum { NAME_ID, NAME_NAME, NAME_HAS_PIN };
/*
 * A record's row: its id, name and two details (board_records_window()), for
 * the rows [$first, $first + $count) by name ($count -1: to the end). The
 * window is chosen among the ids alone, so the details are read only for the
 * rows it holds, not for every record as a LIMIT on the whole select would.
 */
#define RECORD_WINDOW(table) \
	" WHERE id IN (SELECT id FROM " table " ORDER BY name LIMIT $count OFFSET $first) ORDER BY name"
STMT_DEFINE(q_board_team_rows,
	    "SELECT t.id, t.name, t.project, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name"
	    " FROM team_track x JOIN track k ON k.id = x.track_id WHERE x.team_id = t.id ORDER BY k.name)), '')"
	    " FROM team t" RECORD_WINDOW("team"));
STMT_DEFINE(q_board_track_rows,
	    "SELECT k.id, k.name, (SELECT count(*) FROM team_track x WHERE x.track_id = k.id),"
	    " (SELECT count(*) FROM judge_track x WHERE x.track_id = k.id) FROM track k" RECORD_WINDOW("track"));
STMT_DEFINE(q_board_judge_rows,
	    "SELECT j.id, j.name, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name"
	    " FROM judge_track x JOIN track k ON k.id = x.track_id WHERE x.judge_id = j.id ORDER BY k.name)), ''),"
	    " coalesce(j.unix_user, '') || iif(j.pin_hash IS NULL, '', ' (PIN)') FROM judge j" RECORD_WINDOW("judge"));
STMT_DEFINE(q_board_coach_rows,
	    "SELECT c.id, c.name, coalesce((SELECT group_concat(skill, ', ') FROM (SELECT skill FROM coach_skill"
	    " WHERE coach_id = c.id ORDER BY skill_key)), ''), c.email FROM coach c" RECORD_WINDOW("coach"));
STMT_DEFINE(q_board_room_rows,
	    "SELECT r.id, r.name, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name"
	    " FROM room_track x JOIN track k ON k.id = x.track_id WHERE x.room_id = r.id ORDER BY k.name)), ''),"
	    " r.capacity FROM room r" RECORD_WINDOW("room"));
enum { RECORD_ID, RECORD_NAME, RECORD_DETAIL_A, RECORD_DETAIL_B };
/* how many records of a kind */
STMT_DEFINE(q_board_team_count, "SELECT count(*) FROM team");
STMT_DEFINE(q_board_track_count, "SELECT count(*) FROM track");
STMT_DEFINE(q_board_judge_count, "SELECT count(*) FROM judge");
STMT_DEFINE(q_board_coach_count, "SELECT count(*) FROM coach");
STMT_DEFINE(q_board_room_count, "SELECT count(*) FROM room");
enum { COUNT_ROWS };
STMT_DEFINE(q_board_judge_queue,
	    "SELECT t.id, t.name, t.project, s.status, s.changed, s.total, c.judge_id IS NOT NULL,"
	    " sl.starts_at, r.name, t.calibration"
	    " FROM team t"
	    " LEFT JOIN sheet s ON s.team_id = t.id AND s.judge_id = $judge"
	    " LEFT JOIN conflict c ON c.team_id = t.id AND c.judge_id = $judge"
	    " LEFT JOIN slot sl ON sl.team_id = t.id LEFT JOIN room r ON r.id = sl.room_id"
	    " WHERE NOT EXISTS (SELECT 1 FROM assignment WHERE judge_id = $judge)"
	    "  OR EXISTS (SELECT 1 FROM assignment a WHERE a.judge_id = $judge AND a.team_id = t.id)"
	    "  OR s.id IS NOT NULL OR t.calibration"
	    " ORDER BY t.calibration DESC, sl.starts_at IS NULL, sl.starts_at, t.name");
enum {
	QUEUE_TEAM_ID, QUEUE_TEAM, QUEUE_PROJECT, QUEUE_STATUS, QUEUE_CHANGED, QUEUE_TOTAL,
	QUEUE_CONFLICT, QUEUE_STARTS_AT,
	QUEUE_ROOM, QUEUE_CALIBRATION
};
STMT_DEFINE(q_board_calibration_team,
	    "SELECT id, name FROM team WHERE calibration ORDER BY name, id LIMIT 1");
enum { CALIBRATION_ID, CALIBRATION_NAME };
STMT_DEFINE(q_board_calibration_totals,
	    "SELECT judge_id, total FROM sheet WHERE team_id = $team AND total IS NOT NULL");
enum { CALIBRATION_TOTAL_JUDGE, CALIBRATION_TOTAL };
/* the grid's cells: each sheet's state, then each conflict */
STMT_DEFINE(q_board_sheet_states, "SELECT judge_id, team_id, status, changed FROM sheet");
STMT_DEFINE(q_board_conflicts, "SELECT judge_id, team_id FROM conflict");
enum { GRID_JUDGE, GRID_TEAM, GRID_STATUS, GRID_CHANGED };
/* the judge panels: the cells a sheet is expected in */
STMT_DEFINE(q_board_assignments, "SELECT judge_id, team_id FROM assignment");
STMT_DEFINE(q_board_view_json,
	    "SELECT json_object('title', $title, 'method', $method, 'rows', json($rows))");
STMT_DEFINE(q_board_frozen_rows,
	    "SELECT v.key, v.value ->> '$.title', r.value ->> '$.rank', r.value ->> '$.team',"
	    " r.value ->> '$.team_id', r.value ->> '$.score', r.value ->> '$.judges', r.value ->> '$.tied',"
	    " r.value ->> '$.status', v.value ->> '$.method'"
	    " FROM event, json_each(event.frozen_board) v, json_each(v.value, '$.rows') r"
	    " WHERE event.board_frozen ORDER BY v.key, r.key");
enum {
	FROZEN_VIEW, FROZEN_TITLE, FROZEN_RANK, FROZEN_TEAM, FROZEN_TEAM_ID, FROZEN_SCORE, FROZEN_JUDGES,
	FROZEN_TIED, FROZEN_STATUS, FROZEN_METHOD
};

/* with_pin: the statement has the NAME_HAS_PIN column */
static void name_from_row(struct query *q, bool with_pin, struct board_name *n)
{
	snprintf(n->id, sizeof(n->id), "%s", query_text(q, NAME_ID));
	n->name = pd_strdup(query_text(q, NAME_NAME));
	n->has_pin = with_pin && query_int(q, NAME_HAS_PIN) != 0;
}

static enum status read_names(struct store *st, struct stmt *id, bool with_pin, struct board_names *out)
{
	struct query *q = store_query(st, id);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(out->items, out->count, cap);
		name_from_row(q, with_pin, &out->items[out->count++]);
	}
	if (s != ST_DONE) {
		board_names_clear(out);
		return s;
	}
	return ST_OK;
}

enum status board_judges(struct store *st, struct board_names *out)
{
	return read_names(st, &q_board_judges, true, out);
}

enum status board_teams(struct store *st, struct board_names *out)
{
	return read_names(st, &q_board_teams, false, out);
}

enum status board_tracks(struct store *st, struct board_names *out)
{
	return read_names(st, &q_board_tracks, false, out);
}

void board_names_clear(struct board_names *n)
{
	for (size_t i = 0; i < n->count; i++)
		free(n->items[i].name);
	free(n->items);
	memset(n, 0, sizeof(*n));
}

void board_name_clear(struct board_name *n)
{
	free(n->name);
	n->name = NULL;
}

/* A record's two details: counts worded in the reader's language, text as it is. */
static void detail_cells(enum record_kind kind, struct query *q, char *detail[2])
{
	long long a = query_int(q, RECORD_DETAIL_A), b = query_int(q, RECORD_DETAIL_B);

	if (kind == KIND_TRACK) {
		detail[0] = pd_asprintf(P_("%lld team", "%lld teams", a), a);
		detail[1] = pd_asprintf(P_("%lld judge", "%lld judges", b), b);
	} else if (kind == KIND_ROOM) {
		detail[0] = pd_strdup(query_text(q, RECORD_DETAIL_A));
		detail[1] = query_is_null(q, RECORD_DETAIL_B) ? pd_strdup("")
							      : pd_asprintf(P_("%lld seat", "%lld seats", b), b);
	} else {
		detail[0] = pd_strdup(query_text(q, RECORD_DETAIL_A));
		detail[1] = pd_strdup(query_text(q, RECORD_DETAIL_B));
	}
}

static enum status check_kind(enum record_kind kind)
{
	if (kind == KIND_CRITERION || (unsigned)kind > KIND_ROOM)
		return status_error(ST_INVALID, _("criteria are read with rubric_load()"));
	return ST_OK;
}

static void row_clear(struct board_row *r)
{
	free(r->name);
	free(r->detail[0]);
	free(r->detail[1]);
}

/* Is handed each row in turn (its own to keep or clear); false stops the walk. */
typedef bool (*row_visit_fn)(void *ctx, size_t pos, struct board_row *row);

/* One statement's worth of walk_rows(): *more is set when it read all it asked and the visit goes on. */
static enum status walk_chunk(struct store *st, enum record_kind kind, size_t first, size_t count,
			      row_visit_fn visit, void *ctx, bool *more)
{
	static struct stmt *const by_kind[] = {
		[KIND_TRACK] = &q_board_track_rows, [KIND_TEAM] = &q_board_team_rows,
		[KIND_JUDGE] = &q_board_judge_rows, [KIND_COACH] = &q_board_coach_rows,
		[KIND_ROOM] = &q_board_room_rows,
	};
	struct query *q = store_query(st, by_kind[kind]);
	size_t pos = first;
	enum status s;

	*more = false;
	query_bind_int(q, "$first", first > INT64_MAX ? INT64_MAX : (int64_t)first);
	query_bind_int(q, "$count", count > INT64_MAX ? -1 : (int64_t)count);
	for (; (s = query_step(q)) == ST_ROW; pos++) {
		struct board_row r;

		snprintf(r.id, sizeof(r.id), "%s", query_text(q, RECORD_ID));
		r.name = pd_strdup(query_text(q, RECORD_NAME));
		detail_cells(kind, q, r.detail);
		if (!visit(ctx, pos, &r)) {
			query_reset(q);
			return ST_OK;
		}
	}
	*more = s == ST_DONE && pos - first == count;
	return s == ST_DONE ? ST_OK : s;
}

/*
 * Walk the kind's rows [first, first + count) by name (count SIZE_MAX: to the
 * end), for a search. It goes a chunk at a time, each four times the one before:
 * the statement reads the details of every row it is asked for before the
 * first comes out, so a search that stops early reads those of its first
 * chunks alone, and one that walks every row takes a few statements.
 */
#define WALK_CHUNK 512

static enum status walk_rows(struct store *st, enum record_kind kind, size_t first, size_t count,
			     row_visit_fn visit, void *ctx)
{
	bool more = true;
	enum status s = ST_OK;

	for (size_t chunk = WALK_CHUNK; more && count > 0 && s == ST_OK; chunk *= 4) {
		size_t n = count < chunk ? count : chunk;

		s = walk_chunk(st, kind, first, n, visit, ctx, &more);
		first += n;
		count = count == SIZE_MAX ? SIZE_MAX : count - n;
	}
	return s;
}

struct window_ctx {
	struct board_rows *out;
	size_t cap;
};

static bool keep_row(void *ctx, size_t pos, struct board_row *row)
{
	struct window_ctx *w = ctx;

	(void)pos;
	PD_GROW(w->out->items, w->out->count, w->cap);
	w->out->items[w->out->count++] = *row;
	return true;
}

enum status board_records_window(struct store *st, enum record_kind kind, size_t first, size_t count,
				 struct board_rows *out)
{
	struct window_ctx w = { out, 0 };
	bool more;
	enum status s;

	memset(out, 0, sizeof(*out));
	out->first = first;
	if ((s = check_kind(kind)) != ST_OK)
		return s;
	if (count == 0)
		return ST_OK;
	s = walk_chunk(st, kind, first, count, keep_row, &w, &more);
	if (s != ST_OK)
		board_rows_clear(out);
	return s;
}

enum status board_records(struct store *st, enum record_kind kind, struct board_rows *out)
{
	return board_records_window(st, kind, 0, SIZE_MAX, out);
}

enum status board_records_count(struct store *st, enum record_kind kind, size_t *n)
{
	static struct stmt *const by_kind[] = {
		[KIND_TRACK] = &q_board_track_count, [KIND_TEAM] = &q_board_team_count,
		[KIND_JUDGE] = &q_board_judge_count, [KIND_COACH] = &q_board_coach_count,
		[KIND_ROOM] = &q_board_room_count,
	};
	struct query *q;
	enum status s;

	*n = 0;
	if ((s = check_kind(kind)) != ST_OK)
		return s;
	q = store_query(st, by_kind[kind]);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_OK : s;
	*n = (size_t)query_int(q, COUNT_ROWS);
	query_reset(q);
	return ST_OK;
}

/* ---- the '/' search of a record list ---- */

struct find_ctx {
	enum record_kind kind;
	char *key;		/* the query's search key (text_search_key()) */
	size_t from;		/* where the search starts */
	bool forward;
	bool found;
	size_t pos;
};

/* The rule of the console's search (text_search_matches()), the query's key made once. */
static bool field_matches(const char *field, const char *key)
{
	char *h = field ? text_search_key(field) : NULL;
	bool hit = h && key && strstr(h, key) != NULL;

	free(h);
	return hit;
}

static bool row_matches(const struct board_row *row, const char *key)
{
	return field_matches(row->name, key) || field_matches(row->detail[0], key) ||
	       field_matches(row->detail[1], key);
}

/* Forward: the first match stops the walk. Backward: the walk's last match is kept. */
static bool find_row(void *ctx, size_t pos, struct board_row *row)
{
	struct find_ctx *f = ctx;
	bool hit = row_matches(row, f->key);

	row_clear(row);
	if (hit) {
		f->found = true;
		f->pos = pos;
	}
	return !(hit && f->forward);
}

/* From f->from to the end then from the start; backward, from the start to f->from, then past it. */
static enum status find_txn(struct store *st, void *ctx)
{
	struct find_ctx *f = ctx;
	size_t total;
	enum status s = board_records_count(st, f->kind, &total);

	if (s != ST_OK)
		return s;
	if (total == 0)
		return ST_OK;
	if (f->from >= total)
		f->from = total - 1;
	if (f->forward) {
		if ((s = walk_rows(st, f->kind, f->from, SIZE_MAX, find_row, f)) != ST_OK || f->found)
			return s;
		return walk_rows(st, f->kind, 0, f->from, find_row, f);
	}
	if ((s = walk_rows(st, f->kind, 0, f->from + 1, find_row, f)) != ST_OK || f->found)
		return s;
	return walk_rows(st, f->kind, f->from + 1, SIZE_MAX, find_row, f);
}

enum status board_records_find(struct store *st, enum record_kind kind, const char *query, size_t from_pos,
			       bool forward, size_t *pos)
{
	struct find_ctx f = { kind, NULL, from_pos, forward, false, 0 };
	enum status s;

	if ((s = check_kind(kind)) != ST_OK)
		return s;
	f.key = query ? text_search_key(query) : NULL;
	if (!f.key)
		return ST_NOT_FOUND;	/* not UTF-8: nothing can contain it */
	s = store_read(st, find_txn, &f);
	free(f.key);
	if (s == ST_OK && !f.found)
		return ST_NOT_FOUND;
	if (s == ST_OK)
		*pos = f.pos;
	return s;
}

void board_rows_clear(struct board_rows *r)
{
	for (size_t i = 0; i < r->count; i++)
		row_clear(&r->items[i]);
	free(r->items);
	memset(r, 0, sizeof(*r));
}

enum status board_judge_by_unix_user(struct store *st, const char *user, struct board_name *out)
{
	struct query *q = store_query(st, &q_board_judge_by_unix_user);
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$user", user);
	s = query_step(q);
	if (s != ST_ROW)
		return s == ST_DONE ? ST_NOT_FOUND : s;
	name_from_row(q, true, out);
	query_reset(q);
	return ST_OK;
}

static enum sheet_state state_from_text(const char *status)
{
	if (!status)
		return SHEET_MISSING;
	return strcmp(status, "submitted") == 0 ? SHEET_SUBMITTED : SHEET_DRAFT;
}

enum status board_judge_queue(struct store *st, const char *judge_id, struct judge_queue *out)
{
	struct query *q = store_query(st, &q_board_judge_queue);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$judge", judge_id);
	while ((s = query_step(q)) == ST_ROW) {
		struct queue_item *it;

		PD_GROW(out->items, out->count, cap);
		it = &out->items[out->count++];
		snprintf(it->team_id, sizeof(it->team_id), "%s", query_text(q, QUEUE_TEAM_ID));
		it->team = pd_strdup(query_text(q, QUEUE_TEAM));
		it->project = pd_strdup(query_text(q, QUEUE_PROJECT));
		it->state = state_from_text(query_text(q, QUEUE_STATUS));
		it->changed = query_int(q, QUEUE_CHANGED) != 0;
		it->complete = !query_is_null(q, QUEUE_TOTAL);
		it->total = query_double(q, QUEUE_TOTAL);
		it->conflict = query_int(q, QUEUE_CONFLICT) != 0;
		it->pitch_at = query_is_null(q, QUEUE_STARTS_AT) ? 0 : query_int(q, QUEUE_STARTS_AT);
		it->room = query_is_null(q, QUEUE_ROOM) ? NULL : pd_strdup(query_text(q, QUEUE_ROOM));
		it->calibration = query_int(q, QUEUE_CALIBRATION) != 0;
		if (it->state == SHEET_SUBMITTED || it->conflict)
			out->done++;
	}
	if (s != ST_DONE) {
		board_judge_queue_clear(out);
		return s;
	}
	return ST_OK;
}

void board_judge_queue_clear(struct judge_queue *q)
{
	for (size_t i = 0; i < q->count; i++) {
		free(q->items[i].team);
		free(q->items[i].project);
		free(q->items[i].room);
	}
	free(q->items);
	memset(q, 0, sizeof(*q));
}


static enum status fill_cells(struct store *st, struct sheet_grid *g, struct stmt *id)
{
	struct idmap ji, ti;
	struct query *q = store_query(st, id);
	enum status s;

	IDMAP_BUILD(&ji, g->judges.items, g->judges.count, id);
	IDMAP_BUILD(&ti, g->teams.items, g->teams.count, id);
	while ((s = query_step(q)) == ST_ROW) {
		long j = idmap_find(&ji, query_text(q, GRID_JUDGE));
		long t = idmap_find(&ti, query_text(q, GRID_TEAM));
		unsigned char cell;

		if (j < 0 || t < 0)
			continue;
		if (id == &q_board_conflicts)
			cell = CELL_CONFLICT;
		else if (state_from_text(query_text(q, GRID_STATUS)) != SHEET_SUBMITTED)
			cell = CELL_DRAFT;
		else
			cell = query_int(q, GRID_CHANGED) ? CELL_CHANGED : CELL_SUBMITTED;
		g->cells[(size_t)j * g->teams.count + (size_t)t] = cell;
	}
	idmap_clear(&ji);
	idmap_clear(&ti);
	return s == ST_DONE ? ST_OK : s;
}

/* Mark the cells of the judge panels. */
static enum status fill_panels(struct store *st, struct sheet_grid *g)
{
	struct idmap ji, ti;
	struct query *q = store_query(st, &q_board_assignments);
	enum status s;

	IDMAP_BUILD(&ji, g->judges.items, g->judges.count, id);
	IDMAP_BUILD(&ti, g->teams.items, g->teams.count, id);
	while ((s = query_step(q)) == ST_ROW) {
		long j = idmap_find(&ji, query_text(q, GRID_JUDGE));
		long t = idmap_find(&ti, query_text(q, GRID_TEAM));

		if (j < 0 || t < 0)
			continue;
		g->panel[(size_t)j * g->teams.count + (size_t)t] = 1;
		g->panels = true;
	}
	idmap_clear(&ji);
	idmap_clear(&ti);
	return s == ST_DONE ? ST_OK : s;
}

static enum status calibration_totals(struct store *st, struct sheet_grid *g)
{
	struct query *q = store_query(st, &q_board_calibration_team);
	char team_id[ID_LEN + 1];
	struct idmap ji;
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? ST_OK : s;
	snprintf(team_id, sizeof(team_id), "%s", query_text(q, CALIBRATION_ID));
	g->calibration_team = pd_strdup(query_text(q, CALIBRATION_NAME));
	query_reset(q);
	g->calibration_total = pd_calloc(g->judges.count + 1, sizeof(double));
	for (size_t j = 0; j < g->judges.count; j++)
		g->calibration_total[j] = NAN;
	IDMAP_BUILD(&ji, g->judges.items, g->judges.count, id);
	q = store_query(st, &q_board_calibration_totals);
	query_bind_text(q, "$team", team_id);
	while ((s = query_step(q)) == ST_ROW) {
		long j = idmap_find(&ji, query_text(q, CALIBRATION_TOTAL_JUDGE));

		if (j >= 0)
			g->calibration_total[j] = query_double(q, CALIBRATION_TOTAL);
	}
	idmap_clear(&ji);
	return s == ST_DONE ? ST_OK : s;
}

static enum status grid_txn(struct store *st, void *ctx)
{
	struct sheet_grid *g = ctx;
	enum status s;

	if ((s = board_judges(st, &g->judges)) != ST_OK)
		return s;
	if ((s = board_teams(st, &g->teams)) != ST_OK)
		return s;
	g->cells = pd_calloc(g->judges.count * g->teams.count + 1, 1);
	if ((s = fill_cells(st, g, &q_board_sheet_states)) != ST_OK)
		return s;
	if ((s = fill_cells(st, g, &q_board_conflicts)) != ST_OK)
		return s;
	g->panel = pd_calloc(g->judges.count * g->teams.count + 1, 1);
	if ((s = fill_panels(st, g)) != ST_OK)
		return s;
	return calibration_totals(st, g);
}

enum status board_sheet_grid(struct store *st, struct sheet_grid *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, grid_txn, out);
	if (s != ST_OK) {
		board_sheet_grid_clear(out);
		return s;
	}
	for (size_t i = 0; i < out->judges.count * out->teams.count; i++) {
		out->submitted += out->cells[i] == CELL_SUBMITTED || out->cells[i] == CELL_CHANGED;
		out->changed += out->cells[i] == CELL_CHANGED;
		out->drafts += out->cells[i] == CELL_DRAFT;
		out->conflicts += out->cells[i] == CELL_CONFLICT;
		out->missing += out->cells[i] == CELL_MISSING && (!out->panels || out->panel[i]);
	}
	return ST_OK;
}

void board_sheet_grid_clear(struct sheet_grid *g)
{
	board_names_clear(&g->judges);
	board_names_clear(&g->teams);
	free(g->cells);
	free(g->panel);
	free(g->calibration_team);
	free(g->calibration_total);
	memset(g, 0, sizeof(*g));
}

/* ---- the projector's boards ---- */

void board_views_clear(struct board_views *v)
{
	struct ranking_views rv = { v->items, v->count };

	ranking_views_clear(&rv);
	memset(v, 0, sizeof(*v));
}

void board_views_drop_empty(struct board_views *v)
{
	size_t kept = v->count ? 1 : 0;

	for (size_t i = 1; i < v->count; i++) {
		if (v->items[i].ranking.ranked > 0) {
			v->items[kept++] = v->items[i];
			continue;
		}
		free(v->items[i].title);
		ranking_clear(&v->items[i].ranking);
	}
	v->count = kept;
}

static enum status live_views(struct store *st, struct board_views *v)
{
	struct ranking_views rv;
	enum status s = ranking_views(st, &rv);

	v->items = rv.items;
	v->count = rv.count;
	return s;
}

static struct ranking *add_frozen_view(struct board_views *v, size_t *cap, const char *title)
{
	struct ranking_view *view;

	PD_GROW(v->items, v->count, *cap);
	view = &v->items[v->count++];
	memset(view, 0, sizeof(*view));
	view->title = title ? pd_strdup(title) : NULL;
	return &view->ranking;
}

static enum rank_status frozen_status(struct query *q)
{
	const char *status = query_text(q, FROZEN_STATUS);

	if (!status)	/* a snapshot of an older podium */
		return !query_is_null(q, FROZEN_RANK) ? RANK_RANKED
		       : query_int(q, FROZEN_JUDGES) ? RANK_PENDING
						     : RANK_UNSCORED;
	return strcmp(status, "ranked") == 0 ? RANK_RANKED : strcmp(status, "pending") == 0 ? RANK_PENDING
											    : RANK_UNSCORED;
}

static void add_frozen_row(struct ranking *r, size_t *cap, struct query *q)
{
	struct rank_row *row;

	PD_GROW(r->rows, r->count, *cap);
	row = &r->rows[r->count++];
	memset(row, 0, sizeof(*row));
	row->status = frozen_status(q);
	row->rank = row->status == RANK_RANKED ? (int)query_int(q, FROZEN_RANK) : 0;
	row->team = pd_strdup(query_text(q, FROZEN_TEAM));
	snprintf(row->team_id, sizeof(row->team_id), "%s", query_text(q, FROZEN_TEAM_ID));
	row->score = query_double(q, FROZEN_SCORE);
	row->judges = (int)query_int(q, FROZEN_JUDGES);
	row->tied = query_int(q, FROZEN_TIED) != 0;
	r->ranked += row->status == RANK_RANKED;
	r->pending += row->status == RANK_PENDING;
}

static enum status frozen_views(struct store *st, struct board_views *v)
{
	struct query *q = store_query(st, &q_board_frozen_rows);
	int64_t last_view = -1;
	struct ranking *r = NULL;
	size_t views_cap = v->count, rows_cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		const char *method;

		if (query_int(q, FROZEN_VIEW) != last_view) {
			last_view = query_int(q, FROZEN_VIEW);
			r = add_frozen_view(v, &views_cap, query_text(q, FROZEN_TITLE));
			rows_cap = 0;
			method = query_text(q, FROZEN_METHOD);
			r->method = method && strcmp(method, "normalized") == 0 ? RANK_NORMALIZED : RANK_RAW;
		}
		add_frozen_row(r, &rows_cap, q);
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status views_txn(struct store *st, void *ctx)
{
	struct board_views *v = ctx;
	struct event e;
	enum status s = event_get(st, &e);
	int step;

	if (s != ST_OK)
		return s;
	/* the ceremony shows the final result, whatever the freeze kept */
	step = e.results_locked && e.reveal_step >= 0 ? e.reveal_step : -1;
	v->frozen = e.board_frozen && step < 0;
	v->reveal_step = step;
	event_clear(&e);
	if (v->frozen && (s = frozen_views(st, v)) == ST_OK && v->count > 0)
		return ST_OK;
	board_views_clear(v);
	v->reveal_step = step;
	return live_views(st, v);
}

enum status board_views_load(struct store *st, struct board_views *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	out->reveal_step = -1;
	s = store_read(st, views_txn, out);
	if (s != ST_OK) {
		board_views_clear(out);
		out->reveal_step = -1;
	}
	return s;
}

/* One view as JSON: its title, its method and its rows. */
static enum status view_json(struct store *st, const struct ranking_view *view, char **out)
{
	char *rows = NULL;
	struct query *q;
	enum status s = ranking_json(st, &view->ranking, &rows);

	if (s == ST_OK) {
		q = store_query(st, &q_board_view_json);
		query_bind_text(q, "$title", view->title);
		query_bind_text(q, "$method", view->ranking.method == RANK_NORMALIZED ? "normalized" : "raw");
		query_bind_text(q, "$rows", rows);
		s = query_first_text(q, out);
	}
	free(rows);
	return s;
}

enum status board_snapshot_json(struct store *st, char **out)
{
	struct board_views v = { 0 };
	char *all = pd_strdup("[");
	enum status s = live_views(st, &v);

	for (size_t i = 0; s == ST_OK && i < v.count; i++) {
		char *one = NULL, *next;

		s = view_json(st, &v.items[i], &one);
		if (s != ST_OK)
			break;
		next = pd_asprintf("%s%s%s", all, i ? "," : "", one);
		free(all);
		free(one);
		all = next;
	}
	board_views_clear(&v);
	if (s != ST_OK) {
		free(all);
		return s;
	}
	*out = pd_asprintf("%s]", all);
	free(all);
	return ST_OK;
}
