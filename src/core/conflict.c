#include "config.h"
#include "podium/conflict.h"

#include <stdlib.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/i18n.h"
#include "podium/store.h"

/* Conflicts of interest: a judge who must not judge a team. */

STMT_DEFINE(q_conflict_insert,
	    "INSERT INTO conflict(judge_id, team_id, reason, created_at) VALUES ($judge, $team, $reason, $now)"
	    " ON CONFLICT(judge_id, team_id) DO UPDATE SET reason = excluded.reason");
STMT_DEFINE(q_conflict_json,
	    "SELECT json_object('judge', j.name, 'team', t.name, 'reason', c.reason) FROM conflict c"
	    " JOIN judge j ON j.id = c.judge_id JOIN team t ON t.id = c.team_id"
	    " WHERE c.judge_id = $judge AND c.team_id = $team");

struct conflict_ctx {
	const char *judge_id, *team_id, *reason;
};

static enum status conflict_txn(struct store *st, void *ctx)
{
	struct conflict_ctx *c = ctx;
	struct query *q = store_query(st, &q_conflict_insert);
	char *after = NULL;
	enum status s;

	query_bind_text(q, "$judge", c->judge_id);
	query_bind_text(q, "$team", c->team_id);
	query_bind_text(q, "$reason", c->reason ? c->reason : "");
	query_bind_int(q, "$now", clock_now());
	s = query_exec(q);
	if (s == ST_INVALID)
		return status_error(ST_NOT_FOUND, _("no such judge or team"));
	if (s == ST_OK) {
		q = store_query(st, &q_conflict_json);
		query_bind_text(q, "$judge", c->judge_id);
		query_bind_text(q, "$team", c->team_id);
		s = query_first_text(q, &after);
	}
	if (s == ST_OK) {
		struct audit_entry e = {
			.action = "create", .kind = "conflict", .team_id = c->team_id,
			.judge_id = c->judge_id, .after = after, .reason = c->reason,
		};

		s = audit_record(st, &e);
	}
	free(after);
	return s;
}

enum status conflict_declare(struct store *st, const char *judge_id, const char *team_id, const char *reason)
{
	struct conflict_ctx c = { judge_id, team_id, reason };

	return store_write(st, conflict_txn, &c);
}
