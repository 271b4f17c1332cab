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

/* Team a's queue item and grid cell, and the grid's counts of submitted and changed sheets. */
static void expect_marks(struct fixture *f, bool changed, unsigned char cell, size_t submitted, size_t nchanged)
{
	struct judge_queue q;
	struct sheet_grid g;

	assert_int_equal(board_judge_queue(f->st, f->judge, &q), ST_OK);
	assert_int_equal(q.items[0].state, SHEET_SUBMITTED);
	assert_int_equal(q.items[0].changed, changed);
	assert_int_equal(q.done, 1);
	board_judge_queue_clear(&q);
	assert_int_equal(board_sheet_grid(f->st, &g), ST_OK);
	assert_int_equal(g.cells[0], cell);
	assert_int_equal(g.submitted, submitted);
	assert_int_equal(g.changed, nchanged);
	board_sheet_grid_clear(&g);
}

static void changed__shows_in_the_queue_and_the_grid_until_submitted_again(void **state)
{
	struct fixture *f = *state;
	struct actor org = { ROLE_ORGANIZER, "" };
	struct sheet_value pitch = { "Pitch", 2 };
	struct sheet_change edit = { .judge = f->judge, .team = f->team_a, .values = &pitch, .nvalues = 1 };
	struct sheet_change again = { .judge = f->judge, .team = f->team_a, .submit = true };

	score(f->st, f->judge, f->team_a, 4);
	expect_marks(f, false, CELL_SUBMITTED, 1, 0);
	assert_int_equal(sheet_apply(f->st, &org, &edit), ST_OK);
	expect_marks(f, true, CELL_CHANGED, 1, 1);
	assert_int_equal(sheet_apply(f->st, &org, &again), ST_OK);
	expect_marks(f, false, CELL_SUBMITTED, 1, 0);
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

/* ---- the projector's rotation: a board with no ranked team gets no turn ---- */

struct tracked {
	char art[ID_LEN + 1], bio[ID_LEN + 1];
};

static enum status add_tracked(struct store *st, void *ctx)
{
	struct tracked *t = ctx;
	char *art[] = { "Art" }, *bio[] = { "Bio" };
	struct team_spec a = { .name = "Atelier", .tracks = art, .ntracks = 1 };
	struct team_spec b = { .name = "Biome", .tracks = bio, .ntracks = 1 };
	enum status s = team_add(st, &a, t->art);

	return s == ST_OK ? team_add(st, &b, t->bio) : s;
}

static void drop_empty__keeps_every_team_and_the_tracks_with_a_ranked_team(void **state)
{
	struct fixture *f = *state;
	struct tracked t;
	struct board_views v;

	assert_int_equal(store_write(f->st, add_tracked, &t), ST_OK);
	/* nothing scored: the board of every team stays, to say so */
	assert_int_equal(board_views_load(f->st, &v), ST_OK);
	assert_int_equal(v.count, 3);
	board_views_drop_empty(&v);
	assert_int_equal(v.count, 1);
	assert_null(v.items[0].title);
	board_views_clear(&v);

	score(f->st, f->judge, t.bio, 4);
	assert_int_equal(board_views_load(f->st, &v), ST_OK);
	board_views_drop_empty(&v);
	assert_int_equal(v.count, 2);
	assert_null(v.items[0].title);
	assert_string_equal(v.items[1].title, "Bio");
	assert_string_equal(v.items[1].ranking.rows[0].team, "Biome");
	board_views_clear(&v);

	/* a frozen board drops the same way */
	assert_int_equal(board_freeze(f->st, true), ST_OK);
	assert_int_equal(board_views_load(f->st, &v), ST_OK);
	assert_true(v.frozen);
	assert_int_equal(v.count, 3);
	board_views_drop_empty(&v);
	assert_int_equal(v.count, 2);
	assert_string_equal(v.items[1].title, "Bio");
	board_views_clear(&v);

	/* nothing at all: nothing to drop */
	board_views_drop_empty(&v);
	assert_int_equal(v.count, 0);
}

/* ---- the record lists' windows: 40 more teams, "Team 00" to "Team 39", between the two ---- */

#define MANY 40

static enum status add_many(struct store *st, void *ctx)
{
	char *data[] = { "Data" };
	enum status s = ST_OK;

	(void)ctx;
	for (int i = 0; i < MANY && s == ST_OK; i++) {
		char name[16], project[32];
		struct team_spec t = { .name = name, .project = project };

		snprintf(name, sizeof(name), "Team %02d", i);
		snprintf(project, sizeof(project), i == 17 ? "Cœur Vert" : "Project %02d", i);
		if (i == 5) {
			t.tracks = data;
			t.ntracks = 1;
		}
		s = team_add(st, &t, NULL);
	}
	return s;
}

static int many_setup(void **state)
{
	struct fixture *f;

	if (setup(state) != 0)
		return -1;
	f = *state;
	return store_write(f->st, add_many, NULL) == ST_OK ? 0 : -1;
}

static void count__counts_each_kind(void **state)
{
	struct fixture *f = *state;
	size_t n = 99;

	assert_int_equal(board_records_count(f->st, KIND_TEAM, &n), ST_OK);
	assert_int_equal(n, MANY + 2);
	assert_int_equal(board_records_count(f->st, KIND_JUDGE, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(board_records_count(f->st, KIND_TRACK, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(board_records_count(f->st, KIND_ROOM, &n), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(board_records_count(f->st, KIND_CRITERION, &n), ST_INVALID);
}

static void window__reads_the_rows_asked_as_the_whole_list_has_them(void **state)
{
	struct fixture *f = *state;
	struct board_rows all, w;

	assert_int_equal(board_records(f->st, KIND_TEAM, &all), ST_OK);
	assert_int_equal(all.count, MANY + 2);
	assert_string_equal(all.items[0].name, "Les Castors");
	assert_string_equal(all.items[MANY + 1].name, "青い森");
	assert_int_equal(board_records_window(f->st, KIND_TEAM, 5, 4, &w), ST_OK);
	assert_int_equal(w.first, 5);
	assert_int_equal(w.count, 4);
	for (size_t i = 0; i < w.count; i++) {
		assert_string_equal(w.items[i].id, all.items[5 + i].id);
		assert_string_equal(w.items[i].name, all.items[5 + i].name);
		assert_string_equal(w.items[i].detail[0], all.items[5 + i].detail[0]);
		assert_string_equal(w.items[i].detail[1], all.items[5 + i].detail[1]);
	}
	assert_string_equal(w.items[1].name, "Team 05");
	assert_string_equal(w.items[1].detail[1], "Data");
	board_rows_clear(&w);
	/* past the end: what is left, then nothing */
	assert_int_equal(board_records_window(f->st, KIND_TEAM, MANY, 10, &w), ST_OK);
	assert_int_equal(w.count, 2);
	assert_string_equal(w.items[1].name, "青い森");
	board_rows_clear(&w);
	assert_int_equal(board_records_window(f->st, KIND_TEAM, MANY + 2, 10, &w), ST_OK);
	assert_int_equal(w.count, 0);
	assert_int_equal(board_records_window(f->st, KIND_TEAM, 3, 0, &w), ST_OK);
	assert_int_equal(w.count, 0);
	board_rows_clear(&all);
	/* the tracks' details are worded counts, in the window as in the list */
	assert_int_equal(board_records_window(f->st, KIND_TRACK, 0, 10, &w), ST_OK);
	assert_int_equal(w.count, 1);
	assert_string_equal(w.items[0].detail[0], "1 team");
	board_rows_clear(&w);
	assert_int_equal(board_records_window(f->st, KIND_CRITERION, 0, 10, &w), ST_INVALID);
}

static void find__matches_as_the_search_does_from_a_place_both_ways(void **state)
{
	struct fixture *f = *state;
	size_t pos = 0;

	/* case and accents aside, in a name or a detail */
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team 3", 0, true, &pos), ST_OK);
	assert_int_equal(pos, 31);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "COEUR", 0, true, &pos), ST_OK);
	assert_int_equal(pos, 18);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "data", 0, true, &pos), ST_OK);
	assert_int_equal(pos, 6);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "castors", 10, true, &pos), ST_OK);
	assert_int_equal(pos, 0);	/* wrapped past the last */
	/* from_pos itself is the first looked at, both ways */
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team", 12, true, &pos), ST_OK);
	assert_int_equal(pos, 12);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team", 12, false, &pos), ST_OK);
	assert_int_equal(pos, 12);
	/* going up from the first wraps to the last match */
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team 3", 0, false, &pos), ST_OK);
	assert_int_equal(pos, MANY);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team 3", 35, false, &pos), ST_OK);
	assert_int_equal(pos, 35);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "team 3", 30, false, &pos), ST_OK);
	assert_int_equal(pos, MANY);
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "森", MANY + 1, true, &pos), ST_OK);
	assert_int_equal(pos, MANY + 1);
	/* a place past the end starts at the last row */
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "castors", 1000, true, &pos), ST_OK);
	assert_int_equal(pos, 0);
	pos = 7;
	assert_int_equal(board_records_find(f->st, KIND_TEAM, "nobody", 0, true, &pos), ST_NOT_FOUND);
	assert_int_equal(board_records_find(f->st, KIND_ROOM, "team", 0, true, &pos), ST_NOT_FOUND);
	assert_int_equal(pos, 7);
	/* the tracks' worded counts are searched as they are shown */
	assert_int_equal(board_records_find(f->st, KIND_TRACK, "1 team", 0, true, &pos), ST_OK);
	assert_int_equal(pos, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(queue__lists_every_team_to_do_in_name_order, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict__shows_in_the_queue_and_the_grid, setup, teardown),
		cmocka_unit_test_setup_teardown(unix_user__finds_the_judge, setup, teardown),
		cmocka_unit_test_setup_teardown(changed__shows_in_the_queue_and_the_grid_until_submitted_again, setup, teardown),
		cmocka_unit_test_setup_teardown(freeze__keeps_the_board_as_it_stood_until_unfrozen, setup, teardown),
		cmocka_unit_test_setup_teardown(drop_empty__keeps_every_team_and_the_tracks_with_a_ranked_team, setup,
						teardown),
		cmocka_unit_test_setup_teardown(count__counts_each_kind, many_setup, teardown),
		cmocka_unit_test_setup_teardown(window__reads_the_rows_asked_as_the_whole_list_has_them, many_setup, teardown),
		cmocka_unit_test_setup_teardown(find__matches_as_the_search_does_from_a_place_both_ways, many_setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
