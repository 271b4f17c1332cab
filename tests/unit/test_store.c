#include "config.h"
#include "unit.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>

#include "podium/audit.h"
#include "podium/store.h"
#include "store/store_internal.h"

STMT_DEFINE(q_track_insert, "INSERT INTO track(id, name, name_key) VALUES ($id, $name, $key)");
STMT_DEFINE(q_track_by_key, "SELECT id, name FROM track WHERE name_key = $key");

static enum status insert_track(struct store *st, void *ctx)
{
	struct query *q = store_query(st, &q_track_insert);

	query_bind_text(q, "$id", ctx);
	query_bind_text(q, "$name", "Education");
	query_bind_text(q, "$key", "education");
	return query_exec(q);
}

static enum status insert_then_fail(struct store *st, void *ctx)
{
	enum status s = insert_track(st, ctx);

	return s == ST_OK ? status_error(ST_INVALID, "on purpose") : s;
}

static int count_tracks(struct store *st)
{
	struct query *q = store_query(st, &q_track_by_key);
	int n = 0;

	query_bind_text(q, "$key", "education");
	while (query_step(q) == ST_ROW)
		n++;
	return n;
}

static void memory_store__has_the_latest_schema(void **state)
{
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(count_tracks(st), 0);
	store_close(st);
}

static void write__commits_on_ok_and_rolls_back_on_error(void **state)
{
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(store_write(st, insert_then_fail, "00000000-0000-4000-8000-000000000001"), ST_INVALID);
	assert_int_equal(count_tracks(st), 0);
	assert_false(store_in_txn(st));
	assert_int_equal(store_write(st, insert_track, "00000000-0000-4000-8000-000000000001"), ST_OK);
	assert_int_equal(count_tracks(st), 1);
	/* the unique name key is a conflict, not a crash */
	assert_int_equal(store_write(st, insert_track, "00000000-0000-4000-8000-000000000002"), ST_CONFLICT);
	assert_int_equal(count_tracks(st), 1);
	store_close(st);
}

struct depth {
	int inner_depth;
	const char *inner_outer;
};

static enum status inner_write(struct store *st, void *ctx)
{
	struct depth *d = ctx;

	d->inner_depth = store_txn_depth(st);
	d->inner_outer = store_txn_where(st);
	return status_error(ST_INVALID, "on purpose");
}

static enum status outer_write(struct store *st, void *ctx)
{
	enum status s = insert_track(st, "00000000-0000-4000-8000-000000000004");

	assert_int_equal(store_txn_depth(st), 1);
	if (s == ST_OK)
		s = store_write(st, inner_write, ctx);
	assert_int_equal(store_txn_depth(st), 1);
	return s;
}

static void write__nests_counting_depth_and_the_outer_rolls_back_the_whole(void **state)
{
	struct depth d = {0};
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(store_txn_depth(st), 0);
	assert_int_equal(store_write(st, outer_write, &d), ST_INVALID);
	assert_int_equal(d.inner_depth, 2);
	assert_non_null(d.inner_outer);
	assert_non_null(strstr(d.inner_outer, "test_store.c:"));
	assert_int_equal(count_tracks(st), 0);
	assert_int_equal(store_txn_depth(st), 0);
	assert_null(store_txn_where(st));
	store_close(st);
}

static void create__refuses_an_existing_file_and_keeps_it(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st;
	FILE *f = fopen(path, "w");

	(void)state;
	fputs("precious", f);
	fclose(f);
	assert_int_equal(store_create(path, &st), ST_EXISTS);
	assert_null(st);
	f = fopen(path, "r");
	{
		char buf[16] = { 0 };

		assert_non_null(fgets(buf, sizeof(buf), f));
		assert_string_equal(buf, "precious");
	}
	fclose(f);
	unit_rmdir(dir);
}

static void create__honours_the_umask(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st;
	struct stat sb;
	mode_t old = umask(007);

	(void)state;
	assert_int_equal(store_create(path, &st), ST_OK);
	umask(old);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	store_close(st);
	unit_rmdir(dir);
}

