#include "config.h"
#include "podium/results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/rubric.h"
#include "podium/people.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_team_set_calibration, "UPDATE team SET calibration = $on WHERE id = $id");
STMT_DEFINE(q_results_policy_json,
	    "SELECT json_object('method', $method, 'min_judges', $min_judges, 'tie_break', $tie_break)");
STMT_DEFINE(q_results_set_policy,
	    "UPDATE event SET rank_method = $method, min_judges = $min_judges, tie_break = $tie_break");
STMT_DEFINE(q_results_team_sheets,
	    "SELECT s.judge_id, j.name, s.status, s.total,"
	    " EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = s.judge_id AND c.team_id = s.team_id)"
	    " FROM sheet s JOIN judge j ON j.id = s.judge_id WHERE s.team_id = $team ORDER BY j.name, j.id");
enum { EXPLAIN_JUDGE_ID, EXPLAIN_JUDGE, EXPLAIN_STATUS, EXPLAIN_TOTAL, EXPLAIN_CONFLICT };
STMT_DEFINE(q_results_missing_sheets,
	    "SELECT count(*) FROM assignment a JOIN team t ON t.id = a.team_id AND NOT t.calibration"
	    " WHERE NOT EXISTS (SELECT 1 FROM sheet s WHERE s.judge_id = a.judge_id AND s.team_id = a.team_id"
	    "  AND s.status = 'submitted' AND s.total IS NOT NULL)"
	    " AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = a.judge_id AND c.team_id = a.team_id)");
enum { MISSING_COUNT };

/* ---- the policy as people write it ---- */

/* One key of a chain as people write it, into k. */
static enum status parse_key(const struct rubric *r, const char *word, struct tie_key *k)
{
	memset(k, 0, sizeof(*k));
	if (strcmp(word, "raw") == 0)
		k->kind = TIE_RAW;
	else if (strcmp(word, "normalized") == 0)
		k->kind = TIE_NORMALIZED;
	else if (strcmp(word, "judges") == 0)
		k->kind = TIE_JUDGES;
	else if (strncmp(word, "criterion:", 10) == 0) {
		int c = rubric_find(r, word + 10);

		if (c < 0)
			return status_error(ST_INVALID, _("the rubric has no criterion '%s'; see 'podium rubric'"),
					    word + 10);
		k->kind = TIE_CRITERION;
		snprintf(k->criterion_id, sizeof(k->criterion_id), "%s", r->items[c].id);
	} else {
		return status_error(ST_INVALID,
				    _("unknown tie-break key '%s': use raw, normalized, judges or criterion:NAME"), word);
	}
	return ST_OK;
}

static bool same_key(const struct tie_key *a, const struct tie_key *b)
{
	return a->kind == b->kind && strcmp(a->criterion_id, b->criterion_id) == 0;
}

static enum status parse_chain(const struct rubric *r, const char *text, struct results_policy *p)
{
	char *copy = pd_strdup(text), *save = NULL;
	enum status s = ST_OK;

	p->ntie = 0;
	for (char *tok = strtok_r(copy, ",", &save); s == ST_OK && tok; tok = strtok_r(NULL, ",", &save)) {
		char *word = text_trim(tok);
		struct tie_key k;

		if (!*word || strcmp(word, "none") == 0)
			;	/* "none", or spaces between commas */
		else if (p->ntie == RANKING_MAX_TIE_KEYS)
			s = status_error(ST_INVALID, _("the tie-break chain holds at most %d keys"), RANKING_MAX_TIE_KEYS);
		else if ((s = parse_key(r, word, &k)) == ST_OK) {
			for (size_t i = 0; s == ST_OK && i < p->ntie; i++)
				if (same_key(&p->tie[i], &k))
					s = status_error(ST_INVALID, _("the tie-break key '%s' is given twice"), word);
			if (s == ST_OK)
				p->tie[p->ntie++] = k;
		}
		free(word);
	}
	free(copy);
	return s;
}

enum status results_tie_break_parse(struct store *st, const char *text, struct results_policy *p)
{
	struct rubric r;
	enum status s = rubric_load(st, &r);

	if (s == ST_OK)
		s = parse_chain(&r, text ? text : "", p);
	rubric_clear(&r);
	return s;
}

