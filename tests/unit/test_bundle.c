#include "config.h"
#include "unit.h"

#include <sodium.h>

#include "podium/audit.h"
#include "podium/bundle.h"
#include "podium/changes.h"
#include "podium/event.h"
#include "podium/people.h"
#include "podium/site.h"
#include "podium/status.h"
#include "podium/store.h"
#include "store/store_internal.h"	/* changesets crafted in plain SQL */

STMT_DEFINE(q_site_self, "SELECT name, public_key, hub_key, acked FROM site_self");
STMT_DEFINE(q_outbox_chain,
	    "SELECT coalesce((SELECT chain FROM outbox WHERE seq = $seq),"
	    " (SELECT acked_chain FROM site_self WHERE acked = $seq))");

struct fixture {
	const char *dir;
	struct store *hub, *lyon;
	char *hub_key;
	char lyon_id[ID_LEN + 1];
};

static struct store *new_event(const char *path, const char *name)
{
	struct event_spec spec = { name, 0, 48 };
	struct store *st;

	assert_int_equal(store_create(path, &st), ST_OK);
	assert_int_equal(event_create(st, &spec), ST_OK);
	return st;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct event e;
	char *key = NULL;

	f->dir = unit_tmpdir();
	setenv("XDG_STATE_HOME", f->dir, 1);
	audit_set_actor("organizer alice");
	f->hub = new_event(unit_path(f->dir, "hub.db"), "Final");
	assert_int_equal(hub_init(f->hub, &f->hub_key), ST_OK);
	f->lyon = new_event(unit_path(f->dir, "lyon.db"), "Lyon");
	assert_int_equal(site_join(f->lyon, "lyon", f->hub_key, &key), ST_OK);
	assert_int_equal(hub_add_site(f->hub, "lyon", key), ST_OK);
	free(key);
	assert_int_equal(event_get(f->lyon, &e), ST_OK);
	memcpy(f->lyon_id, e.id, sizeof(f->lyon_id));
	event_clear(&e);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->hub);
	store_close(f->lyon);
	free(f->hub_key);
	unit_rmdir(f->dir);
	free(f);
	return 0;
}

/* A changeset made on a scratch database: the changes `change` makes after `schema`. */
static void craft_changeset(const char *schema, const char *change, unsigned char **out, size_t *len)
{
	sqlite3 *db;
	sqlite3_session *session;
	void *data;
	int n;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3session_create(db, "main", &session), SQLITE_OK);
	assert_int_equal(sqlite3session_attach(session, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, change, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3session_changeset(session, &n, &data), SQLITE_OK);
	*out = malloc((size_t)n);
	memcpy(*out, data, (size_t)n);
	*len = (size_t)n;
	sqlite3_free(data);
	sqlite3session_delete(session);
	sqlite3_close(db);
}

/* st's chain value after entry seq of its outbox, or at its acknowledged one (zeros for 0), in hex. */
static void chain_at(struct store *st, int64_t seq, char hex[65])
{
	unsigned char chain[STORE_CHAIN_LEN] = { 0 };

	if (seq > 0) {
		struct query *q = store_query(st, &q_outbox_chain);
		size_t len;
		const void *p;

		query_bind_int(q, "$seq", seq);
		assert_int_equal(query_step(q), ST_ROW);
		p = query_blob(q, 0, &len);
		assert_int_equal(len, STORE_CHAIN_LEN);
		memcpy(chain, p, len);
		query_reset(q);
	}
	sodium_bin2hex(hex, 65, chain, sizeof(chain));
}

/* Sign b with lyon's key. */
static void lyon_writes(struct fixture *f, const struct bundle *b, unsigned char **out, size_t *out_len)
{
	unsigned char secret[BUNDLE_SECRET_LEN];

	assert_int_equal(key_load(f->lyon_id, "site", secret), ST_OK);
	bundle_write(b, secret, out, out_len);
}

/* A bundle from `site` carrying one changeset as sequence seq, chained after lyon's seq - 1, signed with lyon's key. */
static void lyon_signs(struct fixture *f, const char *site, int schema, int64_t seq, unsigned char *cs, size_t len,
		       unsigned char **out, size_t *out_len)
{
	struct change_entry e = { seq, cs, len };
	struct bundle b = { .kind = BUNDLE_SITE, .schema = schema, .hub_key = f->hub_key, .site = (char *)site,
			    .first = seq, .last = seq, .changes = { &e, 1 } };

	chain_at(f->lyon, seq - 1, b.prev);
	lyon_writes(f, &b, out, out_len);
}