static void open__refuses_missing_foreign_and_newer_files(void **state)
{
	const char *dir = unit_tmpdir();
	struct store *st;
	FILE *f;

	(void)state;
	assert_int_equal(store_open(unit_path(dir, "none.db"), &st), ST_NO_FILE);
	assert_int_equal(access(unit_path(dir, "none.db"), F_OK), -1);

	f = fopen(unit_path(dir, "text.db"), "w");
	fputs("hello, this is not SQLite at all, just some text that is long enough\n", f);
	fclose(f);
	assert_int_equal(store_open(unit_path(dir, "text.db"), &st), ST_NOT_PODIUM);

	f = fopen(unit_path(dir, "empty.db"), "w");
	fclose(f);
	assert_int_equal(store_open(unit_path(dir, "empty.db"), &st), ST_NOT_PODIUM);

	{
		char cmd[512];

		snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'PRAGMA application_id=1886348393; PRAGMA user_version=999; CREATE TABLE x(y);'",
			 unit_path(dir, "new.db"));
		if (system(cmd) == 0)
			assert_int_equal(store_open(unit_path(dir, "new.db"), &st), ST_TOO_NEW);
		snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'CREATE TABLE x(y);'", unit_path(dir, "other.db"));
		if (system(cmd) == 0)
			assert_int_equal(store_open(unit_path(dir, "other.db"), &st), ST_NOT_PODIUM);
	}
	unit_rmdir(dir);
}

struct nested {
	struct store *other;
	enum status seen;
};

static enum status try_from_other(struct store *st, void *ctx)
{
	struct nested *n = ctx;

	(void)st;
	n->seen = store_write(n->other, insert_track, "00000000-0000-4000-8000-000000000009");
	return ST_OK;
}

static void write__gives_up_with_busy_after_the_deadline(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *a, *b;
	struct nested n;

	(void)state;
	assert_int_equal(store_create(path, &a), ST_OK);
	assert_int_equal(store_open(path, &b), ST_OK);
	store_set_retry_ms(b, 100);
	n.other = b;
	n.seen = ST_OK;
	assert_int_equal(store_write(a, try_from_other, &n), ST_OK);
	assert_int_equal(n.seen, ST_BUSY);
	assert_int_equal(count_tracks(a), 0);
	store_close(a);
	store_close(b);
	unit_rmdir(dir);
}

static void data_version__changes_when_another_connection_commits(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *a, *b;
	int64_t before;

	(void)state;
	assert_int_equal(store_create(path, &a), ST_OK);
	assert_int_equal(store_open(path, &b), ST_OK);
	before = store_data_version(b);
	assert_int_equal(store_write(a, insert_track, "00000000-0000-4000-8000-000000000001"), ST_OK);
	assert_true(store_data_version(b) != before);
	store_close(a);
	store_close(b);
	unit_rmdir(dir);
}

static void watch__wakes_when_another_connection_commits(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *a, *b;
	struct pollfd pfd;
	int fd;

	(void)state;
	assert_int_equal(store_create(path, &a), ST_OK);
	assert_int_equal(store_open(path, &b), ST_OK);
	fd = store_watch_fd(b);
	assert_true(fd >= 0);
	assert_int_equal(store_watch_fd(b), fd);
	store_watch_drain(b);
	pfd.fd = fd;
	pfd.events = POLLIN;
	assert_int_equal(store_write(a, insert_track, "00000000-0000-4000-8000-000000000001"), ST_OK);
	assert_int_equal(poll(&pfd, 1, 2000), 1);
	assert_true(store_watch_drain(b));
	assert_false(store_watch_drain(b));
	store_close(a);
	store_close(b);
	unit_rmdir(dir);
}

static void backup__copies_and_refuses_to_overwrite(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db"), *copy = unit_path(dir, "copy.db");
	struct store *a, *c;

	(void)state;
	assert_int_equal(store_create(path, &a), ST_OK);
	assert_int_equal(store_write(a, insert_track, "00000000-0000-4000-8000-000000000001"), ST_OK);
	assert_int_equal(store_backup(a, copy), ST_OK);
	assert_int_equal(store_backup(a, copy), ST_EXISTS);
	assert_int_equal(store_open(copy, &c), ST_OK);
	assert_int_equal(count_tracks(c), 1);
	store_close(c);
	store_close(a);
	unit_rmdir(dir);
}

static void report_nothing(void *ctx, const char *problem)
{
	(void)problem;
	(*(int *)ctx)++;
}

static void integrity__is_clean_on_a_new_file(void **state)
{
	struct store *st;
	int reported = 0;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(store_check_integrity(st, report_nothing, &reported), 0);
	assert_int_equal(reported, 0);
	store_close(st);
}

