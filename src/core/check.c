#include "config.h"
#include "podium/check.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/panel.h"
#include "podium/rubric.h"
#include "podium/sheet.h"
#include "podium/store.h"

/* each sheet against the state its last audit row left; state NULL: written before states */
STMT_DEFINE(q_audit_replay_sheets,
	    "WITH last AS (SELECT record_id, state, max(seq) AS seq FROM audit WHERE kind = 'sheet'"
	    " AND record_id IS NOT NULL GROUP BY record_id)"
	    " SELECT j.name, t.name, l.seq IS NOT NULL, l.state IS NOT NULL,"
	    " l.state IS NOT NULL AND (json_extract(l.state, '$.status') IS NOT s.status"
	    "  OR EXISTS (SELECT 1 FROM sheet_value v WHERE v.sheet_id = s.id"
	    "   AND json_extract(l.state, '$.values.\"' || v.criterion_id || '\"') IS NOT v.value)"
	    "  OR EXISTS (SELECT 1 FROM json_each(l.state, '$.values') e JOIN criterion c ON c.id = e.key"
	    "   WHERE NOT EXISTS (SELECT 1 FROM sheet_value v WHERE v.sheet_id = s.id AND v.criterion_id = e.key)))"
	    " FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id"
	    " LEFT JOIN last l ON l.record_id = s.id ORDER BY j.name, t.name");
enum { REPLAY_JUDGE, REPLAY_TEAM, REPLAY_AUDITED, REPLAY_HAS_STATE, REPLAY_DIFFERS };
/* sheets the log says exist, of a judge and a team still there, that the tables lack */
STMT_DEFINE(q_audit_replay_gone,
	    "WITH last AS (SELECT record_id, team_id, judge_id, state, max(seq) AS seq FROM audit"
	    " WHERE kind = 'sheet' AND record_id IS NOT NULL GROUP BY record_id)"
	    " SELECT j.name, t.name FROM last l JOIN judge j ON j.id = l.judge_id JOIN team t ON t.id = l.team_id"
	    " WHERE l.state IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sheet s WHERE s.id = l.record_id)"
	    " ORDER BY j.name, t.name");
/* a sheet named by its judge and team: q_audit_replay_gone, q_check_conflicted_sheets */
enum { NAMED_JUDGE, NAMED_TEAM };
STMT_DEFINE(q_check_counts,
	    "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM team), (SELECT count(*) FROM judge),"
	    " (SELECT count(*) FROM sheet)");
enum { COUNT_EVENTS, COUNT_TEAMS, COUNT_JUDGES, COUNT_SHEETS };
STMT_DEFINE(q_check_sheets,
	    "SELECT s.id, coalesce(j.name, s.judge_id), coalesce(t.name, s.team_id), s.status, s.total"
	    " FROM sheet s LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id"
	    " ORDER BY t.name, j.name, s.id");
enum { SHEET_ID, SHEET_JUDGE, SHEET_TEAM, SHEET_STATUS, SHEET_TOTAL };
STMT_DEFINE(q_check_sheet_values,
	    "SELECT criterion_id, value, typeof(value) = 'integer' FROM sheet_value WHERE sheet_id = $sheet");
enum { VALUE_CRITERION, VALUE_VALUE, VALUE_IS_INTEGER };
STMT_DEFINE(q_check_conflicted_sheets,
	    "SELECT coalesce(j.name, s.judge_id), coalesce(t.name, s.team_id) FROM sheet s"
	    " JOIN conflict k ON k.judge_id = s.judge_id AND k.team_id = s.team_id"
	    " LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id"
	    " ORDER BY t.name, j.name");

struct run {
	struct store *st;
	check_report_fn report;
	void *ctx;
	struct check_summary sum;
	struct rubric rubric;
};

static void problem(struct run *r, const char *fmt, ...) PD_PRINTF(2, 3);

static void problem(struct run *r, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = pd_vasprintf(fmt, ap);
	va_end(ap);
	r->report(r->ctx, text);
	r->sum.problems++;
	free(text);
}

static void integrity_problem(void *ctx, const char *text)
{
	struct run *r = ctx;

	problem(r, _("database: %s"), text);
}

