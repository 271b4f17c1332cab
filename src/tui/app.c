#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"
#include "podium/timeline.h"
#include "tui/saves.h"
#include "tui/script.h"
#include "tui/tui.h"

extern char *theme_warning;

#define TICK_MS 1000
#define WAIT_MS 1000		/* how often an idle console looks at the file without a watch's wake */
#define NOTICE_MS 4000
#define KEEP_AFTER_MS 3000	/* a change waiting longer goes to the journal too */
#define LAST_TRY_MS 1000	/* killed: how long to try saving before keeping the rest */
#define QUIT_TRY_MS 5000	/* quitting: the same */
#define IDLE_MAX_MS 10000	/* a script's :wait-idle waits no longer for a busy file */

int64_t tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- status line ---- */

static void set_status(struct app *a, bool error, const char *fmt, va_list ap)
{
	vsnprintf(a->status, sizeof(a->status), fmt, ap);
	a->status_is_error = error;
	a->status_until = tui_now_ms() + (error ? 2 * NOTICE_MS : NOTICE_MS);
	a->dirty = true;
}

void app_notice(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(a, false, fmt, ap);
	va_end(ap);
}

void app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(a, true, fmt, ap);
	va_end(ap);
}

void app_status(struct app *a, enum status s)
{
	if (s == ST_OK)
		return;
	if (s == ST_BUSY)
		app_notice(a, "%s", _("The event file is busy; your change is kept and will be saved in a moment"));
	else
		app_error(a, "%s", status_message(s));
}

/* ---- prompts ---- */

static void prompt_close(struct app *a)
{
	free(a->prompt.label);
	edit_clear(&a->prompt.edit);
	memset(&a->prompt, 0, sizeof(a->prompt));
	a->dirty = true;
}

static void prompt_open(struct app *a, const char *label, const char *initial, void *state)
{
	prompt_close(a);
	a->prompt.open = true;
	a->prompt.label = pd_strdup(label);
	edit_start(&a->prompt.edit, initial);
	a->prompt.state = state;
}

void app_prompt(struct app *a, const char *label, const char *initial, bool secret, prompt_done_fn done,
		void *state)
{
	prompt_open(a, label, initial, state);
	a->prompt.secret = secret;
	a->prompt.done = done;
}

void app_confirm(struct app *a, const char *question, confirm_fn yes, void *state)
{
	prompt_open(a, question, NULL, state);
	a->prompt.confirm = true;
	a->prompt.yes = yes;
}

static void prompt_key(struct app *a, wint_t c, bool fn)
{
	if (a->prompt.confirm) {
		confirm_fn yes = a->prompt.yes;
		void *state = a->prompt.state;

		prompt_close(a);
		if (!fn && (c == 'y' || c == 'Y'))
			yes(a, state);
		return;
	}
	if (!fn && c == TUI_ESC) {
		prompt_close(a);
		app_notice(a, "Cancelled");
		return;
	}
	if ((!fn && (c == '\n' || c == '\r')) || (fn && c == KEY_ENTER)) {
		char *text = edit_text(&a->prompt.edit);
		prompt_done_fn done = a->prompt.done;
		void *state = a->prompt.state;

		prompt_close(a);
		done(a, state, text);
		free(text);
		return;
	}
	edit_key(&a->prompt.edit, c, fn);
	a->dirty = true;
}

/* ---- search ---- */

/* Search the list for a->search from the selection: the screen's own find, or every row's text. */
static void search_list(struct app *a, enum list_from from)
{
	const struct screen_ops *ops = a->screen.ops;
	void *state = a->screen.state;
	enum status s = ops->find ? ops->find(a, state, a->search, from)
		      : list_find(ops->cursor(state), ops->row_count(state), ops->row_text, state, a->search, from)
		      ? ST_OK : ST_NOT_FOUND;

	if (s == ST_NOT_FOUND)
		app_error(a, _("Nothing matches '%s'"), a->search);
	else
		app_status(a, s);
}

