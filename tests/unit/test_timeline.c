#include "config.h"
#include "unit.h"

#include "podium/clock.h"
#include "podium/event.h"
#include "podium/store.h"
#include "podium/timeline.h"

static int64_t at(const char *when)
{
	int64_t t = 0;

	assert_true(clock_parse(when, &t));
	return t;
}

static struct store *new_event(int hours)
{
	struct store *st;
	struct event_spec spec = { "Hack", 0, hours };

	assert_int_equal(store_open_memory(&st), ST_OK);
	spec.starts_at = at("2026-12-04 18:00");
	assert_int_equal(event_create(st, &spec), ST_OK);
	return st;
}

static const struct phase *find(const struct timeline *t, const char *name)
{
	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->items[i].name, name) == 0)
			return &t->items[i];
	fail_msg("no phase %s", name);
	return NULL;
}

static void assert_phase(const struct timeline *t, const char *name, const char *start, const char *end, bool pinned)
{
	const struct phase *p = find(t, name);
	char s[17], e[17];

	clock_format(p->starts_at, s);
	clock_format(p->ends_at, e);
	assert_string_equal(s, start);
	assert_string_equal(e, end);
	assert_int_equal(p->pinned, pinned);
}

static void init__lays_out_the_48_hour_timeline(void **state)
{
	struct store *st = new_event(48);
	struct timeline t;
	size_t meals = 0, checkpoints = 0;

	(void)state;
	assert_int_equal(timeline_load(st, &t), ST_OK);
	assert_phase(&t, "Kickoff", "2026-12-04 18:00", "2026-12-04 18:30", false);
	assert_phase(&t, "Idea pitches", "2026-12-04 18:30", "2026-12-04 19:30", false);
	assert_phase(&t, "Team building", "2026-12-04 19:30", "2026-12-04 20:30", false);
	assert_phase(&t, "Build", "2026-12-04 20:30", "2026-12-06 12:00", false);
	assert_phase(&t, "Submission deadline", "2026-12-06 12:00", "2026-12-06 12:00", false);
	assert_phase(&t, "Pitches", "2026-12-06 13:30", "2026-12-06 16:00", false);
	assert_phase(&t, "Deliberation", "2026-12-06 16:00", "2026-12-06 17:00", false);
	assert_phase(&t, "Awards", "2026-12-06 17:00", "2026-12-06 18:00", true);
	assert_phase(&t, "Checkpoint: Idea", "2026-12-04 21:30", "2026-12-04 22:00", false);
	assert_phase(&t, "Checkpoint: Pitch", "2026-12-06 09:30", "2026-12-06 10:00", false);
	for (size_t i = 0; i < t.count; i++) {
		const struct phase *p = &t.items[i];

		if (strcmp(p->kind, "meal") == 0) {
			meals++;
			assert_true(p->pinned);
			assert_true(p->ends_at <= find(&t, "Pitches")->starts_at);
		}
		if (strcmp(p->kind, "checkpoint") == 0) {
			checkpoints++;
			assert_true(p->starts_at >= find(&t, "Build")->starts_at);
			assert_true(p->ends_at <= find(&t, "Build")->ends_at);
		}
		/* in order of start */
		if (i > 0)
			assert_true(p->starts_at >= t.items[i - 1].starts_at);
	}
	/* Friday dinner, then breakfast, lunch and dinner on Saturday, breakfast and lunch on Sunday */
	assert_int_equal(meals, 6);
	assert_int_equal(checkpoints, 7);
	assert_int_equal(timeline_find_kind(&t, "pitches"), (int)(find(&t, "Pitches") - t.items));
	assert_int_equal(timeline_find_kind(&t, "nope"), -1);
	timeline_clear(&t);
	store_close(st);
}

