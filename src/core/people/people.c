#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/names.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* What every kind of named record shares: its audit form (people_json()), rename and delete. */

/* A JSON array of the names of record r's tracks, in name order, through the link table's column col. */
#define STMT_TRACK_NAMES(link, col) \
	"(SELECT json_group_array(name) FROM (SELECT k.name FROM " link " x JOIN track k ON k.id = x.track_id" \
	" WHERE x." col " = r.id ORDER BY k.name_key))"

STMT_DEFINE(q_track_rename, "UPDATE track SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_track_json, "SELECT json_object('id', id, 'name', name) FROM track WHERE id = $id");
STMT_DEFINE(q_track_delete, "DELETE FROM track WHERE id = $id");
STMT_DEFINE(q_team_rename, "UPDATE team SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_team_delete, "DELETE FROM team WHERE id = $id");
STMT_DEFINE(q_team_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'project', r.project, 'table', r.table_label,"
	    " 'description', r.description, 'tracks', json(" STMT_TRACK_NAMES("team_track", "team_id") "),"
	    " 'members', json((SELECT json_group_array(name) FROM"
	    " (SELECT name FROM team_member WHERE team_id = r.id ORDER BY position))),"
	    " 'calibration', json(iif(r.calibration, 'true', 'false')))"
	    " FROM team r WHERE r.id = $id");
STMT_DEFINE(q_judge_rename, "UPDATE judge SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_judge_delete, "DELETE FROM judge WHERE id = $id");
STMT_DEFINE(q_judge_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'tracks',"
	    " json(" STMT_TRACK_NAMES("judge_track", "judge_id") "), 'unix_user', r.unix_user,"
	    " 'pin', json(iif(r.pin_hash IS NULL, 'false', 'true'))) FROM judge r WHERE r.id = $id");
STMT_DEFINE(q_coach_rename, "UPDATE coach SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_coach_delete, "DELETE FROM coach WHERE id = $id");
STMT_DEFINE(q_coach_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'unix_user', r.unix_user, 'skills', json((SELECT"
	    " json_group_array(skill) FROM (SELECT skill FROM coach_skill WHERE coach_id = r.id ORDER BY skill_key))),"
	    " 'available', json((SELECT json_group_array(w) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at,"
	    " 'unixepoch') || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window"
	    " WHERE coach_id = r.id ORDER BY starts_at)))) FROM coach r WHERE r.id = $id");
STMT_DEFINE(q_room_rename, "UPDATE room SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_room_delete, "DELETE FROM room WHERE id = $id");
STMT_DEFINE(q_room_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'tracks',"
	    " json(" STMT_TRACK_NAMES("room_track", "room_id") "), 'capacity', r.capacity)"
	    " FROM room r WHERE r.id = $id");
/* A record's editable fields as text, lists joined by "; " (people_fields()). */

/* What differs between the kinds: their statements. */
static const struct {
	struct stmt *json, *del, *rename;
} kinds[] = {
	[KIND_TRACK] = { &q_track_json, &q_track_delete, &q_track_rename },
	[KIND_TEAM] = { &q_team_json, &q_team_delete, &q_team_rename },
	[KIND_JUDGE] = { &q_judge_json, &q_judge_delete, &q_judge_rename },
	[KIND_COACH] = { &q_coach_json, &q_coach_delete, &q_coach_rename },
	[KIND_ROOM] = { &q_room_json, &q_room_delete, &q_room_rename },
};

const char *people_or_empty(const char *s)
{
	return s ? s : "";
}

enum status people_check_utf8(const char *what, const char *s)
{
	if (s && !text_valid_utf8(s, strlen(s)))
		return status_error(ST_INVALID, _("the %s is not valid UTF-8"), what);
	return ST_OK;
}

void people_named_clear(struct people_named *n)
{
	free(n->name);
	free(n->key);
	n->name = n->key = NULL;
}

enum status people_named_prepare(struct store *st, enum record_kind kind, const char *name,
				 const char *self_id, struct people_named *out)
{
	char found[ID_LEN + 1], *found_name = NULL;
	enum status s;

	out->name = out->key = NULL;
	if (!name || !text_valid_utf8(name, strlen(name)))
		return status_error(ST_INVALID, name ? _("the name of a %s is not valid UTF-8") : _("a %s needs a name"),
				    record_kind_name(kind));
	out->name = text_trim(name);
	out->key = text_key(out->name);
	if (!out->name[0]) {
		people_named_clear(out);
		return status_error(ST_INVALID, _("a %s needs a name"), record_kind_name(kind));
	}
	s = name_check_text(name_what(kind), out->name);
	if (s != ST_OK) {
		people_named_clear(out);
		return s;
	}
	s = record_by_key(st, kind, out->key, found, &found_name);
	if (s == ST_OK) {
		bool self = self_id && strcmp(found, self_id) == 0;
		char *shown = self ? NULL : text_fit(found_name, 60, NULL);

		free(found_name);
		if (self)
			return ST_OK;
		s = status_error(ST_CONFLICT, _("a %s named '%s' already exists"),
				 record_kind_name(kind), shown);
		free(shown);
	} else if (s == ST_NOT_FOUND) {
		s = name_check_lookalike(st, kind, out->name, self_id);
	}
	if (s != ST_OK)
		people_named_clear(out);
	return s;
}

enum status people_json(struct store *st, enum record_kind kind, const char *id, char **out)
{
	struct query *q = store_query(st, kinds[kind].json);
	enum status s;

	query_bind_text(q, "$id", id);
	s = query_first_text(q, out);
	if (s == ST_NOT_FOUND)
		s = status_error(ST_NOT_FOUND, _("no %s with the id '%s'"), record_kind_name(kind),
				 id);
	return s;
}

enum status people_audit_change(struct store *st, enum record_kind kind, const char *action,
				const char *id, const char *before, const char *after)
{
	struct audit_entry e = {
		.action = action,
		.kind = record_kind_key(kind),
		.record_id = id,
		.team_id = kind == KIND_TEAM ? id : NULL,
		.judge_id = kind == KIND_JUDGE ? id : NULL,
		.before = before,
		.after = after,
	};

	return audit_record(st, &e);
}

enum status people_finish_add(struct store *st, enum record_kind kind, const char *id,
			      char id_out[ID_LEN + 1])
{
	char *after = NULL;
	enum status s = people_json(st, kind, id, &after);

	if (s == ST_OK)
		s = people_audit_change(st, kind, "create", id, NULL, after);
	free(after);
	if (s == ST_OK && id_out)
		memcpy(id_out, id, ID_LEN + 1);
	return s;
}

enum status people_finish_update(struct store *st, enum record_kind kind, const char *id,
				 char *before)
{
	char *after = NULL;
	enum status s = people_json(st, kind, id, &after);

	if (s == ST_OK && strcmp(before, after) != 0)
		s = people_audit_change(st, kind, "update", id, before, after);
	free(before);
	free(after);
	return s;
}

enum status people_delete_record(struct store *st, enum record_kind kind, const char *id)
{
	char *before = NULL;
	struct query *q;
	enum status s = people_json(st, kind, id, &before);

	if (s == ST_OK) {
		q = store_query(st, kinds[kind].del);
		query_bind_text(q, "$id", id);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = people_audit_change(st, kind, "delete", id, before, NULL);
	free(before);
	return s;
}

enum status people_check_unlocked(struct store *st, enum record_kind kind, struct stmt *count_stmt,
				  const char *id)
{
	bool locked = false;
	struct query *q;
	enum status s = event_results_locked(st, &locked);
	int64_t sheets;

	if (s == ST_NOT_FOUND || (s == ST_OK && !locked))
		return ST_OK;
	if (s != ST_OK)
		return s;
	q = store_query(st, count_stmt);
	query_bind_text(q, "$id", id);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	sheets = query_int(q, COUNT_SHEETS);
	query_reset(q);
	if (sheets > 0)
		return status_error(ST_LOCKED,
				    _("the results are locked and this %s has %lld score sheets;"
				    " unlock the results first ('podium results unlock')"),
				    record_kind_name(kind), (long long)sheets);
	return ST_OK;
}

struct delete_args {
	enum record_kind kind;
	struct stmt *count_stmt;
	const char *id;
};

static enum status delete_txn(struct store *st, void *ctx)
{
	struct delete_args *a = ctx;
	enum status s = a->count_stmt ? people_check_unlocked(st, a->kind, a->count_stmt, a->id) : ST_OK;

	return s == ST_OK ? people_delete_record(st, a->kind, a->id) : s;
}

enum status people_delete(struct store *st, enum record_kind kind, struct stmt *count_stmt, const char *id)
{
	struct delete_args a = { kind, count_stmt, id };

	return store_write(st, delete_txn, &a);
}

enum status people_link_tracks(struct store *st, struct stmt *clear, struct stmt *add, const char *id,
			       char **tracks, size_t n)
{
	struct query *q = store_query(st, clear);
	enum status s;

	query_bind_text(q, "$id", id);
	s = query_exec(q);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		char track[ID_LEN + 1];
		char *trimmed = tracks[i] ? text_trim(tracks[i]) : NULL;

		/* an empty name in a list is nothing, not an error ("Education;;Environment") */
		if (trimmed && trimmed[0]) {
			s = track_ensure(st, trimmed, track);
			if (s == ST_OK) {
				q = store_query(st, add);
				query_bind_text(q, "$id", id);
				query_bind_text(q, "$track", track);
				s = query_exec(q);
			}
		}
		free(trimmed);
	}
	return s;
}

static enum status people_rename_in(struct store *st, enum record_kind kind, const char *id, const char *name)
{
	char *before = NULL;
	struct people_named n;
	struct query *q;
	enum status s;

	if (kind == KIND_CRITERION)
		return status_error(ST_INVALID, _("criteria are renamed by importing the rubric"));
	s = people_json(st, kind, id, &before);
	if (s == ST_OK)
		s = people_named_prepare(st, kind, name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	q = store_query(st, kinds[kind].rename);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n.name);
	query_bind_text(q, "$key", n.key);
	s = query_exec(q);
	people_named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return people_finish_update(st, kind, id, before);
}

struct people_rename_args {
	enum record_kind kind;
	const char *id;
	const char *name;
};

static enum status people_rename_txn(struct store *st, void *ctx)
{
	struct people_rename_args *a = ctx;

	return people_rename_in(st, a->kind, a->id, a->name);
}

enum status people_rename(struct store *st, enum record_kind kind, const char *id, const char *name)
{
	struct people_rename_args a = { kind, id, name };

	return store_write(st, people_rename_txn, &a);
}

static bool valid_unix_user(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			return false;
	}
	return true;
}

enum status people_check_unix_user(struct store *st, enum record_kind kind, struct stmt *by_user, const char *self_id,
				   const char *user)
{
	struct query *q;
	enum status s;

	if (!user[0])
		return ST_OK;
	if (!valid_unix_user(user)) {
		char *shown = text_fit(user, 40, NULL);

		s = status_error(ST_INVALID, _("'%s' is not a user name (letters, digits, '.', '_' and '-', at most 32)"),
				 shown);
		free(shown);
		return s;
	}
	q = store_query(st, by_user);
	query_bind_text(q, "$unix_user", user);
	s = query_step(q);
	if (s == ST_ROW) {
		bool self = self_id && strcmp(query_text(q, BY_USER_ID), self_id) == 0;
		char *shown = text_fit(query_text(q, BY_USER_NAME), 60, NULL);

		query_reset(q);
		if (self)
			s = ST_OK;
		else if (kind == KIND_JUDGE)
			s = status_error(ST_CONFLICT, _("the user name '%s' already belongs to the judge '%s'"), user, shown);
		else
			s = status_error(ST_CONFLICT, _("the user name '%s' already belongs to the coach '%s'"), user, shown);
		free(shown);
		return s;
	}
	return s == ST_DONE ? ST_OK : s;
}
