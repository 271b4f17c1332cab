#include "config.h"
#include "unit.h"

#include <sqlite3.h>

#include "podium/audit.h"
#include "podium/board.h"
#include "podium/clock.h"
#include "podium/conflict.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/record.h"
#include "podium/schedule.h"
#include "podium/store.h"
#include "podium/timeline.h"

#define MIN 60

typedef enum status (*import_fn)(struct store *st, const char *source, const struct csv_table *t, size_t *count);

static void import_text(struct store *st, import_fn fn, const char *text)
{
	struct csv_table t = { 0 };
	size_t n = 0;

	assert_int_equal(csv_read_string("test", text, strlen(text), &t), ST_OK);
	if (fn(st, "test", &t, &n) != ST_OK)
		fail_msg("import failed: %s", status_message(ST_INVALID));
	csv_table_clear(&t);
}

static int64_t at(const char *when)
{
	int64_t t = 0;

	assert_true(clock_parse(when, &t));
	return t;
}

static struct store *new_event(void)
{
	struct store *st;
	struct event_spec spec = { "Hack", 0, 48 };

	assert_int_equal(store_open_memory(&st), ST_OK);
	spec.starts_at = at("2026-12-04 18:00");
	assert_int_equal(event_create(st, &spec), ST_OK);
	return st;
}

/* The demo-sized event: three rooms with tracks, nine teams. */
static struct store *small_event(void)
{
	struct store *st = new_event();

	import_text(st, import_rooms,
		    "name,tracks\n"
		    "Salle Ada,Education\n"
		    "Salle Rhône,Environment\n"
		    "Atelier 3,Inclusion;Diversity\n");
	import_text(st, import_teams,
		    "name,tracks\n"
		    "Les Castors,Environment\n"
		    "Green Bytes,Environment\n"
		    "Cœur Vert,Environment\n"
		    "Open Doors,Inclusion\n"
		    "Mosaic,Diversity\n"
		    "Les Zèbres,Inclusion\n"
		    "Data for All,Education\n"
		    "未来チーム,Education\n"
		    "🌱 Graines,Education\n");
	import_text(st, import_judges, "name\nChloé Martin\nÉmile Roux\nSarah Cohen\n");
	return st;
}

static const struct schedule_spec default_spec = { .pitch_s = 5 * MIN, .qa_s = 2 * MIN, .changeover_s = MIN };

static long slot_of(const struct schedule *s, const char *team)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->slots[i].team, team) == 0)
			return (long)i;
	fail_msg("no slot for %s", team);
	return -1;
}

static size_t room_of(const struct schedule *s, const char *name)
{
	for (size_t i = 0; i < s->nrooms; i++)
		if (strcmp(s->rooms[i].name, name) == 0)
			return i;
	fail_msg("no room %s", name);
	return 0;
}

static void room_id(struct store *st, const char *name, char id[ID_LEN + 1])
{
	assert_int_equal(record_find(st, KIND_ROOM, name, id, NULL), ST_OK);
}

/* ---- generating ---- */

static void generate__puts_each_team_in_a_room_of_its_track_from_the_pitches_phase(void **state)
{
	struct store *st = small_event();
	struct schedule_result res;
	struct schedule s;
	char when[17];

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, &res), ST_OK);
	assert_int_equal(res.slots, 9);
	assert_int_equal(res.rooms, 3);
	assert_int_equal(res.in_track_room, 9);
	clock_format(res.start, when);
	assert_string_equal(when, "2026-12-06 13:30");	/* the default timeline's pitches */
	assert_int_equal(schedule_load(st, NULL, at("2026-11-29 10:00"), &s), ST_OK);
	assert_int_equal(s.count, 9);
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Les Castors")].room].name, "Salle Rhône");
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "未来チーム")].room].name, "Salle Ada");
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Mosaic")].room].name, "Atelier 3");
	/* in a room, teams pitch in name order, back to back: pitch + Q&A, then the changeover */
	{
		size_t r = room_of(&s, "Salle Rhône");
		const struct slot *first = &s.slots[s.rooms[r].first];

		assert_string_equal(first->team, "Cœur Vert");
		assert_int_equal(first[1].starts_at - first[0].starts_at, 8 * MIN);
		assert_int_equal(first[0].position, 1);
		assert_int_equal(first[2].position, 3);
	}
	schedule_clear(&s);
	store_close(st);
}

