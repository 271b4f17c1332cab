#include "config.h"
#include "podium/audit.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/clock.h"
#include "podium/i18n.h"
#include "podium/store.h"

#define HASH_BYTES crypto_generichash_BYTES	/* 32: BLAKE2b-256 */
#define HASH_HEX (HASH_BYTES * 2 + 1)
#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static char *actor;

void audit_set_actor(const char *name)
{
	free(actor);
	actor = name ? pd_strdup(name) : NULL;
}

const char *audit_actor(void)
{
	return actor ? actor : "podium";
}

/* Feed one field as length and bytes, so no two rows can hash alike by moving a separator. */
static void feed(crypto_generichash_state *h, const char *field)
{
	uint64_t len = field ? strlen(field) : UINT64_MAX;
	unsigned char prefix[8];

	for (int i = 0; i < 8; i++)
		prefix[i] = (unsigned char)(len >> (8 * i));
	crypto_generichash_update(h, prefix, sizeof(prefix));
	if (field)
		crypto_generichash_update(h, (const unsigned char *)field, strlen(field));
}

struct row {
	int64_t seq, at;
	const char *fields[9];	/* actor action kind record_id team_id judge_id before after reason */
	const char *prev_hash;
};

static void row_hash(const struct row *r, char out[HASH_HEX])
{
	crypto_generichash_state h;
	unsigned char digest[HASH_BYTES];
	char num[32];

	crypto_generichash_init(&h, NULL, 0, HASH_BYTES);
	feed(&h, r->prev_hash);
	snprintf(num, sizeof(num), "%" PRId64, r->seq);
	feed(&h, num);
	snprintf(num, sizeof(num), "%" PRId64, r->at);
	feed(&h, num);
	for (size_t i = 0; i < PD_ARRAY_LEN(r->fields); i++)
		feed(&h, r->fields[i]);
	crypto_generichash_final(&h, digest, sizeof(digest));
	sodium_bin2hex(out, HASH_HEX, digest, sizeof(digest));
}

enum status audit_record(struct store *st, const struct audit_entry *e)
{
	struct query *q = store_query(st, STMT_AUDIT_LAST_HASH);
	char prev[HASH_HEX] = GENESIS, hash[HASH_HEX];
	struct row r = { 0 };
	enum status s;

	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
	r.seq = 1;
	s = query_step(q);
	if (s == ST_ROW) {
		r.seq = query_int(q, 0) + 1;
		snprintf(prev, sizeof(prev), "%s", query_text(q, 1));
		query_reset(q);
	} else if (s != ST_DONE) {
		return s;
	}
	r.at = clock_now();
	r.prev_hash = prev;
	r.fields[0] = audit_actor();
	r.fields[1] = e->action;
	r.fields[2] = e->kind;
	r.fields[3] = e->record_id;
	r.fields[4] = e->team_id;
	r.fields[5] = e->judge_id;
	r.fields[6] = e->before;
	r.fields[7] = e->after;
	r.fields[8] = e->reason;
	row_hash(&r, hash);

	q = store_query(st, STMT_AUDIT_INSERT);
	query_bind_int(q, "$seq", r.seq);
	query_bind_int(q, "$at", r.at);
	query_bind_text(q, "$actor", r.fields[0]);
	query_bind_text(q, "$action", e->action);
	query_bind_text(q, "$kind", e->kind);
	query_bind_text(q, "$record_id", e->record_id);
	query_bind_text(q, "$team_id", e->team_id);
	query_bind_text(q, "$judge_id", e->judge_id);
	query_bind_text(q, "$before", e->before);
	query_bind_text(q, "$after", e->after);
	query_bind_text(q, "$reason", e->reason);
	query_bind_text(q, "$prev_hash", prev);
	query_bind_text(q, "$hash", hash);
	return query_exec(q);
}

enum status audit_verify(struct store *st, int64_t *rows)
{
	struct query *q = store_query(st, STMT_AUDIT_ALL);
	char expected_prev[HASH_HEX] = GENESIS, hash[HASH_HEX];
	int64_t count = 0;
	enum status s;

	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
	while ((s = query_step(q)) == ST_ROW) {
		struct row r;
		const char *stored_prev = query_text(q, 11), *stored = query_text(q, 12);

		r.seq = query_int(q, 0);
		r.at = query_int(q, 1);
		for (int i = 0; i < 9; i++)
			r.fields[i] = query_text(q, 2 + i);
		r.prev_hash = stored_prev;
		row_hash(&r, hash);
		if (!stored_prev || strcmp(stored_prev, expected_prev) != 0 || !stored ||
		    strcmp(stored, hash) != 0) {
			int64_t seq = r.seq;

			query_reset(q);
			if (rows)
				*rows = count;
			return status_error(ST_CORRUPT, "the audit log was altered at row %" PRId64
					    ": its hash chain is broken", seq);
		}
		snprintf(expected_prev, sizeof(expected_prev), "%s", stored);
		count++;
	}
	if (rows)
		*rows = count;
	return s == ST_DONE ? ST_OK : s;
}
