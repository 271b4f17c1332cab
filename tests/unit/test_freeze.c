#include "config.h"
#include "unit.h"

#include "podium/board.h"
#include "podium/conflict.h"
#include "podium/event.h"
#include "podium/people.h"
#include "podium/status.h"
#include "podium/store.h"
#include "fixture.h"

/* The event's writes about the board and its judges: the freeze (freeze.c) and conflicts (conflict.c). */

struct fixture {
	struct store *st;
	char judge[ID_LEN + 1], team[ID_LEN + 1];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct event_spec spec = { "Hack", 0, 48 };
	struct judge_spec j = { .name = "Chloé Martin" };
	struct team_spec t = { .name = "Les Castors" };

	setenv("XDG_STATE_HOME", unit_tmpdir(), 1);
	if (!f || store_open_memory(&f->st) != ST_OK || event_create(f->st, &spec) != ST_OK ||
	    judge_add(f->st, &j, f->judge) != ST_OK || team_add(f->st, &t, f->team) != ST_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	free(f);
	return 0;
}

static void assert_sql(struct store *st, const char *query, const char *expected)
{
	char *got = sql_text(st, query);

	assert_string_equal(got, expected);
	free(got);
}

static void freeze__keeps_a_snapshot_and_audits_the_event_before_and_after(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(board_freeze(f->st, true), ST_OK);
	assert_sql(f->st, "SELECT board_frozen || ' ' || json_valid(frozen_board) || ' ' || json_type(frozen_board)"
			  " FROM event", "1 1 array");
	/* the snapshot holds the views as board_snapshot_json() gives them */
	{
		char *now = NULL, *kept = sql_text(f->st, "SELECT frozen_board FROM event");

		assert_int_equal(board_snapshot_json(f->st, &now), ST_OK);
		assert_string_equal(kept, now);
		free(now);
		free(kept);
	}
	assert_sql(f->st, "SELECT action || ' ' || kind || ' ' || json_extract(before, '$.board_frozen') || '>'"
			  " || json_extract(after, '$.board_frozen') || ' ' || (record_id = (SELECT id FROM event))"
			  " FROM audit ORDER BY seq DESC LIMIT 1", "freeze event 0>1 1");
}

static void freeze__twice_changes_nothing_and_unfreeze_lets_the_snapshot_go(void **state)
{
	struct fixture *f = *state;
	char *rows;

	assert_int_equal(board_freeze(f->st, true), ST_OK);
	rows = sql_text(f->st, "SELECT count(*) FROM audit");
	assert_int_equal(board_freeze(f->st, true), ST_OK);
	assert_sql(f->st, "SELECT count(*) FROM audit", rows);
	free(rows);
	assert_int_equal(board_freeze(f->st, false), ST_OK);
	assert_sql(f->st, "SELECT board_frozen || ' ' || (frozen_board IS NULL) FROM event", "0 1");
	assert_sql(f->st, "SELECT action || ' ' || json_extract(before, '$.board_frozen') || '>'"
			  " || json_extract(after, '$.board_frozen') FROM audit ORDER BY seq DESC LIMIT 1",
		   "unfreeze 1>0");
}

static void conflict__is_recorded_with_its_reason_and_audited(void **state)
{
	struct fixture *f = *state;
	char *q;

	assert_int_equal(conflict_declare(f->st, f->judge, f->team, "mentored them"), ST_OK);
	assert_sql(f->st, "SELECT reason FROM conflict", "mentored them");
	if (asprintf(&q, "SELECT action || ' ' || kind || ' ' || (judge_id = '%s') || (team_id = '%s') || ' ' || reason"
		     " || ' ' || after FROM audit ORDER BY seq DESC LIMIT 1", f->judge, f->team) < 0)
		fail();
	assert_sql(f->st, q,
		   "create conflict 11 mentored them "
		   "{\"judge\":\"Chloé Martin\",\"team\":\"Les Castors\",\"reason\":\"mentored them\"}");
	free(q);
}

static void conflict__declared_again_keeps_one_row_with_the_new_reason(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(conflict_declare(f->st, f->judge, f->team, "mentored them"), ST_OK);
	assert_int_equal(conflict_declare(f->st, f->judge, f->team, NULL), ST_OK);
	assert_sql(f->st, "SELECT count(*) || ' [' || reason || ']' FROM conflict", "1 []");
	assert_sql(f->st, "SELECT count(*) FROM audit WHERE kind = 'conflict'", "2");
}

static void conflict__with_an_unknown_judge_is_refused_and_changes_nothing(void **state)
{
	struct fixture *f = *state;
	char *rows = sql_text(f->st, "SELECT count(*) FROM audit");

	assert_int_equal(conflict_declare(f->st, "00000000-0000-4000-8000-000000000000", f->team, "x"), ST_NOT_FOUND);
	assert_string_equal(status_message(ST_NOT_FOUND), "no such judge or team");
	assert_int_equal(conflict_declare(f->st, f->judge, "00000000-0000-4000-8000-000000000000", "x"), ST_NOT_FOUND);
	assert_sql(f->st, "SELECT count(*) FROM conflict", "0");
	assert_sql(f->st, "SELECT count(*) FROM audit", rows);
	free(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(freeze__keeps_a_snapshot_and_audits_the_event_before_and_after, setup, teardown),
		cmocka_unit_test_setup_teardown(freeze__twice_changes_nothing_and_unfreeze_lets_the_snapshot_go, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict__is_recorded_with_its_reason_and_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict__declared_again_keeps_one_row_with_the_new_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict__with_an_unknown_judge_is_refused_and_changes_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
