#ifndef PODIUM_JOURNAL_H
#define PODIUM_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "podium/actor.h"
#include "podium/id.h"
#include "podium/status.h"

struct store;

/*
 * The journal keeps the changes a console could not save while the event
 * file stayed busy (or when it was closed with changes pending), in the
 * user's state folder ($XDG_STATE_HOME/podium, else ~/.local/state/podium),
 * one file per event: <event-uuid>.journal. The next podium that opens the
 * event file replays them through sheet_apply(), so every rule still applies;
 * a change refused then is moved to <event-uuid>.rejected with its reason.
 *
 * The file is text, one field a line, text fields percent-encoded:
 *
 *	podium-journal 1
 *	change OWNER		the process that wrote it ("pid.start")
 *	actor judge 2f0c...	role and person id ("-" for none)
 *	audit judge%20Zed	the name the audit rows carry
 *	sheet JUDGE-ID TEAM-ID
 *	value CRITERION-ID 4	(any number of them)
 *	comment Tr%C3%A8s%20bien	(absent: the comment is kept)
 *	submit			(absent: no submit)
 *	end
 */
struct journal_value {
	char criterion[ID_LEN + 1];
	int value;
};

struct journal_change {
	char owner[40];		/* who wrote it: a live owner still holds it in its queue */
	struct actor who;
	char *audit_actor;
	char judge[ID_LEN + 1];
	char team[ID_LEN + 1];
	struct journal_value *values;
	size_t nvalues;
	char *comment;		/* NULL keeps the sheet's comment */
	bool submit;
	char *reason;		/* in .rejected files: why the replay refused it */
};

struct journal {
	struct journal_change *items;
	size_t count, cap;
};

/* This process's owner tag, for journal_change.owner. */
const char *journal_owner(void);

/* Append a deep copy of c to j. */
void journal_add(struct journal *j, const struct journal_change *c);
void journal_clear(struct journal *j);
void journal_change_clear(struct journal_change *c);

/* Write j as text (the format above) to a new string; free it. */
char *journal_format(const struct journal *j);

/*
 * Read a journal's text. ST_CORRUPT with a message naming the line when it
 * is damaged (out is then empty). Free out with journal_clear().
 */
enum status journal_parse(const char *text, struct journal *out);

/*
 * The journal file of the event event_id (a new string; free it), with
 * suffix ".journal" or ".rejected"; NULL when there is no home folder.
 */
char *journal_path(const char *event_id, const char *suffix);

/*
 * Put this process's pending changes (j, which may be empty) in the event's
 * journal, replacing what this process kept there before and keeping the
 * other processes' entries. Atomic (a temporary file, fsync, rename), under
 * a lock beside it; the folder is made 0700 and the file 0600. An empty
 * journal removes the file.
 */
enum status journal_keep(const char *event_id, const struct journal *j);

struct journal_report {
	size_t saved;		/* replayed and saved */
	size_t rejected;	/* refused on replay, moved to the .rejected file */
	size_t waiting;		/* still in the journal (the file was busy, or their console still runs) */
	char *rejected_path;
	char *first_reason;	/* why the first rejected change was refused */
	char *damaged;		/* the message of a damaged journal, which is kept as it is */
};

/*
 * Replay the event's journal, if any, into st: each change through
 * sheet_apply() as its actor. Changes of a process still running are left
 * to it. Fills *r (free with journal_report_clear()); ST_OK also when there
 * was nothing to replay.
 */
enum status journal_replay(struct store *st, struct journal_report *r);
void journal_report_clear(struct journal_report *r);

/* One line for the user about a replay ("3 changes kept while ... were saved"), or NULL. */
char *journal_report_text(const struct journal_report *r);

#endif
