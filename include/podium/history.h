#ifndef PODIUM_HISTORY_H
#define PODIUM_HISTORY_H

#include <stdint.h>

#include "podium/status.h"

struct store;

/*
 * The change history: the audit log as people read it, oldest first.
 */

/* Which rows: ids (not names) of a team and a judge, or NULL for any. */
struct history_filter {
	const char *team_id;	/* rows about this team's sheets, and its own record */
	const char *judge_id;	/* rows about this judge's sheets, and their own record */
};

/* One row; every string is valid only during the callback. */
struct history_row {
	int64_t seq;
	const char *at;			/* local time, "YYYY-MM-DD HH:MM:SS" */
	const char *actor;		/* "organizer alice" */
	const char *action;		/* "create", "update", "submit", "correct", "lock", ... */
	const char *kind;		/* "sheet", "team", "event", ... */
	const char *record;		/* the record's name ("Chloé Martin → Les Castors" for a sheet), or "" */
	const char *before;		/* JSON of the record before, or NULL */
	const char *after;		/* JSON of the record after, or NULL */
	const char *before_changed;	/* only the fields that changed, as "Pitch=3 status=draft", or "" */
	const char *after_changed;	/* the same fields after the change, or "" */
	const char *reason;		/* or NULL */
};

typedef enum status (*history_fn)(void *ctx, const struct history_row *row);

/*
 * Call fn for each row that f lets through, oldest first. fn must not use the
 * store; a status other than ST_OK from fn stops the walk and is returned.
 */
enum status history_each(struct store *st, const struct history_filter *f, history_fn fn, void *ctx);

/*
 * The same rows as one JSON array (built by SQLite), each an object with seq,
 * at, actor, action, kind, record_id, record, team_id, judge_id, before and
 * after (embedded JSON) and reason. *out is newly allocated; the caller frees it.
 */
enum status history_json(struct store *st, const struct history_filter *f, char **out);

#endif
