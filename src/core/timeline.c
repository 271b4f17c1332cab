#include "config.h"
#include "podium/timeline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/names.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_timeline_clear, "DELETE FROM phase");
STMT_DEFINE(q_timeline_update,
	    "UPDATE phase SET name = $name, kind = $kind, starts_at = $starts_at, ends_at = $ends_at,"
	    " pinned = $pinned WHERE id = $id");
STMT_DEFINE(q_timeline_delete, "DELETE FROM phase WHERE id = $id");
STMT_DEFINE(q_timeline_phase_json,
	    "SELECT json_object('name', name, 'kind', kind, 'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'),"
	    " 'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch'), 'pinned', json(iif(pinned, 'true', 'false')))"
	    " FROM phase WHERE id = $id");
STMT_DEFINE(q_timeline_insert,
	    "INSERT INTO phase(id, name, kind, starts_at, ends_at, pinned)"
	    " VALUES ($id, $name, $kind, $starts_at, $ends_at, $pinned)");
STMT_DEFINE(q_timeline_all,
	    "SELECT id, name, kind, starts_at, ends_at, pinned FROM phase ORDER BY starts_at, ends_at, name");
enum { PHASE_ID, PHASE_NAME, PHASE_KIND, PHASE_STARTS_AT, PHASE_ENDS_AT, PHASE_PINNED };
STMT_DEFINE(q_timeline_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT json_object("
	    " 'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'),"
	    " 'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch'), 'phase', name, 'kind', kind,"
	    " 'pinned', json(iif(pinned, 'true', 'false')), 'id', id) AS o"
	    " FROM phase ORDER BY starts_at, ends_at, name)");

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

/* Minutes of the 48-hour plan scaled to the event's length, in whole minutes (at least one). */
static int64_t scaled(double minutes, double f)
{
	long m = lround(minutes * f);

	return (int64_t)(m < 1 ? 1 : m) * MINUTE;
}

static enum status add_phase(struct store *st, const char *name, const char *kind, int64_t start,
			     int64_t end, bool pinned)
{
	struct query *q = store_query(st, &q_timeline_insert);
	char id[ID_LEN + 1];

	id_new(id);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", name);
	query_bind_text(q, "$kind", kind);
	query_bind_int(q, "$starts_at", start);
	query_bind_int(q, "$ends_at", end);
	query_bind_int(q, "$pinned", pinned);
	return query_exec(q);
}

/* The meals of each day that fall whole within [from, to]. */
static enum status add_meals(struct store *st, int64_t from, int64_t to)
{
	static const struct {
		const char *name;
		int at, length;	/* seconds past midnight, seconds */
	} meals[] = {
		{ N_("Breakfast"), 8 * HOUR, HOUR },
		{ N_("Lunch"), 12 * HOUR + 30 * MINUTE, HOUR },
		{ N_("Dinner"), 19 * HOUR + 30 * MINUTE, HOUR },
	};
	enum status s = ST_OK;

	for (int64_t day = from - from % DAY; s == ST_OK && day < to; day += DAY)
		for (size_t i = 0; s == ST_OK && i < PD_ARRAY_LEN(meals); i++) {
			int64_t start = day + meals[i].at, end = start + meals[i].length;

			if (start >= from && end <= to)
				s = add_phase(st, _(meals[i].name), "meal", start, end, true);
		}
	return s;
}

/*
 * The checkpoints, one per stage: at reasonable times of day where the build
 * holds seven of them, else spread evenly over it.
 */
static enum status add_checkpoints(struct store *st, int64_t from, int64_t to, int64_t length)
{
	static const int times[] = { 9 * HOUR + 30 * MINUTE, 11 * HOUR + 30 * MINUTE, 15 * HOUR,
				     17 * HOUR + 30 * MINUTE, 21 * HOUR + 30 * MINUTE };
	size_t n = rubric_default_count, found = 0;
	int64_t *at = pd_calloc(PD_ARRAY_LEN(times) * 32 + n, sizeof(*at));
	enum status s = ST_OK;

	for (int64_t day = from - from % DAY; day < to && found < PD_ARRAY_LEN(times) * 32; day += DAY)
		for (size_t i = 0; i < PD_ARRAY_LEN(times); i++) {
			int64_t t = day + times[i];

			if (t >= from + HOUR && t + length <= to - HOUR && found < PD_ARRAY_LEN(times) * 32)
				at[found++] = t;
		}
	if (found >= n) {
		/* keep n of them, evenly among the candidates */
		for (size_t i = 0; i < n; i++)
			at[i] = at[i * (found - 1) / (n - 1 ? n - 1 : 1)];
	} else {
		for (size_t i = 0; i < n; i++) {
			int64_t t = from + (int64_t)(i + 1) * (to - from) / (int64_t)(n + 1);

			at[i] = t - t % (5 * MINUTE);
		}
	}
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		char *name = pd_asprintf(_("Checkpoint: %s"), rubric_default[i].name);

		s = add_phase(st, name, "checkpoint", at[i], at[i] + length, false);
		free(name);
	}
	free(at);
	return s;
}