static void generate__refuses_clearly__when_there_are_no_rooms(void **state)
{
	struct store *st = new_event();
	int64_t before = 0, after = 0;

	(void)state;
	import_text(st, import_teams, "name\nSolo\n");
	assert_int_equal(audit_verify(st, &before), ST_OK);
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "import rooms"));
	assert_int_equal(audit_verify(st, &after), ST_OK);
	assert_int_equal(before, after);
	store_close(st);
}

static void generate__refuses_unknown_rooms_and_bad_lengths(void **state)
{
	struct store *st = small_event();
	const char *rooms[] = { "Nowhere" };
	struct schedule_spec spec = default_spec;

	(void)state;
	spec.rooms = rooms;
	spec.nrooms = 1;
	assert_int_equal(schedule_generate(st, &spec, NULL), ST_NOT_FOUND);
	spec = default_spec;
	spec.pitch_s = 0;
	assert_int_equal(schedule_generate(st, &spec, NULL), ST_INVALID);
	store_close(st);
}

static void generate__uses_only_the_rooms_named(void **state)
{
	struct store *st = small_event();
	const char *rooms[] = { "salle ada" };
	struct schedule_spec spec = default_spec;
	struct schedule s;

	(void)state;
	spec.rooms = rooms;
	spec.nrooms = 1;
	spec.has_start = true;
	spec.start = at("2026-12-06 09:00");
	assert_int_equal(schedule_generate(st, &spec, NULL), ST_OK);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	assert_int_equal(s.rooms[room_of(&s, "Salle Ada")].count, 9);
	assert_int_equal(s.slots[s.rooms[room_of(&s, "Salle Ada")].first].starts_at, at("2026-12-06 09:00"));
	assert_int_equal(s.rooms[room_of(&s, "Salle Rhône")].count, 0);
	schedule_clear(&s);
	store_close(st);
}

/* A team tries the rooms of its tracks in name order, whatever order they are named in. */
static void generate__tries_a_teams_rooms_in_name_order__among_the_rooms_named(void **state)
{
	const char *three[] = { "Salle C", "Salle B", "Salle A" }, *two[] = { "Salle C", "Salle B" };
	struct schedule_spec spec = default_spec;
	struct store *st = new_event();
	struct schedule_result res;
	struct schedule s;

	(void)state;
	import_text(st, import_rooms,
		    "name,tracks\n"
		    "Salle B,Education\n"
		    "Salle A,Education;Environment\n"
		    "Salle C,Environment\n"
		    "Salle D,Education\n");
	import_text(st, import_teams, "name,tracks\nSolo,Education;Environment\n");
	spec.rooms = three;
	spec.nrooms = 3;
	assert_int_equal(schedule_generate(st, &spec, &res), ST_OK);
	assert_int_equal(res.in_track_room, 1);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Solo")].room].name, "Salle A");
	schedule_clear(&s);
	spec.rooms = two;
	spec.nrooms = 2;
	assert_int_equal(schedule_generate(st, &spec, &res), ST_OK);
	assert_int_equal(res.in_track_room, 1);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Solo")].room].name, "Salle B");
	schedule_clear(&s);
	store_close(st);
}

static void generate__keeps_slots_started_or_over__and_replaces_the_rest(void **state)
{
	struct store *st = small_event();
	struct schedule_result res;
	struct schedule s;
	char rhone[ID_LEN + 1];
	int64_t t0 = at("2026-12-06 13:30");

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	room_id(st, "Salle Rhône", rhone);
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_NEXT, t0 + 7 * MIN), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_NOSHOW, t0 + 8 * MIN), ST_OK);
	assert_int_equal(schedule_generate(st, &default_spec, &res), ST_OK);
	assert_int_equal(res.kept, 2);
	assert_int_equal(res.slots, 7);
	assert_int_equal(schedule_load(st, NULL, t0, &s), ST_OK);
	assert_int_equal(s.count, 9);
	{
		const struct slot *cv = &s.slots[slot_of(&s, "Cœur Vert")];
		const struct slot *gb = &s.slots[slot_of(&s, "Green Bytes")];
		const struct slot *lc = &s.slots[slot_of(&s, "Les Castors")];

		assert_int_equal(cv->status, SLOT_DONE);
		assert_int_equal(cv->position, 1);
		assert_int_equal(gb->status, SLOT_NOSHOW);
		assert_int_equal(lc->status, SLOT_SCHEDULED);
		assert_int_equal(lc->position, 3);
		/* the new slot comes after the kept ones */
		assert_true(lc->starts_at >= gb->starts_at + 8 * MIN);
	}
	schedule_clear(&s);
	store_close(st);
}

