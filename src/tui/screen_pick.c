#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/board.h"
#include "podium/i18n.h"
#include "podium/pin.h"
#include "podium/store.h"
#include "tui/tui.h"

/*
 * Who are you? Shown when no --role is given and the login may open more
 * than one screen: exactly the screens src/core/access.c lets it open. An
 * organizer may open every role (any judge; a judge with a PIN is asked for
 * it, and a wrong PIN asks again); anyone else their own judge's, timer's or
 * coach's screen; anyone the projector display.
 */
enum pick_kind { PICK_ORGANIZER, PICK_TIMER, PICK_COACH, PICK_DISPLAY, PICK_JUDGE };

struct pick_entry {
	enum pick_kind kind;
	char id[ID_LEN + 1];	/* a judge or coach; "" for every coach */
	char *name;
	bool has_pin;
};

struct pick_screen {
	struct pick_entry *items;
	size_t count, cap;
	struct tui_list list;
	/* the judge whose PIN is asked: by id, since a reload may reorder or shrink the list */
	char pin_judge_id[ID_LEN + 1];
	char *pin_judge_name;
};

enum { ACT_CHOOSE };

static const struct tui_key pick_keys[] = {
	{ ACT_CHOOSE, TUI_ENTER, 0, "Enter", N_("open as this person"), true },
};

static void entries_clear(struct pick_screen *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->items[i].name);
	p->count = 0;
}

static void add_entry(struct pick_screen *p, enum pick_kind kind, const char *id, const char *name, bool has_pin)
{
	struct pick_entry *e;

	PD_GROW(p->items, p->count + 1, p->cap);
	e = &p->items[p->count++];
	e->kind = kind;
	snprintf(e->id, sizeof(e->id), "%s", id ? id : "");
	e->name = pd_strdup(name ? name : "");
	e->has_pin = has_pin;
}

static enum status add_judges(struct pick_screen *p, struct store *st)
{
	struct board_names judges;
	enum status s = board_judges(st, &judges);

	for (size_t i = 0; s == ST_OK && i < judges.count; i++)
		add_entry(p, PICK_JUDGE, judges.items[i].id, judges.items[i].name, judges.items[i].has_pin);
	if (s == ST_OK)
		board_names_clear(&judges);
	return s;
}

/* The screens this login may open, most powerful first. */
static enum status pick_entries(struct pick_screen *p, struct app *a)
{
	const struct identity *me = &a->me;

	entries_clear(p);
	if (me->organizer)
		add_entry(p, PICK_ORGANIZER, NULL, NULL, false);
	if (!me->organizer && me->judge_id[0])
		add_entry(p, PICK_JUDGE, me->judge_id, me->judge_name, false);
	if (me->organizer || me->timekeeper)
		add_entry(p, PICK_TIMER, NULL, NULL, false);
	if (me->organizer || me->coach_id[0])
		add_entry(p, PICK_COACH, me->organizer ? NULL : me->coach_id, me->organizer ? NULL : me->coach_name, false);
	add_entry(p, PICK_DISPLAY, NULL, NULL, false);
	return me->organizer ? add_judges(p, a->st) : ST_OK;
}

static enum status pick_load(struct app *a, void *state)
{
	return pick_entries(state, a);
}

size_t screen_pick_choices(struct app *a)
{
	struct pick_screen p = { 0 };
	size_t n = pick_entries(&p, a) == ST_OK ? p.count : 0;

	entries_clear(&p);
	free(p.items);
	return n;
}

static const char *pick_title(struct app *a, void *state)
{
	(void)a;
	(void)state;
	return _(" podium · who are you?");
}

static const char *fixed_label(enum pick_kind kind)
{
	switch (kind) {
	case PICK_ORGANIZER:
		return _("Organizer");
	case PICK_TIMER:
		return _("Timekeeper (a room's timer)");
	case PICK_COACH:
		return _("Coach (pick the coach next)");
	case PICK_DISPLAY:
		return _("Projector display (read-only)");
	case PICK_JUDGE:
		break;
	}
	return "";
}

static char *entry_label(const struct pick_entry *e)
{
	if (e->kind == PICK_JUDGE)
		return pd_asprintf(_("Judge %s%s"), e->name, e->has_pin ? " (PIN)" : "");
	if (e->kind == PICK_COACH && e->id[0])
		return pd_asprintf(_("Coach %s"), e->name);
	return pd_strdup(fixed_label(e->kind));
}

static void pick_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	struct pick_screen *p = ctx;
	char *label = entry_label(&p->items[i]);

	list_draw_label(w, y, cols, cur, label);
	free(label);
}

static void pick_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct pick_screen *p = state;

	(void)a;
	draw_text(w, top + 1, 2, ROLE_LOOK_HEADER, _("Open the console as:"), cols - 4);
	list_draw(&p->list, p->count, w, top + 2, rows - 2, cols, pick_row, p);
}

void *screen_judge_for(const char *judge_id, const char *name);

