#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/record.h"
#include "podium/schedule.h"
#include "podium/store.h"
#include "podium/timeline.h"
#include "tui/tui.h"

/*
 * The timekeeper: one room's current pitch with a big countdown, the keys
 * that run it, the rest of the room with its projected times and how late it
 * runs, and who still owes a sheet for the pitch that just ended. The timer
 * lives in the file: another console or 'podium timer' moves it, and this
 * screen follows. Without a room (--as), a picker of rooms comes first.
 */
struct timer_screen {
	char room_id[ID_LEN + 1];	/* "" while picking */
	struct schedule sched;		/* the room's (or, picking, every room's) slots */
	struct timeline timeline;
	struct chase chase;
	char chase_team[ID_LEN + 1];	/* whose sheets the chase counts, "" for none */
	char *chase_name;
	struct tui_list rooms;		/* picker */
	int64_t minute;			/* of the last tick, to redraw the clocks */
	char title[320];
};

enum { ACT_START, ACT_PAUSE, ACT_NEXT, ACT_NOSHOW, ACT_CATCHUP, ACT_ROOMS, ACT_CHOOSE, ACT_EXTEND, ACT_UNDO, ACT_BACK };

static const struct tui_key timer_keys[] = {
	{ ACT_START, 's', 0, "s", N_("start"), true },
	{ ACT_PAUSE, ' ', 0, "Space", N_("pause/resume"), true },
	{ ACT_NEXT, 'n', 0, "n", N_("next team"), true },
	{ ACT_NOSHOW, 'x', 0, "x", N_("no-show"), true },
	{ ACT_CATCHUP, 'c', 0, "c", N_("catch up (shorter changeovers)"), true },
	{ ACT_EXTEND, '+', 0, "+", N_("a minute more"), false },
	{ ACT_UNDO, 'u', 0, "u", N_("undo next (the pitch runs again)"), false },
	{ ACT_BACK, 'b', 0, "b", N_("bring back a no-show (it pitches next)"), false },
	{ ACT_ROOMS, 'r', 0, "r", N_("another room"), false },
};

static const struct tui_key pick_keys[] = {
	{ ACT_CHOOSE, TUI_ENTER, 0, "Enter", N_("keep time in this room"), true },
};

static const struct screen_ops timer_pick_ops;

/* ---- loading ---- */

static void clear_chase(struct timer_screen *t)
{
	schedule_chase_clear(&t->chase);
	free(t->chase_name);
	t->chase_name = NULL;
	t->chase_team[0] = '\0';
}

static enum status pick_load(struct app *a, void *state)
{
	struct timer_screen *t = state;

	schedule_clear(&t->sched);
	return schedule_load(a->st, NULL, clock_local_now(), &t->sched);
}

static enum status timer_load(struct app *a, void *state)
{
	struct timer_screen *t = state;
	const struct schedule_room *r;
	enum status s;

	if (!t->room_id[0]) {
		app_switch(a, &timer_pick_ops, t);
		return pick_load(a, t);
	}
	schedule_clear(&t->sched);
	timeline_clear(&t->timeline);
	clear_chase(t);
	s = schedule_load(a->st, t->room_id, clock_local_now(), &t->sched);
	if (s == ST_OK && t->sched.nrooms == 0) {
		t->room_id[0] = '\0';
		app_error(a, _("That room is gone: choose another"));
		app_switch(a, &timer_pick_ops, t);
		return pick_load(a, t);
	}
	if (s == ST_OK)
		s = timeline_load(a->st, &t->timeline);
	if (s != ST_OK)
		return s;
	r = &t->sched.rooms[0];
	if (r->last_ended >= 0) {
		const struct slot *sl = &t->sched.slots[r->last_ended];

		s = schedule_chase(a->st, sl->team_id, &t->chase);
		if (s == ST_OK) {
			memcpy(t->chase_team, sl->team_id, sizeof(t->chase_team));
			t->chase_name = pd_strdup(sl->team);
		}
	}
	return s;
}

/* ---- drawing ---- */

