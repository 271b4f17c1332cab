#ifndef PODIUM_STMT_H
#define PODIUM_STMT_H

/*
 * Every SQL statement podium runs, named. The text is constant and values are
 * bound by name ($name); the store prepares each on first use and keeps it for
 * the life of the connection. Sections follow the core modules that use them.
 */

#define STMT_META(_) \
	_(META_DATA_VERSION, "PRAGMA data_version") \
	_(META_IDENTITY, "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version") \
	_(META_INTEGRITY, "PRAGMA integrity_check") \
	_(META_FOREIGN_KEYS, "PRAGMA foreign_key_check")

#define STMT_EVENT(_) \
	_(EVENT_INSERT, \
	  "INSERT INTO event(id, name, starts_at, hours, created_at)" \
	  " VALUES ($id, $name, $starts_at, $hours, $now)") \
	_(EVENT_GET, \
	  "SELECT id, name, starts_at, hours, results_locked, board_frozen, reveal_step" \
	  " FROM event") \
	_(EVENT_JSON, \
	  "SELECT json_object('id', id, 'name', name, 'starts_at', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')," \
	  " 'hours', hours, 'results_locked', json(iif(results_locked, 'true', 'false'))," \
	  " 'board_frozen', json(iif(board_frozen, 'true', 'false')), 'reveal_step', reveal_step) FROM event") \
	_(EVENT_SET_LOCKED, "UPDATE event SET results_locked = $locked") \
	_(EVENT_SET_FROZEN, "UPDATE event SET board_frozen = $frozen") \
	_(EVENT_SET_REVEAL, "UPDATE event SET reveal_step = $step")

#define STMT_TRACK(_) \
	_(TRACK_BY_KEY, "SELECT id, name FROM track WHERE name_key = $key") \
	_(TRACK_BY_ID, "SELECT id, name FROM track WHERE id = $id") \
	_(TRACK_INSERT, "INSERT INTO track(id, name, name_key) VALUES ($id, $name, $key)")

#define STMT_TEAM(_) \
	_(TEAM_BY_KEY, "SELECT id, name FROM team WHERE name_key = $key") \
	_(TEAM_BY_ID, "SELECT id, name FROM team WHERE id = $id")

#define STMT_JUDGE(_) \
	_(JUDGE_BY_KEY, "SELECT id, name FROM judge WHERE name_key = $key") \
	_(JUDGE_BY_ID, "SELECT id, name FROM judge WHERE id = $id")

#define STMT_COACH(_) \
	_(COACH_BY_KEY, "SELECT id, name FROM coach WHERE name_key = $key") \
	_(COACH_BY_ID, "SELECT id, name FROM coach WHERE id = $id")

#define STMT_ROOM(_) \
	_(ROOM_BY_KEY, "SELECT id, name FROM room WHERE name_key = $key") \
	_(ROOM_BY_ID, "SELECT id, name FROM room WHERE id = $id")

#define STMT_CRITERION(_) \
	_(CRITERION_INSERT, \
	  "INSERT INTO criterion(id, name, name_key, position, weight, min_value, max_value, description)" \
	  " VALUES ($id, $name, $key, $position, $weight, $min, $max, $description)") \
	_(CRITERION_BY_KEY, "SELECT id, name FROM criterion WHERE name_key = $key") \
	_(CRITERION_NEXT_POSITION, "SELECT coalesce(max(position), 0) + 1 FROM criterion") \
	_(CRITERION_JSON, \
	  "SELECT json_object('id', id, 'name', name, 'weight', weight, 'min', min_value," \
	  " 'max', max_value, 'description', description) FROM criterion WHERE id = $id") \
	_(CRITERION_BY_ID, "SELECT id, name FROM criterion WHERE id = $id") \
	_(CRITERION_ALL, \
	  "SELECT id, name, weight, min_value, max_value, description, position" \
	  " FROM criterion ORDER BY position")

#define STMT_SHEET(_)

#define STMT_AUDIT(_) \
	_(AUDIT_LAST_HASH, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1") \
	_(AUDIT_INSERT, \
	  "INSERT INTO audit(seq, at, actor, action, kind, record_id, team_id, judge_id, before, after," \
	  " reason, prev_hash, hash) VALUES ($seq, $at, $actor, $action, $kind, $record_id, $team_id," \
	  " $judge_id, $before, $after, $reason, $prev_hash, $hash)") \
	_(AUDIT_ALL, \
	  "SELECT seq, at, actor, action, kind, record_id, team_id, judge_id, before, after, reason," \
	  " prev_hash, hash FROM audit ORDER BY seq")

#define STMT_HISTORY(_)

#define STMT_RANKING(_)

#define STMT_IMPORT(_)

#define STMT_LIST(_)

#define STMT_EXPORT(_)

#define STMT_CHECK(_)

#define STMT_INFO(_) \
	STMT_META(_) STMT_EVENT(_) STMT_TRACK(_) STMT_TEAM(_) STMT_JUDGE(_) STMT_COACH(_) STMT_ROOM(_) \
	STMT_CRITERION(_) STMT_SHEET(_) STMT_AUDIT(_) STMT_HISTORY(_) STMT_RANKING(_) STMT_IMPORT(_) \
	STMT_LIST(_) STMT_EXPORT(_) STMT_CHECK(_)

enum stmt {
#define STMT_ENUM(id, sql) STMT_##id,
	STMT_INFO(STMT_ENUM)
#undef STMT_ENUM
	STMT_COUNT
};

#endif
