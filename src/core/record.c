#include "config.h"
#include "podium/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_coach_by_id, "SELECT id, name FROM coach WHERE id = $id");
STMT_DEFINE(q_coach_by_key, "SELECT id, name FROM coach WHERE name_key = $key");
STMT_DEFINE(q_criterion_by_id, "SELECT id, name FROM criterion WHERE id = $id");
STMT_DEFINE(q_criterion_by_key, "SELECT id, name FROM criterion WHERE name_key = $key");
STMT_DEFINE(q_judge_by_id, "SELECT id, name FROM judge WHERE id = $id");
STMT_DEFINE(q_judge_by_key, "SELECT id, name FROM judge WHERE name_key = $key");
STMT_DEFINE(q_room_by_id, "SELECT id, name FROM room WHERE id = $id");
STMT_DEFINE(q_room_by_key, "SELECT id, name FROM room WHERE name_key = $key");
STMT_DEFINE(q_team_by_id, "SELECT id, name FROM team WHERE id = $id");
STMT_DEFINE(q_team_by_key, "SELECT id, name FROM team WHERE name_key = $key");
STMT_DEFINE(q_track_by_id, "SELECT id, name FROM track WHERE id = $id");
STMT_DEFINE(q_track_by_key, "SELECT id, name FROM track WHERE name_key = $key");
/* Every lookup above reads the same two columns. */
enum { LOOKUP_ID, LOOKUP_NAME };

static const struct {
	const char *one, *many, *missing;
} kinds[] = {
#define RECORD_KIND_ROW(id, one, many, missing) \
	[KIND_##id] = { one, many, missing },
	RECORD_KIND_INFO(RECORD_KIND_ROW)
#undef RECORD_KIND_ROW
};

static struct stmt *const by_key[KIND_COUNT] = {
	[KIND_TRACK] = &q_track_by_key, [KIND_TEAM] = &q_team_by_key, [KIND_JUDGE] = &q_judge_by_key,
	[KIND_COACH] = &q_coach_by_key, [KIND_ROOM] = &q_room_by_key, [KIND_CRITERION] = &q_criterion_by_key,
};

static struct stmt *const by_id[KIND_COUNT] = {
	[KIND_TRACK] = &q_track_by_id, [KIND_TEAM] = &q_team_by_id, [KIND_JUDGE] = &q_judge_by_id,
	[KIND_COACH] = &q_coach_by_id, [KIND_ROOM] = &q_room_by_id, [KIND_CRITERION] = &q_criterion_by_id,
};

const char *record_kind_key(enum record_kind kind)
{
	return kinds[kind].one;
}

const char *record_kind_name(enum record_kind kind)
{
	return _(kinds[kind].one);
}

const char *record_kind_plural(enum record_kind kind)
{
	return _(kinds[kind].many);
}

static enum status fetch(struct query *q, char id[ID_LEN + 1], char **name)
{
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? ST_NOT_FOUND : s;
	snprintf(id, ID_LEN + 1, "%s", query_text(q, LOOKUP_ID));
	if (name)
		*name = pd_strdup(query_text(q, LOOKUP_NAME));
	query_reset(q);
	return ST_OK;
}

enum status record_find(struct store *st, enum record_kind kind, const char *name_or_id,
			char id[ID_LEN + 1], char **name)
{
	char uuid[ID_LEN + 1];
	enum status s;
	char *key;

	if (name)
		*name = NULL;
	if (id_normalize(name_or_id, uuid)) {
		struct query *q = store_query(st, by_id[kind]);

		query_bind_text(q, "$id", uuid);
		s = fetch(q, id, name);
		if (s != ST_NOT_FOUND)
			return s;
	}
	key = text_key(name_or_id);
	if (key && key[0]) {
		s = record_by_key(st, kind, key, id, name);
	} else {
		s = ST_NOT_FOUND;
	}
	free(key);
	if (s == ST_NOT_FOUND) {
		char *shown = text_fit(name_or_id, 60, NULL);

		s = status_error(ST_NOT_FOUND, _(kinds[kind].missing), shown);
		free(shown);
	}
	return s;
}

enum status record_by_key(struct store *st, enum record_kind kind, const char *key, char id[ID_LEN + 1],
			  char **name)
{
	struct query *q = store_query(st, by_key[kind]);

	if (name)
		*name = NULL;
	query_bind_text(q, "$key", key);
	return fetch(q, id, name);
}

enum status record_name(struct store *st, enum record_kind kind, const char *id, char **name)
{
	struct query *q = store_query(st, by_id[kind]);
	char found[ID_LEN + 1];
	enum status s;

	*name = NULL;
	query_bind_text(q, "$id", id);
	s = fetch(q, found, name);
	if (s == ST_NOT_FOUND)
		return status_error(ST_NOT_FOUND, _("no %s with the id '%s'"), record_kind_name(kind), id);
	return s;
}
