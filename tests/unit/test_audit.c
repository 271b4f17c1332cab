#include "config.h"
#include "unit.h"

#include <errno.h>
#include <inttypes.h>
#include <sys/stat.h>
#include <sodium.h>
#include <time.h>

#include "podium/audit.h"
#include "podium/common.h"
#include "podium/event.h"
#include "podium/evidence.h"
#include "podium/status.h"
#include "podium/store.h"
#include "fixture.h"

/*
 * The audit log: each row as written, the chain that links them, and what
 * verification finds. A store with no event has no key, so its rows are
 * unkeyed; an event made by this account holds its key, so its rows are keyed.
 */

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static int setup_unkeyed(void **state)
{
	struct store *st;

	setenv("XDG_STATE_HOME", unit_tmpdir(), 1);
	if (store_open_memory(&st) != ST_OK)
		return -1;
	audit_set_actor("organizer alice");
	*state = st;
	return 0;
}

static int setup_keyed(void **state)
{
	const char *dir = unit_tmpdir();
	struct event_spec spec = { "Hack", 0, 48 };
	struct store *st;

	setenv("XDG_STATE_HOME", dir, 1);
	if (store_create(unit_path(dir, "event.db"), &st) != ST_OK || event_create(st, &spec) != ST_OK)
		return -1;
	audit_set_actor("organizer alice");
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	audit_set_actor(NULL);
	return 0;
}

static void assert_sql(struct store *st, const char *query, const char *expected)
{
	char *got = sql_text(st, query);

	assert_string_equal(got, expected);
	free(got);
}

static enum status record_txn(struct store *st, void *ctx)
{
	return audit_record(st, ctx);
}

static void record(struct store *st, const char *action, const char *after, const char *reason)
{
	struct audit_entry e = {
		.action = action, .kind = "team", .record_id = "t1", .team_id = "t1",
		.before = "{\"name\":\"A\"}", .after = after, .reason = reason,
	};

	assert_int_equal(store_write(st, record_txn, &e), ST_OK);
}

/* The hash podium must give an unkeyed row, computed here from the layout: each field as 8 bytes of length, then its bytes. */
static void feed(crypto_generichash_state *h, const char *field)
{
	uint64_t len = field ? strlen(field) : UINT64_MAX;
	unsigned char prefix[8];

	for (int i = 0; i < 8; i++)
		prefix[i] = (unsigned char)(len >> (8 * i));
	crypto_generichash_update(h, prefix, 8);
	if (field)
		crypto_generichash_update(h, (const unsigned char *)field, strlen(field));
}

static void expected_unkeyed_hash(const char *prev, const char *seq, const char *at, const char *const fields[9],
				  char out[65])
{
	crypto_generichash_state h;
	unsigned char digest[32];

	crypto_generichash_init(&h, NULL, 0, 32);
	feed(&h, prev);
	feed(&h, seq);
	feed(&h, at);
	for (int i = 0; i < 9; i++)
		feed(&h, fields[i]);
	feed(&h, NULL);		/* the state: only sheets carry one */
	crypto_generichash_final(&h, digest, sizeof(digest));
	sodium_bin2hex(out, 65, digest, sizeof(digest));
}

static void ignore_problem(void *ctx, const char *problem)
{
	(void)ctx;
	fail_msg("unexpected problem: %s", problem);
}

static void record__writes_actor_time_before_after_and_reason(void **state)
{
	struct store *st = *state;
	int64_t before = (int64_t)time(NULL), at;
	char *text;

	record(st, "update", "{\"name\":\"B\"}", "typo");
	assert_sql(st, "SELECT seq || '|' || actor || '|' || action || '|' || kind || '|' || record_id || '|' || team_id"
		       " || '|' || coalesce(judge_id, '-') || '|' || before || '|' || after || '|' || reason || '|' || form"
		       " FROM audit",
		   "1|organizer alice|update|team|t1|t1|-|{\"name\":\"A\"}|{\"name\":\"B\"}|typo|1");
	text = sql_text(st, "SELECT at FROM audit");
	at = atoll(text);
	free(text);
	assert_true(at >= before && at <= (int64_t)time(NULL));
}

