#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/idmap.h"
#include "podium/import.h"
#include "podium/panel.h"
#include "podium/people.h"
#include "podium/ranking.h"
#include "podium/results.h"
#include "podium/rubric.h"
#include "podium/schedule.h"
#include "podium/store.h"
#include "podium/text.h"
#include "podium/timeline.h"
#include "tui/tui.h"

/*
 * The organizer: tabs over the event's records and results. Add, delete
 * (after a confirmation) and import by CSV path on the record tabs; the
 * sheets grid shows the gaps; the results tab puts raw and normalized ranks
 * side by side. Lock, freeze and the ceremony reveal are one key each.
 */
#define TAB_INFO(_) \
	_(TEAMS, N_("Teams")) \
	_(TRACKS, N_("Tracks")) \
	_(JUDGES, N_("Judges")) \
	_(COACHES, N_("Coaches")) \
	_(ROOMS, N_("Rooms")) \
	_(RUBRIC, N_("Rubric")) \
	_(TIMELINE, N_("Timeline")) \
	_(SCHEDULE, N_("Schedule")) \
	_(SHEETS, N_("Sheets")) \
	_(PROGRESS, N_("Progress")) \
	_(RESULTS, N_("Results"))

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

/* The record kind a tab lists, or -1 for the other tabs. */
static int tab_kind(enum tab t)
{
	switch (t) {
	case TAB_TEAMS:
		return KIND_TEAM;
	case TAB_TRACKS:
		return KIND_TRACK;
	case TAB_JUDGES:
		return KIND_JUDGE;
	case TAB_COACHES:
		return KIND_COACH;
	case TAB_ROOMS:
		return KIND_ROOM;
	default:
		return -1;
	}
}

struct phase_ctx;
struct edit_form;
struct crit_form;

struct organizer_screen {
	enum tab tab;
	size_t sel[TAB_COUNT], top[TAB_COUNT];
	struct event event;
	struct board_rows rows;		/* the records of the current tab */
	struct rubric rubric;
	struct sheet_grid grid;
	struct panel_coverage coverage;
	struct timeline timeline;
	struct schedule schedule;
	long swap_mark;			/* the slot marked for a swap, or -1 */
	struct phase_ctx *pending_phase;	/* a new phase between its two prompts */
	struct edit_form *form;			/* a record's details between their prompts */
	struct crit_form *crit_form;		/* a criterion between its prompts */
	struct crit_form *crit_waiting;		/* a criterion change waiting for a y/n */
	struct coaching_progress progress;
	struct ranking official;	/* the results policy's */
	struct ranking other;		/* by the other method, for comparison */
	struct idmap other_ix;		/* team id to its row in other */
	char title[256];
};

enum {
	ACT_NEXT_TAB, ACT_PREV_TAB, ACT_ADD, ACT_RENAME, ACT_DELETE, ACT_IMPORT,
	ACT_LOCK, ACT_FREEZE, ACT_REVEAL, ACT_REVEAL_RESET, ACT_TAB_KEYS,
	ACT_TIME, ACT_PIN, ACT_MOVE, ACT_SWAP, ACT_DETAILS,
};

static const struct tui_key organizer_keys[] = {
	{ ACT_NEXT_TAB, '\t', TUI_FN(KEY_RIGHT), "Tab", N_("next tab"), true },
	{ ACT_PREV_TAB, TUI_FN(KEY_BTAB), TUI_FN(KEY_LEFT), "S-Tab", N_("previous tab"), false },
	{ ACT_TAB_KEYS, TUI_NOKEY, 0, "1-9 0", N_("go to a tab"), false },
	{ ACT_ADD, 'a', 0, "a", N_("add"), true },
	{ ACT_RENAME, 'e', 0, "e", N_("rename"), true },
	{ ACT_DETAILS, 'E', 0, "E", N_("edit details"), true },
	{ ACT_DELETE, 'd', TUI_FN(KEY_DC), "d", N_("delete"), true },
	{ ACT_IMPORT, 'i', 0, "i", N_("import CSV"), true },
	{ ACT_TIME, 't', 0, "t", N_("timeline: change the time"), false },
	{ ACT_PIN, 'p', 0, "p", N_("timeline: pin or unpin"), false },
	{ ACT_MOVE, 'm', 0, "m", N_("schedule: move the pitch"), false },
	{ ACT_SWAP, 's', 0, "s", N_("schedule: mark, then swap two pitches"), false },
	{ ACT_LOCK, 'L', 0, "L", N_("lock/unlock results"), true },
	{ ACT_FREEZE, 'F', 0, "F", N_("freeze board"), true },
	{ ACT_REVEAL, 'R', 0, "R", N_("reveal next"), true },
	{ ACT_REVEAL_RESET, 'U', 0, "U", N_("end the reveal"), false },
};

static void clear_data(struct organizer_screen *o)
{
	event_clear(&o->event);
	board_rows_clear(&o->rows);
	rubric_clear(&o->rubric);
	board_sheet_grid_clear(&o->grid);
	panel_coverage_clear(&o->coverage);
	timeline_clear(&o->timeline);
	schedule_clear(&o->schedule);
	coaching_progress_clear(&o->progress);
	ranking_clear(&o->official);
	ranking_clear(&o->other);
	idmap_clear(&o->other_ix);
}

static size_t tab_rows(const struct organizer_screen *o)
{
	if (tab_kind(o->tab) >= 0)
		return o->rows.count;
	switch (o->tab) {
	case TAB_RUBRIC:
		return o->rubric.count;
	case TAB_SHEETS:
		return o->grid.judges.count;
	case TAB_PROGRESS:
		return o->progress.nteams;
	case TAB_TIMELINE:
		return o->timeline.count;
	case TAB_SCHEDULE:
		return o->schedule.count;
	default:
		return o->official.count;
	}
}

static enum status organizer_load(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	enum status s;

	clear_data(o);
	if ((s = event_get(a->st, &o->event)) != ST_OK)
		return s;
	if (tab_kind(o->tab) >= 0 && (s = board_records(a->st, (enum record_kind)tab_kind(o->tab), &o->rows)) != ST_OK)
		return s;
	if ((s = rubric_load(a->st, &o->rubric)) != ST_OK)
		return s;
	/* the heavier views are read only when shown */
	if (o->tab == TAB_SHEETS && (s = board_sheet_grid(a->st, &o->grid)) != ST_OK)
		return s;
	if (o->tab == TAB_SHEETS && (s = panel_coverage(a->st, 0, &o->coverage)) != ST_OK)
		return s;
	if (o->tab == TAB_PROGRESS && (s = coaching_progress(a->st, &o->progress)) != ST_OK)
		return s;
	if (o->tab == TAB_TIMELINE && (s = timeline_load(a->st, &o->timeline)) != ST_OK)
		return s;
	if (o->tab == TAB_SCHEDULE && (s = schedule_load(a->st, NULL, clock_local_now(), &o->schedule)) != ST_OK)
		return s;
	if (o->tab == TAB_RESULTS) {
		struct rank_request other = { .override_method = true };

		if ((s = ranking_compute(a->st, NULL, &o->official)) != ST_OK)
			return s;
		other.method = o->official.method == RANK_RAW ? RANK_NORMALIZED : RANK_RAW;
		if ((s = ranking_compute(a->st, &other, &o->other)) != ST_OK)
			return s;
		IDMAP_BUILD(&o->other_ix, o->other.rows, o->other.count, team_id);
	}
	if (o->sel[o->tab] >= tab_rows(o))
		o->sel[o->tab] = tab_rows(o) ? tab_rows(o) - 1 : 0;
	return ST_OK;
}