static void init__scales_the_plan__for_other_lengths(void **state)
{
	static const int lengths[] = { 1, 3, 6, 12, 24, 36, 72, 720 };

	(void)state;
	for (size_t k = 0; k < PD_ARRAY_LEN(lengths); k++) {
		struct store *st = new_event(lengths[k]);
		int64_t start = at("2026-12-04 18:00"), end = start + (int64_t)lengths[k] * 3600;
		struct timeline t;

		assert_int_equal(timeline_load(st, &t), ST_OK);
		for (size_t i = 0; i < t.count; i++) {
			assert_true(t.items[i].starts_at >= start);
			assert_true(t.items[i].ends_at <= end);
			assert_true(t.items[i].ends_at >= t.items[i].starts_at);
		}
		assert_int_equal(find(&t, "Kickoff")->starts_at, start);
		assert_int_equal(find(&t, "Awards")->ends_at, end);
		assert_true(find(&t, "Build")->ends_at == find(&t, "Submission deadline")->starts_at);
		assert_true(find(&t, "Pitches")->starts_at >= find(&t, "Submission deadline")->starts_at);
		assert_true(find(&t, "Pitches")->ends_at > find(&t, "Pitches")->starts_at);
		timeline_clear(&t);
		store_close(st);
	}
}

static void now__names_the_innermost_phase_and_the_next_milestone(void **state)
{
	struct store *st = new_event(48);
	struct phase cur, next;

	(void)state;
	/* before the start: nothing yet, the kickoff next */
	assert_int_equal(timeline_now(st, at("2026-11-29 10:00"), &cur, &next), ST_OK);
	assert_string_equal(cur.id, "");
	assert_null(cur.name);
	assert_string_equal(next.name, "Kickoff");
	phase_clear(&cur);
	phase_clear(&next);

	/* Saturday lunch, inside the build: the meal is current */
	assert_int_equal(timeline_now(st, at("2026-12-05 12:45"), &cur, &next), ST_OK);
	assert_string_equal(cur.name, "Lunch");
	assert_string_equal(cur.kind, "meal");
	assert_string_equal(next.name, "Checkpoint: Marketing");
	phase_clear(&cur);
	phase_clear(&next);

	/* Sunday 11:00: the build, and the submission deadline next (a milestone) */
	assert_int_equal(timeline_now(st, at("2026-12-06 11:00"), &cur, &next), ST_OK);
	assert_string_equal(cur.name, "Build");
	assert_string_equal(next.name, "Submission deadline");
	assert_int_equal(next.starts_at - at("2026-12-06 11:00"), 3600);
	phase_clear(&cur);
	phase_clear(&next);

	/* after the end: nothing */
	assert_int_equal(timeline_now(st, at("2026-12-07 10:00"), &cur, NULL), ST_OK);
	assert_null(cur.name);
	phase_clear(&cur);
	store_close(st);
}

static void json__lists_every_phase_with_sqlite(void **state)
{
	struct store *st = new_event(48);
	char *doc = NULL;

	(void)state;
	assert_int_equal(timeline_json(st, &doc), ST_OK);
	assert_non_null(strstr(doc, "{\"start\":\"2026-12-04 18:00\",\"end\":\"2026-12-04 18:30\","
				    "\"phase\":\"Kickoff\",\"kind\":\"kickoff\",\"pinned\":false,\"id\":\""));
	assert_non_null(strstr(doc, "\"phase\":\"Awards\",\"kind\":\"awards\",\"pinned\":true"));
	free(doc);
	store_close(st);
}

static enum status lay_txn(struct store *st, void *ctx)
{
	return timeline_lay_default(st, *(int64_t *)ctx, 24);
}

static void lay_default__replaces_what_was_there(void **state)
{
	struct store *st = new_event(48);
	struct timeline t;
	int64_t start = at("2027-01-01 09:00");

	(void)state;
	assert_int_equal(store_write(st, lay_txn, &start), ST_OK);
	assert_int_equal(timeline_load(st, &t), ST_OK);
	assert_int_equal(t.items[0].starts_at, at("2027-01-01 09:00"));
	assert_int_equal(find(&t, "Awards")->ends_at, at("2027-01-02 09:00"));
	timeline_clear(&t);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init__lays_out_the_48_hour_timeline),
		cmocka_unit_test(init__scales_the_plan__for_other_lengths),
		cmocka_unit_test(now__names_the_innermost_phase_and_the_next_milestone),
		cmocka_unit_test(json__lists_every_phase_with_sqlite),
		cmocka_unit_test(lay_default__replaces_what_was_there),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
