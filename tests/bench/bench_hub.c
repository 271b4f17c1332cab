#include "config.h"

/*
 * Sites and the hub at scale: one site writes 100,000 rows in one
 * transaction (captured into its outbox), exports them as one signed bundle,
 * and the hub verifies and applies it to the site's mirror. Prints the time of
 * each step and the bundle's size. Files go to a temporary folder (or the
 * folder given as the first argument).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/site.h"
#include "podium/store.h"
#include "store/store_internal.h"	/* the rows go in through plain SQL */

#define ROWS 100000

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static enum status many_teams(struct store *st, void *ctx)
{
	sqlite3_stmt *q;
	int rc = SQLITE_OK;

	(void)ctx;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO team(id, name, name_key) VALUES (?1, ?2, ?2)", -1, &q, NULL) !=
	    SQLITE_OK)
		return ST_INTERNAL;
	for (int i = 0; i < ROWS && rc == SQLITE_OK; i++) {
		char id[40], name[32];

		snprintf(id, sizeof(id), "00000000-0000-4000-8000-%012d", i);
		snprintf(name, sizeof(name), "team %06d", i);
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, name, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_OK ? ST_OK : ST_INTERNAL;
}

static struct store *new_event(const char *dir, const char *file, const char *name)
{
	struct event_spec spec = { name, 0, 48 };
	char path[512];
	struct store *st;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (store_create(path, &st) != ST_OK || event_create(st, &spec) != ST_OK) {
		fprintf(stderr, "bench_hub: cannot create %s: %s\n", path, status_message(ST_INTERNAL));
		exit(1);
	}
	return st;
}

static void check(enum status s, const char *what)
{
	if (s != ST_OK) {
		fprintf(stderr, "bench_hub: %s: %s\n", what, status_message(s));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	char dir[256], *hub_key, *site_key;
	struct hub_apply_report r;
	struct store *hub, *site, *plain;
	struct timespec t0;
	double plain_ms, site_ms;
	unsigned char *bundle;
	size_t len;
	int64_t first, last;

	snprintf(dir, sizeof(dir), "%s/podium-bench-hub.XXXXXX", argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	setenv("XDG_STATE_HOME", dir, 1);
	audit_set_actor("organizer bench");
	/* the same rows on a file that is no site: what the capture costs, side by side */
	plain = new_event(dir, "plain.db", "Plain");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(store_write(plain, many_teams, NULL), "write");
	plain_ms = ms_since(&t0);
	printf("%d rows written in one transaction, no capture: %.1f ms\n", ROWS, plain_ms);
	store_close(plain);

	hub = new_event(dir, "hub.db", "Final");
	site = new_event(dir, "site.db", "Site");
	check(hub_init(hub, &hub_key), "hub init");
	check(site_join(site, "site", hub_key, &site_key), "site join");
	check(hub_add_site(hub, "site", site_key), "hub add-site");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(store_write(site, many_teams, NULL), "write");
	site_ms = ms_since(&t0);
	printf("%d rows written in one transaction, captured: %.1f ms (%.2f x without capture)\n", ROWS, site_ms,
	       site_ms / plain_ms);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(site_export(site, &bundle, &len, &first, &last), "site export");
	printf("site export (read, state hash, sign): %.1f ms, bundle of %.2f MB\n", ms_since(&t0), len / 1e6);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(hub_apply(hub, bundle, len, &r), "hub apply");
	printf("hub apply (verify, check, apply to the mirror): %.1f ms\n", ms_since(&t0));

	free(bundle);
	free(hub_key);
	free(site_key);
	store_close(hub);
	store_close(site);
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench_hub: cannot remove %s\n", dir);
	}
	return 0;
}
