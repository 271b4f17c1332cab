#ifndef PODIUM_STORE_H
#define PODIUM_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "podium/status.h"

/*
 * The event file. Only src/store knows it is SQLite: everything above sees an
 * opaque store and statements run through a query handle.
 */
struct store;
struct query;

/*
 * A statement, defined beside the code that runs it (fossil's db_static_prepare):
 *
 *     STMT_DEFINE(q_team_by_key, "SELECT id, name FROM team WHERE name_key = $key");
 *     struct query *q = store_query(st, &q_team_by_key);
 *
 * The text is constant and values are bound by name ($name); the store prepares
 * it on first use and keeps it for the life of the connection. Every statement
 * is also listed in one linker section, so a test can prepare them all.
 */
struct stmt {
	const char *sql;
	size_t slot;	/* 0 until first used, then its place in every store's cache, plus one */
};

#define STMT_DEFINE(name, text) \
	static struct stmt name = {(text), 0}; \
	static struct stmt *const name##_listed __attribute__((section("podium_stmts"), used)) = &name

/* A statement the files of one module share: declared `extern struct stmt name;` in its internal header. */
#define STMT_DEFINE_SHARED(name, text) \
	struct stmt name = {(text), 0}; \
	static struct stmt *const name##_listed __attribute__((section("podium_stmts"), used)) = &name

/* PRAGMA application_id of a podium event file ("podi"). */
#define STORE_APPLICATION_ID 0x706f6469

/*
 * Create a new event file at path (O_CREAT|O_EXCL, mode 0666 less the umask),
 * lay out the schema and return it open in *out. ST_EXISTS when a file is
 * already there: nothing is touched.
 */
enum status store_create(const char *path, struct store **out);

/*
 * Open an existing event file. ST_NO_FILE when it is missing (nothing is
 * created), ST_NOT_PODIUM when it is not a podium event, ST_TOO_NEW when a newer
 * podium wrote it, ST_CORRUPT when SQLite finds it damaged. Migrates an older
 * schema in place, one transaction per step.
 */
enum status store_open(const char *path, struct store **out);

/* A private in-memory store with the schema laid out, for tests. */
enum status store_open_memory(struct store **out);

void store_close(struct store *st);

/*
 * True when the file was opened read-only (store_open() falls back to it when
 * this account may not write the file or its folder): every read works, every
 * write fails with ST_READONLY.
 */
bool store_read_only(const struct store *st);

const char *store_path(const struct store *st);

/*
 * How long store_write() keeps retrying a transaction that finds the file busy,
 * in milliseconds (default 30000; the console sets a short one and retries in
 * its loop instead).
 */
void store_set_retry_ms(struct store *st, int ms);

/*
 * Keep a smaller page cache (1 MiB) than the 2 MiB every connection starts
 * with: a console that waits for keys for hours needs little.
 */
void store_set_small_cache(struct store *st);

/*
 * Keep a large page cache (64 MiB) for a big transaction such as an import:
 * it holds the pages the transaction changes instead of spilling them to disk
 * and back. Pages are allocated only as they are used.
 */
void store_set_large_cache(struct store *st);

/*
 * Run fn(st, ctx) inside one BEGIN IMMEDIATE transaction and commit. Any error
 * from fn rolls everything back. A busy file (at BEGIN, in fn or at COMMIT)
 * retries the whole transaction until the retry deadline, then ST_BUSY.
 * `where` names the caller, so a leaked transaction can be traced.
 *
 * The one transaction rule: every exported write of the core opens its own
 * with store_write(), and writes nest. Called inside a write transaction, fn
 * runs in it and the depth is counted: the outermost one commits or rolls back
 * the whole (a write inside a read transaction is a programming error).
 */
typedef enum status (*store_txn_fn)(struct store *st, void *ctx);
enum status store_write_at(struct store *st, store_txn_fn fn, void *ctx, const char *where);
#define store_write(st, fn, ctx) store_write_at((st), (fn), (ctx), __FILE__ ":" PD_STR(__LINE__))

