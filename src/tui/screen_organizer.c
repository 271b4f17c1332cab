#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/people.h"
#include "podium/ranking.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "tui/tui.h"

/*
 * The organizer: tabs over the event's records and results. Add, delete
 * (after a confirmation) and import by CSV path on the record tabs; the
 * sheets grid shows the gaps; the results tab puts raw and normalized ranks
 * side by side. Lock, freeze and the ceremony reveal are one key each.
 */
#define TAB_INFO(_) \
	_(TEAMS,   "Teams") \
	_(JUDGES,  "Judges") \
	_(RUBRIC,  "Rubric") \
	_(SHEETS,  "Sheets") \
	_(RESULTS, "Results")

enum tab {
#define TAB_ENUM(id, label) TAB_##id,
	TAB_INFO(TAB_ENUM)
#undef TAB_ENUM
	TAB_COUNT
};

static const char *const tab_labels[] = {
#define TAB_LABEL(id, label) label,
	TAB_INFO(TAB_LABEL)
#undef TAB_LABEL
};

struct organizer_screen {
	enum tab tab;
	size_t sel[TAB_COUNT], top[TAB_COUNT];
	struct event event;
	struct board_names teams, judges;
	struct rubric rubric;
	struct sheet_grid grid;
	struct ranking raw, normalized;
	char title[256];
};

enum {
	ACT_NEXT_TAB, ACT_PREV_TAB, ACT_DOWN, ACT_UP, ACT_ADD, ACT_DELETE, ACT_IMPORT,
	ACT_LOCK, ACT_FREEZE, ACT_REVEAL, ACT_REVEAL_RESET,
};

static const struct tui_key organizer_keys[] = {
	{ ACT_NEXT_TAB, '\t', TUI_FN(KEY_RIGHT), "Tab", "next tab", true },
	{ ACT_PREV_TAB, TUI_FN(KEY_BTAB), TUI_FN(KEY_LEFT), "S-Tab", "previous tab", false },
	{ ACT_DOWN, 'j', TUI_FN(KEY_DOWN), "j/k", "move", false },
	{ ACT_UP, 'k', TUI_FN(KEY_UP), "k", "move up", false },
	{ ACT_ADD, 'a', 0, "a", "add", true },
	{ ACT_DELETE, 'd', TUI_FN(KEY_DC), "d", "delete", true },
	{ ACT_IMPORT, 'i', 0, "i", "import CSV", true },
	{ ACT_LOCK, 'L', 0, "L", "lock/unlock results", true },
	{ ACT_FREEZE, 'F', 0, "F", "freeze board", true },
	{ ACT_REVEAL, 'R', 0, "R", "reveal next", true },
	{ ACT_REVEAL_RESET, 'U', 0, "U", "end the reveal", false },
};

static void clear_data(struct organizer_screen *o)
{
	event_clear(&o->event);
	board_names_clear(&o->teams);
	board_names_clear(&o->judges);
	rubric_clear(&o->rubric);
	board_sheet_grid_clear(&o->grid);
	ranking_clear(&o->raw);
	ranking_clear(&o->normalized);
}

static size_t tab_rows(const struct organizer_screen *o)
{
	switch (o->tab) {
	case TAB_TEAMS:
		return o->teams.count;
	case TAB_JUDGES:
		return o->judges.count;
	case TAB_RUBRIC:
		return o->rubric.count;
	case TAB_SHEETS:
		return o->grid.judges.count;
	default:
		return o->raw.count;
	}
}

