#include "config.h"
#include "podium/site.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "podium/board.h"
#include "podium/bundle.h"
#include "podium/changes.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/id.h"
#include "podium/people.h"
#include "podium/ranking.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_hub_self, "SELECT public_key FROM hub_self");
STMT_DEFINE(q_hub_self_insert, "INSERT INTO hub_self(one, public_key) VALUES (1, $public_key)");
STMT_DEFINE(q_hub_site_by_key, "SELECT name, public_key FROM hub_site WHERE name_key = $key");
STMT_DEFINE(q_hub_site_by_public_key, "SELECT name FROM hub_site WHERE public_key = $public_key");
STMT_DEFINE(q_hub_site_insert,
	    "INSERT INTO hub_site(id, name, name_key, public_key, added_at) VALUES ($id, $name, $key, $public_key, $now)");
STMT_DEFINE(q_mirror_self_insert, "INSERT INTO mirror_self(one, site) VALUES (1, $site)");
STMT_DEFINE(q_hub_sites, "SELECT name, public_key FROM hub_site ORDER BY name_key");
enum { SITE_NAME, SITE_KEY };
STMT_DEFINE(q_mirror_self,
	    "SELECT site, last_seq, bundles, last_at, claimed_seq, claimed_state, chain FROM mirror_self");
enum {
	MIRROR_SITE, MIRROR_LAST_SEQ, MIRROR_BUNDLES, MIRROR_LAST_AT, MIRROR_CLAIMED_SEQ, MIRROR_CLAIMED_STATE,
	MIRROR_CHAIN
};
STMT_DEFINE(q_mirror_advance,
	    "UPDATE mirror_self SET last_seq = $last, bundles = bundles + 1, last_at = $now, claimed_seq = $last,"
	    " claimed_state = $state, chain = $chain");
STMT_DEFINE(q_mirror_pending_prune, "DELETE FROM mirror_pending WHERE last_seq < $next");
STMT_DEFINE(q_mirror_pending_next,
	    "SELECT bundle FROM mirror_pending WHERE first_seq <= $next AND last_seq >= $next"
	    " ORDER BY last_seq DESC LIMIT 1");
enum { PENDING_BUNDLE };
STMT_DEFINE(q_mirror_pending_insert,
	    "INSERT OR IGNORE INTO mirror_pending(first_seq, last_seq, bundle) VALUES ($first, $last, $bundle)");
STMT_DEFINE(q_hub_site_seen,
	    "UPDATE hub_site SET bundles_seen = bundles_seen + 1 WHERE name = $name");
STMT_DEFINE(q_mirror_counts, "SELECT (SELECT count(*) FROM team), (SELECT count(*) FROM sheet)");
enum { COUNT_TEAMS, COUNT_SHEETS };
STMT_DEFINE(q_mirror_pending_count, "SELECT count(*) FROM mirror_pending");
STMT_DEFINE(q_hub_team_set_site, "UPDATE team SET site = $site WHERE id = $id");
STMT_DEFINE(q_hub_finalists_count, "SELECT count(*) FROM team WHERE site <> ''");
STMT_DEFINE(q_hub_site_json,
	    "SELECT json_object('site', $site, 'bundles', $bundles, 'last_seq', $last, 'teams', $teams,"
	    " 'sheets', $sheets, 'pending', $pending, 'in_sync', json(iif($in_sync, 'true', 'false')),"
	    " 'last_bundle', $last_bundle)");

/* The side of the hub: pin the sites' keys, apply their bundles to their mirrors, rank, run the final. */

static enum status first_text(struct store *st, struct stmt *id, char **out)
{
	return query_first_text(store_query(st, id), out);
}

enum status hub_public_key(struct store *st, char **out)
{
	enum status s = first_text(st, &q_hub_self, out);

	if (s == ST_NOT_FOUND)
		return status_error(ST_INVALID, _("this event file is not a hub; create one with 'podium hub init'"));
	return s;
}

static enum status write_hub_self(struct store *st, void *arg)
{
	struct query *q = store_query(st, &q_hub_self_insert);

	query_bind_text(q, "$public_key", arg);
	return query_exec(q);
}

enum status hub_init(struct store *st, char **public_key)
{
	unsigned char pk[BUNDLE_KEY_LEN];
	struct event e;
	enum status s = event_get(st, &e);