static void check_counts(struct store *st, struct run *r)
{
	struct query *q = store_query(st, &q_check_counts);
	enum status s = query_step(q);

	if (s != ST_ROW) {
		problem(r, _("cannot count the records: %s"), status_message(s));
		return;
	}
	if (query_int(q, COUNT_EVENTS) == 0)
		problem(r, _("the file holds no event; create one with 'podium init --name NAME'"));
	r->sum.teams = query_int(q, COUNT_TEAMS);
	r->sum.judges = query_int(q, COUNT_JUDGES);
	r->sum.sheets = query_int(q, COUNT_SHEETS);
	query_reset(q);
}

/* One sheet's values against the rubric, its total and its status. */
static void check_sheet(struct store *st, struct run *r, const char *id, const char *who,
			bool submitted, bool has_total, double stored)
{
	const struct rubric *rb = &r->rubric;
	struct query *q = store_query(st, &q_check_sheet_values);
	int *values = pd_calloc(rb->count + 1, sizeof(int));
	bool *scored = pd_calloc(rb->count + 1, sizeof(bool));
	bool in_scale = true;
	size_t missing = 0;
	double total = 0;
	enum status s;

	query_bind_text(q, "$sheet", id);
	while ((s = query_step(q)) == ST_ROW) {
		int i = rubric_find(rb, query_text(q, VALUE_CRITERION));
		const struct criterion *c;
		int64_t v = query_int(q, VALUE_VALUE);

		if (i < 0) {
			problem(r, _("%s: a value for criterion %s, which is not in the rubric"), who,
				query_text(q, VALUE_CRITERION));
			continue;
		}
		c = &rb->items[i];
		scored[i] = true;
		if (!query_int(q, VALUE_IS_INTEGER)) {
			problem(r, _("%s: %s is '%s', not a whole number"), who, c->name,
				query_text(q, VALUE_VALUE));
			in_scale = false;
		} else if (v < c->min || v > c->max) {
			problem(r, _("%s: %s is %lld, outside its scale %d to %d"), who, c->name,
				(long long)v, c->min, c->max);
			in_scale = false;
		} else {
			values[i] = (int)v;
		}
	}
	if (s != ST_DONE)
		problem(r, _("%s: cannot read its values: %s"), who, status_message(s));
	for (size_t i = 0; i < rb->count; i++)
		missing += !scored[i];
	/* a value out of scale is reported above: its total cannot be judged */
	if (!missing && in_scale && sheet_total(rb, values, scored, &total)) {
		if (!has_total)
			problem(r,
				_("%s: every criterion is scored but its total is missing (expected "
				"%.12g)"),
				who, total);
		else if (fabs(stored - total) > 1e-9)
			problem(r, _("%s: its total is %.12g, expected %.12g from its values"), who,
				stored, total);
	} else if (missing && has_total) {
		problem(r, _("%s: it is incomplete but has a total (%.12g)"), who, stored);
	}
	if (submitted && missing)
		problem(r, _("%s: it is submitted but %zu of %zu criteria are not scored"), who,
			missing, rb->count);
	free(values);
	free(scored);
}

static void check_sheets(struct store *st, struct run *r)
{
	struct query *q;
	enum status s = rubric_load(st, &r->rubric);

	if (s != ST_OK) {
		problem(r, _("cannot read the rubric: %s"), status_message(s));
		return;
	}
	q = store_query(st, &q_check_sheets);
	while ((s = query_step(q)) == ST_ROW) {
		char *id = pd_strdup(query_text(q, SHEET_ID));
		char *who = pd_asprintf(_("sheet of %s for %s"), query_text(q, SHEET_JUDGE), query_text(q, SHEET_TEAM));
		bool submitted = strcmp(query_text(q, SHEET_STATUS), "submitted") == 0;
		bool has_total = !query_is_null(q, SHEET_TOTAL);

		check_sheet(st, r, id, who, submitted, has_total,
			    has_total ? query_double(q, SHEET_TOTAL) : 0);
		free(id);
		free(who);
	}
	if (s != ST_DONE)
		problem(r, _("cannot read the sheets: %s"), status_message(s));
	rubric_clear(&r->rubric);

	q = store_query(st, &q_check_conflicted_sheets);
	while ((s = query_step(q)) == ST_ROW)
		problem(
		    r,
		    _("sheet of %s for %s: the judge declared a conflict of interest with this team"),
		    query_text(q, NAMED_JUDGE), query_text(q, NAMED_TEAM));
	if (s != ST_DONE)
		problem(r, _("cannot read the conflicts: %s"), status_message(s));
}