/* ---- properties on seeded random instances ---- */

static uint32_t next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static const char *const track_names[] = { "Education", "Environment", "Inclusion", "Diversity", "Future of work" };

/* A random event: n teams with 0-2 tracks, r rooms with 0-2 tracks. */
static struct store *random_event(uint32_t *seed, size_t *nteams, size_t *nrooms)
{
	struct store *st = new_event();
	char *rooms = strdup("name,tracks\n"), *teams = strdup("name,tracks\n");
	size_t r = 1 + next_random(seed) % 6, n = 1 + next_random(seed) % 60;

	/* the same draws, in the same order, as random_tracks() */
	for (size_t i = 0; i < r; i++) {
		uint32_t k = next_random(seed) % 3;
		const char *a = k > 0 ? track_names[next_random(seed) % 5] : "";
		const char *b = k > 1 ? track_names[next_random(seed) % 5] : "";
		char *more = pd_asprintf("%sRoom %zu,%s%s%s\n", rooms, i, a, k > 1 ? ";" : "", b);

		free(rooms);
		rooms = more;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t k = next_random(seed) % 3;
		const char *a = k > 0 ? track_names[next_random(seed) % 5] : "";
		const char *b = k > 1 ? track_names[next_random(seed) % 5] : "";
		char *more = pd_asprintf("%sTeam %03zu,%s%s%s\n", teams, i, a, k > 1 ? ";" : "", b);

		free(teams);
		teams = more;
	}
	import_text(st, import_rooms, rooms);
	import_text(st, import_teams, teams);
	free(rooms);
	free(teams);
	*nteams = n;
	*nrooms = r;
	return st;
}

/* Does a team with these tracks (';'-separated) share one with a room's? */
static bool shares_track(const char *team_tracks, const char *room_tracks)
{
	char buf[128], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", team_tracks);
	for (char *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save))
		if (strstr(room_tracks, t))
			return true;
	return false;
}

/* The tracks of each team and room, regenerated from the same seed. */
static void random_tracks(uint32_t seed, char teams[64][64], char rooms[8][64], size_t *n, size_t *r)
{
	size_t nr = 1 + next_random(&seed) % 6, nt = 1 + next_random(&seed) % 60;

	for (size_t i = 0; i < nr; i++) {
		uint32_t k = next_random(&seed) % 3;
		const char *a = k > 0 ? track_names[next_random(&seed) % 5] : "";
		const char *b = k > 1 ? track_names[next_random(&seed) % 5] : "";

		snprintf(rooms[i], 64, "%s;%s", a, b);
	}
	for (size_t i = 0; i < nt; i++) {
		uint32_t k = next_random(&seed) % 3;
		const char *a = k > 0 ? track_names[next_random(&seed) % 5] : "";
		const char *b = k > 1 ? track_names[next_random(&seed) % 5] : "";

		snprintf(teams[i], 64, "%s%s%s", a, k > 1 ? ";" : "", b);
	}
	*n = nt;
	*r = nr;
}

static size_t index_after(const char *name, const char *prefix)
{
	return (size_t)atoi(name + strlen(prefix));
}

