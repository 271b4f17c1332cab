#ifndef PODIUM_BUNDLE_H
#define PODIUM_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/changes.h"
#include "podium/status.h"

/*
 * A bundle: what travels between a site and the hub, as one file.
 *
 *     podium-bundle 1\n            the format
 *     schema 5\n                   the sender's schema version
 *     kind site|hub\n              who sent it
 *     hub KEY\n                    the hub's public key: which event it belongs to
 *     site NAME\n                  the site it comes from (kind site) or goes to (kind hub)
 *     first N\n last N\n           the site's sequence numbers it carries (first = last + 1: none)
 *     prev HEX\n                   the site's chain value before `first` (store_chain_next(); zeros
 *                                  before 1): proves the bundle continues the stream the hub holds
 *     ack N\n                      (kind hub) the hub holds every change of the site up to N
 *     state HEX\n                  (kind site) the hash of the site's synced records after `last`
 *     \n
 *     entries                      each: sequence (8 bytes, big-endian), length (4), changeset
 *     signature                    ed25519 (64 bytes) over everything before it
 *
 * The signature is checked before anything else is read.
 */

#define BUNDLE_MAGIC "podium-bundle 1\n"
#define BUNDLE_SIG_LEN 64
#define BUNDLE_KEY_LEN 32
#define BUNDLE_SECRET_LEN 64
#define BUNDLE_MAX_SIZE (512u * 1024 * 1024)

enum bundle_kind {
	BUNDLE_SITE,
	BUNDLE_HUB,
};

struct bundle {
	enum bundle_kind kind;
	int schema;
	char *hub_key;		/* text form (key_format()) */
	char *site;
	int64_t first, last, ack;
	char state[65];
	char prev[65];		/* hex of the chain value before first */
	struct change_list changes;	/* kind site: entries first .. last, in order */
};

/* Sign and lay out b; *out (free it) holds *len bytes. */
void bundle_write(const struct bundle *b, const unsigned char secret[BUNDLE_SECRET_LEN], unsigned char **out,
		  size_t *len);

/* True when data ends in a valid signature by public_key over the rest. */
bool bundle_verify(const unsigned char *data, size_t len, const unsigned char public_key[BUNDLE_KEY_LEN]);

/*
 * Read a verified bundle. ST_INVALID with a message for a malformed one;
 * ST_TOO_NEW for another schema version. Free with bundle_clear().
 */
enum status bundle_parse(const unsigned char *data, size_t len, struct bundle *out);
void bundle_clear(struct bundle *b);

/* Read a whole bundle file ('-' is standard input); free *out. */
enum status bundle_read_file(const char *path, unsigned char **out, size_t *len);

/* Write bytes to path, created anew ('-' is standard output). */
enum status bundle_write_file(const char *path, const unsigned char *data, size_t len);

/* ---- keys: ed25519, shown as one line "ed25519:BASE64" ---- */

char *key_format(const unsigned char public_key[BUNDLE_KEY_LEN]);
bool key_parse(const char *text, unsigned char public_key[BUNDLE_KEY_LEN]);

/*
 * A new key pair whose secret half goes to the state folder
 * ($XDG_STATE_HOME/podium/, 0700) as EVENT_ID.ROLE.key (0600). ST_EXISTS when
 * that file exists already: it is kept.
 */
enum status key_create(const char *event_id, const char *role, unsigned char public_key[BUNDLE_KEY_LEN]);

/* The secret key kept by key_create(); ST_NOT_FOUND with a message when it is missing. */
enum status key_load(const char *event_id, const char *role, unsigned char secret[BUNDLE_SECRET_LEN]);

#endif
