#include "config.h"
#include "unit.h"

#include <math.h>

#include "podium/ranking.h"
#include "podium/store.h"

/* Teams named names[0..n), all shown, with ids "t0", "t1", ... */
static struct rank_team *make_teams(const char *const *names, size_t n)
{
	struct rank_team *teams = calloc(n, sizeof(*teams));
	static char ids[16][8];

	assert_non_null(teams);
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++) {
		snprintf(ids[i], sizeof(ids[i]), "t%zu", i);
		teams[i] = (struct rank_team){ ids[i], names[i], true };
	}
	return teams;
}

/* Rank by method under the default policy (one judge, no tie-break). */
static void rank_with(const struct rank_team *teams, size_t nteams, const struct rank_sheet *sheets, size_t nsheets,
		      size_t njudges, enum rank_method method, struct ranking *out)
{
	struct rank_input in = { teams, nteams, sheets, nsheets, njudges, NULL };
	struct results_policy p = RESULTS_POLICY_DEFAULT;

	p.method = method;
	ranking_from_sheets(&in, &p, out);
}

static void assert_row(const struct ranking *r, size_t i, const char *name, int rank, int judges)
{
	assert_true(i < r->count);
	assert_string_equal(r->rows[i].team, name);
	assert_int_equal(r->rows[i].rank, rank);
	assert_int_equal(r->rows[i].judges, judges);
}

static void assert_close(double got, double want)
{
	if (fabs(got - want) > 1e-9)
		fail_msg("got %.12f, expected %.12f", got, want);
}

static void raw__shares_rank_1_2_2_4__when_scores_tie(void **state)
{
	static const char *const names[] = { "Delta", "Charlie", "Bravo", "Alpha" };
	/* one judge per team */
	static const struct rank_sheet sheets[] = { { 0, 0, 70 }, { 1, 1, 80 }, { 2, 2, 80 }, { 3, 3, 90 } };
	struct rank_team *teams = make_teams(names, 4);
	struct ranking r;

	(void)state;
	rank_with(teams, 4, sheets, 4, 4, RANK_RAW, &r);
	assert_int_equal(r.count, 4);
	assert_row(&r, 0, "Alpha", 1, 1);
	assert_row(&r, 1, "Bravo", 2, 1);
	assert_row(&r, 2, "Charlie", 2, 1);
	assert_row(&r, 3, "Delta", 4, 1);
	assert_close(r.rows[0].score, 90);
	for (size_t i = 0; i < r.count; i++) {
		assert_int_equal(r.rows[i].raw_rank, r.rows[i].rank);
		assert_close(r.rows[i].raw_score, r.rows[i].score);
	}
	assert_string_equal(r.rows[0].team_id, "t3");
	ranking_clear(&r);
	free(teams);
}

static void raw__shares_rank__when_scores_within_1e9(void **state)
{
	static const char *const names[] = { "Low", "High", "Apart" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 50.0 }, { 1, 1, 50.0 + 0.5e-9 }, { 2, 2, 50.0 - 2e-9 },
	};
	struct rank_team *teams = make_teams(names, 3);
	struct ranking r;

	(void)state;
	rank_with(teams, 3, sheets, 3, 3, RANK_RAW, &r);
	/* High and Low tie (shown in name order); Apart is 2e-9 below: its own rank */
	assert_row(&r, 0, "High", 1, 1);
	assert_row(&r, 1, "Low", 1, 1);
	assert_row(&r, 2, "Apart", 3, 1);
	ranking_clear(&r);
	free(teams);
}

/*
 * The documented choice for chains: each score is compared with the highest
 * score of its group, so a, a + 0.6e-9, a + 1.2e-9 gives ranks 3, 1, 1 (the
 * group does not grow link by link).
 */
static void raw__breaks_a_chain_of_near_ties__at_1e9_from_the_group_top(void **state)
{
	static const char *const names[] = { "Zed", "Amy", "Bob", "Cid" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 50.0 + 1.2e-9 }, { 1, 1, 50.0 + 0.6e-9 }, { 2, 2, 50.0 }, { 3, 3, 50.0 - 0.6e-9 },
	};
	struct rank_team *teams = make_teams(names, 4);
	struct ranking r;

	(void)state;
	rank_with(teams, 4, sheets, 4, 4, RANK_RAW, &r);
	assert_row(&r, 0, "Amy", 1, 1);
	assert_row(&r, 1, "Zed", 1, 1);
	/* Bob starts a new group at rank 3, and Cid is within 1e-9 of Bob */
	assert_row(&r, 2, "Bob", 3, 1);
	assert_row(&r, 3, "Cid", 3, 1);
	ranking_clear(&r);
	free(teams);
}

