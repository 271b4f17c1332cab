#include "config.h"
#include "podium/i18n.h"
#include "podium/rubric.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/names.h"
#include "podium/record.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_criterion_insert,
	    "INSERT INTO criterion(id, name, name_key, position, weight, min_value, max_value, description)"
	    " VALUES ($id, $name, $key, $position, $weight, $min, $max, $description)");
STMT_DEFINE(q_criterion_next_position, "SELECT coalesce(max(position), 0) + 1 FROM criterion");
enum { NEXT_POSITION };
STMT_DEFINE(q_criterion_json,
	    "SELECT json_object('id', id, 'name', name, 'weight', weight, 'min', min_value,"
	    " 'max', max_value, 'description', description) FROM criterion WHERE id = $id");
STMT_DEFINE(q_criterion_all,
	    "SELECT id, name, weight, min_value, max_value, description, position"
	    " FROM criterion ORDER BY position");
enum { CRIT_ID, CRIT_NAME, CRIT_WEIGHT, CRIT_MIN, CRIT_MAX, CRIT_DESCRIPTION, CRIT_POSITION };
STMT_DEFINE(q_criterion_update,
	    "UPDATE criterion SET name = $name, name_key = $key, weight = $weight, min_value = $min,"
	    " max_value = $max, description = $description WHERE id = $id");
STMT_DEFINE(q_criterion_delete, "DELETE FROM criterion WHERE id = $id");
STMT_DEFINE(q_criterion_count, "SELECT count(*) FROM criterion");
enum { COUNT_CRITERIA };
STMT_DEFINE(q_criterion_submitted_sheets,
	    "SELECT s.id, s.judge_id, s.team_id, j.name, t.name FROM sheet s"
	    " JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id"
	    " WHERE s.status = 'submitted' ORDER BY j.name, t.name");
enum { SUBMITTED_ID, SUBMITTED_JUDGE_ID, SUBMITTED_TEAM_ID, SUBMITTED_JUDGE, SUBMITTED_TEAM };
STMT_DEFINE(q_criterion_sheet_reopen,
	    "UPDATE sheet SET status = 'draft', updated_at = $now WHERE id = $id");
STMT_DEFINE(q_criterion_tie_break, "SELECT id, tie_break FROM event");
enum { TIE_EVENT_ID, TIE_KEYS };
STMT_DEFINE(q_criterion_tie_break_json, "SELECT json_object('tie_break', tie_break) FROM event");
STMT_DEFINE(q_criterion_set_tie_break, "UPDATE event SET tie_break = $keys");

const struct criterion_spec rubric_default[] = {
	{ "Idea", "Originality and clarity of the problem and the proposed solution", 1, 1, 5 },
	{ "Engagement", "Social and environmental impact: who benefits, and how much", 1, 1, 5 },
	{ "Technique", "Quality and feasibility of what was built", 1, 1, 5 },
	{ "Marketing", "Knowledge of the users and the market, a path to reach them", 1, 1, 5 },
	{ "Design", "Experience and look of the product", 1, 1, 5 },
	{ "Viability", "A model that lets the project live after the weekend", 1, 1, 5 },
	{ "Pitch", "Clarity and conviction of the presentation and the answers", 1, 1, 5 },
};
const size_t rubric_default_count = PD_ARRAY_LEN(rubric_default);

void rubric_clear(struct rubric *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->items[i].name);
		free(r->items[i].description);
	}
	free(r->items);
	r->items = NULL;
	r->count = 0;
}

enum status rubric_load(struct store *st, struct rubric *out)
{
	struct query *q = store_query(st, &q_criterion_all);
	size_t cap = 0;
	enum status s;

	out->items = NULL;
	out->count = 0;
	while ((s = query_step(q)) == ST_ROW) {
		struct criterion *c;

		PD_GROW(out->items, out->count, cap);
		c = &out->items[out->count++];
		snprintf(c->id, sizeof(c->id), "%s", query_text(q, CRIT_ID));
		c->name = pd_strdup(query_text(q, CRIT_NAME));
		c->weight = query_double(q, CRIT_WEIGHT);
		c->min = (int)query_int(q, CRIT_MIN);
		c->max = (int)query_int(q, CRIT_MAX);
		c->description = pd_strdup(query_text(q, CRIT_DESCRIPTION));
	}
	if (s != ST_DONE) {
		rubric_clear(out);
		return s;
	}
	return ST_OK;
}

