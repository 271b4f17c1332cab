#ifndef PODIUM_TUI_H
#define PODIUM_TUI_H

/*
 * The console: one full-screen app per process, one screen per role. The app
 * loop (app.c) knows nothing of judges or leaderboards: it waits for keys and
 * for the event file to change, asks the screen to load what is stale and to
 * draw, and runs the prompts, confirmations and help that every screen shares.
 */

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "podium/access.h"
#include "podium/stale.h"
#include "podium/actor.h"
#include "podium/status.h"
#include "tui/edit.h"
#include "tui/list.h"
#include "tui/theme.h"

struct store;
struct app;
struct timeline;
struct script;

/* Keys: characters as themselves, curses function keys as negative numbers. */
#define TUI_FN(k) (-(k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 27
#define TUI_ENTER '\n'
#define TUI_NOKEY (-0x7fffffff)	/* a help entry that the screen handles itself (digits...) */

/* A key of a screen: what it does, for dispatch, the hint line and the '?' help. */
struct tui_key {
	int action;		/* the screen's own action number */
	int key, alt;		/* alt: another key for the same action, or 0 */
	const char *label;	/* "Enter", "j/k", "s" */
	const char *help;	/* "submit the sheet" */
	bool hint;		/* shown in the hint line */
};

struct screen_ops {
	const char *name;
	/* The kinds of change (WATCH_...) that make it stale; 0: every change. */
	unsigned watch;
	const struct tui_key *keys;
	size_t nkeys;
	/* Keys that change with the screen's state (the organizer's tabs): used instead of keys[]. */
	const struct tui_key *(*keys_now)(void *state, size_t *n);
	/* Re-read from the store; called when the file changed and after each action. */
	enum status (*load)(struct app *a, void *state);
	/* Draw into rows x cols of w, below the title line and above the status lines. */
	void (*draw)(struct app *a, void *state, WINDOW *w, int top, int rows, int cols);
	/* An action of keys[] or, with action -1, any other key (text entry). */
	void (*act)(struct app *a, void *state, int action, int key);
	/* The title line's text. */
	const char *(*title)(struct app *a, void *state);
	/*
	 * The list the screen shows, if any: how many rows, the text of a row's
	 * fields (NULL past its last field) and where the selection is. The app
	 * moves the selection (j/k, arrows, g/G, Home/End, PgUp/PgDn) and
	 * searches it ('/'). row_count NULL: no list.
	 */
	size_t (*row_count)(void *state);
	const char *(*row_text)(void *state, size_t row, int field);
	size_t *(*cursor)(void *state);
	/*
	 * The '/' search of a list that holds only the rows it shows, or NULL
	 * (row_text then searches every row): move the selection to the match,
	 * ST_NOT_FOUND when none.
	 */
	enum status (*find)(struct app *a, void *state, const char *needle, enum list_from from);
	/* Called once a second: true when the screen must be redrawn (clocks). */
	bool (*tick)(struct app *a, void *state);
	void (*free)(void *state);
	/* The screen shows the event's phase itself (the projector): no phase in the title. */
	bool shows_phase;
};

struct screen {
	const struct screen_ops *ops;
	void *state;
};

typedef void (*prompt_done_fn)(struct app *a, void *state, const char *text);
typedef void (*confirm_fn)(struct app *a, void *state);

/* A change to save: retried while the file is busy, so no input is lost. */
typedef enum status (*app_write_fn)(struct app *a, void *ctx);

struct journal_change;

struct app_write {
	app_write_fn fn;
	void *ctx;
	void (*free_ctx)(void *ctx);
	struct journal_change *kept;	/* how the journal replays it, or NULL */
	struct app_write *next;
};

struct app {
	struct store *st;
	struct actor who;
	struct identity me;		/* the login's roles, resolved at start */
	char *who_name;			/* the judge's or coach's name, or the unix user */
	struct screen screen;
	int64_t data_version;
	bool stale;			/* the screen must load */
	unsigned changed;		/* what changed since the screen last loaded (WATCH_...) */
	int64_t audit_seq;		/* the last audit row seen; -1 before the first look */
	int64_t recheck_at;		/* monotonic ms of the next look after a wake that found nothing; 0: none */
	int recheck_ms;			/* the wait before that look, doubling */
	bool quit;
	bool help;			/* the '?' overlay is open */
	char *search;			/* the last '/' search */
	struct timeline *timeline;	/* for the phase and next milestone in the title */
	int64_t title_minute;		/* the minute the title's countdown was drawn for */
	int help_scroll;
	char status[512];
	bool status_is_error;
	int64_t status_until;		/* monotonic ms; 0: until the next key */
	struct app_write *pending;	/* changes waiting for a busy file, oldest first */
	int64_t retry_at;		/* monotonic ms of the next try */
	int64_t pending_since;		/* monotonic ms the oldest pending change was made */
	bool kept_in_journal;		/* the pending changes are in the journal too */
	char event_id[ID_LEN + 1];	/* names the journal */
	bool dirty;			/* the screen must be drawn */
	const struct script *script;	/* --script: keys from a file, no terminal; else NULL */

