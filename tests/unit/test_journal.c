#include "config.h"
#include "unit.h"

#include <sys/stat.h>

#include "podium/clock.h"
#include "podium/event.h"
#include "podium/journal.h"
#include "podium/store.h"
#include "fixture.h"

#define EMILE "11111111-1111-4111-8111-111111111111"
#define CASTORS "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"

static int setup(void **state)
{
	struct event_spec spec = { "Hack for Good", 0, 48 };
	struct store *st;

	setenv("XDG_STATE_HOME", unit_tmpdir(), 1);
	if (store_open_memory(&st) != ST_OK)
		return -1;
	clock_parse("2026-12-04 18:00", &spec.starts_at);
	if (event_create(st, &spec) != ST_OK)
		return -1;
	sql(st, "INSERT INTO judge(id, name, name_key) VALUES ('" EMILE "', 'Émile Roux', 'émile roux');"
		"INSERT INTO team(id, name, name_key) VALUES ('" CASTORS "', 'Les Castors', 'les castors');");
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

/* Émile's change: Idea (the first criterion) = value, a comment with spaces, '%' and a newline. */
static void emile_change(struct store *st, struct journal_change *c, int value)
{
	static struct journal_value v;
	char *idea = sql_text(st, "SELECT id FROM criterion ORDER BY position LIMIT 1");

	memset(c, 0, sizeof(*c));
	snprintf(c->owner, sizeof(c->owner), "1.2");
	c->who.role = ROLE_JUDGE;
	snprintf(c->who.person_id, sizeof(c->who.person_id), "%s", EMILE);
	c->audit_actor = "judge Émile Roux";
	snprintf(c->judge, sizeof(c->judge), "%s", EMILE);
	snprintf(c->team, sizeof(c->team), "%s", CASTORS);
	snprintf(v.criterion, sizeof(v.criterion), "%s", idea);
	v.value = value;
	c->values = &v;
	c->nvalues = 1;
	c->comment = "Très bien, 100 %\nvraiment";
	free(idea);
}

static char *event_id(struct store *st)
{
	return sql_text(st, "SELECT id FROM event");
}

static void journal__reads_back_what_it_wrote(void **state)
{
	struct journal j = { 0 }, back;
	struct journal_change c;
	char *text, *again;

	emile_change(*state, &c, 4);
	journal_add(&j, &c);
	c.submit = true;
	c.comment = NULL;
	journal_add(&j, &c);
	text = journal_format(&j);
	assert_int_equal(journal_parse(text, &back), ST_OK);
	assert_int_equal(back.count, 2);
	assert_string_equal(back.items[0].comment, "Très bien, 100 %\nvraiment");
	assert_string_equal(back.items[0].audit_actor, "judge Émile Roux");
	assert_int_equal(back.items[0].values[0].value, 4);
	assert_int_equal(back.items[0].who.role, ROLE_JUDGE);
	assert_null(back.items[1].comment);
	assert_true(back.items[1].submit);
	again = journal_format(&back);
	assert_string_equal(text, again);
	free(text);
	free(again);
	journal_clear(&j);
	journal_clear(&back);
}

static void journal__damaged_text_names_its_line(void **state)
{
	struct journal j;

	(void)state;
	assert_int_equal(journal_parse("podium-journal 1\nchange 1.2\nactor judge -\nvalue x\nend\n", &j), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "line 4: a line that does not read");
	assert_int_equal(j.count, 0);
	assert_int_equal(journal_parse("podium-journal 1\nchange 1.2\nactor judge -\n", &j), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "line 3: the last change is cut short");
	assert_int_equal(journal_parse("hello\n", &j), ST_CORRUPT);
	assert_string_equal(status_message(ST_CORRUPT), "line 1: not a podium journal");
}

static void journal__replays_through_the_core_and_removes_the_file(void **state)
{
	struct store *st = *state;
	struct journal j = { 0 };
	struct journal_change c;
	struct journal_report r;
	char *id = event_id(st), *path = journal_path(id, ".journal"), *got, *text;
	struct stat sb;

	emile_change(st, &c, 4);
	journal_add(&j, &c);
	assert_int_equal(journal_keep(id, &j), ST_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(journal_replay(st, &r), ST_OK);
	assert_int_equal(r.saved, 1);
	text = journal_report_text(&r);
	assert_string_equal(text, "1 change kept while the file was busy was saved");
	got = sql_text(st, "SELECT v.value || ' ' || s.comment FROM sheet s JOIN sheet_value v ON v.sheet_id = s.id");
	assert_string_equal(got, "4 Très bien, 100 %\nvraiment");
	assert_int_not_equal(access(path, F_OK), 0);
	free(got);
	got = sql_text(st, "SELECT actor FROM audit ORDER BY rowid DESC LIMIT 1");
	assert_string_equal(got, "judge Émile Roux");
	free(got);
	free(text);
	journal_report_clear(&r);
	journal_clear(&j);
	free(id);
	free(path);
}

static void journal__refused_change_is_kept_aside_with_its_reason(void **state)
{
	struct store *st = *state;
	struct journal j = { 0 };
	struct journal_change c;
	struct journal_report r;
	char *id = event_id(st), *path = journal_path(id, ".journal"), *got;

	emile_change(st, &c, 9);	/* off the scale */
	journal_add(&j, &c);
	assert_int_equal(journal_keep(id, &j), ST_OK);
	assert_int_equal(journal_replay(st, &r), ST_OK);
	assert_int_equal(r.saved, 0);
	assert_int_equal(r.rejected, 1);
	assert_non_null(r.rejected_path);
	assert_int_equal(access(r.rejected_path, F_OK), 0);
	assert_int_not_equal(access(path, F_OK), 0);
	got = sql_text(st, "SELECT count(*) FROM sheet");
	assert_string_equal(got, "0");
	free(got);
	journal_report_clear(&r);
	journal_clear(&j);
	free(id);
	free(path);
}

static void journal__damaged_file_gives_an_error_and_stays(void **state)
{
	struct store *st = *state;
	struct journal_report r;
	char *id = event_id(st), *path = journal_path(id, ".journal"), *text;
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs("podium-journal 1\nchange 1.2\nsheet only-one-word\n", f);
	fclose(f);
	assert_int_equal(journal_replay(st, &r), ST_OK);
	assert_non_null(r.damaged);
	text = journal_report_text(&r);
	assert_non_null(strstr(text, "is damaged (line 3: a line that does not read); it is kept as it is"));
	assert_int_equal(access(path, F_OK), 0);
	free(text);
	journal_report_clear(&r);
	free(id);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(journal__reads_back_what_it_wrote, setup, teardown),
		cmocka_unit_test(journal__damaged_text_names_its_line),
		cmocka_unit_test_setup_teardown(journal__replays_through_the_core_and_removes_the_file, setup, teardown),
		cmocka_unit_test_setup_teardown(journal__refused_change_is_kept_aside_with_its_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(journal__damaged_file_gives_an_error_and_stays, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