int rubric_find(const struct rubric *r, const char *name_or_id)
{
	char *key;
	int found = -1;

	/* as typed, give or take ASCII case (the usual case): the same key, without folding each name */
	for (size_t i = 0; i < r->count; i++)
		if (strcasecmp(r->items[i].id, name_or_id) == 0 || strcasecmp(r->items[i].name, name_or_id) == 0)
			return (int)i;
	key = text_key(name_or_id);

	for (size_t i = 0; i < r->count && found < 0; i++) {
		char *other;

		if (strcasecmp(r->items[i].id, name_or_id) == 0) {
			found = (int)i;
			break;
		}
		if (!key)
			continue;
		other = text_key(r->items[i].name);
		if (other && strcmp(key, other) == 0)
			found = (int)i;
		free(other);
	}
	free(key);
	return found;
}

/* Scales stay small so the arithmetic of the ranking stays exact. */
#define SCALE_LIMIT 1000000

static enum status check_name(const char *name)
{
	char *trimmed = text_trim(name);
	enum status s = name_check_text(name_what(KIND_CRITERION), trimmed);

	free(trimmed);
	return s;
}

enum status rubric_check_spec(const struct criterion_spec *spec)
{
	char *key = spec->name ? text_key(spec->name) : NULL;
	bool empty = !key || !key[0];

	free(key);
	if (empty)
		return status_error(ST_INVALID, _("a criterion needs a name"));
	if (check_name(spec->name) != ST_OK)
		return ST_INVALID;
	if (!isfinite(spec->weight) || spec->weight <= 0 || spec->weight > 1000)
		return status_error(ST_INVALID, _("criterion '%s': the weight must be a number above 0 (at most 1000)"),
				    spec->name);
	if (spec->min >= spec->max)
		return status_error(ST_INVALID, _("criterion '%s': min (%d) must be below max (%d)"),
				    spec->name, spec->min, spec->max);
	if (spec->min < -SCALE_LIMIT || spec->max > SCALE_LIMIT)
		return status_error(ST_INVALID, _("criterion '%s': the scale must stay within -%d..%d"),
				    spec->name, SCALE_LIMIT, SCALE_LIMIT);
	return ST_OK;
}

static enum status rubric_add_in(struct store *st, const struct criterion_spec *spec)
{
	char id[ID_LEN + 1], *name, *key, *after = NULL;
	struct query *q;
	int64_t position;
	enum status s = rubric_check_spec(spec);

	if (s != ST_OK)
		return s;
	q = store_query(st, &q_criterion_next_position);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	position = query_int(q, NEXT_POSITION);
	query_reset(q);

	name = text_trim(spec->name);
	s = name_check_lookalike(st, KIND_CRITERION, name, NULL);
	if (s != ST_OK) {
		free(name);
		return s;
	}
	id_new(id);
	key = text_key(name);
	q = store_query(st, &q_criterion_insert);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", name);
	query_bind_text(q, "$key", key);
	query_bind_int(q, "$position", position);
	query_bind_double(q, "$weight", spec->weight);
	query_bind_int(q, "$min", spec->min);
	query_bind_int(q, "$max", spec->max);
	query_bind_text(q, "$description", spec->description ? spec->description : "");
	s = query_exec(q);
	if (s == ST_CONFLICT)
		s = status_error(ST_CONFLICT, _("a criterion named '%s' already exists"), name);
	if (s == ST_OK) {
		q = store_query(st, &q_criterion_json);
		query_bind_text(q, "$id", id);
		s = query_first_text(q, &after);
	}
	if (s == ST_OK) {
		struct audit_entry e = { .action = "create", .kind = "criterion", .record_id = id, .after = after };

		s = audit_record(st, &e);
	}
	free(after);
	free(name);
	free(key);
	return s;
}

struct rubric_add_args {
	const struct criterion_spec *spec;
};

static enum status rubric_add_txn(struct store *st, void *ctx)
{
	struct rubric_add_args *a = ctx;

	return rubric_add_in(st, a->spec);
}

enum status rubric_add(struct store *st, const struct criterion_spec *spec)
{
	struct rubric_add_args a = { spec };

	return store_write(st, rubric_add_txn, &a);
}

/* ---- changes that keep the submitted sheets honest ---- */

void rubric_effect_clear(struct rubric_effect *e)
{
	for (size_t i = 0; i < e->count; i++) {
		free(e->sheets[i].judge);
		free(e->sheets[i].team);
		free(e->sheets[i].before);
	}
	free(e->sheets);
	memset(e, 0, sizeof(*e));
}

static enum status check_unlocked(struct store *st)
{
	bool locked = false;
	enum status s = event_results_locked(st, &locked);

	if (s == ST_OK && locked)
		return status_error(ST_LOCKED, _("the results are locked, so the rubric cannot change;"
						 " unlock them first ('podium results unlock')"));
	return s;
}

