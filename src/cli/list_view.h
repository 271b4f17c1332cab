#ifndef PODIUM_CLI_LIST_VIEW_H
#define PODIUM_CLI_LIST_VIEW_H

#include <stddef.h>

#include "cli.h"
#include "podium/listing.h"
#include "podium/status.h"
#include "podium/store.h"

#define LIST_VIEW_MAX_COLS 8
#define LIST_COL(i) (1u << (i))

/*
 * How the command line prints one of the core's lists (listing.h): its
 * columns as the CSV header names them, which of them a table shows, which
 * hold numbers, and what a table says when there are no rows. A cell's list
 * is joined with ';' in CSV, as import reads it, and with ", " in a table.
 * JSON is the core's document as it is.
 */
struct list_view {
	const char *name;
	const char *empty;   /* what the table says when there are none */
	enum list_kind kind;
	size_t ncols;
	const char *columns[LIST_VIEW_MAX_COLS];
	unsigned table_cols; /* bit i: the table shows column i; 0: every column */
	unsigned right;	     /* bit i: column i holds numbers */
};

/* Print the list in f (table, CSV or JSON) on standard output. */
enum status list_view_print(struct store *st, const struct list_view *v, enum format f);

#endif
