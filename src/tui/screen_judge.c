#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/conflict.h"
#include "podium/event.h"
#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/people.h"
#include "podium/rubric.h"
#include "podium/schedule.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/text.h"
#include "tui/tui.h"

/*
 * The judge: the queue of teams to judge, and a team's score sheet. Every
 * value is saved as it is keyed (a draft), so nothing typed is ever lost;
 * submitting asks first. A judge never sees another judge's scores.
 */
struct judge_screen {
	char judge_id[ID_LEN + 1];
	char *judge_name;
	struct judge_queue queue;
	char *now_pitching;	/* "Now pitching: Les Castors (Salle Ada)", or NULL */
	int64_t *late_min;	/* per queue item: how late its pitch runs, as the timekeeper says */
	int64_t minute;		/* of the last projection */
	size_t sel, top;
	bool placed;		/* the cursor went to the judge's current pitch once */
	bool locked;		/* results locked by the organizer */
	char title[256];

	/* the open sheet */
	bool open;
	char team_id[ID_LEN + 1];
	char *team;
	struct rubric rubric;
	struct sheet sheet;
	size_t crit;
	char digits[12];	/* a value being typed on crit, "" when none */
};

enum {
	ACT_DOWN, ACT_UP, ACT_OPEN, ACT_CONFLICT,
	ACT_BACK, ACT_LESS, ACT_MORE, ACT_VALUE, ACT_COMMENT, ACT_SUBMIT, ACT_TYPE_VALUE,
};

static const struct tui_key queue_keys[] = {
	{ ACT_OPEN, TUI_ENTER, 'l', "Enter", N_("score the team"), true },
	{ ACT_CONFLICT, 'x', 0, "x", N_("declare a conflict of interest"), true },
};

static const struct tui_key sheet_keys[] = {
	{ ACT_VALUE, TUI_NOKEY, 0, "0-9", N_("the value, digit by digit"), true },
	{ ACT_DOWN, 'j', TUI_FN(KEY_DOWN), "j/k", N_("criterion"), true },
	{ ACT_SUBMIT, 's', 0, "s", N_("submit"), true },
	{ ACT_DOWN, TUI_ENTER, '\t', "Enter/Tab", N_("next criterion"), false },
	{ ACT_UP, 'k', TUI_FN(KEY_UP), "k", N_("previous criterion"), false },
	{ ACT_LESS, 'h', TUI_FN(KEY_LEFT), "h/l", N_("value -/+"), true },
	{ ACT_MORE, 'l', TUI_FN(KEY_RIGHT), "l", N_("value +1"), false },
	{ ACT_TYPE_VALUE, '=', 0, "=", N_("type a value"), false },
	{ ACT_COMMENT, 'c', 0, "c", N_("comment"), true },
	{ ACT_BACK, TUI_ESC, TUI_FN(KEY_BACKSPACE), "Esc", N_("back to the list"), true },
};

const struct screen_ops screen_sheet_ops;
static const struct screen_ops screen_gone_ops;

/*
 * The sheet's keys as it stands: a submitted sheet edited since (changed) puts
 * "s submit the changes" first in the hint line, as what is left to do.
 */
static const struct tui_key *sheet_keys_now(void *state, size_t *n)
{
	static struct tui_key changed[PD_ARRAY_LEN(sheet_keys)];
	const struct sheet *sh = &((const struct judge_screen *)state)->sheet;
	size_t k = 1;

	*n = PD_ARRAY_LEN(sheet_keys);
	if (sh->state != SHEET_SUBMITTED || !sh->changed)
		return sheet_keys;
	for (size_t i = 0; i < *n; i++) {
		if (sheet_keys[i].action != ACT_SUBMIT) {
			changed[k++] = sheet_keys[i];
			continue;
		}
		changed[0] = sheet_keys[i];
		changed[0].help = N_("submit the changes");
	}
	return changed;
}

static struct judge_screen *js(void *state)
{
	return state;
}

/* ---- saving ---- */