static enum status organizer_load(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	enum status s;

	clear_data(o);
	if ((s = event_get(a->st, &o->event)) != ST_OK)
		return s;
	if ((s = board_teams(a->st, &o->teams)) != ST_OK)
		return s;
	if ((s = board_judges(a->st, &o->judges)) != ST_OK)
		return s;
	if ((s = rubric_load(a->st, &o->rubric)) != ST_OK)
		return s;
	/* the heavier views are read only when shown */
	if (o->tab == TAB_SHEETS && (s = board_sheet_grid(a->st, &o->grid)) != ST_OK)
		return s;
	if (o->tab == TAB_RESULTS) {
		if ((s = ranking_compute(a->st, RANK_RAW, NULL, &o->raw)) != ST_OK)
			return s;
		if ((s = ranking_compute(a->st, RANK_NORMALIZED, NULL, &o->normalized)) != ST_OK)
			return s;
	}
	if (o->sel[o->tab] >= tab_rows(o))
		o->sel[o->tab] = tab_rows(o) ? tab_rows(o) - 1 : 0;
	return ST_OK;
}

static const char *organizer_title(struct app *a, void *state)
{
	struct organizer_screen *o = state;

	snprintf(o->title, sizeof(o->title), " podium · %s · organizer %s%s%s%s", o->event.name ? o->event.name : "",
		 a->who_name, o->event.results_locked ? " · results LOCKED" : "",
		 o->event.board_frozen ? " · board frozen" : "", o->event.reveal_step >= 0 ? " · reveal running" : "");
	return o->title;
}

static void draw_tabs(struct organizer_screen *o, WINDOW *w, int y, int cols)
{
	int x = 0;

	draw_fill(w, y, 0, ROLE_LOOK_TAB, cols);
	for (int t = 0; t < TAB_COUNT; t++) {
		char label[32];
		int n = snprintf(label, sizeof(label), " %d %s ", t + 1, tab_labels[t]);

		if (x + n > cols)
			break;
		draw_text(w, y, x, t == (int)o->tab ? ROLE_LOOK_TAB_ACTIVE : ROLE_LOOK_TAB, label, n);
		x += n + 1;
	}
}

/* Keep the selection in view; returns the first row to draw. */
static size_t scroll_to_selection(struct organizer_screen *o, int rows)
{
	size_t *sel = &o->sel[o->tab], *top = &o->top[o->tab];

	if (rows < 1)
		rows = 1;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + (size_t)rows)
		*top = *sel - (size_t)rows + 1;
	return *top;
}

static void draw_names(struct organizer_screen *o, const struct board_names *n, WINDOW *w, int top, int rows,
		       int cols, const char *empty)
{
	size_t first = scroll_to_selection(o, rows);

	if (n->count == 0) {
		draw_text(w, top + 1, 2, ROLE_LOOK_MUTED, empty, cols - 4);
		return;
	}
	for (int r = 0; r < rows && first + (size_t)r < n->count; r++) {
		size_t i = first + (size_t)r;
		bool cur = i == o->sel[o->tab];

		if (cur)
			draw_fill(w, top + r, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, top + r, 2, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, n->items[i].name, cols - 4);
	}
}

static void draw_rubric(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	size_t first = scroll_to_selection(o, rows - 1);

	draw_text(w, top, 2, ROLE_LOOK_HEADER, "Criterion", 16);
	draw_text(w, top, 19, ROLE_LOOK_HEADER, "Weight", 7);
	draw_text(w, top, 27, ROLE_LOOK_HEADER, "Scale", 9);
	draw_text(w, top, 37, ROLE_LOOK_HEADER, "Description", cols - 38);
	for (int r = 0; r < rows - 1 && first + (size_t)r < o->rubric.count; r++) {
		const struct criterion *c = &o->rubric.items[first + (size_t)r];
		bool cur = first + (size_t)r == o->sel[o->tab];
		enum theme_role role = cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT;
		char weight[16], scale[24];

		snprintf(weight, sizeof(weight), "%g", c->weight);
		snprintf(scale, sizeof(scale), "%d..%d", c->min, c->max);
		if (cur)
			draw_fill(w, top + 1 + r, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, top + 1 + r, 2, role, c->name, 16);
		draw_text(w, top + 1 + r, 19, role, weight, 7);
		draw_text(w, top + 1 + r, 27, role, scale, 9);
		draw_text(w, top + 1 + r, 37, cur ? role : ROLE_LOOK_MUTED, c->description, cols - 38);
	}
}

