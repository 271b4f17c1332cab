#ifndef PODIUM_RUBRIC_H
#define PODIUM_RUBRIC_H

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

/* The default rubric of CONTRACT.md: the seven stages, weight 1, scale 1 to 5. */
extern const struct criterion_spec rubric_default[];
extern const size_t rubric_default_count;

/* Read the rubric in order; free with rubric_clear(). */
enum status rubric_load(struct store *st, struct rubric *out);
void rubric_clear(struct rubric *r);

/* The index of the criterion named name (case-insensitive) or with that id, or -1. */
int rubric_find(const struct rubric *r, const char *name_or_id);

/*
 * Append a criterion at the end of the rubric, with its audit row; call inside
 * store_write(). ST_INVALID for a bad scale or weight, ST_CONFLICT for a taken name.
 */
enum status rubric_add(struct store *st, const struct criterion_spec *spec);

/* Check a criterion spec without writing it; ST_INVALID with a message saying what is wrong. */
enum status rubric_check_spec(const struct criterion_spec *spec);

#endif
