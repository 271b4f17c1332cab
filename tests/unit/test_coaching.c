#include "config.h"
#include "unit.h"

#include <sqlite3.h>

#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/event.h"
#include "podium/people.h"
#include "podium/status.h"
#include "podium/store.h"
#include "podium/text.h"

/*
 * Coaching on real event files; pitch slots go in through SQLite itself, and
 * the checks read coach_session back the same way.
 */

#define MAX_TEAMS   30
#define MAX_COACHES 8
#define MAX_WINDOWS 3
#define NSTAGES	    7

static const char *const stage_names[NSTAGES] = {
    "Idea", "Engagement", "Technique", "Marketing", "Design", "Viability", "Pitch",
};

struct fixture {
	const char *dir;
	struct store *st;
	sqlite3 *db;
	size_t nteams, ncoaches;
	char team[MAX_TEAMS][ID_LEN + 1], coach[MAX_COACHES][ID_LEN + 1], room[ID_LEN + 1];
	unsigned skills[MAX_COACHES]; /* bit per stage */
	struct coach_window windows[MAX_COACHES][MAX_WINDOWS];
	size_t nwindows[MAX_COACHES];
	bool timed[MAX_TEAMS];
	int64_t pitch[MAX_TEAMS], pitch_end[MAX_TEAMS];
	unsigned validated[MAX_TEAMS]; /* bit per stage */
};

static int64_t at(const char *when)
{
	int64_t t;

	assert_true(clock_parse(when, &t));
	return t;
}

