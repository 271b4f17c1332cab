#include "config.h"

/*
 * make bench, the live part: figures and ratios measured in one run, never a
 * pass/fail test.
 *
 *   1. propagation: a writer process submits a sheet (sheet_apply); a reader
 *      process blocked in poll() on store_watch_fd() checks store_data_version()
 *      and notes when it sees the change; p50 and p99 against the 100 ms target;
 *   2. the same to the screen: 'podium score' to the team's name on a display
 *      console's pane under tmux (polled with capture-pane);
 *   3. commits/s of 1, 8, 50 and 200 writer processes: sheet_apply() in a loop
 *      against bare SQLite with the same settings (WAL, synchronous=FULL, busy
 *      timeout, BEGIN IMMEDIATE, one row per transaction), side by side;
 *   4. the console on 5,000 teams: its first frame (PODIUM_BENCH_FIRST_FRAME
 *      makes it quit after drawing it) beside a trivial command's time, its
 *      idle CPU over 10 s, its RSS, and the display's CPU per commit it shows:
 *      sheets (the boards are ranked again) and phases (only the clock is read).
 *
 * Usage: bench_live PODIUM_BINARY [FOLDER]. Parts 2 and 4 need tmux.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/timeline.h"

extern char **environ;

static const char *podium_bin;
static char dir[512];

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void sleep_ms(double ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)((ms - (double)(time_t)(ms / 1000) * 1000) * 1e6) };

	nanosleep(&ts, NULL);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The p-th percentile (0..100) of v, sorted in place. */
static double percentile(double *v, size_t n, double p)
{
	size_t i;

	qsort(v, n, sizeof(*v), cmp_double);
	i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "bench_live: %s: %s\n", what, detail ? detail : "");
	exit(1);
}

static void import_text(struct store *st, const char *kind, const char *text, size_t len)
{
	struct csv_table t;
	enum status s;
	size_t n;

	if (csv_read_string(kind, text, len, &t) != ST_OK)
		die("csv", status_message(ST_INVALID));
	if (strcmp(kind, "teams") == 0)
		s = import_teams(st, kind, &t, &n);
	else if (strcmp(kind, "judges") == 0)
		s = import_judges(st, kind, &t, &n);
	else
		s = import_sheets(st, kind, &t, &n);
	if (s != ST_OK)
		die(kind, status_message(s));
	csv_table_clear(&t);
}

/*
 * A new event at path: teams "Team 0001"..., judges "Judge 001"..., and, when
 * per_team > 0, that many submitted sheets for each team.
 */
static void make_event(const char *path, int teams, int judges, int per_team)
{
	struct event_spec spec = { "Live bench", 1796000000, 48 };
	size_t cap = 64 + (size_t)(teams > judges ? teams : judges) * 32, len = 0;
	char *buf = malloc(cap);
	struct store *st;

	for (int i = 0; i < 3; i++) {
		char name[700];

		snprintf(name, sizeof(name), "%s%s", path, i == 0 ? "" : i == 1 ? "-wal" : "-shm");
		unlink(name);
	}
	if (!buf || store_create(path, &st) != ST_OK || event_create(st, &spec) != ST_OK)
		die("create the event", path);
	audit_set_actor("organizer bench");
	len = (size_t)snprintf(buf, cap, "name\n");
	for (int t = 0; t < teams; t++)
		len += (size_t)snprintf(buf + len, cap - len, "Team %04d\n", t);
	import_text(st, "teams", buf, len);
	len = (size_t)snprintf(buf, cap, "name\n");
	for (int j = 0; j < judges; j++)
		len += (size_t)snprintf(buf + len, cap - len, "Judge %03d\n", j);
	import_text(st, "judges", buf, len);
	free(buf);
	if (per_team > 0) {
		size_t scap = (size_t)teams * per_team * 48 + 128;
		char *sheets = malloc(scap);
		unsigned r = 12345;

		if (!sheets)
			die("malloc", "sheets");
		len = (size_t)snprintf(sheets, scap, "judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch\n");
		for (int k = 0; k < per_team; k++) {
			for (int t = 0; t < teams; t++) {
				len += (size_t)snprintf(sheets + len, scap - len, "Judge %03d,Team %04d", (t + k * 7) % judges, t);
				for (int c = 0; c < 7; c++) {
					r = r * 1664525u + 1013904223u;
					len += (size_t)snprintf(sheets + len, scap - len, ",%u", 1 + (r >> 16) % 5);
				}
				sheets[len++] = '\n';
			}
		}
		import_text(st, "sheets", sheets, len);
		free(sheets);
	}
	store_close(st);
}

