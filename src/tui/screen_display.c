#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/ranking.h"
#include "podium/schedule.h"
#include "podium/site.h"
#include "podium/store.h"
#include "podium/text.h"
#include "podium/timeline.h"
#include "tui/tui.h"

/*
 * The projector: the event clock, the leaderboard overall and per track in
 * turn (a hub's sites after them), with bars; a track or site with no ranked
 * team has no turn. It follows the file by itself and takes no key that
 * changes anything. A frozen board stops moving; during the ceremony reveal
 * only the teams revealed so far (from last place up) are shown. In large
 * type (L, or --large) the top entries have their rank and score in block
 * digits, for the back of the room.
 */
#define ROTATE_SECONDS 12

struct display_screen {
	struct event event;
	struct timeline timeline;
	struct schedule schedule;
	struct board_views views;
	size_t view;
	int seconds_on_view;
	bool large;		/* large type */
	char title[256];
};

enum { ACT_NEXT_VIEW, ACT_PREV_VIEW, ACT_LARGE };

static const struct tui_key display_keys[] = {
	{ ACT_NEXT_VIEW, TUI_FN(KEY_RIGHT), ' ', "→", N_("next board"), true },
	{ ACT_PREV_VIEW, TUI_FN(KEY_LEFT), 0, "←", N_("previous board"), false },
	{ ACT_LARGE, 'L', 0, "L", N_("large type on or off"), false },
};

/* The boards: every ranking from one read, again only when scores, records, the rubric or the event changed. */
#define BOARD_CHANGES (WATCH_SHEETS | WATCH_RECORDS | WATCH_RUBRIC | WATCH_EVENT)

/* Each part is read again only when a change of its kind came: a timer's tick leaves the boards alone. */
static enum status display_load(struct app *a, void *state)
{
	struct display_screen *d = state;
	enum status s = ST_OK;

	if (app_changed(a, WATCH_EVENT)) {
		event_clear(&d->event);
		if ((s = event_get(a->st, &d->event)) != ST_OK)
			return s;
	}
	if (app_changed(a, WATCH_TIMELINE)) {
		timeline_clear(&d->timeline);
		if ((s = timeline_load(a->st, &d->timeline)) != ST_OK)
			return s;
	}
	if (app_changed(a, WATCH_SLOTS | WATCH_RECORDS)) {
		schedule_clear(&d->schedule);
		if ((s = schedule_load(a->st, NULL, clock_local_now(), &d->schedule)) != ST_OK)
			return s;
	}
	if (!app_changed(a, BOARD_CHANGES))
		return ST_OK;
	board_views_clear(&d->views);
	s = board_views_load(a->st, &d->views);
	/* a hub's projector also rotates through each site's board */
	if (s == ST_OK && d->views.reveal_step < 0)
		s = hub_append_site_views(a->st, &d->views);
	/* a board with nothing ranked has no turn */
	board_views_drop_empty(&d->views);
	/* the ceremony is told on the board of all teams */
	if (d->view >= d->views.count || d->views.reveal_step >= 0)
		d->view = 0;
	return s;
}

static void format_span(int64_t seconds, char *out, size_t n)
{
	int64_t d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60, s = seconds % 60;

	if (d > 0)
		snprintf(out, n, _("%lldd %02lld:%02lld:%02lld"), (long long)d, (long long)h, (long long)m, (long long)s);
	else
		snprintf(out, n, "%02lld:%02lld:%02lld", (long long)h, (long long)m, (long long)s);
}

static const char *display_title(struct app *a, void *state)
{
	struct display_screen *d = state;
	char now[64];

	(void)a;
	clock_format_human(clock_local_now(), now, sizeof(now));
	snprintf(d->title, sizeof(d->title), " %s · %s", d->event.name ? d->event.name : "podium", now);
	return d->title;
}

/* The event's clock: where the hackathon stands and the next milestone. */
static void draw_clock_line(struct display_screen *d, WINDOW *w, int y, int cols)
{
	int64_t now = clock_local_now(), start = d->event.starts_at, end = start + (int64_t)d->event.hours * 3600;
	long cur = -1, next = -1;
	char span[32], line[256];

	timeline_at(&d->timeline, now, &cur, &next);
	if (now < start) {
		format_span(start - now, span, sizeof(span));
		snprintf(line, sizeof(line), _("The hackathon starts in %s"), span);
	} else if (now >= end) {
		snprintf(line, sizeof(line), _("The hackathon is over: thank you all!"));
	} else if (cur >= 0) {
		format_span(end - now, span, sizeof(span));
		snprintf(line, sizeof(line), _("Now: %s · the hackathon ends in %s"), d->timeline.items[cur].name, span);
	} else {
		format_span(end - now, span, sizeof(span));
		snprintf(line, sizeof(line), _("Hour %lld of %d · the hackathon ends in %s"),
			 (long long)((now - start) / 3600 + 1), d->event.hours, span);
	}
	draw_text(w, y, 2, ROLE_LOOK_CLOCK, line, cols - 4);
	if (next >= 0 && now < end) {
		format_span(d->timeline.items[next].starts_at - now, span, sizeof(span));
		snprintf(line, sizeof(line), _("Next: %s in %s"), d->timeline.items[next].name, span);
		draw_text(w, y + 1, 2, ROLE_LOOK_MUTED, line, cols - 4);
	}
}

