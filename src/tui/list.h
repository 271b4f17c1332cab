#ifndef PODIUM_TUI_LIST_H
#define PODIUM_TUI_LIST_H

/*
 * The list widget every screen and picker shares: a selection and the first
 * row shown, the moves (j/k, arrows, g/G, Home/End, PgUp/PgDn), the '/'
 * search over a row's fields, and a draw that scrolls the selection into
 * view and paints the cursor's row, leaving each row's cells to its screen.
 */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

struct tui_list {
	size_t sel;		/* the selected row */
	size_t top;		/* the first row shown */
};

/* The text of a row's field, NULL past its last field. */
typedef const char *(*list_text_fn)(void *ctx, size_t row, int field);
/* Draw row at y over cols columns; cur: the cursor's row, its background already painted. */
typedef void (*list_row_fn)(void *ctx, WINDOW *w, size_t row, int y, int cols, bool cur);

/* Keep the selection inside a list of count rows. */
void list_clamp(struct tui_list *l, size_t count);

/* Draw the rows of count that fit in rows lines from y, the selection in view. */
void list_draw(struct tui_list *l, size_t count, WINDOW *w, int y, int rows, int cols, list_row_fn row,
	       void *ctx);

/* A picker's row: label from column 4, in the cursor's look on the selection. */
void list_draw_label(WINDOW *w, int y, int cols, bool cur, const char *label);

/* Move *sel in a list of count rows by a move key (page rows a page); false when key is no move. */
bool list_move(size_t *sel, size_t count, int key, size_t page);

/* Where a search starts: at the selection, after it (n), or before it going up (N). */
enum list_from {
	LIST_FROM_HERE,
	LIST_FROM_AFTER,
	LIST_FROM_BEFORE,
};

/*
 * Select the first row from *sel (or after it, or before it going up),
 * wrapping, whose fields contain needle, case and accents aside. False,
 * *sel unchanged, when none does.
 */
bool list_find(size_t *sel, size_t count, list_text_fn text, void *ctx, const char *needle, enum list_from from);

/* Where list_find() would look first for from: the row, and whether it goes down (else up). */
size_t list_find_start(size_t sel, size_t count, enum list_from from, bool *forward);

/*
 * A list that holds only the rows it shows (a window of them) knows the total
 * and which rows it has read: [first, first + count).
 */
struct list_window {
	size_t first, count;
	size_t total;
};

/* True when a row of [from, from + n), within the total, is not in the window. */
bool list_window_lacks(const struct list_window *w, size_t from, size_t n);

/* The window to read for the rows [from, from + n): them and margin rows either side, within the total. */
void list_window_around(const struct list_window *w, size_t from, size_t n, size_t margin, size_t *first,
			size_t *count);

#endif
