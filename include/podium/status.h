#ifndef PODIUM_STATUS_H
#define PODIUM_STATUS_H

#include "podium/common.h"

/*
 * Every fallible function returns one of these. ST_ROW and ST_DONE are the
 * two answers of query_step(); everything after ST_DONE is an error whose
 * default message is the text here. status_error() attaches a detailed one.
 */
#define STATUS_INFO(_) \
	_(OK,         "ok") \
	_(ROW,        "a row") \
	_(DONE,       "done") \
	_(USAGE,      "wrong usage; see 'podium --help'") \
	_(BUSY,       "the event file is busy; try again in a moment") \
	_(NOT_FOUND,  "no such record") \
	_(CONFLICT,   "a record with that name already exists") \
	_(INVALID,    "invalid input") \
	_(LOCKED,     "results are locked by the organizer; only a correction with --reason can change them") \
	_(DENIED,     "not allowed for this role") \
	_(CORRUPT,    "the event file is damaged; run 'podium check'") \
	_(NOT_PODIUM, "the file is not a podium event") \
	_(TOO_NEW,    "the event file was written by a newer podium; upgrade podium to open it") \
	_(READONLY,   "the event file is read-only; ask its owner for write access") \
	_(FULL,       "the disk is full; free some space and try again") \
	_(IO,         "the event file cannot be read or written") \
	_(EXISTS,     "the file already exists") \
	_(NO_FILE,    "no event file here; create one with 'podium init --name NAME' or 'podium demo'") \
	_(INTERNAL,   "internal error")

enum status {
#define STATUS_ENUM(id, msg) ST_##id,
	STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

/* True for ST_OK, ST_ROW and ST_DONE. */
static inline int status_ok(enum status st) { return st <= ST_DONE; }

/*
 * Record a detailed message for st and return st, so errors read
 *     return status_error(ST_INVALID, "line %d: bad number '%s'", n, s);
 * The message is kept until the next status_error() or status_clear().
 */
enum status status_error(enum status st, const char *fmt, ...) PD_PRINTF(2, 3);

/* Return st after recording its default message (clears any detailed one). */
enum status status_set(enum status st);

/* The detailed message for the last error, or the default text of st. */
const char *status_message(enum status st);

/* The default text of st. */
const char *status_default_message(enum status st);

/* The name of st ("BUSY"), for logs and tests. */
const char *status_name(enum status st);

void status_clear(void);

#endif
