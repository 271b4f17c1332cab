#ifndef PODIUM_TESTS_FIXTURE_H
#define PODIUM_TESTS_FIXTURE_H

/*
 * Fixtures in plain SQL, for the unit tests that lay out judges, teams and
 * sheets directly, and read back what a change left. Include after unit.h.
 */
#include <sqlite3.h>

#include "store/store_internal.h"

/* Run text (one or more statements); a failure fails the test. */
static inline void sql(struct store *st, const char *text)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
}

/* The first column of the first row of text, newly allocated ("" for none or NULL). */
static inline char *sql_text(struct store *st, const char *text)
{
	sqlite3_stmt *q;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(st->db, text, -1, &q, NULL), SQLITE_OK);
	out = strdup(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0) ?
		     (const char *)sqlite3_column_text(q, 0) : "");
	sqlite3_finalize(q);
	return out;
}

#endif
