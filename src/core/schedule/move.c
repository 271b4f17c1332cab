#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/record.h"
#include "podium/store.h"

/* Moving a team to another room or place, and swapping two teams. */

STMT_DEFINE(q_schedule_slot_json,
	    "SELECT json_object('team', t.name, 'room', r.name, 'position', s.position,"
	    " 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'), 'status', s.status,"
	    " 'started_at', strftime('%Y-%m-%d %H:%M:%S', s.started_at, 'unixepoch'),"
	    " 'ended_at', strftime('%Y-%m-%d %H:%M:%S', s.ended_at, 'unixepoch'))"
	    " FROM slot s JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id WHERE s.id = $id");
STMT_DEFINE(q_schedule_park, "UPDATE slot SET position = -rowid WHERE room_id = $room");
STMT_DEFINE(q_schedule_place,
	    "UPDATE slot SET room_id = $room, position = $position, starts_at = $starts_at WHERE id = $id");

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
			at += schedule_slot_length(sl) + sl->changeover_s;
		} else {
			int64_t end = (sl->started_at ? sl->started_at : sl->starts_at) + schedule_slot_length(sl) +
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

/* ---- a no-show comes back ---- */

STMT_DEFINE(q_schedule_unskip, "UPDATE slot SET status = 'scheduled', started_at = NULL, ended_at = NULL WHERE id = $id");

struct back_ctx {
	const char *room_id, *team;
	int64_t now;
};

/* Where a team that comes back goes in a room's lineup: right after the last pitch that began or was skipped. */
static size_t back_place(const struct schedule *s, const struct lineup *l)
{
	size_t at = 0;

	for (size_t i = 0; i < l->count; i++)
		if (s->slots[l->slots[i]].status != SLOT_SCHEDULED)
			at = i + 1;
	return at;
}

static enum status check_back(const struct schedule *s, long slot, const char *room_id)
{
	const struct slot *sl = &s->slots[slot];

	if (strcmp(s->rooms[sl->room].id, room_id) != 0)
		return status_error(ST_INVALID, _("%s pitches in %s, not in this room"), sl->team, s->rooms[sl->room].name);
	if (sl->status != SLOT_NOSHOW)
		return status_error(ST_INVALID, _("%s was not a no-show: only a no-show can be brought back"), sl->team);
	return ST_OK;
}

static enum status back_txn(struct store *st, void *ctx)
{
	struct back_ctx *b = ctx;
	struct schedule s;
	struct lineup l = { 0 };
	char *before = NULL;
	long slot;
	enum status rc = schedule_load(st, NULL, b->now, &s);

	if (rc != ST_OK)
		return rc;
	slot = find_team_slot(st, &s, b->team, &rc);
	if (slot >= 0)
		rc = check_back(&s, slot, b->room_id);
	if (rc == ST_OK)
		rc = slot_json(st, s.slots[slot].id, &before);
	if (rc == ST_OK) {
		struct query *q = store_query(st, &q_schedule_unskip);
		size_t at;

		lineup_of(&s, s.slots[slot].room, &l);
		lineup_remove(&l, (size_t)slot);
		/* it pitches as soon as the room is free, not at the next waiting pitch's plan */
		if (l.anchor < 0 || s.slots[slot].starts_at < l.anchor)
			l.anchor = s.slots[slot].starts_at;
		if (l.anchor < b->now)
			l.anchor = b->now;
		at = back_place(&s, &l);
		memmove(&l.slots[at + 1], &l.slots[at], (l.count - at) * sizeof(size_t));
		l.slots[at] = (size_t)slot;
		l.count++;
		s.slots[slot].status = SLOT_SCHEDULED;
		query_bind_text(q, "$id", s.slots[slot].id);
		rc = query_exec(q);
		if (rc == ST_OK)
			rc = lineup_write(st, &s, &l, b->now);
	}
	if (rc == ST_OK)
		rc = audit_slot(st, "back", &s.slots[slot], before);
	free(before);
	free(l.slots);
	schedule_clear(&s);
	return rc;
}

enum status schedule_back(struct store *st, const char *room_id, const char *team, int64_t now)
{
	struct back_ctx b = { room_id, team, now };

	return store_write(st, back_txn, &b);
}
