#ifndef PODIUM_BOARD_H
#define PODIUM_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/record.h"
#include "podium/sheet.h"
#include "podium/status.h"

struct store;

/*
 * What the console's screens show, each read in one go: the judge's queue,
 * the people to pick from, the organizer's sheets grid. Read-only.
 */

struct board_name {
	char id[ID_LEN + 1];
	char *name;
	bool has_pin;		/* judges: a PIN guards their console */
};

struct board_names {
	struct board_name *items;
	size_t count;
};

/* Every judge, by name. Free with board_names_clear(). */
enum status board_judges(struct store *st, struct board_names *out);
/* Every team, by name. */
enum status board_teams(struct store *st, struct board_names *out);
/* Every track, by name. */
enum status board_tracks(struct store *st, struct board_names *out);
void board_names_clear(struct board_names *n);

/* A row of the organizer's record lists: the name and two columns of detail. */
struct board_row {
	char id[ID_LEN + 1];
	char *name;
	char *detail[2];
};

struct board_rows {
	struct board_row *items;
	size_t count;
	size_t first;		/* the position of items[0] among all the kind's records, by name */
};

/*
 * The records of kind (track, team, judge, coach or room) by name, with
 * details: teams (project, tracks), tracks (teams, judges), judges (tracks,
 * login), coaches (skills, email), rooms (tracks, seats). Every one of them:
 * a list on a screen reads only the rows it shows, with the window below.
 */
enum status board_records(struct store *st, enum record_kind kind, struct board_rows *out);
void board_rows_clear(struct board_rows *r);

/* How many records of kind there are. */
enum status board_records_count(struct store *st, enum record_kind kind, size_t *n);

/*
 * The rows [first, first + count) of board_records() (fewer at the end;
 * count SIZE_MAX: to the end), the details read for those rows alone.
 */
enum status board_records_window(struct store *st, enum record_kind kind, size_t first, size_t count,
				 struct board_rows *out);

/*
 * The position of the first row from from_pos on (wrapping past the last to
 * the first), or with forward false from from_pos going up (wrapping past the
 * first), whose name or one of its details contains query, case and accents
 * aside (text_search_matches(), as every list's '/' search). ST_NOT_FOUND,
 * *pos untouched, when none does. Reads in one snapshot, no row kept.
 */
enum status board_records_find(struct store *st, enum record_kind kind, const char *query, size_t from_pos,
			       bool forward, size_t *pos);

/* The judge whose unix_user is user: ST_NOT_FOUND when none. */
enum status board_judge_by_unix_user(struct store *st, const char *user, struct board_name *out);
void board_name_clear(struct board_name *n);

/* One team in a judge's queue. */
struct queue_item {
	char team_id[ID_LEN + 1];
	char *team;
	char *project;
	enum sheet_state state;
	bool changed;		/* submitted, then edited without being submitted again */
	bool conflict;		/* the judge declared a conflict of interest */
	bool complete;
	double total;		/* the judge's own T(j,t), when complete */
	int64_t pitch_at;	/* the planned pitch (event time), 0 when not scheduled */
	char *room;		/* where it pitches, or NULL */
	bool calibration;	/* the calibration pitch: scored first, counts nowhere */
};

struct judge_queue {
	struct queue_item *items;
	size_t count;
	size_t done;		/* submitted or in conflict */
};

/*
 * The teams judge_id is to judge in pitch order (unscheduled ones last, by
 * name): the calibration pitch first, then the judge's panel when judges were
 * assigned, else every team, and any team the judge already has a sheet for.
 */
enum status board_judge_queue(struct store *st, const char *judge_id, struct judge_queue *out);
void board_judge_queue_clear(struct judge_queue *q);

/* The organizer's grid: one cell per judge x team. */
enum cell_state {
	CELL_MISSING,
	CELL_DRAFT,
	CELL_SUBMITTED,
	CELL_CONFLICT,
	CELL_CHANGED,		/* submitted, then edited and not submitted again: it counts */
};

struct sheet_grid {
	struct board_names judges, teams;
	unsigned char *cells;	/* judges.count x teams.count, row per judge: enum cell_state */
	size_t submitted, drafts, conflicts;
	size_t changed;		/* of the submitted */
	unsigned char *panel;	/* same shape: 1 where the judge is on the team's panel */
	bool panels;		/* judges were assigned: only panel cells are expected */
	size_t missing;		/* expected cells without a sheet (panel cells when panels exist) */
	/* how each judge scored the calibration pitch, to agree on the scale */
	char *calibration_team;		/* its name, or NULL when the event has none */
	double *calibration_total;	/* per judge: T(j,t), or NAN while incomplete or missing */
};

enum status board_sheet_grid(struct store *st, struct sheet_grid *out);
void board_sheet_grid_clear(struct sheet_grid *g);

/* ---- the projector's boards ---- */

#include "podium/ranking.h"

struct board_views {
	struct ranking_view *items;	/* every team first, then each track that has teams, by name */
	size_t count;
	bool frozen;			/* read from the snapshot taken at the freeze */
	int reveal_step;		/* the ceremony: teams revealed from the bottom, or -1 */
};

/*
 * The boards as the projector shows them, from the official result: live; or
 * while the organizer has frozen the board, exactly as they stood at the
 * freeze (every display shows the same, however late it opened); or during
 * the ceremony (the results locked), the final result, whose reveal_step
 * lowest ranked teams are shown. Free with board_views_clear().
 */
enum status board_views_load(struct store *st, struct board_views *out);
void board_views_clear(struct board_views *v);

/*
 * The boards worth a turn on the projector: every team's stays (it says when
 * nothing is scored yet); a track's or a site's with no ranked team goes.
 */
void board_views_drop_empty(struct board_views *v);

/* Every live view as one JSON array (title, method, rows): what a freeze keeps. */
enum status board_snapshot_json(struct store *st, char **out);

/* Freeze the board (keeping a snapshot of every view) or let it move again; audited (freeze.c). */
enum status board_freeze(struct store *st, bool frozen);

#endif
