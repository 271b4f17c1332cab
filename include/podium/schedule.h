#ifndef PODIUM_SCHEDULE_H
#define PODIUM_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;
struct timeline;

/*
 * The pitch schedule: one slot per team (pitch, Q&A, then a changeover), rooms
 * in parallel, each room run by a timekeeper whose timer lives in the file so
 * every console shows the same time. Plan times are event time (clock.h); the
 * projection adds the slips of late starts, overruns, pauses and no-shows.
 */

enum slot_status {
	SLOT_SCHEDULED,
	SLOT_RUNNING,		/* started; the room's timer runs or is paused */
	SLOT_DONE,
	SLOT_NOSHOW,
};

enum timer_state {
	TIMER_IDLE,
	TIMER_RUNNING,
	TIMER_PAUSED,
};

struct slot {
	char id[ID_LEN + 1];
	char team_id[ID_LEN + 1];
	char *team;
	size_t room;			/* index in schedule.rooms */
	int position;
	int64_t starts_at;		/* the plan */
	int pitch_s, qa_s, changeover_s;
	enum slot_status status;
	int64_t started_at, ended_at;	/* 0 when not yet */

	/* filled by schedule_project() */
	int64_t proj_start, proj_end;
	int64_t late_s;			/* proj_start - starts_at */
};

struct schedule_room {
	char id[ID_LEN + 1];
	char *name;
	size_t first, count;		/* its slots: slots[first .. first + count), by position */
	enum timer_state state;
	int64_t run_started_at;		/* event time the current run began */
	int64_t elapsed_s;		/* seconds run before it */
	int64_t changeover_cut_s;	/* changeover time given back to catch up */

	/* filled by schedule_project() */
	long current;			/* the running slot, else the first scheduled; -1 when none */
	long last_ended;		/* the last slot done (the pitch that just ended), or -1 */
	int64_t elapsed;		/* seconds the current slot has run */
	int64_t late_s;			/* how late the room runs: the current slot's projected end less its plan */
};

struct schedule {
	struct schedule_room *rooms;	/* by name */
	size_t nrooms;
	struct slot *slots;
	size_t count;
	int64_t now;			/* of the last projection */
};

/*
 * Read the rooms (all, or only room_id) with their timers and slots; the
 * projection is made for now. Free with schedule_clear().
 */
enum status schedule_load(struct store *st, const char *room_id, int64_t now, struct schedule *out);
void schedule_clear(struct schedule *s);

/*
 * Project every room at now (event time): a done slot keeps its actual times;
 * a running one ends at now plus what is left (now when it overruns); each
 * later slot starts at the latest of its plan, the previous slot's projected
 * end plus its changeover (less what catch-up gave back), and, for the room's
 * next slot when nothing runs, now.
 */
void schedule_project(struct schedule *s, int64_t now);

/* Which part of a slot the clock is in: waiting, the pitch, Q&A, or over time. */
enum slot_part {
	SLOT_PART_WAITING,
	SLOT_PART_PITCH,
	SLOT_PART_QA,
	SLOT_PART_OVER,
};

/*
 * The part of the room's current slot and its countdown: *left receives the
 * seconds left of that part (for SLOT_PART_OVER, the seconds past the end).
 */
enum slot_part schedule_room_part(const struct schedule *s, size_t room, int64_t *left);

/*
 * The room's state in one line, for the timer command and the consoles:
 *     "Salle Ada: Les Castors pitching, 04:12 left"
 *     "Salle Ada: next up Les Zèbres at 14:08, running 6 min late"
 * The caller frees it.
 */
char *schedule_room_text(const struct schedule *s, size_t room);

/* "MM:SS" of seconds (or "H:MM:SS" from an hour) into out; negative values print as their size. */
void schedule_format_mmss(int64_t seconds, char out[16]);

/*
 * How many minutes late a slip of late_s seconds is, the one rule every
 * screen and command shows: to the nearest minute, half a minute up; 0 when
 * on time or early.
 */
int64_t schedule_late_minutes(int64_t late_s);

/*
 * Warnings for rooms whose projected pitches (not yet over) run into a pinned
 * phase of t (a meal, the awards): one line per room, as
 *     "Salle Ada runs into Lunch at 12:30: Les Castors ends 12:41"
 * Returns how many; *out receives the lines (free with schedule_free_lines()).
 */
