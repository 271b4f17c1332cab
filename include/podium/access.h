#ifndef PODIUM_ACCESS_H
#define PODIUM_ACCESS_H

#include <stdbool.h>
#include <sys/types.h>

#include "podium/actor.h"
#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * Who may do what. The login is the process's user id (getpwuid(geteuid())),
 * never an environment variable. Organizers and timekeepers are logins granted
 * that role in the event file (the account that created the event is its first
 * organizer; in a file made before roles existed, the file's owner is). Judges
 * and coaches are the logins in their unix_user.
 */
struct identity {
	uid_t uid;
	char login[64];
	bool organizer;
	bool timekeeper;
	char judge_id[ID_LEN + 1];	/* "" when the login is no judge */
	char *judge_name;		/* NULL when none */
	char coach_id[ID_LEN + 1];
	char *coach_name;
};

/* What only some may do. */
enum permission {
	PERM_ORGANIZER,		/* imports, deletes, records, rubric, policy, lock, board, PINs, roles, plans */
	PERM_TIMER,		/* a room's timer: timekeepers and organizers */
};

/* The login of this process (its effective user id), in a static buffer. */
const char *access_login(void);

/* Resolve who this process is for st. Free with identity_clear(). */
enum status identity_resolve(struct store *st, struct identity *out);
void identity_clear(struct identity *who);

/*
 * ST_OK when who may do p, else ST_DENIED with one line that names the login,
 * the action and what to do: "only an organizer may import teams; ask one to
 * run 'podium role grant karl organizer'". action is a translated phrase that
 * completes "only an organizer may ...".
 */
enum status access_check(const struct identity *who, enum permission p, const char *action);

/*
 * The one call for a command or a console action: resolve this process's
 * identity in st and check p (as access_check). For example, before a write:
 *
 *     s = access_require(st, PERM_ORGANIZER, _("change the results policy"));
 */
enum status access_require(struct store *st, enum permission p, const char *action);

/*
 * The actor that writes judge_id's sheet for who: the judge themselves, or an
 * organizer entering any judge's sheet. ST_DENIED "you are logged in as karl,
 * who is not judge Bob Stone; ..." otherwise.
 */
enum status access_sheet_actor(const struct identity *who, const char *judge_id, const char *judge_name,
			       struct actor *out);

/*
 * ST_OK when who is judge judge_id or an organizer, else ST_DENIED as above,
 * ending "only that judge or an organizer may <action>". The _require form
 * resolves this process's identity first.
 */
enum status access_check_judge(const struct identity *who, const char *judge_id, const char *judge_name,
			       const char *action);
enum status access_require_judge(struct store *st, const char *judge_id, const char *judge_name, const char *action);

/*
 * The audit actor of a command run by who: "organizer alice", "judge karl",
 * "timekeeper tom", or just the login. Newly allocated.
 */
char *access_actor_name(const struct identity *who);

/* ---- roles ---- */

/* Grant or revoke role ("organizer" or "timekeeper") to a login; audited, one transaction each. */
enum status role_grant(struct store *st, const char *unix_user, const char *role);
enum status role_revoke(struct store *st, const char *unix_user, const char *role);

/* Grant organizer to this process's login (the event's creator), in one transaction. */
enum status role_grant_creator(struct store *st);

/* True when s is a user name podium accepts (letters, digits, '.', '_', '-'; at most 32). */
bool access_valid_login(const char *s);

#endif
