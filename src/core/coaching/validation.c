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

/* A coach validates a team's stage. */

STMT_DEFINE(q_coaching_stage_get,
	    "SELECT 1 FROM team_stage WHERE team_id = $team AND stage_key = $key");
STMT_DEFINE(q_coaching_stage_insert,
	    "INSERT INTO team_stage(team_id, stage_key, stage, validated_by, validated_at)"
	    " VALUES ($team, $key, $stage, $coach, $now)");
STMT_DEFINE(q_coaching_stage_json,
	    "SELECT json_object('team', t.name, 'stage', g.stage, 'coach', c.name,"
	    " 'validated_at', strftime('%Y-%m-%dT%H:%M:%SZ', g.validated_at, 'unixepoch'))"
	    " FROM team_stage g JOIN team t ON t.id = g.team_id LEFT JOIN coach c ON c.id = g.validated_by"
	    " WHERE g.team_id = $team AND g.stage_key = $key");

struct validate_ctx {
	const char *coach_id, *team_id, *stage;
};

static enum status validate_txn(struct store *st, void *ctx)
{
	struct validate_ctx *c = ctx;
	struct stages g = {0};
	char *team = NULL, *coach = NULL, *after = NULL;
	long i = -1;
	struct query *q;
	enum status s = record_name(st, KIND_TEAM, c->team_id, &team);

	if (s == ST_OK && c->coach_id)
		s = record_name(st, KIND_COACH, c->coach_id, &coach);
	if (s == ST_OK)
		s = coaching_stages_load(st, &g);
	if (s == ST_OK) {
		i = c->stage ? coaching_stages_find(&g, c->stage) : -1;
		if (i < 0 && c->stage) {
			/* or the criterion's id */
			char *stage_name = NULL;

			if (record_name(st, KIND_CRITERION, c->stage, &stage_name) == ST_OK)
				i = coaching_stages_find(&g, stage_name);
			free(stage_name);
		}
		if (i < 0) {
			char *shown_stage = coaching_shown(c->stage ? c->stage : "");

			s = status_error(ST_NOT_FOUND, _("no stage '%s' in the rubric"), shown_stage);
			free(shown_stage);
		}
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_stage_get);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$key", g.keys[i]);
		s = query_step(q);
		query_reset(q);
		if (s == ST_ROW) {
			s = ST_DONE; /* validated already: nothing to write */
		} else if (s == ST_DONE) {
			q = store_query(st, &q_coaching_stage_insert);
			query_bind_text(q, "$team", c->team_id);
			query_bind_text(q, "$key", g.keys[i]);
			query_bind_text(q, "$stage", g.names[i]);
			query_bind_text(q, "$coach", c->coach_id);
			query_bind_int(q, "$now", clock_now());
			s = query_exec(q);
		}
	}
	if (s == ST_OK) {
		q = store_query(st, &q_coaching_stage_json);
		query_bind_text(q, "$team", c->team_id);
		query_bind_text(q, "$key", g.keys[i]);
		s = query_first_text(q, &after);
	}
	if (s == ST_OK) {
		struct audit_entry e = {
		    .action = "validate",
		    .kind = "stage",
		    .record_id = c->team_id,
		    .team_id = c->team_id,
		    .after = after,
		};

		s = audit_record(st, &e);
	}
	if (s == ST_DONE)
		s = ST_OK;
	free(team);
	free(coach);
	free(after);
	coaching_stages_clear(&g);
	return s;
}

enum status coaching_validate(struct store *st, const char *coach_id, const char *team_id,
			      const char *stage)
{
	struct validate_ctx c = {coach_id, team_id, stage};

	return store_write(st, validate_txn, &c);
}
