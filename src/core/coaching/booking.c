#include "config.h"
#include "podium/coaching.h"
#include "coaching_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/i18n.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* Booking by hand: a session booked, moved or cancelled, checked against both sides' time. */

STMT_DEFINE(q_coaching_in_window,
	    "SELECT 1 FROM coach_window WHERE coach_id = $coach AND starts_at <= $start AND ends_at >= $end");
STMT_DEFINE(q_coaching_session_json,
	    "SELECT " STMT_SESSION_OBJECT " FROM coach_session s JOIN coach c ON c.id = s.coach_id"
	    " JOIN team t ON t.id = s.team_id WHERE s.id = $id");
STMT_DEFINE(q_coaching_session_get,
	    "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE id = $id");
enum { GET_COACH, GET_TEAM, GET_STAGE, GET_START, GET_END };
STMT_DEFINE(q_coaching_session_move,
	    "UPDATE coach_session SET starts_at = $starts_at, ends_at = $ends_at WHERE id = $id");
STMT_DEFINE(q_coaching_session_delete, "DELETE FROM coach_session WHERE id = $id");
/* spans of time for read_spans(): the coach's and the team's busy times, the coach's windows */
STMT_DEFINE(q_coaching_busy_coach,
	    "SELECT starts_at, ends_at FROM coach_session WHERE coach_id = $coach AND id <> $except"
	    " AND ends_at > $from ORDER BY starts_at");
STMT_DEFINE(q_coaching_busy_team,
	    "SELECT starts_at, ends_at FROM coach_session WHERE team_id = $team AND id <> $except"
	    " AND ends_at > $from UNION ALL SELECT starts_at, starts_at + pitch_s + qa_s FROM slot"
	    " WHERE team_id = $team AND starts_at + pitch_s + qa_s > $from ORDER BY 1");
STMT_DEFINE(q_coaching_coach_windows,
	    "SELECT starts_at, ends_at FROM coach_window WHERE coach_id = $coach ORDER BY starts_at");
enum { SPAN_START, SPAN_END };
STMT_DEFINE(q_coaching_coach_skills, "SELECT skill_key FROM coach_skill WHERE coach_id = $coach");
enum { COACH_SKILL_KEY };
STMT_DEFINE(q_coaching_team_pitch, "SELECT starts_at FROM slot WHERE team_id = $team");
enum { PITCH_START };
/* a team's stages, by key (validated) or by name (booked): team_stage_flags() */
STMT_DEFINE(q_coaching_team_validated, "SELECT stage_key FROM team_stage WHERE team_id = $team");
STMT_DEFINE(q_coaching_team_booked,
	    "SELECT stage FROM coach_session WHERE team_id = $team AND ends_at > $now");
enum { TEAM_STAGE };

static enum status read_spans(struct query *q, struct spans *out)
{
	enum status s;

	while ((s = query_step(q)) == ST_ROW)
		coaching_spans_add(out, query_int(q, SPAN_START), query_int(q, SPAN_END));
	return s == ST_DONE ? ST_OK : s;
}

static enum status busy_of(struct store *st, struct stmt *id, const char *name, const char *who,
			   const char *except, int64_t from, struct spans *out)
{
	struct query *q = store_query(st, id);

	query_bind_text(q, name, who);
	query_bind_text(q, "$except", except);
	query_bind_int(q, "$from", from);
	return read_spans(q, out);
}

static enum status session_json(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_coaching_session_json);

	query_bind_text(q, "$id", id);
	return query_first_text(q, out);
}

static enum status audit_session(struct store *st, const char *action, const char *id,
				 const char *team_id, const char *before, const char *after)
{
	struct audit_entry e = {
	    .action = action,
	    .kind = "coach_session",
	    .record_id = id,
	    .team_id = team_id,
	    .before = before,
	    .after = after,
	};

	return audit_record(st, &e);
}

struct book_ctx {
	const char *coach_id, *team_id;
	int64_t len;
	struct coaching_session *out;
};

/* Collect the keys a statement bound with $team (and $now) returns in column 0, keyed with
 * text_key. */
