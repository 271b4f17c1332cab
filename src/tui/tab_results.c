#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "podium/i18n.h"
#include "podium/idmap.h"
#include "podium/ranking.h"
#include "tui/organizer.h"

/*
 * The results tab: the official result (the results policy's method) with
 * the other method's rank and score beside it, for comparison.
 */
struct results_tab {
	struct ranking official;	/* the results policy's */
	struct ranking other;		/* by the other method */
	struct idmap other_ix;		/* team id to its row in other */
};

static struct results_tab *rs(struct tab *t)
{
	return t->state;
}

static void results_clear(struct results_tab *r)
{
	ranking_clear(&r->official);
	ranking_clear(&r->other);
	idmap_clear(&r->other_ix);
}

static enum status results_load(struct app *a, struct tab *t)
{
	struct results_tab *r = rs(t);
	struct rank_request other = { .override_method = true };
	enum status s;

	results_clear(r);
	if ((s = ranking_compute(a->st, NULL, &r->official)) != ST_OK)
		return s;
	other.method = r->official.method == RANK_RAW ? RANK_NORMALIZED : RANK_RAW;
	if ((s = ranking_compute(a->st, &other, &r->other)) != ST_OK)
		return s;
	IDMAP_BUILD(&r->other_ix, r->other.rows, r->other.count, team_id);
	return ST_OK;
}

/* A score as the results show it: 2 decimals for raw, 3 for normalized. */
static void format_rank_score(const struct rank_row *row, enum rank_method m, char rank[8], char score[16])
{
	rank[0] = score[0] = '\0';
	if (row->rank)
		snprintf(rank, 8, "%d%s", row->rank, row->tied ? "=" : "");
	if (row->judges)
		snprintf(score, 16, "%.*f", m == RANK_RAW ? 2 : 3, row->score);
}

struct results_draw {
	const struct results_tab *r;
	int name_w;
};

static void rank_row_draw(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct results_draw *d = ctx;
	const struct rank_row *row = &d->r->official.rows[i];
	long at = idmap_find(&d->r->other_ix, row->team_id);
	const struct rank_row *other = at >= 0 ? &d->r->other.rows[at] : NULL;
	enum theme_role role = tab_look(cur, ROLE_LOOK_DEFAULT);
	char rank[8], score[16], orank[8] = "", oscore[16] = "", judges[8];
	int name_w = d->name_w;

	format_rank_score(row, d->r->official.method, rank, score);
	if (other)
		format_rank_score(other, d->r->other.method, orank, oscore);
	snprintf(judges, sizeof(judges), "%d", row->judges);
	draw_text_right(w, y, 2, tab_look(cur, ROLE_LOOK_RANK), rank, 5);
	draw_text(w, y, 9, tab_look(cur, ROLE_LOOK_TEAM), row->team, name_w);
	draw_text_right(w, y, 10 + name_w, tab_look(cur, ROLE_LOOK_SCORE), score, 7);
	draw_text_right(w, y, 18 + name_w, role, orank, 7);
	draw_text_right(w, y, 26 + name_w, role, oscore, 7);
	draw_text_right(w, y, 34 + name_w, role, judges, 6);
	if (row->status == RANK_PENDING)
		draw_text(w, y, 42 + name_w, tab_look(cur, ROLE_LOOK_MUTED), _("pending"), cols - 42 - name_w);
}

static void results_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	struct results_draw d = { rs(t), cols - 46 > 10 ? cols - 46 : 10 };
	bool raw = d.r->official.method == RANK_RAW;
	int name_w = d.name_w;

	(void)a;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, "#", 6);
	draw_text(w, top, 9, ROLE_LOOK_HEADER, _("Team"), name_w);
	draw_text_right(w, top, 10 + name_w, ROLE_LOOK_HEADER, raw ? _("Raw") : _("Z"), 7);
	draw_text_right(w, top, 18 + name_w, ROLE_LOOK_HEADER, raw ? _("Norm #") : _("Raw #"), 7);
	draw_text_right(w, top, 26 + name_w, ROLE_LOOK_HEADER, raw ? _("Z") : _("Raw"), 7);
	draw_text_right(w, top, 34 + name_w, ROLE_LOOK_HEADER, _("Judges"), 6);
	list_draw(&t->list, d.r->official.count, w, top + 1, rows - 1, cols, rank_row_draw, &d);
}

static void results_act(struct app *a, struct tab *t, int action)
{
	(void)a;
	(void)t;
	(void)action;
}

static size_t results_rows(struct tab *t)
{
	return rs(t)->official.count;
}

static const char *results_text(struct tab *t, size_t row, int field)
{
	return field == 0 ? rs(t)->official.rows[row].team : NULL;
}

static void *results_new(void)
{
	return pd_calloc(1, sizeof(struct results_tab));
}

static void results_free(void *state)
{
	results_clear(state);
	free(state);
}

const struct tab_ops tab_results_ops = {
	.label = N_("Results"),
	.watch = WATCH_SHEETS | WATCH_RECORDS | WATCH_RUBRIC | WATCH_EVENT,
	.new = results_new,
	.load = results_load,
	.draw = results_draw,
	.act = results_act,
	.row_count = results_rows,
	.row_text = results_text,
	.free = results_free,
};
