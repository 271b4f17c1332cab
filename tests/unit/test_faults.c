#include "config.h"
#include "unit.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/store.h"
#include "store/store_internal.h"

/*
 * Faults at the store: a full disk, a damaged file, a read-only file or
 * folder, a file of a newer schema, a lock held past the deadline. Each gives
 * a clear status and message, and the file keeps what it had.
 */

static const char *const full_message = "the disk is full; free some space and try again";

/* A new event file at path with n teams. */
static struct store *new_event(const char *path, int n)
{
	struct event_spec spec = { "Faults", 1796000000, 48 };
	struct csv_table t;
	struct store *st;
	size_t count, len = 0, cap = 64 + (size_t)n * 32;
	char *csv = malloc(cap);

	assert_non_null(csv);
	len += (size_t)snprintf(csv, cap, "name\n");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(csv + len, cap - len, "Team %d\n", i);
	assert_int_equal(store_create(path, &st), ST_OK);
	assert_int_equal(event_create(st, &spec), ST_OK);
	if (n > 0) {
		assert_int_equal(csv_read_string("teams.csv", csv, len, &t), ST_OK);
		assert_int_equal(import_teams(st, "teams.csv", &t, &count), ST_OK);
		csv_table_clear(&t);
	}
	free(csv);
	return st;
}

static long long count_of(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	long long n = -1;

	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void exec_ok(struct store *st, const char *sql)
{
	assert_int_equal(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void report_nothing(void *ctx, const char *problem)
{
	(void)ctx;
	(void)problem;
}

/* The whole file's bytes, to show a refusal touched nothing. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void assert_same_file(const char *path, const char *before, size_t before_len)
{
	size_t len;
	char *now = slurp(path, &len);

	assert_int_equal(len, before_len);
	assert_memory_equal(now, before, len);
	free(now);
}

/* A big import: 2,000 teams with long descriptions, a few megabytes of pages. */
static enum status import_big(struct store *st, size_t *count)
{
	size_t cap = 2000 * 300, len = 0;
	char *csv = malloc(cap);
	struct csv_table t;
	enum status s;

	assert_non_null(csv);
	len += (size_t)snprintf(csv, cap, "name,description\n");
	for (int i = 0; i < 2000; i++)
		len += (size_t)snprintf(csv + len, cap - len, "Big team %d,%0200d\n", i, i);
	assert_int_equal(csv_read_string("big.csv", csv, len, &t), ST_OK);
	free(csv);
	s = import_teams(st, "big.csv", &t, count);
	csv_table_clear(&t);
	return s;
}

static void disk_full__refuses_the_import_whole_and_keeps_the_file_sound(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 3);
	long long audit_rows = count_of(st, "SELECT count(*) FROM audit");
	size_t count = 0;
	char sql[128];

	(void)state;
	/* the file may not grow: every new page is refused as by a full disk */
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld", count_of(st, "PRAGMA page_count"));
	exec_ok(st, sql);
	assert_int_equal(import_big(st, &count), ST_FULL);
	/* the import names the row it was writing when the disk filled */
	assert_non_null(strstr(status_message(ST_FULL), full_message));
	assert_false(store_in_txn(st));
	assert_int_equal(count_of(st, "SELECT count(*) FROM team"), 3);
	assert_int_equal(count_of(st, "SELECT count(*) FROM audit"), audit_rows);
	assert_int_equal(store_check_integrity(st, report_nothing, NULL), 0);

	/* once there is room again the same import goes through */
	exec_ok(st, "PRAGMA max_page_count = 1073741823");
	assert_int_equal(import_big(st, &count), ST_OK);
	assert_int_equal(count, 2000);
	assert_int_equal(count_of(st, "SELECT count(*) FROM team"), 2003);
	assert_int_equal(store_check_integrity(st, report_nothing, NULL), 0);
	store_close(st);
	unit_rmdir(dir);
}

static void disk_full__inside_a_small_write_rolls_it_back(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 200);
	long long teams, audit_rows;
	size_t count = 0;
	char sql[128];
	enum status s = ST_OK;
	int tries = 0;

	(void)state;
	/* fill the file to its last page, then keep importing until one is refused */
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld", count_of(st, "PRAGMA page_count") + 8);
	exec_ok(st, sql);
	while (tries++ < 50) {
		char csv[256];
		struct csv_table t;
		int len = snprintf(csv, sizeof(csv), "name,description\nSmall %d,%090d\nOther %d,%090d\n",
				   tries, tries, tries, tries);

		teams = count_of(st, "SELECT count(*) FROM team");
		audit_rows = count_of(st, "SELECT count(*) FROM audit");
		assert_int_equal(csv_read_string("small.csv", csv, (size_t)len, &t), ST_OK);
		s = import_teams(st, "small.csv", &t, &count);
		csv_table_clear(&t);
		if (s != ST_OK)
			break;
	}
	assert_int_equal(s, ST_FULL);
	assert_int_equal(count_of(st, "SELECT count(*) FROM team"), teams);
	assert_int_equal(count_of(st, "SELECT count(*) FROM audit"), audit_rows);
	assert_int_equal(store_check_integrity(st, report_nothing, NULL), 0);
	store_close(st);
	unit_rmdir(dir);
}

static void damaged__a_cut_file_does_not_open_and_stays_as_it_was(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 50);
	char msg[512], *before;
	size_t len;

	(void)state;
	exec_ok(st, "PRAGMA wal_checkpoint(TRUNCATE)");
	store_close(st);
	assert_int_equal(truncate(path, 40000), 0);
	before = slurp(path, &len);
	assert_int_equal(store_open(path, &st), ST_CORRUPT);
	assert_null(st);
	snprintf(msg, sizeof(msg), "'%s' is damaged; restore it from a backup ('podium backup')", path);
	assert_string_equal(status_message(ST_CORRUPT), msg);
	assert_same_file(path, before, len);
	free(before);
	unit_rmdir(dir);
}

