#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/names.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* Tracks, the prize categories: created on first mention by a team, judge or room. */

STMT_DEFINE(q_track_insert, "INSERT INTO track(id, name, name_key) VALUES ($id, $name, $key)");


static enum status track_ensure_in(struct store *st, const char *name, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1], *trimmed, *key;
	struct query *q;
	enum status s;

	if (!name || !text_valid_utf8(name, strlen(name)))
		return status_error(ST_INVALID, name ? "the name of a track is not valid UTF-8"
						     : "a track needs a name");
	trimmed = text_trim(name);
	key = text_key(trimmed);
	if (!trimmed[0]) {
		s = status_error(ST_INVALID, _("a track needs a name"));
		goto out;
	}
	if ((s = name_check_text(name_what(KIND_TRACK), trimmed)) != ST_OK)
		goto out;
	s = record_by_key(st, KIND_TRACK, key, id_out, NULL);
	if (s != ST_NOT_FOUND)
		goto out;
	if ((s = name_check_lookalike(st, KIND_TRACK, trimmed, NULL)) != ST_OK)
		goto out;
	id_new(id);
	q = store_query(st, &q_track_insert);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", trimmed);
	query_bind_text(q, "$key", key);
	s = query_exec(q);
	if (s == ST_OK)
		s = people_finish_add(st, KIND_TRACK, id, id_out);
out:
	free(trimmed);
	free(key);
	return s;
}

struct track_ensure_args {
	const char *name;
	char *id_out;
};

static enum status track_ensure_txn(struct store *st, void *ctx)
{
	struct track_ensure_args *a = ctx;

	return track_ensure_in(st, a->name, a->id_out);
}

enum status track_ensure(struct store *st, const char *name, char id_out[ID_LEN + 1])
{
	struct track_ensure_args a = { name, id_out };

	return store_write(st, track_ensure_txn, &a);
}

enum status track_delete(struct store *st, const char *id)
{
	return people_delete(st, KIND_TRACK, NULL, id);
}
