#include "config.h"
#include "unit.h"

#include <math.h>

#include "podium/clock.h"
#include "podium/event.h"
#include "podium/ranking.h"
#include "podium/results.h"
#include "podium/store.h"
#include "fixture.h"

/*
 * The official result from the file: which sheets count (calibration pitch,
 * conflicts, drafts), the policy as people write it, the explanation of a
 * score, the lock's summary and the ceremony's steps.
 */

#define JEANNE "10000000-0000-4000-8000-000000000001"
#define KARIM "10000000-0000-4000-8000-000000000002"
#define ADA "00000000-0000-4000-8000-000000000001"
#define BOB "00000000-0000-4000-8000-000000000002"
#define CAL "00000000-0000-4000-8000-000000000003"
#define DUO "00000000-0000-4000-8000-000000000004"

/*
 * Jeanne: Ada 80, Bob 60, Cal 10 (the calibration pitch), Duo 70 (draft).
 * Karim: Ada 60, Bob 90, Cal 90; Duo incomplete.
 */
static int setup(void **state)
{
	struct event_spec spec = { "Hack", 0, 48 };
	struct store *st;

	if (store_open_memory(&st) != ST_OK)
		return -1;
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	if (event_create(st, &spec) != ST_OK)
		return -1;
	sql(st, "INSERT INTO judge(id, name, name_key) VALUES ('" JEANNE "', 'Jeanne', 'jeanne'),"
		" ('" KARIM "', 'Karim', 'karim');"
		"INSERT INTO team(id, name, name_key, calibration) VALUES ('" ADA "', 'Ada', 'ada', 0),"
		" ('" BOB "', 'Bob', 'bob', 0), ('" CAL "', 'Cal', 'cal', 1), ('" DUO "', 'Duo', 'duo', 0);"
		"CREATE TEMP TABLE s(j, t, status, total);"
		"INSERT INTO s VALUES ('" JEANNE "', '" ADA "', 'submitted', 80), ('" JEANNE "', '" BOB "', 'submitted', 60),"
		" ('" JEANNE "', '" CAL "', 'submitted', 10), ('" JEANNE "', '" DUO "', 'draft', 70),"
		" ('" KARIM "', '" ADA "', 'submitted', 60), ('" KARIM "', '" BOB "', 'submitted', 90),"
		" ('" KARIM "', '" CAL "', 'submitted', 90), ('" KARIM "', '" DUO "', 'submitted', NULL);"
		"INSERT INTO sheet(id, judge_id, team_id, status, total, created_at, updated_at)"
		" SELECT printf('30000000-0000-4000-8000-%012d', rowid), j, t, status, total, 0, 0 FROM s;");
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static const struct rank_row *row_of(const struct ranking *r, const char *team)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->rows[i].team, team) == 0)
			return &r->rows[i];
	return NULL;
}

static void assert_close(double got, double want)
{
	if (fabs(got - want) > 1e-9)
		fail_msg("got %.12f, expected %.12f", got, want);
}

static void compute__counts_no_calibration_pitch__nor_draft_or_incomplete_sheets(void **state)
{
	struct store *st = *state;
	struct ranking r;

	assert_int_equal(ranking_compute(st, NULL, &r), ST_OK);
	assert_int_equal(r.count, 3);	/* Cal is on no board */
	assert_null(row_of(&r, "Cal"));
	assert_string_equal(r.rows[0].team, "Bob");	/* 75 */
	assert_close(r.rows[0].score, 75);
	assert_string_equal(r.rows[1].team, "Ada");	/* 70 */
	assert_int_equal(row_of(&r, "Duo")->status, RANK_UNSCORED);
	ranking_clear(&r);

	/*
	 * Normalized: the statistics leave Cal out. Counted: 80, 60, 60, 90:
	 * M = 72.5, V = 168.75. Jeanne (80, 60): mean 70, variance 100,
	 * mu = (140 + 217.5) / 5 = 71.5, sigma² = (200 + 506.25) / 5 = 141.25.
	 */
	assert_int_equal(ranking_compute(st, &(struct rank_request){ .override_method = true, .method = RANK_NORMALIZED },
					 &r), ST_OK);
	{
		struct sheet_z *z = NULL;
		size_t n = 0;

		assert_int_equal(ranking_team_z(st, ADA, &z, &n), ST_OK);
		assert_int_equal(n, 2);
		for (size_t i = 0; i < n; i++)
			if (strcmp(z[i].judge_id, JEANNE) == 0)
				assert_close(z[i].z, (80 - 71.5) / sqrt(141.25));
		free(z);
	}
	ranking_clear(&r);
}

