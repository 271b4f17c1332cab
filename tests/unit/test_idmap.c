#include "config.h"
#include "unit.h"

#include "podium/id.h"
#include "podium/idmap.h"

struct thing {
	int weight;
	char id[ID_LEN + 1];
};

static void find__gives_each_id_its_position(void **state)
{
	struct thing things[3] = { { 1, "cccc" }, { 2, "aaaa" }, { 3, "bbbb" } };
	struct idmap m;

	(void)state;
	IDMAP_BUILD(&m, things, 3, id);
	assert_int_equal(idmap_find(&m, "aaaa"), 1);
	assert_int_equal(idmap_find(&m, "bbbb"), 2);
	assert_int_equal(idmap_find(&m, "cccc"), 0);
	assert_int_equal(idmap_find(&m, "dddd"), -1);
	assert_int_equal(idmap_find(&m, NULL), -1);
	idmap_clear(&m);
	assert_int_equal(m.count, 0);
}

static void find__is_empty_safe(void **state)
{
	struct idmap m;

	(void)state;
	IDMAP_BUILD(&m, (struct thing *)NULL, 0, id);
	assert_int_equal(idmap_find(&m, "x"), -1);
	idmap_clear(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find__gives_each_id_its_position),
		cmocka_unit_test(find__is_empty_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
