#include "config.h"
#include "podium/i18n.h"
#include "podium/sheet.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_sheet_get,
	    "SELECT id, status, comment, updated_at FROM sheet WHERE judge_id = $judge AND team_id = $team");
enum { GET_ID, GET_STATUS, GET_COMMENT, GET_UPDATED_AT };
STMT_DEFINE(q_sheet_values, "SELECT criterion_id, value FROM sheet_value WHERE sheet_id = $id");
enum { VALUE_CRITERION, VALUE_VALUE };
STMT_DEFINE(q_sheet_insert,
	    "INSERT INTO sheet(id, judge_id, team_id, status, comment, total, created_at, updated_at)"
	    " VALUES ($id, $judge, $team, $status, $comment, $total, $now, $now)");
STMT_DEFINE(q_sheet_update,
	    "UPDATE sheet SET status = $status, comment = $comment, total = $total, updated_at = $now"
	    " WHERE id = $id");
STMT_DEFINE(q_sheet_value_set,
	    "INSERT INTO sheet_value(sheet_id, criterion_id, value) VALUES ($sheet, $criterion, $value)"
	    " ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET value = excluded.value");
STMT_DEFINE(q_sheet_value_delete,
	    "DELETE FROM sheet_value WHERE sheet_id = $sheet AND criterion_id = $criterion");
STMT_DEFINE(q_sheet_json,
	    "SELECT json_object('status', s.status, 'comment', s.comment, 'total', s.total, 'values',"
	    " json((SELECT json_group_object(name, value) FROM (SELECT c.name, v.value FROM sheet_value v"
	    " JOIN criterion c ON c.id = v.criterion_id WHERE v.sheet_id = s.id ORDER BY c.position))))"
	    " FROM sheet s WHERE s.id = $id");
STMT_DEFINE(q_sheet_conflict,
	    "SELECT reason FROM conflict WHERE judge_id = $judge AND team_id = $team");
STMT_DEFINE(q_sheet_all_values,
	    "SELECT s.id, v.criterion_id, v.value FROM sheet s LEFT JOIN sheet_value v ON v.sheet_id = s.id"
	    " ORDER BY s.id");
enum { ALL_SHEET, ALL_CRITERION, ALL_VALUE };
STMT_DEFINE(q_sheet_set_total, "UPDATE sheet SET total = $total WHERE id = $id");
/* everything a change of one sheet was checked against, as one row, to compare inside the lock */
STMT_DEFINE(q_sheet_recheck,
	    "SELECT json_array((SELECT results_locked FROM event),"
	    " EXISTS (SELECT 1 FROM conflict WHERE judge_id = $judge AND team_id = $team),"
	    " EXISTS (SELECT 1 FROM judge WHERE id = $judge), EXISTS (SELECT 1 FROM team WHERE id = $team),"
	    " (SELECT json_group_array(json_array(id, name, weight, min_value, max_value)) FROM"
	    "  (SELECT id, name, weight, min_value, max_value FROM criterion ORDER BY position)),"
	    " (SELECT json_array(s.id, s.status, s.comment, s.total, s.updated_at, (SELECT json_group_array("
	    "  json_array(criterion_id, value)) FROM (SELECT criterion_id, value FROM sheet_value"
	    "  WHERE sheet_id = s.id ORDER BY criterion_id))) FROM sheet s"
	    "  WHERE s.judge_id = $judge AND s.team_id = $team))");

/* Names from users shown in messages: sanitised and kept short. */
#define SHOWN_COLS 60
#define VALUE_COLS 30

static const char *state_text(enum sheet_state state)
{
	return state == SHEET_SUBMITTED ? "submitted" : "draft";
}

bool sheet_total(const struct rubric *r, const int *values, const bool *scored, double *total)
{
	double sum = 0, weights = 0, t;

	if (r->count == 0)
		return false;
	for (size_t i = 0; i < r->count; i++) {
		const struct criterion *c = &r->items[i];

		if (!scored[i] || values[i] < c->min || values[i] > c->max)
			return false;
		sum += c->weight * (double)(values[i] - c->min) / (double)(c->max - c->min);
		weights += c->weight;
	}
	t = 100.0 * sum / weights;
	/* the schema holds totals to [0, 100]: keep rounding from stepping outside */
	*total = t < 0 ? 0 : t > 100 ? 100 : t;
	return true;
}