	/* the one modal prompt or confirmation, if any */
	struct {
		bool open;
		bool secret;		/* echo as '*' (PINs) */
		bool confirm;		/* y/n only */
		char *label;
		struct line_edit edit;
		prompt_done_fn done;
		confirm_fn yes;
		void *state;
	} prompt;
};

/* Run the console; returns the exit status. argv: the 'tui' command and its options. */
int tui_main(const char *db_path, int argc, char **argv);

/* ---- for screens ---- */

void app_notice(struct app *a, const char *fmt, ...) PD_PRINTF(2, 3);
void app_error(struct app *a, const char *fmt, ...) PD_PRINTF(2, 3);
/* Show a status as a notice or error; ST_BUSY says the file is busy and will be retried. */
void app_status(struct app *a, enum status s);

/* Ask for a line of text; done() gets it on Enter (not on Esc). */
void app_prompt(struct app *a, const char *label, const char *initial, bool secret, prompt_done_fn done,
		void *state);
/* Ask y/n; yes() runs on 'y'. */
void app_confirm(struct app *a, const char *question, confirm_fn yes, void *state);

/*
 * Save a change: fn(a, ctx) runs now and, while it finds the file busy, again
 * every quarter second, in order with the changes before it; ctx is then freed
 * with free_ctx. Errors other than busy are shown in the status line.
 */
void app_write(struct app *a, app_write_fn fn, void *ctx, void (*free_ctx)(void *ctx));

/* Monotonic milliseconds, for the console's timers. */
int64_t tui_now_ms(void);

/*
 * The same for a change the journal can replay (kept is copied): when the
 * file stays busy a few seconds, or the console is closed or killed with it
 * pending, it is written to the journal and saved at the next start. Returns
 * what the first try found: ST_OK, ST_BUSY (also when queued behind others),
 * ST_FULL (kept: the caller should not move on), or another error.
 */
enum status app_write_kept(struct app *a, app_write_fn fn, void *ctx, void (*free_ctx)(void *ctx),
			   const struct journal_change *kept);

/* Replace the screen; the old state is freed unless the new screen shares it. */
void app_switch(struct app *a, const struct screen_ops *ops, void *state);

/* Mark the screen stale so it loads everything before the next draw. */
void app_reload(struct app *a);

/* True when a change of one of the kinds (WATCH_...) is what the screen's load is for. */
bool app_changed(const struct app *a, unsigned kinds);

/* ---- drawing (draw.c) ---- */

/* Draw text at y,x in role's look, sanitised, fitted and padded to exactly cols columns. */
void draw_text(WINDOW *w, int y, int x, enum theme_role role, const char *text, int cols);
/* Same, right-aligned. */
void draw_text_right(WINDOW *w, int y, int x, enum theme_role role, const char *text, int cols);
/* Fill cols columns with spaces in role's look. */
void draw_fill(WINDOW *w, int y, int x, enum theme_role role, int cols);
/* A horizontal bar of value in [0, 1] over cols columns (eighths of a cell). */
void draw_bar(WINDOW *w, int y, int x, enum theme_role role, double value, int cols);
/*
 * Large digits (5 rows high) for a clock "MM:SS", a score "-0.512" or a rank
 * (digits, + - : . ?); returns the columns used, 0 when they would not fit in
 * maxcols (nothing drawn).
 */
int draw_big(WINDOW *w, int y, int x, enum theme_role role, const char *text, int maxcols);
int draw_big_width(const char *text);
/* Hints for keys: "Enter open  s submit  j/k move  / search  ? help", as many as fit (list: the screen has rows). */
void draw_hints(WINDOW *w, int y, const struct tui_key *keys, size_t n, bool list, int cols);
/* Keep the row sel in view of a list of rows lines starting at *top; returns *top. */
size_t draw_scroll(size_t sel, size_t *top, int rows);

/* ---- themes on the terminal (theme.c) ---- */

/* Load the theme name (NULL: the config file's choice, else "default"); warnings go to stderr before curses starts. */
void theme_load(const char *name);
/* Start colours (after initscr) and set up every role's look. */
void theme_start(void);
/* The curses attributes of role. */
attr_t theme_attr(enum theme_role role);

/* ---- screens ---- */

extern const struct screen_ops screen_judge_ops;
extern const struct screen_ops screen_display_ops;
extern const struct screen_ops screen_organizer_ops;
extern const struct screen_ops screen_pick_ops;
extern const struct screen_ops screen_timer_ops;
extern const struct screen_ops screen_coach_ops;

/* The state of each screen, made for the app's actor. */
void *screen_judge_new(struct app *a);
/* The projector, in large type from the start when large is true. */
void *screen_display_new(struct app *a, bool large);
void *screen_organizer_new(struct app *a);
/* A picker of who you are (judges), then the judge screen. */
void *screen_pick_new(struct app *a);
/* How many screens the picker would offer this login (the display included). */
size_t screen_pick_choices(struct app *a);
/* The timekeeper of the room named room (name or UUID), or a picker of rooms when NULL. */
void *screen_timer_new(struct app *a, const char *room);
/* The coach named coach (name or UUID), or a picker of coaches when NULL. */
void *screen_coach_new(struct app *a, const char *coach);

#endif