static enum status read_submitted(struct store *st, struct rubric_effect *e)
{
	struct query *q = store_query(st, &q_criterion_submitted_sheets);
	size_t cap = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		struct rubric_sheet *sh;

		PD_GROW(e->sheets, e->count, cap);
		sh = &e->sheets[e->count++];
		memset(sh, 0, sizeof(*sh));
		snprintf(sh->id, sizeof(sh->id), "%s", query_text(q, SUBMITTED_ID));
		snprintf(sh->judge_id, sizeof(sh->judge_id), "%s", query_text(q, SUBMITTED_JUDGE_ID));
		snprintf(sh->team_id, sizeof(sh->team_id), "%s", query_text(q, SUBMITTED_TEAM_ID));
		sh->judge = pd_strdup(query_text(q, SUBMITTED_JUDGE));
		sh->team = pd_strdup(query_text(q, SUBMITTED_TEAM));
	}
	if (s != ST_DONE)
		return s;
	for (size_t i = 0; i < e->count; i++) {
		if ((s = sheet_json(st, e->sheets[i].id, &e->sheets[i].before)) != ST_OK)
			return s;
	}
	return ST_OK;
}

enum status rubric_guard_begin(struct store *st, bool reopen, struct rubric_effect *e)
{
	size_t n;
	enum status s;

	rubric_effect_clear(e);
	if ((s = check_unlocked(st)) != ST_OK || (s = read_submitted(st, e)) != ST_OK)
		return s;
	n = e->touched = e->count;
	if (n == 0 || reopen)
		return ST_OK;
	rubric_effect_clear(e);
	e->touched = n;
	return status_error(ST_CONFLICT,
			    P_("%zu submitted sheet would change; add --reopen to turn it back into a draft",
			       "%zu submitted sheets would change; add --reopen to turn them back into drafts", n),
			    n);
}

static enum status reopen_sheet(struct store *st, const struct rubric_sheet *sh)
{
	struct query *q = store_query(st, &q_criterion_sheet_reopen);
	char *after = NULL;
	enum status s;

	query_bind_text(q, "$id", sh->id);
	query_bind_int(q, "$now", clock_now());
	if ((s = query_exec(q)) != ST_OK)
		return s;
	s = sheet_json(st, sh->id, &after);
	if (s == ST_OK) {
		struct audit_entry e = {
			.action = "reopen", .kind = "sheet", .record_id = sh->id,
			.team_id = sh->team_id, .judge_id = sh->judge_id,
			.before = sh->before, .after = after, .reason = "rubric changed",
		};

		s = audit_record(st, &e);
	}
	free(after);
	return s;
}

static enum status rubric_guard_finish_in(struct store *st, struct rubric_effect *e)
{
	enum status s = sheet_recompute_totals(st);

	for (size_t i = 0; s == ST_OK && i < e->count; i++)
		s = reopen_sheet(st, &e->sheets[i]);
	return s;
}

struct rubric_guard_finish_args {
	struct rubric_effect *e;
};

static enum status rubric_guard_finish_txn(struct store *st, void *ctx)
{
	struct rubric_guard_finish_args *a = ctx;

	return rubric_guard_finish_in(st, a->e);
}

enum status rubric_guard_finish(struct store *st, struct rubric_effect *e)
{
	struct rubric_guard_finish_args a = { e };

	return store_write(st, rubric_guard_finish_txn, &a);
}

/* ST_CONFLICT when a criterion other than self_id (NULL: any) has name's key. */
static enum status check_name_free(struct store *st, const char *name, const char *self_id)
{
	char *key = text_key(name), found[ID_LEN + 1], *found_name = NULL;
	enum status s = record_by_key(st, KIND_CRITERION, key ? key : "", found, &found_name);

	free(key);
	if (s == ST_OK) {
		bool self = self_id && strcmp(found, self_id) == 0;
		char *shown = text_fit(found_name, 60, NULL);

		free(found_name);
		s = self ? ST_OK : status_error(ST_CONFLICT, _("a criterion named '%s' already exists"), shown);
		free(shown);
		return s;
	}
	return s == ST_NOT_FOUND ? ST_OK : s;
}

static enum status criterion_json(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_criterion_json);

	query_bind_text(q, "$id", id);
	return query_first_text(q, out);
}

struct change_ctx {
	const char *criterion;
	const struct criterion_spec *spec;
	const struct criterion_edit *edit;
	bool reopen;
	struct rubric_effect *effect;
};

/* Run fn as one write with an effect the caller may not want. */
static enum status change_write(struct store *st, store_txn_fn fn, struct change_ctx *c)
{
	struct rubric_effect mine = { 0 };
	enum status s;