/* A new search starts at the selection; an empty one repeats the last, as in less. */
static void search_done(struct app *a, void *state, const char *text)
{
	(void)state;
	if (!a->screen.ops->row_count)
		return;
	if (!text[0]) {
		if (a->search)
			search_list(a, LIST_FROM_AFTER);
		return;
	}
	free(a->search);
	a->search = pd_strdup(text);
	search_list(a, LIST_FROM_HERE);
}

/* n and N: the last search again, down or up. */
static void search_again(struct app *a, enum list_from from)
{
	if (!a->search)
		app_error(a, "%s", _("No search yet: / searches the list"));
	else
		search_list(a, from);
}

/* ---- screens ---- */

/* The keys of the screen as it is now: one table for the dispatch, the hints and the help. */
static const struct tui_key *screen_keys(struct app *a, size_t *n)
{
	const struct screen_ops *ops = a->screen.ops;

	if (ops->keys_now)
		return ops->keys_now(a->screen.state, n);
	*n = ops->nkeys;
	return ops->keys;
}

/* True when the screen's own keys take key. */
static bool screen_binds(struct app *a, int key)
{
	size_t n;
	const struct tui_key *keys = screen_keys(a, &n);

	for (size_t i = 0; i < n; i++)
		if (keys[i].key == key || (keys[i].alt && keys[i].alt == key))
			return true;
	return false;
}

void app_switch(struct app *a, const struct screen_ops *ops, void *state)
{
	if (a->screen.ops && a->screen.ops->free && a->screen.state != state)
		a->screen.ops->free(a->screen.state);
	a->screen.ops = ops;
	a->screen.state = state;
	app_reload(a);
	a->dirty = true;
}

void app_reload(struct app *a)
{
	a->stale = true;
	a->changed = WATCH_ALL;
}

bool app_changed(const struct app *a, unsigned kinds)
{
	return (a->changed & kinds) != 0;
}

/* ---- drawing ---- */

/* "Build · next: Lunch in 01:12": where the event stands, for every console's title. */
static char *phase_text(struct app *a)
{
	int64_t now = clock_local_now();
	long cur = -1, next = -1;
	char span[32];

	if (!a->timeline || a->screen.ops->shows_phase)
		return NULL;
	timeline_at(a->timeline, now, &cur, &next);
	if (next >= 0) {
		int64_t left = (a->timeline->items[next].starts_at - now + 59) / 60;

		if (left >= 24 * 60)
			snprintf(span, sizeof(span), _("%lld d %02lld:%02lld"), (long long)(left / 1440),
				 (long long)(left % 1440 / 60), (long long)(left % 60));
		else
			snprintf(span, sizeof(span), "%02lld:%02lld", (long long)(left / 60), (long long)(left % 60));
		if (cur >= 0)
			return pd_asprintf(_("%s · next: %s in %s "), a->timeline->items[cur].name,
					   a->timeline->items[next].name, span);
		return pd_asprintf(_("next: %s in %s "), a->timeline->items[next].name, span);
	}
	return cur >= 0 ? pd_asprintf("%s ", a->timeline->items[cur].name) : NULL;
}

static void draw_title(struct app *a, int cols)
{
	const char *title = a->screen.ops->title ? a->screen.ops->title(a, a->screen.state) : "podium";
	char *phase = phase_text(a);
	int title_w = text_width(title), phase_w = phase ? text_width(phase) : 0;

	draw_text(stdscr, 0, 0, ROLE_LOOK_TITLE, title, cols);
	/* the phase takes the room the title leaves, never the title's */
	if (phase && cols - title_w - 2 > 12) {
		int w = phase_w < cols - title_w - 2 ? phase_w : cols - title_w - 2;

		draw_text_right(stdscr, 0, cols - w, ROLE_LOOK_TITLE, phase, w);
	}
	free(phase);
	a->title_minute = clock_local_now() / 60;
}