/* The room; the phase and the next milestone's one countdown are the app's, as on every screen. */
static const char *timer_title(struct app *a, void *state)
{
	struct timer_screen *t = state;

	(void)a;
	snprintf(t->title, sizeof(t->title), _(" podium · timekeeper%s%s"),
		 t->room_id[0] && t->sched.nrooms ? " · " : "", t->room_id[0] && t->sched.nrooms ? t->sched.rooms[0].name : "");
	return t->title;
}

static void hhmm(int64_t t, char out[6])
{
	char full[17];

	clock_format(t, full);
	memcpy(out, full + 11, 5);
	out[5] = '\0';
}

/* "running 6 min late", _("on time") */
static void late_words(int64_t late_s, char *out, size_t n)
{
	int64_t minutes = schedule_late_minutes(late_s);

	if (minutes > 0)
		snprintf(out, n, _("running %lld min late"), (long long)minutes);
	else
		snprintf(out, n, _("on time"));
}

static void draw_countdown(struct timer_screen *t, WINDOW *w, int y, int cols)
{
	const struct schedule_room *r = &t->sched.rooms[0];
	const struct slot *sl = &t->sched.slots[r->current];
	char mmss[16], big[20], label[160];
	int64_t left;
	enum slot_part part = schedule_room_part(&t->sched, 0, &left);
	enum theme_role role = ROLE_LOOK_TIMER;
	const char *what;

	schedule_format_mmss(left, mmss);
	switch (part) {
	case SLOT_PART_PITCH:
		what = _("pitching");
		break;
	case SLOT_PART_QA:
		what = _("questions and answers");
		break;
	case SLOT_PART_OVER:
		what = _("over time");
		break;
	default:
		what = _("up next");
		break;
	}
	if (part == SLOT_PART_OVER) {
		role = ROLE_LOOK_TIMER_OVERRUN;
		snprintf(big, sizeof(big), "+%s", mmss);
	} else {
		if (part == SLOT_PART_WAITING)
			role = ROLE_LOOK_MUTED;
		else if (left < 60)
			role = ROLE_LOOK_TIMER_WARN;
		snprintf(big, sizeof(big), "%s", mmss);
	}
	snprintf(label, sizeof(label), "%s%s", what, r->state == TIMER_PAUSED ? _(" · paused") : "");
	draw_text(w, y, 2, ROLE_LOOK_TEAM, sl->team, cols / 2);
	draw_text_right(w, y, cols / 2, r->state == TIMER_PAUSED ? ROLE_LOOK_NOTICE : ROLE_LOOK_HEADER, label,
			cols - cols / 2 - 2);
	if (!draw_big(w, y + 2, 4, role, big, cols - 6))
		draw_text(w, y + 2, 4, role, big, cols - 6);
	{
		char plan[6], proj[6], line[96];

		hhmm(sl->starts_at, plan);
		hhmm(sl->proj_start, proj);
		if (sl->status == SLOT_RUNNING)
			snprintf(line, sizeof(line), _("planned %s · started %s · pitch %d min + Q&A %d min"), plan, proj,
				 sl->pitch_s / 60, sl->qa_s / 60);
		else
			snprintf(line, sizeof(line), _("planned %s · expected %s · pitch %d min + Q&A %d min"), plan,
				 proj, sl->pitch_s / 60, sl->qa_s / 60);
		draw_text(w, y + 8, 2, ROLE_LOOK_MUTED, line, cols - 4);
	}
}

static void draw_rest(struct timer_screen *t, WINDOW *w, int y, int rows, int cols)
{
	const struct schedule_room *r = &t->sched.rooms[0];
	char head[160], late[64];
	int shown = 0;

	late_words(r->late_s, late, sizeof(late));
	snprintf(head, sizeof(head), _("Still to pitch in %s · %s"), r->name, late);
	draw_text(w, y, 2, ROLE_LOOK_HEADER, head, cols - 4);
	for (size_t i = (size_t)(r->current + 1); i < r->first + r->count && shown < rows - 1; i++) {
		const struct slot *sl = &t->sched.slots[i];
		char at[6], slip[32] = "";

		if (sl->status != SLOT_SCHEDULED)
			continue;
		hhmm(sl->proj_start, at);
		if (schedule_late_minutes(sl->late_s) > 0)
			snprintf(slip, sizeof(slip), _("+%lld min"), (long long)schedule_late_minutes(sl->late_s));
		draw_text(w, y + 1 + shown, 4, ROLE_LOOK_CLOCK, at, 6);
		draw_text(w, y + 1 + shown, 11, ROLE_LOOK_DEFAULT, sl->team, cols - 11 - 12);
		draw_text_right(w, y + 1 + shown, cols - 12, ROLE_LOOK_STATE_DRAFT, slip, 10);
		shown++;
	}
	if (shown == 0)
		draw_text(w, y + 1, 4, ROLE_LOOK_MUTED, _("Nobody after this one."), cols - 8);
}