static void record__hashes_the_row_as_documented_and_links_it_to_the_last(void **state)
{
	struct store *st = *state;
	const char *fields[9] = { "organizer alice", "update", "team", "t1", "t1", NULL,
				  "{\"name\":\"A\"}", "{\"name\":\"B\"}", NULL };
	char expected[65], *at, *hash1;

	assert_true(sodium_init() >= 0);
	record(st, "update", "{\"name\":\"B\"}", NULL);
	record(st, "delete", NULL, NULL);
	assert_sql(st, "SELECT prev_hash FROM audit WHERE seq = 1", GENESIS);
	at = sql_text(st, "SELECT at FROM audit WHERE seq = 1");
	expected_unkeyed_hash(GENESIS, "1", at, fields, expected);
	assert_sql(st, "SELECT hash FROM audit WHERE seq = 1", expected);
	hash1 = sql_text(st, "SELECT hash FROM audit WHERE seq = 1");
	assert_sql(st, "SELECT prev_hash FROM audit WHERE seq = 2", hash1);
	free(hash1);
	free(at);
}

static void verify__passes_an_untouched_unkeyed_log(void **state)
{
	struct store *st = *state;
	struct audit_report rep;
	int64_t rows = -1;

	record(st, "create", "{}", NULL);
	record(st, "update", "{}", NULL);
	record(st, "delete", NULL, NULL);
	assert_int_equal(audit_verify(st, &rows), ST_OK);
	assert_int_equal(rows, 3);
	assert_int_equal(audit_verify_report(st, ignore_problem, NULL, &rep), ST_OK);
	assert_int_equal(rep.total, 3);
	assert_int_equal(rep.forms[AUDIT_FORM_UNKEYED], 3);
	assert_int_equal(rep.unsealed, 3);
	assert_false(rep.has_key);
	assert_int_equal(rep.problems, 0);
}

static void verify__finds_an_edited_row(void **state)
{
	struct store *st = *state;
	int64_t rows = -1;

	record(st, "create", "{}", NULL);
	record(st, "update", "{\"score\":3}", NULL);
	record(st, "delete", NULL, NULL);
	sql(st, "UPDATE audit SET after = '{\"score\":5}' WHERE seq = 2");
	assert_int_equal(audit_verify(st, &rows), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "audit: the log was altered at row 2: its hash chain is broken");
	assert_int_equal(rows, 1);
}

static void verify__finds_a_row_deleted_from_the_middle(void **state)
{
	struct store *st = *state;

	record(st, "create", "{}", NULL);
	record(st, "update", "{}", NULL);
	record(st, "delete", NULL, NULL);
	sql(st, "DELETE FROM audit WHERE seq = 2");
	assert_int_equal(audit_verify(st, NULL), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "audit: row 3 follows row 1: rows of the log were deleted");
}

static void verify__passes_a_keyed_log_and_finds_its_edited_row(void **state)
{
	struct store *st = *state;
	struct audit_report rep;

	record(st, "update", "{}", NULL);
	assert_int_equal(audit_verify_report(st, ignore_problem, NULL, &rep), ST_OK);
	assert_true(rep.has_key);
	assert_true(rep.head_present);
	assert_int_equal(rep.forms[AUDIT_FORM_KEYED], rep.total);
	assert_int_equal(rep.unsealed, 0);
	assert_int_equal(rep.problems, 0);
	/* whoever edits a keyed row cannot give it a hash that verifies without the key */
	sql(st, "UPDATE audit SET actor = 'organizer mallory' WHERE seq = 1");
	assert_int_equal(audit_verify(st, NULL), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "audit: the log was altered at row 1: its hash chain is broken");
}

