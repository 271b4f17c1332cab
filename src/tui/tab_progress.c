#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "podium/coaching.h"
#include "podium/i18n.h"
#include "tui/organizer.h"

/*
 * The progress tab: each team's way through the stages that coaches validate.
 * A plans the coach sessions again after a y/n.
 */
enum { ACT_PLAN };

static const struct tui_key progress_keys[] = {
	{ ACT_PLAN, 'A', 0, "A", N_("plan the coach sessions (asks first)"), true },
};

struct progress_tab {
	struct coaching_progress progress;
};

static struct coaching_progress *pr(struct tab *t)
{
	return &((struct progress_tab *)t->state)->progress;
}

static enum status progress_load(struct app *a, struct tab *t)
{
	coaching_progress_clear(pr(t));
	return coaching_progress(a->st, pr(t));
}

struct progress_draw {
	const struct coaching_progress *p;
	int name_w;
};

static void team_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct progress_draw *d = ctx;
	const struct coaching_team *t = &d->p->teams[i];
	char done[16];

	(void)cols;
	draw_text(w, y, 2, tab_look(cur, ROLE_LOOK_TEAM), t->team, d->name_w);
	for (size_t s = 0; s < d->p->nstages; s++)
		draw_text(w, y, 4 + d->name_w + (int)s * 5, t->validated[s] ? ROLE_LOOK_STATE_SUBMITTED : ROLE_LOOK_MUTED,
			  t->validated[s] ? "✓" : "·", 1);
	snprintf(done, sizeof(done), "%zu/%zu", t->done, d->p->nstages);
	draw_text_right(w, y, 3 + d->name_w + (int)d->p->nstages * 5, tab_look(cur, ROLE_LOOK_DEFAULT), done, 6);
}

static void progress_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	struct progress_draw d = { pr(t), cols - 4 - (int)pr(t)->nstages * 5 - 8 };

	(void)a;
	if (d.name_w < 10)
		d.name_w = 10;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Team"), d.name_w);
	for (size_t i = 0; i < d.p->nstages; i++)
		draw_text(w, top, 3 + d.name_w + (int)i * 5, ROLE_LOOK_HEADER, d.p->stages[i], 4);
	draw_text_right(w, top, 3 + d.name_w + (int)d.p->nstages * 5, ROLE_LOOK_HEADER, _("Done"), 6);
	if (d.p->nteams == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No teams yet."), cols - 4);
	list_draw(&t->list, d.p->nteams, w, top + 1, rows - 1, cols, team_row, &d);
}

static enum status plan_write(struct app *a, void *ctx)
{
	struct coaching_plan p;
	enum status s;

	(void)ctx;
	s = coaching_plan(a->st, COACHING_LENGTH_DEFAULT, &p);
	if (s != ST_OK)
		return s;
	if (p.nmisses)
		app_notice(a, P_("Planned %zu coach session; %zu stage could not fit",
				 "Planned %zu coach sessions; %zu stages could not fit",
				 p.placed),
			   p.placed, p.nmisses);
	else
		app_notice(a, P_("Planned %zu coach session", "Planned %zu coach sessions", p.placed), p.placed);
	coaching_plan_clear(&p);
	return ST_OK;
}

static void plan_yes(struct app *a, void *state)
{
	(void)state;
	app_write(a, plan_write, NULL, NULL);
}

static void progress_act(struct app *a, struct tab *t, int action)
{
	if (action == ACT_PLAN)
		app_confirm(a, _("Plan the coach sessions again? Sessions not begun are replaced. (y/n)"),
			    plan_yes, t);
}

static size_t progress_rows(struct tab *t)
{
	return pr(t)->nteams;
}

static const char *progress_text(struct tab *t, size_t row, int field)
{
	return field == 0 ? pr(t)->teams[row].team : NULL;
}

static void *progress_new(void)
{
	return pd_calloc(1, sizeof(struct progress_tab));
}

static void progress_free(void *state)
{
	struct progress_tab *p = state;

	coaching_progress_clear(&p->progress);
	free(p);
}

const struct tab_ops tab_progress_ops = {
	.label = N_("Progress"),
	.keys = progress_keys,
	.nkeys = PD_ARRAY_LEN(progress_keys),
	.watch = WATCH_COACHING | WATCH_RECORDS | WATCH_RUBRIC,
	.new = progress_new,
	.load = progress_load,
	.draw = progress_draw,
	.act = progress_act,
	.row_count = progress_rows,
	.row_text = progress_text,
	.free = progress_free,
};
