#include "config.h"
#include "podium/pin.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podium/access.h"
#include "podium/audit.h"
#include "podium/evidence.h"
#include "podium/i18n.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_judge_set_pin,
	    "UPDATE judge SET pin_hash = $pin_hash, pin_failures = 0 WHERE id = $id");
STMT_DEFINE(q_judge_pin_hash, "SELECT pin_hash, pin_failures FROM judge WHERE id = $id");
enum { PIN_HASH, PIN_FAILURES };
STMT_DEFINE(q_judge_set_pin_failures, "UPDATE judge SET pin_failures = $failures WHERE id = $id");

#define KEYED_PREFIX "keyed:"	/* the Argon2id hash of BLAKE2b(key, PIN) */
#define PEPPER_HEX (crypto_generichash_BYTES * 2 + 1)

static void init_sodium(void)
{
	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
}

/* What Argon2id hashes: the PIN itself, or with a key, BLAKE2b(key, PIN) in hex. */
static void pin_input(const unsigned char *key, const char *pin, char out[PEPPER_HEX])
{
	unsigned char digest[crypto_generichash_BYTES];

	crypto_generichash(digest, sizeof(digest), (const unsigned char *)pin, strlen(pin), key,
			   EVIDENCE_KEY_BYTES);
	sodium_bin2hex(out, PEPPER_HEX, digest, sizeof(digest));
	sodium_memzero(digest, sizeof(digest));
}

