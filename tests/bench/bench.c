#include "config.h"

/*
 * make bench: figures and ratios measured in one run, never a pass/fail test.
 *
 *   1. the leaderboard of 5,000 teams, 500 judges, 7 criteria, 25,000 sheets:
 *      ranking_compute() both methods against bare SQLite GROUP BY queries over
 *      the same file, and against the 20 ms target;
 *   2. commits/s of one writer through store_write() against bare SQLite with
 *      the same settings (WAL, synchronous=FULL, BEGIN IMMEDIATE);
 *   3. 'podium import sheets' of the 25,000 rows, through the real program.
 *
 * Usage: bench PODIUM_BINARY [FOLDER [PART]]   (FOLDER: where the temporary files
 * go, default $TMPDIR or /tmp; pick the disk the event file will live on; PART:
 * leaderboard, commits or import, to run one part; PODIUM_BENCH_KEEP=1 keeps the
 * files). 'bench --reference FILE' is the lean C leaderboard the process is
 * compared with.
 */

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/ranking.h"
#include "podium/store.h"
#include "store/store_internal.h"

extern char **environ;

#define TEAMS 5000
#define JUDGES 500
#define CRITERIA 7
#define PER_TEAM 5		/* sheets per team: 25,000 in all, 50 per judge */
#define TRACKS 5
#define RUNS 21
#define TARGET_MS 20.0

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "bench: %s: %s\n", what, detail ? detail : "");
	exit(1);
}

static void exec_or_die(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		die(sql, err);
}

static sqlite3_stmt *prepare_or_die(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(db));
	return stmt;
}

static void step_done(sqlite3 *db, sqlite3_stmt *stmt)
{
	if (sqlite3_step(stmt) != SQLITE_DONE)
		die("step", sqlite3_errmsg(db));
	sqlite3_reset(stmt);
}

/* A small deterministic generator, so every run scores the same event. */
static uint32_t rng_state = 12345;

static int rng_value(int lo, int hi)
{
	rng_state = rng_state * 1664525u + 1013904223u;
	return lo + (int)((rng_state >> 16) % (uint32_t)(hi - lo + 1));
}

static void team_id(int t, char out[ID_LEN + 1])
{
	snprintf(out, ID_LEN + 1, "00000000-0000-4000-8000-%012d", t);
}

static void judge_id(int j, char out[ID_LEN + 1])
{
	snprintf(out, ID_LEN + 1, "10000000-0000-4000-8000-%012d", j);
}

/* The judge of team t's r-th sheet: 5 different judges per team, 50 teams per judge. */
static int judge_of(int t, int r)
{
	return (t % 100) + 100 * r;
}

/* A new event file (podium's own schema and default rubric) at path. */
static void create_event(const char *path)
{
	struct event_spec spec = { "Bench", 1796000000, 48 };
	struct store *st;

	if (store_create(path, &st) != ST_OK || event_create(st, &spec) != ST_OK)
		die("create the event", status_message(ST_INTERNAL));
	store_close(st);
}

/*
 * Fill path with teams, judges, tracks and, when with_sheets, 25,000 submitted
 * sheets with their 175,000 values and totals: one transaction of direct SQL.
 * When csv is not NULL, the same sheets are written there as an import file.
 */
