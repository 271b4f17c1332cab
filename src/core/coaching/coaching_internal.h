#ifndef PODIUM_COACHING_INTERNAL_H
#define PODIUM_COACHING_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/coaching.h"
#include "podium/status.h"
#include "podium/store.h"

/*
 * What the files of the coaching module share (coaching.c: spans, stages, the lists; plan.c,
 * booking.c, validation.c, progress.c: one job each).
 */

/* A coaching session as a JSON object, for the audit log and for lists (alias s, joined to c and t). */
#define STMT_SESSION_OBJECT \
	"json_object('start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch')," \
	" 'end', strftime('%Y-%m-%d %H:%M', s.ends_at, 'unixepoch'), 'coach', c.name, 'team', t.name," \
	" 'stage', s.stage, 'id', s.id, 'coach_id', c.id, 'team_id', t.id)"

/* Statements more than one file runs (defined in coaching.c). */
extern struct stmt q_coaching_teams;
enum { TEAM_COL_ID, TEAM_COL_NAME, TEAM_COL_PITCH_START, TEAM_COL_PITCH_END };
extern struct stmt q_coaching_coaches;
enum { COACH_COL_ID, COACH_COL_NAME };
extern struct stmt q_coaching_validated;
enum { VALIDATED_TEAM, VALIDATED_STAGE_KEY };
extern struct stmt q_coaching_insert;

/* Busy times [start, end), unsorted. */
struct spans {
	struct span {
		int64_t start, end;
	} * items;
	size_t count, cap;
};

void coaching_spans_add(struct spans *s, int64_t start, int64_t end);

/* The end of a span that overlaps [start, end), or 0 when none does. */
int64_t coaching_spans_hit(const struct spans *s, int64_t start, int64_t end);

/* The stages: the rubric's criteria with their matching keys. */
struct stages {
	char **names, **keys;
	size_t count;
};

void coaching_stages_clear(struct stages *g);

enum status coaching_stages_load(struct store *st, struct stages *g);

long coaching_stages_find_key(const struct stages *g, const char *key);

/* The stage named name (any case), or -1. */
long coaching_stages_find(const struct stages *g, const char *name);

enum status coaching_event_end(struct store *st, int64_t *out);

char *coaching_shown(const char *name);

/* The first start in [from, until - len] inside one of the windows where neither busy list has a
 * span. */
bool coaching_first_free(const struct spans *windows, const struct spans *a, const struct spans *b,
		       int64_t from, int64_t until, int64_t len, int64_t *out);

#endif
