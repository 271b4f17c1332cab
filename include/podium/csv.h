#ifndef PODIUM_CSV_H
#define PODIUM_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/status.h"

/*
 * A CSV file read whole (RFC 4180 through libcsv): UTF-8, a header row, a
 * byte-order mark and CRLF line ends accepted, quoted fields may hold commas,
 * quotes and newlines. Blank lines, and rows whose cells are all empty (a
 * spreadsheet's empty line), are skipped. Cells and header names are trimmed of
 * surrounding white space; a cell written with a leading "'" to keep a
 * spreadsheet from running it (see csv_formula_like()) is read without it. Every error names the line. The file is read line by
 * line, so its size is bounded by memory for the cells only.
 */
struct csv_table {
	size_t ncols;		/* columns of the header */
	char **header;		/* ncols names, trimmed, as written */
	size_t nrows;		/* data rows (the header not counted) */
	char **cells;		/* nrows * ncols; a short row is padded with "" */
	int *lines;		/* the line each data row starts on (the header is line 1) */
	int header_line;	/* the line the header is on: 1 unless blank lines come first */
};

/*
 * Read path ("-" = standard input). ST_INVALID with "FILE:LINE: ..." for bad
 * UTF-8, a malformed quote, a row with more cells than the header, an empty or
 * duplicate header name; ST_INVALID "FILE: the file is empty" when there is no
 * header; ST_IO when the file cannot be read. Free *out with csv_table_clear();
 * after an error it holds nothing.
 */
enum status csv_read_file(const char *path, struct csv_table *out);

/* The same from a string in memory; name is used in messages. */
enum status csv_read_string(const char *name, const char *text, size_t len, struct csv_table *out);

/* The column named name (ASCII case-insensitive), or -1. */
int csv_column(const struct csv_table *t, const char *name);

/* The cell of row r, column c, trimmed ("" when c < 0). */
const char *csv_cell(const struct csv_table *t, size_t r, int c);

void csv_table_clear(struct csv_table *t);

/*
 * True when a spreadsheet would run cell as a formula: it starts with '=',
 * '+', '-', '@', a tab or a CR. Every text cell podium writes that does is
 * written with a leading "'", and the reader takes that "'" off again.
 */
bool csv_formula_like(const char *cell);

/*
 * One CSV cell, quoted only where it must be (RFC 4180 through libcsv); text
 * that csv_formula_like() gets a leading "'". The caller frees it.
 */
char *csv_format_cell(const char *cell, bool text);

/*
 * One CSV row of n cells, ended by "\n": each cell quoted only where it must
 * be (RFC 4180 through libcsv). Cell i is text unless number && number[i]:
 * text that csv_formula_like() gets a leading "'"; numbers (a negative score)
 * are written as they are. NULL cells are empty. The caller frees the row.
 */
char *csv_format_row(const char *const *cells, size_t n, const bool *number);

#endif