static void draw_prompt(struct app *a, int y, int cols)
{
	int label_w = text_width(a->prompt.label) + 1;
	int cursor_col;

	draw_fill(stdscr, y, 0, ROLE_LOOK_STATUS, cols);
	draw_text(stdscr, y, 0, ROLE_LOOK_STATUS, a->prompt.label, label_w);
	cursor_col = edit_draw(&a->prompt.edit, stdscr, y, label_w, cols - label_w - 1, ROLE_LOOK_STATUS,
			       a->prompt.secret);
	if (!a->prompt.confirm && cursor_col < cols) {
		move(y, cursor_col);
		curs_set(1);
	}
}

/* True when label ("j/k", "h/l") names the key label token ("k") among its '/'-separated keys. */
static bool label_names(const char *label, const char *token)
{
	size_t n = strlen(token);

	for (const char *p = label; *p;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (len == n && strncmp(p, token, n) == 0)
			return true;
		if (!slash)
			break;
		p = slash + 1;
	}
	return false;
}

/* True when an entry before keys[i] already lists its key: the help names each key once. */
static bool listed_before(const struct tui_key *keys, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (keys[k].key == keys[i].key || label_names(keys[k].label, keys[i].label) ||
		    (strcmp(keys[i].label, "/") != 0 && strcmp(keys[k].label, keys[i].label) == 0))
			return true;
	return false;
}

static void draw_help(struct app *a, int rows, int cols)
{
	static const struct tui_key global[] = {
		{ 0, 'j', 0, "j/k ↓/↑", N_("move in the list"), true },
		{ 0, 'g', 0, "g/G", N_("first and last row (also Home, End; PgUp, PgDn by pages)"), true },
		{ 0, '/', 0, "/", N_("search the list, case and accents aside"), true },
		{ 0, 'n', 'N', "n/N", N_("the next or the previous match of the search"), true },
		{ 0, '?', 0, "?", N_("show or hide this help"), true },
		{ 0, TUI_CTRL('l'), 0, "Ctrl-L", N_("redraw the screen"), true },
		{ 0, 'q', TUI_CTRL('c'), "q/Ctrl-C", N_("quit"), true },
	};
	const struct screen_ops *ops = a->screen.ops;
	int y = 1, skip = a->help_scroll;
	size_t nkeys;
	const struct tui_key *keys = screen_keys(a, &nkeys);
	char title[128];

	snprintf(title, sizeof(title), _("Keys of the %s screen (Esc or ? closes)"), _(ops->name));
	for (int r = 1; r < rows - 1; r++)
		draw_fill(stdscr, r, 0, ROLE_LOOK_DEFAULT, cols);
	draw_text(stdscr, y++, 2, ROLE_LOOK_HEADER, title, cols - 4);
	y++;
	for (size_t i = 0; i < nkeys + PD_ARRAY_LEN(global) && y < rows - 2; i++) {
		const struct tui_key *k = i < nkeys ? &keys[i] : &global[i - nkeys];

		if (i >= nkeys && (k->key == '/' || k->key == 'n' || k->key == 'j' || k->key == 'g') && !ops->row_count)
			continue;	/* no list on this screen */
		if (i >= nkeys && k->key == 'n' && screen_binds(a, 'n'))
			continue;	/* the screen's own n */
		if (i < nkeys ? listed_before(keys, i) : screen_binds(a, k->key))
			continue;	/* each key once */
		if (skip > 0) {
			skip--;
			continue;
		}
		draw_text(stdscr, y, 2, ROLE_LOOK_KEY, k->label, 12);
		draw_text(stdscr, y, 15, ROLE_LOOK_DEFAULT, _(k->help), cols - 17);
		y++;
	}
}

