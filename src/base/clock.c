#include "config.h"
#include "podium/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Read exactly n ASCII digits at *p (no sign, no space) and move past them. */
static bool read_digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		char c = (*p)[i];

		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool read_char(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

/* "YYYY-MM-DD HH:MM[:SS]" (or a 'T' between), nothing before or after. */
static bool parse_fields(const char *s, struct tm *tm)
{
	int y, mo, d, h, mi, sec = 0;

	memset(tm, 0, sizeof(*tm));
	if (!read_digits(&s, 4, &y) || !read_char(&s, '-') || !read_digits(&s, 2, &mo) ||
	    !read_char(&s, '-') || !read_digits(&s, 2, &d))
		return false;
	if (!read_char(&s, ' ') && !read_char(&s, 'T'))
		return false;
	if (!read_digits(&s, 2, &h) || !read_char(&s, ':') || !read_digits(&s, 2, &mi))
		return false;
	if (read_char(&s, ':') && !read_digits(&s, 2, &sec))
		return false;
	if (*s != '\0')
		return false;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
		return false;
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	return true;
}

bool clock_parse(const char *s, int64_t *out)
{
	struct tm tm, check;
	time_t t;
	int mday;

	if (!s || !parse_fields(s, &tm))
		return false;
	mday = tm.tm_mday;
	t = timegm(&tm);
	/* reject dates like 2026-02-31 that timegm() would roll over */
	gmtime_r(&t, &check);
	if (check.tm_mday != mday)
		return false;
	*out = (int64_t)t;
	return true;
}

int64_t clock_to_local(int64_t unix_time)
{
	time_t t = (time_t)unix_time;
	struct tm tm;

	localtime_r(&t, &tm);
	return (int64_t)timegm(&tm);
}

int64_t clock_from_local(int64_t local_time)
{
	time_t t = (time_t)local_time;
	struct tm tm;

	gmtime_r(&t, &tm);
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int64_t clock_now(void)
{
	const char *fixed = getenv("PODIUM_NOW");
	int64_t local;

	if (fixed && clock_parse(fixed, &local))
		return clock_from_local(local);
	return (int64_t)time(NULL);
}

int64_t clock_local_now(void)
{
	return clock_to_local(clock_now());
}

void clock_format(int64_t local_time, char out[17])
{
	time_t t = (time_t)local_time;
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(out, 17, "%Y-%m-%d %H:%M", &tm))
		out[0] = '\0';
}

void clock_format_seconds(int64_t local_time, char out[20])
{
	time_t t = (time_t)local_time;
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm))
		out[0] = '\0';
}

bool clock_parse_hm(const char *s, int *seconds)
{
	const char *p = s;
	int h, m;

	/* "9:30" or "09:30" */
	if (!read_digits(&p, 2, &h)) {
		p = s;
		if (!read_digits(&p, 1, &h))
			return false;
	}
	if (!read_char(&p, ':') || !read_digits(&p, 2, &m) || *p != '\0' || h > 24 || m > 59 ||
	    (h == 24 && m != 0))
		return false;
	*seconds = h * 3600 + m * 60;
	return true;
}

int64_t clock_next_weekday_at(int weekday, int seconds)
{
	int64_t now = clock_local_now(), day = now - now % 86400;
	int today = (int)((day / 86400 + 4) % 7);	/* 1970-01-01 was a Thursday */
	int ahead = (weekday - today + 7) % 7;

	if (ahead == 0 && now >= day + seconds)
		ahead = 7;
	return day + ahead * 86400 + seconds;
}

void clock_format_human(int64_t local_time, char *out, size_t n)
{
	time_t t = (time_t)local_time;
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(out, n, "%a %-d %b %H:%M:%S", &tm) && n)
		out[0] = '\0';
}
