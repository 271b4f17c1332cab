#include "config.h"
#include "podium/i18n.h"
#include "podium/import.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/csv.h"
#include "podium/names.h"
#include "podium/people.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/text.h"

/*
 * Every import runs one transaction: row by row, in file order, check the row
 * (its numbers, its windows, its name against the earlier rows and the
 * database) and write it; the first error rolls everything back and names its
 * line. A busy file reruns the whole transaction, so nothing here outlives one
 * attempt.
 */

/* ---- a set of keys seen, with the line each was first seen on ---- */

struct seen {
	char **keys;
	int *lines;
	size_t cap, count;
};

static uint64_t hash_key(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void seen_grow(struct seen *set)
{
	struct seen bigger = { 0 };

	bigger.cap = set->cap ? set->cap * 2 : 64;
	bigger.keys = pd_calloc(bigger.cap, sizeof(*bigger.keys));
	bigger.lines = pd_calloc(bigger.cap, sizeof(*bigger.lines));
	for (size_t i = 0; i < set->cap; i++) {
		if (set->keys[i]) {
			size_t at = hash_key(set->keys[i]) & (bigger.cap - 1);

			while (bigger.keys[at])
				at = (at + 1) & (bigger.cap - 1);
			bigger.keys[at] = set->keys[i];
			bigger.lines[at] = set->lines[i];
		}
	}
	bigger.count = set->count;
	free(set->keys);
	free(set->lines);
	*set = bigger;
}

/* Add key (copied) first seen on line; 0 when new, else the line it was first seen on. */
static int seen_add(struct seen *set, const char *key, int line)
{
	size_t at;

	if ((set->count + 1) * 2 > set->cap)
		seen_grow(set);
	at = hash_key(key) & (set->cap - 1);
	while (set->keys[at]) {
		if (strcmp(set->keys[at], key) == 0)
			return set->lines[at];
		at = (at + 1) & (set->cap - 1);
	}
	set->keys[at] = pd_strdup(key);
	set->lines[at] = line;
	set->count++;
	return 0;
}

static void seen_clear(struct seen *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	free(set->lines);
	memset(set, 0, sizeof(*set));
}

/* ---- one import ---- */

enum column {
	COL_NAME,
	COL_PROJECT,
	COL_TRACKS,
	COL_MEMBERS,
	COL_TABLE,
	COL_DESCRIPTION,
	COL_EMAIL,
	COL_UNIX_USER,
	COL_PIN,
	COL_SKILLS,
	COL_AVAILABLE,
	COL_WEIGHT,
	COL_MIN,
	COL_MAX,
	COL_CAPACITY,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
	"name", "project", "tracks", "members", "table", "description", "email",
	"unix_user", "pin", "skills", "available", "weight", "min", "max", "capacity",
};

struct run {
	const char *source;
	const struct csv_table *t;
	enum record_kind kind;
	enum status (*row)(struct store *st, struct run *run, size_t r);
	int col[COL_COUNT];
	struct seen names, users;
	size_t count;
	bool reopen;			/* criteria: turn the submitted sheets back into drafts */
	struct rubric_effect *effect;	/* criteria: what that did */
};

static const char *cell(const struct run *run, size_t r, enum column c)
{
	return csv_cell(run->t, r, run->col[c]);
}

/* Return s again with "SOURCE:LINE: " in front of its message. */
static enum status locate(const struct run *run, int line, enum status s)
{
	char msg[1024];

	snprintf(msg, sizeof(msg), "%s", status_message(s));
	return status_error(s, _("%s:%d: %s"), run->source, line, msg);
}

/* A name from the file, fitted for a message (escape sequences made harmless). */
static char *shown(const char *s)
{
	return text_fit(s, 60, NULL);
}

static enum status teams_row(struct store *st, struct run *run, size_t r)
{
	struct team_spec spec = {
		.name = cell(run, r, COL_NAME),
		.project = cell(run, r, COL_PROJECT),
		.table = cell(run, r, COL_TABLE),
		.description = cell(run, r, COL_DESCRIPTION),
	};
	enum status s;

	spec.ntracks = text_split(cell(run, r, COL_TRACKS), ';', &spec.tracks);
	spec.nmembers = text_split(cell(run, r, COL_MEMBERS), ';', &spec.members);
	s = team_add(st, &spec, NULL);
	text_free_parts(spec.tracks, spec.ntracks);
	text_free_parts(spec.members, spec.nmembers);
	return s;
}

/* A login is given once per file (judges and coaches alike: one person, one screen). */
static enum status login_once(struct run *run, size_t r, const char *login)
{
	int earlier = login[0] ? seen_add(&run->users, login, run->t->lines[r]) : 0;
	enum status s;
	char *user;

	if (!earlier)
		return ST_OK;
	user = shown(login);
	s = status_error(ST_CONFLICT, _("the user name '%s' appears twice, also on line %d"), user, earlier);
	free(user);
	return s;
}

static enum status judges_row(struct store *st, struct run *run, size_t r)
{
	struct judge_spec spec = {
		.name = cell(run, r, COL_NAME),
		.email = cell(run, r, COL_EMAIL),
		.unix_user = cell(run, r, COL_UNIX_USER),
		.pin = cell(run, r, COL_PIN),
	};
	enum status s = login_once(run, r, spec.unix_user);

	if (s != ST_OK)
		return s;
	spec.ntracks = text_split(cell(run, r, COL_TRACKS), ';', &spec.tracks);
	s = judge_add(st, &spec, NULL);
	text_free_parts(spec.tracks, spec.ntracks);
	return s;
}

static enum status coaches_row(struct store *st, struct run *run, size_t r)
{
	struct coach_spec spec = {
		.name = cell(run, r, COL_NAME),
		.email = cell(run, r, COL_EMAIL),
		.unix_user = cell(run, r, COL_UNIX_USER),
	};
	struct coach_window *windows;
	enum status s = login_once(run, r, spec.unix_user);
	char **parts;
	size_t n;

	if (s != ST_OK)
		return s;
	n = text_split(cell(run, r, COL_AVAILABLE), ';', &parts);

	windows = pd_malloc((n ? n : 1) * sizeof(*windows));
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		if (!coach_parse_window(parts[i], &windows[i])) {
			char *w = shown(parts[i]);

			s = status_error(
			    ST_INVALID,
			    _("the availability '%s' is not a window like '2026-12-05 09:00-12:30'"),
			    w);
			free(w);
		}
	}
	text_free_parts(parts, n);
	if (s == ST_OK) {
		spec.windows = windows;
		spec.nwindows = n;
		spec.nskills = text_split(cell(run, r, COL_SKILLS), ';', &spec.skills);
		s = coach_add(st, &spec, NULL);
		text_free_parts(spec.skills, spec.nskills);
	}
	free(windows);
	return s;
}