/*
 * Rubric: Impact weight 2 on 1..5, Code weight 1 on 0..10.
 * Judge 0 gives Solar (5, 0): T = 100 * (2 * 4/4 + 1 * 0/10) / 3 = 200/3.
 * Judge 1 gives Solar (1, 10): T = 100 * (2 * 0/4 + 1 * 10/10) / 3 = 100/3.
 * Judge 0 gives Wind (3, 5): T = 100 * (2 * 2/4 + 1 * 5/10) / 3 = 50.
 * Judge 1 gives Wind (4, 8): T = 100 * (2 * 3/4 + 1 * 8/10) / 3 = 230/3.
 * S(Solar) = 50, S(Wind) = (50 + 230/3) / 2 = 190/3 = 63.33...
 */
static void raw__means_the_weighted_totals(void **state)
{
	static const char *const names[] = { "Solar", "Wind" };
	const struct rank_sheet sheets[] = {
		{ 0, 0, 100.0 * (2 * 4.0 / 4 + 1 * 0.0 / 10) / 3 },
		{ 0, 1, 100.0 * (2 * 0.0 / 4 + 1 * 10.0 / 10) / 3 },
		{ 1, 0, 100.0 * (2 * 2.0 / 4 + 1 * 5.0 / 10) / 3 },
		{ 1, 1, 100.0 * (2 * 3.0 / 4 + 1 * 8.0 / 10) / 3 },
	};
	struct rank_team *teams = make_teams(names, 2);
	struct ranking r;

	(void)state;
	rank_with(teams, 2, sheets, 4, 2, RANK_RAW, &r);
	assert_row(&r, 0, "Wind", 1, 2);
	assert_close(r.rows[0].score, 190.0 / 3);
	assert_row(&r, 1, "Solar", 2, 2);
	assert_close(r.rows[1].score, 50.0);
	ranking_clear(&r);
	free(teams);
}

/*
 * Judge 0 scores only A (90); judge 1 scores A 50 and B 70.
 * Every sheet: 90, 50, 70: M = 70, V = 800/3. k = 3.
 * Judge 0: n 1, m 90, s² 0: mu = (90 + 210) / 4 = 75, sigma² = (0 + 800) / 4 = 200.
 * Judge 1: n 2, m 60, s² 100: mu = (120 + 210) / 5 = 66, sigma² = (200 + 800) / 5 = 200.
 * z(0,A) = 15 / sqrt 200; z(1,A) = -16 / sqrt 200; z(1,B) = 4 / sqrt 200.
 * Z(A) = -0.5 / sqrt 200, Z(B) = 4 / sqrt 200. Raw: both 70, tied.
 */
static void normalized__shrinks_a_judge_with_one_sheet__toward_the_event(void **state)
{
	static const char *const names[] = { "A", "B" };
	static const struct rank_sheet sheets[] = { { 0, 0, 90 }, { 0, 1, 50 }, { 1, 1, 70 } };
	struct rank_input in = { NULL, 2, sheets, 3, 2, NULL };
	struct rank_team *teams = make_teams(names, 2);
	struct ranking r;
	double z[3];

	(void)state;
	in.teams = teams;
	ranking_sheet_z(&in, z);
	assert_close(z[0], 15 / sqrt(200));
	assert_close(z[1], -16 / sqrt(200));
	assert_close(z[2], 4 / sqrt(200));
	rank_with(teams, 2, sheets, 3, 2, RANK_NORMALIZED, &r);
	assert_row(&r, 0, "B", 1, 1);
	assert_close(r.rows[0].score, 4 / sqrt(200));
	assert_int_equal(r.rows[0].raw_rank, 1);
	assert_close(r.rows[0].raw_score, 70);
	assert_row(&r, 1, "A", 2, 2);
	assert_close(r.rows[1].score, -0.5 / sqrt(200));
	assert_int_equal(r.rows[1].raw_rank, 1);
	assert_close(r.rows[1].raw_score, 70);
	assert_false(r.rows[0].tied);
	ranking_clear(&r);
	free(teams);
}

/*
 * Judge 0 gives everyone 80; judge 1 gives A 40, B 60, C 80.
 * Every sheet: M = 70, V = 1400 / 6 = 700/3.
 * Judge 0: mu = (240 + 210) / 6 = 75, sigma² = (0 + 700) / 6 = 350/3: each z = 5 / sqrt(350/3).
 * Judge 1: m 60, s² 800/3: mu = (180 + 210) / 6 = 65, sigma² = (800 + 700) / 6 = 250.
 */
