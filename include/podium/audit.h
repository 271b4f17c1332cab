#ifndef PODIUM_AUDIT_H
#define PODIUM_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "podium/status.h"

struct store;

/*
 * The audit log: every change is a row (who, when, what, before, after, why),
 * written inside the transaction that makes the change, at the real time.
 * Rows form a hash chain: hash = BLAKE2b-256(prev_hash and this row's fields),
 * keyed with the event's secret key when the writing account holds it
 * (evidence.h), so an edit of any row breaks the chain at that row and only
 * the key's holder could forge a new one. A sheet's row also carries the state
 * it leaves the sheet in (status and values), so the log can be replayed
 * against the tables. After each commit of a keyed row, the account's head
 * file records that row, so a log cut short shows.
 */
enum audit_form {
	AUDIT_FORM_LEGACY,	/* written before keys and states: unkeyed, no state */
	AUDIT_FORM_UNKEYED,	/* by an account without the key */
	AUDIT_FORM_KEYED,
};
struct audit_entry {
	const char *action;	/* "create", "update", "delete", "submit", "lock", ... */
	const char *kind;	/* "event", "team", "sheet", ... */
	const char *record_id;	/* may be NULL */
	const char *team_id;	/* for history --team; may be NULL */
	const char *judge_id;	/* for history --judge; may be NULL */
	const char *before;	/* JSON of the record before, or NULL */
	const char *after;	/* JSON of the record after, or NULL */
	const char *reason;	/* may be NULL */
	const char *state;	/* a sheet's state as sheet_state_text() writes it; NULL: read from the file */
};

/* Who is acting, for every row this process writes ("organizer alice", "judge Chloé Martin"). */
void audit_set_actor(const char *actor);
const char *audit_actor(void);

/* Append one row; call inside store_write(). */
enum status audit_record(struct store *st, const struct audit_entry *e);

struct audit_report {
	int64_t total;		/* rows in the log */
	int64_t rows;		/* rows verified, up to the first break */
	int64_t forms[3];	/* of those, per enum audit_form */
	int64_t unsealed;	/* rows after the last keyed one: nothing keyed covers them yet */
	bool has_key;		/* this account can read the event's key */
	bool head_present;	/* and keeps a head for it */
	bool head_elsewhere;	/* kept for the event's file at another path: this one is a copy */
	int64_t head_seq;
	int problems;
};

typedef void (*audit_problem_fn)(void *ctx, const char *problem);

/*
 * Verify the chain: sequence, links, hashes (keyed ones only with the key),
 * and the head this account keeps (a log cut short or rewritten at its end).
 * Each problem goes to problem() as one line; *out says what could be proven.
 * Returns ST_OK, or the error that stopped the reading.
 */
enum status audit_verify_report(struct store *st, audit_problem_fn problem, void *ctx, struct audit_report *out);

/*
 * The short form: ST_OK, or ST_CORRUPT with the first problem's message;
 * *rows (if not NULL) receives the number of rows verified.
 */
enum status audit_verify(struct store *st, int64_t *rows);

#endif
