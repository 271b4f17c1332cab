#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/i18n.h"
#include "podium/record.h"
#include "podium/store.h"
#include "tui/tui.h"

/*
 * The coach: their own sessions (time, team, stage) above, and below every
 * team's progress through the stages, a ✓ for each one validated. The cursor
 * sits on a team and a stage: v validates that stage, b books the team at the
 * next time both are free. Tab moves to the sessions, where m moves one and
 * x cancels it. Opened without a name, it first asks which coach you are.
 */
struct coach_screen {
	bool picking;
	struct coaching_coach *coaches;
	size_t ncoaches;
	struct tui_list pick;

	char coach_id[ID_LEN + 1];
	char *coach;
	struct coaching_sessions sessions;
	struct coaching_progress progress;
	bool on_sessions; /* the cursor is in the sessions, not the teams */
	size_t sess_sel, sess_top, team_sel, team_top, stage;
	bool placed; /* the session cursor was put on the next session */
	char title[256];
};

enum {
	ACT_LEFT,
	ACT_RIGHT,
	ACT_VALIDATE,
	ACT_BOOK,
	ACT_FOCUS,
	ACT_MOVE,
	ACT_CANCEL,
	ACT_CHOOSE,
};

static const struct tui_key coach_keys[] = {
    {ACT_VALIDATE, 'v', 0, "v", N_("validate the stage"), true},
    {ACT_BOOK, 'b', 0, "b", N_("book a session"), true},
    {ACT_LEFT, 'h', TUI_FN(KEY_LEFT), "h/l", N_("stage"), true},
    {ACT_RIGHT, 'l', TUI_FN(KEY_RIGHT), "l", N_("next stage"), false},
    {ACT_FOCUS, '\t', 0, "Tab", N_("sessions / teams"), true},
    {ACT_MOVE, 'm', 0, "m", N_("move the session to another time"), false},
    {ACT_CANCEL, 'x', 0, "x", N_("cancel the session"), false},
};

static const struct tui_key pick_keys[] = {
    {ACT_CHOOSE, TUI_ENTER, 0, "Enter", N_("open as this coach"), true},
};

static const struct screen_ops coach_pick_ops;

static struct coach_screen *cs(void *state)
{
	return state;
}

/* ---- the picker ---- */

static enum status pick_load(struct app *a, void *state)
{
	struct coach_screen *c = cs(state);

	coaching_coaches_free(c->coaches, c->ncoaches);
	c->coaches = NULL;
	c->ncoaches = 0;
	return coaching_coaches(a->st, &c->coaches, &c->ncoaches);
}

static const char *pick_title(struct app *a, void *state)
{
	(void)a;
	(void)state;
	return _(" podium · which coach are you?");
}

static void coach_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	struct coach_screen *c = ctx;

	list_draw_label(w, y, cols, cur, c->coaches[i].name);
}

static void pick_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct coach_screen *c = cs(state);

	(void)a;
	if (c->ncoaches == 0) {
		draw_text(w, top + 1, 2, ROLE_LOOK_MUTED,
			  _("No coaches yet: the organizer imports them."), cols - 4);
		return;
	}
	draw_text(w, top + 1, 2, ROLE_LOOK_HEADER, _("Open the console as coach:"), cols - 4);
	list_draw(&c->pick, c->ncoaches, w, top + 2, rows - 2, cols, coach_row, c);
}

static void become(struct app *a, struct coach_screen *c, const char *id, const char *name)
{
	char *actor = pd_asprintf("coach %s", name);

	c->picking = false;
	snprintf(c->coach_id, sizeof(c->coach_id), "%s", id);
	free(c->coach);
	c->coach = pd_strdup(name);
	a->who.role = ROLE_COACH;
	snprintf(a->who.person_id, sizeof(a->who.person_id), "%s", id);
	free(a->who_name);
	a->who_name = pd_strdup(name);
	audit_set_actor(actor);
	free(actor);
}

