#include "config.h"
#include "podium/coaching.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/idmap.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* A coaching session as a JSON object, for the audit log and for lists (alias s, joined to c and t). */
#define STMT_SESSION_OBJECT \
	"json_object('start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch')," \
	" 'end', strftime('%Y-%m-%d %H:%M', s.ends_at, 'unixepoch'), 'coach', c.name, 'team', t.name," \
	" 'stage', s.stage, 'id', s.id, 'coach_id', c.id, 'team_id', t.id)"

STMT_DEFINE(q_coaching_stages, "SELECT name, name_key FROM criterion ORDER BY position");
STMT_DEFINE(q_coaching_teams,
	    "SELECT t.id, t.name, s.starts_at, s.starts_at + s.pitch_s + s.qa_s"
	    " FROM team t LEFT JOIN slot s ON s.team_id = t.id ORDER BY t.name");
STMT_DEFINE(q_coaching_coaches, "SELECT id, name FROM coach ORDER BY name");
STMT_DEFINE(q_coaching_skills, "SELECT coach_id, skill_key FROM coach_skill");
STMT_DEFINE(q_coaching_windows,
	    "SELECT coach_id, starts_at, ends_at FROM coach_window ORDER BY coach_id, starts_at");
STMT_DEFINE(q_coaching_in_window,
	    "SELECT 1 FROM coach_window WHERE coach_id = $coach AND starts_at <= $start AND ends_at >= $end");
STMT_DEFINE(q_coaching_validated, "SELECT team_id, stage_key FROM team_stage");
STMT_DEFINE(q_coaching_kept,
	    "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE starts_at <= $now OR booked");
STMT_DEFINE(q_coaching_clear_future,
	    "DELETE FROM coach_session WHERE starts_at > $now AND NOT booked");
STMT_DEFINE(q_coaching_insert,
	    "INSERT INTO coach_session(id, coach_id, team_id, stage, starts_at, ends_at, booked)"
	    " VALUES ($id, $coach, $team, $stage, $starts_at, $ends_at, $booked)");
STMT_DEFINE(q_coaching_plan_json,
	    "SELECT json_object('length_min', $length, 'sessions', (SELECT count(*) FROM coach_session),"
	    " 'planned_ahead', (SELECT count(*) FROM coach_session WHERE starts_at > $now))");
STMT_DEFINE(q_coaching_sessions,
	    "SELECT s.id, s.coach_id, c.name, s.team_id, t.name, s.stage, s.starts_at, s.ends_at"
	    " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id"
	    " WHERE $coach IS NULL OR s.coach_id = $coach ORDER BY s.starts_at, c.name, t.name, s.stage");
STMT_DEFINE(q_coaching_sessions_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT " STMT_SESSION_OBJECT " AS o"
	    " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id"
	    " ORDER BY s.starts_at, c.name, t.name, s.stage)");
STMT_DEFINE(q_coaching_session_json,
	    "SELECT " STMT_SESSION_OBJECT " FROM coach_session s JOIN coach c ON c.id = s.coach_id"
	    " JOIN team t ON t.id = s.team_id WHERE s.id = $id");
STMT_DEFINE(q_coaching_session_get,
	    "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE id = $id");
STMT_DEFINE(q_coaching_session_move,
	    "UPDATE coach_session SET starts_at = $starts_at, ends_at = $ends_at WHERE id = $id");
STMT_DEFINE(q_coaching_session_delete, "DELETE FROM coach_session WHERE id = $id");
STMT_DEFINE(q_coaching_busy_coach,
	    "SELECT starts_at, ends_at FROM coach_session WHERE coach_id = $coach AND id <> $except"
	    " AND ends_at > $from ORDER BY starts_at");
STMT_DEFINE(q_coaching_busy_team,
	    "SELECT starts_at, ends_at FROM coach_session WHERE team_id = $team AND id <> $except"
	    " AND ends_at > $from UNION ALL SELECT starts_at, starts_at + pitch_s + qa_s FROM slot"
	    " WHERE team_id = $team AND starts_at + pitch_s + qa_s > $from ORDER BY 1");
STMT_DEFINE(q_coaching_coach_windows,
	    "SELECT starts_at, ends_at FROM coach_window WHERE coach_id = $coach ORDER BY starts_at");
STMT_DEFINE(q_coaching_coach_skills, "SELECT skill_key FROM coach_skill WHERE coach_id = $coach");
STMT_DEFINE(q_coaching_stage_get,
	    "SELECT 1 FROM team_stage WHERE team_id = $team AND stage_key = $key");
STMT_DEFINE(q_coaching_team_pitch, "SELECT starts_at FROM slot WHERE team_id = $team");
STMT_DEFINE(q_coaching_team_validated, "SELECT stage_key FROM team_stage WHERE team_id = $team");
STMT_DEFINE(q_coaching_team_booked,
	    "SELECT stage FROM coach_session WHERE team_id = $team AND ends_at > $now");
STMT_DEFINE(q_coaching_stage_insert,
	    "INSERT INTO team_stage(team_id, stage_key, stage, validated_by, validated_at)"
	    " VALUES ($team, $key, $stage, $coach, $now)");
