#include "config.h"
#include "podium/event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/access.h"
#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/evidence.h"
#include "podium/i18n.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "podium/text.h"
#include "podium/timeline.h"

STMT_DEFINE(q_event_insert,
	    "INSERT INTO event(id, name, starts_at, hours, created_at)"
	    " VALUES ($id, $name, $starts_at, $hours, $now)");
STMT_DEFINE(q_event_get,
	    "SELECT id, name, starts_at, hours, results_locked, board_frozen, reveal_step"
	    " FROM event");
enum { EVENT_ID, EVENT_NAME, EVENT_STARTS_AT, EVENT_HOURS, EVENT_LOCKED, EVENT_FROZEN, EVENT_REVEAL_STEP };
STMT_DEFINE(q_event_json,
	    "SELECT json_object('id', id, 'name', name, 'starts_at', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'),"
	    " 'hours', hours, 'results_locked', json(iif(results_locked, 'true', 'false')),"
	    " 'board_frozen', json(iif(board_frozen, 'true', 'false')), 'reveal_step', reveal_step,"
	    " 'method', rank_method, 'min_judges', min_judges, 'tie_break', tie_break) FROM event");
STMT_DEFINE(q_event_set_locked, "UPDATE event SET results_locked = $locked");
STMT_DEFINE(q_event_set_reveal, "UPDATE event SET reveal_step = $step");

enum status event_json(struct store *st, char **out)
{
	return query_first_text(store_query(st, &q_event_json), out);
}

static enum status audit_event(struct store *st, const char *action, const char *id,
			       const char *before, const char *after)
{
	struct audit_entry e = {
		.action = action, .kind = "event", .record_id = id, .before = before, .after = after,
	};

	return audit_record(st, &e);
}

struct create {
	const struct event_spec *spec;
	char id[ID_LEN + 1];
};

static enum status create_txn(struct store *st, void *ctx)
{
	struct create *c = ctx;
	const struct event_spec *spec = c->spec;
	char *id = c->id, *name = text_trim(spec->name), *after = NULL;
	struct query *q;
	enum status s;

	q = store_query(st, &q_event_insert);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", name);
	query_bind_int(q, "$starts_at", spec->starts_at);
	query_bind_int(q, "$hours", spec->hours);
	query_bind_int(q, "$now", clock_now());
	s = query_exec(q);
	free(name);
	if (s == ST_CONFLICT)
		return status_error(ST_EXISTS, _("this file already holds an event"));
	if (s == ST_OK)
		s = event_json(st, &after);
	if (s == ST_OK)
		s = audit_event(st, "create", id, NULL, after);
	free(after);
	if (s == ST_OK)
		s = role_grant_creator(st);
	for (size_t i = 0; s == ST_OK && i < rubric_default_count; i++)
		s = rubric_add(st, &rubric_default[i]);
	if (s == ST_OK)
		s = timeline_lay_default(st, spec->starts_at, spec->hours);
	return s;
}

enum status event_create(struct store *st, const struct event_spec *spec)
{
	char *name = spec->name ? text_trim(spec->name) : NULL;
	bool ok_name = name && name[0] && text_valid_utf8(name, strlen(name));

	free(name);
	if (!ok_name)
		return status_error(ST_INVALID, _("the event needs a name in UTF-8 (--name NAME)"));
	if (spec->hours < 1 || spec->hours > 720)
		return status_error(ST_INVALID, _("--hours must be between 1 and 720"));
	{
		struct create c = { spec, "" };
		enum status s;

		/* the key first, so the event's very first audit row is keyed */
		id_new(c.id);
		s = evidence_key_create(c.id);
		if (s == ST_OK)
			s = store_write(st, create_txn, &c);
		if (s != ST_OK)
			evidence_forget(c.id);
		return s;
	}
}

void event_clear(struct event *e)
{
	free(e->name);
	e->name = NULL;
}

enum status event_get(struct store *st, struct event *out)
{
	struct query *q = store_query(st, &q_event_get);
	enum status s = query_step(q);

	memset(out, 0, sizeof(*out));
	if (s != ST_ROW)
		return s == ST_DONE ? status_error(ST_NOT_FOUND, _("the file holds no event yet")) : s;
	snprintf(out->id, sizeof(out->id), "%s", query_text(q, EVENT_ID));
	out->name = pd_strdup(query_text(q, EVENT_NAME));
	out->starts_at = query_int(q, EVENT_STARTS_AT);
	out->hours = (int)query_int(q, EVENT_HOURS);
	out->results_locked = query_int(q, EVENT_LOCKED) != 0;
	out->board_frozen = query_int(q, EVENT_FROZEN) != 0;
	out->reveal_step = (int)query_int(q, EVENT_REVEAL_STEP);
	query_reset(q);
	return ST_OK;
}

enum status event_results_locked(struct store *st, bool *locked)
{
	struct event e;
	enum status s = event_get(st, &e);

	*locked = s == ST_OK && e.results_locked;
	event_clear(&e);
	return s;
}

/* One of the event's switches: which statement sets it, to what, and how the audit names it. */
struct event_switch {
	struct stmt *stmt;
	const char *param;
	int64_t value;
	const char *action;
};

static bool switch_unchanged(const struct event *e, const struct event_switch *sw)
{
	if (sw->stmt == &q_event_set_locked)
		return e->results_locked == (sw->value != 0);
	return e->reveal_step == sw->value;
}

static enum status set_switch_txn(struct store *st, void *ctx)
{
	const struct event_switch *sw = ctx;
	char *before = NULL, *after = NULL;
	struct event e;
	enum status s = event_get(st, &e);

	if (s != ST_OK)
		return s;
	if (switch_unchanged(&e, sw)) {
		event_clear(&e);
		return ST_OK;
	}
	s = event_json(st, &before);
	if (s == ST_OK) {
		struct query *q = store_query(st, sw->stmt);

		query_bind_int(q, sw->param, sw->value);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = event_json(st, &after);
	if (s == ST_OK)
		s = audit_event(st, sw->action, e.id, before, after);
	free(before);
	free(after);
	event_clear(&e);
	return s;
}

static enum status lock_txn(struct store *st, void *ctx)
{
	bool locked = *(bool *)ctx;
	struct event_switch lock = { &q_event_set_locked, "$locked", locked, locked ? "lock" : "unlock" };
	struct event_switch reveal = { &q_event_set_reveal, "$step", -1, "reveal" };
	enum status s = set_switch_txn(st, &lock);

	/* the ceremony reveals the final result: unlocked, there is none */
	if (s == ST_OK && !locked)
		s = set_switch_txn(st, &reveal);
	return s;
}

enum status event_set_locked(struct store *st, bool locked)
{
	return store_write(st, lock_txn, &locked);
}

enum status event_set_reveal(struct store *st, int step)
{
	struct event_switch sw = { &q_event_set_reveal, "$step", step < -1 ? -1 : step, "reveal" };

	return store_write(st, set_switch_txn, &sw);
}