static void draw_chase(struct timer_screen *t, WINDOW *w, int y, int cols)
{
	char *line;

	if (!t->chase_team[0])
		return;
	if (t->chase.expected == 0) {
		line = pd_asprintf(_("%s: no judges to chase"), t->chase_name);
	} else if (t->chase.nwaiting == 0) {
		line = pd_asprintf(_("%s: all %zu sheets submitted"), t->chase_name, t->chase.expected);
	} else {
		size_t len = 0, cap = 256;
		char *names = pd_malloc(cap);

		names[0] = '\0';
		for (size_t i = 0; i < t->chase.nwaiting; i++) {
			size_t need = strlen(t->chase.waiting[i]) + 3;

			if (len + need + 1 > cap) {
				cap = (len + need + 1) * 2;
				names = pd_realloc(names, cap);
			}
			len += (size_t)snprintf(names + len, cap - len, "%s%s", i ? ", " : "", t->chase.waiting[i]);
		}
		line = pd_asprintf(_("%s: %zu/%zu sheets submitted, waiting on %s"), t->chase_name, t->chase.submitted,
				   t->chase.expected, names);
		free(names);
	}
	draw_text(w, y, 2, t->chase.nwaiting ? ROLE_LOOK_STATE_DRAFT : ROLE_LOOK_STATE_SUBMITTED, line, cols - 4);
	free(line);
}

static void timer_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct timer_screen *t = state;
	const struct schedule_room *r;
	char **warnings;
	size_t nwarn;
	int y = top;

	(void)a;
	if (!t->sched.nrooms)
		return;
	r = &t->sched.rooms[0];
	if (r->current < 0) {
		draw_text(w, y + 1, 2, ROLE_LOOK_HEADER, r->name, cols - 4);
		draw_text(w, y + 3, 4, ROLE_LOOK_MUTED,
			  r->count ? _("Every pitch in this room is over. Thank you!")
				   : _("No pitches here yet: the organizer runs 'podium schedule generate'."),
			  cols - 8);
		draw_chase(t, w, y + 5, cols);
		return;
	}
	draw_countdown(t, w, y, cols);
	y += 9;
	nwarn = schedule_warnings(&t->sched, &t->timeline, &warnings);
	if (nwarn && y < top + rows) {
		char *line = pd_asprintf("! %s", warnings[0]);

		draw_text(w, y, 2, ROLE_LOOK_STATUS_ERROR, line, cols - 4);
		free(line);
	}
	schedule_free_lines(warnings, nwarn);
	y++;
	if (t->chase_team[0] && y < top + rows - 1) {
		draw_chase(t, w, top + rows - 1, cols);
		rows--;
	}
	if (y < top + rows)
		draw_rest(t, w, y, top + rows - y, cols);
}

static bool timer_tick(struct app *a, void *state)
{
	struct timer_screen *t = state;
	int64_t now = clock_local_now();
	bool running = false;

	(void)a;
	schedule_project(&t->sched, now);
	for (size_t i = 0; i < t->sched.nrooms; i++)
		running |= t->sched.rooms[i].state == TIMER_RUNNING;
	if (running || now / 60 != t->minute) {
		t->minute = now / 60;
		return true;
	}
	return false;
}

/* ---- actions ---- */

struct timer_write {
	char room_id[ID_LEN + 1];
	enum timer_action action;
};

static enum status save_action(struct app *a, void *ctx)
{
	struct timer_write *w = ctx;

