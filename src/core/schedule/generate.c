#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/idmap.h"
#include "podium/clock.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/timeline.h"

/* Generating the schedule: one slot per team, rooms in parallel, tracks matched to rooms. */

STMT_DEFINE(q_schedule_delete_unstarted, "DELETE FROM slot WHERE status = 'scheduled'");
STMT_DEFINE(q_schedule_free_teams,
	    "SELECT t.id FROM team t WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.team_id = t.id)"
	    " ORDER BY t.name, t.id");
enum { FREE_TEAM_ID };
STMT_DEFINE(q_schedule_tracks, "SELECT id FROM track");
enum { TRACK_ID };
/* who holds a track: a room or a team, then the track */
STMT_DEFINE(q_schedule_room_tracks,
	    "SELECT x.room_id, x.track_id FROM room_track x JOIN room m ON m.id = x.room_id"
	    " ORDER BY m.name, m.id");
STMT_DEFINE(q_schedule_team_tracks, "SELECT team_id, track_id FROM team_track");
enum { HOLDER_ID, HOLDER_TRACK };
STMT_DEFINE(q_schedule_kept,
	    "SELECT room_id, count(*), max(position), max(starts_at + pitch_s + qa_s + changeover_s)"
	    " FROM slot GROUP BY room_id");
enum { KEPT_ROOM_ID, KEPT_COUNT, KEPT_MAX_POSITION, KEPT_FREE_AT };
STMT_DEFINE(q_schedule_slot_insert,
	    "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s, changeover_s)"
	    " VALUES ($id, $room, $team, $position, $starts_at, $pitch_s, $qa_s, $changeover_s)");
STMT_DEFINE(q_schedule_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object('team', t.name, 'room', r.name,"
	    " 'position', s.position, 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'),"
	    " 'status', s.status) AS o FROM slot s JOIN team t ON t.id = s.team_id"
	    " JOIN room r ON r.id = s.room_id ORDER BY r.name, s.position)");

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
	size_t nrooms, rooms_cap;
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
	struct idmap room_ix, team_ix;
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
	idmap_clear(&g->room_ix);
	idmap_clear(&g->team_ix);
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
			snprintf(g->rooms[g->nrooms++].id, ID_LEN + 1, "%s", query_text(q, ROOM_COL_ID));
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
		long r = idmap_find(&g->room_ix, query_text(q, KEPT_ROOM_ID));

		g->result->kept += (size_t)query_int(q, KEPT_COUNT);
		if (r < 0)
			continue;
		g->rooms[r].kept = (size_t)query_int(q, KEPT_COUNT);
		g->rooms[r].max_position = (int)query_int(q, KEPT_MAX_POSITION);
		g->rooms[r].free_at = query_int(q, KEPT_FREE_AT);
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status gen_free_teams(struct gen *g)
{
	struct query *q = store_query(g->st, &q_schedule_free_teams);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(g->teams, g->nteams, cap);
		memset(&g->teams[g->nteams], 0, sizeof(g->teams[0]));
		snprintf(g->teams[g->nteams].id, ID_LEN + 1, "%s", query_text(q, FREE_TEAM_ID));
		g->teams[g->nteams++].room = -1;
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&g->team_ix, g->teams, g->nteams, id);
	return ST_OK;
}

/*
 * A track and the rooms in use that hold it. Rooms are named by their rank in
 * name order (the order a team tries its rooms in), ranks[] kept ascending.
 */
struct gen_track {
	char id[ID_LEN + 1];
	size_t *ranks;
	size_t count, cap;
};

struct gen_tracks {
	struct gen_track *items;
	size_t count;
	struct idmap ix;
	size_t *room_at_rank;	/* rank -> index in g->rooms */
	size_t nranks;
};

static void gen_tracks_clear(struct gen_tracks *tl)
{
	for (size_t i = 0; i < tl->count; i++)
		free(tl->items[i].ranks);
	free(tl->items);
	free(tl->room_at_rank);
	idmap_clear(&tl->ix);
}

