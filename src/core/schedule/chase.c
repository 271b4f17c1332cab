#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdlib.h>
#include <string.h>

#include "podium/store.h"

/* The chase list: which judges still owe a team its sheet. */

STMT_DEFINE(q_schedule_chase,
	    "SELECT j.name, coalesce(s.status = 'submitted', 0) FROM judge j"
	    " LEFT JOIN sheet s ON s.judge_id = j.id AND s.team_id = $team"
	    " WHERE (NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team)"
	    "  OR EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team AND a.judge_id = j.id))"
	    " AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.team_id = $team AND c.judge_id = j.id)"
	    " ORDER BY j.name");
enum { CHASE_JUDGE, CHASE_SUBMITTED };

void schedule_chase_clear(struct chase *c)
{
	for (size_t i = 0; i < c->nwaiting; i++)
		free(c->waiting[i]);
	free(c->waiting);
	memset(c, 0, sizeof(*c));
}

enum status schedule_chase(struct store *st, const char *team_id, struct chase *out)
{
	struct query *q = store_query(st, &q_schedule_chase);
	size_t cap = 0;
	enum status s;

	memset(out, 0, sizeof(*out));
	query_bind_text(q, "$team", team_id);
	while ((s = query_step(q)) == ST_ROW) {
		out->expected++;
		if (query_int(q, CHASE_SUBMITTED)) {
			out->submitted++;
		} else {
			PD_GROW(out->waiting, out->nwaiting, cap);
			out->waiting[out->nwaiting++] = pd_strdup(query_text(q, CHASE_JUDGE));
		}
	}
	if (s != ST_DONE) {
		schedule_chase_clear(out);
		return s;
	}
	return ST_OK;
}
