#include "config.h"
#include "podium/bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/journal.h"

struct buf {
	unsigned char *data;
	size_t len, cap;
};

static void buf_put(struct buf *b, const void *p, size_t n)
{
	PD_RESERVE(b->data, b->len + n, b->cap);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static void buf_line(struct buf *b, const char *name, const char *value)
{
	buf_put(b, name, strlen(name));
	buf_put(b, " ", 1);
	buf_put(b, value, strlen(value));
	buf_put(b, "\n", 1);
}

static void buf_number(struct buf *b, const char *name, int64_t n)
{
	char text[32];

	snprintf(text, sizeof(text), "%" PRId64, n);
	buf_line(b, name, text);
}

static void put_be(struct buf *b, uint64_t v, int bytes)
{
	unsigned char p[8];

	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * (bytes - 1 - i)));
	buf_put(b, p, (size_t)bytes);
}

static uint64_t get_be(const unsigned char *p, int bytes)
{
	uint64_t v = 0;

	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	return v;
}

/* libsodium's one-time set-up; safe to call again. */
static void crypto_ready(void)
{
	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
}

void bundle_write(const struct bundle *b, const unsigned char secret[BUNDLE_SECRET_LEN], unsigned char **out,
		  size_t *len)
{
	struct buf o = { 0 };
	unsigned char sig[BUNDLE_SIG_LEN];

	crypto_ready();
	buf_put(&o, BUNDLE_MAGIC, strlen(BUNDLE_MAGIC));
	buf_number(&o, "schema", b->schema);
	buf_line(&o, "kind", b->kind == BUNDLE_HUB ? "hub" : "site");
	buf_line(&o, "hub", b->hub_key);
	buf_line(&o, "site", b->site);
	buf_number(&o, "first", b->first);
	buf_number(&o, "last", b->last);
	buf_line(&o, "prev", b->prev);
	buf_number(&o, "ack", b->ack);
	buf_line(&o, "state", b->state[0] ? b->state : "-");
	buf_put(&o, "\n", 1);
	for (size_t i = 0; i < b->changes.count; i++) {
		const struct change_entry *e = &b->changes.items[i];

		put_be(&o, (uint64_t)e->seq, 8);
		put_be(&o, e->len, 4);
		buf_put(&o, e->data, e->len);
	}
	crypto_sign_detached(sig, NULL, o.data, o.len, secret);
	buf_put(&o, sig, sizeof(sig));
	*out = o.data;
	*len = o.len;
}

bool bundle_verify(const unsigned char *data, size_t len, const unsigned char public_key[BUNDLE_KEY_LEN])
{
	crypto_ready();
	if (len < BUNDLE_SIG_LEN + strlen(BUNDLE_MAGIC))
		return false;
	return crypto_sign_verify_detached(data + len - BUNDLE_SIG_LEN, data, len - BUNDLE_SIG_LEN, public_key) == 0;
}

void bundle_clear(struct bundle *b)
{
	free(b->hub_key);
	free(b->site);
	change_list_clear(&b->changes);
	memset(b, 0, sizeof(*b));
}

static bool parse_number(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return false;
	*out = v;
	return true;
}

static bool chain_hex_valid(const char *hex)
{
	return strlen(hex) == 2 * STORE_CHAIN_LEN && strspn(hex, "0123456789abcdef") == 2 * STORE_CHAIN_LEN;
}

/* One "name value" header line into b; false when it is not one podium writes. */
static bool header_field(struct bundle *b, const char *name, const char *value)
{
	int64_t n;

	if (strcmp(name, "schema") == 0 && parse_number(value, &n) && n < 100000)
		b->schema = (int)n;
	else if (strcmp(name, "kind") == 0 && (strcmp(value, "site") == 0 || strcmp(value, "hub") == 0))
		b->kind = strcmp(value, "hub") == 0 ? BUNDLE_HUB : BUNDLE_SITE;
	else if (strcmp(name, "hub") == 0 && !b->hub_key)
		b->hub_key = pd_strdup(value);
	else if (strcmp(name, "site") == 0 && !b->site && value[0])
		b->site = pd_strdup(value);
	else if (strcmp(name, "first") == 0 && parse_number(value, &n))
		b->first = n;
	else if (strcmp(name, "last") == 0 && parse_number(value, &n))
		b->last = n;
	else if (strcmp(name, "ack") == 0 && parse_number(value, &n))
		b->ack = n;
	else if (strcmp(name, "prev") == 0 && chain_hex_valid(value))
		snprintf(b->prev, sizeof(b->prev), "%s", value);
	else if (strcmp(name, "state") == 0 && strlen(value) < sizeof(b->state))
		snprintf(b->state, sizeof(b->state), "%s", strcmp(value, "-") == 0 ? "" : value);
	else
		return false;
	return true;
}