char *results_tie_break_text(struct store *st, const struct results_policy *p)
{
	struct rubric r = { 0 };
	char *out = pd_strdup("");

	if (p->ntie == 0) {
		free(out);
		return pd_strdup("none");
	}
	if (rubric_load(st, &r) != ST_OK)
		memset(&r, 0, sizeof(r));
	for (size_t k = 0; k < p->ntie; k++) {
		const struct tie_key *key = &p->tie[k];
		int c = key->kind == TIE_CRITERION ? rubric_find(&r, key->criterion_id) : -1;
		const char *word = key->kind == TIE_RAW ? "raw" : key->kind == TIE_NORMALIZED ? "normalized"
				   : key->kind == TIE_JUDGES ? "judges" : "criterion:";
		char *next = pd_asprintf("%s%s%s%s", out, k ? "," : "", word,
					 key->kind != TIE_CRITERION ? "" : c >= 0 ? r.items[c].name : "?");

		free(out);
		out = next;
	}
	rubric_clear(&r);
	return out;
}

char *results_policy_json(struct store *st, const struct results_policy *p)
{
	char *chain = p->ntie ? results_tie_break_text(st, p) : pd_strdup(""), *json = NULL;
	struct query *q = store_query(st, &q_results_policy_json);

	query_bind_text(q, "$method", p->method == RANK_NORMALIZED ? "normalized" : "raw");
	query_bind_int(q, "$min_judges", p->min_judges);
	query_bind_text(q, "$tie_break", chain);
	if (query_first_text(q, &json) != ST_OK)
		json = NULL;
	free(chain);
	return json;
}

static enum status policy_set_txn(struct store *st, void *ctx)
{
	const struct results_policy *p = ctx;
	char *before = NULL, *after = NULL, *chain = ranking_tie_format(p);
	struct event e = { 0 };
	struct query *q;
	enum status s = event_get(st, &e);

	if (s == ST_OK && e.results_locked)
		s = status_error(ST_LOCKED, _("the results are locked: unlock them ('podium results unlock') to change the policy"));
	if (s == ST_OK)
		s = event_json(st, &before);
	if (s == ST_OK) {
		q = store_query(st, &q_results_set_policy);
		query_bind_text(q, "$method", p->method == RANK_NORMALIZED ? "normalized" : "raw");
		query_bind_int(q, "$min_judges", p->min_judges);
		query_bind_text(q, "$tie_break", chain);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = event_json(st, &after);
	if (s == ST_OK && strcmp(before, after) != 0) {
		struct audit_entry a = {
			.action = "policy", .kind = "event", .record_id = e.id, .before = before, .after = after,
		};

		s = audit_record(st, &a);
	}
	event_clear(&e);
	free(chain);
	free(before);
	free(after);
	return s;
}

enum status results_policy_set(struct store *st, const struct results_policy *p)
{
	if (p->min_judges < 1 || p->min_judges > 1000)
		return status_error(ST_INVALID, _("--min-judges takes a number from 1 to 1000"));
	return store_write(st, policy_set_txn, (void *)p);
}

/* ---- the calibration pitch ---- */

struct calibration_ctx {
	const char *team_id;
	bool on;
};

static enum status calibration_txn(struct store *st, void *ctx)
{
	struct calibration_ctx *c = ctx;
	char *before = NULL, *after = NULL;
	struct query *q;
	enum status s;

	if ((s = people_json(st, KIND_TEAM, c->team_id, &before)) != ST_OK)
		return s == ST_NOT_FOUND ? status_error(ST_NOT_FOUND, _("no such team")) : s;
	q = store_query(st, &q_team_set_calibration);
	query_bind_int(q, "$on", c->on);
	query_bind_text(q, "$id", c->team_id);
	s = query_exec(q);
	if (s == ST_OK) {
		s = people_json(st, KIND_TEAM, c->team_id, &after);
	}
	if (s == ST_OK && strcmp(before, after) != 0) {
		struct audit_entry a = {
			.action = "calibration", .kind = "team", .record_id = c->team_id, .team_id = c->team_id,
			.before = before, .after = after,
		};

		s = audit_record(st, &a);
	}
	free(before);
	free(after);
	return s;
}

enum status results_set_calibration(struct store *st, const char *team_id, bool on)
{
	struct calibration_ctx c = { team_id, on };
	bool locked;
	enum status s = event_results_locked(st, &locked);

