#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/clock.h"
#include "podium/i18n.h"
#include "podium/schedule.h"
#include "podium/store.h"
#include "podium/text.h"
#include "tui/organizer.h"

/*
 * The schedule tab: every pitch by room, when it is now expected and how it
 * went, and for the pitches that are over, the sheets still missing (the chase
 * list: the selected pitch's line names the judges to chase). m moves a pitch
 * to a room (and a position); s marks one, then swaps it with another after a
 * y/n; A generates the schedule again after a y/n.
 */
enum { ACT_MOVE, ACT_SWAP, ACT_GENERATE };

static const struct tui_key schedule_keys[] = {
	{ ACT_MOVE, 'm', 0, "m", N_("schedule: move the pitch"), true },
	{ ACT_SWAP, 's', 0, "s", N_("schedule: mark, then swap two pitches"), true },
	{ ACT_GENERATE, 'A', 0, "A", N_("generate the schedule (asks first)"), true },
};

struct schedule_tab {
	struct schedule schedule;
	struct chase *chase;		/* per slot: the sheets of a pitch that is over, else empty */
	long swap_mark;			/* the slot marked for a swap, or -1 */
	int64_t minute;			/* of the last projection drawn */
};

static struct schedule_tab *st_(struct tab *t)
{
	return t->state;
}

static void chase_clear_all(struct schedule_tab *sc)
{
	for (size_t i = 0; sc->chase && i < sc->schedule.count; i++)
		schedule_chase_clear(&sc->chase[i]);
	free(sc->chase);
	sc->chase = NULL;
}

/* Sheets are chased once a pitch is over; while it runs, the judges are still listening. */
static bool pitch_over(const struct slot *sl)
{
	return sl->status == SLOT_DONE;
}

static enum status schedule_tab_load(struct app *a, struct tab *t)
{
	struct schedule_tab *sc = st_(t);
	enum status s;

	chase_clear_all(sc);
	schedule_clear(&sc->schedule);
	s = schedule_load(a->st, NULL, clock_local_now(), &sc->schedule);
	if (s != ST_OK)
		return s;
	sc->chase = pd_calloc(sc->schedule.count + 1, sizeof(*sc->chase));
	for (size_t i = 0; s == ST_OK && i < sc->schedule.count; i++)
		if (pitch_over(&sc->schedule.slots[i]))
			s = schedule_chase(a->st, sc->schedule.slots[i].team_id, &sc->chase[i]);
	return s;
}

/* A running pitch in the timekeeper's words: pitching, questions and answers, over time. */
static const char *running_label(const struct schedule *sc, size_t room)
{
	int64_t left;

	switch (schedule_room_part(sc, room, &left)) {
	case SLOT_PART_QA:
		return _("questions and answers");
	case SLOT_PART_OVER:
		return _("over time");
	default:
		return _("pitching");
	}
}

static const char *slot_status_label(const struct schedule *sc, const struct slot *sl)
{
	switch (sl->status) {
	case SLOT_RUNNING:
		return running_label(sc, sl->room);
	case SLOT_DONE:
		return _("done");
	case SLOT_NOSHOW:
		return _("no-show");
	default:
		return "";
	}
}

#define WHEN_W 11		/* "12-06 13:42" */
#define STATUS_X(room_w, team_w) (9 + (room_w) + (team_w) + WHEN_W + 2)

struct schedule_draw {
	const struct schedule_tab *sc;
	int room_w, team_w;
};

static void slot_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct schedule_draw *d = ctx;
	const struct slot *sl = &d->sc->schedule.slots[i];
	bool marked = (long)i == d->sc->swap_mark, lit = cur || marked;
	enum theme_role role = cur ? ROLE_LOOK_CURSOR : marked ? ROLE_LOOK_NOTICE : ROLE_LOOK_DEFAULT;
	int room_w = d->room_w, team_w = d->team_w;
	char pos[8], when[17], status[64];
	int64_t late = schedule_late_minutes(sl->late_s);

	snprintf(pos, sizeof(pos), "%d", sl->position);
	clock_format(sl->proj_start, when);
	if (sl->status == SLOT_SCHEDULED && late > 0)
		snprintf(status, sizeof(status), _("%lld min late"), (long long)late);
	else if (pitch_over(sl) && d->sc->chase[i].nwaiting)
		snprintf(status, sizeof(status), P_("%s · %zu missing", "%s · %zu missing",
						    d->sc->chase[i].nwaiting),
			 slot_status_label(&d->sc->schedule, sl), d->sc->chase[i].nwaiting);
	else
		snprintf(status, sizeof(status), "%s", slot_status_label(&d->sc->schedule, sl));
	if (marked && !cur)
		draw_fill(w, y, 0, role, cols);
	draw_text(w, y, 2, role, d->sc->schedule.rooms[sl->room].name, room_w);
	draw_text_right(w, y, 3 + room_w, role, pos, 3);
	draw_text(w, y, 8 + room_w, lit ? role : ROLE_LOOK_TEAM, sl->team, team_w);
	draw_text(w, y, 9 + room_w + team_w, role, when + 5, WHEN_W);
	draw_text(w, y, STATUS_X(room_w, team_w), lit ? role : ROLE_LOOK_MUTED, status,
		  cols - 1 - STATUS_X(room_w, team_w));
}