static void compute__drops_a_sheet__once_a_conflict_is_declared(void **state)
{
	struct store *st = *state;
	struct explanation e;
	struct ranking r;

	sql(st, "INSERT INTO conflict(judge_id, team_id, reason, created_at) VALUES ('" KARIM "', '" BOB "', 'cousin', 0)");
	assert_int_equal(ranking_compute(st, NULL, &r), ST_OK);
	assert_string_equal(r.rows[0].team, "Ada");	/* 70 over Bob's 60 alone */
	assert_int_equal(row_of(&r, "Bob")->judges, 1);
	assert_close(row_of(&r, "Bob")->score, 60);
	ranking_clear(&r);
	/* the sheet is still there, and the explanation says why it does not count */
	assert_int_equal(results_explain(st, BOB, &e), ST_OK);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.sheets[0].judge, "Jeanne");
	assert_int_equal(e.sheets[0].verdict, VERDICT_COUNTS);
	assert_string_equal(e.sheets[1].judge, "Karim");
	assert_int_equal(e.sheets[1].verdict, VERDICT_CONFLICT);
	assert_true(e.sheets[1].complete);
	assert_close(e.sheets[1].total, 90);
	explanation_clear(&e);
}

static void explain__names_each_reason(void **state)
{
	struct store *st = *state;
	struct explanation e;

	assert_int_equal(results_explain(st, DUO, &e), ST_OK);
	assert_int_equal(e.row.status, RANK_UNSCORED);
	assert_int_equal(e.sheets[0].verdict, VERDICT_DRAFT);
	assert_int_equal(e.sheets[1].verdict, VERDICT_INCOMPLETE);
	assert_false(e.sheets[1].complete);
	explanation_clear(&e);
	assert_int_equal(results_explain(st, CAL, &e), ST_OK);
	assert_true(e.calibration);
	assert_int_equal(e.sheets[0].verdict, VERDICT_CALIBRATION);
	assert_string_equal(sheet_verdict_name(e.sheets[1].verdict), "calibration");
	explanation_clear(&e);
}

static void policy__reads_names__and_refuses_bad_keys(void **state)
{
	struct store *st = *state;
	struct results_policy p = RESULTS_POLICY_DEFAULT;
	char *text;

	assert_int_equal(results_tie_break_parse(st, " judges , criterion:pitch,normalized", &p), ST_OK);
	assert_int_equal(p.ntie, 3);
	assert_int_equal(p.tie[0].kind, TIE_JUDGES);
	assert_int_equal(p.tie[1].kind, TIE_CRITERION);
	assert_int_equal(p.tie[2].kind, TIE_NORMALIZED);
	text = results_tie_break_text(st, &p);
	assert_string_equal(text, "judges,criterion:Pitch,normalized");
	free(text);
	/* the stored form names the criterion by id and reads back the same */
	text = ranking_tie_format(&p);
	{
		struct results_policy back = RESULTS_POLICY_DEFAULT;

		assert_true(ranking_tie_parse(text, &back));
		assert_int_equal(back.ntie, 3);
		assert_string_equal(back.tie[1].criterion_id, p.tie[1].criterion_id);
	}
	free(text);
	assert_int_equal(results_tie_break_parse(st, "none", &p), ST_OK);
	assert_int_equal(p.ntie, 0);
	assert_int_equal(results_tie_break_parse(st, "luck", &p), ST_INVALID);
	assert_int_equal(results_tie_break_parse(st, "criterion:Charm", &p), ST_INVALID);
	assert_int_equal(results_tie_break_parse(st, "raw,raw", &p), ST_INVALID);
	assert_int_equal(results_tie_break_parse(st, "raw,normalized,judges,raw", &p), ST_INVALID);
	assert_false(ranking_tie_parse("criterion:", &p));
	assert_false(ranking_tie_parse("bogus", &p));
}

