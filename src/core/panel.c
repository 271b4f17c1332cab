#include "config.h"
#include "podium/i18n.h"
#include "podium/panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/idmap.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_panel_teams,
	    "SELECT t.id, t.name, s.room_id, s.starts_at, s.starts_at + s.pitch_s + s.qa_s"
	    " FROM team t LEFT JOIN slot s ON s.team_id = t.id ORDER BY t.name");
enum { TEAM_ID, TEAM_NAME, TEAM_ROOM, TEAM_START, TEAM_END };
STMT_DEFINE(q_panel_judges, "SELECT id, name FROM judge ORDER BY name");
enum { JUDGE_ID, JUDGE_NAME };
STMT_DEFINE(q_panel_tracks, "SELECT id FROM track");
enum { TRACK_ID };
/* who holds a track: a judge or a team, then the track */
STMT_DEFINE(q_panel_judge_tracks, "SELECT judge_id, track_id FROM judge_track");
STMT_DEFINE(q_panel_team_tracks, "SELECT team_id, track_id FROM team_track");
enum { HOLDER_ID, HOLDER_TRACK };
/* (judge, team) pairs, for mark_pairs() */
STMT_DEFINE(q_panel_conflicts, "SELECT judge_id, team_id FROM conflict");
STMT_DEFINE(q_panel_assigned, "SELECT judge_id, team_id FROM assignment");
STMT_DEFINE(q_panel_sheets, "SELECT judge_id, team_id FROM sheet");
enum { PAIR_JUDGE, PAIR_TEAM };
STMT_DEFINE(q_panel_clear, "DELETE FROM assignment");
STMT_DEFINE(q_panel_insert, "INSERT INTO assignment(judge_id, team_id) VALUES ($judge, $team)");
STMT_DEFINE(q_panel_summary_json,
	    "SELECT json_object('per_team', $per_team, 'timed', json(iif($timed, 'true', 'false')),"
	    " 'assignments', (SELECT count(*) FROM assignment),"
	    " 'judges', (SELECT count(DISTINCT judge_id) FROM assignment),"
	    " 'teams', (SELECT count(DISTINCT team_id) FROM assignment))");
STMT_DEFINE(q_panel_last_per_team,
	    "SELECT json_extract(after, '$.per_team') FROM audit"
	    " WHERE kind = 'panel' AND json_valid(after) ORDER BY seq DESC LIMIT 1");
STMT_DEFINE(q_panel_is_assigned,
	    "SELECT 1 FROM assignment WHERE judge_id = $judge AND team_id = $team");

/*
 * The panels are computed in memory from one read of the event (teams with
 * their planned slot, judges, conflicts, tracks) and written back in the same
 * transaction. The greedy goes through the pitches in time order; for each
 * team it picks, among the judges the rules allow, first those who already
 * wrote a sheet for it (scoring has begun: keep them), then those who are not
 * kept for another team they wrote a sheet for that pitches at the same time
 * in another room (it comes later in the walk), then those under their share of
 * the load, experts of the team's tracks first, then those whose expertise
 * fewer teams need, then the least loaded, then those already sitting in
 * that room. A last pass moves teams from the most
 * to the least loaded judges where the rules allow, so loads end within one.
 */

enum {
	CELL_CONFLICT = 1,
	CELL_ASSIGNED = 2,
	CELL_EXPERT = 4,
	CELL_SCORED = 8, /* the judge has a sheet for the team already */
};

struct pteam {
	char id[ID_LEN + 1];
	char *name;
	bool timed; /* has a pitch slot */
	char room[ID_LEN + 1];
	int64_t start, end; /* event time: pitch and Q&A */
	size_t free_judges; /* judges without a conflict with the team */
	size_t count;	    /* judges assigned */
};

struct pjudge {
	char id[ID_LEN + 1];
	char *name;
	size_t *teams; /* indices of the teams assigned */
	size_t nteams, cap;
	size_t *by_start; /* the timed ones among them, by pitch start */
	size_t ntimed, timed_cap;
	size_t expert_of; /* teams that share a track with the judge */
	size_t *sheets;	  /* indices of the teams the judge has a sheet for */
	size_t nsheets, sheets_cap;
};

