#include "config.h"
#include "podium/ics.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "podium/clock.h"
#include "podium/common.h"
#include "podium/text.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

#define ICS_LINE_OCTETS 75

struct ics {
	char *text;
	size_t len, cap;
	char stamp[17];		/* DTSTAMP: now in UTC, "YYYYMMDDTHHMMSSZ" */
};

static void put(struct ics *c, const char *s, size_t n)
{
	PD_RESERVE(c->text, c->len + n + 1, c->cap);
	memcpy(c->text + c->len, s, n);
	c->len += n;
	c->text[c->len] = '\0';
}

/* The length of the valid UTF-8 character at s (at most n bytes), or 0 when it is not one. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

/*
 * Write one content line: folded so no line passes 75 octets (a continuation
 * line starts with a space, which counts), never inside a UTF-8 character,
 * and ended by CRLF.
 */
static void put_line(struct ics *c, const char *line)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t n = strlen(line), used = 0;

	while (n > 0) {
		size_t k = utf8_char(s, n);

		if (k == 0)
			k = 1;	/* already cleaned by escape(); never split what is left */
		if (used + k > ICS_LINE_OCTETS) {
			put(c, "\r\n ", 3);
			used = 1;
		}
		put(c, (const char *)s, k);
		used += k;
		s += k;
		n -= k;
	}
	put(c, "\r\n", 2);
}

/*
 * text with invalid UTF-8, controls, bidi and other format characters as
 * U+FFFD (RFC 5545 has no escape for them); a lone CR counts as a line break.
 */
static char *clean_text(const char *text)
{
	char *breaks = pd_strdup(text ? text : ""), *clean;

	for (char *p = breaks; *p; p++)
		if (p[0] == '\r' && p[1] != '\n')
			*p = '\n';
	clean = text_sanitize_lines(breaks);
	free(breaks);
	return clean;
}

/* A TEXT value, cleaned: backslash, ';' and ',' escaped, each line break as "\n". */
static char *escape(const char *text)
{
	char *clean = clean_text(text);
	const unsigned char *s = (const unsigned char *)clean;
	size_t n = strlen(clean), len = 0;
	char *out = pd_malloc(n * 3 + 1);

	while (n > 0) {
		size_t k = utf8_char(s, n);

		if (*s == '\r' || *s == '\n') {
			if (*s == '\r' && n > 1 && s[1] == '\n') {
				s++;
				n--;
			}
			out[len++] = '\\';
			out[len++] = 'n';
			k = 1;
		} else if (*s == '\\' || *s == ';' || *s == ',') {
			out[len++] = '\\';
			out[len++] = (char)*s;
		} else if (k == 0 || (*s < 0x20 && *s != '\t') || *s == 0x7f) {
			memcpy(out + len, "\xef\xbf\xbd", 3);	/* U+FFFD */
			len += 3;
			k = 1;
		} else {
			memcpy(out + len, s, k);
			len += k;
		}
		s += k;
		n -= k;
	}
	out[len] = '\0';
	free(clean);
	return out;
}

static void put_property(struct ics *c, const char *name, const char *value, bool text)
{
	char *v = text ? escape(value) : pd_strdup(value);
	char *line = pd_asprintf("%s:%s", name, v);

	put_line(c, line);
	free(line);
	free(v);
}

/* Event time as a floating DATE-TIME: "YYYYMMDDTHHMMSS". */
static void format_local(int64_t t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 16, "%Y%m%dT%H%M%S", &tm);
}

struct ics *ics_new(const char *name)
{
	struct ics *c = pd_calloc(1, sizeof(*c));
	time_t now = (time_t)clock_now();
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(c->stamp, sizeof(c->stamp), "%Y%m%dT%H%M%SZ", &tm);
	put_line(c, "BEGIN:VCALENDAR");
	put_line(c, "VERSION:2.0");
	put_line(c, "PRODID:-//podium//podium " PACKAGE_VERSION "//EN");
	put_line(c, "CALSCALE:GREGORIAN");
	put_line(c, "METHOD:PUBLISH");
	if (name)
		put_property(c, "X-WR-CALNAME", name, true);
	return c;
}

void ics_add_event(struct ics *c, const char *uid, int64_t start, int64_t end, const char *summary,
		   const char *location, const char *description)
{
	char when[16];

	put_line(c, "BEGIN:VEVENT");
	put_property(c, "UID", uid, true);
	put_property(c, "DTSTAMP", c->stamp, false);
	format_local(start, when);
	put_property(c, "DTSTART", when, false);
	format_local(end, when);
	put_property(c, "DTEND", when, false);
	put_property(c, "SUMMARY", summary, true);
	if (location)
		put_property(c, "LOCATION", location, true);
	if (description)
		put_property(c, "DESCRIPTION", description, true);
	put_line(c, "END:VEVENT");
}

char *ics_finish(struct ics *c)
{
	char *text;

	put_line(c, "END:VCALENDAR");
	text = c->text;
	free(c);
	return text;
}
