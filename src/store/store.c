#include "config.h"
#include "store_internal.h"
#include "podium/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

STMT_DEFINE(q_meta_data_version, "PRAGMA data_version");
enum { DATA_VERSION };
STMT_DEFINE(q_meta_small_cache, "PRAGMA cache_size = -1024");
STMT_DEFINE(q_meta_identity,
	    "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version");
enum { IDENTITY_APP_ID, IDENTITY_VERSION };
STMT_DEFINE(q_meta_integrity, "PRAGMA integrity_check");
enum { INTEGRITY_LINE };
STMT_DEFINE(q_meta_foreign_keys, "PRAGMA foreign_key_check");
enum { FK_TABLE, FK_ROWID, FK_PARENT };
STMT_DEFINE(q_meta_large_cache, "PRAGMA cache_size = -65536");


/* The busy timeout of one attempt; store_write() retries whole attempts. */
#define BUSY_TIMEOUT_MS 5000
#define DEFAULT_RETRY_MS 30000

static enum status status_from_code(sqlite3 *db, int rc)
{
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_OK:
		return ST_OK;
	case SQLITE_ROW:
		return ST_ROW;
	case SQLITE_DONE:
		return ST_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return status_set(ST_BUSY);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return status_set(ST_CONFLICT);
		return status_error(ST_INVALID, _("the change breaks a rule of the event file (%s)"), msg);
	case SQLITE_READONLY:
		return status_set(ST_READONLY);
	case SQLITE_FULL:
		return status_set(ST_FULL);
	case SQLITE_CORRUPT:
		return status_set(ST_CORRUPT);
	case SQLITE_NOTADB:
		return status_set(ST_NOT_PODIUM);
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR: {
		/* the system's reason, not SQLite's "disk I/O error" */
		int e = db ? sqlite3_system_errno(db) : 0;

		if (e == ENOSPC || e == EDQUOT)
			return status_set(ST_FULL);
		if (e == EFBIG)
			return status_error(ST_FULL, _("the event file reached the largest file size allowed here;"
					    " lift the limit (ulimit -f) or free some space and try again"));
		if (e)
			return status_error(ST_IO, _("the event file cannot be read or written (%s); check the disk,"
					    " then run 'podium check'"), strerror(e));
		/* SQLite often loses errno on the way back: name the operation instead */
		if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_DIR_FSYNC ||
		    rc == SQLITE_IOERR_TRUNCATE || rc == SQLITE_IOERR_SHMSIZE)
			return status_error(ST_IO, _("the event file could not be written: the disk may be full,"
					    " over a size limit or failing; free some space and try again"));
		if (rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ)
			return status_error(ST_IO, _("the event file could not be read: the disk may be failing;"
					    " run 'podium check', or restore it from a backup"));
		return status_error(ST_IO, _("the event file cannot be read or written (%s)"), msg);
	}
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return status_error(ST_IO, _("the event file cannot be read or written (%s)"), msg);
	case SQLITE_NOMEM:
		pd_die(_("out of memory"));
	default:
		return status_error(ST_INTERNAL, _("database error: %s"), msg);
	}
}

enum status store_status(struct store *st, int rc)
{
	return status_from_code(st ? st->db : NULL, rc);
}

static int64_t monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static enum status exec_sql(struct store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? ST_OK : store_status(st, rc);
}

/* Connection settings every podium connection shares: WAL, full sync, foreign keys, a busy wait. */
static enum status configure_connection(struct store *st)
{
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (store_chain_register(st->db) != SQLITE_OK)
		return store_status(st, sqlite3_errcode(st->db));
	/* a small cache for reads: a scan reads each page once, and every page a large cache holds is
	 * fresh memory to fault in; imports ask for a large one (store_set_large_cache) */
	return exec_sql(st, "PRAGMA foreign_keys = ON;"
			    "PRAGMA trusted_schema = OFF;"
			    "PRAGMA synchronous = FULL;"
			    "PRAGMA cache_size = -2048;");
}

static enum status connect(const char *path, int flags, struct store **out)
{
	struct store *st = pd_calloc(1, sizeof(*st));
	enum status s;
	int rc;

