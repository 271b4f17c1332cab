#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/panel.h"
#include "podium/store.h"
#include "podium/text.h"
#include "tui/organizer.h"

/*
 * The sheets tab: a grid of judges by teams that shows the gaps (S submitted,
 * C changed since submitted, d draft, x conflict, · missing; a blank where the
 * judge is not on the team's panel), the panels' coverage, and each judge's total for the
 * calibration pitch beside it. The columns are lettered, with a legend of the
 * teams below. A assigns the judges again, i imports sheets from CSV.
 */
enum { ACT_IMPORT, ACT_ASSIGN };

static const struct tui_key sheets_keys[] = {
	{ ACT_IMPORT, 'i', 0, "i", N_("import CSV"), true },
	{ ACT_ASSIGN, 'A', 0, "A", N_("assign the judges (asks first)"), true },
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

/* The letter of team column t: A-Z, then a-z, then digits. */
static char column_letter(size_t t)
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	return t < sizeof(letters) - 1 ? letters[t] : '?';
}

static void judge_row(void *ctx, WINDOW *w, size_t j, int y, int cols, bool cur)
{
	/* by enum cell_state */
	static const char *const marks[] = { "·", "d", "S", "x", "C" };
	static const enum theme_role looks[] = {
		ROLE_LOOK_DEFAULT,	  ROLE_LOOK_STATE_DRAFT,    ROLE_LOOK_STATE_SUBMITTED,
		ROLE_LOOK_STATE_CONFLICT, ROLE_LOOK_STATE_CHANGED,
	};
	const struct grid_draw *d = ctx;
	const struct sheet_grid *g = d->g;

	(void)cols;
	draw_text(w, y, 2, tab_look(cur, ROLE_LOOK_DEFAULT), g->judges.items[j].name, NAME_W);
	for (size_t t = 0; t < d->shown; t++) {
		size_t i = j * g->teams.count + t;
		unsigned char c = g->cells[i];
		bool expected = !g->panels || g->panel[i];

		draw_text(w, y, NAME_W + 3 + (int)t, looks[c], c == CELL_MISSING && !expected ? " " : marks[c], 1);
	}
	if (g->calibration_team) {
		char total[16] = "    -";

		if (!isnan(g->calibration_total[j]))
			snprintf(total, sizeof(total), "%5.1f", g->calibration_total[j]);
		draw_text(w, y, NAME_W + 5 + (int)d->shown, ROLE_LOOK_SCORE, total, 7);
	}
}

/* The columns' letters over the grid. */
static void draw_letters(const struct grid_draw *d, WINDOW *w, int y)
{
	for (size_t t = 0; t < d->shown; t++) {
		char letter[2] = { column_letter(t), '\0' };

		draw_text(w, y, NAME_W + 3 + (int)t, ROLE_LOOK_HEADER, letter, 1);
	}
}

/* "A Bridge Builders  B Code Camarades ...": the teams of the shown columns, on the rows from y; returns the rows used. */
static int draw_legend(const struct grid_draw *d, WINDOW *w, int y, int rows, int cols)
{
	int used = 0, x = 2;

	for (size_t t = 0; t < d->shown && used < rows; t++) {
		const char *name = d->g->teams.items[t].name;
		int width = 3 + (int)text_width(name) + 2;
		char *entry;

		if (width > cols - 4)
			width = cols - 4;
		if (x > 2 && x + width > cols - 2) {
			x = 2;
			if (++used >= rows)
				break;
		}
		entry = pd_asprintf("%c %s", column_letter(t), name);
		draw_text(w, y + used, x, ROLE_LOOK_MUTED, entry, width - 2);
		free(entry);
		x += width;
	}
	return d->shown ? used + 1 : 0;
}

