#include "config.h"
#include "podium/site.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podium/bundle.h"
#include "podium/changes.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/store.h"

/* Sites and the hub (site.c, hub.c, changes.c). */
STMT_DEFINE(q_site_self, "SELECT name, public_key, hub_key, acked FROM site_self");
enum { SELF_NAME, SELF_PUBLIC_KEY, SELF_HUB_KEY, SELF_ACKED };
STMT_DEFINE(q_site_self_insert,
	    "INSERT INTO site_self(one, name, public_key, hub_key) VALUES (1, $name, $public_key, $hub_key)");
STMT_DEFINE(q_outbox_last,
	    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)");
STMT_DEFINE(q_site_ack,
	    "UPDATE site_self SET acked = $acked, acked_chain = (SELECT chain FROM outbox WHERE seq = $acked)"
	    " WHERE acked < $acked");
STMT_DEFINE(q_site_acked_chain, "SELECT acked_chain FROM site_self");
enum { ACKED_CHAIN };
STMT_DEFINE(q_outbox_delete, "DELETE FROM outbox WHERE seq <= $upto");
STMT_DEFINE(q_hub_self, "SELECT public_key FROM hub_self");

/* The side of a site: join the hub, send what it has not acknowledged, take its acknowledgements. */

bool site_name_valid(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 40 || name[0] == '.')
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n;
}

struct site_self {
	char *name, *public_key, *hub_key;
	int64_t acked;
};

static void site_self_clear(struct site_self *s)
{
	free(s->name);
	free(s->public_key);
	free(s->hub_key);
	memset(s, 0, sizeof(*s));
}

/* The site's row; ST_INVALID with a message when st has not joined a hub. */
static enum status site_self_get(struct store *st, struct site_self *out)
{
	struct query *q = store_query(st, &q_site_self);
	enum status s = query_step(q);

	memset(out, 0, sizeof(*out));
	if (s == ST_DONE)
		return status_error(ST_INVALID, _("this event file is not a site; run 'podium site join' first"));
	if (s != ST_ROW)
		return s;
	out->name = pd_strdup(query_text(q, SELF_NAME));
	out->public_key = pd_strdup(query_text(q, SELF_PUBLIC_KEY));
	out->hub_key = pd_strdup(query_text(q, SELF_HUB_KEY));
	out->acked = query_int(q, SELF_ACKED);
	query_reset(q);
	return ST_OK;
}

static bool has_row(struct store *st, struct stmt *id)
{
	struct query *q = store_query(st, id);
	bool row = query_step(q) == ST_ROW;

	query_reset(q);
	return row;
}

struct join_ctx {
	const char *name, *public_key, *hub_key;
};

static enum status write_site_self(struct store *st, void *arg)
{
	struct join_ctx *j = arg;
	struct query *q;

	if (has_row(st, &q_site_self))
		return status_error(ST_INVALID, _("this event file has joined a hub already"));
	if (has_row(st, &q_hub_self))
		return status_error(ST_INVALID, _("this event file is a hub; a site needs its own event file"));
	q = store_query(st, &q_site_self_insert);
	query_bind_text(q, "$name", j->name);
	query_bind_text(q, "$public_key", j->public_key);
	query_bind_text(q, "$hub_key", j->hub_key);
	return query_exec(q);
}

static void forget_key(const char *event_id, const char *role)
{
	char *suffix = pd_asprintf(".%s.key", role), *path = journal_path(event_id, suffix);

	if (path)
		unlink(path);
	free(path);
	free(suffix);
}

enum status site_join(struct store *st, const char *name, const char *hub_key, char **public_key)
{
	unsigned char hub[BUNDLE_KEY_LEN], mine[BUNDLE_KEY_LEN];
	struct event e;
	struct join_ctx j;
	enum status s;

	*public_key = NULL;
	if (!site_name_valid(name))
		return status_error(ST_INVALID, _("a site's name is 1 to 40 letters, digits, '-', '_' or '.'"
				    " (ASCII), not '%s'"), name);
	if (!key_parse(hub_key, hub))
		return status_error(ST_INVALID, _("'%s' is not a hub key; copy the line 'podium hub key' prints"),
				    hub_key);
	if (has_row(st, &q_site_self))
		return status_error(ST_INVALID, _("this event file has joined a hub already"));
	s = event_get(st, &e);
	if (s != ST_OK)
		return s;
	s = key_create(e.id, "site", mine);
	if (s == ST_OK) {
		*public_key = key_format(mine);
		j = (struct join_ctx){ name, *public_key, hub_key };
		s = store_capture_start(st, write_site_self, &j);
		if (s != ST_OK)
			forget_key(e.id, "site");
	}
	event_clear(&e);
	if (s != ST_OK) {
		free(*public_key);
		*public_key = NULL;
	}
	return s;
}

/* The chain value at the last acknowledged entry, where a bundle starts, in hex. */
static enum status read_prev(struct store *st, char hex[2 * STORE_CHAIN_LEN + 1])
{
	struct query *q = store_query(st, &q_site_acked_chain);
	enum status s = query_step(q);
	size_t len = 0;
	const void *chain = s == ST_ROW ? query_blob(q, ACKED_CHAIN, &len) : NULL;