STMT_DEFINE(q_coaching_stage_json,
	    "SELECT json_object('team', t.name, 'stage', g.stage, 'coach', c.name,"
	    " 'validated_at', strftime('%Y-%m-%dT%H:%M:%SZ', g.validated_at, 'unixepoch'))"
	    " FROM team_stage g JOIN team t ON t.id = g.team_id LEFT JOIN coach c ON c.id = g.validated_by"
	    " WHERE g.team_id = $team AND g.stage_key = $key");

const char *coaching_reason_text(enum coaching_reason r)
{
	static const char *const texts[] = {
#define COACHING_REASON_TEXT(id, text) text,
	    COACHING_REASON_INFO(COACHING_REASON_TEXT)
#undef COACHING_REASON_TEXT
	};

	return (size_t)r < PD_ARRAY_LEN(texts) ? texts[r] : "";
}

/* ---- small pieces ---- */

/* Busy times [start, end), unsorted. */
struct spans {
	struct span {
		int64_t start, end;
	} * items;
	size_t count, cap;
};

static void spans_add(struct spans *s, int64_t start, int64_t end)
{
	PD_GROW(s->items, s->count, s->cap);
	s->items[s->count++] = (struct span){start, end};
}

/* The end of a span that overlaps [start, end), or 0 when none does. */
static int64_t spans_hit(const struct spans *s, int64_t start, int64_t end)
{
	int64_t last = 0;

	for (size_t i = 0; i < s->count; i++)
		if (s->items[i].start < end && start < s->items[i].end && s->items[i].end > last)
			last = s->items[i].end;
	return last;
}

/* The stages: the rubric's criteria with their matching keys. */
struct stages {
	char **names, **keys;
	size_t count;
};

static void stages_clear(struct stages *g)
{
	for (size_t i = 0; i < g->count; i++) {
		free(g->names[i]);
		free(g->keys[i]);
	}
	free(g->names);
	free(g->keys);
	memset(g, 0, sizeof(*g));
}

static enum status stages_load(struct store *st, struct stages *g)
{
	struct query *q = store_query(st, &q_coaching_stages);
	size_t cap = 0;
	enum status s;

	memset(g, 0, sizeof(*g));
	while ((s = query_step(q)) == ST_ROW) {
		if (g->count == cap) {
			cap = cap ? cap * 2 : 8;
			g->names = pd_realloc(g->names, cap * sizeof(*g->names));
			g->keys = pd_realloc(g->keys, cap * sizeof(*g->keys));
		}
		g->names[g->count] = pd_strdup(query_text(q, 0));
		g->keys[g->count] = pd_strdup(query_text(q, 1));
		g->count++;
	}
	return s == ST_DONE ? ST_OK : s;
}

static long stages_find_key(const struct stages *g, const char *key)
{
	for (size_t i = 0; key && i < g->count; i++)
		if (strcmp(g->keys[i], key) == 0)
			return (long)i;
	return -1;
}

/* The stage named name (any case), or -1. */
static long stages_find(const struct stages *g, const char *name)
{
	char *key = text_key(name);
	long i = stages_find_key(g, key);

	free(key);
	return i;
}

static enum status event_end(struct store *st, int64_t *out)
{
	struct event e;
	enum status s = event_get(st, &e);

	if (s != ST_OK)
		return s;
	*out = e.starts_at + (int64_t)e.hours * 3600;
	event_clear(&e);
	return ST_OK;
}

static char *shown(const char *name)
{
	return text_fit(name, 60, NULL);
}

/* ---- the plan ---- */

struct cslot {
	int64_t start;
	bool used;
};

struct pcoach {
	char id[ID_LEN + 1];
	bool *skill;	     /* per stage */
	struct cslot *slots; /* the session starts the windows hold, in time order */
	size_t nslots, cap, first_free;
	size_t load;
	struct spans busy; /* kept sessions */
};

struct pteam {
	char id[ID_LEN + 1];
	char *name;
	int64_t deadline;  /* the pitch's start, else the event's end */
	bool *need;	   /* per stage */
	struct spans busy; /* the pitch, kept and planned sessions */
	int64_t last_end;  /* end of the last session planned for it now */
};

struct placed {
	size_t coach, team, stage;
	int64_t start;
};

struct miss {
	size_t team, stage;
	enum coaching_reason reason;
};

struct plan {
	int64_t now, len;
	struct stages stages;
	struct pcoach *coaches;
	size_t ncoaches;
	struct pteam *teams;
	size_t nteams;
	struct idmap coach_ix, team_ix;
	size_t **skilled; /* per stage: the coaches who have it */
	size_t *nskilled;
	struct placed *placed;
	size_t nplaced, placed_cap;
	struct miss *misses;
	size_t nmisses, misses_cap;
	size_t kept, needed;
};

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->ncoaches; i++) {
		free(p->coaches[i].skill);
		free(p->coaches[i].slots);
		free(p->coaches[i].busy.items);
	}
	for (size_t i = 0; i < p->nteams; i++) {
		free(p->teams[i].name);
		free(p->teams[i].need);
		free(p->teams[i].busy.items);
	}
	for (size_t i = 0; p->skilled && i < p->stages.count; i++)
		free(p->skilled[i]);
	free(p->skilled);
	free(p->nskilled);
	free(p->coaches);
	free(p->teams);
	idmap_clear(&p->coach_ix);
	idmap_clear(&p->team_ix);
	free(p->placed);
	free(p->misses);
	stages_clear(&p->stages);
	memset(p, 0, sizeof(*p));
}

static enum status plan_coaches(struct store *st, struct plan *p)
{
	struct query *q = store_query(st, &q_coaching_coaches);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		struct pcoach *c;