struct model {
	struct pteam *teams;
	size_t nteams;
	struct pjudge *judges;
	size_t njudges;
	unsigned char *cell; /* njudges x nteams, CELL_* bits */
	struct idmap team_ix, judge_ix;
	bool timed; /* some team has a slot */
	int64_t longest; /* the longest pitch: how far back an overlapping one may start */
};

static void model_clear(struct model *m)
{
	for (size_t i = 0; i < m->nteams; i++)
		free(m->teams[i].name);
	for (size_t i = 0; i < m->njudges; i++) {
		free(m->judges[i].name);
		free(m->judges[i].teams);
		free(m->judges[i].by_start);
		free(m->judges[i].sheets);
	}
	free(m->teams);
	free(m->judges);
	free(m->cell);
	idmap_clear(&m->team_ix);
	idmap_clear(&m->judge_ix);
	memset(m, 0, sizeof(*m));
}

static unsigned char *cell(struct model *m, size_t j, size_t t)
{
	return &m->cell[j * m->nteams + t];
}

/* Does team a pitch before team b (start, then index, so that ties have an order)? */
static bool pitches_before(const struct model *m, size_t a, size_t b)
{
	const struct pteam *x = &m->teams[a], *y = &m->teams[b];

	return x->start != y->start ? x->start < y->start : a < b;
}

/* The first of the judge's timed teams that does not pitch before t. */
static size_t pitch_lower_bound(const struct model *m, const struct pjudge *j, size_t t)
{
	size_t lo = 0, hi = j->ntimed;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pitches_before(m, j->by_start[mid], t))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void judge_push(struct model *m, struct pjudge *j, size_t t)
{
	size_t at;

	PD_GROW(j->teams, j->nteams, j->cap);
	j->teams[j->nteams++] = t;
	if (!m->teams[t].timed)
		return;
	at = pitch_lower_bound(m, j, t);
	PD_GROW(j->by_start, j->ntimed, j->timed_cap);
	memmove(&j->by_start[at + 1], &j->by_start[at], (j->ntimed - at) * sizeof(*j->by_start));
	j->by_start[at] = t;
	j->ntimed++;
}

static void judge_drop_pitch(struct model *m, struct pjudge *j, size_t t)
{
	size_t at;

	if (!m->teams[t].timed)
		return;
	at = pitch_lower_bound(m, j, t);
	memmove(&j->by_start[at], &j->by_start[at + 1], (j->ntimed - at - 1) * sizeof(*j->by_start));
	j->ntimed--;
}

static enum status load_teams(struct store *st, struct model *m)
{
	struct query *q = store_query(st, &q_panel_teams);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		struct pteam *t;

		PD_GROW(m->teams, m->nteams, cap);
		t = &m->teams[m->nteams++];
		memset(t, 0, sizeof(*t));
		snprintf(t->id, sizeof(t->id), "%s", query_text(q, TEAM_ID));
		t->name = pd_strdup(query_text(q, TEAM_NAME));
		if (!query_is_null(q, TEAM_ROOM)) {
			t->timed = true;
			snprintf(t->room, sizeof(t->room), "%s", query_text(q, TEAM_ROOM));
			t->start = query_int(q, TEAM_START);
			t->end = query_int(q, TEAM_END);
			m->timed = true;
			if (t->end - t->start > m->longest)
				m->longest = t->end - t->start;
		}
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status load_judges(struct store *st, struct model *m)
{
	struct query *q = store_query(st, &q_panel_judges);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		struct pjudge *j;

		PD_GROW(m->judges, m->njudges, cap);
		j = &m->judges[m->njudges++];
		memset(j, 0, sizeof(*j));
		snprintf(j->id, sizeof(j->id), "%s", query_text(q, JUDGE_ID));
		j->name = pd_strdup(query_text(q, JUDGE_NAME));
	}
	return s == ST_DONE ? ST_OK : s;
}

