#ifndef PODIUM_PIN_H
#define PODIUM_PIN_H

#include <stdbool.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * Judges' PINs. Stored only as an Argon2id hash (libsodium's interactive cost
 * or more); when this account holds the event's key (evidence.h) the hash is of
 * BLAKE2b(key, PIN), so a copy of the file alone cannot be guessed offline.
 * Each wrong try is audited ("pin-failure") and answered after a delay that
 * doubles (1 s, 2 s, 4 s, 8 s); the fifth locks the PIN until an organizer runs
 * 'podium judge unlock NAME'. A wrong PIN and an unknown name get the same answer.
 */
#define PIN_MIN_CHARS 6
#define PIN_MAX_CHARS 64
#define PIN_MAX_TRIES 5

/* The stored form of pin for st's event, newly allocated. */
char *pin_hash(struct store *st, const char *pin);

/*
 * Whether stored is the hash of pin: 1 yes, 0 no, -1 it is keyed and this
 * account cannot read the key.
 */
int pin_matches(struct store *st, const char *stored, const char *pin);

/*
 * Log in as the judge named name_or_id with pin. ST_OK (the judge's id to
 * id_out) when the judge has no PIN or pin is theirs; ST_DENIED "wrong name or
 * PIN" (after the delay) or "... locked ..." otherwise. Opens its own
 * transactions; never call it inside one.
 */
enum status pin_login(struct store *st, const char *name_or_id, const char *pin, char id_out[ID_LEN + 1]);

/* Store pin (NULL or empty: none) as judge id's PIN, hashed, and clear its failures. */
enum status pin_set(struct store *st, const char *judge_id, const char *pin);

/*
 * Check pin against judge id's stored hash: *ok is true only when the judge
 * has a PIN and pin matches it. ST_NOT_FOUND when there is no such judge.
 * Reads only, counts no failure and never waits: a console logs in with
 * pin_login() instead.
 */
enum status pin_check(struct store *st, const char *judge_id, const char *pin, bool *ok);

/* Whether the judge's PIN is locked after too many wrong tries (no more tries then). */
bool pin_locked(struct store *st, const char *name_or_id);

/* Lift the lock of judge id's PIN (organizers only); audited. Opens its own transaction. */
enum status pin_unlock(struct store *st, const char *judge_id);

#endif
