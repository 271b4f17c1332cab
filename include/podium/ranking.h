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

#endif