/* Run a (judge_id, team_id) statement and set bit on each pair's cell. */
static enum status mark_pairs(struct store *st, struct model *m, struct stmt *id, unsigned char bit)
{
	struct query *q = store_query(st, id);
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		long j = idmap_find(&m->judge_ix, query_text(q, PAIR_JUDGE));
		long t = idmap_find(&m->team_ix, query_text(q, PAIR_TEAM));

		if (j < 0 || t < 0)
			continue;
		if (bit == CELL_ASSIGNED && !(*cell(m, (size_t)j, (size_t)t) & CELL_ASSIGNED)) {
			judge_push(m, &m->judges[j], (size_t)t);
			m->teams[t].count++;
		}
		if (bit == CELL_SCORED && !(*cell(m, (size_t)j, (size_t)t) & CELL_SCORED)) {
			struct pjudge *jd = &m->judges[j];

			PD_GROW(jd->sheets, jd->nsheets, jd->sheets_cap);
			jd->sheets[jd->nsheets++] = (size_t)t;
		}
		*cell(m, (size_t)j, (size_t)t) |= bit;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* A track and the judges who hold it. */
struct ptrack {
	char id[ID_LEN + 1];
	size_t *judges;
	size_t count, cap;
};

/* Mark the cells where judge and team share a track. */
static enum status mark_experts(struct store *st, struct model *m)
{
	struct query *q = store_query(st, &q_panel_tracks);
	struct ptrack *tracks = NULL;
	struct idmap ix = { 0 };
	size_t n = 0, cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(tracks, n, cap);
		memset(&tracks[n], 0, sizeof(tracks[n]));
		snprintf(tracks[n].id, sizeof(tracks[n].id), "%s", query_text(q, TRACK_ID));
		n++;
	}
	if (s == ST_DONE) {
		IDMAP_BUILD(&ix, tracks, n, id);
		q = store_query(st, &q_panel_judge_tracks);
		while ((s = query_step(q)) == ST_ROW) {
			long j = idmap_find(&m->judge_ix, query_text(q, HOLDER_ID));
			long k = idmap_find(&ix, query_text(q, HOLDER_TRACK));
			struct ptrack *tr;

			if (j < 0 || k < 0)
				continue;
			tr = &tracks[k];
			PD_GROW(tr->judges, tr->count, tr->cap);
			tr->judges[tr->count++] = (size_t)j;
		}
	}
	if (s == ST_DONE) {
		q = store_query(st, &q_panel_team_tracks);
		while ((s = query_step(q)) == ST_ROW) {
			long t = idmap_find(&m->team_ix, query_text(q, HOLDER_ID));
			long k = idmap_find(&ix, query_text(q, HOLDER_TRACK));

			if (t < 0 || k < 0)
				continue;
			for (size_t i = 0; i < tracks[k].count; i++)
				*cell(m, tracks[k].judges[i], (size_t)t) |= CELL_EXPERT;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(tracks[i].judges);
	free(tracks);
	idmap_clear(&ix);
	return s == ST_DONE ? ST_OK : s;
}

/* Read the event into m; with_assignments also reads the current panels. */
static enum status model_load(struct store *st, struct model *m, bool with_assignments)
{
	enum status s;

	memset(m, 0, sizeof(*m));
	if ((s = load_teams(st, m)) != ST_OK || (s = load_judges(st, m)) != ST_OK)
		return s;
	IDMAP_BUILD(&m->team_ix, m->teams, m->nteams, id);
	IDMAP_BUILD(&m->judge_ix, m->judges, m->njudges, id);
	m->cell = pd_calloc(m->njudges * m->nteams + 1, 1);
	if ((s = mark_pairs(st, m, &q_panel_conflicts, CELL_CONFLICT)) != ST_OK)
		return s;
	if ((s = mark_experts(st, m)) != ST_OK)
		return s;
	if ((s = mark_pairs(st, m, &q_panel_sheets, CELL_SCORED)) != ST_OK)
		return s;
	if (with_assignments)
		s = mark_pairs(st, m, &q_panel_assigned, CELL_ASSIGNED);
	for (size_t t = 0; t < m->nteams; t++) {
		for (size_t j = 0; j < m->njudges; j++) {
			m->teams[t].free_judges += !(*cell(m, j, t) & CELL_CONFLICT);
			m->judges[j].expert_of += (*cell(m, j, t) & CELL_EXPERT) != 0;
		}
	}
	return s;
}

/* Two pitches at overlapping times in different rooms: one judge cannot see both. */
static bool apart(const struct pteam *a, const struct pteam *b)
{
	return a->timed && b->timed && a->start < b->end && b->start < a->end &&
	       strcmp(a->room, b->room) != 0;
}

/* The first of the judge's pitches that may still run at when: the earlier ones began too soon. */
static size_t first_running_at(const struct model *m, const struct pjudge *j, int64_t when)
{
	size_t lo = 0, hi = j->ntimed;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->teams[j->by_start[mid]].start <= when - m->longest)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A lookup in the judge's pitches by start: any that overlaps t begins after t less the longest. */
static bool clashes(const struct model *m, const struct pjudge *j, size_t t)
{
	const struct pteam *team = &m->teams[t];

	if (!team->timed)
		return false;
	for (size_t i = first_running_at(m, j, team->start);
	     i < j->ntimed && m->teams[j->by_start[i]].start < team->end; i++)
		if (apart(&m->teams[j->by_start[i]], team))
			return true;
	return false;
}

/* May judge j sit on team t's panel? */
static bool allowed(struct model *m, size_t j, size_t t)
{
	return !(*cell(m, j, t) & (CELL_CONFLICT | CELL_ASSIGNED)) && !clashes(m, &m->judges[j], t);
}

/* Pairs of the judge's pitches that clash: by start, each meets those that begin before it ends. */
static size_t judge_clashes(const struct model *m, const struct pjudge *j)
{
	size_t n = 0;

	for (size_t a = 0; a < j->ntimed; a++) {
		const struct pteam *first = &m->teams[j->by_start[a]];

		for (size_t b = a + 1; b < j->ntimed; b++) {
			const struct pteam *next = &m->teams[j->by_start[b]];

			if (next->start >= first->end)
				break;
			n += apart(first, next);
		}
	}
	return n;
}

static char *shown(const char *name)
{
	return text_fit(name, 60, NULL);
}

/* ---- the checks that refuse an impossible request ---- */

struct edge {
	int64_t at;
	int delta;
};

static int edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->delta - y->delta; /* a pitch that ends frees its judges before the next begins */
}

/* The most pitches that run at once, and when that first happens. */
static size_t most_at_once(const struct model *m, int64_t *when)
{
	struct edge *e = pd_calloc(2 * m->nteams + 1, sizeof(*e));
	size_t n = 0, cur = 0, best = 0;

	for (size_t i = 0; i < m->nteams; i++) {
		if (!m->teams[i].timed)
			continue;
		e[n++] = (struct edge){m->teams[i].start, 1};
		e[n++] = (struct edge){m->teams[i].end, -1};
	}
	qsort(e, n, sizeof(*e), edge_cmp);
	for (size_t i = 0; i < n; i++) {
		cur = e[i].delta > 0 ? cur + 1 : cur - 1;
		if (cur > best) {
			best = cur;
			*when = e[i].at;
		}
	}
	free(e);
	return best;
}

static enum status check_possible(struct model *m, size_t k)
{
	size_t nj = m->njudges, worst = 0;
	int64_t when = 0;
	size_t rooms;