/* One line per room with a pitch running or coming: "Salle Ada: Les Castors pitching, 04:12 left". Returns lines used. */
static int draw_pitches(struct display_screen *d, WINDOW *w, int y, int rows, int cols)
{
	int used = 0;

	for (size_t r = 0; r < d->schedule.nrooms && used < rows; r++) {
		const struct schedule_room *room = &d->schedule.rooms[r];
		enum theme_role role = ROLE_LOOK_TIMER;
		int64_t left = 0;
		char *text;

		if (room->current < 0)
			continue;
		if (room->state != TIMER_IDLE) {
			enum slot_part part = schedule_room_part(&d->schedule, r, &left);

			role = part == SLOT_PART_OVER ? ROLE_LOOK_TIMER_OVERRUN
			       : left < 60		? ROLE_LOOK_TIMER_WARN
						: ROLE_LOOK_TIMER;
		} else {
			role = ROLE_LOOK_DEFAULT;
		}
		text = schedule_room_text(&d->schedule, r);
		draw_text(w, y + used, 2, role, text, cols - 4);
		free(text);
		used++;
	}
	return used;
}

/* A bar's length: the score's place between the lowest and the highest ranked score (normalized ones go below 0). */
static double bar_fraction(const struct ranking *r, double score)
{
	double lo = 0, hi = 0;

	for (size_t i = 0; i < r->ranked; i++) {
		if (i == 0 || r->rows[i].score > hi)
			hi = r->rows[i].score;
		if (i == 0 || r->rows[i].score < lo)
			lo = r->rows[i].score;
	}
	if (r->method == RANK_RAW)
		return hi > 0 ? score / hi : 0;
	return hi > lo ? 0.1 + 0.9 * (score - lo) / (hi - lo) : 1;
}

/*
 * Which of n rows fit in lines, keeping row target in view (SIZE_MAX: none):
 * [*first, *last), with a "+N more" line above when *first > 0 and below when
 * *last < n. The target goes near the top, so the rows revealed before it stay
 * on screen below it, and the row above it when there is room for both. What
 * is cut is always said: one line is the "+N more" alone; two are a row and
 * the line below, the target's row when there is one (its rank tells what is
 * above it: the line above does not fit).
 */
static void board_window(size_t n, size_t lines, size_t target, size_t *first, size_t *last)
{
	size_t start = target != SIZE_MAX && target > 0 ? target - 1 : 0, room;

	*first = *last = 0;
	if (n <= lines) {
		*last = n;
		return;
	}
	if (lines < 2)
		return;
	if (lines < 4 && target != SIZE_MAX)
		start = target;	/* no room for the row above it too */
	room = lines - (start > 0);
	if (start + room < n)
		room--;	/* the line below says what is cut */
	if (room == 0) {
		*first = start;
		*last = start + 1;
		return;
	}
	if (start + room > n)
		start = n - room;
	*first = start;
	*last = start + room;
}

static void draw_more(WINDOW *w, int y, size_t count)
{
	char more[64];

	snprintf(more, sizeof(more), P_("+%zu more", "+%zu more", count), count);
	draw_text(w, y, 7, ROLE_LOOK_MUTED, more, 20);
}

static void draw_row(struct display_screen *d, const struct ranking *r, size_t i, WINDOW *w, int y, int cols,
		     bool hidden)
{
	const struct rank_row *row = &r->rows[i];
	int name_w = cols >= 100 ? 36 : cols / 3, bar_x = 2 + 5 + name_w + 9, bar_w = cols - bar_x - 8;
	char rank[8], score[16];

	(void)d;
	if (hidden) {
		draw_text(w, y, 2, ROLE_LOOK_MUTED, "  ?", 5);
		draw_text(w, y, 7, ROLE_LOOK_MUTED, "· · ·", name_w);
		return;
	}
	snprintf(rank, sizeof(rank), "%3d", row->rank);
	snprintf(score, sizeof(score), r->method == RANK_RAW ? "%6.2f" : "%6.3f", row->score);
	draw_text(w, y, 2, ROLE_LOOK_RANK, rank, 5);
	draw_text(w, y, 7, ROLE_LOOK_TEAM, row->team, name_w);
	draw_text_right(w, y, 8 + name_w, ROLE_LOOK_SCORE, score, 7);
	if (bar_w > 4)
		draw_bar(w, y, bar_x, ROLE_LOOK_BAR, bar_fraction(r, row->score), bar_w);
}