	st->path = pd_strdup(path);
	st->retry_ms = DEFAULT_RETRY_MS;
	st->watch_fd = -2;
	rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		s = store_status(st, rc);
		store_close(st);
		return s;
	}
	s = configure_connection(st);
	if (s != ST_OK) {
		store_close(st);
		return s;
	}
	*out = st;
	return ST_OK;
}

/* Read application_id and user_version; ST_NOT_PODIUM for a file that is not SQLite. */
static enum status read_identity(struct store *st, int64_t *app_id, int64_t *version)
{
	struct query *q = store_query(st, &q_meta_identity);
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? status_set(ST_NOT_PODIUM) : s;
	*app_id = query_int(q, IDENTITY_APP_ID);
	*version = query_int(q, IDENTITY_VERSION);
	query_reset(q);
	return ST_OK;
}

struct migrate_ctx {
	int target;
};

static enum status migrate_step(struct store *st, void *ctx)
{
	struct migrate_ctx *m = ctx;
	int64_t app_id, version;
	enum status s = read_identity(st, &app_id, &version);

	if (s != ST_OK)
		return s;
	/* Another process may have migrated since we looked. */
	if (version >= m->target)
		return ST_OK;
	if (version != m->target - 1)
		return status_error(ST_CORRUPT, _("the event file's schema version %lld is unexpected"),
				    (long long)version);
	return exec_sql(st, schema_step((int)version));
}

/* Bring the schema up to date, one transaction per step. */
static enum status migrate(struct store *st, int64_t version)
{
	for (int v = (int)version; v < schema_latest(); v++) {
		struct migrate_ctx m = { v + 1 };
		enum status s = store_write(st, migrate_step, &m);

		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

static enum status check_and_migrate(struct store *st)
{
	int64_t app_id, version;
	enum status s = read_identity(st, &app_id, &version);

	if (s == ST_CORRUPT || s == ST_NOT_PODIUM || s == ST_IO)
		return status_error(ST_NOT_PODIUM, _("'%s' is not a podium event file"), st->path);
	if (s != ST_OK)
		return s;
	if (app_id != STORE_APPLICATION_ID)
		return status_error(ST_NOT_PODIUM, _("'%s' is not a podium event file"), st->path);
	if (version > schema_latest())
		return status_error(ST_TOO_NEW,
				    _("'%s' was written by a newer podium (schema %lld, this one knows %d); upgrade podium to open it"),
				    st->path, (long long)version, schema_latest());
	if (version < schema_latest() && st->read_only)
		return status_error(ST_READONLY,
				    _("'%s' was written by an older podium and is read-only here: copy it somewhere "
				      "writable ('podium backup DEST') to bring it up to date"),
				    st->path);
	if (version < schema_latest())
		return migrate(st, version);
	return ST_OK;
}

/*
 * A file podium may not write, or a folder where it cannot create the -wal and
 * -shm beside it: say which, by name, instead of SQLite's "readonly database".
 */
static enum status explain_access(const char *path, enum status s)
{
	const char *slash = strrchr(path, '/');
	char *folder = slash ? pd_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : pd_strdup(".");

	if (access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS))
		s = status_error(ST_READONLY, _("'%s' is read-only for you; ask its owner for write access"), path);
	else if (access(folder, W_OK) != 0 && (errno == EACCES || errno == EROFS))
		s = status_error(ST_READONLY,
				 _("the folder '%s' is read-only for you, and podium keeps two working files beside '%s';"
				 " ask its owner for write access to the folder"),
				 folder, path);
	free(folder);
	return s;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Look at the file's header before SQLite opens it: opening creates the -wal
 * and -shm beside it, and a newer podium's file or another program's must be
 * left exactly as it is. The WAL can only hold a newer version than the main
 * file, so a too-new header is final; the other cases are settled by SQL.
 */
static enum status peek_header(const char *path)
{
	unsigned char h[100];
	ssize_t n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return ST_OK;	/* let the open say why */
	n = read(fd, h, sizeof(h));
	close(fd);
	if (n < (ssize_t)sizeof(h))
		return ST_OK;
	if (memcmp(h, "SQLite format 3", 16) != 0)
		return status_error(ST_NOT_PODIUM, _("'%s' is not a podium event file"), path);
	if (be32(h + 68) == STORE_APPLICATION_ID && be32(h + 60) > (uint32_t)schema_latest())
		return status_error(ST_TOO_NEW,
				    _("'%s' was written by a newer podium (schema %lld, this one knows %d); upgrade podium to open it"),
				    path, (long long)be32(h + 60), schema_latest());
	return ST_OK;
}

/* Whether this process may write the file and create its -wal and -shm beside it. */
static bool writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *folder = slash ? pd_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : pd_strdup(".");
	bool ok = access(path, W_OK) == 0 && access(folder, W_OK) == 0;

	free(folder);
	return ok;
}

/* A URI naming path for sqlite3_open_v2, with query (the path's special characters %-escaped). */
static char *file_uri(const char *path, const char *query)
{
	size_t n = strlen(path), at = 0;
	char *uri = pd_malloc(n * 3 + strlen(query) + 16);

	at += (size_t)sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p >= 0x7f)
			at += (size_t)sprintf(uri + at, "%%%02X", *p);
		else
			uri[at++] = (char)*p;
	sprintf(uri + at, "?%s", query);
	return uri;
}

