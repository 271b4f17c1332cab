#include "config.h"
#include "unit.h"

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/people.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/store.h"

static int setup(void **state)
{
	struct store *st;
	struct event_spec spec = { "Hack for Good", 0, 48 };

	if (store_open_memory(&st) != ST_OK)
		return -1;
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	if (event_create(st, &spec) != ST_OK)
		return -1;
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

/* ---- running the people functions in a transaction, as the console will ---- */

struct call {
	enum { ADD_TEAM, UPDATE_TEAM, DELETE_TEAM, ADD_JUDGE, UPDATE_JUDGE, DELETE_JUDGE, ADD_COACH,
	       UPDATE_COACH, DELETE_COACH, ADD_ROOM, UPDATE_ROOM, DELETE_ROOM, ENSURE_TRACK } what;
	const void *spec;
	const char *id;
	char id_out[ID_LEN + 1];
};

static enum status call_txn(struct store *st, void *ctx)
{
	struct call *c = ctx;

	switch (c->what) {
	case ADD_TEAM: return team_add(st, c->spec, c->id_out);
	case UPDATE_TEAM: return team_update(st, c->id, c->spec);
	case DELETE_TEAM: return team_delete(st, c->id);
	case ADD_JUDGE: return judge_add(st, c->spec, c->id_out);
	case UPDATE_JUDGE: return judge_update(st, c->id, c->spec);
	case DELETE_JUDGE: return judge_delete(st, c->id);
	case ADD_COACH: return coach_add(st, c->spec, c->id_out);
	case UPDATE_COACH: return coach_update(st, c->id, c->spec);
	case DELETE_COACH: return coach_delete(st, c->id);
	case ADD_ROOM: return room_add(st, c->spec, c->id_out);
	case UPDATE_ROOM: return room_update(st, c->id, c->spec);
	case DELETE_ROOM: return room_delete(st, c->id);
	case ENSURE_TRACK: return track_ensure(st, c->spec, c->id_out);
	}
	return ST_INTERNAL;
}

static enum status call(struct store *st, int what, const void *spec, const char *id, char *id_out)
{
	struct call c = { .what = what, .spec = spec, .id = id };
	enum status s = store_write(st, call_txn, &c);

	if (id_out)
		memcpy(id_out, c.id_out, ID_LEN + 1);
	return s;
}

STMT_DEFINE(q_judge_pin_hash, "SELECT pin_hash, pin_failures FROM judge WHERE id = $id");

/* The first column of stmt's first row, bound with $id (or $key); the caller frees it. */
static char *first(struct store *st, struct stmt *stmt, const char *param, const char *value)
{
	struct query *q = store_query(st, stmt);
	char *out = NULL;

	query_bind_text(q, param, value);
	if (query_first_text(q, &out) != ST_OK)
		return NULL;
	return out;
}

static void expect_json(struct store *st, enum record_kind kind, const char *id, const char *expected_tail)
{
	char *json = NULL;
	char *tail;

	assert_int_equal(people_json(st, kind, id, &json), ST_OK);

	assert_non_null(json);
	/* skip {"id":"...", which differs each run */
	tail = strchr(json, ',');
	assert_non_null(tail);
	assert_string_equal(tail + 1, expected_tail);
	free(json);
}

static int64_t audit_rows(struct store *st)
{
	int64_t rows = 0;

	assert_int_equal(audit_verify(st, &rows), ST_OK);
	return rows;
}

/* ---- tracks and teams ---- */

static void team_add__creates_each_track_once(void **state)
{
	struct store *st = *state;
	char *tracks1[] = {"Education", "Environment"},
	     *tracks2[] = {" EDUCATION ", "education", "Santé"};
	char *members[] = { "Anne", " ", "Bob" };
	struct team_spec a = {"Les Écureuils", "Un projet", "B12", "Desc", tracks1, 2, members, 3};
	struct team_spec b = { "数据队", NULL, NULL, NULL, tracks2, 3, NULL, 0 };
	char ida[ID_LEN + 1], idb[ID_LEN + 1], track[ID_LEN + 1], *name;
	int64_t before = audit_rows(st);

	assert_int_equal(call(st, ADD_TEAM, &a, NULL, ida), ST_OK);
	assert_int_equal(call(st, ADD_TEAM, &b, NULL, idb), ST_OK);
	assert_true(id_is_uuid(ida));
	expect_json(st, KIND_TEAM, ida,
		    "\"name\":\"Les Écureuils\",\"project\":\"Un "
		    "projet\",\"table\":\"B12\",\"description\":\"Desc\","
		    "\"tracks\":[\"Education\",\"Environment\"],\"members\":[\"Anne\",\"Bob\"],\"calibration\":false}");
	expect_json(st, KIND_TEAM, idb,
		    "\"name\":\"数据队\",\"project\":\"\",\"table\":\"\",\"description\":\"\","
		    "\"tracks\":[\"Education\",\"Santé\"],\"members\":[],\"calibration\":false}");
	/* three tracks, two teams: five audit rows */
	assert_int_equal(audit_rows(st), before + 5);
	assert_int_equal(call(st, ENSURE_TRACK, "santé", NULL, track), ST_OK);
	assert_int_equal(record_find(st, KIND_TRACK, "SANTÉ", track, &name), ST_OK);
	assert_string_equal(name, "Santé");
	free(name);
	assert_int_equal(audit_rows(st), before + 5);
	assert_int_equal(call(st, ENSURE_TRACK, "  ", NULL, track), ST_INVALID);
}

/* No caller-opened transaction: a write that fails half-way leaves nothing behind. */
static void team_add__opens_its_own_transaction_and_a_failure_leaves_nothing(void **state)
{
	struct store *st = *state;
	char *tracks[] = {"Health", "Bad\xe2\x80\x8bTrack"};
	struct team_spec bad = {"Half Done", NULL, NULL, NULL, tracks, 2, NULL, 0};
	struct team_spec good = {"Whole", NULL, NULL, NULL, tracks, 1, NULL, 0};
	char id[ID_LEN + 1];
	int64_t before = audit_rows(st);

	assert_int_equal(team_add(st, &bad, id), ST_INVALID);
	assert_int_equal(store_txn_depth(st), 0);
	assert_int_equal(record_find(st, KIND_TEAM, "Half Done", id, NULL), ST_NOT_FOUND);
	assert_int_equal(record_find(st, KIND_TRACK, "Health", id, NULL), ST_NOT_FOUND);
	assert_int_equal(audit_rows(st), before);
	assert_int_equal(team_add(st, &good, id), ST_OK);
	assert_int_equal(record_find(st, KIND_TEAM, "whole", id, NULL), ST_OK);
	assert_int_equal(audit_rows(st), before + 2);
}

static void team_add__refuses_a_name_taken_in_another_case(void **state)
{
	struct store *st = *state;
	struct team_spec a = {.name = "Émile"}, b = {.name = " émile "},
			 c = {.name = "E\xcc\x81MILE"};
	struct team_spec empty = { .name = "  " }, bad = { .name = "x\xff" };
	int64_t rows;

	assert_int_equal(call(st, ADD_TEAM, &a, NULL, NULL), ST_OK);
	rows = audit_rows(st);
	assert_int_equal(call(st, ADD_TEAM, &b, NULL, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT), "a team named 'Émile' already exists");
	assert_int_equal(call(st, ADD_TEAM, &c, NULL, NULL), ST_CONFLICT);
	assert_int_equal(call(st, ADD_TEAM, &empty, NULL, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "a team needs a name");
	assert_int_equal(call(st, ADD_TEAM, &bad, NULL, NULL), ST_INVALID);
	assert_int_equal(audit_rows(st), rows);
}

static void team_update__replaces_fields_and_audits_only_changes(void **state)
{
	struct store *st = *state;
	char *tracks[] = {"Education"}, *members[] = {"Anne"}, *members2[] = {"Chloé", "Anne"};
	struct team_spec a = { "Alpha", "P", "", "", tracks, 1, members, 1 };
	struct team_spec renamed = { "ALPHA team", "P2", "T1", "", NULL, 0, members2, 2 };
	struct team_spec other = { .name = "Beta" }, clash = { .name = "beta" };
	char id[ID_LEN + 1], idb[ID_LEN + 1];
	int64_t rows;

	assert_int_equal(call(st, ADD_TEAM, &a, NULL, id), ST_OK);
	assert_int_equal(call(st, ADD_TEAM, &other, NULL, idb), ST_OK);
	rows = audit_rows(st);
	assert_int_equal(call(st, UPDATE_TEAM, &a, id, NULL), ST_OK);
	assert_int_equal(audit_rows(st), rows);	/* nothing changed, nothing audited */
	assert_int_equal(call(st, UPDATE_TEAM, &renamed, id, NULL), ST_OK);
	assert_int_equal(audit_rows(st), rows + 1);
	expect_json(
	    st, KIND_TEAM, id,
	    "\"name\":\"ALPHA team\",\"project\":\"P2\",\"table\":\"T1\",\"description\":\"\","
	    "\"tracks\":[],\"members\":[\"Chloé\",\"Anne\"],\"calibration\":false}");
	/* a new case of its own name is fine; another team's name is not */
	renamed.name = "alpha TEAM";
	assert_int_equal(call(st, UPDATE_TEAM, &renamed, id, NULL), ST_OK);
	assert_int_equal(call(st, UPDATE_TEAM, &clash, id, NULL), ST_CONFLICT);
	assert_int_equal(
	    call(st, UPDATE_TEAM, &renamed, "00000000-0000-4000-8000-000000000000", NULL),
	    ST_NOT_FOUND);
}

static void team_delete__removes_the_team_and_audits_it(void **state)
{
	struct store *st = *state;
	char *members[] = { "Anne" };
	struct team_spec a = { .name = "Gone", .members = members, .nmembers = 1 };
	char id[ID_LEN + 1], found[ID_LEN + 1];
	int64_t rows;

	assert_int_equal(call(st, ADD_TEAM, &a, NULL, id), ST_OK);
	rows = audit_rows(st);
	assert_int_equal(call(st, DELETE_TEAM, NULL, id, NULL), ST_OK);
	assert_int_equal(audit_rows(st), rows + 1);
	assert_int_equal(record_find(st, KIND_TEAM, "Gone", found, NULL), ST_NOT_FOUND);
	assert_int_equal(call(st, DELETE_TEAM, NULL, id, NULL), ST_NOT_FOUND);
	/* the name is free again */
	assert_int_equal(call(st, ADD_TEAM, &a, NULL, id), ST_OK);
}

/* ---- judges ---- */

static void judge_pin__is_hashed_and_checkable(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Education" };
	struct judge_spec j = { "Chloé Martin", "chloe@example.org", tracks, 1, "chloe", "482100" };
	char id[ID_LEN + 1], *hash;
	bool ok;

	assert_int_equal(call(st, ADD_JUDGE, &j, NULL, id), ST_OK);
	hash = first(st, &q_judge_pin_hash, "$id", id);
	assert_non_null(hash);
	assert_null(strstr(hash, "482100"));
	assert_non_null(strstr(hash, "$argon2id$v=19$m=65536,t=2"));	/* the interactive cost, or more */
	free(hash);
	expect_json(
	    st, KIND_JUDGE, id,
	    "\"name\":\"Chloé Martin\",\"email\":\"chloe@example.org\",\"tracks\":[\"Education\"],"
	    "\"unix_user\":\"chloe\",\"pin\":true}");
	assert_int_equal(pin_check(st, id, "482100", &ok), ST_OK);
	assert_true(ok);
	assert_int_equal(pin_check(st, id, "482200", &ok), ST_OK);
	assert_false(ok);

	/* NULL keeps the PIN, a new one replaces it, "" removes it */
	j.pin = NULL;
	j.email = "";
	assert_int_equal(call(st, UPDATE_JUDGE, &j, id, NULL), ST_OK);
	assert_int_equal(pin_check(st, id, "482100", &ok), ST_OK);
	assert_true(ok);
	j.pin = "999900";
	assert_int_equal(call(st, UPDATE_JUDGE, &j, id, NULL), ST_OK);
	assert_int_equal(pin_check(st, id, "482100", &ok), ST_OK);
	assert_false(ok);
	assert_int_equal(pin_check(st, id, "999900", &ok), ST_OK);
	assert_true(ok);
	j.pin = "";
	assert_int_equal(call(st, UPDATE_JUDGE, &j, id, NULL), ST_OK);
	assert_int_equal(pin_check(st, id, "999900", &ok), ST_OK);
	assert_false(ok);
	assert_int_equal(pin_check(st, "00000000-0000-4000-8000-000000000000", "999900", &ok),
			 ST_NOT_FOUND);
}

static void judge_add__refuses_a_taken_user_name_and_bad_pins(void **state)
{
	struct store *st = *state;
	struct judge_spec a = {.name = "A", .unix_user = "judge1"},
			  b = {.name = "B", .unix_user = "judge1"};
	struct judge_spec c = {.name = "C", .unix_user = "bob smith"},
			  d = {.name = "D", .pin = "12"};
	char id[ID_LEN + 1];

	assert_int_equal(call(st, ADD_JUDGE, &a, NULL, id), ST_OK);
	assert_int_equal(call(st, ADD_JUDGE, &b, NULL, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "the user name 'judge1' already belongs to the judge 'A'");
	assert_int_equal(call(st, UPDATE_JUDGE, &a, id, NULL), ST_OK);
	assert_int_equal(call(st, ADD_JUDGE, &c, NULL, NULL), ST_INVALID);
	assert_int_equal(call(st, ADD_JUDGE, &d, NULL, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "a PIN must have at least 6 characters (at most 64)");
	assert_int_equal(call(st, DELETE_JUDGE, NULL, id, NULL), ST_OK);
	assert_int_equal(call(st, ADD_JUDGE, &b, NULL, NULL), ST_OK);
}

/* ---- coaches and rooms ---- */

static void coach_window__parses_and_crosses_midnight(void **state)
{
	struct coach_window w;
	int64_t t;
	char when[17];

	(void)state;
	assert_true(coach_parse_window("2026-12-05 09:00-12:30", &w));
	clock_parse("2026-12-05 09:00", &t);
	assert_int_equal(w.start, t);
	assert_int_equal(w.end - w.start, 3 * 3600 + 1800);
	assert_true(coach_parse_window(" 2026-12-05 22:00 - 02:00 ", &w));
	clock_format(w.end, when);
	assert_string_equal(when, "2026-12-06 02:00");
	assert_false(coach_parse_window("2026-12-05 09:00-09:00", &w));
	assert_false(coach_parse_window("2026-12-05 09:00", &w));
	assert_false(coach_parse_window("2026-12-05 9h-12h", &w));
	assert_false(coach_parse_window("2026-02-30 09:00-10:00", &w));
	assert_false(coach_parse_window("", &w));
}

static void coach_add__keeps_skills_once_and_refuses_overlaps(void **state)
{
	struct store *st = *state;
	char *skills[] = { "Pitch", "pitch", "Design" };
	struct coach_window w[2];
	struct coach_spec c = { "Zoé", "zoe@example.org", skills, 3, w, 2, NULL };
	char id[ID_LEN + 1];

	assert_true(coach_parse_window("2026-12-05 14:00-18:00", &w[0]));
	assert_true(coach_parse_window("2026-12-05 09:00-12:00", &w[1]));
	assert_int_equal(call(st, ADD_COACH, &c, NULL, id), ST_OK);
	expect_json(
	    st, KIND_COACH, id,
	    "\"name\":\"Zoé\",\"email\":\"zoe@example.org\",\"unix_user\":null,\"skills\":[\"Design\",\"Pitch\"],"
	    "\"available\":[\"2026-12-05 09:00-12:00\",\"2026-12-05 14:00-18:00\"]}");
	assert_true(coach_parse_window("2026-12-05 11:00-15:00", &w[1]));
	assert_int_equal(call(st, UPDATE_COACH, &c, id, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "the availability windows starting 2026-12-05 11:00 and 2026-12-05 "
			    "14:00 overlap; merge them");
	c.nwindows = 1;
	c.nskills = 0;
	assert_int_equal(call(st, UPDATE_COACH, &c, id, NULL), ST_OK);
	expect_json(st, KIND_COACH, id,
		    "\"name\":\"Zoé\",\"email\":\"zoe@example.org\",\"unix_user\":null,\"skills\":[],"
		    "\"available\":[\"2026-12-05 14:00-18:00\"]}");
	assert_int_equal(call(st, DELETE_COACH, NULL, id, NULL), ST_OK);
}

static void room_add__keeps_capacity_and_tracks(void **state)
{
	struct store *st = *state;
	char *tracks[] = { "Environment" };
	struct room_spec r = { "Salle Ada", tracks, 1, 40 }, none = { "Hall", NULL, 0, -1 };
	struct room_spec bad = { "Bad", NULL, 0, -5 };
	char id[ID_LEN + 1];

	assert_int_equal(call(st, ADD_ROOM, &r, NULL, id), ST_OK);
	expect_json(st, KIND_ROOM, id,
		    "\"name\":\"Salle Ada\",\"tracks\":[\"Environment\"],\"capacity\":40}");
	assert_int_equal(call(st, UPDATE_ROOM, &none, id, NULL), ST_OK);
	expect_json(st, KIND_ROOM, id, "\"name\":\"Hall\",\"tracks\":[],\"capacity\":null}");
	assert_int_equal(call(st, ADD_ROOM, &bad, NULL, NULL), ST_INVALID);
	assert_int_equal(call(st, DELETE_ROOM, NULL, id, NULL), ST_OK);
	assert_int_equal(call(st, DELETE_ROOM, NULL, id, NULL), ST_NOT_FOUND);
}

/* ---- imports ---- */

static enum status import_text(struct store *st,
			       enum status (*fn)(struct store *, const char *,
						 const struct csv_table *, size_t *),
			       const char *text, size_t *count)
{
	struct csv_table t;
	enum status s = csv_read_string("in.csv", text, strlen(text), &t);

	if (s != ST_OK)
		return s;
	s = fn(st, "in.csv", &t, count);
	csv_table_clear(&t);
	return s;
}

static void import_teams__is_all_or_nothing(void **state)
{
	struct store *st = *state;
	int64_t rows = audit_rows(st);
	size_t count = 99;
	char id[ID_LEN + 1];

	assert_int_equal(
	    import_text(st, import_teams,
			"Name,Tracks\nAlpha,Education\nBeta,Education;Environment\n\" \",x\n",
			&count),
	    ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:4: the team has no name; every row needs one");
	assert_int_equal(count, 0);
	assert_int_equal(audit_rows(st), rows);
	assert_int_equal(record_find(st, KIND_TEAM, "Alpha", id, NULL), ST_NOT_FOUND);
	assert_int_equal(record_find(st, KIND_TRACK, "Education", id, NULL), ST_NOT_FOUND);

	assert_int_equal(import_text(st, import_teams, "name\nAlpha\nBeta\nalpha\n", &count),
			 ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "in.csv:4: the team 'alpha' appears twice, also on line 2");

	assert_int_equal(import_text(st, import_teams,
				     "Name,Tracks,Other\nAlpha,Education\nBeta,education\n",
				     &count),
			 ST_OK);
	assert_int_equal(count, 2);
	assert_int_equal(audit_rows(st), rows + 3);
	assert_int_equal(import_text(st, import_teams, "name\nGamma\nBETA\n", &count), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "in.csv:3: a team named 'Beta' already exists");
	assert_int_equal(record_find(st, KIND_TEAM, "Gamma", id, NULL), ST_NOT_FOUND);

	assert_int_equal(import_text(st, import_teams, "team,x\nA,b\n", &count), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:1: the column 'name' is missing; the header has: team, x");
}

static void import_judges__hashes_pins_and_checks_user_names(void **state)
{
	struct store *st = *state;
	size_t count;
	char id[ID_LEN + 1];
	bool ok;

	assert_int_equal(import_text(st, import_judges,
				     "name,unix_user,pin\nA,judge1,123400\nB,judge1,567800\n", &count),
			 ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "in.csv:3: the user name 'judge1' appears twice, also on line 2");
	assert_int_equal(import_text(st, import_judges, "name,pin\nA,12\n", &count), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:2: a PIN must have at least 6 characters (at most 64)");
	assert_int_equal(import_text(st, import_judges,
				     "name,email,tracks,unix_user,pin\nAmina "
				     "Haddad,a@x.org,Education,amina,123400\nBo,,,,\n",
				     &count),
			 ST_OK);
	assert_int_equal(count, 2);
	assert_int_equal(record_find(st, KIND_JUDGE, "amina haddad", id, NULL), ST_OK);
	assert_int_equal(pin_check(st, id, "123400", &ok), ST_OK);
	assert_true(ok);
}

static void import_criteria__checks_numbers_and_adds_to_the_rubric(void **state)
{
	struct store *st = *state;
	struct rubric r;
	size_t count;

	assert_int_equal(import_text(st, import_criteria, "name,weight\nImpact,0\n", &count),
			 ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:2: the weight '0' is not a number above 0");
	assert_int_equal(import_text(st, import_criteria, "name,weight\nImpact,1,5\n", &count),
			 ST_INVALID);
	assert_int_equal(import_text(st, import_criteria, "name,min,max\nImpact,1,x\n", &count),
			 ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:2: the max 'x' is not a whole number");
	assert_int_equal(import_text(st, import_criteria, "name,min,max\nImpact,5,1\n", &count),
			 ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:2: criterion 'Impact': min (5) must be below max (1)");
	assert_int_equal(import_text(st, import_criteria, "name\nImpact\nPITCH\n", &count),
			 ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "in.csv:3: a criterion named 'PITCH' already exists");
	assert_int_equal(
	    import_text(st, import_criteria,
			"name,weight,min,max,description\nImpact,2.5,0,10,How much good\nFun,,,,\n",
			&count),
	    ST_OK);
	assert_int_equal(count, 2);
	assert_int_equal(rubric_load(st, &r), ST_OK);
	assert_int_equal(r.count, 9);
	assert_string_equal(r.items[7].name, "Impact");
	assert_true(r.items[7].weight == 2.5);
	assert_int_equal(r.items[7].min, 0);
	assert_int_equal(r.items[7].max, 10);
	assert_string_equal(r.items[7].description, "How much good");
	assert_true(r.items[8].weight == 1.0);
	assert_int_equal(r.items[8].min, 1);
	assert_int_equal(r.items[8].max, 5);
	rubric_clear(&r);
}

static void import_coaches_and_rooms__check_windows_and_capacity(void **state)
{
	struct store *st = *state;
	size_t count;

	assert_int_equal(
	    import_text(st, import_coaches, "name,available\nZoé,2026-12-05 9h-12h\n", &count),
	    ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "in.csv:2: the availability '2026-12-05 9h-12h' is not a window like "
			    "'2026-12-05 09:00-12:30'");
	assert_int_equal(import_text(st, import_coaches,
				     "name,skills,available\nZoé,Pitch;Design,2026-12-05 "
				     "09:00-12:00;2026-12-06 10:00-11:00\n",
				     &count),
			 ST_OK);
	assert_int_equal(count, 1);
	assert_int_equal(import_text(st, import_rooms, "name,capacity\nAda,ten\n", &count),
			 ST_INVALID);
	assert_string_equal(
	    status_message(ST_INVALID),
	    "in.csv:2: the capacity 'ten' is not a whole number of seats (0 or more)");
	assert_int_equal(import_text(st, import_rooms,
				     "name,tracks,capacity\nAda,Education,40\nHall,,\n", &count),
			 ST_OK);
	assert_int_equal(count, 2);
}

static void names__refuse_invisible_characters_and_look_alikes_at_every_entry(void **state)
{
	struct store *st = *state;
	struct team_spec alpha = { .name = "Alpha" }, zwsp = { .name = "Al\xe2\x80\x8bpha" };
	struct team_spec cyrillic = { .name = "\xd0\x90lpha" }, upper = { .name = "ALPHA" };
	char id[ID_LEN + 1];
	size_t count;

	assert_int_equal(call(st, ADD_TEAM, &alpha, NULL, id), ST_OK);
	assert_int_equal(call(st, ADD_TEAM, &zwsp, NULL, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "team name 'Al\xef\xbf\xbdpha' holds an invisible character (U+200B); remove it");
	assert_int_equal(call(st, ADD_TEAM, &cyrillic, NULL, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "team '\xd0\x90lpha' looks like the existing team 'Alpha'; choose another name");
	/* a record may take its own name in another case, or a look-alike of it */
	assert_int_equal(call(st, UPDATE_TEAM, &upper, id, NULL), ST_OK);
	assert_int_equal(call(st, UPDATE_TEAM, &cyrillic, id, NULL), ST_OK);
	/* a rename goes through the same check */
	assert_int_equal(call(st, ADD_TEAM, &alpha, NULL, NULL), ST_CONFLICT);
	assert_string_equal(status_message(ST_CONFLICT),
			    "team 'Alpha' looks like the existing team '\xd0\x90lpha'; choose another name");
	/* within one import, the file's own names count too */
	assert_int_equal(import_text(st, import_judges, "name\nPaul\nPau\xd0\x86\n", &count), ST_CONFLICT);
	assert_int_equal(import_text(st, import_rooms, "name\nAmphi\nAmph\xd1\x96\n", &count), ST_CONFLICT);
	assert_int_equal(import_text(st, import_rooms, "name\nAmphi\nAtelier\n", &count), ST_OK);
	assert_int_equal(count, 2);
}

static void import_teams__checks_thousands_of_names_against_each_other_fast(void **state)
{
	struct store *st = *state;
	size_t n = 5000, count = 0;
	char *text = pd_strdup("name\n");

	for (size_t i = 0; i < n; i++) {
		char *next = pd_asprintf("%sTeam %zu\n", text, i);

		free(text);
		text = next;
	}
	assert_int_equal(import_text(st, import_teams, text, &count), ST_OK);
	assert_int_equal(count, n);
	free(text);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(team_add__creates_each_track_once),
		T(team_add__opens_its_own_transaction_and_a_failure_leaves_nothing),
		T(team_add__refuses_a_name_taken_in_another_case),
		T(team_update__replaces_fields_and_audits_only_changes),
		T(team_delete__removes_the_team_and_audits_it),
		T(judge_pin__is_hashed_and_checkable),
		T(judge_add__refuses_a_taken_user_name_and_bad_pins),
		cmocka_unit_test(coach_window__parses_and_crosses_midnight),
		T(coach_add__keeps_skills_once_and_refuses_overlaps),
		T(room_add__keeps_capacity_and_tracks),
		T(import_teams__is_all_or_nothing),
		T(import_judges__hashes_pins_and_checks_user_names),
		T(import_criteria__checks_numbers_and_adds_to_the_rubric),
		T(import_coaches_and_rooms__check_windows_and_capacity),
		T(names__refuse_invisible_characters_and_look_alikes_at_every_entry),
		T(import_teams__checks_thousands_of_names_against_each_other_fast),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