	if (m->nteams == 0)
		return status_error(ST_INVALID, _("there are no teams to judge yet: import them with "
						"'podium import teams FILE'"));
	if (nj == 0)
		return status_error(ST_INVALID, _("there are no judges yet: import them with "
						"'podium import judges FILE'"));
	if (nj < k)
		return status_error(ST_INVALID,
				    P_("%zu judges per team needs at least %zu judges and there is only %zu: import %zu more"
				       " or use --per-team %zu",
				       "%zu judges per team needs at least %zu judges and there are only %zu: import %zu more"
				       " or use --per-team %zu",
				       nj),
				    k, k, nj, k - nj, nj);
	for (size_t t = 1; t < m->nteams; t++)
		if (m->teams[t].free_judges < m->teams[worst].free_judges)
			worst = t;
	if (m->teams[worst].free_judges < k) {
		size_t f = m->teams[worst].free_judges;
		char *name = shown(m->teams[worst].name);
		enum status s;

		if (f == 0)
			s = status_error(ST_INVALID,
					 _("every judge has a conflict of interest with '%s': "
					 "add judges who can judge it"),
					 name);
		else
			s = status_error(
			    ST_INVALID,
			    P_("only %zu judge can judge '%s' without a conflict of interest and %zu are needed:"
			       " add judges or use --per-team %zu",
			       "only %zu judges can judge '%s' without a conflict of interest and %zu are needed:"
			       " add judges or use --per-team %zu",
			       f),
			    f, name, k, f);
		free(name);
		return s;
	}
	rooms = most_at_once(m, &when);
	if (rooms * k > nj) {
		char at[17];

		clock_format(when, at);
		if (nj / rooms >= 1)
			return status_error(
			    ST_INVALID,
			    P_("%zu rooms pitch at once at %s and need %zu judges (%zu each), but there are %zu:"
			       " add %zu more judge, use --per-team %zu, or pitch in fewer rooms at once",
			       "%zu rooms pitch at once at %s and need %zu judges (%zu each), but there are %zu:"
			       " add %zu more judges, use --per-team %zu, or pitch in fewer rooms at once",
			       rooms * k - nj),
			    rooms, at, rooms * k, k, nj, rooms * k - nj, nj / rooms);
		return status_error(
		    ST_INVALID,
		    P_("%zu rooms pitch at once at %s and need %zu judges (%zu each), but there are %zu:"
		       " add %zu more judge or pitch in fewer rooms at once",
		       "%zu rooms pitch at once at %s and need %zu judges (%zu each), but there are %zu:"
		       " add %zu more judges or pitch in fewer rooms at once",
		       rooms * k - nj),
		    rooms, at, rooms * k, k, nj, rooms * k - nj);
	}
	return ST_OK;
}

/* ---- the greedy ---- */

struct order {
	bool untimed;
	int64_t start;
	size_t free_judges;
	size_t at;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->untimed != y->untimed)
		return x->untimed ? 1 : -1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->free_judges != y->free_judges)
		return x->free_judges < y->free_judges ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The share of the load: lo each, and extra judges one more. */
