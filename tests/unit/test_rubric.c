#include "config.h"
#include "unit.h"

#include "podium/clock.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/rubric.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "fixture.h"

#define EMILE "11111111-1111-4111-8111-111111111111"
#define CHLOE "22222222-2222-4222-8222-222222222222"
#define CASTORS "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define LOUTRES "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"

static const struct actor organizer = { ROLE_ORGANIZER, "" };

static void assert_sql(struct store *st, const char *text, const char *expected)
{
	char *got = sql_text(st, text);

	assert_string_equal(got, expected);
	free(got);
}

/* Everything a rubric change may touch, to show a refusal changed nothing. */
static char *snapshot(struct store *st)
{
	return sql_text(st, "SELECT (SELECT group_concat(seq || action, ';') FROM audit) || '|' ||"
			    " (SELECT group_concat(id || name || weight || min_value || max_value || description, ';')"
			    " FROM criterion) || '|' || coalesce((SELECT group_concat(id || status ||"
			    " coalesce(total, '-'), ';') FROM sheet), '') || '|' || (SELECT tie_break FROM event)");
}

static int setup(void **state)
{
	struct event_spec spec = { "Hack for Good", 0, 48 };
	struct store *st;

	if (store_open_memory(&st) != ST_OK)
		return -1;
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	if (event_create(st, &spec) != ST_OK)
		return -1;
	sql(st, "INSERT INTO judge(id, name, name_key) VALUES"
		" ('" EMILE "', 'Émile Roux', 'émile roux'), ('" CHLOE "', 'Chloé Martin', 'chloé martin');"
		"INSERT INTO team(id, name, name_key) VALUES"
		" ('" CASTORS "', 'Les Castors', 'les castors'), ('" LOUTRES "', 'Les Loutres', 'les loutres');");
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

/* A full sheet of the default rubric, every criterion at value. */
static void score(struct store *st, const char *judge, const char *team, int value, bool submit)
{
	static const char *const names[] = { "Idea", "Engagement", "Technique", "Marketing", "Design",
					     "Viability", "Pitch" };
	struct sheet_value v[7];
	struct sheet_change c = { .judge = judge, .team = team, .values = v, .nvalues = 7, .submit = submit };

	for (int i = 0; i < 7; i++)
		v[i] = (struct sheet_value){ names[i], value };
	assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
}

static void expect_refused(struct store *st, enum status got, enum status expected, const char *message,
			   char *before)
{
	char *after = snapshot(st);

	assert_int_equal(got, expected);
	if (message)
		assert_string_equal(status_message(got), message);
	assert_string_equal(before, after);
	free(after);
	free(before);
}

static void create__adds_at_the_end__while_no_sheet_is_submitted(void **state)
{
	struct store *st = *state;
	struct criterion_spec spec = { " Future fit ", "à venir", 2, 0, 10 };
	struct rubric_effect e = { 0 };
	struct rubric r;

	score(st, EMILE, CASTORS, 4, false);
	assert_int_equal(rubric_create(st, &spec, false, &e), ST_OK);
	assert_int_equal(e.touched, 0);
	assert_int_equal(rubric_load(st, &r), ST_OK);
	assert_int_equal(r.count, 8);
	assert_string_equal(r.items[7].name, "Future fit");
	assert_int_equal(r.items[7].max, 10);
	rubric_clear(&r);
	assert_sql(st, "SELECT action || kind FROM audit ORDER BY seq DESC LIMIT 1", "createcriterion");
	assert_sql(st, "SELECT status || coalesce(total, '-') FROM sheet", "draft-");
}

static void create__refuses_a_taken_name_and_a_bad_scale(void **state)
{
	struct store *st = *state;
	struct criterion_spec taken = { "IDEA", "", 1, 1, 5 }, flat = { "Wow", "", 1, 3, 3 };

	expect_refused(st, rubric_create(st, &taken, true, NULL), ST_CONFLICT,
		       "a criterion named 'Idea' already exists", snapshot(st));
	expect_refused(st, rubric_create(st, &flat, true, NULL), ST_INVALID,
		       "criterion 'Wow': min (3) must be below max (3)", snapshot(st));
}

static void changes_to_totals__are_refused_with_the_count_of_submitted_sheets(void **state)
{
	struct store *st = *state;
	struct criterion_spec spec = { "Wow", "", 1, 1, 5 };
	struct criterion_edit weight = { .set_weight = true, .weight = 2 };
	struct criterion_edit scale = { .set_max = true, .max = 10 };
	struct rubric_effect e = { 0 };

	score(st, EMILE, CASTORS, 4, true);
	score(st, CHLOE, CASTORS, 2, true);
	score(st, CHLOE, LOUTRES, 3, false);
	expect_refused(st, rubric_create(st, &spec, false, &e), ST_CONFLICT,
		       "2 submitted sheets would change; add --reopen to turn them back into drafts", snapshot(st));
	assert_int_equal(e.touched, 2);
	assert_int_equal(e.count, 0);
	expect_refused(st, rubric_edit(st, "idea", &weight, false, &e), ST_CONFLICT, NULL, snapshot(st));
	assert_int_equal(e.touched, 2);
	expect_refused(st, rubric_edit(st, "idea", &scale, false, &e), ST_CONFLICT, NULL, snapshot(st));
	expect_refused(st, rubric_delete(st, "idea", false, &e), ST_CONFLICT, NULL, snapshot(st));
	assert_int_equal(e.touched, 2);
	rubric_effect_clear(&e);
}

static void rename_and_description__stay_allowed_with_submitted_sheets(void **state)
{
	struct store *st = *state;
	struct criterion_edit rename = { .name = "Idée", .description = "Nouvelle", .set_weight = true, .weight = 1 };
	struct rubric_effect e = { 0 };

	score(st, EMILE, CASTORS, 4, true);
	assert_int_equal(rubric_edit(st, "IDEA", &rename, false, &e), ST_OK);
	assert_int_equal(e.touched, 0);
	assert_sql(st, "SELECT name || '/' || description FROM criterion ORDER BY position LIMIT 1", "Idée/Nouvelle");
	assert_sql(st, "SELECT status FROM sheet", "submitted");
	assert_sql(st, "SELECT action || kind FROM audit ORDER BY seq DESC LIMIT 1", "updatecriterion");
}

static void reopen__turns_the_submitted_sheets_into_drafts_and_recomputes(void **state)
{
	struct store *st = *state;
	struct criterion_edit weight = { .set_weight = true, .weight = 3 };
	struct rubric_effect e = { 0 };

	score(st, EMILE, CASTORS, 5, true);
	score(st, CHLOE, LOUTRES, 3, true);
	sql(st, "UPDATE sheet_value SET value = 1 WHERE criterion_id = (SELECT id FROM criterion WHERE name = 'Idea')"
		" AND sheet_id = (SELECT id FROM sheet WHERE judge_id = '" EMILE "')");
	assert_int_equal(rubric_edit(st, "idea", &weight, true, &e), ST_OK);
	assert_int_equal(e.touched, 2);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.sheets[0].judge, "Chloé Martin");
	assert_string_equal(e.sheets[0].team, "Les Loutres");
	assert_string_equal(e.sheets[1].judge, "Émile Roux");
	rubric_effect_clear(&e);
	/* Émile: Idea 1 (0 of 1) with weight 3, six 5s (1 each): 6/9 */
	assert_sql(st, "SELECT group_concat(status || ' ' || round(total, 2), ';') FROM"
		       " (SELECT * FROM sheet ORDER BY judge_id)", "draft 66.67;draft 50.0");
	assert_sql(st, "SELECT count(*) FROM audit WHERE action = 'reopen' AND kind = 'sheet'"
		       " AND json_extract(before, '$.status') = 'submitted' AND json_extract(after, '$.status') = 'draft'",
		   "2");
}

