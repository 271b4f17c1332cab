#include "config.h"
#include "unit.h"

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/conflict.h"
#include "podium/event.h"
#include "podium/people.h"
#include "podium/sheet.h"
#include "podium/store.h"

struct fixture {
	struct store *st;
	char judge[ID_LEN + 1], team_a[ID_LEN + 1], team_b[ID_LEN + 1];
};

static enum status populate(struct store *st, void *ctx)
{
	struct fixture *f = ctx;
	struct judge_spec j = { .name = "Chloé Martin", .unix_user = "chloe" };
	struct team_spec a = { .name = "Les Castors" }, b = { .name = "青い森" };
	enum status s;

	if ((s = judge_add(st, &j, f->judge)) != ST_OK)
		return s;
	if ((s = team_add(st, &a, f->team_a)) != ST_OK)
		return s;
	return team_add(st, &b, f->team_b);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct event_spec spec = { "Hack", 0, 48 };

	if (store_open_memory(&f->st) != ST_OK || event_create(f->st, &spec) != ST_OK ||
	    store_write(f->st, populate, f) != ST_OK)
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

static void queue__lists_every_team_to_do_in_name_order(void **state)
{
	struct fixture *f = *state;
	struct judge_queue q;

	assert_int_equal(board_judge_queue(f->st, f->judge, &q), ST_OK);
	assert_int_equal(q.count, 2);
	assert_string_equal(q.items[0].team, "Les Castors");
	assert_string_equal(q.items[1].team, "青い森");
	assert_int_equal(q.items[0].state, SHEET_MISSING);
	assert_false(q.items[0].conflict);
	assert_int_equal(q.done, 0);
	board_judge_queue_clear(&q);
}

static void conflict__shows_in_the_queue_and_the_grid(void **state)
{
	struct fixture *f = *state;
	struct judge_queue q;
	struct sheet_grid g;

	assert_int_equal(conflict_declare(f->st, f->judge, f->team_b, "mentored them"), ST_OK);
	assert_int_equal(board_judge_queue(f->st, f->judge, &q), ST_OK);
	assert_true(q.items[1].conflict);
	assert_int_equal(q.done, 1);
	board_judge_queue_clear(&q);
	assert_int_equal(board_sheet_grid(f->st, &g), ST_OK);
	assert_int_equal(g.judges.count, 1);
	assert_int_equal(g.teams.count, 2);
	assert_int_equal(g.cells[1], CELL_CONFLICT);
	assert_int_equal(g.cells[0], CELL_MISSING);
	assert_int_equal(g.conflicts, 1);
	board_sheet_grid_clear(&g);
}

static void unix_user__finds_the_judge(void **state)
{
	struct fixture *f = *state;
	struct board_name me;

	assert_int_equal(board_judge_by_unix_user(f->st, "chloe", &me), ST_OK);
	assert_string_equal(me.name, "Chloé Martin");
	assert_false(me.has_pin);
	board_name_clear(&me);
	assert_int_equal(board_judge_by_unix_user(f->st, "nobody", &me), ST_NOT_FOUND);
}

static void score(struct store *st, const char *judge, const char *team, int v)
{
	struct actor org = { ROLE_ORGANIZER, "" };
	struct sheet_value vals[7] = {
		{ "Idea", v }, { "Engagement", v }, { "Technique", v }, { "Marketing", v },
		{ "Design", v }, { "Viability", v }, { "Pitch", v },
	};
	struct sheet_change c = { .judge = judge, .team = team, .values = vals, .nvalues = 7, .submit = true };

	assert_int_equal(sheet_apply(st, &org, &c), ST_OK);
}

static void freeze__keeps_the_board_as_it_stood_until_unfrozen(void **state)
{
	struct fixture *f = *state;
	struct board_views v;

	score(f->st, f->judge, f->team_a, 3);
	assert_int_equal(board_freeze(f->st, true), ST_OK);
	score(f->st, f->judge, f->team_b, 5);
	assert_int_equal(board_views_load(f->st, &v), ST_OK);
	assert_true(v.frozen);
	assert_int_equal(v.count, 1);
	assert_null(v.items[0].title);
	assert_int_equal(v.items[0].ranking.count, 2);
	assert_string_equal(v.items[0].ranking.rows[0].team, "Les Castors");
	assert_int_equal(v.items[0].ranking.rows[0].rank, 1);
	assert_true(v.items[0].ranking.rows[0].score == 50.0);
	assert_int_equal(v.items[0].ranking.rows[1].rank, 0);
	board_views_clear(&v);

	assert_int_equal(board_freeze(f->st, false), ST_OK);
	assert_int_equal(board_views_load(f->st, &v), ST_OK);
	assert_false(v.frozen);
	assert_string_equal(v.items[0].ranking.rows[0].team, "青い森");
	assert_true(v.items[0].ranking.rows[0].score == 100.0);
	board_views_clear(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(queue__lists_every_team_to_do_in_name_order, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict__shows_in_the_queue_and_the_grid, setup, teardown),
		cmocka_unit_test_setup_teardown(unix_user__finds_the_judge, setup, teardown),
		cmocka_unit_test_setup_teardown(freeze__keeps_the_board_as_it_stood_until_unfrozen, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
