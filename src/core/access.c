#include "config.h"
#include "podium/access.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/store.h"
#include "podium/text.h"

STMT_DEFINE(q_access_has_role, "SELECT 1 FROM role_grant WHERE unix_user = $user AND role = $role");
STMT_DEFINE(q_access_any_organizer, "SELECT 1 FROM role_grant WHERE role = 'organizer' LIMIT 1");
/* the judge or coach a login is, for person_of() */
STMT_DEFINE(q_access_judge, "SELECT id, name FROM judge WHERE unix_user = $user");
STMT_DEFINE(q_access_coach, "SELECT id, name FROM coach WHERE unix_user = $user");
enum { PERSON_ID, PERSON_NAME };
STMT_DEFINE(q_access_grant,
	    "INSERT INTO role_grant(unix_user, role, granted_at, granted_by) VALUES ($user, $role, $now, $by)"
	    " ON CONFLICT DO NOTHING");
STMT_DEFINE(q_access_revoke, "DELETE FROM role_grant WHERE unix_user = $user AND role = $role");
STMT_DEFINE(q_access_organizer_count, "SELECT count(*) FROM role_grant WHERE role = 'organizer'");
enum { ORGANIZER_COUNT };
STMT_DEFINE(q_access_grant_json,
	    "SELECT json_object('unix_user', unix_user, 'role', role, 'granted_at',"
	    " datetime(granted_at, 'unixepoch', 'localtime'), 'granted_by', granted_by)"
	    " FROM role_grant WHERE unix_user = $user AND role = $role");

const char *access_login(void)
{
	static char name[64];
	struct passwd *pw = getpwuid(geteuid());

	if (pw && pw->pw_name)
		snprintf(name, sizeof(name), "%s", pw->pw_name);
	else
		snprintf(name, sizeof(name), "uid%ld", (long)geteuid());
	return name;
}

bool access_valid_login(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '.' || c == '-'))
			return false;
	}
	return true;
}

static enum status has_row(struct query *q, bool *out)
{
	enum status s = query_step(q);

	*out = s == ST_ROW;
	if (s == ST_ROW)
		query_reset(q);
	return s == ST_ROW || s == ST_DONE ? ST_OK : s;
}

static enum status has_role(struct store *st, const char *login, const char *role, bool *out)
{
	struct query *q = store_query(st, &q_access_has_role);

	query_bind_text(q, "$user", login);
	query_bind_text(q, "$role", role);
	return has_row(q, out);
}

/* A file made before roles existed has no organizer: its owner is one. */
static enum status owner_is_organizer(struct store *st, bool *out)
{
	struct stat sb;
	bool any;
	enum status s = has_row(store_query(st, &q_access_any_organizer), &any);

	*out = false;
	if (s == ST_OK && !any && stat(store_path(st), &sb) == 0)
		*out = sb.st_uid == geteuid();
	return s;
}

static enum status person_of(struct store *st, struct stmt *stmt, const char *login, char id[ID_LEN + 1],
			     char **name)
{
	struct query *q = store_query(st, stmt);
	enum status s;

	query_bind_text(q, "$user", login);
	s = query_step(q);
	if (s == ST_ROW) {
		snprintf(id, ID_LEN + 1, "%s", query_text(q, PERSON_ID));
		*name = pd_strdup(query_text(q, PERSON_NAME));
		query_reset(q);
		return ST_OK;
	}
	return s == ST_DONE ? ST_OK : s;
}

static enum status resolve_txn(struct store *st, void *ctx)
{
	struct identity *who = ctx;
	bool owner = false;
	enum status s = has_role(st, who->login, "organizer", &who->organizer);

	if (s == ST_OK && !who->organizer && (s = owner_is_organizer(st, &owner)) == ST_OK)
		who->organizer = owner;
	if (s == ST_OK)
		s = has_role(st, who->login, "timekeeper", &who->timekeeper);
	if (s == ST_OK)
		s = person_of(st, &q_access_judge, who->login, who->judge_id, &who->judge_name);
	if (s == ST_OK)
		s = person_of(st, &q_access_coach, who->login, who->coach_id, &who->coach_name);
	return s;
}

