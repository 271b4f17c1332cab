#include "config.h"
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

/*
 * Waking on change: SQLite writes a commit's frames into the -wal file just
 * before the commit becomes visible, so a write to that file is the moment to
 * look at PRAGMA data_version. The folder is watched rather than the file, as
 * the -wal comes and goes with the connections.
 */

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return pd_strdup(".");
	if (slash == path)
		return pd_strdup("/");
	return pd_strndup(path, (size_t)(slash - path));
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int store_watch_fd(struct store *st)
{
	char *folder;
	int fd;

	if (st->watch_fd != -2)
		return st->watch_fd;
	st->watch_fd = -1;
	if (strcmp(st->path, ":memory:") == 0)
		return -1;
	fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return -1;
	folder = folder_of(st->path);
	if (inotify_add_watch(fd, folder, IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
		close(fd);
		fd = -1;
	}
	free(folder);
	st->watch_fd = fd;
	return fd;
}

/* True when name is the event file or its -wal. */
static bool concerns(const char *base, const char *name)
{
	size_t n = strlen(base);

	return strncmp(name, base, n) == 0 && (name[n] == '\0' || strcmp(name + n, "-wal") == 0);
}

bool store_watch_drain(struct store *st)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	const char *base = base_of(st->path);
	bool hit = false;
	ssize_t n;

	if (st->watch_fd < 0)
		return false;
	while ((n = read(st->watch_fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			if (ev->len && concerns(base, ev->name))
				hit = true;
			if (ev->mask & IN_Q_OVERFLOW)
				hit = true;
			p += sizeof(*ev) + ev->len;
		}
	}
	return hit;
}
