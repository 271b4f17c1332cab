#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "list_view.h"
#include "podium/i18n.h"
#include "podium/out.h"

static enum status print_json(struct store *st, const struct list_view *v)
{
	char *doc = NULL;
	enum status s = list_json(st, v->kind, &doc);

	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

static bool shows(const struct list_view *v, enum format f, size_t col)
{
	return f == FORMAT_CSV || v->table_cols == 0 || (v->table_cols & LIST_COL(col));
}

static enum status print_rows(struct store *st, const struct list_view *v, enum format f)
{
	const char *headers[LIST_VIEW_MAX_COLS];
	size_t shown = 0, map[LIST_VIEW_MAX_COLS];
	struct rowset rows;
	struct table *t;
	enum status s = list_rows(st, v->kind, f == FORMAT_CSV ? ";" : ", ", &rows);

	if (s != ST_OK)
		return s;
	for (size_t i = 0; i < v->ncols; i++) {
		if (shows(v, f, i)) {
			map[shown] = i;
			headers[shown++] = v->columns[i];
		}
	}
	t = table_new(shown, headers);
	for (size_t i = 0; i < shown; i++)
		if (v->right & LIST_COL(map[i]))
			table_align_right(t, i);
	for (size_t r = 0; r < rows.count; r++) {
		const char *cells[LIST_VIEW_MAX_COLS];

		for (size_t i = 0; i < shown; i++)
			cells[i] = rowset_cell(&rows, r, map[i]);
		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else if (table_rows(t) == 0)
		out_printf(stdout, "%s\n", _(v->empty));
	else
		table_print(t, stdout, 80);
	table_free(t);
	rowset_clear(&rows);
	return ST_OK;
}

enum status list_view_print(struct store *st, const struct list_view *v, enum format f)
{
	return f == FORMAT_JSON ? print_json(st, v) : print_rows(st, v, f);
}
