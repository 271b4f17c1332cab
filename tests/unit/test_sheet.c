#include "config.h"
#include "unit.h"

#include <math.h>

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
static const struct actor emile = { ROLE_JUDGE, EMILE };

/* Everything a sheet change may touch, to show a refusal changed nothing. */
static char *snapshot(struct store *st)
{
	return sql_text(st, "SELECT (SELECT group_concat(seq || action, ';') FROM audit) || '|' ||"
			    " coalesce((SELECT group_concat(id || status || comment || coalesce(total, '-'), ';')"
			    " FROM sheet), '') || '|' || coalesce((SELECT group_concat(sheet_id || criterion_id ||"
			    " value, ';') FROM sheet_value), '')");
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

/* A full sheet of the default rubric: Idea..Pitch = v[0..6]. */
static enum status score_all(struct store *st, const struct actor *who, const char *judge, const char *team,
			     const int v[7], bool submit, const char *reason)
{
	static const char *const names[] = { "Idea", "Engagement", "Technique", "Marketing", "Design",
					     "Viability", "Pitch" };
	struct sheet_value values[7];
	struct sheet_change c = { .judge = judge, .team = team, .values = values, .nvalues = 7,
				  .submit = submit, .reason = reason };

	for (int i = 0; i < 7; i++)
		values[i] = (struct sheet_value){ names[i], v[i] };
	return sheet_apply(st, who, &c);
}

static enum status score_one(struct store *st, const struct actor *who, const char *judge, const char *team,
			     const char *crit, int value)
{
	struct sheet_value v = { crit, value };
	struct sheet_change c = { .judge = judge, .team = team, .values = &v, .nvalues = 1 };

	return sheet_apply(st, who, &c);
}

static void total__weighs_criteria_on_their_own_scales(void **state)
{
	struct criterion items[2] = {
		{ .name = "Impact", .weight = 2, .min = 0, .max = 10 },
		{ .name = "Pitch", .weight = 1, .min = 1, .max = 5 },
	};
	struct rubric r = { items, 2 };
	int values[2] = { 7, 2 };
	bool scored[2] = { true, true };
	double t;

	(void)state;
	/* 100 * (2 * 7/10 + 1 * 1/4) / 3 = 55 */
	assert_true(sheet_total(&r, values, scored, &t));
	assert_true(fabs(t - 55.0) < 1e-9);
	values[0] = 10;
	values[1] = 5;
	assert_true(sheet_total(&r, values, scored, &t));
	assert_true(t == 100.0);
	values[0] = 0;
	values[1] = 1;
	assert_true(sheet_total(&r, values, scored, &t));
	assert_true(t == 0.0);
	scored[1] = false;
	assert_false(sheet_total(&r, values, scored, &t));
	scored[1] = true;
	values[0] = 11;		/* outside the scale: not a valid sheet */
	assert_false(sheet_total(&r, values, scored, &t));
}

static void apply__keeps_a_draft_then_submits_with_its_total(void **state)
{
	struct store *st = *state;
	const int v[7] = { 4, 3, 5, 2, 4, 3, 5 };
	struct sheet sh;
	struct rubric r;
	char *audit;

	assert_int_equal(score_one(st, &organizer, "émile roux", "LES CASTORS", "pitch", 5), ST_OK);
	assert_int_equal(rubric_load(st, &r), ST_OK);
	assert_int_equal(sheet_get(st, &r, EMILE, CASTORS, &sh), ST_OK);
	assert_int_equal(sh.state, SHEET_DRAFT);
	assert_false(sh.complete);
	assert_true(sh.scored[6] && sh.values[6] == 5);
	assert_false(sh.scored[0]);
	sheet_clear(&sh);
	audit = sql_text(st, "SELECT total IS NULL FROM sheet");
	assert_string_equal(audit, "1");
	free(audit);

	assert_int_equal(score_all(st, &organizer, EMILE, CASTORS, v, true, NULL), ST_OK);
	assert_int_equal(sheet_get(st, &r, EMILE, CASTORS, &sh), ST_OK);
	assert_int_equal(sh.state, SHEET_SUBMITTED);
	assert_true(sh.complete);
	/* (3 + 2 + 4 + 1 + 3 + 2 + 4) / 28 */
	assert_true(fabs(sh.total - 100.0 * 19 / 28) < 1e-9);
	sheet_clear(&sh);
	rubric_clear(&r);

	audit = sql_text(st, "SELECT group_concat(action || ' ' || kind || ' ' || team_id || ' ' || judge_id || ' '"
			     " || coalesce(before, '-') || ' ' || after, '\n') FROM audit WHERE kind = 'sheet'");
	assert_string_equal(audit,
			    "create sheet " CASTORS " " EMILE " - "
			    "{\"status\":\"draft\",\"comment\":\"\",\"total\":null,\"values\":{\"Pitch\":5}}\n"
			    "submit sheet " CASTORS " " EMILE " "
			    "{\"status\":\"draft\",\"comment\":\"\",\"total\":null,\"values\":{\"Pitch\":5}} "
			    "{\"status\":\"submitted\",\"comment\":\"\",\"total\":67.8571428571429,\"values\":"
			    "{\"Idea\":4,\"Engagement\":3,\"Technique\":5,\"Marketing\":2,\"Design\":4,"
			    "\"Viability\":3,\"Pitch\":5}}");
	free(audit);
	audit = sql_text(st, "SELECT total FROM sheet");
	assert_string_equal(audit, "67.8571428571429");
	free(audit);
}

static void apply_get__returns_the_sheet_it_committed_with_its_names(void **state)
{
	struct store *st = *state;
	struct sheet_value v[2] = { { "idea", 5 }, { "PITCH", 1 } };
	struct sheet_change c = { .judge = "émile roux", .team = CASTORS, .values = v, .nvalues = 2,
				  .comment = "bold" };
	struct sheet_result res;

	assert_int_equal(sheet_apply_get(st, &emile, &c, &res), ST_OK);
	assert_string_equal(res.judge, "Émile Roux");
	assert_string_equal(res.team, "Les Castors");
	assert_string_equal(res.sheet.judge_id, EMILE);
	assert_int_equal(res.sheet.state, SHEET_DRAFT);
	assert_string_equal(res.sheet.comment, "bold");
	assert_int_equal(res.sheet.nvalues, 7);
	assert_true(res.sheet.scored[0] && res.sheet.values[0] == 5);
	assert_true(res.sheet.scored[6] && res.sheet.values[6] == 1);
	assert_false(res.sheet.scored[1]);
	assert_false(res.sheet.complete);
	sheet_result_clear(&res);
	/* a refusal hands back nothing */
	v[0].value = 9;
	assert_int_equal(sheet_apply_get(st, &emile, &c, &res), ST_INVALID);
	assert_null(res.judge);
	assert_int_equal(res.sheet.nvalues, 0);
}

static void apply__writes_nothing_when_nothing_changes(void **state)
{
	struct store *st = *state;
	const int v[7] = { 1, 2, 3, 4, 5, 1, 2 };
	char *before, *after;

	assert_int_equal(score_all(st, &organizer, EMILE, CASTORS, v, true, NULL), ST_OK);
	before = snapshot(st);
	assert_int_equal(score_all(st, &organizer, EMILE, CASTORS, v, false, NULL), ST_OK);
	after = snapshot(st);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* Each refusal: the status, the message, and the file untouched. */
static void expect_refused(struct store *st, enum status got, enum status want, const char *message,
			   const char *before)
{
	char *after = snapshot(st);

	assert_int_equal(got, want);
	if (message)
		assert_string_equal(status_message(got), message);
	assert_string_equal(before, after);
	free(after);
}

static void apply__refuses_a_value_outside_the_scale(void **state)
{
	struct store *st = *state;
	char *before = snapshot(st);

	expect_refused(st, score_one(st, &organizer, EMILE, CASTORS, "Pitch", 7), ST_INVALID,
		       "Pitch must be a whole number from 1 to 5, not 7", before);
	expect_refused(st, score_one(st, &organizer, EMILE, CASTORS, "Pitch", 0), ST_INVALID,
		       "Pitch must be a whole number from 1 to 5, not 0", before);
	expect_refused(st, score_one(st, &organizer, EMILE, CASTORS, "Charisma", 3), ST_NOT_FOUND,
		       "no criterion named 'Charisma'; see 'podium list criteria'", before);
	expect_refused(st, score_one(st, &organizer, "Nobody", CASTORS, "Pitch", 3), ST_NOT_FOUND,
		       "no judge named 'Nobody'; see 'podium list judges'", before);
	expect_refused(st, score_one(st, &organizer, EMILE, "Les Ragondins", "Pitch", 3), ST_NOT_FOUND,
		       "no team named 'Les Ragondins'; see 'podium list teams'", before);
	free(before);
}

static void apply__lets_a_judge_change_only_their_own_sheets(void **state)
{
	struct store *st = *state;
	char *before = snapshot(st);

	expect_refused(st, score_one(st, &emile, CHLOE, CASTORS, "Pitch", 3), ST_DENIED,
		       "a judge can change only their own sheets, not Chloé Martin's", before);
	free(before);
	assert_int_equal(score_one(st, &emile, EMILE, CASTORS, "Pitch", 3), ST_OK);
	before = snapshot(st);
	expect_refused(st, score_one(st, &(struct actor){ ROLE_DISPLAY, "" }, EMILE, CASTORS, "Pitch", 4),
		       ST_DENIED, "only a judge or the organizer can score", before);
	free(before);
}

static void apply__refuses_a_team_in_conflict(void **state)
{
	struct store *st = *state;
	char *before;

	sql(st, "INSERT INTO conflict(judge_id, team_id, reason, created_at) VALUES ('" EMILE "', '" LOUTRES
		"', 'my niece', 0)");
	before = snapshot(st);
	expect_refused(st, score_one(st, &emile, EMILE, LOUTRES, "Pitch", 3), ST_DENIED,
		       "Émile Roux declared a conflict of interest with Les Loutres and cannot score that team",
		       before);
	expect_refused(st, score_one(st, &organizer, EMILE, LOUTRES, "Pitch", 3), ST_DENIED, NULL, before);
	free(before);
	assert_int_equal(score_one(st, &emile, EMILE, CASTORS, "Pitch", 3), ST_OK);
}

static void apply__after_the_lock_takes_only_the_organizers_correction_with_a_reason(void **state)
{
	struct store *st = *state;
	const int v[7] = { 4, 3, 5, 2, 4, 3, 5 };
	const char *locked = "results are locked; only the organizer's correction with a reason"
			     " (score ... --reason TEXT) can change a sheet";
	char *before, *row;

	assert_int_equal(score_all(st, &emile, EMILE, CASTORS, v, true, NULL), ST_OK);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	before = snapshot(st);
	expect_refused(st, score_one(st, &emile, EMILE, CASTORS, "Pitch", 4), ST_LOCKED, locked, before);
	expect_refused(st, score_one(st, &organizer, EMILE, CASTORS, "Pitch", 4), ST_LOCKED, locked, before);
	{
		struct sheet_value pv = { "Pitch", 4 };
		struct sheet_change c = { .judge = EMILE, .team = CASTORS, .values = &pv, .nvalues = 1,
					  .reason = "  " };

		expect_refused(st, sheet_apply(st, &organizer, &c), ST_LOCKED, locked, before);
		c.reason = "typo on the paper sheet";
		expect_refused(st, sheet_apply(st, &emile, &c), ST_LOCKED, locked, before);
		assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
	}
	free(before);
	row = sql_text(st, "SELECT action || '|' || reason || '|' || json_extract(before, '$.values.Pitch') || '|'"
			   " || json_extract(after, '$.values.Pitch') FROM audit ORDER BY seq DESC LIMIT 1");
	assert_string_equal(row, "correct|typo on the paper sheet|5|4");
	free(row);
	row = sql_text(st, "SELECT round(total, 6) FROM sheet");
	assert_string_equal(row, "64.285714");
	free(row);
}

static void apply__refuses_to_submit_an_incomplete_sheet(void **state)
{
	struct store *st = *state;
	struct sheet_value v[2] = { { "Idea", 3 }, { "Design", 4 } };
	struct sheet_change c = { .judge = EMILE, .team = CASTORS, .values = v, .nvalues = 2, .submit = true };
	char *before = snapshot(st);

	expect_refused(st, sheet_apply(st, &organizer, &c), ST_INVALID,
		       "Émile Roux's sheet for Les Castors cannot be submitted: Engagement, Technique,"
		       " Marketing, Viability and Pitch are not scored yet", before);
	c.submit = false;
	c.draft = true;
	assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
	free(before);
	before = snapshot(st);
	c.nvalues = 0;
	c.draft = false;
	c.submit = true;
	expect_refused(st, sheet_apply(st, &organizer, &c), ST_INVALID, NULL, before);
	free(before);
}

static void apply__turns_a_submitted_sheet_back_into_a_draft(void **state)
{
	struct store *st = *state;
	const int v[7] = { 4, 3, 5, 2, 4, 3, 5 };
	struct sheet_change c = { .judge = EMILE, .team = CASTORS, .draft = true, .comment = "à revoir" };
	char *row;

	assert_int_equal(score_all(st, &organizer, EMILE, CASTORS, v, true, NULL), ST_OK);
	assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
	row = sql_text(st, "SELECT status || '|' || comment || '|' || round(total, 2) FROM sheet");
	assert_string_equal(row, "draft|à revoir|67.86");
	free(row);
}

static enum status add_criterion_txn(struct store *st, void *ctx)
{
	const struct criterion_spec *spec = ctx;
	enum status s = rubric_add(st, spec);

	return s == ST_OK ? sheet_recompute_totals(st) : s;
}

static void recompute__leaves_old_sheets_incomplete_after_a_criterion_is_added(void **state)
{
	struct store *st = *state;
	const int v[7] = { 5, 5, 5, 5, 5, 5, 5 };
	struct criterion_spec spec = { "Future fit", "", 2, 0, 10 };
	struct sheet_value fv = { "future FIT", 10 };
	struct sheet_change c = { .judge = EMILE, .team = CASTORS, .values = &fv, .nvalues = 1 };
	char *row;

	assert_int_equal(score_all(st, &organizer, EMILE, CASTORS, v, true, NULL), ST_OK);
	assert_int_equal(store_write(st, add_criterion_txn, &spec), ST_OK);
	row = sql_text(st, "SELECT status || '|' || coalesce(total, 'null') FROM sheet");
	assert_string_equal(row, "submitted|null");
	free(row);
	assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
	row = sql_text(st, "SELECT coalesce(total, 'null') FROM sheet");
	assert_string_equal(row, "100.0");
	free(row);
}

static enum status import_text(struct store *st, const char *text, size_t *count)
{
	struct csv_table t;
	enum status s = csv_read_string("sheets.csv", text, strlen(text), &t);

	if (s != ST_OK)
		return s;
	s = import_sheets(st, "sheets.csv", &t, count);
	csv_table_clear(&t);
	return s;
}

static void import__replaces_sheets_and_audits_each_row(void **state)
{
	struct store *st = *state;
	size_t n = 99;
	char *row;

	assert_int_equal(score_one(st, &organizer, EMILE, CASTORS, "Marketing", 1), ST_OK);
	assert_int_equal(import_text(st,
				     "\xEF\xBB\xBFjudge,team,IDEA,engagement,technique,marketing,design,viability,pitch,"
				     "comment,status\r\n"
				     "ÉMILE ROUX,les castors,4,3,5,,4,3,5,\"Bien, très bien\",draft\r\n"
				     "Chloé Martin," CASTORS ",5,5,5,5,5,5,5,,\r\n",
				     &n),
			 ST_OK);
	assert_int_equal(n, 2);
	row = sql_text(st, "SELECT group_concat(status || ' ' || comment || ' ' || coalesce(round(total, 2), '-')"
			   " || ' ' || (SELECT count(*) FROM sheet_value v WHERE v.sheet_id = s.id), ';')"
			   " FROM (SELECT * FROM sheet ORDER BY judge_id) s");
	/* Émile's Marketing, scored before, is gone: the row replaced the sheet */
	assert_string_equal(row, "draft Bien, très bien - 6;submitted  100.0 7");
	free(row);
	row = sql_text(st, "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE kind = 'sheet'"
			   " ORDER BY seq)");
	assert_string_equal(row, "create update submit");
	free(row);
}

static void import__names_the_line_and_imports_nothing(void **state)
{
	struct store *st = *state;
	char *before = snapshot(st);
	size_t n = 99;

	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Les Castors,3,draft\n"
					   "Émile Roux,Les Loutres,9,draft\n", &n),
		       ST_INVALID, "sheets.csv:3: Pitch must be a whole number from 1 to 5, not 9", before);
	assert_int_equal(n, 0);
	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Les Castors,3,draft\n"
					   "Émile Roux,Les Loutres,3,\n", &n),
		       ST_INVALID, "sheets.csv:3: Émile Roux's sheet for Les Loutres cannot be submitted: Idea,"
		       " Engagement, Technique, Marketing, Design and Viability are not scored yet", before);
	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Les Castors,three,draft\n", &n),
		       ST_INVALID, "sheets.csv:2: Pitch must be a whole number from 1 to 5, not 'three'", before);
	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Les Castors,3,final\n", &n),
		       ST_INVALID, "sheets.csv:2: status must be 'submitted' or 'draft', not 'final'", before);
	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Castors,3,draft\n", &n),
		       ST_NOT_FOUND, "sheets.csv:2: no team named 'Castors'; see 'podium list teams'", before);
	expect_refused(st, import_text(st, "team,Pitch\nLes Castors,3\n", &n), ST_INVALID,
		       "sheets.csv:1: the header needs a 'judge' column (judge, team, then one column per criterion)",
		       before);
	expect_refused(st, import_text(st, "judge,team,Pitch,status\nÉmile Roux,Les Castors,3,draft\n"
					   "Chloé Martin,Les Castors,3,draft\némile roux,LES CASTORS,4,draft\n", &n),
		       ST_INVALID, "sheets.csv:4: a second sheet of émile roux for LES CASTORS (the first is on"
		       " line 2); keep one", before);
	free(before);
}

