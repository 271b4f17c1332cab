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

/* Teams: their project, table, tracks and members. */

STMT_DEFINE(q_team_insert,
	    "INSERT INTO team(id, name, name_key, project, table_label, description)"
	    " VALUES ($id, $name, $key, $project, $table, $description)");
STMT_DEFINE(q_team_update,
	    "UPDATE team SET name = $name, name_key = $key, project = $project, table_label = $table,"
	    " description = $description WHERE id = $id");
STMT_DEFINE(q_team_track_clear, "DELETE FROM team_track WHERE team_id = $id");
STMT_DEFINE(q_team_track_add,
	    "INSERT OR IGNORE INTO team_track(team_id, track_id) VALUES ($id, $track)");
STMT_DEFINE(q_team_member_clear, "DELETE FROM team_member WHERE team_id = $id");
STMT_DEFINE(q_team_member_add,
	    "INSERT INTO team_member(team_id, position, name) VALUES ($id, $position, $name)");
STMT_DEFINE(q_team_sheet_count, "SELECT count(*) FROM sheet WHERE team_id = $id");
STMT_DEFINE(q_team_submitted_count,
	    "SELECT count(*) FROM sheet WHERE team_id = $id AND status = 'submitted'");
enum { SUBMITTED_COUNT };


static enum status check_member(const char *name)
{
	char *trimmed = text_trim(name);
	enum status s = name_check_text(_("member name"), trimmed);

	free(trimmed);
	return s;
}

static enum status check_team(const struct team_spec *spec)
{
	enum status s = people_check_utf8("project", spec->project);

	if (s == ST_OK)
		s = people_check_utf8("table", spec->table);
	if (s == ST_OK)
		s = people_check_utf8("description", spec->description);
	for (size_t i = 0; s == ST_OK && i < spec->nmembers; i++) {
		s = people_check_utf8("name of a member", spec->members[i]);
		if (s == ST_OK && spec->members[i])
			s = check_member(spec->members[i]);
	}
	return s;
}

static enum status write_team(struct store *st, struct stmt *stmt, const char *id,
			      const struct people_named *n, const struct team_spec *spec)
{
	struct query *q = store_query(st, stmt);
	enum status s;
	int64_t position = 0;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$project", people_or_empty(spec->project));
	query_bind_text(q, "$table", people_or_empty(spec->table));
	query_bind_text(q, "$description", people_or_empty(spec->description));
	s = query_exec(q);
	if (s == ST_OK)
		s = people_link_tracks(st, &q_team_track_clear, &q_team_track_add, id, spec->tracks,
				spec->ntracks);
	if (s == ST_OK) {
		q = store_query(st, &q_team_member_clear);
		query_bind_text(q, "$id", id);
		s = query_exec(q);
	}
	for (size_t i = 0; s == ST_OK && i < spec->nmembers; i++) {
		char *member = text_trim(spec->members[i]);

		if (member[0]) {
			q = store_query(st, &q_team_member_add);
			query_bind_text(q, "$id", id);
			query_bind_int(q, "$position", ++position);
			query_bind_text(q, "$name", member);
			s = query_exec(q);
		}
		free(member);
	}
	return s;
}

static enum status team_add_in(struct store *st, const struct team_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct people_named n;
	enum status s = check_team(spec);

	if (s == ST_OK)
		s = people_named_prepare(st, KIND_TEAM, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_team(st, &q_team_insert, id, &n, spec);
	people_named_clear(&n);
	return s == ST_OK ? people_finish_add(st, KIND_TEAM, id, id_out) : s;
}

struct team_add_args {
	const struct team_spec *spec;
	char *id_out;
};

static enum status team_add_txn(struct store *st, void *ctx)
{
	struct team_add_args *a = ctx;

	return team_add_in(st, a->spec, a->id_out);
}

enum status team_add(struct store *st, const struct team_spec *spec, char id_out[ID_LEN + 1])
{
	struct team_add_args a = { spec, id_out };

	return store_write(st, team_add_txn, &a);
}

static enum status team_update_in(struct store *st, const char *id, const struct team_spec *spec)
{
	char *before = NULL;
	struct people_named n;
	enum status s = check_team(spec);

	if (s == ST_OK)
		s = people_json(st, KIND_TEAM, id, &before);
	if (s == ST_OK)
		s = people_named_prepare(st, KIND_TEAM, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_team(st, &q_team_update, id, &n, spec);
	people_named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return people_finish_update(st, KIND_TEAM, id, before);
}

struct team_update_args {
	const char *id;
	const struct team_spec *spec;
};

static enum status team_update_txn(struct store *st, void *ctx)
{
	struct team_update_args *a = ctx;

	return team_update_in(st, a->id, a->spec);
}

enum status team_update(struct store *st, const char *id, const struct team_spec *spec)
{
	struct team_update_args a = { id, spec };

	return store_write(st, team_update_txn, &a);
}

enum status team_delete(struct store *st, const char *id)
{
	return people_delete(st, KIND_TEAM, &q_team_sheet_count, id);
}

enum status team_submitted_sheets(struct store *st, const char *id, size_t *out)
{
	struct query *q = store_query(st, &q_team_submitted_count);
	enum status s;

	query_bind_text(q, "$id", id);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	*out = (size_t)query_int(q, SUBMITTED_COUNT);
	query_reset(q);
	return ST_OK;
}
