#ifndef PODIUM_LISTING_H
#define PODIUM_LISTING_H

#include <stddef.h>

#include "podium/status.h"

struct store;
struct schedule;
struct slot;

/*
 * The lists the command line prints, read in one place: rows of text cells
 * for tables and CSV, or one JSON document from SQLite's JSON functions.
 */

/* Rows of text cells: cell (row, col) is cells[row * ncols + col]; NULL stays NULL. */
struct rowset {
	size_t ncols;
	size_t count;	/* rows */
	size_t cap;	/* cells allocated */
	char **cells;
};

const char *rowset_cell(const struct rowset *r, size_t row, size_t col);
void rowset_clear(struct rowset *r);

enum list_kind {
	LIST_TEAMS,	/* name, project, tracks, members, table, description, id */
	LIST_JUDGES,	/* name, email, tracks, unix_user, id */
	LIST_COACHES,	/* name, email, skills, available, unix_user, id */
	LIST_CRITERIA,	/* name, weight, min, max, description, id */
	LIST_TRACKS,	/* name, teams, id */
	LIST_ROOMS,	/* name, tracks, capacity, id */
	LIST_ASSIGNMENTS, /* judge, team, room, start */
	LIST_ROLES,	/* unix_user, role, granted_at, granted_by */
};

/*
 * Read every record of kind k into *out (free with rowset_clear()), in the
 * order lists show them. Multi-valued cells (tracks, members, skills, windows)
 * are joined with sep. Numbers with decimals are written with %.15g.
 */
enum status list_rows(struct store *st, enum list_kind k, const char *sep, struct rowset *out);

/* Every record of kind k as one JSON array, newly allocated in *out (the caller frees). */
enum status list_json(struct store *st, enum list_kind k, char **out);

/*
 * One pitch slot of s as a JSON object (projected start and end, room, team,
 * status as given, planned start, minutes late, ids), newly allocated in *out.
 */
enum status list_slot_json(struct store *st, const struct schedule *s, const struct slot *sl,
			   const char *status, char **out);

#endif