struct share {
	size_t lo, extra, at_hi;
};

static bool under_share(const struct share *sh, size_t load)
{
	return load < sh->lo || (load == sh->lo && sh->at_hi < sh->extra);
}

struct pick_key {
	int fresh;     /* has no sheet for the team yet */
	int kept;      /* kept for a team they have a sheet for, pitching then in another room */
	int over;      /* past their share */
	int layman;    /* shares no track with the team */
	size_t scarce; /* teams the judge is an expert for: keep them for those */
	size_t load;
	int elsewhere; /* their last team pitched in another room */
	size_t spread; /* turns the ties round the judges */
};

static int key_cmp(const struct pick_key *a, const struct pick_key *b)
{
	if (a->fresh != b->fresh)
		return a->fresh - b->fresh;
	if (a->kept != b->kept)
		return a->kept - b->kept;
	if (a->over != b->over)
		return a->over - b->over;
	if (a->layman != b->layman)
		return a->layman - b->layman;
	if (a->scarce != b->scarce)
		return a->scarce < b->scarce ? -1 : 1;
	if (a->load != b->load)
		return a->load < b->load ? -1 : 1;
	if (a->elsewhere != b->elsewhere)
		return a->elsewhere - b->elsewhere;
	return a->spread < b->spread ? -1 : a->spread > b->spread;
}

static void assign(struct model *m, size_t j, size_t t)
{
	judge_push(m, &m->judges[j], t);
	*cell(m, j, t) |= CELL_ASSIGNED;
	m->teams[t].count++;
}

