#ifndef PODIUM_PEOPLE_H
#define PODIUM_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/record.h"
#include "podium/status.h"

struct store;

/*
 * The records that have names: tracks, teams, judges, coaches and rooms.
 *
 * Every function that writes opens its own transaction (store_write(); called
 * inside a caller's write it joins it, so an import or a console action stays
 * one transaction), and writes its audit row there: "create" with the record's JSON after,
 * "update" with before and after, "delete" with before.
 *
 * Names are trimmed, must be non-empty UTF-8 and are unique per kind,
 * case-insensitively for all of Unicode: ST_CONFLICT "a team named 'X' already
 * exists". Every other text must be UTF-8 (ST_INVALID). Strings in specs may
 * be NULL, read as "". Lists of track names create the missing tracks
 * (track_ensure()); a name given twice in a list counts once.
 */

/*
 * The id of the track called name (case-insensitive), created with its audit
 * row when there is none. ST_INVALID for an empty name or bad UTF-8.
 */
enum status track_ensure(struct store *st, const char *name, char id_out[ID_LEN + 1]);

/* Delete a track (its links to teams, judges and rooms go with it). ST_NOT_FOUND when there is
 * none. */
enum status track_delete(struct store *st, const char *id);

struct team_spec {
	const char *name;
	const char *project;
	const char *table;		/* where the team sits: "B12" */
	const char *description;
	char **tracks;			/* track names */
	size_t ntracks;
	char **members;			/* member names, in order */
	size_t nmembers;
};

/* Add a team; its new id goes to id_out (may be NULL). */
enum status team_add(struct store *st, const struct team_spec *spec, char id_out[ID_LEN + 1]);

/* Replace every field of team id (tracks and members included) with spec's. ST_NOT_FOUND when there
 * is none. */
enum status team_update(struct store *st, const char *id, const struct team_spec *spec);

/*
 * Delete team id with its sheets, members, links and conflicts. ST_LOCKED when
 * the results are locked and the team has sheets.
 */
enum status team_delete(struct store *st, const char *id);

/* How many submitted sheets team id has, in *out (deleting it would lose them). */
enum status team_submitted_sheets(struct store *st, const char *id, size_t *out);

struct judge_spec {
	const char *name;
	const char *email;
	char **tracks;			/* the tracks the judge judges */
	size_t ntracks;
	const char
	    *unix_user; /* the login that opens the judge's console; NULL or "" for none; unique */
	/*
	 * The judge's PIN, stored only as an Argon2id hash. For judge_add: NULL or
	 * "" for none. For judge_update: NULL keeps the PIN, "" removes it.
	 */
	const char *pin;
};

/* Record id of kind as one JSON object (its audit form), newly allocated in *out; ST_NOT_FOUND says so. */
enum status people_json(struct store *st, enum record_kind kind, const char *id, char **out);

/*
 * Rename a track, team, judge, coach or room, keeping everything else;
 * audited, in one transaction. ST_CONFLICT when the name is taken.
 */
enum status people_rename(struct store *st, enum record_kind kind, const char *id, const char *name);

/*
 * The editable fields of a record as text, for a form: teams (project, table,
 * tracks, members, description), judges (email, tracks, unix_user), coaches
 * (email, skills, availability), rooms (tracks, capacity); lists joined by
 * "; " and windows as "YYYY-MM-DD HH:MM-HH:MM", so what people_apply_fields()
 * reads back. Unused fields are "". Free with people_fields_clear().
 */
#define PEOPLE_FIELDS 5
struct people_fields {
	char *value[PEOPLE_FIELDS];
};
enum status people_fields(struct store *st, enum record_kind kind, const char *id, struct people_fields *out);
void people_fields_clear(struct people_fields *f);

/*
 * Write back edited fields (as people_fields() gives them) with the record's
 * name, through the kind's update; pin (judges only) NULL keeps the PIN, ""
 * removes it. One transaction, audited.
 */
enum status people_apply_fields(struct store *st, enum record_kind kind, const char *id, const char *name,
				const struct people_fields *f, const char *pin);


/*
 * Add a judge (id to id_out, which may be NULL), or replace judge id's fields.
 * ST_CONFLICT for a name or unix_user another judge has; ST_INVALID for a PIN
 * of the wrong length or a unix_user that is not a user name.
 */
enum status judge_add(struct store *st, const struct judge_spec *spec, char id_out[ID_LEN + 1]);
enum status judge_update(struct store *st, const char *id, const struct judge_spec *spec);

/* Delete judge id with their sheets and conflicts; ST_LOCKED when results are locked and they have
 * sheets. */
enum status judge_delete(struct store *st, const char *id);

/* Whether judge id is still one of the event's (the organizer may delete a judge at any time). */
enum status judge_exists(struct store *st, const char *id, bool *out);


/* A coach's availability, in event time (clock.h): [start, end). */
struct coach_window {
	int64_t start;
	int64_t end;
};

/*
 * Parse "YYYY-MM-DD HH:MM-HH:MM" (spaces around the dash allowed). An end at
 * or before the start ends the next day ("22:00-02:00"), an end equal to the
 * start is refused. False when s is not such a window.
 */
bool coach_parse_window(const char *s, struct coach_window *out);

struct coach_spec {
	const char *name;
	const char *email;
	char **skills;			/* free text, matched case-insensitively */
	size_t nskills;
	const struct coach_window *windows;	/* may not overlap (ST_INVALID) */
	size_t nwindows;
	const char *unix_user;		/* the coach's login; "" for none; NULL keeps it on an update */
};

/*
 * Add a coach (id to id_out, which may be NULL), replace coach id's fields
 * (skills and windows included), or delete coach id.
 */
enum status coach_add(struct store *st, const struct coach_spec *spec, char id_out[ID_LEN + 1]);
enum status coach_update(struct store *st, const char *id, const struct coach_spec *spec);
enum status coach_delete(struct store *st, const char *id);

struct room_spec {
	const char *name;
	char **tracks;			/* the tracks whose pitches the room prefers */
	size_t ntracks;
	int64_t capacity;		/* seats; -1 when not known */
};

/*
 * Add a room (id to id_out, which may be NULL), replace room id's fields, or
 * delete room id. ST_INVALID for a capacity below -1 or above 100000.
 */
enum status room_add(struct store *st, const struct room_spec *spec, char id_out[ID_LEN + 1]);
enum status room_update(struct store *st, const char *id, const struct room_spec *spec);
enum status room_delete(struct store *st, const char *id);

#endif
