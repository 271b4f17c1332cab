#include "config.h"
#include "unit.h"

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/history.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "store/store_internal.h"	/* fixtures: judges and teams in plain SQL */

#define EMILE "11111111-1111-4111-8111-111111111111"
#define CHLOE "22222222-2222-4222-8222-222222222222"
#define CASTORS "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define LOUTRES "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"

static const struct actor organizer = { ROLE_ORGANIZER, "" };

static int setup(void **state)
{
	struct event_spec spec = { "Hack", 0, 48 };
	struct store *st;

	setenv("PODIUM_NOW", "2026-12-05 09:30:15", 1);
	setenv("TZ", "Europe/Paris", 1);
	if (store_open_memory(&st) != ST_OK)
		return -1;
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	if (event_create(st, &spec) != ST_OK)
		return -1;
	if (sqlite3_exec(st->db, "INSERT INTO judge(id, name, name_key) VALUES"
			 " ('" EMILE "', 'Émile Roux', 'émile roux'), ('" CHLOE "', 'Chloé Martin', 'chloé martin');"
			 "INSERT INTO team(id, name, name_key) VALUES"
			 " ('" CASTORS "', 'Les Castors', 'les castors'), ('" LOUTRES "', 'Les Loutres', 'les loutres');",
			 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static enum status score(struct store *st, const char *judge, const char *team, const char *crit, int v,
			 const char *reason)
{
	struct sheet_value value = { crit, v };
	struct sheet_change c = { .judge = judge, .team = team, .values = &value, .nvalues = 1,
				  .reason = reason };

	return sheet_apply(st, &organizer, &c);
}

/* Each row as "at|actor|action kind record|before_changed|after_changed|reason", one per line. */
static enum status collect(void *ctx, const struct history_row *row)
{
	char *all = *(char **)ctx, *line;

	line = pd_asprintf("%s%s|%s|%s %s %s|%s|%s|%s\n", all ? all : "", row->at[0] ? "T" : "", row->actor, row->action,
			   row->kind, row->record, row->before_changed, row->after_changed,
			   row->reason ? row->reason : "-");
	free(all);
	*(char **)ctx = line;
	return ST_OK;
}

static void each__lists_a_teams_sheets_oldest_first_with_what_changed(void **state)
{
	struct store *st = *state;
	struct history_filter f = { CASTORS, NULL };
	char *all = NULL;

	/* the audit time is the real clock (T), whatever PODIUM_NOW says */
	audit_set_actor("organizer alice");
	assert_int_equal(score(st, EMILE, CASTORS, "Pitch", 3, NULL), ST_OK);
	assert_int_equal(score(st, CHLOE, LOUTRES, "Pitch", 4, NULL), ST_OK);
	assert_int_equal(score(st, EMILE, CASTORS, "Pitch", 5, NULL), ST_OK);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	assert_int_equal(score(st, EMILE, CASTORS, "Idea", 2, "late paper sheet"), ST_OK);
	audit_set_actor(NULL);

	assert_int_equal(history_each(st, &f, collect, &all), ST_OK);
	assert_string_equal(all,
			    "T|organizer alice|create sheet Émile Roux → Les Castors|"
			    "|status=draft comment= total=null Pitch=3|-\n"
			    "T|organizer alice|update sheet Émile Roux → Les Castors|"
			    "Pitch=3|Pitch=5|-\n"
			    "T|organizer alice|correct sheet Émile Roux → Les Castors|"
			    "|Idea=2|late paper sheet\n");
	free(all);
	all = NULL;
	f.team_id = NULL;
	f.judge_id = CHLOE;
	assert_int_equal(history_each(st, &f, collect, &all), ST_OK);
	assert_string_equal(all, "T|organizer alice|create sheet Chloé Martin → Les Loutres|"
				 "|status=draft comment= total=null Pitch=4|-\n");
	free(all);
}

static void json__embeds_before_and_after_as_json(void **state)
{
	struct store *st = *state;
	struct history_filter f = { NULL, EMILE };
	char *json = NULL;

	assert_int_equal(score(st, EMILE, CASTORS, "Pitch", 3, NULL), ST_OK);
	assert_int_equal(score(st, EMILE, CASTORS, "Pitch", 4, "recount"), ST_OK);
	assert_int_equal(history_json(st, &f, &json), ST_OK);
	assert_non_null(strstr(json, "\"action\":\"update\",\"kind\":\"sheet\""));
	assert_non_null(strstr(json, "\"record\":\"Émile Roux → Les Castors\",\"team_id\":\"" CASTORS
				     "\",\"judge_id\":\"" EMILE "\""));
	assert_non_null(strstr(json, "\"before\":{\"status\":\"draft\",\"comment\":\"\",\"total\":null,"
				     "\"values\":{\"Pitch\":3}},\"after\":{\"status\":\"draft\",\"comment\":\"\","
				     "\"total\":null,\"values\":{\"Pitch\":4}},\"reason\":\"recount\"}]"));
	assert_non_null(strstr(json, "\"before\":null,"));
	assert_int_equal(json[0], '[');
	free(json);

	f.judge_id = CHLOE;
	assert_int_equal(history_json(st, &f, &json), ST_OK);
	assert_string_equal(json, "[]");
	free(json);
}

static void each__names_records_that_have_a_name(void **state)
{
	struct store *st = *state;
	char *all = NULL, *first;

	assert_int_equal(history_each(st, NULL, collect, &all), ST_OK);
	first = strchr(all, '\n');
	assert_non_null(first);
	*first = '\0';
	assert_non_null(strstr(all, "|create event Hack|"));
	assert_non_null(strstr(first + 1, "|create criterion Idea|"));
	free(all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(each__lists_a_teams_sheets_oldest_first_with_what_changed),
		T(json__embeds_before_and_after_as_json),
		T(each__names_records_that_have_a_name),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