static void pick_act(struct app *a, void *state, int action, int key)
{
	struct coach_screen *c = cs(state);

	(void)key;
	switch (action) {
	case ACT_CHOOSE:
		if (c->pick.sel < c->ncoaches) {
			become(a, c, c->coaches[c->pick.sel].id, c->coaches[c->pick.sel].name);
			app_switch(a, &screen_coach_ops, c);
		}
		break;
	}
}

/* ---- loading ---- */

static enum status coach_load(struct app *a, void *state)
{
	struct coach_screen *c = cs(state);
	enum status s;

	if (c->picking) {
		/* start.c opens this screen; the picker is its first step */
		app_switch(a, &coach_pick_ops, c);
		return pick_load(a, c);
	}
	coaching_sessions_clear(&c->sessions);
	coaching_progress_clear(&c->progress);
	s = coaching_sessions(a->st, c->coach_id, &c->sessions);
	if (s == ST_OK)
		s = coaching_progress(a->st, &c->progress);
	if (!c->placed && s == ST_OK) {
		int64_t now = clock_local_now();

		/* start on the next session to come */
		while (c->sess_sel + 1 < c->sessions.count &&
		       c->sessions.items[c->sess_sel].end <= now)
			c->sess_sel++;
		c->placed = true;
	}
	if (c->sess_sel >= c->sessions.count)
		c->sess_sel = c->sessions.count ? c->sessions.count - 1 : 0;
	if (c->team_sel >= c->progress.nteams)
		c->team_sel = c->progress.nteams ? c->progress.nteams - 1 : 0;
	if (c->stage >= c->progress.nstages)
		c->stage = c->progress.nstages ? c->progress.nstages - 1 : 0;
	return s;
}

/* ---- drawing ---- */

static const char *coach_title(struct app *a, void *state)
{
	struct coach_screen *c = cs(state);

	(void)a;
	snprintf(c->title, sizeof(c->title), P_(" podium · coach %s · %zu session", " podium · coach %s · %zu sessions",
						c->sessions.count),
		 c->coach ? c->coach : "", c->sessions.count);
	return c->title;
}

/* Below this width the sessions drop the end time and the grid gives way to the team names. */
#define NARROW_COLS 44
#define NAME_MIN 10

/* Where a session's columns go: its time, the team, the stage (width 0: no room for it). */
struct session_columns {
	int when_w, team_x, team_w, stage_x, stage_w;
};

static struct session_columns session_columns(int cols)
{
	struct session_columns c;

	if (cols >= NARROW_COLS) {
		c.when_w = 18;
		c.team_w = cols - 37 > 10 ? cols - 37 : 10;
	} else {
		/* the team name shrinks to its minimum before the stage goes */
		c.when_w = 12;
		c.team_w = cols - 22 > NAME_MIN ? cols - 22 : NAME_MIN;
	}
	c.team_x = 1 + c.when_w + 1;
	if (c.team_x + c.team_w > cols)
		c.team_w = cols - c.team_x;
	c.stage_x = c.team_x + c.team_w + 1;
	c.stage_w = cols - 1 - c.stage_x;
	return c;
}

/* "12-05 09:00-09:20", or "12-05 09:00" when narrow. */
static void session_when(const struct coaching_session *s, bool with_end, char *out, size_t n)
{
	char start[17], end[17];

	clock_format(s->start, start);
	clock_format(s->end, end);
	if (with_end)
		snprintf(out, n, "%s-%s", start + 5, end + 11);
	else
		snprintf(out, n, "%s", start + 5);
}