static void unassign(struct model *m, size_t j, size_t i)
{
	struct pjudge *jd = &m->judges[j];
	size_t t = jd->teams[i];

	memmove(&jd->teams[i], &jd->teams[i + 1], (jd->nteams - i - 1) * sizeof(*jd->teams));
	jd->nteams--;
	judge_drop_pitch(m, jd, t);
	*cell(m, j, t) &= (unsigned char)~CELL_ASSIGNED;
	m->teams[t].count--;
}

/*
 * Is judge j kept for another team they have a sheet for, whose panel still
 * needs judges and which pitches at the same time as t in another room? Taking
 * j for t would keep them off that team's panel.
 */
static bool kept_elsewhere(struct model *m, size_t j, size_t t, size_t k)
{
	const struct pjudge *jd = &m->judges[j];

	for (size_t i = 0; i < jd->nsheets; i++) {
		size_t u = jd->sheets[i];

		if (u != t && m->teams[u].count < k && !(*cell(m, j, u) & CELL_ASSIGNED) &&
		    apart(&m->teams[u], &m->teams[t]))
			return true;
	}
	return false;
}

static enum status panel_for(struct model *m, size_t t, size_t k, struct share *sh, size_t *cand)
{
	const struct pteam *team = &m->teams[t];
	size_t n = 0;

	for (size_t j = 0; j < m->njudges; j++)
		if (allowed(m, j, t))
			cand[n++] = j;
	if (n < k) {
		char at[17], *name = shown(team->name);
		enum status s;

		clock_format(team->start, at);
		s = status_error(
		    ST_INVALID,
		    _("no panel of %zu fits '%s' at %s: only %zu of its judges free "
		    "of conflicts are not in another room then; add judges or use --per-team %zu"),
		    k, name, at, n, n ? n : 1);
		free(name);
		return s;
	}
	for (size_t need = 0; need < k; need++) {
		struct pick_key best = {0}, key;
		size_t bi = n;

		for (size_t i = 0; i < n; i++) {
			const struct pjudge *jd = &m->judges[cand[i]];

			if (*cell(m, cand[i], t) & CELL_ASSIGNED)
				continue;
			key.fresh = !(*cell(m, cand[i], t) & CELL_SCORED);
			key.kept = kept_elsewhere(m, cand[i], t, k);
			key.over = !under_share(sh, jd->nteams);
			key.layman = !(*cell(m, cand[i], t) & CELL_EXPERT);
			key.scarce = jd->expert_of;
			key.load = jd->nteams;
			key.elsewhere =
			    team->timed && jd->nteams &&
			    strcmp(m->teams[jd->teams[jd->nteams - 1]].room, team->room) != 0;
			key.spread = (cand[i] + m->njudges - t % m->njudges) % m->njudges;
			if (bi == n || key_cmp(&key, &best) < 0) {
				best = key;
				bi = i;
			}
		}
		if (m->judges[cand[bi]].nteams == sh->lo && sh->extra)
			sh->at_hi++;
		assign(m, cand[bi], t);
	}
	return ST_OK;
}

/* Move teams from the most to the least loaded judges while the rules allow. */
static void rebalance(struct model *m)
{
	for (size_t rounds = 0; rounds < 4 * m->nteams + 16; rounds++) {
		size_t lo = (size_t)-1, hi = 0;
		bool moved = false;

		for (size_t j = 0; j < m->njudges; j++) {
			if (m->judges[j].nteams < lo)
				lo = m->judges[j].nteams;
			if (m->judges[j].nteams > hi)
				hi = m->judges[j].nteams;
		}
		if (hi <= lo + 1)
			return;
		for (size_t a = 0; a < m->njudges && !moved; a++) {
			if (m->judges[a].nteams < lo + 2)
				continue;
			for (size_t b = 0; b < m->njudges && !moved; b++) {
				if (m->judges[b].nteams != lo)
					continue;
				for (size_t i = 0; i < m->judges[a].nteams && !moved; i++) {
					size_t t = m->judges[a].teams[i];

					if (!(*cell(m, a, t) & CELL_SCORED) && allowed(m, b, t)) {
						unassign(m, a, i);
						assign(m, b, t);
						moved = true;
					}
				}
			}
		}
		if (!moved)
			return;
	}
}

