#include "config.h"
#include "podium/audit.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "podium/evidence.h"
#include "podium/i18n.h"
#include "podium/store.h"

STMT_DEFINE(q_audit_last_hash, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
enum { LAST_SEQ, LAST_HASH };
STMT_DEFINE(q_audit_insert,
	    "INSERT INTO audit(seq, at, actor, action, kind, record_id, team_id, judge_id, before, after,"
	    " reason, prev_hash, hash, state, form) VALUES ($seq, $at, $actor, $action, $kind, $record_id,"
	    " $team_id, $judge_id, $before, $after, $reason, $prev_hash, $hash, $state, $form)");
STMT_DEFINE(q_audit_all,
	    "SELECT seq, at, actor, action, kind, record_id, team_id, judge_id, before, after, reason,"
	    " prev_hash, hash, state, form FROM audit ORDER BY seq");
enum { ALL_SEQ, ALL_AT, ALL_FIELDS, ALL_PREV_HASH = ALL_FIELDS + 9, ALL_HASH, ALL_STATE, ALL_FORM };
STMT_DEFINE(q_audit_hash_at, "SELECT hash FROM audit WHERE seq = $seq");
/* the state a sheet is left in, for the audit row that writes it: values keyed by criterion id */
STMT_DEFINE(q_audit_sheet_state,
	    "SELECT json_object('status', s.status, 'values', json((SELECT json_group_object(criterion_id, value)"
	    " FROM (SELECT criterion_id, value FROM sheet_value WHERE sheet_id = s.id ORDER BY criterion_id))))"
	    " FROM sheet s WHERE s.id = $id");

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
	const char *state;	/* forms 1 and 2 only */
	int form;
	const char *prev_hash;
};

/*
 * Form 0 (files from before keys): BLAKE2b-256 of prev_hash, seq, at and the
 * nine fields. Forms 1 and 2 add the state; form 2 is keyed with the event's key.
 */
static void row_hash(const struct row *r, const unsigned char *key, char out[HASH_HEX])
{
	crypto_generichash_state h;
	unsigned char digest[HASH_BYTES];
	char num[32];

	crypto_generichash_init(&h, r->form == AUDIT_FORM_KEYED ? key : NULL,
				r->form == AUDIT_FORM_KEYED ? EVIDENCE_KEY_BYTES : 0, HASH_BYTES);
	feed(&h, r->prev_hash);
	snprintf(num, sizeof(num), "%" PRId64, r->seq);
	feed(&h, num);
	snprintf(num, sizeof(num), "%" PRId64, r->at);
	feed(&h, num);
	for (size_t i = 0; i < PD_ARRAY_LEN(r->fields); i++)
		feed(&h, r->fields[i]);
	if (r->form != AUDIT_FORM_LEGACY)
		feed(&h, r->state);
	crypto_generichash_final(&h, digest, sizeof(digest));
	sodium_bin2hex(out, HASH_HEX, digest, sizeof(digest));
}

/* The head to write once the transaction holding the last keyed row commits. */
static struct {
	bool valid;
	struct store *st;
	char event_id[ID_LEN + 1];
	int64_t seq;
	char hash[HASH_HEX];
} pending;

static void txn_ended(void *ctx, bool committed)
{
	(void)ctx;
	if (committed && pending.valid)
		evidence_head_write(pending.event_id, pending.seq, pending.hash, store_path(pending.st));
	pending.valid = false;
}

static void init_sodium(void)
{
	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
}

/* A sheet's state after the change: its status and values by criterion id; NULL once deleted. */
static enum status sheet_state(struct store *st, const char *id, char **out)
{
	struct query *q = store_query(st, &q_audit_sheet_state);
	enum status s;

	query_bind_text(q, "$id", id);
	s = query_first_text(q, out);
	return s == ST_NOT_FOUND ? ST_OK : s;
}

enum status audit_record(struct store *st, const struct audit_entry *e)
{
	struct query *q = store_query(st, &q_audit_last_hash);
	char prev[HASH_HEX] = GENESIS, hash[HASH_HEX], event_id[ID_LEN + 1];
	unsigned char key[EVIDENCE_KEY_BYTES];
	struct row r = { 0 };
	char *state = NULL;
	enum status s;

