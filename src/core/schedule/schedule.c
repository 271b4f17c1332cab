#include "config.h"
#include "podium/schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/ics.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/timeline.h"

/* The pitch slots of one room ($room) or all (NULL), in room order then position. */
STMT_DEFINE(q_schedule_rooms,
	    "SELECT r.id, r.name, coalesce(t.state, 'idle'), t.run_started_at, coalesce(t.elapsed_s, 0),"
	    " coalesce(t.changeover_cut_s, 0) FROM room r LEFT JOIN room_timer t ON t.room_id = r.id"
	    " WHERE $room IS NULL OR r.id = $room ORDER BY r.name, r.id");
STMT_DEFINE(q_schedule_slots,
	    "SELECT s.id, s.room_id, s.team_id, t.name, s.position, s.starts_at, s.pitch_s, s.qa_s,"
	    " s.changeover_s, s.status, s.started_at, s.ended_at FROM slot s"
	    " JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id"
	    " WHERE $room IS NULL OR s.room_id = $room ORDER BY r.name, r.id, s.position");
STMT_DEFINE(q_schedule_delete_unstarted, "DELETE FROM slot WHERE status = 'scheduled'");
STMT_DEFINE(q_schedule_free_teams,
	    "SELECT t.id FROM team t WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.team_id = t.id)"
	    " ORDER BY t.name, t.id");
STMT_DEFINE(q_schedule_free_team_rooms,
	    "SELECT DISTINCT t.id, t.name, x.room_id, m.name FROM team t JOIN team_track k ON k.team_id = t.id"
	    " JOIN room_track x ON x.track_id = k.track_id JOIN room m ON m.id = x.room_id"
	    " WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.team_id = t.id) ORDER BY t.name, t.id, m.name, m.id");
STMT_DEFINE(q_schedule_kept,
	    "SELECT room_id, count(*), max(position), max(starts_at + pitch_s + qa_s + changeover_s)"
	    " FROM slot GROUP BY room_id");
STMT_DEFINE(q_schedule_slot_insert,
	    "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s, changeover_s)"
	    " VALUES ($id, $room, $team, $position, $starts_at, $pitch_s, $qa_s, $changeover_s)");
