#include "config.h"
#include "unit.h"

#include <sqlite3.h>

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/conflict.h"
#include "podium/event.h"
#include "podium/panel.h"
#include "podium/people.h"
#include "podium/status.h"
#include "podium/store.h"

/*
 * Panels on real event files. Slots go in through SQLite itself (the schedule
 * is another module), and the checks read the assignment table back the same
 * way, so they do not trust panel.c's own reading of it.
 */

#define MAX_TEAMS  40
#define MAX_JUDGES 16
#define MAX_ROOMS  4

struct fixture {
	const char *dir;
	struct store *st;
	sqlite3 *db;
	size_t nteams, njudges, nrooms;
	char team[MAX_TEAMS][ID_LEN + 1], judge[MAX_JUDGES][ID_LEN + 1],
	    room[MAX_ROOMS][ID_LEN + 1];
	/* what the instance holds, as the generator made it */
	bool conflict[MAX_JUDGES][MAX_TEAMS];
	bool timed[MAX_TEAMS];
	size_t slot_room[MAX_TEAMS];
	int64_t start[MAX_TEAMS], end[MAX_TEAMS];
	unsigned team_tracks[MAX_TEAMS], judge_tracks[MAX_JUDGES];
};

static const char *const track_names[] = {"Education", "Environment", "Inclusion", "Diversité"};

static void sql(struct fixture *f, const char *text)
{
	char *err = NULL;

	if (sqlite3_exec(f->db, text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
}

static void open_event(struct fixture *f)
{
	struct event_spec spec = {"Hack", 0, 48};

	f->dir = unit_tmpdir();
	assert_true(clock_parse("2026-12-04 18:00", &spec.starts_at));
	assert_int_equal(store_create(unit_path(f->dir, "event.db"), &f->st), ST_OK);
	assert_int_equal(event_create(f->st, &spec), ST_OK);
	assert_int_equal(sqlite3_open(unit_path(f->dir, "event.db"), &f->db), SQLITE_OK);
	sqlite3_busy_timeout(f->db, 5000);
}

static void close_event(struct fixture *f)
{
	sqlite3_close(f->db);
	store_close(f->st);
	unit_rmdir(f->dir);
	memset(f, 0, sizeof(*f));
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	open_event(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	close_event(f);
	free(f);
	return 0;
}

/* Track names of the mask, as a list for a spec. */
static size_t tracks_of(unsigned mask, char **out)
{
	size_t n = 0;

	for (size_t i = 0; i < PD_ARRAY_LEN(track_names); i++)
		if (mask & (1u << i))
			out[n++] = (char *)track_names[i];
	return n;
}

static enum status add_all(struct store *st, void *ctx)
{
	struct fixture *f = ctx;
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < f->nteams; i++) {
		char name[64], *tracks[4];
		struct team_spec t = {.name = name, .tracks = tracks};

		snprintf(name, sizeof(name), i % 3 ? "Team %02zu" : "Équipe %02zu", i);
		t.ntracks = tracks_of(f->team_tracks[i], tracks);
		s = team_add(st, &t, f->team[i]);
	}
	for (size_t i = 0; s == ST_OK && i < f->njudges; i++) {
		char name[64], *tracks[4];
		struct judge_spec j = {.name = name, .tracks = tracks};

		snprintf(name, sizeof(name), i % 2 ? "Judge %02zu" : "Jüri %02zu", i);
		j.ntracks = tracks_of(f->judge_tracks[i], tracks);
		s = judge_add(st, &j, f->judge[i]);
	}
	for (size_t i = 0; s == ST_OK && i < f->nrooms; i++) {
		char name[64];
		struct room_spec r = {.name = name, .capacity = -1};

		snprintf(name, sizeof(name), "Room %zu", i);
		s = room_add(st, &r, f->room[i]);
	}
	return s;
}

static void populate(struct fixture *f)
{
	assert_int_equal(store_write(f->st, add_all, f), ST_OK);
	for (size_t j = 0; j < f->njudges; j++)
		for (size_t t = 0; t < f->nteams; t++)
			if (f->conflict[j][t])
				assert_int_equal(
				    conflict_declare(f->st, f->judge[j], f->team[t], "test"),
				    ST_OK);
	for (size_t t = 0; t < f->nteams; t++) {
		char *q;

		if (!f->timed[t])
			continue;
		q = pd_asprintf(
		    "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s,"
		    " changeover_s) VALUES ('slot%zu', '%s', '%s', %zu, %lld, %lld, 0, 0)",
		    t, f->room[f->slot_room[t]], f->team[t], t, (long long)f->start[t],
		    (long long)(f->end[t] - f->start[t]));
		sql(f, q);
		free(q);
	}
}

static long index_of(char ids[][ID_LEN + 1], size_t n, const unsigned char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], (const char *)id) == 0)
			return (long)i;
	return -1;
}

