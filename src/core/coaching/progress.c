#include "config.h"
#include "podium/coaching.h"
#include "coaching_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/idmap.h"
#include "podium/store.h"

/* Each team's progress through the stages. */

static enum status progress_txn(struct store *st, void *ctx)
{
	struct coaching_progress *p = ctx;
	struct stages g = {0};
	struct idmap ix;
	struct query *q;
	size_t cap = 0;
	enum status s = coaching_stages_load(st, &g);

	if (s != ST_OK) {
		coaching_stages_clear(&g);
		return s;
	}
	p->stages = g.names;
	p->nstages = g.count;
	g.names = NULL;
	q = store_query(st, &q_coaching_teams);
	while ((s = query_step(q)) == ST_ROW) {
		struct coaching_team *t;

		PD_GROW(p->teams, p->nteams, cap);
		t = &p->teams[p->nteams++];
		memset(t, 0, sizeof(*t));
		snprintf(t->team_id, sizeof(t->team_id), "%s", query_text(q, TEAM_COL_ID));
		t->team = pd_strdup(query_text(q, TEAM_COL_NAME));
		t->validated = pd_calloc(p->nstages + 1, sizeof(bool));
	}
	if (s != ST_DONE) {
		for (size_t i = 0; i < g.count; i++)
			free(g.keys[i]);
		free(g.keys);
		return s;
	}
	IDMAP_BUILD(&ix, p->teams, p->nteams, team_id);
	q = store_query(st, &q_coaching_validated);
	while ((s = query_step(q)) == ST_ROW) {
		long t = idmap_find(&ix, query_text(q, VALIDATED_TEAM));
		long i = coaching_stages_find_key(&g, query_text(q, VALIDATED_STAGE_KEY));

		if (t >= 0 && i >= 0 && !p->teams[t].validated[i]) {
			p->teams[t].validated[i] = true;
			p->teams[t].done++;
		}
	}
	idmap_clear(&ix);
	for (size_t i = 0; i < g.count; i++)
		free(g.keys[i]);
	free(g.keys);
	return s == ST_DONE ? ST_OK : s;
}

enum status coaching_progress(struct store *st, struct coaching_progress *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	s = store_read(st, progress_txn, out);
	if (s != ST_OK)
		coaching_progress_clear(out);
	return s;
}

void coaching_progress_clear(struct coaching_progress *p)
{
	for (size_t i = 0; i < p->nstages; i++)
		free(p->stages[i]);
	for (size_t i = 0; i < p->nteams; i++) {
		free(p->teams[i].team);
		free(p->teams[i].validated);
	}
	free(p->stages);
	free(p->teams);
	memset(p, 0, sizeof(*p));
}