static void delete__removes_the_criterion_from_the_tie_break_chain(void **state)
{
	struct store *st = *state;
	char *keys;

	keys = sql_text(st, "SELECT 'UPDATE event SET tie_break = ''raw,criterion:' || id || ',judges'''"
			    " FROM criterion WHERE name = 'Design'");
	sql(st, keys);
	free(keys);
	score(st, EMILE, CASTORS, 4, true);
	assert_int_equal(rubric_delete(st, "design", true, NULL), ST_OK);
	assert_sql(st, "SELECT tie_break FROM event", "raw,judges");
	assert_sql(st, "SELECT count(*) FROM criterion", "6");
	assert_sql(st, "SELECT status || ' ' || round(total, 2) FROM sheet", "draft 75.0");
	assert_sql(st, "SELECT group_concat(action || kind, ',') FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT 3)",
		   "reopensheet,updateevent,deletecriterion");
}

static void delete__keeps_the_last_criterion(void **state)
{
	struct store *st = *state;
	static const char *const names[] = { "Idea", "Engagement", "Technique", "Marketing", "Design", "Viability" };

	for (size_t i = 0; i < 6; i++)
		assert_int_equal(rubric_delete(st, names[i], false, NULL), ST_OK);
	expect_refused(st, rubric_delete(st, "pitch", true, NULL), ST_INVALID,
		       "'Pitch' is the last criterion of the rubric; add another before deleting it", snapshot(st));
}

