#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* Judges: their e-mail, tracks, login and PIN (hashed in pin.c). */

STMT_DEFINE(q_judge_insert,
	    "INSERT INTO judge(id, name, name_key, email, unix_user, pin_hash)"
	    " VALUES ($id, $name, $key, $email, $unix_user, $pin_hash)");
STMT_DEFINE(q_judge_update,
	    "UPDATE judge SET name = $name, name_key = $key, email = $email, unix_user = $unix_user WHERE id = $id");
STMT_DEFINE(q_judge_by_unix_user, "SELECT id, name FROM judge WHERE unix_user = $unix_user");
STMT_DEFINE(q_judge_track_clear, "DELETE FROM judge_track WHERE judge_id = $id");
STMT_DEFINE(q_judge_track_add,
	    "INSERT OR IGNORE INTO judge_track(judge_id, track_id) VALUES ($id, $track)");
STMT_DEFINE(q_judge_sheet_count, "SELECT count(*) FROM sheet WHERE judge_id = $id");
STMT_DEFINE(q_judge_exists, "SELECT count(*) FROM judge WHERE id = $id");
enum { EXISTS_COUNT };


static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static enum status check_judge(struct store *st, const char *self_id, const struct judge_spec *spec)
{
	const char *user = people_or_empty(spec->unix_user);
	enum status s = people_check_utf8("email", spec->email);

	if (s != ST_OK)
		return s;
	if (spec->pin && spec->pin[0]) {
		size_t n;

		if ((s = people_check_utf8("PIN", spec->pin)) != ST_OK)
			return s;
		n = utf8_chars(spec->pin);
		if (n < PIN_MIN_CHARS || n > PIN_MAX_CHARS)
			return status_error(ST_INVALID, _("a PIN must have at least %d characters (at most %d)"),
					    PIN_MIN_CHARS, PIN_MAX_CHARS);
	}
	return people_check_unix_user(st, KIND_JUDGE, &q_judge_by_unix_user, self_id, user);
}

static enum status write_judge(struct store *st, struct stmt *stmt, const char *id,
			       const struct people_named *n, const struct judge_spec *spec)
{
	struct query *q = store_query(st, stmt);
	const char *user = people_or_empty(spec->unix_user);
	char *hash = NULL;
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$email", people_or_empty(spec->email));
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
		s = people_link_tracks(st, &q_judge_track_clear, &q_judge_track_add, id, spec->tracks,
				spec->ntracks);
	return s;
}

static enum status judge_add_in(struct store *st, const struct judge_spec *spec, char id_out[ID_LEN + 1])
{
	char id[ID_LEN + 1];
	struct people_named n;
	enum status s = check_judge(st, NULL, spec);

	if (s == ST_OK)
		s = people_named_prepare(st, KIND_JUDGE, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_judge(st, &q_judge_insert, id, &n, spec);
	people_named_clear(&n);
	return s == ST_OK ? people_finish_add(st, KIND_JUDGE, id, id_out) : s;
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
	struct people_named n;
	enum status s = people_json(st, KIND_JUDGE, id, &before);

	if (s == ST_OK)
		s = check_judge(st, id, spec);
	if (s == ST_OK)
		s = people_named_prepare(st, KIND_JUDGE, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_judge(st, &q_judge_update, id, &n, spec);
	people_named_clear(&n);
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
	return people_finish_update(st, KIND_JUDGE, id, before);
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

enum status judge_delete(struct store *st, const char *id)
{
	return people_delete(st, KIND_JUDGE, &q_judge_sheet_count, id);
}

enum status judge_exists(struct store *st, const char *id, bool *out)
{
	struct query *q = store_query(st, &q_judge_exists);
	enum status s;

	query_bind_text(q, "$id", id);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	*out = query_int(q, EXISTS_COUNT) > 0;
	query_reset(q);
	return ST_OK;
}
