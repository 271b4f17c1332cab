#include "config.h"
#include "store_internal.h"
#include "podium/changes.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podium/i18n.h"

STMT_DEFINE(q_outbox_insert, "INSERT INTO outbox(seq, changes, chain) VALUES ($seq, $changes, $chain)");
/* the last sequence number given and the chain value after it: the last entry's, or the
 * acknowledged one's when the hub acknowledged everything (NULL for a gap) */
STMT_DEFINE(q_outbox_tail,
	    "WITH t(last) AS (SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0))"
	    " SELECT last, coalesce((SELECT chain FROM outbox WHERE seq = last),"
	    " (SELECT acked_chain FROM site_self WHERE acked = last)) FROM t");
enum { TAIL_SEQ, TAIL_CHAIN };
STMT_DEFINE(q_outbox_after, "SELECT seq, changes FROM outbox WHERE seq > $after ORDER BY seq");
enum { AFTER_SEQ, AFTER_CHANGES };
/* a file that is a site of a hub captures its changes */
STMT_DEFINE(q_site_self, "SELECT 1 FROM site_self");

/*
 * The synced tables: everything that makes a site's result, parents before
 * children (a changeset lists its tables in this order). Each comes with the
 * query that reads it in a fixed order for the state hash.
 */
static const struct synced_table {
	const char *name;
	const char *ordered;
} synced[] = {
	{ "event", "SELECT * FROM event ORDER BY id" },
	{ "track", "SELECT * FROM track ORDER BY id" },
	{ "team", "SELECT * FROM team ORDER BY id" },
	{ "team_track", "SELECT * FROM team_track ORDER BY team_id, track_id" },
	{ "team_member", "SELECT * FROM team_member ORDER BY team_id, position" },
	{ "judge", "SELECT * FROM judge ORDER BY id" },
	{ "judge_track", "SELECT * FROM judge_track ORDER BY judge_id, track_id" },
	{ "criterion", "SELECT * FROM criterion ORDER BY id" },
	{ "sheet", "SELECT * FROM sheet ORDER BY id" },
	{ "sheet_value", "SELECT * FROM sheet_value ORDER BY sheet_id, criterion_id" },
	{ "conflict", "SELECT * FROM conflict ORDER BY judge_id, team_id" },
	{ "audit", "SELECT * FROM audit ORDER BY seq" },
};

/* The empty file a site's first changeset is taken against. */
#define BASE_SCHEMA "podium_base"

int store_schema_version(void)
{
	return schema_latest();
}

bool store_capture_on(const struct store *st)
{
	return st->capture;
}

void store_capture_detect(struct store *st)
{
	struct query *q = store_query(st, &q_site_self);

	st->capture = query_step(q) == ST_ROW;
	query_reset(q);
}

static bool is_synced(const char *table)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(synced); i++)
		if (strcmp(synced[i].name, table) == 0)
			return true;
	return false;
}

static enum status session_new(struct store *st, sqlite3_session **out)
{
	int rc = sqlite3session_create(st->db, "main", out);

	for (size_t i = 0; rc == SQLITE_OK && i < PD_ARRAY_LEN(synced); i++)
		rc = sqlite3session_attach(*out, synced[i].name);
	if (rc != SQLITE_OK) {
		if (*out)
			sqlite3session_delete(*out);
		*out = NULL;
		return store_status(st, rc);
	}
	return ST_OK;
}

void store_chain_next(unsigned char chain[STORE_CHAIN_LEN], int64_t seq, const void *data, size_t len)
{
	crypto_generichash_state h;
	unsigned char be[8];

	for (int i = 0; i < 8; i++)
		be[i] = (unsigned char)((uint64_t)seq >> (8 * (7 - i)));
	crypto_generichash_init(&h, NULL, 0, STORE_CHAIN_LEN);
	crypto_generichash_update(&h, chain, STORE_CHAIN_LEN);
	crypto_generichash_update(&h, be, sizeof(be));
	crypto_generichash_update(&h, data, len);
	crypto_generichash_final(&h, chain, STORE_CHAIN_LEN);
}

