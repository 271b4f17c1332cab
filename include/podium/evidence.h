#ifndef PODIUM_EVIDENCE_H
#define PODIUM_EVIDENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * The secrets that make the audit log evidence, kept outside the event file in
 * the running account's state folder ($XDG_STATE_HOME/podium, by default
 * ~/.local/state/podium, mode 0700):
 *
 *   <event id>.key    32 random bytes (0600): keys the audit chain and the PIN hashes
 *   <event id>.head   "SEQ HASH PATH\n": the last audit row this account wrote, and the
 *                     file it wrote it in (0600); a copy elsewhere (a backup) is not held to it
 *
 * Someone who can write the event file but cannot read this folder can neither
 * forge a keyed row nor truncate the log without 'podium check' seeing it.
 */
#define EVIDENCE_KEY_BYTES 32

/* The state folder, newly allocated. */
char *evidence_dir(void);

/* Create the key of a new event (refuses to replace one). ST_IO with a message when it cannot. */
enum status evidence_key_create(const char *event_id);

/* Remove the key and head of an event that was not made after all. */
void evidence_forget(const char *event_id);

/* Read the key of event_id into key; false when this account has none (or cannot read it). */
bool evidence_key_load(const char *event_id, unsigned char key[EVIDENCE_KEY_BYTES]);

/* The event's id and key for st, cached per event: false when the file has no event or there is no key. */
bool evidence_store_key(struct store *st, char event_id[ID_LEN + 1], unsigned char key[EVIDENCE_KEY_BYTES]);

/*
 * The last audit row this account wrote for event_id, and the real path of the
 * file (newly allocated into *path); false when there is no head.
 */
bool evidence_head_read(const char *event_id, int64_t *seq, char hash[65], char **path);

/*
 * Record seq and hash in file db_path as the head, atomically (a temporary file
 * renamed), unless a later row of the same file is there.
 */
void evidence_head_write(const char *event_id, int64_t seq, const char *hash, const char *db_path);

/* The real path of a file (symbolic links resolved), newly allocated; a copy of path when it cannot. */
char *evidence_real_path(const char *path);

#endif
