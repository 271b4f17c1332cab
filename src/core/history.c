#include "config.h"
#include "podium/history.h"

#include "podium/store.h"

static void bind_filter(struct query *q, const struct history_filter *f)
{
	query_bind_text(q, "$team", f ? f->team_id : NULL);
	query_bind_text(q, "$judge", f ? f->judge_id : NULL);
}

enum status history_each(struct store *st, const struct history_filter *f, history_fn fn, void *ctx)
{
	struct query *q = store_query(st, STMT_HISTORY_ROWS);
	enum status s;

	bind_filter(q, f);
	while ((s = query_step(q)) == ST_ROW) {
		struct history_row row = {
			.seq = query_int(q, 0),
			.at = query_text(q, 1),
			.actor = query_text(q, 2),
			.action = query_text(q, 3),
			.kind = query_text(q, 4),
			.before = query_text(q, 8),
			.after = query_text(q, 9),
			.reason = query_text(q, 10),
			.record = query_text(q, 11),
			.before_changed = query_text(q, 12),
			.after_changed = query_text(q, 13),
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
	struct query *q = store_query(st, STMT_HISTORY_JSON);

	bind_filter(q, f);
	return query_first_text(q, out);
}