static enum status timeline_lay_default_in(struct store *st, int64_t starts_at, int hours)
{
	double f = hours / 48.0;
	int64_t end = starts_at + (int64_t)hours * HOUR;
	int64_t kickoff = starts_at + scaled(30, f), ideas = kickoff + scaled(60, f),
		teams = ideas + scaled(60, f);
	int64_t awards = end - scaled(60, f), deliberation = awards - scaled(60, f),
		pitches = deliberation - scaled(150, f), submission = pitches - scaled(90, f);
	int64_t checkpoint = hours >= 24 ? 30 * MINUTE : scaled(30, f);
	enum status s;

	if (submission <= teams) {
		/* too short for the whole plan: the build takes what is left */
		submission = teams + (awards - teams) / 3;
		pitches = submission;
		deliberation = pitches + (awards - pitches) / 2;
	}
	s = query_exec(store_query(st, &q_timeline_clear));
	if (s == ST_OK)
		s = add_phase(st, _("Kickoff"), "kickoff", starts_at, kickoff, false);
	if (s == ST_OK)
		s = add_phase(st, _("Idea pitches"), "ideas", kickoff, ideas, false);
	if (s == ST_OK)
		s = add_phase(st, _("Team building"), "teams", ideas, teams, false);
	if (s == ST_OK)
		s = add_phase(st, _("Build"), "build", teams, submission, false);
	if (s == ST_OK)
		s = add_checkpoints(st, teams, submission, checkpoint);
	if (s == ST_OK && hours >= 6)
		s = add_meals(st, starts_at, pitches);
	if (s == ST_OK)
		s = add_phase(st, _("Submission deadline"), "submission", submission, submission, false);
	if (s == ST_OK)
		s = add_phase(st, _("Pitches"), "pitches", pitches, deliberation, false);
	if (s == ST_OK)
		s = add_phase(st, _("Deliberation"), "deliberation", deliberation, awards, false);
	if (s == ST_OK)
		s = add_phase(st, _("Awards"), "awards", awards, end, true);
	return s;
}

struct timeline_lay_default_args {
	int64_t starts_at;
	int hours;
};

static enum status timeline_lay_default_txn(struct store *st, void *ctx)
{
	struct timeline_lay_default_args *a = ctx;

	return timeline_lay_default_in(st, a->starts_at, a->hours);
}

enum status timeline_lay_default(struct store *st, int64_t starts_at, int hours)
{
	struct timeline_lay_default_args a = { starts_at, hours };

	return store_write(st, timeline_lay_default_txn, &a);
}

void phase_clear(struct phase *p)
{
	free(p->name);
	free(p->kind);
	memset(p, 0, sizeof(*p));
}

void timeline_clear(struct timeline *t)
{
	for (size_t i = 0; i < t->count; i++)
		phase_clear(&t->items[i]);
	free(t->items);
	memset(t, 0, sizeof(*t));
}

static void read_phase(struct query *q, struct phase *p)
{
	snprintf(p->id, sizeof(p->id), "%s", query_text(q, PHASE_ID));
	p->name = pd_strdup(query_text(q, PHASE_NAME));
	p->kind = pd_strdup(query_text(q, PHASE_KIND));
	p->starts_at = query_int(q, PHASE_STARTS_AT);
	p->ends_at = query_int(q, PHASE_ENDS_AT);
	p->pinned = query_int(q, PHASE_PINNED) != 0;
}

