#include "config.h"
#include "podium/ranking.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/store.h"

/* Copy an id of at most ID_LEN bytes (longer ones are cut). */
static void copy_id(char dst[ID_LEN + 1], const char *src)
{
	size_t n = strnlen(src, ID_LEN);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- the maths ---- */

/* What the sorts move: small, with the name order precomputed so they never compare strings. */
struct rank_key {
	double raw, score;
	int judges;
	int raw_rank, rank;
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

/* Ranked teams first, then higher score, then name. */
static int compare_keys(const struct rank_key *a, const struct rank_key *b, double sa, double sb)
{
	if ((a->judges > 0) != (b->judges > 0))
		return a->judges > 0 ? -1 : 1;
	if (a->judges > 0 && sa != sb)
		return sa > sb ? -1 : 1;
	return a->name_order < b->name_order ? -1 : a->name_order > b->name_order;
}

static int by_score(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	return compare_keys(a, b, a->score, b->score);
}

static int by_raw_score(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	return compare_keys(a, b, a->raw, b->raw);
}

static int by_name(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	return a->name_order < b->name_order ? -1 : a->name_order > b->name_order;
}

/*
 * Sort keys by score (raw when raw) and number them 1, 2, 2, 4. A tie group
 * starts at its highest score (the anchor) and holds every following score
 * less than RANKING_TIE_EPSILON below the anchor: comparing with the anchor
 * rather than the neighbour keeps a long chain of near-equal scores from
 * merging teams that are clearly apart. Each group is then put in name order.
 */
static void rank_keys(struct rank_key *keys, size_t n, bool raw)
{
	size_t i = 0;

	qsort(keys, n, sizeof(*keys), raw ? by_raw_score : by_score);
	while (i < n && keys[i].judges > 0) {
		double anchor = raw ? keys[i].raw : keys[i].score;
		size_t j = i + 1;

		while (j < n && keys[j].judges > 0 &&
		       anchor - (raw ? keys[j].raw : keys[j].score) < RANKING_TIE_EPSILON)
			j++;
		for (size_t k = i; k < j; k++)
			*(raw ? &keys[k].raw_rank : &keys[k].rank) = (int)i + 1;
		if (j - i > 1)
			qsort(keys + i, j - i, sizeof(*keys), by_name);
		i = j;
	}
	for (; i < n; i++)
		*(raw ? &keys[i].raw_rank : &keys[i].rank) = 0;
}

/* Per judge: the count, mean and population standard deviation of their totals. */
struct judge_stats {
	size_t n;
	double mean;
	double sd;
};

static struct judge_stats *judge_statistics(const struct rank_sheet *sheets, size_t nsheets, size_t nteams,
					    size_t njudges)
{
	struct judge_stats *js = pd_calloc(njudges ? njudges : 1, sizeof(*js));

	/* Two passes (mean, then squared deviations): exact for a judge whose totals are all equal. */
	for (size_t i = 0; i < nsheets; i++) {
		const struct rank_sheet *sh = &sheets[i];

		if (sh->team >= nteams || sh->judge >= njudges)
			continue;
		js[sh->judge].n++;
		js[sh->judge].mean += sh->total;
	}
	for (size_t j = 0; j < njudges; j++)
		if (js[j].n)
			js[j].mean /= (double)js[j].n;
	for (size_t i = 0; i < nsheets; i++) {
		const struct rank_sheet *sh = &sheets[i];
		double d;

		if (sh->team >= nteams || sh->judge >= njudges)
			continue;
		d = sh->total - js[sh->judge].mean;
		js[sh->judge].sd += d * d;
	}
	for (size_t j = 0; j < njudges; j++)
		if (js[j].n)
			js[j].sd = sqrt(js[j].sd / (double)js[j].n);
	return js;
}

void ranking_from_sheets(const struct rank_team *teams, size_t nteams, const struct rank_sheet *sheets,
			 size_t nsheets, size_t njudges, enum rank_method method, struct ranking *out)
{
	double *raw_sum = pd_calloc(nteams ? nteams : 1, sizeof(double));
	double *z_sum = pd_calloc(nteams ? nteams : 1, sizeof(double));
	int *count = pd_calloc(nteams ? nteams : 1, sizeof(int));
	struct judge_stats *js = NULL;
	struct rank_key *keys;
	size_t shown = 0, r = 0, *order;

	if (method == RANK_NORMALIZED)
		js = judge_statistics(sheets, nsheets, nteams, njudges);
	for (size_t i = 0; i < nsheets; i++) {
		const struct rank_sheet *sh = &sheets[i];

		if (sh->team >= nteams || sh->judge >= njudges)
			continue;
		raw_sum[sh->team] += sh->total;
		count[sh->team]++;
		if (js) {
			const struct judge_stats *j = &js[sh->judge];

			if (j->n >= 2 && j->sd >= RANKING_SD_EPSILON)
				z_sum[sh->team] += (sh->total - j->mean) / j->sd;
		}
	}

	for (size_t t = 0; t < nteams; t++)
		shown += teams[t].shown;
	keys = pd_calloc(shown ? shown : 1, sizeof(*keys));
	order = pd_calloc(shown ? shown : 1, sizeof(*order));
	for (size_t t = 0; t < nteams; t++)
		if (teams[t].shown)
			order[r++] = t;
	qsort_r(order, shown, sizeof(*order), by_team_name, (void *)teams);
	for (size_t i = 0; i < shown; i++) {
		size_t t = order[i];
		struct rank_key *k = &keys[i];

		k->team = t;
		k->name_order = i;
		k->judges = count[t];
		k->raw = count[t] ? raw_sum[t] / count[t] : 0;
		k->score = !count[t] ? 0 : method == RANK_NORMALIZED ? z_sum[t] / count[t] : k->raw;
	}
	rank_keys(keys, shown, true);
	if (method == RANK_NORMALIZED)
		rank_keys(keys, shown, false);
	else
		for (size_t i = 0; i < shown; i++)
			keys[i].rank = keys[i].raw_rank;

	out->count = shown;
	out->rows = pd_calloc(shown ? shown : 1, sizeof(*out->rows));
	for (size_t i = 0; i < shown; i++) {
		const struct rank_team *team = &teams[keys[i].team];
		struct rank_row *row = &out->rows[i];

		copy_id(row->team_id, team->id ? team->id : "");
		row->team = pd_strdup(team->name ? team->name : "");
		row->rank = keys[i].rank;
		row->score = keys[i].score;
		row->judges = keys[i].judges;
		row->raw_rank = keys[i].raw_rank;
		row->raw_score = keys[i].raw;
	}

	free(order);
	free(keys);
	free(js);
	free(count);
	free(z_sum);
	free(raw_sum);
}

void ranking_clear(struct ranking *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->rows[i].team);
	free(r->rows);
	r->rows = NULL;
	r->count = 0;
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

/* 8 bytes at a time (ids are 36 bytes), then murmur3's finaliser: the table uses the low bits. */
static uint64_t hash_id(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0xcbf29ce484222325ULL ^ n, w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x100000001b3ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
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

struct read_ctx {
	const char *track_id;
	/* filled by read_txn */
	struct rank_team *teams;
	char *names;		/* every team's id and name, back to back */
	size_t nteams, names_len;
	struct rank_sheet *sheets;
	size_t nsheets;
	size_t njudges;
};

static void read_ctx_clear(struct read_ctx *rc)
{
	free(rc->teams);
	free(rc->names);
	free(rc->sheets);
	rc->teams = NULL;
	rc->names = NULL;
	rc->sheets = NULL;
	rc->nteams = rc->nsheets = rc->njudges = rc->names_len = 0;
}

/* Append s to the one buffer of names; returns its offset (the buffer may move). */
static size_t keep_string(struct read_ctx *rc, size_t *cap, const char *s)
{
	size_t n = strlen(s) + 1, at = rc->names_len;

	if (rc->names_len + n > *cap) {
		while (rc->names_len + n > *cap)
			*cap = *cap ? *cap * 2 : 64 * 1024;
		rc->names = pd_realloc(rc->names, *cap);
	}
	memcpy(rc->names + at, s, n);
	rc->names_len += n;
	return at;
}

static enum status read_txn(struct store *st, void *ctx)
{
	struct read_ctx *rc = ctx;
	struct id_map teams, judges;
	size_t team_cap = 0, sheet_cap = 0, names_cap = 0, *offsets = NULL;
	struct query *q;
	enum status s;

	read_ctx_clear(rc);	/* a retried read starts again */
	q = store_query(st, STMT_RANKING_TEAMS);
	while ((s = query_step(q)) == ST_ROW) {
		const char *id = query_text(q, 0), *name = query_text(q, 1);

		if (rc->nteams == team_cap) {
			team_cap = team_cap ? team_cap * 2 : 256;
			rc->teams = pd_realloc(rc->teams, team_cap * sizeof(*rc->teams));
			offsets = pd_realloc(offsets, team_cap * 2 * sizeof(*offsets));
		}
		offsets[2 * rc->nteams] = keep_string(rc, &names_cap, id ? id : "");
		offsets[2 * rc->nteams + 1] = keep_string(rc, &names_cap, name ? name : "");
		rc->teams[rc->nteams].shown = rc->track_id == NULL;
		rc->nteams++;
	}
	if (s != ST_DONE) {
		free(offsets);
		return s;
	}
	/* The buffer has stopped moving: point into it now. */
	map_init(&teams, rc->nteams);
	for (size_t t = 0; t < rc->nteams; t++) {
		rc->teams[t].id = rc->names + offsets[2 * t];
		rc->teams[t].name = rc->names + offsets[2 * t + 1];
		map_put(&teams, rc->teams[t].id, t);
	}
	free(offsets);

	if (rc->track_id) {
		q = store_query(st, STMT_RANKING_TRACK_TEAMS);
		query_bind_text(q, "$track", rc->track_id);
		while ((s = query_step(q)) == ST_ROW) {
			size_t t;

			if (map_get(&teams, query_text(q, 0), &t))
				rc->teams[t].shown = true;
		}
		if (s != ST_DONE) {
			map_free(&teams);
			return s;
		}
	}

	map_init(&judges, 256);
	q = store_query(st, STMT_RANKING_SHEETS);
	while ((s = query_step(q)) == ST_ROW) {
		const char *judge_id = query_text(q, 1);
		size_t t, j;

		if (!map_get(&teams, query_text(q, 0), &t) || !judge_id)
			continue;
		if (!map_get(&judges, judge_id, &j)) {
			j = rc->njudges++;
			map_put(&judges, judge_id, j);
		}
		PD_GROW(rc->sheets, rc->nsheets, sheet_cap);
		rc->sheets[rc->nsheets++] = (struct rank_sheet){ t, j, query_double(q, 2) };
	}
	map_free(&judges);
	map_free(&teams);
	return s == ST_DONE ? ST_OK : s;
}

enum status ranking_compute(struct store *st, enum rank_method method, const char *track_id,
			    struct ranking *out)
{
	struct read_ctx rc = { .track_id = track_id };
	enum status s;

	out->rows = NULL;
	out->count = 0;
	s = store_read(st, read_txn, &rc);
	if (s == ST_OK)
		ranking_from_sheets(rc.teams, rc.nteams, rc.sheets, rc.nsheets, rc.njudges, method, out);
	read_ctx_clear(&rc);
	return s;
}