/* Lyon's outbox entries first .. last as a bundle, with prev as given (lyon's own when NULL). */
static void lyon_range(struct fixture *f, int64_t first, int64_t last, const char *prev, unsigned char **out,
		       size_t *out_len)
{
	struct bundle b = { .kind = BUNDLE_SITE, .schema = store_schema_version(), .hub_key = f->hub_key,
			    .site = "lyon", .first = first, .last = last };
	struct change_list all;

	assert_int_equal(store_outbox_read(f->lyon, first - 1, &all), ST_OK);
	assert_true(all.count >= (size_t)(last - first + 1));
	b.changes.items = all.items;
	b.changes.count = (size_t)(last - first + 1);
	if (prev)
		snprintf(b.prev, sizeof(b.prev), "%s", prev);
	else
		chain_at(f->lyon, first - 1, b.prev);
	assert_int_equal(store_state_hash(f->lyon, b.state), ST_OK);
	lyon_writes(f, &b, out, out_len);
	change_list_clear(&all);
}

static enum status hub_takes(struct fixture *f, const unsigned char *data, size_t len, enum hub_outcome *outcome)
{
	struct hub_apply_report r;
	enum status s = hub_apply(f->hub, data, len, &r);

	*outcome = r.outcome;
	return s;
}

static void mirror_hash(struct fixture *f, char out[65])
{
	char *path = hub_mirror_path(f->hub, "lyon");
	struct store *m;

	assert_int_equal(store_open(path, &m), ST_OK);
	assert_int_equal(store_state_hash(m, out), ST_OK);
	store_close(m);
	free(path);
}

static void ack_lyon(struct fixture *f)
{
	unsigned char *data;
	size_t len;
	int64_t ack;
	bool changed;

	assert_int_equal(hub_export(f->hub, "lyon", &data, &len, &ack), ST_OK);
	assert_int_equal(site_apply(f->lyon, data, len, &ack, &changed), ST_OK);
	free(data);
}

static int64_t mirror_last_seq(struct fixture *f)
{
	struct hub_site_info *items;
	size_t n;
	int64_t last;

	assert_int_equal(hub_sites(f->hub, &items, &n), ST_OK);
	assert_int_equal(n, 1);
	last = items[0].last_seq;
	hub_sites_clear(items, n);
	return last;
}

static void send_lyon(struct fixture *f, enum hub_outcome expect)
{
	struct hub_apply_report r;
	unsigned char *data;
	size_t len;
	int64_t first, last;

	assert_int_equal(site_export(f->lyon, &data, &len, &first, &last), ST_OK);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_OK);
	assert_int_equal(r.outcome, expect);
	free(data);
}

static void hub_apply__refuses_a_site_bundle_that_touches_a_table_the_site_does_not_own(void **state)
{
	struct fixture *f = *state;
	struct hub_apply_report r;
	unsigned char *cs, *data;
	size_t len, n;

	send_lyon(f, HUB_APPLIED);
	craft_changeset("CREATE TABLE hub_site(id TEXT PRIMARY KEY NOT NULL, name TEXT)",
			"INSERT INTO hub_site VALUES ('x', 'evil')", &cs, &n);
	lyon_signs(f, "lyon", store_schema_version(), 2, cs, n, &data, &len);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "the bundle changes the table 'hub_site', which its sender does not own");
	assert_int_equal(mirror_last_seq(f), 1);
	free(cs);
	free(data);
}

static void hub_apply__refuses_a_bundle_of_a_newer_schema(void **state)
{
	struct fixture *f = *state;
	struct hub_apply_report r;
	unsigned char *data;
	size_t len;

	lyon_signs(f, "lyon", store_schema_version() + 1, 1, (unsigned char *)"", 0, &data, &len);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_TOO_NEW);
	assert_non_null(strstr(status_message(ST_TOO_NEW), "run the same podium version on both sides"));
	assert_int_equal(mirror_last_seq(f), 0);
	free(data);
}

static void hub_apply__refuses_a_bundle_signed_by_one_site_in_the_name_of_another(void **state)
{
	struct fixture *f = *state;
	struct hub_apply_report r;
	unsigned char *data;
	size_t len;

	lyon_signs(f, "paris", store_schema_version(), 1, (unsigned char *)"", 0, &data, &len);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID),
			    "the bundle says it comes from 'paris' but is signed by the site 'lyon'");
	free(data);
}