/* ---- large type: rank and score in block digits, the name centred between them ---- */

#define LARGE_ROWS 5		/* an entry's height; a blank row follows it */
#define LARGE_NAME_MIN 12	/* the narrowest the name's column may be */

struct large_layout {
	size_t first, last;	/* the entries shown, as board_window() */
	int rank_w, score_w;	/* the widest rank and score among them, in columns */
	int name_x, name_w;
};

static void large_score(const struct ranking *r, size_t i, char *out, size_t n)
{
	snprintf(out, n, r->method == RANK_RAW ? "%.2f" : "%.3f", r->rows[i].score);
}

/*
 * How many of n entries from start on fit in lines (n > lines can hold): a
 * "+N more" line above when start > 0, and below when some are left; the
 * line below takes the blank row after the last entry.
 */
static size_t large_count(size_t n, size_t lines, size_t start)
{
	size_t avail = lines - (start > 0 && lines > 0), k = (avail + 1) / (LARGE_ROWS + 1);

	if (start + k < n)
		k = avail / (LARGE_ROWS + 1);
	return k;
}

/*
 * Which entries fit in lines, as board_window() does with rows of one line:
 * the target (the team just revealed) near the top, with the entry above it
 * when three fit, a "+N more" line above and below when some are cut. False
 * when not even one entry fits, or the name would have fewer than
 * LARGE_NAME_MIN columns.
 */
static bool large_fit(const struct ranking *r, size_t hidden, size_t target, int lines, int cols,
		      struct large_layout *lay)
{
	size_t n = r->ranked, start = target != SIZE_MAX ? target : 0, k;
	char text[32];

	if (n == 0 || lines < LARGE_ROWS)
		return false;
	if (n * (LARGE_ROWS + 1) - 1 <= (size_t)lines) {
		start = 0;
		k = n;
	} else {
		if (start > 0 && large_count(n, (size_t)lines, start - 1) >= 3)
			start--;
		if ((k = large_count(n, (size_t)lines, start)) == 0)
			return false;
		if (start + k > n)
			start = n - k;
	}
	lay->first = start;
	lay->last = start + k;
	lay->rank_w = lay->score_w = 0;
	for (size_t i = lay->first; i < lay->last; i++) {
		int rw, sw = 0;

		if (i < hidden) {
			rw = draw_big_width("?");
		} else {
			snprintf(text, sizeof(text), "%d", r->rows[i].rank);
			rw = draw_big_width(text);
			large_score(r, i, text, sizeof(text));
			sw = draw_big_width(text);
		}
		lay->rank_w = rw > lay->rank_w ? rw : lay->rank_w;
		lay->score_w = sw > lay->score_w ? sw : lay->score_w;
	}
	lay->name_x = 2 + lay->rank_w + 2;
	lay->name_w = cols - 1 - lay->score_w - 2 - lay->name_x;
	return lay->name_w >= LARGE_NAME_MIN;
}

static void draw_centred(WINDOW *w, int y, int x, enum theme_role role, const char *text, int cols)
{
	int tw = text_width(text), left = tw < cols ? (cols - tw) / 2 : 0;

	draw_text(w, y, x + left, role, text, cols - left);
}

/* One entry at y: its rank right-aligned at the left, the score at the right; a hidden one as "?". */
static void draw_large_row(const struct ranking *r, size_t i, bool hidden, const struct large_layout *lay,
			   WINDOW *w, int y, int cols)
{
	char text[32];
	int tw;

	if (hidden) {
		tw = draw_big_width("?");
		draw_big(w, y, 2 + lay->rank_w - tw, ROLE_LOOK_MUTED, "?", tw);
		draw_centred(w, y + LARGE_ROWS / 2, lay->name_x, ROLE_LOOK_MUTED, "· · ·", lay->name_w);
		return;
	}
	snprintf(text, sizeof(text), "%d", r->rows[i].rank);
	tw = draw_big_width(text);
	draw_big(w, y, 2 + lay->rank_w - tw, ROLE_LOOK_RANK, text, tw);
	draw_centred(w, y + LARGE_ROWS / 2, lay->name_x, ROLE_LOOK_TEAM, r->rows[i].team, lay->name_w);
	large_score(r, i, text, sizeof(text));
	tw = draw_big_width(text);
	draw_big(w, y, cols - 1 - tw, ROLE_LOOK_SCORE, text, tw);
}

static void draw_large(const struct ranking *r, size_t hidden, const struct large_layout *lay, WINDOW *w,
		       int y, int cols)
{
	if (lay->first > 0)
		draw_more(w, y++, lay->first);
	for (size_t i = lay->first; i < lay->last; i++, y += LARGE_ROWS + 1)
		draw_large_row(r, i, i < hidden, lay, w, y, cols);
	if (lay->last < r->ranked)
		draw_more(w, y - 1, r->ranked - lay->last);
}