size_t schedule_warnings(const struct schedule *s, const struct timeline *t, char ***out);
void schedule_free_lines(char **lines, size_t n);

/* What schedule_generate() takes. */
struct schedule_spec {
	const char *const *rooms;	/* names or UUIDs; NULL or none: every room */
	size_t nrooms;
	bool has_start;
	int64_t start;			/* else the timeline's pitches, else now */
	int pitch_s, qa_s, changeover_s;
};

struct schedule_result {
	size_t slots;			/* new slots */
	size_t kept;			/* slots already started, done or no-show, left alone */
	size_t rooms;			/* rooms used */
	size_t in_track_room;		/* teams placed in a room that holds one of their tracks */
	int64_t start, end;		/* of the new slots (end: the last pitch's end) */
};

/*
 * Generate one slot per team not yet started, done or no-show: every slot not
 * started is replaced. Rooms run in parallel with balanced lengths (within one
 * slot); a team goes to a room that holds one of its tracks where it can (a
 * maximum matching under those lengths). One transaction, audited. ST_INVALID
 * when there are no rooms or teams, or the lengths are bad.
 */
enum status schedule_generate(struct store *st, const struct schedule_spec *spec, struct schedule_result *out);

/*
 * Move a team's slot (not started) to position (1 = first; 0 = last) of room
 * (names or UUIDs). Both rooms' remaining slots are laid out again back to back from
 * their first planned start. Audited.
 */
enum status schedule_move(struct store *st, const char *team, const char *room, int position);

/*
 * A no-show comes back: team's slot in room room_id (a UUID) is scheduled
 * again, next in the room's order (right after the pitch running or last
 * over), the waiting slots laid out after it from their planned start, at
 * now at the earliest. Audited ("back"). ST_INVALID when the team was not a
 * no-show of that room.
 */
enum status schedule_back(struct store *st, const char *room_id, const char *team, int64_t now);

/* Swap the slots of two teams (neither started). Audited. */
enum status schedule_swap(struct store *st, const char *team_a, const char *team_b);

/* The timekeeper's actions. */
#define TIMER_ACTION_INFO(_) \
	_(START,   "start") \
	_(PAUSE,   "pause") \
	_(RESUME,  "resume") \
	_(NEXT,    "next") \
	_(NOSHOW,  "noshow") \
	_(CATCHUP, "catchup") \
	_(EXTEND,  "extend") \
	_(UNDO,    "undo") \
	_(BACK,    "back")

enum timer_action {
#define TIMER_ACTION_ENUM(id, name) TIMER_##id,
	TIMER_ACTION_INFO(TIMER_ACTION_ENUM)
#undef TIMER_ACTION_ENUM
	TIMER_ACTION_COUNT
};

const char *timer_action_name(enum timer_action a);
/* The action named name, or -1. */
int timer_action_from_name(const char *name);

/*
 * Apply a timekeeper's action to the room room_id at now (event time), in one
 * audited transaction:
 * - start: the room's next slot begins now;
 * - pause, resume: the running slot's clock;
 * - next: the current slot is done, the next one waits for start;
 * - noshow: the next slot (not started) is marked a no-show;
 * - catchup: the changeovers ahead give back as much time as the room is late;
 * - extend: the running pitch gets a minute more (schedule_timer_extend: N);
 * - undo: the pitch that 'next' ended runs again, its clock as if never stopped;
 * - back: a no-show comes back (schedule_back: which team).
 * An impossible action (pause when nothing runs...) is ST_INVALID with a
 * one-line message saying what can be done.
 */
enum status schedule_timer(struct store *st, const char *room_id, enum timer_action action, int64_t now);
/* extend by minutes (1 to 60) the pitch running in room_id. */
enum status schedule_timer_extend(struct store *st, const char *room_id, int minutes, int64_t now);

/* Sheets for a team: who should judge it (its panel, else every judge without a conflict), who did. */
struct chase {
	size_t expected, submitted;
	char **waiting;			/* names of the judges not submitted yet, by name */
	size_t nwaiting;
};

enum status schedule_chase(struct store *st, const char *team_id, struct chase *out);
void schedule_chase_clear(struct chase *c);

/* The slots of s as an iCalendar (ics.h): one event per slot at its projected times. The caller frees it. */
char *schedule_ics(const struct schedule *s, const char *calendar_name);

#endif