static void hub_apply__refuses_a_change_that_does_not_fit_the_mirror(void **state)
{
	struct fixture *f = *state;
	struct hub_apply_report r;
	unsigned char *cs, *data;
	size_t len, n;
	char before[65], after[65];
	struct store *m;
	char *path = hub_mirror_path(f->hub, "lyon");

	send_lyon(f, HUB_APPLIED);
	/* an update of a team the site never sent */
	craft_changeset("CREATE TABLE event(x); CREATE TABLE track(x); CREATE TABLE team(id TEXT PRIMARY KEY NOT NULL,"
			" name TEXT, name_key TEXT, project TEXT, table_label TEXT, description TEXT,"
			" calibration INTEGER, site TEXT);"
			"INSERT INTO team VALUES ('t', 'A', 'a', '', '', '', 0, '')",
			"UPDATE team SET name = 'B' WHERE id = 't'", &cs, &n);
	assert_int_equal(store_open(path, &m), ST_OK);
	assert_int_equal(store_state_hash(m, before), ST_OK);
	lyon_signs(f, "lyon", store_schema_version(), 2, cs, n, &data, &len);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "the bundle does not fit the hub's copy of its site (table team)");
	assert_int_equal(store_state_hash(m, after), ST_OK);
	assert_string_equal(before, after);
	assert_int_equal(mirror_last_seq(f), 1);
	store_close(m);
	free(path);
	free(cs);
	free(data);
}

static void hub_apply__changes_nothing_for_a_replay(void **state)
{
	struct fixture *f = *state;

	send_lyon(f, HUB_APPLIED);
	send_lyon(f, HUB_DUPLICATE);
	assert_int_equal(mirror_last_seq(f), 1);
}

static void site_apply__refuses_a_hub_bundle_that_carries_changes(void **state)
{
	struct fixture *f = *state;
	unsigned char secret[BUNDLE_SECRET_LEN], *cs, *data;
	struct event e;
	size_t len, n;
	int64_t ack;
	bool changed;

	craft_changeset("CREATE TABLE team(id TEXT PRIMARY KEY NOT NULL, name TEXT)",
			"INSERT INTO team VALUES ('x', 'planted')", &cs, &n);
	{
		struct change_entry entry = { 1, cs, n };
		struct bundle b = { .kind = BUNDLE_HUB, .schema = store_schema_version(), .hub_key = f->hub_key,
				    .site = "lyon", .first = 1, .last = 1, .changes = { &entry, 1 } };

		chain_at(f->lyon, 0, b.prev);

		assert_int_equal(event_get(f->hub, &e), ST_OK);
		assert_int_equal(key_load(e.id, "hub", secret), ST_OK);
		event_clear(&e);
		bundle_write(&b, secret, &data, &len);
	}
	assert_int_equal(site_apply(f->lyon, data, len, &ack, &changed), ST_INVALID);
	assert_string_equal(status_message(ST_INVALID), "the hub's bundle tries to change this site's records; refused");
	free(cs);
	free(data);
}

static void store_capture__keeps_one_outbox_entry_per_write(void **state)
{
	struct fixture *f = *state;
	struct change_list l;

	assert_true(store_capture_on(f->lyon));
	assert_false(store_capture_on(f->hub));
	assert_int_equal(store_outbox_read(f->lyon, 0, &l), ST_OK);
	assert_int_equal(l.count, 1);	/* the whole file as it was at join */
	assert_int_equal(l.items[0].seq, 1);
	assert_int_equal(store_changes_check(l.items[0].data, l.items[0].len), ST_OK);
	change_list_clear(&l);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	assert_int_equal(store_outbox_read(f->lyon, 1, &l), ST_OK);
	assert_int_equal(l.count, 1);
	assert_int_equal(l.items[0].seq, 2);
	change_list_clear(&l);
}

static void bundle_verify__fails_for_a_flipped_byte_or_a_cut(void **state)
{
	struct fixture *f = *state;
	unsigned char *data;
	size_t len;
	int64_t first, last;
	unsigned char pk[BUNDLE_KEY_LEN];

	assert_int_equal(site_export(f->lyon, &data, &len, &first, &last), ST_OK);
	{
		struct query *q = store_query(f->lyon, &q_site_self);

		assert_int_equal(query_step(q), ST_ROW);
		assert_true(key_parse(query_text(q, 1), pk));
		query_reset(q);
	}
	assert_true(bundle_verify(data, len, pk));
	data[len / 2] ^= 1;
	assert_false(bundle_verify(data, len, pk));
	data[len / 2] ^= 1;
	assert_false(bundle_verify(data, len - 1, pk));
	free(data);
}

