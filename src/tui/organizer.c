#include "config.h"

#include "tui/organizer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/results.h"
#include "podium/store.h"
#include "podium/text.h"

/*
 * The organizer's frame: the tab bar, the tab switches (Tab, S-Tab, 1-9 0)
 * and the keys of the whole event: lock, freeze and the ceremony reveal, each
 * asked first. Everything else belongs to the tab shown.
 */
static const struct tab_ops *const all_tabs[] = {
	&tab_teams_ops, &tab_tracks_ops, &tab_judges_ops, &tab_coaches_ops, &tab_rooms_ops, &tab_rubric_ops,
	&tab_timeline_ops, &tab_schedule_ops, &tab_sheets_ops, &tab_progress_ops, &tab_results_ops,
};

#define NTABS PD_ARRAY_LEN(all_tabs)
#define MAX_KEYS 32

/* The frame's actions, numbered apart from the tabs' own. */
enum {
	ACT_NEXT_TAB = 1000, ACT_PREV_TAB, ACT_TAB_KEYS, ACT_LOCK, ACT_FREEZE, ACT_REVEAL, ACT_REVEAL_RESET,
};

static const struct tui_key head_keys[] = {
	{ ACT_NEXT_TAB, '\t', TUI_FN(KEY_RIGHT), "Tab", N_("next tab"), true },
	{ ACT_PREV_TAB, TUI_FN(KEY_BTAB), TUI_FN(KEY_LEFT), "S-Tab", N_("previous tab"), false },
	{ ACT_TAB_KEYS, TUI_NOKEY, 0, "1-9 0", N_("go to a tab"), false },
};

static const struct tui_key tail_keys[] = {
	{ ACT_LOCK, 'L', 0, "L", N_("lock/unlock results"), true },
	{ ACT_FREEZE, 'F', 0, "F", N_("freeze board"), true },
	{ ACT_REVEAL, 'R', 0, "R", N_("reveal next"), true },
	{ ACT_REVEAL_RESET, 'U', 0, "U", N_("end the reveal"), false },
};

struct organizer {
	struct event event;
	struct tab tabs[NTABS];
	size_t cur;
	struct tui_key keys[MAX_KEYS];	/* the frame's and the current tab's, in the order of the help */
	size_t nkeys;
	char title[256];
};

static struct tab *current(struct organizer *o)
{
	return &o->tabs[o->cur];
}

static void add_keys(struct organizer *o, const struct tui_key *keys, size_t n)
{
	for (size_t i = 0; i < n && o->nkeys < MAX_KEYS; i++)
		o->keys[o->nkeys++] = keys[i];
}

static void show_tab(struct app *a, struct organizer *o, size_t t)
{
	const struct tab_ops *ops = all_tabs[t];

	o->cur = t;
	o->nkeys = 0;
	add_keys(o, head_keys, PD_ARRAY_LEN(head_keys));
	add_keys(o, ops->keys, ops->nkeys);
	add_keys(o, tail_keys, PD_ARRAY_LEN(tail_keys));
	if (a)
		app_reload(a);
}

size_t tab_selected(struct tab *t)
{
	size_t n = t->ops->row_count ? t->ops->row_count(t) : 0;

	return t->list.sel < n ? t->list.sel : (size_t)-1;
}

enum theme_role tab_look(bool cur, enum theme_role role)
{
	return cur ? ROLE_LOOK_CURSOR : role;
}

/* ---- loading and drawing ---- */

static enum status organizer_load(struct app *a, void *state)
{
	struct organizer *o = state;
	struct tab *t = current(o);
	enum status s;

	if (app_changed(a, WATCH_EVENT)) {
		event_clear(&o->event);
		if ((s = event_get(a->st, &o->event)) != ST_OK)
			return s;
	}
	if (app_changed(a, t->ops->watch) && (s = t->ops->load(a, t)) != ST_OK)
		return s;
	list_clamp(&t->list, t->ops->row_count ? t->ops->row_count(t) : 0);
	return ST_OK;
}

static const char *organizer_title(struct app *a, void *state)
{
	struct organizer *o = state;

	snprintf(o->title, sizeof(o->title), _(" podium · %s · organizer %s%s%s%s"), o->event.name ? o->event.name : "",
		 a->who_name, o->event.results_locked ? _(" · results LOCKED") : "",
		 o->event.board_frozen ? _(" · board frozen") : "", o->event.reveal_step >= 0 ? _(" · reveal running") : "");
	return o->title;
}