static int draw_sessions(struct coach_screen *c, WINDOW *w, int y, int rows, int cols)
{
	int64_t now = clock_local_now();
	struct session_columns col = session_columns(cols);
	char head[64];

	snprintf(head, sizeof(head), _("My sessions (%zu)"), c->sessions.count);
	draw_text(w, y++, 1, ROLE_LOOK_HEADER, head, cols - 2);
	if (c->sessions.count == 0) {
		draw_text(w, y, 2, ROLE_LOOK_MUTED,
			  _("No sessions yet: press b on a team to book one."), cols - 4);
		return 2;
	}
	draw_scroll(c->sess_sel, &c->sess_top, rows);
	for (int r = 0; r < rows && c->sess_top + (size_t)r < c->sessions.count; r++, y++) {
		size_t i = c->sess_top + (size_t)r;
		const struct coaching_session *s = &c->sessions.items[i];
		bool cur = c->on_sessions && i == c->sess_sel;
		enum theme_role look = cur	       ? ROLE_LOOK_CURSOR
				       : s->end <= now ? ROLE_LOOK_MUTED
						       : ROLE_LOOK_DEFAULT;
		char when[32];

		session_when(s, cols >= NARROW_COLS, when, sizeof(when));
		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, y, 1, look, when, col.when_w);
		draw_text(w, y, col.team_x, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, s->team, col.team_w);
		draw_text(w, y, col.stage_x, look, s->stage, col.stage_w);
	}
	return 1 + (rows < (int)c->sessions.count ? rows : (int)c->sessions.count);
}

/* The first n characters of s (a stage's short name for a column head: "Eng"). */
static void head_of(const char *s, size_t n, char *out, size_t size)
{
	size_t i = 0;

	while (s[i] && n) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
		n--;
	}
	snprintf(out, size, "%.*s", (int)i, s);
}

/*
 * The grid's columns: the team name, then a cell of 4 per stage shown, then
 * "Done". When every stage does not fit, the name shrinks to NAME_MIN, then
 * stages go from the right behind a "+N" cell, the cursor's stage kept in view.
 */
struct grid_columns {
	int name_w;
	size_t first, shown;	/* the stages drawn: [first, first + shown) */
	bool marker;		/* a "+N" cell after them */
	int done_x;
};

#define STAGE_CELL 4

static struct grid_columns grid_columns(size_t nstages, size_t stage, int cols)
{
	struct grid_columns g = { .first = 0, .shown = nstages };
	int fixed = 2 + 6;	/* the margins and "Done" */

	g.name_w = cols - fixed - (int)nstages * STAGE_CELL;
	if (g.name_w < NAME_MIN && nstages > 0) {
		int room = (cols - fixed - NAME_MIN) / STAGE_CELL - 1;	/* one cell for "+N" */

		g.shown = room > 0 ? (size_t)room : 0;
		g.marker = true;
		if (stage >= g.shown)
			g.first = g.shown ? stage - g.shown + 1 : stage;
		g.name_w = cols - fixed - (int)(g.shown + 1) * STAGE_CELL;
	}
	if (g.name_w < 1)
		g.name_w = 1;
	g.done_x = 2 + g.name_w + (int)(g.shown + g.marker) * STAGE_CELL;
	return g;
}

/* The columns left of cols from x, at most want: nothing drawn ever wraps to the next line. */
static int fit(int x, int want, int cols)
{
	return x + want <= cols ? want : cols - x;
}

static void draw_grid_head(const struct coaching_progress *p, const struct grid_columns *g, WINDOW *w, int y,
			   int cols)
{
	char head[32];

	draw_text(w, y, 1, ROLE_LOOK_HEADER, "Team", fit(1, g->name_w, cols));
	for (size_t k = 0; k < g->shown; k++) {
		int x = 2 + g->name_w + (int)k * STAGE_CELL;

		head_of(p->stages[g->first + k], 3, head, sizeof(head));
		draw_text(w, y, x, ROLE_LOOK_HEADER, head, fit(x, STAGE_CELL - 1, cols));
	}
	if (g->marker) {
		int x = 2 + g->name_w + (int)g->shown * STAGE_CELL;

		snprintf(head, sizeof(head), "+%zu", p->nstages - g->shown);
		draw_text(w, y, x, ROLE_LOOK_MUTED, head, fit(x, STAGE_CELL - 1, cols));
	}
	draw_text_right(w, y, g->done_x, ROLE_LOOK_HEADER, "Done", fit(g->done_x, 4, cols));
}

