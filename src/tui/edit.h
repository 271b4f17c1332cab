#ifndef PODIUM_TUI_EDIT_H
#define PODIUM_TUI_EDIT_H

/*
 * The line editor of every prompt: wide characters, a cursor, Backspace,
 * Delete, arrows, Home/End (Ctrl-A/E), Ctrl-U; drawn scrolled so the cursor
 * shows, or as '*' for secrets.
 */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/theme.h"

#define EDIT_MAX 2000		/* characters a line may hold */

struct line_edit {
	wchar_t *text;		/* NUL-terminated */
	size_t len, cap, cursor;
};

/* Start editing initial (UTF-8, may be NULL), the cursor at its end. */
void edit_start(struct line_edit *e, const char *initial);
void edit_clear(struct line_edit *e);

/* Apply a key (fn: a curses function key); false when it is no editing key. */
bool edit_key(struct line_edit *e, wint_t c, bool fn);

/* The line as UTF-8; free it. */
char *edit_text(const struct line_edit *e);

/* Draw the line at y,x over cols columns; returns the cursor's column. */
int edit_draw(const struct line_edit *e, WINDOW *w, int y, int x, int cols, enum theme_role role, bool secret);

#endif