static void policy__is_stored_audited__and_refused_after_the_lock(void **state)
{
	struct store *st = *state;
	struct results_policy p = { .method = RANK_NORMALIZED, .min_judges = 2, .ntie = 1, .tie = { { TIE_JUDGES, "" } } };
	struct results_policy back;
	struct ranking r;
	char *before, *after;

	assert_int_equal(results_policy_set(st, &p), ST_OK);
	assert_int_equal(ranking_policy(st, &back), ST_OK);
	assert_int_equal(back.method, RANK_NORMALIZED);
	assert_int_equal(back.min_judges, 2);
	assert_int_equal(back.ntie, 1);
	before = sql_text(st, "SELECT count(*) FROM audit WHERE action = 'policy'");
	assert_string_equal(before, "1");
	free(before);
	/* every ranking follows it: Ada and Bob have two sheets, Duo none */
	assert_int_equal(ranking_compute(st, NULL, &r), ST_OK);
	assert_int_equal(r.method, RANK_NORMALIZED);
	assert_int_equal(r.ranked, 2);
	ranking_clear(&r);

	p.min_judges = 0;
	assert_int_equal(results_policy_set(st, &p), ST_INVALID);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	before = sql_text(st, "SELECT rank_method || min_judges || tie_break || (SELECT count(*) FROM audit) FROM event");
	p.min_judges = 1;
	assert_int_equal(results_policy_set(st, &p), ST_LOCKED);
	assert_int_equal(results_set_calibration(st, ADA, true), ST_LOCKED);
	after = sql_text(st, "SELECT rank_method || min_judges || tie_break || (SELECT count(*) FROM audit) FROM event");
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void summary__counts_ranked_pending_ties__and_missing_panel_sheets(void **state)
{
	struct store *st = *state;
	struct results_policy p = { .method = RANK_RAW, .min_judges = 2 };
	struct results_summary sum;

	/* Bob 60 and 90, Ada 80 and 60 -> Ada 70; make them tie at 75 */
	sql(st, "UPDATE sheet SET total = 90 WHERE judge_id = '" JEANNE "' AND team_id = '" ADA "';"
		"INSERT INTO judge(id, name, name_key) VALUES ('10000000-0000-4000-8000-000000000003', 'Li', 'li');"
		"INSERT INTO assignment(judge_id, team_id) VALUES ('10000000-0000-4000-8000-000000000003', '" ADA "'),"
		" ('" JEANNE "', '" ADA "'), ('" KARIM "', '" DUO "'), ('" JEANNE "', '" CAL "');");
	assert_int_equal(results_policy_set(st, &p), ST_OK);
	assert_int_equal(results_summary(st, &sum), ST_OK);
	assert_int_equal(sum.ranked, 2);
	assert_int_equal(sum.pending, 0);
	assert_int_equal(sum.unscored, 1);
	assert_int_equal(sum.nties, 1);
	assert_int_equal(sum.ties[0].rank, 1);
	assert_int_equal(sum.ties[0].count, 2);
	assert_string_equal(sum.ties[0].teams[0], "Ada");
	assert_string_equal(sum.ties[0].teams[1], "Bob");
	/* Li's Ada and Karim's incomplete Duo are missing; Jeanne's Ada is in, the calibration pitch is not counted */
	assert_int_equal(sum.missing_sheets, 2);
	results_summary_clear(&sum);
}

static void reveal__steps_from_the_bottom__only_after_the_lock(void **state)
{
	struct store *st = *state;
	struct reveal_step r;
	char *step;

	assert_int_equal(results_reveal(st, false, &r), ST_INVALID);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	/* preview: who comes next, nothing changes */
	assert_int_equal(results_reveal(st, true, &r), ST_OK);
	assert_string_equal(r.team, "Ada");
	assert_int_equal(r.step, 1);
	assert_int_equal(r.ranked, 2);
	reveal_step_clear(&r);
	step = sql_text(st, "SELECT reveal_step FROM event");
	assert_string_equal(step, "-1");
	free(step);
	assert_int_equal(results_reveal(st, false, &r), ST_OK);
	assert_string_equal(r.team, "Ada");
	assert_int_equal(r.rank, 2);
	reveal_step_clear(&r);
	assert_int_equal(results_reveal(st, false, &r), ST_OK);
	assert_string_equal(r.team, "Bob");
	assert_int_equal(r.rank, 1);
	assert_int_equal(r.step, 2);
	reveal_step_clear(&r);
	/* past the winner nothing changes, and it says so */
	assert_int_equal(results_reveal(st, false, &r), ST_OK);
	assert_true(r.done);
	assert_null(r.team);
	reveal_step_clear(&r);
	step = sql_text(st, "SELECT reveal_step FROM event");
	assert_string_equal(step, "2");
	free(step);
	/* unlocking ends the ceremony */
	assert_int_equal(event_set_locked(st, false), ST_OK);
	step = sql_text(st, "SELECT reveal_step FROM event");
	assert_string_equal(step, "-1");
	free(step);
}

static void views__rank_every_board_by_the_policy__in_one_read(void **state)
{
	struct store *st = *state;
	struct results_policy p = { .method = RANK_NORMALIZED, .min_judges = 1 };
	struct ranking_views v;

	sql(st, "INSERT INTO track(id, name, name_key) VALUES ('20000000-0000-4000-8000-000000000001', 'Éco', 'éco'),"
		" ('20000000-0000-4000-8000-000000000002', 'Empty', 'empty');"
		"INSERT INTO team_track VALUES ('" BOB "', '20000000-0000-4000-8000-000000000001'),"
		" ('" CAL "', '20000000-0000-4000-8000-000000000002');");
	assert_int_equal(results_policy_set(st, &p), ST_OK);
	assert_int_equal(ranking_views(st, &v), ST_OK);
	/* every team, then Éco; Empty holds only the calibration pitch: no board */
	assert_int_equal(v.count, 2);
	assert_null(v.items[0].title);
	assert_int_equal(v.items[0].ranking.method, RANK_NORMALIZED);
	assert_string_equal(v.items[1].title, "Éco");
	assert_int_equal(v.items[1].ranking.count, 1);
	assert_string_equal(v.items[1].ranking.rows[0].team, "Bob");
	ranking_views_clear(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(compute__counts_no_calibration_pitch__nor_draft_or_incomplete_sheets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(compute__drops_a_sheet__once_a_conflict_is_declared, setup, teardown),
		cmocka_unit_test_setup_teardown(explain__names_each_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(policy__reads_names__and_refuses_bad_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(policy__is_stored_audited__and_refused_after_the_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(summary__counts_ranked_pending_ties__and_missing_panel_sheets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(reveal__steps_from_the_bottom__only_after_the_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(views__rank_every_board_by_the_policy__in_one_read, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