enum status identity_resolve(struct store *st, struct identity *out)
{
	enum status s;

	memset(out, 0, sizeof(*out));
	out->uid = geteuid();
	snprintf(out->login, sizeof(out->login), "%s", access_login());
	s = store_read(st, resolve_txn, out);
	if (s != ST_OK)
		identity_clear(out);
	return s;
}

void identity_clear(struct identity *who)
{
	free(who->judge_name);
	free(who->coach_name);
	who->judge_name = who->coach_name = NULL;
}

enum status access_check(const struct identity *who, enum permission p, const char *action)
{
	switch (p) {
	case PERM_ORGANIZER:
		if (who->organizer)
			return ST_OK;
		return status_error(ST_DENIED, _("only an organizer may %s; ask one to run 'podium role grant %s organizer'"),
				    action, who->login);
	case PERM_TIMER:
		if (who->organizer || who->timekeeper)
			return ST_OK;
		return status_error(ST_DENIED,
				    _("only a timekeeper or an organizer may %s; ask an organizer to run 'podium role grant %s timekeeper'"),
				    action, who->login);
	}
	return status_set(ST_DENIED);
}

enum status access_require(struct store *st, enum permission p, const char *action)
{
	struct identity who;
	enum status s = identity_resolve(st, &who);

	if (s == ST_OK)
		s = access_check(&who, p, action);
	identity_clear(&who);
	return s;
}

static enum status not_that_judge(const struct identity *who, const char *judge_name, const char *action)
{
	char *shown = text_fit(judge_name, 60, NULL);
	enum status s = status_error(ST_DENIED, _("you are logged in as %s, who is not judge %s; only that judge or an organizer may %s"),
				     who->login, shown, action);

	free(shown);
	return s;
}

enum status access_sheet_actor(const struct identity *who, const char *judge_id, const char *judge_name,
			       struct actor *out)
{
	memset(out, 0, sizeof(*out));
	if (who->organizer) {
		out->role = ROLE_ORGANIZER;
		return ST_OK;
	}
	if (who->judge_id[0] && strcmp(who->judge_id, judge_id) == 0) {
		out->role = ROLE_JUDGE;
		snprintf(out->person_id, sizeof(out->person_id), "%s", judge_id);
		return ST_OK;
	}
	return not_that_judge(who, judge_name, _("write this sheet"));
}

enum status access_check_judge(const struct identity *who, const char *judge_id, const char *judge_name,
			       const char *action)
{
	if (who->organizer || (who->judge_id[0] && strcmp(who->judge_id, judge_id) == 0))
		return ST_OK;
	return not_that_judge(who, judge_name, action);
}

enum status access_require_judge(struct store *st, const char *judge_id, const char *judge_name, const char *action)
{
	struct identity who;
	enum status s = identity_resolve(st, &who);

	if (s == ST_OK)
		s = access_check_judge(&who, judge_id, judge_name, action);
	identity_clear(&who);
	return s;
}

char *access_actor_name(const struct identity *who)
{
	if (who->organizer)
		return pd_asprintf("organizer %s", who->login);
	if (who->judge_id[0])
		return pd_asprintf("judge %s", who->login);
	if (who->timekeeper)
		return pd_asprintf("timekeeper %s", who->login);
	if (who->coach_id[0])
		return pd_asprintf("coach %s", who->login);
	return pd_strdup(who->login);
}

/* ---- roles ---- */

struct grant {
	const char *user, *role;
	bool revoke;
};