static int64_t scalar(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int64_t v = -1;

	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static void open__migrates_a_file_of_an_older_schema_step_by_step(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "old.db");
	struct store *st;
	sqlite3 *db;

	(void)state;
	/* a file as the first podium wrote it: schema version 1 */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA application_id=1886348393;", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema_step(0), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO track(id, name, name_key) VALUES ('t', 'Education', 'education')",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(scalar(path, "PRAGMA user_version"), 1);

	assert_int_equal(store_open(path, &st), ST_OK);
	store_close(st);
	assert_int_equal(scalar(path, "PRAGMA user_version"), schema_latest());
	assert_int_equal(scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'slot'"), 1);
	assert_int_equal(scalar(path, "SELECT count(*) FROM track"), 1);
	unit_rmdir(dir);
}

/* Run sql on the file at path outside podium, as an older podium or another tool would. */
static int exec_file(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

static void open__upgrades_a_file_of_schema_8_with_no_sheet_changed(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "eight.db");
	struct store *st;
	int reported = 0;

	(void)state;
	/* a file as podium left it at schema 8: step 9 only added sheet.changed */
	assert_int_equal(store_create(path, &st), ST_OK);
	store_close(st);
	assert_int_equal(exec_file(path, "ALTER TABLE sheet DROP COLUMN changed; PRAGMA user_version = 8;"
				   "INSERT INTO judge(id, name, name_key) VALUES ('j', 'Ada', 'ada');"
				   "INSERT INTO team(id, name, name_key) VALUES ('a', 'Castors', 'castors'), ('b', 'Loutres', 'loutres');"
				   "INSERT INTO sheet(id, judge_id, team_id, status, created_at, updated_at)"
				   " VALUES ('s1', 'j', 'a', 'submitted', 1, 1), ('s2', 'j', 'b', 'draft', 1, 1);"),
			 SQLITE_OK);
	assert_int_equal(scalar(path, "PRAGMA user_version"), 8);

	assert_int_equal(store_open(path, &st), ST_OK);
	assert_int_equal(store_check_integrity(st, report_nothing, &reported), 0);
	assert_int_equal(reported, 0);
	store_close(st);
	assert_int_equal(scalar(path, "PRAGMA user_version"), schema_latest());
	/* every sheet of the older file is as it was, not changed */
	assert_int_equal(scalar(path, "SELECT count(*) FROM sheet WHERE changed = 0"), 2);
	assert_int_equal(scalar(path, "SELECT count(*) FROM sheet WHERE status = 'submitted'"), 1);
	/* only a submitted sheet can be marked changed */
	assert_int_equal(exec_file(path, "UPDATE sheet SET changed = 1 WHERE id = 's1'"), SQLITE_OK);
	assert_int_not_equal(exec_file(path, "UPDATE sheet SET changed = 1 WHERE id = 's2'"), SQLITE_OK);
	assert_int_not_equal(exec_file(path, "UPDATE sheet SET changed = 2 WHERE id = 's1'"), SQLITE_OK);
	unit_rmdir(dir);
}

static int cache_size(struct store *st)
{
	sqlite3_stmt *q;
	int kib = 0;

	assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		kib = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return kib;
}

static void cache__is_small_for_reads_and_large_on_request(void **state)
{
	struct store *st;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(cache_size(st), -2048);
	store_set_large_cache(st);
	assert_int_equal(cache_size(st), -65536);
	store_set_small_cache(st);
	assert_int_equal(cache_size(st), -1024);
	store_close(st);
}

/* each index on the log is one more page written by every audited commit */
static void schema__keeps_no_index_on_the_audit_log(void **state)
{
	struct store *st;
	sqlite3_stmt *q;

	(void)state;
	assert_int_equal(store_open_memory(&st), ST_OK);
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
					   " AND tbl_name = 'audit'", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memory_store__has_the_latest_schema),
		cmocka_unit_test(write__commits_on_ok_and_rolls_back_on_error),
		cmocka_unit_test(create__refuses_an_existing_file_and_keeps_it),
		cmocka_unit_test(create__honours_the_umask),
		cmocka_unit_test(open__refuses_missing_foreign_and_newer_files),
		cmocka_unit_test(write__gives_up_with_busy_after_the_deadline),
		cmocka_unit_test(data_version__changes_when_another_connection_commits),
		cmocka_unit_test(watch__wakes_when_another_connection_commits),
		cmocka_unit_test(backup__copies_and_refuses_to_overwrite),
		cmocka_unit_test(integrity__is_clean_on_a_new_file),
		cmocka_unit_test(open__migrates_a_file_of_an_older_schema_step_by_step),
		cmocka_unit_test(open__upgrades_a_file_of_schema_8_with_no_sheet_changed),
		cmocka_unit_test(cache__is_small_for_reads_and_large_on_request),
		cmocka_unit_test(schema__keeps_no_index_on_the_audit_log),
		cmocka_unit_test(write__nests_counting_depth_and_the_outer_rolls_back_the_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