static void draw_grid(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	const struct sheet_grid *g = &o->grid;
	size_t first = scroll_to_selection(o, rows - 2);
	int name_w = 18, avail = cols - name_w - 3;
	size_t shown = g->teams.count < (size_t)(avail > 0 ? avail : 0) ? g->teams.count : (size_t)(avail > 0 ? avail : 0);
	char line[160];

	snprintf(line, sizeof(line), "%zu submitted · %zu drafts · %zu conflicts · %zu missing   (S submitted, d draft, x conflict, · missing)",
		 g->submitted, g->drafts, g->conflicts,
		 g->judges.count * g->teams.count - g->submitted - g->drafts - g->conflicts);
	draw_text(w, top, 2, ROLE_LOOK_HEADER, line, cols - 4);
	for (int r = 0; r < rows - 2 && first + (size_t)r < g->judges.count; r++) {
		size_t j = first + (size_t)r;
		int y = top + 2 + r;
		bool cur = j == o->sel[o->tab];

		draw_text(w, y, 2, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, g->judges.items[j].name, name_w);
		for (size_t t = 0; t < shown; t++) {
			static const char *const marks[] = { "·", "d", "S", "x" };
			static const enum theme_role looks[] = { ROLE_LOOK_MUTED, ROLE_LOOK_STATE_DRAFT,
								 ROLE_LOOK_STATE_SUBMITTED, ROLE_LOOK_STATE_CONFLICT };
			unsigned char c = g->cells[j * g->teams.count + t];

			draw_text(w, y, name_w + 3 + (int)t, looks[c], marks[c], 1);
		}
	}
	if (g->teams.count > shown)
		draw_text(w, top + 1, 2, ROLE_LOOK_MUTED, "(more teams than columns: widen the terminal)", cols - 4);
}

static void draw_results(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	size_t first = scroll_to_selection(o, rows - 1);
	int name_w = cols - 40 > 10 ? cols - 40 : 10;

	draw_text(w, top, 2, ROLE_LOOK_HEADER, "Raw #", 6);
	draw_text(w, top, 9, ROLE_LOOK_HEADER, "Team", name_w);
	draw_text_right(w, top, 10 + name_w, ROLE_LOOK_HEADER, "Raw", 7);
	draw_text_right(w, top, 18 + name_w, ROLE_LOOK_HEADER, "Norm #", 7);
	draw_text_right(w, top, 26 + name_w, ROLE_LOOK_HEADER, "Z", 7);
	draw_text_right(w, top, 34 + name_w, ROLE_LOOK_HEADER, "Judges", 6);
	for (int r = 0; r < rows - 1 && first + (size_t)r < o->raw.count; r++) {
		const struct rank_row *row = &o->raw.rows[first + (size_t)r];
		const struct rank_row *norm = NULL;
		char rank[8] = "", score[16] = "", nrank[8] = "", z[16] = "", judges[8];
		int y = top + 1 + r;
		bool cur = first + (size_t)r == o->sel[o->tab];
		enum theme_role role = cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT;

		for (size_t i = 0; i < o->normalized.count; i++)
			if (strcmp(o->normalized.rows[i].team_id, row->team_id) == 0)
				norm = &o->normalized.rows[i];
		if (row->rank) {
			snprintf(rank, sizeof(rank), "%d", row->rank);
			snprintf(score, sizeof(score), "%.2f", row->score);
		}
		if (norm && norm->rank) {
			snprintf(nrank, sizeof(nrank), "%d", norm->rank);
			snprintf(z, sizeof(z), "%.3f", norm->score);
		}
		snprintf(judges, sizeof(judges), "%d", row->judges);
		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text_right(w, y, 2, cur ? role : ROLE_LOOK_RANK, rank, 5);
		draw_text(w, y, 9, cur ? role : ROLE_LOOK_TEAM, row->team, name_w);
		draw_text_right(w, y, 10 + name_w, cur ? role : ROLE_LOOK_SCORE, score, 7);
		draw_text_right(w, y, 18 + name_w, role, nrank, 7);
		draw_text_right(w, y, 26 + name_w, role, z, 7);
		draw_text_right(w, y, 34 + name_w, role, judges, 6);
	}
}

