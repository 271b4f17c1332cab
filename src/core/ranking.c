#include "config.h"
#include "podium/ranking.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/store.h"

/* the count of conflicts is computed once per statement: without any, no probe per sheet */
#define STMT_RANKING_COUNTED \
	"s.status = 'submitted' AND s.total IS NOT NULL AND ((SELECT count(*) FROM conflict) = 0" \
	" OR NOT EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = s.judge_id AND c.team_id = s.team_id))"

STMT_DEFINE(q_ranking_policy, "SELECT rank_method, min_judges, tie_break FROM event");
enum { POLICY_METHOD, POLICY_MIN_JUDGES, POLICY_TIE_BREAK };
STMT_DEFINE(q_ranking_teams, "SELECT id, name, calibration FROM team");
enum { TEAM_ID, TEAM_NAME, TEAM_CALIBRATION };
STMT_DEFINE(q_ranking_tracks, "SELECT id, name FROM track ORDER BY name");
enum { TRACK_ID, TRACK_NAME };
STMT_DEFINE(q_ranking_team_tracks, "SELECT team_id, track_id FROM team_track");
enum { LINK_TEAM, LINK_TRACK };
STMT_DEFINE(q_ranking_sheets,
	    "SELECT s.rowid, s.team_id, s.judge_id, s.total FROM sheet s WHERE " STMT_RANKING_COUNTED
	    " ORDER BY s.rowid");
enum { SHEET_ROWID, SHEET_TEAM, SHEET_JUDGE, SHEET_TOTAL };
STMT_DEFINE(q_ranking_criterion_scale,
	    "SELECT min_value, max_value FROM criterion WHERE id = $criterion");
enum { SCALE_MIN, SCALE_MAX };
STMT_DEFINE(q_ranking_criterion_values,
	    "SELECT s.rowid, v.value FROM sheet s JOIN sheet_value v ON v.sheet_id = s.id"
	    " AND v.criterion_id = $criterion WHERE " STMT_RANKING_COUNTED " ORDER BY s.rowid");
enum { VALUE_SHEET_ROWID, VALUE_VALUE };
STMT_DEFINE(q_ranking_row_json,
	    "SELECT json_object('rank', $rank, 'team', $team, 'team_id', $team_id, 'score', $score,"
	    " 'judges', $judges, 'tied', json(iif($tied, 'true', 'false')), 'status', $status)");
STMT_DEFINE(q_ranking_row_json_normalized,
	    "SELECT json_object('rank', $rank, 'team', $team, 'team_id', $team_id, 'score', $score,"
	    " 'judges', $judges, 'tied', json(iif($tied, 'true', 'false')), 'status', $status,"
	    " 'raw_rank', $raw_rank, 'raw_score', $raw_score)");

