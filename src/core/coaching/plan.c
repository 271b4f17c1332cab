#include "config.h"
#include "podium/coaching.h"
#include "coaching_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/i18n.h"
#include "podium/idmap.h"
#include "podium/store.h"

/* The planner: every team meets a coach for each stage it still needs, within skills and windows. */

STMT_DEFINE(q_coaching_skills, "SELECT coach_id, skill_key FROM coach_skill");
enum { SKILL_COACH, SKILL_KEY };
STMT_DEFINE(q_coaching_windows,
	    "SELECT coach_id, starts_at, ends_at FROM coach_window ORDER BY coach_id, starts_at");
enum { WINDOW_COACH, WINDOW_START, WINDOW_END };
STMT_DEFINE(q_coaching_kept,
	    "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE starts_at <= $now OR booked");
enum { KEPT_COACH, KEPT_TEAM, KEPT_STAGE, KEPT_START, KEPT_END };
STMT_DEFINE(q_coaching_clear_future,
	    "DELETE FROM coach_session WHERE starts_at > $now AND NOT booked");
STMT_DEFINE(q_coaching_plan_json,
	    "SELECT json_object('length_min', $length, 'sessions', (SELECT count(*) FROM coach_session),"
	    " 'planned_ahead', (SELECT count(*) FROM coach_session WHERE starts_at > $now))");

struct cslot {
	int64_t start;
	bool used;
};

struct pcoach {
	char id[ID_LEN + 1];
	bool *skill;	     /* per stage */
	struct cslot *slots; /* the session starts the windows hold, in time order */
	size_t nslots, cap, coaching_first_free;
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
	coaching_stages_clear(&p->stages);
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
		snprintf(c->id, sizeof(c->id), "%s", query_text(q, COACH_COL_ID));
		c->skill = pd_calloc(p->stages.count + 1, sizeof(bool));
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&p->coach_ix, p->coaches, p->ncoaches, id);

	q = store_query(st, &q_coaching_skills);
	while ((s = query_step(q)) == ST_ROW) {
		long c = idmap_find(&p->coach_ix, query_text(q, SKILL_COACH));
		long g = coaching_stages_find_key(&p->stages, query_text(q, SKILL_KEY));

		if (c >= 0 && g >= 0)
			p->coaches[c].skill[g] = true;
	}
	if (s != ST_DONE)
		return s;

	/* each window holds sessions back to back from its start, those from now on */
	q = store_query(st, &q_coaching_windows);
	while ((s = query_step(q)) == ST_ROW) {
		long ci = idmap_find(&p->coach_ix, query_text(q, WINDOW_COACH));
		int64_t ws = query_int(q, WINDOW_START), we = query_int(q, WINDOW_END), t = ws;
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
		snprintf(t->id, sizeof(t->id), "%s", query_text(q, TEAM_COL_ID));
		t->name = pd_strdup(query_text(q, TEAM_COL_NAME));
		t->deadline = end;
		t->need = pd_calloc(p->stages.count + 1, sizeof(bool));
		for (size_t g = 0; g < p->stages.count; g++)
			t->need[g] = true;
		if (!query_is_null(q, TEAM_COL_PITCH_START)) {
			t->deadline = query_int(q, TEAM_COL_PITCH_START);
			coaching_spans_add(&t->busy, query_int(q, TEAM_COL_PITCH_START),
					   query_int(q, TEAM_COL_PITCH_END));
		}
	}
	if (s != ST_DONE)
		return s;
	IDMAP_BUILD(&p->team_ix, p->teams, p->nteams, id);

	q = store_query(st, &q_coaching_validated);
	while ((s = query_step(q)) == ST_ROW) {
		long t = idmap_find(&p->team_ix, query_text(q, VALIDATED_TEAM));
		long g = coaching_stages_find_key(&p->stages, query_text(q, VALIDATED_STAGE_KEY));

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
		long c = idmap_find(&p->coach_ix, query_text(q, KEPT_COACH));
		long t = idmap_find(&p->team_ix, query_text(q, KEPT_TEAM));
		int64_t start = query_int(q, KEPT_START), end = query_int(q, KEPT_END);

		p->kept++;
		if (c >= 0)
			coaching_spans_add(&p->coaches[c].busy, start, end);
		if (t >= 0) {
			long g = coaching_stages_find(&p->stages, query_text(q, KEPT_STAGE));

			coaching_spans_add(&p->teams[t].busy, start, end);
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
			    coaching_spans_hit(&c->busy, c->slots[k].start, c->slots[k].start + p->len) != 0;
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

		for (size_t k = c->coaching_first_free; k < c->nslots; k++) {
			int64_t at = c->slots[k].start;

			if (at > best || at + p->len > team->deadline)
				break;
			if (c->slots[k].used || at < from ||
			    coaching_spans_hit(&team->busy, at, at + p->len))
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
	while (c->coaching_first_free < c->nslots && c->slots[c->coaching_first_free].used)
		c->coaching_first_free++;
	coaching_spans_add(&team->busy, c->slots[k].start, c->slots[k].start + p->len);
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
	s = coaching_event_end(st, &end);
	if (s == ST_OK)
		s = coaching_stages_load(st, &p.stages);
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
