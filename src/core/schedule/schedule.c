#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/store.h"
#include "podium/timeline.h"

/* The pitch schedule read and projected: slips, the room's part of a pitch, warnings. */

/* The pitch slots of one room ($room) or all (NULL), in room order then position. */
STMT_DEFINE_SHARED(q_schedule_rooms,
	    "SELECT r.id, r.name, coalesce(t.state, 'idle'), t.run_started_at, coalesce(t.elapsed_s, 0),"
	    " coalesce(t.changeover_cut_s, 0) FROM room r LEFT JOIN room_timer t ON t.room_id = r.id"
	    " WHERE $room IS NULL OR r.id = $room ORDER BY r.name, r.id");
STMT_DEFINE(q_schedule_slots,
	    "SELECT s.id, s.room_id, s.team_id, t.name, s.position, s.starts_at, s.pitch_s, s.qa_s,"
	    " s.changeover_s, s.status, s.started_at, s.ended_at FROM slot s"
	    " JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id"
	    " WHERE $room IS NULL OR s.room_id = $room ORDER BY r.name, r.id, s.position");
enum {
	SLOT_COL_ID, SLOT_COL_ROOM_ID, SLOT_COL_TEAM_ID, SLOT_COL_TEAM, SLOT_COL_POSITION, SLOT_COL_STARTS_AT,
	SLOT_COL_PITCH, SLOT_COL_QA, SLOT_COL_CHANGEOVER, SLOT_COL_STATUS, SLOT_COL_STARTED_AT, SLOT_COL_ENDED_AT
};

const char *const schedule_slot_status_names[SLOT_STATUS_COUNT] = { "scheduled", "running", "done", "noshow" };
const char *const schedule_timer_state_names[TIMER_STATE_COUNT] = { "idle", "running", "paused" };

static int name_index(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return 0;
}

int64_t schedule_slot_length(const struct slot *sl)
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
		snprintf(r->id, sizeof(r->id), "%s", query_text(q, ROOM_COL_ID));
		r->name = pd_strdup(query_text(q, ROOM_COL_NAME));
		r->state = (enum timer_state)name_index(schedule_timer_state_names, PD_ARRAY_LEN(schedule_timer_state_names),
							 query_text(q, ROOM_COL_STATE));
		r->run_started_at = query_int(q, ROOM_COL_RUN_STARTED_AT);
		r->elapsed_s = query_int(q, ROOM_COL_ELAPSED);
		r->changeover_cut_s = query_int(q, ROOM_COL_CHANGEOVER_CUT);
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
		while (room < out->nrooms && strcmp(out->rooms[room].id, query_text(q, SLOT_COL_ROOM_ID)) != 0)
			room++;
		if (room == out->nrooms) {
			query_reset(q);
			return status_error(ST_CORRUPT, _("a pitch slot names a room that is not there"));
		}
		PD_GROW(out->slots, out->count, cap);
		sl = &out->slots[out->count];
		memset(sl, 0, sizeof(*sl));
		snprintf(sl->id, sizeof(sl->id), "%s", query_text(q, SLOT_COL_ID));
		snprintf(sl->team_id, sizeof(sl->team_id), "%s", query_text(q, SLOT_COL_TEAM_ID));
		sl->team = pd_strdup(query_text(q, SLOT_COL_TEAM));
		sl->room = room;
		sl->position = (int)query_int(q, SLOT_COL_POSITION);
		sl->starts_at = query_int(q, SLOT_COL_STARTS_AT);
		sl->pitch_s = (int)query_int(q, SLOT_COL_PITCH);
		sl->qa_s = (int)query_int(q, SLOT_COL_QA);
		sl->changeover_s = (int)query_int(q, SLOT_COL_CHANGEOVER);
		sl->status = (enum slot_status)name_index(schedule_slot_status_names, PD_ARRAY_LEN(schedule_slot_status_names),
							   query_text(q, SLOT_COL_STATUS));
		sl->started_at = query_int(q, SLOT_COL_STARTED_AT);
		sl->ended_at = query_int(q, SLOT_COL_ENDED_AT);
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
			sl->proj_end = sl->ended_at ? sl->ended_at : sl->proj_start + schedule_slot_length(sl);
			r->last_ended = (long)i;
			break;
		case SLOT_NOSHOW:
			sl->proj_start = sl->proj_end = sl->ended_at ? sl->ended_at : sl->starts_at;
			co = 0;
			break;
		case SLOT_RUNNING: {
			int64_t left;

			r->elapsed = timer_elapsed(r, sl, now);
			left = schedule_slot_length(sl) - r->elapsed;
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
			sl->proj_end = start + schedule_slot_length(sl);
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

		r->late_s = cur->proj_end - (cur->starts_at + schedule_slot_length(cur));
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
		*left = schedule_slot_length(sl);
		return SLOT_PART_WAITING;
	}
	if (r->elapsed < sl->pitch_s) {
		*left = sl->pitch_s - r->elapsed;
		return SLOT_PART_PITCH;
	}
	if (r->elapsed < schedule_slot_length(sl)) {
		*left = schedule_slot_length(sl) - r->elapsed;
		return SLOT_PART_QA;
	}
	*left = r->elapsed - schedule_slot_length(sl);
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
	size_t n = 0, cap = 0;

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
				PD_GROW(*out, n, cap);
				(*out)[n++] = pd_asprintf(_("%s runs into %s at %s: %s ends %s"), room->name, ph->name,
							  at + 11, sl->team, ends + 11);
				warned = true;
			}
		}
	}
	return n;
}