static void lock__refuses_every_rubric_change(void **state)
{
	struct store *st = *state;
	struct criterion_spec spec = { "Wow", "", 1, 1, 5 };
	struct criterion_edit rename = { .name = "Idée" };

	assert_int_equal(event_set_locked(st, true), ST_OK);
	expect_refused(st, rubric_create(st, &spec, true, NULL), ST_LOCKED, NULL, snapshot(st));
	expect_refused(st, rubric_edit(st, "idea", &rename, true, NULL), ST_LOCKED, NULL, snapshot(st));
	expect_refused(st, rubric_delete(st, "idea", true, NULL), ST_LOCKED, NULL, snapshot(st));
}

static enum status import_text(struct store *st, const char *text, bool reopen, struct rubric_effect *e)
{
	struct csv_table t;
	size_t count = 0;
	enum status s = csv_read_string("criteria.csv", text, strlen(text), &t);

	if (s != ST_OK)
		return s;
	s = import_criteria_reopen(st, "criteria.csv", &t, reopen, e, &count);
	csv_table_clear(&t);
	return s;
}

static void import_criteria__follows_the_same_rule(void **state)
{
	struct store *st = *state;
	struct rubric_effect e = { 0 };

	score(st, EMILE, CASTORS, 4, true);
	expect_refused(st, import_text(st, "name\nWow\n", false, &e), ST_CONFLICT,
		       "1 submitted sheet would change; add --reopen to turn it back into a draft", snapshot(st));
	assert_int_equal(e.touched, 1);
	assert_int_equal(import_text(st, "name\nWow\n", true, &e), ST_OK);
	assert_int_equal(e.count, 1);
	assert_string_equal(e.sheets[0].team, "Les Castors");
	rubric_effect_clear(&e);
	assert_sql(st, "SELECT status || coalesce(total, '-') FROM sheet", "draft-");
	assert_int_equal(event_set_locked(st, true), ST_OK);
	expect_refused(st, import_text(st, "name\nLater\n", true, NULL), ST_LOCKED, NULL, snapshot(st));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create__adds_at_the_end__while_no_sheet_is_submitted, setup, teardown),
		cmocka_unit_test_setup_teardown(create__refuses_a_taken_name_and_a_bad_scale, setup, teardown),
		cmocka_unit_test_setup_teardown(changes_to_totals__are_refused_with_the_count_of_submitted_sheets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(rename_and_description__stay_allowed_with_submitted_sheets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(reopen__turns_the_submitted_sheets_into_drafts_and_recomputes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(delete__removes_the_criterion_from_the_tie_break_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(delete__keeps_the_last_criterion, setup, teardown),
		cmocka_unit_test_setup_teardown(lock__refuses_every_rubric_change, setup, teardown),
		cmocka_unit_test_setup_teardown(import_criteria__follows_the_same_rule, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