static void generate__holds_its_properties__on_random_instances(void **state)
{
	(void)state;
	for (uint32_t run = 0; run < 60; run++) {
		uint32_t seed = 1000 + run, seed2 = seed;
		size_t n, r, n2, r2, matched = 0;
		char team_tracks[64][64], room_tracks[8][64];
		struct store *st = random_event(&seed, &n, &r);
		struct schedule_result res;
		struct schedule s;
		size_t min = SIZE_MAX, max = 0;
		bool *seen = calloc(n, sizeof(bool));

		random_tracks(seed2, team_tracks, room_tracks, &n2, &r2);
		assert_int_equal(n, n2);
		assert_int_equal(schedule_generate(st, &default_spec, &res), ST_OK);
		assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
		/* every team exactly once */
		assert_int_equal(s.count, n);
		for (size_t i = 0; i < s.count; i++) {
			size_t t = index_after(s.slots[i].team, "Team ");

			assert_false(seen[t]);
			seen[t] = true;
		}
		for (size_t k = 0; k < s.nrooms; k++) {
			const struct schedule_room *room = &s.rooms[k];

			min = room->count < min ? room->count : min;
			max = room->count > max ? room->count : max;
			/* no overlap in a room */
			for (size_t i = room->first + 1; i < room->first + room->count; i++) {
				assert_true(s.slots[i].starts_at >= s.slots[i - 1].starts_at + 8 * MIN);
				assert_true(s.slots[i].position > s.slots[i - 1].position);
			}
		}
		/* balanced within one slot */
		assert_true(max - min <= 1);
		/* track preference: no swap of two teams would put one more team in a room of its track */
		for (size_t i = 0; i < s.count; i++) {
			const struct slot *a = &s.slots[i];
			size_t ta = index_after(a->team, "Team "), ra = index_after(s.rooms[a->room].name, "Room ");
			bool a_ok = shares_track(team_tracks[ta], room_tracks[ra]);

			matched += a_ok;
			if (a_ok)
				continue;
			for (size_t j = 0; j < s.count; j++) {
				const struct slot *b = &s.slots[j];
				size_t tb = index_after(b->team, "Team "), rb = index_after(s.rooms[b->room].name, "Room ");

				if (!shares_track(team_tracks[tb], room_tracks[rb]) &&
				    shares_track(team_tracks[ta], room_tracks[rb]))
					fail_msg("run %u: %s could swap with %s into a room of its track", run, a->team,
						 b->team);
			}
		}
		assert_int_equal(res.in_track_room, matched);
		/* projection before anything starts: the plan itself */
		for (size_t i = 0; i < s.count; i++)
			assert_int_equal(s.slots[i].proj_start, s.slots[i].starts_at);
		free(seen);
		schedule_clear(&s);
		store_close(st);
	}
}

static void projection__stays_monotonic__under_random_timer_actions(void **state)
{
	(void)state;
	for (uint32_t run = 0; run < 30; run++) {
		uint32_t seed = 77 + run;
		size_t n, r;
		struct store *st = random_event(&seed, &n, &r);
		struct schedule s;
		int64_t now = at("2026-12-06 13:20");

		assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
		for (int step = 0; step < 40; step++) {
			assert_int_equal(schedule_load(st, NULL, now, &s), ST_OK);
			{
				size_t k = next_random(&seed) % s.nrooms;
				char id[ID_LEN + 1];

				memcpy(id, s.rooms[k].id, sizeof(id));
				schedule_clear(&s);
				/* impossible actions are refused; either way the projection must hold */
				(void)schedule_timer(st, id, (enum timer_action)(next_random(&seed) % TIMER_ACTION_COUNT), now);
			}
			now += (int64_t)(next_random(&seed) % 400);
			assert_int_equal(schedule_load(st, NULL, now, &s), ST_OK);
			for (size_t k = 0; k < s.nrooms; k++) {
				const struct schedule_room *room = &s.rooms[k];

				for (size_t i = room->first; i < room->first + room->count; i++) {
					const struct slot *sl = &s.slots[i];

					assert_true(sl->proj_end >= sl->proj_start);
					if (sl->status == SLOT_SCHEDULED) {
						assert_true(sl->proj_start >= sl->starts_at);
						assert_true(sl->proj_start >= now);
					}
					if (i > room->first)
						assert_true(sl->proj_start >= s.slots[i - 1].proj_end);
				}
			}
			schedule_clear(&s);
		}
		store_close(st);
	}
}

/* ---- the projection and the timer ---- */

static void overrun__shifts_the_rest_of_the_room(void **state)
{
	struct store *st = small_event();
	struct schedule s;
	char rhone[ID_LEN + 1];
	int64_t t0 = at("2026-12-06 13:30");
	size_t r;
	char *text;

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	room_id(st, "Salle Rhône", rhone);
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0), ST_OK);
	/* 10 minutes in: 3 over the 7 of pitch and Q&A */
	assert_int_equal(schedule_load(st, NULL, t0 + 10 * MIN, &s), ST_OK);
	r = room_of(&s, "Salle Rhône");
	{
		const struct slot *sl = &s.slots[s.rooms[r].first];

		assert_int_equal(sl->proj_end, t0 + 10 * MIN);
		assert_int_equal(sl[1].proj_start, t0 + 11 * MIN);	/* after the changeover */
		assert_int_equal(sl[1].late_s, 3 * MIN);
		assert_int_equal(sl[2].proj_start, t0 + 19 * MIN);
		assert_int_equal(s.rooms[r].late_s, 3 * MIN);
	}
	text = schedule_room_text(&s, r);
	assert_string_equal(text, "Salle Rhône: Cœur Vert over time, +03:00");
	free(text);
	schedule_clear(&s);
	store_close(st);
}