static enum status parse_header(const char *text, struct bundle *b)
{
	char *copy = pd_strdup(text), *save = NULL;
	bool ok = true;

	for (char *line = strtok_r(copy, "\n", &save); ok && line; line = strtok_r(NULL, "\n", &save)) {
		char *space = strchr(line, ' ');

		ok = space != NULL;
		if (ok) {
			*space = '\0';
			ok = header_field(b, line, space + 1);
		}
	}
	free(copy);
	if (!ok || !b->hub_key || !b->site || b->schema == 0 || !b->prev[0])
		return status_error(ST_INVALID, _("the bundle's header is malformed"));
	return ST_OK;
}

static enum status parse_entries(const unsigned char *p, size_t len, struct bundle *b)
{
	size_t cap = 0;
	int64_t expect = b->first;

	while (len > 0) {
		struct change_entry *e;
		uint64_t seq, n;

		if (len < 12)
			return status_error(ST_INVALID, _("the bundle's changes are cut short"));
		seq = get_be(p, 8);
		n = get_be(p + 8, 4);
		if (len - 12 < n)
			return status_error(ST_INVALID, _("the bundle's changes are cut short"));
		if (seq != (uint64_t)expect)
			return status_error(ST_INVALID, _("the bundle's changes are out of sequence"));
		PD_GROW(b->changes.items, b->changes.count, cap);
		e = &b->changes.items[b->changes.count++];
		e->seq = (int64_t)seq;
		e->len = (size_t)n;
		e->data = pd_malloc(n ? n : 1);
		memcpy(e->data, p + 12, n);
		p += 12 + n;
		len -= 12 + n;
		expect++;
	}
	if (expect != b->last + 1)
		return status_error(ST_INVALID, _("the bundle's changes do not match its sequence range"));
	return ST_OK;
}

enum status bundle_parse(const unsigned char *data, size_t len, struct bundle *out)
{
	size_t magic = strlen(BUNDLE_MAGIC), body;
	const unsigned char *end;
	enum status s;
	char *header;

	memset(out, 0, sizeof(*out));
	if (len < magic + BUNDLE_SIG_LEN || memcmp(data, BUNDLE_MAGIC, magic) != 0)
		return status_error(ST_INVALID, _("not a podium bundle, or of an unknown format"));
	len -= BUNDLE_SIG_LEN;
	end = memmem(data + magic, len - magic, "\n\n", 2);
	if (!end)
		return status_error(ST_INVALID, _("the bundle's header is malformed"));
	header = pd_strndup((const char *)data + magic, (size_t)(end - data) - magic + 1);
	if (strlen(header) != (size_t)(end - data) - magic + 1) {
		free(header);
		return status_error(ST_INVALID, _("the bundle's header is malformed"));
	}
	s = parse_header(header, out);
	free(header);
	if (s == ST_OK && out->schema != store_schema_version())
		s = status_error(ST_TOO_NEW, _("the bundle was written with schema %d and this file has schema %d;"
				 " run the same podium version on both sides"),
				 out->schema, store_schema_version());
	if (s == ST_OK && (out->first < 1 || out->first > out->last + 1))
		s = status_error(ST_INVALID, _("the bundle's sequence range is malformed"));
	body = (size_t)(end + 2 - data);
	if (s == ST_OK)
		s = parse_entries(end + 2, len - body, out);
	if (s != ST_OK)
		bundle_clear(out);
	return s;
}

/* ---- files ---- */

enum status bundle_read_file(const char *path, unsigned char **out, size_t *len)
{
	bool stdin_ = strcmp(path, "-") == 0;
	FILE *f = stdin_ ? stdin : fopen(path, "rbe");
	struct buf b = { 0 };
	unsigned char chunk[65536];
	size_t n;

	*out = NULL;
	*len = 0;
	if (!f)
		return status_error(ST_IO, _("cannot read '%s': %s"), path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > BUNDLE_MAX_SIZE) {
			free(b.data);
			if (!stdin_)
				fclose(f);
			return status_error(ST_INVALID, _("'%s' is too large for a bundle"), path);
		}
		buf_put(&b, chunk, n);
	}
	if (ferror(f)) {
		free(b.data);
		if (!stdin_)
			fclose(f);
		return status_error(ST_IO, _("cannot read '%s': %s"), path, strerror(errno));
	}
	if (!stdin_)
		fclose(f);
	*out = b.data;
	*len = b.len;
	return ST_OK;
}