static char *join_names(char **names, size_t n)
{
	char *out = pd_strdup("");

	for (size_t i = 0; i < n; i++) {
		char *next = pd_asprintf("%s%s%s", out, i ? ", " : "", names[i]);

		free(out);
		out = next;
	}
	return out;
}

/* The selected pitch's chase line: whose sheets are still missing. */
static void draw_chase(struct tab *t, WINDOW *w, int y, int cols)
{
	size_t i = tab_selected(t);
	const struct chase *c;
	char *names, *line;

	if (i == (size_t)-1 || !pitch_over(&st_(t)->schedule.slots[i]))
		return;
	c = &st_(t)->chase[i];
	if (!c->nwaiting) {
		line = pd_asprintf(P_("%s: %zu of %zu sheet submitted, none missing",
				      "%s: %zu of %zu sheets submitted, none missing", c->expected),
				   st_(t)->schedule.slots[i].team, c->submitted, c->expected);
		draw_text(w, y, 2, ROLE_LOOK_MUTED, line, cols - 4);
		free(line);
		return;
	}
	names = join_names(c->waiting, c->nwaiting);
	line = pd_asprintf(P_("%s: %zu of %zu sheet submitted; waiting for %s",
			      "%s: %zu of %zu sheets submitted; waiting for %s", c->expected),
			   st_(t)->schedule.slots[i].team, c->submitted, c->expected, names);
	draw_text(w, y, 2, ROLE_LOOK_NOTICE, line, cols - 4);
	free(line);
	free(names);
}

static void schedule_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	/* the status gets room for "questions and answers"; the team what is left */
	int team_w = cols - 14 - 10 - WHEN_W - 23;
	struct schedule_draw d = { st_(t), 14, team_w > 12 ? team_w : 12 };

	(void)a;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Room"), d.room_w);
	draw_text_right(w, top, 3 + d.room_w, ROLE_LOOK_HEADER, "#", 3);
	draw_text(w, top, 8 + d.room_w, ROLE_LOOK_HEADER, _("Team"), d.team_w);
	draw_text(w, top, 9 + d.room_w + d.team_w, ROLE_LOOK_HEADER, _("Projected"), WHEN_W);
	draw_text(w, top, STATUS_X(d.room_w, d.team_w), ROLE_LOOK_HEADER, _("Status"),
		  cols - 1 - STATUS_X(d.room_w, d.team_w));
	if (d.sc->schedule.count == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No pitches yet: A generates them."), cols - 4);
	list_draw(&t->list, d.sc->schedule.count, w, top + 1, rows - 2, cols, slot_row, &d);
	draw_chase(t, w, top + rows - 1, cols);
}

/* ---- moves and swaps ---- */

struct slot_ctx {
	char team[ID_LEN + 1], other[ID_LEN + 1];	/* other: "" for a move */
	char *name, *room;
	int position;
};

static void free_slot_ctx(void *ctx)
{
	struct slot_ctx *c = ctx;

	free(c->name);
	free(c->room);
	free(c);
}

static enum status slot_write(struct app *a, void *ctx)
{
	struct slot_ctx *c = ctx;
	enum status s = c->other[0] ? schedule_swap(a->st, c->team, c->other)
				    : schedule_move(a->st, c->team, c->room, c->position);

	if (s == ST_OK)
		app_notice(a, c->other[0] ? _("Swapped %s's pitch") : _("Moved %s's pitch"), c->name);
	return s;
}

static const struct slot *selected_slot(struct tab *t)
{
	size_t i = tab_selected(t);

	return i == (size_t)-1 ? NULL : &st_(t)->schedule.slots[i];
}

/* "Salle Ada" or "Salle Ada 3": a room, and a position when the last word is a number. */
static void move_done(struct app *a, void *state, const char *text)
{
	const struct slot *sl = selected_slot(state);
	struct slot_ctx *c;
	char *room = text_trim(text), *space = strrchr(room, ' '), *end;
	long pos = 0;

	if (!sl || !room[0]) {
		free(room);
		return;
	}
	if (space) {
		pos = strtol(space + 1, &end, 10);
		if (*end == '\0' && end != space + 1 && pos > 0)
			*space = '\0';
		else
			pos = 0;
	}
	c = pd_calloc(1, sizeof(*c));
	memcpy(c->team, sl->team_id, sizeof(c->team));
	c->name = pd_strdup(sl->team);
	c->room = room;
	c->position = (int)pos;
	app_write(a, slot_write, c, free_slot_ctx);
}