static void sql(struct fixture *f, const char *text)
{
	char *err = NULL;

	if (sqlite3_exec(f->db, text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
}

static void open_event(struct fixture *f)
{
	struct event_spec spec = {"Hack", 0, 48};

	setenv("PODIUM_NOW", "2026-12-04 18:00", 1);
	spec.starts_at = at("2026-12-04 18:00");
	f->dir = unit_tmpdir();
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

static enum status add_all(struct store *st, void *ctx)
{
	struct fixture *f = ctx;
	struct room_spec r = {.name = "Amphi", .capacity = -1};
	enum status s = room_add(st, &r, f->room);

	for (size_t i = 0; s == ST_OK && i < f->nteams; i++) {
		char name[64];
		struct team_spec t = {.name = name};

		snprintf(name, sizeof(name), i % 2 ? "Team %02zu" : "Équipe %02zu", i);
		s = team_add(st, &t, f->team[i]);
	}
	for (size_t i = 0; s == ST_OK && i < f->ncoaches; i++) {
		char name[64], *skills[NSTAGES], upper[NSTAGES][32];
		struct coach_spec c = {.name = name,
				       .skills = skills,
				       .windows = f->windows[i],
				       .nwindows = f->nwindows[i]};

		snprintf(name, sizeof(name), "Coach %zu", i);
		for (size_t g = 0; g < NSTAGES; g++) {
			if (!(f->skills[i] & (1u << g)))
				continue;
			/* skills match stages whatever their case */
			snprintf(upper[g], sizeof(upper[g]), "%s", stage_names[g]);
			if ((i + g) % 2)
				for (char *p = upper[g]; *p; p++)
					*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
			skills[c.nskills++] = upper[g];
		}
		s = coach_add(st, &c, f->coach[i]);
	}
	return s;
}

static void populate(struct fixture *f)
{
	assert_int_equal(store_write(f->st, add_all, f), ST_OK);
	for (size_t t = 0; t < f->nteams; t++) {
		if (f->timed[t]) {
			char *q = pd_asprintf(
			    "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s,"
			    " qa_s, changeover_s) VALUES ('slot%zu', '%s', '%s', %zu, %lld, %lld, "
			    "0, 0)",
			    t, f->room, f->team[t], t, (long long)f->pitch[t],
			    (long long)(f->pitch_end[t] - f->pitch[t]));

			sql(f, q);
			free(q);
		}
		for (size_t g = 0; g < NSTAGES; g++)
			if (f->validated[t] & (1u << g))
				assert_int_equal(
				    coaching_validate(f->st, NULL, f->team[t], stage_names[g]),
				    ST_OK);
	}
}

static long index_of(char ids[][ID_LEN + 1], size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return (long)i;
	return -1;
}

static long stage_index(const char *name)
{
	for (size_t g = 0; g < NSTAGES; g++)
		if (strcmp(stage_names[g], name) == 0)
			return (long)g;
	return -1;
}

/* Every rule of coaching_plan(), checked on the file's sessions from start on. */
static size_t check_plan(struct fixture *f, int64_t now, int64_t len, const struct coaching_plan *p)
{
	struct coaching_sessions list;
	bool covered[MAX_TEAMS][NSTAGES] = {{false}};
	size_t n = 0;

	assert_int_equal(coaching_sessions(f->st, NULL, &list), ST_OK);
	for (size_t i = 0; i < list.count; i++) {
		const struct coaching_session *a = &list.items[i];
		long c = index_of(f->coach, f->ncoaches, a->coach_id);
		long t = index_of(f->team, f->nteams, a->team_id);
		long g = stage_index(a->stage);
		bool inside = false;

		assert_true(c >= 0 && t >= 0 && g >= 0);
		if (a->start <= now)
			continue; /* kept from before */
		n++;
		assert_int_equal(a->end - a->start, len);
		assert_true(f->skills[c] & (1u << g));
		assert_false(f->validated[t] & (1u << g));
		assert_false(covered[t][g]);
		covered[t][g] = true;
		for (size_t w = 0; w < f->nwindows[c]; w++)
			inside |=
			    f->windows[c][w].start <= a->start && a->end <= f->windows[c][w].end;
		assert_true(inside);
		if (f->timed[t])
			assert_true(a->end <= f->pitch[t]);
		for (size_t k = 0; k < list.count; k++) {
			const struct coaching_session *b = &list.items[k];
			bool overlap = a->start < b->end && b->start < a->end;

			if (k == i || !overlap)
				continue;
			assert_string_not_equal(a->coach_id, b->coach_id);
			assert_string_not_equal(a->team_id, b->team_id);
		}
	}
	if (p) {
		assert_int_equal(p->placed, n);
		assert_int_equal(p->placed + p->nmisses, p->needed);
		for (size_t i = 0; i < p->nmisses; i++) {
			long t = index_of(f->team, f->nteams, p->misses[i].team_id);
			long g = stage_index(p->misses[i].stage);

			assert_true(t >= 0 && g >= 0);
			assert_false(covered[t][g]);
			if (p->misses[i].reason == COACHING_NO_SKILL)
				for (size_t c = 0; c < f->ncoaches; c++)
					assert_false(f->skills[c] & (1u << g));
		}
	}
	coaching_sessions_clear(&list);
	return n;
}

static void one_coach(struct fixture *f, size_t c, unsigned skills, const char *from,
		      const char *to)
{
	f->skills[c] = skills;
	f->windows[c][0] = (struct coach_window){at(from), at(to)};
	f->nwindows[c] = 1;
}

#define ALL_STAGES ((1u << NSTAGES) - 1)

/* ---- examples ---- */

static void plan__meets_every_team_for_every_stage__when_coaches_have_the_time(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;
	struct coaching_sessions list;

	f->nteams = 2;
	f->ncoaches = 2;
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	one_coach(f, 1, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.needed, 14);
	assert_int_equal(p.placed, 14);
	assert_int_equal(p.nmisses, 0);
	assert_int_equal(check_plan(f, at("2026-12-04 18:00"), 1200, &p), 14);
	coaching_plan_clear(&p);

	/* earliest first, the two coaches shared out, each team's stages in order */
	assert_int_equal(coaching_sessions(f->st, f->coach[0], &list), ST_OK);
	assert_int_equal(list.count, 7);
	assert_int_equal(list.items[0].start, at("2026-12-05 09:00"));
	assert_string_equal(list.items[0].team, "Team 01");
	assert_string_equal(list.items[0].stage, "Idea");
	assert_string_equal(list.items[1].stage, "Engagement");
	coaching_sessions_clear(&list);
}

static void plan__skips_validated_stages_and_says_what_no_coach_can_coach(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;

	f->nteams = 1;
	f->ncoaches = 1;
	f->validated[0] = 1u << 0; /* Idea done */
	one_coach(f, 0, ALL_STAGES & ~(1u << 3), "2026-12-05 09:00", "2026-12-05 18:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 30, &p), ST_OK);
	assert_int_equal(p.needed, 6);
	assert_int_equal(p.placed, 5);
	assert_int_equal(p.nmisses, 1);
	assert_string_equal(p.misses[0].stage, "Marketing");
	assert_int_equal(p.misses[0].reason, COACHING_NO_SKILL);
	assert_string_equal(coaching_reason_text(p.misses[0].reason), "no coach has this skill");
	check_plan(f, at("2026-12-04 18:00"), 1800, &p);
	coaching_plan_clear(&p);
}

static void plan__ends_before_the_pitch_and_keeps_clear_of_it(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;

	f->nteams = 1;
	f->ncoaches = 1;
	f->timed[0] = true;
	f->pitch[0] = at("2026-12-05 10:00");
	f->pitch_end[0] = at("2026-12-05 10:07");
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.placed, 3);
	assert_int_equal(p.nmisses, 4);
	assert_int_equal(p.misses[0].reason, COACHING_NO_TIME);
	assert_string_equal(p.misses[0].stage, "Marketing");
	check_plan(f, at("2026-12-04 18:00"), 1200, &p);
	coaching_plan_clear(&p);
}

static void plan__says_the_pitch_has_begun__when_it_has(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;

	f->nteams = 1;
	f->ncoaches = 1;
	f->timed[0] = true;
	f->pitch[0] = at("2026-12-04 17:00");
	f->pitch_end[0] = at("2026-12-04 17:07");
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.placed, 0);
	assert_int_equal(p.nmisses, 7);
	assert_int_equal(p.misses[6].reason, COACHING_PITCH_BEGUN);
	coaching_plan_clear(&p);
}

static void plan__refuses__when_there_are_no_coaches(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;

	f->nteams = 2;
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_INVALID);
	assert_string_equal(
	    status_message(ST_INVALID),
	    "there are no coaches yet: import them with 'podium import coaches FILE'");
	assert_int_equal(coaching_plan(f->st, 2, &p), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "a coach session lasts from 5 to 240 minutes, not 2");
}

static void plan__keeps_sessions_that_have_begun_and_replaces_those_to_come(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;
	struct coaching_sessions list;

	f->nteams = 1;
	f->ncoaches = 1;
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	coaching_plan_clear(&p);
	/* 09:10: the first session (Idea, 09:00-09:20) has begun */
	setenv("PODIUM_NOW", "2026-12-05 09:10", 1);
	assert_int_equal(coaching_plan(f->st, 15, &p), ST_OK);
	assert_int_equal(p.kept, 1);
	assert_int_equal(p.replaced, 6);
	assert_int_equal(p.needed, 6);
	assert_int_equal(p.placed, 6);
	coaching_plan_clear(&p);
	assert_int_equal(coaching_sessions(f->st, NULL, &list), ST_OK);
	assert_int_equal(list.count, 7);
	assert_string_equal(list.items[0].stage, "Idea");
	assert_int_equal(list.items[0].end, at("2026-12-05 09:20"));
	/* the window's 15-minute grid from 09:00: the next start after 09:10 that is free */
	assert_int_equal(list.items[1].start, at("2026-12-05 09:30"));
	assert_int_equal(list.items[1].end - list.items[1].start, 900);
	coaching_sessions_clear(&list);
	check_plan(f, at("2026-12-05 09:10"), 900, NULL);
}

static void plan__keeps_sessions_booked_by_hand(void **state)
{
	struct fixture *f = *state;
	struct coaching_session s;
	struct coaching_plan p;
	struct coaching_sessions list;
	bool found = false;

	f->nteams = 1;
	f->ncoaches = 1;
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_book(f->st, f->coach[0], f->team[0], 20, &s), ST_OK);
	assert_string_equal(s.stage, "Idea");
	coaching_session_clear(&s);
	/* a plan made afterwards keeps the booking and does not plan its stage again */
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.kept, 1);
	assert_int_equal(p.needed, 6);
	coaching_plan_clear(&p);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.kept, 1);
	coaching_plan_clear(&p);
	assert_int_equal(coaching_sessions(f->st, NULL, &list), ST_OK);
	assert_int_equal(list.count, 7);
	for (size_t i = 0; i < list.count; i++) {
		if (strcmp(list.items[i].stage, "Idea") == 0) {
			assert_false(found);
			found = true;
			assert_int_equal(list.items[i].start, at("2026-12-05 09:00"));
		}
	}
	assert_true(found);
	coaching_sessions_clear(&list);
}

