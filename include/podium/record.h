#ifndef PODIUM_RECORD_H
#define PODIUM_RECORD_H

#include "podium/i18n.h"
#include "podium/id.h"
#include "podium/status.h"

struct store;

/* The kinds of named record; names are unique per kind, case-insensitively for all of Unicode. */
#define RECORD_KIND_INFO(_) \
	_(TRACK,     N_("track"),     N_("tracks"),   N_("no track named '%s'; see 'podium list tracks'")) \
	_(TEAM,      N_("team"),      N_("teams"),    N_("no team named '%s'; see 'podium list teams'")) \
	_(JUDGE,     N_("judge"),     N_("judges"),   N_("no judge named '%s'; see 'podium list judges'")) \
	_(COACH,     N_("coach"),     N_("coaches"),  N_("no coach named '%s'; see 'podium list coaches'")) \
	_(ROOM,      N_("room"),      N_("rooms"),    N_("no room named '%s'; see 'podium list rooms'")) \
	_(CRITERION, N_("criterion"), N_("criteria"), N_("no criterion named '%s'; see 'podium list criteria'"))

enum record_kind {
#define RECORD_KIND_ENUM(id, one, many, missing) KIND_##id,
	RECORD_KIND_INFO(RECORD_KIND_ENUM)
#undef RECORD_KIND_ENUM
	KIND_COUNT
};

/* "team" as written in files and the audit log (never translated). */
const char *record_kind_key(enum record_kind kind);

/* "team" and "teams", in the reader's language. */
const char *record_kind_name(enum record_kind kind);
const char *record_kind_plural(enum record_kind kind);

/*
 * Find a record by UUID or by name (case-insensitive for all of Unicode).
 * Fills id and, when name is not NULL, *name (the caller frees it).
 * ST_NOT_FOUND has a message naming the kind and what was asked for.
 */
enum status record_find(struct store *st, enum record_kind kind, const char *name_or_id,
			char id[ID_LEN + 1], char **name);

/*
 * The record of kind whose name key (text_key()) is key: fills id and, when
 * name is not NULL, *name (the caller frees it). ST_NOT_FOUND, with no
 * message, when there is none.
 */
enum status record_by_key(struct store *st, enum record_kind kind, const char *key, char id[ID_LEN + 1],
			  char **name);

/* The name of the record of kind with that id in *name (the caller frees it); ST_NOT_FOUND says so. */
enum status record_name(struct store *st, enum record_kind kind, const char *id, char **name);

#endif