/* The assignments as the file holds them: a judge x team matrix; returns their number. */
static size_t read_assignments(struct fixture *f, bool cells[MAX_JUDGES][MAX_TEAMS])
{
	sqlite3_stmt *q;
	size_t n = 0;

	memset(cells, 0, sizeof(bool) * MAX_JUDGES * MAX_TEAMS);
	assert_int_equal(
	    sqlite3_prepare_v2(f->db, "SELECT judge_id, team_id FROM assignment", -1, &q, NULL),
	    SQLITE_OK);
	while (sqlite3_step(q) == SQLITE_ROW) {
		long j = index_of(f->judge, f->njudges, sqlite3_column_text(q, 0));
		long t = index_of(f->team, f->nteams, sqlite3_column_text(q, 1));

		assert_true(j >= 0 && t >= 0);
		cells[j][t] = true;
		n++;
	}
	sqlite3_finalize(q);
	return n;
}

/* Every rule of panel.h, checked on what the file holds. */
static void check_panels(struct fixture *f, size_t k, bool expect_balance)
{
	bool cells[MAX_JUDGES][MAX_TEAMS];
	size_t lo = (size_t)-1, hi = 0;

	assert_int_equal(read_assignments(f, cells), f->nteams * k);
	for (size_t t = 0; t < f->nteams; t++) {
		size_t n = 0;

		for (size_t j = 0; j < f->njudges; j++)
			n += cells[j][t];
		assert_int_equal(n, k);
	}
	for (size_t j = 0; j < f->njudges; j++) {
		size_t load = 0;

		for (size_t t = 0; t < f->nteams; t++) {
			if (!cells[j][t])
				continue;
			load++;
			assert_false(f->conflict[j][t]);
			for (size_t u = t + 1; u < f->nteams; u++) {
				if (!cells[j][u] || !f->timed[t] || !f->timed[u] ||
				    f->slot_room[t] == f->slot_room[u])
					continue;
				/* two rooms: the pitches must not overlap */
				assert_true(f->end[t] <= f->start[u] || f->end[u] <= f->start[t]);
			}
		}
		if (load < lo)
			lo = load;
		if (load > hi)
			hi = load;
	}
	if (expect_balance)
		assert_true(hi <= lo + 1);
}

/* ---- examples ---- */

static void make_untimed(struct fixture *f, size_t teams, size_t judges)
{
	f->nteams = teams;
	f->njudges = judges;
	f->nrooms = 1;
	populate(f);
}

static void assign__gives_every_team_k_judges_within_one_of_each_other__without_slots(void **state)
{
	struct fixture *f = *state;
	struct panel_result r;

	make_untimed(f, 10, 4);
	assert_int_equal(panel_assign(f->st, 3, &r), ST_OK);
	assert_false(r.timed);
	assert_int_equal(r.teams, 10);
	assert_int_equal(r.assignments, 30);
	assert_int_equal(r.min_load, 7);
	assert_int_equal(r.max_load, 8);
	check_panels(f, 3, true);
}

static void assign__prefers_judges_of_the_team_track(void **state)
{
	struct fixture *f = *state;
	struct panel_result r;
	bool cells[MAX_JUDGES][MAX_TEAMS];

	/* two teams per track, two judges per track: each judge sees exactly their track's teams */
	for (size_t t = 0; t < 4; t++)
		f->team_tracks[t] = 1u << (t / 2);
	for (size_t j = 0; j < 4; j++)
		f->judge_tracks[j] = 1u << (j / 2);
	make_untimed(f, 4, 4);
	assert_int_equal(panel_assign(f->st, 2, &r), ST_OK);
	assert_int_equal(r.experts, 8);
	read_assignments(f, cells);
	for (size_t j = 0; j < 4; j++)
		for (size_t t = 0; t < 4; t++)
			assert_int_equal(cells[j][t], j / 2 == t / 2);
}