STMT_DEFINE(q_schedule_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('team', t.name, 'room', r.name,"
	    " 'position', s.position, 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'),"
	    " 'status', s.status) AS o FROM slot s JOIN team t ON t.id = s.team_id"
	    " JOIN room r ON r.id = s.room_id ORDER BY r.name, s.position)");
STMT_DEFINE(q_schedule_slot_json,
	    "SELECT json_object('team', t.name, 'room', r.name, 'position', s.position,"
	    " 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'), 'status', s.status,"
	    " 'started_at', strftime('%Y-%m-%d %H:%M:%S', s.started_at, 'unixepoch'),"
	    " 'ended_at', strftime('%Y-%m-%d %H:%M:%S', s.ended_at, 'unixepoch'))"
	    " FROM slot s JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id WHERE s.id = $id");
STMT_DEFINE(q_schedule_park, "UPDATE slot SET position = -rowid WHERE room_id = $room");
STMT_DEFINE(q_schedule_place,
	    "UPDATE slot SET room_id = $room, position = $position, starts_at = $starts_at WHERE id = $id");
STMT_DEFINE(q_schedule_set_status,
	    "UPDATE slot SET status = $status, started_at = $started_at, ended_at = $ended_at WHERE id = $id");
STMT_DEFINE(q_schedule_timer_set,
	    "INSERT INTO room_timer(room_id, slot_id, state, run_started_at, elapsed_s, changeover_cut_s)"
	    " VALUES ($room, $slot, $state, $run_started_at, $elapsed_s, $cut)"
	    " ON CONFLICT (room_id) DO UPDATE SET slot_id = excluded.slot_id, state = excluded.state,"
	    " run_started_at = excluded.run_started_at, elapsed_s = excluded.elapsed_s,"
	    " changeover_cut_s = excluded.changeover_cut_s");
STMT_DEFINE(q_schedule_timer_json,
	    "SELECT json_object('room', r.name, 'state', coalesce(t.state, 'idle'),"
	    " 'elapsed_s', coalesce(t.elapsed_s, 0), 'changeover_cut_s', coalesce(t.changeover_cut_s, 0),"
	    " 'team', (SELECT m.name FROM slot s JOIN team m ON m.id = s.team_id WHERE s.id = $slot),"
	    " 'slot_status', (SELECT s.status FROM slot s WHERE s.id = $slot))"
	    " FROM room r LEFT JOIN room_timer t ON t.room_id = r.id WHERE r.id = $room");
STMT_DEFINE(q_schedule_chase,
	    "SELECT j.name, coalesce(s.status = 'submitted', 0) FROM judge j"
	    " LEFT JOIN sheet s ON s.judge_id = j.id AND s.team_id = $team"
	    " WHERE (NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team)"
	    "  OR EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team AND a.judge_id = j.id))"
	    " AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.team_id = $team AND c.judge_id = j.id)"
	    " ORDER BY j.name");

static const char *const slot_status_names[] = { "scheduled", "running", "done", "noshow" };
static const char *const timer_state_names[] = { "idle", "running", "paused" };

static int name_index(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return 0;
}

static int64_t slot_length(const struct slot *sl)
{
	return (int64_t)sl->pitch_s + sl->qa_s;
}

/* ---- loading and projecting ---- */

void schedule_clear(struct schedule *s)
{
	for (size_t i = 0; i < s->nrooms; i++)
		free(s->rooms[i].name);
	for (size_t i = 0; i < s->count; i++)
		free(s->slots[i].team);
	free(s->rooms);
	free(s->slots);
	memset(s, 0, sizeof(*s));
}

static enum status load_rooms(struct store *st, const char *room_id, struct schedule *out)
{
	struct query *q = store_query(st, &q_schedule_rooms);
	size_t cap = 0;
	enum status s;

	query_bind_text(q, "$room", room_id);
	while ((s = query_step(q)) == ST_ROW) {
		struct schedule_room *r;

		PD_GROW(out->rooms, out->nrooms, cap);
		r = &out->rooms[out->nrooms++];
		memset(r, 0, sizeof(*r));
		snprintf(r->id, sizeof(r->id), "%s", query_text(q, 0));
		r->name = pd_strdup(query_text(q, 1));
		r->state = (enum timer_state)name_index(timer_state_names, PD_ARRAY_LEN(timer_state_names),
							 query_text(q, 2));
		r->run_started_at = query_int(q, 3);
		r->elapsed_s = query_int(q, 4);
		r->changeover_cut_s = query_int(q, 5);
		r->current = r->last_ended = -1;
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status load_slots(struct store *st, const char *room_id, struct schedule *out)
{
	struct query *q = store_query(st, &q_schedule_slots);
	size_t cap = 0, room = 0;
	enum status s;

	query_bind_text(q, "$room", room_id);
	while ((s = query_step(q)) == ST_ROW) {
		struct slot *sl;

		/* slots come in room order, as the rooms do */
		while (room < out->nrooms && strcmp(out->rooms[room].id, query_text(q, 1)) != 0)
			room++;
		if (room == out->nrooms) {
			query_reset(q);
			return status_error(ST_CORRUPT, _("a pitch slot names a room that is not there"));
		}
		PD_GROW(out->slots, out->count, cap);
		sl = &out->slots[out->count];
		memset(sl, 0, sizeof(*sl));
		snprintf(sl->id, sizeof(sl->id), "%s", query_text(q, 0));
		snprintf(sl->team_id, sizeof(sl->team_id), "%s", query_text(q, 2));
		sl->team = pd_strdup(query_text(q, 3));
		sl->room = room;
		sl->position = (int)query_int(q, 4);
		sl->starts_at = query_int(q, 5);
		sl->pitch_s = (int)query_int(q, 6);
		sl->qa_s = (int)query_int(q, 7);
		sl->changeover_s = (int)query_int(q, 8);
		sl->status = (enum slot_status)name_index(slot_status_names, PD_ARRAY_LEN(slot_status_names),
							   query_text(q, 9));
		sl->started_at = query_int(q, 10);
		sl->ended_at = query_int(q, 11);
		if (out->rooms[room].count == 0)
			out->rooms[room].first = out->count;
		out->rooms[room].count++;
		out->count++;
	}
	return s == ST_DONE ? ST_OK : s;
}

enum status schedule_load(struct store *st, const char *room_id, int64_t now, struct schedule *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = load_rooms(st, room_id, out);
	if (s == ST_OK)
		s = load_slots(st, room_id, out);
	if (s != ST_OK) {
		schedule_clear(out);
		return s;
	}
	schedule_project(out, now);
	return ST_OK;
}

/* Seconds the room's running slot has been on the clock at now. */
static int64_t timer_elapsed(const struct schedule_room *r, const struct slot *sl, int64_t now)
{
	int64_t e;

	switch (r->state) {
	case TIMER_RUNNING:
		e = r->elapsed_s + (now - r->run_started_at);
		break;
	case TIMER_PAUSED:
		e = r->elapsed_s;
		break;
	default:
		e = now - sl->started_at;	/* a timer lost: count from the start */
		break;
	}
	return e < 0 ? 0 : e;
}

static void project_room(struct schedule *s, struct schedule_room *r, int64_t now)
{
	int64_t prev_end = 0, prev_co = 0, cut = r->changeover_cut_s;
	bool have_prev = false;

	r->current = r->last_ended = -1;
	r->elapsed = 0;
	r->late_s = 0;
	for (size_t i = r->first; i < r->first + r->count; i++) {
		struct slot *sl = &s->slots[i];
		int64_t co = sl->changeover_s;

		switch (sl->status) {
		case SLOT_DONE:
			sl->proj_start = sl->started_at ? sl->started_at : sl->starts_at;
			sl->proj_end = sl->ended_at ? sl->ended_at : sl->proj_start + slot_length(sl);
			r->last_ended = (long)i;
			break;
		case SLOT_NOSHOW:
			sl->proj_start = sl->proj_end = sl->ended_at ? sl->ended_at : sl->starts_at;
			co = 0;
			break;
		case SLOT_RUNNING: {
			int64_t left;

			r->elapsed = timer_elapsed(r, sl, now);
			left = slot_length(sl) - r->elapsed;
			sl->proj_start = sl->started_at;
			/* a clock set back (another machine's) never ends a pitch before it began */
			sl->proj_end = (now > sl->started_at ? now : sl->started_at) + (left > 0 ? left : 0);
			if (r->current < 0)
				r->current = (long)i;
			break;
		}
		default: {
			int64_t start = sl->starts_at;

			if (have_prev) {
				/* catch-up gives changeover time back, the nearest changeovers first */
				int64_t given = prev_co < cut ? prev_co : cut;

				cut -= given;
				if (prev_end + prev_co - given > start)
					start = prev_end + prev_co - given;
			}
			if (r->current < 0) {
				if (now > start)
					start = now;	/* a late start */
				r->current = (long)i;
			}
			sl->proj_start = start;
			sl->proj_end = start + slot_length(sl);
			break;
		}
		}
		sl->late_s = sl->proj_start - sl->starts_at;
		prev_end = sl->proj_end;
		prev_co = co;
		have_prev = true;
	}
	if (r->current >= 0) {
		const struct slot *cur = &s->slots[r->current];

		r->late_s = cur->proj_end - (cur->starts_at + slot_length(cur));
	}
}

void schedule_project(struct schedule *s, int64_t now)
{
	s->now = now;
	for (size_t i = 0; i < s->nrooms; i++)
		project_room(s, &s->rooms[i], now);
}

enum slot_part schedule_room_part(const struct schedule *s, size_t room, int64_t *left)
{
	const struct schedule_room *r = &s->rooms[room];
	const struct slot *sl;

	*left = 0;
	if (r->current < 0)
		return SLOT_PART_WAITING;
	sl = &s->slots[r->current];
	if (sl->status != SLOT_RUNNING) {
		*left = slot_length(sl);
		return SLOT_PART_WAITING;
	}
	if (r->elapsed < sl->pitch_s) {
		*left = sl->pitch_s - r->elapsed;
		return SLOT_PART_PITCH;
	}
	if (r->elapsed < slot_length(sl)) {
		*left = slot_length(sl) - r->elapsed;
		return SLOT_PART_QA;
	}
	*left = r->elapsed - slot_length(sl);
	return SLOT_PART_OVER;
}

void schedule_format_mmss(int64_t seconds, char out[16])
{
	if (seconds < 0)
		seconds = -seconds;
	if (seconds >= 3600)
		snprintf(out, 16, "%d:%02d:%02d", (int)(seconds / 3600 % 1000), (int)(seconds % 3600 / 60),
			 (int)(seconds % 60));
	else
		snprintf(out, 16, "%02d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

int64_t schedule_late_minutes(int64_t late_s)
{
	return late_s > 0 ? (late_s + 30) / 60 : 0;
}

/* ", running 6 min late" or "" when on time. */
static void late_text(int64_t late_s, char *out, size_t n)
{
	int64_t minutes = schedule_late_minutes(late_s);

	if (minutes > 0)
		snprintf(out, n, _(", running %lld min late"), (long long)minutes);
	else
		out[0] = '\0';
}

char *schedule_room_text(const struct schedule *s, size_t room)
{
	const struct schedule_room *r = &s->rooms[room];
	const struct slot *sl;
	char mmss[16], late[64], at[17];
	int64_t left;
	enum slot_part part = schedule_room_part(s, room, &left);

	if (r->current < 0)
		return pd_asprintf("%s: %s", r->name, r->count ? _("every pitch is over") : _("no pitches scheduled"));
	sl = &s->slots[r->current];
	schedule_format_mmss(left, mmss);
	late_text(r->late_s, late, sizeof(late));
	if (part == SLOT_PART_WAITING) {
		clock_format(sl->proj_start, at);
		return pd_asprintf(_("%s: next up %s at %s%s"), r->name, sl->team, at + 11, late);
	}
	if (r->state == TIMER_PAUSED)
		return part == SLOT_PART_OVER ? pd_asprintf(_("%s: %s paused, +%s over time"), r->name, sl->team, mmss)
					      : pd_asprintf(_("%s: %s paused, %s left"), r->name, sl->team, mmss);
	switch (part) {
	case SLOT_PART_PITCH:
		return pd_asprintf(_("%s: %s pitching, %s left"), r->name, sl->team, mmss);
	case SLOT_PART_QA:
		return pd_asprintf(_("%s: %s in Q&A, %s left"), r->name, sl->team, mmss);
	default:
		return pd_asprintf(_("%s: %s over time, +%s"), r->name, sl->team, mmss);
	}
}

/* ---- warnings ---- */

void schedule_free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

size_t schedule_warnings(const struct schedule *s, const struct timeline *t, char ***out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t r = 0; r < s->nrooms; r++) {
		const struct schedule_room *room = &s->rooms[r];
		bool warned = false;

		for (size_t i = room->first; i < room->first + room->count && !warned; i++) {
			const struct slot *sl = &s->slots[i];

			if (sl->status == SLOT_DONE || sl->status == SLOT_NOSHOW)
				continue;
			for (size_t p = 0; p < t->count && !warned; p++) {
				const struct phase *ph = &t->items[p];
				int64_t ph_end = ph->ends_at > ph->starts_at ? ph->ends_at : ph->starts_at + 1;
				char at[17], ends[17];

				if (!ph->pinned || ph->starts_at >= sl->proj_end || ph_end <= sl->proj_start)
					continue;
				clock_format(ph->starts_at, at);
				clock_format(sl->proj_end, ends);
				*out = pd_realloc(*out, (n + 1) * sizeof(**out));
				(*out)[n++] = pd_asprintf(_("%s runs into %s at %s: %s ends %s"), room->name, ph->name,
							  at + 11, sl->team, ends + 11);
				warned = true;
			}
		}
	}
	return n;
}

/* ---- generating ---- */

struct gen_room {
	char id[ID_LEN + 1];
	size_t kept;		/* slots already started, done or no-show */
	int max_position;
	int64_t free_at;	/* the plan's end of its kept slots, changeover included */
	size_t cap, load;	/* new slots it takes, and placed so far */
	size_t *teams;		/* cap team indices */
};

struct gen_team {
	char id[ID_LEN + 1];
	size_t *rooms;		/* rooms holding one of its tracks */
	size_t nrooms;
	long room;		/* its room, or -1 */
};

struct gen {
	struct store *st;
	const struct schedule_spec *spec;
	struct schedule_result *result;
	struct gen_room *rooms;
	size_t nrooms;
	struct gen_team *teams;
	size_t nteams;
	unsigned char *seen;	/* rooms visited by one augmenting search */
};

static void gen_clear(struct gen *g)
{
	for (size_t i = 0; i < g->nrooms; i++)
		free(g->rooms[i].teams);
	for (size_t i = 0; i < g->nteams; i++)
		free(g->teams[i].rooms);
	free(g->rooms);
	free(g->teams);
	free(g->seen);
}

static long gen_room_index(const struct gen *g, const char *id)
{
	for (size_t i = 0; i < g->nrooms; i++)
		if (strcmp(g->rooms[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* The rooms to use: those named, else every room. */
static enum status gen_rooms(struct gen *g)
{
	const struct schedule_spec *spec = g->spec;

	if (spec->rooms && spec->nrooms) {
		g->rooms = pd_calloc(spec->nrooms, sizeof(*g->rooms));
		for (size_t i = 0; i < spec->nrooms; i++) {
			char id[ID_LEN + 1];
			enum status s = record_find(g->st, KIND_ROOM, spec->rooms[i], id, NULL);

			if (s != ST_OK)
				return s;
			if (gen_room_index(g, id) >= 0)
				return status_error(ST_INVALID, _("room '%s' is named twice"), spec->rooms[i]);
			memcpy(g->rooms[g->nrooms++].id, id, sizeof(id));
		}
		return ST_OK;
	} else {
		struct query *q = store_query(g->st, &q_schedule_rooms);
		size_t cap = 0;
		enum status s;

		query_bind_null(q, "$room");
		while ((s = query_step(q)) == ST_ROW) {
			PD_GROW(g->rooms, g->nrooms, cap);
			memset(&g->rooms[g->nrooms], 0, sizeof(g->rooms[0]));
			snprintf(g->rooms[g->nrooms++].id, ID_LEN + 1, "%s", query_text(q, 0));
		}
		if (s != ST_DONE)
			return s;
		if (g->nrooms == 0)
			return status_error(ST_INVALID,
					    _("there are no rooms to pitch in: import them first with 'podium import rooms FILE'"));
		return ST_OK;
	}
}

/* What the rooms already hold that stays: slots started, done or no-show. */
static enum status gen_kept(struct gen *g)
{
	struct query *q = store_query(g->st, &q_schedule_kept);
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		long r = gen_room_index(g, query_text(q, 0));

		g->result->kept += (size_t)query_int(q, 1);
		if (r < 0)
			continue;
		g->rooms[r].kept = (size_t)query_int(q, 1);
		g->rooms[r].max_position = (int)query_int(q, 2);
		g->rooms[r].free_at = query_int(q, 3);
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status gen_teams(struct gen *g)
{
	struct query *q = store_query(g->st, &q_schedule_free_teams);
	size_t cap = 0, t = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(g->teams, g->nteams, cap);
		memset(&g->teams[g->nteams], 0, sizeof(g->teams[0]));
		snprintf(g->teams[g->nteams].id, ID_LEN + 1, "%s", query_text(q, 0));
		g->teams[g->nteams++].room = -1;
	}
	if (s != ST_DONE)
		return s;
	/* the rooms that hold one of each team's tracks, in the same team order */
	q = store_query(g->st, &q_schedule_free_team_rooms);
	while ((s = query_step(q)) == ST_ROW) {
		long r = gen_room_index(g, query_text(q, 2));
		struct gen_team *team;

		while (t < g->nteams && strcmp(g->teams[t].id, query_text(q, 0)) != 0)
			t++;
		if (t == g->nteams) {
			query_reset(q);
			return status_error(ST_INTERNAL, _("teams changed while the schedule was made"));
		}
		if (r < 0)
			continue;
		team = &g->teams[t];
		team->rooms = pd_realloc(team->rooms, (team->nrooms + 1) * sizeof(*team->rooms));
		team->rooms[team->nrooms++] = (size_t)r;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* Balanced lengths: each new slot goes to the room with the fewest slots so far. */
static void gen_capacities(struct gen *g)
{
	for (size_t n = 0; n < g->nteams; n++) {
		size_t best = 0;

		for (size_t r = 1; r < g->nrooms; r++)
			if (g->rooms[r].kept + g->rooms[r].cap < g->rooms[best].kept + g->rooms[best].cap)
				best = r;
		g->rooms[best].cap++;
	}
	for (size_t r = 0; r < g->nrooms; r++)
		g->rooms[r].teams = pd_calloc(g->rooms[r].cap + 2, sizeof(size_t));
}

/*
 * Kuhn's augmenting path for team t over the rooms of its tracks, each room
 * taking at most cap teams: a room with space takes t, or one of its teams
 * moves on to another of its own rooms to make space.
 */
static bool gen_augment(struct gen *g, size_t t)
{
	struct gen_team *team = &g->teams[t];

	for (size_t k = 0; k < team->nrooms; k++) {
		size_t r = team->rooms[k];
		struct gen_room *room = &g->rooms[r];

		if (g->seen[r])
			continue;
		g->seen[r] = 1;
		if (room->load < room->cap) {
			room->teams[room->load++] = t;
			team->room = (long)r;
			return true;
		}
		for (size_t j = 0; j < room->load; j++) {
			size_t other = room->teams[j];

			if (gen_augment(g, other)) {
				room->teams[j] = t;
				team->room = (long)r;
				return true;
			}
		}
	}
	return false;
}

/* A maximum matching of teams to rooms of their tracks under the rooms' caps; returns its size. */
static size_t gen_match(struct gen *g)
{
	size_t matched = 0;

	for (size_t r = 0; r < g->nrooms; r++)
		g->rooms[r].load = 0;
	for (size_t t = 0; t < g->nteams; t++)
		g->teams[t].room = -1;
	for (size_t t = 0; t < g->nteams; t++) {
		if (!g->teams[t].nrooms)
			continue;
		memset(g->seen, 0, g->nrooms);
		matched += gen_augment(g, t);
	}
	return matched;
}

/*
 * Which rooms take the one slot more when the teams do not divide evenly:
 * those the tracks ask for most. A first matching lets every room that could
 * take one more do so; the rooms that used it most keep it.
 */
static void gen_choose_long_rooms(struct gen *g)
{
	size_t level = SIZE_MAX, high = 0, *low_cap = pd_calloc(g->nrooms, sizeof(size_t));
	unsigned char *flexible = pd_calloc(g->nrooms, 1);

	for (size_t r = 0; r < g->nrooms; r++)
		if (g->rooms[r].kept + g->rooms[r].cap < level)
			level = g->rooms[r].kept + g->rooms[r].cap;
	for (size_t r = 0; r < g->nrooms; r++) {
		struct gen_room *room = &g->rooms[r];
		size_t total = room->kept + room->cap;

		if (total == level || (total == level + 1 && room->cap >= 1)) {
			flexible[r] = 1;
			high += total == level + 1;
			low_cap[r] = level - room->kept;
			room->cap = low_cap[r] + 1;
		}
	}
	if (high > 0) {
		gen_match(g);
		for (size_t r = 0; r < g->nrooms; r++)
			if (flexible[r])
				g->rooms[r].cap = low_cap[r];
		while (high-- > 0) {
			long best = -1;

			for (size_t r = 0; r < g->nrooms; r++)
				if (flexible[r] && g->rooms[r].cap == low_cap[r] &&
				    (best < 0 || g->rooms[r].load > g->rooms[best].load))
					best = (long)r;
			g->rooms[best].cap++;
		}
	} else {
		for (size_t r = 0; r < g->nrooms; r++)
			if (flexible[r])
				g->rooms[r].cap = low_cap[r];
	}
	free(low_cap);
	free(flexible);
}

static void gen_assign(struct gen *g)
{
	size_t r = 0;

	g->seen = pd_calloc(g->nrooms + 1, 1);
	gen_choose_long_rooms(g);
	g->result->in_track_room = gen_match(g);
	/* the others fill what is left */
	for (size_t t = 0; t < g->nteams; t++) {
		if (g->teams[t].room >= 0)
			continue;
		while (g->rooms[r].load == g->rooms[r].cap)
			r++;
		g->rooms[r].teams[g->rooms[r].load++] = t;
		g->teams[t].room = (long)r;
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static enum status gen_write(struct gen *g, int64_t start)
{
	const struct schedule_spec *spec = g->spec;
	int64_t step = (int64_t)spec->pitch_s + spec->qa_s + spec->changeover_s;
	enum status s = ST_OK;

	g->result->start = INT64_MAX;
	g->result->end = 0;
	for (size_t r = 0; s == ST_OK && r < g->nrooms; r++) {
		struct gen_room *room = &g->rooms[r];
		int64_t at = room->free_at > start ? room->free_at : start;

		if (room->load)
			g->result->rooms++;
		/* a room's teams pitch in name order (team indices follow it) */
		qsort(room->teams, room->load, sizeof(size_t), cmp_size);
		for (size_t k = 0; s == ST_OK && k < room->load; k++, at += step) {
			struct query *q = store_query(g->st, &q_schedule_slot_insert);
			char id[ID_LEN + 1];

			id_new(id);
			query_bind_text(q, "$id", id);
			query_bind_text(q, "$room", room->id);
			query_bind_text(q, "$team", g->teams[room->teams[k]].id);
			query_bind_int(q, "$position", room->max_position + 1 + (int64_t)k);
			query_bind_int(q, "$starts_at", at);
			query_bind_int(q, "$pitch_s", spec->pitch_s);
			query_bind_int(q, "$qa_s", spec->qa_s);
			query_bind_int(q, "$changeover_s", spec->changeover_s);
			s = query_exec(q);
			if (at < g->result->start)
				g->result->start = at;
			if (at + spec->pitch_s + spec->qa_s > g->result->end)
				g->result->end = at + spec->pitch_s + spec->qa_s;
			g->result->slots++;
		}
	}
	if (g->result->slots == 0)
		g->result->start = start;
	return s;
}

static enum status default_start(struct store *st, int64_t *start)
{
	struct timeline t;
	enum status s = timeline_load(st, &t);
	int i;

	if (s != ST_OK)
		return s;
	i = timeline_find_kind(&t, "pitches");
	if (i >= 0) {
		*start = t.items[i].starts_at;
	} else {
		int64_t now = clock_local_now();

		*start = now + (60 - now % 60) % 60;	/* the next whole minute */
	}
	timeline_clear(&t);
	return ST_OK;
}

static enum status schedule_json(struct store *st, char **out)
{
	return query_first_text(store_query(st, &q_schedule_json), out);
}

static enum status generate_txn(struct store *st, void *ctx)
{
	struct gen *g = ctx;
	char *before = NULL, *after = NULL;
	int64_t start = g->spec->start;
	enum status s;

	memset(g->result, 0, sizeof(*g->result));
	gen_clear(g);
	g->rooms = NULL;
	g->teams = NULL;
	g->seen = NULL;
	g->nrooms = g->nteams = 0;

	s = gen_rooms(g);
	if (s == ST_OK && !g->spec->has_start)
		s = default_start(st, &start);
	if (s == ST_OK)
		s = schedule_json(st, &before);
	if (s == ST_OK)
		s = query_exec(store_query(st, &q_schedule_delete_unstarted));
	if (s == ST_OK)
		s = gen_kept(g);
	if (s == ST_OK)
		s = gen_teams(g);
	if (s == ST_OK && g->nteams == 0 && g->result->kept == 0)
		s = status_error(ST_INVALID, _("there are no teams to schedule: import them first with 'podium import teams FILE'"));
	if (s == ST_OK) {
		gen_capacities(g);
		gen_assign(g);
		s = gen_write(g, start);
	}
	if (s == ST_OK)
		s = schedule_json(st, &after);
	if (s == ST_OK) {
		struct audit_entry e = {
			.action = "generate", .kind = "schedule", .before = before, .after = after,
		};

		s = audit_record(st, &e);
	}
	free(before);
	free(after);
	return s;
}

enum status schedule_generate(struct store *st, const struct schedule_spec *spec, struct schedule_result *out)
{
	struct schedule_result res;
	struct gen g = { .st = st, .spec = spec, .result = out ? out : &res };
	enum status s;

	if (spec->pitch_s <= 0 || spec->pitch_s > 4 * 3600)
		return status_error(ST_INVALID, _("a pitch lasts from 1 minute to 4 hours"));
	if (spec->qa_s < 0 || spec->qa_s > 4 * 3600 || spec->changeover_s < 0 || spec->changeover_s > 4 * 3600)
		return status_error(ST_INVALID, _("Q&A and changeover last from 0 minutes to 4 hours"));
	s = store_write(st, generate_txn, &g);
	gen_clear(&g);
	return s;
}

/* ---- moving and swapping ---- */

/* The slot of a team (name or UUID) in s, or -1 with a message. */
static long find_team_slot(struct store *st, const struct schedule *s, const char *team, enum status *err)
{
	char id[ID_LEN + 1], *name = NULL;

	*err = record_find(st, KIND_TEAM, team, id, &name);
	if (*err != ST_OK)
		return -1;
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->slots[i].team_id, id) == 0) {
			free(name);
			return (long)i;
		}
	*err = status_error(ST_NOT_FOUND, _("%s has no pitch slot: run 'podium schedule generate' first"), name);
	free(name);
	return -1;
}

static enum status not_started(const struct slot *sl)
{
	if (sl->status == SLOT_SCHEDULED)
		return ST_OK;
	if (sl->status == SLOT_RUNNING)
		return status_error(ST_INVALID, _("%s is pitching: only pitches not started can move"), sl->team);
	if (sl->status == SLOT_DONE)
		return status_error(ST_INVALID, _("%s has already pitched: only pitches not started can move"), sl->team);
	return status_error(ST_INVALID, _("%s was a no-show: only pitches not started can move"), sl->team);
}

/* A room's new order: slot indices into the schedule. */
struct lineup {
	size_t room;
	size_t *slots;
	size_t count;
	int64_t anchor;		/* where its slots not started begin */
};

static void lineup_of(const struct schedule *s, size_t room, struct lineup *l)
{
	const struct schedule_room *r = &s->rooms[room];
	bool have = false;

	l->room = room;
	l->slots = pd_calloc(r->count + 2, sizeof(size_t));
	l->count = 0;
	l->anchor = 0;
	for (size_t i = r->first; i < r->first + r->count; i++) {
		const struct slot *sl = &s->slots[i];

		l->slots[l->count++] = i;
		if (sl->status == SLOT_SCHEDULED && (!have || sl->starts_at < l->anchor)) {
			l->anchor = sl->starts_at;
			have = true;
		}
	}
	if (!have)
		l->anchor = -1;
}

static void lineup_remove(struct lineup *l, size_t slot)
{
	for (size_t i = 0; i < l->count; i++)
		if (l->slots[i] == slot) {
			memmove(&l->slots[i], &l->slots[i + 1], (l->count - i - 1) * sizeof(size_t));
			l->count--;
			return;
		}
}

/* Write a room's lineup: positions 1.., slots not started back to back from the anchor. */
static enum status lineup_write(struct store *st, const struct schedule *s, const struct lineup *l,
				int64_t fallback)
{
	struct query *q = store_query(st, &q_schedule_park);
	int64_t at = l->anchor >= 0 ? l->anchor : fallback, busy_until = INT64_MIN;
	enum status rc;

	query_bind_text(q, "$room", s->rooms[l->room].id);
	rc = query_exec(q);
	for (size_t k = 0; rc == ST_OK && k < l->count; k++) {
		const struct slot *sl = &s->slots[l->slots[k]];
		int64_t start = sl->starts_at;

		if (sl->status == SLOT_SCHEDULED) {
			if (at < busy_until)
				at = busy_until;
			start = at;
			at += slot_length(sl) + sl->changeover_s;
		} else {
			int64_t end = (sl->started_at ? sl->started_at : sl->starts_at) + slot_length(sl) +
				      sl->changeover_s;

			if (end > busy_until)
				busy_until = end;
		}
		q = store_query(st, &q_schedule_place);
		query_bind_text(q, "$room", s->rooms[l->room].id);
		query_bind_int(q, "$position", (int64_t)k + 1);
		query_bind_int(q, "$starts_at", start);
		query_bind_text(q, "$id", sl->id);
		rc = query_exec(q);
	}
	return rc;
}

static enum status slot_json(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_schedule_slot_json);

	query_bind_text(q, "$id", id);
	return query_first_text(q, out);
}

static enum status audit_slot(struct store *st, const char *action, const struct slot *sl, const char *before)
{
	char *after = NULL;
	enum status s = slot_json(st, sl->id, &after);

	if (s == ST_OK) {
		struct audit_entry e = {
			.action = action, .kind = "slot", .record_id = sl->id, .team_id = sl->team_id,
			.before = before, .after = after,
		};

		s = audit_record(st, &e);
	}
	free(after);
	return s;
}

struct move_ctx {
	const char *team, *room, *other;
	int position;
};

static enum status move_txn(struct store *st, void *ctx)
{
	struct move_ctx *m = ctx;
	struct schedule s;
	struct lineup from = { 0 }, to = { 0 };
	char room_id[ID_LEN + 1], *before = NULL;
	long slot, dest = -1;
	size_t started = 0;
	enum status rc = schedule_load(st, NULL, 0, &s);

	if (rc != ST_OK)
		return rc;
	slot = find_team_slot(st, &s, m->team, &rc);
	if (slot >= 0)
		rc = not_started(&s.slots[slot]);
	if (rc == ST_OK)
		rc = record_find(st, KIND_ROOM, m->room, room_id, NULL);
	for (size_t i = 0; rc == ST_OK && i < s.nrooms; i++)
		if (strcmp(s.rooms[i].id, room_id) == 0)
			dest = (long)i;
	if (rc == ST_OK && dest < 0)
		rc = status_error(ST_NOT_FOUND, _("no such room '%s'"), m->room);
	if (rc == ST_OK) {
		size_t src = s.slots[slot].room;

		lineup_of(&s, src, &from);
		lineup_remove(&from, (size_t)slot);
		if ((size_t)dest != src)
			lineup_of(&s, (size_t)dest, &to);
		{
			struct lineup *l = (size_t)dest == src ? &from : &to;

			for (size_t i = 0; i < l->count; i++)
				started += s.slots[l->slots[i]].status != SLOT_SCHEDULED;
			if (m->position == 0)
				m->position = (int)l->count + 1;
			if (m->position < (int)started + 1 || m->position > (int)l->count + 1) {
				rc = status_error(ST_INVALID, _("position %d is not free in %s: give %zu to %zu"),
						  m->position, s.rooms[dest].name, started + 1, l->count + 1);
			} else {
				memmove(&l->slots[m->position], &l->slots[m->position - 1],
					(l->count - (size_t)m->position + 1) * sizeof(size_t));
				l->slots[m->position - 1] = (size_t)slot;
				l->count++;
			}
		}
	}
	if (rc == ST_OK)
		rc = slot_json(st, s.slots[slot].id, &before);
	if (rc == ST_OK)
		rc = lineup_write(st, &s, &from, s.slots[slot].starts_at);
	if (rc == ST_OK && to.slots)
		rc = lineup_write(st, &s, &to, s.slots[slot].starts_at);
	if (rc == ST_OK)
		rc = audit_slot(st, "move", &s.slots[slot], before);
	free(before);
	free(from.slots);
	free(to.slots);
	schedule_clear(&s);
	return rc;
}

enum status schedule_move(struct store *st, const char *team, const char *room, int position)
{
	struct move_ctx m = { team, room, NULL, position };

	return store_write(st, move_txn, &m);
}

static enum status swap_txn(struct store *st, void *ctx)
{
	struct move_ctx *m = ctx;
	struct schedule s;
	struct lineup la = { 0 }, lb = { 0 };
	char *before_a = NULL, *before_b = NULL;
	long a, b = -1;
	enum status rc = schedule_load(st, NULL, 0, &s);

	if (rc != ST_OK)
		return rc;
	a = find_team_slot(st, &s, m->team, &rc);
	if (a >= 0)
		b = find_team_slot(st, &s, m->other, &rc);
	if (a >= 0 && b >= 0 && a == b)
		rc = status_error(ST_INVALID, _("cannot swap %s with itself: name two teams"), s.slots[a].team);
	if (rc == ST_OK)
		rc = not_started(&s.slots[a]);
	if (rc == ST_OK)
		rc = not_started(&s.slots[b]);
	if (rc == ST_OK)
		rc = slot_json(st, s.slots[a].id, &before_a);
	if (rc == ST_OK)
		rc = slot_json(st, s.slots[b].id, &before_b);
	if (rc == ST_OK) {
		lineup_of(&s, s.slots[a].room, &la);
		if (s.slots[b].room != s.slots[a].room)
			lineup_of(&s, s.slots[b].room, &lb);
		for (size_t i = 0; i < la.count; i++)
			if (la.slots[i] == (size_t)a)
				la.slots[i] = (size_t)b;
			else if (la.slots[i] == (size_t)b)
				la.slots[i] = (size_t)a;
		for (size_t i = 0; i < lb.count; i++)
			if (lb.slots[i] == (size_t)b)
				lb.slots[i] = (size_t)a;
		rc = lineup_write(st, &s, &la, s.slots[a].starts_at);
		if (rc == ST_OK && lb.slots)
			rc = lineup_write(st, &s, &lb, s.slots[b].starts_at);
	}
	if (rc == ST_OK)
		rc = audit_slot(st, "swap", &s.slots[a], before_a);
	if (rc == ST_OK)
		rc = audit_slot(st, "swap", &s.slots[b], before_b);
	free(before_a);
	free(before_b);
	free(la.slots);
	free(lb.slots);
	schedule_clear(&s);
	return rc;
}

enum status schedule_swap(struct store *st, const char *team_a, const char *team_b)
{
	struct move_ctx m = { team_a, NULL, team_b, 0 };

	return store_write(st, swap_txn, &m);
}

/* ---- the room timer ---- */

static const char *const timer_action_names[] = {
#define TIMER_ACTION_NAME(id, name) name,
	TIMER_ACTION_INFO(TIMER_ACTION_NAME)
#undef TIMER_ACTION_NAME
};

const char *timer_action_name(enum timer_action a)
{
	return (unsigned)a < PD_ARRAY_LEN(timer_action_names) ? timer_action_names[a] : "?";
}

int timer_action_from_name(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(timer_action_names); i++)
		if (strcmp(timer_action_names[i], name) == 0)
			return (int)i;
	return -1;
}

struct timer_ctx {
	const char *room_id;
	enum timer_action action;
	int64_t now;
};

/* The new state of a room's timer and of one slot. */
struct timer_change {
	enum timer_state state;
	int64_t run_started_at;		/* 0: NULL */
	int64_t elapsed_s, cut;
	const struct slot *slot;	/* whose status changes, or NULL */
	enum slot_status status;
	int64_t started_at, ended_at;	/* 0: NULL */
	const char *timer_slot;		/* the slot the timer points at, or NULL */
};

static void bind_time(struct query *q, const char *name, int64_t t)
{
	if (t)
		query_bind_int(q, name, t);
	else
		query_bind_null(q, name);
}

static enum status timer_json(struct store *st, const char *room_id, const char *slot_id, char **out)
{
	struct query *q = store_query(st, &q_schedule_timer_json);

	query_bind_text(q, "$room", room_id);
	query_bind_text(q, "$slot", slot_id);
	return query_first_text(q, out);
}

static enum status timer_write(struct store *st, const struct schedule_room *r, const struct timer_change *c)
{
	struct query *q;
	enum status s = ST_OK;

	if (c->slot) {
		q = store_query(st, &q_schedule_set_status);
		query_bind_text(q, "$status", slot_status_names[c->status]);
		bind_time(q, "$started_at", c->started_at);
		bind_time(q, "$ended_at", c->ended_at);
		query_bind_text(q, "$id", c->slot->id);
		s = query_exec(q);
	}
	if (s != ST_OK)
		return s;
	q = store_query(st, &q_schedule_timer_set);
	query_bind_text(q, "$room", r->id);
	query_bind_text(q, "$slot", c->timer_slot);
	query_bind_text(q, "$state", timer_state_names[c->state]);
	bind_time(q, "$run_started_at", c->run_started_at);
	query_bind_int(q, "$elapsed_s", c->elapsed_s);
	query_bind_int(q, "$cut", c->cut);
	return query_exec(q);
}

/* The slot after index i in room r that has not started, or NULL. */
static const struct slot *next_waiting(const struct schedule *s, const struct schedule_room *r, long i)
{
	for (size_t k = (size_t)i + 1; k < r->first + r->count; k++)
		if (s->slots[k].status == SLOT_SCHEDULED)
			return &s->slots[k];
	return NULL;
}

/* The changeover before slot i, as the projection counts it (0 after a no-show or first). */
static int64_t changeover_before(const struct schedule *s, const struct schedule_room *r, long i)
{
	const struct slot *prev;

	if ((size_t)i <= r->first)
		return 0;
	prev = &s->slots[i - 1];
	return prev->status == SLOT_NOSHOW ? 0 : prev->changeover_s;
}

static enum status timer_plan(const struct schedule *s, const struct schedule_room *r, const struct timer_ctx *t,
			      struct timer_change *c)
{
	const struct slot *cur = r->current >= 0 ? &s->slots[r->current] : NULL;
	bool running = cur && cur->status == SLOT_RUNNING;

	c->state = running ? (r->state == TIMER_PAUSED ? TIMER_PAUSED : TIMER_RUNNING) : TIMER_IDLE;
	c->run_started_at = r->run_started_at;
	c->elapsed_s = r->elapsed_s;
	c->cut = r->changeover_cut_s;
	c->slot = NULL;
	c->timer_slot = cur ? cur->id : NULL;
	if (!cur && t->action != TIMER_CATCHUP)
		return status_error(ST_INVALID, _("%s has no pitch left: every slot is done"), r->name);
	switch (t->action) {
	case TIMER_START:
		if (running)
			return status_error(ST_INVALID, _("%s is already pitching in %s: 'next' ends it"), cur->team,
					    r->name);
		c->state = TIMER_RUNNING;
		c->run_started_at = t->now;
		c->elapsed_s = 0;
		{
			int64_t co = changeover_before(s, r, r->current), used = co < c->cut ? co : c->cut;

			c->cut -= used;	/* the changeover just before this pitch is behind us */
		}
		c->slot = cur;
		c->status = SLOT_RUNNING;
		c->started_at = t->now;
		c->ended_at = 0;
		return ST_OK;
	case TIMER_PAUSE:
		if (!running || r->state == TIMER_PAUSED)
			return running ? status_error(ST_INVALID, _("nothing runs in %s to pause (already paused: 'resume' goes on)"),
						      r->name)
				       : status_error(ST_INVALID, _("nothing runs in %s to pause"), r->name);
		c->state = TIMER_PAUSED;
		c->elapsed_s = r->elapsed;
		c->run_started_at = 0;
		return ST_OK;
	case TIMER_RESUME:
		if (!running || r->state != TIMER_PAUSED)
			return status_error(ST_INVALID, _("nothing is paused in %s"), r->name);
		c->state = TIMER_RUNNING;
		c->run_started_at = t->now;
		return ST_OK;
	case TIMER_NEXT: {
		const struct slot *after;

		if (!running)
			return status_error(ST_INVALID,
					    _("%s has not started in %s: 'start' begins it, 'noshow' skips it"),
					    cur->team, r->name);
		after = next_waiting(s, r, r->current);
		c->state = TIMER_IDLE;
		c->run_started_at = 0;
		c->elapsed_s = 0;
		c->slot = cur;
		c->status = SLOT_DONE;
		c->started_at = cur->started_at;
		c->ended_at = t->now;
		c->timer_slot = after ? after->id : NULL;
		return ST_OK;
	}
	case TIMER_NOSHOW: {
		const struct slot *after;

		if (running)
			return status_error(ST_INVALID, _("%s is pitching in %s: 'next' ends it"), cur->team, r->name);
		after = next_waiting(s, r, r->current);
		c->slot = cur;
		c->status = SLOT_NOSHOW;
		c->started_at = 0;
		c->ended_at = t->now;
		c->timer_slot = after ? after->id : NULL;
		return ST_OK;
	}
	case TIMER_CATCHUP: {
		int64_t room_co = 0;

		if (!cur || r->late_s <= 0)
			return status_error(ST_INVALID, _("%s is on time: there is nothing to catch up"), r->name);
		/* the changeovers still ahead: before the next pitch, if it waits, and after each one */
		if (!running)
			room_co += changeover_before(s, r, r->current);
		for (size_t k = (size_t)r->current; k + 1 < r->first + r->count; k++)
			room_co += s->slots[k].changeover_s;
		if (room_co == 0)
			return status_error(ST_INVALID, _("%s has no changeover left to shorten"), r->name);
		c->cut = r->late_s < room_co ? r->late_s : room_co;
		return ST_OK;
	}
	default:
		return status_error(ST_INVALID, _("no such timer action"));
	}
}

static enum status timer_txn(struct store *st, void *ctx)
{
	struct timer_ctx *t = ctx;
	struct schedule s;
	struct timer_change c;
	char *before = NULL, *after = NULL;
	const char *slot_id;
	enum status rc = schedule_load(st, t->room_id, t->now, &s);

	if (rc != ST_OK)
		return rc;
	if (s.nrooms == 0) {
		schedule_clear(&s);
		return status_error(ST_NOT_FOUND, _("no such room"));
	}
	rc = timer_plan(&s, &s.rooms[0], t, &c);
	slot_id = c.slot ? c.slot->id : c.timer_slot;
	if (rc == ST_OK)
		rc = timer_json(st, s.rooms[0].id, slot_id, &before);
	if (rc == ST_OK)
		rc = timer_write(st, &s.rooms[0], &c);
	if (rc == ST_OK)
		rc = timer_json(st, s.rooms[0].id, slot_id, &after);
	if (rc == ST_OK) {
		struct audit_entry e = {
			.action = timer_action_name(t->action), .kind = "timer", .record_id = s.rooms[0].id,
			.team_id = c.slot ? c.slot->team_id : NULL, .before = before, .after = after,
		};

		rc = audit_record(st, &e);
	}
	free(before);
	free(after);
	schedule_clear(&s);
	return rc;
}

enum status schedule_timer(struct store *st, const char *room_id, enum timer_action action, int64_t now)
{
	struct timer_ctx t = { room_id, action, now };

	if ((unsigned)action >= TIMER_ACTION_COUNT)
		return status_error(ST_INVALID, _("no such timer action"));
	return store_write(st, timer_txn, &t);
}

/* ---- chasing sheets ---- */

void schedule_chase_clear(struct chase *c)
{
	for (size_t i = 0; i < c->nwaiting; i++)
		free(c->waiting[i]);
	free(c->waiting);
	memset(c, 0, sizeof(*c));
}

enum status schedule_chase(struct store *st, const char *team_id, struct chase *out)
{
	struct query *q = store_query(st, &q_schedule_chase);
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$team", team_id);
	while ((s = query_step(q)) == ST_ROW) {
		out->expected++;
		if (query_int(q, 1)) {
			out->submitted++;
		} else {
			out->waiting = pd_realloc(out->waiting, (out->nwaiting + 1) * sizeof(char *));
			out->waiting[out->nwaiting++] = pd_strdup(query_text(q, 0));
		}
	}
	if (s != ST_DONE) {
		schedule_chase_clear(out);
		return s;
	}
	return ST_OK;
}

/* ---- iCalendar ---- */

char *schedule_ics(const struct schedule *s, const char *calendar_name)
{
	struct ics *c = ics_new(calendar_name);

	for (size_t i = 0; i < s->count; i++) {
		const struct slot *sl = &s->slots[i];
		char *uid = pd_asprintf("%s-pitch@podium", sl->id);
		char *summary = pd_asprintf(_("Pitch: %s"), sl->team);
		char *desc = pd_asprintf(_("%s: pitch %d min, Q&A %d min (%s)"), sl->team, sl->pitch_s / 60,
					 sl->qa_s / 60, slot_status_names[sl->status]);
		int64_t end = sl->proj_end > sl->proj_start ? sl->proj_end : sl->proj_start;

		ics_add_event(c, uid, sl->proj_start, end, summary, s->rooms[sl->room].name, desc);
		free(uid);
		free(summary);
		free(desc);
	}
	return ics_finish(c);
}