struct change {
	char judge_id[ID_LEN + 1];
	char team_id[ID_LEN + 1];
	char criterion_id[ID_LEN + 1];	/* "" when no value changes */
	int value;
	char *comment;			/* NULL keeps it */
	bool submit;
};

static void free_change(void *ctx)
{
	struct change *c = ctx;

	free(c->comment);
	free(c);
}

static enum status save_change(struct app *a, void *ctx)
{
	struct change *c = ctx;
	struct sheet_value v = { c->criterion_id, c->value };
	struct sheet_change ch = {
		.judge = c->judge_id, .team = c->team_id,
		.values = c->criterion_id[0] ? &v : NULL, .nvalues = c->criterion_id[0] ? 1 : 0,
		.comment = c->comment, .submit = c->submit,
	};
	enum status s = sheet_apply(a->st, &a->who, &ch);

	if (s == ST_OK && c->submit)
		app_notice(a, _("Submitted. You can still edit it until the results are locked"));
	return s;
}

/* Save c, kept in the journal if the file stays busy; the first try's status. */
static enum status write_change(struct app *a, struct change *c)
{
	struct journal_value v;
	struct journal_change kept = { .who = a->who, .audit_actor = (char *)audit_actor(),
				       .comment = c->comment, .submit = c->submit };

	memcpy(kept.judge, c->judge_id, sizeof(kept.judge));
	memcpy(kept.team, c->team_id, sizeof(kept.team));
	if (c->criterion_id[0]) {
		memcpy(v.criterion, c->criterion_id, sizeof(v.criterion));
		v.value = c->value;
		kept.values = &v;
		kept.nvalues = 1;
	}
	return app_write_kept(a, save_change, c, free_change, &kept);
}

static struct change *new_change(struct judge_screen *j)
{
	struct change *c = pd_calloc(1, sizeof(*c));

	memcpy(c->judge_id, j->judge_id, sizeof(c->judge_id));
	memcpy(c->team_id, j->team_id, sizeof(c->team_id));
	return c;
}

/* Give the current criterion value; advance moves on to the next criterion (typing digits). */
static void set_value(struct app *a, struct judge_screen *j, int value, bool advance)
{
	const struct criterion *cr = &j->rubric.items[j->crit];
	struct change *c;
	enum status s;

	if (value < cr->min || value > cr->max) {
		app_error(a, _("%s takes a value from %d to %d"), cr->name, cr->min, cr->max);
		return;
	}
	/* show it at once; the save follows (or waits for a busy file) */
	j->sheet.values[j->crit] = value;
	j->sheet.scored[j->crit] = true;
	c = new_change(j);
	memcpy(c->criterion_id, cr->id, sizeof(c->criterion_id));
	c->value = value;
	/* the disk is full: the value stays, and so does the cursor, until it is saved */
	s = write_change(a, c);
	if (s != ST_FULL && s != ST_IO && advance && j->crit + 1 < j->rubric.count)
		j->crit++;
}

/* ---- typing a value digit by digit ---- */

/*
 * True when some value of c's scale, written in decimal, starts with the
 * digits typed (longer: a value with more digits than those).
 */
static bool scale_starts_with(const struct criterion *c, const char *typed, bool longer)
{
	long long first = atoll(typed), lo = c->min > 0 ? c->min : 0;
	size_t len = strlen(typed);

	if (len > 1 && typed[0] == '0')
		return false;
	if (first == 0)
		return !longer && lo == 0 && c->max >= 0;
	for (long long scale = longer ? 10 : 1; first * scale <= c->max; scale *= 10) {
		long long from = first * scale, to = (first + 1) * scale - 1;

		if (to >= lo && from <= c->max)
			return true;
	}
	return false;
}

static bool typed_value(const struct criterion *c, const char *typed, int *value)
{
	long long v = atoll(typed);

	if (!typed[0] || (strlen(typed) > 1 && typed[0] == '0') || v < c->min || v > c->max)
		return false;
	*value = (int)v;
	return true;
}