static void organizer_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct organizer_screen *o = state;

	(void)a;
	draw_tabs(o, w, top, cols);
	top += 2;
	rows -= 2;
	switch (o->tab) {
	case TAB_TEAMS:
		draw_names(o, &o->teams, w, top, rows, cols, "No teams yet: a adds one, i imports a CSV file.");
		break;
	case TAB_JUDGES:
		draw_names(o, &o->judges, w, top, rows, cols, "No judges yet: a adds one, i imports a CSV file.");
		break;
	case TAB_RUBRIC:
		draw_rubric(o, w, top, rows, cols);
		break;
	case TAB_SHEETS:
		draw_grid(o, w, top, rows, cols);
		break;
	default:
		draw_results(o, w, top, rows, cols);
		break;
	}
}

/* ---- actions ---- */

struct record_ctx {
	enum tab tab;
	char *name;
	char id[ID_LEN + 1];
};

static void free_record_ctx(void *ctx)
{
	struct record_ctx *r = ctx;

	free(r->name);
	free(r);
}

static enum status add_txn(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	if (r->tab == TAB_TEAMS) {
		struct team_spec spec = { .name = r->name };

		return team_add(st, &spec, NULL);
	}
	{
		struct judge_spec spec = { .name = r->name };

		return judge_add(st, &spec, NULL);
	}
}

static enum status add_write(struct app *a, void *ctx)
{
	struct record_ctx *r = ctx;
	enum status s = store_write(a->st, add_txn, ctx);

	if (s == ST_OK)
		app_notice(a, "Added %s", r->name);
	return s;
}

static enum status delete_txn(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	return r->tab == TAB_TEAMS ? team_delete(st, r->id) : judge_delete(st, r->id);
}

static enum status delete_write(struct app *a, void *ctx)
{
	struct record_ctx *r = ctx;
	enum status s = store_write(a->st, delete_txn, ctx);

	if (s == ST_OK)
		app_notice(a, "Deleted %s", r->name);
	return s;
}

static void add_done(struct app *a, void *state, const char *text)
{
	struct organizer_screen *o = state;
	struct record_ctx *r = pd_calloc(1, sizeof(*r));

	r->tab = o->tab;
	r->name = pd_strdup(text);
	app_write(a, add_write, r, free_record_ctx);
}

static const struct board_name *selected_name(struct organizer_screen *o)
{
	const struct board_names *n = o->tab == TAB_TEAMS ? &o->teams : o->tab == TAB_JUDGES ? &o->judges : NULL;

	if (!n || o->sel[o->tab] >= n->count)
		return NULL;
	return &n->items[o->sel[o->tab]];
}

static void delete_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	const struct board_name *n = selected_name(o);
	struct record_ctx *r;

	if (!n)
		return;
	r = pd_calloc(1, sizeof(*r));
	r->tab = o->tab;
	r->name = pd_strdup(n->name);
	memcpy(r->id, n->id, sizeof(r->id));
	app_write(a, delete_write, r, free_record_ctx);
}