char *pin_hash(struct store *st, const char *pin)
{
	unsigned char key[EVIDENCE_KEY_BYTES];
	char event_id[ID_LEN + 1], input[PEPPER_HEX], hash[crypto_pwhash_STRBYTES];
	bool keyed = evidence_store_key(st, event_id, key);
	const char *what = pin;

	init_sodium();
	if (keyed) {
		pin_input(key, pin, input);
		what = input;
	}
	if (crypto_pwhash_str(hash, what, strlen(what), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		pd_die(_("out of memory"));
	sodium_memzero(key, sizeof(key));
	sodium_memzero(input, sizeof(input));
	return keyed ? pd_asprintf("%s%s", KEYED_PREFIX, hash) : pd_strdup(hash);
}

int pin_matches(struct store *st, const char *stored, const char *pin)
{
	unsigned char key[EVIDENCE_KEY_BYTES];
	char event_id[ID_LEN + 1], input[PEPPER_HEX];
	size_t prefix = strlen(KEYED_PREFIX);
	int ok;

	init_sodium();
	if (strncmp(stored, KEYED_PREFIX, prefix) != 0)
		return crypto_pwhash_str_verify(stored, pin, strlen(pin)) == 0;
	if (!evidence_store_key(st, event_id, key))
		return -1;
	pin_input(key, pin, input);
	ok = crypto_pwhash_str_verify(stored + prefix, input, strlen(input)) == 0;
	sodium_memzero(key, sizeof(key));
	sodium_memzero(input, sizeof(input));
	return ok;
}

/* A hash made with older parameters, or unkeyed while the key is at hand: make it again. */
static bool needs_rehash(struct store *st, const char *stored)
{
	unsigned char key[EVIDENCE_KEY_BYTES];
	char event_id[ID_LEN + 1];
	bool keyed = strncmp(stored, KEYED_PREFIX, strlen(KEYED_PREFIX)) == 0;
	const char *argon = keyed ? stored + strlen(KEYED_PREFIX) : stored;

	if (!keyed && evidence_store_key(st, event_id, key)) {
		sodium_memzero(key, sizeof(key));
		return true;
	}
	return crypto_pwhash_str_needs_rehash(argon, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

/* ---- logging in ---- */

struct attempt {
	const char *name;	/* as typed */
	char *found;		/* the judge's name */
	const char *pin;
	char id[ID_LEN + 1];	/* "" for an unknown name */
	char *stored;		/* the judge's hash; NULL without a PIN */
	int64_t failures;	/* after this try */
	bool rehash;
};

static enum status read_judge(struct store *st, void *ctx)
{
	struct attempt *a = ctx;
	struct query *q;
	char *name = NULL;
	enum status s;

	free(a->found);		/* a busy file runs this again */
	free(a->stored);
	a->found = a->stored = NULL;
	s = record_find(st, KIND_JUDGE, a->name, a->id, &name);

	a->found = name;
	if (s == ST_NOT_FOUND) {
		a->id[0] = '\0';
		status_clear();
		return ST_OK;
	}
	if (s != ST_OK)
		return s;
	q = store_query(st, &q_judge_pin_hash);
	query_bind_text(q, "$id", a->id);
	s = query_step(q);
	if (s != ST_ROW)
		return s == ST_DONE ? ST_OK : s;
	a->stored = query_is_null(q, PIN_HASH) ? NULL : pd_strdup(query_text(q, PIN_HASH));
	a->failures = query_int(q, PIN_FAILURES);
	query_reset(q);
	return ST_OK;
}

static enum status set_failures(struct store *st, const char *id, int64_t failures)
{
	struct query *q = store_query(st, &q_judge_set_pin_failures);

	query_bind_text(q, "$id", id);
	query_bind_int(q, "$failures", failures);
	return query_exec(q);
}

/* One more failure, counted in the file (another console may have counted one too) and audited. */
static enum status failure_txn(struct store *st, void *ctx)
{
	struct attempt *a = ctx;
	char *reason = NULL;
	enum status s = ST_OK;
	struct audit_entry e = { .action = "pin-failure", .kind = "judge" };

	if (a->id[0]) {
		struct query *q = store_query(st, &q_judge_pin_hash);

		query_bind_text(q, "$id", a->id);
		s = query_step(q);
		if (s != ST_ROW)
			return s == ST_DONE ? ST_OK : s;
		a->failures = query_int(q, PIN_FAILURES) + 1;
		query_reset(q);
		if ((s = set_failures(st, a->id, a->failures)) != ST_OK)
			return s;
		e.record_id = e.judge_id = a->id;
		reason = pd_asprintf("try %lld of %d", (long long)a->failures, PIN_MAX_TRIES);
	} else {
		char *shown = text_fit(a->name, 60, NULL);

		reason = pd_asprintf("unknown judge '%s'", shown);
		free(shown);
	}
	e.reason = reason;
	s = audit_record(st, &e);
	free(reason);
	return s;
}

static enum status success_txn(struct store *st, void *ctx)
{
	struct attempt *a = ctx;
	enum status s = set_failures(st, a->id, 0);

	if (s == ST_OK && a->rehash) {
		struct query *q = store_query(st, &q_judge_set_pin);
		char *hash = pin_hash(st, a->pin);

		query_bind_text(q, "$id", a->id);
		query_bind_text(q, "$pin_hash", hash);
		s = query_exec(q);
		free(hash);
	}
	return s;
}

static enum status locked(const char *name)
{
	char *shown = text_fit(name, 60, NULL);
	enum status s = status_error(ST_DENIED,
				     _("the PIN of %s is locked after %d wrong tries; ask an organizer to run 'podium judge unlock NAME'"),
				     shown, PIN_MAX_TRIES);

	free(shown);
	return s;
}

static enum status refuse(struct store *st, struct attempt *a)
{
	enum status s = store_write(st, failure_txn, a);

	if (s != ST_OK)
		return s;
	if (a->failures >= PIN_MAX_TRIES)
		return locked(a->found);
	/* slow guessing down: 1 s, 2 s, 4 s, 8 s; an unknown name waits as the first try does */
	sleep(1u << (a->failures > 0 ? a->failures - 1 : 0));
	return status_error(ST_DENIED, _("wrong name or PIN"));
}

enum status pin_login(struct store *st, const char *name_or_id, const char *pin, char id_out[ID_LEN + 1])
{
	struct attempt a = { .name = name_or_id, .pin = pin ? pin : "" };
	enum status s = store_read(st, read_judge, &a);
	int match;

	if (s != ST_OK)
		goto out;
	if (a.id[0] && a.failures >= PIN_MAX_TRIES) {
		s = locked(a.found);
		goto out;
	}
	if (a.id[0] && !a.stored) {
		snprintf(id_out, ID_LEN + 1, "%s", a.id);
		goto out;
	}
	match = a.id[0] ? pin_matches(st, a.stored, a.pin) : 0;
	if (match < 0) {
		s = status_error(ST_DENIED, _("the PINs of this event can be checked only by the account that holds its key"));
		goto out;
	}
	if (!match) {
		s = refuse(st, &a);
		goto out;
	}
	a.rehash = needs_rehash(st, a.stored);
	if (a.failures || a.rehash)
		s = store_write(st, success_txn, &a);
	if (s == ST_OK)
		snprintf(id_out, ID_LEN + 1, "%s", a.id);
out:
	free(a.found);
	free(a.stored);
	return s;
}

bool pin_locked(struct store *st, const char *name_or_id)
{
	struct attempt a = { .name = name_or_id, .pin = "" };
	bool locked_out = store_read(st, read_judge, &a) == ST_OK && a.id[0] && a.failures >= PIN_MAX_TRIES;

	free(a.found);
	free(a.stored);
	status_clear();
	return locked_out;
}

static enum status unlock_txn(struct store *st, void *ctx)
{
	const char *id = ctx;
	struct audit_entry e = { .action = "pin-unlock", .kind = "judge", .record_id = id, .judge_id = id };
	enum status s = access_require(st, PERM_ORGANIZER, _("unlock a judge's PIN"));

	if (s == ST_OK)
		s = set_failures(st, id, 0);
	if (s == ST_OK)
		s = audit_record(st, &e);
	return s;
}

enum status pin_unlock(struct store *st, const char *judge_id)
{
	return store_write(st, unlock_txn, (void *)judge_id);
}

enum status pin_set(struct store *st, const char *id, const char *pin)
{
	struct query *q = store_query(st, &q_judge_set_pin);
	char *hash = pin && pin[0] ? pin_hash(st, pin) : NULL;
	enum status s;

	query_bind_text(q, "$id", id);
	query_bind_text(q, "$pin_hash", hash);
	s = query_exec(q);
	free(hash);
	return s;
}

enum status pin_check(struct store *st, const char *judge_id, const char *pin, bool *ok)
{
	struct query *q = store_query(st, &q_judge_pin_hash);
	enum status s;

	*ok = false;
	query_bind_text(q, "$id", judge_id);
	s = query_step(q);
	if (s == ST_DONE)
		return status_error(ST_NOT_FOUND, _("no judge with the id '%s'"), judge_id);
	if (s != ST_ROW)
		return s;
	if (!query_is_null(q, PIN_HASH) && pin) {
		char *hash = pd_strdup(query_text(q, PIN_HASH));

		query_reset(q);
		*ok = pin_matches(st, hash, pin) == 1;
		free(hash);
		return ST_OK;
	}
	query_reset(q);
	return ST_OK;
}