static void timer__runs_start_pause_resume_next_noshow(void **state)
{
	struct store *st = small_event();
	struct schedule s;
	char rhone[ID_LEN + 1];
	int64_t t0 = at("2026-12-06 13:34");
	char *text;

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	room_id(st, "Salle Rhône", rhone);

	assert_int_equal(schedule_timer(st, rhone, TIMER_PAUSE, t0), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "nothing runs in Salle Rhône"));
	assert_int_equal(schedule_timer(st, rhone, TIMER_NEXT, t0), ST_INVALID);
	assert_int_equal(schedule_timer(st, rhone, TIMER_RESUME, t0), ST_INVALID);

	/* a late start: 4 minutes */
	assert_int_equal(schedule_load(st, rhone, t0, &s), ST_OK);
	text = schedule_room_text(&s, 0);
	assert_string_equal(text, "Salle Rhône: next up Cœur Vert at 13:34, running 4 min late");
	free(text);
	schedule_clear(&s);

	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0), ST_INVALID);
	assert_int_equal(schedule_timer(st, rhone, TIMER_NOSHOW, t0), ST_INVALID);
	assert_int_equal(schedule_load(st, rhone, t0 + 48, &s), ST_OK);
	text = schedule_room_text(&s, 0);
	assert_string_equal(text, "Salle Rhône: Cœur Vert pitching, 04:12 left");
	free(text);
	schedule_clear(&s);

	assert_int_equal(schedule_timer(st, rhone, TIMER_PAUSE, t0 + 60), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_PAUSE, t0 + 90), ST_INVALID);
	/* paused for two minutes: the clock holds */
	assert_int_equal(schedule_load(st, rhone, t0 + 180, &s), ST_OK);
	text = schedule_room_text(&s, 0);
	assert_string_equal(text, "Salle Rhône: Cœur Vert paused, 04:00 left");
	free(text);
	assert_int_equal(s.slots[0].proj_end, t0 + 180 + 6 * MIN);
	schedule_clear(&s);

	assert_int_equal(schedule_timer(st, rhone, TIMER_RESUME, t0 + 180), ST_OK);
	assert_int_equal(schedule_load(st, rhone, t0 + 180 + 5 * MIN, &s), ST_OK);
	text = schedule_room_text(&s, 0);
	assert_string_equal(text, "Salle Rhône: Cœur Vert in Q&A, 01:00 left");
	free(text);
	schedule_clear(&s);

	assert_int_equal(schedule_timer(st, rhone, TIMER_NEXT, t0 + 10 * MIN), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_NOSHOW, t0 + 11 * MIN), ST_OK);
	assert_int_equal(schedule_load(st, rhone, t0 + 11 * MIN, &s), ST_OK);
	assert_int_equal(s.slots[0].status, SLOT_DONE);
	assert_int_equal(s.slots[0].proj_start, t0);
	assert_int_equal(s.slots[0].proj_end, t0 + 10 * MIN);
	assert_int_equal(s.slots[1].status, SLOT_NOSHOW);
	assert_int_equal(s.rooms[0].current, 2);
	assert_int_equal(s.rooms[0].last_ended, 0);
	schedule_clear(&s);

	/* to the end of the room */
	for (int i = 0; i < 1; i++) {
		assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0 + 12 * MIN), ST_OK);
		assert_int_equal(schedule_timer(st, rhone, TIMER_NEXT, t0 + 19 * MIN), ST_OK);
	}
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0 + 20 * MIN), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "no pitch left"));
	assert_int_equal(schedule_load(st, rhone, t0 + 20 * MIN, &s), ST_OK);
	text = schedule_room_text(&s, 0);
	assert_string_equal(text, "Salle Rhône: every pitch is over");
	free(text);
	schedule_clear(&s);
	store_close(st);
}