	if (!c->effect)
		c->effect = &mine;
	s = store_write(st, fn, c);
	if (s != ST_OK && s != ST_CONFLICT)
		rubric_effect_clear(c->effect);
	rubric_effect_clear(&mine);
	return s;
}

static enum status create_txn(struct store *st, void *ctx)
{
	struct change_ctx *c = ctx;
	char *name;
	enum status s = check_unlocked(st);

	rubric_effect_clear(c->effect);
	if (s == ST_OK)
		s = rubric_check_spec(c->spec);
	if (s == ST_OK) {
		name = text_trim(c->spec->name);
		s = check_name_free(st, name, NULL);
		free(name);
	}
	if (s == ST_OK)
		s = rubric_guard_begin(st, c->reopen, c->effect);
	if (s == ST_OK)
		s = rubric_add(st, c->spec);
	if (s == ST_OK)
		s = rubric_guard_finish(st, c->effect);
	return s;
}

enum status rubric_create(struct store *st, const struct criterion_spec *spec, bool reopen,
			  struct rubric_effect *effect)
{
	struct change_ctx c = { .spec = spec, .reopen = reopen, .effect = effect };

	if (spec->description && !text_valid_utf8(spec->description, strlen(spec->description)))
		return status_error(ST_INVALID, _("the description is not valid UTF-8"));
	return change_write(st, create_txn, &c);
}

/* The criterion's spec after the edit, from its current values. */
static struct criterion_spec edited_spec(const struct criterion *cur, const struct criterion_edit *e)
{
	struct criterion_spec spec = {
		.name = e->name ? e->name : cur->name,
		.description = e->description ? e->description : cur->description,
		.weight = e->set_weight ? e->weight : cur->weight,
		.min = e->set_min ? e->min : cur->min,
		.max = e->set_max ? e->max : cur->max,
	};

	return spec;
}

static enum status write_criterion(struct store *st, const char *id, const struct criterion_spec *spec)
{
	char *name = text_trim(spec->name), *key = text_key(name);
	struct query *q;
	enum status s = name_check_lookalike(st, KIND_CRITERION, name, id);

	if (s != ST_OK) {
		free(name);
		free(key);
		return s;
	}
	q = store_query(st, &q_criterion_update);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", name);
	query_bind_text(q, "$key", key);
	query_bind_double(q, "$weight", spec->weight);
	query_bind_int(q, "$min", spec->min);
	query_bind_int(q, "$max", spec->max);
	query_bind_text(q, "$description", spec->description ? spec->description : "");
	s = query_exec(q);
	free(name);
	free(key);
	return s;
}

/* Write the edit with its audit row (none when nothing changed). */
static enum status update_criterion(struct store *st, const char *id, const struct criterion_spec *spec)
{
	char *before = NULL, *after = NULL;
	enum status s = criterion_json(st, id, &before);

	if (s == ST_OK)
		s = write_criterion(st, id, spec);
	if (s == ST_OK)
		s = criterion_json(st, id, &after);
	if (s == ST_OK && strcmp(before, after) != 0) {
		struct audit_entry e = {
			.action = "update", .kind = "criterion", .record_id = id, .before = before, .after = after,
		};

		s = audit_record(st, &e);
	}
	free(before);
	free(after);
	return s;
}

static enum status edit_criterion(struct store *st, struct change_ctx *c, const struct criterion *cur)
{
	struct criterion_spec spec = edited_spec(cur, c->edit);
	bool alters = spec.weight != cur->weight || spec.min != cur->min || spec.max != cur->max;
	char *name;
	enum status s = rubric_check_spec(&spec);

	if (s != ST_OK)
		return s;
	name = text_trim(spec.name);
	s = check_name_free(st, name, cur->id);
	free(name);
	if (s == ST_OK && alters)
		s = rubric_guard_begin(st, c->reopen, c->effect);
	if (s == ST_OK)
		s = update_criterion(st, cur->id, &spec);
	if (s == ST_OK && alters)
		s = rubric_guard_finish(st, c->effect);
	return s;
}

static enum status edit_txn(struct store *st, void *ctx)
{
	struct change_ctx *c = ctx;
	char id[ID_LEN + 1];
	struct rubric r;
	enum status s = record_find(st, KIND_CRITERION, c->criterion, id, NULL);

	rubric_effect_clear(c->effect);
	if (s == ST_OK)
		s = check_unlocked(st);
	if (s != ST_OK || (s = rubric_load(st, &r)) != ST_OK)
		return s;
	s = rubric_find(&r, id) < 0 ? ST_INTERNAL : edit_criterion(st, c, &r.items[rubric_find(&r, id)]);
	rubric_clear(&r);
	return s;
}