static void draw_tabs(struct organizer *o, WINDOW *w, int y, int cols)
{
	char labels[NTABS][64];
	int widths[NTABS], full = 0, need = 0, x = 0;
	size_t first = 0;
	bool digits = true;

	for (size_t t = 0; t < NTABS; t++)
		full += text_width(_(all_tabs[t]->label)) + 4;
	if (full > cols)
		digits = false;	/* the digit keys still work */
	for (size_t t = 0; t < NTABS; t++) {
		if (digits && t < 10)	/* 1-9 and 0 reach the first ten */
			snprintf(labels[t], sizeof(labels[t]), " %zu %s ", (t + 1) % 10, _(all_tabs[t]->label));
		else
			snprintf(labels[t], sizeof(labels[t]), " %s ", _(all_tabs[t]->label));
		widths[t] = text_width(labels[t]);
	}
	/* scroll the bar so the active tab shows */
	for (size_t t = 0; t <= o->cur; t++)
		need += widths[t];
	while (need > cols && first < o->cur)
		need -= widths[first++];
	draw_fill(w, y, 0, ROLE_LOOK_TAB, cols);
	for (size_t t = first; t < NTABS && x + widths[t] <= cols; t++) {
		draw_text(w, y, x, t == o->cur ? ROLE_LOOK_TAB_ACTIVE : ROLE_LOOK_TAB, labels[t], widths[t]);
		x += widths[t];
	}
}

static void organizer_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct organizer *o = state;
	struct tab *t = current(o);

	draw_tabs(o, w, top, cols);
	t->ops->draw(a, t, w, top + 2, rows - 2, cols);
}

/* ---- the rows the app moves in and '/' searches ---- */

static size_t organizer_rows(void *state)
{
	struct tab *t = current(state);

	return t->ops->row_count ? t->ops->row_count(t) : 0;
}

static const char *organizer_text(void *state, size_t row, int field)
{
	struct tab *t = current(state);

	return t->ops->row_text ? t->ops->row_text(t, row, field) : NULL;
}

static enum status organizer_find(struct app *a, void *state, const char *needle, enum list_from from)
{
	struct tab *t = current(state);

	if (t->ops->find)
		return t->ops->find(a, t, needle, from);
	return list_find(&t->list.sel, organizer_rows(state), organizer_text, state, needle, from) ? ST_OK
												   : ST_NOT_FOUND;
}

static size_t *organizer_cursor(void *state)
{
	return &current(state)->list.sel;
}

static const struct tui_key *organizer_keys(void *state, size_t *n)
{
	struct organizer *o = state;

	*n = o->nkeys;
	return o->keys;
}

/* ---- CSV import, for the tabs that have one ---- */

struct import_ctx {
	tab_import_fn import;
	char *path;
	struct csv_table table;
};

static void free_import_ctx(void *ctx)
{
	struct import_ctx *c = ctx;

	csv_table_clear(&c->table);
	free(c->path);
	free(c);
}

static enum status import_write(struct app *a, void *ctx)
{
	struct import_ctx *c = ctx;
	size_t count = 0;
	enum status s = c->import(a->st, c->path, &c->table, &count);

	if (s == ST_OK)
		app_notice(a, _("Imported %zu records from %s"), count, c->path);
	return s;
}

/* The file is read when it is named; the records are written through the save queue. */
static void import_done(struct app *a, void *state, const char *path)
{
	struct import_ctx *c;
	enum status s;

	if (!path[0])
		return;
	c = pd_calloc(1, sizeof(*c));
	s = csv_read_file(path, &c->table);
	if (s != ST_OK) {
		free(c);
		app_status(a, s);
		return;
	}
	c->import = ((const struct tab_import *)state)->import;
	c->path = pd_strdup(path);
	app_write(a, import_write, c, free_import_ctx);
}

void organizer_import(struct app *a, const struct tab_import *imp)
{
	app_prompt(a, _(imp->label), NULL, false, import_done, (void *)imp);
}

/* ---- lock, freeze, reveal ---- */

/* The state wanted when the organizer said yes, so a retried write cannot toggle twice. */
struct flag_ctx {
	bool on;
};

static struct flag_ctx *new_flag_ctx(bool on)
{
	struct flag_ctx *f = pd_calloc(1, sizeof(*f));

	f->on = on;
	return f;
}

static enum status lock_write(struct app *a, void *ctx)
{
	const struct flag_ctx *f = ctx;
	struct results_summary sum;
	enum status s = event_set_locked(a->st, f->on);

	if (s != ST_OK)
		return s;
	if (!f->on) {
		app_notice(a, _("Results unlocked"));
	} else if (results_summary(a->st, &sum) == ST_OK) {
		app_notice(a, _("Results locked: %zu ranked, %zu pending, %zu ties, %zu panel sheets missing"), sum.ranked,
			   sum.pending, sum.nties, sum.missing_sheets);
		results_summary_clear(&sum);
	}
	return ST_OK;
}

static void lock_yes(struct app *a, void *state)
{
	struct organizer *o = state;

	app_write(a, lock_write, new_flag_ctx(!o->event.results_locked), free);
}

static enum status freeze_write(struct app *a, void *ctx)
{
	const struct flag_ctx *f = ctx;

	return board_freeze(a->st, f->on);
}

static void freeze_yes(struct app *a, void *state)
{
	struct organizer *o = state;

	app_write(a, freeze_write, new_flag_ctx(!o->event.board_frozen), free);
}

static enum status reveal_write(struct app *a, void *ctx)
{
	struct reveal_step r;
	enum status s = results_reveal(a->st, false, &r);

