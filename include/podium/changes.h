#ifndef PODIUM_CHANGES_H
#define PODIUM_CHANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/status.h"
#include "podium/store.h"

/*
 * What a site sends to the hub: the changes to its synced tables (the records
 * that make its result), captured as SQLite session changesets. Every row has
 * one writer, so the receiver never needs a conflict rule: it refuses what
 * does not fit instead.
 *
 * A site file (site_self has its row) captures every write transaction: the
 * changes to the synced tables become one outbox row in the same transaction.
 */

/* The schema version this podium writes: bundles of another version are refused. */
int store_schema_version(void);

/* True when st is a site file whose writes are captured into its outbox. */
bool store_capture_on(const struct store *st);

/*
 * Make st a site in one write transaction: run fn(st, ctx) (which writes the
 * site's row), then capture the whole present content of the synced tables as
 * the first outbox entry, so the hub's mirror starts from the same state. From
 * then on every write is captured.
 */
enum status store_capture_start(struct store *st, store_txn_fn fn, void *ctx);

/* One captured transaction. */
struct change_entry {
	int64_t seq;
	unsigned char *data;
	size_t len;
};

struct change_list {
	struct change_entry *items;
	size_t count;
};

void change_list_clear(struct change_list *l);

/* The outbox entries after seq `after`, in order (inside the caller's transaction). */
enum status store_outbox_read(struct store *st, int64_t after, struct change_list *out);

/*
 * Check that every change in the changeset touches a synced table and nothing
 * else: ST_INVALID naming the table otherwise, or when the bytes are not a
 * changeset.
 */
enum status store_changes_check(const void *data, size_t len);

/*
 * Apply a changeset inside the caller's write transaction. A change that
 * already holds (a replay) is skipped; one that does not fit the file (a row
 * that differs from what the sender changed, a broken reference) fails the
 * whole with ST_INVALID.
 */
enum status store_changes_apply(struct store *st, const void *data, size_t len);

/* BLAKE2b of the content of the synced tables, in hex (64 characters and a NUL). */
enum status store_state_hash(struct store *st, char out[65]);

/*
 * The hash chain over a site's stream: the value after entry seq is
 * BLAKE2b-256(value before || seq, 8 bytes big-endian || the changeset), and
 * the value before entry 1 is 32 zero bytes. store_chain_next() turns the value
 * before seq into the value after it, in place.
 */
#define STORE_CHAIN_LEN 32
void store_chain_next(unsigned char chain[STORE_CHAIN_LEN], int64_t seq, const void *data, size_t len);

/* Bind a blob (copied) to q's parameter name, and read one from the current row. */
void query_bind_blob(struct query *q, const char *name, const void *data, size_t len);
const void *query_blob(struct query *q, int col, size_t *len);

#endif