		PD_GROW(p->coaches, p->ncoaches, cap);
		c = &p->coaches[p->ncoaches++];
		memset(c, 0, sizeof(*c));
		snprintf(c->id, sizeof(c->id), "%s", query_text(q, 0));
		c->skill = pd_calloc(p->stages.count + 1, sizeof(bool));
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&p->coach_ix, p->coaches, p->ncoaches, id);

	q = store_query(st, &q_coaching_skills);
	while ((s = query_step(q)) == ST_ROW) {
		long c = idmap_find(&p->coach_ix, query_text(q, 0));
		long g = stages_find_key(&p->stages, query_text(q, 1));

		if (c >= 0 && g >= 0)
			p->coaches[c].skill[g] = true;
	}
	if (s != ST_DONE)
		return s;

	/* each window holds sessions back to back from its start, those from now on */
	q = store_query(st, &q_coaching_windows);
	while ((s = query_step(q)) == ST_ROW) {
		long ci = idmap_find(&p->coach_ix, query_text(q, 0));
		int64_t ws = query_int(q, 1), we = query_int(q, 2), t = ws;
		struct pcoach *c;

		if (ci < 0)
			continue;
		c = &p->coaches[ci];
		if (t < p->now)
			t = ws + (p->now - ws + p->len - 1) / p->len * p->len;
		for (; t + p->len <= we; t += p->len) {
			PD_GROW(c->slots, c->nslots, c->cap);
			c->slots[c->nslots++] = (struct cslot){t, false};
		}
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status plan_teams(struct store *st, struct plan *p, int64_t end)
{
	struct query *q = store_query(st, &q_coaching_teams);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		struct pteam *t;

		PD_GROW(p->teams, p->nteams, cap);
		t = &p->teams[p->nteams++];
		memset(t, 0, sizeof(*t));
		snprintf(t->id, sizeof(t->id), "%s", query_text(q, 0));
		t->name = pd_strdup(query_text(q, 1));
		t->deadline = end;
		t->need = pd_calloc(p->stages.count + 1, sizeof(bool));
		for (size_t g = 0; g < p->stages.count; g++)
			t->need[g] = true;
		if (!query_is_null(q, 2)) {
			t->deadline = query_int(q, 2);
			spans_add(&t->busy, query_int(q, 2), query_int(q, 3));
		}
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&p->team_ix, p->teams, p->nteams, id);

	q = store_query(st, &q_coaching_validated);
	while ((s = query_step(q)) == ST_ROW) {
		long t = idmap_find(&p->team_ix, query_text(q, 0));
		long g = stages_find_key(&p->stages, query_text(q, 1));

		if (t >= 0 && g >= 0)
			p->teams[t].need[g] = false;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* Sessions that have begun stay: their coach and team are busy, and a running one covers its stage.
 */
static enum status plan_kept(struct store *st, struct plan *p)
{
	struct query *q = store_query(st, &q_coaching_kept);
	enum status s;

	query_bind_int(q, "$now", p->now);
	while ((s = query_step(q)) == ST_ROW) {
		long c = idmap_find(&p->coach_ix, query_text(q, 0));
		long t = idmap_find(&p->team_ix, query_text(q, 1));
		int64_t start = query_int(q, 3), end = query_int(q, 4);

		p->kept++;
		if (c >= 0)
			spans_add(&p->coaches[c].busy, start, end);
		if (t >= 0) {
			long g = stages_find(&p->stages, query_text(q, 2));

			spans_add(&p->teams[t].busy, start, end);
			if (g >= 0 && end > p->now)
				p->teams[t].need[g] = false;
		}
	}
	if (s != ST_DONE)
		return s;
	for (size_t i = 0; i < p->ncoaches; i++) {
		struct pcoach *c = &p->coaches[i];

		for (size_t k = 0; k < c->nslots; k++)
			c->slots[k].used =
			    spans_hit(&c->busy, c->slots[k].start, c->slots[k].start + p->len) != 0;
	}
	return ST_OK;
}

static void index_skills(struct plan *p)
{
	p->skilled = pd_calloc(p->stages.count + 1, sizeof(*p->skilled));
	p->nskilled = pd_calloc(p->stages.count + 1, sizeof(*p->nskilled));
	for (size_t g = 0; g < p->stages.count; g++) {
		p->skilled[g] = pd_calloc(p->ncoaches + 1, sizeof(**p->skilled));
		for (size_t c = 0; c < p->ncoaches; c++)
			if (p->coaches[c].skill[g])
				p->skilled[g][p->nskilled[g]++] = c;
	}
}

static void add_miss(struct plan *p, size_t t, size_t g, enum coaching_reason r)
{
	PD_GROW(p->misses, p->nmisses, p->misses_cap);
	p->misses[p->nmisses++] = (struct miss){t, g, r};
}

/* The earliest free slot of a skilled coach from `from` on for team t; false when none. */
static bool earliest(struct plan *p, size_t t, size_t g, int64_t from, size_t *coach, size_t *slot)
{
	const struct pteam *team = &p->teams[t];
	int64_t best = INT64_MAX;
	bool found = false;

	for (size_t i = 0; i < p->nskilled[g]; i++) {
		size_t ci = p->skilled[g][i];
		struct pcoach *c = &p->coaches[ci];

		for (size_t k = c->first_free; k < c->nslots; k++) {
			int64_t at = c->slots[k].start;

			if (at > best || at + p->len > team->deadline)
				break;
			if (c->slots[k].used || at < from ||
			    spans_hit(&team->busy, at, at + p->len))
				continue;
			if (at < best || c->load < p->coaches[*coach].load) {
				best = at;
				*coach = ci;
				*slot = k;
				found = true;
			}
			break;
		}
	}
	return found;
}

static void place(struct plan *p, size_t t, size_t g)
{
	struct pteam *team = &p->teams[t];
	size_t ci = 0, k = 0;
	struct pcoach *c;

	if (p->nskilled[g] == 0) {
		add_miss(p, t, g, COACHING_NO_SKILL);
		return;
	}
	if (team->deadline <= p->now) {
		add_miss(p, t, g, COACHING_PITCH_BEGUN);
		return;
	}
	/* after the team's previous stage where it can, so stages come in order */
	if (!earliest(p, t, g, team->last_end, &ci, &k) && !earliest(p, t, g, p->now, &ci, &k)) {
		add_miss(p, t, g, COACHING_NO_TIME);
		return;
	}
	c = &p->coaches[ci];
	c->slots[k].used = true;
	c->load++;
	while (c->first_free < c->nslots && c->slots[c->first_free].used)
		c->first_free++;
	spans_add(&team->busy, c->slots[k].start, c->slots[k].start + p->len);
	if (c->slots[k].start + p->len > team->last_end)
		team->last_end = c->slots[k].start + p->len;
	PD_GROW(p->placed, p->nplaced, p->placed_cap);
	p->placed[p->nplaced++] = (struct placed){ci, t, g, c->slots[k].start};
}

struct deadline_order {
	int64_t deadline;
	size_t at;
};

static int deadline_cmp(const void *a, const void *b)
{
	const struct deadline_order *x = a, *y = b;

	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

static int miss_cmp(const void *a, const void *b)
{
	const struct miss *x = a, *y = b;

	if (x->team != y->team)
		return x->team < y->team ? -1 : 1;
	return x->stage < y->stage ? -1 : x->stage > y->stage;
}

static void plan_place(struct plan *p)
{
	struct deadline_order *ord = pd_calloc(p->nteams + 1, sizeof(*ord));

	for (size_t i = 0; i < p->nteams; i++) {
		p->teams[i].last_end = p->now;
		ord[i] = (struct deadline_order){p->teams[i].deadline, i};
	}
	qsort(ord, p->nteams, sizeof(*ord), deadline_cmp);
	for (size_t i = 0; i < p->nteams; i++)
		for (size_t g = 0; g < p->stages.count; g++)
			p->needed += p->teams[i].need[g];
	/* round r: each team's r-th stage still needed */
	for (size_t r = 0; r < p->stages.count; r++) {
		for (size_t i = 0; i < p->nteams; i++) {
			struct pteam *t = &p->teams[ord[i].at];
			size_t seen = 0;

			for (size_t g = 0; g < p->stages.count; g++) {
				if (!t->need[g])
					continue;
				if (seen++ == r) {
					place(p, ord[i].at, g);
					break;
				}
			}
		}
	}
	if (p->nmisses)
		qsort(p->misses, p->nmisses, sizeof(*p->misses), miss_cmp);
	free(ord);
}

struct plan_ctx {
	int64_t len;
	struct coaching_plan *out;
};

static enum status plan_json(struct store *st, struct plan *p, bool with_length, char **out)
{
	struct query *q = store_query(st, &q_coaching_plan_json);

	if (with_length)
		query_bind_int(q, "$length", p->len / 60);
	else
		query_bind_null(q, "$length");
	query_bind_int(q, "$now", p->now);
	return query_first_text(q, out);
}

static enum status plan_write(struct store *st, struct plan *p, size_t *replaced)
{
	struct query *q = store_query(st, &q_coaching_clear_future);
	enum status s;

	query_bind_int(q, "$now", p->now);
	s = query_exec(q);
	*replaced = s == ST_OK ? (size_t)store_changes(st) : 0;
	for (size_t i = 0; s == ST_OK && i < p->nplaced; i++) {
		const struct placed *pl = &p->placed[i];
		char id[ID_LEN + 1];

		id_new(id);
		q = store_query(st, &q_coaching_insert);
		query_bind_text(q, "$id", id);
		query_bind_text(q, "$coach", p->coaches[pl->coach].id);
		query_bind_text(q, "$team", p->teams[pl->team].id);
		query_bind_text(q, "$stage", p->stages.names[pl->stage]);
		query_bind_int(q, "$starts_at", pl->start);
		query_bind_int(q, "$ends_at", pl->start + p->len);
		query_bind_int(q, "$booked", 0);
		s = query_exec(q);
	}
	return s;
}

static void plan_result(struct plan *p, size_t replaced, struct coaching_plan *out)
{
	coaching_plan_clear(out);
	out->needed = p->needed;
	out->placed = p->nplaced;
	out->kept = p->kept;
	out->replaced = replaced;
	out->misses = pd_calloc(p->nmisses + 1, sizeof(*out->misses));
	for (size_t i = 0; i < p->nmisses; i++) {
		struct coaching_miss *m = &out->misses[out->nmisses++];

		snprintf(m->team_id, sizeof(m->team_id), "%s", p->teams[p->misses[i].team].id);
		m->team = pd_strdup(p->teams[p->misses[i].team].name);
		m->stage = pd_strdup(p->stages.names[p->misses[i].stage]);
		m->reason = p->misses[i].reason;
	}
}

static enum status plan_txn(struct store *st, void *ctx)
{
	struct plan_ctx *c = ctx;
	struct plan p = {0};
	char *before = NULL, *after = NULL;
	size_t replaced = 0;
	int64_t end = 0;
	enum status s;

	p.now = clock_local_now();
	p.len = c->len;
	s = event_end(st, &end);
	if (s == ST_OK)
		s = stages_load(st, &p.stages);
	if (s == ST_OK)
		s = plan_coaches(st, &p);
	if (s == ST_OK)
		s = plan_teams(st, &p, end);
	if (s == ST_OK && p.nteams == 0)
		s = status_error(ST_INVALID, _("there are no teams to coach yet: import them with "
					     "'podium import teams FILE'"));
	if (s == ST_OK && p.ncoaches == 0)
		s = status_error(ST_INVALID, _("there are no coaches yet: import them with "
					     "'podium import coaches FILE'"));
	if (s == ST_OK && p.stages.count == 0)
		s = status_error(ST_INVALID,
				 _("the rubric has no criteria, so there are no stages to coach: "
				 "import them with 'podium import criteria FILE'"));
	if (s == ST_OK)
		s = plan_kept(st, &p);
	if (s == ST_OK) {
		index_skills(&p);
		plan_place(&p);
		s = plan_json(st, &p, false, &before);
	}
	if (s == ST_OK)
		s = plan_write(st, &p, &replaced);
	if (s == ST_OK)
		s = plan_json(st, &p, true, &after);
	if (s == ST_OK) {
		struct audit_entry e = {
		    .action = "plan", .kind = "coach_session", .before = before, .after = after};

		s = audit_record(st, &e);
	}
	if (s == ST_OK)
		plan_result(&p, replaced, c->out);
	free(before);
	free(after);
	plan_free(&p);
	return s;
}

enum status coaching_plan(struct store *st, int length_min, struct coaching_plan *out)
{
	struct plan_ctx c = {(int64_t)length_min * 60, out};
	enum status s;

	memset(out, 0, sizeof(*out));
	if (length_min < COACHING_LENGTH_MIN || length_min > COACHING_LENGTH_MAX)
		return status_error(ST_INVALID,
				    _("a coach session lasts from %d to %d minutes, not %d"),
				    COACHING_LENGTH_MIN, COACHING_LENGTH_MAX, length_min);
	s = store_write(st, plan_txn, &c);
	if (s != ST_OK)
		coaching_plan_clear(out);
	return s;
}

void coaching_plan_clear(struct coaching_plan *p)
{
	for (size_t i = 0; i < p->nmisses; i++) {
		free(p->misses[i].team);
		free(p->misses[i].stage);
	}
	free(p->misses);
	memset(p, 0, sizeof(*p));
}

/* ---- sessions ---- */

void coaching_session_clear(struct coaching_session *s)
{
	free(s->coach);
	free(s->team);
	free(s->stage);
	memset(s, 0, sizeof(*s));
}

static void session_from_row(struct query *q, struct coaching_session *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->id, sizeof(s->id), "%s", query_text(q, 0));
	snprintf(s->coach_id, sizeof(s->coach_id), "%s", query_text(q, 1));
	s->coach = pd_strdup(query_text(q, 2));
	snprintf(s->team_id, sizeof(s->team_id), "%s", query_text(q, 3));
	s->team = pd_strdup(query_text(q, 4));
	s->stage = pd_strdup(query_text(q, 5));
	s->start = query_int(q, 6);
	s->end = query_int(q, 7);
}

enum status coaching_sessions(struct store *st, const char *coach_id, struct coaching_sessions *out)
{
	struct query *q = store_query(st, &q_coaching_sessions);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$coach", coach_id);
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(out->items, out->count, cap);
		session_from_row(q, &out->items[out->count++]);
	}
	if (s != ST_DONE) {
		coaching_sessions_clear(out);
		return s;
	}
	return ST_OK;
}

void coaching_sessions_clear(struct coaching_sessions *s)
{
	for (size_t i = 0; i < s->count; i++)
		coaching_session_clear(&s->items[i]);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

/* The name of record id through statement by_id (id, name), or ST_NOT_FOUND saying what. */
static enum status read_spans(struct query *q, struct spans *out)
{
	enum status s;

	while ((s = query_step(q)) == ST_ROW)
		spans_add(out, query_int(q, 0), query_int(q, 1));
	return s == ST_DONE ? ST_OK : s;
}

static enum status busy_of(struct store *st, struct stmt *id, const char *name, const char *who,
			   const char *except, int64_t from, struct spans *out)
{
	struct query *q = store_query(st, id);

	query_bind_text(q, name, who);
	query_bind_text(q, "$except", except);
	query_bind_int(q, "$from", from);
	return read_spans(q, out);
}

static enum status session_json(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_coaching_session_json);

	query_bind_text(q, "$id", id);
	return query_first_text(q, out);
}

static enum status audit_session(struct store *st, const char *action, const char *id,
				 const char *team_id, const char *before, const char *after)
{
	struct audit_entry e = {
	    .action = action,
	    .kind = "coach_session",
	    .record_id = id,
	    .team_id = team_id,
	    .before = before,
	    .after = after,
	};

	return audit_record(st, &e);
}

struct book_ctx {
	const char *coach_id, *team_id;
	int64_t len;
	struct coaching_session *out;
};

/* Collect the keys a statement bound with $team (and $now) returns in column 0, keyed with
 * text_key. */
static enum status team_stage_flags(struct store *st, struct stmt *id, const char *team_id,
				    int64_t now, const struct stages *g, bool *flags)
{
	struct query *q = store_query(st, id);
	enum status s;

	query_bind_text(q, "$team", team_id);
	if (id == &q_coaching_team_booked)
		query_bind_int(q, "$now", now);
	while ((s = query_step(q)) == ST_ROW) {
		long i = id == &q_coaching_team_booked ? stages_find(g, query_text(q, 0))
							 : stages_find_key(g, query_text(q, 0));

		if (i >= 0)
			flags[i] = true;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* The stage to book: the first neither validated nor booked, the coach's skills first; -1 when
 * none. */
static enum status book_stage(struct store *st, const struct book_ctx *c, const struct stages *g,
			      int64_t now, long *out)
{
	bool *done = pd_calloc(g->count + 1, sizeof(bool)),
	     *skill = pd_calloc(g->count + 1, sizeof(bool));
	struct query *q;
	enum status s =
	    team_stage_flags(st, &q_coaching_team_validated, c->team_id, now, g, done);

	if (s == ST_OK)
		s = team_stage_flags(st, &q_coaching_team_booked, c->team_id, now, g, done);
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_coach_skills);
		query_bind_text(q, "$coach", c->coach_id);
		while ((s = query_step(q)) == ST_ROW) {
			long i = stages_find_key(g, query_text(q, 0));

			if (i >= 0)
				skill[i] = true;
		}
		s = s == ST_DONE ? ST_OK : s;
	}
	*out = -1;
	for (size_t i = 0; s == ST_OK && i < g->count && *out < 0; i++)
		if (!done[i] && skill[i])
			*out = (long)i;
	for (size_t i = 0; s == ST_OK && i < g->count && *out < 0; i++)
		if (!done[i])
			*out = (long)i;
	free(done);
	free(skill);
	return s;
}

/* The first start in [from, until - len] inside one of the windows where neither busy list has a
 * span. */
static bool first_free(const struct spans *windows, const struct spans *a, const struct spans *b,
		       int64_t from, int64_t until, int64_t len, int64_t *out)
{
	for (size_t w = 0; w < windows->count; w++) {
		int64_t t = windows->items[w].start > from ? windows->items[w].start : from;
		int64_t end = windows->items[w].end < until ? windows->items[w].end : until;

		while (t + len <= end) {
			int64_t ha = spans_hit(a, t, t + len), hb = spans_hit(b, t, t + len);

			if (!ha && !hb) {
				*out = t;
				return true;
			}
			t = ha > hb ? ha : hb;
		}
	}
	return false;
}

static enum status book_txn(struct store *st, void *ctx)
{
	struct book_ctx *c = ctx;
	struct stages g = {0};
	struct spans windows = {0}, coach_busy = {0}, team_busy = {0};
	char *coach = NULL, *team = NULL, *after = NULL, id[ID_LEN + 1];
	int64_t now = clock_local_now(), from = (now + 299) / 300 * 300, until = 0, start = 0;
	long stage = -1;
	struct query *q;
	enum status s = record_name(st, KIND_COACH, c->coach_id, &coach);

	if (s == ST_OK)
		s = record_name(st, KIND_TEAM, c->team_id, &team);
	if (s == ST_OK)
		s = event_end(st, &until);
	if (s == ST_OK)
		s = stages_load(st, &g);
	if (s == ST_OK)
		s = book_stage(st, c, &g, now, &stage);
	if (s == ST_OK && stage < 0) {
		char *t = shown(team);

		s = status_error(ST_INVALID, _("every stage of '%s' is validated or booked already"),
				 t);
		free(t);
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_coach_windows);
		query_bind_text(q, "$coach", c->coach_id);
		s = read_spans(q, &windows);
	}
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_coach, "$coach", c->coach_id, "", from,
			    &coach_busy);
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_team, "$team", c->team_id, "", from, &team_busy);
	if (s == ST_OK) {
		/* before the team's pitch, when it is still to come */
		q = store_query(st, &q_coaching_team_pitch);
		query_bind_text(q, "$team", c->team_id);
		if (query_step(q) == ST_ROW && query_int(q, 0) > from && query_int(q, 0) < until)
			until = query_int(q, 0);
		query_reset(q);
		if (windows.count == 0)
			spans_add(&windows, from, until);
		if (!first_free(&windows, &coach_busy, &team_busy, from, until, c->len, &start)) {
			char *cn = shown(coach), *tn = shown(team);

			s = status_error(ST_INVALID,
					 _("%s and %s are not both free for %lld minutes before the "
					 "pitch"),
					 cn, tn, (long long)(c->len / 60));
			free(cn);
			free(tn);
		}
	}
	if (s == ST_OK) {
		id_new(id);
		q = store_query(st, &q_coaching_insert);
		query_bind_text(q, "$id", id);
		query_bind_text(q, "$coach", c->coach_id);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$stage", g.names[stage]);
		query_bind_int(q, "$starts_at", start);
		query_bind_int(q, "$ends_at", start + c->len);
		query_bind_int(q, "$booked", 1);	/* booked by hand: 'coach plan' keeps it */
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = session_json(st, id, &after);
	if (s == ST_OK)
		s = audit_session(st, "book", id, c->team_id, NULL, after);
	if (s == ST_OK && c->out) {
		coaching_session_clear(c->out);
		snprintf(c->out->id, sizeof(c->out->id), "%s", id);
		snprintf(c->out->coach_id, sizeof(c->out->coach_id), "%s", c->coach_id);
		snprintf(c->out->team_id, sizeof(c->out->team_id), "%s", c->team_id);
		c->out->coach = pd_strdup(coach);
		c->out->team = pd_strdup(team);
		c->out->stage = pd_strdup(g.names[stage]);
		c->out->start = start;
		c->out->end = start + c->len;
	}
	free(coach);
	free(team);
	free(after);
	free(windows.items);
	free(coach_busy.items);
	free(team_busy.items);
	stages_clear(&g);
	return s;
}

