#ifndef PODIUM_DEMO_H
#define PODIUM_DEMO_H

#include <stddef.h>

#include "podium/status.h"

struct store;

#define DEMO_EVENT_NAME "Hack for Good — Lyon 2026"

/* What demo_create() made. */
struct demo_summary {
	size_t teams;
	size_t judges;
	size_t coaches;
	size_t rooms;
	size_t submitted; /* complete, submitted sheets */
	size_t drafts;	  /* draft sheets */
};

/*
 * Fill a file that holds no event with a realistic one: DEMO_EVENT_NAME, 48
 * hours from next Friday 18:00, five tracks, 24 teams (French, English,
 * Japanese names, one with an emoji, one with a comma), 9 judges, 4 coaches
 * with availability windows, 3 rooms, the default rubric, the pitches planned,
 * submitted sheets from 3 judges for 12 teams and 2 drafts, and judge panels
 * of 3 judges a team as panel_assign() makes them: every sheet's judge sits on
 * its team's panel, and no judge is in two rooms at once. The scores are made
 * up but the same on every run. Everything goes through the CSV imports, so it is checked
 * and audited as an organizer's import would be; each kind is its own
 * transaction, so a failure can leave part of the demo behind (the CLI removes
 * a file it created for it).
 * ST_EXISTS (nothing touched) when the file already holds an event.
 * *out (if not NULL) receives the counts.
 */
enum status demo_create(struct store *st, struct demo_summary *out);

#endif
