#include "config.h"
#include "unit.h"

#include "podium/stale.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/store.h"
#include "podium/timeline.h"

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

static enum status add_phase(struct store *st, void *ctx)
{
	struct phase_spec spec = { "Lunch", NULL, 0, 0, false };

	(void)ctx;
	clock_parse("2026-12-05 12:30", &spec.starts_at);
	spec.ends_at = spec.starts_at + 3600;
	return timeline_set(st, NULL, &spec, NULL);
}

static void kinds__stay_narrow_only_for_the_frequent_changes(void **state)
{
	(void)state;
	assert_int_equal(stale_of_audit_kind("sheet"), WATCH_SHEETS);
	assert_int_equal(stale_of_audit_kind("timer"), WATCH_SLOTS);
	assert_int_equal(stale_of_audit_kind("phase"), WATCH_TIMELINE);
	assert_int_equal(stale_of_audit_kind("stage"), WATCH_COACHING);
	assert_int_equal(stale_of_audit_kind("event"), WATCH_EVENT);
	assert_int_equal(stale_of_audit_kind("criterion"), WATCH_RUBRIC | WATCH_SHEETS);
	/* a team deleted takes its sheets and pitches with it: every screen is stale */
	assert_int_equal(stale_of_audit_kind("team"), WATCH_ALL);
	assert_int_equal(stale_of_audit_kind("something new"), WATCH_ALL);
	assert_int_equal(stale_of_audit_kind(NULL), WATCH_ALL);
}

static void since__finds_the_end_then_names_each_new_kind_once(void **state)
{
	struct store *st = *state;
	int64_t seq = -1, start;
	unsigned kinds = 0;

	assert_int_equal(stale_since(st, &seq, &kinds), ST_OK);
	assert_int_equal(kinds, WATCH_ALL);
	assert_true(seq > 0);
	start = seq;

	assert_int_equal(stale_since(st, &seq, &kinds), ST_OK);
	assert_int_equal(kinds, 0);
	assert_int_equal(seq, start);

	assert_int_equal(store_write(st, add_phase, NULL), ST_OK);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	assert_int_equal(stale_since(st, &seq, &kinds), ST_OK);
	assert_int_equal(kinds, WATCH_TIMELINE | WATCH_EVENT);
	assert_true(seq >= start + 2);

	assert_int_equal(stale_since(st, &seq, &kinds), ST_OK);
	assert_int_equal(kinds, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds__stay_narrow_only_for_the_frequent_changes),
		cmocka_unit_test_setup_teardown(since__finds_the_end_then_names_each_new_kind_once, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