	return schedule_timer(a->st, w->room_id, w->action, clock_local_now());
}

static void act_now(struct app *a, struct timer_screen *t, enum timer_action action)
{
	struct timer_write *w = pd_calloc(1, sizeof(*w));

	memcpy(w->room_id, t->room_id, sizeof(w->room_id));
	w->action = action;
	app_write(a, save_action, w, free);
	app_reload(a);
}

/*
 * Why an action cannot run now, in the console's words (keys, not the
 * command line's verbs), or NULL: the core still checks, and says the rest.
 */
static const char *refusal(const struct timer_screen *t, const struct schedule_room *r, enum timer_action action)
{
	const struct slot *cur = r->current >= 0 ? &t->sched.slots[r->current] : NULL;
	bool running = cur && cur->status == SLOT_RUNNING;

	if (!cur)
		return NULL;
	switch (action) {
	case TIMER_START:
		return running ? _("a pitch is already running: n ends it") : NULL;
	case TIMER_NEXT:
		return running ? NULL : _("this pitch has not started: s starts it, x marks a no-show");
	case TIMER_NOSHOW:
		return running ? _("this team is pitching: n ends its pitch") : NULL;
	case TIMER_EXTEND:
		return running ? NULL : _("nothing is pitching to give more time: s starts the next pitch");
	default:
		return NULL;
	}
}

static void act_checked(struct app *a, struct timer_screen *t, const struct schedule_room *r,
			enum timer_action action)
{
	const char *why = refusal(t, r, action);

	if (why)
		app_error(a, "%s", why);
	else
		act_now(a, t, action);
}

/* ---- a no-show comes back ---- */

struct back_write {
	char room_id[ID_LEN + 1];
	char *team;
};

static void free_back(void *ctx)
{
	struct back_write *b = ctx;

	free(b->team);
	free(b);
}

static enum status save_back(struct app *a, void *ctx)
{
	struct back_write *b = ctx;
	enum status s = schedule_back(a->st, b->room_id, b->team, clock_local_now());

	if (s == ST_OK)
		app_notice(a, _("%s is back: it pitches next"), b->team);
	return s;
}

static void back_done(struct app *a, void *state, const char *text)
{
	struct timer_screen *t = state;
	struct back_write *b;

	if (!text[0])
		return;
	b = pd_calloc(1, sizeof(*b));
	memcpy(b->room_id, t->room_id, sizeof(b->room_id));
	b->team = pd_strdup(text);
	app_write(a, save_back, b, free_back);
	app_reload(a);
}

/* The room's no-show that ended last: the one most likely at the door. */
static const struct slot *last_noshow(const struct timer_screen *t, const struct schedule_room *r)
{
	const struct slot *last = NULL;

	for (size_t i = r->first; i < r->first + r->count; i++) {
		const struct slot *sl = &t->sched.slots[i];

		if (sl->status == SLOT_NOSHOW && (!last || sl->ended_at >= last->ended_at))
			last = sl;
	}
	return last;
}

static void ask_back(struct app *a, struct timer_screen *t, const struct schedule_room *r)
{
	const struct slot *sl = last_noshow(t, r);

	if (!sl) {
		app_error(a, "%s", _("no team of this room was a no-show: x marks one"));
		return;
	}
	app_prompt(a, _("Bring back the no-show (it pitches next; Esc cancels):"), sl->team, false, back_done, t);
}

static void noshow_confirmed(struct app *a, void *state)
{
	act_now(a, state, TIMER_NOSHOW);
}

