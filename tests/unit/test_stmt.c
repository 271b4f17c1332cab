#include "config.h"
#include "unit.h"

#include "podium/status.h"
#include "podium/store.h"

/* Each module keeps its statements beside its code: this test links the whole library and prepares them all. */

static void every_statement__prepares_against_the_schema(void **state)
{
	struct stmt *const *all;
	size_t n = store_statements(&all);
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_true(n > 200);	/* the whole library is linked, not just the store */
	for (size_t i = 0; i < n; i++) {
		enum status s = store_try_prepare(st, all[i]);

		if (s != ST_OK)
			fail_msg("%s", status_message(s));
	}
	store_close(st);
}

static void a_bad_statement__is_refused_with_its_text(void **state)
{
	struct stmt bad = {"SELECT name FROM nowhere", 0};
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(store_try_prepare(st, &bad), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "SELECT name FROM nowhere"));
	assert_non_null(strstr(status_message(ST_INVALID), "no such table"));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_statement__prepares_against_the_schema),
		cmocka_unit_test(a_bad_statement__is_refused_with_its_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
