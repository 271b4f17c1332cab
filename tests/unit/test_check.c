#include "config.h"
#include "unit.h"

#include <sqlite3.h>

#include "podium/check.h"
#include "podium/demo.h"
#include "podium/store.h"

/* The test tampers with the file behind podium's back, as an intruder would: through SQLite itself.
 */
struct fixture {
	const char *dir;
	struct store *st;
	char problems[4096];
	int count;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	f->dir = unit_tmpdir();
	if (store_create(unit_path(f->dir, "event.db"), &f->st) != ST_OK ||
	    demo_create(f->st, NULL) != ST_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	unit_rmdir(f->dir);
	free(f);
	return 0;
}

static void collect(void *ctx, const char *problem)
{
	struct fixture *f = ctx;
	size_t used = strlen(f->problems);

	snprintf(f->problems + used, sizeof(f->problems) - used, "%s\n", problem);
	f->count++;
}

static void tamper(struct fixture *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(unit_path(f->dir, "event.db"), &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

#define SHEET_OF(judge, team)                                                                      \
	"(SELECT s.id FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = "       \
	"s.team_id"                                                                                \
	" WHERE j.name = '" judge "' AND t.name = '" team "')"

static void check__passes__on_a_sound_event(void **state)
{
	struct fixture *f = *state;
	struct check_summary sum;

	assert_int_equal(check_run(f->st, collect, f, &sum), ST_OK);
	assert_string_equal(f->problems, "");
	assert_int_equal(sum.teams, 24);
	assert_int_equal(sum.judges, 9);
	assert_int_equal(sum.sheets, 38);
	assert_true(sum.audit_rows > 50);
	assert_int_equal(sum.problems, 0);
}

static void check__reports_a_total__when_it_was_changed_by_hand(void **state)
{
	struct fixture *f = *state;

	tamper(f, "UPDATE sheet SET total = 12.5 WHERE id = " SHEET_OF("Chloé Martin",
								       "Les Débrouillards"));
	assert_int_equal(check_run(f->st, collect, f, NULL), ST_CORRUPT);
	assert_int_equal(f->count, 1);
	assert_non_null(
	    strstr(f->problems,
		   "sheet of Chloé Martin for Les Débrouillards: its total is 12.5, expected "));
	assert_non_null(strstr(status_message(ST_CORRUPT), "1 problem found"));
}

static void check__reports_a_value__when_it_is_outside_its_scale(void **state)
{
	struct fixture *f = *state;

	tamper(f, "UPDATE sheet_value SET value = 7 WHERE criterion_id = (SELECT id FROM criterion "
		  "WHERE name = 'Pitch')"
		  " AND sheet_id = " SHEET_OF("Karim Haddad", "Les Débrouillards"));
	assert_int_equal(check_run(f->st, collect, f, NULL), ST_CORRUPT);
	assert_string_equal(f->problems,
			    "replay: the sheet of Karim Haddad for Les Débrouillards differs from its last audit row:"
			    " it was edited outside podium\n"
			    "sheet of Karim Haddad for Les Débrouillards: Pitch is 7, outside its scale 1 to 5\n");
}

static void check__reports_the_audit_row__when_it_was_edited(void **state)
{
	struct fixture *f = *state;

	tamper(f, "UPDATE audit SET reason = 'nothing to see' WHERE seq = 20");
	assert_int_equal(check_run(f->st, collect, f, NULL), ST_CORRUPT);
	assert_string_equal(f->problems,
			    "audit: the log was altered at row 20: its hash chain is broken\n");
}

static void check__reports_a_sheet__when_its_judge_has_a_conflict(void **state)
{
	struct fixture *f = *state;

	tamper(f, "INSERT INTO conflict(judge_id, team_id, reason, created_at)"
		  " SELECT judge_id, team_id, 'cousin', 0 FROM sheet WHERE id = " SHEET_OF(
		      "Marc Dubois", "Les Débrouillards"));
	assert_int_equal(check_run(f->st, collect, f, NULL), ST_CORRUPT);
	/* the demo's judges have panels: the judge's place on the team's panel goes against it too */
	assert_string_equal(
	    f->problems, "sheet of Marc Dubois for Les Débrouillards: the judge declared a conflict"
			 " of interest with this team\n"
			 "panel: 1 assignment goes against a declared conflict\n");
}

static void check__reports_a_submitted_sheet__when_it_is_incomplete(void **state)
{
	struct fixture *f = *state;

	tamper(f, "DELETE FROM sheet_value WHERE criterion_id = (SELECT id FROM criterion WHERE "
		  "name = 'Idea')"
		  " AND sheet_id = " SHEET_OF("Chloé Martin", "Les Débrouillards"));
	assert_int_equal(check_run(f->st, collect, f, NULL), ST_CORRUPT);
	assert_int_equal(f->count, 3);
	assert_non_null(strstr(f->problems, "the sheet of Chloé Martin for Les Débrouillards differs from its last audit row"));
	assert_non_null(strstr(f->problems, "Les Débrouillards: it is incomplete but has a total"));
	assert_non_null(strstr(
	    f->problems, "Les Débrouillards: it is submitted but 1 of 7 criteria are not scored"));
}

static void check__reports_a_file__when_it_holds_no_event(void **state)
{
	struct store *st;
	struct fixture f = {0};

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(check_run(st, collect, &f, NULL), ST_CORRUPT);
	assert_non_null(strstr(f.problems, "the file holds no event"));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(check__passes__on_a_sound_event, setup, teardown),
	    cmocka_unit_test_setup_teardown(check__reports_a_total__when_it_was_changed_by_hand,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(check__reports_a_value__when_it_is_outside_its_scale,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(check__reports_the_audit_row__when_it_was_edited, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(check__reports_a_sheet__when_its_judge_has_a_conflict,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(check__reports_a_submitted_sheet__when_it_is_incomplete,
					    setup, teardown),
	    cmocka_unit_test(check__reports_a_file__when_it_holds_no_event),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