static bool wal_present(const char *path)
{
	char *wal = pd_asprintf("%s-wal", path);
	struct stat sb;
	bool present = stat(wal, &sb) == 0 && sb.st_size > 0;

	free(wal);
	return present;
}

/*
 * An archived event: a file, or a folder, this account may only read. SQLite
 * reads a WAL-mode file read-only through its -shm when that exists; when the
 * folder holds no -wal at all, nothing is pending and the file is read as
 * immutable. Every write then says the file is read-only.
 */
static enum status open_read_only(const char *path, struct store **out)
{
	const char *const queries[] = { "mode=ro", "immutable=1" };
	enum status s = ST_READONLY;

	for (size_t i = 0; i < PD_ARRAY_LEN(queries) && s != ST_OK; i++) {
		char *uri;

		if (i == 1 && wal_present(path))
			break;	/* the -wal holds changes immutable would not see */
		uri = file_uri(path, queries[i]);
		s = connect(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, out);
		free(uri);
		if (s != ST_OK)
			continue;
		free((*out)->path);
		(*out)->path = pd_strdup(path);
		(*out)->read_only = true;
		if ((s = check_and_migrate(*out)) == ST_OK)
			break;
		store_close(*out);
		*out = NULL;
		if (s != ST_READONLY && s != ST_IO)
			break;	/* a real answer: not podium's, too new, damaged */
	}
	return s;
}

bool store_read_only(const struct store *st)
{
	return st->read_only;
}

enum status store_open(const char *path, struct store **out)
{
	struct stat sb;
	enum status s;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return status_error(ST_NO_FILE,
					    _("no event file '%s'; create one with 'podium init --name NAME' or 'podium demo', or pass --db FILE"),
					    path);
		return status_error(ST_IO, _("cannot open '%s': %s"), path, strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return status_error(ST_NOT_PODIUM, _("'%s' is not a podium event file"), path);
	s = peek_header(path);
	if (s != ST_OK)
		return s;
	s = connect(path, SQLITE_OPEN_READWRITE, out);
	if (s == ST_OK)
		s = check_and_migrate(*out);
	if ((s == ST_READONLY || s == ST_IO) && !writable(path)) {
		store_close(*out);
		*out = NULL;
		s = open_read_only(path, out);
	}
	if (s == ST_OK)
		store_capture_detect(*out);
	if (s == ST_NOT_PODIUM)
		s = status_error(ST_NOT_PODIUM, _("'%s' is not a podium event file"), path);
	else if (s == ST_CORRUPT)
		s = status_error(ST_CORRUPT, _("'%s' is damaged; restore it from a backup ('podium backup')"), path);
	else if (s == ST_READONLY || s == ST_IO)
		s = explain_access(path, s);
	if (s != ST_OK) {
		store_close(*out);
		*out = NULL;
	}
	return s;
}

static void remove_created(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char buf[4096];

	for (size_t i = 0; i < PD_ARRAY_LEN(suffixes); i++) {
		if (snprintf(buf, sizeof(buf), "%s%s", path, suffixes[i]) < (int)sizeof(buf))
			unlink(buf);
	}
}

static enum status lay_out(struct store *st)
{
	enum status s = exec_sql(st, "PRAGMA journal_mode = WAL;"
				     "PRAGMA application_id = 1886348393;");

