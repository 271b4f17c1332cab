#include "config.h"
#include "podium/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/sheet.h"

#define JOURNAL_MAGIC "podium-journal 1"

const char *journal_owner(void)
{
	static char owner[40];

	if (!owner[0])
		snprintf(owner, sizeof(owner), "%ld.%lld", (long)getpid(), (long long)time(NULL));
	return owner;
}

/* ---- changes ---- */

void journal_change_clear(struct journal_change *c)
{
	free(c->audit_actor);
	free(c->values);
	free(c->comment);
	free(c->reason);
	memset(c, 0, sizeof(*c));
}

void journal_add(struct journal *j, const struct journal_change *c)
{
	struct journal_change *to;

	PD_GROW(j->items, j->count, j->cap);
	to = &j->items[j->count++];
	*to = *c;
	to->audit_actor = c->audit_actor ? pd_strdup(c->audit_actor) : NULL;
	to->comment = c->comment ? pd_strdup(c->comment) : NULL;
	to->reason = c->reason ? pd_strdup(c->reason) : NULL;
	to->values = NULL;
	if (c->nvalues) {
		to->values = pd_calloc(c->nvalues, sizeof(*to->values));
		memcpy(to->values, c->values, c->nvalues * sizeof(*to->values));
	}
}

void journal_clear(struct journal *j)
{
	for (size_t i = 0; i < j->count; i++)
		journal_change_clear(&j->items[i]);
	free(j->items);
	memset(j, 0, sizeof(*j));
}

/* ---- text ---- */

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_put(struct buf *b, const char *s, size_t n)
{
	PD_RESERVE(b->s, b->len + n + 1, b->cap);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_printf(struct buf *b, const char *fmt, ...) PD_PRINTF(2, 3);

static void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		pd_die(_("out of memory"));
	va_end(ap);
	buf_put(b, s, strlen(s));
	free(s);
}

