#include "config.h"
#include "unit.h"

#include "podium/audit.h"
#include "podium/board.h"
#include "podium/check.h"
#include "podium/clock.h"
#include "podium/demo.h"
#include "podium/event.h"
#include "podium/panel.h"
#include "podium/ranking.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

static int setup(void **state)
{
	struct store *st;

	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	setenv("TZ", "Europe/Paris", 1);
	if (store_open_memory(&st) != ST_OK)
		return -1;
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static void demo__creates_a_weekend_event_with_people_and_sheets(void **state)
{
	struct store *st = *state;
	struct demo_summary sum;
	struct event e;
	char when[17];

	assert_int_equal(demo_create(st, &sum), ST_OK);
	assert_int_equal(sum.teams, 24);
	assert_int_equal(sum.judges, 9);
	assert_int_equal(sum.coaches, 4);
	assert_int_equal(sum.rooms, 3);
	assert_int_equal(sum.submitted, 36);
	assert_int_equal(sum.drafts, 2);

	assert_int_equal(event_get(st, &e), ST_OK);
	assert_string_equal(e.name, DEMO_EVENT_NAME);
	assert_int_equal(e.hours, 48);
	clock_format(e.starts_at, when);
	assert_string_equal(when, "2026-12-04 18:00"); /* the Friday after Sunday 2026-11-29 */
	event_clear(&e);
}

static void demo__has_wide_accented_and_emoji_names(void **state)
{
	struct store *st = *state;
	char id[ID_LEN + 1], *name = NULL;

	assert_int_equal(demo_create(st, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_TEAM, "未来チーム", id, &name), ST_OK);
	assert_int_equal(text_width(name), 10);
	free(name);
	assert_int_equal(record_find(st, KIND_TEAM, "青い森", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_TEAM, "🌱 graines de code", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_TEAM, "ÉQUIPE SOLEIL", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_JUDGE, "émile roux", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_TRACK, "Future of work", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_ROOM, "Salle Rhône", id, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_COACH, "Yuki Tanaka", id, NULL), ST_OK);
}

static void demo__is_ready_for_the_leaderboard(void **state)
{
	struct store *st = *state;
	struct ranking r;
	size_t ranked = 0;
	double best = 0, worst = 100;

	assert_int_equal(demo_create(st, NULL), ST_OK);
	assert_int_equal(ranking_compute(st, NULL, &r), ST_OK);
	assert_int_equal(r.count, 24);
	for (size_t i = 0; i < r.count; i++) {
		if (r.rows[i].rank == 0)
			continue;
		ranked++;
		assert_int_equal(r.rows[i].judges, 3);
		best = r.rows[i].score > best ? r.rows[i].score : best;
		worst = r.rows[i].score < worst ? r.rows[i].score : worst;
	}
	assert_int_equal(ranked, 12);
	assert_true(best - worst > 30); /* believable: a spread of scores, not one value */
	ranking_clear(&r);
}

static void demo__puts_every_sheets_judge_on_its_team_panel_and_no_judge_in_two_rooms(void **state)
{
	struct store *st = *state;
	struct panel_coverage c;
	struct sheet_grid g;
	size_t sheets = 0;

	assert_int_equal(demo_create(st, NULL), ST_OK);
	assert_int_equal(board_sheet_grid(st, &g), ST_OK);
	assert_true(g.panels);
	for (size_t i = 0; i < g.judges.count * g.teams.count; i++) {
		if (g.cells[i] == CELL_MISSING)
			continue;
		sheets++;
		if (!g.panel[i])
			fail_msg("%s's sheet for %s is off the team's panel", g.judges.items[i / g.teams.count].name,
				 g.teams.items[i % g.teams.count].name);
	}
	assert_int_equal(sheets, 38);
	assert_int_equal(g.missing, 72 - 38);
	board_sheet_grid_clear(&g);

	/* as 'assign judges --per-team 3' makes them: every team seen by 3, loads even, no clash */
	assert_int_equal(panel_coverage(st, 0, &c), ST_OK);
	assert_int_equal(c.per_team, 3);
	assert_int_equal(c.assignments, 72);
	assert_int_equal(c.nshort, 0);
	assert_int_equal(c.conflicted, 0);
	assert_int_equal(c.clashes, 0);
	assert_int_equal(c.min_load, 8);
	assert_int_equal(c.max_load, 8);
	panel_coverage_clear(&c);
}

static void note_problem(void *ctx, const char *problem)
{
	(void)ctx;
	fprintf(stderr, "unexpected problem: %s\n", problem);
}

static void demo__passes_check(void **state)
{
	struct store *st = *state;
	struct check_summary sum;

	assert_int_equal(demo_create(st, NULL), ST_OK);
	assert_int_equal(check_run(st, note_problem, NULL, &sum), ST_OK);
	assert_int_equal(sum.teams, 24);
	assert_int_equal(sum.sheets, 38);
	assert_int_equal(sum.problems, 0);
}

static void demo__leaves_an_existing_event_alone(void **state)
{
	struct store *st = *state;
	struct event_spec spec = {"Mine", 0, 24};
	int64_t before, after;
	struct event e;

	assert_int_equal(event_create(st, &spec), ST_OK);
	assert_int_equal(audit_verify(st, &before), ST_OK);
	assert_int_equal(demo_create(st, NULL), ST_EXISTS);
	assert_non_null(strstr(status_message(ST_EXISTS), "'Mine'"));
	assert_int_equal(audit_verify(st, &after), ST_OK);
	assert_int_equal(before, after);
	assert_int_equal(event_get(st, &e), ST_OK);
	assert_string_equal(e.name, "Mine");
	event_clear(&e);
	/* and a second demo on a demo */
	assert_int_equal(demo_create(st, NULL), ST_EXISTS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(demo__creates_a_weekend_event_with_people_and_sheets,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(demo__has_wide_accented_and_emoji_names, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(demo__is_ready_for_the_leaderboard, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		demo__puts_every_sheets_judge_on_its_team_panel_and_no_judge_in_two_rooms, setup, teardown),
	    cmocka_unit_test_setup_teardown(demo__passes_check, setup, teardown),
	    cmocka_unit_test_setup_teardown(demo__leaves_an_existing_event_alone, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