	*public_key = NULL;
	if (s != ST_OK)
		return s;
	s = key_create(e.id, "hub", pk);
	event_clear(&e);
	if (s != ST_OK)
		return s;
	*public_key = key_format(pk);
	s = store_write(st, write_hub_self, *public_key);
	if (s != ST_OK) {
		free(*public_key);
		*public_key = NULL;
	}
	return s;
}

char *hub_mirror_path(struct store *st, const char *name)
{
	return pd_asprintf("%s.sites/%s.db", store_path(st), name);
}

struct add_ctx {
	const char *name, *key;
};

static enum status write_hub_site(struct store *st, void *arg)
{
	struct add_ctx *a = arg;
	char id[ID_LEN + 1], *key = text_key(a->name);
	struct query *q = store_query(st, &q_hub_site_by_key);
	enum status s;

	query_bind_text(q, "$key", key);
	s = query_step(q);
	query_reset(q);
	if (s == ST_ROW) {
		free(key);
		return status_error(ST_CONFLICT, _("the hub has a site named '%s' already"), a->name);
	}
	q = store_query(st, &q_hub_site_by_public_key);
	query_bind_text(q, "$public_key", a->key);
	s = query_step(q);
	query_reset(q);
	if (s == ST_ROW) {
		free(key);
		return status_error(ST_CONFLICT, _("that key belongs to another site already"));
	}
	id_new(id);
	q = store_query(st, &q_hub_site_insert);
	query_bind_text(q, "$id", id);
	query_bind_text(q, "$name", a->name);
	query_bind_text(q, "$key", key);
	query_bind_text(q, "$public_key", a->key);
	query_bind_int(q, "$now", clock_now());
	free(key);
	return query_exec(q);
}

static enum status write_mirror_self(struct store *st, void *arg)
{
	struct query *q = store_query(st, &q_mirror_self_insert);

	query_bind_text(q, "$site", arg);
	return query_exec(q);
}

/* A new, empty mirror for site name; the folder beside the hub is made when missing. */
static enum status create_mirror(struct store *st, const char *name)
{
	char *folder = pd_asprintf("%s.sites", store_path(st)), *path = hub_mirror_path(st, name);
	struct store *m = NULL;
	enum status s = ST_OK;

	if (mkdir(folder, 0777) != 0 && errno != EEXIST)
		s = status_error(ST_IO, _("cannot create '%s': %s"), folder, strerror(errno));
	if (s == ST_OK)
		s = store_create(path, &m);
	if (s == ST_OK) {
		s = store_write(m, write_mirror_self, (void *)name);
		store_close(m);
		if (s != ST_OK)
			unlink(path);
	}
	free(folder);
	free(path);
	return s;
}

static void remove_mirror(struct store *st, const char *name)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char *path = hub_mirror_path(st, name);

	for (size_t i = 0; i < PD_ARRAY_LEN(suffixes); i++) {
		char *f = pd_asprintf("%s%s", path, suffixes[i]);

		unlink(f);
		free(f);
	}
	free(path);
}

enum status hub_add_site(struct store *st, const char *name, const char *key)
{
	unsigned char pk[BUNDLE_KEY_LEN];
	struct add_ctx a = { name, key };
	char *own = NULL;
	enum status s = hub_public_key(st, &own);

	if (s != ST_OK)
		return s;
	if (!site_name_valid(name))
		s = status_error(ST_INVALID, _("a site's name is 1 to 40 letters, digits, '-', '_' or '.'"
				 " (ASCII), not '%s'"), name);
	else if (!key_parse(key, pk))
		s = status_error(ST_INVALID, _("'%s' is not a site key; copy the line 'podium site join' prints"), key);
	else if (strcmp(key, own) == 0)
		s = status_error(ST_INVALID, _("that is the hub's own key, not a site's"));
	free(own);
	if (s == ST_OK)
		s = create_mirror(st, name);
	if (s == ST_OK) {
		s = store_write(st, write_hub_site, &a);
		if (s != ST_OK)
			remove_mirror(st, name);
	}
	return s;
}

/* ---- applying a site's bundle ---- */

struct site_key {
	char *name;
	char *key;
};

static void site_keys_clear(struct site_key *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(k[i].name);
		free(k[i].key);
	}
	free(k);
}