static enum status gen_read_tracks(struct gen *g, struct gen_tracks *tl)
{
	struct query *q = store_query(g->st, &q_schedule_tracks);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(tl->items, tl->count, cap);
		memset(&tl->items[tl->count], 0, sizeof(tl->items[0]));
		snprintf(tl->items[tl->count++].id, ID_LEN + 1, "%s", query_text(q, TRACK_ID));
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&tl->ix, tl->items, tl->count, id);
	return ST_OK;
}

/* Each track's rooms; the rows come in room name order, which gives the ranks. */
static enum status gen_read_room_tracks(struct gen *g, struct gen_tracks *tl)
{
	struct query *q = store_query(g->st, &q_schedule_room_tracks);
	long *rank = pd_calloc(g->nrooms + 1, sizeof(*rank));
	enum status s;

	tl->room_at_rank = pd_calloc(g->nrooms + 1, sizeof(size_t));
	for (size_t r = 0; r < g->nrooms; r++)
		rank[r] = -1;
	while ((s = query_step(q)) == ST_ROW) {
		long r = idmap_find(&g->room_ix, query_text(q, HOLDER_ID));
		long k = idmap_find(&tl->ix, query_text(q, HOLDER_TRACK));
		struct gen_track *tr;

		if (r < 0 || k < 0)
			continue;
		if (rank[r] < 0) {
			rank[r] = (long)tl->nranks;
			tl->room_at_rank[tl->nranks++] = (size_t)r;
		}
		tr = &tl->items[k];
		PD_GROW(tr->ranks, tr->count, tr->cap);
		tr->ranks[tr->count++] = (size_t)rank[r];
	}
	free(rank);
	return s == ST_DONE ? ST_OK : s;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* A team's rooms: those of each of its tracks, once each, in name order. */
static void gen_team_rooms_finish(struct gen_team *team, const struct gen_tracks *tl)
{
	size_t n = 0;

	if (!team->nrooms)
		return;
	qsort(team->rooms, team->nrooms, sizeof(size_t), cmp_size);
	for (size_t i = 0; i < team->nrooms; i++)
		if (n == 0 || team->rooms[i] != team->rooms[n - 1])
			team->rooms[n++] = team->rooms[i];
	team->nrooms = n;
	for (size_t i = 0; i < n; i++)
		team->rooms[i] = tl->room_at_rank[team->rooms[i]];
}

static enum status gen_read_team_tracks(struct gen *g, struct gen_tracks *tl)
{
	struct query *q = store_query(g->st, &q_schedule_team_tracks);
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		long t = idmap_find(&g->team_ix, query_text(q, HOLDER_ID));
		long k = idmap_find(&tl->ix, query_text(q, HOLDER_TRACK));
		struct gen_team *team;

		if (t < 0 || k < 0)
			continue;
		team = &g->teams[t];
		for (size_t i = 0; i < tl->items[k].count; i++) {
			PD_GROW(team->rooms, team->nrooms, team->rooms_cap);
			team->rooms[team->nrooms++] = tl->items[k].ranks[i];
		}
	}
	if (s != ST_DONE)
		return s;
	for (size_t t = 0; t < g->nteams; t++)
		gen_team_rooms_finish(&g->teams[t], tl);
	return ST_OK;
}

/*
 * The teams without a slot, each with the rooms that hold one of its tracks:
 * read teams, tracks and rooms once each and join them here, per track.
 */
static enum status gen_teams(struct gen *g)
{
	struct gen_tracks tl = { 0 };
	enum status s = gen_free_teams(g);

	if (s == ST_OK)
		s = gen_read_tracks(g, &tl);
	if (s == ST_OK)
		s = gen_read_room_tracks(g, &tl);
	if (s == ST_OK)
		s = gen_read_team_tracks(g, &tl);
	gen_tracks_clear(&tl);
	return s;
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
	if (s == ST_OK)
		IDMAP_BUILD(&g->room_ix, g->rooms, g->nrooms, id);
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