	if (s == ST_OK && locked)
		return status_error(ST_LOCKED, _("the results are locked: unlock them to change the calibration pitch"));
	return s == ST_OK ? store_write(st, calibration_txn, &c) : s;
}

/* ---- a team's score explained ---- */

const char *sheet_verdict_name(enum sheet_verdict v)
{
	static const char *const names[] = { "counts", "draft", "incomplete", "conflict", "calibration" };

	return (unsigned)v < PD_ARRAY_LEN(names) ? names[v] : "?";
}

void explanation_clear(struct explanation *e)
{
	for (size_t i = 0; i < e->count; i++)
		free(e->sheets[i].judge);
	free(e->sheets);
	free(e->row.team);
	memset(e, 0, sizeof(*e));
}

static enum sheet_verdict verdict_of(struct query *q, bool calibration)
{
	if (strcmp(query_text(q, EXPLAIN_STATUS), "submitted") != 0)
		return VERDICT_DRAFT;
	if (query_is_null(q, EXPLAIN_TOTAL))
		return VERDICT_INCOMPLETE;
	if (query_int(q, EXPLAIN_CONFLICT))
		return VERDICT_CONFLICT;
	return calibration ? VERDICT_CALIBRATION : VERDICT_COUNTS;
}

struct explain_ctx {
	const char *team_id;
	struct explanation *out;
	struct sheet_z *z;
	size_t nz;
};

static enum status explain_txn(struct store *st, void *ctx)
{
	struct explain_ctx *x = ctx;
	struct explanation *e = x->out;
	struct ranking r;
	struct query *q;
	size_t cap = 0;
	enum status s;

	explanation_clear(e);
	free(x->z);
	x->z = NULL;
	if ((s = ranking_compute(st, NULL, &r)) != ST_OK)
		return s;
	e->method = r.method;
	for (size_t i = 0; i < r.count; i++)
		if (strcmp(r.rows[i].team_id, x->team_id) == 0) {
			e->row = r.rows[i];
			r.rows[i].team = NULL;	/* the explanation keeps it */
		}
	ranking_clear(&r);
	e->calibration = e->row.team == NULL;	/* on no board: the calibration pitch */
	if ((s = ranking_team_z(st, x->team_id, &x->z, &x->nz)) != ST_OK)
		return s;
	q = store_query(st, &q_results_team_sheets);
	query_bind_text(q, "$team", x->team_id);
	while ((s = query_step(q)) == ST_ROW) {
		struct explained_sheet *sh;

		PD_GROW(e->sheets, e->count, cap);
		sh = &e->sheets[e->count++];
		memset(sh, 0, sizeof(*sh));
		snprintf(sh->judge_id, sizeof(sh->judge_id), "%s", query_text(q, EXPLAIN_JUDGE_ID));
		sh->judge = pd_strdup(query_text(q, EXPLAIN_JUDGE));
		sh->verdict = verdict_of(q, e->calibration);
		sh->complete = !query_is_null(q, EXPLAIN_TOTAL);
		sh->total = sh->complete ? query_double(q, EXPLAIN_TOTAL) : 0;
		for (size_t i = 0; i < x->nz; i++)
			if (strcmp(x->z[i].judge_id, sh->judge_id) == 0)
				sh->z = x->z[i].z;
	}
	return s == ST_DONE ? ST_OK : s;
}

enum status results_explain(struct store *st, const char *team_id, struct explanation *out)
{
	struct explain_ctx x = { team_id, out, NULL, 0 };
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, explain_txn, &x);
	if (s == ST_OK && !out->row.team) {
		char *name = NULL;

		if (record_name(st, KIND_TEAM, team_id, &name) != ST_OK)
			status_clear();
		snprintf(out->row.team_id, sizeof(out->row.team_id), "%s", team_id);
		out->row.team = name ? name : pd_strdup("");
		out->row.status = RANK_UNSCORED;
	}
	free(x.z);
	if (s != ST_OK)
		explanation_clear(out);
	return s;
}

/* ---- the lock's summary ---- */

