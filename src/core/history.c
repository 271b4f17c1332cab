#include "config.h"
#include "podium/history.h"

#include "podium/store.h"

/*
 * History rows: the audit log, oldest first, filtered by team and judge ($team,
 * $judge: ids or NULL for any), each with the name of its record (a sheet's is
 * "judge → team") and, for people, the leaves of before and after that differ.
 */
#define HISTORY_JSON_LEAF(side) \
	"CASE " side ".type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN 'null'" \
	" WHEN 'real' THEN printf('%.2f', " side ".atom) ELSE " side ".atom END"

#define HISTORY_DIFF(from, to) \
	"(SELECT group_concat(b.key || '=' || " HISTORY_JSON_LEAF("b") ", ' ')" \
	" FROM json_tree(iif(json_valid(a." from "), a." from ", NULL)) b" \
	" WHERE b.type NOT IN ('object', 'array') AND NOT EXISTS (SELECT 1" \
	" FROM json_tree(iif(json_valid(a." to "), a." to ", NULL)) x" \
	" WHERE x.fullkey = b.fullkey AND x.type = b.type AND x.atom IS b.atom))"

#define HISTORY_SELECT \
	"SELECT a.seq, datetime(a.at, 'unixepoch', 'localtime') AS at, a.actor, a.action, a.kind," \
	" a.record_id, a.team_id, a.judge_id, a.before, a.after, a.reason," \
	" coalesce((SELECT json_extract(a.after, '$.name') WHERE json_valid(a.after))," \
	"  (SELECT json_extract(a.before, '$.name') WHERE json_valid(a.before))," \
	"  CASE WHEN a.judge_id IS NOT NULL AND a.team_id IS NOT NULL THEN" \
	"  coalesce((SELECT name FROM judge WHERE id = a.judge_id), '?') || ' → ' ||" \
	"  coalesce((SELECT name FROM team WHERE id = a.team_id), '?') END, '') AS record," \
	" coalesce(" HISTORY_DIFF("before", "after") ", '') AS before_changed," \
	" coalesce(" HISTORY_DIFF("after", "before") ", '') AS after_changed" \
	" FROM audit a" \
	" WHERE ($team IS NULL OR a.team_id = $team OR a.record_id = $team)" \
	" AND ($judge IS NULL OR a.judge_id = $judge OR a.record_id = $judge)" \
	" ORDER BY a.seq"

STMT_DEFINE(q_history_rows, HISTORY_SELECT);
enum {
	ROW_SEQ, ROW_AT, ROW_ACTOR, ROW_ACTION, ROW_KIND, ROW_RECORD_ID, ROW_TEAM_ID, ROW_JUDGE_ID, ROW_BEFORE,
	ROW_AFTER, ROW_REASON, ROW_RECORD, ROW_BEFORE_CHANGED, ROW_AFTER_CHANGED
};
STMT_DEFINE(q_history_json,
	    "SELECT json_group_array(json_object('seq', seq, 'at', at, 'actor', actor, 'action', action,"
	    " 'kind', kind, 'record_id', record_id, 'record', record, 'team_id', team_id, 'judge_id', judge_id,"
	    " 'before', iif(json_valid(before), json(before), before),"
	    " 'after', iif(json_valid(after), json(after), after), 'reason', reason))"
	    " FROM (" HISTORY_SELECT ")");

static void bind_filter(struct query *q, const struct history_filter *f)
{
	query_bind_text(q, "$team", f ? f->team_id : NULL);
	query_bind_text(q, "$judge", f ? f->judge_id : NULL);
}

enum status history_each(struct store *st, const struct history_filter *f, history_fn fn, void *ctx)
{
	struct query *q = store_query(st, &q_history_rows);
	enum status s;

	bind_filter(q, f);
	while ((s = query_step(q)) == ST_ROW) {
		struct history_row row = {
			.seq = query_int(q, ROW_SEQ),
			.at = query_text(q, ROW_AT),
			.actor = query_text(q, ROW_ACTOR),
			.action = query_text(q, ROW_ACTION),
			.kind = query_text(q, ROW_KIND),
			.before = query_text(q, ROW_BEFORE),
			.after = query_text(q, ROW_AFTER),
			.reason = query_text(q, ROW_REASON),
			.record = query_text(q, ROW_RECORD),
			.before_changed = query_text(q, ROW_BEFORE_CHANGED),
			.after_changed = query_text(q, ROW_AFTER_CHANGED),
		};

		s = fn(ctx, &row);
		if (s != ST_OK) {
			query_reset(q);
			return s;
		}
	}
	return s == ST_DONE ? ST_OK : s;
}

enum status history_json(struct store *st, const struct history_filter *f, char **out)
{
	struct query *q = store_query(st, &q_history_json);

	bind_filter(q, f);
	return query_first_text(q, out);
}