enum status coaching_book(struct store *st, const char *coach_id, const char *team_id,
			  int length_min, struct coaching_session *out)
{
	struct book_ctx c = {coach_id, team_id, (int64_t)length_min * 60, out};

	if (out)
		memset(out, 0, sizeof(*out));
	if (length_min < COACHING_LENGTH_MIN || length_min > COACHING_LENGTH_MAX)
		return status_error(ST_INVALID,
				    _("a coach session lasts from %d to %d minutes, not %d"),
				    COACHING_LENGTH_MIN, COACHING_LENGTH_MAX, length_min);
	return store_write(st, book_txn, &c);
}

struct move_ctx {
	const char *id;
	int64_t start;
	bool cancel;
};

/* True when [start, end) lies within one of the coach's availability windows. */
static bool in_window(struct store *st, const char *coach, int64_t start, int64_t end)
{
	struct query *q = store_query(st, &q_coaching_in_window);
	bool hit;

	query_bind_text(q, "$coach", coach);
	query_bind_int(q, "$start", start);
	query_bind_int(q, "$end", end);
	hit = query_step(q) == ST_ROW;
	query_reset(q);
	return hit;
}

static enum status move_txn(struct store *st, void *ctx)
{
	struct move_ctx *c = ctx;
	struct query *q = store_query(st, &q_coaching_session_get);
	struct spans coach_busy = {0}, team_busy = {0};
	char coach[ID_LEN + 1], team[ID_LEN + 1], *before = NULL, *after = NULL;
	int64_t len;
	enum status s;

