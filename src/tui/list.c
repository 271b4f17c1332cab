#include "config.h"

#include "tui/list.h"

#include "podium/text.h"
#include "tui/tui.h"

void list_clamp(struct tui_list *l, size_t count)
{
	if (l->sel >= count)
		l->sel = count ? count - 1 : 0;
}

void list_draw(struct tui_list *l, size_t count, WINDOW *w, int y, int rows, int cols, list_row_fn row,
	       void *ctx)
{
	size_t first;

	if (rows < 1)
		return;
	list_clamp(l, count);
	first = draw_scroll(l->sel, &l->top, rows);
	for (int r = 0; r < rows && first + (size_t)r < count; r++) {
		size_t i = first + (size_t)r;
		bool cur = i == l->sel;

		if (cur)
			draw_fill(w, y + r, 0, ROLE_LOOK_CURSOR, cols);
		row(ctx, w, i, y + r, cols, cur);
	}
}

void list_draw_label(WINDOW *w, int y, int cols, bool cur, const char *label)
{
	draw_text(w, y, 4, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, label, cols - 6);
}

bool list_move(size_t *sel, size_t count, int key, size_t page)
{
	if (count == 0)
		return false;
	if (key == 'j' || key == TUI_FN(KEY_DOWN))
		*sel = *sel + 1 < count ? *sel + 1 : count - 1;
	else if (key == 'k' || key == TUI_FN(KEY_UP))
		*sel = *sel > 0 ? *sel - 1 : 0;
	else if (key == 'g' || key == TUI_FN(KEY_HOME))
		*sel = 0;
	else if (key == 'G' || key == TUI_FN(KEY_END))
		*sel = count - 1;
	else if (key == TUI_FN(KEY_NPAGE))
		*sel = *sel + page < count ? *sel + page : count - 1;
	else if (key == TUI_FN(KEY_PPAGE))
		*sel = *sel > page ? *sel - page : 0;
	else
		return false;
	return true;
}

static bool row_matches(list_text_fn text, void *ctx, size_t row, const char *needle)
{
	const char *field;

	for (int f = 0; (field = text(ctx, row, f)) != NULL; f++)
		if (text_search_matches(field, needle))
			return true;
	return false;
}

bool list_find(size_t *sel, size_t count, list_text_fn text, void *ctx, const char *needle, enum list_from from)
{
	for (size_t k = from == LIST_FROM_HERE ? 0 : 1; k <= count && count > 0; k++) {
		size_t row = from == LIST_FROM_BEFORE ? (*sel + count - k % count) % count : (*sel + k) % count;

		if (row_matches(text, ctx, row, needle)) {
			*sel = row;
			return true;
		}
	}
	return false;
}

size_t list_find_start(size_t sel, size_t count, enum list_from from, bool *forward)
{
	*forward = from != LIST_FROM_BEFORE;
	if (count == 0)
		return 0;
	if (from == LIST_FROM_AFTER)
		return (sel + 1) % count;
	if (from == LIST_FROM_BEFORE)
		return (sel + count - 1) % count;
	return sel;
}

bool list_window_lacks(const struct list_window *w, size_t from, size_t n)
{
	size_t end = from + n < w->total ? from + n : w->total;

	return from < end && (from < w->first || end > w->first + w->count);
}

void list_window_around(const struct list_window *w, size_t from, size_t n, size_t margin, size_t *first,
			size_t *count)
{
	size_t end = from + n + margin;

	*first = from > margin ? from - margin : 0;
	if (end > w->total)
		end = w->total;
	*count = end > *first ? end - *first : 0;
}
