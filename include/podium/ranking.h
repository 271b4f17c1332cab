#ifndef PODIUM_RANKING_H
#define PODIUM_RANKING_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * The one official result. Every place that ranks teams (the leaderboard, the
 * organizer's results, every display board, the freeze, the reveal, the lock's
 * summary, the export) asks ranking_compute() or ranking_views(), which rank
 * under the event's results policy.
 */

/* The two methods of the scoring rules. */
enum rank_method {
	RANK_RAW,
	RANK_NORMALIZED,
};

/* A key of the tie-break chain: the higher value goes first. */
enum tie_kind {
	TIE_RAW,		/* the raw score S(t) */
	TIE_NORMALIZED,		/* the normalized score Z(t) */
	TIE_CRITERION,		/* the mean over counted sheets of (v - min) / (max - min) */
	TIE_JUDGES,		/* the number of counted sheets */
};

struct tie_key {
	enum tie_kind kind;
	char criterion_id[ID_LEN + 1];	/* TIE_CRITERION only */
};

#define RANKING_MAX_TIE_KEYS 8

/* The event's results policy: how the official result is computed. */
struct results_policy {
	enum rank_method method;
	int min_judges;		/* a team needs this many counted sheets to be ranked (>= 1) */
	size_t ntie;
	struct tie_key tie[RANKING_MAX_TIE_KEYS];
};

/* The policy of a new event: raw, one judge, no tie-break. */
#define RESULTS_POLICY_DEFAULT ((struct results_policy){ .method = RANK_RAW, .min_judges = 1 })

/* Read the event's policy (the default when the file has no event yet). */
enum status ranking_policy(struct store *st, struct results_policy *out);

/*
 * The tie-break chain as the event stores it: keys joined by ',' (raw,
 * normalized, judges, criterion:<criterion id>). Parsing fills p->tie and
 * p->ntie, false for a malformed chain; formatting returns a new string.
 */
bool ranking_tie_parse(const char *stored, struct results_policy *p);
char *ranking_tie_format(const struct results_policy *p);

/* How many pseudo-sheets at the event's mean pull a judge's statistics (the shrinkage). */
#define RANKING_SHRINK_K 3.0

/*
 * Scores closer than this share a rank. Each value is compared with the first
 * (highest) of its group, never with its neighbour, so a chain a, a + 0.6e-9,
 * a + 1.2e-9 splits: the two highest share a rank, a comes after.
 */
#define RANKING_TIE_EPSILON 1e-9

/* A judge's shrunk standard deviation below this counts as 0 (z = 0). */
#define RANKING_SD_EPSILON 1e-12

enum rank_status {
	RANK_RANKED,
	RANK_PENDING,		/* fewer counted sheets than the policy's minimum */
	RANK_UNSCORED,		/* no counted sheet */
};

struct rank_row {
	char team_id[ID_LEN + 1];
	char *team;		/* name as entered */
	enum rank_status status;
	int rank;		/* 1-based for ranked teams, 0 otherwise */
	bool tied;		/* shares its rank with another team */
	double score;		/* by the method in force; meaningful when judges > 0 */
	int judges;		/* counted sheets */
	double raw_score;	/* S(t), and the rank it would have by raw (0 unless ranked) */
	int raw_rank;
};

/* Ranked teams by rank (ties by name, byte order), then pending ones, then unscored ones. */
struct ranking {
	struct rank_row *rows;
	size_t count;
	enum rank_method method;	/* the method the rows were ranked by */
	size_t ranked, pending;
};

/* What to rank: NULL or zeroes mean every team under the event's policy. */
struct rank_request {
	const char *track_id;		/* only the teams of this track (statistics stay the event's) */
	bool override_method;		/* rank by method instead of the policy's (--method) */
	enum rank_method method;
};

/*
 * Rank under the event's results policy, from one read of the file: counted
 * sheets only (submitted, complete, not the calibration team's, no conflict
 * declared between judge and team). Free with ranking_clear().
 */
enum status ranking_compute(struct store *st, const struct rank_request *req, struct ranking *out);
void ranking_clear(struct ranking *r);

/* "ranked", "pending" or "unscored", as the CSV and JSON write it. */
const char *rank_status_name(enum rank_status s);

/*
 * Row i of r as a JSON object made by SQLite (rank, team, team_id, score,
 * judges, tied, status; raw_rank and raw_score too when normalized), or the
 * whole ranking as a JSON array. New strings.
 */
enum status ranking_row_json(struct store *st, const struct ranking *r, size_t i, char **out);
enum status ranking_json(struct store *st, const struct ranking *r, char **out);

/* The ranking overall and per track, from one read (for the displays and the freeze). */
struct ranking_view {
	char *title;		/* NULL: every team; else the track's name */
	struct ranking ranking;
};

struct ranking_views {
	struct ranking_view *items;	/* every team first, then each track that has teams, by name */
	size_t count;
};

enum status ranking_views(struct store *st, struct ranking_views *out);
void ranking_views_clear(struct ranking_views *v);

/* The z(j,t) of each counted sheet of team_id, for the explanation of its score. Free *out. */
struct sheet_z {
	char judge_id[ID_LEN + 1];
	double z;
};

enum status ranking_team_z(struct store *st, const char *team_id, struct sheet_z **out, size_t *count);

/* ---- the maths alone, over arrays (no database), for the functions above and tests ---- */

/* A team to rank. */
struct rank_team {
	const char *id;		/* UUID text, copied into the row ("" is fine in tests) */
	const char *name;	/* copied into the row */
	bool shown;		/* in the ranking (--track); every team's sheets still feed the statistics */
};

/* One counted sheet. */
struct rank_sheet {
	size_t team;		/* index into the teams */
	size_t judge;		/* 0 .. njudges - 1 */
	double total;		/* T(j,t), 0 to 100 */
};

struct rank_input {
	const struct rank_team *teams;
	size_t nteams;
	const struct rank_sheet *sheets;	/* counted sheets only */
	size_t nsheets;
	size_t njudges;
	/*
	 * For the policy's TIE_CRITERION keys: criteria[i * policy.ntie + k] is
	 * sheet i's (v - min) / (max - min) for key k (other keys' cells unused);
	 * NULL when the chain names no criterion.
	 */
	const double *criteria;
};

/*
 * Each sheet's z(j,t), the shrunk z-score: with judge j's n_j sheets, mean
 * m_j and population variance s_j², and M, V over every sheet,
 *   mu_j = (n_j m_j + k M) / (n_j + k), sigma_j² = (n_j s_j² + k V) / (n_j + k),
 *   z = (T - mu_j) / sigma_j, or 0 where sigma_j < RANKING_SD_EPSILON.
 * z has room for in->nsheets values.
 */
void ranking_sheet_z(const struct rank_input *in, double *z);

/* Rank the shown teams of in under policy p (method as p says). Fills *out. */
void ranking_from_sheets(const struct rank_input *in, const struct results_policy *p, struct ranking *out);

#endif