/* Keep the value typed so far, if it is one, before the cursor moves or another key acts. */
static void settle_digits(struct app *a, struct judge_screen *j)
{
	int v;

	if (!j->digits[0])
		return;
	if (typed_value(&j->rubric.items[j->crit], j->digits, &v))
		set_value(a, j, v, false);
	else
		app_error(a, _("%s takes a value from %d to %d"), j->rubric.items[j->crit].name,
			  j->rubric.items[j->crit].min, j->rubric.items[j->crit].max);
	j->digits[0] = '\0';
}

/*
 * A digit: refused when no value of the scale starts so; kept while a longer
 * value could still follow (1 on 0-10); otherwise the value is given and the
 * cursor moves on.
 */
static void type_digit(struct app *a, struct judge_screen *j, char digit)
{
	const struct criterion *c = &j->rubric.items[j->crit];
	size_t len = strlen(j->digits);
	char typed[sizeof(j->digits) + 1];
	int v;

	memcpy(typed, j->digits, len);
	typed[len] = digit;
	typed[len + 1] = '\0';
	if (len + 2 >= sizeof(typed) || !scale_starts_with(c, typed, false)) {
		beep();
		app_error(a, _("%s takes a value from %d to %d"), c->name, c->min, c->max);
		return;
	}
	if (scale_starts_with(c, typed, true)) {
		memcpy(j->digits, typed, len + 2);
		return;
	}
	j->digits[0] = '\0';
	if (typed_value(c, typed, &v))
		set_value(a, j, v, true);
}

/* ---- loading ---- */

static enum status load_sheet(struct app *a, struct judge_screen *j)
{
	enum status s;

	rubric_clear(&j->rubric);
	sheet_clear(&j->sheet);
	s = rubric_load(a->st, &j->rubric);
	if (s == ST_OK)
		s = sheet_get(a->st, &j->rubric, j->judge_id, j->team_id, &j->sheet);
	if (s == ST_OK && j->crit >= j->rubric.count)
		j->crit = j->rubric.count ? j->rubric.count - 1 : 0;
	return s;
}

/* Each team's pitch as the timekeepers project it now (slips included), as their screens show it. */
static void project_queue(struct judge_screen *j, const struct schedule *sched)
{
	free(j->late_min);
	j->late_min = pd_calloc(j->queue.count ? j->queue.count : 1, sizeof(*j->late_min));
	for (size_t i = 0; i < j->queue.count; i++) {
		struct queue_item *it = &j->queue.items[i];

		for (size_t k = 0; k < sched->count; k++) {
			if (strcmp(sched->slots[k].team_id, it->team_id) != 0)
				continue;
			it->pitch_at = sched->slots[k].proj_start;
			if (sched->slots[k].status == SLOT_SCHEDULED)
				j->late_min[i] = schedule_late_minutes(sched->slots[k].late_s);
			break;
		}
	}
}

static const struct slot *slot_of(const struct schedule *sched, const char *team_id)
{
	for (size_t k = 0; k < sched->count; k++)
		if (strcmp(sched->slots[k].team_id, team_id) == 0)
			return &sched->slots[k];
	return NULL;
}

/*
 * The first time: the cursor on the judge's current pitch, in the room they
 * sit in now: one of their teams pitching, else the next of theirs to pitch.
 */
static void place_cursor(struct judge_screen *j, const struct schedule *sched)
{
	const struct slot *best = NULL;

	if (j->placed)
		return;
	j->placed = true;
	for (size_t i = 0; i < j->queue.count; i++) {
		const struct slot *sl = slot_of(sched, j->queue.items[i].team_id);

		if (!sl || (sl->status != SLOT_RUNNING && sl->status != SLOT_SCHEDULED))
			continue;
		if (!best || (sl->status == SLOT_RUNNING && best->status != SLOT_RUNNING) ||
		    (sl->status == best->status && sl->proj_start < best->proj_start)) {
			best = sl;
			j->sel = i;
		}
	}
}

/* What the timekeepers say is pitching now, in every room, and when each team pitches. */
static enum status load_now_pitching(struct app *a, struct judge_screen *j)
{
	struct schedule sched;
	char *line = NULL;
	int64_t now = clock_local_now();
	enum status s = schedule_load(a->st, NULL, now, &sched);

