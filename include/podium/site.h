#ifndef PODIUM_SITE_H
#define PODIUM_SITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "podium/status.h"

struct store;

/*
 * An event in many cities. Each site runs its own event file; a hub file
 * gathers them. A site owns its records and sends them as signed bundles; the
 * hub keeps one mirror file per site beside it (HUB.sites/NAME.db, the same
 * schema, so each site's names and audit keep their own constraints), ranks
 * each site from its mirror, and runs the final round in its own file.
 */

/* A site's name: 1 to 40 ASCII letters, digits, '-', '_' or '.', not starting with '.'. */
bool site_name_valid(const char *name);

/* ---- on a site's file ---- */

/*
 * Make st a site of the hub whose public key is hub_key: a new signing key in
 * the state folder, the hub's key pinned, and every record so far as the first
 * change to send. *public_key (free it) is the site's key for 'hub add-site'.
 */
enum status site_join(struct store *st, const char *name, const char *hub_key, char **public_key);

/* Everything the hub has not acknowledged yet, as a signed bundle (*out, free it). */
enum status site_export(struct store *st, unsigned char **out, size_t *len, int64_t *first, int64_t *last);

/*
 * Apply a bundle from the hub: its acknowledgement lets the site forget what
 * the hub holds. *ack is the hub's acknowledgement; *changed false when it was
 * old news.
 */
enum status site_apply(struct store *st, const unsigned char *data, size_t len, int64_t *ack, bool *changed);

/* ---- on the hub's file ---- */

/* Make the new event file st a hub: its signing key; *public_key (free it). */
enum status hub_init(struct store *st, char **public_key);

/* The hub's public key (free it); ST_INVALID when st is not a hub. */
enum status hub_public_key(struct store *st, char **out);

/* Pin a site's key and create its mirror beside the hub file. */
enum status hub_add_site(struct store *st, const char *name, const char *key);

/* The site's name as added, from any case of it (free it); ST_NOT_FOUND with a message. */
enum status hub_find_site(struct store *st, const char *name, char **out);

/* The mirror file of site name (free it). */
char *hub_mirror_path(struct store *st, const char *name);

enum hub_outcome {
	HUB_APPLIED,		/* the mirror moved forward */
	HUB_DUPLICATE,		/* the hub held all of it already: nothing changed */
	HUB_KEPT_ASIDE,		/* it follows a bundle not yet here: kept until the gap fills */
};

struct hub_apply_report {
	char site[64];
	enum hub_outcome outcome;
	int64_t first, last;	/* what the bundle carried */
	int64_t now_at;		/* the mirror's sequence after it (kept-aside bundles that now fit included) */
};

/* Check a site's bundle and apply it to that site's mirror (podium(1), "Sites and the hub"). */
enum status hub_apply(struct store *st, const unsigned char *data, size_t len, struct hub_apply_report *r);

/* The acknowledgement for site name, as a signed bundle (*out, free it); *ack its sequence. */
enum status hub_export(struct store *st, const char *name, unsigned char **out, size_t *len, int64_t *ack);

struct hub_site_info {
	char *name;
	int64_t bundles, last_seq, last_at, teams, sheets, pending;
	bool in_sync;		/* the mirror's records hash as the site's did at its last bundle */
};

/* Every site, by name; free with hub_sites_clear(). */
enum status hub_sites(struct store *st, struct hub_site_info **out, size_t *count);
void hub_sites_clear(struct hub_site_info *items, size_t count);

/* One site of hub_sites() as a JSON object (its last bundle in local time, or null), newly allocated in *out. */
enum status hub_site_json(struct store *st, const struct hub_site_info *info, char **out);

struct board_views;

/*
 * On a hub, append each site's board (its official result, read from its
 * mirror, as frozen by the site if it is) to v, titled with the site's name,
 * for the projector to rotate through. A site in the middle of its ceremony is
 * left out, so the hub's screen gives nothing away. Nothing on another file.
 */
enum status hub_append_site_views(struct store *st, struct board_views *v);

struct hub_finalist {
	char *site;
	char *team;		/* the name on the hub */
	int site_rank;
};

/*
 * Each site's top per_site ranked teams (by its own official result) become
 * teams of the hub, with their site. Refused once the hub has finalists.
 */
enum status hub_finalists(struct store *st, int per_site, struct hub_finalist **out, size_t *count);
void hub_finalists_clear(struct hub_finalist *items, size_t count);

#endif