static void catchup__gives_changeovers_back_until_the_room_is_on_time(void **state)
{
	struct store *st = small_event();
	const char *rooms[] = { "Salle Ada" };
	struct schedule_spec spec = default_spec;
	struct schedule s;
	char ada[ID_LEN + 1];
	int64_t t0 = at("2026-12-06 13:30");

	(void)state;
	spec.rooms = rooms;
	spec.nrooms = 1;
	assert_int_equal(schedule_generate(st, &spec, NULL), ST_OK);
	room_id(st, "Salle Ada", ada);
	assert_int_equal(schedule_timer(st, ada, TIMER_CATCHUP, t0), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "on time"));
	/* 3 minutes late */
	assert_int_equal(schedule_timer(st, ada, TIMER_START, t0 + 3 * MIN), ST_OK);
	assert_int_equal(schedule_timer(st, ada, TIMER_CATCHUP, t0 + 4 * MIN), ST_OK);
	assert_int_equal(schedule_load(st, ada, t0 + 4 * MIN, &s), ST_OK);
	assert_int_equal(s.rooms[0].changeover_cut_s, 3 * MIN);
	/* three changeovers of a minute: slots 2, 3, 4 each a minute closer; slot 5 on time */
	assert_int_equal(s.slots[1].late_s, 2 * MIN);
	assert_int_equal(s.slots[2].late_s, 1 * MIN);
	assert_int_equal(s.slots[3].late_s, 0);
	assert_int_equal(s.slots[4].late_s, 0);
	schedule_clear(&s);
	/* the next pitch starts at once after the first: the changeover it used is gone from the cut */
	assert_int_equal(schedule_timer(st, ada, TIMER_NEXT, t0 + 10 * MIN), ST_OK);
	assert_int_equal(schedule_load(st, ada, t0 + 10 * MIN, &s), ST_OK);
	assert_int_equal(s.slots[1].proj_start, t0 + 10 * MIN);
	schedule_clear(&s);
	assert_int_equal(schedule_timer(st, ada, TIMER_START, t0 + 10 * MIN), ST_OK);
	assert_int_equal(schedule_load(st, ada, t0 + 10 * MIN, &s), ST_OK);
	assert_int_equal(s.rooms[0].changeover_cut_s, 2 * MIN);
	schedule_clear(&s);
	store_close(st);
}

static void warnings__name_the_pinned_phase__when_there_are_more_teams_than_time(void **state)
{
	struct store *st = new_event();
	struct schedule s;
	struct timeline t;
	char *text = strdup("name\n"), **lines;
	size_t n;

	(void)state;
	import_text(st, import_rooms, "name\nSolo Room\n");
	for (int i = 0; i < 40; i++) {
		char *more = pd_asprintf("%sTeam %02d\n", text, i);

		free(text);
		text = more;
	}
	import_text(st, import_teams, text);
	free(text);
	/* 40 pitches of 8 minutes from 13:30 run past 17:00, when the awards begin */
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	assert_int_equal(schedule_load(st, NULL, at("2026-11-29 10:00"), &s), ST_OK);
	assert_int_equal(timeline_load(st, &t), ST_OK);
	n = schedule_warnings(&s, &t, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "Solo Room runs into Awards at 17:00: Team 26 ends 17:05");
	schedule_free_lines(lines, n);
	schedule_clear(&s);

	/* a slip into lunch: the same plan started before lunch, with a late start */
	timeline_clear(&t);
	store_close(st);
}

static void warnings__stay_quiet__when_the_room_ends_in_time(void **state)
{
	struct store *st = small_event();
	struct schedule s;
	struct timeline t;
	char **lines;

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	assert_int_equal(schedule_load(st, NULL, at("2026-11-29 10:00"), &s), ST_OK);
	assert_int_equal(timeline_load(st, &t), ST_OK);
	assert_int_equal(schedule_warnings(&s, &t, &lines), 0);
	schedule_clear(&s);
	/* a start at noon runs into lunch at 12:30 */
	{
		struct schedule_spec spec = default_spec;

		spec.has_start = true;
		spec.start = at("2026-12-06 12:10");
		assert_int_equal(schedule_generate(st, &spec, NULL), ST_OK);
	}
	assert_int_equal(schedule_load(st, NULL, at("2026-11-29 10:00"), &s), ST_OK);
	assert_int_equal(schedule_warnings(&s, &t, &lines), 3);
	assert_string_equal(lines[0], "Atelier 3 runs into Lunch at 12:30: Open Doors ends 12:33");
	schedule_free_lines(lines, 3);
	schedule_clear(&s);
	timeline_clear(&t);
	store_close(st);
}