	free(j->now_pitching);
	j->now_pitching = NULL;
	if (s != ST_OK)
		return s;
	j->minute = now / 60;
	project_queue(j, &sched);
	place_cursor(j, &sched);
	for (size_t r = 0; r < sched.nrooms; r++) {
		const struct schedule_room *room = &sched.rooms[r];
		char *next;

		if (room->current < 0 || sched.slots[room->current].status != SLOT_RUNNING)
			continue;
		next = line ? pd_asprintf("%s · %s (%s)", line, sched.slots[room->current].team, room->name)
			    : pd_asprintf(_("Now pitching: %s (%s)"), sched.slots[room->current].team, room->name);
		free(line);
		line = next;
	}
	j->now_pitching = line;
	schedule_clear(&sched);
	return ST_OK;
}

static enum status judge_load(struct app *a, void *state)
{
	struct judge_screen *j = js(state);
	bool locked = false, exists = true;
	enum status s = judge_exists(a->st, j->judge_id, &exists);

	if (s != ST_OK)
		return s;
	if (!exists) {
		j->open = false;
		app_switch(a, &screen_gone_ops, j);
		return ST_OK;
	}
	board_judge_queue_clear(&j->queue);
	s = board_judge_queue(a->st, j->judge_id, &j->queue);
	if (s == ST_OK)
		s = event_results_locked(a->st, &locked);
	j->locked = locked;
	if (s == ST_OK)
		s = load_now_pitching(a, j);
	if (j->sel >= j->queue.count)
		j->sel = j->queue.count ? j->queue.count - 1 : 0;
	if (s == ST_OK && j->open)
		s = load_sheet(a, j);
	return s;
}

/* ---- drawing ---- */

static const char *judge_title(struct app *a, void *state)
{
	struct judge_screen *j = js(state);

	(void)a;
	snprintf(j->title, sizeof(j->title), _(" podium · judge %s · %zu of %zu teams done%s"), j->judge_name,
		 j->queue.done, j->queue.count, j->locked ? " · results locked" : "");
	return j->title;
}

static void state_look(const struct queue_item *it, enum theme_role *role, const char **label)
{
	if (it->conflict) {
		*role = ROLE_LOOK_STATE_CONFLICT;
		*label = _("conflict");
	} else if (it->state == SHEET_SUBMITTED && it->changed) {
		*role = ROLE_LOOK_STATE_CHANGED;
		*label = _("changed");
	} else if (it->state == SHEET_SUBMITTED) {
		*role = ROLE_LOOK_STATE_SUBMITTED;
		*label = _("submitted");
	} else if (it->state == SHEET_DRAFT) {
		*role = ROLE_LOOK_STATE_DRAFT;
		*label = _("draft");
	} else {
		*role = ROLE_LOOK_STATE_TODO;
		*label = _("to do");
	}
}

/* True when some team of the queue has a pitch slot: then the queue shows when and where. */
static bool has_pitches(const struct judge_queue *q)
{
	for (size_t i = 0; i < q->count; i++)
		if (q->items[i].pitch_at)
			return true;
	return false;
}

/* The widest slip of the queue, " (+15)", in columns; 0 when every pitch is on time. */
static int slip_width(const struct judge_screen *j)
{
	int64_t most = 0;
	char buf[24];

	for (size_t i = 0; j->late_min && i < j->queue.count; i++)
		if (j->late_min[i] > most)
			most = j->late_min[i];
	return most > 0 ? snprintf(buf, sizeof(buf), " (+%lld)", (long long)most) : 0;
}

/* The queue's columns; the team name is the last thing to go, then the state and total. */
struct queue_layout {
	int name_w, pitch_w, proj_w;	/* 0: not shown */
	int x_pitch, x_proj, x_state, x_total;
};

#define STATE_W 10
#define TOTAL_W 7

static struct queue_layout queue_layout(const struct judge_screen *j, int cols)
{
	struct queue_layout l = { 0 };
	int longest = 4, room = 0, left, rest;