static void become(struct app *a, enum role role, const char *name)
{
	char *actor;

	a->who.role = role;
	free(a->who_name);
	a->who_name = pd_strdup(name);
	actor = pd_asprintf("%s %s", role_name(role), name);
	audit_set_actor(actor);
	free(actor);
}

static void become_judge(struct app *a, const char *id, const char *name)
{
	become(a, ROLE_JUDGE, name);
	snprintf(a->who.person_id, sizeof(a->who.person_id), "%s", id);
	app_switch(a, &screen_judge_ops, screen_judge_for(id, name));
}

static const struct pick_entry *judge_by_id(const struct pick_screen *p, const char *id)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->items[i].kind == PICK_JUDGE && strcmp(p->items[i].id, id) == 0)
			return &p->items[i];
	return NULL;
}

static void ask_pin(struct app *a, struct pick_screen *p, const char *id, const char *name, const char *error);

static void pin_done(struct app *a, void *state, const char *pin)
{
	struct pick_screen *p = state;
	const struct pick_entry *j = judge_by_id(p, p->pin_judge_id);
	char id[ID_LEN + 1];
	enum status s;

	if (!j) {
		app_error(a, _("%s is no longer on the judges' list"), p->pin_judge_name);
		return;
	}
	if (!pin[0])
		return;	/* an empty PIN goes back to the list */
	s = pin_login(a->st, j->id, pin, id);
	if (s == ST_OK) {
		become_judge(a, j->id, j->name);
		return;
	}
	/* a wrong PIN asks again (pin_login already made the judge wait); a locked PIN does not */
	{
		char *error = pd_strdup(status_message(s));

		if (pin_locked(a->st, j->id))
			app_error(a, "%s", error);
		else
			ask_pin(a, p, j->id, j->name, error);
		free(error);
	}
}

static void ask_pin(struct app *a, struct pick_screen *p, const char *id, const char *name, const char *error)
{
	char *ask = pd_asprintf(_("PIN for %s:"), name);
	char *label = error ? pd_asprintf("%s · %s", error, ask) : pd_strdup(ask);

	snprintf(p->pin_judge_id, sizeof(p->pin_judge_id), "%s", id);
	if (p->pin_judge_name != name) {
		free(p->pin_judge_name);
		p->pin_judge_name = pd_strdup(name);
	}
	app_prompt(a, label, NULL, true, pin_done, p);
	free(label);
	free(ask);
}

static void open_entry(struct app *a, struct pick_screen *p, const struct pick_entry *e)
{
	switch (e->kind) {
	case PICK_ORGANIZER:
		become(a, ROLE_ORGANIZER, a->me.login);
		app_switch(a, &screen_organizer_ops, screen_organizer_new(a));
		break;
	case PICK_TIMER:
		become(a, ROLE_TIMEKEEPER, a->me.login);
		app_switch(a, &screen_timer_ops, screen_timer_new(a, NULL));
		break;
	case PICK_COACH: {
		char *id = e->id[0] ? pd_strdup(e->id) : NULL;

		become(a, ROLE_COACH, e->id[0] ? e->name : a->me.login);
		app_switch(a, &screen_coach_ops, screen_coach_new(a, id));
		free(id);
		break;
	}
	case PICK_DISPLAY:
		become(a, ROLE_DISPLAY, "display");
		app_switch(a, &screen_display_ops, screen_display_new(a, false));
		break;
	case PICK_JUDGE:
		if (e->has_pin && strcmp(a->me.judge_id, e->id) != 0)
			ask_pin(a, p, e->id, e->name, NULL);
		else
			become_judge(a, e->id, e->name);
		break;
	}
}

static void pick_act(struct app *a, void *state, int action, int key)
{
	struct pick_screen *p = state;

	(void)key;
	if (p->list.sel >= p->count)
		return;	/* a judge left the list since it was drawn */
	if (action == ACT_CHOOSE)
		open_entry(a, p, &p->items[p->list.sel]);
}

static void pick_free(void *state)
{
	struct pick_screen *p = state;

	entries_clear(p);
	free(p->items);
	free(p->pin_judge_name);
	free(p);
}

void *screen_pick_new(struct app *a)
{
	(void)a;
	return pd_calloc(1, sizeof(struct pick_screen));
}

static size_t pick_rows(void *state)
{
	return ((struct pick_screen *)state)->count;
}

static const char *pick_text(void *state, size_t row, int field)
{
	struct pick_screen *p = state;

	if (field > 0)
		return NULL;
	if (p->items[row].name[0])
		return p->items[row].name;
	return fixed_label(p->items[row].kind);
}

static size_t *pick_cursor(void *state)
{
	return &((struct pick_screen *)state)->list.sel;
}

const struct screen_ops screen_pick_ops = {
	.name = N_("picker"),
	.watch = WATCH_RECORDS,
	.keys = pick_keys,
	.nkeys = PD_ARRAY_LEN(pick_keys),
	.load = pick_load,
	.draw = pick_draw,
	.act = pick_act,
	.title = pick_title,
	.row_count = pick_rows,
	.row_text = pick_text,
	.cursor = pick_cursor,
	.free = pick_free,
};