static void plan__shares_the_sessions_among_coaches(void **state)
{
	struct fixture *f = *state;
	struct coaching_plan p;
	struct coaching_sessions a, b;

	f->nteams = 6;
	f->ncoaches = 2;
	one_coach(f, 0, 1u << 0, "2026-12-05 09:00", "2026-12-05 18:00");
	one_coach(f, 1, 1u << 0, "2026-12-05 09:00", "2026-12-05 18:00");
	populate(f);
	assert_int_equal(coaching_plan(f->st, 20, &p), ST_OK);
	assert_int_equal(p.placed, 6);
	coaching_plan_clear(&p);
	assert_int_equal(coaching_sessions(f->st, f->coach[0], &a), ST_OK);
	assert_int_equal(coaching_sessions(f->st, f->coach[1], &b), ST_OK);
	assert_int_equal(a.count, 3);
	assert_int_equal(b.count, 3);
	assert_int_equal(a.items[2].start, at("2026-12-05 09:40"));
	coaching_sessions_clear(&a);
	coaching_sessions_clear(&b);
}

static void validate__is_idempotent_and_shows_in_the_progress(void **state)
{
	struct fixture *f = *state;
	struct coaching_progress pr;
	sqlite3_stmt *q;

	f->nteams = 2;
	f->ncoaches = 1;
	populate(f);
	assert_int_equal(coaching_validate(f->st, f->coach[0], f->team[1], "technique"), ST_OK);
	assert_int_equal(coaching_validate(f->st, f->coach[0], f->team[1], "TECHNIQUE"), ST_OK);
	assert_int_equal(coaching_validate(f->st, f->coach[0], f->team[1], "Pitch"), ST_OK);
	assert_int_equal(coaching_validate(f->st, f->coach[0], f->team[1], "Cooking"),
			 ST_NOT_FOUND);
	assert_string_equal(status_message(ST_NOT_FOUND), "no stage 'Cooking' in the rubric");
	assert_int_equal(coaching_progress(f->st, &pr), ST_OK);
	assert_int_equal(pr.nstages, 7);
	assert_string_equal(pr.stages[2], "Technique");
	assert_int_equal(pr.nteams, 2);
	assert_string_equal(pr.teams[0].team, "Team 01");
	assert_int_equal(pr.teams[0].done, 2);
	assert_true(pr.teams[0].validated[2]);
	assert_true(pr.teams[0].validated[6]);
	assert_false(pr.teams[0].validated[0]);
	assert_int_equal(pr.teams[1].done, 0);
	coaching_progress_clear(&pr);

	assert_int_equal(
	    sqlite3_prepare_v2(f->db,
			       "SELECT count(*), max(actor IS NOT NULL), max(after) FROM audit"
			       " WHERE kind = 'stage' AND action = 'validate'",
			       -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 2);
	sqlite3_finalize(q);
}

static void book__takes_the_next_free_time_and_the_next_stage(void **state)
{
	struct fixture *f = *state;
	struct coaching_session s;

	f->nteams = 1;
	f->ncoaches = 2;
	f->validated[0] =
	    1u << 0; /* Idea done: Engagement is next, but coach 0 coaches Technique */
	one_coach(f, 0, 1u << 2, "2026-12-05 09:00", "2026-12-05 10:00");
	one_coach(f, 1, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 10:00");
	populate(f);
	assert_int_equal(coaching_book(f->st, f->coach[0], f->team[0], 20, &s), ST_OK);
	assert_string_equal(s.stage, "Technique");
	assert_int_equal(s.start, at("2026-12-05 09:00"));
	coaching_session_clear(&s);
	/* the team is busy 09:00-09:20: coach 1 gets the next stage at 09:20 */
	assert_int_equal(coaching_book(f->st, f->coach[1], f->team[0], 20, &s), ST_OK);
	assert_string_equal(s.stage, "Engagement");
	assert_int_equal(s.start, at("2026-12-05 09:20"));
	coaching_session_clear(&s);
	assert_int_equal(coaching_book(f->st, f->coach[1], f->team[0], 20, &s), ST_OK);
	assert_int_equal(s.start, at("2026-12-05 09:40"));
	coaching_session_clear(&s);
	assert_int_equal(coaching_book(f->st, f->coach[1], f->team[0], 20, &s), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "Coach 1 and Équipe 00 are not both free for 20 minutes "
			    "before the pitch");
}

static void move__refuses_a_busy_time_or_one_outside_the_window_and_takes_a_free_one(void **state)
{
	struct fixture *f = *state;
	struct coaching_session a, b;
	struct coaching_sessions list;

	f->nteams = 1;
	f->ncoaches = 2;
	one_coach(f, 0, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	one_coach(f, 1, ALL_STAGES, "2026-12-05 09:00", "2026-12-05 12:00");
	populate(f);
	assert_int_equal(coaching_book(f->st, f->coach[0], f->team[0], 20, &a), ST_OK);
	assert_int_equal(coaching_book(f->st, f->coach[1], f->team[0], 20, &b), ST_OK);
	assert_int_equal(coaching_move(f->st, b.id, at("2026-12-05 09:10")), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "the team is busy at 2026-12-05 09:10: pick another time");
	/* outside the coach's window (09:00-12:00), or running past its end */
	assert_int_equal(coaching_move(f->st, b.id, at("2026-12-05 13:00")), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "the coach is not available at 2026-12-05 13:00: pick a time in their windows");
	assert_int_equal(coaching_move(f->st, b.id, at("2026-12-05 11:50")), ST_INVALID);
	assert_int_equal(coaching_move(f->st, b.id, at("2026-12-05 11:00")), ST_OK);
	assert_int_equal(coaching_cancel(f->st, a.id), ST_OK);
	assert_int_equal(coaching_sessions(f->st, NULL, &list), ST_OK);
	assert_int_equal(list.count, 1);
	assert_int_equal(list.items[0].start, at("2026-12-05 11:00"));
	assert_int_equal(list.items[0].end, at("2026-12-05 11:20"));
	coaching_sessions_clear(&list);
	coaching_session_clear(&a);
	coaching_session_clear(&b);
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

static void generate(struct fixture *f, uint32_t seed)
{
	uint32_t s = seed;
	int64_t day = at("2026-12-05 00:00");

	f->nteams = pick(&s, 1, MAX_TEAMS);
	f->ncoaches = pick(&s, 1, MAX_COACHES);
	for (size_t c = 0; c < f->ncoaches; c++) {
		int64_t t = day + (int64_t)pick(&s, 6, 12) * 3600 + (int64_t)pick(&s, 0, 3) * 900;

		f->skills[c] = (unsigned)pick(&s, 0, ALL_STAGES);
		f->nwindows[c] = pick(&s, 0, MAX_WINDOWS);
		for (size_t w = 0; w < f->nwindows[c]; w++) {
			int64_t len = (int64_t)pick(&s, 1, 12) * 900;

			f->windows[c][w] = (struct coach_window){t, t + len};
			t += len + (int64_t)pick(&s, 1, 8) * 900;
		}
	}
	for (size_t t = 0; t < f->nteams; t++) {
		f->validated[t] = pick(&s, 0, 2) ? 0 : (unsigned)pick(&s, 0, ALL_STAGES);
		if (pick(&s, 0, 2)) {
			f->timed[t] = true;
			f->pitch[t] = day + (int64_t)pick(&s, 8, 30) * 3600 + (int64_t)t * 420;
			f->pitch_end[t] = f->pitch[t] + 420;
		}
	}
	populate(f);
}

static void plan__keeps_every_rule__on_random_instances(void **state)
{
	size_t placed = 0, missed = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 60; seed++) {
		struct fixture *f = calloc(1, sizeof(*f));
		uint32_t s = seed * 104729u;
		int len = (int)pick(&s, 1, 6) * 10;
		struct coaching_plan p;

		open_event(f);
		generate(f, seed);
		/* plan twice, the second time later in the day: kept sessions must still hold */
		assert_int_equal(coaching_plan(f->st, len, &p), ST_OK);
		check_plan(f, at("2026-12-04 18:00"), (int64_t)len * 60, &p);
		coaching_plan_clear(&p);
		setenv("PODIUM_NOW", "2026-12-05 10:05", 1);
		assert_int_equal(coaching_plan(f->st, len, &p), ST_OK);
		check_plan(f, at("2026-12-05 10:05"), (int64_t)len * 60, &p);
		placed += p.placed;
		missed += p.nmisses;
		coaching_plan_clear(&p);
		close_event(f);
		free(f);
	}
	print_message("coaching: %zu sessions placed, %zu stages left out with a reason\n", placed,
		      missed);
	assert_true(placed > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		plan__meets_every_team_for_every_stage__when_coaches_have_the_time, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		plan__skips_validated_stages_and_says_what_no_coach_can_coach, setup, teardown),
	    cmocka_unit_test_setup_teardown(plan__ends_before_the_pitch_and_keeps_clear_of_it,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(plan__says_the_pitch_has_begun__when_it_has, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(plan__refuses__when_there_are_no_coaches, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(
		plan__keeps_sessions_that_have_begun_and_replaces_those_to_come, setup, teardown),
	    cmocka_unit_test_setup_teardown(plan__keeps_sessions_booked_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(plan__shares_the_sessions_among_coaches, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(validate__is_idempotent_and_shows_in_the_progress,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(book__takes_the_next_free_time_and_the_next_stage,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(move__refuses_a_busy_time_or_one_outside_the_window_and_takes_a_free_one, setup,
					    teardown),
	    cmocka_unit_test(plan__keeps_every_rule__on_random_instances),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
