#include "config.h"

/*
 * Judge panels and the coach plan at the size of a large event: 1,000 teams
 * (or the number given: bench_plan 5000), 20 rooms pitching in parallel, a
 * judge for every 5 teams, 60 coaches with three windows each. Prints the time
 * of each (target: under 1 s together at 1,000 teams). The event is built
 * through the core's own functions; the pitch slots go in through SQLite (the
 * schedule is bench_schedule's).
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/conflict.h"
#include "podium/event.h"
#include "podium/id.h"
#include "podium/panel.h"
#include "podium/people.h"
#include "podium/store.h"

#define ROOMS	  20
#define COACHES	  60

static const char *const tracks[] = {"Education", "Environment", "Inclusion", "Diversity",
				     "Future of work"};
static const char *const stages[] = {"Idea",   "Engagement", "Technique", "Marketing",
				     "Design", "Viability",  "Pitch"};

struct bench {
	size_t teams, judges, conflicts;
	char (*team)[ID_LEN + 1], (*judge)[ID_LEN + 1], room[ROOMS][ID_LEN + 1];
	int64_t day;
};

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
	seed = seed * 1664525u + 1013904223u;
	return seed >> 8;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static enum status build(struct store *st, void *ctx)
{
	struct bench *b = ctx;
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < b->teams; i++) {
		char name[32], *tr[2] = {(char *)tracks[rnd() % 5], (char *)tracks[rnd() % 5]};
		struct team_spec t = {.name = name, .tracks = tr, .ntracks = 1 + rnd() % 2};

		snprintf(name, sizeof(name), "Team %04zu", i);
		s = team_add(st, &t, b->team[i]);
	}
	for (size_t i = 0; s == ST_OK && i < b->judges; i++) {
		char name[32], *tr[1] = {(char *)tracks[rnd() % 5]};
		struct judge_spec j = {.name = name, .tracks = tr, .ntracks = 1};

		snprintf(name, sizeof(name), "Judge %03zu", i);
		s = judge_add(st, &j, b->judge[i]);
	}
	for (size_t i = 0; s == ST_OK && i < ROOMS; i++) {
		char name[32];
		struct room_spec r = {.name = name, .capacity = 50};

		snprintf(name, sizeof(name), "Room %02zu", i);
		s = room_add(st, &r, b->room[i]);
	}
	for (size_t i = 0; s == ST_OK && i < COACHES; i++) {
		char name[32], *sk[3];
		struct coach_window w[3] = {
		    {b->day + 9 * 3600, b->day + 12 * 3600},
		    {b->day + 14 * 3600, b->day + 19 * 3600},
		    {b->day + 86400 + 8 * 3600, b->day + 86400 + 12 * 3600},
		};
		struct coach_spec c = {
		    .name = name, .skills = sk, .nskills = 3, .windows = w, .nwindows = 3};

		for (size_t k = 0; k < 3; k++)
			sk[k] = (char *)stages[(i + k * 3) % 7];
		snprintf(name, sizeof(name), "Coach %02zu", i);
		s = coach_add(st, &c, NULL);
	}
	return s;
}

/* The event in a new file at path: records through the core, slots through SQLite. */
static int build_event(const char *path, struct bench *b)
{
	struct event_spec spec = {"Bench", 0, 48};
	struct store *st;
	sqlite3 *db;

	clock_parse("2026-12-04 18:00", &spec.starts_at);
	b->day = spec.starts_at - 18 * 3600 + 86400; /* the Saturday */
	if (store_create(path, &st) != ST_OK || event_create(st, &spec) != ST_OK ||
	    store_write(st, build, b) != ST_OK) {
		fprintf(stderr, "bench_plan: cannot build the event: %s\n",
			status_message(ST_INTERNAL));
		return 1;
	}
	for (size_t i = 0; i < b->conflicts; i++)
		conflict_declare(st, b->judge[rnd() % b->judges], b->team[rnd() % b->teams], "bench");
	store_close(st);
	/* teams / 20 slots per room, 7 minutes + 1 of changeover, from Sunday 13:00 */
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	sqlite3_busy_timeout(db, 5000);
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (size_t i = 0; i < b->teams; i++) {
		char *q = sqlite3_mprintf(
		    "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s,"
		    " changeover_s) VALUES ('s%d', %Q, %Q, %d, %lld, 300, 120, 60)",
		    (int)i, b->room[i % ROOMS], b->team[i], (int)(i / ROOMS) + 1,
		    (long long)(b->day + 86400 + 13 * 3600 + (int64_t)(i / ROOMS) * 480));

		sqlite3_exec(db, q, NULL, NULL, NULL);
		sqlite3_free(q);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

static int copy_file(const char *from, const char *to)
{
	char cmd[4200];

	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", from, to);
	return system(cmd) == 0 ? 0 : 1;
}

/*
 * bench_plan [TEAMS [EVENT]]: with EVENT, the event is built once into that
 * file and copied from it on later runs (building 5,000 teams through the core
 * takes a minute; the timed parts are the same), so that two builds of podium
 * can be timed side by side on one event.
 */
int main(int argc, char **argv)
{
	static struct bench b;
	char dir[] = "/tmp/podium-bench-plan.XXXXXX", path[64], cmd[128];
	struct panel_result pr;
	struct coaching_plan cp;
	struct timespec t0;
	struct store *st;
	double panels_ms, plan_ms;
	enum status s;

	b.teams = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000;
	if (b.teams < ROOMS || b.teams > 100000) {
		fprintf(stderr, "usage: bench_plan [TEAMS from %d to 100000 [EVENT]]\n", ROOMS);
		return 2;
	}
	b.judges = b.teams / 5;
	b.conflicts = 2 * b.judges;
	b.team = calloc(b.teams, sizeof(*b.team));
	b.judge = calloc(b.judges, sizeof(*b.judge));
	if (!b.team || !b.judge)
		return 1;
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/event.db", dir);
	if (argc > 2 && access(argv[2], R_OK) == 0) {
		if (copy_file(argv[2], path))
			return 1;
	} else if (build_event(path, &b) || (argc > 2 && copy_file(path, argv[2]))) {
		return 1;
	}
	if (store_open(path, &st) != ST_OK) {
		fprintf(stderr, "bench_plan: cannot open the event: %s\n", status_message(ST_INTERNAL));
		return 1;
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = panel_assign(st, 3, &pr);
	panels_ms = ms_since(&t0);
	if (s != ST_OK) {
		fprintf(stderr, "bench_plan: panels: %s\n", status_message(s));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = coaching_plan(st, 20, &cp);
	plan_ms = ms_since(&t0);
	if (s != ST_OK) {
		fprintf(stderr, "bench_plan: coach plan: %s\n", status_message(s));
		return 1;
	}
	printf("panels:     %zu teams, %d rooms at once, %zu judges, 3 per team: %7.1f ms"
	       " (%zu assignments, loads %zu-%zu, %zu with a judge of the track)\n",
	       b.teams, ROOMS, b.judges, panels_ms, pr.assignments, pr.min_load, pr.max_load,
	       pr.experts);
	printf("coach plan: %d coaches, 20-minute sessions:              %7.1f ms"
	       " (%zu placed of %zu stages needed, %zu left out)\n",
	       COACHES, plan_ms, cp.placed, cp.needed, cp.nmisses);
	printf("together:   %.1f ms (target: under 1000 ms)\n", panels_ms + plan_ms);
	coaching_plan_clear(&cp);
	store_close(st);
	free(b.team);
	free(b.judge);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