void sheet_clear(struct sheet *s)
{
	free(s->comment);
	free(s->values);
	free(s->scored);
	memset(s, 0, sizeof(*s));
}

/* The index of the criterion whose id is id, or -1. */
static int index_by_id(const struct rubric *r, const char *id)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* By id first (cheap: imports pass ids), then by name. */
static int find_criterion(const struct rubric *r, const char *name_or_id)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcasecmp(r->items[i].id, name_or_id) == 0)
			return (int)i;
	return rubric_find(r, name_or_id);
}

static enum status read_values(struct store *st, const struct rubric *r, struct sheet *out)
{
	struct query *q = store_query(st, &q_sheet_values);
	enum status s;

	query_bind_text(q, "$id", out->id);
	while ((s = query_step(q)) == ST_ROW) {
		int i = index_by_id(r, query_text(q, VALUE_CRITERION));

		/* a value for a criterion no longer in r is not part of the sheet */
		if (i >= 0) {
			out->values[i] = (int)query_int(q, VALUE_VALUE);
			out->scored[i] = true;
		}
	}
	return s == ST_DONE ? ST_OK : s;
}

enum status sheet_get(struct store *st, const struct rubric *r, const char *judge_id,
		      const char *team_id, struct sheet *out)
{
	struct query *q = store_query(st, &q_sheet_get);
	enum status s;

	memset(out, 0, sizeof(*out));
	snprintf(out->judge_id, sizeof(out->judge_id), "%s", judge_id);
	snprintf(out->team_id, sizeof(out->team_id), "%s", team_id);
	out->nvalues = r->count;
	out->values = pd_calloc(r->count, sizeof(*out->values));
	out->scored = pd_calloc(r->count, sizeof(*out->scored));
	out->state = SHEET_MISSING;

	query_bind_text(q, "$judge", judge_id);
	query_bind_text(q, "$team", team_id);
	s = query_step(q);
	if (s == ST_DONE) {
		out->comment = pd_strdup("");
		return ST_OK;
	}
	if (s != ST_ROW) {
		sheet_clear(out);
		return s;
	}
	snprintf(out->id, sizeof(out->id), "%s", query_text(q, GET_ID));
	out->state = strcmp(query_text(q, GET_STATUS), "submitted") == 0 ? SHEET_SUBMITTED : SHEET_DRAFT;
	out->comment = pd_strdup(query_text(q, GET_COMMENT) ? query_text(q, GET_COMMENT) : "");
	out->updated_at = query_int(q, GET_UPDATED_AT);
	query_reset(q);

	s = read_values(st, r, out);
	if (s != ST_OK) {
		sheet_clear(out);
		return s;
	}
	out->complete = sheet_total(r, out->values, out->scored, &out->total);
	return ST_OK;
}

enum status sheet_json(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_sheet_json);

	query_bind_text(q, "$id", id);
	return query_first_text(q, out);
}

/* reason trimmed, or NULL when there is none worth keeping. */
static char *clean_reason(const char *reason)
{
	char *r;

	if (!reason)
		return NULL;
	r = text_trim(reason);
	if (!r[0]) {
		free(r);
		return NULL;
	}
	return r;
}

/* ST_DENIED when the judge declared a conflict of interest with the team. */
static enum status check_conflict(struct store *st, const char *judge_id, const char *team_id,
				  const char *judge, const char *team)
{
	struct query *q = store_query(st, &q_sheet_conflict);
	enum status s;

	query_bind_text(q, "$judge", judge_id);
	query_bind_text(q, "$team", team_id);
	s = query_step(q);
	if (s == ST_DONE)
		return ST_OK;
	if (s != ST_ROW)
		return s;
	query_reset(q);
	return status_error(ST_DENIED, _("%s declared a conflict of interest with %s and cannot score that team"),
			    judge, team);
}

