#include "config.h"
#include "format.h"

#include <stdlib.h>
#include <string.h>

#include "podium/common.h"
#include "podium/csv.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/text.h"

struct table {
	size_t ncols, nrows, cap;
	char **headers;
	char **cells;		/* nrows * ncols */
	bool *right;		/* a column of numbers: right-aligned, and written as is in CSV */
};

struct table *table_new(size_t ncols, const char *const *headers)
{
	struct table *t = pd_calloc(1, sizeof(*t));

	t->ncols = ncols;
	t->headers = pd_calloc(ncols, sizeof(char *));
	t->right = pd_calloc(ncols, sizeof(bool));
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = pd_strdup(headers[i]);
	return t;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->headers);
	free(t->cells);
	free(t->right);
	free(t);
}

void table_align_right(struct table *t, size_t col)
{
	t->right[col] = true;
}

void table_add_row(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = pd_realloc(t->cells, t->cap * t->ncols * sizeof(char *));
	}
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = pd_strdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

size_t table_rows(const struct table *t)
{
	return t->nrows;
}

/* Shrink the widest column by one until the table fits (each keeps at least 4 columns). */
static void fit_widths(int *w, size_t ncols, int width)
{
	int total = 0;

	for (size_t i = 0; i < ncols; i++)
		total += w[i] + (i ? 2 : 0);
	while (total > width) {
		size_t widest = 0;

		for (size_t i = 1; i < ncols; i++)
			if (w[i] > w[widest])
				widest = i;
		if (w[widest] <= 4)
			break;
		w[widest]--;
		total--;
	}
}

static void print_row(const struct table *t, FILE *out, char *const *cells, const int *w)
{
	char *line = pd_strdup(""), *next;
	size_t len;

	for (size_t i = 0; i < t->ncols; i++) {
		char *cell = text_pad(cells[i], w[i], t->right[i]);

		next = pd_asprintf("%s%s%s", line, i ? "  " : "", cell);
		free(line);
		free(cell);
		line = next;
	}
	/* no trailing spaces, whichever columns are empty */
	len = strlen(line);
	while (len > 0 && line[len - 1] == ' ')
		line[--len] = '\0';
	out_printf(out, "%s\n", line);
	free(line);
}

void table_print(const struct table *t, FILE *out, int width)
{
	int *w = pd_calloc(t->ncols, sizeof(int));

	char **headers = pd_calloc(t->ncols, sizeof(char *));

	/* a table is for people: its headers speak their language (CSV keeps the names of the format) */
	for (size_t i = 0; i < t->ncols; i++)
		headers[i] = pd_strdup(t->headers[i][0] ? _(t->headers[i]) : "");
	for (size_t i = 0; i < t->ncols; i++) {
		w[i] = text_width(headers[i]);
		for (size_t r = 0; r < t->nrows; r++) {
			int cw = text_width(t->cells[r * t->ncols + i]);

			if (cw > w[i])
				w[i] = cw;
		}
	}
	fit_widths(w, t->ncols, width);
	print_row(t, out, headers, w);
	for (size_t r = 0; r < t->nrows; r++)
		print_row(t, out, t->cells + r * t->ncols, w);
	for (size_t i = 0; i < t->ncols; i++)
		free(headers[i]);
	free(headers);
	free(w);
}

void csv_write_typed_row(FILE *out, const char *const *fields, size_t n, const bool *number)
{
	char *row = csv_format_row(fields, n, number);

	out_puts(out, row);
	free(row);
}

void csv_write_row(FILE *out, const char *const *fields, size_t n)
{
	csv_write_typed_row(out, fields, n, NULL);
}

void table_print_csv(const struct table *t, FILE *out)
{
	csv_write_row(out, (const char *const *)t->headers, t->ncols);
	for (size_t r = 0; r < t->nrows; r++)
		csv_write_typed_row(out, (const char *const *)(t->cells + r * t->ncols), t->ncols,
				    t->right);
}