static void draw_grid_row(struct coach_screen *c, const struct grid_columns *g, size_t i, WINDOW *w, int y,
			  int cols)
{
	const struct coaching_progress *p = &c->progress;
	const struct coaching_team *t = &p->teams[i];
	bool cur = !c->on_sessions && i == c->team_sel;
	char done[16];

	if (cur)
		draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
	draw_text(w, y, 1, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, t->team, fit(1, g->name_w, cols));
	for (size_t k = 0; k < g->shown; k++) {
		size_t s = g->first + k;
		const char *mark = t->validated[s] ? "✓" : "·";
		int x = 1 + g->name_w + (int)k * STAGE_CELL;
		char buf[16];

		if (cur && s == c->stage)
			snprintf(buf, sizeof(buf), "[%s]", mark);
		else
			snprintf(buf, sizeof(buf), " %s ", mark);
		draw_text(w, y, x,
			  cur		    ? ROLE_LOOK_CURSOR
			  : t->validated[s] ? ROLE_LOOK_STATE_SUBMITTED
					    : ROLE_LOOK_MUTED,
			  buf, fit(x, STAGE_CELL, cols));
	}
	snprintf(done, sizeof(done), "%zu/%zu", t->done, p->nstages);
	draw_text_right(w, y, g->done_x, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, done, fit(g->done_x, 4, cols));
}

static void draw_progress(struct coach_screen *c, WINDOW *w, int y, int rows, int cols)
{
	const struct coaching_progress *p = &c->progress;
	struct grid_columns g = grid_columns(p->nstages, c->stage, cols);

	draw_grid_head(p, &g, w, y, cols);
	y++;
	rows--;
	if (p->nteams == 0) {
		draw_text(w, y + 1, 2, ROLE_LOOK_MUTED, _("No teams yet: the organizer imports them."),
			  cols - 4);
		return;
	}
	draw_scroll(c->team_sel, &c->team_top, rows);
	for (int r = 0; r < rows && c->team_top + (size_t)r < p->nteams; r++, y++)
		draw_grid_row(c, &g, c->team_top + (size_t)r, w, y, cols);
}

static void coach_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct coach_screen *c = cs(state);
	int shown = rows / 3 - 1, used;

	(void)a;
	if (shown < 1)
		shown = 1;
	used = draw_sessions(c, w, top, shown, cols);
	draw_progress(c, w, top + used + 1, rows - used - 1, cols);
}

/* ---- actions ---- */

struct write_ctx {
	char coach_id[ID_LEN + 1];
	char team_id[ID_LEN + 1];
	char session_id[ID_LEN + 1];
	char *team;
	char *stage;
	int64_t start;
};

static void free_ctx(void *ctx)
{
	struct write_ctx *x = ctx;

	free(x->team);
	free(x->stage);
	free(x);
}

static struct write_ctx *new_ctx(struct coach_screen *c, const char *team_id, const char *team)
{
	struct write_ctx *x = pd_calloc(1, sizeof(*x));

	snprintf(x->coach_id, sizeof(x->coach_id), "%s", c->coach_id);
	snprintf(x->team_id, sizeof(x->team_id), "%s", team_id);
	x->team = pd_strdup(team);
	return x;
}

static enum status save_validate(struct app *a, void *ctx)
{
	struct write_ctx *x = ctx;
	enum status s = coaching_validate(a->st, x->coach_id, x->team_id, x->stage);

	if (s == ST_OK)
		app_notice(a, _("%s validated for %s"), x->stage, x->team);
	return s;
}

static enum status save_book(struct app *a, void *ctx)
{
	struct write_ctx *x = ctx;
	struct coaching_session out;
	enum status s =
	    coaching_book(a->st, x->coach_id, x->team_id, COACHING_LENGTH_DEFAULT, &out);

	if (s == ST_OK) {
		char when[17];

		clock_format(out.start, when);
		app_notice(a, _("Booked %s for %s at %s"), out.team, out.stage, when);
		coaching_session_clear(&out);
	}
	return s;
}