static void damaged__a_hole_in_a_table_is_found_and_writes_there_refused(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 300);
	long long root = count_of(st, "SELECT rootpage FROM sqlite_master WHERE name = 'team'");
	long long page = count_of(st, "PRAGMA page_size");
	static const char zeros[64];
	size_t count, len;
	struct csv_table t;
	char *before;
	int fd;

	(void)state;
	exec_ok(st, "PRAGMA wal_checkpoint(TRUNCATE)");
	store_close(st);
	fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, zeros, sizeof(zeros), (off_t)((root - 1) * page)), (ssize_t)sizeof(zeros));
	close(fd);

	assert_int_equal(store_open(path, &st), ST_OK);
	assert_true(store_check_integrity(st, report_nothing, NULL) > 0);
	assert_int_equal(csv_read_string("t.csv", "name\nLate team\n", 15, &t), ST_OK);
	assert_int_equal(import_teams(st, "t.csv", &t, &count), ST_CORRUPT);
	assert_non_null(strstr(status_message(ST_CORRUPT), "the event file is damaged; run 'podium check'"));
	csv_table_clear(&t);
	store_close(st);
	before = slurp(path, &len);
	assert_int_equal(store_open(path, &st), ST_OK);
	store_close(st);
	assert_same_file(path, before, len);
	free(before);
	unit_rmdir(dir);
}

static void newer_schema__is_refused_with_the_versions_and_left_alone(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 5);
	char sql[64], msg[512], *before;
	size_t len;

	(void)state;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", schema_latest() + 1);
	exec_ok(st, sql);
	exec_ok(st, "PRAGMA wal_checkpoint(TRUNCATE)");
	store_close(st);
	before = slurp(path, &len);
	assert_int_equal(store_open(path, &st), ST_TOO_NEW);
	assert_null(st);
	snprintf(msg, sizeof(msg),
		 "'%s' was written by a newer podium (schema %d, this one knows %d); upgrade podium to open it",
		 path, schema_latest() + 1, schema_latest());
	assert_string_equal(status_message(ST_TOO_NEW), msg);
	assert_same_file(path, before, len);
	free(before);
	unit_rmdir(dir);
}

/*
 * Open path as a user without write access (nobody when the tests run as
 * root, who writes anywhere, else ourselves): it opens read-only, and a write
 * is refused. The child exits 0 when the status and message are the expected ones.
 */
static enum status refused_write(struct store *st, void *ctx)
{
	(void)st;
	(void)ctx;
	return ST_OK;	/* never reached */
}

static void expect_refused_as_other_user(const char *path, const char *message)
{
	pid_t pid;
	int wstatus;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *st;
		enum status s;

		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		/* it opens for reading; the first write is refused */
		s = store_open(path, &st);
		if (s != ST_OK || !store_read_only(st)) {
			fprintf(stderr, "open: got %s: %s\n", status_name(s), status_message(s));
			_exit(1);
		}
		s = store_write(st, refused_write, NULL);
		store_close(st);
		if (s != ST_READONLY) {
			fprintf(stderr, "write: got %s: %s\n", status_name(s), status_message(s));
			_exit(1);
		}
		if (strcmp(status_message(s), message) != 0) {
			fprintf(stderr, "got '%s'\n", status_message(s));
			_exit(2);
		}
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	assert_true(WIFEXITED(wstatus));
	assert_int_equal(WEXITSTATUS(wstatus), 0);
}

