#ifndef PODIUM_AUDIT_H
#define PODIUM_AUDIT_H

#include <stdint.h>

#include "podium/status.h"

struct store;

/*
 * The audit log: every change is a row (who, when, what, before, after, why),
 * written inside the transaction that makes the change. Rows form a hash chain:
 * hash = BLAKE2b-256(prev_hash and this row's fields), so an edit of any row
 * breaks the chain at that row.
 */
struct audit_entry {
	const char *action;	/* "create", "update", "delete", "submit", "lock", ... */
	const char *kind;	/* "event", "team", "sheet", ... */
	const char *record_id;	/* may be NULL */
	const char *team_id;	/* for history --team; may be NULL */
	const char *judge_id;	/* for history --judge; may be NULL */
	const char *before;	/* JSON of the record before, or NULL */
	const char *after;	/* JSON of the record after, or NULL */
	const char *reason;	/* may be NULL */
};

/* Who is acting, for every row this process writes ("organizer alice", "judge Chloé Martin"). */
void audit_set_actor(const char *actor);
const char *audit_actor(void);

/* Append one row; call inside store_write(). */
enum status audit_record(struct store *st, const struct audit_entry *e);

/*
 * Verify the chain. Returns ST_OK, or ST_CORRUPT with a message naming the
 * first broken row; *rows (if not NULL) receives the number of rows checked.
 */
enum status audit_verify(struct store *st, int64_t *rows);

#endif