/* How many rows the legend needs at cols columns. */
static int legend_rows(const struct grid_draw *d, int cols)
{
	int used = 1, x = 2;

	for (size_t t = 0; t < d->shown; t++) {
		int width = 3 + (int)text_width(d->g->teams.items[t].name) + 2;

		if (width > cols - 4)
			width = cols - 4;
		if (x > 2 && x + width > cols - 2) {
			x = 2;
			used++;
		}
		x += width;
	}
	return d->shown ? used : 0;
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

/* "S submitted  d draft  x conflict  · missing": the grid's marks, C and blank when it has them. */
static char *grid_marks(const struct sheet_grid *g)
{
	const char *marks[] = {
		_("S submitted"), g->changed ? _("C changed") : NULL,
		_("d draft"),	  _("x conflict"),
		_("· missing"),	  g->panels ? _("blank: not on the panel") : NULL,
	};
	char *line = pd_strdup("");

	for (size_t i = 0; i < PD_ARRAY_LEN(marks); i++) {
		char *next;

		if (!marks[i])
			continue;
		next = pd_asprintf("%s%s%s", line, line[0] ? "  " : "", marks[i]);
		free(line);
		line = next;
	}
	return line;
}

static void sheets_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	const struct sheet_grid *g = &sh(t)->grid;
	int avail = cols - NAME_W - 3 - (g->calibration_team ? 9 : 0), legend;
	struct grid_draw d = { g, 0 };
	char line[256];

	(void)a;
	if (avail > 62)
		avail = 62;		/* as many columns as letters */
	d.shown = g->teams.count < (size_t)(avail > 0 ? avail : 0) ? g->teams.count : (size_t)(avail > 0 ? avail : 0);
	{
		char drafts[64], conflicts[64];

		snprintf(drafts, sizeof(drafts), P_("%zu draft", "%zu drafts", g->drafts), g->drafts);
		snprintf(conflicts, sizeof(conflicts), P_("%zu conflict", "%zu conflicts", g->conflicts), g->conflicts);
		snprintf(line, sizeof(line), _("%zu submitted · %s · %s · %zu missing"), g->submitted, drafts, conflicts,
			 g->missing);
		if (g->changed) {
			size_t used = strlen(line);

			snprintf(line + used, sizeof(line) - used,
				 P_(" · %zu changed since submitted", " · %zu changed since submitted",
				    g->changed),
				 g->changed);
		}
	}
	draw_text(w, top, 2, ROLE_LOOK_HEADER, line, cols - 4);
	if (draw_coverage(&sh(t)->coverage, w, top + 1, cols)) {
		top++;
		rows--;
	}
	legend = 1 + legend_rows(&d, cols) + (g->teams.count > d.shown);
	if (legend > (rows - 2) / 2)
		legend = (rows - 2) / 2;
	draw_letters(&d, w, top + 1);
	list_draw(&t->list, g->judges.count, w, top + 2, rows - 2 - legend, cols, judge_row, &d);
	if (legend > 0) {
		char *marks = grid_marks(g);
		int used = 1;

		draw_text(w, top + rows - legend, 2, ROLE_LOOK_MUTED, marks, cols - 4);
		free(marks);
		used += draw_legend(&d, w, top + rows - legend + 1, legend - 1, cols);

		if (g->teams.count > d.shown && used < legend)
			draw_text(w, top + rows - 1, 2, ROLE_LOOK_MUTED, _("(more teams than columns: widen the terminal)"),
				  cols - 4);
	}
	if (g->calibration_team) {
		char *head = pd_asprintf(_("calibration: %s"), g->calibration_team);

		draw_text(w, top + 1, NAME_W + 5 + (int)d.shown, ROLE_LOOK_HEADER, head, cols - NAME_W - 6 - (int)d.shown);
		free(head);
	}
}

/* ---- assign the judges ---- */

static enum status assign_write(struct app *a, void *ctx)
{
	int per_team = *(int *)ctx;
	struct panel_result r;
	enum status s = panel_assign(a->st, per_team, &r);

	if (s == ST_OK)
		app_notice(a, P_("Assigned %d judge to each of %zu teams: %zu assignments",
				 "Assigned %d judges to each of %zu teams: %zu assignments", per_team),
			   per_team, r.teams, r.assignments);
	return s;
}

static void assign_done(struct app *a, void *state, const char *text)
{
	char *end;
	long n = strtol(text, &end, 10);
	int *per_team;

	(void)state;
	if (end == text || *end || n < 1 || n > PANEL_MAX_PER_TEAM) {
		app_error(a, _("judges per team: a whole number from 1 to %d"), PANEL_MAX_PER_TEAM);
		return;
	}
	per_team = pd_calloc(1, sizeof(*per_team));
	*per_team = (int)n;
	app_write(a, assign_write, per_team, free);
}

static void ask_assign(struct app *a, struct tab *t)
{
	int last = sh(t)->coverage.per_team;
	char initial[16];

	snprintf(initial, sizeof(initial), "%d", last > 0 ? last : 3);
	app_prompt(a, _("Assign the judges again, every panel replaced (Esc cancels); judges per team:"), initial,
		   false, assign_done, t);
}

static void sheets_act(struct app *a, struct tab *t, int action)
{
	static const struct tab_import sheets = { N_("Import sheets from CSV file:"), import_sheets };

	if (action == ACT_IMPORT)
		organizer_import(a, &sheets);
	else if (action == ACT_ASSIGN)
		ask_assign(a, t);
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
