#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/record.h"
#include "podium/store.h"

/* The timekeeper's room timer: start, pause, resume, next, no-show, catch up, a minute more, undo next. */

STMT_DEFINE(q_schedule_set_status,
	    "UPDATE slot SET status = $status, started_at = $started_at, ended_at = $ended_at WHERE id = $id");
STMT_DEFINE(q_schedule_extend_slot, "UPDATE slot SET pitch_s = pitch_s + $extra_s WHERE id = $id");
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
	int minutes;		/* extend */
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
	int64_t extra_s;		/* seconds added to slot's pitch */
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
		query_bind_text(q, "$status", schedule_slot_status_names[c->status]);
		bind_time(q, "$started_at", c->started_at);
		bind_time(q, "$ended_at", c->ended_at);
		query_bind_text(q, "$id", c->slot->id);
		s = query_exec(q);
	}
	if (s == ST_OK && c->slot && c->extra_s) {
		q = store_query(st, &q_schedule_extend_slot);
		query_bind_int(q, "$extra_s", c->extra_s);
		query_bind_text(q, "$id", c->slot->id);
		s = query_exec(q);
	}
	if (s != ST_OK)
		return s;
	q = store_query(st, &q_schedule_timer_set);
	query_bind_text(q, "$room", r->id);
	query_bind_text(q, "$slot", c->timer_slot);
	query_bind_text(q, "$state", schedule_timer_state_names[c->state]);
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

/* Undo 'next': the pitch that just ended runs again, as if its clock never stopped. */
static enum status undo_plan(const struct schedule *s, const struct schedule_room *r, struct timer_change *c)
{
	const struct slot *cur = r->current >= 0 ? &s->slots[r->current] : NULL;
	/* only the pitch just before the waiting one: a no-show after it would be overrun */
	size_t before = cur ? (size_t)r->current : r->first + r->count;
	const struct slot *last = before > r->first ? &s->slots[before - 1] : NULL;

	if (cur && cur->status == SLOT_RUNNING)
		return status_error(ST_INVALID, _("%s is pitching in %s: only the end of a pitch can be undone, before the "
						  "next one starts"), cur->team, r->name);
	if (!last || last->status != SLOT_DONE || !last->started_at)
		return status_error(ST_INVALID, _("no pitch has ended in %s: there is nothing to undo"), r->name);
	c->state = TIMER_RUNNING;
	c->run_started_at = last->started_at;
	c->elapsed_s = 0;
	c->slot = last;
	c->status = SLOT_RUNNING;
	c->started_at = last->started_at;
	c->ended_at = 0;
	c->timer_slot = last->id;
	return ST_OK;
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
	c->extra_s = 0;
	c->timer_slot = cur ? cur->id : NULL;
	if (t->action == TIMER_UNDO)
		return undo_plan(s, r, c);
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
	case TIMER_EXTEND:
		if (!running)
			return status_error(ST_INVALID, _("nothing is pitching in %s to give more time"), r->name);
		c->slot = cur;
		c->status = SLOT_RUNNING;
		c->started_at = cur->started_at;
		c->ended_at = 0;
		c->extra_s = 60 * (int64_t)t->minutes;
		return ST_OK;
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
	struct timer_ctx t = { room_id, action, now, 1 };

	if ((unsigned)action >= TIMER_ACTION_COUNT || action == TIMER_BACK)
		return status_error(ST_INVALID, _("no such timer action"));
	return store_write(st, timer_txn, &t);
}

enum status schedule_timer_extend(struct store *st, const char *room_id, int minutes, int64_t now)
{
	struct timer_ctx t = { room_id, TIMER_EXTEND, now, minutes };

	if (minutes < 1 || minutes > 60)
		return status_error(ST_INVALID, _("a pitch gets 1 to 60 minutes more, not %d"), minutes);
	return store_write(st, timer_txn, &t);
}
