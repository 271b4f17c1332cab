#ifndef PODIUM_COACHING_H
#define PODIUM_COACHING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * Coaching: coaches meet teams, one stage at a time, and validate the stages
 * a team has reached. The stages are the rubric's criteria, in rubric order
 * (Idea, Engagement, Technique, Marketing, Design, Viability, Pitch by
 * default). A coach coaches the stages named in their skills (matched
 * case-insensitively), inside their availability windows. All times are event
 * time (clock.h). Every write is one audited transaction.
 */

/* Default and bounds of a session's length, in minutes. */
#define COACHING_LENGTH_DEFAULT 20
#define COACHING_LENGTH_MIN	5
#define COACHING_LENGTH_MAX	240

/* Why a stage of a team found no session. */
#define COACHING_REASON_INFO(_)                                                                    \
	_(NO_SKILL, "no coach has this skill")                                                     \
	_(PITCH_BEGUN, "the pitch has begun")                                                      \
	_(NO_TIME, "no skilled coach free in time")

enum coaching_reason {
#define COACHING_REASON_ENUM(id, text) COACHING_##id,
	COACHING_REASON_INFO(COACHING_REASON_ENUM)
#undef COACHING_REASON_ENUM
};

/* The text of a reason, for people. */
const char *coaching_reason_text(enum coaching_reason r);

struct coaching_miss {
	char team_id[ID_LEN + 1];
	char *team;
	char *stage;
	enum coaching_reason reason;
};

struct coaching_plan {
	size_t needed;		      /* stages that needed a session */
	size_t placed;		      /* sessions planned now */
	size_t kept;		      /* sessions kept: begun, or booked by hand */
	size_t replaced;	      /* future sessions the plan replaced */
	struct coaching_miss *misses; /* what did not fit, by team name then stage order */
	size_t nmisses;
};

/*
 * Plan coach sessions of length_min minutes from now on: every team meets a
 * coach for each stage not yet validated (and not in a session that has
 * begun), within the coach's skills and windows, before the team's pitch,
 * with no coach or team in two places at once (the pitch slot counts as
 * busy). Planned sessions that start later than now are replaced; those that
 * have begun, and those booked by hand (coaching_book()), are kept. Greedy: pitches first come first, each team's stages in
 * turn (every team's first stage, then every team's second...), each at the
 * earliest time a skilled coach is free, the least busy coach on a tie.
 * What cannot fit is listed in *out with the reason; the rest is planned.
 * Free *out with coaching_plan_clear().
 */
enum status coaching_plan(struct store *st, int length_min, struct coaching_plan *out);
void coaching_plan_clear(struct coaching_plan *p);

struct coaching_session {
	char id[ID_LEN + 1];
	char coach_id[ID_LEN + 1];
	char team_id[ID_LEN + 1];
	char *coach;
	char *team;
	char *stage;
	int64_t start, end;
};

struct coaching_sessions {
	struct coaching_session *items; /* by start, then coach, team */
	size_t count;
};

/* The sessions of coach_id, or of everyone when coach_id is NULL. Free with
 * coaching_sessions_clear(). */
enum status coaching_sessions(struct store *st, const char *coach_id,
			      struct coaching_sessions *out);
void coaching_sessions_clear(struct coaching_sessions *s);

/*
 * Book coach_id with team_id for length_min minutes at the first time from
 * now (rounded up to 5 minutes) when both are free, inside the coach's windows
 * (at any time when the coach has none), before the team's pitch when it has
 * one to come. The stage is the team's first one not validated and not yet
 * booked, preferring those in the coach's skills. *out (may be NULL) receives
 * the session (free with coaching_session_clear()). ST_INVALID when every
 * stage is validated or booked, or no time is free.
 */
enum status coaching_book(struct store *st, const char *coach_id, const char *team_id,
			  int length_min, struct coaching_session *out);

/*
 * Move session_id to start at start (same length), when its coach and its
 * team are free then (ST_INVALID otherwise, saying who is busy).
 */
enum status coaching_move(struct store *st, const char *session_id, int64_t start);

/* Cancel session_id. */
enum status coaching_cancel(struct store *st, const char *session_id);

void coaching_session_clear(struct coaching_session *s);

/*
 * Coach coach_id (NULL: the organizer) validates stage (a criterion's name,
 * case-insensitive, or its id) for team_id. ST_OK without a change when it
 * was already validated; ST_NOT_FOUND for a stage that is not in the rubric.
 */
enum status coaching_validate(struct store *st, const char *coach_id, const char *team_id,
			      const char *stage);

/* Every team's progress through the stages. */
struct coaching_progress {
	char **stages; /* the stages' names, in rubric order */
	size_t nstages;
	struct coaching_team {
		char team_id[ID_LEN + 1];
		char *team;
		bool *validated; /* nstages flags */
		size_t done;	 /* stages validated */
	} * teams;		 /* by name */
	size_t nteams;
};

/* A coach, for pickers. */
struct coaching_coach {
	char id[ID_LEN + 1];
	char *name;
};

/* Every coach, by name, into *out (count in *n); free with coaching_coaches_free(). */
enum status coaching_coaches(struct store *st, struct coaching_coach **out, size_t *n);
void coaching_coaches_free(struct coaching_coach *c, size_t n);

enum status coaching_progress(struct store *st, struct coaching_progress *out);
void coaching_progress_clear(struct coaching_progress *p);

/* Every coaching session as one JSON array, in time order, newly allocated in *out. */
enum status coaching_sessions_json(struct store *st, char **out);

#endif
