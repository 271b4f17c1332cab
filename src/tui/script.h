#ifndef PODIUM_TUI_SCRIPT_H
#define PODIUM_TUI_SCRIPT_H

/*
 * A console script (podium tui --script FILE): the keys a test would type and
 * what it wants to see, one line each, read whole before the console starts.
 *
 *   # a comment
 *   jj<Enter>          keys: characters as themselves, <Name> for the others
 *   :wait-idle         save what is pending, load what changed, draw
 *   :resize 40x12      the screen's new size, columns x rows
 *   :dump              the screen as text on standard output, then a line "--"
 */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "podium/status.h"

enum script_step_kind {
	STEP_KEY,
	STEP_DUMP,
	STEP_WAIT_IDLE,
	STEP_RESIZE,
};

struct script_step {
	enum script_step_kind kind;
	wint_t key;		/* STEP_KEY: a character, or a curses KEY_ code when fn */
	bool fn;
	int cols, rows;		/* STEP_RESIZE */
};

struct script {
	struct script_step *steps;
	size_t count, cap;
};

/* The screen of a script before any :resize. */
#define SCRIPT_COLS 80
#define SCRIPT_ROWS 24

/*
 * Read the script at path into *out (free with script_clear()). Returns ST_OK,
 * ST_IO when it cannot be read, or ST_INVALID naming the line ("FILE:3:
 * unknown key '<Foo>'"); on an error *out is empty.
 */
enum status script_load(const char *path, struct script *out);
void script_clear(struct script *s);

/* Write the text of every row of w to out, trailing spaces trimmed, then "--". */
void script_dump(WINDOW *w, FILE *out);

#endif