#define Z_SAME (5 / sqrt(350.0 / 3))
#define Z_A ((Z_SAME + -25 / sqrt(250)) / 2)
#define Z_B ((Z_SAME + -5 / sqrt(250)) / 2)
#define Z_C ((Z_SAME + 15 / sqrt(250)) / 2)

static void normalized__shrinks_a_judge_who_gives_everyone_the_same(void **state)
{
	static const char *const names[] = { "A", "B", "C" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 80 }, { 1, 0, 80 }, { 2, 0, 80 }, { 0, 1, 40 }, { 1, 1, 60 }, { 2, 1, 80 },
	};
	struct rank_team *teams = make_teams(names, 3);
	struct ranking r;

	(void)state;
	rank_with(teams, 3, sheets, 6, 2, RANK_NORMALIZED, &r);
	assert_row(&r, 0, "C", 1, 2);
	assert_close(r.rows[0].score, Z_C);
	assert_row(&r, 1, "B", 2, 2);
	assert_close(r.rows[1].score, Z_B);
	assert_row(&r, 2, "A", 3, 2);
	assert_close(r.rows[2].score, Z_A);
	assert_false(isnan(r.rows[0].score));
	ranking_clear(&r);
	free(teams);
}

/* The same sheets with only A and C shown: the statistics still include B's sheets. */
static void normalized__keeps_global_statistics__when_a_track_hides_teams(void **state)
{
	static const char *const names[] = { "A", "B", "C" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 80 }, { 1, 0, 80 }, { 2, 0, 80 }, { 0, 1, 40 }, { 1, 1, 60 }, { 2, 1, 80 },
	};
	struct rank_team *teams = make_teams(names, 3);
	struct ranking r;

	(void)state;
	teams[1].shown = false;
	rank_with(teams, 3, sheets, 6, 2, RANK_NORMALIZED, &r);
	assert_int_equal(r.count, 2);
	assert_row(&r, 0, "C", 1, 2);
	assert_close(r.rows[0].score, Z_C);
	assert_row(&r, 1, "A", 2, 2);
	assert_close(r.rows[1].score, Z_A);
	assert_int_equal(r.rows[1].raw_rank, 2);
	ranking_clear(&r);
	free(teams);
}

/* One judge's single 100 does not put a team first when the policy wants two judges. */
static void policy__leaves_teams_below_the_minimum_pending__after_the_ranked(void **state)
{
	static const char *const names[] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 60 }, { 0, 1, 80 },	/* Alpha 70 from 2 */
		{ 1, 2, 100 },			/* Bravo 100 from 1 */
		{ 2, 0, 50 }, { 2, 1, 50 },	/* Charlie 50 from 2 */
		{ 4, 1, 30 },			/* Echo 30 from 1 */
	};
	struct rank_input in = { NULL, 5, sheets, 6, 3, NULL };
	struct results_policy p = { .method = RANK_RAW, .min_judges = 2 };
	struct rank_team *teams = make_teams(names, 5);
	struct ranking r;

	(void)state;
	in.teams = teams;
	ranking_from_sheets(&in, &p, &r);
	assert_int_equal(r.ranked, 2);
	assert_int_equal(r.pending, 2);
	assert_row(&r, 0, "Alpha", 1, 2);
	assert_row(&r, 1, "Charlie", 2, 2);
	assert_row(&r, 2, "Bravo", 0, 1);	/* pending by score: Bravo 100, then Echo 30 */
	assert_int_equal(r.rows[2].status, RANK_PENDING);
	assert_close(r.rows[2].score, 100);
	assert_row(&r, 3, "Echo", 0, 1);
	assert_int_equal(r.rows[3].status, RANK_PENDING);
	assert_row(&r, 4, "Delta", 0, 0);
	assert_int_equal(r.rows[4].status, RANK_UNSCORED);
	ranking_clear(&r);
	/* with the default minimum, Bravo's single sheet puts it first */
	p.min_judges = 1;
	ranking_from_sheets(&in, &p, &r);
	assert_row(&r, 0, "Bravo", 1, 1);
	assert_int_equal(r.ranked, 4);
	ranking_clear(&r);
	free(teams);
}