	query_bind_text(q, "$id", c->id);
	s = query_step(q);
	if (s == ST_DONE)
		return status_error(ST_NOT_FOUND, _("no coach session with the id '%s'"), c->id);
	if (s != ST_ROW)
		return s;
	snprintf(coach, sizeof(coach), "%s", query_text(q, 0));
	snprintf(team, sizeof(team), "%s", query_text(q, 1));
	len = query_int(q, 4) - query_int(q, 3);
	query_reset(q);
	s = session_json(st, c->id, &before);
	if (s == ST_OK && c->cancel) {
		q = store_query(st, &q_coaching_session_delete);
		query_bind_text(q, "$id", c->id);
		s = query_exec(q);
		if (s == ST_OK)
			s = audit_session(st, "delete", c->id, team, before, NULL);
		free(before);
		return s;
	}
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_coach, "$coach", coach, c->id, c->start,
			    &coach_busy);
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_team, "$team", team, c->id, c->start,
			    &team_busy);
	if (s == ST_OK) {
		bool coach_hit = spans_hit(&coach_busy, c->start, c->start + len) != 0;
		bool team_hit = spans_hit(&team_busy, c->start, c->start + len) != 0;

		char at[17];

		clock_format(c->start, at);
		if (coach_hit && team_hit)
			s = status_error(ST_INVALID, _("the coach and the team are busy at %s: pick another time"), at);
		else if (coach_hit)
			s = status_error(ST_INVALID, _("the coach is busy at %s: pick another time"), at);
		else if (team_hit)
			s = status_error(ST_INVALID, _("the team is busy at %s: pick another time"), at);
		else if (!in_window(st, coach, c->start, c->start + len))
			s = status_error(ST_INVALID, _("the coach is not available at %s: pick a time in their windows"), at);
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_session_move);
		query_bind_text(q, "$id", c->id);
		query_bind_int(q, "$starts_at", c->start);
		query_bind_int(q, "$ends_at", c->start + len);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = session_json(st, c->id, &after);
	if (s == ST_OK)
		s = audit_session(st, "move", c->id, team, before, after);
	free(before);
	free(after);
	free(coach_busy.items);
	free(team_busy.items);
	return s;
}