/* Text on one line: '%', spaces and control bytes as %XX. */
static void buf_encoded(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= ' ' || *p == '%' || *p == 0x7f)
			buf_printf(b, "%%%02X", *p);
		else
			buf_put(b, (const char *)p, 1);
	}
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The text of buf_encoded(); NULL when s is not such text. */
static char *decoded(const char *s)
{
	char *out = pd_malloc(strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if ((unsigned char)*s <= ' ' || *s == 0x7f) {
			free(out);
			return NULL;
		}
		if (*s == '%') {
			int hi = hex(s[1]), lo = hi < 0 ? -1 : hex(s[2]);

			if (lo < 0 || (hi == 0 && lo == 0)) {
				free(out);
				return NULL;
			}
			*o++ = (char)(hi * 16 + lo);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

static void format_change(struct buf *b, const struct journal_change *c)
{
	buf_printf(b, "change %s\nactor %s %s\naudit ", c->owner, role_name(c->who.role),
		   c->who.person_id[0] ? c->who.person_id : "-");
	buf_encoded(b, c->audit_actor ? c->audit_actor : "");
	buf_printf(b, "\nsheet %s %s\n", c->judge, c->team);
	for (size_t i = 0; i < c->nvalues; i++)
		buf_printf(b, "value %s %d\n", c->values[i].criterion, c->values[i].value);
	if (c->comment) {
		buf_put(b, "comment ", 8);
		buf_encoded(b, c->comment);
		buf_put(b, "\n", 1);
	}
	if (c->submit)
		buf_put(b, "submit\n", 7);
	if (c->reason) {
		buf_put(b, "reason ", 7);
		buf_encoded(b, c->reason);
		buf_put(b, "\n", 1);
	}
	buf_put(b, "end\n", 4);
}

char *journal_format(const struct journal *j)
{
	struct buf b = { 0 };

	buf_put(&b, JOURNAL_MAGIC "\n", sizeof(JOURNAL_MAGIC));
	for (size_t i = 0; i < j->count; i++)
		format_change(&b, &j->items[i]);
	return b.s;
}

static bool copy_id(char *to, const char *from)
{
	size_t n = strlen(from);

	if (n == 0 || n > ID_LEN || strchr(from, ' '))
		return false;
	memcpy(to, from, n + 1);
	return true;
}

/* "A B" into its two words (a, b point into s); false unless exactly two. */
static bool two_words(char *s, char **a, char **b)
{
	char *sp = s ? strchr(s, ' ') : NULL;

	if (!sp || strchr(sp + 1, ' ') || sp == s || !sp[1])
		return false;
	*sp = '\0';
	*a = s;
	*b = sp + 1;
	return true;
}

static bool parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* A text field, once per change. */
static bool parse_text(char **field, const char *rest)
{
	if (*field)
		return false;
	*field = decoded(rest ? rest : "");
	return *field != NULL;
}

/* One line "KEY REST" of a change into c; false when it does not read. */
static bool parse_field(struct journal_change *c, size_t *values_cap, const char *key, char *rest)
{
	char *a, *b;

	if (strcmp(key, "actor") == 0) {
		int role;

		if (!two_words(rest, &a, &b) || (role = role_from_name(a)) < 0)
			return false;
		c->who.role = (enum role)role;
		return strcmp(b, "-") == 0 || copy_id(c->who.person_id, b);
	}
	if (strcmp(key, "sheet") == 0)
		return two_words(rest, &a, &b) && copy_id(c->judge, a) && copy_id(c->team, b);
	if (strcmp(key, "value") == 0) {
		int v;

		if (!two_words(rest, &a, &b) || !parse_int(b, &v))
			return false;
		PD_GROW(c->values, c->nvalues, *values_cap);
		c->values[c->nvalues].value = v;
		return copy_id(c->values[c->nvalues++].criterion, a);
	}
	if (strcmp(key, "submit") == 0) {
		if (rest || c->submit)
			return false;
		c->submit = true;
		return true;
	}
	if (strcmp(key, "audit") == 0)
		return parse_text(&c->audit_actor, rest);
	if (strcmp(key, "comment") == 0)
		return parse_text(&c->comment, rest);
	if (strcmp(key, "reason") == 0)
		return parse_text(&c->reason, rest);
	return false;
}

static enum status damaged(struct journal *out, struct journal_change *c, int line, const char *what)
{
	journal_change_clear(c);
	journal_clear(out);
	return status_error(ST_CORRUPT, _("line %d: %s"), line, what);
}

enum status journal_parse(const char *text, struct journal *out)
{
	struct journal_change c = { 0 };
	size_t values_cap = 0;
	char *copy = pd_strdup(text), *save = NULL, *line;
	bool in_change = false;
	enum status s = ST_OK;
	int n = 0;

	memset(out, 0, sizeof(*out));
	for (line = strtok_r(copy, "\n", &save); line && s == ST_OK; line = strtok_r(NULL, "\n", &save)) {
		char *sp = strchr(line, ' ');

		n++;
		if (n == 1) {
			if (strcmp(line, JOURNAL_MAGIC) != 0)
				s = damaged(out, &c, n, _("not a podium journal"));
			continue;
		}
		if (sp)
			*sp++ = '\0';
		if (!in_change) {
			if (strcmp(line, "change") != 0 || !sp || strlen(sp) >= sizeof(c.owner))
				s = damaged(out, &c, n, _("a change was expected"));
			else {
				snprintf(c.owner, sizeof(c.owner), "%s", sp);
				in_change = true;
			}
		} else if (strcmp(line, "end") == 0 && !sp) {
			if (!c.judge[0] || !c.team[0] || !c.audit_actor)
				s = damaged(out, &c, n, _("the change lacks its sheet or its actor"));
			else {
				journal_add(out, &c);
				journal_change_clear(&c);
				values_cap = 0;
				in_change = false;
			}
		} else if (!parse_field(&c, &values_cap, line, sp)) {
			s = damaged(out, &c, n, _("a line that does not read"));
		}
	}
	if (s == ST_OK && n == 0)
		s = damaged(out, &c, 1, _("the file is empty"));
	else if (s == ST_OK && in_change)
		s = damaged(out, &c, n, _("the last change is cut short"));
	free(copy);
	return s;
}

/* ---- files ---- */

/* Make path and its missing parents, each 0700; true when it is there. */
static bool make_folders(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	return mkdir(path, 0700) == 0 || errno == EEXIST;
}

/* The state folder, made 0700 when missing; NULL when there is no home. */
static char *state_folder(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg && xdg[0] == '/')
		dir = pd_asprintf("%s/podium", xdg);
	else if (home && home[0] == '/')
		dir = pd_asprintf("%s/.local/state/podium", home);
	else
		return NULL;
	if (!make_folders(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *journal_path(const char *event_id, const char *suffix)
{
	char *dir = state_folder(), *path;

	if (!dir)
		return NULL;
	path = pd_asprintf("%s/%s%s", dir, event_id, suffix);
	free(dir);
	return path;
}

/* The whole file at path in *out; ST_NOT_FOUND when there is none. */
static enum status read_file(const char *path, char **out)
{
	FILE *f = fopen(path, "re");
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;

	*out = NULL;
	if (!f)
		return errno == ENOENT ? ST_NOT_FOUND
				       : status_error(ST_IO, _("cannot read '%s': %s"), path, strerror(errno));
	buf_put(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*out = b.s;
	return ST_OK;
}

static enum status write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return errno == ENOSPC || errno == EDQUOT ? status_set(ST_FULL) : ST_IO;
		s += w;
		n -= (size_t)w;
	}
	return ST_OK;
}

static void sync_folder_of(const char *path)
{
	char *dir = pd_strdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*slash = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Replace path with text, atomically: a temporary file beside it, fsync, rename. */
static enum status write_atomically(const char *path, const char *text)
{
	char *tmp = pd_asprintf("%s.tmp-%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	enum status s;

	if (fd < 0) {
		s = status_error(ST_IO, _("cannot write '%s': %s"), tmp, strerror(errno));
		free(tmp);
		return s;
	}
	s = write_all(fd, text, strlen(text));
	if (s == ST_OK && fsync(fd) != 0)
		s = ST_IO;
	if (close(fd) != 0 && s == ST_OK)
		s = ST_IO;
	if (s == ST_OK && rename(tmp, path) != 0)
		s = ST_IO;
	if (s != ST_OK) {
		if (s == ST_IO)
			s = status_error(ST_IO, _("cannot write '%s': %s"), path, strerror(errno));
		unlink(tmp);
	} else {
		sync_folder_of(path);
	}
	free(tmp);
	return s;
}

/* Append text to path (made 0600), synced: a record kept aside, never replayed. */
static enum status append_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
	enum status s;

	if (fd < 0)
		return status_error(ST_IO, _("cannot write '%s': %s"), path, strerror(errno));
	s = write_all(fd, text, strlen(text));
	if (s == ST_OK && fsync(fd) != 0)
		s = ST_IO;
	close(fd);
	if (s == ST_IO)
		s = status_error(ST_IO, _("cannot write '%s': %s"), path, strerror(errno));
	return s;
}

/* Lock the event's journal against the other podium processes of this user; -1 when it cannot. */
static int lock_journal(const char *event_id)
{
	char *path = journal_path(event_id, ".lock");
	int fd = path ? open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600) : -1;

	free(path);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static void unlock_journal(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* Save j at path, or remove the file when j is empty. */
static enum status store_journal(const char *path, const struct journal *j)
{
	char *text;
	enum status s;

	if (j->count == 0)
		return unlink(path) == 0 || errno == ENOENT ? ST_OK : ST_IO;
	text = journal_format(j);
	s = write_atomically(path, text);
	free(text);
	return s;
}

/*
 * The journal at path, or an empty one. A damaged journal is moved aside to
 * path.damaged (kept for a person to read) so new changes still find a home.
 */
static enum status load_for_update(const char *path, struct journal *out)
{
	char *text = NULL;
	enum status s = read_file(path, &text);

	memset(out, 0, sizeof(*out));
	if (s == ST_NOT_FOUND)
		return ST_OK;
	if (s == ST_OK && journal_parse(text, out) != ST_OK) {
		char *aside = pd_asprintf("%s.damaged", path);

		s = rename(path, aside) == 0 ? ST_OK : status_error(ST_IO, _("cannot write '%s': %s"), aside, strerror(errno));
		free(aside);
	}
	free(text);
	return s;
}

enum status journal_keep(const char *event_id, const struct journal *j)
{
	char *path = journal_path(event_id, ".journal");
	struct journal all;
	enum status s;
	int lock;

	if (!path)
		return status_error(ST_IO, _("there is no home folder to keep the changes in"));
	lock = lock_journal(event_id);
	s = load_for_update(path, &all);
	if (s == ST_OK) {
		struct journal kept = { 0 };

		for (size_t i = 0; i < all.count; i++)
			if (strcmp(all.items[i].owner, journal_owner()) != 0)
				journal_add(&kept, &all.items[i]);
		for (size_t i = 0; i < j->count; i++) {
			journal_add(&kept, &j->items[i]);
			snprintf(kept.items[kept.count - 1].owner, sizeof(kept.items[0].owner), "%s", journal_owner());
		}
		s = store_journal(path, &kept);
		journal_clear(&kept);
	}
	journal_clear(&all);
	unlock_journal(lock);
	free(path);
	return s;
}

/* ---- replay ---- */

/* True when the change's process still runs: it still holds the change in its queue. */
static bool owner_alive(const char *owner)
{
	char *end;
	long pid = strtol(owner, &end, 10);

	if (strcmp(owner, journal_owner()) == 0)
		return false;
	if (pid <= 0 || *end != '.')
		return false;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

static enum status apply_one(struct store *st, const struct journal_change *c)
{
	struct sheet_value *values = pd_calloc(c->nvalues ? c->nvalues : 1, sizeof(*values));
	struct sheet_change ch = {
		.judge = c->judge, .team = c->team, .values = values, .nvalues = c->nvalues,
		.comment = c->comment, .submit = c->submit,
	};
	char *saved_actor = audit_actor() ? pd_strdup(audit_actor()) : NULL;
	enum status s;

	for (size_t i = 0; i < c->nvalues; i++) {
		values[i].criterion = c->values[i].criterion;
		values[i].value = c->values[i].value;
	}
	audit_set_actor(c->audit_actor);
	s = sheet_apply(st, &c->who, &ch);
	audit_set_actor(saved_actor);
	free(saved_actor);
	free(values);
	return s;
}

/* The file is busy, full or unwritable now: the change waits for a later start. */
static bool try_later(enum status s)
{
	return s == ST_BUSY || s == ST_FULL || s == ST_IO || s == ST_READONLY;
}

static enum status set_aside(const char *event_id, const struct journal *rejected, struct journal_report *r)
{
	char *text, *body;
	enum status s;

	if (rejected->count == 0)
		return ST_OK;
	r->rejected_path = journal_path(event_id, ".rejected");
	text = journal_format(rejected);
	/* a .rejected file holds one header, then every change set aside */
	body = access(r->rejected_path, F_OK) == 0 ? text + sizeof(JOURNAL_MAGIC) : text;
	s = append_file(r->rejected_path, body);
	free(text);
	return s;
}

static enum status replay_journal(struct store *st, const char *event_id, const char *path,
				  struct journal *j, struct journal_report *r)
{
	struct journal waiting = { 0 }, rejected = { 0 };
	enum status s;

	for (size_t i = 0; i < j->count; i++) {
		struct journal_change *c = &j->items[i];

		s = owner_alive(c->owner) ? ST_BUSY : apply_one(st, c);
		if (s == ST_OK) {
			r->saved++;
		} else if (try_later(s)) {
			journal_add(&waiting, c);
		} else {
			c->reason = pd_strdup(status_message(s));
			if (!r->first_reason)
				r->first_reason = pd_strdup(c->reason);
			journal_add(&rejected, c);
		}
	}
	r->waiting = waiting.count;
	r->rejected = rejected.count;
	/* what was refused is kept aside before it leaves the journal */
	s = set_aside(event_id, &rejected, r);
	if (s == ST_OK)
		s = store_journal(path, &waiting);
	journal_clear(&waiting);
	journal_clear(&rejected);
	return s;
}

enum status journal_replay(struct store *st, struct journal_report *r)
{
	struct event e;
	struct journal j = { 0 };
	char *path, *text = NULL;
	enum status s;
	int lock;

	memset(r, 0, sizeof(*r));
	if (event_get(st, &e) != ST_OK)
		return ST_OK;	/* no event yet: nothing can have been kept for it */
	path = journal_path(e.id, ".journal");
	if (!path || access(path, F_OK) != 0) {
		free(path);
		event_clear(&e);
		return ST_OK;
	}
	lock = lock_journal(e.id);
	s = read_file(path, &text);
	if (s == ST_OK && journal_parse(text, &j) != ST_OK)
		r->damaged = pd_asprintf(_("the journal '%s' is damaged (%s); it is kept as it is"), path,
					 status_message(ST_CORRUPT));
	else if (s == ST_OK)
		s = replay_journal(st, e.id, path, &j, r);
	else if (s == ST_NOT_FOUND)
		s = ST_OK;
	journal_clear(&j);
	unlock_journal(lock);
	free(text);
	free(path);
	event_clear(&e);
	return s;
}

void journal_report_clear(struct journal_report *r)
{
	free(r->rejected_path);
	free(r->first_reason);
	free(r->damaged);
	memset(r, 0, sizeof(*r));
}

char *journal_report_text(const struct journal_report *r)
{
	char *saved = NULL, *rejected = NULL, *out;

	if (r->damaged)
		return pd_strdup(r->damaged);
	if (r->saved)
		saved = pd_asprintf(P_("%zu change kept while the file was busy was saved",
				       "%zu changes kept while the file was busy were saved", r->saved),
				    r->saved);
	if (r->rejected)
		rejected = pd_asprintf(P_("%zu change kept while the file was busy was refused (%s); it is kept in '%s'",
					  "%zu changes kept while the file was busy were refused (%s); they are kept in '%s'",
					  r->rejected),
				       r->rejected, r->first_reason, r->rejected_path);
	if (saved && rejected)
		out = pd_asprintf("%s; %s", saved, rejected);
	else
		out = saved ? pd_strdup(saved) : rejected ? pd_strdup(rejected) : NULL;
	free(saved);
	free(rejected);
	return out;
}