static void verify__finds_rows_cut_from_the_end_of_a_keyed_log(void **state)
{
	struct store *st = *state;
	char *last;

	record(st, "update", "{}", NULL);
	record(st, "delete", NULL, NULL);
	last = sql_text(st, "SELECT max(seq) FROM audit");
	sql(st, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
	assert_int_equal(audit_verify(st, NULL), ST_CORRUPT);
	{
		char expected[160];

		snprintf(expected, sizeof(expected),
			 "audit: the log has %lld rows, but this account wrote row %s: rows were deleted from its end",
			 atoll(last) - 1, last);
		assert_string_equal(status_message(ST_CORRUPT), expected);
	}
	free(last);
}

#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define HEAD_EVENT "cccccccc-cccc-4ccc-8ccc-cccccccccccc"

static void expect_head(int64_t seq, const char *hash, const char *path)
{
	char got_hash[65], *got_path = NULL;
	int64_t got_seq = 0;

	assert_true(evidence_head_read(HEAD_EVENT, &got_seq, got_hash, &got_path));
	assert_int_equal(got_seq, seq);
	assert_string_equal(got_hash, hash);
	assert_string_equal(got_path, path);
	free(got_path);
}

/* The head is rewritten in place: the later row wins, a shorter line leaves nothing behind, a replaced file is followed. */
static void head__keeps_the_last_row_of_each_file_in_place(void **state)
{
	const char *dir = unit_tmpdir();
	char *file = pd_asprintf("%s/podium/%s.head", dir, HEAD_EVENT), *db = pd_strdup(unit_path(dir, "event.db"));
	char *real = evidence_real_path(db), *other = pd_asprintf("%s/podium", dir), *copy;
	FILE *f;

	(void)state;
	setenv("XDG_STATE_HOME", dir, 1);
	assert_int_equal(mkdir(other, 0700) == 0 || errno == EEXIST, 1);
	evidence_head_write(HEAD_EVENT, 12345, HASH_A, db);
	expect_head(12345, HASH_A, real);
	evidence_head_write(HEAD_EVENT, 7, HASH_B, db);	/* an earlier row of the same file: kept as it was */
	expect_head(12345, HASH_A, real);
	evidence_head_write(HEAD_EVENT, 7, HASH_B, dir);	/* another file: its own head, a shorter line */
	expect_head(7, HASH_B, dir);
	f = fopen(file, "r");
	assert_non_null(f);
	copy = pd_asprintf("7 %s %s\n", HASH_B, dir);
	{
		char line[512] = "";

		assert_int_equal(fread(line, 1, sizeof(line) - 1, f), strlen(copy));
		assert_string_equal(line, copy);
	}
	fclose(f);
	/* another process replaced the file (as podium before this one did): the next write goes to the new one */
	assert_int_equal(unlink(file), 0);
	evidence_head_write(HEAD_EVENT, 8, HASH_A, dir);
	expect_head(8, HASH_A, dir);
	free(copy);
	free(other);
	free(real);
	free(db);
	free(file);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(record__writes_actor_time_before_after_and_reason, setup_unkeyed, teardown),
		cmocka_unit_test(head__keeps_the_last_row_of_each_file_in_place),
		cmocka_unit_test_setup_teardown(record__hashes_the_row_as_documented_and_links_it_to_the_last, setup_unkeyed, teardown),
		cmocka_unit_test_setup_teardown(verify__passes_an_untouched_unkeyed_log, setup_unkeyed, teardown),
		cmocka_unit_test_setup_teardown(verify__finds_an_edited_row, setup_unkeyed, teardown),
		cmocka_unit_test_setup_teardown(verify__finds_a_row_deleted_from_the_middle, setup_unkeyed, teardown),
		cmocka_unit_test_setup_teardown(verify__passes_a_keyed_log_and_finds_its_edited_row, setup_keyed, teardown),
		cmocka_unit_test_setup_teardown(verify__finds_rows_cut_from_the_end_of_a_keyed_log, setup_keyed, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