static void fill_event(const char *path, bool with_sheets, FILE *csv)
{
	char crit[CRITERIA][ID_LEN + 1], crit_name[CRITERIA][32], tid[ID_LEN + 1], jid[ID_LEN + 1];
	char sid[ID_LEN + 1], name[64];
	sqlite3_stmt *team, *judge, *track, *team_track, *sheet, *value, *list;
	sqlite3 *db;
	int n = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("open", path);
	list = prepare_or_die(db, "SELECT id, name FROM criterion ORDER BY position");
	while (sqlite3_step(list) == SQLITE_ROW && n < CRITERIA) {
		snprintf(crit[n], sizeof(crit[n]), "%s", (const char *)sqlite3_column_text(list, 0));
		snprintf(crit_name[n], sizeof(crit_name[n]), "%s", (const char *)sqlite3_column_text(list, 1));
		n++;
	}
	sqlite3_finalize(list);
	if (n != CRITERIA)
		die("the default rubric", "does not have 7 criteria");

	exec_or_die(db, "BEGIN IMMEDIATE");
	team = prepare_or_die(db, "INSERT INTO team(id, name, name_key) VALUES (?1, ?2, lower(?2))");
	judge = prepare_or_die(db, "INSERT INTO judge(id, name, name_key) VALUES (?1, ?2, lower(?2))");
	track = prepare_or_die(db, "INSERT INTO track(id, name, name_key) VALUES (?1, ?2, lower(?2))");
	team_track = prepare_or_die(db, "INSERT INTO team_track(team_id, track_id) VALUES (?1, ?2)");
	sheet = prepare_or_die(db, "INSERT INTO sheet(id, judge_id, team_id, status, total, created_at, updated_at)"
				   " VALUES (?1, ?2, ?3, 'submitted', ?4, 0, 0)");
	value = prepare_or_die(db, "INSERT INTO sheet_value(sheet_id, criterion_id, value) VALUES (?1, ?2, ?3)");
	for (int k = 0; k < TRACKS; k++) {
		snprintf(tid, sizeof(tid), "20000000-0000-4000-8000-%012d", k);
		snprintf(name, sizeof(name), "Track %d", k);
		sqlite3_bind_text(track, 1, tid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(track, 2, name, -1, SQLITE_TRANSIENT);
		step_done(db, track);
	}
	for (int j = 0; j < JUDGES; j++) {
		judge_id(j, jid);
		snprintf(name, sizeof(name), "Judge %03d", j);
		sqlite3_bind_text(judge, 1, jid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(judge, 2, name, -1, SQLITE_TRANSIENT);
		step_done(db, judge);
	}
	for (int t = 0; t < TEAMS; t++) {
		team_id(t, tid);
		snprintf(name, sizeof(name), "Team %04d", t);
		sqlite3_bind_text(team, 1, tid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(team, 2, name, -1, SQLITE_TRANSIENT);
		step_done(db, team);
		snprintf(sid, sizeof(sid), "20000000-0000-4000-8000-%012d", t % TRACKS);
		sqlite3_bind_text(team_track, 1, tid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(team_track, 2, sid, -1, SQLITE_TRANSIENT);
		step_done(db, team_track);
	}
	if (csv) {
		fputs("judge,team", csv);
		for (int c = 0; c < CRITERIA; c++)
			fprintf(csv, ",%s", crit_name[c]);
		fputs(",status\n", csv);
	}
	rng_state = 12345;
	for (int r = 0; r < PER_TEAM; r++) {
		for (int t = 0; t < TEAMS; t++) {
			int j = judge_of(t, r), v[CRITERIA], sum = 0;

			for (int c = 0; c < CRITERIA; c++) {
				v[c] = rng_value(1, 5);
				sum += v[c] - 1;
			}
			if (csv) {
				fprintf(csv, "Judge %03d,Team %04d", j, t);
				for (int c = 0; c < CRITERIA; c++)
					fprintf(csv, ",%d", v[c]);
				fputs(",submitted\n", csv);
			}
			if (!with_sheets)
				continue;
			snprintf(sid, sizeof(sid), "30000000-0000-4000-8000-%012d", r * TEAMS + t);
			team_id(t, tid);
			judge_id(j, jid);
			sqlite3_bind_text(sheet, 1, sid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(sheet, 2, jid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(sheet, 3, tid, -1, SQLITE_TRANSIENT);
			/* T(j,t) = 100 * sum (v - min) / (max - min) / 7, every weight 1 */
			sqlite3_bind_double(sheet, 4, 100.0 * sum / 4.0 / CRITERIA);
			step_done(db, sheet);
			for (int c = 0; c < CRITERIA; c++) {
				sqlite3_bind_text(value, 1, sid, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(value, 2, crit[c], -1, SQLITE_TRANSIENT);
				sqlite3_bind_int(value, 3, v[c]);
				step_done(db, value);
			}
		}
	}
	sqlite3_finalize(team);
	sqlite3_finalize(judge);
	sqlite3_finalize(track);
	sqlite3_finalize(team_track);
	sqlite3_finalize(sheet);
	sqlite3_finalize(value);
	exec_or_die(db, "COMMIT");
	exec_or_die(db, "ANALYZE");
	sqlite3_close(db);
}

/* ---- 1. the leaderboard ---- */

static double time_ranking(struct store *st, enum rank_method m, const char *track, size_t *rows)
{
	double t[RUNS];

	for (int i = 0; i < RUNS; i++) {
		struct rank_request req = { track, true, m };
		struct ranking r;
		double t0 = now_ms();

		if (ranking_compute(st, &req, &r) != ST_OK)
			die("ranking_compute", status_message(ST_INTERNAL));
		t[i] = now_ms() - t0;
		*rows = r.count;
		ranking_clear(&r);
	}
	return median(t, RUNS);
}

/* Step sql to its end RUNS times on a bare connection; the median in ms. */
static double time_sql(sqlite3 *db, const char *sql, long *rows)
{
	sqlite3_stmt *stmt = prepare_or_die(db, sql);
	double t[RUNS];

	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms();
		long n = 0;

		while (sqlite3_step(stmt) == SQLITE_ROW)
			n++;
		sqlite3_reset(stmt);
		t[i] = now_ms() - t0;
		*rows = n;
	}
	sqlite3_finalize(stmt);
	return median(t, RUNS);
}

static void bench_leaderboard(const char *path)
{
	static const char *const group_by_total =
		"SELECT team_id, avg(total), count(*) FROM sheet"
		" WHERE status = 'submitted' AND total IS NOT NULL GROUP BY team_id";
	static const char *const group_by_values =
		"SELECT s.team_id, avg(t) FROM (SELECT v.sheet_id, 100.0 * sum(c.weight * (v.value - c.min_value)"
		" / (c.max_value - c.min_value)) / sum(c.weight) AS t FROM sheet_value v"
		" JOIN criterion c ON c.id = v.criterion_id GROUP BY v.sheet_id) x"
		" JOIN sheet s ON s.id = x.sheet_id WHERE s.status = 'submitted' GROUP BY s.team_id";
	static const char *const scan_sheets =
		"SELECT team_id, judge_id, total FROM sheet WHERE status = 'submitted' AND total IS NOT NULL";
	double raw, norm, track, bare_total, bare_values, bare_scan;
	struct store *st;
	size_t rows, track_rows;
	long n1, n2, n3;
	sqlite3 *db;

	if (store_open(path, &st) != ST_OK)
		die("store_open", status_message(ST_INTERNAL));
	raw = time_ranking(st, RANK_RAW, NULL, &rows);
	norm = time_ranking(st, RANK_NORMALIZED, NULL, &rows);
	track = time_ranking(st, RANK_NORMALIZED, "20000000-0000-4000-8000-000000000000", &track_rows);
	store_close(st);

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("open", path);
	bare_scan = time_sql(db, scan_sheets, &n3);
	bare_total = time_sql(db, group_by_total, &n1);
	bare_values = time_sql(db, group_by_values, &n2);
	sqlite3_close(db);

	printf("leaderboard: %d teams, %d judges, %d criteria, %d sheets (median of %d runs)\n",
	       TEAMS, JUDGES, CRITERIA, TEAMS * PER_TEAM, RUNS);
	printf("  ranking_compute raw                  %7.2f ms  %5.2f x the 20 ms target  (%zu rows)\n",
	       raw, raw / TARGET_MS, rows);
	printf("  ranking_compute normalized           %7.2f ms  %5.2f x the 20 ms target\n",
	       norm, norm / TARGET_MS);
	printf("  ranking_compute normalized, 1 track  %7.2f ms  %5.2f x the 20 ms target  (%zu rows)\n",
	       track, track / TARGET_MS, track_rows);
	printf("  bare SQLite: scan of the per-sheet rows       %7.2f ms  (%ld rows)\n", bare_scan, n3);
	printf("  bare SQLite: GROUP BY team over sheet.total   %7.2f ms  (%ld rows); normalized / this = %.2f\n",
	       bare_total, n1, norm / bare_total);
	printf("  bare SQLite: GROUP BY over the 175,000 values %7.2f ms  (%ld rows); normalized / this = %.2f\n",
	       bare_values, n2, norm / bare_values);
}

/* ---- 1b. the whole leaderboard process, against a lean C reference ---- */

#define PROCESS_RUNS 15

/* Run argv with stdout on /dev/null; its wall time in ms, or -1 when it failed. */
static double time_process(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	double t0 = now_ms(), t;
	int status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return -1;
	}
	waitpid(pid, &status, 0);
	t = now_ms() - t0;
	posix_spawn_file_actions_destroy(&fa);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : -1;
}

struct ref_team {
	char *name;
	double sum;
	int count;
};

static int by_ref_score(const void *pa, const void *pb, void *ctx)
{
	const struct ref_team *t = ctx, *a = &t[*(const int *)pa], *b = &t[*(const int *)pb];
	double x = a->count ? a->sum / a->count : -1, y = b->count ? b->sum / b->count : -1;

	if (x - y >= 1e-9 || y - x >= 1e-9)
		return x > y ? -1 : 1;
	return strcmp(a->name, b->name);
}

/*
 * The lean C reference: what a program written for this one job does on the
 * same schema: the raw leaderboard (counted sheets, calibration teams left out),
 * teams by rowid, sheets joined to them by SQLite, printed as podium's CSV.
 */
static int reference_leaderboard(const char *path)
{
	static const char *const sheets_sql =
		"SELECT t.rowid, s.total FROM sheet s JOIN team t ON t.id = s.team_id"
		" WHERE s.status = 'submitted' AND s.total IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conflict c"
		" WHERE c.judge_id = s.judge_id AND c.team_id = s.team_id)";
	struct ref_team *teams = NULL;
	int *order, nteams = 0, cap = 0, rank = 0;
	sqlite3_stmt *q;
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	exec_or_die(db, "BEGIN");
	q = prepare_or_die(db, "SELECT rowid, name, calibration FROM team");
	while (sqlite3_step(q) == SQLITE_ROW) {
		int rowid = sqlite3_column_int(q, 0);

		if (rowid >= cap) {
			int more = rowid * 2 + 64;

			teams = realloc(teams, (size_t)more * sizeof(*teams));
			memset(teams + cap, 0, (size_t)(more - cap) * sizeof(*teams));
			cap = more;
		}
		if (!sqlite3_column_int(q, 2))
			teams[rowid].name = strdup((const char *)sqlite3_column_text(q, 1));
		nteams = rowid + 1 > nteams ? rowid + 1 : nteams;
	}
	sqlite3_finalize(q);
	q = prepare_or_die(db, sheets_sql);
	while (sqlite3_step(q) == SQLITE_ROW) {
		int rowid = sqlite3_column_int(q, 0);

		if (rowid < nteams && teams[rowid].name) {
			teams[rowid].sum += sqlite3_column_double(q, 1);
			teams[rowid].count++;
		}
	}
	sqlite3_finalize(q);
	exec_or_die(db, "COMMIT");
	sqlite3_close(db);
	order = malloc((size_t)(nteams + 1) * sizeof(*order));
	cap = 0;
	for (int t = 0; t < nteams; t++)
		if (teams[t].name)
			order[cap++] = t;
	qsort_r(order, (size_t)cap, sizeof(*order), by_ref_score, teams);
	puts("rank,team,score,judges");
	for (int i = 0; i < cap; i++) {
		const struct ref_team *t = &teams[order[i]];
		double score = t->count ? t->sum / t->count : 0;

		if (!t->count) {
			printf(",%s,,0\n", t->name);
			continue;
		}
		if (i == 0 || teams[order[i - 1]].sum / teams[order[i - 1]].count - score >= 1e-9)
			rank = i + 1;
		printf("%d,%s,%.2f,%d\n", rank, t->name, score, t->count);
	}
	for (int t = 0; t < nteams; t++)
		free(teams[t].name);
	free(teams);
	free(order);
	return 0;
}

/*
 * The whole 'podium leaderboard' process above a trivial one ('podium
 * --version'), both methods, and the lean reference above its own trivial run
 * (this program doing nothing): medians of runs taken in turn, so a slow moment
 * of the machine hits every side alike.
 */
static void bench_leaderboard_process(const char *podium, const char *self, const char *path)
{
	char *const trivial[] = { (char *)podium, "--version", NULL };
	char *const raw[] = { (char *)podium, "--db", (char *)path, "leaderboard", "--format", "csv", NULL };
	char *const norm[] = { (char *)podium, "--db", (char *)path, "leaderboard", "--format", "csv",
			       "--method", "normalized", NULL };
	char *const ref_trivial[] = { (char *)self, "--noop", NULL };
	char *const ref[] = { (char *)self, "--reference", (char *)path, NULL };
	char *const *const argvs[] = { trivial, raw, norm, ref_trivial, ref };
	double t[PD_ARRAY_LEN(argvs)][PROCESS_RUNS], m[PD_ARRAY_LEN(argvs)];

	for (int i = 0; i < PROCESS_RUNS; i++)
		for (size_t k = 0; k < PD_ARRAY_LEN(argvs); k++)
			if ((t[k][i] = time_process(argvs[k])) < 0)
				die("a leaderboard process failed", argvs[k][0]);
	for (size_t k = 0; k < PD_ARRAY_LEN(argvs); k++)
		m[k] = median(t[k], PROCESS_RUNS);
	printf("the whole process (median of %d runs in turn)\n", PROCESS_RUNS);
	printf("  podium --version (trivial)                    %7.2f ms\n", m[0]);
	printf("  podium leaderboard raw, above trivial          %7.2f ms  %5.2f x the 25 ms target\n",
	       m[1] - m[0], (m[1] - m[0]) / 25.0);
	printf("  podium leaderboard normalized, above trivial   %7.2f ms  %5.2f x the 25 ms target\n",
	       m[2] - m[0], (m[2] - m[0]) / 25.0);
	printf("  lean C reference raw, above its trivial run    %7.2f ms  (trivial %.2f ms)\n", m[4] - m[3], m[3]);
	printf("  podium raw / reference %.2f, normalized / reference %.2f (target <= 1.5)\n",
	       (m[1] - m[0]) / (m[4] - m[3]), (m[2] - m[0]) / (m[4] - m[3]));
}

/* ---- 2. commits/s of one writer ---- */

#define COMMIT_BURST_MS 250.0
#define COMMIT_ROUNDS 9

struct touch_ctx {
	sqlite3_stmt *update;	/* on the store's own connection */
	long n;
	bool audit;
};

static const char *const touch_sql = "UPDATE sheet SET total = ?1, updated_at = ?2 WHERE id = ?3";

static void bind_touch(sqlite3_stmt *update, long n, char sid[ID_LEN + 1])
{
	snprintf(sid, ID_LEN + 1, "30000000-0000-4000-8000-%012ld", n % (TEAMS * PER_TEAM));
	sqlite3_bind_double(update, 1, (double)(n % 100));
	sqlite3_bind_int64(update, 2, n);
	sqlite3_bind_text(update, 3, sid, -1, SQLITE_TRANSIENT);
}

/* One sheet-like UPDATE (and, for the realistic variant, its audit row) in the store's transaction. */
static enum status touch_txn(struct store *st, void *ctx)
{
	struct touch_ctx *c = ctx;
	char sid[ID_LEN + 1];

	bind_touch(c->update, c->n, sid);
	if (sqlite3_step(c->update) != SQLITE_DONE) {
		sqlite3_reset(c->update);
		return store_status(st, sqlite3_errcode(st->db));
	}
	sqlite3_reset(c->update);
	if (c->audit) {
		struct audit_entry e = { .action = "update", .kind = "sheet", .record_id = sid,
					 .after = "{\"bench\":true}" };

		return audit_record(st, &e);
	}
	return ST_OK;
}

/* Commits/s through store_write() for one burst. */
static double burst_store(struct store *st, struct touch_ctx *c)
{
	double t0 = now_ms(), t;
	long n0 = c->n;

	do {
		if (store_write(st, touch_txn, c) != ST_OK)
			die("store_write", status_message(ST_INTERNAL));
		c->n++;
	} while ((t = now_ms() - t0) < COMMIT_BURST_MS);
	return (c->n - n0) * 1000.0 / t;
}

struct bare {
	sqlite3 *db;
	sqlite3_stmt *update, *begin, *commit;
	long n;
};

/* Commits/s of bare SQLite (same settings, statements prepared once) for one burst. */
static double burst_bare(struct bare *b)
{
	double t0 = now_ms(), t;
	char sid[ID_LEN + 1];
	long n0 = b->n;

	do {
		step_done(b->db, b->begin);
		bind_touch(b->update, b->n, sid);
		step_done(b->db, b->update);
		step_done(b->db, b->commit);
		b->n++;
	} while ((t = now_ms() - t0) < COMMIT_BURST_MS);
	return (b->n - n0) * 1000.0 / t;
}

static void bench_commits(const char *path)
{
	double bare[COMMIT_ROUNDS], plain[COMMIT_ROUNDS], audited[COMMIT_ROUNDS];
	struct touch_ctx c = { NULL, 0, false }, ca = { NULL, 500, true };
	struct bare b = { 0 };
	struct store *st;

	if (sqlite3_open_v2(path, &b.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die("open", path);
	sqlite3_busy_timeout(b.db, 5000);
	/* the settings of the store's connections (store.c) */
	sqlite3_db_config(b.db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_extended_result_codes(b.db, 1);
	exec_or_die(b.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
			  " PRAGMA trusted_schema = OFF; PRAGMA cache_size = -2048;");
	b.update = prepare_or_die(b.db, touch_sql);
	b.begin = prepare_or_die(b.db, "BEGIN IMMEDIATE");
	b.commit = prepare_or_die(b.db, "COMMIT");
	b.n = 1000;
	if (store_open(path, &st) != ST_OK)
		die("store_open", status_message(ST_INTERNAL));
	c.update = ca.update = prepare_or_die(st->db, touch_sql);

	/*
	 * Both connections stay open; short bursts in a rotating order, so
	 * checkpoints and slow moments of the disk hit all three alike.
	 */
	for (int r = 0; r < COMMIT_ROUNDS; r++) {
		for (int k = 0; k < 3; k++) {
			switch ((r + k) % 3) {
			case 0:
				bare[r] = burst_bare(&b);
				break;
			case 1:
				plain[r] = burst_store(st, &c);
				break;
			default:
				audited[r] = burst_store(st, &ca);
				break;
			}
		}
	}
	sqlite3_finalize(b.update);
	sqlite3_finalize(b.begin);
	sqlite3_finalize(b.commit);
	sqlite3_close(b.db);
	sqlite3_finalize(c.update);
	store_close(st);

	printf("one writer, WAL, synchronous=FULL, BEGIN IMMEDIATE (median of %d bursts of %.0f ms)\n",
	       COMMIT_ROUNDS, COMMIT_BURST_MS);
	printf("  bare SQLite UPDATE                   %8.0f commits/s\n", median(bare, COMMIT_ROUNDS));
	printf("  store_write() UPDATE                 %8.0f commits/s  ratio %.2f (target >= 0.5)\n",
	       median(plain, COMMIT_ROUNDS), median(plain, COMMIT_ROUNDS) / median(bare, COMMIT_ROUNDS));
	printf("  store_write() UPDATE + audit row     %8.0f commits/s  ratio %.2f\n",
	       median(audited, COMMIT_ROUNDS), median(audited, COMMIT_ROUNDS) / median(bare, COMMIT_ROUNDS));
}

/* ---- 3. podium import sheets ---- */

static void bench_import(const char *podium, const char *path, const char *csv_path)
{
	char *argv[] = { (char *)podium, "--db", (char *)path, "import", "sheets", (char *)csv_path, NULL };
	posix_spawn_file_actions_t fa;
	double t0, t;
	int status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	t0 = now_ms();
	if (posix_spawn(&pid, podium, &fa, NULL, argv, environ) != 0) {
		printf("podium import sheets: cannot run %s: %s\n", podium, strerror(errno));
		posix_spawn_file_actions_destroy(&fa);
		return;
	}
	waitpid(pid, &status, 0);
	t = now_ms() - t0;
	posix_spawn_file_actions_destroy(&fa);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		printf("podium import sheets: %d rows in %.0f ms (%.0f rows/s), one transaction, audited\n",
		       TEAMS * PER_TEAM, t, TEAMS * PER_TEAM * 1000.0 / t);
	else
		printf("podium import sheets: failed (exit %d, message above): not measured\n",
		       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(int argc, char **argv)
{
	const char *tmp = argc > 2 ? argv[2] : getenv("TMPDIR"), *part = argc > 3 ? argv[3] : NULL;
	char dir[512], path[600], import_path[600], csv_path[600], cmd[700];
	FILE *csv;
	double t0;

	if (argc == 2 && strcmp(argv[1], "--noop") == 0)
		return 0;
	if (argc == 3 && strcmp(argv[1], "--reference") == 0)
		return reference_leaderboard(argv[2]);
	if (argc < 2) {
		fprintf(stderr, "usage: bench PODIUM_BINARY [FOLDER [PART]]\n");
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s/podium-bench.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die("mkdtemp", strerror(errno));
	snprintf(path, sizeof(path), "%s/event.db", dir);
	snprintf(import_path, sizeof(import_path), "%s/import.db", dir);
	snprintf(csv_path, sizeof(csv_path), "%s/sheets.csv", dir);
	printf("podium bench: SQLite %s, %ld CPUs, files in %s\n", sqlite3_libversion(),
	       sysconf(_SC_NPROCESSORS_ONLN), dir);

	t0 = now_ms();
	create_event(path);
	csv = fopen(csv_path, "w");
	if (!csv)
		die(csv_path, strerror(errno));
	fill_event(path, true, csv);
	fclose(csv);
	create_event(import_path);
	fill_event(import_path, false, NULL);
	printf("built the events in %.0f ms\n\n", now_ms() - t0);

	if (!part || strcmp(part, "leaderboard") == 0) {
		bench_leaderboard(path);
		putchar('\n');
		fflush(stdout);
		bench_leaderboard_process(argv[1], argv[0], path);
		putchar('\n');
	}
	if (!part || strcmp(part, "commits") == 0) {
		bench_commits(path);
		putchar('\n');
	}
	fflush(stdout);
	if (!part || strcmp(part, "import") == 0)
		bench_import(argv[1], import_path, csv_path);
	if (getenv("PODIUM_BENCH_KEEP")) {
		printf("kept %s\n", dir);
		return 0;
	}

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: cannot remove %s\n", dir);
	return 0;
}