static void import_done(struct app *a, void *state, const char *path)
{
	struct organizer_screen *o = state;
	struct csv_table t;
	size_t count = 0;
	enum status s;

	if (!path[0])
		return;
	s = csv_read_file(path, &t);
	if (s == ST_OK) {
		if (o->tab == TAB_TEAMS)
			s = import_teams(a->st, path, &t, &count);
		else if (o->tab == TAB_JUDGES)
			s = import_judges(a->st, path, &t, &count);
		else if (o->tab == TAB_RUBRIC)
			s = import_criteria(a->st, path, &t, &count);
		else
			s = import_sheets(a->st, path, &t, &count);
		csv_table_clear(&t);
	}
	if (s == ST_OK)
		app_notice(a, "Imported %zu records from %s", count, path);
	else
		app_status(a, s);
	app_reload(a);
}

static void lock_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	enum status s = event_set_locked(a->st, !o->event.results_locked);

	if (s == ST_OK)
		app_notice(a, o->event.results_locked ? "Results unlocked" : "Results locked: sheets change only by a correction");
	else
		app_status(a, s);
	app_reload(a);
}

static void organizer_act(struct app *a, void *state, int action, int key)
{
	struct organizer_screen *o = state;
	size_t *sel = &o->sel[o->tab];
	const struct board_name *n;

	switch (action) {
	case ACT_NEXT_TAB:
		o->tab = (enum tab)((o->tab + 1) % TAB_COUNT);
		app_reload(a);
		break;
	case ACT_PREV_TAB:
		o->tab = (enum tab)((o->tab + TAB_COUNT - 1) % TAB_COUNT);
		app_reload(a);
		break;
	case ACT_DOWN:
		if (*sel + 1 < tab_rows(o))
			(*sel)++;
		break;
	case ACT_UP:
		if (*sel > 0)
			(*sel)--;
		break;
	case ACT_ADD:
		if (o->tab == TAB_TEAMS || o->tab == TAB_JUDGES)
			app_prompt(a, o->tab == TAB_TEAMS ? "New team's name:" : "New judge's name:", NULL, false,
				   add_done, o);
		else
			app_error(a, "Add teams and judges on their tabs; criteria by importing a CSV file (i)");
		break;
	case ACT_DELETE:
		n = selected_name(o);
		if (n) {
			char *q = pd_asprintf("Delete %s and all their sheets? (y/n)", n->name);

			app_confirm(a, q, delete_yes, o);
			free(q);
		}
		break;
	case ACT_IMPORT:
		app_prompt(a, o->tab == TAB_TEAMS ? "Import teams from CSV file:" : o->tab == TAB_JUDGES ? "Import judges from CSV file:"
			   : o->tab == TAB_RUBRIC ? "Import criteria from CSV file:" : "Import sheets from CSV file:",
			   NULL, false, import_done, o);
		break;
	case ACT_LOCK:
		app_confirm(a, o->event.results_locked ? "Unlock the results so judges can edit again? (y/n)"
						       : "Lock the results? Sheets will change only by a correction. (y/n)",
			    lock_yes, o);
		break;
	case ACT_FREEZE:
		app_status(a, board_freeze(a->st, !o->event.board_frozen));
		app_reload(a);
		break;
	case ACT_REVEAL:
		app_status(a, event_set_reveal(a->st, o->event.reveal_step < 0 ? 1 : o->event.reveal_step + 1));
		app_reload(a);
		break;
	case ACT_REVEAL_RESET:
		app_status(a, event_set_reveal(a->st, -1));
		app_reload(a);
		break;
	default:
		if (key >= '1' && key < '1' + TAB_COUNT) {
			o->tab = (enum tab)(key - '1');
			app_reload(a);
		}
		break;
	}
}

static void organizer_free(void *state)
{
	clear_data(state);
	free(state);
}

void *screen_organizer_new(struct app *a)
{
	(void)a;
	return pd_calloc(1, sizeof(struct organizer_screen));
}

const struct screen_ops screen_organizer_ops = {
	.name = "organizer",
	.keys = organizer_keys,
	.nkeys = PD_ARRAY_LEN(organizer_keys),
	.load = organizer_load,
	.draw = organizer_draw,
	.act = organizer_act,
	.title = organizer_title,
	.free = organizer_free,
};