#define NOT_CONTINUED "the bundle does not continue the changes the hub holds from the site 'lyon' (up to %d):" \
	" the site's file was restored from an older copy, or another file signs as this site"

static void expect_not_continued(int at)
{
	char want[256];

	snprintf(want, sizeof(want), NOT_CONTINUED, at);
	assert_string_equal(status_message(ST_INVALID), want);
}

static void hub_apply__refuses_a_bundle_whose_prev_is_not_the_chain_the_mirror_holds(void **state)
{
	struct fixture *f = *state;
	unsigned char *data;
	size_t len;
	char before[65], after[65], forged[65];
	enum hub_outcome outcome;

	send_lyon(f, HUB_APPLIED);
	ack_lyon(f);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	chain_at(f->lyon, 1, forged);
	forged[0] = forged[0] == '0' ? '1' : '0';
	lyon_range(f, 2, 2, forged, &data, &len);
	mirror_hash(f, before);
	assert_int_equal(hub_takes(f, data, len, &outcome), ST_INVALID);
	expect_not_continued(1);
	mirror_hash(f, after);
	assert_string_equal(before, after);
	assert_int_equal(mirror_last_seq(f), 1);
	free(data);
	send_lyon(f, HUB_APPLIED);	/* the true one still fits */
	assert_int_equal(mirror_last_seq(f), 2);
}

static void hub_apply__refuses_a_site_file_rolled_back_that_reuses_the_numbers(void **state)
{
	struct fixture *f = *state;
	struct team_spec spec = { .name = "Rollback" };
	char id[ID_LEN + 1], before[65], after[65];
	const char *old_path = unit_path(f->dir, "lyon-old.db");
	struct hub_apply_report r;
	struct store *old;
	unsigned char *data;
	size_t len;
	int64_t first, last;

	send_lyon(f, HUB_APPLIED);
	assert_int_equal(store_backup(f->lyon, old_path), ST_OK);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	send_lyon(f, HUB_APPLIED);
	/* the old copy, same key and name, goes another way under the same numbers */
	assert_int_equal(store_open(old_path, &old), ST_OK);
	assert_int_equal(team_add(old, &spec, id), ST_OK);
	assert_int_equal(event_set_locked(old, true), ST_OK);
	assert_int_equal(site_export(old, &data, &len, &first, &last), ST_OK);
	assert_int_equal(first, 1);
	assert_int_equal(last, 3);
	mirror_hash(f, before);
	assert_int_equal(hub_apply(f->hub, data, len, &r), ST_INVALID);
	expect_not_continued(2);
	mirror_hash(f, after);
	assert_string_equal(before, after);
	assert_int_equal(mirror_last_seq(f), 2);
	free(data);
	store_close(old);
}

static void hub_apply__converges_when_bundles_come_out_of_order(void **state)
{
	struct fixture *f = *state;
	unsigned char *second, *third;
	size_t second_len, third_len;
	char site_hash[65], hub_hash[65];
	enum hub_outcome outcome;
	struct hub_site_info *items;
	size_t n;

	send_lyon(f, HUB_APPLIED);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	lyon_range(f, 2, 2, NULL, &second, &second_len);
	assert_int_equal(event_set_locked(f->lyon, false), ST_OK);
	lyon_range(f, 3, 3, NULL, &third, &third_len);
	assert_int_equal(hub_takes(f, third, third_len, &outcome), ST_OK);
	assert_int_equal(outcome, HUB_KEPT_ASIDE);
	assert_int_equal(hub_takes(f, second, second_len, &outcome), ST_OK);
	assert_int_equal(outcome, HUB_APPLIED);
	assert_int_equal(mirror_last_seq(f), 3);
	assert_int_equal(store_state_hash(f->lyon, site_hash), ST_OK);
	mirror_hash(f, hub_hash);
	assert_string_equal(site_hash, hub_hash);
	send_lyon(f, HUB_DUPLICATE);	/* 1 .. 3 again: its chain meets the mirror's at 3 */
	assert_int_equal(hub_sites(f->hub, &items, &n), ST_OK);
	assert_true(items[0].in_sync);
	hub_sites_clear(items, n);
	free(second);
	free(third);
}

