#ifndef PODIUM_STALE_H
#define PODIUM_STALE_H

#include <stdint.h>

#include "podium/status.h"

struct store;

/*
 * What kind of change another process committed, so a console reloads only
 * the screens it makes stale. Every write leaves audit rows; their kinds name
 * what changed. A change no row explains counts as every kind.
 */
enum stale_kind {
	WATCH_EVENT = 1 << 0,		/* the event itself: lock, freeze, reveal, policy */
	WATCH_RECORDS = 1 << 1,		/* teams, tracks, judges, coaches, rooms, roles */
	WATCH_RUBRIC = 1 << 2,		/* the criteria */
	WATCH_SHEETS = 1 << 3,		/* scores, conflicts, panels */
	WATCH_SLOTS = 1 << 4,		/* the schedule and the timers */
	WATCH_TIMELINE = 1 << 5,	/* the phases */
	WATCH_COACHING = 1 << 6,	/* stages validated, coaching sessions */
	WATCH_ALL = (1 << 7) - 1,
};

/* The kinds of change an audit row of kind (its "kind" column) stands for. */
unsigned stale_of_audit_kind(const char *kind);

/*
 * The kinds of change committed after the audit row *seq, and *seq moved to
 * the last row. The first call (*seq < 0) only finds where the log ends and
 * returns WATCH_ALL. Returns 0 when no row is new.
 */
enum status stale_since(struct store *st, int64_t *seq, unsigned *kinds);

#endif
