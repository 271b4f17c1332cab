#ifndef PODIUM_RUBRIC_H
#define PODIUM_RUBRIC_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/* One criterion of the rubric: an integer scale [min, max] with a weight. */
struct criterion {
	char id[ID_LEN + 1];
	char *name;
	char *description;
	double weight;		/* > 0 */
	int min, max;		/* min < max */
};

struct rubric {
	struct criterion *items;	/* in rubric order */
	size_t count;
};

/* What a new criterion needs; the name must be unique (case-insensitive). */
struct criterion_spec {
	const char *name;
	const char *description;
	double weight;
	int min, max;
};

/* The default rubric (podium(1)): the seven stages, weight 1, scale 1 to 5. */
extern const struct criterion_spec rubric_default[];
extern const size_t rubric_default_count;

/* Read the rubric in order; free with rubric_clear(). */
enum status rubric_load(struct store *st, struct rubric *out);
void rubric_clear(struct rubric *r);

/* The index of the criterion named name (case-insensitive) or with that id, or -1. */
int rubric_find(const struct rubric *r, const char *name_or_id);

/*
 * Append a criterion at the end of the rubric, with its audit row, in one
 * transaction. ST_INVALID for a bad scale or weight, ST_CONFLICT for a taken name.
 * It neither checks the lock nor the submitted sheets: rubric_create() does.
 */
enum status rubric_add(struct store *st, const struct criterion_spec *spec);

/* A submitted sheet that a rubric change touches. */
struct rubric_sheet {
	char id[ID_LEN + 1], judge_id[ID_LEN + 1], team_id[ID_LEN + 1];
	char *judge, *team;	/* names */
	char *before;		/* the sheet's JSON before the change */
};

/*
 * What a change that alters totals (add, delete, a weight or a scale) does to
 * the submitted sheets: all of them are touched. Refused, `touched` says how
 * many; with reopen, `sheets` lists them, now drafts (judge, team order).
 * Free with rubric_effect_clear().
 */
struct rubric_effect {
	size_t touched;
	struct rubric_sheet *sheets;
	size_t count;
};
void rubric_effect_clear(struct rubric_effect *e);

/* A change to a criterion: NULL texts and unset numbers keep their value. */
struct criterion_edit {
	const char *name;
	const char *description;
	bool set_weight, set_min, set_max;
	double weight;
	int min, max;
};

/*
 * The rubric changes, each one write transaction with its audit rows. All are
 * refused after 'results lock' (ST_LOCKED). Once a sheet is submitted, a change
 * that alters totals is refused (ST_CONFLICT, effect->touched counts the
 * submitted sheets) unless reopen: then those sheets become drafts in the same
 * transaction (each with a sheet "reopen" audit row), every total is
 * recomputed and effect->sheets lists them. A rename or a new description is
 * always allowed before the lock. effect may be NULL.
 *
 * rubric_create: a new criterion at the end (ST_INVALID, ST_CONFLICT as rubric_add).
 * rubric_edit: the criterion named (or with the id) criterion; ST_NOT_FOUND,
 *   ST_INVALID for a bad weight or scale, ST_CONFLICT for a taken name.
 * rubric_delete: also removes the criterion from the tie-break chain; the
 *   last criterion is never deleted (ST_INVALID).
 */
enum status rubric_create(struct store *st, const struct criterion_spec *spec, bool reopen,
			  struct rubric_effect *effect);
enum status rubric_edit(struct store *st, const char *criterion, const struct criterion_edit *edit, bool reopen,
			struct rubric_effect *effect);
enum status rubric_delete(struct store *st, const char *criterion, bool reopen, struct rubric_effect *effect);

/*
 * Around a change of several criteria (import criteria), inside the write
 * that makes it: rubric_guard_begin() refuses after the lock, and finds the
 * submitted sheets (refused without reopen, as above); after the change,
 * rubric_guard_finish() recomputes the totals and turns the sheets into
 * drafts, audited (its own transaction, so it joins the caller's).
 */
enum status rubric_guard_begin(struct store *st, bool reopen, struct rubric_effect *effect);
enum status rubric_guard_finish(struct store *st, struct rubric_effect *effect);

/* Check a criterion spec without writing it; ST_INVALID with a message saying what is wrong. */
enum status rubric_check_spec(const struct criterion_spec *spec);

#endif
