#ifndef PODIUM_CLI_FORMAT_H
#define PODIUM_CLI_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Tables for people and CSV for programs, from the same rows.
 * A table sanitises every cell, measures it in display columns and fits the
 * whole table in a width (80 by default) by shrinking the widest columns,
 * which are cut with "…". CSV writes cells exactly as given (RFC 4180,
 * quoted only where needed, CRLF-free: rows end in "\n").
 */
struct table;

struct table *table_new(size_t ncols, const char *const *headers);
void table_free(struct table *t);

/* Right-align column col (numbers). */
void table_align_right(struct table *t, size_t col);

/* Append a row of ncols cells (copied; NULL prints as empty). */
void table_add_row(struct table *t, const char *const *cells);

size_t table_rows(const struct table *t);

/* Print aligned columns, fitted in width display columns. */
void table_print(const struct table *t, FILE *out, int width);

/* Print header and rows as CSV. */
void table_print_csv(const struct table *t, FILE *out);

/* Write one CSV field (quoted only when it must be) and one CSV row. */
void csv_write_field(FILE *out, const char *field);
void csv_write_row(FILE *out, const char *const *fields, size_t n);

#endif
