#include "config.h"

/*
 * make bench, the organizer's record lists at 5,000 teams: figures measured in
 * one run, never a pass/fail test.
 *
 *   1. in this build's library: every row of the Teams tab (board_records(),
 *      what each load read before the lists read only the rows they show)
 *      beside the count and a window of 150 rows (three pages of 50) at the
 *      top and at the end, and the '/' search (board_records_find()) of a
 *      team near the top and of the last one (a walk over every row);
 *   2. the console, for this podium and, when given, another build (the one
 *      before, built in another folder): the organizer's first frame (the
 *      Teams tab; PODIUM_BENCH_FIRST_FRAME makes it quit after drawing it),
 *      its CPU per team renamed by another process (each rename makes the tab
 *      load again) and its resident memory, side by side.
 *
 *   3. bench_lists --whole FILE: the two lists that still read everything,
 *      timed on FILE (the leaderboard bench's event, kept with
 *      PODIUM_BENCH_KEEP=1: 5,000 teams, 500 judges, 25,000 sheets): the
 *      organizer's Sheets grid (board_sheet_grid(), every judge x team cell,
 *      whose counts need them all) and a judge's list (board_judge_queue()).
 *
 * Usage: bench_lists PODIUM_BINARY [BEFORE_BINARY [FOLDER]] | --whole FILE.
 * Part 2 needs tmux.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/board.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/people.h"
#include "podium/store.h"

#define TEAMS 5000
#define RUNS 21
#define FRAME_RUNS 11
#define RENAMES 40
#define WINDOW 150

static char dir[512], tmux_sock[64];

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

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n ? v[n / 2] : 0;
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "bench_lists: %s: %s\n", what, detail ? detail : "");
	exit(1);
}

static int sh(const char *cmd)
{
	int rc = system(cmd);

	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

/* 5,000 teams, each with a project and two of seven tracks, as an event of that size has. */
static void make_event(const char *path)
{
	struct event_spec spec = { "Lists bench", 1796000000, 48 };
	size_t cap = (size_t)TEAMS * 64 + 64, len;
	char *buf = malloc(cap);
	struct csv_table t;
	struct store *st;
	size_t n;

	if (!buf || store_create(path, &st) != ST_OK || event_create(st, &spec) != ST_OK)
		die("create the event", path);
	audit_set_actor("organizer bench");
	len = (size_t)snprintf(buf, cap, "name,project,tracks\n");
	for (int i = 0; i < TEAMS; i++)
		len += (size_t)snprintf(buf + len, cap - len, "Team %04d,Project %04d,Track %d;Track %d\n", i, i, i % 7,
					(i + 3) % 7);
	if (csv_read_string("teams", buf, len, &t) != ST_OK || import_teams(st, "teams", &t, &n) != ST_OK)
		die("import", "teams");
	csv_table_clear(&t);
	free(buf);
	store_close(st);
}

/* ---- 1. the reads ---- */

enum read_kind { READ_ALL, READ_TOP, READ_END, FIND_NEAR, FIND_LAST };

static void one_read(struct store *st, enum read_kind k)
{
	struct board_rows rows;
	size_t n = 0, pos = 0;
	enum status s;

	if (k == FIND_NEAR || k == FIND_LAST) {
		s = board_records_find(st, KIND_TEAM, k == FIND_NEAR ? "project 0042" : "team 4999", 0, true, &pos);
		if (s != ST_OK || pos != (k == FIND_NEAR ? 42u : TEAMS - 1u))
			die("find", status_message(s));
		return;
	}
	if (k == READ_ALL) {
		s = board_records(st, KIND_TEAM, &rows);
	} else if ((s = board_records_count(st, KIND_TEAM, &n)) == ST_OK) {
		s = board_records_window(st, KIND_TEAM, k == READ_TOP ? 0 : n - WINDOW, WINDOW, &rows);
	}
	if (s != ST_OK)
		die("read", status_message(s));
	board_rows_clear(&rows);
}