	init_sodium();
	r.seq = 1;
	s = query_step(q);
	if (s == ST_ROW) {
		r.seq = query_int(q, LAST_SEQ) + 1;
		snprintf(prev, sizeof(prev), "%s", query_text(q, LAST_HASH));
		query_reset(q);
	} else if (s != ST_DONE) {
		return s;
	}
	if (e->state)
		state = pd_strdup(e->state);
	else if (strcmp(e->kind, "sheet") == 0 && e->record_id && (s = sheet_state(st, e->record_id, &state)) != ST_OK)
		return s;
	r.form = evidence_store_key(st, event_id, key) ? AUDIT_FORM_KEYED : AUDIT_FORM_UNKEYED;
	r.at = (int64_t)time(NULL);	/* the real time, whatever clock the schedule runs on */
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
	r.state = state;
	row_hash(&r, key, hash);
	sodium_memzero(key, sizeof(key));

	q = store_query(st, &q_audit_insert);
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
	query_bind_text(q, "$state", state);
	query_bind_int(q, "$form", r.form);
	s = query_exec(q);
	free(state);
	if (s == ST_OK && r.form == AUDIT_FORM_KEYED) {
		pending.valid = true;
		pending.st = st;
		snprintf(pending.event_id, sizeof(pending.event_id), "%s", event_id);
		pending.seq = r.seq;
		snprintf(pending.hash, sizeof(pending.hash), "%s", hash);
		store_set_txn_end(st, txn_ended, NULL);
	}
	return s;
}

/* ---- verification ---- */

struct verify {
	struct store *st;
	audit_problem_fn problem;
	void *ctx;
	struct audit_report *rep;
	bool has_key;
	unsigned char key[EVIDENCE_KEY_BYTES];
	char expected_prev[HASH_HEX];
	bool broken;		/* the first break is reported; later rows are not judged */
	bool newer_seen;	/* a row of form 1 or 2 came before */
};

static void report(struct verify *v, const char *fmt, ...) PD_PRINTF(2, 3);

static void report(struct verify *v, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = pd_vasprintf(fmt, ap);
	va_end(ap);
	v->rep->problems++;
	v->problem(v->ctx, text);
	free(text);
}

