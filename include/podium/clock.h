#ifndef PODIUM_CLOCK_H
#define PODIUM_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Time. Two kinds of value:
 * - real time: Unix seconds (audit rows, sheet timestamps);
 * - event time: the event's local wall-clock time as seconds since 1970 read
 *   as if it were UTC, so "2026-12-04 18:00" is one number everywhere and
 *   arithmetic on it never meets a daylight-saving jump.
 * PODIUM_NOW="YYYY-MM-DD HH:MM[:SS]" (local time) fixes the clock for tests.
 */

/* Now, in real time. */
int64_t clock_now(void);

/* Now, in event time. */
int64_t clock_local_now(void);

/* Real time to event time, and back. */
int64_t clock_to_local(int64_t unix_time);
int64_t clock_from_local(int64_t local_time);

/* Parse "YYYY-MM-DD HH:MM" (or with ":SS", or a 'T' between) into event time. */
bool clock_parse(const char *s, int64_t *out);

/* Format event time as "YYYY-MM-DD HH:MM" into out (at least 17 bytes). */
void clock_format(int64_t local_time, char out[17]);

/* Format event time as "YYYY-MM-DD HH:MM:SS" into out (at least 20 bytes). */
void clock_format_seconds(int64_t local_time, char out[20]);

/*
 * Event time for people, in the language of the locale: "Sat 5 Dec 14:30:05"
 * ("sam. 5 déc. 14:30:05" in French). Files and exports keep the fixed formats.
 */
void clock_format_human(int64_t local_time, char *out, size_t n);

/* Parse "HH:MM" into seconds since midnight. */
bool clock_parse_hm(const char *s, int *seconds);

/*
 * The next time (event time, after now) that falls on weekday (0 = Sunday ..
 * 6 = Saturday) at seconds past midnight: today when that time is still ahead.
 * clock_next_weekday_at(5, 18 * 3600) is next Friday 18:00.
 */
int64_t clock_next_weekday_at(int weekday, int seconds);

#endif