static void bench_reads(const char *path)
{
	static const char *const what[] = {
		[READ_ALL] = "every row (board_records: what each load read before)",
		[READ_TOP] = "count + 150 rows at the top (a load now)",
		[READ_END] = "count + 150 rows at the end (End)",
		[FIND_NEAR] = "search 'project 0042' from the top",
		[FIND_LAST] = "search 'team 4999' from the top (every row walked)",
	};
	struct store *st;

	if (store_open(path, &st) != ST_OK)
		die("store_open", path);
	printf("1. the Teams tab's reads at %d teams, in this build (median of %d, ms)\n", TEAMS, RUNS);
	for (int k = READ_ALL; k <= FIND_LAST; k++) {
		double ms[RUNS];

		one_read(st, (enum read_kind)k);	/* warm the cache */
		for (int r = 0; r < RUNS; r++) {
			double t0 = now_ms();

			one_read(st, (enum read_kind)k);
			ms[r] = now_ms() - t0;
		}
		printf("  %-56s %7.2f\n", what[k], median(ms, RUNS));
	}
	store_close(st);
}

/* ---- 2. the console ---- */

static void tmux_stop(void)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "tmux -L %s kill-server >/dev/null 2>&1", tmux_sock);
	sh(cmd);
}

/* podium's organizer console in a tmux pane of 132 x 50; pre: before the exec (timing), post: after it. */
static void tmux_organizer(const char *bin, const char *path, const char *env, const char *pre, const char *post)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd),
		 "tmux -L %s -f /dev/null new-session -d -s main -x 132 -y 50 "
		 "\"%s env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color %s PODIUM_DB='%s' '%s' tui --role organizer%s\"",
		 tmux_sock, pre, env, path, bin, post);
	if (sh(cmd) != 0)
		die("tmux", cmd);
}

/* The first frame, from just before exec to the exit after it, timed inside the pane. */
static double first_frame(const char *bin, const char *path)
{
	char file[700], post[800], line[256];
	double ms[FRAME_RUNS];
	int ok = 0;
	FILE *f;

	snprintf(file, sizeof(file), "%s/frame.ms", dir);
	snprintf(post, sizeof(post), "; e=\\$(date +%%s%%N); echo \\$(((e - s) / 1000)) >'%s'", file);
	for (int i = 0; i < FRAME_RUNS; i++) {
		unlink(file);
		tmux_organizer(bin, path, "PODIUM_BENCH_FIRST_FRAME=1", "s=\\$(date +%s%N);", post);
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
	return ok ? median(ms, (size_t)ok) : -1;
}

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
		found = found || strstr(line, text) != NULL;
	pclose(p);
	return found;
}