static enum status site_keys(struct store *st, struct site_key **out, size_t *count)
{
	struct query *q = store_query(st, &q_hub_sites);
	size_t cap = 0;
	enum status s;

	*out = NULL;
	*count = 0;
	while ((s = query_step(q)) == ST_ROW) {
		PD_GROW(*out, *count, cap);
		(*out)[*count].name = pd_strdup(query_text(q, SITE_NAME));
		(*out)[(*count)++].key = pd_strdup(query_text(q, SITE_KEY));
	}
	if (s != ST_DONE) {
		site_keys_clear(*out, *count);
		*out = NULL;
		*count = 0;
		return s;
	}
	return ST_OK;
}

/* The site whose pinned key signed data (its index), or -1. */
static int signer(const struct site_key *keys, size_t n, const unsigned char *data, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char pk[BUNDLE_KEY_LEN];

		if (key_parse(keys[i].key, pk) && bundle_verify(data, len, pk))
			return (int)i;
	}
	return -1;
}

/* Everything a site's bundle must be before its changes are looked at, in the order checked. */
static enum status check_site_bundle(const char *own_key, const char *site, const unsigned char *data,
				     size_t len, struct bundle *b)
{
	enum status s = bundle_parse(data, len, b);

	if (s != ST_OK)
		return s;
	if (b->kind != BUNDLE_SITE)
		s = status_error(ST_INVALID, _("the bundle is the hub's own; apply it on its site with 'podium site apply'"));
	else if (strcmp(b->hub_key, own_key) != 0)
		s = status_error(ST_INVALID, _("the bundle is for another hub"));
	else if (strcmp(b->site, site) != 0)
		s = status_error(ST_INVALID, _("the bundle says it comes from '%s' but is signed by the site '%s'"),
				 b->site, site);
	for (size_t i = 0; s == ST_OK && i < b->changes.count; i++)
		s = store_changes_check(b->changes.items[i].data, b->changes.items[i].len);
	if (s != ST_OK)
		bundle_clear(b);
	return s;
}

struct mirror_ctx {
	const char *own_key, *site, *site_key;
	const unsigned char *data;	/* the bundle as it came */
	size_t len;
	const struct bundle *b;
	struct hub_apply_report *r;
};

/* How far a mirror follows its site. */
struct mirror_pos {
	int64_t last;				/* the last entry applied */
	unsigned char chain[STORE_CHAIN_LEN];	/* the site's chain value at last */
	bool chained;		/* false for a mirror that applied changes before chains, until its next bundle */
};

static enum status mirror_position(struct store *m, struct mirror_pos *pos)
{
	struct query *q = store_query(m, &q_mirror_self);
	enum status s = query_step(q);
	const void *chain;
	size_t len = 0;

	if (s == ST_DONE)
		return status_error(ST_CORRUPT, _("the site's mirror file is not one; run 'podium check' on it"));
	if (s != ST_ROW)
		return s;
	pos->last = query_int(q, MIRROR_LAST_SEQ);
	chain = query_blob(q, MIRROR_CHAIN, &len);
	pos->chained = chain && len == STORE_CHAIN_LEN;
	if (pos->chained)
		memcpy(pos->chain, chain, STORE_CHAIN_LEN);
	query_reset(q);
	return ST_OK;
}

static enum status chain_broken(const char *site, int64_t at)
{
	return status_error(ST_INVALID, _("the bundle does not continue the changes the hub holds from the site '%s'"
			    " (up to %lld): the site's file was restored from an older copy, or another file"
			    " signs as this site"), site, (long long)at);
}

/*
 * The site's chain value after b's last entry, from b's prev, into out. Where b
 * meets what the mirror holds (it starts at or before the entry after pos->last
 * and reaches pos->last), its value at pos->last must be the mirror's, or
 * ST_INVALID: the same numbers, but not the same stream.
 */
static enum status follow_chain(const char *site, const struct bundle *b, const struct mirror_pos *pos,
				unsigned char out[STORE_CHAIN_LEN])
{
	if (sodium_hex2bin(out, STORE_CHAIN_LEN, b->prev, strlen(b->prev), NULL, NULL, NULL) != 0)
		return status_error(ST_INVALID, _("the bundle's header is malformed"));
	if (pos->chained && b->first - 1 == pos->last && memcmp(out, pos->chain, STORE_CHAIN_LEN) != 0)
		return chain_broken(site, pos->last);
	for (size_t i = 0; i < b->changes.count; i++) {
		const struct change_entry *e = &b->changes.items[i];

		store_chain_next(out, e->seq, e->data, e->len);
		if (pos->chained && e->seq == pos->last && memcmp(out, pos->chain, STORE_CHAIN_LEN) != 0)
			return chain_broken(site, pos->last);
	}
	return ST_OK;
}

