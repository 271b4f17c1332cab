#ifndef PODIUM_SHEET_H
#define PODIUM_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/actor.h"
#include "podium/id.h"
#include "podium/status.h"

struct store;
struct rubric;

/*
 * A judge's score sheet for one team: one integer per criterion, a comment,
 * draft or submitted. Its total T(j,t) (podium(1), SCORING) is kept in the same
 * transaction as its values, NULL while a criterion is unscored. A submitted
 * sheet edited without being submitted again stays submitted (it counts) and is
 * marked changed until it is submitted again.
 */
enum sheet_state {
	SHEET_MISSING,		/* no sheet yet */
	SHEET_DRAFT,
	SHEET_SUBMITTED,
};

struct sheet {
	char id[ID_LEN + 1];
	char judge_id[ID_LEN + 1];
	char team_id[ID_LEN + 1];
	enum sheet_state state;
	bool changed;		/* SHEET_SUBMITTED, edited since it was submitted */
	char *comment;
	size_t nvalues;		/* the rubric's criteria, in rubric order */
	int *values;
	bool *scored;		/* scored[i]: values[i] holds a value */
	bool complete;		/* every criterion scored */
	double total;		/* T(j,t) when complete */
	int64_t updated_at;	/* real time */
};

/* One criterion's value in a change: the criterion by name (case-insensitive) or id. */
struct sheet_value {
	const char *criterion;
	int value;
};

/* The same as typed ("Pitch", " 4 "): sheet_apply() reads the text as a whole number, spaces around it allowed. */
struct sheet_text {
	const char *criterion;
	const char *text;
};

/*
 * A change to one sheet. Values not named keep their earlier value (or, with
 * replace, become unscored: an import's row replaces the whole sheet); comment
 * NULL keeps the comment (with replace: empties it); submit makes it submitted
 * (a submitted sheet stays submitted unless draft is set, marked changed when
 * its values or comment change without submit; submit clears the mark, and the
 * organizer's correction after the lock keeps it as it was). reason is required
 * for the organizer's correction after the results are locked, and kept in the
 * audit log.
 */
struct sheet_change {
	const char *judge;	/* name or UUID */
	const char *team;	/* name or UUID */
	const struct sheet_value *values;
	size_t nvalues;
	const struct sheet_text *texts;	/* more values, as typed (the command line's CRIT=VALUE) */
	size_t ntexts;
	const char *comment;
	bool submit;
	bool draft;
	bool replace;
	const char *reason;
};

/*
 * Apply a change with its audit row (before and after) in one write
 * transaction. Refuses (nothing written): a value outside its criterion's
 * scale or a text that is not a whole number (ST_INVALID), a criterion given
 * twice (ST_USAGE), an unknown judge, team or criterion (ST_NOT_FOUND),
 * a judge writing another judge's sheet (ST_DENIED), a judge with a conflict
 * of interest for the team (ST_DENIED), any change once results are locked
 * except the organizer's with a reason (ST_LOCKED), submitting an incomplete
 * sheet (ST_INVALID).
 */
enum status sheet_apply(struct store *st, const struct actor *who, const struct sheet_change *c);

/* What a change committed: the sheet as it now stands, and its judge's and team's names. */
struct sheet_result {
	struct sheet sheet;
	char *judge, *team;
};

/*
 * sheet_apply() that also hands back the sheet as committed, read in the same
 * transaction, so the caller needs no second read. Free with sheet_result_clear().
 */
enum status sheet_apply_get(struct store *st, const struct actor *who, const struct sheet_change *c,
			    struct sheet_result *out);
void sheet_result_clear(struct sheet_result *r);

/*
 * The same against the rubric r the caller loaded: an import of many rows
 * reads it once, inside its own transaction, and the change joins it.
 */
enum status sheet_apply_rubric(struct store *st, const struct actor *who, const struct rubric *r,
			       const struct sheet_change *c);

/*
 * Read judge_id's sheet for team_id against rubric r; state SHEET_MISSING
 * (and ST_OK) when there is none. Free with sheet_clear().
 */
enum status sheet_get(struct store *st, const struct rubric *r, const char *judge_id,
		      const char *team_id, struct sheet *out);
void sheet_clear(struct sheet *s);

/* Sheet id as one JSON object (its audit form), newly allocated in *out. */
enum status sheet_json(struct store *st, const char *id, char **out);

/* What a sheet's JSON texts are written from: its state, comment and values in rubric order. */
struct sheet_json_input {
	enum sheet_state state;
	bool changed;		/* struct sheet's changed */
	const char *comment;
	const int *values;
	const bool *scored;
	bool complete;		/* total holds T(j,t) */
	double total;
};

/*
 * The text sheet_json() reads (status, comment, total, values by name in rubric
 * order, then "changed":true for a changed sheet only), newly allocated.
 */
char *sheet_json_text(const struct rubric *r, const struct sheet_json_input *in);

/*
 * The audit row's state of a sheet (status, values by criterion id in id order:
 * what counts, which podium check compares with the file; not changed), newly
 * allocated.
 */
char *sheet_state_text(const struct rubric *r, const struct sheet_json_input *in);

/*
 * Recompute every sheet's total after the rubric changed, in one transaction:
 * called inside the write that changed the rubric, it joins it.
 */
enum status sheet_recompute_totals(struct store *st);

/*
 * T(j,t) of values against rubric r; false when a criterion is unscored, a value
 * lies outside its criterion's scale (the rubric changed), or r is empty.
 */
bool sheet_total(const struct rubric *r, const int *values, const bool *scored, double *total);

#endif
