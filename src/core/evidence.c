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
#include <sys/file.h>
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

/* Parse "SEQ HASH PATH\n" (the first line of text); *path newly allocated. */
static bool parse_head(char *text, int64_t *seq, char hash[65], char **path)
{
	int used = 0;

	text[strcspn(text, "\n")] = '\0';
	if (sscanf(text, "%" SCNd64 " %64s %n", seq, hash, &used) != 2 || used == 0 || strlen(hash) != 64)
		return false;
	*path = pd_strdup(text + used);
	return true;
}

/* Read the head from fd (locked by the caller) into buf; false when there is none. */
static bool read_head_fd(int fd, char *buf, size_t len, int64_t *seq, char hash[65], char **path)
{
	ssize_t n = pread(fd, buf, len - 1, 0);

	if (n <= 0)
		return false;
	buf[n] = '\0';
	return parse_head(buf, seq, hash, path);
}

#define HEAD_MAX 8192	/* the line: a number, a hash and a path */

bool evidence_head_read(const char *event_id, int64_t *seq, char hash[65], char **path)
{
	char *file = event_file(event_id, "head"), buf[HEAD_MAX];
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	bool ok = false;

	*path = NULL;
	if (fd >= 0 && flock(fd, LOCK_SH) == 0)	/* a writer rewrites it in place */
		ok = read_head_fd(fd, buf, sizeof(buf), seq, hash, path);
	if (fd >= 0)
		close(fd);
	free(file);
	return ok;
}

/*
 * The head file this process keeps open, with the real path of the event file
 * it last wrote for: each audited commit rewrites the line in place under an
 * exclusive lock, which costs no new file, no rename and no path walk.
 */
static struct {
	char event_id[ID_LEN + 1];
	char *file;		/* the head file's name */
	char *db_path, *real;	/* the event file as the store named it, and its real path */
	int fd;
	dev_t dev;
	ino_t ino;
} head = { .fd = -1 };

static void head_close(void)
{
	if (head.fd >= 0)
		close(head.fd);
	head.fd = -1;
}

/* An open head file for event_id: the one held, unless another process replaced or removed it. */
static int head_fd(const char *event_id)
{
	struct stat now;

	if (strcmp(head.event_id, event_id) != 0) {
		head_close();
		free(head.file);
		head.file = event_file(event_id, "head");
		snprintf(head.event_id, sizeof(head.event_id), "%s", event_id);
	}
	if (head.fd >= 0 && (stat(head.file, &now) != 0 || now.st_dev != head.dev || now.st_ino != head.ino))
		head_close();
	if (head.fd < 0) {
		head.fd = open(head.file, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (head.fd >= 0 && fstat(head.fd, &now) == 0) {
			head.dev = now.st_dev;
			head.ino = now.st_ino;
		} else {
			head_close();
		}
	}
	return head.fd;
}

static const char *head_real_path(const char *db_path)
{
	if (!head.db_path || strcmp(head.db_path, db_path) != 0) {
		free(head.db_path);
		free(head.real);
		head.db_path = pd_strdup(db_path);
		head.real = evidence_real_path(db_path);
	}
	return head.real;
}

static bool pwrite_all(int fd, const char *b, size_t n)
{
	for (off_t at = 0; n;) {
		ssize_t w = pwrite(fd, b, n, at);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		b += w;
		at += w;
		n -= (size_t)w;
	}
	return true;
}

void evidence_head_write(const char *event_id, int64_t seq, const char *hash, const char *db_path)
{
	const char *real = head_real_path(db_path);
	char buf[HEAD_MAX], line[HEAD_MAX], old_hash[65], *old_path = NULL;
	int fd = head_fd(event_id), len;
	int64_t old_seq;
	struct stat size;

	len = snprintf(line, sizeof(line), "%" PRId64 " %s %s\n", seq, hash, real);
	if (fd < 0 || len < 0 || (size_t)len >= sizeof(line) || flock(fd, LOCK_EX) != 0)
		return;
	/* another process of this account may have written a later row of the same file */
	if (!(read_head_fd(fd, buf, sizeof(buf), &old_seq, old_hash, &old_path) && old_seq > seq &&
	      strcmp(old_path, real) == 0) &&
	    pwrite_all(fd, line, (size_t)len) && fstat(fd, &size) == 0 && size.st_size > len &&
	    ftruncate(fd, len) != 0)
		(void)0;	/* a longer old line stays after ours: the first line is the head */
	flock(fd, LOCK_UN);
	free(old_path);
}