/* Apply the entries of b after pos->last and move the mirror to b->last, whose chain value is chain. */
static enum status advance(struct store *m, const struct bundle *b, struct mirror_pos *pos,
			   const unsigned char chain[STORE_CHAIN_LEN])
{
	struct query *q;
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < b->changes.count; i++)
		if (b->changes.items[i].seq > pos->last)
			s = store_changes_apply(m, b->changes.items[i].data, b->changes.items[i].len);
	if (s != ST_OK)
		return s;
	q = store_query(m, &q_mirror_advance);
	query_bind_int(q, "$last", b->last);
	query_bind_int(q, "$now", clock_now());
	query_bind_text(q, "$state", b->state);
	query_bind_blob(q, "$chain", chain, STORE_CHAIN_LEN);
	s = query_exec(q);
	if (s == ST_OK) {
		pos->last = b->last;
		memcpy(pos->chain, chain, STORE_CHAIN_LEN);
		pos->chained = true;
	}
	return s;
}

/* Forget the bundles kept aside that the mirror holds entirely now. */
static enum status prune_pending(struct store *m, int64_t last)
{
	struct query *q = store_query(m, &q_mirror_pending_prune);

	query_bind_int(q, "$next", last + 1);
	return query_exec(q);
}

/* A kept-aside bundle whose chain does not meet the mirror's: say which one it is. */
static enum status aside_broken(const struct bundle *b)
{
	char *why = pd_strdup(status_message(ST_INVALID));
	enum status s = status_error(ST_INVALID, _("a bundle kept aside (changes %lld to %lld) is refused: %s"),
				     (long long)b->first, (long long)b->last, why);

	free(why);
	return s;
}

/* Bundles kept aside that now follow on: applied in turn (each checked again, as on arrival). */
static enum status catch_up(struct store *m, struct mirror_ctx *c, struct mirror_pos *pos)
{
	unsigned char pk[BUNDLE_KEY_LEN];
	enum status s = ST_OK;

	if (!key_parse(c->site_key, pk))
		return status_set(ST_INTERNAL);
	for (;;) {
		struct query *q = store_query(m, &q_mirror_pending_next);
		unsigned char *copy;
		size_t len;
		const void *data;
		unsigned char chain[STORE_CHAIN_LEN];
		struct bundle b;

		query_bind_int(q, "$next", pos->last + 1);
		s = query_step(q);
		if (s != ST_ROW)
			break;
		data = query_blob(q, PENDING_BUNDLE, &len);
		copy = pd_malloc(len ? len : 1);
		memcpy(copy, data, len);
		query_reset(q);
		s = bundle_verify(copy, len, pk) ? check_site_bundle(c->own_key, c->site, copy, len, &b)
						  : status_error(ST_INVALID, _("a bundle kept aside lost its signature"));
		free(copy);
		if (s == ST_OK) {
			s = follow_chain(c->site, &b, pos, chain);
			s = s == ST_OK ? advance(m, &b, pos, chain) : aside_broken(&b);
			bundle_clear(&b);
		}
		if (s != ST_OK)
			return s;
	}
	return s == ST_DONE ? prune_pending(m, pos->last) : s;
}

static enum status keep_aside(struct store *m, struct mirror_ctx *c)
{
	struct query *q = store_query(m, &q_mirror_pending_insert);

	query_bind_int(q, "$first", c->b->first);
	query_bind_int(q, "$last", c->b->last);
	query_bind_blob(q, "$bundle", c->data, c->len);
	return query_exec(q);
}

static enum status apply_to_mirror(struct store *m, void *arg)
{
	struct mirror_ctx *c = arg;
	unsigned char chain[STORE_CHAIN_LEN];
	struct mirror_pos pos;
	enum status s = mirror_position(m, &pos);

