#ifndef PODIUM_ICS_H
#define PODIUM_ICS_H

#include <stdint.h>

/*
 * An iCalendar (RFC 5545) writer: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), TEXT values escaped (backslash, ';', ','
 * and newlines). Event times are the event's local time, written as floating
 * DATE-TIME values (no time zone); DTSTAMP is the real time in UTC.
 */
struct ics;

/* A calendar named name (X-WR-CALNAME). */
struct ics *ics_new(const char *name);

/* Add one VEVENT; uid must be unique and stable (a record's UUID and what it is). location/description may be NULL. */
void ics_add_event(struct ics *c, const char *uid, int64_t start, int64_t end, const char *summary,
		   const char *location, const char *description);

/* End the calendar and return its text (the caller frees it); frees c. */
char *ics_finish(struct ics *c);

#endif