/* "Design and Pitch": the criteria not scored, for a message; *count receives how many. */
static char *missing_list(const struct rubric *r, const bool *scored, size_t *count)
{
	const char *and = _(" and ");
	size_t n = 0, seen = 0, len = 1;
	char *out;

	for (size_t i = 0; i < r->count; i++) {
		if (!scored[i]) {
			n++;
			len += strlen(r->items[i].name) + strlen(and) + 2;
		}
	}
	out = pd_calloc(len + 8, 1);
	for (size_t i = 0; i < r->count; i++) {
		if (scored[i])
			continue;
		if (seen)
			strcat(out, seen + 1 == n ? and : ", ");
		strcat(out, r->items[i].name);
		seen++;
	}
	*count = n;
	return out;
}

static const char *action_of(enum sheet_state from, enum sheet_state to, bool correction)
{
	if (correction)
		return "correct";
	if (to == SHEET_SUBMITTED && from != SHEET_SUBMITTED)
		return "submit";
	return from == SHEET_MISSING ? "create" : "update";
}

/* Write the sheet's row and the values that changed. */
static enum status write_sheet(struct store *st, const struct rubric *r, struct sheet *cur,
			       enum sheet_state state, const char *comment, const int *values,
			       const bool *scored, bool complete, double total)
{
	struct query *q;
	enum status s;

	if (cur->state == SHEET_MISSING) {
		id_new(cur->id);
		q = store_query(st, &q_sheet_insert);
		query_bind_text(q, "$judge", cur->judge_id);
		query_bind_text(q, "$team", cur->team_id);
	} else {
		q = store_query(st, &q_sheet_update);
	}
	query_bind_text(q, "$id", cur->id);
	query_bind_text(q, "$status", state_text(state));
	query_bind_text(q, "$comment", comment);
	if (complete)
		query_bind_double(q, "$total", total);
	else
		query_bind_null(q, "$total");
	query_bind_int(q, "$now", clock_now());
	s = query_exec(q);

	for (size_t i = 0; s == ST_OK && i < r->count; i++) {
		if (scored[i] && (!cur->scored[i] || cur->values[i] != values[i])) {
			q = store_query(st, &q_sheet_value_set);
			query_bind_int(q, "$value", values[i]);
		} else if (!scored[i] && cur->scored[i]) {
			q = store_query(st, &q_sheet_value_delete);
		} else {
			continue;
		}
		query_bind_text(q, "$sheet", cur->id);
		query_bind_text(q, "$criterion", r->items[i].id);
		s = query_exec(q);
	}
	return s;
}

/* Everything the checks and the write need, freed in one place. */
struct apply {
	char judge_id[ID_LEN + 1], team_id[ID_LEN + 1];
	char *judge, *team;		/* names as entered */
	char *judge_shown, *team_shown;	/* sanitised for messages */
	char *reason;
	struct sheet cur;
	int *values;
	bool *scored;
	bool *given;		/* given[i]: the change sets criterion i, to given_value[i] */
	int *given_value;
	char *before, *after;
	/* what plan_change decided */
	enum sheet_state state;
	const char *comment;	/* the change's or the sheet's */
	bool correction, complete, unchanged;
	double total;
};

static void apply_clear(struct apply *a)
{
	free(a->judge);
	free(a->team);
	free(a->judge_shown);
	free(a->team_shown);
	free(a->reason);
	sheet_clear(&a->cur);
	free(a->values);
	free(a->scored);
	free(a->given);
	free(a->given_value);
	free(a->before);
	free(a->after);
}

/* Who may touch this sheet now; sets *correction for the organizer's change after the lock. */
static enum status check_access(struct store *st, const struct actor *who, struct apply *a,
				bool *correction)
{
	bool locked;
	enum status s;

	if (who->role == ROLE_JUDGE && strcmp(who->person_id, a->judge_id) != 0)
		return status_error(ST_DENIED, _("a judge can change only their own sheets, not %s's"),
				    a->judge_shown);
	s = event_results_locked(st, &locked);
	if (s != ST_OK)
		return s;
	*correction = false;
	if (locked) {
		if (who->role != ROLE_ORGANIZER || !a->reason)
			return status_error(ST_LOCKED,
					    _("results are locked; only the organizer's correction with a reason (score ... --reason TEXT) can change a sheet"));
		*correction = true;
	}
	return check_conflict(st, a->judge_id, a->team_id, a->judge_shown, a->team_shown);
}