/* podium_chain(prev, seq, changes): store_chain_next() for SQL (the 7 -> 8 migration); NULL for no prev. */
static void sql_chain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned char chain[STORE_CHAIN_LEN];

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB || sqlite3_value_bytes(argv[0]) != STORE_CHAIN_LEN) {
		sqlite3_result_null(ctx);
		return;
	}
	memcpy(chain, sqlite3_value_blob(argv[0]), STORE_CHAIN_LEN);
	store_chain_next(chain, sqlite3_value_int64(argv[1]), sqlite3_value_blob(argv[2]),
			 (size_t)sqlite3_value_bytes(argv[2]));
	sqlite3_result_blob(ctx, chain, STORE_CHAIN_LEN, SQLITE_TRANSIENT);
}

int store_chain_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "podium_chain", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
				       NULL, sql_chain, NULL, NULL);
}

/* Keep the session's changes, if any, as the next outbox row, chained to the one before. */
static enum status outbox_put(struct store *st, sqlite3_session *session)
{
	unsigned char chain[STORE_CHAIN_LEN];
	void *data = NULL;
	int len = 0, rc = sqlite3session_changeset(session, &len, &data);
	struct query *q;
	enum status s;
	int64_t seq;
	size_t prev_len = 0;
	const void *prev;
	bool chained;

	if (rc != SQLITE_OK)
		return store_status(st, rc);
	if (len == 0) {
		sqlite3_free(data);
		return ST_OK;
	}
	q = store_query(st, &q_outbox_tail);
	s = query_step(q);
	if (s != ST_ROW) {
		sqlite3_free(data);
		return s;
	}
	seq = query_int(q, TAIL_SEQ) + 1;
	prev = query_blob(q, TAIL_CHAIN, &prev_len);
	chained = prev && prev_len == STORE_CHAIN_LEN;
	if (chained) {
		memcpy(chain, prev, STORE_CHAIN_LEN);
		store_chain_next(chain, seq, data, (size_t)len);
	}
	query_reset(q);
	q = store_query(st, &q_outbox_insert);
	query_bind_int(q, "$seq", seq);
	query_bind_blob(q, "$changes", data, (size_t)len);
	if (chained)
		query_bind_blob(q, "$chain", chain, STORE_CHAIN_LEN);
	else
		query_bind_null(q, "$chain");	/* after a gap: site_export refuses it */
	s = query_exec(q);
	sqlite3_free(data);
	return s;
}

enum status store_capture_open(struct store *st)
{
	return st->capture ? session_new(st, &st->session) : ST_OK;
}

enum status store_capture_flush(struct store *st)
{
	return st->session ? outbox_put(st, st->session) : ST_OK;
}

void store_capture_drop(struct store *st)
{
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
}

/* ---- the first changeset: the whole content, as the difference from an empty file ---- */

struct start_ctx {
	store_txn_fn fn;
	void *ctx;
};

static enum status take_whole(struct store *st, void *arg)
{
	struct start_ctx *c = arg;
	sqlite3_session *session = NULL;
	enum status s = c->fn(st, c->ctx);

