#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/names.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* A JSON array of the names of record r's tracks, in name order, through the link table's column col. */
#define STMT_TRACK_NAMES(link, col) \
	"(SELECT json_group_array(name) FROM (SELECT k.name FROM " link " x JOIN track k ON k.id = x.track_id" \
	" WHERE x." col " = r.id ORDER BY k.name_key))"

STMT_DEFINE(q_track_rename, "UPDATE track SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_track_insert, "INSERT INTO track(id, name, name_key) VALUES ($id, $name, $key)");
STMT_DEFINE(q_track_json, "SELECT json_object('id', id, 'name', name) FROM track WHERE id = $id");
STMT_DEFINE(q_track_delete, "DELETE FROM track WHERE id = $id");
STMT_DEFINE(q_team_rename, "UPDATE team SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_team_insert,
	    "INSERT INTO team(id, name, name_key, project, table_label, description)"
	    " VALUES ($id, $name, $key, $project, $table, $description)");
STMT_DEFINE(q_team_update,
	    "UPDATE team SET name = $name, name_key = $key, project = $project, table_label = $table,"
	    " description = $description WHERE id = $id");
STMT_DEFINE(q_team_delete, "DELETE FROM team WHERE id = $id");
STMT_DEFINE(q_team_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'project', r.project, 'table', r.table_label,"
	    " 'description', r.description, 'tracks', json(" STMT_TRACK_NAMES("team_track", "team_id") "),"
	    " 'members', json((SELECT json_group_array(name) FROM"
	    " (SELECT name FROM team_member WHERE team_id = r.id ORDER BY position))),"
	    " 'calibration', json(iif(r.calibration, 'true', 'false')))"
	    " FROM team r WHERE r.id = $id");
STMT_DEFINE(q_team_track_clear, "DELETE FROM team_track WHERE team_id = $id");
STMT_DEFINE(q_team_track_add,
	    "INSERT OR IGNORE INTO team_track(team_id, track_id) VALUES ($id, $track)");
STMT_DEFINE(q_team_member_clear, "DELETE FROM team_member WHERE team_id = $id");
STMT_DEFINE(q_team_member_add,
	    "INSERT INTO team_member(team_id, position, name) VALUES ($id, $position, $name)");
STMT_DEFINE(q_team_sheet_count, "SELECT count(*) FROM sheet WHERE team_id = $id");
STMT_DEFINE(q_judge_rename, "UPDATE judge SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_judge_insert,
	    "INSERT INTO judge(id, name, name_key, email, unix_user, pin_hash)"
	    " VALUES ($id, $name, $key, $email, $unix_user, $pin_hash)");
STMT_DEFINE(q_judge_update,
	    "UPDATE judge SET name = $name, name_key = $key, email = $email, unix_user = $unix_user WHERE id = $id");
STMT_DEFINE(q_judge_by_unix_user, "SELECT id, name FROM judge WHERE unix_user = $unix_user");
STMT_DEFINE(q_judge_delete, "DELETE FROM judge WHERE id = $id");
STMT_DEFINE(q_judge_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'tracks',"
	    " json(" STMT_TRACK_NAMES("judge_track", "judge_id") "), 'unix_user', r.unix_user,"
	    " 'pin', json(iif(r.pin_hash IS NULL, 'false', 'true'))) FROM judge r WHERE r.id = $id");
STMT_DEFINE(q_judge_track_clear, "DELETE FROM judge_track WHERE judge_id = $id");
STMT_DEFINE(q_judge_track_add,
	    "INSERT OR IGNORE INTO judge_track(judge_id, track_id) VALUES ($id, $track)");
STMT_DEFINE(q_judge_sheet_count, "SELECT count(*) FROM sheet WHERE judge_id = $id");
STMT_DEFINE(q_coach_rename, "UPDATE coach SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_coach_insert,
	    "INSERT INTO coach(id, name, name_key, email, unix_user) VALUES ($id, $name, $key, $email, $unix_user)");
STMT_DEFINE(q_coach_update,
	    "UPDATE coach SET name = $name, name_key = $key, email = $email,"
	    " unix_user = iif($keep_user, unix_user, $unix_user) WHERE id = $id");
STMT_DEFINE(q_coach_delete, "DELETE FROM coach WHERE id = $id");
STMT_DEFINE(q_coach_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'unix_user', r.unix_user, 'skills', json((SELECT"
	    " json_group_array(skill) FROM (SELECT skill FROM coach_skill WHERE coach_id = r.id ORDER BY skill_key))),"
	    " 'available', json((SELECT json_group_array(w) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at,"
	    " 'unixepoch') || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window"
	    " WHERE coach_id = r.id ORDER BY starts_at)))) FROM coach r WHERE r.id = $id");
STMT_DEFINE(q_coach_skill_clear, "DELETE FROM coach_skill WHERE coach_id = $id");
STMT_DEFINE(q_coach_skill_add,
	    "INSERT OR IGNORE INTO coach_skill(coach_id, skill, skill_key) VALUES ($id, $skill, $key)");
STMT_DEFINE(q_coach_window_clear, "DELETE FROM coach_window WHERE coach_id = $id");
STMT_DEFINE(q_coach_window_add,
	    "INSERT INTO coach_window(coach_id, starts_at, ends_at) VALUES ($id, $starts_at, $ends_at)");
STMT_DEFINE(q_room_rename, "UPDATE room SET name = $name, name_key = $key WHERE id = $id");
STMT_DEFINE(q_room_insert,
	    "INSERT INTO room(id, name, name_key, capacity) VALUES ($id, $name, $key, $capacity)");
STMT_DEFINE(q_room_update,
	    "UPDATE room SET name = $name, name_key = $key, capacity = $capacity WHERE id = $id");
STMT_DEFINE(q_room_delete, "DELETE FROM room WHERE id = $id");
STMT_DEFINE(q_room_json,
	    "SELECT json_object('id', r.id, 'name', r.name, 'tracks',"
	    " json(" STMT_TRACK_NAMES("room_track", "room_id") "), 'capacity', r.capacity)"
	    " FROM room r WHERE r.id = $id");
STMT_DEFINE(q_room_track_clear, "DELETE FROM room_track WHERE room_id = $id");
STMT_DEFINE(q_room_track_add,
	    "INSERT OR IGNORE INTO room_track(room_id, track_id) VALUES ($id, $track)");
/* A record's editable fields as text, lists joined by "; " (people_fields()). */
STMT_DEFINE(q_fields_team,
	    "SELECT t.project, t.table_label,"
	    " coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM team_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)), ''),"
	    " coalesce((SELECT group_concat(name, '; ') FROM (SELECT m.name FROM team_member m"
	    "  WHERE m.team_id = t.id ORDER BY m.position)), ''), t.description FROM team t WHERE t.id = $id");
STMT_DEFINE(q_fields_judge,
	    "SELECT j.email, coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM judge_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)), ''),"
	    " coalesce(j.unix_user, ''), '', '' FROM judge j WHERE j.id = $id");
STMT_DEFINE(q_fields_coach,
	    "SELECT c.email, coalesce((SELECT group_concat(skill, '; ') FROM (SELECT skill FROM coach_skill"
	    "  WHERE coach_id = c.id ORDER BY skill_key)), ''),"
	    " coalesce((SELECT group_concat(w, '; ') FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')"
	    "  || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window WHERE coach_id = c.id"
	    "  ORDER BY starts_at)), ''), '', '' FROM coach c WHERE c.id = $id");
STMT_DEFINE(q_fields_room,
	    "SELECT coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM room_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)), ''),"
	    " coalesce(m.capacity, ''), '', '', '' FROM room m WHERE m.id = $id");
STMT_DEFINE(q_coach_by_unix_user, "SELECT id, name FROM coach WHERE unix_user = $unix_user");

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

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static enum status check_utf8(const char *what, const char *s)
{
	if (s && !text_valid_utf8(s, strlen(s)))
		return status_error(ST_INVALID, _("the %s is not valid UTF-8"), what);
	return ST_OK;
}

/* A record's name, trimmed, and its matching key. */
struct named {
	char *name;
	char *key;
};

static void named_clear(struct named *n)
{
	free(n->name);
	free(n->key);
	n->name = n->key = NULL;
}

/*
 * Check name for a record of kind: non-empty UTF-8 that shows what it is
 * (name_check_text()), no other record of the kind (other than self_id, when
 * updating) holds its key, and none has a name that looks like it.
 */
static enum status named_prepare(struct store *st, enum record_kind kind, const char *name,
				 const char *self_id, struct named *out)
{
	char found[ID_LEN + 1], *found_name = NULL;
	enum status s;

	out->name = out->key = NULL;
	if (!name || !text_valid_utf8(name, strlen(name)))
		return status_error(
		    ST_INVALID, name ? "the name of a %s is not valid UTF-8" : "a %s needs a name",
		    record_kind_name(kind));
	out->name = text_trim(name);
	out->key = text_key(out->name);
	if (!out->name[0]) {
		named_clear(out);
		return status_error(ST_INVALID, _("a %s needs a name"), record_kind_name(kind));
	}
	s = name_check_text(name_what(kind), out->name);
	if (s != ST_OK) {
		named_clear(out);
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
		named_clear(out);
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

static enum status audit_change(struct store *st, enum record_kind kind, const char *action,
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

/* After a new record is written: its audit row, and its id for the caller. */
static enum status finish_add(struct store *st, enum record_kind kind, const char *id,
			      char id_out[ID_LEN + 1])
{
	char *after = NULL;
	enum status s = people_json(st, kind, id, &after);

	if (s == ST_OK)
		s = audit_change(st, kind, "create", id, NULL, after);
	free(after);
	if (s == ST_OK && id_out)
		memcpy(id_out, id, ID_LEN + 1);
	return s;
}

/* After a record changed: an audit row, unless nothing changed at all. Frees before. */
static enum status finish_update(struct store *st, enum record_kind kind, const char *id,
				 char *before)
{
	char *after = NULL;
	enum status s = people_json(st, kind, id, &after);

	if (s == ST_OK && strcmp(before, after) != 0)
		s = audit_change(st, kind, "update", id, before, after);
	free(before);
	free(after);
	return s;
}

static enum status delete_record(struct store *st, enum record_kind kind, const char *id)
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
		s = audit_change(st, kind, "delete", id, before, NULL);
	free(before);
	return s;
}

/* Refuse to delete a team or judge with sheets once the results are locked. */
static enum status check_unlocked(struct store *st, enum record_kind kind, struct stmt *count_stmt,
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
	sheets = query_int(q, 0);
	query_reset(q);
	if (sheets > 0)
		return status_error(ST_LOCKED,
				    _("the results are locked and this %s has %lld score sheets;"
				    " unlock the results first ('podium results unlock')"),
				    record_kind_name(kind), (long long)sheets);
	return ST_OK;
}

/* Replace the track links of record id: clear, then link each named track (created when missing).
 */
static enum status link_tracks(struct store *st, struct stmt *clear, struct stmt *add, const char *id,
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

/* ---- tracks ---- */

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
		s = finish_add(st, KIND_TRACK, id, id_out);
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

static enum status track_delete_in(struct store *st, const char *id)
{
	return delete_record(st, KIND_TRACK, id);
}

struct track_delete_args {
	const char *id;
};

static enum status track_delete_txn(struct store *st, void *ctx)
{
	struct track_delete_args *a = ctx;

	return track_delete_in(st, a->id);
}

enum status track_delete(struct store *st, const char *id)
{
	struct track_delete_args a = { id };

	return store_write(st, track_delete_txn, &a);
}

/* ---- teams ---- */

static enum status check_member(const char *name)
{
	char *trimmed = text_trim(name);
	enum status s = name_check_text(_("member name"), trimmed);

	free(trimmed);
	return s;
}

static enum status check_team(const struct team_spec *spec)
{
	enum status s = check_utf8("project", spec->project);

	if (s == ST_OK)
		s = check_utf8("table", spec->table);
	if (s == ST_OK)
		s = check_utf8("description", spec->description);
	for (size_t i = 0; s == ST_OK && i < spec->nmembers; i++) {
		s = check_utf8("name of a member", spec->members[i]);
		if (s == ST_OK && spec->members[i])
			s = check_member(spec->members[i]);
	}
	return s;
}

static enum status write_team(struct store *st, struct stmt *stmt, const char *id,
			      const struct named *n, const struct team_spec *spec)
{
	struct query *q = store_query(st, stmt);
	enum status s;
	int64_t position = 0;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$project", or_empty(spec->project));
	query_bind_text(q, "$table", or_empty(spec->table));
	query_bind_text(q, "$description", or_empty(spec->description));
	s = query_exec(q);
	if (s == ST_OK)
		s = link_tracks(st, &q_team_track_clear, &q_team_track_add, id, spec->tracks,
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
	struct named n;
	enum status s = check_team(spec);

	if (s == ST_OK)
		s = named_prepare(st, KIND_TEAM, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_team(st, &q_team_insert, id, &n, spec);
	named_clear(&n);
	return s == ST_OK ? finish_add(st, KIND_TEAM, id, id_out) : s;
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
	struct named n;
	enum status s = check_team(spec);

	if (s == ST_OK)
		s = people_json(st, KIND_TEAM, id, &before);
	if (s == ST_OK)
		s = named_prepare(st, KIND_TEAM, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_team(st, &q_team_update, id, &n, spec);
	named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return finish_update(st, KIND_TEAM, id, before);
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

static enum status team_delete_in(struct store *st, const char *id)
{
	enum status s = check_unlocked(st, KIND_TEAM, &q_team_sheet_count, id);

	return s == ST_OK ? delete_record(st, KIND_TEAM, id) : s;
}

struct team_delete_args {
	const char *id;
};

static enum status team_delete_txn(struct store *st, void *ctx)
{
	struct team_delete_args *a = ctx;

	return team_delete_in(st, a->id);
}

enum status team_delete(struct store *st, const char *id)
{
	struct team_delete_args a = { id };

	return store_write(st, team_delete_txn, &a);
}

static enum status people_rename_in(struct store *st, enum record_kind kind, const char *id, const char *name)
{
	char *before = NULL;
	struct named n;
	struct query *q;
	enum status s;

	if (kind == KIND_CRITERION)
		return status_error(ST_INVALID, _("criteria are renamed by importing the rubric"));
	s = people_json(st, kind, id, &before);
	if (s == ST_OK)
		s = named_prepare(st, kind, name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	q = store_query(st, kinds[kind].rename);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n.name);
	query_bind_text(q, "$key", n.key);
	s = query_exec(q);
	named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return finish_update(st, kind, id, before);
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

/* ---- judges ---- */

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
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

/*
 * A login given to a judge or a coach: a valid user name that no other record
 * of that kind (found by by_user) holds already.
 */
static enum status check_unix_user(struct store *st, struct stmt *by_user, const char *self_id, const char *user)
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
		bool self = self_id && strcmp(query_text(q, 0), self_id) == 0;
		char *shown = text_fit(query_text(q, 1), 60, NULL);

		query_reset(q);
		if (self)
			s = ST_OK;
		else if (by_user == &q_judge_by_unix_user)
			s = status_error(ST_CONFLICT, _("the user name '%s' already belongs to the judge '%s'"), user, shown);
		else
			s = status_error(ST_CONFLICT, _("the user name '%s' already belongs to the coach '%s'"), user, shown);
		free(shown);
		return s;
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status check_judge(struct store *st, const char *self_id, const struct judge_spec *spec)
{
	const char *user = or_empty(spec->unix_user);
	enum status s = check_utf8("email", spec->email);

	if (s != ST_OK)
		return s;
	if (spec->pin && spec->pin[0]) {
		size_t n;

		if ((s = check_utf8("PIN", spec->pin)) != ST_OK)
			return s;
		n = utf8_chars(spec->pin);
		if (n < PIN_MIN_CHARS || n > PIN_MAX_CHARS)
			return status_error(ST_INVALID, _("a PIN must have at least %d characters (at most %d)"),
					    PIN_MIN_CHARS, PIN_MAX_CHARS);
	}
	return check_unix_user(st, &q_judge_by_unix_user, self_id, user);
}

static enum status write_judge(struct store *st, struct stmt *stmt, const char *id,
			       const struct named *n, const struct judge_spec *spec)
{
	struct query *q = store_query(st, stmt);
	const char *user = or_empty(spec->unix_user);
	char *hash = NULL;
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$email", or_empty(spec->email));
	query_bind_text(q, "$unix_user", user[0] ? user : NULL);
	if (stmt == &q_judge_insert) {
		hash = spec->pin && spec->pin[0] ? pin_hash(st, spec->pin) : NULL;
		query_bind_text(q, "$pin_hash", hash);
	}
	s = query_exec(q);
	free(hash);
	if (s == ST_OK && stmt != &q_judge_insert && spec->pin)
		s = pin_set(st, id, spec->pin);
	if (s == ST_OK)
		s = link_tracks(st, &q_judge_track_clear, &q_judge_track_add, id, spec->tracks,
				spec->ntracks);
	return s;
}

static enum status judge_add_in(struct store *st, const struct judge_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct named n;
	enum status s = check_judge(st, NULL, spec);

	if (s == ST_OK)
		s = named_prepare(st, KIND_JUDGE, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_judge(st, &q_judge_insert, id, &n, spec);
	named_clear(&n);
	return s == ST_OK ? finish_add(st, KIND_JUDGE, id, id_out) : s;
}

struct judge_add_args {
	const struct judge_spec *spec;
	char *id_out;
};

static enum status judge_add_txn(struct store *st, void *ctx)
{
	struct judge_add_args *a = ctx;

	return judge_add_in(st, a->spec, a->id_out);
}

enum status judge_add(struct store *st, const struct judge_spec *spec, char id_out[ID_LEN + 1])
{
	struct judge_add_args a = { spec, id_out };

	return store_write(st, judge_add_txn, &a);
}

static enum status judge_update_in(struct store *st, const char *id, const struct judge_spec *spec)
{
	char *before = NULL;
	struct named n;
	enum status s = people_json(st, KIND_JUDGE, id, &before);

	if (s == ST_OK)
		s = check_judge(st, id, spec);
	if (s == ST_OK)
		s = named_prepare(st, KIND_JUDGE, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_judge(st, &q_judge_update, id, &n, spec);
	named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	/* a new PIN shows as no change in the JSON (it holds only whether there is one): still
	 * audit it */
	if (spec->pin && spec->pin[0]) {
		char *after = NULL;

		s = people_json(st, KIND_JUDGE, id, &after);
		if (s == ST_OK) {
			struct audit_entry e = {
			    .action = "update",
			    .kind = "judge",
			    .record_id = id,
			    .judge_id = id,
			    .before = before,
			    .after = after,
			    .reason = "PIN set",
			};

			s = audit_record(st, &e);
		}
		free(after);
		free(before);
		return s;
	}
	return finish_update(st, KIND_JUDGE, id, before);
}

struct judge_update_args {
	const char *id;
	const struct judge_spec *spec;
};

static enum status judge_update_txn(struct store *st, void *ctx)
{
	struct judge_update_args *a = ctx;

	return judge_update_in(st, a->id, a->spec);
}

enum status judge_update(struct store *st, const char *id, const struct judge_spec *spec)
{
	struct judge_update_args a = { id, spec };

	return store_write(st, judge_update_txn, &a);
}

static enum status judge_delete_in(struct store *st, const char *id)
{
	enum status s = check_unlocked(st, KIND_JUDGE, &q_judge_sheet_count, id);

	return s == ST_OK ? delete_record(st, KIND_JUDGE, id) : s;
}

struct judge_delete_args {
	const char *id;
};

static enum status judge_delete_txn(struct store *st, void *ctx)
{
	struct judge_delete_args *a = ctx;

	return judge_delete_in(st, a->id);
}

enum status judge_delete(struct store *st, const char *id)
{
	struct judge_delete_args a = { id };

	return store_write(st, judge_delete_txn, &a);
}

/* ---- coaches ---- */

bool coach_parse_window(const char *s, struct coach_window *out)
{
	const char *dash = strrchr(s, '-');
	char *left, *right;
	int64_t start;
	int end_of_day;
	bool ok;

	if (!dash)
		return false;
	left = pd_strndup(s, (size_t)(dash - s));
	right = text_trim(dash + 1);
	{
		char *trimmed = text_trim(left);

		free(left);
		left = trimmed;
	}
	ok = clock_parse(left, &start) && clock_parse_hm(right, &end_of_day);
	if (ok) {
		int64_t day = start - start % 86400;
		int64_t end = day + end_of_day;

		if (end == start)
			ok = false;
		else if (end < start)
			end += 86400;
		out->start = start;
		out->end = end;
	}
	free(left);
	free(right);
	return ok;
}

static int window_cmp(const void *a, const void *b)
{
	const struct coach_window *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

static enum status check_coach(struct store *st, const char *self_id, const struct coach_spec *spec)
{
	struct coach_window *w;
	enum status s = check_utf8("email", spec->email);

	if (s == ST_OK)
		s = check_unix_user(st, &q_coach_by_unix_user, self_id, or_empty(spec->unix_user));

	for (size_t i = 0; s == ST_OK && i < spec->nskills; i++)
		s = check_utf8("skill", spec->skills[i]);
	if (s != ST_OK || spec->nwindows == 0)
		return s;
	w = pd_malloc(spec->nwindows * sizeof(*w));
	memcpy(w, spec->windows, spec->nwindows * sizeof(*w));
	qsort(w, spec->nwindows, sizeof(*w), window_cmp);
	for (size_t i = 0; s == ST_OK && i < spec->nwindows; i++) {
		char a[17], b[17];

		if (w[i].end <= w[i].start) {
			clock_format(w[i].start, a);
			s = status_error(
			    ST_INVALID, _("the availability window starting %s ends before it starts"),
			    a);
		} else if (i > 0 && w[i].start < w[i - 1].end) {
			clock_format(w[i - 1].start, a);
			clock_format(w[i].start, b);
			s = status_error(
			    ST_INVALID,
			    _("the availability windows starting %s and %s overlap; merge them"), a,
			    b);
		}
	}
	free(w);
	return s;
}

static enum status write_coach(struct store *st, struct stmt *stmt, const char *id,
			       const struct named *n, const struct coach_spec *spec)
{
	struct query *q = store_query(st, stmt);
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$email", or_empty(spec->email));
	query_bind_text(q, "$unix_user", or_empty(spec->unix_user)[0] ? spec->unix_user : NULL);
	if (stmt == &q_coach_update)
		query_bind_int(q, "$keep_user", spec->unix_user == NULL);
	s = query_exec(q);
	if (s == ST_OK) {
		q = store_query(st, &q_coach_skill_clear);
		query_bind_text(q, "$id", id);
		s = query_exec(q);
	}
	for (size_t i = 0; s == ST_OK && i < spec->nskills; i++) {
		char *skill = text_trim(spec->skills[i]), *key = text_key(skill);

		if (skill[0]) {
			q = store_query(st, &q_coach_skill_add);
			query_bind_text(q, "$id", id);
			query_bind_text(q, "$skill", skill);
			query_bind_text(q, "$key", key);
			s = query_exec(q);
		}
		free(skill);
		free(key);
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coach_window_clear);
		query_bind_text(q, "$id", id);
		s = query_exec(q);
	}
	for (size_t i = 0; s == ST_OK && i < spec->nwindows; i++) {
		q = store_query(st, &q_coach_window_add);
		query_bind_text(q, "$id", id);
		query_bind_int(q, "$starts_at", spec->windows[i].start);
		query_bind_int(q, "$ends_at", spec->windows[i].end);
		s = query_exec(q);
	}
	return s;
}

static enum status coach_add_in(struct store *st, const struct coach_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct named n;
	enum status s = check_coach(st, NULL, spec);

	if (s == ST_OK)
		s = named_prepare(st, KIND_COACH, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_coach(st, &q_coach_insert, id, &n, spec);
	named_clear(&n);
	return s == ST_OK ? finish_add(st, KIND_COACH, id, id_out) : s;
}

struct coach_add_args {
	const struct coach_spec *spec;
	char *id_out;
};

static enum status coach_add_txn(struct store *st, void *ctx)
{
	struct coach_add_args *a = ctx;

	return coach_add_in(st, a->spec, a->id_out);
}

enum status coach_add(struct store *st, const struct coach_spec *spec, char id_out[ID_LEN + 1])
{
	struct coach_add_args a = { spec, id_out };

	return store_write(st, coach_add_txn, &a);
}

static enum status coach_update_in(struct store *st, const char *id, const struct coach_spec *spec)
{
	char *before = NULL;
	struct named n;
	enum status s = check_coach(st, id, spec);

	if (s == ST_OK)
		s = people_json(st, KIND_COACH, id, &before);
	if (s == ST_OK)
		s = named_prepare(st, KIND_COACH, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_coach(st, &q_coach_update, id, &n, spec);
	named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return finish_update(st, KIND_COACH, id, before);
}

struct coach_update_args {
	const char *id;
	const struct coach_spec *spec;
};

static enum status coach_update_txn(struct store *st, void *ctx)
{
	struct coach_update_args *a = ctx;

	return coach_update_in(st, a->id, a->spec);
}

enum status coach_update(struct store *st, const char *id, const struct coach_spec *spec)
{
	struct coach_update_args a = { id, spec };

	return store_write(st, coach_update_txn, &a);
}

static enum status coach_delete_in(struct store *st, const char *id)
{
	return delete_record(st, KIND_COACH, id);
}

struct coach_delete_args {
	const char *id;
};

static enum status coach_delete_txn(struct store *st, void *ctx)
{
	struct coach_delete_args *a = ctx;

	return coach_delete_in(st, a->id);
}

enum status coach_delete(struct store *st, const char *id)
{
	struct coach_delete_args a = { id };

	return store_write(st, coach_delete_txn, &a);
}

/* ---- rooms ---- */

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
			      const struct named *n, const struct room_spec *spec)
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
		s = link_tracks(st, &q_room_track_clear, &q_room_track_add, id, spec->tracks,
				spec->ntracks);
	return s;
}

static enum status room_add_in(struct store *st, const struct room_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct named n;
	enum status s = check_room(spec);

	if (s == ST_OK)
		s = named_prepare(st, KIND_ROOM, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_room(st, &q_room_insert, id, &n, spec);
	named_clear(&n);
	return s == ST_OK ? finish_add(st, KIND_ROOM, id, id_out) : s;
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
	struct named n;
	enum status s = check_room(spec);

	if (s == ST_OK)
		s = people_json(st, KIND_ROOM, id, &before);
	if (s == ST_OK)
		s = named_prepare(st, KIND_ROOM, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_room(st, &q_room_update, id, &n, spec);
	named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return finish_update(st, KIND_ROOM, id, before);
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

static enum status room_delete_in(struct store *st, const char *id)
{
	return delete_record(st, KIND_ROOM, id);
}

struct room_delete_args {
	const char *id;
};

static enum status room_delete_txn(struct store *st, void *ctx)
{
	struct room_delete_args *a = ctx;

	return room_delete_in(st, a->id);
}

enum status room_delete(struct store *st, const char *id)
{
	struct room_delete_args a = { id };

	return store_write(st, room_delete_txn, &a);
}

/* ---- fields for the console's forms ---- */

void people_fields_clear(struct people_fields *f)
{
	for (int i = 0; i < PEOPLE_FIELDS; i++) {
		free(f->value[i]);
		f->value[i] = NULL;
	}
}

enum status people_fields(struct store *st, enum record_kind kind, const char *id, struct people_fields *out)
{
	static struct stmt *const by_kind[] = {
		[KIND_TEAM] = &q_fields_team, [KIND_JUDGE] = &q_fields_judge,
		[KIND_COACH] = &q_fields_coach, [KIND_ROOM] = &q_fields_room,
	};
	struct query *q;
	enum status s;

	memset(out, 0, sizeof(*out));
	if (kind != KIND_TEAM && kind != KIND_JUDGE && kind != KIND_COACH && kind != KIND_ROOM)
		return status_error(ST_INVALID, _("only a name to edit here"));
	q = store_query(st, by_kind[kind]);
	query_bind_text(q, "$id", id);
	s = query_step(q);
	if (s != ST_ROW)
		return s == ST_DONE ? status_error(ST_NOT_FOUND, _("no %s with the id '%s'"), record_kind_name(kind), id) : s;
	for (int i = 0; i < PEOPLE_FIELDS; i++)
		out->value[i] = pd_strdup(query_text(q, i) ? query_text(q, i) : "");
	query_reset(q);
	return ST_OK;
}

/* The windows "A; B" of a coach's availability field. */
static enum status parse_windows(const char *text, struct coach_window **out, size_t *n)
{
	char **parts;
	size_t count = text_split(text, ';', &parts);

	*out = pd_calloc(count + 1, sizeof(**out));
	*n = count;
	for (size_t i = 0; i < count; i++) {
		if (!coach_parse_window(parts[i], &(*out)[i])) {
			enum status s = status_error(ST_INVALID, _("the availability '%s' is not a window like '2026-12-05 09:00-12:30'"),
						     parts[i]);

			text_free_parts(parts, count);
			free(*out);
			*out = NULL;
			return s;
		}
	}
	text_free_parts(parts, count);
	return ST_OK;
}

static enum status people_apply_fields_in(struct store *st, enum record_kind kind, const char *id, const char *name,
				const struct people_fields *f, const char *pin)
{
	char **a = NULL, **b = NULL;
	size_t na = 0, nb = 0;
	enum status s;

	if (kind == KIND_TEAM) {
		struct team_spec spec = { .name = name, .project = f->value[0], .table = f->value[1],
					  .description = f->value[4] };

		na = text_split(f->value[2] ? f->value[2] : "", ';', &a);
		nb = text_split(f->value[3] ? f->value[3] : "", ';', &b);
		spec.tracks = a;
		spec.ntracks = na;
		spec.members = b;
		spec.nmembers = nb;
		s = team_update(st, id, &spec);
	} else if (kind == KIND_JUDGE) {
		struct judge_spec spec = { .name = name, .email = f->value[0], .unix_user = f->value[2], .pin = pin };

		na = text_split(f->value[1] ? f->value[1] : "", ';', &a);
		spec.tracks = a;
		spec.ntracks = na;
		s = judge_update(st, id, &spec);
	} else if (kind == KIND_COACH) {
		struct coach_spec spec = { .name = name, .email = f->value[0] };
		struct coach_window *w = NULL;
		size_t nw = 0;

		na = text_split(f->value[1] ? f->value[1] : "", ';', &a);
		spec.skills = a;
		spec.nskills = na;
		s = parse_windows(f->value[2] ? f->value[2] : "", &w, &nw);
		if (s == ST_OK) {
			spec.windows = w;
			spec.nwindows = nw;
			s = coach_update(st, id, &spec);
		}
		free(w);
	} else if (kind == KIND_ROOM) {
		struct room_spec spec = { .name = name, .capacity = -1 };
		const char *cap = f->value[1] ? f->value[1] : "";
		char *end;

		na = text_split(f->value[0] ? f->value[0] : "", ';', &a);
		spec.tracks = a;
		spec.ntracks = na;
		if (cap[0]) {
			long v = strtol(cap, &end, 10);

			if (*end || v < 0 || v > 100000) {
				text_free_parts(a, na);
				return status_error(ST_INVALID, _("a room's capacity must be a whole number from 0 to %d"), 100000);
			}
			spec.capacity = v;
		}
		s = room_update(st, id, &spec);
	} else {
		s = status_error(ST_INVALID, _("only a name to edit here"));
	}
	text_free_parts(a, na);
	text_free_parts(b, nb);
	return s;
}

struct people_apply_fields_args {
	enum record_kind kind;
	const char *id;
	const char *name;
	const struct people_fields *f;
	const char *pin;
};

static enum status people_apply_fields_txn(struct store *st, void *ctx)
{
	struct people_apply_fields_args *a = ctx;

	return people_apply_fields_in(st, a->kind, a->id, a->name, a->f, a->pin);
}

enum status people_apply_fields(struct store *st, enum record_kind kind, const char *id, const char *name,
				const struct people_fields *f, const char *pin)
{
	struct people_apply_fields_args a = { kind, id, name, f, pin };

	return store_write(st, people_apply_fields_txn, &a);
}