static enum status score_texts(struct store *st, const struct sheet_text *texts, size_t n)
{
	struct sheet_change c = { .judge = EMILE, .team = CASTORS, .texts = texts, .ntexts = n };

	return sheet_apply(st, &organizer, &c);
}

static void apply__reads_values_as_typed_and_checks_them_once(void **state)
{
	struct store *st = *state;
	struct sheet_text pitch = { "pitch", " 4 " }, four = { "Pitch", "four" }, empty = { "Pitch", "" };
	struct sheet_text huge = { "Pitch", "99999999999" }, seven = { "PITCH", "7" }, charm = { "Charisma", "3" };
	struct sheet_text twice[] = { { "idea", "3" }, { "Idea", "4" } };
	struct sheet_value idea = { "Idea", 2 };
	struct sheet_text idea_again = { "IDEA", "3" };
	struct sheet_change both = { .judge = EMILE, .team = CASTORS, .values = &idea, .nvalues = 1,
				     .texts = &idea_again, .ntexts = 1 };
	char *before;

	assert_int_equal(score_texts(st, &pitch, 1), ST_OK);
	{
		char *v = sql_text(st, "SELECT value FROM sheet_value");

		assert_string_equal(v, "4");
		free(v);
	}
	before = snapshot(st);
	expect_refused(st, score_texts(st, &four, 1), ST_INVALID, "Pitch must be a whole number from 1 to 5, not 'four'",
		       before);
	expect_refused(st, score_texts(st, &empty, 1), ST_INVALID, "Pitch must be a whole number from 1 to 5, not ''",
		       before);
	expect_refused(st, score_texts(st, &huge, 1), ST_INVALID,
		       "Pitch must be a whole number from 1 to 5, not '99999999999'", before);
	expect_refused(st, score_texts(st, &seven, 1), ST_INVALID, "Pitch must be a whole number from 1 to 5, not 7",
		       before);
	expect_refused(st, score_texts(st, &charm, 1), ST_NOT_FOUND,
		       "no criterion named 'Charisma'; see 'podium list criteria'", before);
	expect_refused(st, score_texts(st, twice, 2), ST_USAGE, "Idea is given twice; give each criterion once",
		       before);
	expect_refused(st, sheet_apply(st, &organizer, &both), ST_USAGE,
		       "Idea is given twice; give each criterion once", before);
	free(before);
}