/*
 * store_write() that does not wait: ST_BUSY at once, nothing run, when another
 * connection holds the write lock (or fn met a busy file). For a write whose
 * reads may run outside the lock when it is taken, and inside it when it is free.
 */
enum status store_write_now_at(struct store *st, store_txn_fn fn, void *ctx, const char *where);
#define store_write_now(st, fn, ctx) store_write_now_at((st), (fn), (ctx), __FILE__ ":" PD_STR(__LINE__))

/*
 * Run fn inside one read transaction, so several queries see one snapshot.
 * Never held while waiting for input. Inside a transaction already, fn simply
 * runs in it.
 */
enum status store_read(struct store *st, store_txn_fn fn, void *ctx);

/*
 * Call fn(ctx, committed) after each transaction ends, committed or rolled
 * back (one hook per store; NULL removes it). For work that must follow a
 * COMMIT, such as a file outside the database that records what was written.
 */
typedef void (*store_txn_end_fn)(void *ctx, bool committed);
void store_set_txn_end(struct store *st, store_txn_end_fn fn, void *ctx);

/* True while a transaction opened by store_write() or store_read() is open. */
bool store_in_txn(const struct store *st);

/*
 * For debugging: how many store_write() calls are open (0 outside a write,
 * 1 in the outermost, more when nested) and where the outermost was opened
 * (file:line, or NULL).
 */
int store_txn_depth(const struct store *st);
const char *store_txn_where(const struct store *st);

/* PRAGMA data_version: changes whenever another connection commits. */
int64_t store_data_version(struct store *st);

/*
 * A file descriptor that becomes readable when another process may have
 * changed the event file (inotify on its folder, filtered to the file and its
 * -wal), for poll(); -1 when the system offers no such watch (then poll
 * store_data_version() on a timer). The store owns it.
 */
int store_watch_fd(struct store *st);

/* Read the watch's pending events; true when one concerned the event file. */
bool store_watch_drain(struct store *st);

/* Rows changed by the last INSERT, UPDATE or DELETE. */
int store_changes(struct store *st);

/*
 * The prepared statement s, reset and with its bindings cleared. The store
 * owns it: never free it. A statement SQLite refuses, or binding a name the
 * statement lacks, is a programming error and aborts.
 */
struct query *store_query(struct store *st, struct stmt *s);

/* Prepare s without running it: ST_INVALID with SQLite's reason when it refuses. */
enum status store_try_prepare(struct store *st, struct stmt *s);

/*
 * Every statement of the modules linked into the program, in *out; returns
 * how many. The test that prepares them all links the whole library.
 */
size_t store_statements(struct stmt *const **out);

void query_bind_text(struct query *q, const char *name, const char *value);	/* NULL binds NULL */
void query_bind_int(struct query *q, const char *name, int64_t value);
void query_bind_double(struct query *q, const char *name, double value);
void query_bind_null(struct query *q, const char *name);

/* ST_ROW with a row to read, ST_DONE at the end, or an error (resets q). */
enum status query_step(struct query *q);

/* Step q to its end, reset it and return ST_OK or the error. */
enum status query_exec(struct query *q);

/* Column values of the current row. Text is valid until the next step or reset; NULL stays NULL. */
const char *query_text(struct query *q, int col);
int64_t query_int(struct query *q, int col);
double query_double(struct query *q, int col);
bool query_is_null(struct query *q, int col);

/* Give q back: reset it so it holds no read lock. */
void query_reset(struct query *q);

/*
 * Run q (bound by the caller) and return its first column of its first row,
 * a newly allocated string the caller frees; NULL and ST_NOT_FOUND when no row.
 */
enum status query_first_text(struct query *q, char **out);

/*
 * A consistent online copy of the whole file into dest (SQLite's backup API)
 * while others keep writing. Refuses to overwrite an existing dest.
 */
enum status store_backup(struct store *st, const char *dest);

/*
 * Report each problem of SQLite's integrity_check and foreign_key_check through
 * report(); returns the number of problems found (0 when the file is sound).
 */
int store_check_integrity(struct store *st, void (*report)(void *ctx, const char *problem), void *ctx);

#endif