enum status coaching_move(struct store *st, const char *session_id, int64_t start)
{
	struct move_ctx c = {session_id, start, false};

	return store_write(st, move_txn, &c);
}

enum status coaching_cancel(struct store *st, const char *session_id)
{
	struct move_ctx c = {session_id, 0, true};

	return store_write(st, move_txn, &c);
}

/* ---- stages ---- */

struct validate_ctx {
	const char *coach_id, *team_id, *stage;
};

static enum status validate_txn(struct store *st, void *ctx)
{
	struct validate_ctx *c = ctx;
	struct stages g = {0};
	char *team = NULL, *coach = NULL, *after = NULL;
	long i = -1;
	struct query *q;
	enum status s = record_name(st, KIND_TEAM, c->team_id, &team);

	if (s == ST_OK && c->coach_id)
		s = record_name(st, KIND_COACH, c->coach_id, &coach);
	if (s == ST_OK)
		s = stages_load(st, &g);
	if (s == ST_OK) {
		i = c->stage ? stages_find(&g, c->stage) : -1;
		if (i < 0 && c->stage) {
			/* or the criterion's id */
			char *stage_name = NULL;

			if (record_name(st, KIND_CRITERION, c->stage, &stage_name) == ST_OK)
				i = stages_find(&g, stage_name);
			free(stage_name);
		}
		if (i < 0) {
			char *shown_stage = shown(c->stage ? c->stage : "");

			s = status_error(ST_NOT_FOUND, _("no stage '%s' in the rubric"), shown_stage);
			free(shown_stage);
		}
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_stage_get);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$key", g.keys[i]);
		s = query_step(q);
		query_reset(q);
		if (s == ST_ROW) {
			s = ST_DONE; /* validated already: nothing to write */
		} else if (s == ST_DONE) {
			q = store_query(st, &q_coaching_stage_insert);
			query_bind_text(q, "$team", c->team_id);
			query_bind_text(q, "$key", g.keys[i]);
			query_bind_text(q, "$stage", g.names[i]);
			query_bind_text(q, "$coach", c->coach_id);
			query_bind_int(q, "$now", clock_now());
			s = query_exec(q);
		}
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_stage_json);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$key", g.keys[i]);
		s = query_first_text(q, &after);
	}
	if (s == ST_OK) {
		struct audit_entry e = {
		    .action = "validate",
		    .kind = "stage",
		    .record_id = c->team_id,
		    .team_id = c->team_id,
		    .after = after,
		};

		s = audit_record(st, &e);
	}
	if (s == ST_DONE)
		s = ST_OK;
	free(team);
	free(coach);
	free(after);
	stages_clear(&g);
	return s;
}

