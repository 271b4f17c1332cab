#ifndef PODIUM_CLI_FORMAT_H
#define PODIUM_CLI_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Tables for people and CSV for programs, from the same rows.
 * A table sanitises every cell, measures it in display columns and fits the
 * whole table in a width (80 by default) by shrinking the widest columns,
 * which are cut with "…". CSV writes cells as given (RFC 4180, quoted only
 * where needed, rows end in "\n"), except that a text cell a spreadsheet would
 * run as a formula gets a leading "'" (csv_format_row()). Everything goes out
 * through out_puts(), so nothing unsafe reaches a terminal.
 */
struct table;

struct table *table_new(size_t ncols, const char *const *headers);
void table_free(struct table *t);

/* Column col holds numbers: right-aligned in the table, written as they are in CSV. */
void table_align_right(struct table *t, size_t col);

/* Append a row of ncols cells (copied; NULL prints as empty). */
void table_add_row(struct table *t, const char *const *cells);

size_t table_rows(const struct table *t);

/* Print aligned columns, fitted in width display columns. */
void table_print(const struct table *t, FILE *out, int width);

/* Print header and rows as CSV. */
void table_print_csv(const struct table *t, FILE *out);

/* Write one CSV row of text cells. */
void csv_write_row(FILE *out, const char *const *fields, size_t n);

/* Write one CSV row whose cell i is a number when number[i] (NULL: all text). */
void csv_write_typed_row(FILE *out, const char *const *fields, size_t n, const bool *number);

#endif