static void assign__refuses_and_changes_nothing__when_there_are_no_judges(void **state)
{
	struct fixture *f = *state;

	make_untimed(f, 3, 0);
	assert_int_equal(panel_assign(f->st, 3, NULL), ST_INVALID);
	assert_string_equal(
	    status_message(ST_INVALID),
	    "there are no judges yet: import them with 'podium import judges FILE'");
}

static void assign__refuses__when_there_are_no_teams(void **state)
{
	struct fixture *f = *state;

	make_untimed(f, 0, 3);
	assert_int_equal(panel_assign(f->st, 3, NULL), ST_INVALID);
	assert_string_equal(
	    status_message(ST_INVALID),
	    "there are no teams to judge yet: import them with 'podium import teams FILE'");
}

static void assign__refuses_and_keeps_the_old_panels__when_k_is_larger_than_the_judges(void **state)
{
	struct fixture *f = *state;
	bool cells[MAX_JUDGES][MAX_TEAMS];

	make_untimed(f, 3, 2);
	assert_int_equal(panel_assign(f->st, 1, NULL), ST_OK);
	assert_int_equal(panel_assign(f->st, 3, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "3 judges per team needs at least 3 judges and there "
			    "are only 2: import 1 more or use --per-team 2");
	assert_int_equal(read_assignments(f, cells), 3);
}

static void assign__refuses__when_a_team_has_too_few_judges_without_a_conflict(void **state)
{
	struct fixture *f = *state;

	f->conflict[0][1] = f->conflict[1][1] = true;
	make_untimed(f, 3, 3);
	assert_int_equal(panel_assign(f->st, 2, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "only 1 judge can judge 'Team 01' without a conflict of "
			    "interest and 2 are needed: add judges or use --per-team 1");
	assert_int_equal(panel_assign(f->st, 1, NULL), ST_OK);
	check_panels(f, 1, true);
}

static void assign__refuses__when_more_rooms_pitch_at_once_than_the_judges_can_fill(void **state)
{
	struct fixture *f = *state;
	int64_t at;

	assert_true(clock_parse("2026-12-06 14:00", &at));
	f->nteams = 4;
	f->njudges = 5;
	f->nrooms = 2;
	for (size_t t = 0; t < 4; t++) {
		f->timed[t] = true;
		f->slot_room[t] = t % 2;
		f->start[t] = at + (int64_t)(t / 2) * 600;
		f->end[t] = f->start[t] + 420;
	}
	populate(f);
	assert_int_equal(panel_assign(f->st, 3, NULL), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "2 rooms pitch at once at 2026-12-06 14:00 and need 6 judges (3 each), "
			    "but there are 5: "
			    "add 1 more judge, use --per-team 2, or pitch in fewer rooms at once");
	assert_int_equal(panel_assign(f->st, 2, NULL), ST_OK);
	check_panels(f, 2, true);
}

static void assign__lets_one_room_share_its_judges__when_the_slots_follow_each_other(void **state)
{
	struct fixture *f = *state;
	struct panel_result r;
	int64_t at;

	assert_true(clock_parse("2026-12-06 14:00", &at));
	f->nteams = 6;
	f->njudges = 3;
	f->nrooms = 1;
	for (size_t t = 0; t < 6; t++) {
		f->timed[t] = true;
		f->start[t] = at + (int64_t)t * 420;
		f->end[t] = f->start[t] + 420;
	}
	populate(f);
	assert_int_equal(panel_assign(f->st, 3, &r), ST_OK);
	assert_true(r.timed);
	assert_int_equal(r.min_load, 6);
	check_panels(f, 3, true);
}

static void coverage__reports_short_teams_and_conflicts__after_the_panels_change(void **state)
{
	struct fixture *f = *state;
	struct panel_coverage c;

	make_untimed(f, 2, 3);
	assert_int_equal(panel_coverage(f->st, 0, &c), ST_OK);
	assert_int_equal(c.per_team, 0);
	assert_int_equal(c.nshort, 0);
	assert_int_equal(c.assignments, 0);
	panel_coverage_clear(&c);

	assert_int_equal(panel_assign(f->st, 2, NULL), ST_OK);
	sql(f, "DELETE FROM assignment WHERE (judge_id, team_id) ="
	       " (SELECT judge_id, team_id FROM assignment ORDER BY judge_id, team_id LIMIT 1)");
	assert_int_equal(panel_coverage(f->st, 0, &c), ST_OK);
	assert_int_equal(c.per_team, 2);
	assert_int_equal(c.teams, 2);
	assert_int_equal(c.judges, 3);
	assert_int_equal(c.assignments, 3);
	assert_int_equal(c.nshort, 1);
	assert_int_equal(c.short_teams[0].count, 1);
	assert_int_equal(c.nloads, 3);
	assert_string_equal(c.loads[0].name, "Judge 01");
	panel_coverage_clear(&c);

	sql(f, "INSERT INTO conflict(judge_id, team_id, reason, created_at)"
	       " SELECT judge_id, team_id, 'late', 0 FROM assignment LIMIT 1");
	assert_int_equal(panel_coverage(f->st, 3, &c), ST_OK);
	assert_int_equal(c.conflicted, 1);
	assert_int_equal(c.nshort, 2);
	panel_coverage_clear(&c);
}

static void assign__keeps_a_judge_on_a_team__when_they_have_a_sheet_for_it(void **state)
{
	struct fixture *f = *state;
	bool cells[MAX_JUDGES][MAX_TEAMS];

	make_untimed(f, 6, 6);
	/* judge 5 scored team 0, judge 4 team 1: left to itself the greedy would pick others */
	sql(f, "INSERT INTO sheet(id, judge_id, team_id, status, comment, total, created_at, "
	       "updated_at)"
	       " SELECT 'sheet-a', j.id, t.id, 'draft', '', NULL, 0, 0 FROM judge j, team t"
	       " WHERE j.name = 'Judge 05' AND t.name = 'Équipe 00'");
	sql(f, "INSERT INTO sheet(id, judge_id, team_id, status, comment, total, created_at, "
	       "updated_at)"
	       " SELECT 'sheet-b', j.id, t.id, 'submitted', '', NULL, 0, 0 FROM judge j, team t"
	       " WHERE j.name = 'Jüri 04' AND t.name = 'Team 01'");
	assert_int_equal(panel_assign(f->st, 1, NULL), ST_OK);
	read_assignments(f, cells);
	assert_true(cells[5][0]);
	assert_true(cells[4][1]);
	check_panels(f, 1, true);
}

/*
 * Two pitches at once in two rooms, one judge each: the team walked first
 * (Team 01, by name) would take Judge 01, the first judge by name, who has a
 * sheet for the other (Équipe 00); Judge 01 is kept for it instead.
 */
static void assign__keeps_a_judge_for_their_sheet__when_another_room_pitches_at_the_same_time(void **state)
{
	struct fixture *f = *state;
	bool cells[MAX_JUDGES][MAX_TEAMS];
	int64_t at;

	assert_true(clock_parse("2026-12-06 13:30", &at));
	f->nteams = 2;
	f->njudges = 2;
	f->nrooms = 2;
	for (size_t t = 0; t < 2; t++) {
		f->timed[t] = true;
		f->slot_room[t] = t;
		f->start[t] = at;
		f->end[t] = at + 420;
	}
	populate(f);
	sql(f, "INSERT INTO sheet(id, judge_id, team_id, status, comment, total, created_at, updated_at)"
	       " SELECT 'sheet-a', j.id, t.id, 'submitted', '', NULL, 0, 0 FROM judge j, team t"
	       " WHERE j.name = 'Judge 01' AND t.name = 'Équipe 00'");
	assert_int_equal(panel_assign(f->st, 1, NULL), ST_OK);
	read_assignments(f, cells);
	assert_true(cells[1][0]);
	assert_true(cells[0][1]);
	check_panels(f, 1, true);
}

static void assign__is_audited(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *q;

	make_untimed(f, 2, 2);
	assert_int_equal(panel_assign(f->st, 2, NULL), ST_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db,
					    "SELECT action, after FROM audit WHERE kind = 'panel'",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(q, 0), "assign");
	assert_string_equal(
	    sqlite3_column_text(q, 1),
	    "{\"per_team\":2,\"timed\":false,\"assignments\":4,\"judges\":2,\"teams\":2}");
	sqlite3_finalize(q);
}

/*
 * One long pitch in room 0 (an hour) beside short ones in room 1, every ten
 * minutes: the long one's judge stays off every short one, though each short
 * pitch begins long after the long one did; coverage counts the clashes of
 * panels written by hand.
 */
static void assign__keeps_a_judge_off_the_other_room__for_the_whole_of_a_long_pitch(void **state)
{
	struct fixture *f = *state;
	bool cells[MAX_JUDGES][MAX_TEAMS];
	struct panel_coverage c;
	int64_t at;

	assert_true(clock_parse("2026-12-06 13:00", &at));
	f->nteams = 7;
	f->njudges = 2;
	f->nrooms = 2;
	f->timed[0] = true;
	f->start[0] = at;
	f->end[0] = at + 3600;
	for (size_t t = 1; t < 7; t++) {
		f->timed[t] = true;
		f->slot_room[t] = 1;
		f->start[t] = at + (int64_t)(t - 1) * 600;
		f->end[t] = f->start[t] + 480;
	}
	populate(f);
	assert_int_equal(panel_assign(f->st, 1, NULL), ST_OK);
	check_panels(f, 1, false);
	read_assignments(f, cells);
	for (size_t j = 0; j < 2; j++)
		if (cells[j][0])
			for (size_t t = 1; t < 7; t++)
				assert_false(cells[j][t]);
	assert_int_equal(panel_coverage(f->st, 1, &c), ST_OK);
	assert_int_equal(c.clashes, 0);
	panel_coverage_clear(&c);

	/* by hand: judge 0 on the long pitch and on the short ones at 13:00, 13:40 and 13:50 */
	sql(f, "DELETE FROM assignment");
	for (size_t t = 0; t < 7; t++) {
		char *q = pd_asprintf("INSERT INTO assignment(judge_id, team_id) VALUES ('%s', '%s')",
				      f->judge[t == 0 || t == 1 || t >= 5 ? 0 : 1], f->team[t]);

		sql(f, q);
		free(q);
	}
	assert_int_equal(panel_coverage(f->st, 1, &c), ST_OK);
	assert_int_equal(c.clashes, 3);
	panel_coverage_clear(&c);
}

/* ---- properties on seeded random instances ---- */

static uint32_t next_random(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static size_t pick(uint32_t *s, size_t lo, size_t hi)
{
	return lo + next_random(s) % (hi - lo + 1);
}

/* A random event: teams, judges, tracks, conflicts and, often, slots in rooms that overlap in time.
 */
static void generate(struct fixture *f, uint32_t seed)
{
	uint32_t s = seed;
	int64_t at;

	assert_true(clock_parse("2026-12-06 14:00", &at));
	f->nteams = pick(&s, 1, MAX_TEAMS);
	f->njudges = pick(&s, 1, MAX_JUDGES);
	f->nrooms = pick(&s, 1, MAX_ROOMS);
	for (size_t t = 0; t < f->nteams; t++)
		f->team_tracks[t] = (unsigned)pick(&s, 0, 15);
	for (size_t j = 0; j < f->njudges; j++)
		f->judge_tracks[j] = (unsigned)pick(&s, 0, 15);
	if (pick(&s, 0, 3)) {
		int percent = (int)pick(&s, 0, 25);

		for (size_t j = 0; j < f->njudges; j++)
			for (size_t t = 0; t < f->nteams; t++)
				f->conflict[j][t] = (int)pick(&s, 0, 99) < percent;
	}
	if (pick(&s, 0, 3)) {
		int64_t next[MAX_ROOMS];

		for (size_t r = 0; r < f->nrooms; r++)
			next[r] = at + (int64_t)pick(&s, 0, 9) * 60;
		for (size_t t = 0; t < f->nteams; t++) {
			size_t r = pick(&s, 0, f->nrooms - 1);

			if (pick(&s, 0, 9) == 0)
				continue; /* a team left without a slot */
			f->timed[t] = true;
			f->slot_room[t] = r;
			f->start[t] = next[r];
			f->end[t] = next[r] + (int64_t)pick(&s, 5, 9) * 60;
			next[r] = f->end[t] + (int64_t)pick(&s, 0, 2) * 60;
		}
	}
	populate(f);
}

/* Why a request was refused, judged from the instance itself: true when it is truly impossible. */
static bool plainly_impossible(const struct fixture *f, size_t k)
{
	if (f->njudges < k)
		return true;
	for (size_t t = 0; t < f->nteams; t++) {
		size_t free_judges = 0;

		for (size_t j = 0; j < f->njudges; j++)
			free_judges += !f->conflict[j][t];
		if (free_judges < k)
			return true;
	}
	for (size_t t = 0; t < f->nteams; t++) {
		size_t at_once = 0;

		if (!f->timed[t])
			continue;
		for (size_t u = 0; u < f->nteams; u++)
			at_once +=
			    f->timed[u] && f->start[u] <= f->start[t] && f->start[t] < f->end[u];
		if (at_once * k > f->njudges)
			return true;
	}
	return false;
}

static void assign__keeps_every_rule__on_random_instances(void **state)
{
	size_t done = 0, refused = 0, greedy_misses = 0, unbalanced = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 150; seed++) {
		struct fixture *f = calloc(1, sizeof(*f));
		uint32_t s = seed * 7919u;
		size_t k = pick(&s, 1, 4);
		bool cells[MAX_JUDGES][MAX_TEAMS], any_conflict = false;
		enum status st;

		open_event(f);
		generate(f, seed);
		for (size_t j = 0; j < f->njudges; j++)
			for (size_t t = 0; t < f->nteams; t++)
				any_conflict |= f->conflict[j][t];
		/* a first panel of 1 where possible, to see that a refusal keeps it */
		st = panel_assign(f->st, 1, NULL);
		assert_true(st == ST_OK || st == ST_INVALID);
		{
			size_t before = read_assignments(f, cells);

			st = panel_assign(f->st, (int)k, NULL);
			if (st == ST_OK) {
				struct panel_coverage c;

				check_panels(f, k, false);
				assert_int_equal(panel_coverage(f->st, 0, &c), ST_OK);
				assert_int_equal(c.per_team, (int)k);
				assert_int_equal(c.nshort, 0);
				assert_int_equal(c.conflicted, 0);
				assert_int_equal(c.clashes, 0);
				if (c.max_load > c.min_load + 1) {
					unbalanced++;
					/* only conflicts or times may stand in the way of balance
					 */
					bool timed = false;

					for (size_t t = 0; t < f->nteams; t++)
						timed |= f->timed[t];
					assert_true(any_conflict || timed);
				}
				panel_coverage_clear(&c);
				done++;
			} else {
				assert_int_equal(st, ST_INVALID);
				assert_int_equal(read_assignments(f, cells), before);
				if (plainly_impossible(f, k))
					refused++;
				else
					greedy_misses++;
			}
		}
		close_event(f);
		free(f);
	}
	print_message("panels: %zu assigned, %zu refused as impossible, %zu refused by the greedy, "
		      "%zu with loads apart by more than one\n",
		      done, refused, greedy_misses, unbalanced);
	assert_true(done > 50);
	assert_true(greedy_misses * 20 <= done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		assign__gives_every_team_k_judges_within_one_of_each_other__without_slots, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(assign__prefers_judges_of_the_team_track, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(
		assign__refuses_and_changes_nothing__when_there_are_no_judges, setup, teardown),
	    cmocka_unit_test_setup_teardown(assign__refuses__when_there_are_no_teams, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(
		assign__refuses_and_keeps_the_old_panels__when_k_is_larger_than_the_judges, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		assign__refuses__when_a_team_has_too_few_judges_without_a_conflict, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		assign__refuses__when_more_rooms_pitch_at_once_than_the_judges_can_fill, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		assign__lets_one_room_share_its_judges__when_the_slots_follow_each_other, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		coverage__reports_short_teams_and_conflicts__after_the_panels_change, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		assign__keeps_a_judge_on_a_team__when_they_have_a_sheet_for_it, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		assign__keeps_a_judge_for_their_sheet__when_another_room_pitches_at_the_same_time,
		setup, teardown),
	    cmocka_unit_test_setup_teardown(assign__is_audited, setup, teardown),
	    cmocka_unit_test(assign__keeps_every_rule__on_random_instances),
	    cmocka_unit_test_setup_teardown(
		assign__keeps_a_judge_off_the_other_room__for_the_whole_of_a_long_pitch, setup,
		teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
