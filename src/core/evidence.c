#include "config.h"
#include "podium/evidence.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/store.h"

STMT_DEFINE(q_audit_event_id, "SELECT id FROM event");

char *evidence_dir(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (state && state[0] == '/')
		return pd_asprintf("%s/podium", state);
	if (!home || !home[0]) {
		struct passwd *pw = getpwuid(geteuid());

		home = pw && pw->pw_dir ? pw->pw_dir : "/";
	}
	return pd_asprintf("%s/.local/state/podium", home);
}

static char *event_file(const char *event_id, const char *suffix)
{
	char *dir = evidence_dir(), *path = pd_asprintf("%s/%s.%s", dir, event_id, suffix);

	free(dir);
	return path;
}

/* mkdir -p, each new folder 0700. */
static int make_dirs(const char *path)
{
	char *p = pd_strdup(path);
	int rc = 0;

	for (char *slash = strchr(p + 1, '/');; slash = strchr(slash + 1, '/')) {
		if (slash)
			*slash = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		if (!slash || rc)
			break;
		*slash = '/';
	}
	free(p);
	return rc;
}

static bool write_all(int fd, const void *buf, size_t n)
{
	const char *b = buf;

	while (n) {
		ssize_t w = write(fd, b, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		b += w;
		n -= (size_t)w;
	}
	return true;
}

enum status evidence_key_create(const char *event_id)
{
	unsigned char key[EVIDENCE_KEY_BYTES];
	char *dir = evidence_dir(), *path = event_file(event_id, "key");
	enum status s = ST_OK;
	int fd = -1;

	if (sodium_init() < 0)
		pd_die(_("cannot initialise libsodium"));
	if (make_dirs(dir) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	randombytes_buf(key, sizeof(key));
	if (fd < 0 || !write_all(fd, key, sizeof(key)) || fsync(fd) != 0)
		s = status_error(ST_IO, _("cannot write the event's audit key in %s: %s"), dir, strerror(errno));
	if (fd >= 0 && close(fd) != 0 && s == ST_OK)
		s = status_error(ST_IO, _("cannot write the event's audit key in %s: %s"), dir, strerror(errno));
	sodium_memzero(key, sizeof(key));
	free(dir);
	free(path);
	return s;
}

void evidence_forget(const char *event_id)
{
	char *key = event_file(event_id, "key"), *head = event_file(event_id, "head");

	unlink(key);
	unlink(head);
	free(key);
	free(head);
}

bool evidence_key_load(const char *event_id, unsigned char key[EVIDENCE_KEY_BYTES])
{
	char *path = event_file(event_id, "key");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, key, EVIDENCE_KEY_BYTES) : -1;

	if (fd >= 0)
		close(fd);
	free(path);
	return n == EVIDENCE_KEY_BYTES;
}

/* One cache per process: a command or console works on one event. */
static struct {
	char event_id[ID_LEN + 1];
	bool present;
	unsigned char key[EVIDENCE_KEY_BYTES];
} cache;

bool evidence_store_key(struct store *st, char event_id[ID_LEN + 1], unsigned char key[EVIDENCE_KEY_BYTES])
{
	char *id = NULL;

	if (query_first_text(store_query(st, &q_audit_event_id), &id) != ST_OK || !id)
		return false;
	if (strcmp(cache.event_id, id) != 0) {
		snprintf(cache.event_id, sizeof(cache.event_id), "%s", id);
		cache.present = evidence_key_load(id, cache.key);
	}
	free(id);
	snprintf(event_id, ID_LEN + 1, "%s", cache.event_id);
	if (cache.present)
		memcpy(key, cache.key, EVIDENCE_KEY_BYTES);
	return cache.present;
}

char *evidence_real_path(const char *path)
{
	char *real = realpath(path, NULL);

	if (!real)
		return pd_strdup(path);
	{
		char *copy = pd_strdup(real);

		free(real);
		return copy;
	}
}

bool evidence_head_read(const char *event_id, int64_t *seq, char hash[65], char **path)
{
	char *file = event_file(event_id, "head"), *line = NULL;
	FILE *f = fopen(file, "re");
	size_t cap = 0;
	int used = 0;
	bool ok = false;

	*path = NULL;
	if (f && getline(&line, &cap, f) > 0 && sscanf(line, "%" SCNd64 " %64s %n", seq, hash, &used) == 2 &&
	    used > 0 && strlen(hash) == 64) {
		line[strcspn(line, "\n")] = '\0';
		*path = pd_strdup(line + used);
		ok = true;
	}
	if (f)
		fclose(f);
	free(line);
	free(file);
	return ok;
}

void evidence_head_write(const char *event_id, int64_t seq, const char *hash, const char *db_path)
{
	char *path = event_file(event_id, "head"), *tmp = pd_asprintf("%s.%ld", path, (long)getpid());
	char *real = evidence_real_path(db_path), *old_path = NULL, old_hash[65];
	char *line = pd_asprintf("%" PRId64 " %s %s\n", seq, hash, real);
	int64_t old_seq;
	int fd;

	if (evidence_head_read(event_id, &old_seq, old_hash, &old_path) && old_seq > seq &&
	    strcmp(old_path, real) == 0)
		goto out;	/* another process of this account wrote a later row */
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		bool ok = write_all(fd, line, strlen(line));

		if (close(fd) == 0 && ok && rename(tmp, path) == 0)
			goto out;
		unlink(tmp);
	}
out:
	free(old_path);
	free(real);
	free(line);
	free(tmp);
	free(path);
}