static const char *organizer_title(struct app *a, void *state)
{
	struct organizer_screen *o = state;

	snprintf(o->title, sizeof(o->title), _(" podium · %s · organizer %s%s%s%s"), o->event.name ? o->event.name : "",
		 a->who_name, o->event.results_locked ? _(" · results LOCKED") : "",
		 o->event.board_frozen ? _(" · board frozen") : "", o->event.reveal_step >= 0 ? _(" · reveal running") : "");
	return o->title;
}

static void draw_tabs(struct organizer_screen *o, WINDOW *w, int y, int cols)
{
	char labels[TAB_COUNT][64];
	int widths[TAB_COUNT], full = 0, need = 0, x = 0, first = 0;
	bool digits = true;

	for (int t = 0; t < TAB_COUNT; t++)
		full += text_width(_(tab_labels[t])) + 4;
	if (full > cols)
		digits = false;	/* the digit keys still work */
	for (int t = 0; t < TAB_COUNT; t++) {
		if (digits && t < 10)	/* 1-9 and 0 reach the first ten */
			snprintf(labels[t], sizeof(labels[t]), " %d %s ", (t + 1) % 10, _(tab_labels[t]));
		else
			snprintf(labels[t], sizeof(labels[t]), " %s ", _(tab_labels[t]));
		widths[t] = text_width(labels[t]);
	}
	/* scroll the bar so the active tab shows */
	for (int t = 0; t <= (int)o->tab; t++)
		need += widths[t];
	while (need > cols && first < (int)o->tab)
		need -= widths[first++];
	draw_fill(w, y, 0, ROLE_LOOK_TAB, cols);
	for (int t = first; t < TAB_COUNT && x + widths[t] <= cols; t++) {
		draw_text(w, y, x, t == (int)o->tab ? ROLE_LOOK_TAB_ACTIVE : ROLE_LOOK_TAB, labels[t], widths[t]);
		x += widths[t];
	}
}

/* Keep the selection in view; returns the first row to draw. */
static size_t scroll_to_selection(struct organizer_screen *o, int rows)
{
	return draw_scroll(o->sel[o->tab], &o->top[o->tab], rows);
}

static void draw_records(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	static const char *const heads[][3] = {
		[KIND_TEAM] = { N_("Team"), N_("Project"), N_("Tracks") },
		[KIND_TRACK] = { N_("Track"), N_("Teams"), N_("Judges") },
		[KIND_JUDGE] = { N_("Judge"), N_("Tracks"), N_("Login") },
		[KIND_COACH] = { N_("Coach"), N_("Skills"), N_("Email") },
		[KIND_ROOM] = { N_("Room"), N_("Tracks"), N_("Seats") },
	};
	int kind = tab_kind(o->tab), name_w = cols / 3, d1_w = (cols - name_w - 6) / 2, d2_w = cols - name_w - d1_w - 6;
	size_t first = scroll_to_selection(o, rows - 1);

	for (int c = 0; c < 3; c++)
		draw_text(w, top, c == 0 ? 2 : c == 1 ? 3 + name_w : 4 + name_w + d1_w, ROLE_LOOK_HEADER, _(heads[kind][c]),
			  c == 0 ? name_w : c == 1 ? d1_w : d2_w);
	if (o->rows.count == 0) {
		static const char *const empty[] = {
			[KIND_TEAM] = N_("No teams yet: a adds one, i imports a CSV file."),
			[KIND_TRACK] = N_("No tracks yet: a adds one; teams, judges and rooms name theirs."),
			[KIND_JUDGE] = N_("No judges yet: a adds one, i imports a CSV file."),
			[KIND_COACH] = N_("No coaches yet: a adds one, i imports a CSV file."),
			[KIND_ROOM] = N_("No rooms yet: a adds one, i imports a CSV file."),
		};

		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _(empty[kind]), cols - 4);
		return;
	}
	for (int r = 0; r < rows - 1 && first + (size_t)r < o->rows.count; r++) {
		const struct board_row *row = &o->rows.items[first + (size_t)r];
		bool cur = first + (size_t)r == o->sel[o->tab];
		int y = top + 1 + r;

		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, y, 2, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, row->name, name_w);
		draw_text(w, y, 3 + name_w, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, row->detail[0], d1_w);
		draw_text(w, y, 4 + name_w + d1_w, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_MUTED, row->detail[1], d2_w);
	}
}

static void draw_rubric(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	size_t first = scroll_to_selection(o, rows - 1);

	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Criterion"), 16);
	draw_text(w, top, 19, ROLE_LOOK_HEADER, _("Weight"), 7);
	draw_text(w, top, 27, ROLE_LOOK_HEADER, _("Scale"), 9);
	draw_text(w, top, 37, ROLE_LOOK_HEADER, _("Description"), cols - 38);
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
	int name_w = 18, avail = cols - name_w - 3 - (g->calibration_team ? 9 : 0);
	size_t shown = g->teams.count < (size_t)(avail > 0 ? avail : 0) ? g->teams.count : (size_t)(avail > 0 ? avail : 0);
	char line[160];

	snprintf(line, sizeof(line), _("%zu submitted · %zu drafts · %zu conflicts · %zu missing   (S submitted, d draft, x conflict, · missing)"),
		 g->submitted, g->drafts, g->conflicts,
		 g->judges.count * g->teams.count - g->submitted - g->drafts - g->conflicts);
	draw_text(w, top, 2, ROLE_LOOK_HEADER, line, cols - 4);
	if (o->coverage.per_team > 0) {
		char *cov = pd_asprintf(_("Panels of %d judges: %zu teams short, %zu conflicts, %zu clashes; judges see %zu to %zu teams"),
					o->coverage.per_team, o->coverage.nshort, o->coverage.conflicted, o->coverage.clashes,
					o->coverage.min_load, o->coverage.max_load);

		draw_text(w, top + 1, 2, o->coverage.nshort || o->coverage.conflicted || o->coverage.clashes
						 ? ROLE_LOOK_STATUS_ERROR : ROLE_LOOK_MUTED,
			  cov, cols - 4);
		free(cov);
		top++;
		rows--;
	}
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
		if (g->calibration_team) {
			char total[16] = "    -";

			if (!isnan(g->calibration_total[j]))
				snprintf(total, sizeof(total), "%5.1f", g->calibration_total[j]);
			draw_text(w, y, name_w + 5 + (int)shown, ROLE_LOOK_SCORE, total, 7);
		}
	}
	if (g->calibration_team) {
		char *head = pd_asprintf(_("calibration: %s"), g->calibration_team);

		draw_text(w, top + 1, name_w + 5 + (int)shown, ROLE_LOOK_HEADER, head, cols - name_w - 6 - (int)shown);
		free(head);
	}
	if (g->teams.count > shown)
		draw_text(w, top + 1, 2, ROLE_LOOK_MUTED, _("(more teams than columns: widen the terminal)"), cols - 4);
}