	if (s != ST_OK)
		return s;
	return migrate(st, 0);
}

enum status store_create(const char *path, struct store **out)
{
	enum status s;
	int fd;

	*out = NULL;
	/* Create the file ourselves so the umask decides its mode (SQLite alone gives 0644). */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (fd < 0) {
		if (errno == EEXIST)
			return status_error(ST_EXISTS, _("'%s' already exists; podium will not touch it (use --db to pick another file)"),
					    path);
		return status_error(ST_IO, _("cannot create '%s': %s"), path, strerror(errno));
	}
	close(fd);
	s = connect(path, SQLITE_OPEN_READWRITE, out);
	if (s == ST_OK)
		s = lay_out(*out);
	if (s != ST_OK) {
		store_close(*out);
		*out = NULL;
		remove_created(path);
	}
	return s;
}

enum status store_open_memory(struct store **out)
{
	enum status s = connect(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, out);

	if (s == ST_OK)
		s = exec_sql(*out, "PRAGMA application_id = 1886348393;");
	if (s == ST_OK)
		s = migrate(*out, 0);
	if (s != ST_OK) {
		store_close(*out);
		*out = NULL;
	}
	return s;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nstmts; i++)
		sqlite3_finalize(st->stmts[i]);
	free(st->stmts);
	sqlite3_close_v2(st->db);
	if (st->watch_fd >= 0)
		close(st->watch_fd);
	free(st->path);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

void store_set_retry_ms(struct store *st, int ms)
{
	st->retry_ms = ms < 0 ? 0 : ms;
	sqlite3_busy_timeout(st->db, st->retry_ms < BUSY_TIMEOUT_MS ? st->retry_ms : BUSY_TIMEOUT_MS);
}

void store_set_small_cache(struct store *st)
{
	query_exec(store_query(st, &q_meta_small_cache));
}

void store_set_large_cache(struct store *st)
{
	query_exec(store_query(st, &q_meta_large_cache));
}

void store_set_txn_end(struct store *st, store_txn_end_fn fn, void *ctx)
{
	st->txn_end = fn;
	st->txn_end_ctx = ctx;
}

bool store_in_txn(const struct store *st)
{
	return st->txn_where != NULL;
}

int store_txn_depth(const struct store *st)
{
	return st->txn_depth;
}

const char *store_txn_where(const struct store *st)
{
	return st->txn_where;
}

static void end_txn(struct store *st, bool commit_failed_or_rollback)
{
	if (commit_failed_or_rollback && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->txn_where = NULL;
	st->txn_inner = NULL;
	st->txn_depth = 0;
	st->txn_write = false;
}

/* The transaction's own statements, prepared once per connection rather than parsed per commit. */
STMT_DEFINE(q_begin_read, "BEGIN");
STMT_DEFINE(q_begin_write, "BEGIN IMMEDIATE");
STMT_DEFINE(q_commit, "COMMIT");

static enum status step_once(struct store *st, struct stmt *stmt)
{
	sqlite3_stmt *q = (sqlite3_stmt *)store_query(st, stmt);
	int rc = sqlite3_step(q);
	enum status s = rc == SQLITE_DONE ? ST_OK : store_status(st, rc);

	sqlite3_reset(q);
	return s;
}

/* One attempt: BEGIN, fn, COMMIT. Rolls back on any error. */
static enum status attempt(struct store *st, bool write, store_txn_fn fn, void *ctx, const char *where)
{
	enum status s;

	if (st->txn_where)
		pd_die(_("internal error: transaction at %s opened inside the one at %s"), where, st->txn_where);
	s = step_once(st, write ? &q_begin_write : &q_begin_read);
	if (s != ST_OK)
		return s;
	st->txn_where = where;
	st->txn_write = write;
	st->txn_depth = st->txn_write;
	s = st->txn_write ? store_capture_open(st) : ST_OK;
	if (s == ST_OK)
		s = fn(st, ctx);
	if (s == ST_OK || s == ST_DONE) {
		enum status f = store_capture_flush(st);

		s = f == ST_OK ? step_once(st, &q_commit) : f;
	}
	store_capture_drop(st);
	end_txn(st, s != ST_OK);
	if (st->txn_end)
		st->txn_end(st->txn_end_ctx, s == ST_OK);
	return s;
}

static enum status run_txn(struct store *st, bool write, store_txn_fn fn, void *ctx, const char *where)
{
	int64_t deadline = monotonic_ms() + st->retry_ms;
	int backoff = 2;

	for (;;) {
		enum status s = attempt(st, write, fn, ctx, where);

		if (s != ST_BUSY || monotonic_ms() >= deadline)
			return s;
		/* Jittered backoff so many waiting writers do not retry in step. */
		sleep_ms(backoff + rand() % (backoff + 1));
		if (backoff < 64)
			backoff *= 2;
	}
}

/* A write inside a write is part of it: the outer one commits or rolls back the whole. */
static enum status nested_write(struct store *st, store_txn_fn fn, void *ctx, const char *where)
{
	const char *inner = st->txn_inner;
	enum status s;

	st->txn_depth++;
	st->txn_inner = where;
	s = fn(st, ctx);
	st->txn_inner = inner;
	st->txn_depth--;
	return s;
}

enum status store_write_at(struct store *st, store_txn_fn fn, void *ctx, const char *where)
{
	if (st->txn_where && st->txn_write)
		return nested_write(st, fn, ctx, where);
	if (st->read_only)
		return explain_access(st->path, ST_READONLY);
	return run_txn(st, true, fn, ctx, where);
}

enum status store_write_now_at(struct store *st, store_txn_fn fn, void *ctx, const char *where)
{
	enum status s;

	if (st->txn_where && st->txn_write)
		return nested_write(st, fn, ctx, where);
	if (st->read_only)
		return explain_access(st->path, ST_READONLY);
	sqlite3_busy_timeout(st->db, 0);
	s = attempt(st, true, fn, ctx, where);
	store_set_retry_ms(st, st->retry_ms);	/* the connection's wait again */
	return s;
}

enum status store_read(struct store *st, store_txn_fn fn, void *ctx)
{
	/* inside a transaction already: its snapshot is the one to read */
	if (st->txn_where)
		return fn(st, ctx);
	return run_txn(st, false, fn, ctx, "store_read");
}

int64_t store_data_version(struct store *st)
{
	struct query *q = store_query(st, &q_meta_data_version);
	int64_t v = -1;

	if (query_step(q) == ST_ROW)
		v = query_int(q, DATA_VERSION);
	query_reset(q);
	return v;
}

int store_changes(struct store *st)
{
	return sqlite3_changes(st->db);
}

/* ---- queries ---- */

#define STMT(q) ((sqlite3_stmt *)(q))

/* Slots are numbered once per process, so every open store caches a statement at the same place. */
static size_t stmt_slot(struct stmt *s)
{
	static size_t slots;

	if (s->slot == 0)
		s->slot = ++slots;
	return s->slot - 1;
}

/* The cache entry of s in st, grown as new statements appear. */
static sqlite3_stmt **cache_entry(struct store *st, struct stmt *s)
{
	size_t slot = stmt_slot(s);

	if (slot >= st->nstmts) {
		size_t n = st->nstmts ? st->nstmts : 64;

		while (n <= slot)
			n *= 2;
		st->stmts = pd_realloc(st->stmts, n * sizeof(*st->stmts));
		memset(st->stmts + st->nstmts, 0, (n - st->nstmts) * sizeof(*st->stmts));
		st->nstmts = n;
	}
	return &st->stmts[slot];
}

enum status store_try_prepare(struct store *st, struct stmt *s)
{
	sqlite3_stmt **entry = cache_entry(st, s);
	int rc;

	if (*entry)
		return ST_OK;
	rc = sqlite3_prepare_v3(st->db, s->sql, -1, SQLITE_PREPARE_PERSISTENT, entry, NULL);
	if (rc != SQLITE_OK)
		return status_error(ST_INVALID, _("internal error: cannot prepare statement %s: %s"), s->sql,
				    sqlite3_errmsg(st->db));
	return ST_OK;
}

struct query *store_query(struct store *st, struct stmt *s)
{
	sqlite3_stmt *stmt;

	if (store_try_prepare(st, s) != ST_OK)
		pd_die("%s", status_message(ST_INVALID));
	stmt = *cache_entry(st, s);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return (struct query *)stmt;
}

/* The linker gathers every STMT_DEFINE() into this section and names its ends. */
extern struct stmt *const __start_podium_stmts[];
extern struct stmt *const __stop_podium_stmts[];

size_t store_statements(struct stmt *const **out)
{
	*out = __start_podium_stmts;
	return (size_t)(__stop_podium_stmts - __start_podium_stmts);
}

static int param_index(struct query *q, const char *name)
{
	int i = sqlite3_bind_parameter_index(STMT(q), name);

	if (i == 0)
		pd_die(_("internal error: statement has no parameter %s: %s"), name, sqlite3_sql(STMT(q)));
	return i;
}

void query_bind_text(struct query *q, const char *name, const char *value)
{
	int i = param_index(q, name);

	if (value)
		sqlite3_bind_text(STMT(q), i, value, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(STMT(q), i);
}

void query_bind_int(struct query *q, const char *name, int64_t value)
{
	sqlite3_bind_int64(STMT(q), param_index(q, name), value);
}

void query_bind_double(struct query *q, const char *name, double value)
{
	sqlite3_bind_double(STMT(q), param_index(q, name), value);
}

void query_bind_null(struct query *q, const char *name)
{
	sqlite3_bind_null(STMT(q), param_index(q, name));
}

enum status query_step(struct query *q)
{
	int rc = sqlite3_step(STMT(q));

	if (rc == SQLITE_ROW)
		return ST_ROW;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(STMT(q));
		return ST_DONE;
	}
	sqlite3_reset(STMT(q));
	return status_from_code(sqlite3_db_handle(STMT(q)), rc);
}

enum status query_exec(struct query *q)
{
	enum status s;

	while ((s = query_step(q)) == ST_ROW)
		;
	return s == ST_DONE ? ST_OK : s;
}

const char *query_text(struct query *q, int col)
{
	return (const char *)sqlite3_column_text(STMT(q), col);
}

int64_t query_int(struct query *q, int col)
{
	return sqlite3_column_int64(STMT(q), col);
}

double query_double(struct query *q, int col)
{
	return sqlite3_column_double(STMT(q), col);
}

bool query_is_null(struct query *q, int col)
{
	return sqlite3_column_type(STMT(q), col) == SQLITE_NULL;
}

void query_reset(struct query *q)
{
	sqlite3_reset(STMT(q));
}

enum status query_first_text(struct query *q, char **out)
{
	enum status s = query_step(q);

	*out = NULL;
	if (s == ST_DONE)
		return status_set(ST_NOT_FOUND);
	if (s != ST_ROW)
		return s;
	*out = pd_strdup(query_text(q, 0));
	query_reset(q);
	return ST_OK;
}

/* ---- backup and integrity ---- */

/* The temporary name of a backup to dest: ".NAME.podium-tmp-XXXXXX" in dest's folder. */
static char *backup_temp_name(const char *dest)
{
	const char *slash = strrchr(dest, '/');

	if (!slash)
		return pd_asprintf(".%s.podium-tmp-XXXXXX", dest);
	return pd_asprintf("%.*s/.%s.podium-tmp-XXXXXX", (int)(slash - dest), dest, slash + 1);
}

static void remove_temp(const char *tmp)
{
	static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };
	char buf[4096];

	for (size_t i = 0; i < PD_ARRAY_LEN(suffixes); i++)
		if (snprintf(buf, sizeof(buf), "%s%s", tmp, suffixes[i]) < (int)sizeof(buf))
			unlink(buf);
}

/* True while the name tmp still is the file fd made (no one swapped it for a link or another file). */
static bool still_ours(const char *tmp, int fd)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(tmp, &b) == 0 && S_ISREG(b.st_mode) && a.st_ino == b.st_ino &&
	       a.st_dev == b.st_dev;
}