/* The C locale, so "1.5" reads the same whatever the user's LC_NUMERIC. */
static locale_t c_locale(void)
{
	static locale_t loc;

	if (!loc && !(loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)))
		pd_die(_("out of memory"));
	return loc;
}

static bool parse_real(const char *s, double *out)
{
	char *end;

	if (!s[0])
		return false;
	errno = 0;
	*out = strtod_l(s, &end, c_locale());
	return !errno && *end == '\0' && isfinite(*out);
}

static bool parse_long(const char *s, long min, long max, long *out)
{
	char *end;

	if (!s[0])
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return !errno && *end == '\0' && *out >= min && *out <= max;
}

static enum status bad_number(const char *column, const char *value, const char *what)
{
	char *v = shown(value);
	enum status s = status_error(ST_INVALID, _("the %s '%s' is not %s"), column, v, what);

	free(v);
	return s;
}

static enum status criteria_row(struct store *st, struct run *run, size_t r)
{
	struct criterion_spec spec = {
		.name = cell(run, r, COL_NAME),
		.description = cell(run, r, COL_DESCRIPTION),
		.weight = 1,
		.min = 1,
		.max = 5,
	};
	const char *weight = cell(run, r, COL_WEIGHT);
	const char *min = cell(run, r, COL_MIN), *max = cell(run, r, COL_MAX);
	long v;

	if (weight[0] && (!parse_real(weight, &spec.weight) || spec.weight <= 0))
		return bad_number("weight", weight, _("a number above 0"));
	if (min[0]) {
		if (!parse_long(min, INT_MIN, INT_MAX, &v))
			return bad_number("min", min, _("a whole number"));
		spec.min = (int)v;
	}
	if (max[0]) {
		if (!parse_long(max, INT_MIN, INT_MAX, &v))
			return bad_number("max", max, _("a whole number"));
		spec.max = (int)v;
	}
	return rubric_add(st, &spec);
}

static enum status rooms_row(struct store *st, struct run *run, size_t r)
{
	struct room_spec spec = { .name = cell(run, r, COL_NAME), .capacity = -1 };
	const char *capacity = cell(run, r, COL_CAPACITY);
	enum status s;

	if (capacity[0]) {
		long v;

		if (!parse_long(capacity, 0, LONG_MAX, &v))
			return bad_number("capacity", capacity,
					  _("a whole number of seats (0 or more)"));
		spec.capacity = v;
	}
	spec.ntracks = text_split(cell(run, r, COL_TRACKS), ';', &spec.tracks);
	s = room_add(st, &spec, NULL);
	text_free_parts(spec.tracks, spec.ntracks);
	return s;
}