static enum status save_move(struct app *a, void *ctx)
{
	struct write_ctx *x = ctx;
	enum status s = coaching_move(a->st, x->session_id, x->start);

	if (s == ST_OK) {
		char when[17];

		clock_format(x->start, when);
		app_notice(a, _("Moved the session with %s to %s"), x->team, when);
	}
	return s;
}

static enum status save_cancel(struct app *a, void *ctx)
{
	struct write_ctx *x = ctx;
	enum status s = coaching_cancel(a->st, x->session_id);

	if (s == ST_OK)
		app_notice(a, _("Cancelled the session with %s"), x->team);
	return s;
}

static void validate_yes(struct app *a, void *state)
{
	struct coach_screen *c = cs(state);
	const struct coaching_team *t = &c->progress.teams[c->team_sel];
	struct write_ctx *x = new_ctx(c, t->team_id, t->team);

	x->stage = pd_strdup(c->progress.stages[c->stage]);
	app_write(a, save_validate, x, free_ctx);
	app_reload(a);
}

static void cancel_yes(struct app *a, void *state)
{
	struct coach_screen *c = cs(state);
	const struct coaching_session *s = &c->sessions.items[c->sess_sel];
	struct write_ctx *x = new_ctx(c, s->team_id, s->team);

	snprintf(x->session_id, sizeof(x->session_id), "%s", s->id);
	app_write(a, save_cancel, x, free_ctx);
	app_reload(a);
}

static void move_done(struct app *a, void *state, const char *text)
{
	struct coach_screen *c = cs(state);
	const struct coaching_session *s;
	struct write_ctx *x;
	int64_t start;
	int secs;

	if (c->sess_sel >= c->sessions.count)
		return;
	s = &c->sessions.items[c->sess_sel];
	if (!clock_parse(text, &start)) {
		if (!clock_parse_hm(text, &secs)) {
			app_error(a, _("'%s' is not a time: type HH:MM, or YYYY-MM-DD HH:MM"), text);
			return;
		}
		start = s->start - s->start % 86400 + secs; /* that day */
	}
	x = new_ctx(c, s->team_id, s->team);
	snprintf(x->session_id, sizeof(x->session_id), "%s", s->id);
	x->start = start;
	app_write(a, save_move, x, free_ctx);
	app_reload(a);
}

static void coach_act(struct app *a, void *state, int action, int key)
{
	struct coach_screen *c = cs(state);
	bool has_team = c->team_sel < c->progress.nteams,
	     has_session = c->sess_sel < c->sessions.count;

	(void)key;
	switch (action) {
	case ACT_LEFT:
		if (c->stage > 0)
			c->stage--;
		break;
	case ACT_RIGHT:
		if (c->stage + 1 < c->progress.nstages)
			c->stage++;
		break;
	case ACT_FOCUS:
		c->on_sessions = !c->on_sessions && c->sessions.count > 0;
		break;
	case ACT_VALIDATE:
		if (c->on_sessions && has_session) {
			/* from a session: its team and stage */
			const struct coaching_session *s = &c->sessions.items[c->sess_sel];

			for (size_t i = 0; i < c->progress.nteams; i++)
				if (strcmp(c->progress.teams[i].team_id, s->team_id) == 0)
					c->team_sel = i;
			for (size_t g = 0; g < c->progress.nstages; g++)
				if (strcmp(c->progress.stages[g], s->stage) == 0)
					c->stage = g;
			c->on_sessions = false;
			has_team = c->team_sel < c->progress.nteams;
		}
		if (!has_team || c->stage >= c->progress.nstages)
			break;
		if (c->progress.teams[c->team_sel].validated[c->stage]) {
			app_notice(a, _("%s is already validated for %s"),
				   c->progress.stages[c->stage],
				   c->progress.teams[c->team_sel].team);
		} else {
			char *q =
			    pd_asprintf(_("Validate %s for %s? (y/n)"), c->progress.stages[c->stage],
					c->progress.teams[c->team_sel].team);

			app_confirm(a, q, validate_yes, c);
			free(q);
		}
		break;
	case ACT_BOOK:
		if (c->on_sessions && has_session) {
			const struct coaching_session *s = &c->sessions.items[c->sess_sel];

			app_write(a, save_book, new_ctx(c, s->team_id, s->team), free_ctx);
		} else if (has_team) {
			const struct coaching_team *t = &c->progress.teams[c->team_sel];

			app_write(a, save_book, new_ctx(c, t->team_id, t->team), free_ctx);
		}
		app_reload(a);
		break;
	case ACT_MOVE:
		if (c->on_sessions && has_session) {
			char when[17];

			clock_format(c->sessions.items[c->sess_sel].start, when);
			app_prompt(a, _("Move to (HH:MM, or YYYY-MM-DD HH:MM):"), when, false,
				   move_done, c);
		} else {
			app_error(
			    a, _("Tab to your sessions first, then m moves the one under the cursor"));
		}
		break;
	case ACT_CANCEL:
		if (c->on_sessions && has_session) {
			const struct coaching_session *s = &c->sessions.items[c->sess_sel];
			char when[17], *q;

			clock_format(s->start, when);
			q = pd_asprintf(_("Cancel the session with %s at %s? (y/n)"), s->team, when);
			app_confirm(a, q, cancel_yes, c);
			free(q);
		}
		break;
	}
}

