#include "config.h"

/*
 * make bench: the pitch schedule for 1,000 teams in 20 rooms (or the number of
 * teams given, in a room for every 50: bench_schedule 5000), generation in one
 * transaction with its audit row, then loading and projecting it as a
 * timekeeper's console does on every change. Figures, never a pass/fail test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "podium/clock.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/schedule.h"
#include "podium/store.h"

static const char *const tracks[] = { "Education", "Environment", "Inclusion", "Diversity", "Future of work",
				      "Health", "Culture", "Mobility" };

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void check(enum status s, const char *what)
{
	if (s != ST_OK) {
		fprintf(stderr, "bench_schedule: %s: %s\n", what, status_message(s));
		exit(1);
	}
}

typedef enum status (*import_fn)(struct store *st, const char *source, const struct csv_table *t, size_t *count);

static void import_text(struct store *st, import_fn fn, const char *text, const char *what)
{
	struct csv_table t = { 0 };
	size_t n;

	check(csv_read_string(what, text, strlen(text), &t), what);
	check(fn(st, what, &t, &n), what);
	csv_table_clear(&t);
}

/* A CSV of n rows "PREFIX i,track[;track]" with a fixed pseudo-random spread of tracks. */
static char *roster(const char *prefix, int n, unsigned seed)
{
	size_t cap = (size_t)n * 64 + 32, len = 0;
	char *text = malloc(cap);

	if (!text)
		exit(1);
	len += (size_t)snprintf(text, cap, "name,tracks\n");
	for (int i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		len += (size_t)snprintf(text + len, cap - len, "%s %04d,%s;%s\n", prefix, i,
					tracks[(seed >> 16) % PD_ARRAY_LEN(tracks)],
					tracks[(seed >> 8) % PD_ARRAY_LEN(tracks)]);
	}
	return text;
}

int main(int argc, char **argv)
{
	int nteams = argc > 1 ? atoi(argv[1]) : 1000, nrooms = nteams / 50;
	struct event_spec spec = { "Bench", 0, 48 };
	struct schedule_spec gen = { .pitch_s = 300, .qa_s = 120, .changeover_s = 60 };
	struct schedule_result res;
	struct schedule s;
	struct store *st;
	char *teams, *rooms;
	double t0, t1, best = 1e9, load = 1e9;

	if (nteams < 50 || nteams > 100000) {
		fprintf(stderr, "usage: bench_schedule [TEAMS from 50 to 100000]\n");
		return 2;
	}
	teams = roster("Team", nteams, 7);
	rooms = roster("Room", nrooms, 11);
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	check(store_open_memory(&st), "open");
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	check(event_create(st, &spec), "event");
	import_text(st, import_rooms, rooms, "rooms");
	import_text(st, import_teams, teams, "teams");
	for (int run = 0; run < 5; run++) {
		t0 = now_ms();
		check(schedule_generate(st, &gen, &res), "generate");
		t1 = now_ms();
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	for (int run = 0; run < 5; run++) {
		t0 = now_ms();
		check(schedule_load(st, NULL, clock_local_now(), &s), "load");
		t1 = now_ms();
		if (t1 - t0 < load)
			load = t1 - t0;
		schedule_clear(&s);
	}
	printf("schedule generate: %d teams, %d rooms: %.1f ms (best of 5; target well under 1000 ms); "
	       "%zu of %zu in a room of their track\n",
	       nteams, nrooms, best, res.in_track_room, res.slots);
	printf("schedule load + projection of %d slots: %.1f ms (best of 5)\n", nteams, load);
	store_close(st);
	free(teams);
	free(rooms);
	return 0;
}