static void draw_all(struct app *a)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	curs_set(0);
	/* the theme's own background fills every cell (a projector's black room), not the terminal's */
	bkgdset((chtype)' ' | theme_attr(ROLE_LOOK_DEFAULT));
	erase();
	if (rows < 5 || cols < 20) {
		draw_text(stdscr, 0, 0, ROLE_LOOK_STATUS_ERROR, _("enlarge the terminal to use podium"), cols);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_title(a, cols);
	if (a->help)
		draw_help(a, rows, cols);
	else
		a->screen.ops->draw(a, a->screen.state, stdscr, 1, rows - 3, cols);
	{
		size_t nkeys;
		const struct tui_key *keys = screen_keys(a, &nkeys);

		draw_hints(stdscr, rows - 2, keys, nkeys,
			   a->screen.ops->row_count && a->screen.ops->row_count(a->screen.state) > 0, cols);
	}
	if (a->prompt.open) {
		draw_prompt(a, rows - 1, cols);
	} else if (a->status[0]) {
		draw_text(stdscr, rows - 1, 0, a->status_is_error ? ROLE_LOOK_STATUS_ERROR : ROLE_LOOK_NOTICE,
			  a->status, cols);
	} else {
		draw_fill(stdscr, rows - 1, 0, ROLE_LOOK_STATUS, cols);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys ---- */

/* The moves every list shares; true when key was one. */
static bool move_key(struct app *a, int key)
{
	const struct screen_ops *ops = a->screen.ops;
	size_t n = ops->row_count ? ops->row_count(a->screen.state) : 0;

	return n > 0 && list_move(ops->cursor(a->screen.state), n, key, (size_t)(LINES > 8 ? LINES - 6 : 2));
}

static void screen_key(struct app *a, int key)
{
	const struct screen_ops *ops = a->screen.ops;
	size_t n;
	const struct tui_key *keys = screen_keys(a, &n);

	for (size_t i = 0; i < n; i++) {
		if (keys[i].key == key || (keys[i].alt && keys[i].alt == key)) {
			ops->act(a, a->screen.state, keys[i].action, key);
			return;
		}
	}
	if (!move_key(a, key))
		ops->act(a, a->screen.state, -1, key);
}

static void handle_key(struct app *a, wint_t c, bool fn)
{
	int key;

	if (!fn && c == '\r')
		c = '\n';	/* nonl(): Enter arrives as CR */
	key = fn ? TUI_FN((int)c) : (int)c;

	a->dirty = true;
	if (fn && c == KEY_RESIZE) {
		clearok(curscr, TRUE);
		return;
	}
	if (!fn && c == TUI_CTRL('c')) {
		a->quit = true;	/* as q, from anywhere: what is pending is saved or kept */
		return;
	}
	if (a->prompt.open) {
		prompt_key(a, c, fn);
		return;
	}
	if (a->status[0] && !a->pending)
		a->status[0] = '\0';
	if (a->help) {
		if (key == '?' || key == TUI_ESC || key == 'q')
			a->help = false;
		else if (key == 'j' || key == TUI_FN(KEY_DOWN))
			a->help_scroll++;
		else if ((key == 'k' || key == TUI_FN(KEY_UP)) && a->help_scroll > 0)
			a->help_scroll--;
		return;
	}
	if (key == '?') {
		a->help = true;
		a->help_scroll = 0;
	} else if (key == TUI_CTRL('l')) {
		clearok(curscr, TRUE);
		app_reload(a);
	} else if (key == 'q') {
		a->quit = true;
	} else if (key == '/' && a->screen.ops->row_count) {
		app_prompt(a, _("Search:"), NULL, false, search_done, NULL);
	} else if ((key == 'n' || key == 'N') && a->screen.ops->row_count && !screen_binds(a, key)) {
		search_again(a, key == 'n' ? LIST_FROM_AFTER : LIST_FROM_BEFORE);
	} else {
		screen_key(a, key);
	}
}

/* Read every key waiting; an Esc followed at once by a key is Alt+key, taken as the key. */
static void read_keys(struct app *a)
{
	wint_t c;
	int r;

	while ((r = get_wch(&c)) != ERR)
		handle_key(a, c, r == KEY_CODE_YES);
}

/* ---- the loop ---- */

/*
 * True (and the screen stale) when another process committed since we last
 * looked; its audit rows say what kind of change it was, and a change no row
 * explains counts as every kind.
 */
static bool check_file(struct app *a)
{
	int64_t v = store_data_version(a->st);
	unsigned kinds;

	if (v == a->data_version)
		return false;
	a->data_version = v;
	if (stale_since(a->st, &a->audit_seq, &kinds) != ST_OK || kinds == 0)
		kinds = WATCH_ALL;
	a->changed |= kinds;
	a->stale = true;
	a->recheck_at = 0;
	return true;
}

#define RECHECK_FIRST_MS 2
#define RECHECK_LAST_MS 512	/* the looks stop after about a second */

/*
 * The watch woke us: the -wal was written. The commit becomes visible just
 * after its frames are written and synced, so look again a few times at once
 * and then, for a commit whose fsync is slow, at doubling waits from the loop.
 */
static void check_file_after_wake(struct app *a)
{
	struct timespec ms = { 0, 1000000 };

	for (int i = 0; i < 5; i++) {
		if (check_file(a))
			return;
		nanosleep(&ms, NULL);
	}
	a->recheck_ms = RECHECK_FIRST_MS;
	a->recheck_at = tui_now_ms() + a->recheck_ms;
}

static void recheck_file(struct app *a, int64_t now)
{
	if (!a->recheck_at || now < a->recheck_at || check_file(a))
		return;
	a->recheck_ms *= 2;
	a->recheck_at = a->recheck_ms > RECHECK_LAST_MS ? 0 : now + a->recheck_ms;
}

/* The title's timeline: read again only when the phases (or everything) changed. */
static void load_title(struct app *a)
{
	if (a->timeline && !app_changed(a, WATCH_TIMELINE))
		return;
	if (!a->timeline)
		a->timeline = pd_calloc(1, sizeof(*a->timeline));
	timeline_clear(a->timeline);
	if (timeline_load(a->st, a->timeline) != ST_OK)
		timeline_clear(a->timeline);	/* the title goes without it */
}

static void load_screen(struct app *a)
{
	const struct screen_ops *ops = a->screen.ops;
	enum status s = ST_OK;

	load_title(a);
	if (ops->load && (!ops->watch || app_changed(a, ops->watch)))
		s = ops->load(a, a->screen.state);
	if (s == ST_BUSY) {
		app_notice(a, "%s", _("The event file is busy; showing what was last read"));
		return;	/* stays stale: tried again on the next wake */
	}
	if (s != ST_OK)
		app_status(a, s);
	a->stale = false;
	a->changed = 0;
	a->dirty = true;
}

static volatile sig_atomic_t got_signal;

static void note_signal(int sig)
{
	got_signal = sig;
}

/* SIGHUP (the ssh link dropped), SIGTERM, SIGINT: end the loop, save or keep what is pending. */
static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = note_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: poll() returns EINTR */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* a file size limit is a full disk to the console, not a reason to die */
	signal(SIGXFSZ, SIG_IGN);
}


/*
 * A resize that came before curses caught SIGWINCH (a window resized as the
 * console starts) is otherwise never seen: once a second, compare the screen
 * with the terminal's size.
 */
static void catch_missed_resize(struct app *a)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
		return;
	if (ws.ws_row != LINES || ws.ws_col != COLS) {
		resizeterm(ws.ws_row, ws.ws_col);
		handle_key(a, KEY_RESIZE, true);
	}
}