	for (size_t i = 0; i < j->queue.count; i++) {
		const struct queue_item *it = &j->queue.items[i];
		int w = text_width(it->team);

		longest = w > longest ? w : longest;
		if (it->pitch_at && it->room && (w = text_width(it->room)) > room)
			room = w;
	}
	l.x_total = cols - 2 - TOTAL_W;
	l.x_state = l.x_total - 1 - STATE_W;
	left = l.x_state - 2;	/* from column 1, a space before the state */
	if (left < 12) {	/* a very narrow terminal: the name and the state alone */
		l.x_total = cols;
		l.x_state = cols - STATE_W - 1;
		left = l.x_state - 2;
	}
	l.name_w = longest < 12 ? 12 : longest > 28 ? 28 : longest;
	if (l.name_w > left)
		l.name_w = left;
	rest = left - l.name_w - 1;
	if (has_pitches(&j->queue) && rest >= 6) {
		int want = 5 + slip_width(j) + (room ? 1 + (room < 20 ? room : 20) : 0);

		l.pitch_w = want < rest ? want : rest;
		rest -= l.pitch_w + 1;
	}
	if (rest > 4)
		l.proj_w = rest;
	l.x_pitch = 2 + l.name_w;
	l.x_proj = l.x_pitch + (l.pitch_w ? l.pitch_w + 1 : 0);
	return l;
}

static void draw_queue(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct judge_screen *j = js(state);
	struct queue_layout l = queue_layout(j, cols);

	(void)a;
	if (j->now_pitching && rows > 4) {
		draw_text(w, top, 1, ROLE_LOOK_TIMER, j->now_pitching, cols - 2);
		top += 2;
		rows -= 2;
	}
	draw_text(w, top, 1, ROLE_LOOK_HEADER, _("Team"), l.name_w);
	if (l.pitch_w)
		draw_text(w, top, l.x_pitch, ROLE_LOOK_HEADER, _("Pitch"), l.pitch_w);
	if (l.proj_w)
		draw_text(w, top, l.x_proj, ROLE_LOOK_HEADER, _("Project"), l.proj_w);
	draw_text(w, top, l.x_state, ROLE_LOOK_HEADER, _("State"), STATE_W);
	if (l.x_total < cols)
		draw_text_right(w, top, l.x_total, ROLE_LOOK_HEADER, _("Total"), TOTAL_W);
	rows--;
	if (j->queue.count == 0) {
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _("No teams yet: the organizer imports them."), cols - 4);
		return;
	}
	draw_scroll(j->sel, &j->top, rows);
	for (int r = 0; r < rows && j->top + (size_t)r < j->queue.count; r++) {
		const struct queue_item *it = &j->queue.items[j->top + (size_t)r];
		bool cur = j->top + (size_t)r == j->sel;
		enum theme_role st_role;
		const char *label;
		char total[16] = "", when[17], pitch[64] = "";
		int y = top + 1 + r;

		state_look(it, &st_role, &label);
		if (it->complete && !it->conflict)
			snprintf(total, sizeof(total), "%.1f", it->total);
		if (it->pitch_at) {
			int64_t late = j->late_min ? j->late_min[j->top + (size_t)r] : 0;
			char slip[24] = "";

			clock_format(it->pitch_at, when);
			if (late > 0)
				snprintf(slip, sizeof(slip), " (+%lld)", (long long)late);
			snprintf(pitch, sizeof(pitch), "%s%s %s", when + 11, slip, it->room ? it->room : "");
		}
		if (cur)
			draw_fill(w, y, 0, ROLE_LOOK_CURSOR, cols);
		draw_text(w, y, 1, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_TEAM, it->team, l.name_w);
		if (l.pitch_w)
			draw_text(w, y, l.x_pitch, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, pitch, l.pitch_w);
		if (l.proj_w)
			draw_text(w, y, l.x_proj, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_MUTED,
				  it->calibration ? _("calibration: scored first, counts nowhere") : it->project, l.proj_w);
		draw_text(w, y, l.x_state, cur ? ROLE_LOOK_CURSOR : st_role, label, STATE_W);
		if (l.x_total < cols)
			draw_text_right(w, y, l.x_total, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_SCORE, total, TOTAL_W);
	}
}

