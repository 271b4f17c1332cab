#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* Rooms: the tracks they hold and their capacity. */

STMT_DEFINE(q_room_insert,
	    "INSERT INTO room(id, name, name_key, capacity) VALUES ($id, $name, $key, $capacity)");
STMT_DEFINE(q_room_update,
	    "UPDATE room SET name = $name, name_key = $key, capacity = $capacity WHERE id = $id");
STMT_DEFINE(q_room_track_clear, "DELETE FROM room_track WHERE room_id = $id");
STMT_DEFINE(q_room_track_add,
	    "INSERT OR IGNORE INTO room_track(room_id, track_id) VALUES ($id, $track)");


/* Seats beyond this are a typo, not a room. */
#define ROOM_CAPACITY_MAX 100000

static enum status check_room(const struct room_spec *spec)
{
	if (spec->capacity < -1 || spec->capacity > ROOM_CAPACITY_MAX)
		return status_error(ST_INVALID,
				    _("a room's capacity must be a whole number from 0 to %d"),
				    ROOM_CAPACITY_MAX);
	return ST_OK;
}

static enum status write_room(struct store *st, struct stmt *stmt, const char *id,
			      const struct people_named *n, const struct room_spec *spec)
{
	struct query *q = store_query(st, stmt);
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	if (spec->capacity < 0)
		query_bind_null(q, "$capacity");
	else
		query_bind_int(q, "$capacity", spec->capacity);
	s = query_exec(q);
	if (s == ST_OK)
		s = people_link_tracks(st, &q_room_track_clear, &q_room_track_add, id, spec->tracks,
				spec->ntracks);
	return s;
}

static enum status room_add_in(struct store *st, const struct room_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct people_named n;
	enum status s = check_room(spec);

	if (s == ST_OK)
		s = people_named_prepare(st, KIND_ROOM, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_room(st, &q_room_insert, id, &n, spec);
	people_named_clear(&n);
	return s == ST_OK ? people_finish_add(st, KIND_ROOM, id, id_out) : s;
}

struct room_add_args {
	const struct room_spec *spec;
	char *id_out;
};

static enum status room_add_txn(struct store *st, void *ctx)
{
	struct room_add_args *a = ctx;

	return room_add_in(st, a->spec, a->id_out);
}

enum status room_add(struct store *st, const struct room_spec *spec, char id_out[ID_LEN + 1])
{
	struct room_add_args a = { spec, id_out };

	return store_write(st, room_add_txn, &a);
}

static enum status room_update_in(struct store *st, const char *id, const struct room_spec *spec)
{
	char *before = NULL;
	struct people_named n;
	enum status s = check_room(spec);

	if (s == ST_OK)
		s = people_json(st, KIND_ROOM, id, &before);
	if (s == ST_OK)
		s = people_named_prepare(st, KIND_ROOM, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_room(st, &q_room_update, id, &n, spec);
	people_named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return people_finish_update(st, KIND_ROOM, id, before);
}

struct room_update_args {
	const char *id;
	const struct room_spec *spec;
};

static enum status room_update_txn(struct store *st, void *ctx)
{
	struct room_update_args *a = ctx;

	return room_update_in(st, a->id, a->spec);
}

enum status room_update(struct store *st, const char *id, const struct room_spec *spec)
{
	struct room_update_args a = { id, spec };

	return store_write(st, room_update_txn, &a);
}

enum status room_delete(struct store *st, const char *id)
{
	return people_delete(st, KIND_ROOM, NULL, id);
}
