#include "config.h"
#include "podium/board.h"

#include <stdbool.h>
#include <stdlib.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/store.h"

/* Freezing the display board: the event keeps a snapshot of every view until it is let go. */

STMT_DEFINE(q_set_frozen, "UPDATE event SET board_frozen = $frozen, frozen_board = $board");

static enum status freeze_txn(struct store *st, void *ctx)
{
	bool frozen = *(bool *)ctx;
	char *board = NULL, *before = NULL, *after = NULL;
	struct query *q;
	struct event e;
	enum status s = event_get(st, &e);

	if (s != ST_OK)
		return s;
	if (e.board_frozen == frozen) {
		event_clear(&e);
		return ST_OK;
	}
	if (frozen)
		s = board_snapshot_json(st, &board);
	if (s == ST_OK)
		s = event_json(st, &before);
	if (s == ST_OK) {
		q = store_query(st, &q_set_frozen);
		query_bind_int(q, "$frozen", frozen);
		query_bind_text(q, "$board", board);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = event_json(st, &after);
	if (s == ST_OK) {
		struct audit_entry a = {
			.action = frozen ? "freeze" : "unfreeze", .kind = "event", .record_id = e.id,
			.before = before, .after = after,
		};

		s = audit_record(st, &a);
	}
	free(board);
	free(before);
	free(after);
	event_clear(&e);
	return s;
}

enum status board_freeze(struct store *st, bool frozen)
{
	return store_write(st, freeze_txn, &frozen);
}