/*
 * Raw: Alpha 70 (60, 80), Bravo 70 (70, 70, 70), Charlie 70 (90, 50), Delta 60.
 * Chain judges: Bravo (3 sheets) first, then Alpha and Charlie (2 each).
 * Then criterion key (fractions): Alpha 0.5, 1.0 -> 0.75; Charlie 0.25, 0.25 -> 0.25.
 */
static void policy__breaks_ties_by_the_chain__and_flags_what_is_left(void **state)
{
	static const char *const names[] = { "Alpha", "Bravo", "Charlie", "Delta" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 60 }, { 0, 1, 80 }, { 1, 0, 70 }, { 1, 1, 70 }, { 1, 2, 70 }, { 2, 0, 90 }, { 2, 1, 50 },
		{ 3, 0, 60 },
	};
	/* two keys a sheet: judges (unused cell), criterion */
	static const double criteria[] = { 0, 0.5, 0, 1.0, 0, 0.5, 0, 0.5, 0, 0.5, 0, 0.25, 0, 0.25, 0, 1.0 };
	struct rank_input in = { NULL, 4, sheets, 8, 3, criteria };
	struct results_policy p = { .method = RANK_RAW, .min_judges = 1, .ntie = 1, .tie = { { TIE_JUDGES, "" } } };
	struct rank_team *teams = make_teams(names, 4);
	struct ranking r;

	(void)state;
	in.teams = teams;
	/* no chain: three teams share rank 1 */
	p.ntie = 0;
	ranking_from_sheets(&in, &p, &r);
	assert_row(&r, 0, "Alpha", 1, 2);
	assert_row(&r, 1, "Bravo", 1, 3);
	assert_row(&r, 2, "Charlie", 1, 2);
	assert_row(&r, 3, "Delta", 4, 1);
	assert_true(r.rows[0].tied && r.rows[1].tied && r.rows[2].tied);
	assert_false(r.rows[3].tied);
	ranking_clear(&r);
	/* judges: Bravo first; Alpha and Charlie still tied at 2 */
	p.ntie = 1;
	ranking_from_sheets(&in, &p, &r);
	assert_row(&r, 0, "Bravo", 1, 3);
	assert_false(r.rows[0].tied);
	assert_row(&r, 1, "Alpha", 2, 2);
	assert_row(&r, 2, "Charlie", 2, 2);
	assert_true(r.rows[1].tied && r.rows[2].tied);
	ranking_clear(&r);
	/* then the criterion: Alpha 0.75 over Charlie 0.25 */
	p.ntie = 2;
	p.tie[1] = (struct tie_key){ TIE_CRITERION, "c" };
	ranking_from_sheets(&in, &p, &r);
	assert_row(&r, 0, "Bravo", 1, 3);
	assert_row(&r, 1, "Alpha", 2, 2);
	assert_row(&r, 2, "Charlie", 3, 2);
	for (size_t i = 0; i < 4; i++)
		assert_false(r.rows[i].tied);
	ranking_clear(&r);
	free(teams);
}

/* Under raw, the normalized score may break a tie (and the raw rank shown stays the chain's). */
static void policy__breaks_a_raw_tie_by_the_normalized_score(void **state)
{
	/* judge 0 scores only A (60); judge 1 gives B 60 and C 100, so B's 60 is well below its judge's mean */
	static const struct rank_sheet sheets[] = { { 0, 0, 60 }, { 1, 1, 60 }, { 2, 1, 100 } };
	static const char *const names[] = { "A", "B", "C" };
	struct rank_team *teams = make_teams(names, 3);
	struct rank_input in = { NULL, 3, sheets, 3, 2, NULL };
	struct results_policy p = { .method = RANK_RAW, .min_judges = 1, .ntie = 1, .tie = { { TIE_NORMALIZED, "" } } };
	struct ranking r;

	(void)state;
	in.teams = teams;
	ranking_from_sheets(&in, &p, &r);
	assert_row(&r, 0, "C", 1, 1);
	/* z(A) = -10 / sqrt(800/3) > z(B) = -16 / sqrt(1120/3): A first */
	assert_row(&r, 1, "A", 2, 1);
	assert_row(&r, 2, "B", 3, 1);
	assert_int_equal(r.rows[1].raw_rank, 2);
	ranking_clear(&r);
	free(teams);
}

