#ifndef PODIUM_EVENT_H
#define PODIUM_EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/* The one event a file holds. */
struct event {
	char id[ID_LEN + 1];
	char *name;
	int64_t starts_at;	/* event time (clock.h) */
	int hours;
	bool results_locked;
	bool board_frozen;
	int reveal_step;	/* -1 when no ceremony reveal is running */
};

struct event_spec {
	const char *name;
	int64_t starts_at;	/* event time */
	int hours;
};

/*
 * Lay out a new event in an empty file: the event row and the default rubric,
 * each with its audit row, in one transaction; this process's login becomes its
 * organizer, and the event's audit key is created in the account's state folder
 * (evidence.h), or ST_IO when it cannot be.
 */
enum status event_create(struct store *st, const struct event_spec *spec);

/* Read the event; free with event_clear(). ST_NOT_FOUND when the file has none yet. */
enum status event_get(struct store *st, struct event *out);
void event_clear(struct event *e);

/*
 * Lock or unlock the results (organizer only: the caller checks the role).
 * Audited; ST_OK also when it was already so.
 */
enum status event_set_locked(struct store *st, bool locked);

/*
 * The ceremony reveal: step -1 shows the whole board; step n >= 0 shows the
 * n lowest-ranked teams, so each organizer key press reveals one more, from
 * last place to first. Audited.
 */
enum status event_set_reveal(struct store *st, int step);

/* True when the results are locked; for checks inside a write transaction. */
/* The event row as one JSON object (its audit form), newly allocated in *out. */
enum status event_json(struct store *st, char **out);

enum status event_results_locked(struct store *st, bool *locked);

#endif
