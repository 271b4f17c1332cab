#ifndef PODIUM_SCHEDULE_INTERNAL_H
#define PODIUM_SCHEDULE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/schedule.h"
#include "podium/status.h"
#include "podium/store.h"

/*
 * What the files of the schedule module share (schedule.c: reading and projecting;
 * generate.c, move.c, timer.c, chase.c, calendar.c: one job each).
 */

/* The rooms with their timers, run by schedule.c and generate.c (defined in schedule.c). */
extern struct stmt q_schedule_rooms;
enum {
	ROOM_COL_ID, ROOM_COL_NAME, ROOM_COL_STATE, ROOM_COL_RUN_STARTED_AT, ROOM_COL_ELAPSED,
	ROOM_COL_CHANGEOVER_CUT
};

/* The names of slot statuses and timer states, as the file holds them. */
#define SLOT_STATUS_COUNT (SLOT_NOSHOW + 1)
#define TIMER_STATE_COUNT (TIMER_PAUSED + 1)
extern const char *const schedule_slot_status_names[SLOT_STATUS_COUNT];
extern const char *const schedule_timer_state_names[TIMER_STATE_COUNT];

int64_t schedule_slot_length(const struct slot *sl);

#endif
