#ifndef PODIUM_STORE_INTERNAL_H
#define PODIUM_STORE_INTERNAL_H

/* the session extension, compiled into Debian's libsqlite3 */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "podium/store.h"

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt **stmts;	/* prepared statements, by slot (struct stmt) */
	size_t nstmts;
	int retry_ms;		/* how long store_write() retries a busy file */
	const char *txn_where;	/* file:line of the open (outermost) transaction, or NULL */
	const char *txn_inner;	/* file:line of the innermost write nested in it, or NULL */
	int txn_depth;		/* writes open: 1 for the outermost, more when nested */
	bool txn_write;		/* it is a write (BEGIN IMMEDIATE): writes may nest in it */
	int watch_fd;		/* inotify, opened on first use; -1 when none, -2 before */
	bool read_only;		/* opened read-only: the file or its folder is not ours to write */
	store_txn_end_fn txn_end;	/* told when each transaction ends */
	void *txn_end_ctx;
	bool capture;		/* a site file: writes go to the outbox too (changes.c) */
	sqlite3_session *session;	/* the open write transaction's capture */
};

/* Map an SQLite result code to a status with a message; never shows raw SQLite text for common cases. */
enum status store_status(struct store *st, int rc);

/* A site's capture of each write transaction (changes.c): read the flag at open; open the
 * session after BEGIN, flush it into the outbox before COMMIT, drop it in any case. */
void store_capture_detect(struct store *st);
enum status store_capture_open(struct store *st);
enum status store_capture_flush(struct store *st);
void store_capture_drop(struct store *st);

/* Make podium_chain() known to SQL on db (changes.c); an SQLite result code. */
int store_chain_register(sqlite3 *db);

/* The schema steps (schema.c). */
int schema_latest(void);
const char *schema_step(int from_version);

#endif
