#include "config.h"
#include "podium/idmap.h"

#include <stdlib.h>
#include <string.h>

#include "podium/common.h"

static int compare(const void *a, const void *b)
{
	return strcmp(((const struct idmap_entry *)a)->id, ((const struct idmap_entry *)b)->id);
}

void idmap_build(struct idmap *m, const void *items, size_t n, size_t size, size_t offset)
{
	const char *base = items;

	m->items = pd_calloc(n + 1, sizeof(*m->items));
	m->count = n;
	for (size_t i = 0; i < n; i++)
		m->items[i] = (struct idmap_entry){ base + i * size + offset, i };
	qsort(m->items, n, sizeof(*m->items), compare);
}

long idmap_find(const struct idmap *m, const char *id)
{
	struct idmap_entry key = { id, 0 };
	const struct idmap_entry *hit;

	if (!id || !m->count)
		return -1;
	hit = bsearch(&key, m->items, m->count, sizeof(*m->items), compare);
	return hit ? (long)hit->at : -1;
}

void idmap_clear(struct idmap *m)
{
	free(m->items);
	m->items = NULL;
	m->count = 0;
}