/* Copy every page of st into the file tmp (ours, fd), under one read snapshot. */
static enum status copy_pages(struct store *st, const char *tmp, int fd)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	enum status s = ST_OK;
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);

	if (rc == SQLITE_OK && !still_ours(tmp, fd))
		s = status_error(ST_IO, _("the backup's temporary file '%s' was replaced as it was written"), tmp);
	/* a scratch copy until it is linked in place: no journal beside it */
	if (rc == SQLITE_OK && s == ST_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", NULL, NULL, NULL);
	if (rc == SQLITE_OK && s == ST_OK) {
		sqlite3_busy_timeout(to, BUSY_TIMEOUT_MS);
		b = sqlite3_backup_init(to, "main", st->db, "main");
		if (!b)
			rc = sqlite3_errcode(to);
		else {
			/* One step copies every page under one read snapshot: consistent while others write. */
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sleep_ms(10);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK && s == ST_OK)
		s = status_from_code(to, rc);
	if (to && sqlite3_close(to) != SQLITE_OK && s == ST_OK)
		s = status_error(ST_IO, _("the backup could not be written completely"));
	return s;
}

/* Give the copy the mode a new file gets here, make it durable, and check it is still ours. */
static enum status seal_copy(const char *tmp, int fd)
{
	mode_t mask = umask(0);

	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0)
		return status_error(ST_IO, _("the backup could not be written completely: %s"), strerror(errno));
	if (!still_ours(tmp, fd))
		return status_error(ST_IO, _("the backup's temporary file '%s' was replaced as it was written"), tmp);
	return ST_OK;
}

