#ifndef PODIUM_IMPORT_H
#define PODIUM_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/status.h"

struct store;
struct csv_table;
struct rubric_effect;

/*
 * Imports of the CSV columns podium(1) documents. Each checks every row first and then
 * writes all of them in one transaction, with an audit row per record: all or
 * nothing. Errors name the source and line ("teams.csv:12: ...").
 * *count receives the number of records written.
 */
enum status import_teams(struct store *st, const char *source, const struct csv_table *t, size_t *count);
enum status import_judges(struct store *st, const char *source, const struct csv_table *t, size_t *count);
enum status import_coaches(struct store *st, const char *source, const struct csv_table *t, size_t *count);
enum status import_criteria(struct store *st, const char *source, const struct csv_table *t, size_t *count);
/*
 * import_criteria follows the rubric's rule (rubric.h): refused after the
 * lock, and once sheets are submitted unless reopen turns them into drafts
 * (effect, which may be NULL, says how many and which).
 */
enum status import_criteria_reopen(struct store *st, const char *source, const struct csv_table *t,
				   bool reopen, struct rubric_effect *effect, size_t *count);
enum status import_rooms(struct store *st, const char *source, const struct csv_table *t, size_t *count);
enum status import_sheets(struct store *st, const char *source, const struct csv_table *t, size_t *count);

/*
 * import_sheets that may replace submitted sheets: refused (ST_INVALID, naming
 * the line) unless replace_reason is given, which the audit keeps.
 */
enum status import_sheets_replacing(struct store *st, const char *source, const struct csv_table *t,
				    const char *replace_reason, size_t *count);

#endif