/* One value of judge j's sheet for team t, submitted once complete. */
static enum status submit_value(struct store *st, int j, int t, int value, bool full)
{
	static const char *const names[7] = { "Idea", "Engagement", "Technique", "Marketing", "Design",
					      "Viability", "Pitch" };
	static const struct actor organizer = { ROLE_ORGANIZER, "" };
	struct sheet_value v[7];
	char judge[32], team[32];
	struct sheet_change c = { .judge = judge, .team = team, .values = v };

	snprintf(judge, sizeof(judge), "Judge %03d", j);
	snprintf(team, sizeof(team), "Team %04d", t);
	for (int i = 0; i < 7; i++) {
		v[i].criterion = names[i];
		v[i].value = i == 0 ? value : 3;
	}
	c.nvalues = full ? 7 : 1;
	c.submit = true;
	return sheet_apply(st, &organizer, &c);
}

/* ---- 1. propagation through the library ---- */

#define PROPAGATIONS 200

static void bench_propagation(const char *path)
{
	double seen[PROPAGATIONS], from_start[PROPAGATIONS], from_return[PROPAGATIONS];
	int ready[2], report[2];
	struct store *st;
	pid_t reader;
	char c;

	make_event(path, 10, 2, 0);
	if (pipe(ready) != 0 || pipe(report) != 0)
		die("pipe", strerror(errno));
	reader = fork();
	if (reader == 0) {
		struct store *rs;
		int64_t v;
		int fd;

		if (store_open(path, &rs) != ST_OK)
			_exit(1);
		fd = store_watch_fd(rs);
		v = store_data_version(rs);
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		for (;;) {
			struct pollfd p = { fd, POLLIN, 0 };

			/* as the console: sleep in poll(), look at data_version on a wake or each second */
			if (poll(&p, fd >= 0 ? 1 : 0, 1000) > 0)
				store_watch_drain(rs);
			for (int i = 0; i < 5; i++) {
				int64_t nv = store_data_version(rs);

				if (nv != v) {
					double t = now_ms();

					v = nv;
					if (write(report[1], &t, sizeof(t)) != (ssize_t)sizeof(t))
						_exit(1);
					break;
				}
				sleep_ms(1);
			}
		}
	}
	if (read(ready[0], &c, 1) != 1)
		die("reader", "did not start");
	if (store_open(path, &st) != ST_OK)
		die("store_open", path);
	audit_set_actor("organizer bench");
	for (int i = 0; i < PROPAGATIONS; i++) {
		double t0 = now_ms(), t1;

		/* team i % 10, its Idea value moved at each round so every commit changes the sheet */
		if (submit_value(st, 0, i % 10, 1 + (i / 10) % 5, i < 10) != ST_OK)
			die("sheet_apply", status_message(ST_INTERNAL));
		t1 = now_ms();
		if (read(report[0], &seen[i], sizeof(seen[i])) != (ssize_t)sizeof(seen[i]))
			die("reader", "no report");
		from_start[i] = seen[i] - t0;
		from_return[i] = seen[i] - t1;
		sleep_ms(5 + i % 7);
	}
	store_close(st);
	kill(reader, SIGTERM);
	waitpid(reader, NULL, 0);
	close(ready[0]);
	close(ready[1]);
	close(report[0]);
	close(report[1]);

	printf("propagation, library: a process submits a sheet, another blocked in poll() on the watch sees it"
	       " (%d commits)\n", PROPAGATIONS);
	printf("  from the submit's call   p50 %6.2f ms  p99 %6.2f ms  p99 = %.3f x the 100 ms target\n",
	       percentile(from_start, PROPAGATIONS, 50), percentile(from_start, PROPAGATIONS, 99),
	       percentile(from_start, PROPAGATIONS, 99) / 100.0);
	printf("  from the submit's return p50 %6.2f ms  p99 %6.2f ms\n",
	       percentile(from_return, PROPAGATIONS, 50), percentile(from_return, PROPAGATIONS, 99));
}