static enum status import_txn(struct store *st, void *ctx)
{
	struct run *run = ctx;
	const struct csv_table *t = run->t;
	enum status s = ST_OK;

	run->count = 0;
	/* each attempt of the transaction checks look-alikes afresh, against the file and the event */
	name_batch_begin(st);
	for (size_t r = 0; s == ST_OK && r < t->nrows; r++) {
		const char *name = cell(run, r, COL_NAME);
		char *key = text_key(name);
		int earlier = 0;

		if (!key || !key[0]) {
			s = status_error(ST_INVALID, _("the %s has no name; every row needs one"),
					 record_kind_name(run->kind));
		} else if ((earlier = seen_add(&run->names, key, t->lines[r])) != 0) {
			char *n = shown(name);

			s = status_error(ST_CONFLICT, _("the %s '%s' appears twice, also on line %d"),
					 record_kind_name(run->kind), n, earlier);
			free(n);
		} else {
			s = run->row(st, run, r);
		}
		free(key);
		if (s == ST_OK)
			run->count++;
		else
			s = locate(run, t->lines[r], s);
	}
	/* new criteria change every total: refused once sheets are submitted, unless they
	 * become drafts; totals are recomputed against the new rubric in this transaction */
	if (s == ST_OK && run->kind == KIND_CRITERION && run->count > 0) {
		s = rubric_guard_begin(st, run->reopen, run->effect);
		if (s == ST_OK)
			s = rubric_guard_finish(st, run->effect);
	}
	name_batch_end();
	seen_clear(&run->names);
	seen_clear(&run->users);
	return s;
}

static enum status run_import_with(struct store *st, const char *source, const struct csv_table *t,
				   struct run *run, enum status (*row)(struct store *, struct run *, size_t),
				   size_t *count);

static enum status run_import(struct store *st, const char *source, const struct csv_table *t,
			      enum record_kind kind,
			      enum status (*row)(struct store *, struct run *, size_t),
			      size_t *count)
{
	struct run run = { .kind = kind };

	return run_import_with(st, source, t, &run, row, count);
}

/* run: the kind and its options; the rest is filled here. */
static enum status run_import_with(struct store *st, const char *source, const struct csv_table *t,
				   struct run *r, enum status (*row)(struct store *, struct run *, size_t),
				   size_t *count)
{
	struct run run = *r;
	enum status s;

	run.source = source;
	run.t = t;
	run.row = row;

	*count = 0;
	for (int c = 0; c < COL_COUNT; c++)
		run.col[c] = csv_column(t, column_names[c]);
	if (run.col[COL_NAME] < 0) {
		char have[200] = "";
		size_t used = 0;

		for (size_t i = 0; i < t->ncols && used < sizeof(have) - 1; i++) {
			char *h = text_fit(t->header[i], 30, NULL);
			int n =
			    snprintf(have + used, sizeof(have) - used, "%s%s", i ? ", " : "", h);

			free(h);
			if (n < 0 || (size_t)n >= sizeof(have) - used)
				break;
			used += (size_t)n;
		}
		return status_error(ST_INVALID,
				    _("%s:%d: the column 'name' is missing; the header has: %s"),
				    source, t->header_line ? t->header_line : 1, have);
	}
	store_set_large_cache(st);
	s = store_write(st, import_txn, &run);
	if (s == ST_OK)
		*count = run.count;
	return s;
}

enum status import_teams(struct store *st, const char *source, const struct csv_table *t,
			 size_t *count)
{
	return run_import(st, source, t, KIND_TEAM, teams_row, count);
}

enum status import_judges(struct store *st, const char *source, const struct csv_table *t,
			  size_t *count)
{
	return run_import(st, source, t, KIND_JUDGE, judges_row, count);
}

enum status import_coaches(struct store *st, const char *source, const struct csv_table *t,
			   size_t *count)
{
	return run_import(st, source, t, KIND_COACH, coaches_row, count);
}

enum status import_criteria(struct store *st, const char *source, const struct csv_table *t,
			    size_t *count)
{
	return import_criteria_reopen(st, source, t, false, NULL, count);
}

enum status import_criteria_reopen(struct store *st, const char *source, const struct csv_table *t,
				   bool reopen, struct rubric_effect *effect, size_t *count)
{
	struct rubric_effect mine = { 0 };
	struct run run = { .kind = KIND_CRITERION, .reopen = reopen, .effect = effect ? effect : &mine };
	enum status s = run_import_with(st, source, t, &run, criteria_row, count);

	if (s != ST_OK && s != ST_CONFLICT)
		rubric_effect_clear(run.effect);
	rubric_effect_clear(&mine);
	return s;
}

enum status import_rooms(struct store *st, const char *source, const struct csv_table *t,
			 size_t *count)
{
	return run_import(st, source, t, KIND_ROOM, rooms_row, count);
}