/* typed: the digits being typed on this criterion ("1" shows as "1_"), or "". */
static void draw_scale(WINDOW *w, int y, int x, const struct criterion *c, const struct sheet *sh, size_t i,
		       const char *typed, int cols)
{
	char buf[32];

	if (c->max - c->min <= 10 && (c->max - c->min + 1) * 4 + 6 <= cols) {
		for (int v = c->min; v <= c->max; v++, x += 4) {
			bool chosen = sh->scored[i] && sh->values[i] == v;

			snprintf(buf, sizeof(buf), chosen ? "[%d]" : " %d ", v);
			draw_text(w, y, x, chosen ? ROLE_LOOK_VALUE : ROLE_LOOK_MUTED, buf, 4);
		}
		if (typed[0]) {
			snprintf(buf, sizeof(buf), " %s_", typed);
			draw_text(w, y, x, ROLE_LOOK_VALUE, buf, cols - (c->max - c->min + 1) * 4);
		}
		return;
	}
	if (typed[0])
		snprintf(buf, sizeof(buf), "%s_  (%d..%d)", typed, c->min, c->max);
	else if (sh->scored[i])
		snprintf(buf, sizeof(buf), "%d  (%d..%d)", sh->values[i], c->min, c->max);
	else
		snprintf(buf, sizeof(buf), "-  (%d..%d)", c->min, c->max);
	draw_text(w, y, x, ROLE_LOOK_VALUE, buf, cols);
}

static void draw_sheet(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct judge_screen *j = js(state);
	const struct sheet *sh = &j->sheet;
	bool submitted = sh->state == SHEET_SUBMITTED;
	const char *label = submitted ? (sh->changed ? _("changed") : _("submitted"))
				      : sh->state == SHEET_DRAFT ? _("draft") : _("new");
	enum theme_role look = !submitted ? ROLE_LOOK_STATE_DRAFT
				: sh->changed ? ROLE_LOOK_STATE_CHANGED : ROLE_LOOK_STATE_SUBMITTED;
	size_t scored = 0;
	char head[160];
	int y = top, name_w = 16;

	(void)a;
	for (size_t i = 0; i < sh->nvalues; i++)
		scored += sh->scored[i];
	draw_text(w, y, 1, ROLE_LOOK_TEAM, j->team, cols / 2);
	if (sh->complete)
		snprintf(head, sizeof(head), _("%s · %zu/%zu scored · total %.1f"), label, scored,
			 sh->nvalues, sh->total);
	else
		snprintf(head, sizeof(head), _("%s · %zu/%zu scored"), label, scored, sh->nvalues);
	draw_text_right(w, y, cols / 2, look, head, cols - cols / 2 - 1);
	y += 2;
	for (size_t i = 0; i < j->rubric.count && y < top + rows - 4; i++, y++) {
		const struct criterion *c = &j->rubric.items[i];
		bool cur = i == j->crit;

		draw_text(w, y, 1, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, cur ? ">" : " ", 2);
		draw_text(w, y, 3, cur ? ROLE_LOOK_CURSOR : ROLE_LOOK_DEFAULT, c->name, name_w);
		draw_scale(w, y, 4 + name_w, c, sh, i, cur ? j->digits : "", cols - name_w - 5);
	}
	y++;
	if (j->crit < j->rubric.count && y < top + rows) {
		const struct criterion *c = &j->rubric.items[j->crit];
		char *line = pd_asprintf("%s: %s", c->name, c->description[0] ? c->description : _("(no description)"));

		draw_text(w, y++, 1, ROLE_LOOK_HINT, line, cols - 2);
		free(line);
	}
	if (y < top + rows) {
		char *line = pd_asprintf(_("Comment: %s"), sh->comment && sh->comment[0] ? sh->comment : _("(none; c to write one)"));

		draw_text(w, y + 1 < top + rows ? y + 1 : y, 1, ROLE_LOOK_DEFAULT, line, cols - 2);
		free(line);
	}
}

/* ---- actions ---- */