void results_summary_clear(struct results_summary *s)
{
	for (size_t i = 0; i < s->nties; i++) {
		for (size_t j = 0; j < s->ties[i].count; j++)
			free(s->ties[i].teams[j]);
		free(s->ties[i].teams);
	}
	free(s->ties);
	for (size_t i = 0; i < s->pending; i++)
		free(s->pending_teams[i]);
	free(s->pending_teams);
	memset(s, 0, sizeof(*s));
}

/* The tie groups of a ranking (its tied rows, grouped by rank). */
static void collect_ties(const struct ranking *r, struct results_summary *out)
{
	size_t cap = 0;

	for (size_t i = 0; i < r->count; i++) {
		struct tie_group *g;
		size_t team_cap;

		if (!r->rows[i].tied)
			continue;
		if (!out->nties || out->ties[out->nties - 1].rank != r->rows[i].rank) {
			PD_GROW(out->ties, out->nties, cap);
			out->ties[out->nties++] = (struct tie_group){ r->rows[i].rank, NULL, 0 };
		}
		g = &out->ties[out->nties - 1];
		team_cap = g->count;
		PD_GROW(g->teams, g->count, team_cap);
		g->teams[g->count++] = pd_strdup(r->rows[i].team);
	}
}

static enum status summary_txn(struct store *st, void *ctx)
{
	struct results_summary *out = ctx;
	struct ranking r;
	struct query *q;
	enum status s;

	results_summary_clear(out);
	if ((s = ranking_compute(st, NULL, &r)) != ST_OK)
		return s;
	out->ranked = r.ranked;
	out->pending = r.pending;
	out->unscored = r.count - r.ranked - r.pending;
	collect_ties(&r, out);
	out->pending_teams = pd_calloc(r.pending + 1, sizeof(char *));
	for (size_t i = 0; i < r.pending; i++)
		out->pending_teams[i] = pd_strdup(r.rows[r.ranked + i].team);
	ranking_clear(&r);
	q = store_query(st, &q_results_missing_sheets);
	if ((s = query_step(q)) == ST_ROW)
		out->missing_sheets = (size_t)query_int(q, MISSING_COUNT);
	query_reset(q);
	return s == ST_ROW || s == ST_DONE ? ST_OK : s;
}

enum status results_summary(struct store *st, struct results_summary *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, summary_txn, out);
	if (s != ST_OK)
		results_summary_clear(out);
	return s;
}

/* ---- the ceremony ---- */

void reveal_step_clear(struct reveal_step *r)
{
	free(r->team);
	memset(r, 0, sizeof(*r));
}

struct reveal_ctx {
	bool preview;
	struct reveal_step *out;
};

static enum status reveal_txn(struct store *st, void *ctx)
{
	struct reveal_ctx *x = ctx;
	struct reveal_step *out = x->out;
	struct ranking r;
	struct event e;
	enum status s = event_get(st, &e);
	int shown;

	reveal_step_clear(out);
	if (s != ST_OK)
		return s;
	shown = e.reveal_step < 0 ? 0 : e.reveal_step;
	if (!e.results_locked) {
		event_clear(&e);
		return status_error(ST_INVALID, _("the results are not locked yet: the ceremony reveals the final "
						  "result, so run 'podium results lock' first"));
	}
	event_clear(&e);
	if ((s = ranking_compute(st, NULL, &r)) != ST_OK)
		return s;
	out->ranked = r.ranked;
	out->method = r.method;
	out->done = (size_t)shown >= r.ranked;
	out->step = out->done ? (int)r.ranked : shown + 1;
	if (!out->done) {
		const struct rank_row *row = &r.rows[r.ranked - (size_t)out->step];

		out->team = pd_strdup(row->team);
		out->rank = row->rank;
		out->score = row->score;
	}
	ranking_clear(&r);
	if (!out->done && !x->preview)
		s = event_set_reveal(st, out->step);
	return s;
}

enum status results_reveal(struct store *st, bool preview, struct reveal_step *out)
{
	struct reveal_ctx x = { preview, out };
	enum status s;

	memset(out, 0, sizeof(*out));
	s = preview ? store_read(st, reveal_txn, &x) : store_write(st, reveal_txn, &x);
	if (s != ST_OK)
		reveal_step_clear(out);
	return s;
}