static void coach_free(void *state)
{
	struct coach_screen *c = cs(state);

	coaching_coaches_free(c->coaches, c->ncoaches);
	coaching_sessions_clear(&c->sessions);
	coaching_progress_clear(&c->progress);
	free(c->coach);
	free(c);
}

void *screen_coach_new(struct app *a, const char *coach)
{
	struct coach_screen *c = pd_calloc(1, sizeof(*c));
	char id[ID_LEN + 1], *name = NULL;

	c->picking = true;
	if (coach) {
		enum status s = record_find(a->st, KIND_COACH, coach, id, &name);

		if (s == ST_OK)
			become(a, c, id, name);
		else
			app_error(a, _("%s: pick yourself from the list"), status_message(s));
		free(name);
	}
	return c;
}

/* The rows '/' searches: the coach's sessions or the teams, where the cursor is. */
static size_t coach_rows(void *state)
{
	struct coach_screen *c = state;

	return c->on_sessions ? c->sessions.count : c->progress.nteams;
}

static const char *coach_text(void *state, size_t row, int field)
{
	struct coach_screen *c = state;

	if (c->on_sessions)
		return field == 0 ? c->sessions.items[row].team : field == 1 ? c->sessions.items[row].stage : NULL;
	return field == 0 ? c->progress.teams[row].team : NULL;
}

static size_t *coach_cursor(void *state)
{
	struct coach_screen *c = state;

	return c->on_sessions ? &c->sess_sel : &c->team_sel;
}

static size_t pick_rows(void *state)
{
	return ((struct coach_screen *)state)->ncoaches;
}

static const char *pick_text(void *state, size_t row, int field)
{
	return field == 0 ? ((struct coach_screen *)state)->coaches[row].name : NULL;
}

static size_t *pick_cursor(void *state)
{
	return &((struct coach_screen *)state)->pick.sel;
}

const struct screen_ops screen_coach_ops = {
    .name = "coach",
    .watch = WATCH_COACHING | WATCH_RECORDS | WATCH_RUBRIC | WATCH_SLOTS,
    .keys = coach_keys,
    .nkeys = PD_ARRAY_LEN(coach_keys),
    .load = coach_load,
    .draw = coach_draw,
    .act = coach_act,
    .title = coach_title,
    .row_count = coach_rows,
    .row_text = coach_text,
    .cursor = coach_cursor,
    .free = coach_free,
};

static const struct screen_ops coach_pick_ops = {
    .name = "coach picker",
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
    .free = coach_free,
};