/* Copy an id of at most ID_LEN bytes (longer ones are cut). */
static void copy_id(char dst[ID_LEN + 1], const char *src)
{
	size_t n = strnlen(src, ID_LEN);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- the maths ---- */

/*
 * What the sorts move: small, with the name order precomputed so they never
 * compare strings. value[0] is the score being ranked by, value[1..] the
 * tie-break keys in the policy's order.
 */
struct rank_key {
	double value[1 + RANKING_MAX_TIE_KEYS];
	double raw, normalized;
	int judges;
	enum rank_status status;
	int rank, raw_rank;
	bool tied;
	size_t name_order;	/* position of the team in byte order of names (then ids) */
	size_t team;		/* index into the teams */
};

/* Team indices by name, then id (qsort_r with the teams as context). */
static int by_team_name(const void *pa, const void *pb, void *ctx)
{
	const struct rank_team *teams = ctx;
	const struct rank_team *a = &teams[*(const size_t *)pa], *b = &teams[*(const size_t *)pb];
	int c = strcmp(a->name ? a->name : "", b->name ? b->name : "");

	return c ? c : strcmp(a->id ? a->id : "", b->id ? b->id : "");
}

static int by_name(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	return a->name_order < b->name_order ? -1 : a->name_order > b->name_order;
}

/* Ranked teams first, then pending, then unscored; within ranked, nothing more (the values sort them). */
static int by_status_then_name(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	return by_name(pa, pb);
}

/* Pending teams: higher score first, then name. */
static int by_value0(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	if (a->value[0] != b->value[0])
		return a->value[0] > b->value[0] ? -1 : 1;
	return by_name(pa, pb);
}

/* Higher value[*level] first, then name (qsort_r with the level as context). */
static int by_level_value(const void *pa, const void *pb, void *level)
{
	const struct rank_key *a = pa, *b = pb;
	double x = a->value[*(size_t *)level], y = b->value[*(size_t *)level];

	if (x != y)
		return x > y ? -1 : 1;
	return by_name(pa, pb);
}

/*
 * Rank keys[0..n) that agree on every value before level, starting at rank
 * first: sort by value[level], higher first; a group starts at its highest
 * value (the anchor) and holds every value less than RANKING_TIE_EPSILON
 * below the anchor (the anchor, not the neighbour, so a long chain of
 * near-equal values never merges teams that are clearly apart); each group is
 * split again by the next level. What is left after the last level shares a
 * rank, in name order.
 */
static void rank_level(struct rank_key *keys, size_t n, size_t level, size_t levels, int first, bool raw)
{
	size_t i = 0;

	if (level == levels) {
		qsort(keys, n, sizeof(*keys), by_name);
		for (size_t k = 0; k < n; k++) {
			*(raw ? &keys[k].raw_rank : &keys[k].rank) = first;
			if (!raw)
				keys[k].tied = n > 1;
		}
		return;
	}
	qsort_r(keys, n, sizeof(*keys), by_level_value, &level);
	while (i < n) {
		double anchor = keys[i].value[level];
		size_t j = i + 1;

		while (j < n && anchor - keys[j].value[level] < RANKING_TIE_EPSILON)
			j++;
		rank_level(keys + i, j - i, level + 1, levels, first + (int)i, raw);
		i = j;
	}
}

/* Per judge: the count, mean and population variance of their totals. */
struct judge_stats {
	size_t n;
	double mean;
	double var;
};

/* Two passes (mean, then squared deviations): exact for a judge whose totals are all equal. */
static struct judge_stats *judge_statistics(const struct rank_input *in, double *all_mean, double *all_var)
{
	struct judge_stats *js = pd_calloc(in->njudges ? in->njudges : 1, sizeof(*js));
	double sum = 0, dev = 0;
	size_t count = 0;

	for (size_t i = 0; i < in->nsheets; i++) {
		const struct rank_sheet *sh = &in->sheets[i];

		if (sh->team >= in->nteams || sh->judge >= in->njudges)
			continue;
		js[sh->judge].n++;
		js[sh->judge].mean += sh->total;
		sum += sh->total;
		count++;
	}
	*all_mean = count ? sum / (double)count : 0;
	for (size_t j = 0; j < in->njudges; j++)
		if (js[j].n)
			js[j].mean /= (double)js[j].n;
	for (size_t i = 0; i < in->nsheets; i++) {
		const struct rank_sheet *sh = &in->sheets[i];
		double d;

		if (sh->team >= in->nteams || sh->judge >= in->njudges)
			continue;
		d = sh->total - js[sh->judge].mean;
		js[sh->judge].var += d * d;
		d = sh->total - *all_mean;
		dev += d * d;
	}
	*all_var = count ? dev / (double)count : 0;
	for (size_t j = 0; j < in->njudges; j++)
		if (js[j].n)
			js[j].var /= (double)js[j].n;
	return js;
}

void ranking_sheet_z(const struct rank_input *in, double *z)
{
	double mean, var;
	struct judge_stats *js = judge_statistics(in, &mean, &var);

	for (size_t i = 0; i < in->nsheets; i++) {
		const struct rank_sheet *sh = &in->sheets[i];
		const struct judge_stats *j;
		double n, mu, sigma;

		z[i] = 0;
		if (sh->team >= in->nteams || sh->judge >= in->njudges)
			continue;
		j = &js[sh->judge];
		n = (double)j->n;
		mu = (n * j->mean + RANKING_SHRINK_K * mean) / (n + RANKING_SHRINK_K);
		sigma = sqrt((n * j->var + RANKING_SHRINK_K * var) / (n + RANKING_SHRINK_K));
		if (sigma >= RANKING_SD_EPSILON)
			z[i] = (sh->total - mu) / sigma;
	}
	free(js);
}

/* Per team sums over its counted sheets: totals, z-scores, criterion fractions. */
struct team_sums {
	double raw, z;
	double criterion[RANKING_MAX_TIE_KEYS];
	int count;
};

static struct team_sums *team_sums(const struct rank_input *in, const struct results_policy *p)
{
	struct team_sums *sums = pd_calloc(in->nteams ? in->nteams : 1, sizeof(*sums));
	double *z = pd_calloc(in->nsheets ? in->nsheets : 1, sizeof(*z));

	ranking_sheet_z(in, z);
	for (size_t i = 0; i < in->nsheets; i++) {
		const struct rank_sheet *sh = &in->sheets[i];
		struct team_sums *t;

		if (sh->team >= in->nteams || sh->judge >= in->njudges)
			continue;
		t = &sums[sh->team];
		t->raw += sh->total;
		t->z += z[i];
		t->count++;
		for (size_t k = 0; in->criteria && k < p->ntie; k++)
			if (p->tie[k].kind == TIE_CRITERION)
				t->criterion[k] += in->criteria[i * p->ntie + k];
	}
	free(z);
	return sums;
}

/* The value of tie key k for a team. */
static double tie_value(const struct results_policy *p, size_t k, const struct team_sums *t, double raw,
			double normalized)
{
	switch (p->tie[k].kind) {
	case TIE_RAW:
		return raw;
	case TIE_NORMALIZED:
		return normalized;
	case TIE_JUDGES:
		return t->count;
	case TIE_CRITERION:
		return t->count ? t->criterion[k] / t->count : 0;
	}
	return 0;
}

/* The keys of the shown teams, in name order. */
static struct rank_key *make_keys(const struct rank_input *in, const struct results_policy *p, size_t *nkeys)
{
	struct team_sums *sums = team_sums(in, p);
	size_t shown = 0, r = 0, *order;
	struct rank_key *keys;

	for (size_t t = 0; t < in->nteams; t++)
		shown += in->teams[t].shown;
	keys = pd_calloc(shown ? shown : 1, sizeof(*keys));
	order = pd_calloc(shown ? shown : 1, sizeof(*order));
	for (size_t t = 0; t < in->nteams; t++)
		if (in->teams[t].shown)
			order[r++] = t;
	qsort_r(order, shown, sizeof(*order), by_team_name, (void *)in->teams);
	for (size_t i = 0; i < shown; i++) {
		const struct team_sums *t = &sums[order[i]];
		struct rank_key *k = &keys[i];

		k->team = order[i];
		k->name_order = i;
		k->judges = t->count;
		k->raw = t->count ? t->raw / t->count : 0;
		k->normalized = t->count ? t->z / t->count : 0;
		k->status = !t->count ? RANK_UNSCORED : t->count < p->min_judges ? RANK_PENDING : RANK_RANKED;
		for (size_t j = 0; j < p->ntie; j++)
			k->value[1 + j] = tie_value(p, j, t, k->raw, k->normalized);
	}
	free(order);
	free(sums);
	*nkeys = shown;
	return keys;
}

/* Rank the ranked keys (the first n) by raw or by the policy's method, with the tie-break chain. */
static void rank_by(struct rank_key *keys, size_t n, const struct results_policy *p, bool raw)
{
	for (size_t i = 0; i < n; i++)
		keys[i].value[0] = raw || p->method == RANK_RAW ? keys[i].raw : keys[i].normalized;
	rank_level(keys, n, 0, 1 + p->ntie, 1, raw);
}

void ranking_from_sheets(const struct rank_input *in, const struct results_policy *p, struct ranking *out)
{
	size_t n, ranked = 0, pending = 0;
	struct rank_key *keys = make_keys(in, p, &n);

	qsort(keys, n, sizeof(*keys), by_status_then_name);
	while (ranked < n && keys[ranked].status == RANK_RANKED)
		ranked++;
	while (ranked + pending < n && keys[ranked + pending].status == RANK_PENDING)
		pending++;
	rank_by(keys, ranked, p, true);
	rank_by(keys, ranked, p, false);	/* last: it leaves the keys in the official order */
	for (size_t i = ranked; i < ranked + pending; i++)
		keys[i].value[0] = p->method == RANK_RAW ? keys[i].raw : keys[i].normalized;
	qsort(keys + ranked, pending, sizeof(*keys), by_value0);

	out->count = n;
	out->method = p->method;
	out->ranked = ranked;
	out->pending = pending;
	out->rows = pd_calloc(n ? n : 1, sizeof(*out->rows));
	for (size_t i = 0; i < n; i++) {
		const struct rank_team *team = &in->teams[keys[i].team];
		const struct rank_key *k = &keys[i];
		struct rank_row *row = &out->rows[i];

		copy_id(row->team_id, team->id ? team->id : "");
		row->team = pd_strdup(team->name ? team->name : "");
		row->status = k->status;
		row->rank = k->status == RANK_RANKED ? k->rank : 0;
		row->raw_rank = k->status == RANK_RANKED ? k->raw_rank : 0;
		row->tied = k->status == RANK_RANKED && k->tied;
		row->score = p->method == RANK_RAW ? k->raw : k->normalized;
		row->raw_score = k->raw;
		row->judges = k->judges;
	}
	free(keys);
}

void ranking_clear(struct ranking *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->rows[i].team);
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

/* ---- reading ---- */

/*
 * Ids to indices: an open-addressing hash table of UUID texts, sized to a
 * power of two at least twice the entries, so the reading stays one pass. Each
 * slot keeps 32 bits of the hash (0: empty), so a probe compares strings only
 * when those match.
 */
struct id_map {
	size_t cap;		/* power of two */
	size_t count;
	char (*keys)[ID_LEN + 1];
	size_t *values;
	uint32_t *tags;
};

/* murmur3's 64-bit finaliser: every input bit moves about half the output bits. */
static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * 8 bytes at a time (ids are 36 bytes), each word mixed in fully: ids that
 * differ only in their last digits (as numbered ones do) must not share their
 * low bits (the slot) nor their high ones (the tag), or lookups fall back to
 * long probes and string compares.
 */
static uint64_t hash_id(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = mix64(h ^ w);
	}
	w = 0;
	memcpy(&w, s, n);
	return mix64(h ^ w ^ (uint64_t)n << 56);
}