static void open_selected(struct app *a, struct judge_screen *j)
{
	const struct queue_item *it;

	if (j->queue.count == 0)
		return;
	it = &j->queue.items[j->sel];
	if (it->conflict) {
		app_error(a, _("You declared a conflict of interest with %s: someone else judges it"), it->team);
		return;
	}
	memcpy(j->team_id, it->team_id, sizeof(j->team_id));
	free(j->team);
	j->team = pd_strdup(it->team);
	j->open = true;
	j->crit = 0;
	j->digits[0] = '\0';
	app_switch(a, &screen_sheet_ops, j);
}

struct conflict_ctx {
	char judge_id[ID_LEN + 1], team_id[ID_LEN + 1];
};

static enum status conflict_write(struct app *a, void *ctx)
{
	const struct conflict_ctx *c = ctx;

	return conflict_declare(a->st, c->judge_id, c->team_id, _("declared by the judge"));
}

static void conflict_done(struct app *a, void *state)
{
	struct judge_screen *j = js(state);
	struct conflict_ctx *c;

	if (j->sel >= j->queue.count)
		return;
	c = pd_calloc(1, sizeof(*c));
	memcpy(c->judge_id, j->judge_id, sizeof(c->judge_id));
	memcpy(c->team_id, j->queue.items[j->sel].team_id, sizeof(c->team_id));
	app_write(a, conflict_write, c, free);
}

static size_t queue_rows(void *state)
{
	struct judge_screen *j = js(state);

	return j->open ? 0 : j->queue.count;
}

static const char *queue_text(void *state, size_t row, int field)
{
	const struct queue_item *it = &js(state)->queue.items[row];

	return field == 0 ? it->team : field == 1 ? it->project : field == 2 ? it->room : NULL;
}

static size_t *queue_cursor(void *state)
{
	return &js(state)->sel;
}

static void queue_act(struct app *a, void *state, int action, int key)
{
	struct judge_screen *j = js(state);

	(void)key;
	switch (action) {
	case ACT_OPEN:
		open_selected(a, j);
		break;
	case ACT_CONFLICT:
		if (j->queue.count) {
			char *q = pd_asprintf(_("Declare a conflict of interest with %s? You will not judge it. (y/n)"),
					      j->queue.items[j->sel].team);

			app_confirm(a, q, conflict_done, j);
			free(q);
		}
		break;
	}
}

static void comment_done(struct app *a, void *state, const char *text)
{
	struct judge_screen *j = js(state);
	struct change *c = new_change(j);

	c->comment = pd_strdup(text);
	free(j->sheet.comment);
	j->sheet.comment = pd_strdup(text);
	write_change(a, c);
}

static void value_done(struct app *a, void *state, const char *text)
{
	struct judge_screen *j = js(state);
	char *end;
	long v = strtol(text, &end, 10);

	if (end == text || *end || v < -1000000 || v > 1000000) {
		app_error(a, _("'%s' is not a whole number"), text);
		return;
	}
	set_value(a, j, (int)v, true);
}

static void submit_done(struct app *a, void *state)
{
	struct judge_screen *j = js(state);
	struct change *c = new_change(j);

	c->submit = true;
	write_change(a, c);
}

static void sheet_act(struct app *a, void *state, int action, int key)
{
	struct judge_screen *j = js(state);
	const struct criterion *cr = j->crit < j->rubric.count ? &j->rubric.items[j->crit] : NULL;
	int current;

	if (!cr && action != ACT_BACK)
		return;
	if (key >= '0' && key <= '9' && action < 0) {
		type_digit(a, j, (char)key);
		return;
	}
	if (j->digits[0] && (key == TUI_FN(KEY_BACKSPACE) || key == 127 || key == 8)) {
		j->digits[strlen(j->digits) - 1] = '\0';
		return;
	}
	settle_digits(a, j);
	current = cr && j->sheet.scored[j->crit] ? j->sheet.values[j->crit] : (cr ? cr->min - 1 : 0);
	switch (action) {
	case ACT_DOWN:
		if (j->crit + 1 < j->rubric.count)
			j->crit++;
		break;
	case ACT_UP:
		if (j->crit > 0)
			j->crit--;
		break;
	case ACT_LESS:
		if (j->sheet.scored[j->crit] && current > cr->min)
			set_value(a, j, current - 1, false);
		break;
	case ACT_MORE:
		if (current < cr->max)
			set_value(a, j, current < cr->min ? cr->min : current + 1, false);
		break;
	case ACT_TYPE_VALUE:
		app_prompt(a, _("Value:"), NULL, false, value_done, j);
		break;
	case ACT_COMMENT:
		app_prompt(a, _("Comment:"), j->sheet.comment, false, comment_done, j);
		break;
	case ACT_SUBMIT: {
		char *q = pd_asprintf(_("Submit your sheet for %s? (y/n)"), j->team);

		app_confirm(a, q, submit_done, j);
		free(q);
		break;
	}
	case ACT_BACK:
		j->open = false;
		app_switch(a, &screen_judge_ops, j);
		break;
	default:
		break;
	}
}