static void read_only__file_and_folder_are_named_in_the_refusal(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db"), *sub = unit_path(dir, "ro");
	struct store *st = new_event(path, 5);
	char inner[300], msg[1024], *before;
	size_t len;

	(void)state;
	exec_ok(st, "PRAGMA wal_checkpoint(TRUNCATE)");
	store_close(st);
	assert_int_equal(chmod(dir, 0755), 0);

	/* a read-only file */
	assert_int_equal(chmod(path, 0444), 0);
	before = slurp(path, &len);
	snprintf(msg, sizeof(msg), "'%s' is read-only for you; ask its owner for write access", path);
	expect_refused_as_other_user(path, msg);
	assert_same_file(path, before, len);
	free(before);

	/* a writable file in a read-only folder: no room for its -wal and -shm */
	snprintf(inner, sizeof(inner), "%s/e.db", sub);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(rename(path, inner), 0);
	assert_int_equal(chmod(inner, 0666), 0);
	assert_int_equal(chmod(sub, 0555), 0);
	before = slurp(inner, &len);
	snprintf(msg, sizeof(msg),
		 "the folder '%s' is read-only for you, and podium keeps two working files beside '%s';"
		 " ask its owner for write access to the folder", sub, inner);
	expect_refused_as_other_user(inner, msg);
	assert_same_file(inner, before, len);
	free(before);
	assert_int_equal(chmod(sub, 0755), 0);
	unit_rmdir(dir);
}

/* Another process holds the write lock for hold_ms, then commits. */
static pid_t hold_lock(const char *path, int hold_ms, int ready[2])
{
	pid_t pid;
	char c = 'x';

	assert_int_equal(pipe(ready), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct timespec ts = { hold_ms / 1000, (long)(hold_ms % 1000) * 1000000L };
		sqlite3 *db;

		if (sqlite3_open(path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE; UPDATE event SET hours = hours;", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		nanosleep(&ts, NULL);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(0);
	}
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	close(ready[1]);
	return pid;
}

static int64_t elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (int64_t)(t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void lock__past_the_deadline_gives_busy_and_within_it_succeeds(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "e.db");
	struct store *st = new_event(path, 2);
	struct csv_table t;
	struct timespec t0;
	int ready[2], wstatus;
	size_t count;
	int64_t ms;
	pid_t pid;

	(void)state;
	assert_int_equal(csv_read_string("t.csv", "name\nLate team\n", 15, &t), ST_OK);

	/* the lock outlasts the deadline: ST_BUSY after it, nothing written */
	store_set_retry_ms(st, 300);
	pid = hold_lock(path, 1500, ready);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(import_teams(st, "t.csv", &t, &count), ST_BUSY);
	ms = elapsed_ms(&t0);
	assert_string_equal(status_message(ST_BUSY), "the event file is busy; try again in a moment");
	assert_true(ms >= 300);
	assert_true(ms < 1400);
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	assert_int_equal(count_of(st, "SELECT count(*) FROM team"), 2);

	/* the lock ends before the deadline: the write waits it out and succeeds */
	store_set_retry_ms(st, 5000);
	pid = hold_lock(path, 800, ready);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(import_teams(st, "t.csv", &t, &count), ST_OK);
	ms = elapsed_ms(&t0);
	assert_true(ms >= 700);
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	assert_int_equal(count_of(st, "SELECT count(*) FROM team"), 3);
	csv_table_clear(&t);
	store_close(st);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(disk_full__refuses_the_import_whole_and_keeps_the_file_sound),
		cmocka_unit_test(disk_full__inside_a_small_write_rolls_it_back),
		cmocka_unit_test(damaged__a_cut_file_does_not_open_and_stays_as_it_was),
		cmocka_unit_test(damaged__a_hole_in_a_table_is_found_and_writes_there_refused),
		cmocka_unit_test(newer_schema__is_refused_with_the_versions_and_left_alone),
		cmocka_unit_test(read_only__file_and_folder_are_named_in_the_refusal),
		cmocka_unit_test(lock__past_the_deadline_gives_busy_and_within_it_succeeds),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