enum status coaching_validate(struct store *st, const char *coach_id, const char *team_id,
			      const char *stage)
{
	struct validate_ctx c = {coach_id, team_id, stage};

	return store_write(st, validate_txn, &c);
}

/* ---- progress ---- */

static enum status progress_txn(struct store *st, void *ctx)
{
	struct coaching_progress *p = ctx;
	struct stages g = {0};
	struct idmap ix;
	struct query *q;
	size_t cap = 0;
	enum status s = stages_load(st, &g);

	if (s != ST_OK) {
		stages_clear(&g);
		return s;
	}
	p->stages = g.names;
	p->nstages = g.count;
	g.names = NULL;
	q = store_query(st, &q_coaching_teams);
	while ((s = query_step(q)) == ST_ROW) {
		struct coaching_team *t;

		PD_GROW(p->teams, p->nteams, cap);
		t = &p->teams[p->nteams++];
		memset(t, 0, sizeof(*t));
		snprintf(t->team_id, sizeof(t->team_id), "%s", query_text(q, 0));
		t->team = pd_strdup(query_text(q, 1));
		t->validated = pd_calloc(p->nstages + 1, sizeof(bool));
	}
	if (s != ST_DONE) {
		for (size_t i = 0; i < g.count; i++)
			free(g.keys[i]);
		free(g.keys);
		return s;
	}
	IDMAP_BUILD(&ix, p->teams, p->nteams, team_id);
	q = store_query(st, &q_coaching_validated);
	while ((s = query_step(q)) == ST_ROW) {
		long t = idmap_find(&ix, query_text(q, 0));
		long i = stages_find_key(&g, query_text(q, 1));

		if (t >= 0 && i >= 0 && !p->teams[t].validated[i]) {
			p->teams[t].validated[i] = true;
			p->teams[t].done++;
		}
	}
	idmap_clear(&ix);
	for (size_t i = 0; i < g.count; i++)
		free(g.keys[i]);
	free(g.keys);
	return s == ST_DONE ? ST_OK : s;
}