/* What SQLite's JSON functions make of the sheet as it stands: the texts the audit log kept before. */
static char *sql_json(struct store *st, const char *judge, const char *team, bool state)
{
	char *q = sqlite3_mprintf(state ?
		"SELECT json_object('status', s.status, 'values', json((SELECT json_group_object(criterion_id, value)"
		" FROM (SELECT criterion_id, value FROM sheet_value WHERE sheet_id = s.id ORDER BY criterion_id))))"
		" FROM sheet s WHERE judge_id = %Q AND team_id = %Q" :
		"SELECT json_object('status', s.status, 'comment', s.comment, 'total', s.total, 'values',"
		" json((SELECT json_group_object(name, value) FROM (SELECT c.name, v.value FROM sheet_value v"
		" JOIN criterion c ON c.id = v.criterion_id WHERE v.sheet_id = s.id ORDER BY c.position))))"
		" FROM sheet s WHERE judge_id = %Q AND team_id = %Q", judge, team);
	char *out = sql_text(st, q);

	sqlite3_free(q);
	return out;
}

/* The last audit row's after and state: the texts the change wrote. */
static void expect_json_as_sqlite_writes_it(struct store *st, const char *judge, const char *team)
{
	char *after = sql_text(st, "SELECT after FROM audit ORDER BY seq DESC LIMIT 1");
	char *state = sql_text(st, "SELECT state FROM audit ORDER BY seq DESC LIMIT 1");
	char *want_after = sql_json(st, judge, team, false), *want_state = sql_json(st, judge, team, true);

	assert_string_equal(after, want_after);
	assert_string_equal(state, want_state);
	free(after);
	free(state);
	free(want_after);
	free(want_state);
}

