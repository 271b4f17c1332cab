#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/clock.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* Coaches: their skills, login and the windows they are available in. */

STMT_DEFINE(q_coach_insert,
	    "INSERT INTO coach(id, name, name_key, email, unix_user) VALUES ($id, $name, $key, $email, $unix_user)");
STMT_DEFINE(q_coach_update,
	    "UPDATE coach SET name = $name, name_key = $key, email = $email,"
	    " unix_user = iif($keep_user, unix_user, $unix_user) WHERE id = $id");
STMT_DEFINE(q_coach_skill_clear, "DELETE FROM coach_skill WHERE coach_id = $id");
STMT_DEFINE(q_coach_skill_add,
	    "INSERT OR IGNORE INTO coach_skill(coach_id, skill, skill_key) VALUES ($id, $skill, $key)");
STMT_DEFINE(q_coach_window_clear, "DELETE FROM coach_window WHERE coach_id = $id");
STMT_DEFINE(q_coach_window_add,
	    "INSERT INTO coach_window(coach_id, starts_at, ends_at) VALUES ($id, $starts_at, $ends_at)");
STMT_DEFINE(q_coach_by_unix_user, "SELECT id, name FROM coach WHERE unix_user = $unix_user");


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
	enum status s = people_check_utf8("email", spec->email);

	if (s == ST_OK)
		s = people_check_unix_user(st, KIND_COACH, &q_coach_by_unix_user, self_id,
					   people_or_empty(spec->unix_user));

	for (size_t i = 0; s == ST_OK && i < spec->nskills; i++)
		s = people_check_utf8("skill", spec->skills[i]);
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
			       const struct people_named *n, const struct coach_spec *spec)
{
	struct query *q = store_query(st, stmt);
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", n->name);
	query_bind_text(q, "$key", n->key);
	query_bind_text(q, "$email", people_or_empty(spec->email));
	query_bind_text(q, "$unix_user", people_or_empty(spec->unix_user)[0] ? spec->unix_user : NULL);
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
	struct people_named n;
	enum status s = check_coach(st, NULL, spec);

	if (s == ST_OK)
		s = people_named_prepare(st, KIND_COACH, spec->name, NULL, &n);
	if (s != ST_OK)
		return s;
	id_new(id);
	s = write_coach(st, &q_coach_insert, id, &n, spec);
	people_named_clear(&n);
	return s == ST_OK ? people_finish_add(st, KIND_COACH, id, id_out) : s;
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
	struct people_named n;
	enum status s = check_coach(st, id, spec);

	if (s == ST_OK)
		s = people_json(st, KIND_COACH, id, &before);
	if (s == ST_OK)
		s = people_named_prepare(st, KIND_COACH, spec->name, id, &n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	s = write_coach(st, &q_coach_update, id, &n, spec);
	people_named_clear(&n);
	if (s != ST_OK) {
		free(before);
		return s;
	}
	return people_finish_update(st, KIND_COACH, id, before);
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

enum status coach_delete(struct store *st, const char *id)
{
	return people_delete(st, KIND_COACH, NULL, id);
}
