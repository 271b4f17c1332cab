#include "config.h"
#include "unit.h"

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
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

static void create__lays_out_the_event_and_default_rubric(void **state)
{
	struct store *st = *state;
	struct event e;
	struct rubric r;
	char when[17];

	assert_int_equal(event_get(st, &e), ST_OK);
	assert_string_equal(e.name, "Hack for Good");
	assert_int_equal(e.hours, 48);
	clock_format(e.starts_at, when);
	assert_string_equal(when, "2026-12-04 18:00");
	assert_false(e.results_locked);
	event_clear(&e);

	assert_int_equal(rubric_load(st, &r), ST_OK);
	assert_int_equal(r.count, 7);
	assert_string_equal(r.items[0].name, "Idea");
	assert_string_equal(r.items[1].name, "Engagement");
	assert_string_equal(r.items[6].name, "Pitch");
	for (size_t i = 0; i < r.count; i++) {
		assert_true(r.items[i].weight == 1.0);
		assert_int_equal(r.items[i].min, 1);
		assert_int_equal(r.items[i].max, 5);
	}
	assert_int_equal(rubric_find(&r, "TECHNIQUE"), 2);
	assert_int_equal(rubric_find(&r, r.items[4].id), 4);
	assert_int_equal(rubric_find(&r, "Nope"), -1);
	rubric_clear(&r);
}

static void create__refuses_a_second_event(void **state)
{
	struct event_spec spec = { "Other", 0, 24 };

	assert_int_equal(event_create(*state, &spec), ST_EXISTS);
}

static void create__refuses_empty_name_and_bad_hours(void **state)
{
	struct store *st;
	struct event_spec spec = { " ", 0, 48 };

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(event_create(st, &spec), ST_INVALID);
	spec.name = "Ok";
	spec.hours = 0;
	assert_int_equal(event_create(st, &spec), ST_INVALID);
	spec.name = "bad \xff";
	spec.hours = 48;
	assert_int_equal(event_create(st, &spec), ST_INVALID);
	store_close(st);
}

static void audit__chains_every_change_and_verifies(void **state)
{
	struct store *st = *state;
	int64_t rows = 0;

	assert_int_equal(audit_verify(st, &rows), ST_OK);
	assert_int_equal(rows, 9); /* the event, its organizer and seven criteria */
	assert_int_equal(event_set_locked(st, true), ST_OK);
	assert_int_equal(audit_verify(st, &rows), ST_OK);
	assert_int_equal(rows, 10);
}

static void lock__is_kept_and_idempotent(void **state)
{
	struct store *st = *state;
	bool locked;

	assert_int_equal(event_set_locked(st, true), ST_OK);
	assert_int_equal(event_set_locked(st, true), ST_OK);
	assert_int_equal(event_results_locked(st, &locked), ST_OK);
	assert_true(locked);
	assert_int_equal(event_set_locked(st, false), ST_OK);
	assert_int_equal(event_results_locked(st, &locked), ST_OK);
	assert_false(locked);
}

static enum status add_criterion(struct store *st, void *ctx)
{
	return rubric_add(st, ctx);
}

static void rubric__refuses_bad_specs(void **state)
{
	struct criterion_spec bad_scale = { "Wow", "", 1, 5, 5 };
	struct criterion_spec bad_weight = { "Wow", "", 0, 1, 5 };
	struct criterion_spec taken = { "  idea ", "", 1, 1, 5 };

	assert_int_equal(rubric_check_spec(&bad_scale), ST_INVALID);
	assert_int_equal(rubric_check_spec(&bad_weight), ST_INVALID);
	assert_int_equal(store_write(*state, add_criterion, &taken), ST_CONFLICT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create__lays_out_the_event_and_default_rubric, setup, teardown),
		cmocka_unit_test_setup_teardown(create__refuses_a_second_event, setup, teardown),
		cmocka_unit_test(create__refuses_empty_name_and_bad_hours),
		cmocka_unit_test_setup_teardown(audit__chains_every_change_and_verifies, setup, teardown),
		cmocka_unit_test_setup_teardown(lock__is_kept_and_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(rubric__refuses_bad_specs, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