static void map_init(struct id_map *m, size_t expected)
{
	m->cap = 64;
	while (m->cap < expected * 2)
		m->cap *= 2;
	m->count = 0;
	m->keys = pd_malloc(m->cap * sizeof(*m->keys));
	m->values = pd_malloc(m->cap * sizeof(*m->values));
	m->tags = pd_calloc(m->cap, sizeof(*m->tags));
}

static void map_free(struct id_map *m)
{
	free(m->keys);
	free(m->values);
	free(m->tags);
}

/* The slot holding id, or the empty slot where it belongs; *tag receives id's tag. */
static size_t map_slot(const struct id_map *m, const char *id, uint32_t *tag)
{
	uint64_t h = hash_id(id);
	size_t i = (size_t)h & (m->cap - 1);

	*tag = (uint32_t)(h >> 32) | 1;
	while (m->tags[i] && (m->tags[i] != *tag || strcmp(m->keys[i], id) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void map_grow(struct id_map *m);

static void map_put(struct id_map *m, const char *id, size_t value)
{
	uint32_t tag;
	size_t i;

	if ((m->count + 1) * 2 > m->cap)
		map_grow(m);
	i = map_slot(m, id, &tag);
	if (!m->tags[i]) {
		m->tags[i] = tag;
		copy_id(m->keys[i], id);
		m->count++;
	}
	m->values[i] = value;
}

static void map_grow(struct id_map *m)
{
	struct id_map bigger;

	map_init(&bigger, m->cap);
	for (size_t i = 0; i < m->cap; i++)
		if (m->tags[i])
			map_put(&bigger, m->keys[i], m->values[i]);
	map_free(m);
	*m = bigger;
}

/* The value of id, or false when it is not there. */
static bool map_get(const struct id_map *m, const char *id, size_t *value)
{
	uint32_t tag;
	size_t i = map_slot(m, id, &tag);

	if (!m->tags[i])
		return false;
	*value = m->values[i];
	return true;
}

struct rank_track {
	char *id, *name;
};

/* A team's membership of a track, by indices. */
struct rank_member {
	size_t team, track;
};

/* What one read of the file gives the maths. */
struct rank_data {
	struct results_policy policy;
	struct rank_team *teams;	/* calibration teams left out: they count nowhere */
	size_t nteams;
	struct rank_track *tracks;	/* by name */
	size_t ntracks;
	struct rank_member *members;
	size_t nmembers;
	struct rank_sheet *sheets;	/* counted sheets, in file order */
	int64_t *sheet_rowids;		/* the sheets' rowids, ascending, for joining criterion values */
	size_t nsheets, njudges;
	char **judge_ids;		/* by judge index */
	double *criteria;		/* see struct rank_input */
};

static void rank_data_clear(struct rank_data *d)
{
	for (size_t i = 0; i < d->nteams; i++) {
		free((char *)d->teams[i].id);
		free((char *)d->teams[i].name);
	}
	for (size_t i = 0; i < d->ntracks; i++) {
		free(d->tracks[i].id);
		free(d->tracks[i].name);
	}
	for (size_t j = 0; j < d->njudges; j++)
		free(d->judge_ids[j]);
	free(d->judge_ids);
	free(d->teams);
	free(d->tracks);
	free(d->members);
	free(d->sheets);
	free(d->sheet_rowids);
	free(d->criteria);
	memset(d, 0, sizeof(*d));
}

bool ranking_tie_parse(const char *stored, struct results_policy *p)
{
	const char *at = stored ? stored : "";

	p->ntie = 0;
	while (*at) {
		size_t n = strcspn(at, ",");
		struct tie_key k = { 0 };

		if (p->ntie == RANKING_MAX_TIE_KEYS)
			return false;
		if (n == 3 && strncmp(at, "raw", n) == 0)
			k.kind = TIE_RAW;
		else if (n == 10 && strncmp(at, "normalized", n) == 0)
			k.kind = TIE_NORMALIZED;
		else if (n == 6 && strncmp(at, "judges", n) == 0)
			k.kind = TIE_JUDGES;
		else if (n > 10 && n - 10 <= ID_LEN && strncmp(at, "criterion:", 10) == 0) {
			k.kind = TIE_CRITERION;
			memcpy(k.criterion_id, at + 10, n - 10);
		} else {
			return false;
		}
		p->tie[p->ntie++] = k;
		at += n;
		if (*at == ',')
			at++;
	}
	return true;
}

char *ranking_tie_format(const struct results_policy *p)
{
	char *out = pd_strdup("");

	for (size_t k = 0; k < p->ntie; k++) {
		const struct tie_key *key = &p->tie[k];
		const char *name = key->kind == TIE_RAW ? "raw" : key->kind == TIE_NORMALIZED ? "normalized"
				   : key->kind == TIE_JUDGES ? "judges" : "criterion:";
		char *next = pd_asprintf("%s%s%s%s", out, k ? "," : "", name,
					 key->kind == TIE_CRITERION ? key->criterion_id : "");

		free(out);
		out = next;
	}
	return out;
}

static enum status read_policy(struct store *st, struct results_policy *p)
{
	struct query *q = store_query(st, &q_ranking_policy);
	enum status s = query_step(q);

	*p = RESULTS_POLICY_DEFAULT;
	if (s == ST_DONE)
		return ST_OK;	/* a file without its event yet */
	if (s != ST_ROW)
		return s;
	p->method = strcmp(query_text(q, POLICY_METHOD), "normalized") == 0 ? RANK_NORMALIZED : RANK_RAW;
	p->min_judges = (int)query_int(q, POLICY_MIN_JUDGES);
	if (p->min_judges < 1)
		p->min_judges = 1;
	if (!ranking_tie_parse(query_text(q, POLICY_TIE_BREAK), p))
		p->ntie = 0;	/* the schema keeps it well formed; a damaged chain breaks no tie */
	query_reset(q);
	return ST_OK;
}

static enum status policy_txn(struct store *st, void *ctx)
{
	return read_policy(st, ctx);
}

enum status ranking_policy(struct store *st, struct results_policy *out)
{
	return store_read(st, policy_txn, out);
}

static enum status read_teams(struct store *st, struct rank_data *d, struct id_map *map)
{
	struct query *q = store_query(st, &q_ranking_teams);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		if (query_int(q, TEAM_CALIBRATION))
			continue;	/* the calibration pitch */
		PD_GROW(d->teams, d->nteams, cap);
		d->teams[d->nteams++] = (struct rank_team){ pd_strdup(query_text(q, TEAM_ID)),
							    pd_strdup(query_text(q, TEAM_NAME)), true };
	}
	if (s != ST_DONE)
		return s;
	map_init(map, d->nteams);
	for (size_t t = 0; t < d->nteams; t++)
		map_put(map, d->teams[t].id, t);
	return ST_OK;
}

static enum status read_tracks(struct store *st, struct rank_data *d, const struct id_map *teams)
{
	struct query *q = store_query(st, &q_ranking_tracks);
	struct id_map tracks;
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(d->tracks, d->ntracks, cap);
		d->tracks[d->ntracks++] = (struct rank_track){ pd_strdup(query_text(q, TRACK_ID)),
							       pd_strdup(query_text(q, TRACK_NAME)) };
	}
	if (s != ST_DONE)
		return s;
	map_init(&tracks, d->ntracks);
	for (size_t i = 0; i < d->ntracks; i++)
		map_put(&tracks, d->tracks[i].id, i);
	cap = 0;
	q = store_query(st, &q_ranking_team_tracks);
	while ((s = query_step(q)) == ST_ROW) {
		size_t team, track;

		if (!map_get(teams, query_text(q, LINK_TEAM), &team) || !map_get(&tracks, query_text(q, LINK_TRACK), &track))
			continue;
		PD_GROW(d->members, d->nmembers, cap);
		d->members[d->nmembers++] = (struct rank_member){ team, track };
	}
	map_free(&tracks);
	return s == ST_DONE ? ST_OK : s;
}

static enum status read_sheets(struct store *st, struct rank_data *d, const struct id_map *teams)
{
	struct query *q = store_query(st, &q_ranking_sheets);
	size_t cap = 0, rowid_cap = 0, judge_cap = 0;
	struct id_map judges;
	enum status s;

	map_init(&judges, 256);
	while ((s = query_step(q)) == ST_ROW) {
		const char *judge_id = query_text(q, SHEET_JUDGE);
		size_t t, j;

		if (!judge_id || !map_get(teams, query_text(q, SHEET_TEAM), &t))
			continue;
		if (!map_get(&judges, judge_id, &j)) {
			PD_GROW(d->judge_ids, d->njudges, judge_cap);
			d->judge_ids[d->njudges] = pd_strdup(judge_id);
			j = d->njudges++;
			map_put(&judges, judge_id, j);
		}
		PD_GROW(d->sheet_rowids, d->nsheets, rowid_cap);
		PD_GROW(d->sheets, d->nsheets, cap);
		d->sheet_rowids[d->nsheets] = query_int(q, SHEET_ROWID);
		d->sheets[d->nsheets++] = (struct rank_sheet){ t, j, query_double(q, SHEET_TOTAL) };
	}
	map_free(&judges);
	return s == ST_DONE ? ST_OK : s;
}

/* Each counted sheet's (v - min) / (max - min) for tie key k, joined by rowid (both in rowid order). */
static enum status read_criterion(struct store *st, struct rank_data *d, size_t k)
{
	const char *id = d->policy.tie[k].criterion_id;
	struct query *q = store_query(st, &q_ranking_criterion_scale);
	double min, span;
	size_t i = 0;
	enum status s;

	query_bind_text(q, "$criterion", id);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_OK : s;	/* a criterion deleted since: the key breaks no tie */
	min = (double)query_int(q, SCALE_MIN);
	span = (double)(query_int(q, SCALE_MAX) - query_int(q, SCALE_MIN));
	query_reset(q);
	q = store_query(st, &q_ranking_criterion_values);
	query_bind_text(q, "$criterion", id);
	while ((s = query_step(q)) == ST_ROW) {
		int64_t rowid = query_int(q, VALUE_SHEET_ROWID);

		while (i < d->nsheets && d->sheet_rowids[i] < rowid)
			i++;
		if (i < d->nsheets && d->sheet_rowids[i] == rowid && span > 0)
			d->criteria[i * d->policy.ntie + k] = ((double)query_int(q, VALUE_VALUE) - min) / span;
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status read_txn(struct store *st, void *ctx)
{
	struct rank_data *d = ctx;
	bool by_criterion = false;
	struct id_map teams;
	enum status s;

	rank_data_clear(d);	/* a retried read starts again */
	if ((s = read_policy(st, &d->policy)) != ST_OK || (s = read_teams(st, d, &teams)) != ST_OK)
		return s;
	s = read_tracks(st, d, &teams);
	if (s == ST_OK)
		s = read_sheets(st, d, &teams);
	map_free(&teams);
	for (size_t k = 0; k < d->policy.ntie; k++)
		by_criterion |= d->policy.tie[k].kind == TIE_CRITERION;
	if (s == ST_OK && by_criterion) {
		d->criteria = pd_calloc(d->nsheets * d->policy.ntie + 1, sizeof(*d->criteria));
		for (size_t k = 0; s == ST_OK && k < d->policy.ntie; k++)
			if (d->policy.tie[k].kind == TIE_CRITERION)
				s = read_criterion(st, d, k);
	}
	return s;
}

static enum status rank_data_load(struct store *st, struct rank_data *d)
{
	enum status s;

	memset(d, 0, sizeof(*d));
	s = store_read(st, read_txn, d);
	if (s != ST_OK)
		rank_data_clear(d);
	return s;
}

/* Rank the teams of track (an index, or SIZE_MAX for every team) by the policy, or by method. */
static void rank_data_rank(struct rank_data *d, size_t track, const struct rank_request *req, struct ranking *out)
{
	struct results_policy p = d->policy;
	struct rank_input in = { d->teams, d->nteams, d->sheets, d->nsheets, d->njudges, d->criteria };

	if (req && req->override_method)
		p.method = req->method;
	for (size_t t = 0; t < d->nteams; t++)
		d->teams[t].shown = track == SIZE_MAX;
	for (size_t m = 0; track != SIZE_MAX && m < d->nmembers; m++)
		if (d->members[m].track == track)
			d->teams[d->members[m].team].shown = true;
	ranking_from_sheets(&in, &p, out);
}

enum status ranking_compute(struct store *st, const struct rank_request *req, struct ranking *out)
{
	struct rank_data d;
	size_t track = SIZE_MAX;
	enum status s;

	memset(out, 0, sizeof(*out));
	if ((s = rank_data_load(st, &d)) != ST_OK)
		return s;
	if (req && req->track_id) {
		track = d.ntracks;	/* an unknown track: no team */
		for (size_t i = 0; i < d.ntracks; i++)
			if (strcmp(d.tracks[i].id, req->track_id) == 0)
				track = i;
	}
	rank_data_rank(&d, track, req, out);
	rank_data_clear(&d);
	return ST_OK;
}

enum status ranking_team_z(struct store *st, const char *team_id, struct sheet_z **out, size_t *count)
{
	struct rank_data d;
	struct rank_input in;
	size_t cap = 0;
	double *z;
	enum status s;

	*out = NULL;
	*count = 0;
	if ((s = rank_data_load(st, &d)) != ST_OK)
		return s;
	in = (struct rank_input){ d.teams, d.nteams, d.sheets, d.nsheets, d.njudges, d.criteria };
	z = pd_calloc(d.nsheets + 1, sizeof(*z));
	ranking_sheet_z(&in, z);
	for (size_t i = 0; i < d.nsheets; i++) {
		if (strcmp(d.teams[d.sheets[i].team].id, team_id) != 0)
			continue;
		PD_GROW(*out, *count, cap);
		copy_id((*out)[*count].judge_id, d.judge_ids[d.sheets[i].judge]);
		(*out)[(*count)++].z = z[i];
	}
	free(z);
	rank_data_clear(&d);
	return ST_OK;
}

enum status ranking_views(struct store *st, struct ranking_views *out)
{
	struct rank_data d;
	enum status s;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if ((s = rank_data_load(st, &d)) != ST_OK)
		return s;
	for (size_t track = SIZE_MAX;; track = track == SIZE_MAX ? 0 : track + 1) {
		struct ranking r;

		if (track != SIZE_MAX && track >= d.ntracks)
			break;
		rank_data_rank(&d, track, NULL, &r);
		if (track != SIZE_MAX && r.count == 0) {
			ranking_clear(&r);
			continue;
		}
		PD_GROW(out->items, out->count, cap);
		out->items[out->count++] = (struct ranking_view){ track == SIZE_MAX ? NULL : pd_strdup(d.tracks[track].name), r };
	}
	rank_data_clear(&d);
	return ST_OK;
}

const char *rank_status_name(enum rank_status s)
{
	return s == RANK_RANKED ? "ranked" : s == RANK_PENDING ? "pending" : "unscored";
}

/* Float noise around zero (a mean of z-scores) and -0 print as 0. */
static double clean_zero(double x)
{
	return fabs(x) < RANKING_SD_EPSILON ? 0.0 : x;
}

enum status ranking_row_json(struct store *st, const struct ranking *r, size_t i, char **out)
{
	const struct rank_row *row = &r->rows[i];
	bool normalized = r->method == RANK_NORMALIZED;
	struct query *q = store_query(st, normalized ? &q_ranking_row_json_normalized : &q_ranking_row_json);

	if (row->rank)
		query_bind_int(q, "$rank", row->rank);
	if (row->judges)
		query_bind_double(q, "$score", clean_zero(row->score));
	query_bind_text(q, "$team", row->team);
	query_bind_text(q, "$team_id", row->team_id);
	query_bind_int(q, "$judges", row->judges);
	query_bind_int(q, "$tied", row->tied);
	query_bind_text(q, "$status", rank_status_name(row->status));
	if (normalized && row->raw_rank)
		query_bind_int(q, "$raw_rank", row->raw_rank);
	if (normalized && row->judges)
		query_bind_double(q, "$raw_score", clean_zero(row->raw_score));
	return query_first_text(q, out);
}

enum status ranking_json(struct store *st, const struct ranking *r, char **out)
{
	size_t len = 1, cap = 0;
	char *rows = NULL;
	enum status s = ST_OK;

	PD_RESERVE(rows, 3, cap);
	rows[0] = '[';
	for (size_t i = 0; s == ST_OK && i < r->count; i++) {
		char *obj = NULL;
		size_t n;

		if ((s = ranking_row_json(st, r, i, &obj)) != ST_OK)
			break;
		n = strlen(obj);
		PD_RESERVE(rows, len + n + 3, cap);
		if (i)
			rows[len++] = ',';
		memcpy(rows + len, obj, n);
		len += n;
		free(obj);
	}
	rows[len++] = ']';
	rows[len] = '\0';
	if (s != ST_OK) {
		free(rows);
		return s;
	}
	*out = rows;
	return ST_OK;
}

void ranking_views_clear(struct ranking_views *v)
{
	for (size_t i = 0; i < v->count; i++) {
		free(v->items[i].title);
		ranking_clear(&v->items[i].ranking);
	}
	free(v->items);
	memset(v, 0, sizeof(*v));
}
