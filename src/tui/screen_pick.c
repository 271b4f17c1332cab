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
 * Who are you? Shown when neither --role nor the login names a role: the
 * organizer, the projector display, or one of the judges (a judge with a PIN
 * is asked for it).
 */
struct pick_screen {
	struct board_names judges;
	struct tui_list list;
	/* the judge whose PIN is asked: by id, since a reload may reorder or shrink the list */
	char pin_judge_id[ID_LEN + 1];
	char *pin_judge_name;
};

enum { ACT_CHOOSE };

static const struct tui_key pick_keys[] = {
	{ ACT_CHOOSE, TUI_ENTER, 0, "Enter", N_("open as this person"), true },
};

#define FIXED_ROWS 2	/* organizer, display */

static enum status pick_load(struct app *a, void *state)
{
	struct pick_screen *p = state;

	board_names_clear(&p->judges);
	return board_judges(a->st, &p->judges);
}

static const char *pick_title(struct app *a, void *state)
{
	(void)a;
	(void)state;
	return _(" podium · who are you?");
}

static void pick_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	struct pick_screen *p = ctx;
	char *label;

	if (i == 0)
		label = pd_strdup(_("Organizer"));
	else if (i == 1)
		label = pd_strdup(_("Projector display (read-only)"));
	else
		label = pd_asprintf(_("Judge %s%s"), p->judges.items[i - FIXED_ROWS].name,
				    p->judges.items[i - FIXED_ROWS].has_pin ? " (PIN)" : "");
	list_draw_label(w, y, cols, cur, label);
	free(label);
}

static void pick_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct pick_screen *p = state;

	(void)a;
	draw_text(w, top + 1, 2, ROLE_LOOK_HEADER, _("Open the console as:"), cols - 4);
	list_draw(&p->list, FIXED_ROWS + p->judges.count, w, top + 2, rows - 2, cols, pick_row, p);
}

void *screen_judge_for(const char *judge_id, const char *name);

static void become_judge(struct app *a, const struct board_name *j)
{
	a->who.role = ROLE_JUDGE;
	memcpy(a->who.person_id, j->id, sizeof(a->who.person_id));
	free(a->who_name);
	a->who_name = pd_strdup(j->name);
	{
		char *actor = pd_asprintf("judge %s", j->name);

		audit_set_actor(actor);
		free(actor);
	}
	app_switch(a, &screen_judge_ops, screen_judge_for(j->id, j->name));
}

static const struct board_name *judge_by_id(const struct pick_screen *p, const char *id)
{
	for (size_t i = 0; i < p->judges.count; i++)
		if (strcmp(p->judges.items[i].id, id) == 0)
			return &p->judges.items[i];
	return NULL;
}

static void pin_done(struct app *a, void *state, const char *pin)
{
	struct pick_screen *p = state;
	const struct board_name *j = judge_by_id(p, p->pin_judge_id);
	char id[ID_LEN + 1];
	enum status s;

	if (!j) {
		app_error(a, _("%s is no longer on the judges' list"), p->pin_judge_name);
		return;
	}
	s = pin_login(a->st, j->id, pin, id);
	if (s != ST_OK) {
		app_status(a, s);
		return;
	}
	become_judge(a, j);
}

static void ask_pin(struct app *a, struct pick_screen *p, const struct board_name *j)
{
	char *label = pd_asprintf(_("PIN for %s:"), j->name);

	memcpy(p->pin_judge_id, j->id, sizeof(p->pin_judge_id));
	free(p->pin_judge_name);
	p->pin_judge_name = pd_strdup(j->name);
	app_prompt(a, label, NULL, true, pin_done, p);
	free(label);
}

static void pick_act(struct app *a, void *state, int action, int key)
{
	struct pick_screen *p = state;
	size_t total = FIXED_ROWS + p->judges.count;

	(void)key;
	if (p->list.sel >= total)
		return;	/* a judge left the list since it was drawn */
	switch (action) {
	case ACT_CHOOSE:
		if (p->list.sel == 0) {
			a->who.role = ROLE_ORGANIZER;
			{
				char *actor = pd_asprintf("organizer %s", a->who_name);

				audit_set_actor(actor);
				free(actor);
			}
			app_switch(a, &screen_organizer_ops, screen_organizer_new(a));
		} else if (p->list.sel == 1) {
			a->who.role = ROLE_DISPLAY;
			app_switch(a, &screen_display_ops, screen_display_new(a));
		} else if (p->judges.items[p->list.sel - FIXED_ROWS].has_pin) {
			ask_pin(a, p, &p->judges.items[p->list.sel - FIXED_ROWS]);
		} else {
			become_judge(a, &p->judges.items[p->list.sel - FIXED_ROWS]);
		}
		break;
	}
}

static void pick_free(void *state)
{
	struct pick_screen *p = state;

	board_names_clear(&p->judges);
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
	return FIXED_ROWS + ((struct pick_screen *)state)->judges.count;
}

static const char *pick_text(void *state, size_t row, int field)
{
	struct pick_screen *p = state;

	if (field > 0)
		return NULL;
	if (row == 0)
		return _("Organizer");
	if (row == 1)
		return _("Projector display (read-only)");
	return p->judges.items[row - FIXED_ROWS].name;
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
