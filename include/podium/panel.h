#ifndef PODIUM_PANEL_H
#define PODIUM_PANEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * Judge panels: which judges see which team's pitch. Rules, in order:
 * - every team is seen by per_team judges;
 * - no judge judges a team they declared a conflict with;
 * - no judge is in two rooms at once: two of a judge's teams never pitch at
 *   overlapping times (planned slot: starts_at for pitch + Q&A) in different rooms;
 * - a judge who already has a sheet for a team stays on its panel where the
 *   rules above allow it;
 * - loads stay within one team of each other where the rules above allow it;
 * - judges who share a track with the team are preferred.
 * Without pitch slots, only the time rule is left out.
 */

/* The most judges per team panel_assign() accepts. */
#define PANEL_MAX_PER_TEAM 50

struct panel_result {
	size_t teams;  /* teams given a panel */
	size_t judges; /* judges in the event */
	size_t assignments;
	size_t experts; /* assignments where judge and team share a track */
	size_t untimed; /* teams without a pitch slot (assigned without a time) */
	bool timed;	/* pitch slots existed and constrained the panels */
	size_t min_load, max_load;
};

/*
 * Replace every assignment with new panels of per_team judges per team, in one
 * audited transaction. An impossible request changes nothing and returns
 * ST_INVALID with a message that says what would make it possible: no teams
 * or judges, fewer judges than per_team, a team with fewer judges free of
 * conflicts than per_team, more rooms pitching at once than the judges can
 * fill. *out (may be NULL) receives what was done.
 */
enum status panel_assign(struct store *st, int per_team, struct panel_result *out);

/* A judge or a team with a count: a judge's teams, or a team's judges. */
struct panel_count {
	char id[ID_LEN + 1];
	char *name;
	size_t count;
};

struct panel_coverage {
	int per_team; /* the K checked against */
	size_t teams, judges, assignments;
	struct panel_count *loads; /* every judge and how many teams they see, by name */
	size_t nloads;
	struct panel_count *short_teams; /* teams seen by fewer than per_team judges, by name */
	size_t nshort;
	size_t min_load, max_load; /* over every judge */
	size_t conflicted;	   /* assignments against a declared conflict */
	size_t clashes; /* pairs of a judge's teams pitching at once in different rooms */
};

/*
 * How well the panels cover the teams: per_team > 0 checks against that many
 * judges per team; 0 against the number the last 'assign judges' asked for
 * (0 when panels were never assigned: then no team counts as short). Read-only.
 * Free with panel_coverage_clear().
 */
enum status panel_coverage(struct store *st, int per_team, struct panel_coverage *out);
void panel_coverage_clear(struct panel_coverage *c);

/* True when judge (an id) sits on team's (an id) panel. */
bool panel_has(struct store *st, const char *judge, const char *team);

#endif