enum status bundle_write_file(const char *path, const unsigned char *data, size_t len)
{
	bool stdout_ = strcmp(path, "-") == 0;
	int fd = stdout_ ? STDOUT_FILENO : open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
	size_t done = 0;

	if (fd < 0)
		return status_error(errno == EEXIST ? ST_EXISTS : ST_IO, _("cannot create '%s': %s"), path,
				    strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;

			if (!stdout_) {
				close(fd);
				unlink(path);
			}
			return status_error(ST_IO, _("cannot write '%s': %s"), path, strerror(e));
		}
		done += (size_t)w;
	}
	if (!stdout_ && (fsync(fd) != 0 || close(fd) != 0))
		return status_error(ST_IO, _("cannot write '%s': %s"), path, strerror(errno));
	return ST_OK;
}

/* ---- keys ---- */

#define KEY_PREFIX "ed25519:"

char *key_format(const unsigned char public_key[BUNDLE_KEY_LEN])
{
	char b64[64];

	sodium_bin2base64(b64, sizeof(b64), public_key, BUNDLE_KEY_LEN, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return pd_asprintf(KEY_PREFIX "%s", b64);
}

bool key_parse(const char *text, unsigned char public_key[BUNDLE_KEY_LEN])
{
	size_t n = 0;
	const char *end;

	if (strncmp(text, KEY_PREFIX, strlen(KEY_PREFIX)) != 0)
		return false;
	text += strlen(KEY_PREFIX);
	if (sodium_base642bin(public_key, BUNDLE_KEY_LEN, text, strlen(text), NULL, &n, &end,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return false;
	return n == BUNDLE_KEY_LEN && *end == '\0';
}

static char *secret_path(const char *event_id, const char *role)
{
	char *suffix = pd_asprintf(".%s.key", role), *path = journal_path(event_id, suffix);

	free(suffix);
	return path;
}

enum status key_create(const char *event_id, const char *role, unsigned char public_key[BUNDLE_KEY_LEN])
{
	unsigned char secret[BUNDLE_SECRET_LEN];
	char b64[128], *path = secret_path(event_id, role);
	enum status s = ST_OK;
	FILE *f;
	int fd;

	crypto_ready();
	if (!path)
		return status_error(ST_IO, _("no state folder to keep the signing key in; set HOME or XDG_STATE_HOME"));
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		s = status_error(errno == EEXIST ? ST_EXISTS : ST_IO, _("cannot create the signing key '%s': %s"), path,
				 strerror(errno));
		free(path);
		return s;
	}
	crypto_sign_keypair(public_key, secret);
	sodium_bin2base64(b64, sizeof(b64), secret, sizeof(secret), sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(secret, sizeof(secret));
	f = fdopen(fd, "w");
	if (!f || fprintf(f, "%s\n", b64) < 0 || fflush(f) != 0 || fsync(fd) != 0)
		s = status_error(ST_IO, _("cannot write the signing key '%s': %s"), path, strerror(errno));
	if (f)
		fclose(f);
	else
		close(fd);
	if (s != ST_OK)
		unlink(path);
	sodium_memzero(b64, sizeof(b64));
	free(path);
	return s;
}

enum status key_load(const char *event_id, const char *role, unsigned char secret[BUNDLE_SECRET_LEN])
{
	char *path = secret_path(event_id, role), line[256];
	enum status s = ST_OK;
	size_t n = 0;
	FILE *f;

	if (!path)
		return status_error(ST_NOT_FOUND, _("no state folder with the signing key; set HOME or XDG_STATE_HOME"));
	f = fopen(path, "re");
	if (!f) {
		s = status_error(ST_NOT_FOUND, _("the signing key '%s' is missing (%s): this account did not set up"
				 " this file, or the key was lost"), path, strerror(errno));
		free(path);
		return s;
	}
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	if (sodium_base642bin(secret, BUNDLE_SECRET_LEN, line, strlen(line), NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || n != BUNDLE_SECRET_LEN)
		s = status_error(ST_CORRUPT, _("the signing key '%s' is damaged"), path);
	sodium_memzero(line, sizeof(line));
	free(path);
	return s;
}