static void judge_free(void *state)
{
	struct judge_screen *j = js(state);

	board_judge_queue_clear(&j->queue);
	rubric_clear(&j->rubric);
	sheet_clear(&j->sheet);
	free(j->judge_name);
	free(j->now_pitching);
	free(j->late_min);
	free(j->team);
	free(j);
}

/* The pitches' projected times move with the clock: look again each minute. */
static bool judge_tick(struct app *a, void *state)
{
	struct judge_screen *j = js(state);

	if (clock_local_now() / 60 == j->minute)
		return false;
	if (load_now_pitching(a, j) != ST_OK)
		j->minute = clock_local_now() / 60;	/* a busy file: the next minute's look */
	return true;
}

/* ---- a judge the organizer deleted ---- */

static void draw_gone(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	(void)a;
	(void)state;
	for (int y = top; y < top + rows; y++)
		draw_fill(w, y, 0, ROLE_LOOK_DEFAULT, cols);
	draw_text(w, top + rows / 2, 2, ROLE_LOOK_HEADER,
		  _("You are no longer a judge of this event; q quits."), cols - 4);
}

static void gone_act(struct app *a, void *state, int action, int key)
{
	(void)a;
	(void)state;
	(void)action;
	(void)key;
}

static const char *gone_title(struct app *a, void *state)
{
	(void)a;
	(void)state;
	return _(" podium · judge");
}

/* No keys but the app's own (q, ?): nothing is left to judge or save. */
static const struct screen_ops screen_gone_ops = {
	.name = N_("judge"),
	.draw = draw_gone,
	.act = gone_act,
	.title = gone_title,
	.free = judge_free,
};

/* A judge screen for judge_id named name. */
void *screen_judge_for(const char *judge_id, const char *name);

void *screen_judge_for(const char *judge_id, const char *name)
{
	struct judge_screen *j = pd_calloc(1, sizeof(*j));

	snprintf(j->judge_id, sizeof(j->judge_id), "%s", judge_id);
	j->judge_name = pd_strdup(name);
	return j;
}

void *screen_judge_new(struct app *a)
{
	return screen_judge_for(a->who.person_id, a->who_name);
}

const struct screen_ops screen_judge_ops = {
	.name = N_("judge"),
	.watch = WATCH_ALL & ~(WATCH_COACHING | WATCH_TIMELINE),
	.keys = queue_keys,
	.nkeys = PD_ARRAY_LEN(queue_keys),
	.load = judge_load,
	.draw = draw_queue,
	.act = queue_act,
	.row_count = queue_rows,
	.row_text = queue_text,
	.cursor = queue_cursor,
	.title = judge_title,
	.tick = judge_tick,
	.free = judge_free,
};

const struct screen_ops screen_sheet_ops = {
	.name = N_("score sheet"),
	.watch = WATCH_ALL & ~(WATCH_COACHING | WATCH_TIMELINE),
	.keys = sheet_keys,
	.nkeys = PD_ARRAY_LEN(sheet_keys),
	.keys_now = sheet_keys_now,
	.load = judge_load,
	.draw = draw_sheet,
	.act = sheet_act,
	.title = judge_title,
	.free = judge_free,
};
