#include "config.h"

#include "podium/stale.h"

#include <string.h>

#include "podium/common.h"
#include "podium/store.h"

STMT_DEFINE(q_stale_last_audit, "SELECT coalesce(max(seq), 0) FROM audit");
enum { LAST_SEQ };
STMT_DEFINE(q_stale_audit_since, "SELECT kind, max(seq) FROM audit WHERE seq > $seq GROUP BY kind");
enum { SINCE_KIND, SINCE_SEQ };

/* The kinds whose changes stay narrow; any other kind (a team deleted, a role granted...) counts as all. */
static const struct {
	const char *kind;
	unsigned changes;
} narrow[] = {
	{ "sheet", WATCH_SHEETS },
	{ "conflict", WATCH_SHEETS },
	{ "panel", WATCH_SHEETS },
	{ "criterion", WATCH_RUBRIC | WATCH_SHEETS },
	{ "timer", WATCH_SLOTS },
	{ "slot", WATCH_SLOTS },
	{ "schedule", WATCH_SLOTS },
	{ "phase", WATCH_TIMELINE },
	{ "stage", WATCH_COACHING },
	{ "coach_session", WATCH_COACHING },
	{ "event", WATCH_EVENT },
};

unsigned stale_of_audit_kind(const char *kind)
{
	for (size_t i = 0; kind && i < PD_ARRAY_LEN(narrow); i++)
		if (strcmp(kind, narrow[i].kind) == 0)
			return narrow[i].changes;
	return WATCH_ALL;
}

struct since_ctx {
	int64_t *seq;
	unsigned kinds;
};

static enum status since_txn(struct store *st, void *ctx)
{
	struct since_ctx *c = ctx;
	struct query *q;
	enum status s;

	if (*c->seq < 0) {
		q = store_query(st, &q_stale_last_audit);
		if ((s = query_step(q)) == ST_ROW)
			*c->seq = query_int(q, LAST_SEQ);
		query_reset(q);
		c->kinds = WATCH_ALL;
		return s == ST_ROW ? ST_OK : s;
	}
	q = store_query(st, &q_stale_audit_since);
	query_bind_int(q, "$seq", *c->seq);
	while ((s = query_step(q)) == ST_ROW) {
		c->kinds |= stale_of_audit_kind(query_text(q, SINCE_KIND));
		if (query_int(q, SINCE_SEQ) > *c->seq)
			*c->seq = query_int(q, SINCE_SEQ);
	}
	return s == ST_DONE ? ST_OK : s;
}

enum status stale_since(struct store *st, int64_t *seq, unsigned *kinds)
{
	struct since_ctx c = { seq, 0 };
	int64_t was = *seq;
	enum status s = store_read(st, since_txn, &c);

	if (s != ST_OK)
		*seq = was;
	*kinds = s == ST_OK ? c.kinds : WATCH_ALL;
	return s;
}
