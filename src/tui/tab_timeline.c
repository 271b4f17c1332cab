#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/clock.h"
#include "podium/people.h"
#include "podium/i18n.h"
#include "podium/store.h"
#include "podium/timeline.h"
#include "tui/organizer.h"

/*
 * The timeline tab: the event's phases and milestones. a adds (a name, then
 * when), e renames, t changes the time, p pins or unpins, d deletes.
 */
enum { ACT_ADD, ACT_RENAME, ACT_TIME, ACT_PIN, ACT_DELETE };

static const struct tui_key timeline_keys[] = {
	{ ACT_ADD, 'a', 0, "a", N_("add"), true },
	{ ACT_RENAME, 'e', 0, "e", N_("rename"), true },
	{ ACT_TIME, 't', 0, "t", N_("timeline: change the time"), true },
	{ ACT_PIN, 'p', 0, "p", N_("timeline: pin or unpin"), true },
	{ ACT_DELETE, 'd', TUI_FN(KEY_DC), "d", N_("delete"), true },
};

struct phase_ctx;

struct timeline_tab {
	struct timeline timeline;
	struct phase_ctx *pending;	/* a new phase between its two prompts */
};

static struct timeline_tab *tt(struct tab *t)
{
	return t->state;
}

static enum status timeline_tab_load(struct app *a, struct tab *t)
{
	timeline_clear(&tt(t)->timeline);
	return timeline_load(a->st, &tt(t)->timeline);
}

static void phase_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct phase *p = &((const struct timeline *)ctx)->items[i];
	enum theme_role role = tab_look(cur, ROLE_LOOK_DEFAULT);
	char start[17], end[17], *name = pd_asprintf("%s%s", p->name, p->pinned ? _(" (pinned)") : "");

	clock_format(p->starts_at, start);
	clock_format(p->ends_at, end);
	draw_text(w, y, 2, role, start, 16);
	draw_text(w, y, 19, tab_look(cur, ROLE_LOOK_MUTED), p->ends_at == p->starts_at ? "" : end, 16);
	draw_text(w, y, 36, tab_look(cur, p->pinned ? ROLE_LOOK_TEAM : ROLE_LOOK_DEFAULT), name, cols - 44);
	free(name);
}

static void timeline_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	(void)a;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Start"), 16);
	draw_text(w, top, 19, ROLE_LOOK_HEADER, _("End"), 16);
	draw_text(w, top, 36, ROLE_LOOK_HEADER, _("Phase"), cols - 44);
	if (tt(t)->timeline.count == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No timeline yet: a adds a phase."), cols - 4);
	list_draw(&t->list, tt(t)->timeline.count, w, top + 1, rows - 1, cols, phase_row, &tt(t)->timeline);
}

/* ---- changes ---- */

struct phase_ctx {
	char id[ID_LEN + 1];	/* "" to add */
	char *name, *kind;
	struct phase_spec spec;
	bool delete;
};

static void free_phase_ctx(void *ctx)
{
	struct phase_ctx *p = ctx;

	free(p->name);
	free(p->kind);
	free(p);
}

static enum status apply_phase(struct store *st, void *ctx)
{
	struct phase_ctx *p = ctx;

	if (p->delete)
		return timeline_delete(st, p->id);
	return timeline_set(st, p->id[0] ? p->id : NULL, &p->spec, NULL);
}

static enum status phase_write(struct app *a, void *ctx)
{
	struct phase_ctx *p = ctx;
	enum status s = apply_phase(a->st, p);

	if (s == ST_OK)
		app_notice(a, p->delete ? _("Deleted %s from the timeline") : _("Saved %s in the timeline"), p->name);
	return s;
}

/* A change to the selected phase (or a new one when sel is NULL), to fill in. */
static struct phase_ctx *phase_ctx_from(const struct phase *sel)
{
	struct phase_ctx *p = pd_calloc(1, sizeof(*p));

	if (sel) {
		memcpy(p->id, sel->id, sizeof(p->id));
		p->name = pd_strdup(sel->name);
		p->kind = pd_strdup(sel->kind);
		p->spec = (struct phase_spec){ p->name, p->kind, sel->starts_at, sel->ends_at, sel->pinned };
	}
	return p;
}

static const struct phase *selected_phase(struct tab *t)
{
	size_t i = tab_selected(t);

	return i == (size_t)-1 ? NULL : &tt(t)->timeline.items[i];
}

/*
 * When a phase happens: "YYYY-MM-DD HH:MM" (a milestone), "YYYY-MM-DD HH:MM-HH:MM"
 * (ending the next day when the end is not after the start), or two full times
 * joined by " - ".
 */
static bool parse_when(const char *text, int64_t *start, int64_t *end)
{
	struct coach_window win;
	const char *dash = strstr(text, " - ");

	if (clock_parse(text, start)) {
		*end = *start;
		return true;
	}
	if (coach_parse_window(text, &win)) {
		*start = win.start;
		*end = win.end;
		return true;
	}
	if (dash) {
		char *a = pd_strndup(text, (size_t)(dash - text));
		bool ok = clock_parse(a, start) && clock_parse(dash + 3, end) && *end >= *start;

		free(a);
		return ok;
	}
	return false;
}