static void both__put_unranked_teams_last__in_name_order(void **state)
{
	static const char *const names[] = { "zeta", "Alpha", "Mid", "beta", "Omega" };
	static const struct rank_sheet sheets[] = { { 2, 0, 10 }, { 3, 0, 90 } };
	struct rank_team *teams = make_teams(names, 5);
	struct ranking r;

	(void)state;
	for (int m = RANK_RAW; m <= RANK_NORMALIZED; m++) {
		rank_with(teams, 5, sheets, 2, 1, (enum rank_method)m, &r);
		assert_int_equal(r.count, 5);
		assert_row(&r, 0, "beta", 1, 1);
		assert_row(&r, 1, "Mid", 2, 1);
		assert_row(&r, 2, "Alpha", 0, 0);
		assert_row(&r, 3, "Omega", 0, 0);
		assert_row(&r, 4, "zeta", 0, 0);
		assert_int_equal(r.rows[4].raw_rank, 0);
		ranking_clear(&r);
	}
	free(teams);
}

static void raw__orders_ties_by_name_bytes__with_accents_and_case(void **state)
{
	static const char *const names[] = { "\xc3\x89mile", "zoe", "Zo\xc3\xa9", "\xc3\x81" "bc", "Zoe" };
	static const struct rank_sheet sheets[] = {
		{ 0, 0, 60 }, { 1, 0, 60 }, { 2, 0, 60 }, { 3, 0, 60 }, { 4, 0, 60 },
	};
	struct rank_team *teams = make_teams(names, 5);
	struct ranking r;

	(void)state;
	rank_with(teams, 5, sheets, 5, 1, RANK_RAW, &r);
	/* strcmp: 'Z' (0x5a) < 'z' (0x7a) < U+00C1 (c3 81) < U+00C9 (c3 89); "Zoe" < "Zoé" */
	assert_row(&r, 0, "Zoe", 1, 1);
	assert_row(&r, 1, "Zo\xc3\xa9", 1, 1);
	assert_row(&r, 2, "zoe", 1, 1);
	assert_row(&r, 3, "\xc3\x81" "bc", 1, 1);
	assert_row(&r, 4, "\xc3\x89mile", 1, 1);
	ranking_clear(&r);
	free(teams);
}

static void both__ignore_sheets_out_of_range(void **state)
{
	static const char *const names[] = { "A" };
	static const struct rank_sheet sheets[] = { { 0, 0, 40 }, { 5, 0, 100 }, { 0, 7, 100 } };
	struct rank_team *teams = make_teams(names, 1);
	struct ranking r;

	(void)state;
	rank_with(teams, 1, sheets, 3, 1, RANK_NORMALIZED, &r);
	assert_row(&r, 0, "A", 1, 1);
	assert_close(r.rows[0].raw_score, 40);
	assert_close(r.rows[0].score, 0);
	ranking_clear(&r);
	free(teams);
}

static void compute__ranks_nothing__when_the_event_has_no_teams(void **state)
{
	struct store *st;
	struct ranking r;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(ranking_compute(st, &(struct rank_request){ .override_method = true, .method = RANK_NORMALIZED }, &r),
			 ST_OK);
	assert_int_equal(r.count, 0);
	ranking_clear(&r);
	assert_int_equal(ranking_compute(st, &(struct rank_request){ .track_id = "00000000-0000-4000-8000-000000000000" }, &r), ST_OK);
	assert_int_equal(r.count, 0);
	ranking_clear(&r);
	assert_false(store_in_txn(st));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(raw__shares_rank_1_2_2_4__when_scores_tie),
		cmocka_unit_test(raw__shares_rank__when_scores_within_1e9),
		cmocka_unit_test(raw__breaks_a_chain_of_near_ties__at_1e9_from_the_group_top),
		cmocka_unit_test(raw__means_the_weighted_totals),
		cmocka_unit_test(normalized__shrinks_a_judge_with_one_sheet__toward_the_event),
		cmocka_unit_test(normalized__shrinks_a_judge_who_gives_everyone_the_same),
		cmocka_unit_test(normalized__keeps_global_statistics__when_a_track_hides_teams),
		cmocka_unit_test(policy__leaves_teams_below_the_minimum_pending__after_the_ranked),
		cmocka_unit_test(policy__breaks_ties_by_the_chain__and_flags_what_is_left),
		cmocka_unit_test(policy__breaks_a_raw_tie_by_the_normalized_score),
		cmocka_unit_test(both__put_unranked_teams_last__in_name_order),
		cmocka_unit_test(raw__orders_ties_by_name_bytes__with_accents_and_case),
		cmocka_unit_test(both__ignore_sheets_out_of_range),
		cmocka_unit_test(compute__ranks_nothing__when_the_event_has_no_teams),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