	if (s != ST_OK)
		return s;
	if (c->b->first > pos.last + 1) {
		c->r->outcome = HUB_KEPT_ASIDE;
		s = keep_aside(m, c);
	} else if ((s = follow_chain(c->site, c->b, &pos, chain)) != ST_OK) {
		return s;
	} else if (c->b->last <= pos.last) {
		c->r->outcome = HUB_DUPLICATE;
	} else {
		c->r->outcome = HUB_APPLIED;
		s = advance(m, c->b, &pos, chain);
		if (s == ST_OK)
			s = catch_up(m, c, &pos);
	}
	c->r->now_at = pos.last;
	return s;
}

/* The hub file notes each bundle, so its consoles (which watch the hub file) reload the mirrors. */
static enum status note_bundle(struct store *st, void *name)
{
	struct query *q = store_query(st, &q_hub_site_seen);

	query_bind_text(q, "$name", name);
	return query_exec(q);
}

static enum status open_mirror(struct store *st, const char *site, struct store **out)
{
	char *path = hub_mirror_path(st, site);
	enum status s = store_open(path, out);

	if (s != ST_OK)
		s = status_error(s, _("the mirror of the site '%s' cannot be opened (%s)"), site, status_message(s));
	free(path);
	return s;
}

enum status hub_apply(struct store *st, const unsigned char *data, size_t len, struct hub_apply_report *r)
{
	struct site_key *keys = NULL;
	size_t nkeys = 0;
	char *own = NULL;
	struct bundle b;
	struct store *m;
	int who = -1;
	enum status s = hub_public_key(st, &own);

	memset(r, 0, sizeof(*r));
	if (s == ST_OK)
		s = site_keys(st, &keys, &nkeys);
	if (s == ST_OK && (who = signer(keys, nkeys, data, len)) < 0) {
		unsigned char pk[BUNDLE_KEY_LEN];

		if (key_parse(own, pk) && bundle_verify(data, len, pk))
			s = status_error(ST_INVALID, _("the bundle is the hub's own; apply it on its site with 'podium site apply'"));
		else
			s = status_error(ST_INVALID, _("the bundle is signed by no site added with 'podium hub add-site':"
					 " it is damaged, forged or from an unknown site"));
	}
	if (s == ST_OK)
		s = check_site_bundle(own, keys[who].name, data, len, &b);
	if (s == ST_OK) {
		struct mirror_ctx c = { own, keys[who].name, keys[who].key, data, len, &b, r };

		snprintf(r->site, sizeof(r->site), "%s", keys[who].name);
		r->first = b.first;
		r->last = b.last;
		s = open_mirror(st, keys[who].name, &m);
		if (s == ST_OK) {
			s = store_write(m, apply_to_mirror, &c);
			store_close(m);
		}
		if (s == ST_OK)
			s = store_write(st, note_bundle, keys[who].name);
		bundle_clear(&b);
	}
	site_keys_clear(keys, nkeys);
	free(own);
	return s;
}

/* ---- what goes back, and what the hub shows ---- */

enum status hub_find_site(struct store *st, const char *name, char **out)
{
	char *key = text_key(name);
	struct query *q = store_query(st, &q_hub_site_by_key);
	enum status s;

	query_bind_text(q, "$key", key);
	free(key);
	s = query_first_text(q, out);
	if (s == ST_NOT_FOUND)
		return status_error(ST_NOT_FOUND, _("the hub has no site '%s'; see 'podium hub sites'"), name);
	return s;
}

enum status hub_export(struct store *st, const char *name, unsigned char **out, size_t *len, int64_t *ack)
{
	unsigned char secret[BUNDLE_SECRET_LEN];
	struct bundle b = { .kind = BUNDLE_HUB, .schema = store_schema_version(), .first = 1 };
	unsigned char zero[STORE_CHAIN_LEN] = { 0 };
	struct mirror_pos pos;
	struct store *m;
	struct event e;
	enum status s = hub_public_key(st, &b.hub_key);

	sodium_bin2hex(b.prev, sizeof(b.prev), zero, sizeof(zero));	/* it carries nothing: before entry 1 */
	if (s == ST_OK)
		s = hub_find_site(st, name, &b.site);
	if (s == ST_OK)
		s = open_mirror(st, b.site, &m);
	if (s == ST_OK) {
		s = mirror_position(m, &pos);
		if (s == ST_OK)
			b.ack = pos.last;
		store_close(m);
	}
	if (s == ST_OK)
		s = event_get(st, &e);
	if (s == ST_OK) {
		s = key_load(e.id, "hub", secret);
		event_clear(&e);
	}
	if (s == ST_OK) {
		bundle_write(&b, secret, out, len);
		*ack = b.ack;
	}
	memset(secret, 0, sizeof(secret));
	bundle_clear(&b);
	return s;
}