static void draw_timeline(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	size_t first = scroll_to_selection(o, rows - 1);
	int name_w = cols - 44;

	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Start"), 16);
	draw_text(w, top, 19, ROLE_LOOK_HEADER, _("End"), 16);
	draw_text(w, top, 36, ROLE_LOOK_HEADER, _("Phase"), name_w);
	for (int r = 0; r < rows - 1 && first + (size_t)r < o->timeline.count; r++) {
		const struct phase *p = &o->timeline.items[first + (size_t)r];
		bool cur = first + (size_t)r == o->sel[o->tab];
		enum theme_role role = cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT;
		char start[17], end[17], *name = pd_asprintf("%s%s", p->name, p->pinned ? _(" (pinned)") : "");
		int y = top + 1 + r;

		clock_format(p->starts_at, start);
		clock_format(p->ends_at, end);
		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, y, 2, role, start, 16);
		draw_text(w, y, 19, cur ? role : ROLE_LOOK_MUTED, p->ends_at == p->starts_at ? "" : end, 16);
		draw_text(w, y, 36, cur ? role : (p->pinned ? ROLE_LOOK_TEAM : ROLE_LOOK_DEFAULT), name, name_w);
		free(name);
	}
	if (o->timeline.count == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No timeline yet: a adds a phase."), cols - 4);
}

static const char *slot_status_label(enum slot_status st)
{
	switch (st) {
	case SLOT_RUNNING:
		return _("pitching");
	case SLOT_DONE:
		return _("done");
	case SLOT_NOSHOW:
		return _("no-show");
	default:
		return "";
	}
}

static void draw_schedule(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	const struct schedule *sc = &o->schedule;
	size_t first = scroll_to_selection(o, rows - 1);
	int room_w = 14, team_w = cols - room_w - 36;

	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Room"), room_w);
	draw_text_right(w, top, 3 + room_w, ROLE_LOOK_HEADER, "#", 3);
	draw_text(w, top, 8 + room_w, ROLE_LOOK_HEADER, _("Team"), team_w);
	draw_text(w, top, 9 + room_w + team_w, ROLE_LOOK_HEADER, _("Projected"), 10);
	draw_text(w, top, 20 + room_w + team_w, ROLE_LOOK_HEADER, _("Status"), cols - 22 - room_w - team_w);
	for (int r = 0; r < rows - 1 && first + (size_t)r < sc->count; r++) {
		size_t i = first + (size_t)r;
		const struct slot *sl = &sc->slots[i];
		bool cur = i == o->sel[o->tab], marked = (long)i == o->swap_mark;
		enum theme_role role = cur ? ROLE_LOOK_CURSOR : marked ? ROLE_LOOK_NOTICE : ROLE_LOOK_DEFAULT;
		char pos[8], when[17], status[64];
		int y = top + 1 + r;

		snprintf(pos, sizeof(pos), "%d", sl->position);
		clock_format(sl->proj_start, when);
		if (sl->status == SLOT_SCHEDULED && sl->late_s >= 60)
			snprintf(status, sizeof(status), _("%lld min late"), (long long)(sl->late_s / 60));
		else
			snprintf(status, sizeof(status), "%s", slot_status_label(sl->status));
		if (cur || marked)
			draw_fill(w, y, 0, role, cols);
		draw_text(w, y, 2, role, sc->rooms[sl->room].name, room_w);
		draw_text_right(w, y, 3 + room_w, role, pos, 3);
		draw_text(w, y, 8 + room_w, cur || marked ? role : ROLE_LOOK_TEAM, sl->team, team_w);
		draw_text(w, y, 9 + room_w + team_w, role, when + 5, 11);
		draw_text(w, y, 20 + room_w + team_w, cur || marked ? role : ROLE_LOOK_MUTED, status, cols - 22 - room_w - team_w);
	}
	if (sc->count == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No pitches yet: run 'podium schedule generate'."), cols - 4);
}

/* Each team's way through the stages that coaches validate. */
static void draw_progress(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	const struct coaching_progress *p = &o->progress;
	int name_w = cols - 4 - (int)p->nstages * 5 - 8;
	size_t first = scroll_to_selection(o, rows - 1);

	if (name_w < 10)
		name_w = 10;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Team"), name_w);
	for (size_t i = 0; i < p->nstages; i++)
		draw_text(w, top, 3 + name_w + (int)i * 5, ROLE_LOOK_HEADER, p->stages[i], 4);
	draw_text_right(w, top, 3 + name_w + (int)p->nstages * 5, ROLE_LOOK_HEADER, _("Done"), 6);
	for (int r = 0; r < rows - 1 && first + (size_t)r < p->nteams; r++) {
		const struct coaching_team *t = &p->teams[first + (size_t)r];
		bool cur = first + (size_t)r == o->sel[o->tab];
		char done[16];
		int y = top + 1 + r;

		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, y, 2, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, t->team, name_w);
		for (size_t i = 0; i < p->nstages; i++)
			draw_text(w, y, 4 + name_w + (int)i * 5, t->validated[i] ? ROLE_LOOK_STATE_SUBMITTED : ROLE_LOOK_MUTED,
				  t->validated[i] ? "✓" : "·", 1);
		snprintf(done, sizeof(done), "%zu/%zu", t->done, p->nstages);
		draw_text_right(w, y, 3 + name_w + (int)p->nstages * 5, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, done, 6);
	}
	if (p->nteams == 0)
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No teams yet."), cols - 4);
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

/* The official result (the policy's method) beside the other method's, for comparison. */
static void draw_results(struct organizer_screen *o, WINDOW *w, int top, int rows, int cols)
{
	size_t first = scroll_to_selection(o, rows - 1);
	int name_w = cols - 46 > 10 ? cols - 46 : 10;
	bool raw = o->official.method == RANK_RAW;

	draw_text(w, top, 2, ROLE_LOOK_HEADER, "#", 6);
	draw_text(w, top, 9, ROLE_LOOK_HEADER, _("Team"), name_w);
	draw_text_right(w, top, 10 + name_w, ROLE_LOOK_HEADER, raw ? _("Raw") : _("Z"), 7);
	draw_text_right(w, top, 18 + name_w, ROLE_LOOK_HEADER, raw ? _("Norm #") : _("Raw #"), 7);
	draw_text_right(w, top, 26 + name_w, ROLE_LOOK_HEADER, raw ? _("Z") : _("Raw"), 7);
	draw_text_right(w, top, 34 + name_w, ROLE_LOOK_HEADER, _("Judges"), 6);
	for (int r = 0; r < rows - 1 && first + (size_t)r < o->official.count; r++) {
		const struct rank_row *row = &o->official.rows[first + (size_t)r];
		long at = idmap_find(&o->other_ix, row->team_id);
		const struct rank_row *other = at >= 0 ? &o->other.rows[at] : NULL;
		char rank[8], score[16], orank[8] = "", oscore[16] = "", judges[8];
		int y = top + 1 + r;
		bool cur = first + (size_t)r == o->sel[o->tab];
		enum theme_role role = cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT;

		format_rank_score(row, o->official.method, rank, score);
		if (other)
			format_rank_score(other, o->other.method, orank, oscore);
		snprintf(judges, sizeof(judges), "%d", row->judges);
		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text_right(w, y, 2, cur ? role : ROLE_LOOK_RANK, rank, 5);
		draw_text(w, y, 9, cur ? role : ROLE_LOOK_TEAM, row->team, name_w);
		draw_text_right(w, y, 10 + name_w, cur ? role : ROLE_LOOK_SCORE, score, 7);
		draw_text_right(w, y, 18 + name_w, role, orank, 7);
		draw_text_right(w, y, 26 + name_w, role, oscore, 7);
		draw_text_right(w, y, 34 + name_w, role, judges, 6);
		if (row->status == RANK_PENDING)
			draw_text(w, y, 42 + name_w, cur ? role : ROLE_LOOK_MUTED, _("pending"), cols - 42 - name_w);
	}
}

static void organizer_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct organizer_screen *o = state;

	(void)a;
	draw_tabs(o, w, top, cols);
	top += 2;
	rows -= 2;
	if (tab_kind(o->tab) >= 0) {
		draw_records(o, w, top, rows, cols);
		return;
	}
	switch (o->tab) {
	case TAB_RUBRIC:
		draw_rubric(o, w, top, rows, cols);
		break;
	case TAB_SHEETS:
		draw_grid(o, w, top, rows, cols);
		break;
	case TAB_PROGRESS:
		draw_progress(o, w, top, rows, cols);
		break;
	case TAB_TIMELINE:
		draw_timeline(o, w, top, rows, cols);
		break;
	case TAB_SCHEDULE:
		draw_schedule(o, w, top, rows, cols);
		break;
	default:
		draw_results(o, w, top, rows, cols);
		break;
	}
}