/* ---- tmux helpers ---- */

static char tmux_sock[64];

static int sh(const char *cmd)
{
	int rc = system(cmd);

	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static bool have_tmux(void)
{
	return sh("command -v tmux >/dev/null 2>&1") == 0;
}

/* Start podium ARGS in a new tmux session of 132 x 50, exec'd so the pane's pid is podium's. */
static void tmux_start(const char *path, const char *args, const char *env)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd),
		 "tmux -L %s -f /dev/null new-session -d -s main -x 132 -y 50 "
		 "\"exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color %s PODIUM_DB='%s' '%s' %s\"",
		 tmux_sock, env ? env : "", path, podium_bin, args);
	if (sh(cmd) != 0)
		die("tmux", cmd);
}

static void tmux_stop(void)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "tmux -L %s kill-server >/dev/null 2>&1", tmux_sock);
	sh(cmd);
}

/* True when the pane shows text. */
static bool pane_shows(const char *text)
{
	char cmd[256], line[1024];
	bool found = false;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "tmux -L %s capture-pane -p -t main 2>/dev/null", tmux_sock);
	p = popen(cmd, "r");
	if (!p)
		return false;
	while (fgets(line, sizeof(line), p))
		if (strstr(line, text))
			found = true;
	pclose(p);
	return found;
}

static bool wait_pane(const char *text, double limit_ms)
{
	double t0 = now_ms();

	while (now_ms() - t0 < limit_ms) {
		if (pane_shows(text))
			return true;
		sleep_ms(1);
	}
	return false;
}

static pid_t pane_pid(void)
{
	char cmd[256], line[64] = "";
	FILE *p;

	snprintf(cmd, sizeof(cmd), "tmux -L %s display -p -t main '#{pane_pid}'", tmux_sock);
	p = popen(cmd, "r");
	if (!p || !fgets(line, sizeof(line), p))
		die("tmux", "no pane pid");
	pclose(p);
	return (pid_t)atoi(line);
}

/* Run podium with argv, its output to /dev/null; its exit status. */
static int run_podium(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	int status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, podium_bin, &fa, NULL, argv, environ) != 0)
		die("spawn", podium_bin);
	posix_spawn_file_actions_destroy(&fa);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* ---- 2. propagation to a console's screen ---- */

#define SCREEN_TEAMS 30

static void bench_screen(const char *path)
{
	double from_start[SCREEN_TEAMS], from_exit[SCREEN_TEAMS];
	int n = 0;

	make_event(path, SCREEN_TEAMS, 1, 0);
	tmux_start(path, "tui --role display", NULL);
	if (!wait_pane("Leaderboard", 5000)) {
		printf("propagation to the screen: the display console did not start; not measured\n");
		tmux_stop();
		return;
	}
	sleep_ms(300);
	for (int t = 0; t < SCREEN_TEAMS; t++) {
		char team[32], *argv[] = { (char *)podium_bin, "--db", (char *)path, "score", "--judge", "Judge 000",
					   "--team", team, "Idea=3", "Engagement=4", "Technique=5", "Marketing=2",
					   "Design=4", "Viability=3", "Pitch=5", "--submit", NULL };
		double t0, t1;

		snprintf(team, sizeof(team), "Team %04d", t);
		t0 = now_ms();
		if (run_podium(argv) != 0)
			die("podium score", team);
		t1 = now_ms();
		if (!wait_pane(team, 3000))
			continue;
		from_start[n] = now_ms() - t0;
		from_exit[n] = now_ms() - t1;
		n++;
		sleep_ms(20);
	}
	tmux_stop();
	if (n == 0) {
		printf("propagation to the screen: no team ever showed; not measured\n");
		return;
	}
	printf("propagation to the screen: 'podium score --submit' to the team on a display console's pane"
	       " (tmux, %d of %d seen; capture-pane polling adds a few ms)\n", n, SCREEN_TEAMS);
	printf("  from the command's start p50 %6.2f ms  p99 %6.2f ms  p99 = %.3f x the 100 ms target\n",
	       percentile(from_start, (size_t)n, 50), percentile(from_start, (size_t)n, 99),
	       percentile(from_start, (size_t)n, 99) / 100.0);
	printf("  from the command's exit  p50 %6.2f ms  p99 %6.2f ms\n", percentile(from_exit, (size_t)n, 50),
	       percentile(from_exit, (size_t)n, 99));
}