static bool is_hex_hash(const char *s)
{
	if (!s || strlen(s) != HASH_BYTES * 2)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

/* One row: its place in the sequence, its link to the previous row, its own hash where it can be computed. */
static void verify_row(struct verify *v, const struct row *r, const char *stored)
{
	struct audit_report *rep = v->rep;
	char hash[HASH_HEX];
	bool hash_ok = true;

	if (r->seq != rep->rows + 1) {
		report(v, _("audit: row %" PRId64 " follows row %" PRId64 ": rows of the log were deleted"), r->seq,
		       rep->rows);
		v->broken = true;
		return;
	}
	if (r->form == AUDIT_FORM_LEGACY && v->newer_seen) {
		report(v, _("audit: row %" PRId64 " is in the old unkeyed form after rows of the new one: the log was rewritten"),
		       r->seq);
		v->broken = true;
		return;
	}
	if (r->form == AUDIT_FORM_KEYED && !v->has_key)
		hash_ok = is_hex_hash(stored);
	else if (r->form < AUDIT_FORM_LEGACY || r->form > AUDIT_FORM_KEYED)
		hash_ok = false;
	else {
		row_hash(r, v->key, hash);
		hash_ok = stored && strcmp(stored, hash) == 0;
	}
	if (!r->prev_hash || strcmp(r->prev_hash, v->expected_prev) != 0 || !hash_ok) {
		report(v, _("audit: the log was altered at row %" PRId64 ": its hash chain is broken"), r->seq);
		v->broken = true;
		return;
	}
	rep->rows++;
	rep->forms[r->form]++;
	if (r->form == AUDIT_FORM_KEYED)
		rep->unsealed = 0;
	else
		rep->unsealed++;
	v->newer_seen = v->newer_seen || r->form != AUDIT_FORM_LEGACY;
	snprintf(v->expected_prev, sizeof(v->expected_prev), "%s", stored);
}

static enum status verify_rows(struct verify *v)
{
	struct query *q = store_query(v->st, &q_audit_all);
	enum status s;

	while (!v->broken && (s = query_step(q)) == ST_ROW) {
		struct row r;

		r.seq = query_int(q, ALL_SEQ);
		r.at = query_int(q, ALL_AT);
		for (int i = 0; i < 9; i++)
			r.fields[i] = query_text(q, ALL_FIELDS + i);
		r.prev_hash = query_text(q, ALL_PREV_HASH);
		r.state = query_text(q, ALL_STATE);
		r.form = (int)query_int(q, ALL_FORM);
		verify_row(v, &r, query_text(q, ALL_HASH));
	}
	if (v->broken) {
		query_reset(q);
		return ST_OK;
	}
	return s == ST_DONE ? ST_OK : s;
}

/* The head this account keeps: the log must still hold that row, with that hash. */
static enum status verify_head(struct verify *v, const char *event_id)
{
	struct audit_report *rep = v->rep;
	char hash[HASH_HEX];
	char *stored = NULL, *head_path = NULL, *real;
	struct query *q;
	enum status s;

	rep->head_present = evidence_head_read(event_id, &rep->head_seq, hash, &head_path);
	if (!rep->head_present)
		return ST_OK;
	real = evidence_real_path(store_path(v->st));
	rep->head_elsewhere = strcmp(real, head_path) != 0;
	free(real);
	free(head_path);
	if (rep->head_elsewhere)
		return ST_OK;	/* a copy, such as a backup: it may rightly be older */
	q = store_query(v->st, &q_audit_hash_at);
	query_bind_int(q, "$seq", rep->head_seq);
	s = query_first_text(q, &stored);
	if (s == ST_NOT_FOUND)
		report(v, _("audit: the log has %" PRId64 " rows, but this account wrote row %" PRId64
			    ": rows were deleted from its end"), rep->total, rep->head_seq);
	else if (s == ST_OK && strcmp(stored, hash) != 0)
		report(v, _("audit: row %" PRId64 " is not the one this account wrote: the log was rewritten"),
		       rep->head_seq);
	free(stored);
	return s == ST_NOT_FOUND ? ST_OK : s;
}

static int64_t count_rows(struct store *st)
{
	struct query *q = store_query(st, &q_audit_last_hash);
	int64_t n = 0;

	if (query_step(q) == ST_ROW) {
		n = query_int(q, LAST_SEQ);
		query_reset(q);
	}
	return n;
}

enum status audit_verify_report(struct store *st, audit_problem_fn problem, void *ctx, struct audit_report *out)
{
	struct verify v = { .st = st, .problem = problem, .ctx = ctx, .rep = out };
	char event_id[ID_LEN + 1] = "";
	enum status s;

	init_sodium();
	memset(out, 0, sizeof(*out));
	snprintf(v.expected_prev, sizeof(v.expected_prev), "%s", GENESIS);
	v.has_key = evidence_store_key(st, event_id, v.key);
	out->has_key = v.has_key;
	out->total = count_rows(st);
	s = verify_rows(&v);
	if (s == ST_OK && event_id[0] && out->total == 0)
		report(&v, _("audit: the log is empty, though the file holds an event: it was deleted"));
	if (s == ST_OK && event_id[0] && v.has_key)
		s = verify_head(&v, event_id);
	if (s == ST_OK && v.has_key && !out->head_present && out->forms[AUDIT_FORM_KEYED])
		report(&v, _("audit: this account holds the event's key but not its head: the head file was removed"));
	sodium_memzero(v.key, sizeof(v.key));
	return s;
}

static void keep_first(void *ctx, const char *problem)
{
	char **first = ctx;

	if (!*first)
		*first = pd_strdup(problem);
}

enum status audit_verify(struct store *st, int64_t *rows)
{
	struct audit_report rep;
	char *first = NULL;
	enum status s = audit_verify_report(st, keep_first, &first, &rep);

	if (rows)
		*rows = rep.rows;
	if (s == ST_OK && first)
		s = status_error(ST_CORRUPT, "%s", first);
	free(first);
	return s;
}