static enum status team_stage_flags(struct store *st, struct stmt *id, const char *team_id,
				    int64_t now, const struct stages *g, bool *flags)
{
	struct query *q = store_query(st, id);
	enum status s;

	query_bind_text(q, "$team", team_id);
	if (id == &q_coaching_team_booked)
		query_bind_int(q, "$now", now);
	while ((s = query_step(q)) == ST_ROW) {
		const char *stage = query_text(q, TEAM_STAGE);
		long i = id == &q_coaching_team_booked ? coaching_stages_find(g, stage)
							 : coaching_stages_find_key(g, stage);

		if (i >= 0)
			flags[i] = true;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* The stage to book: the first neither validated nor booked, the coach's skills first; -1 when
 * none. */
static enum status book_stage(struct store *st, const struct book_ctx *c, const struct stages *g,
			      int64_t now, long *out)
{
	bool *done = pd_calloc(g->count + 1, sizeof(bool)),
	     *skill = pd_calloc(g->count + 1, sizeof(bool));
	struct query *q;
	enum status s =
	    team_stage_flags(st, &q_coaching_team_validated, c->team_id, now, g, done);

	if (s == ST_OK)
		s = team_stage_flags(st, &q_coaching_team_booked, c->team_id, now, g, done);
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_coach_skills);
		query_bind_text(q, "$coach", c->coach_id);
		while ((s = query_step(q)) == ST_ROW) {
			long i = coaching_stages_find_key(g, query_text(q, COACH_SKILL_KEY));

			if (i >= 0)
				skill[i] = true;
		}
		s = s == ST_DONE ? ST_OK : s;
	}
	*out = -1;
	for (size_t i = 0; s == ST_OK && i < g->count && *out < 0; i++)
		if (!done[i] && skill[i])
			*out = (long)i;
	for (size_t i = 0; s == ST_OK && i < g->count && *out < 0; i++)
		if (!done[i])
			*out = (long)i;
	free(done);
	free(skill);
	return s;
}

bool coaching_first_free(const struct spans *windows, const struct spans *a, const struct spans *b,
		       int64_t from, int64_t until, int64_t len, int64_t *out)
{
	for (size_t w = 0; w < windows->count; w++) {
		int64_t t = windows->items[w].start > from ? windows->items[w].start : from;
		int64_t end = windows->items[w].end < until ? windows->items[w].end : until;

		while (t + len <= end) {
			int64_t ha = coaching_spans_hit(a, t, t + len), hb = coaching_spans_hit(b, t, t + len);

			if (!ha && !hb) {
				*out = t;
				return true;
			}
			t = ha > hb ? ha : hb;
		}
	}
	return false;
}

static enum status book_txn(struct store *st, void *ctx)
{
	struct book_ctx *c = ctx;
	struct stages g = {0};
	struct spans windows = {0}, coach_busy = {0}, team_busy = {0};
	char *coach = NULL, *team = NULL, *after = NULL, id[ID_LEN + 1];
	int64_t now = clock_local_now(), from = (now + 299) / 300 * 300, until = 0, start = 0;
	long stage = -1;
	struct query *q;
	enum status s = record_name(st, KIND_COACH, c->coach_id, &coach);

	if (s == ST_OK)
		s = record_name(st, KIND_TEAM, c->team_id, &team);
	if (s == ST_OK)
		s = coaching_event_end(st, &until);
	if (s == ST_OK)
		s = coaching_stages_load(st, &g);
	if (s == ST_OK)
		s = book_stage(st, c, &g, now, &stage);
	if (s == ST_OK && stage < 0) {
		char *t = coaching_shown(team);

		s = status_error(ST_INVALID, _("every stage of '%s' is validated or booked already"),
				 t);
		free(t);
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_coach_windows);
		query_bind_text(q, "$coach", c->coach_id);
		s = read_spans(q, &windows);
	}
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_coach, "$coach", c->coach_id, "", from,
			    &coach_busy);
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_team, "$team", c->team_id, "", from, &team_busy);
	if (s == ST_OK) {
		/* before the team's pitch, when it is still to come */
		q = store_query(st, &q_coaching_team_pitch);
		query_bind_text(q, "$team", c->team_id);
		if (query_step(q) == ST_ROW) {
			int64_t pitch = query_int(q, PITCH_START);

			if (pitch > from && pitch < until)
				until = pitch;
		}
		query_reset(q);
		if (windows.count == 0)
			coaching_spans_add(&windows, from, until);
		if (!coaching_first_free(&windows, &coach_busy, &team_busy, from, until, c->len, &start)) {
			char *cn = coaching_shown(coach), *tn = coaching_shown(team);

			s = status_error(ST_INVALID,
					 _("%s and %s are not both free for %lld minutes before the "
					 "pitch"),
					 cn, tn, (long long)(c->len / 60));
			free(cn);
			free(tn);
		}
	}
	if (s == ST_OK) {
		id_new(id);
		q = store_query(st, &q_coaching_insert);
		query_bind_text(q, "$id", id);
		query_bind_text(q, "$coach", c->coach_id);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$stage", g.names[stage]);
		query_bind_int(q, "$starts_at", start);
		query_bind_int(q, "$ends_at", start + c->len);
		query_bind_int(q, "$booked", 1);	/* booked by hand: 'coach plan' keeps it */
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = session_json(st, id, &after);
	if (s == ST_OK)
		s = audit_session(st, "book", id, c->team_id, NULL, after);
	if (s == ST_OK && c->out) {
		coaching_session_clear(c->out);
		snprintf(c->out->id, sizeof(c->out->id), "%s", id);
		snprintf(c->out->coach_id, sizeof(c->out->coach_id), "%s", c->coach_id);
		snprintf(c->out->team_id, sizeof(c->out->team_id), "%s", c->team_id);
		c->out->coach = pd_strdup(coach);
		c->out->team = pd_strdup(team);
		c->out->stage = pd_strdup(g.names[stage]);
		c->out->start = start;
		c->out->end = start + c->len;
	}
	free(coach);
	free(team);
	free(after);
	free(windows.items);
	free(coach_busy.items);
	free(team_busy.items);
	coaching_stages_clear(&g);
	return s;
}