static void apply__writes_the_audit_json_as_sqlite_does(void **state)
{
	static const char *const comments[] = {
		"", "Belle énergie ; le modèle reste à préciser.", "a \"quoted\" \\ word", "tab\there\nnew line\r",
		"\x01\x02\x1f controls", "🎉 emoji, ÉÀÇ, 中文, العربية",
	};
	static const int scores[][7] = {
		{ 4, 5, 3, 4, 4, 3, 5 }, { 1, 1, 1, 1, 1, 1, 1 }, { 5, 5, 5, 5, 5, 5, 5 }, { 3, 2, 4, 1, 5, 2, 3 },
		{ 2, 3, 2, 3, 2, 3, 2 }, { 5, 4, 5, 4, 5, 4, 4 },
	};
	struct store *st = *state;

	sql(st, "UPDATE criterion SET name = 'Pitch \"live\"' WHERE name = 'Pitch'");
	/* a draft with one value, then none of a total (null) */
	assert_int_equal(score_one(st, &organizer, EMILE, CASTORS, "Idea", 4), ST_OK);
	expect_json_as_sqlite_writes_it(st, EMILE, CASTORS);
	for (size_t i = 0; i < PD_ARRAY_LEN(comments); i++) {
		static const char *const names[] = { "Idea", "Engagement", "Technique", "Marketing", "Design",
						     "Viability", "Pitch \"live\"" };
		struct sheet_value values[7];
		struct sheet_change c = { .judge = CHLOE, .team = i % 2 ? LOUTRES : CASTORS, .values = values,
					  .nvalues = 7, .comment = comments[i], .submit = true };

		char *before = sql_json(st, CHLOE, c.team, false), *kept;

		for (int k = 0; k < 7; k++)
			values[k] = (struct sheet_value){ names[k], scores[i][k] };
		assert_int_equal(sheet_apply(st, &organizer, &c), ST_OK);
		expect_json_as_sqlite_writes_it(st, CHLOE, c.team);
		kept = sql_text(st, "SELECT coalesce(before, '') FROM audit ORDER BY seq DESC LIMIT 1");
		assert_string_equal(kept, before);	/* "" for a new sheet */
		free(kept);
		free(before);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(total__weighs_criteria_on_their_own_scales),
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(apply__keeps_a_draft_then_submits_with_its_total),
		T(apply_get__returns_the_sheet_it_committed_with_its_names),
		T(apply__writes_nothing_when_nothing_changes),
		T(apply__refuses_a_value_outside_the_scale),
		T(apply__lets_a_judge_change_only_their_own_sheets),
		T(apply__refuses_a_team_in_conflict),
		T(apply__after_the_lock_takes_only_the_organizers_correction_with_a_reason),
		T(apply__refuses_to_submit_an_incomplete_sheet),
		T(apply__turns_a_submitted_sheet_back_into_a_draft),
		T(recompute__leaves_old_sheets_incomplete_after_a_criterion_is_added),
		T(import__replaces_sheets_and_audits_each_row),
		T(import__names_the_line_and_imports_nothing),
		T(apply__reads_values_as_typed_and_checks_them_once),
		T(apply__writes_the_audit_json_as_sqlite_does),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