static enum status assign_all(struct model *m, size_t k)
{
	struct order *ord = pd_calloc(m->nteams + 1, sizeof(*ord));
	size_t *cand = pd_calloc(m->njudges + 1, sizeof(*cand));
	size_t total = m->nteams * k;
	struct share sh = {total / m->njudges, total % m->njudges, 0};
	enum status s = ST_OK;

	for (size_t i = 0; i < m->nteams; i++)
		ord[i] = (struct order){!m->teams[i].timed, m->teams[i].start,
					m->teams[i].free_judges, i};
	qsort(ord, m->nteams, sizeof(*ord), order_cmp);
	for (size_t i = 0; i < m->nteams && s == ST_OK; i++)
		s = panel_for(m, ord[i].at, k, &sh, cand);
	if (s == ST_OK)
		rebalance(m);
	free(ord);
	free(cand);
	return s;
}

/* ---- the transaction ---- */

struct assign_ctx {
	size_t per_team;
	struct panel_result result;
};

static enum status summary_json(struct store *st, const char *per_team, bool timed, char **out)
{
	struct query *q = store_query(st, &q_panel_summary_json);

	if (per_team)
		query_bind_int(q, "$per_team", strtoll(per_team, NULL, 10));
	else
		query_bind_null(q, "$per_team");
	query_bind_int(q, "$timed", timed);
	return query_first_text(q, out);
}

static enum status last_per_team(struct store *st, char **out)
{
	enum status s = query_first_text(store_query(st, &q_panel_last_per_team), out);

	if (s == ST_NOT_FOUND) {
		*out = NULL;
		return ST_OK;
	}
	return s;
}

static enum status write_panels(struct store *st, struct model *m)
{
	enum status s = query_exec(store_query(st, &q_panel_clear));

	for (size_t j = 0; s == ST_OK && j < m->njudges; j++) {
		for (size_t i = 0; s == ST_OK && i < m->judges[j].nteams; i++) {
			struct query *q = store_query(st, &q_panel_insert);

			query_bind_text(q, "$judge", m->judges[j].id);
			query_bind_text(q, "$team", m->teams[m->judges[j].teams[i]].id);
			s = query_exec(q);
		}
	}
	return s;
}

static void fill_result(const struct model *m, struct panel_result *r)
{
	memset(r, 0, sizeof(*r));
	r->teams = m->nteams;
	r->judges = m->njudges;
	r->timed = m->timed;
	r->min_load = m->njudges ? (size_t)-1 : 0;
	for (size_t t = 0; t < m->nteams; t++)
		r->untimed += m->timed && !m->teams[t].timed;
	for (size_t j = 0; j < m->njudges; j++) {
		const struct pjudge *jd = &m->judges[j];

		r->assignments += jd->nteams;
		if (jd->nteams < r->min_load)
			r->min_load = jd->nteams;
		if (jd->nteams > r->max_load)
			r->max_load = jd->nteams;
		for (size_t i = 0; i < jd->nteams; i++)
			r->experts += (m->cell[j * m->nteams + jd->teams[i]] & CELL_EXPERT) != 0;
	}
}

static enum status assign_txn(struct store *st, void *ctx)
{
	struct assign_ctx *c = ctx;
	char *before = NULL, *after = NULL, *last = NULL, k[24];
	struct model m;
	enum status s = model_load(st, &m, false);

	if (s == ST_OK)
		s = check_possible(&m, c->per_team);
	if (s == ST_OK)
		s = assign_all(&m, c->per_team);
	if (s == ST_OK)
		s = last_per_team(st, &last);
	if (s == ST_OK)
		s = summary_json(st, last, false, &before);
	if (s == ST_OK)
		s = write_panels(st, &m);
	snprintf(k, sizeof(k), "%zu", c->per_team);
	if (s == ST_OK)
		s = summary_json(st, k, m.timed, &after);
	if (s == ST_OK) {
		struct audit_entry e = {
		    .action = "assign", .kind = "panel", .before = before, .after = after};

		s = audit_record(st, &e);
	}
	if (s == ST_OK)
		fill_result(&m, &c->result);
	free(before);
	free(after);
	free(last);
	model_clear(&m);
	return s;
}

