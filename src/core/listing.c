#include "config.h"
#include "podium/listing.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "podium/clock.h"
#include "podium/common.h"
#include "podium/schedule.h"
#include "podium/store.h"

STMT_DEFINE(q_list_teams,
	    "SELECT t.name, t.project,"
	    " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM team_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)), ''),"
	    " coalesce((SELECT group_concat(name, $sep) FROM (SELECT m.name FROM team_member m"
	    "  WHERE m.team_id = t.id ORDER BY m.position)), ''),"
	    " t.table_label, t.description, t.id FROM team t ORDER BY t.name");
STMT_DEFINE(q_list_teams_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', t.name, 'project', t.project,"
	    " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM team_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name))),"
	    " 'members', json((SELECT json_group_array(name) FROM (SELECT m.name FROM team_member m"
	    "  WHERE m.team_id = t.id ORDER BY m.position))),"
	    " 'table', t.table_label, 'description', t.description, 'id', t.id) AS o"
	    " FROM team t ORDER BY t.name)");
STMT_DEFINE(q_list_judges,
	    "SELECT j.name, j.email,"
	    " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM judge_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)), ''),"
	    " coalesce(j.unix_user, ''), j.id FROM judge j ORDER BY j.name");
STMT_DEFINE(q_list_judges_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', j.name, 'email', j.email,"
	    " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM judge_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name))),"
	    " 'unix_user', j.unix_user, 'id', j.id) AS o FROM judge j ORDER BY j.name)");
STMT_DEFINE(q_list_coaches,
	    "SELECT c.name, c.email,"
	    " coalesce((SELECT group_concat(skill, $sep) FROM (SELECT skill FROM coach_skill"
	    "  WHERE coach_id = c.id ORDER BY skill)), ''),"
	    " coalesce((SELECT group_concat(w, $sep) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')"
	    "  || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window"
	    "  WHERE coach_id = c.id ORDER BY starts_at)), ''),"
	    " coalesce(c.unix_user, ''), c.id FROM coach c ORDER BY c.name");
STMT_DEFINE(q_list_coaches_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', c.name, 'email', c.email,"
	    " 'skills', json((SELECT json_group_array(skill) FROM (SELECT skill FROM coach_skill"
	    "  WHERE coach_id = c.id ORDER BY skill))),"
	    " 'available', json((SELECT json_group_array(w) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at,"
	    "  'unixepoch') || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window"
	    "  WHERE coach_id = c.id ORDER BY starts_at))),"
	    " 'unix_user', c.unix_user, 'id', c.id) AS o FROM coach c ORDER BY c.name)");
STMT_DEFINE(q_list_criteria,
	    "SELECT name, weight, min_value, max_value, description, id FROM criterion ORDER BY position");
enum { CRITERION_NAME, CRITERION_WEIGHT, CRITERION_MIN, CRITERION_MAX, CRITERION_DESCRIPTION, CRITERION_ID,
       CRITERION_COLUMNS };
STMT_DEFINE(q_list_criteria_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', name, 'weight', weight,"
	    " 'min', min_value, 'max', max_value, 'description', description, 'id', id) AS o"
	    " FROM criterion ORDER BY position)");
STMT_DEFINE(q_list_tracks,
	    "SELECT r.name, (SELECT count(*) FROM team_track x WHERE x.track_id = r.id), r.id"
	    " FROM track r ORDER BY r.name");
STMT_DEFINE(q_list_tracks_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', r.name,"
	    " 'teams', (SELECT count(*) FROM team_track x WHERE x.track_id = r.id), 'id', r.id) AS o"
	    " FROM track r ORDER BY r.name)");
STMT_DEFINE(q_list_rooms,
	    "SELECT m.name,"
	    " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM room_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)), ''),"
	    " coalesce(m.capacity, ''), m.id FROM room m ORDER BY m.name");
STMT_DEFINE(q_list_rooms_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', m.name,"
	    " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM room_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name))),"
	    " 'capacity', m.capacity, 'id', m.id) AS o FROM room m ORDER BY m.name)");
STMT_DEFINE(q_panel_list,
	    "SELECT j.name, t.name, coalesce(r.name, ''), coalesce(strftime('%Y-%m-%d %H:%M', s.starts_at,"
	    " 'unixepoch'), ''), j.id, t.id FROM assignment a JOIN judge j ON j.id = a.judge_id"
	    " JOIN team t ON t.id = a.team_id LEFT JOIN slot s ON s.team_id = t.id"
	    " LEFT JOIN room r ON r.id = s.room_id ORDER BY j.name, s.starts_at IS NULL, s.starts_at, t.name");
STMT_DEFINE(q_panel_list_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('judge', j.name, 'team', t.name,"
	    " 'room', r.name, 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'),"
	    " 'judge_id', j.id, 'team_id', t.id) AS o FROM assignment a JOIN judge j ON j.id = a.judge_id"
	    " JOIN team t ON t.id = a.team_id LEFT JOIN slot s ON s.team_id = t.id"
	    " LEFT JOIN room r ON r.id = s.room_id ORDER BY j.name, s.starts_at IS NULL, s.starts_at, t.name)");
STMT_DEFINE(q_schedule_row_json,
	    "SELECT json_object('start', $start, 'end', $end, 'room', $room, 'team', $team, 'status', $status,"
	    " 'planned_start', $planned, 'late_min', $late, 'room_id', $room_id, 'team_id', $team_id, 'id', $id)");
STMT_DEFINE(q_access_list,
	    "SELECT unix_user, role, datetime(granted_at, 'unixepoch', 'localtime'), granted_by FROM role_grant"
	    " ORDER BY unix_user, role");
STMT_DEFINE(q_access_list_json,
	    "SELECT json_group_array(json_object('unix_user', unix_user, 'role', role, 'granted_at', at,"
	    " 'granted_by', granted_by)) FROM (SELECT unix_user, role,"
	    " datetime(granted_at, 'unixepoch', 'localtime') AS at, granted_by FROM role_grant ORDER BY unix_user, role)");

/* One kind's statements; real_cols: bit i marks a column of numbers with decimals. */
struct list_query {
	struct stmt *rows, *json;
	size_t ncols;
	bool has_sep;
	unsigned real_cols;
};

static const struct list_query queries[] = {
    [LIST_TEAMS] = {&q_list_teams, &q_list_teams_json, 7, true, 0},
    [LIST_JUDGES] = {&q_list_judges, &q_list_judges_json, 5, true, 0},
    [LIST_COACHES] = {&q_list_coaches, &q_list_coaches_json, 6, true, 0},
    [LIST_CRITERIA] = {&q_list_criteria, &q_list_criteria_json, CRITERION_COLUMNS, false, 1u << CRITERION_WEIGHT},
    [LIST_TRACKS] = {&q_list_tracks, &q_list_tracks_json, 3, false, 0},
    [LIST_ROOMS] = {&q_list_rooms, &q_list_rooms_json, 4, true, 0},
    [LIST_ASSIGNMENTS] = {&q_panel_list, &q_panel_list_json, 4, false, 0},
    [LIST_ROLES] = {&q_access_list, &q_access_list_json, 4, false, 0},
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
	struct query *q = store_query(st, &q_schedule_row_json);
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