/* ---- actions ---- */

struct record_ctx {
	enum record_kind kind;
	char *name;		/* the new name (add, rename) or the record's (delete) */
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

	switch (r->kind) {
	case KIND_TEAM: {
		struct team_spec spec = { .name = r->name };

		return team_add(st, &spec, NULL);
	}
	case KIND_TRACK: {
		char id[ID_LEN + 1];

		return track_ensure(st, r->name, id);
	}
	case KIND_JUDGE: {
		struct judge_spec spec = { .name = r->name };

		return judge_add(st, &spec, NULL);
	}
	case KIND_COACH: {
		struct coach_spec spec = { .name = r->name };

		return coach_add(st, &spec, NULL);
	}
	case KIND_ROOM: {
		struct room_spec spec = { .name = r->name, .capacity = -1 };

		return room_add(st, &spec, NULL);
	}
	default:
		return status_error(ST_INVALID, _("criteria come from a CSV file (i)"));
	}
}

static enum status rename_txn(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	return people_rename(st, r->kind, r->id, r->name);
}

static enum status delete_txn(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	switch (r->kind) {
	case KIND_TEAM:
		return team_delete(st, r->id);
	case KIND_TRACK:
		return track_delete(st, r->id);
	case KIND_JUDGE:
		return judge_delete(st, r->id);
	case KIND_COACH:
		return coach_delete(st, r->id);
	case KIND_ROOM:
		return room_delete(st, r->id);
	default:
		return status_error(ST_INVALID, _("criteria come from a CSV file (i)"));
	}
}

/* Run a record change as one write and say what happened. */
static enum status record_write(struct app *a, struct record_ctx *r, store_txn_fn fn, const char *done)
{
	enum status s = store_write(a->st, fn, r);

	if (s == ST_OK)
		app_notice(a, _("%s %s"), done, r->name);
	return s;
}

static enum status add_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, add_txn, _("Added"));
}

static enum status rename_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, rename_txn, _("Renamed to"));
}

static enum status delete_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, delete_txn, _("Deleted"));
}

static const struct board_row *selected_row(struct organizer_screen *o)
{
	if (tab_kind(o->tab) < 0 || o->sel[o->tab] >= o->rows.count)
		return NULL;
	return &o->rows.items[o->sel[o->tab]];
}

static struct record_ctx *new_record_ctx(struct organizer_screen *o, const char *name, const char *id)
{
	struct record_ctx *r = pd_calloc(1, sizeof(*r));

	r->kind = (enum record_kind)tab_kind(o->tab);
	r->name = pd_strdup(name);
	if (id)
		memcpy(r->id, id, sizeof(r->id));
	return r;
}

static void add_done(struct app *a, void *state, const char *text)
{
	app_write(a, add_write, new_record_ctx(state, text, NULL), free_record_ctx);
}

static void rename_done(struct app *a, void *state, const char *text)
{
	const struct board_row *row = selected_row(state);

	if (row)
		app_write(a, rename_write, new_record_ctx(state, text, row->id), free_record_ctx);
}

static void delete_yes(struct app *a, void *state)
{
	const struct board_row *row = selected_row(state);

	if (row)
		app_write(a, delete_write, new_record_ctx(state, row->name, row->id), free_record_ctx);
}

static enum status import_kind(struct app *a, enum tab tab, const char *path, const struct csv_table *t,
			       size_t *count)
{
	switch (tab) {
	case TAB_TEAMS:
		return import_teams(a->st, path, t, count);
	case TAB_JUDGES:
		return import_judges(a->st, path, t, count);
	case TAB_COACHES:
		return import_coaches(a->st, path, t, count);
	case TAB_ROOMS:
		return import_rooms(a->st, path, t, count);
	case TAB_RUBRIC:
		return import_criteria(a->st, path, t, count);
	case TAB_SHEETS:
		return import_sheets(a->st, path, t, count);
	default:
		return status_error(ST_INVALID, _("tracks come with the teams, judges and rooms that name them"));
	}
}

/* A CSV file read when the organizer named it, imported through the save queue. */
struct import_ctx {
	enum tab tab;
	char *path;
	struct csv_table table;
};