enum status coaching_progress(struct store *st, struct coaching_progress *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, progress_txn, out);
	if (s != ST_OK)
		coaching_progress_clear(out);
	return s;
}

void coaching_progress_clear(struct coaching_progress *p)
{
	for (size_t i = 0; i < p->nstages; i++)
		free(p->stages[i]);
	for (size_t i = 0; i < p->nteams; i++) {
		free(p->teams[i].team);
		free(p->teams[i].validated);
	}
	free(p->stages);
	free(p->teams);
	memset(p, 0, sizeof(*p));
}

enum status coaching_coaches(struct store *st, struct coaching_coach **out, size_t *n)
{
	struct query *q = store_query(st, &q_coaching_coaches);
	size_t cap = 0;
	enum status s;

	*out = NULL;
	*n = 0;
	while ((s = query_step(q)) == ST_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = pd_realloc(*out, cap * sizeof(**out));
		}
		snprintf((*out)[*n].id, sizeof((*out)[*n].id), "%s", query_text(q, 0));
		(*out)[*n].name = pd_strdup(query_text(q, 1));
		(*n)++;
	}
	if (s != ST_DONE) {
		coaching_coaches_free(*out, *n);
		*out = NULL;
		*n = 0;
		return s;
	}
	return ST_OK;
}

void coaching_coaches_free(struct coaching_coach *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

enum status coaching_sessions_json(struct store *st, char **out)
{
	return query_first_text(store_query(st, &q_coaching_sessions_json), out);
}
