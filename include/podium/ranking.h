#ifndef PODIUM_RANKING_H
#define PODIUM_RANKING_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/* The two methods of CONTRACT.md's "Scoring". */
enum rank_method {
	RANK_RAW,
	RANK_NORMALIZED,
};

/*
 * Scores closer than this share a rank. Each score is compared with the first
 * (highest) score of its tie group, never with its neighbour, so a chain
 * a, a + 0.6e-9, a + 1.2e-9 splits: the two highest share rank 1, a is 3rd.
 */
#define RANKING_TIE_EPSILON 1e-9

/* A judge's standard deviation below this counts as 0 (every z of that judge is 0). */
#define RANKING_SD_EPSILON 1e-12

struct rank_row {
	char team_id[ID_LEN + 1];
	char *team;		/* name as entered */
	int rank;		/* 1-based; 0 when the team has no counted sheet */
	double score;		/* S(t) or Z(t); meaningless when rank is 0 */
	int judges;		/* counted sheets */
	int raw_rank;		/* the team's rank by the raw method, for comparison */
	double raw_score;
};

/* Rows in rank order (ties and unranked teams by name, byte order). */
struct ranking {
	struct rank_row *rows;
	size_t count;
};

/*
 * Rank the teams (of the track track_id, or all when NULL) by method.
 * Reads one row per sheet (its total) under one snapshot and does the maths
 * in C. Free with ranking_clear().
 */
enum status ranking_compute(struct store *st, enum rank_method method, const char *track_id,
			    struct ranking *out);
void ranking_clear(struct ranking *r);

/* ---- the maths alone, over arrays (no database), for ranking_compute() and tests ---- */

/* A team to rank. */
struct rank_team {
	const char *id;		/* UUID text, copied into the row ("" is fine in tests) */
	const char *name;	/* copied into the row */
	bool shown;		/* in the ranking (--track); every team's sheets still feed the statistics */
};

/* One counted sheet (submitted and complete). */
struct rank_sheet {
	size_t team;		/* index into the teams */
	size_t judge;		/* 0 .. njudges - 1 */
	double total;		/* T(j,t), 0 to 100 */
};

/*
 * Rank the shown teams by method from the counted sheets of all teams, as
 * CONTRACT.md's "Scoring" says: raw S(t) = mean of the totals; normalized
 * Z(t) = mean over t's sheets of z = (T - m_j) / s_j, with m_j and s_j (the
 * population standard deviation) over all of judge j's sheets, z = 0 where j
 * has fewer than 2 sheets or s_j < RANKING_SD_EPSILON. Fills every row's
 * raw_rank and raw_score too. Sheets naming a team or judge out of range are
 * ignored. Fills *out (free with ranking_clear()).
 */
void ranking_from_sheets(const struct rank_team *teams, size_t nteams, const struct rank_sheet *sheets,
			 size_t nsheets, size_t njudges, enum rank_method method, struct ranking *out);

#endif
