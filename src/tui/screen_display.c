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
#include "podium/store.h"
#include "podium/timeline.h"
#include "tui/tui.h"

/*
 * The projector: the event clock, the leaderboard overall and per track in
 * turn, with bars. It follows the file by itself and takes no key that
 * changes anything. A frozen board stops moving; during the ceremony reveal
 * only the teams revealed so far (from last place up) are shown.
 */
#define ROTATE_SECONDS 12

struct display_screen {
	struct event event;
	struct timeline timeline;
	struct schedule schedule;
	struct board_views views;
	size_t view;
	int seconds_on_view;
	char title[256];
};

enum { ACT_NEXT_VIEW, ACT_PREV_VIEW };

static const struct tui_key display_keys[] = {
	{ ACT_NEXT_VIEW, TUI_FN(KEY_RIGHT), ' ', "→", N_("next board"), true },
	{ ACT_PREV_VIEW, TUI_FN(KEY_LEFT), 0, "←", N_("previous board"), false },
};

static enum status display_load(struct app *a, void *state)
{
	struct display_screen *d = state;
	enum status s;

	event_clear(&d->event);
	s = event_get(a->st, &d->event);
	if (s != ST_OK)
		return s;
	timeline_clear(&d->timeline);
	schedule_clear(&d->schedule);
	if ((s = timeline_load(a->st, &d->timeline)) != ST_OK)
		return s;
	if ((s = schedule_load(a->st, NULL, clock_local_now(), &d->schedule)) != ST_OK)
		return s;
	board_views_clear(&d->views);
	s = board_views_load(a->st, &d->views);
	/* the ceremony is told on the board of all teams */
	if (d->view >= d->views.count || d->event.reveal_step >= 0)
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

static double best_score(const struct ranking *r)
{
	double best = 0;

	for (size_t i = 0; i < r->count; i++)
		if (r->rows[i].rank && r->rows[i].score > best)
			best = r->rows[i].score;
	return best;
}

static size_t ranked_count(const struct ranking *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->count; i++)
		n += r->rows[i].rank != 0;
	return n;
}

static void draw_board(struct display_screen *d, WINDOW *w, int top, int rows, int cols)
{
	const struct ranking *r = &d->views.items[d->view].ranking;
	const char *title = d->views.items[d->view].title;
	size_t ranked = ranked_count(r), hidden = 0;
	double best = best_score(r);
	int name_w = cols >= 100 ? 36 : cols / 3, bar_x = 2 + 5 + name_w + 9, bar_w = cols - bar_x - 8;
	char head[160];

	snprintf(head, sizeof(head), _("Leaderboard · %s"), title ? title : _("all teams"));
	draw_text(w, top, 2, ROLE_LOOK_HEADER, head, cols / 2);
	if (d->views.frozen)
		draw_text_right(w, top, cols / 2, ROLE_LOOK_FROZEN, _(" frozen "), cols - cols / 2 - 2);
	if (d->event.reveal_step >= 0)
		hidden = ranked > (size_t)d->event.reveal_step ? ranked - (size_t)d->event.reveal_step : 0;
	for (int i = 0; i < rows - 1 && (size_t)i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		int y = top + 1 + i;
		char rank[8], score[16];

		if (!row->rank)
			break;	/* unranked teams stay off the projector */
		if ((size_t)i < hidden) {
			draw_text(w, y, 2, ROLE_LOOK_MUTED, "  ?", 5);
			draw_text(w, y, 7, ROLE_LOOK_MUTED, "· · ·", name_w);
			continue;
		}
		snprintf(rank, sizeof(rank), "%3d", row->rank);
		snprintf(score, sizeof(score), "%6.2f", row->score);
		draw_text(w, y, 2, ROLE_LOOK_RANK, rank, 5);
		draw_text(w, y, 7, ROLE_LOOK_TEAM, row->team, name_w);
		draw_text_right(w, y, 8 + name_w, ROLE_LOOK_SCORE, score, 7);
		if (bar_w > 4)
			draw_bar(w, y, bar_x, ROLE_LOOK_BAR, best > 0 ? row->score / best : 0, bar_w);
	}
	if (ranked == 0)
		draw_text(w, top + 2, 4, ROLE_LOOK_MUTED, _("No scores yet: the board fills as judges submit."), cols - 6);
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
	if (++d->seconds_on_view >= ROTATE_SECONDS && d->views.count > 1 && d->event.reveal_step < 0) {
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

void *screen_display_new(struct app *a)
{
	(void)a;
	return pd_calloc(1, sizeof(struct display_screen));
}

const struct screen_ops screen_display_ops = {
	.name = N_("display"),
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