static void swap_yes(struct app *a, void *state)
{
	struct tab *t = state;
	const struct slot *sl = selected_slot(t);
	struct slot_ctx *c;

	if (!sl || st_(t)->swap_mark < 0 || (size_t)st_(t)->swap_mark >= st_(t)->schedule.count)
		return;
	c = pd_calloc(1, sizeof(*c));
	memcpy(c->team, st_(t)->schedule.slots[st_(t)->swap_mark].team_id, sizeof(c->team));
	memcpy(c->other, sl->team_id, sizeof(c->other));
	c->name = pd_strdup(st_(t)->schedule.slots[st_(t)->swap_mark].team);
	st_(t)->swap_mark = -1;
	app_write(a, slot_write, c, free_slot_ctx);
}

static void swap_key(struct app *a, struct tab *t)
{
	const struct slot *sl = selected_slot(t);
	char *q;

	if (!sl)
		return;
	if (st_(t)->swap_mark < 0 || (size_t)st_(t)->swap_mark == t->list.sel) {
		st_(t)->swap_mark = st_(t)->swap_mark < 0 ? (long)t->list.sel : -1;
		if (st_(t)->swap_mark >= 0)
			app_notice(a, _("%s is marked: go to another pitch and press s to swap them"), sl->team);
		return;
	}
	q = pd_asprintf(_("Swap the pitches of %s and %s? (y/n)"), st_(t)->schedule.slots[st_(t)->swap_mark].team, sl->team);
	app_confirm(a, q, swap_yes, t);
	free(q);
}

static void ask_move(struct app *a, struct tab *t, const struct slot *sl)
{
	char *label = pd_asprintf(_("Move %s to room [position]:"), sl->team);

	app_prompt(a, label, st_(t)->schedule.rooms[sl->room].name, false, move_done, t);
	free(label);
}

/* ---- generate ---- */

static enum status generate_write(struct app *a, void *ctx)
{
	struct schedule_spec spec = { .pitch_s = 5 * 60, .qa_s = 2 * 60, .changeover_s = 60 };
	struct schedule_result r;
	enum status s;

	(void)ctx;
	s = schedule_generate(a->st, &spec, &r);
	if (s == ST_OK)
		app_notice(a, P_("Scheduled %zu pitch; %zu kept that had started", "Scheduled %zu pitches; %zu kept that had started",
				 r.slots),
			   r.slots, r.kept);
	return s;
}

static void generate_yes(struct app *a, void *state)
{
	(void)state;
	app_write(a, generate_write, NULL, NULL);
}

static void schedule_act(struct app *a, struct tab *t, int action)
{
	const struct slot *sl = selected_slot(t);

	if (action == ACT_GENERATE) {
		app_confirm(a, _("Generate the schedule again? Pitches not begun are replaced. (y/n)"),
			    generate_yes, t);
		return;
	}
	if (!sl)
		return;
	if (action == ACT_MOVE)
		ask_move(a, t, sl);
	else if (action == ACT_SWAP)
		swap_key(a, t);
}

static size_t schedule_rows(struct tab *t)
{
	return st_(t)->schedule.count;
}

static const char *schedule_text(struct tab *t, size_t row, int field)
{
	const struct schedule *sc = &st_(t)->schedule;

	return field == 0 ? sc->slots[row].team : field == 1 ? sc->rooms[sc->slots[row].room].name : NULL;
}

/* The projected times move with the clock: project again, and redraw each minute or while a pitch runs. */
static bool schedule_tick(struct app *a, struct tab *t)
{
	struct schedule_tab *s = st_(t);
	int64_t now = clock_local_now();
	bool running = false;

	(void)a;
	schedule_project(&s->schedule, now);
	for (size_t i = 0; i < s->schedule.nrooms; i++)
		running |= s->schedule.rooms[i].state == TIMER_RUNNING;
	if (!running && now / 60 == s->minute)
		return false;
	s->minute = now / 60;
	return true;
}

static void *schedule_new(void)
{
	struct schedule_tab *s = pd_calloc(1, sizeof(*s));

	s->swap_mark = -1;
	return s;
}

static void schedule_free(void *state)
{
	struct schedule_tab *s = state;

	chase_clear_all(s);
	schedule_clear(&s->schedule);
	free(s);
}

const struct tab_ops tab_schedule_ops = {
	.label = N_("Schedule"),
	.keys = schedule_keys,
	.nkeys = PD_ARRAY_LEN(schedule_keys),
	.watch = WATCH_SLOTS | WATCH_RECORDS | WATCH_SHEETS,
	.new = schedule_new,
	.load = schedule_tab_load,
	.draw = schedule_draw,
	.act = schedule_act,
	.row_count = schedule_rows,
	.row_text = schedule_text,
	.tick = schedule_tick,
	.free = schedule_free,
};