/* A value as typed: a whole number, spaces around it allowed. */
static bool parse_value(const char *text, int *out)
{
	char *trimmed = text_trim(text), *end;
	long v;
	bool ok;

	errno = 0;
	v = strtol(trimmed, &end, 10);
	ok = !errno && end != trimmed && !*end && v >= INT_MIN && v <= INT_MAX;
	if (ok)
		*out = (int)v;
	free(trimmed);
	return ok;
}

static enum status not_a_number(const struct criterion *crit, const char *text)
{
	char *trimmed = text_trim(text);
	char *name = text_fit(crit->name, SHOWN_COLS, NULL), *shown = text_fit(trimmed, VALUE_COLS, NULL);
	enum status s = status_error(ST_INVALID, _("%s must be a whole number from %d to %d, not '%s'"), name,
				     crit->min, crit->max, shown);

	free(name);
	free(shown);
	free(trimmed);
	return s;
}

/*
 * Check one value of the change against r: its criterion (ST_NOT_FOUND), given
 * once (ST_USAGE: the caller named it twice), a whole number (text, when not
 * NULL, parsed here) within the scale (ST_INVALID). Marks it in a->given.
 */
static enum status check_value(const struct rubric *r, const char *criterion, const char *text, int value,
			       struct apply *a)
{
	int i = criterion ? find_criterion(r, criterion) : -1;
	const struct criterion *crit;
	enum status s = ST_OK;
	char *shown;

	if (i < 0) {
		shown = text_fit(criterion ? criterion : "", SHOWN_COLS, NULL);
		s = status_error(ST_NOT_FOUND, _("no criterion named '%s'; see 'podium list criteria'"), shown);
		free(shown);
		return s;
	}
	crit = &r->items[i];
	if (text && !parse_value(text, &value))
		return not_a_number(crit, text);
	shown = text_fit(crit->name, SHOWN_COLS, NULL);
	if (a->given[i])
		s = status_error(ST_USAGE, _("%s is given twice; give each criterion once"), shown);
	else if (value < crit->min || value > crit->max)
		s = status_error(ST_INVALID, _("%s must be a whole number from %d to %d, not %d"), shown, crit->min,
				 crit->max, value);
	free(shown);
	if (s == ST_OK) {
		a->given[i] = true;
		a->given_value[i] = value;
	}
	return s;
}

/* Check every value of the change against r, in the order given (nothing read). */
static enum status check_values(const struct rubric *r, const struct sheet_change *c, struct apply *a)
{
	enum status s = ST_OK;

	a->given = pd_calloc(r->count ? r->count : 1, sizeof(*a->given));
	a->given_value = pd_calloc(r->count ? r->count : 1, sizeof(*a->given_value));
	for (size_t k = 0; k < c->nvalues && s == ST_OK; k++)
		s = check_value(r, c->values[k].criterion, NULL, c->values[k].value, a);
	for (size_t k = 0; k < c->ntexts && s == ST_OK; k++)
		s = check_value(r, c->texts[k].criterion, c->texts[k].text, 0, a);
	return s;
}

/* Merge the checked values into a->values and a->scored, over the sheet as it stands (or nothing, with replace). */
static void merge_values(const struct rubric *r, const struct sheet_change *c, struct apply *a)
{
	for (size_t i = 0; i < r->count; i++) {
		a->values[i] = c->replace ? 0 : a->cur.values[i];
		a->scored[i] = c->replace ? false : a->cur.scored[i];
		if (a->given[i]) {
			a->values[i] = a->given_value[i];
			a->scored[i] = true;
		}
	}
}

static bool same_values(const struct rubric *r, const struct apply *a)
{
	for (size_t i = 0; i < r->count; i++) {
		if (a->scored[i] != a->cur.scored[i])
			return false;
		if (a->scored[i] && a->values[i] != a->cur.values[i])
			return false;
	}
	return true;
}

static enum status resolve(struct store *st, const struct sheet_change *c, struct apply *a)
{
	enum status s = record_find(st, KIND_JUDGE, c->judge ? c->judge : "", a->judge_id, &a->judge);

	if (s == ST_OK)
		s = record_find(st, KIND_TEAM, c->team ? c->team : "", a->team_id, &a->team);
	if (s != ST_OK)
		return s;
	a->judge_shown = text_fit(a->judge, SHOWN_COLS, NULL);
	a->team_shown = text_fit(a->team, SHOWN_COLS, NULL);
	return ST_OK;
}