	if (s == ST_ROW && chain && len == STORE_CHAIN_LEN)
		sodium_bin2hex(hex, 2 * STORE_CHAIN_LEN + 1, chain, STORE_CHAIN_LEN);
	else if (s == ST_ROW || s == ST_DONE)
		s = status_error(ST_CORRUPT, _("the site's outbox has a gap; run 'podium check'"));
	query_reset(q);
	return s == ST_ROW ? ST_OK : s;
}

struct export_ctx {
	struct bundle b;
};

static enum status read_export(struct store *st, void *arg)
{
	struct export_ctx *x = arg;
	struct site_self self;
	char *last_text = NULL;
	enum status s = site_self_get(st, &self);

	if (s != ST_OK)
		return s;
	x->b.site = self.name;
	x->b.hub_key = self.hub_key;
	self.name = self.hub_key = NULL;
	x->b.first = self.acked + 1;
	site_self_clear(&self);
	s = query_first_text(store_query(st, &q_outbox_last), &last_text);
	if (s == ST_OK) {
		x->b.last = strtoll(last_text, NULL, 10);
		s = store_outbox_read(st, x->b.first - 1, &x->b.changes);
	}
	free(last_text);
	if (s == ST_OK)
		s = read_prev(st, x->b.prev);
	if (s == ST_OK)
		s = store_state_hash(st, x->b.state);
	return s;
}

enum status site_export(struct store *st, unsigned char **out, size_t *len, int64_t *first, int64_t *last)
{
	unsigned char secret[BUNDLE_SECRET_LEN];
	struct export_ctx x = { .b = { .kind = BUNDLE_SITE, .schema = store_schema_version() } };
	struct event e;
	enum status s = store_read(st, read_export, &x);

	if (s == ST_OK && x.b.changes.count != (size_t)(x.b.last - x.b.first + 1))
		s = status_error(ST_CORRUPT, _("the site's outbox has a gap; run 'podium check'"));
	if (s == ST_OK)
		s = event_get(st, &e);
	if (s == ST_OK) {
		s = key_load(e.id, "site", secret);
		event_clear(&e);
	}
	if (s == ST_OK) {
		bundle_write(&x.b, secret, out, len);
		*first = x.b.first;
		*last = x.b.last;
	}
	memset(secret, 0, sizeof(secret));
	bundle_clear(&x.b);
	return s;
}

struct ack_ctx {
	int64_t ack;
	bool changed;
};

static enum status write_ack(struct store *st, void *arg)
{
	struct ack_ctx *a = arg;
	struct site_self self;
	char *last_text = NULL;
	int64_t last;
	struct query *q;
	enum status s = site_self_get(st, &self);

	if (s != ST_OK)
		return s;
	a->changed = a->ack > self.acked;
	site_self_clear(&self);
	s = query_first_text(store_query(st, &q_outbox_last), &last_text);
	if (s != ST_OK)
		return s;
	last = strtoll(last_text, NULL, 10);
	free(last_text);
	if (a->ack > last)
		return status_error(ST_INVALID, _("the hub acknowledges changes %lld this site never made;"
				    " is it this site's bundle?"), (long long)a->ack);
	if (!a->changed)
		return ST_OK;
	q = store_query(st, &q_site_ack);
	query_bind_int(q, "$acked", a->ack);
	s = query_exec(q);
	if (s == ST_OK) {
		q = store_query(st, &q_outbox_delete);
		query_bind_int(q, "$upto", a->ack);
		s = query_exec(q);
	}
	return s;
}

/* The checks a hub's bundle must pass before the site takes it. */
static enum status check_hub_bundle(struct store *st, const unsigned char *data, size_t len, struct bundle *b)
{
	unsigned char hub[BUNDLE_KEY_LEN];
	struct site_self self;
	enum status s = site_self_get(st, &self);

	memset(b, 0, sizeof(*b));
	if (s != ST_OK)
		return s;
	if (!key_parse(self.hub_key, hub) || !bundle_verify(data, len, hub))
		s = status_error(ST_INVALID, _("the bundle is not signed by this site's hub: it is damaged, forged,"
				 " or a site's bundle (apply those on the hub)"));
	if (s == ST_OK)
		s = bundle_parse(data, len, b);
	if (s == ST_OK && b->kind != BUNDLE_HUB)
		s = status_error(ST_INVALID, _("the bundle is a site's; apply it on the hub with 'podium hub apply'"));
	else if (s == ST_OK && (strcmp(b->site, self.name) != 0 || strcmp(b->hub_key, self.hub_key) != 0))
		s = status_error(ST_INVALID, _("the bundle is for the site '%s', not this one ('%s')"), b->site,
				 self.name);
	else if (s == ST_OK && b->changes.count)
		s = status_error(ST_INVALID, _("the hub's bundle tries to change this site's records; refused"));
	if (s != ST_OK)
		bundle_clear(b);
	site_self_clear(&self);
	return s;
}

enum status site_apply(struct store *st, const unsigned char *data, size_t len, int64_t *ack, bool *changed)
{
	struct bundle b;
	struct ack_ctx a = { 0, false };
	enum status s = check_hub_bundle(st, data, len, &b);

	if (s != ST_OK)
		return s;
	a.ack = b.ack;
	bundle_clear(&b);
	s = store_write(st, write_ack, &a);
	*ack = a.ack;
	*changed = a.changed;
	return s;
}