enum status panel_assign(struct store *st, int per_team, struct panel_result *out)
{
	struct assign_ctx c = {0};
	enum status s;

	if (per_team < 1 || per_team > PANEL_MAX_PER_TEAM)
		return status_error(ST_INVALID, _("judges per team must be from 1 to %d, not %d"),
				    PANEL_MAX_PER_TEAM, per_team);
	c.per_team = (size_t)per_team;
	s = store_write(st, assign_txn, &c);
	if (s == ST_OK && out)
		*out = c.result;
	return s;
}

/* ---- coverage ---- */

struct coverage_ctx {
	int per_team;
	struct panel_coverage *out;
};

static void count_into(struct panel_count *c, const char *id, const char *name, size_t count)
{
	snprintf(c->id, sizeof(c->id), "%s", id);
	c->name = pd_strdup(name);
	c->count = count;
}

static enum status coverage_txn(struct store *st, void *ctx)
{
	struct coverage_ctx *c = ctx;
	struct panel_coverage *o = c->out;
	struct model m;
	enum status s;

	panel_coverage_clear(o);
	o->per_team = c->per_team;
	if (o->per_team <= 0) {
		char *last = NULL;

		s = last_per_team(st, &last);
		if (s != ST_OK)
			return s;
		o->per_team = last ? atoi(last) : 0;
		free(last);
	}
	s = model_load(st, &m, true);
	if (s != ST_OK) {
		model_clear(&m);
		return s;
	}
	o->teams = m.nteams;
	o->judges = m.njudges;
	o->loads = pd_calloc(m.njudges + 1, sizeof(*o->loads));
	o->short_teams = pd_calloc(m.nteams + 1, sizeof(*o->short_teams));
	o->min_load = m.njudges ? (size_t)-1 : 0;
	for (size_t j = 0; j < m.njudges; j++) {
		const struct pjudge *jd = &m.judges[j];

		count_into(&o->loads[o->nloads++], jd->id, jd->name, jd->nteams);
		o->assignments += jd->nteams;
		if (jd->nteams < o->min_load)
			o->min_load = jd->nteams;
		if (jd->nteams > o->max_load)
			o->max_load = jd->nteams;
		for (size_t a = 0; a < jd->nteams; a++)
			o->conflicted += (*cell(&m, j, jd->teams[a]) & CELL_CONFLICT) != 0;
		o->clashes += judge_clashes(&m, jd);
	}
	for (size_t t = 0; t < m.nteams; t++)
		if (o->per_team > 0 && m.teams[t].count < (size_t)o->per_team)
			count_into(&o->short_teams[o->nshort++], m.teams[t].id, m.teams[t].name,
				   m.teams[t].count);
	model_clear(&m);
	return ST_OK;
}

enum status panel_coverage(struct store *st, int per_team, struct panel_coverage *out)
{
	struct coverage_ctx c = {per_team, out};
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, coverage_txn, &c);
	if (s != ST_OK)
		panel_coverage_clear(out);
	return s;
}

void panel_coverage_clear(struct panel_coverage *c)
{
	for (size_t i = 0; i < c->nloads; i++)
		free(c->loads[i].name);
	for (size_t i = 0; i < c->nshort; i++)
		free(c->short_teams[i].name);
	free(c->loads);
	free(c->short_teams);
	memset(c, 0, sizeof(*c));
}

bool panel_has(struct store *st, const char *judge, const char *team)
{
	struct query *q = store_query(st, &q_panel_is_assigned);
	bool hit;

	query_bind_text(q, "$judge", judge);
	query_bind_text(q, "$team", team);
	hit = query_step(q) == ST_ROW;
	query_reset(q);
	return hit;
}