/* Resolve, check and merge the change into a (nothing written); a->unchanged when it changes nothing. */
static enum status plan_change(struct store *st, const struct actor *who, const struct rubric *r,
			       const struct sheet_change *c, struct apply *a)
{
	enum status s;

	if (who->role != ROLE_ORGANIZER && who->role != ROLE_JUDGE)
		return status_error(ST_DENIED, _("only a judge or the organizer can score"));
	if (c->submit && c->draft)
		return status_error(ST_INVALID, _("a sheet is either submitted or a draft; choose one"));
	if (c->comment && !text_valid_utf8(c->comment, strlen(c->comment)))
		return status_error(ST_INVALID, _("the comment is not valid UTF-8"));
	a->reason = clean_reason(c->reason);
	if ((s = resolve(st, c, a)) != ST_OK)
		return s;
	if ((s = check_values(r, c, a)) != ST_OK)
		return s;
	if ((s = check_access(st, who, a, &a->correction)) != ST_OK)
		return s;
	if ((s = sheet_get(st, r, a->judge_id, a->team_id, &a->cur)) != ST_OK)
		return s;
	a->values = pd_calloc(r->count, sizeof(*a->values));
	a->scored = pd_calloc(r->count, sizeof(*a->scored));
	merge_values(r, c, a);

	a->comment = c->comment ? c->comment : c->replace ? "" : a->cur.comment;
	if (c->draft)
		a->state = SHEET_DRAFT;
	else if (c->submit || a->cur.state == SHEET_SUBMITTED)
		a->state = SHEET_SUBMITTED;
	else
		a->state = SHEET_DRAFT;
	a->complete = sheet_total(r, a->values, a->scored, &a->total);
	if (c->submit && !a->complete) {
		size_t n = 0;
		char *missing = missing_list(r, a->scored, &n);

		s = status_error(ST_INVALID,
				 P_("%s's sheet for %s cannot be submitted: %s is not scored yet",
				    "%s's sheet for %s cannot be submitted: %s are not scored yet", n),
				 a->judge_shown, a->team_shown, missing);
		free(missing);
		return s;
	}
	a->unchanged = a->cur.state == a->state && strcmp(a->comment, a->cur.comment) == 0 && same_values(r, a);
	if (!a->unchanged && a->cur.state != SHEET_MISSING) {
		struct sheet_json_input before = { a->cur.state, a->cur.comment, a->cur.values, a->cur.scored,
						   a->cur.complete, a->cur.total };

		a->before = sheet_json_text(r, &before);
	}
	return ST_OK;
}

/* Write what plan_change decided, with its audit row: inside the write transaction. */
static enum status write_change(struct store *st, const struct rubric *r, struct apply *a)
{
	struct sheet_json_input after = { a->state, a->comment, a->values, a->scored, a->complete, a->total };
	enum sheet_state from = a->cur.state;
	char *state;
	enum status s;

	free(a->after);	/* a retried transaction writes again */
	a->after = NULL;
	s = write_sheet(st, r, &a->cur, a->state, a->comment, a->values, a->scored, a->complete,
				    a->total);

	if (s == ST_OK) {
		struct audit_entry e = {
			.action = action_of(from, a->state, a->correction),
			.kind = "sheet",
			.record_id = a->cur.id,
			.team_id = a->team_id,
			.judge_id = a->judge_id,
			.before = a->before,
			.after = a->after = sheet_json_text(r, &after),
			.reason = a->reason,
			.state = state = sheet_state_text(r, &after),
		};

		s = audit_record(st, &e);
		free(state);
	}
	return s;
}

static enum status apply_change(struct store *st, const struct actor *who, const struct rubric *r,
				const struct sheet_change *c, struct apply *a)
{
	enum status s = plan_change(st, who, r, c, a);

	if (s != ST_OK || a->unchanged)
		return s;
	return write_change(st, r, a);
}

static enum status sheet_apply_rubric_in(struct store *st, const struct actor *who, const struct rubric *r,
			       const struct sheet_change *c)
{
	struct apply a;
	enum status s;

	memset(&a, 0, sizeof(a));
	s = apply_change(st, who, r, c, &a);
	apply_clear(&a);
	return s;
}

