#ifndef PODIUM_IDMAP_H
#define PODIUM_IDMAP_H

#include <stddef.h>

/*
 * From record ids to their positions in an array, to join the rows of a query
 * to records read before it: sorted once, then found by binary search. The
 * map points into the array's ids, so it lives no longer than the array.
 */
struct idmap_entry {
	const char *id;
	size_t at;
};

struct idmap {
	struct idmap_entry *items;
	size_t count;
};

/* Index the n elements of items (each size bytes), whose id is the string at offset in each. */
void idmap_build(struct idmap *m, const void *items, size_t n, size_t size, size_t offset);
#define IDMAP_BUILD(m, arr, n, field) \
	idmap_build((m), (arr), (n), sizeof(*(arr)), offsetof(__typeof__(*(arr)), field))

/* The position of id, or -1 (also for a NULL id). */
long idmap_find(const struct idmap *m, const char *id);

void idmap_clear(struct idmap *m);

#endif
