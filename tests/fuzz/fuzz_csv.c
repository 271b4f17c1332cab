#include "config.h"

/*
 * libFuzzer harness: the CSV reader and every import on top of it. The first
 * byte picks the kind (its value modulo 6: teams, judges, coaches, criteria,
 * rooms, sheets); the rest is the file. Imports run against one in-memory
 * event that already has judges and teams, so sheet rows can match; it is
 * made afresh every 500 successful imports to stay small.
 *
 * Built and run by tests/fuzz/run.sh.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static int imported;

static void seed(const char *name, const char *text,
		 enum status (*fn)(struct store *, const char *, const struct csv_table *, size_t *))
{
	struct csv_table t;
	size_t n;

	if (csv_read_string(name, text, strlen(text), &t) != ST_OK || fn(st, name, &t, &n) != ST_OK)
		abort();
	csv_table_clear(&t);
}

static void fresh_event(void)
{
	struct event_spec spec = { "Fuzz", 1796000000, 48 };

	store_close(st);
	if (store_open_memory(&st) != ST_OK || event_create(st, &spec) != ST_OK)
		abort();
	seed("teams.csv", "name,tracks\nLes Castors,Éducation\n東京チーム 🚀,Santé\nBridge Builders,\n", import_teams);
	seed("judges.csv", "name,tracks\nÉmile Roux,Éducation\nChloé Martin,\n", import_judges);
	imported = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static enum status (*const imports[])(struct store *, const char *, const struct csv_table *, size_t *) = {
		import_teams, import_judges, import_coaches, import_criteria, import_rooms, import_sheets,
	};
	struct csv_table t;
	size_t count;

	if (size < 1)
		return 0;
	if (!st || imported >= 500)
		fresh_event();
	if (csv_read_string("fuzz.csv", (const char *)data + 1, size - 1, &t) != ST_OK)
		return 0;
	/* every cell is reachable by row and column */
	for (size_t r = 0; r < t.nrows; r++)
		for (size_t c = 0; c < t.ncols; c++)
			if (!csv_cell(&t, r, (int)c))
				abort();
	if (t.ncols > 0)
		(void)csv_column(&t, t.header[0]);
	if (imports[data[0] % 6](st, "fuzz.csv", &t, &count) == ST_OK)
		imported++;
	if (store_in_txn(st))
		abort();	/* an import must never leave its transaction open */
	csv_table_clear(&t);
	return 0;
}
