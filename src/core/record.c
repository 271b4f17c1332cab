#include "config.h"
#include "podium/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/store.h"
#include "podium/text.h"

static const struct {
	const char *one, *many, *missing;
	enum stmt by_key, by_id;
} kinds[] = {
#define RECORD_KIND_ROW(id, one, many, missing) \
	[KIND_##id] = { one, many, missing, STMT_##id##_BY_KEY, STMT_##id##_BY_ID },
	RECORD_KIND_INFO(RECORD_KIND_ROW)
#undef RECORD_KIND_ROW
};

const char *record_kind_key(enum record_kind kind)
{
	return kinds[kind].one;
}

const char *record_kind_name(enum record_kind kind)
{
	return _(kinds[kind].one);
}

const char *record_kind_plural(enum record_kind kind)
{
	return _(kinds[kind].many);
}

static enum status fetch(struct query *q, char id[ID_LEN + 1], char **name)
{
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? ST_NOT_FOUND : s;
	snprintf(id, ID_LEN + 1, "%s", query_text(q, 0));
	if (name)
		*name = pd_strdup(query_text(q, 1));
	query_reset(q);
	return ST_OK;
}

enum status record_find(struct store *st, enum record_kind kind, const char *name_or_id,
			char id[ID_LEN + 1], char **name)
{
	char uuid[ID_LEN + 1];
	enum status s;
	char *key;

	if (name)
		*name = NULL;
	if (id_normalize(name_or_id, uuid)) {
		struct query *q = store_query(st, kinds[kind].by_id);

		query_bind_text(q, "$id", uuid);
		s = fetch(q, id, name);
		if (s != ST_NOT_FOUND)
			return s;
	}
	key = text_key(name_or_id);
	if (key && key[0]) {
		struct query *q = store_query(st, kinds[kind].by_key);

		query_bind_text(q, "$key", key);
		s = fetch(q, id, name);
	} else {
		s = ST_NOT_FOUND;
	}
	free(key);
	if (s == ST_NOT_FOUND) {
		char *shown = text_fit(name_or_id, 60, NULL);

		s = status_error(ST_NOT_FOUND, _(kinds[kind].missing), shown);
		free(shown);
	}
	return s;
}