	if (s == ST_OK)
		s = session_new(st, &session);
	for (size_t i = 0; s == ST_OK && i < PD_ARRAY_LEN(synced); i++) {
		char *err = NULL;
		int rc = sqlite3session_diff(session, BASE_SCHEMA, synced[i].name, &err);

		if (rc != SQLITE_OK)
			s = status_error(ST_INTERNAL, _("database error: %s"), err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
	}
	if (s == ST_OK)
		s = outbox_put(st, session);
	if (session)
		sqlite3session_delete(session);
	return s;
}

static enum status attach_base(struct store *st, const char *path, bool attach)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(st->db, attach ? "ATTACH $path AS " BASE_SCHEMA : "DETACH " BASE_SCHEMA, -1,
				    &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_status(st, rc);
	if (attach)
		sqlite3_bind_text(stmt, 1, path, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? ST_OK : store_status(st, rc);
}

/* An empty file with podium's schema in a private temporary folder; *folder and *path to free. */
static enum status make_base(char **folder, char **path)
{
	const char *tmp = getenv("TMPDIR");
	struct store *base;
	enum status s;

	*folder = pd_asprintf("%s/podium-base.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	*path = NULL;
	if (!mkdtemp(*folder)) {
		free(*folder);
		*folder = NULL;
		return status_error(ST_IO, _("cannot create a temporary folder: %m"));
	}
	*path = pd_asprintf("%s/base.db", *folder);
	s = store_create(*path, &base);
	store_close(base);
	return s;
}

static void remove_base(char *folder, char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; path && i < PD_ARRAY_LEN(suffixes); i++) {
		char *f = pd_asprintf("%s%s", path, suffixes[i]);

		unlink(f);
		free(f);
	}
	if (folder)
		rmdir(folder);
	free(folder);
	free(path);
}

enum status store_capture_start(struct store *st, store_txn_fn fn, void *ctx)
{
	struct start_ctx c = { fn, ctx };
	char *folder, *path;
	enum status s = make_base(&folder, &path);

	if (s == ST_OK)
		s = attach_base(st, path, true);
	if (s == ST_OK) {
		s = store_write(st, take_whole, &c);
		attach_base(st, NULL, false);
	}
	remove_base(folder, path);
	if (s == ST_OK)
		st->capture = true;
	return s;
}

/* ---- the outbox ---- */

void change_list_clear(struct change_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].data);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

enum status store_outbox_read(struct store *st, int64_t after, struct change_list *out)
{
	struct query *q = store_query(st, &q_outbox_after);
	size_t cap = 0;
	enum status s;

	out->items = NULL;
	out->count = 0;
	query_bind_int(q, "$after", after);
	while ((s = query_step(q)) == ST_ROW) {
		struct change_entry *e;
		size_t len;
		const void *data = query_blob(q, AFTER_CHANGES, &len);

		PD_GROW(out->items, out->count, cap);
		e = &out->items[out->count++];
		e->seq = query_int(q, AFTER_SEQ);
		e->len = len;
		e->data = pd_malloc(len ? len : 1);
		memcpy(e->data, data, len);
	}
	if (s != ST_DONE) {
		change_list_clear(out);
		return s;
	}
	return ST_OK;
}

/* ---- checking and applying what a site sent ---- */

enum status store_changes_check(const void *data, size_t len)
{
	sqlite3_changeset_iter *it;
	int rc = sqlite3changeset_start(&it, (int)len, (void *)data);
	enum status s = ST_OK;

	if (rc != SQLITE_OK || len > INT32_MAX)
		return status_error(ST_INVALID, _("the bundle's changes cannot be read"));
	while (s == ST_OK && (rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;

		rc = sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		if (rc != SQLITE_OK)
			s = status_error(ST_INVALID, _("the bundle's changes cannot be read"));
		else if (!is_synced(table))
			s = status_error(ST_INVALID, _("the bundle changes the table '%s', which its sender does not own"),
					 table);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = status_error(ST_INVALID, _("the bundle's changes cannot be read"));
	sqlite3changeset_finalize(it);
	return s;
}

static bool values_equal(sqlite3_value *a, sqlite3_value *b)
{
	int type;

	if (!a || !b)
		return false;
	type = sqlite3_value_type(a);
	if (type != sqlite3_value_type(b))
		return false;
	switch (type) {
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT: {
		double x = sqlite3_value_double(a), y = sqlite3_value_double(b);

		return memcmp(&x, &y, sizeof(x)) == 0;
	}
	case SQLITE_NULL:
		return true;
	default:
		return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
		       memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), (size_t)sqlite3_value_bytes(a)) == 0;
	}
}

/* True when the row in the file already holds every new value of the change: a replay. */
static bool already_holds(sqlite3_changeset_iter *it, int ncol)
{
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *now = NULL, *want = NULL;

		if (sqlite3changeset_new(it, i, &want) != SQLITE_OK)
			return false;
		if (!want)
			continue;	/* an UPDATE leaves this column as it is */
		if (sqlite3changeset_conflict(it, i, &now) != SQLITE_OK || !values_equal(now, want))
			return false;
	}
	return true;
}

struct apply_ctx {
	char table[64];		/* the table of the change that did not fit (the iterator's name dies with it) */
	int why;
};

/*
 * One writer per row: a change that does not fit means the copy and its site
 * disagree, and nothing is forced. Two cases are harmless and skipped: a
 * change the file already holds (SQLite 3.40 cannot skip no-op replays
 * itself), and a delete of a row that a cascade removed already.
 */
