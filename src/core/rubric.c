#include "config.h"
#include "podium/i18n.h"
#include "podium/rubric.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/audit.h"
#include "podium/names.h"
#include "podium/store.h"
#include "podium/text.h"

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
	struct query *q = store_query(st, STMT_CRITERION_ALL);
	size_t cap = 0;
	enum status s;

	out->items = NULL;
	out->count = 0;
	while ((s = query_step(q)) == ST_ROW) {
		struct criterion *c;

		PD_GROW(out->items, out->count, cap);
		c = &out->items[out->count++];
		snprintf(c->id, sizeof(c->id), "%s", query_text(q, 0));
		c->name = pd_strdup(query_text(q, 1));
		c->weight = query_double(q, 2);
		c->min = (int)query_int(q, 3);
		c->max = (int)query_int(q, 4);
		c->description = pd_strdup(query_text(q, 5));
	}
	if (s != ST_DONE) {
		rubric_clear(out);
		return s;
	}
	return ST_OK;
}

int rubric_find(const struct rubric *r, const char *name_or_id)
{
	char *key = text_key(name_or_id);
	int found = -1;

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

enum status rubric_add(struct store *st, const struct criterion_spec *spec)
{
	char id[ID_LEN + 1], *name, *key, *after = NULL;
	struct query *q;
	int64_t position;
	enum status s = rubric_check_spec(spec);

	if (s != ST_OK)
		return s;
	q = store_query(st, STMT_CRITERION_NEXT_POSITION);
	if ((s = query_step(q)) != ST_ROW)
		return s == ST_DONE ? ST_INTERNAL : s;
	position = query_int(q, 0);
	query_reset(q);

	name = text_trim(spec->name);
	s = name_check_lookalike(st, KIND_CRITERION, name, NULL);
	if (s != ST_OK) {
		free(name);
		return s;
	}
	id_new(id);
	key = text_key(name);
	q = store_query(st, STMT_CRITERION_INSERT);
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
		q = store_query(st, STMT_CRITERION_JSON);
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
