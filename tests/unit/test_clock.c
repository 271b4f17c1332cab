#include "config.h"
#include "unit.h"

#include "podium/clock.h"

/* Event time of text, which must parse. */
static int64_t at(const char *text)
{
	int64_t t = 0;

	assert_true(clock_parse(text, &t));
	return t;
}

static void parse__reads_minutes_seconds_and_a_T_and_formats_them_back(void **state)
{
	char out[20];

	(void)state;
	clock_format(at("2026-12-04 18:00"), out);
	assert_string_equal(out, "2026-12-04 18:00");
	clock_format_seconds(at("2026-12-04 18:00:42"), out);
	assert_string_equal(out, "2026-12-04 18:00:42");
	assert_int_equal(at("2026-12-04T18:00"), at("2026-12-04 18:00"));
	assert_int_equal(at("2026-12-05 00:00") - at("2026-12-04 18:00"), 6 * 3600);
}

static void parse__refuses_what_is_not_a_date_and_time(void **state)
{
	static const char *bad[] = {
		"", "2026-12-04", "18:00", "2026-13-01 10:00", "2026-12-32 10:00", "2026-02-30 10:00",
		"2026-12-04 25:00", "2026-12-04 18:60", "2026-12-04 18:00 tomorrow", "soon",
	};
	int64_t t;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (clock_parse(bad[i], &t))
			fail_msg("'%s' parsed", bad[i]);
	}
}

static void hm__reads_hours_and_minutes_of_a_day(void **state)
{
	int s = -1;

	(void)state;
	assert_true(clock_parse_hm("09:30", &s));
	assert_int_equal(s, 9 * 3600 + 30 * 60);
	assert_true(clock_parse_hm("00:00", &s));
	assert_int_equal(s, 0);
	assert_false(clock_parse_hm("9h30", &s));
	assert_false(clock_parse_hm("24:30", &s));
	assert_false(clock_parse_hm("", &s));
}

static void now__is_fixed_by_PODIUM_NOW_in_local_time(void **state)
{
	(void)state;
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	assert_int_equal(clock_local_now(), at("2026-11-29 10:00"));
	/* Paris in November is UTC+1 */
	assert_int_equal(clock_to_local(clock_now()), clock_local_now());
	assert_int_equal(clock_local_now() - clock_now(), 3600);
	unsetenv("PODIUM_NOW");
}

static void local__follows_daylight_saving_and_comes_back(void **state)
{
	int64_t winter = at("2026-03-29 01:30"), summer = at("2026-03-29 03:30");

	(void)state;
	/* Paris moved from UTC+1 to UTC+2 at 02:00 that night: one real hour apart */
	assert_int_equal(clock_from_local(summer) - clock_from_local(winter), 3600);
	assert_int_equal(clock_to_local(clock_from_local(winter)), winter);
	assert_int_equal(clock_to_local(clock_from_local(summer)), summer);
}

static void next_weekday__is_today_while_the_time_is_ahead_else_next_week(void **state)
{
	(void)state;
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);	/* a Sunday */
	assert_int_equal(clock_next_weekday_at(5, 18 * 3600), at("2026-12-04 18:00"));
	assert_int_equal(clock_next_weekday_at(0, 12 * 3600), at("2026-11-29 12:00"));
	assert_int_equal(clock_next_weekday_at(0, 9 * 3600), at("2026-12-06 09:00"));
	unsetenv("PODIUM_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__reads_minutes_seconds_and_a_T_and_formats_them_back),
		cmocka_unit_test(parse__refuses_what_is_not_a_date_and_time),
		cmocka_unit_test(hm__reads_hours_and_minutes_of_a_day),
		cmocka_unit_test(now__is_fixed_by_PODIUM_NOW_in_local_time),
		cmocka_unit_test(local__follows_daylight_saving_and_comes_back),
		cmocka_unit_test(next_weekday__is_today_while_the_time_is_ahead_else_next_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