/* ---- moving and swapping ---- */

static void move__lays_both_rooms_out_again(void **state)
{
	struct store *st = small_event();
	struct schedule s;
	int64_t t0 = at("2026-12-06 13:30");
	size_t ada, rhone;

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	assert_int_equal(schedule_move(st, "cœur vert", "SALLE ADA", 1), ST_OK);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	ada = room_of(&s, "Salle Ada");
	rhone = room_of(&s, "Salle Rhône");
	assert_int_equal(s.rooms[ada].count, 4);
	assert_int_equal(s.rooms[rhone].count, 2);
	assert_string_equal(s.slots[s.rooms[ada].first].team, "Cœur Vert");
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(s.slots[s.rooms[ada].first + i].starts_at, t0 + (int64_t)i * 8 * MIN);
		assert_int_equal(s.slots[s.rooms[ada].first + i].position, (int)i + 1);
	}
	assert_string_equal(s.slots[s.rooms[rhone].first].team, "Green Bytes");
	assert_int_equal(s.slots[s.rooms[rhone].first].starts_at, t0);
	schedule_clear(&s);

	/* within a room, to the end (0 = last) */
	assert_int_equal(schedule_move(st, "Cœur Vert", "Salle Ada", 0), ST_OK);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	assert_string_equal(s.slots[s.rooms[ada].first + 3].team, "Cœur Vert");
	assert_int_equal(s.slots[s.rooms[ada].first + 3].starts_at, t0 + 24 * MIN);
	schedule_clear(&s);

	assert_int_equal(schedule_move(st, "Cœur Vert", "Salle Ada", 9), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "give 1 to 4"));
	assert_int_equal(schedule_move(st, "Nobody", "Salle Ada", 1), ST_NOT_FOUND);
	assert_int_equal(schedule_move(st, "Cœur Vert", "Nowhere", 1), ST_NOT_FOUND);
	store_close(st);
}

static void move_and_swap__refuse_pitches_started__and_a_team_with_itself(void **state)
{
	struct store *st = small_event();
	struct schedule s;
	char rhone[ID_LEN + 1];
	int64_t t0 = at("2026-12-06 13:30");

	(void)state;
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	room_id(st, "Salle Rhône", rhone);
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, t0), ST_OK);
	assert_int_equal(schedule_move(st, "Cœur Vert", "Salle Ada", 1), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "Cœur Vert is pitching"));
	assert_int_equal(schedule_swap(st, "Cœur Vert", "Mosaic"), ST_INVALID);
	assert_int_equal(schedule_swap(st, "Mosaic", "mosaic"), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "with itself"));
	/* nor before a pitch already started */
	assert_int_equal(schedule_move(st, "Mosaic", "Salle Rhône", 1), ST_INVALID);

	assert_int_equal(schedule_swap(st, "Mosaic", "Green Bytes"), ST_OK);
	assert_int_equal(schedule_load(st, NULL, 0, &s), ST_OK);
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Mosaic")].room].name, "Salle Rhône");
	assert_string_equal(s.rooms[s.slots[slot_of(&s, "Green Bytes")].room].name, "Atelier 3");
	assert_int_equal(s.slots[slot_of(&s, "Mosaic")].position, 2);
	assert_int_equal(s.slots[slot_of(&s, "Mosaic")].starts_at, t0 + 8 * MIN);
	assert_int_equal(s.slots[slot_of(&s, "Green Bytes")].starts_at, t0 + 8 * MIN);
	schedule_clear(&s);
	store_close(st);
}

/* ---- chasing sheets ---- */