/* ---- 3. commits/s of many writer processes ---- */

#define WRITE_MS 2000.0

/*
 * The bare references: one sheet-like UPDATE per transaction, or the same rows a
 * sheet's commit writes (one value, the sheet's total, an audit row of the same
 * size), prepared once, with nothing read or checked.
 */
enum writer { WRITER_BARE_UPDATE, WRITER_BARE_ROWS, WRITER_PODIUM };

static const char *const bare_sql[] = {
	"UPDATE sheet SET total = ?1, updated_at = ?2 WHERE id = ?3",
	"UPDATE sheet_value SET value = 1 + ?2 % 5 WHERE sheet_id = ?3 AND criterion_id ="
	" (SELECT min(criterion_id) FROM sheet_value WHERE sheet_id = ?3)",
	"INSERT INTO audit(at, actor, action, kind, record_id, team_id, judge_id, before, after, prev_hash, hash)"
	" VALUES (?2, 'organizer bench', 'update', 'sheet', ?3, ?3, ?3, printf('%.212c', 'b'),"
	" printf('%.212c', 'a'), printf('%.64c', 'p'), printf('%.64c', 'h'))",
};

static bool bare_step(sqlite3_stmt *q, double total, long n, const char *sheet_id)
{
	int rc;

	if (sqlite3_bind_parameter_count(q) >= 1)
		sqlite3_bind_double(q, 1, total);
	sqlite3_bind_int64(q, 2, n);
	sqlite3_bind_text(q, 3, sheet_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE;
}

/* Child: bare SQLite, the store's settings, one transaction after another for WRITE_MS. */
static long bare_writer(const char *path, const char *sheet_id, int go, enum writer kind)
{
	sqlite3_stmt *q[3] = { 0 }, *begin, *commit;
	size_t nq = kind == WRITER_BARE_ROWS ? 3 : 1;
	double t0;
	long n = 0;
	sqlite3 *db;
	char c;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(db, 5000);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_extended_result_codes(db, 1);
	if (sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
			     " PRAGMA trusted_schema = OFF; PRAGMA cache_size = -2048;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL) != SQLITE_OK)
		return -1;
	for (size_t i = 0; i < nq; i++)
		if (sqlite3_prepare_v2(db, bare_sql[i], -1, &q[i], NULL) != SQLITE_OK)
			return -1;
	if (read(go, &c, 1) < 0)
		return -1;
	t0 = now_ms();
	while (now_ms() - t0 < WRITE_MS) {
		int rc = sqlite3_step(begin);
		bool ok = true;

		sqlite3_reset(begin);
		if (rc != SQLITE_DONE)
			continue;	/* busy past the timeout: try again, as the store does */
		for (size_t i = 0; i < nq && ok; i++)
			ok = bare_step(q[i], (double)(n % 100), n, sheet_id);
		if (ok && sqlite3_step(commit) == SQLITE_DONE)
			n++;
		sqlite3_reset(commit);
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	for (size_t i = 0; i < nq; i++)
		sqlite3_finalize(q[i]);
	sqlite3_finalize(begin);
	sqlite3_finalize(commit);
	sqlite3_close(db);
	return n;
}

/* Child: podium, sheet_apply() of one changed value with its audit row per transaction. */
static long podium_writer(const char *path, int j, int go)
{
	struct store *st;
	double t0;
	long n = 0;
	char c;

	if (store_open(path, &st) != ST_OK)
		return -1;
	audit_set_actor("organizer bench");
	if (read(go, &c, 1) < 0)
		return -1;
	t0 = now_ms();
	while (now_ms() - t0 < WRITE_MS) {
		if (submit_value(st, j, 0, 1 + (int)(n % 5), false) == ST_OK)
			n++;
		else
			break;
	}
	store_close(st);
	return n;
}

/* The id of judge j's sheet for Team 0000. */
static void sheet_id_of(const char *path, int j, char *out, size_t len)
{
	char sql[256];
	sqlite3_stmt *q;
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("open", path);
	snprintf(sql, sizeof(sql), "SELECT s.id FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON"
		 " t.id = s.team_id WHERE j.name = 'Judge %03d' AND t.name = 'Team 0000'", j);
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK || sqlite3_step(q) != SQLITE_ROW)
		die("no sheet", sql);
	snprintf(out, len, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(db);
}

/* Run n writer processes of one kind at once for WRITE_MS; total commits/s. */
static double run_writers(const char *path, int n, enum writer kind)
{
	long *counts = mmap(NULL, sizeof(long) * (size_t)n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int go[2];
	long total = 0;
	pid_t *pids = calloc((size_t)n, sizeof(*pids));
	double t0, t;

	if (counts == MAP_FAILED || !pids || pipe(go) != 0)
		die("writers", strerror(errno));
	fflush(NULL);
	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			char id[64];

			close(go[1]);
			if (kind != WRITER_PODIUM)
				sheet_id_of(path, i, id, sizeof(id));
			counts[i] = kind != WRITER_PODIUM ? bare_writer(path, id, go[0], kind) : podium_writer(path, i, go[0]);
			_exit(0);
		}
	}
	close(go[0]);
	sleep_ms(300 + n * 5);	/* every writer has its connection open */
	t0 = now_ms();
	close(go[1]);		/* go: every read() returns at once */
	for (int i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
	t = now_ms() - t0;
	for (int i = 0; i < n; i++) {
		if (counts[i] < 0)
			die("a writer", "failed");
		total += counts[i];
	}
	munmap(counts, sizeof(long) * (size_t)n);
	free(pids);
	return (double)total * 1000.0 / (t > WRITE_MS ? t : WRITE_MS);
}

/* only: one writer count (bench_live ... writers N), 0 for all four */
static void bench_writers(const char *path, int only)
{
	static const int counts[] = { 1, 8, 50, 200 };

	/* every judge has a complete sheet for Team 0000, so each write changes one value */
	make_event(path, 1, 200, 0);
	{
		struct store *st;

		if (store_open(path, &st) != ST_OK)
			die("store_open", path);
		for (int j = 0; j < 200; j++)
			if (submit_value(st, j, 0, 3, true) != ST_OK)
				die("sheet_apply", status_message(ST_INTERNAL));
		store_close(st);
	}
	printf("commits/s of N writer processes at once (%.0f ms each; WAL, synchronous=FULL, BEGIN IMMEDIATE)\n",
	       WRITE_MS);
	printf("  %4s  %12s  %12s  %12s  %8s  %8s\n", "N", "bare UPDATE", "bare rows", "podium", "/UPDATE",
	       "/rows");
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		int n = counts[i];
		double rate[3] = { 0 };

		if (only > 0 && n != only)
			continue;
		/* rotate which goes first, so a slow moment of the disk does not always hit one side */
		for (int k = 0; k < 3; k++) {
			enum writer kind = (enum writer)((k + (int)i) % 3);

			rate[kind] = run_writers(path, n, kind);
		}
		printf("  %4d  %10.0f/s  %10.0f/s  %10.0f/s  %8.2f  %8.2f\n", n, rate[WRITER_BARE_UPDATE],
		       rate[WRITER_BARE_ROWS], rate[WRITER_PODIUM], rate[WRITER_PODIUM] / rate[WRITER_BARE_UPDATE],
		       rate[WRITER_PODIUM] / rate[WRITER_BARE_ROWS]);
		fflush(stdout);
	}
}

/* ---- 4. the console on 5,000 teams ---- */

#define FRAME_RUNS 11
#define CPU_COMMITS 40

/* User + system CPU of process pid so far, in ms. */
static double cpu_ms(pid_t pid)
{
	char file[64];
	unsigned long long u, s;
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%d/stat", (int)pid);
	f = fopen(file, "r");
	if (!f || fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &u, &s) != 2)
		die("read", file);
	fclose(f);
	return (double)(u + s) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static enum status add_phase(struct store *st, void *ctx)
{
	struct phase_spec spec = { (const char *)ctx, NULL, 1796003600, 1796003600, false };

	return timeline_set(st, NULL, &spec, NULL);
}

/* The display's CPU per commit of another process, a commit every 100 ms (sheets: or phases). */
static void commit_cpu(const char *path, pid_t pid, const char *what, bool sheets)
{
	struct store *st;
	double c0, c1;
	enum status opened = store_open(path, &st);

	if (opened != ST_OK)
		die("store_open", status_message(opened));
	c0 = cpu_ms(pid);
	for (int i = 0; i < CPU_COMMITS; i++) {
		char name[32];
		enum status s;

		snprintf(name, sizeof(name), "Break %02d", i);
		s = sheets ? submit_value(st, 199, i, 1 + i % 5, true) : store_write(st, add_phase, name);
		if (s != ST_OK)
			die(what, status_message(s));
		sleep_ms(100);
	}
	sleep_ms(300);
	c1 = cpu_ms(pid);
	store_close(st);
	printf("  display's CPU per commit shown, %d %s: %6.1f ms  (%.2f x the 20 ms target)\n", CPU_COMMITS, what,
	       (c1 - c0) / CPU_COMMITS, (c1 - c0) / CPU_COMMITS / 20.0);
}

/*
 * Time podium ARGS in a tmux pane, from just before exec to its exit, timed
 * inside the pane, FRAME_RUNS times into ms[]; returns how many runs ended.
 */
static int pane_runs(const char *path, const char *args, double ms[FRAME_RUNS])
{
	char file[700], cmd[2048], line[256];
	int ok = 0;
	FILE *f;

	snprintf(file, sizeof(file), "%s/frame.ms", dir);
	for (int i = 0; i < FRAME_RUNS; i++) {
		unlink(file);
		snprintf(cmd, sizeof(cmd),
			 "tmux -L %s -f /dev/null new-session -d -s main -x 132 -y 50 "
			 "\"s=\\$(date +%%s%%N); env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color PODIUM_BENCH_FIRST_FRAME=1"
			 " PODIUM_DB='%s' '%s' %s; e=\\$(date +%%s%%N); echo \\$(((e - s) / 1000)) >'%s'\"",
			 tmux_sock, path, podium_bin, args, file);
		if (sh(cmd) != 0)
			die("tmux", cmd);
		for (int k = 0; k < 500 && access(file, F_OK) != 0; k++)
			sleep_ms(10);
		sleep_ms(20);
		tmux_stop();
		f = fopen(file, "r");
		if (f && fgets(line, sizeof(line), f))
			ms[ok++] = atof(line) / 1000.0;
		if (f)
			fclose(f);
	}
	return ok;
}

static void bench_console(const char *path)
{
	double frames[FRAME_RUNS];
	char file[700], line[256];
	long clk = sysconf(_SC_CLK_TCK);
	unsigned long long u0, s0, u1, s1;
	double t0, secs, cpu;
	long rss = -1;
	pid_t pid;
	FILE *f;
	int ok;

	printf("the console on 5,000 teams, 200 judges, 25,000 sheets\n");
	make_event(path, 5000, 200, 5);
	ok = pane_runs(path, "tui --role display", frames);
	if (ok > 0) {
		double trivial_runs[FRAME_RUNS], first = percentile(frames, (size_t)ok, 50), trivial;
		int nt = pane_runs(path, "--version", trivial_runs);

		trivial = nt > 0 ? percentile(trivial_runs, (size_t)nt, 50) : 0;

		printf("  first frame, process start to exit after it   median %6.1f ms  max %6.1f ms"
		       "  median = %.2f x the 100 ms target  (%d runs)\n",
		       first, percentile(frames, (size_t)ok, 100), first / 100.0, ok);
		printf("  a trivial command (podium --version), the same way  median %6.1f ms; the first frame is %.1f ms"
		       " above it  (%.2f x the 60 ms target)\n", trivial, first - trivial, (first - trivial) / 60.0);
	}
	else
		printf("  first frame: not measured (the console did not start)\n");

	tmux_start(path, "tui --role display", NULL);
	if (!wait_pane("Leaderboard", 5000)) {
		printf("  idle: the console did not start; not measured\n");
		tmux_stop();
		return;
	}
	sleep_ms(2000);
	pid = pane_pid();
	snprintf(file, sizeof(file), "/proc/%d/stat", (int)pid);
#define READ_TIMES(u, s)                                                                                         \
	do {                                                                                                     \
		f = fopen(file, "r");                                                                            \
		if (!f || fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &u, &s) != 2) \
			die("read", file);                                                                       \
		fclose(f);                                                                                       \
	} while (0)
	READ_TIMES(u0, s0);
	t0 = now_ms();
	sleep_ms(10000);
	READ_TIMES(u1, s1);
	secs = (now_ms() - t0) / 1000.0;
	cpu = (double)(u1 + s1 - u0 - s0) / (double)clk / secs * 100.0;

	snprintf(file, sizeof(file), "/proc/%d/status", (int)pid);
	f = fopen(file, "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			rss = atol(line + 6);
	if (f)
		fclose(f);
	commit_cpu(path, pid, "sheets submitted", true);
	commit_cpu(path, pid, "phases added", false);
	tmux_stop();
	printf("  idle display console over %.1f s: CPU %.2f %% of a core (%.2f x the 0.5 %% target;"
	       " /proc ticks of 1/%ld s)\n", secs, cpu, cpu / 0.5, clk);
	printf("  resident memory (VmRSS) %.1f MB  (%.2f x the 10 MB target)\n", (double)rss / 1024.0,
	       (double)rss / 1024.0 / 10.0);
}

int main(int argc, char **argv)
{
	const char *tmp = argc > 2 ? argv[2] : getenv("TMPDIR"), *part = argc > 3 ? argv[3] : NULL;
	char path[4][600], cmd[700];

	if (argc < 2) {
		fprintf(stderr, "usage: bench_live PODIUM_BINARY [FOLDER [propagation|screen|writers [N]|console]]\n");
		return 2;
	}
	podium_bin = argv[1];
	if (podium_bin[0] != '/') {
		static char abs[1024];
		char cwd[512];

		if (!getcwd(cwd, sizeof(cwd)))
			die("getcwd", strerror(errno));
		snprintf(abs, sizeof(abs), "%s/%s", cwd, podium_bin);
		podium_bin = abs;
	}
	snprintf(dir, sizeof(dir), "%s/podium-bench-live.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die("mkdtemp", strerror(errno));
	for (int i = 0; i < 4; i++)
		snprintf(path[i], sizeof(path[i]), "%s/event%d.db", dir, i);
	snprintf(tmux_sock, sizeof(tmux_sock), "podium-bench-%d", (int)getpid());
	signal(SIGPIPE, SIG_IGN);
	printf("podium live bench: SQLite %s, %ld CPUs, files in %s\n\n", sqlite3_libversion(),
	       sysconf(_SC_NPROCESSORS_ONLN), dir);
	fflush(stdout);

	if (!part || strcmp(part, "propagation") == 0) {
		bench_propagation(path[0]);
		putchar('\n');
	}
	fflush(stdout);
	if (part && strcmp(part, "screen") != 0) {
		/* another part only */
	} else if (have_tmux()) {
		bench_screen(path[1]);
		putchar('\n');
	} else {
		printf("propagation to the screen, first frame, idle CPU: tmux is not installed; not measured\n\n");
	}
	fflush(stdout);
	if (!part || strcmp(part, "writers") == 0) {
		bench_writers(path[2], argc > 4 ? atoi(argv[4]) : 0);
		putchar('\n');
	}
	fflush(stdout);
	if ((!part || strcmp(part, "console") == 0) && have_tmux())
		bench_console(path[3]);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_live: cannot remove %s\n", dir);
	return 0;
}
