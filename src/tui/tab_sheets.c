#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "podium/board.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/panel.h"
#include "podium/store.h"
#include "tui/organizer.h"

/*
 * The sheets tab: a grid of judges by teams that shows the gaps (S submitted,
 * d draft, x conflict, · missing), the panels' coverage, and each judge's
 * total for the calibration pitch beside it. i imports sheets from CSV.
 */
enum { ACT_IMPORT };

static const struct tui_key sheets_keys[] = {
	{ ACT_IMPORT, 'i', 0, "i", N_("import CSV"), true },
};

struct sheets_tab {
	struct sheet_grid grid;
	struct panel_coverage coverage;
};

static struct sheets_tab *sh(struct tab *t)
{
	return t->state;
}

static enum status sheets_load(struct app *a, struct tab *t)
{
	enum status s;

	board_sheet_grid_clear(&sh(t)->grid);
	panel_coverage_clear(&sh(t)->coverage);
	if ((s = board_sheet_grid(a->st, &sh(t)->grid)) != ST_OK)
		return s;
	return panel_coverage(a->st, 0, &sh(t)->coverage);
}

#define NAME_W 18

struct grid_draw {
	const struct sheet_grid *g;
	size_t shown;		/* the team columns that fit */
};

static void judge_row(void *ctx, WINDOW *w, size_t j, int y, int cols, bool cur)
{
	static const char *const marks[] = { "·", "d", "S", "x" };
	static const enum theme_role looks[] = { ROLE_LOOK_MUTED, ROLE_LOOK_STATE_DRAFT, ROLE_LOOK_STATE_SUBMITTED,
						 ROLE_LOOK_STATE_CONFLICT };
	const struct grid_draw *d = ctx;
	const struct sheet_grid *g = d->g;

	(void)cols;
	draw_text(w, y, 2, tab_look(cur, ROLE_LOOK_DEFAULT), g->judges.items[j].name, NAME_W);
	for (size_t t = 0; t < d->shown; t++) {
		unsigned char c = g->cells[j * g->teams.count + t];

		draw_text(w, y, NAME_W + 3 + (int)t, looks[c], marks[c], 1);
	}
	if (g->calibration_team) {
		char total[16] = "    -";

		if (!isnan(g->calibration_total[j]))
			snprintf(total, sizeof(total), "%5.1f", g->calibration_total[j]);
		draw_text(w, y, NAME_W + 5 + (int)d->shown, ROLE_LOOK_SCORE, total, 7);
	}
}

/* The panels' coverage, when panels are set: one line, in the error look when short. */
static bool draw_coverage(const struct panel_coverage *c, WINDOW *w, int y, int cols)
{
	char *line;

	if (c->per_team <= 0)
		return false;
	{
		char *head = pd_asprintf(P_("Panels of %d judge:", "Panels of %d judges:", c->per_team), c->per_team);
		char *shortage = pd_asprintf(P_("%zu team short", "%zu teams short", c->nshort), c->nshort);
		char *conflicts = pd_asprintf(P_("%zu conflict", "%zu conflicts", c->conflicted), c->conflicted);
		char *clashes = pd_asprintf(P_("%zu clash", "%zu clashes", c->clashes), c->clashes);
		char *load = pd_asprintf(P_("judges see %zu to %zu team", "judges see %zu to %zu teams", c->max_load),
					 c->min_load, c->max_load);

		line = pd_asprintf("%s %s, %s, %s; %s", head, shortage, conflicts, clashes, load);
		free(head);
		free(shortage);
		free(conflicts);
		free(clashes);
		free(load);
	}
	draw_text(w, y, 2, c->nshort || c->conflicted || c->clashes ? ROLE_LOOK_STATUS_ERROR : ROLE_LOOK_MUTED, line,
		  cols - 4);
	free(line);
	return true;
}

static void sheets_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	const struct sheet_grid *g = &sh(t)->grid;
	int avail = cols - NAME_W - 3 - (g->calibration_team ? 9 : 0);
	struct grid_draw d = { g, 0 };
	char line[160];

	(void)a;
	d.shown = g->teams.count < (size_t)(avail > 0 ? avail : 0) ? g->teams.count : (size_t)(avail > 0 ? avail : 0);
	{
		size_t missing = g->judges.count * g->teams.count - g->submitted - g->drafts - g->conflicts;
		char drafts[64], conflicts[64];

		snprintf(drafts, sizeof(drafts), P_("%zu draft", "%zu drafts", g->drafts), g->drafts);
		snprintf(conflicts, sizeof(conflicts), P_("%zu conflict", "%zu conflicts", g->conflicts), g->conflicts);
		snprintf(line, sizeof(line), _("%zu submitted · %s · %s · %zu missing   (S submitted, d draft, x conflict, · missing)"),
			 g->submitted, drafts, conflicts, missing);
	}
	draw_text(w, top, 2, ROLE_LOOK_HEADER, line, cols - 4);
	if (draw_coverage(&sh(t)->coverage, w, top + 1, cols)) {
		top++;
		rows--;
	}
	list_draw(&t->list, g->judges.count, w, top + 2, rows - 2, cols, judge_row, &d);
	if (g->calibration_team) {
		char *head = pd_asprintf(_("calibration: %s"), g->calibration_team);

		draw_text(w, top + 1, NAME_W + 5 + (int)d.shown, ROLE_LOOK_HEADER, head, cols - NAME_W - 6 - (int)d.shown);
		free(head);
	}
	if (g->teams.count > d.shown)
		draw_text(w, top + 1, 2, ROLE_LOOK_MUTED, _("(more teams than columns: widen the terminal)"), cols - 4);
}

static void sheets_act(struct app *a, struct tab *t, int action)
{
	static const struct tab_import sheets = { N_("Import sheets from CSV file:"), import_sheets };

	(void)t;
	if (action == ACT_IMPORT)
		organizer_import(a, &sheets);
}

static size_t sheets_rows(struct tab *t)
{
	return sh(t)->grid.judges.count;
}

static const char *sheets_text(struct tab *t, size_t row, int field)
{
	return field == 0 ? sh(t)->grid.judges.items[row].name : NULL;
}

static void *sheets_new(void)
{
	return pd_calloc(1, sizeof(struct sheets_tab));
}

static void sheets_free(void *state)
{
	struct sheets_tab *s = state;

	board_sheet_grid_clear(&s->grid);
	panel_coverage_clear(&s->coverage);
	free(s);
}

const struct tab_ops tab_sheets_ops = {
	.label = N_("Sheets"),
	.keys = sheets_keys,
	.nkeys = PD_ARRAY_LEN(sheets_keys),
	.watch = WATCH_SHEETS | WATCH_RECORDS | WATCH_RUBRIC,
	.new = sheets_new,
	.load = sheets_load,
	.draw = sheets_draw,
	.act = sheets_act,
	.row_count = sheets_rows,
	.row_text = sheets_text,
	.free = sheets_free,
};
