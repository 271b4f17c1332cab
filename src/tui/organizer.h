#ifndef PODIUM_TUI_ORGANIZER_H
#define PODIUM_TUI_ORGANIZER_H

/*
 * The organizer: a frame (organizer.c) that draws the tab bar, switches tabs
 * and owns the keys of the whole event (lock, freeze, reveal), and one file
 * per tab, each filling a tab_ops. A tab's keys are its own: the frame joins
 * them to its own in one table that drives both the dispatch and the '?' help.
 */

#include "tui/tui.h"

struct csv_table;
struct tab;

struct tab_ops {
	const char *label;		/* "Teams", marked N_() */
	int variant;			/* the record tabs: the kind they list */
	const struct tui_key *keys;	/* the tab's own keys, actions of its own */
	size_t nkeys;
	unsigned watch;			/* the kinds of change that make it stale (WATCH_...) */
	void *(*new)(void);
	/* Re-read what the tab shows. */
	enum status (*load)(struct app *a, struct tab *t);
	void (*draw)(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols);
	void (*act)(struct app *a, struct tab *t, int action);
	/* The rows, for the moves and the '/' search: how many, and a row's fields (NULL past the last). */
	size_t (*row_count)(struct tab *t);
	const char *(*row_text)(struct tab *t, size_t row, int field);
	/* A tab that holds only the rows it shows searches them itself (screen_ops.find), or NULL. */
	enum status (*find)(struct app *a, struct tab *t, const char *needle, enum list_from from);
	/* Called once a second while the tab shows, or NULL: true when it must be redrawn (clocks). */
	bool (*tick)(struct app *a, struct tab *t);
	void (*free)(void *state);
};

struct tab {
	const struct tab_ops *ops;
	void *state;
	struct tui_list list;
};

/* A CSV import, as import_teams() and its kin. */
typedef enum status (*tab_import_fn)(struct store *st, const char *path, const struct csv_table *t,
				     size_t *count);

/* A tab's CSV import: the prompt's label (N_()) and the import. */
struct tab_import {
	const char *label;
	tab_import_fn import;
};

/* Ask for a CSV file's path, read it, and import it through the save queue. */
void organizer_import(struct app *a, const struct tab_import *imp);

/* The selected row, or (size_t)-1 when the tab has none. */
size_t tab_selected(struct tab *t);

/* A cell's look: the cursor's on the selected row, else role. */
enum theme_role tab_look(bool cur, enum theme_role role);

extern const struct tab_ops tab_teams_ops, tab_tracks_ops, tab_judges_ops, tab_coaches_ops, tab_rooms_ops;
extern const struct tab_ops tab_rubric_ops, tab_timeline_ops, tab_schedule_ops, tab_sheets_ops;
extern const struct tab_ops tab_progress_ops, tab_results_ops;

#endif