static enum status check_grant(const struct grant *g)
{
	if (strcmp(g->role, "organizer") != 0 && strcmp(g->role, "timekeeper") != 0)
		return status_error(ST_USAGE, _("no role '%s' to grant: organizer or timekeeper"), g->role);
	if (!access_valid_login(g->user)) {
		char *shown = text_fit(g->user, 40, NULL);
		enum status s = status_error(ST_INVALID,
					     _("'%s' is not a user name (letters, digits, '.', '_' and '-', at most 32)"),
					     shown);

		free(shown);
		return s;
	}
	return ST_OK;
}

static enum status grant_json(struct store *st, const struct grant *g, char **out)
{
	struct query *q = store_query(st, &q_access_grant_json);

	query_bind_text(q, "$user", g->user);
	query_bind_text(q, "$role", g->role);
	return query_first_text(q, out);
}

static enum status audit_grant(struct store *st, const struct grant *g, const char *before, const char *after)
{
	struct audit_entry e = {
		.action = g->revoke ? "revoke" : "grant", .kind = "role", .before = before, .after = after,
	};

	return audit_record(st, &e);
}

static enum status write_grant(struct store *st, const struct grant *g)
{
	struct query *q = store_query(st, &q_access_grant);
	char *after = NULL;
	enum status s;

	query_bind_text(q, "$user", g->user);
	query_bind_text(q, "$role", g->role);
	query_bind_int(q, "$now", (int64_t)time(NULL));
	query_bind_text(q, "$by", access_login());
	s = query_exec(q);
	if (s != ST_OK || store_changes(st) == 0)
		return s;	/* granted already: nothing to record */
	s = grant_json(st, g, &after);
	if (s == ST_OK)
		s = audit_grant(st, g, NULL, after);
	free(after);
	return s;
}

static enum status last_organizer(struct store *st, const struct grant *g)
{
	struct query *q = store_query(st, &q_access_organizer_count);
	enum status s = query_step(q);
	int64_t n;

	if (s != ST_ROW)
		return s;
	n = query_int(q, ORGANIZER_COUNT);
	query_reset(q);
	if (strcmp(g->role, "organizer") == 0 && n <= 1)
		return status_error(ST_INVALID, _("%s is the event's last organizer; grant the role to someone else first"),
				    g->user);
	return ST_OK;
}

static enum status revoke_grant(struct store *st, const struct grant *g)
{
	char *before = NULL;
	struct query *q;
	enum status s = grant_json(st, g, &before);

	if (s == ST_NOT_FOUND)
		return status_error(ST_NOT_FOUND, _("%s has no role '%s'; see 'podium role list'"), g->user, g->role);
	if (s == ST_OK)
		s = last_organizer(st, g);
	if (s == ST_OK) {
		q = store_query(st, &q_access_revoke);
		query_bind_text(q, "$user", g->user);
		query_bind_text(q, "$role", g->role);
		s = query_exec(q);
	}
	if (s == ST_OK)
		s = audit_grant(st, g, before, NULL);
	free(before);
	return s;
}

static enum status grant_txn(struct store *st, void *ctx)
{
	const struct grant *g = ctx;
	enum status s = access_require(st, PERM_ORGANIZER, _("change roles"));

	if (s != ST_OK)
		return s;
	return g->revoke ? revoke_grant(st, g) : write_grant(st, g);
}

static enum status change_role(struct store *st, const char *unix_user, const char *role, bool revoke)
{
	struct grant g = { unix_user, role, revoke };
	enum status s = check_grant(&g);

	return s == ST_OK ? store_write(st, grant_txn, &g) : s;
}

enum status role_grant(struct store *st, const char *unix_user, const char *role)
{
	return change_role(st, unix_user, role, false);
}

enum status role_revoke(struct store *st, const char *unix_user, const char *role)
{
	return change_role(st, unix_user, role, true);
}

static enum status grant_creator_txn(struct store *st, void *ctx)
{
	struct grant g = { access_login(), "organizer", false };

	(void)ctx;
	return write_grant(st, &g);
}

enum status role_grant_creator(struct store *st)
{
	return store_write(st, grant_creator_txn, NULL);
}