static int64_t count_of(struct store *m, struct stmt *id)
{
	char *text = NULL;
	int64_t n = 0;

	if (first_text(m, id, &text) == ST_OK)
		n = strtoll(text, NULL, 10);
	free(text);
	return n;
}

static enum status read_site(struct store *m, void *arg)
{
	struct hub_site_info *info = arg;
	struct query *q = store_query(m, &q_mirror_self);
	char claimed[65] = "", now[65];
	enum status s = query_step(q);

	if (s != ST_ROW)
		return s == ST_DONE ? status_error(ST_CORRUPT, _("the site's mirror file is not one")) : s;
	info->last_seq = query_int(q, MIRROR_LAST_SEQ);
	info->bundles = query_int(q, MIRROR_BUNDLES);
	info->last_at = query_is_null(q, MIRROR_LAST_AT) ? 0 : query_int(q, MIRROR_LAST_AT);
	snprintf(claimed, sizeof(claimed), "%s", query_text(q, MIRROR_CLAIMED_STATE));
	query_reset(q);
	q = store_query(m, &q_mirror_counts);
	s = query_step(q);
	if (s != ST_ROW)
		return s;
	info->teams = query_int(q, COUNT_TEAMS);
	info->sheets = query_int(q, COUNT_SHEETS);
	query_reset(q);
	info->pending = count_of(m, &q_mirror_pending_count);
	s = store_state_hash(m, now);
	info->in_sync = s == ST_OK && info->bundles > 0 && info->pending == 0 && strcmp(claimed, now) == 0;
	return s;
}

void hub_sites_clear(struct hub_site_info *items, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(items[i].name);
	free(items);
}

enum status hub_sites(struct store *st, struct hub_site_info **out, size_t *count)
{
	struct site_key *keys = NULL;
	size_t nkeys = 0;
	char *own = NULL;
	enum status s = hub_public_key(st, &own);

	free(own);
	*out = NULL;
	*count = 0;
	if (s == ST_OK)
		s = site_keys(st, &keys, &nkeys);
	if (s == ST_OK && nkeys)
		*out = pd_calloc(nkeys, sizeof(**out));
	for (size_t i = 0; s == ST_OK && i < nkeys; i++) {
		struct hub_site_info *info = &(*out)[(*count)++];
		struct store *m;

		info->name = pd_strdup(keys[i].name);
		s = open_mirror(st, keys[i].name, &m);
		if (s == ST_OK) {
			s = store_read(m, read_site, info);
			store_close(m);
		}
	}
	site_keys_clear(keys, nkeys);
	if (s != ST_OK) {
		hub_sites_clear(*out, *count);
		*out = NULL;
		*count = 0;
	}
	return s;
}

/* ---- the projector ---- */

/* The overall board of site name, moved into v (nothing during the site's ceremony). */
static enum status append_site_view(struct store *st, const char *name, struct board_views *v, size_t *cap)
{
	struct board_views site = { 0 };
	struct store *m;
	enum status s = open_mirror(st, name, &m);

	if (s != ST_OK)
		return s;
	s = board_views_load(m, &site);
	store_close(m);
	if (s == ST_OK && site.count && site.reveal_step < 0) {
		PD_GROW(v->items, v->count, *cap);
		v->items[v->count] = site.items[0];
		free(v->items[v->count].title);
		v->items[v->count++].title = pd_asprintf(_("site %s"), name);
		memset(&site.items[0], 0, sizeof(site.items[0]));
	}
	board_views_clear(&site);
	return s;
}

enum status hub_append_site_views(struct store *st, struct board_views *v)
{
	struct site_key *keys = NULL;
	size_t nkeys = 0;
	size_t cap = v->count;	/* the items v holds fill their allocation */
	char *own = NULL;
	enum status s;

	if (hub_public_key(st, &own) != ST_OK) {
		status_clear();
		return ST_OK;
	}
	free(own);
	s = site_keys(st, &keys, &nkeys);
	for (size_t i = 0; s == ST_OK && i < nkeys; i++)
		s = append_site_view(st, keys[i].name, v, &cap);
	site_keys_clear(keys, nkeys);
	return s;
}