static void run_loop(struct app *a)
{
	int64_t next_tick = tui_now_ms() + TICK_MS;

	int watch = store_watch_fd(a->st);

	while (!a->quit && !got_signal) {
		struct pollfd pfd[2] = { { STDIN_FILENO, POLLIN, 0 }, { watch, POLLIN, 0 } };
		int64_t now;
		int timeout, n;

		if (a->stale)
			load_screen(a);
		if (a->status[0] && a->status_until && tui_now_ms() > a->status_until && !a->prompt.open) {
			a->status[0] = '\0';
			a->dirty = true;
		}
		if (a->dirty) {
			draw_all(a);
			a->dirty = false;
			/* for make bench: time from start to the first full frame */
			if (getenv("PODIUM_BENCH_FIRST_FRAME") && !a->stale)
				break;
		}
		now = tui_now_ms();
		timeout = WAIT_MS;
		if (next_tick - now < timeout)
			timeout = (int)(next_tick - now);
		if (a->pending && a->retry_at - now < timeout)
			timeout = (int)(a->retry_at - now);
		if (a->recheck_at && a->recheck_at - now < timeout)
			timeout = (int)(a->recheck_at - now);
		if (timeout < 0)
			timeout = 0;
		n = poll(pfd, watch >= 0 ? 2 : 1, timeout);
		if (got_signal)
			break;
		if (n > 0 && (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) && !(pfd[0].revents & POLLIN)) {
			a->quit = true;	/* the terminal went away */
			break;
		}
		/* a resize interrupts poll(): curses reports it as KEY_RESIZE from get_wch() */
		if ((n > 0 && (pfd[0].revents & POLLIN)) || (n < 0 && errno == EINTR))
			read_keys(a);
		now = tui_now_ms();
		if (a->pending && now >= a->retry_at)
			saves_flush(a);
		if (a->pending && !a->kept_in_journal && now - a->pending_since >= KEEP_AFTER_MS)
			saves_keep(a);
		if (n > 0 && watch >= 0 && (pfd[1].revents & POLLIN) && store_watch_drain(a->st))
			check_file_after_wake(a);
		else if (!check_file(a))
			recheck_file(a, now);
		if (now >= next_tick) {
			next_tick = now + TICK_MS;
			catch_missed_resize(a);
			if (a->screen.ops->tick && a->screen.ops->tick(a, a->screen.state))
				a->dirty = true;
			if (clock_local_now() / 60 != a->title_minute)
				a->dirty = true;	/* the title's countdown */
		}
	}
}

