#ifndef PODIUM_PEOPLE_INTERNAL_H
#define PODIUM_PEOPLE_INTERNAL_H

#include <stddef.h>

#include "podium/id.h"
#include "podium/people.h"
#include "podium/record.h"
#include "podium/status.h"

/*
 * What the files of the people module share (one file per record kind,
 * people.c for what every kind does: its audit form, rename, delete).
 */

struct stmt;

/* A record's name, trimmed, and its matching key. */
struct people_named {
	char *name;
	char *key;
};

const char *people_or_empty(const char *s);

/* ST_INVALID "the WHAT is not valid UTF-8" unless s is NULL or valid. */
enum status people_check_utf8(const char *what, const char *s);

/*
 * Check name for a record of kind: non-empty UTF-8 that shows what it is
 * (name_check_text()), no other record of the kind (other than self_id, when
 * updating) holds its key, and none has a name that looks like it.
 */
enum status people_named_prepare(struct store *st, enum record_kind kind, const char *name,
				 const char *self_id, struct people_named *out);
void people_named_clear(struct people_named *n);

/* An audit row for record id of kind. */
enum status people_audit_change(struct store *st, enum record_kind kind, const char *action,
				const char *id, const char *before, const char *after);

/* After a new record is written: its audit row, and its id for the caller. */
enum status people_finish_add(struct store *st, enum record_kind kind, const char *id,
			      char id_out[ID_LEN + 1]);

/* After a record changed: an audit row, unless nothing changed at all. Frees before. */
enum status people_finish_update(struct store *st, enum record_kind kind, const char *id,
				 char *before);

/* Delete record id of kind with its audit row (before). */
enum status people_delete_record(struct store *st, enum record_kind kind, const char *id);

/*
 * Delete record id of kind in a write of its own: with count_stmt (a team's or
 * a judge's sheets), refused while the results are locked and it has sheets.
 */
enum status people_delete(struct store *st, enum record_kind kind, struct stmt *count_stmt, const char *id);

/* Refuse to delete a team or judge with sheets once the results are locked (count_stmt: their count). */
enum { COUNT_SHEETS };
enum status people_check_unlocked(struct store *st, enum record_kind kind, struct stmt *count_stmt,
				  const char *id);

/* Replace the track links of record id: clear, then link each named track (created when missing). */
enum status people_link_tracks(struct store *st, struct stmt *clear, struct stmt *add, const char *id,
			       char **tracks, size_t n);

/*
 * A login given to a judge or a coach (kind): a valid user name that no other
 * record of that kind (found by by_user, which gives its id and name) holds already.
 */
enum { BY_USER_ID, BY_USER_NAME };
enum status people_check_unix_user(struct store *st, enum record_kind kind, struct stmt *by_user, const char *self_id,
				   const char *user);

#endif