enum status rubric_edit(struct store *st, const char *criterion, const struct criterion_edit *edit, bool reopen,
			struct rubric_effect *effect)
{
	struct change_ctx c = { .criterion = criterion, .edit = edit, .reopen = reopen, .effect = effect };

	if ((edit->name && !text_valid_utf8(edit->name, strlen(edit->name))) ||
	    (edit->description && !text_valid_utf8(edit->description, strlen(edit->description))))
		return status_error(ST_INVALID, _("the name and description must be valid UTF-8"));
	return change_write(st, edit_txn, &c);
}

/* keys without "criterion:<id>", joined by ','; NULL when it was not there. */
static char *without_key(const char *keys, const char *id)
{
	char *drop = pd_asprintf("criterion:%s", id), *out = pd_calloc(strlen(keys) + 1, 1);
	char **parts;
	size_t n = text_split(keys, ',', &parts);
	bool found = false;

	for (size_t i = 0; i < n; i++) {
		if (strcmp(parts[i], drop) == 0) {
			found = true;
			continue;
		}
		if (out[0])
			strcat(out, ",");
		strcat(out, parts[i]);
	}
	text_free_parts(parts, n);
	free(drop);
	if (!found) {
		free(out);
		return NULL;
	}
	return out;
}

/* Take a deleted criterion out of the results policy's tie-break chain, audited. */
static enum status drop_tie_break(struct store *st, const char *id)
{
	struct query *q = store_query(st, &q_criterion_tie_break);
	char event_id[ID_LEN + 1], *keys, *before = NULL, *after = NULL;
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? ST_OK : s;
	snprintf(event_id, sizeof(event_id), "%s", query_text(q, TIE_EVENT_ID));
	keys = without_key(query_text(q, TIE_KEYS) ? query_text(q, TIE_KEYS) : "", id);
	query_reset(q);
	if (!keys)
		return ST_OK;
	s = query_first_text(store_query(st, &q_criterion_tie_break_json), &before);
	if (s == ST_OK) {
		q = store_query(st, &q_criterion_set_tie_break);
		query_bind_text(q, "$keys", keys);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = query_first_text(store_query(st, &q_criterion_tie_break_json), &after);
	if (s == ST_OK) {
		struct audit_entry e = {
			.action = "update", .kind = "event", .record_id = event_id, .before = before, .after = after,
		};

		s = audit_record(st, &e);
	}
	free(keys);
	free(before);
	free(after);
	return s;
}

static enum status check_not_last(struct store *st, const char *name)
{
	struct query *q = store_query(st, &q_criterion_count);
	enum status s = query_step(q);
	int64_t n;

	if (s != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	n = query_int(q, COUNT_CRITERIA);
	query_reset(q);
	s = ST_OK;
	if (n <= 1) {
		char *shown = text_fit(name, 60, NULL);

		s = status_error(ST_INVALID, _("'%s' is the last criterion of the rubric; add another before deleting it"),
				 shown);
		free(shown);
	}
	return s;
}

static enum status remove_criterion(struct store *st, const char *id)
{
	char *before = NULL;
	struct query *q;
	enum status s = criterion_json(st, id, &before);

	if (s == ST_OK) {
		q = store_query(st, &q_criterion_delete);
		query_bind_text(q, "$id", id);
		s = query_exec(q);
	}
	if (s == ST_OK) {
		struct audit_entry e = { .action = "delete", .kind = "criterion", .record_id = id, .before = before };

		s = audit_record(st, &e);
	}
	free(before);
	return s == ST_OK ? drop_tie_break(st, id) : s;
}

static enum status delete_txn(struct store *st, void *ctx)
{
	struct change_ctx *c = ctx;
	char id[ID_LEN + 1], *name = NULL;
	enum status s = record_find(st, KIND_CRITERION, c->criterion, id, &name);

	rubric_effect_clear(c->effect);
	if (s == ST_OK)
		s = check_unlocked(st);
	if (s == ST_OK)
		s = check_not_last(st, name);
	if (s == ST_OK)
		s = rubric_guard_begin(st, c->reopen, c->effect);
	if (s == ST_OK)
		s = remove_criterion(st, id);
	if (s == ST_OK)
		s = rubric_guard_finish(st, c->effect);
	free(name);
	return s;
}

enum status rubric_delete(struct store *st, const char *criterion, bool reopen, struct rubric_effect *effect)
{
	struct change_ctx c = { .criterion = criterion, .reopen = reopen, .effect = effect };

	return change_write(st, delete_txn, &c);
}