static void sync_folder(const char *dest)
{
	const char *slash = strrchr(dest, '/');
	char *folder = slash ? pd_strndup(dest, slash == dest ? 1 : (size_t)(slash - dest)) : pd_strdup(".");
	int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(folder);
}

/*
 * The copy goes to a private temporary file beside dest (made by mkstemp,
 * checked by inode after SQLite opens it by name), and only a complete,
 * synced copy is linked in place: link() never replaces nor follows what is
 * at dest, so a symlink swapped in cannot redirect the copy, and a killed
 * backup leaves no dest (at worst a ".NAME.podium-tmp-XXXXXX").
 */
enum status store_backup(struct store *st, const char *dest)
{
	char *tmp = backup_temp_name(dest);
	struct stat sb;
	enum status s;
	int fd;

	if (lstat(dest, &sb) == 0) {
		free(tmp);
		return status_error(ST_EXISTS, _("'%s' already exists; pick a new file for the backup"), dest);
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		s = status_error(ST_IO, _("cannot create '%s': %s"), dest, strerror(errno));
		free(tmp);
		return s;
	}
	s = copy_pages(st, tmp, fd);
	if (s == ST_OK)
		s = seal_copy(tmp, fd);
	if (s == ST_OK && link(tmp, dest) != 0) {
		if (errno == EEXIST)
			s = status_error(ST_EXISTS, _("'%s' already exists; pick a new file for the backup"), dest);
		else
			s = status_error(ST_IO, _("cannot create '%s': %s"), dest, strerror(errno));
	}
	close(fd);
	remove_temp(tmp);
	if (s == ST_OK)
		sync_folder(dest);
	free(tmp);
	return s;
}

int store_check_integrity(struct store *st, void (*report)(void *ctx, const char *problem), void *ctx)
{
	struct query *q = store_query(st, &q_meta_integrity);
	int problems = 0;
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		const char *line = query_text(q, INTEGRITY_LINE);

		if (line && strcmp(line, "ok") != 0) {
			report(ctx, line);
			problems++;
		}
	}
	if (s != ST_DONE) {
		report(ctx, status_message(s));
		return problems + 1;
	}
	q = store_query(st, &q_meta_foreign_keys);
	while ((s = query_step(q)) == ST_ROW) {
		char *msg = pd_asprintf(_("row %lld of table %s refers to a missing %s"),
					(long long)query_int(q, FK_ROWID), query_text(q, FK_TABLE),
					query_text(q, FK_PARENT));

		report(ctx, msg);
		free(msg);
		problems++;
	}
	if (s != ST_DONE) {
		report(ctx, status_message(s));
		problems++;
	}
	return problems;
}