/* The judge panels, once assigned: every team seen by K judges, no conflict, no judge in two rooms at once. */
static void check_panels(struct store *st, struct run *r)
{
	struct panel_coverage c;
	enum status s = panel_coverage(st, 0, &c);

	if (s != ST_OK) {
		problem(r, _("cannot read the judge panels: %s"), status_message(s));
		return;
	}
	for (size_t i = 0; c.assignments && i < c.nshort; i++)
		problem(r, _("panel: %s is seen by %zu of the %d judges asked for; run 'podium assign judges' again"),
			c.short_teams[i].name, c.short_teams[i].count, c.per_team);
	if (c.conflicted)
		problem(r, P_("panel: %zu assignment goes against a declared conflict", "panel: %zu assignments go against a declared conflict",
			      c.conflicted),
			c.conflicted);
	if (c.clashes)
		problem(r, P_("panel: %zu time a judge must be in two rooms at once", "panel: %zu times a judge must be in two rooms at once",
			      c.clashes),
			c.clashes);
	panel_coverage_clear(&c);
}

static void audit_problem(void *ctx, const char *text)
{
	problem(ctx, "%s", text);
}

/* The log replayed: each sheet as the state of its last audit row says, none missing. */
static void check_replay(struct store *st, struct run *r)
{
	struct query *q = store_query(st, &q_audit_replay_sheets);
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		const char *judge = query_text(q, REPLAY_JUDGE), *team = query_text(q, REPLAY_TEAM);

		if (!query_int(q, REPLAY_AUDITED))
			problem(r, _("replay: the sheet of %s for %s is in no audit row: it was written outside podium"),
				judge, team);
		else if (!query_int(q, REPLAY_HAS_STATE))
			r->sum.unreplayable++;
		else if (query_int(q, REPLAY_DIFFERS))
			problem(r, _("replay: the sheet of %s for %s differs from its last audit row: it was edited outside podium"),
				judge, team);
		else
			r->sum.replayed++;
	}
	if (s != ST_DONE)
		problem(r, _("cannot replay the audit log: %s"), status_message(s));
	q = store_query(st, &q_audit_replay_gone);
	while ((s = query_step(q)) == ST_ROW)
		problem(r, _("replay: the sheet of %s for %s is in the audit log but not in the file: it was deleted outside podium"),
			query_text(q, NAMED_JUDGE), query_text(q, NAMED_TEAM));
	if (s != ST_DONE)
		problem(r, _("cannot replay the audit log: %s"), status_message(s));
}

static enum status run_txn(struct store *st, void *ctx)
{
	struct run *r = ctx;
	enum status s;

	store_check_integrity(st, integrity_problem,
			      r); /* each problem counted by integrity_problem() */
	check_counts(st, r);
	s = audit_verify_report(st, audit_problem, r, &r->sum.audit);
	if (s != ST_OK)
		problem(r, _("cannot read the audit log: %s"), status_message(s));
	r->sum.audit_rows = r->sum.audit.rows;
	check_replay(st, r);
	check_sheets(st, r);
	check_panels(st, r);
	return ST_OK;
}

enum status check_run(struct store *st, check_report_fn report, void *ctx,
		      struct check_summary *out)
{
	struct run r = {.st = st, .report = report, .ctx = ctx};
	enum status s = store_read(st, run_txn, &r);

	if (s != ST_OK)
		problem(&r, _("cannot read the event file: %s"), status_message(s));
	if (out)
		*out = r.sum;
	if (r.sum.problems)
		return status_error(ST_CORRUPT, P_("%d problem found in %s", "%d problems found in %s", r.sum.problems),
				    r.sum.problems, store_path(st));
	return ST_OK;
}