	(void)ctx;
	if (s == ST_OK && r.done)
		app_notice(a, _("Every team is revealed"));
	else if (s == ST_OK)
		app_notice(a, _("Revealed rank %d: %s (step %d of %zu)"), r.rank, r.team, r.step, r.ranked);
	reveal_step_clear(&r);
	return s;
}

static void reveal_yes(struct app *a, void *state)
{
	(void)state;
	app_write(a, reveal_write, NULL, NULL);
}

static enum status reveal_end_write(struct app *a, void *ctx)
{
	(void)ctx;
	return event_set_reveal(a->st, -1);
}

/* The ceremony's next step, as 'podium board reveal': asked first, naming who comes next. */
static void ask_reveal(struct app *a, struct organizer *o)
{
	struct reveal_step next;
	enum status s = results_reveal(a->st, true, &next);
	char *q;

	if (s != ST_OK) {
		app_status(a, s);
		return;
	}
	if (next.done) {
		app_notice(a, _("Every team is revealed; U ends the reveal"));
	} else {
		q = pd_asprintf(_("Reveal rank %d, %s, on every display? (y/n)"), next.rank, next.team);
		app_confirm(a, q, reveal_yes, o);
		free(q);
	}
	reveal_step_clear(&next);
}

/* ---- keys ---- */

static bool tab_has_key(const struct tab_ops *ops, int key)
{
	for (size_t i = 0; i < ops->nkeys; i++)
		if (ops->keys[i].key == key || (ops->keys[i].alt && ops->keys[i].alt == key))
			return true;
	return false;
}

/* A key of other tabs: say where it works rather than nothing. */
static void key_elsewhere(struct app *a, int key)
{
	char names[256] = "";
	size_t found = 0, len = 0;
	const char *one = NULL;

	for (size_t t = 0; t < NTABS && len < sizeof(names); t++) {
		if (!tab_has_key(all_tabs[t], key))
			continue;
		one = _(all_tabs[t]->label);
		len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s", found++ ? ", " : "", one);
	}
	if (found == 1)
		app_error(a, _("%c works on the %s tab"), key, one);
	else if (found > 1)
		app_error(a, _("%c works on the tabs %s"), key, names);
}

static void frame_act(struct app *a, struct organizer *o, int action)
{
	switch (action) {
	case ACT_NEXT_TAB:
		show_tab(a, o, (o->cur + 1) % NTABS);
		break;
	case ACT_PREV_TAB:
		show_tab(a, o, (o->cur + NTABS - 1) % NTABS);
		break;
	case ACT_LOCK:
		app_confirm(a, o->event.results_locked ? _("Unlock the results so judges can edit again? (y/n)")
						       : _("Lock the results? Sheets will change only by a correction. (y/n)"),
			    lock_yes, o);
		break;
	case ACT_FREEZE:
		app_confirm(a, o->event.board_frozen ? _("Let every display follow the scores again? (y/n)")
						     : _("Freeze the board on every display? (y/n)"),
			    freeze_yes, o);
		break;
	case ACT_REVEAL:
		ask_reveal(a, o);
		break;
	case ACT_REVEAL_RESET:
		app_write(a, reveal_end_write, NULL, NULL);
		break;
	}
}

static void organizer_act(struct app *a, void *state, int action, int key)
{
	struct organizer *o = state;

	if (action >= ACT_NEXT_TAB) {
		frame_act(a, o, action);
	} else if (action >= 0) {
		current(o)->ops->act(a, current(o), action);
	} else if (key >= '0' && key <= '9') {
		size_t t = key == '0' ? 9 : (size_t)(key - '1');

		if (t < NTABS)
			show_tab(a, o, t);
	} else if (key > ' ' && key < 0x7f) {
		key_elsewhere(a, key);
	}
}

/* ---- the screen ---- */

static void organizer_free(void *state)
{
	struct organizer *o = state;

	event_clear(&o->event);
	for (size_t t = 0; t < NTABS; t++)
		o->tabs[t].ops->free(o->tabs[t].state);
	free(o);
}

void *screen_organizer_new(struct app *a)
{
	struct organizer *o = pd_calloc(1, sizeof(*o));

	(void)a;
	for (size_t t = 0; t < NTABS; t++) {
		o->tabs[t].ops = all_tabs[t];
		o->tabs[t].state = all_tabs[t]->new();
	}
	show_tab(NULL, o, 0);
	return o;
}

static bool organizer_tick(struct app *a, void *state)
{
	struct tab *t = current(state);

	return t->ops->tick && t->ops->tick(a, t);
}

const struct screen_ops screen_organizer_ops = {
	.name = N_("organizer"),
	.keys_now = organizer_keys,
	.load = organizer_load,
	.draw = organizer_draw,
	.act = organizer_act,
	.row_count = organizer_rows,
	.row_text = organizer_text,
	.cursor = organizer_cursor,
	.find = organizer_find,
	.title = organizer_title,
	.tick = organizer_tick,
	.free = organizer_free,
};