/*
 * The board's ranked teams (pending and unscored ones stay off the projector).
 * During the ceremony the teams not revealed yet show as "?", and the board
 * scrolls so the team just revealed is on screen.
 */
static void draw_board(struct display_screen *d, WINDOW *w, int top, int rows, int cols)
{
	const struct ranking *r = &d->views.items[d->view].ranking;
	const char *title = d->views.items[d->view].title;
	size_t hidden = 0, target = SIZE_MAX, first, last, lines;
	char head[160];
	int y = top + 1;

	snprintf(head, sizeof(head), _("Leaderboard · %s"), title ? title : _("all teams"));
	draw_text(w, top, 2, ROLE_LOOK_HEADER, head, cols / 2);
	if (d->views.frozen) {
		/* a badge as wide as its word, not a band across the right half */
		const char *badge = _(" frozen ");
		int bw = text_width(badge) < cols - cols / 2 - 2 ? text_width(badge) : cols - cols / 2 - 2;

		draw_text(w, top, cols - 2 - bw, ROLE_LOOK_FROZEN, badge, bw);
	}
	if (d->views.reveal_step >= 0) {
		size_t shown = (size_t)d->views.reveal_step < r->ranked ? (size_t)d->views.reveal_step : r->ranked;

		hidden = r->ranked - shown;
		target = shown ? hidden : (r->ranked ? r->ranked - 1 : SIZE_MAX);
	}
	if (r->ranked == 0) {
		draw_text(w, top + 2, 4, ROLE_LOOK_MUTED, _("No scores yet: the board fills as judges submit."), cols - 6);
		return;
	}
	if (d->large) {
		struct large_layout lay;

		if (large_fit(r, hidden, target, rows - 1, cols, &lay)) {
			draw_large(r, hidden, &lay, w, y, cols);
			return;
		}
		/* normal type, and a last line that says why (when the board keeps one) */
		if (rows >= 3) {
			draw_text(w, top + rows - 1, 2, ROLE_LOOK_MUTED, _("No room for large type: normal type"),
				  cols - 4);
			rows--;
		}
	}
	lines = rows > 1 ? (size_t)rows - 1 : 0;
	board_window(r->ranked, lines, target, &first, &last);
	if (first > 0 && last - first + 1 + (last < r->ranked) <= lines)
		draw_more(w, y++, first);
	for (size_t i = first; i < last; i++)
		draw_row(d, r, i, w, y++, cols, i < hidden);
	if (last < r->ranked && y < top + rows)
		draw_more(w, y, r->ranked - last);
}

static void display_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	struct display_screen *d = state;
	int used;

	(void)a;
	draw_clock_line(d, w, top + 1, cols);
	used = draw_pitches(d, w, top + 4, rows / 3, cols);
	if (d->views.count)
		draw_board(d, w, top + 5 + used, rows - 5 - used, cols);
}

static bool display_tick(struct app *a, void *state)
{
	struct display_screen *d = state;

	(void)a;
	schedule_project(&d->schedule, clock_local_now());
	if (++d->seconds_on_view >= ROTATE_SECONDS && d->views.count > 1 && d->views.reveal_step < 0) {
		d->view = (d->view + 1) % d->views.count;
		d->seconds_on_view = 0;
	}
	return true;	/* the clock moves every second */
}

static void display_act(struct app *a, void *state, int action, int key)
{
	struct display_screen *d = state;

	(void)a;
	(void)key;
	if (action == ACT_LARGE) {
		d->large = !d->large;
		return;
	}
	if (!d->views.count)
		return;
	if (action == ACT_NEXT_VIEW)
		d->view = (d->view + 1) % d->views.count;
	else if (action == ACT_PREV_VIEW)
		d->view = (d->view + d->views.count - 1) % d->views.count;
	d->seconds_on_view = 0;
}

static void display_free(void *state)
{
	struct display_screen *d = state;

	board_views_clear(&d->views);
	timeline_clear(&d->timeline);
	schedule_clear(&d->schedule);
	event_clear(&d->event);
	free(d);
}

void *screen_display_new(struct app *a, bool large)
{
	struct display_screen *d = pd_calloc(1, sizeof(struct display_screen));

	(void)a;
	d->large = large;
	return d;
}

const struct screen_ops screen_display_ops = {
	.name = N_("display"),
	.watch = WATCH_ALL & ~WATCH_COACHING,
	.keys = display_keys,
	.nkeys = PD_ARRAY_LEN(display_keys),
	.load = display_load,
	.draw = display_draw,
	.act = display_act,
	.title = display_title,
	.tick = display_tick,
	.free = display_free,
	.shows_phase = true,
};