/* ---- the final round ---- */

void hub_finalists_clear(struct hub_finalist *items, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(items[i].site);
		free(items[i].team);
	}
	free(items);
}

/* The top per_site ranked teams of each site, by its own official result. */
static enum status pick_finalists(struct store *st, int per_site, struct hub_finalist **out, size_t *count)
{
	struct site_key *keys = NULL;
	size_t nkeys = 0, cap = 0;
	enum status s = site_keys(st, &keys, &nkeys);

	for (size_t i = 0; s == ST_OK && i < nkeys; i++) {
		struct ranking r = { 0 };
		struct store *m;

		s = open_mirror(st, keys[i].name, &m);
		if (s == ST_OK) {
			s = ranking_compute(m, NULL, &r);
			store_close(m);
		}
		for (size_t k = 0; s == ST_OK && k < r.count && k < (size_t)per_site; k++) {
			if (r.rows[k].status != RANK_RANKED)
				break;
			PD_GROW(*out, *count, cap);
			(*out)[*count].site = pd_strdup(keys[i].name);
			(*out)[*count].team = pd_strdup(r.rows[k].team);
			(*out)[(*count)++].site_rank = r.rows[k].rank;
		}
		ranking_clear(&r);
	}
	site_keys_clear(keys, nkeys);
	return s;
}

struct final_ctx {
	struct hub_finalist *items;
	size_t count;
};

/* Add one finalist; a name another site's finalist holds gets its site after it. */
static enum status add_finalist(struct store *st, struct hub_finalist *f)
{
	struct team_spec spec = { .name = f->team };
	char id[ID_LEN + 1];
	struct query *q;
	enum status s = team_add(st, &spec, id);

	if (s == ST_CONFLICT) {
		char *name = pd_asprintf("%s (%s)", f->team, f->site);

		spec.name = name;
		s = team_add(st, &spec, id);
		if (s == ST_OK) {
			free(f->team);
			f->team = name;
		} else {
			free(name);
		}
	}
	if (s != ST_OK)
		return s;
	q = store_query(st, &q_hub_team_set_site);
	query_bind_text(q, "$site", f->site);
	query_bind_text(q, "$id", id);
	return query_exec(q);
}

static enum status write_finalists(struct store *st, void *arg)
{
	struct final_ctx *c = arg;
	char *n = NULL;
	enum status s = first_text(st, &q_hub_finalists_count, &n);

	if (s == ST_OK && strcmp(n, "0") != 0)
		s = status_error(ST_INVALID, _("the final round has its teams already"));
	free(n);
	for (size_t i = 0; s == ST_OK && i < c->count; i++)
		s = add_finalist(st, &c->items[i]);
	return s;
}

enum status hub_finalists(struct store *st, int per_site, struct hub_finalist **out, size_t *count)
{
	struct final_ctx c = { NULL, 0 };
	char *own = NULL;
	enum status s = hub_public_key(st, &own);

	free(own);
	*out = NULL;
	*count = 0;
	if (s == ST_OK)
		s = pick_finalists(st, per_site, &c.items, &c.count);
	if (s == ST_OK && c.count == 0)
		s = status_error(ST_INVALID, _("no site has a ranked team yet; apply their bundles first"));
	if (s == ST_OK)
		s = store_write(st, write_finalists, &c);
	if (s != ST_OK) {
		hub_finalists_clear(c.items, c.count);
		return s;
	}
	*out = c.items;
	*count = c.count;
	return ST_OK;
}

enum status hub_site_json(struct store *st, const struct hub_site_info *info, char **out)
{
	struct query *q = store_query(st, &q_hub_site_json);
	char when[17] = "";

	if (info->last_at)
		clock_format(clock_to_local(info->last_at), when);
	query_bind_text(q, "$site", info->name);
	query_bind_int(q, "$bundles", info->bundles);
	query_bind_int(q, "$last", info->last_seq);
	query_bind_int(q, "$teams", info->teams);
	query_bind_int(q, "$sheets", info->sheets);
	query_bind_int(q, "$pending", info->pending);
	query_bind_int(q, "$in_sync", info->in_sync);
	query_bind_text(q, "$last_bundle", when[0] ? when : NULL);
	return query_first_text(q, out);
}
