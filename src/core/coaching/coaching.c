#include "config.h"
#include "podium/coaching.h"
#include "coaching_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/event.h"
#include "podium/store.h"
#include "podium/text.h"

/* What the coaching files share: busy spans, the rubric's stages, the event's end; and the lists of sessions and coaches. */

STMT_DEFINE(q_coaching_stages, "SELECT name, name_key FROM criterion ORDER BY position");
enum { STAGE_NAME, STAGE_KEY };
STMT_DEFINE_SHARED(q_coaching_teams,
	    "SELECT t.id, t.name, s.starts_at, s.starts_at + s.pitch_s + s.qa_s"
	    " FROM team t LEFT JOIN slot s ON s.team_id = t.id ORDER BY t.name");
STMT_DEFINE_SHARED(q_coaching_coaches, "SELECT id, name FROM coach ORDER BY name");
STMT_DEFINE_SHARED(q_coaching_validated, "SELECT team_id, stage_key FROM team_stage");
STMT_DEFINE_SHARED(q_coaching_insert,
	    "INSERT INTO coach_session(id, coach_id, team_id, stage, starts_at, ends_at, booked)"
	    " VALUES ($id, $coach, $team, $stage, $starts_at, $ends_at, $booked)");
STMT_DEFINE(q_coaching_sessions,
	    "SELECT s.id, s.coach_id, c.name, s.team_id, t.name, s.stage, s.starts_at, s.ends_at"
	    " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id"
	    " WHERE $coach IS NULL OR s.coach_id = $coach ORDER BY s.starts_at, c.name, t.name, s.stage");
enum {
	SESSION_ID, SESSION_COACH_ID, SESSION_COACH, SESSION_TEAM_ID, SESSION_TEAM, SESSION_STAGE, SESSION_START,
	SESSION_END
};
STMT_DEFINE(q_coaching_sessions_json,
	    "SELECT json_group_array(json(o)) FROM (SELECT " STMT_SESSION_OBJECT " AS o"
	    " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id"
	    " ORDER BY s.starts_at, c.name, t.name, s.stage)");

const char *coaching_reason_text(enum coaching_reason r)
{
	static const char *const texts[] = {
#define COACHING_REASON_TEXT(id, text) text,
	    COACHING_REASON_INFO(COACHING_REASON_TEXT)
#undef COACHING_REASON_TEXT
	};

	return (size_t)r < PD_ARRAY_LEN(texts) ? texts[r] : "";
}

/* ---- small pieces ---- */

void coaching_spans_add(struct spans *s, int64_t start, int64_t end)
{
	PD_GROW(s->items, s->count, s->cap);
	s->items[s->count++] = (struct span){start, end};
}

int64_t coaching_spans_hit(const struct spans *s, int64_t start, int64_t end)
{
	int64_t last = 0;

	for (size_t i = 0; i < s->count; i++)
		if (s->items[i].start < end && start < s->items[i].end && s->items[i].end > last)
			last = s->items[i].end;
	return last;
}

void coaching_stages_clear(struct stages *g)
{
	for (size_t i = 0; i < g->count; i++) {
		free(g->names[i]);
		free(g->keys[i]);
	}
	free(g->names);
	free(g->keys);
	memset(g, 0, sizeof(*g));
}

enum status coaching_stages_load(struct store *st, struct stages *g)
{
	struct query *q = store_query(st, &q_coaching_stages);
	size_t names_cap = 0, keys_cap = 0;
	enum status s;

	memset(g, 0, sizeof(*g));
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(g->names, g->count, names_cap);
		PD_GROW(g->keys, g->count, keys_cap);
		g->names[g->count] = pd_strdup(query_text(q, STAGE_NAME));
		g->keys[g->count] = pd_strdup(query_text(q, STAGE_KEY));
		g->count++;
	}
	return s == ST_DONE ? ST_OK : s;
}

long coaching_stages_find_key(const struct stages *g, const char *key)
{
	for (size_t i = 0; key && i < g->count; i++)
		if (strcmp(g->keys[i], key) == 0)
			return (long)i;
	return -1;
}

long coaching_stages_find(const struct stages *g, const char *name)
{
	char *key = text_key(name);
	long i = coaching_stages_find_key(g, key);

	free(key);
	return i;
}

enum status coaching_event_end(struct store *st, int64_t *out)
{
	struct event e;
	enum status s = event_get(st, &e);

	if (s != ST_OK)
		return s;
	*out = e.starts_at + (int64_t)e.hours * 3600;
	event_clear(&e);
	return ST_OK;
}

char *coaching_shown(const char *name)
{
	return text_fit(name, 60, NULL);
}

/* ---- sessions ---- */

void coaching_session_clear(struct coaching_session *s)
{
	free(s->coach);
	free(s->team);
	free(s->stage);
	memset(s, 0, sizeof(*s));
}

static void session_from_row(struct query *q, struct coaching_session *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->id, sizeof(s->id), "%s", query_text(q, SESSION_ID));
	snprintf(s->coach_id, sizeof(s->coach_id), "%s", query_text(q, SESSION_COACH_ID));
	s->coach = pd_strdup(query_text(q, SESSION_COACH));
	snprintf(s->team_id, sizeof(s->team_id), "%s", query_text(q, SESSION_TEAM_ID));
	s->team = pd_strdup(query_text(q, SESSION_TEAM));
	s->stage = pd_strdup(query_text(q, SESSION_STAGE));
	s->start = query_int(q, SESSION_START);
	s->end = query_int(q, SESSION_END);
}

enum status coaching_sessions(struct store *st, const char *coach_id, struct coaching_sessions *out)
{
	struct query *q = store_query(st, &q_coaching_sessions);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$coach", coach_id);
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(out->items, out->count, cap);
		session_from_row(q, &out->items[out->count++]);
	}
	if (s != ST_DONE) {
		coaching_sessions_clear(out);
		return s;
	}
	return ST_OK;
}

void coaching_sessions_clear(struct coaching_sessions *s)
{
	for (size_t i = 0; i < s->count; i++)
		coaching_session_clear(&s->items[i]);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

/* The name of record id through statement by_id (id, name), or ST_NOT_FOUND saying what. */

enum status coaching_coaches(struct store *st, struct coaching_coach **out, size_t *n)
{
	struct query *q = store_query(st, &q_coaching_coaches);
	size_t cap = 0;
	enum status s;

	*out = NULL;
	*n = 0;
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(*out, *n, cap);
		snprintf((*out)[*n].id, sizeof((*out)[*n].id), "%s", query_text(q, COACH_COL_ID));
		(*out)[*n].name = pd_strdup(query_text(q, COACH_COL_NAME));
		(*n)++;
	}
	if (s != ST_DONE) {
		coaching_coaches_free(*out, *n);
		*out = NULL;
		*n = 0;
		return s;
	}
	return ST_OK;
}

void coaching_coaches_free(struct coaching_coach *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

enum status coaching_sessions_json(struct store *st, char **out)
{
	return query_first_text(store_query(st, &q_coaching_sessions_json), out);
}