enum status coaching_book(struct store *st, const char *coach_id, const char *team_id,
			  int length_min, struct coaching_session *out)
{
	struct book_ctx c = {coach_id, team_id, (int64_t)length_min * 60, out};

	if (out)
		memset(out, 0, sizeof(*out));
	if (length_min < COACHING_LENGTH_MIN || length_min > COACHING_LENGTH_MAX)
		return status_error(ST_INVALID,
				    _("a coach session lasts from %d to %d minutes, not %d"),
				    COACHING_LENGTH_MIN, COACHING_LENGTH_MAX, length_min);
	return store_write(st, book_txn, &c);
}

struct move_ctx {
	const char *id;
	int64_t start;
	bool cancel;
};

/* True when [start, end) lies within one of the coach's availability windows. */
static bool in_window(struct store *st, const char *coach, int64_t start, int64_t end)
{
	struct query *q = store_query(st, &q_coaching_in_window);
	bool hit;

	query_bind_text(q, "$coach", coach);
	query_bind_int(q, "$start", start);
	query_bind_int(q, "$end", end);
	hit = query_step(q) == ST_ROW;
	query_reset(q);
	return hit;
}

static enum status move_txn(struct store *st, void *ctx)
{
	struct move_ctx *c = ctx;
	struct query *q = store_query(st, &q_coaching_session_get);
	struct spans coach_busy = {0}, team_busy = {0};
	char coach[ID_LEN + 1], team[ID_LEN + 1], *before = NULL, *after = NULL;
	int64_t len;
	enum status s;

	query_bind_text(q, "$id", c->id);
	s = query_step(q);
	if (s == ST_DONE)
		return status_error(ST_NOT_FOUND, _("no coach session with the id '%s'"), c->id);
	if (s != ST_ROW)
		return s;
	snprintf(coach, sizeof(coach), "%s", query_text(q, GET_COACH));
	snprintf(team, sizeof(team), "%s", query_text(q, GET_TEAM));
	len = query_int(q, GET_END) - query_int(q, GET_START);
	query_reset(q);
	s = session_json(st, c->id, &before);
	if (s == ST_OK && c->cancel) {
		q = store_query(st, &q_coaching_session_delete);
		query_bind_text(q, "$id", c->id);
		s = query_exec(q);
		if (s == ST_OK)
			s = audit_session(st, "delete", c->id, team, before, NULL);
		free(before);
		return s;
	}
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_coach, "$coach", coach, c->id, c->start,
			    &coach_busy);
	if (s == ST_OK)
		s = busy_of(st, &q_coaching_busy_team, "$team", team, c->id, c->start,
			    &team_busy);
	if (s == ST_OK) {
		bool coach_hit = coaching_spans_hit(&coach_busy, c->start, c->start + len) != 0;
		bool team_hit = coaching_spans_hit(&team_busy, c->start, c->start + len) != 0;

		char at[17];

		clock_format(c->start, at);
		if (coach_hit && team_hit)
			s = status_error(ST_INVALID, _("the coach and the team are busy at %s: pick another time"), at);
		else if (coach_hit)
			s = status_error(ST_INVALID, _("the coach is busy at %s: pick another time"), at);
		else if (team_hit)
			s = status_error(ST_INVALID, _("the team is busy at %s: pick another time"), at);
		else if (!in_window(st, coach, c->start, c->start + len))
			s = status_error(ST_INVALID, _("the coach is not available at %s: pick a time in their windows"), at);
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_session_move);
		query_bind_text(q, "$id", c->id);
		query_bind_int(q, "$starts_at", c->start);
		query_bind_int(q, "$ends_at", c->start + len);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = session_json(st, c->id, &after);
	if (s == ST_OK)
		s = audit_session(st, "move", c->id, team, before, after);
	free(before);
	free(after);
	free(coach_busy.items);
	free(team_busy.items);
	return s;
}

enum status coaching_move(struct store *st, const char *session_id, int64_t start)
{
	struct move_ctx c = {session_id, start, false};

	return store_write(st, move_txn, &c);
}

enum status coaching_cancel(struct store *st, const char *session_id)
{
	struct move_ctx c = {session_id, 0, true};

	return store_write(st, move_txn, &c);
}