static void timer_act(struct app *a, void *state, int action, int key)
{
	struct timer_screen *t = state;
	const struct schedule_room *r = t->sched.nrooms ? &t->sched.rooms[0] : NULL;

	(void)key;
	if (!r)
		return;
	switch (action) {
	case ACT_START:
		act_checked(a, t, r, TIMER_START);
		break;
	case ACT_PAUSE:
		act_now(a, t, r->state == TIMER_PAUSED ? TIMER_RESUME : TIMER_PAUSE);
		break;
	case ACT_NEXT:
		act_checked(a, t, r, TIMER_NEXT);
		break;
	case ACT_CATCHUP:
		act_now(a, t, TIMER_CATCHUP);
		break;
	case ACT_EXTEND:
		act_checked(a, t, r, TIMER_EXTEND);
		break;
	case ACT_BACK:
		ask_back(a, t, r);
		break;
	case ACT_UNDO:
		act_now(a, t, TIMER_UNDO);
		break;
	case ACT_NOSHOW:
		if (r->current >= 0 && t->sched.slots[r->current].status == SLOT_SCHEDULED) {
			char *q = pd_asprintf(_("Mark %s as a no-show? (y/n)"), t->sched.slots[r->current].team);

			app_confirm(a, q, noshow_confirmed, t);
			free(q);
		} else {
			act_checked(a, t, r, TIMER_NOSHOW);	/* refused with the reason */
		}
		break;
	case ACT_ROOMS:
		t->room_id[0] = '\0';
		app_reload(a);
		break;
	}
}

/* ---- the room picker ---- */

static const char *pick_title(struct app *a, void *state)
{
	(void)a;
	(void)state;
	return _(" podium · timekeeper · which room?");
}

static void room_row(void *ctx, WINDOW *w, size_t k, int y, int cols, bool cur)
{
	struct timer_screen *t = ctx;
	char *line = schedule_room_text(&t->sched, k);

	list_draw_label(w, y, cols, cur, line);
	free(line);
}

static void pick_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct timer_screen *t = state;

	(void)a;
	draw_text(w, top + 1, 2, ROLE_LOOK_HEADER, _("Keep time in:"), cols - 4);
	if (t->sched.nrooms == 0) {
		draw_text(w, top + 3, 4, ROLE_LOOK_MUTED, _("No rooms yet: the organizer imports them."), cols - 8);
		return;
	}
	list_draw(&t->rooms, t->sched.nrooms, w, top + 2, rows - 3, cols, room_row, t);
}

static void pick_act(struct app *a, void *state, int action, int key)
{
	struct timer_screen *t = state;

	(void)key;
	switch (action) {
	case ACT_CHOOSE:
		if (t->rooms.sel < t->sched.nrooms) {
			memcpy(t->room_id, t->sched.rooms[t->rooms.sel].id, sizeof(t->room_id));
			app_switch(a, &screen_timer_ops, t);
		}
		break;
	}
}

static void timer_free(void *state)
{
	struct timer_screen *t = state;

	schedule_clear(&t->sched);
	timeline_clear(&t->timeline);
	clear_chase(t);
	free(t);
}

void *screen_timer_new(struct app *a, const char *room)
{
	struct timer_screen *t = pd_calloc(1, sizeof(*t));

	if (room && record_find(a->st, KIND_ROOM, room, t->room_id, NULL) != ST_OK) {
		t->room_id[0] = '\0';
		app_error(a, _("No room named '%s': choose one"), room);
	}
	return t;
}

const struct screen_ops screen_timer_ops = {
	.name = "timekeeper",
	.watch = WATCH_ALL & ~WATCH_COACHING,
	.keys = timer_keys,
	.nkeys = PD_ARRAY_LEN(timer_keys),
	.load = timer_load,
	.draw = timer_draw,
	.act = timer_act,
	.title = timer_title,
	.tick = timer_tick,
	.free = timer_free,
};

static size_t rooms_rows(void *state)
{
	return ((struct timer_screen *)state)->sched.nrooms;
}

static const char *rooms_text(void *state, size_t row, int field)
{
	return field == 0 ? ((struct timer_screen *)state)->sched.rooms[row].name : NULL;
}

static size_t *rooms_cursor(void *state)
{
	return &((struct timer_screen *)state)->rooms.sel;
}

static const struct screen_ops timer_pick_ops = {
	.name = "room picker",
	.watch = WATCH_SLOTS | WATCH_RECORDS,
	.keys = pick_keys,
	.nkeys = PD_ARRAY_LEN(pick_keys),
	.load = pick_load,
	.draw = pick_draw,
	.act = pick_act,
	.title = pick_title,
	.row_count = rooms_rows,
	.row_text = rooms_text,
	.cursor = rooms_cursor,
	.tick = timer_tick,
	.free = timer_free,
};