struct sheet_apply_rubric_args {
	const struct actor *who;
	const struct rubric *r;
	const struct sheet_change *c;
};

static enum status sheet_apply_rubric_txn(struct store *st, void *ctx)
{
	struct sheet_apply_rubric_args *a = ctx;

	return sheet_apply_rubric_in(st, a->who, a->r, a->c);
}

enum status sheet_apply_rubric(struct store *st, const struct actor *who, const struct rubric *r,
			       const struct sheet_change *c)
{
	struct sheet_apply_rubric_args a = { who, r, c };

	return store_write(st, sheet_apply_rubric_txn, &a);
}

/* The sheet as committed, read in the transaction that wrote it (a retried one reads it again). */
static enum status take_result(struct store *st, const struct rubric *r, const struct apply *a,
			       struct sheet_result *out)
{
	enum status s;

	sheet_result_clear(out);
	s = sheet_get(st, r, a->judge_id, a->team_id, &out->sheet);
	if (s != ST_OK)
		return s;
	out->judge = pd_strdup(a->judge);
	out->team = pd_strdup(a->team);
	return ST_OK;
}

/* The whole change again, its reads included, inside the write lock; out (may be NULL) gets the result. */
static enum status apply_again(struct store *st, const struct actor *who, const struct sheet_change *c,
			       struct sheet_result *out)
{
	struct apply a;
	struct rubric r;
	enum status s = rubric_load(st, &r);

	if (s != ST_OK)
		return s;
	memset(&a, 0, sizeof(a));
	s = apply_change(st, who, &r, c, &a);
	if (s == ST_OK && out)
		s = take_result(st, &r, &a, out);
	apply_clear(&a);
	rubric_clear(&r);
	return s;
}

/*
 * sheet_apply's two steps: the reads and checks under a read snapshot, then the
 * write lock, where one row (&q_sheet_recheck: the lock, the conflict, the
 * rubric, the sheet as it stands) confirms that nothing they read has changed.
 */
struct apply_ctx {
	const struct actor *who;
	const struct sheet_change *change;
	struct rubric rubric;
	bool have_rubric;
	struct apply a;
	char *seen;		/* the recheck row the plan was made on */
	int64_t version;	/* the file's data version the plan read (store_data_version) */
	struct sheet_result *out;	/* NULL: the caller needs nothing back */
};

static enum status recheck_row(struct store *st, const struct apply *a, char **out)
{
	struct query *q = store_query(st, &q_sheet_recheck);

	query_bind_text(q, "$judge", a->judge_id);
	query_bind_text(q, "$team", a->team_id);
	return query_first_text(q, out);
}

static enum status plan_txn(struct store *st, void *ctx)
{
	struct apply_ctx *x = ctx;
	enum status s;

	if (x->have_rubric)
		rubric_clear(&x->rubric);
	apply_clear(&x->a);	/* a retried read starts again */
	memset(&x->a, 0, sizeof(x->a));
	free(x->seen);
	x->seen = NULL;
	if ((s = rubric_load(st, &x->rubric)) != ST_OK)
		return s;
	x->have_rubric = true;
	x->version = store_data_version(st);
	if ((s = plan_change(st, x->who, &x->rubric, x->change, &x->a)) != ST_OK)
		return s;
	if (x->a.unchanged)
		return x->out ? take_result(st, &x->rubric, &x->a, x->out) : ST_OK;
	return recheck_row(st, &x->a, &x->seen);
}

static enum status write_txn(struct store *st, void *ctx)
{
	struct apply_ctx *x = ctx;
	enum status s;

	/* no other connection committed since the plan's snapshot: nothing it read can differ */
	if (store_data_version(st) != x->version) {
		char *now = NULL;
		bool same;

		s = recheck_row(st, &x->a, &now);
		same = s == ST_OK && strcmp(now, x->seen) == 0;
		free(now);
		if (s != ST_OK)
			return s;
		if (!same)
			return apply_again(st, x->who, x->change, x->out);	/* changed since: all again, inside the lock */
	}
	s = write_change(st, &x->rubric, &x->a);
	if (s == ST_OK && x->out)
		s = take_result(st, &x->rubric, &x->a, x->out);
	return s;
}