static char *when_text(const struct phase *p)
{
	char a[17], b[17];

	clock_format(p->starts_at, a);
	clock_format(p->ends_at, b);
	if (p->ends_at == p->starts_at)
		return pd_strdup(a);
	if (strncmp(a, b, 10) == 0)
		return pd_asprintf("%s-%s", a, b + 11);
	return pd_asprintf("%s - %s", a, b);
}

static void phase_when_done(struct app *a, void *state, const char *text)
{
	struct tab *t = state;
	struct phase_ctx *p = tt(t)->pending;

	tt(t)->pending = NULL;
	if (!p)
		return;
	if (!parse_when(text, &p->spec.starts_at, &p->spec.ends_at)) {
		app_error(a, _("'%s' is not a time like '2026-12-05 12:30' or '2026-12-05 12:30-13:30'"), text);
		free_phase_ctx(p);
		return;
	}
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_name_done(struct app *a, void *state, const char *text)
{
	struct tab *t = state;
	struct phase_ctx *p = phase_ctx_from(NULL);

	p->name = pd_strdup(text);
	p->spec.name = p->name;
	if (tt(t)->pending)
		free_phase_ctx(tt(t)->pending);
	tt(t)->pending = p;
	app_prompt(a, _("When (YYYY-MM-DD HH:MM, or with -HH:MM for its end):"), NULL, false, phase_when_done, t);
}

static void phase_rename_done(struct app *a, void *state, const char *text)
{
	struct phase_ctx *p = phase_ctx_from(selected_phase(state));

	free(p->name);
	p->name = pd_strdup(text);
	p->spec.name = p->name;
	app_write(a, phase_write, p, free_phase_ctx);
}

/* A start alone moves the phase and keeps its length; a start and an end set both. */
static void phase_time_done(struct app *a, void *state, const char *text)
{
	const struct phase *sel = selected_phase(state);
	struct phase_ctx *p;

	if (!sel)
		return;
	p = phase_ctx_from(sel);
	if (!parse_when(text, &p->spec.starts_at, &p->spec.ends_at)) {
		app_error(a, _("'%s' is not a time like '2026-12-05 12:30' or '2026-12-05 12:30-13:30'"), text);
		free_phase_ctx(p);
		return;
	}
	if (p->spec.ends_at == p->spec.starts_at)
		p->spec.ends_at = p->spec.starts_at + (sel->ends_at - sel->starts_at);
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_delete_yes(struct app *a, void *state)
{
	struct phase_ctx *p = phase_ctx_from(selected_phase(state));

	p->delete = true;
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_pin(struct app *a, struct tab *t)
{
	const struct phase *sel = selected_phase(t);
	struct phase_ctx *p;

	if (!sel)
		return;
	p = phase_ctx_from(sel);
	p->spec.pinned = !p->spec.pinned;
	app_write(a, phase_write, p, free_phase_ctx);
}

static void ask_delete(struct app *a, struct tab *t, const struct phase *p)
{
	char *q = pd_asprintf(_("Delete %s from the timeline? (y/n)"), p->name);

	app_confirm(a, q, phase_delete_yes, t);
	free(q);
}

static void ask_time(struct app *a, struct tab *t, const struct phase *p)
{
	char *when = when_text(p);

	app_prompt(a, _("When:"), when, false, phase_time_done, t);
	free(when);
}

static void timeline_act(struct app *a, struct tab *t, int action)
{
	const struct phase *p = selected_phase(t);

	if (action == ACT_ADD)
		app_prompt(a, _("New phase's name:"), NULL, false, phase_name_done, t);
	else if (!p)
		return;
	else if (action == ACT_RENAME)
		app_prompt(a, _("New name:"), p->name, false, phase_rename_done, t);
	else if (action == ACT_TIME)
		ask_time(a, t, p);
	else if (action == ACT_PIN)
		phase_pin(a, t);
	else if (action == ACT_DELETE)
		ask_delete(a, t, p);
}

static size_t timeline_rows(struct tab *t)
{
	return tt(t)->timeline.count;
}

static const char *timeline_text(struct tab *t, size_t row, int field)
{
	return field == 0 ? tt(t)->timeline.items[row].name : NULL;
}

static void *timeline_new(void)
{
	return pd_calloc(1, sizeof(struct timeline_tab));
}

static void timeline_free(void *state)
{
	struct timeline_tab *tl = state;

	timeline_clear(&tl->timeline);
	if (tl->pending)
		free_phase_ctx(tl->pending);
	free(tl);
}

const struct tab_ops tab_timeline_ops = {
	.label = N_("Timeline"),
	.keys = timeline_keys,
	.nkeys = PD_ARRAY_LEN(timeline_keys),
	.watch = WATCH_TIMELINE,
	.new = timeline_new,
	.load = timeline_tab_load,
	.draw = timeline_draw,
	.act = timeline_act,
	.row_count = timeline_rows,
	.row_text = timeline_text,
	.free = timeline_free,
};
