#ifndef PODIUM_RESULTS_H
#define PODIUM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/id.h"
#include "podium/ranking.h"
#include "podium/status.h"

struct store;

/*
 * The results policy as people set it, the explanation of a team's score,
 * the lock's summary and the ceremony's reveal: all from ranking_compute().
 */

/*
 * Read a tie-break chain as people write it ("raw,criterion:Pitch,judges";
 * "" or "none" for no chain) into p, criteria by name (case-insensitive).
 * ST_INVALID with a message naming the bad key.
 */
enum status results_tie_break_parse(struct store *st, const char *text, struct results_policy *p);

/* The chain as people read it (criteria by name), a new string; "none" when empty. */
char *results_tie_break_text(struct store *st, const struct results_policy *p);

/* The policy as a JSON object {method, min_judges, tie_break}, a new string (NULL on error). */
char *results_policy_json(struct store *st, const struct results_policy *p);

/* Store the policy, audited. ST_LOCKED after the results are locked. */
enum status results_policy_set(struct store *st, const struct results_policy *p);

/*
 * Mark team_id as the calibration pitch (on) or an ordinary team: every judge
 * scores it first to agree on the scale; it is on no board and in no statistic.
 * Audited; ST_LOCKED after the lock.
 */
enum status results_set_calibration(struct store *st, const char *team_id, bool on);

/* Whether a sheet counts, or why not. */
enum sheet_verdict {
	VERDICT_COUNTS,
	VERDICT_DRAFT,
	VERDICT_INCOMPLETE,
	VERDICT_CONFLICT,
	VERDICT_CALIBRATION,
};

/* The reason as printed: "counts", "draft", "incomplete", "conflict", "calibration". */
const char *sheet_verdict_name(enum sheet_verdict v);

struct explained_sheet {
	char judge_id[ID_LEN + 1];
	char *judge;
	enum sheet_verdict verdict;
	bool complete;
	double total;		/* T(j,t), when complete */
	double z;		/* z(j,t), when the sheet counts */
};

struct explanation {
	struct rank_row row;		/* the team's row of the official ranking (rank 0 for the calibration team) */
	enum rank_method method;
	bool calibration;
	struct explained_sheet *sheets;	/* by judge name */
	size_t count;
};

/* Every sheet of team_id with T(j,t), z(j,t) and whether it counts. Free with explanation_clear(). */
enum status results_explain(struct store *st, const char *team_id, struct explanation *out);
void explanation_clear(struct explanation *e);

/* Teams that share a rank, for the lock's summary and the ceremony. */
struct tie_group {
	int rank;
	char **teams;
	size_t count;
};

/* What the organizer is told when the results lock, and before the reveal. */
struct results_summary {
	size_t ranked, pending, unscored;
	struct tie_group *ties;
	size_t nties;
	char **pending_teams;		/* by score, as ranked */
	size_t missing_sheets;		/* panel cells (judge, team) without a counted sheet nor a conflict */
};

enum status results_summary(struct store *st, struct results_summary *out);
void results_summary_clear(struct results_summary *s);

/* One step of the ceremony. */
struct reveal_step {
	bool done;		/* every ranked team was revealed already: nothing changed */
	int step;		/* teams revealed after this step */
	size_t ranked;		/* teams to reveal in all */
	char *team;		/* the team this step reveals (or would, with preview) */
	int rank;
	double score;
	enum rank_method method;
};

/*
 * Reveal the next team from the bottom of the official result (every display
 * shows it), or with preview only say who comes next. ST_INVALID before the
 * results are locked. Free with reveal_step_clear().
 */
enum status results_reveal(struct store *st, bool preview, struct reveal_step *out);
void reveal_step_clear(struct reveal_step *r);

#endif