static void free_import_ctx(void *ctx)
{
	struct import_ctx *c = ctx;

	csv_table_clear(&c->table);
	free(c->path);
	free(c);
}

static enum status import_write(struct app *a, void *ctx)
{
	struct import_ctx *c = ctx;
	size_t count = 0;
	enum status s = import_kind(a, c->tab, c->path, &c->table, &count);

	if (s == ST_OK)
		app_notice(a, _("Imported %zu records from %s"), count, c->path);
	return s;
}

static void import_done(struct app *a, void *state, const char *path)
{
	struct organizer_screen *o = state;
	struct import_ctx *c;
	enum status s;

	if (!path[0])
		return;
	c = pd_calloc(1, sizeof(*c));
	s = csv_read_file(path, &c->table);
	if (s != ST_OK) {
		free(c);
		app_status(a, s);
		return;
	}
	c->tab = o->tab;
	c->path = pd_strdup(path);
	app_write(a, import_write, c, free_import_ctx);
}

/* ---- the timeline and the schedule ---- */

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

static enum status phase_txn(struct store *st, void *ctx)
{
	struct phase_ctx *p = ctx;

	if (p->delete)
		return timeline_delete(st, p->id);
	return timeline_set(st, p->id[0] ? p->id : NULL, &p->spec, NULL);
}