enum status timeline_load(struct store *st, struct timeline *out)
{
	struct query *q = store_query(st, &q_timeline_all);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(out->items, out->count, cap);
		memset(&out->items[out->count], 0, sizeof(out->items[0]));
		read_phase(q, &out->items[out->count++]);
	}
	if (s != ST_DONE) {
		timeline_clear(out);
		return s;
	}
	return ST_OK;
}

int timeline_find_kind(const struct timeline *t, const char *kind)
{
	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->items[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

static void copy_phase(const struct phase *from, struct phase *to)
{
	*to = *from;
	to->name = pd_strdup(from->name);
	to->kind = pd_strdup(from->kind);
}

void timeline_at(const struct timeline *t, int64_t now, long *current, long *next)
{
	long cur = -1, nxt = -1;

	for (size_t i = 0; i < t->count; i++) {
		const struct phase *p = &t->items[i];

		/* the latest started wins: a meal inside the build is the current phase while it lasts */
		if (p->starts_at <= now && now < p->ends_at)
			if (cur < 0 || p->starts_at >= t->items[cur].starts_at)
				cur = (long)i;
		if (p->starts_at > now && (nxt < 0 || p->starts_at < t->items[nxt].starts_at))
			nxt = (long)i;
	}
	*current = cur;
	*next = nxt;
}

enum status timeline_now(struct store *st, int64_t now, struct phase *current, struct phase *next)
{
	struct timeline t;
	long cur, nxt;
	enum status s = timeline_load(st, &t);

	if (current)
		memset(current, 0, sizeof(*current));
	if (next)
		memset(next, 0, sizeof(*next));
	if (s != ST_OK)
		return s;
	timeline_at(&t, now, &cur, &nxt);
	if (current && cur >= 0)
		copy_phase(&t.items[cur], current);
	if (next && nxt >= 0)
		copy_phase(&t.items[nxt], next);
	timeline_clear(&t);
	return ST_OK;
}

enum status timeline_json(struct store *st, char **out)
{
	return query_first_text(store_query(st, &q_timeline_json), out);
}

/* The phase id as JSON, for the audit log; NULL when there is none. */
static char *phase_json(struct store *st, const char *id)
{
	struct query *q = store_query(st, &q_timeline_phase_json);
	char *out = NULL;

	query_bind_text(q, "$id", id);
	if (query_first_text(q, &out) != ST_OK)
		return NULL;
	return out;
}

static enum status audit_phase(struct store *st, const char *action, const char *id, char *before, char *after)
{
	struct audit_entry e = { .action = action, .kind = "phase", .record_id = id, .before = before, .after = after };
	enum status s = audit_record(st, &e);

	free(before);
	free(after);
	return s;
}

static enum status check_phase(const struct phase_spec *spec)
{
	char *name = spec->name ? text_trim(spec->name) : NULL;
	bool empty = !name || !name[0] || !text_valid_utf8(name, strlen(name));
	enum status s = empty ? ST_OK : name_check_text(_("phase name"), name);

	free(name);
	if (empty)
		return status_error(ST_INVALID, _("a phase needs a name in UTF-8"));
	if (s != ST_OK)
		return s;
	if (spec->ends_at < spec->starts_at)
		return status_error(ST_INVALID, _("a phase cannot end before it starts"));
	return ST_OK;
}

static enum status timeline_set_in(struct store *st, const char *id, const struct phase_spec *spec, char id_out[ID_LEN + 1])
{
	char new_id[ID_LEN + 1], *before = NULL, *name;
	struct query *q;
	enum status s = check_phase(spec);

	if (s != ST_OK)
		return s;
	if (id) {
		before = phase_json(st, id);
		if (!before)
			return status_error(ST_NOT_FOUND, _("no such phase in the timeline; see 'podium timeline'"));
		snprintf(new_id, sizeof(new_id), "%s", id);
		q = store_query(st, &q_timeline_update);
	} else {
		id_new(new_id);
		q = store_query(st, &q_timeline_insert);
	}
	name = text_trim(spec->name);
	query_bind_text(q, "$id", new_id);
	query_bind_text(q, "$name", name);
	query_bind_text(q, "$kind", spec->kind ? spec->kind : "");
	query_bind_int(q, "$starts_at", spec->starts_at);
	query_bind_int(q, "$ends_at", spec->ends_at);
	query_bind_int(q, "$pinned", spec->pinned);
	s = query_exec(q);
	free(name);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	if (id_out)
		memcpy(id_out, new_id, ID_LEN + 1);
	return audit_phase(st, id ? "update" : "create", new_id, before, phase_json(st, new_id));
}

struct timeline_set_args {
	const char *id;
	const struct phase_spec *spec;
	char *id_out;
};

static enum status timeline_set_txn(struct store *st, void *ctx)
{
	struct timeline_set_args *a = ctx;

	return timeline_set_in(st, a->id, a->spec, a->id_out);
}

enum status timeline_set(struct store *st, const char *id, const struct phase_spec *spec, char id_out[ID_LEN + 1])
{
	struct timeline_set_args a = { id, spec, id_out };

	return store_write(st, timeline_set_txn, &a);
}

static enum status timeline_delete_in(struct store *st, const char *id)
{
	char *before = phase_json(st, id);
	struct query *q;
	enum status s;

	if (!before)
		return status_error(ST_NOT_FOUND, _("no such phase in the timeline; see 'podium timeline'"));
	q = store_query(st, &q_timeline_delete);
	query_bind_text(q, "$id", id);
	s = query_exec(q);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return audit_phase(st, "delete", id, before, NULL);
}

struct timeline_delete_args {
	const char *id;
};

static enum status timeline_delete_txn(struct store *st, void *ctx)
{
	struct timeline_delete_args *a = ctx;

	return timeline_delete_in(st, a->id);
}

enum status timeline_delete(struct store *st, const char *id)
{
	struct timeline_delete_args a = { id };

	return store_write(st, timeline_delete_txn, &a);
}

long timeline_find(const struct timeline *t, const char *name_or_id)
{
	char *key = text_key(name_or_id);
	long found = -1;

	for (size_t i = 0; i < t->count && found < 0; i++) {
		char *other = text_key(t->items[i].name);

		if (strcmp(t->items[i].id, name_or_id) == 0 || (key && other && strcmp(key, other) == 0))
			found = (long)i;
		free(other);
	}
	free(key);
	return found;
}

struct named_change {
	const char *target;
	const struct phase_edit *edit;	/* NULL: delete */
	char **name_out;
};

static void apply_edit(const struct phase *p, const struct phase_edit *e, struct phase_spec *spec)
{
	int64_t length = p->ends_at - p->starts_at;

	spec->name = e->name ? e->name : p->name;
	spec->kind = e->kind ? e->kind : p->kind;
	spec->starts_at = e->has_start ? e->start : p->starts_at;
	/* a new start alone moves the whole phase */
	spec->ends_at = e->has_end ? e->end : spec->starts_at + length;
	spec->pinned = e->has_pinned ? e->pinned : p->pinned;
}

static enum status named_change_txn(struct store *st, void *ctx)
{
	struct named_change *c = ctx;
	struct timeline t;
	struct phase_spec spec;
	enum status s;
	long i;

	*c->name_out = NULL;
	if ((s = timeline_load(st, &t)) != ST_OK)
		return s;
	i = timeline_find(&t, c->target);
	if (i < 0) {
		timeline_clear(&t);
		return status_error(ST_NOT_FOUND, _("no phase named '%s'; see 'podium timeline'"), c->target);
	}
	if (!c->edit) {
		s = timeline_delete_in(st, t.items[i].id);
		if (s == ST_OK)
			*c->name_out = pd_strdup(t.items[i].name);
	} else {
		apply_edit(&t.items[i], c->edit, &spec);
		s = timeline_set_in(st, t.items[i].id, &spec, NULL);
		if (s == ST_OK)
			*c->name_out = pd_strdup(spec.name);
	}
	timeline_clear(&t);
	return s;
}

enum status timeline_edit(struct store *st, const char *name_or_id, const struct phase_edit *e, char **name_out)
{
	struct named_change c = { name_or_id, e, name_out };

	return store_write(st, named_change_txn, &c);
}

enum status timeline_remove(struct store *st, const char *name_or_id, char **name_out)
{
	struct named_change c = { name_or_id, NULL, name_out };

	return store_write(st, named_change_txn, &c);
}
