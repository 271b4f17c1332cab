#ifndef PODIUM_TIMELINE_H
#define PODIUM_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * The event's timeline: phases (kickoff, build, pitches...) and milestones
 * (a phase that starts and ends at once, like the submission deadline), in
 * event time (clock.h). Pinned phases (meals, the awards) never move: a pitch
 * room that slips into one gets a warning (schedule_warnings()).
 */
struct phase {
	char id[ID_LEN + 1];	/* "" for no phase */
	char *name;
	char *kind;		/* kickoff, ideas, teams, build, checkpoint, meal, submission, pitches, deliberation, awards */
	int64_t starts_at, ends_at;
	bool pinned;
};

struct timeline {
	struct phase *items;	/* by start, then end, then name */
	size_t count;
};

/*
 * Lay out the default timeline of an event of hours hours from starts_at,
 * replacing any phases there are, in one transaction. For 48 hours:
 * kickoff, idea pitches and team building on the first evening, the build with
 * a checkpoint per stage of the default rubric, breakfast, lunch and dinner
 * (pinned), the submission deadline, the pitches, the deliberation and the
 * awards (pinned) in the last hours; other lengths scale the same plan.
 * Not audited by itself: the event's creation row (start and hours) fixes it.
 */
enum status timeline_lay_default(struct store *st, int64_t starts_at, int hours);

/* Read every phase; free with timeline_clear(). */
enum status timeline_load(struct store *st, struct timeline *out);
void timeline_clear(struct timeline *t);

/* The index of the first phase of kind kind, or -1. */
int timeline_find_kind(const struct timeline *t, const char *kind);

/*
 * Where the event stands at now (event time): *current receives the innermost
 * phase under way (the latest started of those not over; a zero-length one
 * does not count), *next the first phase or milestone that starts after now.
 * Either may be NULL. Each has id "" and name NULL when there is none. Free
 * each with phase_clear().
 */
enum status timeline_now(struct store *st, int64_t now, struct phase *current, struct phase *next);
void phase_clear(struct phase *p);

/* The same on a timeline already read: indices into t->items, -1 for none. */
void timeline_at(const struct timeline *t, int64_t now, long *current, long *next);

/* A phase to add or change: a milestone has end == start. */
struct phase_spec {
	const char *name;
	const char *kind;	/* NULL or "" for none */
	int64_t starts_at, ends_at;
	bool pinned;
};

/*
 * Add a phase (id NULL; its new id goes to id_out when not NULL) or change the
 * phase id, with its audit row, in one transaction. ST_INVALID for an
 * empty name or an end before the start, ST_NOT_FOUND for an unknown id.
 */
enum status timeline_set(struct store *st, const char *id, const struct phase_spec *spec, char id_out[ID_LEN + 1]);

/* Delete the phase id, audited, in one transaction. */
enum status timeline_delete(struct store *st, const char *id);

/* The index in t of the phase named name (case-insensitive) or with that id, or -1. */
long timeline_find(const struct timeline *t, const char *name_or_id);

/* A change to some of a phase's fields: has_* say which are given. */
struct phase_edit {
	const char *name, *kind;
	bool has_start, has_end, has_pinned;
	int64_t start, end;
	bool pinned;
};

/*
 * Change the fields e gives of the phase named name_or_id (as timeline_find());
 * a new start alone moves the whole phase. Its name after the change goes to
 * *name_out (the caller frees it). One transaction, audited; ST_NOT_FOUND
 * "no phase named ..." when there is none.
 */
enum status timeline_edit(struct store *st, const char *name_or_id, const struct phase_edit *e, char **name_out);

/* Delete the phase named name_or_id (as timeline_edit()); its name goes to *name_out. */
enum status timeline_remove(struct store *st, const char *name_or_id, char **name_out);

/*
 * The timeline as one JSON array (start, end, phase, kind, pinned, id) made by
 * SQLite; the caller frees *out.
 */
enum status timeline_json(struct store *st, char **out);

#endif
