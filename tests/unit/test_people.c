#include "config.h"
#include "unit.h"

#include "podium/clock.h"
#include "podium/event.h"
#include "podium/people.h"
#include "podium/status.h"
#include "podium/store.h"
#include "fixture.h"

/* The records with names: each kind added, renamed, updated and deleted, with the audit rows they leave. */

static int setup(void **state)
{
	struct event_spec spec = { "Hack", 0, 48 };
	struct store *st;

	setenv("XDG_STATE_HOME", unit_tmpdir(), 1);
	if (store_open_memory(&st) != ST_OK || event_create(st, &spec) != ST_OK)
		return -1;
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static void assert_sql(struct store *st, const char *query, const char *expected)
{
	char *got = sql_text(st, query);

	assert_string_equal(got, expected);
	free(got);
}

static int64_t audit_rows(struct store *st)
{
	char *n = sql_text(st, "SELECT count(*) FROM audit");
	int64_t rows = atoll(n);

	free(n);
	return rows;
}

/* The last audit row as "action kind|before|after", empty parts for NULL. */
static char *last_audit(struct store *st)
{
	return sql_text(st, "SELECT action || ' ' || kind || '|' || coalesce(before, '') || '|' || coalesce(after, '')"
			    " FROM audit ORDER BY seq DESC LIMIT 1");
}

static void assert_last_audit(struct store *st, const char *expected)
{
	char *got = last_audit(st);

	assert_string_equal(got, expected);
	free(got);
}

static void team_add__trims_the_name_creates_its_tracks_and_audits_the_record(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Education", "education", "Environment" }, *members[] = { "Ana", "Bo" };
	struct team_spec spec = { .name = "  Les Castors ", .project = "Compost", .table = "B12",
				  .tracks = tracks, .ntracks = 3, .members = members, .nmembers = 2 };
	char id[ID_LEN + 1], *expected;

	assert_int_equal(team_add(st, &spec, id), ST_OK);
	assert_sql(st, "SELECT name || '/' || name_key FROM team", "Les Castors/les castors");
	/* "education" is the same track as "Education": two tracks, each audited as created */
	assert_sql(st, "SELECT group_concat(name, ',') FROM (SELECT name FROM track ORDER BY name)",
		   "Education,Environment");
	assert_sql(st, "SELECT count(*) FROM team_track", "2");
	assert_sql(st, "SELECT count(*) FROM audit WHERE kind = 'track' AND action = 'create'", "2");
	if (asprintf(&expected, "create team||{\"id\":\"%s\",\"name\":\"Les Castors\",\"project\":\"Compost\","
		     "\"table\":\"B12\",\"description\":\"\",\"tracks\":[\"Education\",\"Environment\"],"
		     "\"members\":[\"Ana\",\"Bo\"],\"calibration\":false}", id) < 0)
		fail();
	assert_last_audit(st, expected);
	free(expected);
	assert_sql(st, "SELECT team_id = record_id FROM audit ORDER BY seq DESC LIMIT 1", "1");
}

static void names__are_refused_empty_taken_in_any_case_or_not_utf8(void **state)
{
	struct store *st = *state;
	struct judge_spec emile = { .name = "Émile Roux" }, again = { .name = "ÉMILE ROUX" };
	struct judge_spec blank = { .name = "   " }, bad = { .name = "caf\xc3" };
	int64_t rows;

	assert_int_equal(judge_add(st, &emile, NULL), ST_OK);
	rows = audit_rows(st);
	assert_int_equal(judge_add(st, &again, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT), "a judge named 'Émile Roux' already exists");
	assert_int_equal(judge_add(st, &blank, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "a judge needs a name");
	assert_int_equal(judge_add(st, &bad, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "the name of a judge is not valid UTF-8");
	assert_sql(st, "SELECT count(*) FROM judge", "1");
	assert_int_equal(audit_rows(st), rows);
}

static void rename__keeps_the_rest_audits_before_and_after_and_refuses_a_taken_name(void **state)
{
	struct store *st = *state;
	struct room_spec a = { .name = "Agora", .capacity = 40 }, b = { .name = "Bibliothèque", .capacity = -1 };
	char id[ID_LEN + 1], *expected;

	assert_int_equal(room_add(st, &a, id), ST_OK);
	assert_int_equal(room_add(st, &b, NULL), ST_OK);
	assert_int_equal(people_rename(st, KIND_ROOM, id, "Amphi"), ST_OK);
	if (asprintf(&expected, "update room|{\"id\":\"%s\",\"name\":\"Agora\",\"tracks\":[],\"capacity\":40}"
		     "|{\"id\":\"%s\",\"name\":\"Amphi\",\"tracks\":[],\"capacity\":40}", id, id) < 0)
		fail();
	assert_last_audit(st, expected);
	free(expected);
	assert_int_equal(people_rename(st, KIND_ROOM, id, "bibliothèque"), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT), "a room named 'Bibliothèque' already exists");
	/* its own name in another case is no conflict */
	assert_int_equal(people_rename(st, KIND_ROOM, id, "AMPHI"), ST_OK);
	assert_sql(st, "SELECT group_concat(name, ',') FROM (SELECT name FROM room ORDER BY name_key)",
		   "AMPHI,Bibliothèque");
}

static void team_update__replaces_tracks_and_members_and_audits_only_a_change(void **state)
{
	struct store *st = *state;
	char *first[] = { "Education" }, *second[] = { "Diversity" }, *members[] = { "Cy" };
	struct team_spec spec = { .name = "Castors", .tracks = first, .ntracks = 1 };
	char id[ID_LEN + 1];
	int64_t rows;

	assert_int_equal(team_add(st, &spec, id), ST_OK);
	spec.tracks = second;
	spec.members = members;
	spec.nmembers = 1;
	assert_int_equal(team_update(st, id, &spec), ST_OK);
	assert_sql(st, "SELECT k.name FROM team_track x JOIN track k ON k.id = x.track_id", "Diversity");
	assert_sql(st, "SELECT group_concat(name) FROM team_member", "Cy");
	assert_sql(st, "SELECT json_extract(before, '$.tracks[0]') || '>' || json_extract(after, '$.tracks[0]')"
		       " FROM audit WHERE action = 'update' AND kind = 'team'", "Education>Diversity");
	rows = audit_rows(st);
	assert_int_equal(team_update(st, id, &spec), ST_OK);
	assert_int_equal(audit_rows(st), rows);
	assert_int_equal(team_update(st, "00000000-0000-4000-8000-000000000000", &spec), ST_NOT_FOUND);
}

static void team_delete__removes_its_links_and_audits_the_record_before(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Education" }, *members[] = { "Ana" };
	struct team_spec spec = { .name = "Castors", .tracks = tracks, .ntracks = 1, .members = members, .nmembers = 1 };
	char id[ID_LEN + 1];

	assert_int_equal(team_add(st, &spec, id), ST_OK);
	assert_int_equal(team_delete(st, id), ST_OK);
	assert_sql(st, "SELECT (SELECT count(*) FROM team) + (SELECT count(*) FROM team_track)"
		       " + (SELECT count(*) FROM team_member)", "0");
	assert_sql(st, "SELECT action || ' ' || json_extract(before, '$.name') || ' ' || (after IS NULL)"
		       " FROM audit ORDER BY seq DESC LIMIT 1", "delete Castors 1");
	/* the track stays */
	assert_sql(st, "SELECT name FROM track", "Education");
	assert_int_equal(team_delete(st, id), ST_NOT_FOUND);
}

static void judge__links_tracks_and_refuses_a_taken_login_or_a_short_pin(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Environment", "Education" };
	struct judge_spec a = { .name = "Ana", .tracks = tracks, .ntracks = 2, .unix_user = "ana", .pin = "482193" };
	struct judge_spec b = { .name = "Bo", .unix_user = "ana" }, c = { .name = "Cy", .pin = "1" };
	char id[ID_LEN + 1], *expected;

	assert_int_equal(judge_add(st, &a, id), ST_OK);
	/* the tracks in name order; the PIN only as "has one", never its hash */
	if (asprintf(&expected, "create judge||{\"id\":\"%s\",\"name\":\"Ana\",\"email\":\"\","
		     "\"tracks\":[\"Education\",\"Environment\"],\"unix_user\":\"ana\",\"pin\":true}", id) < 0)
		fail();
	assert_last_audit(st, expected);
	free(expected);
	assert_sql(st, "SELECT judge_id = record_id AND team_id IS NULL FROM audit ORDER BY seq DESC LIMIT 1", "1");
	assert_int_equal(judge_add(st, &b, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT), "the user name 'ana' already belongs to the judge 'Ana'");
	assert_int_equal(judge_add(st, &c, NULL), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "a PIN must have at least"));
	assert_sql(st, "SELECT count(*) FROM judge", "1");
	/* an update with pin NULL keeps the PIN */
	a.pin = NULL;
	a.ntracks = 1;
	assert_int_equal(judge_update(st, id, &a), ST_OK);
	assert_sql(st, "SELECT (pin_hash IS NOT NULL) || ' ' || (SELECT count(*) FROM judge_track) FROM judge", "1 1");
	assert_int_equal(judge_delete(st, id), ST_OK);
	assert_sql(st, "SELECT (SELECT count(*) FROM judge) + (SELECT count(*) FROM judge_track)", "0");
	assert_sql(st, "SELECT action || ' ' || json_extract(before, '$.name') FROM audit ORDER BY seq DESC LIMIT 1",
		   "delete Ana");
}

static void coach__refuses_overlapping_windows_and_deletes_with_its_windows(void **state)
{
	struct store *st = *state;
	struct coach_window w[2];
	char *skills[] = { "Design" };
	struct coach_spec spec = { .name = "Lou", .skills = skills, .nskills = 1, .windows = w, .nwindows = 2 };
	char id[ID_LEN + 1];
	int64_t rows;

	assert_true(coach_parse_window("2026-12-05 09:00-12:00", &w[0]));
	assert_true(coach_parse_window("2026-12-05 11:00 - 13:00", &w[1]));
	rows = audit_rows(st);
	assert_int_equal(coach_add(st, &spec, NULL), ST_INVALID);
	assert_int_equal(audit_rows(st), rows);
	assert_true(coach_parse_window("2026-12-05 22:00-02:00", &w[1]));
	assert_int_equal(w[1].end - w[1].start, 4 * 3600);
	assert_int_equal(coach_add(st, &spec, id), ST_OK);
	assert_sql(st, "SELECT json_extract(after, '$.available') FROM audit ORDER BY seq DESC LIMIT 1",
		   "[\"2026-12-05 09:00-12:00\",\"2026-12-05 22:00-02:00\"]");
	assert_int_equal(coach_delete(st, id), ST_OK);
	assert_sql(st, "SELECT (SELECT count(*) FROM coach) + (SELECT count(*) FROM coach_window)"
		       " + (SELECT count(*) FROM coach_skill)", "0");
	assert_false(coach_parse_window("2026-12-05 09:00-09:00", &w[0]));
	assert_false(coach_parse_window("tomorrow morning", &w[0]));
}

static void room__refuses_a_capacity_out_of_range_and_links_its_tracks(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Education" };
	struct room_spec spec = { .name = "Agora", .tracks = tracks, .ntracks = 1, .capacity = -2 };
	char id[ID_LEN + 1];

	assert_int_equal(room_add(st, &spec, NULL), ST_INVALID);
	spec.capacity = 100001;
	assert_int_equal(room_add(st, &spec, NULL), ST_INVALID);
	assert_sql(st, "SELECT count(*) FROM room", "0");
	spec.capacity = 100000;
	assert_int_equal(room_add(st, &spec, id), ST_OK);
	assert_sql(st, "SELECT json_extract(after, '$.tracks[0]') || ' ' || json_extract(after, '$.capacity')"
		       " FROM audit ORDER BY seq DESC LIMIT 1", "Education 100000");
	assert_int_equal(room_delete(st, id), ST_OK);
	assert_sql(st, "SELECT (SELECT count(*) FROM room) + (SELECT count(*) FROM room_track)", "0");
}

static void track__ensure_finds_a_track_in_any_case_and_delete_unlinks_it(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Éducation" };
	struct team_spec team = { .name = "Castors", .tracks = tracks, .ntracks = 1 };
	char first[ID_LEN + 1], again[ID_LEN + 1];
	int64_t rows;

	assert_int_equal(track_ensure(st, "Éducation", first), ST_OK);
	rows = audit_rows(st);
	assert_int_equal(track_ensure(st, " ÉDUCATION ", again), ST_OK);
	assert_string_equal(first, again);
	assert_int_equal(audit_rows(st), rows);
	assert_int_equal(track_ensure(st, "", again), ST_INVALID);
	assert_int_equal(team_add(st, &team, NULL), ST_OK);
	assert_sql(st, "SELECT count(*) FROM team_track", "1");
	assert_int_equal(track_delete(st, first), ST_OK);
	assert_sql(st, "SELECT (SELECT count(*) FROM track) || ' ' || (SELECT count(*) FROM team_track)"
		       " || ' ' || (SELECT count(*) FROM team)", "0 0 1");
	assert_sql(st, "SELECT action || ' ' || kind FROM audit ORDER BY seq DESC LIMIT 1", "delete track");
	assert_int_equal(track_delete(st, first), ST_NOT_FOUND);
}

static void fields__give_each_kind_its_own_fields_and_empty_the_rest(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Education", "Diversity" };
	struct room_spec room = { .name = "Agora", .tracks = tracks, .ntracks = 2, .capacity = 40 };
	struct judge_spec judge = { .name = "Ana", .email = "ana@example.org", .tracks = tracks, .ntracks = 1,
				    .unix_user = "ana" };
	char room_id[ID_LEN + 1], judge_id[ID_LEN + 1];
	struct people_fields f;

	assert_int_equal(room_add(st, &room, room_id), ST_OK);
	assert_int_equal(judge_add(st, &judge, judge_id), ST_OK);
	assert_int_equal(people_fields(st, KIND_ROOM, room_id, &f), ST_OK);
	assert_string_equal(f.value[0], "Diversity; Education");
	assert_string_equal(f.value[1], "40");
	for (int i = 2; i < PEOPLE_FIELDS; i++)
		assert_string_equal(f.value[i], "");
	people_fields_clear(&f);
	assert_int_equal(people_fields(st, KIND_JUDGE, judge_id, &f), ST_OK);
	assert_string_equal(f.value[0], "ana@example.org");
	assert_string_equal(f.value[1], "Education");
	assert_string_equal(f.value[2], "ana");
	assert_string_equal(f.value[3], "");
	assert_string_equal(f.value[4], "");
	people_fields_clear(&f);
	assert_int_equal(people_fields(st, KIND_TRACK, judge_id, &f), ST_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(team_add__trims_the_name_creates_its_tracks_and_audits_the_record, setup, teardown),
		cmocka_unit_test_setup_teardown(names__are_refused_empty_taken_in_any_case_or_not_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(rename__keeps_the_rest_audits_before_and_after_and_refuses_a_taken_name, setup, teardown),
		cmocka_unit_test_setup_teardown(team_update__replaces_tracks_and_members_and_audits_only_a_change, setup, teardown),
		cmocka_unit_test_setup_teardown(team_delete__removes_its_links_and_audits_the_record_before, setup, teardown),
		cmocka_unit_test_setup_teardown(judge__links_tracks_and_refuses_a_taken_login_or_a_short_pin, setup, teardown),
		cmocka_unit_test_setup_teardown(coach__refuses_overlapping_windows_and_deletes_with_its_windows, setup, teardown),
		cmocka_unit_test_setup_teardown(room__refuses_a_capacity_out_of_range_and_links_its_tracks, setup, teardown),
		cmocka_unit_test_setup_teardown(fields__give_each_kind_its_own_fields_and_empty_the_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(track__ensure_finds_a_track_in_any_case_and_delete_unlinks_it, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