static void chase__counts_the_panel__else_every_judge_without_a_conflict(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "event.db");
	struct store *st;
	struct event_spec spec = { "Hack", 0, 48 };
	char team[ID_LEN + 1], judge[ID_LEN + 1];
	struct chase c;
	sqlite3 *db;

	(void)state;
	assert_int_equal(store_create(path, &st), ST_OK);
	spec.starts_at = at("2026-12-04 18:00");
	assert_int_equal(event_create(st, &spec), ST_OK);
	import_text(st, import_teams, "name\nLes Castors\n");
	import_text(st, import_judges, "name\nChloé Martin\nÉmile Roux\nSarah Cohen\nAïcha Diallo\n");
	import_text(st, import_sheets,
		    "judge,team,idea,engagement,technique,marketing,design,viability,pitch\n"
		    "Émile Roux,Les Castors,3,3,3,3,3,3,3\n");
	assert_int_equal(record_find(st, KIND_TEAM, "Les Castors", team, NULL), ST_OK);
	assert_int_equal(record_find(st, KIND_JUDGE, "Sarah Cohen", judge, NULL), ST_OK);
	assert_int_equal(conflict_declare(st, judge, team, "her cousin"), ST_OK);

	assert_int_equal(schedule_chase(st, team, &c), ST_OK);
	assert_int_equal(c.expected, 3);
	assert_int_equal(c.submitted, 1);
	assert_int_equal(c.nwaiting, 2);
	assert_string_equal(c.waiting[0], "Aïcha Diallo");
	assert_string_equal(c.waiting[1], "Chloé Martin");
	schedule_chase_clear(&c);

	/* a panel: only its judges count */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO assignment(judge_id, team_id) SELECT j.id, t.id FROM judge j, team t"
				      " WHERE j.name IN ('Chloé Martin', 'Émile Roux')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(schedule_chase(st, team, &c), ST_OK);
	assert_int_equal(c.expected, 2);
	assert_int_equal(c.submitted, 1);
	assert_int_equal(c.nwaiting, 1);
	assert_string_equal(c.waiting[0], "Chloé Martin");
	schedule_chase_clear(&c);
	store_close(st);
	unit_rmdir(dir);
}

static void actions__are_named_and_audited(void **state)
{
	struct store *st = small_event();
	char rhone[ID_LEN + 1];
	int64_t before = 0, after = 0;

	(void)state;
	assert_string_equal(timer_action_name(TIMER_NOSHOW), "noshow");
	assert_int_equal(timer_action_from_name("catchup"), TIMER_CATCHUP);
	assert_int_equal(timer_action_from_name("stop"), -1);
	assert_int_equal(audit_verify(st, &before), ST_OK);
	assert_int_equal(schedule_generate(st, &default_spec, NULL), ST_OK);
	room_id(st, "Salle Rhône", rhone);
	assert_int_equal(schedule_timer(st, rhone, TIMER_START, at("2026-12-06 13:30")), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_PAUSE, at("2026-12-06 13:29")), ST_OK);
	assert_int_equal(schedule_timer(st, rhone, TIMER_PAUSE, at("2026-12-06 13:31")), ST_INVALID);
	assert_int_equal(schedule_move(st, "Mosaic", "Salle Ada", 1), ST_OK);
	assert_int_equal(audit_verify(st, &after), ST_OK);
	assert_int_equal(after, before + 4);	/* generate, start, pause, move: not the refused pause */
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(generate__puts_each_team_in_a_room_of_its_track_from_the_pitches_phase),
		cmocka_unit_test(generate__refuses_clearly__when_there_are_no_rooms),
		cmocka_unit_test(generate__refuses_unknown_rooms_and_bad_lengths),
		cmocka_unit_test(generate__uses_only_the_rooms_named),
		cmocka_unit_test(generate__keeps_slots_started_or_over__and_replaces_the_rest),
		cmocka_unit_test(generate__holds_its_properties__on_random_instances),
		cmocka_unit_test(projection__stays_monotonic__under_random_timer_actions),
		cmocka_unit_test(overrun__shifts_the_rest_of_the_room),
		cmocka_unit_test(timer__runs_start_pause_resume_next_noshow),
		cmocka_unit_test(catchup__gives_changeovers_back_until_the_room_is_on_time),
		cmocka_unit_test(warnings__name_the_pinned_phase__when_there_are_more_teams_than_time),
		cmocka_unit_test(warnings__stay_quiet__when_the_room_ends_in_time),
		cmocka_unit_test(move__lays_both_rooms_out_again),
		cmocka_unit_test(move_and_swap__refuse_pitches_started__and_a_team_with_itself),
		cmocka_unit_test(chase__counts_the_panel__else_every_judge_without_a_conflict),
		cmocka_unit_test(actions__are_named_and_audited),
		cmocka_unit_test(generate__tries_a_teams_rooms_in_name_order__among_the_rooms_named),
	};

	setenv("TZ", "Europe/Paris", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