static enum status phase_write(struct app *a, void *ctx)
{
	struct phase_ctx *p = ctx;
	enum status s = store_write(a->st, phase_txn, p);

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

static const struct phase *selected_phase(struct organizer_screen *o)
{
	if (o->tab != TAB_TIMELINE || o->sel[o->tab] >= o->timeline.count)
		return NULL;
	return &o->timeline.items[o->sel[o->tab]];
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
	struct organizer_screen *o = state;
	struct phase_ctx *p = o->pending_phase;

	o->pending_phase = NULL;
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
	struct organizer_screen *o = state;
	struct phase_ctx *p = phase_ctx_from(NULL);

	p->name = pd_strdup(text);
	p->spec.name = p->name;
	if (o->pending_phase)
		free_phase_ctx(o->pending_phase);
	o->pending_phase = p;
	app_prompt(a, _("When (YYYY-MM-DD HH:MM, or with -HH:MM for its end):"), NULL, false, phase_when_done, state);
}

static void phase_rename_done(struct app *a, void *state, const char *text)
{
	struct phase_ctx *p = phase_ctx_from(selected_phase(state));

	free(p->name);
	p->name = pd_strdup(text);
	p->spec.name = p->name;
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_time_done(struct app *a, void *state, const char *text)
{
	struct phase_ctx *p = phase_ctx_from(selected_phase(state));

	if (!parse_when(text, &p->spec.starts_at, &p->spec.ends_at)) {
		app_error(a, _("'%s' is not a time like '2026-12-05 12:30' or '2026-12-05 12:30-13:30'"), text);
		free_phase_ctx(p);
		return;
	}
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_delete_yes(struct app *a, void *state)
{
	struct phase_ctx *p = phase_ctx_from(selected_phase(state));

	p->delete = true;
	app_write(a, phase_write, p, free_phase_ctx);
}

static void phase_pin(struct app *a, struct organizer_screen *o)
{
	const struct phase *sel = selected_phase(o);
	struct phase_ctx *p;

	if (!sel)
		return;
	p = phase_ctx_from(sel);
	p->spec.pinned = !p->spec.pinned;
	app_write(a, phase_write, p, free_phase_ctx);
}

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

static const struct slot *selected_slot(struct organizer_screen *o)
{
	if (o->tab != TAB_SCHEDULE || o->sel[o->tab] >= o->schedule.count)
		return NULL;
	return &o->schedule.slots[o->sel[o->tab]];
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
	struct organizer_screen *o = state;
	const struct slot *sl = selected_slot(o);
	struct slot_ctx *c;

	if (!sl || o->swap_mark < 0 || (size_t)o->swap_mark >= o->schedule.count)
		return;
	c = pd_calloc(1, sizeof(*c));
	memcpy(c->team, o->schedule.slots[o->swap_mark].team_id, sizeof(c->team));
	memcpy(c->other, sl->team_id, sizeof(c->other));
	c->name = pd_strdup(o->schedule.slots[o->swap_mark].team);
	o->swap_mark = -1;
	app_write(a, slot_write, c, free_slot_ctx);
}

static void swap_key(struct app *a, struct organizer_screen *o)
{
	const struct slot *sl = selected_slot(o);
	char *q;

	if (!sl)
		return;
	if (o->swap_mark < 0 || (size_t)o->swap_mark == o->sel[o->tab]) {
		o->swap_mark = o->swap_mark < 0 ? (long)o->sel[o->tab] : -1;
		if (o->swap_mark >= 0)
			app_notice(a, _("%s is marked: go to another pitch and press s to swap them"), sl->team);
		return;
	}
	q = pd_asprintf(_("Swap the pitches of %s and %s? (y/n)"), o->schedule.slots[o->swap_mark].team, sl->team);
	app_confirm(a, q, swap_yes, o);
	free(q);
}

/* ---- a record's details, one prompt per field ---- */

struct edit_form {
	enum record_kind kind;
	char id[ID_LEN + 1];
	char *name;
	struct people_fields fields;
	char *pin;			/* judges: NULL keeps the PIN */
	int step;			/* index into the kind's steps */
};

/* Which field each prompt edits (-1: the judge's PIN), and its label. */
struct form_step {
	int field;
	const char *label;
};

static const struct form_step team_steps[] = {
	{ 0, N_("Project:") }, { 1, N_("Table:") }, { 2, N_("Tracks (;-separated):") },
	{ 3, N_("Members (;-separated):") }, { 4, N_("Description:") }, { -2, NULL },
};
static const struct form_step judge_steps[] = {
	{ 0, N_("Email:") }, { 1, N_("Tracks (;-separated):") }, { 2, N_("Login (unix user):") },
	{ -1, N_("PIN (empty keeps it, - removes it):") }, { -2, NULL },
};
static const struct form_step coach_steps[] = {
	{ 0, N_("Email:") }, { 1, N_("Skills (;-separated):") },
	{ 2, N_("Available (YYYY-MM-DD HH:MM-HH:MM; ...):") }, { -2, NULL },
};
static const struct form_step room_steps[] = {
	{ 0, N_("Tracks (;-separated):") }, { 1, N_("Seats:") }, { -2, NULL },
};

static const struct form_step *form_steps(enum record_kind kind)
{
	switch (kind) {
	case KIND_TEAM:
		return team_steps;
	case KIND_JUDGE:
		return judge_steps;
	case KIND_COACH:
		return coach_steps;
	case KIND_ROOM:
		return room_steps;
	default:
		return NULL;
	}
}

static void form_free(struct edit_form *f)
{
	if (!f)
		return;
	people_fields_clear(&f->fields);
	free(f->name);
	free(f->pin);
	free(f);
}

static void free_form_ctx(void *ctx)
{
	form_free(ctx);
}

static enum status form_txn(struct store *st, void *ctx)
{
	struct edit_form *f = ctx;

	return people_apply_fields(st, f->kind, f->id, f->name, &f->fields, f->pin);
}

static enum status form_write(struct app *a, void *ctx)
{
	struct edit_form *f = ctx;
	enum status s = store_write(a->st, form_txn, f);

	if (s == ST_OK)
		app_notice(a, _("Saved %s"), f->name);
	return s;
}

static void form_next(struct app *a, struct organizer_screen *o);

static void form_done(struct app *a, void *state, const char *text)
{
	struct organizer_screen *o = state;
	struct edit_form *f = o->form;
	const struct form_step *step;

	if (!f)
		return;
	step = &form_steps(f->kind)[f->step];
	if (step->field == -1) {
		free(f->pin);
		f->pin = !text[0] ? NULL : strcmp(text, "-") == 0 ? pd_strdup("") : pd_strdup(text);
	} else {
		free(f->fields.value[step->field]);
		f->fields.value[step->field] = pd_strdup(text);
	}
	f->step++;
	form_next(a, o);
}

/* Ask for the next field, or save the record when all were asked. */
static void form_next(struct app *a, struct organizer_screen *o)
{
	struct edit_form *f = o->form;
	const struct form_step *step = &form_steps(f->kind)[f->step];
	char *label;

	if (step->field == -2) {
		o->form = NULL;
		app_write(a, form_write, f, free_form_ctx);
		return;
	}
	label = pd_asprintf("%s %s", f->name, _(step->label));
	app_prompt(a, label, step->field >= 0 ? f->fields.value[step->field] : NULL, step->field == -1, form_done, o);
	free(label);
}

static void form_start(struct app *a, struct organizer_screen *o, const struct board_row *row)
{
	struct edit_form *f;
	int kind = tab_kind(o->tab);
	enum status s;

	if (kind < 0 || !form_steps((enum record_kind)kind)) {
		app_error(a, "%s", _("nothing more than the name to edit here: e renames"));
		return;
	}
	f = pd_calloc(1, sizeof(*f));
	f->kind = (enum record_kind)kind;
	memcpy(f->id, row->id, sizeof(f->id));
	f->name = pd_strdup(row->name);
	s = people_fields(a->st, f->kind, f->id, &f->fields);
	if (s != ST_OK) {
		app_status(a, s);
		form_free(f);
		return;
	}
	form_free(o->form);
	o->form = f;
	form_next(a, o);
}

/* ---- the rubric: add, edit and delete criteria, one prompt per field ---- */

enum crit_op { CRIT_ADD, CRIT_EDIT, CRIT_DELETE };

struct crit_form {
	struct organizer_screen *o;
	enum crit_op op;
	char id[ID_LEN + 1];	/* the criterion edited or deleted */
	char *field[5];		/* name, weight, min, max, description */
	int step;
	bool reopen;		/* the organizer said the submitted sheets may go back to drafts */
	bool kept;		/* waiting for that answer: the write must not free it */
};

static const char *const crit_labels[] = {
	N_("Name:"), N_("Weight:"), N_("Lowest value:"), N_("Highest value:"), N_("Description:"),
};

static void crit_form_free(struct crit_form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < PD_ARRAY_LEN(f->field); i++)
		free(f->field[i]);
	free(f);
}

static void free_crit_ctx(void *ctx)
{
	struct crit_form *f = ctx;

	if (!f->kept)
		crit_form_free(f);
}

static bool parse_weight(const char *text, double *out)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	char *end;
	bool ok;

	if (!c)
		return false;
	*out = strtod_l(text, &end, c);
	ok = text[0] && !*end;
	freelocale(c);
	return ok;
}

static bool parse_whole(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (!text[0] || *end || v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* The form's fields as an edit of the criterion. */
static enum status crit_edit_of(const struct crit_form *f, struct criterion_edit *e)
{
	memset(e, 0, sizeof(*e));
	e->name = f->field[0];
	e->description = f->field[4];
	if (!(e->set_weight = parse_weight(f->field[1], &e->weight)))
		return status_error(ST_INVALID, _("the weight '%s' is not a number above 0"), f->field[1]);
	if (!(e->set_min = parse_whole(f->field[2], &e->min)) || !(e->set_max = parse_whole(f->field[3], &e->max)))
		return status_error(ST_INVALID, _("the scale must be whole numbers, not '%s' to '%s'"), f->field[2],
				    f->field[3]);
	return ST_OK;
}

static enum status crit_apply(struct store *st, const struct crit_form *f, struct rubric_effect *e)
{
	struct criterion_edit edit;
	enum status s;

	if (f->op == CRIT_DELETE)
		return rubric_delete(st, f->id, f->reopen, e);
	if ((s = crit_edit_of(f, &edit)) != ST_OK)
		return s;
	if (f->op == CRIT_EDIT)
		return rubric_edit(st, f->id, &edit, f->reopen, e);
	{
		struct criterion_spec spec = { edit.name, edit.description, edit.weight, edit.min, edit.max };

		return rubric_create(st, &spec, f->reopen, e);
	}
}

static void crit_reopen_yes(struct app *a, void *state);

static enum status crit_write(struct app *a, void *ctx)
{
	struct crit_form *f = ctx;
	struct organizer_screen *o = f->o;
	struct rubric_effect e = { 0 };
	enum status s = crit_apply(a->st, f, &e);

	if (s == ST_CONFLICT && e.touched > 0 && !f->reopen) {
		char *q = pd_asprintf(P_("%zu submitted sheet goes back to drafts: reopen it? (y/n)",
					 "%zu submitted sheets go back to drafts: reopen them? (y/n)", e.touched),
				      e.touched);

		crit_form_free(o->crit_waiting);
		o->crit_waiting = f;
		f->kept = true;
		app_confirm(a, q, crit_reopen_yes, o);
		free(q);
		s = ST_OK;
	} else if (s == ST_OK && e.count > 0) {
		app_notice(a, P_("Saved; %zu sheet is a draft again until its judge submits it",
				 "Saved; %zu sheets are drafts again until their judges submit them", e.count),
			   e.count);
	} else if (s == ST_OK) {
		app_notice(a, f->op == CRIT_DELETE ? _("Deleted %s") : _("Saved %s"), f->field[0]);
	}
	rubric_effect_clear(&e);
	return s;
}

static void crit_reopen_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	struct crit_form *f = o->crit_waiting;

	if (!f)
		return;
	o->crit_waiting = NULL;
	f->kept = false;
	f->reopen = true;
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_delete_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;
	struct crit_form *f = o->crit_waiting;

	if (!f)
		return;
	o->crit_waiting = NULL;
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_rename_done(struct app *a, void *state, const char *text)
{
	struct organizer_screen *o = state;
	struct crit_form *f = o->crit_form;

	if (!f)
		return;
	o->crit_form = NULL;
	free(f->field[0]);
	f->field[0] = pd_strdup(text);
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_next(struct app *a, struct organizer_screen *o);

static void crit_done(struct app *a, void *state, const char *text)
{
	struct organizer_screen *o = state;
	struct crit_form *f = o->crit_form;

	if (!f)
		return;
	free(f->field[f->step]);
	f->field[f->step++] = pd_strdup(text);
	crit_next(a, o);
}

/* Ask for the next field, or save the criterion when all were asked. */
static void crit_next(struct app *a, struct organizer_screen *o)
{
	struct crit_form *f = o->crit_form;

	if (f->step == (int)PD_ARRAY_LEN(crit_labels)) {
		o->crit_form = NULL;
		app_write(a, crit_write, f, free_crit_ctx);
		return;
	}
	app_prompt(a, _(crit_labels[f->step]), f->field[f->step], false, crit_done, o);
}

static const struct criterion *selected_criterion(struct organizer_screen *o)
{
	if (o->tab != TAB_RUBRIC || o->sel[o->tab] >= o->rubric.count)
		return NULL;
	return &o->rubric.items[o->sel[o->tab]];
}

/* A form filled with c's values, or the defaults of a new criterion (c NULL). */
static struct crit_form *crit_form_new(struct organizer_screen *o, enum crit_op op, const struct criterion *c)
{
	struct crit_form *f = pd_calloc(1, sizeof(*f));

	f->o = o;
	f->op = op;
	if (c)
		memcpy(f->id, c->id, sizeof(f->id));
	f->field[0] = pd_strdup(c ? c->name : "");
	f->field[1] = c ? pd_asprintf("%g", c->weight) : pd_strdup("1");
	f->field[2] = pd_asprintf("%d", c ? c->min : 1);
	f->field[3] = pd_asprintf("%d", c ? c->max : 5);
	f->field[4] = pd_strdup(c ? c->description : "");
	return f;
}

/* a adds, E edits every field, e renames (the first prompt alone), d deletes. */
static void rubric_key(struct app *a, struct organizer_screen *o, int action)
{
	const struct criterion *c = selected_criterion(o);
	struct crit_form *f;

	if (action != ACT_ADD && !c)
		return;
	f = crit_form_new(o, action == ACT_ADD ? CRIT_ADD : action == ACT_DELETE ? CRIT_DELETE : CRIT_EDIT,
			  action == ACT_ADD ? NULL : c);
	crit_form_free(o->crit_form);
	o->crit_form = NULL;
	if (action == ACT_DELETE) {
		char *q = pd_asprintf(_("Delete the criterion %s? (y/n)"), c->name);

		crit_form_free(o->crit_waiting);
		o->crit_waiting = f;
		app_confirm(a, q, crit_delete_yes, o);
		free(q);
		return;
	}
	o->crit_form = f;
	if (action == ACT_RENAME)
		app_prompt(a, _("New name:"), c->name, false, crit_rename_done, o);
	else
		crit_next(a, o);
}

/* ---- the rows '/' searches ---- */

static size_t organizer_rows(void *state)
{
	return tab_rows(state);
}

static const char *organizer_text(void *state, size_t row, int field)
{
	struct organizer_screen *o = state;

	if (tab_kind(o->tab) >= 0)
		return field == 0 ? o->rows.items[row].name : field < 3 ? o->rows.items[row].detail[field - 1] : NULL;
	if (field > 0 && o->tab != TAB_RUBRIC && o->tab != TAB_SCHEDULE)
		return NULL;
	switch (o->tab) {
	case TAB_RUBRIC:
		return field == 0 ? o->rubric.items[row].name : field == 1 ? o->rubric.items[row].description : NULL;
	case TAB_TIMELINE:
		return o->timeline.items[row].name;
	case TAB_SCHEDULE:
		return field == 0 ? o->schedule.slots[row].team
		       : field == 1 ? o->schedule.rooms[o->schedule.slots[row].room].name : NULL;
	case TAB_SHEETS:
		return o->grid.judges.items[row].name;
	case TAB_PROGRESS:
		return o->progress.teams[row].team;
	default:
		return o->official.rows[row].team;
	}
}

static size_t *organizer_cursor(void *state)
{
	struct organizer_screen *o = state;

	return &o->sel[o->tab];
}

/* Lock or unlock, freeze or thaw: the state wanted when the organizer said yes, so a retry cannot toggle twice. */
struct flag_ctx {
	bool on;
};

static struct flag_ctx *new_flag_ctx(bool on)
{
	struct flag_ctx *f = pd_calloc(1, sizeof(*f));

	f->on = on;
	return f;
}

static enum status lock_write(struct app *a, void *ctx)
{
	const struct flag_ctx *f = ctx;
	struct results_summary sum;
	enum status s = event_set_locked(a->st, f->on);

	if (s != ST_OK)
		return s;
	if (!f->on) {
		app_notice(a, _("Results unlocked"));
	} else if (results_summary(a->st, &sum) == ST_OK) {
		app_notice(a, _("Results locked: %zu ranked, %zu pending, %zu ties, %zu panel sheets missing"), sum.ranked,
			   sum.pending, sum.nties, sum.missing_sheets);
		results_summary_clear(&sum);
	}
	return ST_OK;
}

static void lock_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;

	app_write(a, lock_write, new_flag_ctx(!o->event.results_locked), free);
}

static enum status freeze_write(struct app *a, void *ctx)
{
	const struct flag_ctx *f = ctx;

	return board_freeze(a->st, f->on);
}

static void freeze_yes(struct app *a, void *state)
{
	struct organizer_screen *o = state;

	app_write(a, freeze_write, new_flag_ctx(!o->event.board_frozen), free);
}

static enum status reveal_write(struct app *a, void *ctx)
{
	struct reveal_step r;
	enum status s = results_reveal(a->st, false, &r);

	(void)ctx;
	if (s == ST_OK && r.done)
		app_notice(a, _("Every team is revealed"));
	else if (s == ST_OK)
		app_notice(a, _("Revealed rank %d: %s (step %d of %zu)"), r.rank, r.team, r.step, r.ranked);
	reveal_step_clear(&r);
	return s;
}

static void reveal_yes(struct app *a, void *state)
{
	(void)state;
	app_write(a, reveal_write, NULL, NULL);
}

static enum status reveal_end_write(struct app *a, void *ctx)
{
	(void)ctx;
	return event_set_reveal(a->st, -1);
}

/* The ceremony's next step, as 'podium board reveal': asked first, naming who comes next. */
static void ask_reveal(struct app *a, struct organizer_screen *o)
{
	struct reveal_step next;
	enum status s = results_reveal(a->st, true, &next);
	char *q;

	if (s != ST_OK) {
		app_status(a, s);
		return;
	}
	if (next.done) {
		app_notice(a, _("Every team is revealed; U ends the reveal"));
	} else {
		q = pd_asprintf(_("Reveal rank %d, %s, on every display? (y/n)"), next.rank, next.team);
		app_confirm(a, q, reveal_yes, o);
		free(q);
	}
	reveal_step_clear(&next);
}

static void prompt_import(struct app *a, struct organizer_screen *o)
{
	static const char *const labels[TAB_COUNT] = {
		[TAB_TEAMS] = N_("Import teams from CSV file:"),
		[TAB_TRACKS] = N_("Import teams from CSV file:"),
		[TAB_JUDGES] = N_("Import judges from CSV file:"),
		[TAB_COACHES] = N_("Import coaches from CSV file:"),
		[TAB_ROOMS] = N_("Import rooms from CSV file:"),
		[TAB_RUBRIC] = N_("Import criteria from CSV file:"),
		[TAB_SHEETS] = N_("Import sheets from CSV file:"),
		[TAB_PROGRESS] = N_("Import teams from CSV file:"),
		[TAB_TIMELINE] = N_("Import teams from CSV file:"),
		[TAB_SCHEDULE] = N_("Import rooms from CSV file:"),
		[TAB_RESULTS] = N_("Import sheets from CSV file:"),
	};

	app_prompt(a, _(labels[o->tab]), NULL, false, import_done, o);
}

static void organizer_act(struct app *a, void *state, int action, int key)
{
	struct organizer_screen *o = state;
	const struct board_row *row = selected_row(o);
	int kind = tab_kind(o->tab);

	if (o->tab == TAB_RUBRIC &&
	    (action == ACT_ADD || action == ACT_RENAME || action == ACT_DETAILS || action == ACT_DELETE)) {
		rubric_key(a, o, action);
		return;
	}
	switch (action) {
	case ACT_NEXT_TAB:
		o->tab = (enum tab)((o->tab + 1) % TAB_COUNT);
		app_reload(a);
		break;
	case ACT_PREV_TAB:
		o->tab = (enum tab)((o->tab + TAB_COUNT - 1) % TAB_COUNT);
		app_reload(a);
		break;
	case ACT_ADD:
		if (o->tab == TAB_TIMELINE) {
			app_prompt(a, _("New phase's name:"), NULL, false, phase_name_done, o);
		} else if (kind >= 0) {
			static const char *const labels[] = {
				[KIND_TEAM] = N_("New team's name:"), [KIND_TRACK] = N_("New track's name:"),
				[KIND_JUDGE] = N_("New judge's name:"), [KIND_COACH] = N_("New coach's name:"),
				[KIND_ROOM] = N_("New room's name:"),
			};

			app_prompt(a, _(labels[kind]), NULL, false, add_done, o);
		} else {
			app_error(a, "%s", _("Add records on their tabs"));
		}
		break;
	case ACT_RENAME:
		if (row)
			app_prompt(a, _("New name:"), row->name, false, rename_done, o);
		else if (selected_phase(o))
			app_prompt(a, _("New name:"), selected_phase(o)->name, false, phase_rename_done, o);
		break;
	case ACT_DETAILS:
		if (row)
			form_start(a, o, row);
		break;
	case ACT_TIME:
		if (selected_phase(o)) {
			char *when = when_text(selected_phase(o));

			app_prompt(a, _("When:"), when, false, phase_time_done, o);
			free(when);
		} else {
			app_error(a, "%s", _("t changes a phase's time on the Timeline tab"));
		}
		break;
	case ACT_PIN:
		if (selected_phase(o))
			phase_pin(a, o);
		else
			app_error(a, "%s", _("p pins a phase on the Timeline tab"));
		break;
	case ACT_MOVE:
		if (selected_slot(o)) {
			char *label = pd_asprintf(_("Move %s to room [position]:"), selected_slot(o)->team);

			app_prompt(a, label, o->schedule.rooms[selected_slot(o)->room].name, false, move_done, o);
			free(label);
		} else {
			app_error(a, "%s", _("m moves a pitch on the Schedule tab"));
		}
		break;
	case ACT_SWAP:
		if (selected_slot(o))
			swap_key(a, o);
		else
			app_error(a, "%s", _("s swaps two pitches on the Schedule tab"));
		break;
	case ACT_DELETE:
		if (selected_phase(o)) {
			char *q = pd_asprintf(_("Delete %s from the timeline? (y/n)"), selected_phase(o)->name);

			app_confirm(a, q, phase_delete_yes, o);
			free(q);
		} else if (row) {
			char *q = pd_asprintf(kind == KIND_TEAM || kind == KIND_JUDGE
						      ? _("Delete %s and all their sheets? (y/n)") : _("Delete %s? (y/n)"),
					      row->name);

			app_confirm(a, q, delete_yes, o);
			free(q);
		}
		break;
	case ACT_IMPORT:
		prompt_import(a, o);
		break;
	case ACT_LOCK:
		app_confirm(a, o->event.results_locked ? _("Unlock the results so judges can edit again? (y/n)")
						       : _("Lock the results? Sheets will change only by a correction. (y/n)"),
			    lock_yes, o);
		break;
	case ACT_FREEZE:
		app_confirm(a, o->event.board_frozen ? _("Let every display follow the scores again? (y/n)")
						     : _("Freeze the board on every display? (y/n)"),
			    freeze_yes, o);
		break;
	case ACT_REVEAL:
		ask_reveal(a, o);
		break;
	case ACT_REVEAL_RESET:
		app_write(a, reveal_end_write, NULL, NULL);
		break;
	default:
		if (key >= '0' && key <= '9') {
			int t = key == '0' ? 9 : key - '1';

			if (t < TAB_COUNT) {
				o->tab = (enum tab)t;
				app_reload(a);
			}
		}
		break;
	}
}

static void organizer_free(void *state)
{
	struct organizer_screen *o = state;

	clear_data(o);
	if (o->pending_phase)
		free_phase_ctx(o->pending_phase);
	form_free(o->form);
	crit_form_free(o->crit_form);
	crit_form_free(o->crit_waiting);
	free(o);
}

void *screen_organizer_new(struct app *a)
{
	struct organizer_screen *o = pd_calloc(1, sizeof(*o));

	(void)a;
	o->swap_mark = -1;
	return o;
}

const struct screen_ops screen_organizer_ops = {
	.name = N_("organizer"),
	.keys = organizer_keys,
	.nkeys = PD_ARRAY_LEN(organizer_keys),
	.load = organizer_load,
	.draw = organizer_draw,
	.act = organizer_act,
	.row_count = organizer_rows,
	.row_text = organizer_text,
	.cursor = organizer_cursor,
	.title = organizer_title,
	.free = organizer_free,
};