static void end_curses(void)
{
	if (!isendwin())
		endwin();
}

/* Curses needs a UTF-8 locale to show names in every script. */
static void ensure_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	if (!cs || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

static void start_curses(void)
{
	ensure_utf8_locale();
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	initscr();
	pd_die_hook = end_curses;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	theme_start();
}

/* ---- a script instead of the keyboard (--script) ---- */

static FILE *script_in, *script_out;

/* Curses on /dev/null, of the script's size: the screen lives in memory only. */
static bool start_curses_scripted(void)
{
	ensure_utf8_locale();
	script_in = fopen("/dev/null", "r");
	script_out = fopen("/dev/null", "w");
	if (!script_in || !script_out || (!newterm("xterm-256color", script_out, script_in) &&
					  !newterm("vt100", script_out, script_in))) {
		if (script_in)
			fclose(script_in);
		if (script_out)
			fclose(script_out);
		script_in = script_out = NULL;
		return false;
	}
	pd_die_hook = end_curses;
	resizeterm(SCRIPT_ROWS, SCRIPT_COLS);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	theme_start();
	return true;
}

static void end_curses_scripted(void)
{
	end_curses();
	if (script_in)
		fclose(script_in);
	if (script_out)
		fclose(script_out);
	script_in = script_out = NULL;
}

/* What the loop does between keys, without waiting: load what is stale, draw what changed. */
static void settle(struct app *a)
{
	if (a->stale)
		load_screen(a);
	if (a->dirty) {
		draw_all(a);
		a->dirty = false;
	}
}

/* :wait-idle: save what is pending (a busy file: up to IDLE_MAX_MS), see others' changes, tick, draw. */
static void wait_idle(struct app *a)
{
	int64_t deadline = tui_now_ms() + IDLE_MAX_MS;

	for (;;) {
		int64_t now = tui_now_ms();

		if (a->pending && now >= a->retry_at)
			saves_flush(a);
		check_file(a);
		settle(a);
		if (!a->pending || now >= deadline || got_signal)
			break;
		{
			int64_t wait = a->retry_at - tui_now_ms();
			struct timespec pause = { 0, (wait > 50 ? 50 : wait < 1 ? 1 : wait) * 1000000L };

			nanosleep(&pause, NULL);
		}
	}
	if (a->screen.ops->tick && a->screen.ops->tick(a, a->screen.state))
		a->dirty = true;
	settle(a);
}

static void run_script(struct app *a)
{
	const struct script *sc = a->script;

	settle(a);
	for (size_t i = 0; i < sc->count && !a->quit && !got_signal; i++) {
		const struct script_step *step = &sc->steps[i];

		switch (step->kind) {
		case STEP_KEY:
			handle_key(a, step->key, step->fn);
			break;
		case STEP_RESIZE:
			resizeterm(step->rows, step->cols);
			handle_key(a, KEY_RESIZE, true);
			break;
		case STEP_WAIT_IDLE:
			wait_idle(a);
			break;
		case STEP_DUMP:
			settle(a);
			script_dump(stdscr, stdout);
			break;
		}
		if (a->pending && tui_now_ms() >= a->retry_at)
			saves_flush(a);
		settle(a);
	}
}

/*
 * The console ends: try the pending changes for up to ms, then keep the rest
 * in the journal for the next start, and say so once the terminal is back.
 */
static void save_or_keep(struct app *a, int ms)
{
	int64_t deadline = tui_now_ms() + ms;
	size_t kept = 0, lost = 0;

	store_set_retry_ms(a->st, ms / 4);
	while (a->pending && tui_now_ms() < deadline) {
		struct timespec pause = { 0, 50 * 1000000L };

		if (saves_must_wait(saves_flush(a)))
			nanosleep(&pause, NULL);
	}
	if (a->pending)
		saves_keep(a);
	for (struct app_write *w = a->pending; w; w = w->next) {
		if (w->kept && a->kept_in_journal)
			kept++;
		else
			lost++;
	}
	end_curses();
	if (kept) {
		out_puts(stderr, "podium: ");
		out_printf(stderr, P_("%zu change could not be saved yet; it is kept and saved at the next start\n",
				   "%zu changes could not be saved yet; they are kept and saved at the next start\n", kept),
			kept);
	}
	if (lost) {
		out_puts(stderr, "podium: ");
		out_printf(stderr, P_("%zu change was lost: the event file stayed busy\n",
				   "%zu changes were lost: the event file stayed busy\n", lost), lost);
	}
	while (a->pending)
		saves_drop_first(a);
}

int tui_run(struct app *a);

int tui_run(struct app *a)
{
	if (!a->script && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		out_printf(stderr, "podium: %s\n", _("the console needs a terminal; use the commands (podium --help) from scripts"));
		return 1;
	}
	store_set_retry_ms(a->st, 200);
	store_set_small_cache(a->st);
	a->data_version = store_data_version(a->st);
	a->audit_seq = -1;
	stale_since(a->st, &a->audit_seq, &a->changed);
	app_reload(a);
	a->dirty = true;
	if (a->script) {
		if (!start_curses_scripted()) {
			out_printf(stderr, "podium: %s\n", _("the console could not start curses for the script"));
			return 1;
		}
	} else {
		start_curses();
	}
	if (theme_warning)
		app_error(a, "%s", theme_warning);
	catch_signals();
	if (a->script)
		run_script(a);
	else
		run_loop(a);
	save_or_keep(a, got_signal ? LAST_TRY_MS : QUIT_TRY_MS);
	if (a->script)
		end_curses_scripted();
	pd_die_hook = NULL;
	prompt_close(a);	/* a script may end with a prompt open */
	free(a->search);
	if (a->timeline)
		timeline_clear(a->timeline);
	free(a->timeline);
	return 0;
}