static void hub_apply__checks_a_kept_aside_bundle_when_its_turn_comes(void **state)
{
	struct fixture *f = *state;
	unsigned char *second, *third;
	size_t second_len, third_len;
	char forged[65];
	enum hub_outcome outcome;

	send_lyon(f, HUB_APPLIED);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	lyon_range(f, 2, 2, NULL, &second, &second_len);
	assert_int_equal(event_set_locked(f->lyon, false), ST_OK);
	memset(forged, 'a', 64);
	forged[64] = '\0';
	lyon_range(f, 3, 3, forged, &third, &third_len);
	assert_int_equal(hub_takes(f, third, third_len, &outcome), ST_OK);
	assert_int_equal(outcome, HUB_KEPT_ASIDE);
	assert_int_equal(hub_takes(f, second, second_len, &outcome), ST_INVALID);
	assert_non_null(strstr(status_message(ST_INVALID), "a bundle kept aside (changes 3 to 3) is refused: "
			       "the bundle does not continue the changes the hub holds from the site 'lyon' (up to 2)"));
	assert_int_equal(mirror_last_seq(f), 1);
	free(second);
	free(third);
}

/* Take st back to schema 7: no chain columns, nor the later steps' sheet.changed. */
static void unchain(struct store *st)
{
	assert_int_equal(sqlite3_exec(st->db, "ALTER TABLE sheet DROP COLUMN changed;"
				      " ALTER TABLE outbox DROP COLUMN chain;"
				      " ALTER TABLE site_self DROP COLUMN acked_chain;"
				      " ALTER TABLE mirror_self DROP COLUMN chain", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(st->db, "PRAGMA user_version = 7", NULL, NULL, NULL), SQLITE_OK);
}

static void store_open__chains_the_outbox_of_a_site_that_joined_before_chains(void **state)
{
	struct fixture *f = *state;
	unsigned char chain[STORE_CHAIN_LEN] = { 0 };
	char *path = hub_mirror_path(f->hub, "lyon"), want[65], got[65];
	struct change_list l;
	struct store *m;

	send_lyon(f, HUB_APPLIED);
	ack_lyon(f);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	assert_int_equal(event_set_locked(f->lyon, false), ST_OK);
	unchain(f->lyon);
	store_close(f->lyon);
	assert_int_equal(store_open(path, &m), ST_OK);
	unchain(m);
	store_close(m);
	assert_int_equal(store_open(unit_path(f->dir, "lyon.db"), &f->lyon), ST_OK);
	/* the chain starts at the acknowledged entry 1, from zeros */
	assert_int_equal(store_outbox_read(f->lyon, 1, &l), ST_OK);
	assert_int_equal(l.count, 2);
	for (size_t i = 0; i < l.count; i++) {
		store_chain_next(chain, l.items[i].seq, l.items[i].data, l.items[i].len);
		sodium_bin2hex(want, sizeof(want), chain, sizeof(chain));
		chain_at(f->lyon, l.items[i].seq, got);
		assert_string_equal(got, want);
	}
	change_list_clear(&l);
	/* the mirror, at 1 without a chain value, takes the next bundle's; the one after is checked */
	send_lyon(f, HUB_APPLIED);
	assert_int_equal(mirror_last_seq(f), 3);
	assert_int_equal(event_set_locked(f->lyon, true), ST_OK);
	send_lyon(f, HUB_APPLIED);
	assert_int_equal(mirror_last_seq(f), 4);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_site_bundle_that_touches_a_table_the_site_does_not_own,
						setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_bundle_of_a_newer_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_bundle_signed_by_one_site_in_the_name_of_another,
						setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_change_that_does_not_fit_the_mirror, setup,
						teardown),
		cmocka_unit_test_setup_teardown(hub_apply__changes_nothing_for_a_replay, setup, teardown),
		cmocka_unit_test_setup_teardown(site_apply__refuses_a_hub_bundle_that_carries_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(store_capture__keeps_one_outbox_entry_per_write, setup, teardown),
		cmocka_unit_test_setup_teardown(bundle_verify__fails_for_a_flipped_byte_or_a_cut, setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_bundle_whose_prev_is_not_the_chain_the_mirror_holds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__refuses_a_site_file_rolled_back_that_reuses_the_numbers,
						setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__converges_when_bundles_come_out_of_order, setup, teardown),
		cmocka_unit_test_setup_teardown(hub_apply__checks_a_kept_aside_bundle_when_its_turn_comes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(store_open__chains_the_outbox_of_a_site_that_joined_before_chains,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