static enum status whole_txn(struct store *st, void *ctx)
{
	struct apply_ctx *x = ctx;

	return apply_again(st, x->who, x->change, x->out);
}

static enum status apply_with(struct store *st, const struct actor *who, const struct sheet_change *c,
			      struct sheet_result *out)
{
	struct apply_ctx x = { .who = who, .change = c, .out = out };
	enum status s;

	if (store_read_only(st))
		return store_write(st, write_txn, &x);	/* refused as every write is, before any check */
	/* the lock is free: reads, checks and writes in one transaction, nothing to re-check */
	s = store_write_now(st, whole_txn, &x);
	if (s != ST_BUSY)
		return s;
	/* another writer holds it: plan under a read snapshot meanwhile, re-check inside the lock */
	s = store_read(st, plan_txn, &x);
	if (s == ST_OK && !x.a.unchanged)
		s = store_write(st, write_txn, &x);
	apply_clear(&x.a);
	if (x.have_rubric)
		rubric_clear(&x.rubric);
	free(x.seen);
	return s;
}

enum status sheet_apply(struct store *st, const struct actor *who, const struct sheet_change *c)
{
	return apply_with(st, who, c, NULL);
}

enum status sheet_apply_get(struct store *st, const struct actor *who, const struct sheet_change *c,
			    struct sheet_result *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = apply_with(st, who, c, out);
	if (s != ST_OK)
		sheet_result_clear(out);
	return s;
}

void sheet_result_clear(struct sheet_result *r)
{
	sheet_clear(&r->sheet);
	free(r->judge);
	free(r->team);
	r->judge = r->team = NULL;
}

struct total_row {
	char id[ID_LEN + 1];
	bool complete;
	double total;
};

/* Read every sheet's values (one query), compute each total in C. */
static enum status compute_totals(struct store *st, const struct rubric *r, struct total_row **rows,
				  size_t *count)
{
	struct query *q = store_query(st, &q_sheet_all_values);
	int *values = pd_calloc(r->count, sizeof(*values));
	bool *scored = pd_calloc(r->count, sizeof(*scored));
	size_t n = 0, cap = 0;
	enum status s;

	*rows = NULL;
	while ((s = query_step(q)) == ST_ROW) {
		const char *id = query_text(q, ALL_SHEET);
		int i;

		if (n == 0 || strcmp((*rows)[n - 1].id, id) != 0) {
			if (n)
				(*rows)[n - 1].complete = sheet_total(r, values, scored, &(*rows)[n - 1].total);
			PD_GROW(*rows, n, cap);
			memset(&(*rows)[n], 0, sizeof(**rows));
			snprintf((*rows)[n].id, sizeof((*rows)[n].id), "%s", id);
			n++;
			memset(scored, 0, r->count * sizeof(*scored));
		}
		if (query_is_null(q, ALL_CRITERION))
			continue;
		i = index_by_id(r, query_text(q, ALL_CRITERION));
		if (i >= 0) {
			values[i] = (int)query_int(q, ALL_VALUE);
			scored[i] = true;
		}
	}
	if (n)
		(*rows)[n - 1].complete = sheet_total(r, values, scored, &(*rows)[n - 1].total);
	free(values);
	free(scored);
	*count = n;
	return s == ST_DONE ? ST_OK : s;
}

static enum status sheet_recompute_totals_in(struct store *st)
{
	struct total_row *rows = NULL;
	struct rubric r;
	size_t n = 0;
	enum status s = rubric_load(st, &r);

	if (s != ST_OK)
		return s;
	s = compute_totals(st, &r, &rows, &n);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		struct query *q = store_query(st, &q_sheet_set_total);

		query_bind_text(q, "$id", rows[i].id);
		if (rows[i].complete)
			query_bind_double(q, "$total", rows[i].total);
		else
			query_bind_null(q, "$total");
		s = query_exec(q);
	}
	free(rows);
	rubric_clear(&r);
	return s;
}

static enum status recompute_txn(struct store *st, void *ctx)
{
	(void)ctx;
	return sheet_recompute_totals_in(st);
}

enum status sheet_recompute_totals(struct store *st)
{
	return store_write(st, recompute_txn, NULL);
}