static bool wait_pane(const char *text)
{
	for (double t0 = now_ms(); now_ms() - t0 < 10000; sleep_ms(5))
		if (pane_shows(text))
			return true;
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

/* User + system CPU of pid so far, in ms; its resident memory in *rss_kb. */
static double cpu_ms(pid_t pid, long *rss_kb)
{
	char file[64], line[256];
	unsigned long long u, s;
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%d/stat", (int)pid);
	f = fopen(file, "r");
	if (!f || fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &u, &s) != 2)
		die("read", file);
	fclose(f);
	snprintf(file, sizeof(file), "/proc/%d/status", (int)pid);
	f = fopen(file, "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			*rss_kb = atol(line + 6);
	if (f)
		fclose(f);
	return (double)(u + s) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

/* The console's CPU per team renamed by another process, a rename every 100 ms. */
static double rename_cpu(const char *bin, const char *path, long *rss_kb)
{
	struct board_rows one;
	struct store *st;
	double c0, c1;
	pid_t pid;

	tmux_organizer(bin, path, "", "exec", "");
	if (!wait_pane("Team 0000")) {
		tmux_stop();
		return -1;
	}
	sleep_ms(1000);
	pid = pane_pid();
	if (store_open(path, &st) != ST_OK || board_records_window(st, KIND_TEAM, 2500, 1, &one) != ST_OK ||
	    one.count != 1)
		die("store", path);
	c0 = cpu_ms(pid, rss_kb);
	for (int i = 0; i < RENAMES; i++) {
		enum status s = people_rename(st, KIND_TEAM, one.items[0].id, i % 2 ? "Team 2500" : "Team 2500 bis");

		if (s != ST_OK)
			die("rename", status_message(s));
		sleep_ms(100);
	}
	sleep_ms(300);
	c1 = cpu_ms(pid, rss_kb);
	board_rows_clear(&one);
	store_close(st);
	tmux_stop();
	return (c1 - c0) / RENAMES;
}

static void bench_console(const char *path, const char *after, const char *before)
{
	const char *bins[2] = { before, after }, *names[2] = { "before", "after" };
	double frame[2] = { -1, -1 }, cpu[2] = { -1, -1 };
	long rss[2] = { -1, -1 };

	if (sh("command -v tmux >/dev/null 2>&1") != 0) {
		printf("2. the console: tmux is not installed; not measured\n");
		return;
	}
	for (int b = before ? 0 : 1; b < 2; b++) {
		frame[b] = first_frame(bins[b], path);
		cpu[b] = rename_cpu(bins[b], path, &rss[b]);
	}
	printf("\n2. the organizer's console on the Teams tab at %d teams (%s)\n", TEAMS,
	       before ? "before: the other build given" : "this build only");
	printf("  %-50s %10s %10s\n", "", before ? names[0] : "", names[1]);
	printf("  %-50s %10.1f %10.1f\n", "first frame, process start to exit after it (ms)", frame[0], frame[1]);
	printf("  %-50s %10.1f %10.1f\n", "CPU per team renamed by another process (ms)", cpu[0], cpu[1]);
	printf("  %-50s %10.1f %10.1f\n", "resident memory after the renames (MB)", (double)rss[0] / 1024.0,
	       (double)rss[1] / 1024.0);
}

/* ---- 3. the lists read whole ---- */

static int bench_whole(const char *path)
{
	struct board_names judges;
	struct store *st;
	double grid[RUNS], queue[RUNS];
	size_t cells = 0, rows = 0;

	if (store_open(path, &st) != ST_OK || board_judges(st, &judges) != ST_OK || judges.count == 0)
		die("open an event with judges", path);
	for (int r = 0; r < RUNS; r++) {
		struct sheet_grid g;
		struct judge_queue q;
		double t0 = now_ms();

		if (board_sheet_grid(st, &g) != ST_OK)
			die("board_sheet_grid", path);
		grid[r] = now_ms() - t0;
		cells = g.judges.count * g.teams.count;
		board_sheet_grid_clear(&g);
		t0 = now_ms();
		if (board_judge_queue(st, judges.items[0].id, &q) != ST_OK)
			die("board_judge_queue", path);
		queue[r] = now_ms() - t0;
		rows = q.count;
		board_judge_queue_clear(&q);
	}
	printf("3. the lists read whole, in this build (median of %d, ms)\n", RUNS);
	printf("  %-56s %7.2f\n", "the Sheets grid", median(grid, RUNS));
	printf("    (%zu cells)\n", cells);
	printf("  %-56s %7.2f\n", "a judge's list", median(queue, RUNS));
	printf("    (%zu teams)\n", rows);
	board_names_clear(&judges);
	store_close(st);
	return 0;
}

static const char *absolute(const char *bin, char *buf, size_t len)
{
	char cwd[512];

	if (bin[0] == '/')
		return bin;
	if (!getcwd(cwd, sizeof(cwd)))
		die("getcwd", strerror(errno));
	snprintf(buf, len, "%s/%s", cwd, bin);
	return buf;
}

int main(int argc, char **argv)
{
	static char after_buf[1024], before_buf[1024];
	const char *tmp = argc > 3 ? argv[3] : getenv("TMPDIR"), *after, *before = NULL;
	char path[600], cmd[700];

	if (argc < 2) {
		fprintf(stderr, "usage: bench_lists PODIUM_BINARY [BEFORE_BINARY [FOLDER]] | --whole FILE\n");
		return 2;
	}
	if (strcmp(argv[1], "--whole") == 0)
		return argc == 3 ? bench_whole(argv[2]) : 2;
	after = absolute(argv[1], after_buf, sizeof(after_buf));
	if (argc > 2 && argv[2][0])
		before = absolute(argv[2], before_buf, sizeof(before_buf));
	snprintf(dir, sizeof(dir), "%s/podium-bench-lists.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die("mkdtemp", strerror(errno));
	snprintf(path, sizeof(path), "%s/event.db", dir);
	snprintf(tmux_sock, sizeof(tmux_sock), "podium-lists-%d", (int)getpid());
	printf("podium lists bench: %ld CPUs, files in %s\n\n", sysconf(_SC_NPROCESSORS_ONLN), dir);
	make_event(path);
	bench_reads(path);
	fflush(stdout);
	bench_console(path, after, before);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_lists: cannot remove %s\n", dir);
	return 0;
}