static int on_conflict(void *arg, int why, sqlite3_changeset_iter *it)
{
	struct apply_ctx *c = arg;
	const char *table;
	int ncol, op, indirect;

	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	if (why == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
		return SQLITE_CHANGESET_OMIT;
	if ((why == SQLITE_CHANGESET_CONFLICT || why == SQLITE_CHANGESET_DATA) && op != SQLITE_DELETE &&
	    already_holds(it, ncol))
		return SQLITE_CHANGESET_OMIT;
	snprintf(c->table, sizeof(c->table), "%s", table);
	c->why = why;
	return SQLITE_CHANGESET_ABORT;
}

enum status store_changes_apply(struct store *st, const void *data, size_t len)
{
	struct apply_ctx c = { "", 0 };
	int rc = sqlite3changeset_apply(st->db, (int)len, (void *)data, NULL, on_conflict, &c);

	if (rc == SQLITE_OK)
		return ST_OK;
	if (rc == SQLITE_ABORT && c.why == SQLITE_CHANGESET_FOREIGN_KEY)
		return status_error(ST_INVALID, _("the bundle refers to records its site never sent"));
	if (rc == SQLITE_ABORT)
		return status_error(ST_INVALID, _("the bundle does not fit the hub's copy of its site (table %s)"),
				    c.table);
	return store_status(st, rc);
}

/* ---- the state hash ---- */

static void hash_row(crypto_generichash_state *h, sqlite3_stmt *stmt)
{
	int ncol = sqlite3_column_count(stmt);

	for (int i = 0; i < ncol; i++) {
		unsigned char type = (unsigned char)sqlite3_column_type(stmt, i);
		int64_t n;
		double d;
		uint64_t len;

		crypto_generichash_update(h, &type, 1);
		switch (type) {
		case SQLITE_INTEGER:
			n = sqlite3_column_int64(stmt, i);
			crypto_generichash_update(h, (const unsigned char *)&n, sizeof(n));
			break;
		case SQLITE_FLOAT:
			d = sqlite3_column_double(stmt, i);
			crypto_generichash_update(h, (const unsigned char *)&d, sizeof(d));
			break;
		case SQLITE_NULL:
			break;
		default:
			len = (uint64_t)sqlite3_column_bytes(stmt, i);
			crypto_generichash_update(h, (const unsigned char *)&len, sizeof(len));
			if (len)
				crypto_generichash_update(h, sqlite3_column_blob(stmt, i), (size_t)len);
		}
	}
}

static enum status hash_table(struct store *st, crypto_generichash_state *h, const struct synced_table *t)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(st->db, t->ordered, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_status(st, rc);
	crypto_generichash_update(h, (const unsigned char *)t->name, strlen(t->name) + 1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		hash_row(h, stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? ST_OK : store_status(st, rc);
}

enum status store_state_hash(struct store *st, char out[65])
{
	crypto_generichash_state h;
	unsigned char digest[32];
	enum status s = ST_OK;

	crypto_generichash_init(&h, NULL, 0, sizeof(digest));
	for (size_t i = 0; s == ST_OK && i < PD_ARRAY_LEN(synced); i++)
		s = hash_table(st, &h, &synced[i]);
	crypto_generichash_final(&h, digest, sizeof(digest));
	sodium_bin2hex(out, 65, digest, sizeof(digest));
	return s;
}

/* ---- blobs ---- */

void query_bind_blob(struct query *q, const char *name, const void *data, size_t len)
{
	sqlite3_stmt *stmt = (sqlite3_stmt *)q;
	int i = sqlite3_bind_parameter_index(stmt, name);

	if (i == 0)
		pd_die(_("internal error: statement has no parameter %s: %s"), name, sqlite3_sql(stmt));
	sqlite3_bind_blob64(stmt, i, data ? data : "", len, SQLITE_TRANSIENT);
}

const void *query_blob(struct query *q, int col, size_t *len)
{
	sqlite3_stmt *stmt = (sqlite3_stmt *)q;
	const void *p = sqlite3_column_blob(stmt, col);

	*len = (size_t)sqlite3_column_bytes(stmt, col);
	return p;
}
