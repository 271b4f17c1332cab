#include "config.h"
#include "podium/export.h"

#include <stdlib.h>

#include "podium/ranking.h"
#include "podium/results.h"
#include "podium/store.h"

static enum status export_txn(struct store *st, void *ctx)
{
	char **out = ctx, *doc = NULL, *ranking_doc = NULL, *policy_doc = NULL;
	struct results_policy policy;
	struct ranking r = { 0 };
	struct query *q;
	enum status s = query_first_text(store_query(st, STMT_EXPORT_JSON), &doc);

	if (s == ST_OK)
		s = ranking_policy(st, &policy);
	if (s == ST_OK)
		s = ranking_compute(st, NULL, &r);
	if (s == ST_OK)
		s = ranking_json(st, &r, &ranking_doc);
	if (s == ST_OK && !(policy_doc = results_policy_json(st, &policy)))
		s = ST_INTERNAL;
	if (s == ST_OK) {
		q = store_query(st, STMT_EXPORT_WITH_RESULTS);
		query_bind_text(q, "$doc", doc);
		query_bind_text(q, "$policy", policy_doc);
		query_bind_text(q, "$ranking", ranking_doc);
		free(*out);
		*out = NULL;
		s = query_first_text(q, out);
	}
	ranking_clear(&r);
	free(doc);
	free(ranking_doc);
	free(policy_doc);
	return s;
}

enum status export_json(struct store *st, char **out)
{
	enum status s;

	*out = NULL;
	s = store_read(st, export_txn, out);
	if (s != ST_OK) {
		free(*out);
		*out = NULL;
	}
	return s;
}
