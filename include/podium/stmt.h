#ifndef PODIUM_STMT_H
#define PODIUM_STMT_H

/*
 * Every SQL statement podium runs, named. The text is constant and values are
 * bound by name ($name); the store prepares each on first use and keeps it for
 * the life of the connection. Sections follow the core modules that use them.
 */

#define STMT_META(_) \
	_(META_DATA_VERSION, "PRAGMA data_version") \
	_(META_SMALL_CACHE, "PRAGMA cache_size = -1024") \
	_(META_LARGE_CACHE, "PRAGMA cache_size = -65536") \
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
	  " 'board_frozen', json(iif(board_frozen, 'true', 'false')), 'reveal_step', reveal_step," \
	  " 'method', rank_method, 'min_judges', min_judges, 'tie_break', tie_break) FROM event") \
	_(EVENT_SET_LOCKED, "UPDATE event SET results_locked = $locked") \
	_(EVENT_SET_REVEAL, "UPDATE event SET reveal_step = $step")

#define STMT_TRACK(_) \
	_(TRACK_BY_KEY, "SELECT id, name FROM track WHERE name_key = $key") \
	_(TRACK_BY_ID, "SELECT id, name FROM track WHERE id = $id") \
	_(TRACK_RENAME, "UPDATE track SET name = $name, name_key = $key WHERE id = $id") \
	_(TRACK_INSERT, "INSERT INTO track(id, name, name_key) VALUES ($id, $name, $key)") \
	_(TRACK_JSON, "SELECT json_object('id', id, 'name', name) FROM track WHERE id = $id") \
	_(TRACK_DELETE, "DELETE FROM track WHERE id = $id")

/* A JSON array of the names of record r's tracks, in name order, through the link table's column col. */
#define STMT_TRACK_NAMES(link, col) \
	"(SELECT json_group_array(name) FROM (SELECT k.name FROM " link " x JOIN track k ON k.id = x.track_id" \
	" WHERE x." col " = r.id ORDER BY k.name_key))"

#define STMT_TEAM(_) \
	_(TEAM_BY_KEY, "SELECT id, name FROM team WHERE name_key = $key") \
	_(TEAM_BY_ID, "SELECT id, name FROM team WHERE id = $id") \
	_(TEAM_RENAME, "UPDATE team SET name = $name, name_key = $key WHERE id = $id") \
	_(TEAM_INSERT, \
	  "INSERT INTO team(id, name, name_key, project, table_label, description)" \
	  " VALUES ($id, $name, $key, $project, $table, $description)") \
	_(TEAM_UPDATE, \
	  "UPDATE team SET name = $name, name_key = $key, project = $project, table_label = $table," \
	  " description = $description WHERE id = $id") \
	_(TEAM_DELETE, "DELETE FROM team WHERE id = $id") \
	_(TEAM_JSON, \
	  "SELECT json_object('id', r.id, 'name', r.name, 'project', r.project, 'table', r.table_label," \
	  " 'description', r.description, 'tracks', json(" STMT_TRACK_NAMES("team_track", "team_id") ")," \
	  " 'members', json((SELECT json_group_array(name) FROM" \
	  " (SELECT name FROM team_member WHERE team_id = r.id ORDER BY position)))," \
	  " 'calibration', json(iif(r.calibration, 'true', 'false')))" \
	  " FROM team r WHERE r.id = $id") \
	_(TEAM_SET_CALIBRATION, "UPDATE team SET calibration = $on WHERE id = $id") \
	_(TEAM_TRACK_CLEAR, "DELETE FROM team_track WHERE team_id = $id") \
	_(TEAM_TRACK_ADD, "INSERT OR IGNORE INTO team_track(team_id, track_id) VALUES ($id, $track)") \
	_(TEAM_MEMBER_CLEAR, "DELETE FROM team_member WHERE team_id = $id") \
	_(TEAM_MEMBER_ADD, "INSERT INTO team_member(team_id, position, name) VALUES ($id, $position, $name)") \
	_(TEAM_SHEET_COUNT, "SELECT count(*) FROM sheet WHERE team_id = $id")

#define STMT_JUDGE(_) \
	_(JUDGE_BY_KEY, "SELECT id, name FROM judge WHERE name_key = $key") \
	_(JUDGE_BY_ID, "SELECT id, name FROM judge WHERE id = $id") \
	_(JUDGE_RENAME, "UPDATE judge SET name = $name, name_key = $key WHERE id = $id") \
	_(JUDGE_INSERT, \
	  "INSERT INTO judge(id, name, name_key, email, unix_user, pin_hash)" \
	  " VALUES ($id, $name, $key, $email, $unix_user, $pin_hash)") \
	_(JUDGE_UPDATE, \
	  "UPDATE judge SET name = $name, name_key = $key, email = $email, unix_user = $unix_user WHERE id = $id") \
	_(JUDGE_SET_PIN, "UPDATE judge SET pin_hash = $pin_hash, pin_failures = 0 WHERE id = $id") \
	_(JUDGE_PIN_HASH, "SELECT pin_hash, pin_failures FROM judge WHERE id = $id") \
	_(JUDGE_SET_PIN_FAILURES, "UPDATE judge SET pin_failures = $failures WHERE id = $id") \
	_(JUDGE_BY_UNIX_USER, "SELECT id, name FROM judge WHERE unix_user = $unix_user") \
	_(JUDGE_DELETE, "DELETE FROM judge WHERE id = $id") \
	_(JUDGE_JSON, \
	  "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'tracks'," \
	  " json(" STMT_TRACK_NAMES("judge_track", "judge_id") "), 'unix_user', r.unix_user," \
	  " 'pin', json(iif(r.pin_hash IS NULL, 'false', 'true'))) FROM judge r WHERE r.id = $id") \
	_(JUDGE_TRACK_CLEAR, "DELETE FROM judge_track WHERE judge_id = $id") \
	_(JUDGE_TRACK_ADD, "INSERT OR IGNORE INTO judge_track(judge_id, track_id) VALUES ($id, $track)") \
	_(JUDGE_SHEET_COUNT, "SELECT count(*) FROM sheet WHERE judge_id = $id")

#define STMT_COACH(_) \
	_(COACH_BY_KEY, "SELECT id, name FROM coach WHERE name_key = $key") \
	_(COACH_BY_ID, "SELECT id, name FROM coach WHERE id = $id") \
	_(COACH_RENAME, "UPDATE coach SET name = $name, name_key = $key WHERE id = $id") \
	_(COACH_INSERT, \
	  "INSERT INTO coach(id, name, name_key, email, unix_user) VALUES ($id, $name, $key, $email, $unix_user)") \
	_(COACH_UPDATE, \
	  "UPDATE coach SET name = $name, name_key = $key, email = $email," \
	  " unix_user = iif($keep_user, unix_user, $unix_user) WHERE id = $id") \
	_(COACH_BY_UNIX_USER, "SELECT id, name FROM coach WHERE unix_user = $unix_user") \
	_(COACH_DELETE, "DELETE FROM coach WHERE id = $id") \
	_(COACH_JSON, \
	  "SELECT json_object('id', r.id, 'name', r.name, 'email', r.email, 'unix_user', r.unix_user, 'skills', json((SELECT" \
	  " json_group_array(skill) FROM (SELECT skill FROM coach_skill WHERE coach_id = r.id ORDER BY skill_key)))," \
	  " 'available', json((SELECT json_group_array(w) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at," \
	  " 'unixepoch') || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window" \
	  " WHERE coach_id = r.id ORDER BY starts_at)))) FROM coach r WHERE r.id = $id") \
	_(COACH_SKILL_CLEAR, "DELETE FROM coach_skill WHERE coach_id = $id") \
	_(COACH_SKILL_ADD, \
	  "INSERT OR IGNORE INTO coach_skill(coach_id, skill, skill_key) VALUES ($id, $skill, $key)") \
	_(COACH_WINDOW_CLEAR, "DELETE FROM coach_window WHERE coach_id = $id") \
	_(COACH_WINDOW_ADD, \
	  "INSERT INTO coach_window(coach_id, starts_at, ends_at) VALUES ($id, $starts_at, $ends_at)")

#define STMT_ROOM(_) \
	_(ROOM_BY_KEY, "SELECT id, name FROM room WHERE name_key = $key") \
	_(ROOM_BY_ID, "SELECT id, name FROM room WHERE id = $id") \
	_(ROOM_RENAME, "UPDATE room SET name = $name, name_key = $key WHERE id = $id") \
	_(ROOM_INSERT, "INSERT INTO room(id, name, name_key, capacity) VALUES ($id, $name, $key, $capacity)") \
	_(ROOM_UPDATE, "UPDATE room SET name = $name, name_key = $key, capacity = $capacity WHERE id = $id") \
	_(ROOM_DELETE, "DELETE FROM room WHERE id = $id") \
	_(ROOM_JSON, \
	  "SELECT json_object('id', r.id, 'name', r.name, 'tracks'," \
	  " json(" STMT_TRACK_NAMES("room_track", "room_id") "), 'capacity', r.capacity)" \
	  " FROM room r WHERE r.id = $id") \
	_(ROOM_TRACK_CLEAR, "DELETE FROM room_track WHERE room_id = $id") \
	_(ROOM_TRACK_ADD, "INSERT OR IGNORE INTO room_track(room_id, track_id) VALUES ($id, $track)")

/* A record's editable fields as text, lists joined by "; " (people_fields()). */
#define STMT_FIELDS(_) \
	_(FIELDS_TEAM, \
	  "SELECT t.project, t.table_label," \
	  " coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM team_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)), '')," \
	  " coalesce((SELECT group_concat(name, '; ') FROM (SELECT m.name FROM team_member m" \
	  "  WHERE m.team_id = t.id ORDER BY m.position)), ''), t.description FROM team t WHERE t.id = $id") \
	_(FIELDS_JUDGE, \
	  "SELECT j.email, coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM judge_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)), '')," \
	  " coalesce(j.unix_user, ''), '', '' FROM judge j WHERE j.id = $id") \
	_(FIELDS_COACH, \
	  "SELECT c.email, coalesce((SELECT group_concat(skill, '; ') FROM (SELECT skill FROM coach_skill" \
	  "  WHERE coach_id = c.id ORDER BY skill_key)), '')," \
	  " coalesce((SELECT group_concat(w, '; ') FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')" \
	  "  || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window WHERE coach_id = c.id" \
	  "  ORDER BY starts_at)), ''), '', '' FROM coach c WHERE c.id = $id") \
	_(FIELDS_ROOM, \
	  "SELECT coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM room_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)), '')," \
	  " coalesce(m.capacity, ''), '', '', '' FROM room m WHERE m.id = $id")

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
	  " FROM criterion ORDER BY position") \
	_(CRITERION_UPDATE, \
	  "UPDATE criterion SET name = $name, name_key = $key, weight = $weight, min_value = $min," \
	  " max_value = $max, description = $description WHERE id = $id") \
	_(CRITERION_DELETE, "DELETE FROM criterion WHERE id = $id") \
	_(CRITERION_COUNT, "SELECT count(*) FROM criterion") \
	_(CRITERION_SUBMITTED_SHEETS, \
	  "SELECT s.id, s.judge_id, s.team_id, j.name, t.name FROM sheet s" \
	  " JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id" \
	  " WHERE s.status = 'submitted' ORDER BY j.name, t.name") \
	_(CRITERION_SHEET_REOPEN, "UPDATE sheet SET status = 'draft', updated_at = $now WHERE id = $id") \
	_(CRITERION_TIE_BREAK, "SELECT id, tie_break FROM event") \
	_(CRITERION_TIE_BREAK_JSON, "SELECT json_object('tie_break', tie_break) FROM event") \
	_(CRITERION_SET_TIE_BREAK, "UPDATE event SET tie_break = $keys")

#define STMT_SHEET(_) \
	_(SHEET_GET, \
	  "SELECT id, status, comment, updated_at FROM sheet WHERE judge_id = $judge AND team_id = $team") \
	_(SHEET_VALUES, "SELECT criterion_id, value FROM sheet_value WHERE sheet_id = $id") \
	_(SHEET_INSERT, \
	  "INSERT INTO sheet(id, judge_id, team_id, status, comment, total, created_at, updated_at)" \
	  " VALUES ($id, $judge, $team, $status, $comment, $total, $now, $now)") \
	_(SHEET_UPDATE, \
	  "UPDATE sheet SET status = $status, comment = $comment, total = $total, updated_at = $now" \
	  " WHERE id = $id") \
	_(SHEET_VALUE_SET, \
	  "INSERT INTO sheet_value(sheet_id, criterion_id, value) VALUES ($sheet, $criterion, $value)" \
	  " ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET value = excluded.value") \
	_(SHEET_VALUE_DELETE, "DELETE FROM sheet_value WHERE sheet_id = $sheet AND criterion_id = $criterion") \
	_(SHEET_JSON, \
	  "SELECT json_object('status', s.status, 'comment', s.comment, 'total', s.total, 'values'," \
	  " json((SELECT json_group_object(name, value) FROM (SELECT c.name, v.value FROM sheet_value v" \
	  " JOIN criterion c ON c.id = v.criterion_id WHERE v.sheet_id = s.id ORDER BY c.position))))" \
	  " FROM sheet s WHERE s.id = $id") \
	_(SHEET_CONFLICT, "SELECT reason FROM conflict WHERE judge_id = $judge AND team_id = $team") \
	_(SHEET_ALL_VALUES, \
	  "SELECT s.id, v.criterion_id, v.value FROM sheet s LEFT JOIN sheet_value v ON v.sheet_id = s.id" \
	  " ORDER BY s.id") \
	_(SHEET_SET_TOTAL, "UPDATE sheet SET total = $total WHERE id = $id") \
	/* everything a change of one sheet was checked against, as one row, to compare inside the lock */ \
	_(SHEET_RECHECK, \
	  "SELECT json_array((SELECT results_locked FROM event)," \
	  " EXISTS (SELECT 1 FROM conflict WHERE judge_id = $judge AND team_id = $team)," \
	  " EXISTS (SELECT 1 FROM judge WHERE id = $judge), EXISTS (SELECT 1 FROM team WHERE id = $team)," \
	  " (SELECT json_group_array(json_array(id, name, weight, min_value, max_value)) FROM" \
	  "  (SELECT id, name, weight, min_value, max_value FROM criterion ORDER BY position))," \
	  " (SELECT json_array(s.id, s.status, s.comment, s.total, s.updated_at, (SELECT json_group_array(" \
	  "  json_array(criterion_id, value)) FROM (SELECT criterion_id, value FROM sheet_value" \
	  "  WHERE sheet_id = s.id ORDER BY criterion_id))) FROM sheet s" \
	  "  WHERE s.judge_id = $judge AND s.team_id = $team))")

#define STMT_AUDIT(_) \
	_(AUDIT_LAST_HASH, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1") \
	_(AUDIT_INSERT, \
	  "INSERT INTO audit(seq, at, actor, action, kind, record_id, team_id, judge_id, before, after," \
	  " reason, prev_hash, hash, state, form) VALUES ($seq, $at, $actor, $action, $kind, $record_id," \
	  " $team_id, $judge_id, $before, $after, $reason, $prev_hash, $hash, $state, $form)") \
	_(AUDIT_ALL, \
	  "SELECT seq, at, actor, action, kind, record_id, team_id, judge_id, before, after, reason," \
	  " prev_hash, hash, state, form FROM audit ORDER BY seq") \
	_(AUDIT_HASH_AT, "SELECT hash FROM audit WHERE seq = $seq") \
	_(AUDIT_EVENT_ID, "SELECT id FROM event") \
	/* the state a sheet is left in, for the audit row that writes it: values keyed by criterion id */ \
	_(AUDIT_SHEET_STATE, \
	  "SELECT json_object('status', s.status, 'values', json((SELECT json_group_object(criterion_id, value)" \
	  " FROM (SELECT criterion_id, value FROM sheet_value WHERE sheet_id = s.id ORDER BY criterion_id))))" \
	  " FROM sheet s WHERE s.id = $id") \
	/* each sheet against the state its last audit row left; state NULL: written before states */ \
	_(AUDIT_REPLAY_SHEETS, \
	  "WITH last AS (SELECT record_id, state, max(seq) AS seq FROM audit WHERE kind = 'sheet'" \
	  " AND record_id IS NOT NULL GROUP BY record_id)" \
	  " SELECT j.name, t.name, l.seq IS NOT NULL, l.state IS NOT NULL," \
	  " l.state IS NOT NULL AND (json_extract(l.state, '$.status') IS NOT s.status" \
	  "  OR EXISTS (SELECT 1 FROM sheet_value v WHERE v.sheet_id = s.id" \
	  "   AND json_extract(l.state, '$.values.\"' || v.criterion_id || '\"') IS NOT v.value)" \
	  "  OR EXISTS (SELECT 1 FROM json_each(l.state, '$.values') e JOIN criterion c ON c.id = e.key" \
	  "   WHERE NOT EXISTS (SELECT 1 FROM sheet_value v WHERE v.sheet_id = s.id AND v.criterion_id = e.key)))" \
	  " FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id" \
	  " LEFT JOIN last l ON l.record_id = s.id ORDER BY j.name, t.name") \
	/* sheets the log says exist, of a judge and a team still there, that the tables lack */ \
	_(AUDIT_REPLAY_GONE, \
	  "WITH last AS (SELECT record_id, team_id, judge_id, state, max(seq) AS seq FROM audit" \
	  " WHERE kind = 'sheet' AND record_id IS NOT NULL GROUP BY record_id)" \
	  " SELECT j.name, t.name FROM last l JOIN judge j ON j.id = l.judge_id JOIN team t ON t.id = l.team_id" \
	  " WHERE l.state IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sheet s WHERE s.id = l.record_id)" \
	  " ORDER BY j.name, t.name")

/*
 * History rows: the audit log, oldest first, filtered by team and judge ($team,
 * $judge: ids or NULL for any), each with the name of its record (a sheet's is
 * "judge → team") and, for people, the leaves of before and after that differ.
 */
#define HISTORY_JSON_LEAF(side) \
	"CASE " side ".type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN 'null'" \
	" WHEN 'real' THEN printf('%.2f', " side ".atom) ELSE " side ".atom END"
#define HISTORY_DIFF(from, to) \
	"(SELECT group_concat(b.key || '=' || " HISTORY_JSON_LEAF("b") ", ' ')" \
	" FROM json_tree(iif(json_valid(a." from "), a." from ", NULL)) b" \
	" WHERE b.type NOT IN ('object', 'array') AND NOT EXISTS (SELECT 1" \
	" FROM json_tree(iif(json_valid(a." to "), a." to ", NULL)) x" \
	" WHERE x.fullkey = b.fullkey AND x.type = b.type AND x.atom IS b.atom))"
#define HISTORY_SELECT \
	"SELECT a.seq, datetime(a.at, 'unixepoch', 'localtime') AS at, a.actor, a.action, a.kind," \
	" a.record_id, a.team_id, a.judge_id, a.before, a.after, a.reason," \
	" coalesce((SELECT json_extract(a.after, '$.name') WHERE json_valid(a.after))," \
	"  (SELECT json_extract(a.before, '$.name') WHERE json_valid(a.before))," \
	"  CASE WHEN a.judge_id IS NOT NULL AND a.team_id IS NOT NULL THEN" \
	"  coalesce((SELECT name FROM judge WHERE id = a.judge_id), '?') || ' → ' ||" \
	"  coalesce((SELECT name FROM team WHERE id = a.team_id), '?') END, '') AS record," \
	" coalesce(" HISTORY_DIFF("before", "after") ", '') AS before_changed," \
	" coalesce(" HISTORY_DIFF("after", "before") ", '') AS after_changed" \
	" FROM audit a" \
	" WHERE ($team IS NULL OR a.team_id = $team OR a.record_id = $team)" \
	" AND ($judge IS NULL OR a.judge_id = $judge OR a.record_id = $judge)" \
	" ORDER BY a.seq"

#define STMT_HISTORY(_) \
	_(HISTORY_ROWS, HISTORY_SELECT) \
	_(HISTORY_JSON, \
	  "SELECT json_group_array(json_object('seq', seq, 'at', at, 'actor', actor, 'action', action," \
	  " 'kind', kind, 'record_id', record_id, 'record', record, 'team_id', team_id, 'judge_id', judge_id," \
	  " 'before', iif(json_valid(before), json(before), before)," \
	  " 'after', iif(json_valid(after), json(after), after), 'reason', reason))" \
	  " FROM (" HISTORY_SELECT ")")

/* the count of conflicts is computed once per statement: without any, no probe per sheet */
#define STMT_RANKING_COUNTED \
	"s.status = 'submitted' AND s.total IS NOT NULL AND ((SELECT count(*) FROM conflict) = 0" \
	" OR NOT EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = s.judge_id AND c.team_id = s.team_id))"

#define STMT_RANKING(_) \
	_(RANKING_POLICY, "SELECT rank_method, min_judges, tie_break FROM event") \
	_(RANKING_TEAMS, "SELECT id, name, calibration FROM team") \
	_(RANKING_TRACKS, "SELECT id, name FROM track ORDER BY name") \
	_(RANKING_TEAM_TRACKS, "SELECT team_id, track_id FROM team_track") \
	_(RANKING_SHEETS, \
	  "SELECT s.rowid, s.team_id, s.judge_id, s.total FROM sheet s WHERE " STMT_RANKING_COUNTED \
	  " ORDER BY s.rowid") \
	_(RANKING_CRITERION_SCALE, "SELECT min_value, max_value FROM criterion WHERE id = $criterion") \
	_(RANKING_CRITERION_VALUES, \
	  "SELECT s.rowid, v.value FROM sheet s JOIN sheet_value v ON v.sheet_id = s.id" \
	  " AND v.criterion_id = $criterion WHERE " STMT_RANKING_COUNTED " ORDER BY s.rowid") \
	_(RANKING_ROW_JSON, \
	  "SELECT json_object('rank', $rank, 'team', $team, 'team_id', $team_id, 'score', $score," \
	  " 'judges', $judges, 'tied', json(iif($tied, 'true', 'false')), 'status', $status)") \
	_(RANKING_ROW_JSON_NORMALIZED, \
	  "SELECT json_object('rank', $rank, 'team', $team, 'team_id', $team_id, 'score', $score," \
	  " 'judges', $judges, 'tied', json(iif($tied, 'true', 'false')), 'status', $status," \
	  " 'raw_rank', $raw_rank, 'raw_score', $raw_score)")

#define STMT_RESULTS(_) \
	_(RESULTS_POLICY_JSON, \
	  "SELECT json_object('method', $method, 'min_judges', $min_judges, 'tie_break', $tie_break)") \
	_(RESULTS_SET_POLICY, \
	  "UPDATE event SET rank_method = $method, min_judges = $min_judges, tie_break = $tie_break") \
	_(RESULTS_TEAM_SHEETS, \
	  "SELECT s.judge_id, j.name, s.status, s.total," \
	  " EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = s.judge_id AND c.team_id = s.team_id)" \
	  " FROM sheet s JOIN judge j ON j.id = s.judge_id WHERE s.team_id = $team ORDER BY j.name, j.id") \
	_(RESULTS_MISSING_SHEETS, \
	  "SELECT count(*) FROM assignment a JOIN team t ON t.id = a.team_id AND NOT t.calibration" \
	  " WHERE NOT EXISTS (SELECT 1 FROM sheet s WHERE s.judge_id = a.judge_id AND s.team_id = a.team_id" \
	  "  AND s.status = 'submitted' AND s.total IS NOT NULL)" \
	  " AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = a.judge_id AND c.team_id = a.team_id)")

#define STMT_IMPORT(_)

#define STMT_LIST(_) \
	_(LIST_TEAMS, \
	  "SELECT t.name, t.project," \
	  " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM team_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)), '')," \
	  " coalesce((SELECT group_concat(name, $sep) FROM (SELECT m.name FROM team_member m" \
	  "  WHERE m.team_id = t.id ORDER BY m.position)), '')," \
	  " t.table_label, t.description, t.id FROM team t ORDER BY t.name") \
	_(LIST_TEAMS_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', t.name, 'project', t.project," \
	  " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM team_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)))," \
	  " 'members', json((SELECT json_group_array(name) FROM (SELECT m.name FROM team_member m" \
	  "  WHERE m.team_id = t.id ORDER BY m.position)))," \
	  " 'table', t.table_label, 'description', t.description, 'id', t.id) AS o" \
	  " FROM team t ORDER BY t.name)") \
	_(LIST_JUDGES, \
	  "SELECT j.name, j.email," \
	  " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM judge_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)), '')," \
	  " coalesce(j.unix_user, ''), j.id FROM judge j ORDER BY j.name") \
	_(LIST_JUDGES_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', j.name, 'email', j.email," \
	  " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM judge_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)))," \
	  " 'unix_user', j.unix_user, 'id', j.id) AS o FROM judge j ORDER BY j.name)") \
	_(LIST_COACHES, \
	  "SELECT c.name, c.email," \
	  " coalesce((SELECT group_concat(skill, $sep) FROM (SELECT skill FROM coach_skill" \
	  "  WHERE coach_id = c.id ORDER BY skill)), '')," \
	  " coalesce((SELECT group_concat(w, $sep) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')" \
	  "  || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window" \
	  "  WHERE coach_id = c.id ORDER BY starts_at)), '')," \
	  " coalesce(c.unix_user, ''), c.id FROM coach c ORDER BY c.name") \
	_(LIST_COACHES_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', c.name, 'email', c.email," \
	  " 'skills', json((SELECT json_group_array(skill) FROM (SELECT skill FROM coach_skill" \
	  "  WHERE coach_id = c.id ORDER BY skill)))," \
	  " 'available', json((SELECT json_group_array(w) FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at," \
	  "  'unixepoch') || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window" \
	  "  WHERE coach_id = c.id ORDER BY starts_at)))," \
	  " 'unix_user', c.unix_user, 'id', c.id) AS o FROM coach c ORDER BY c.name)") \
	_(LIST_CRITERIA, \
	  "SELECT name, weight, min_value, max_value, description, id FROM criterion ORDER BY position") \
	_(LIST_CRITERIA_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', name, 'weight', weight," \
	  " 'min', min_value, 'max', max_value, 'description', description, 'id', id) AS o" \
	  " FROM criterion ORDER BY position)") \
	_(LIST_TRACKS, \
	  "SELECT r.name, (SELECT count(*) FROM team_track x WHERE x.track_id = r.id), r.id" \
	  " FROM track r ORDER BY r.name") \
	_(LIST_TRACKS_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', r.name," \
	  " 'teams', (SELECT count(*) FROM team_track x WHERE x.track_id = r.id), 'id', r.id) AS o" \
	  " FROM track r ORDER BY r.name)") \
	_(LIST_ROOMS, \
	  "SELECT m.name," \
	  " coalesce((SELECT group_concat(name, $sep) FROM (SELECT r.name FROM room_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)), '')," \
	  " coalesce(m.capacity, ''), m.id FROM room m ORDER BY m.name") \
	_(LIST_ROOMS_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('name', m.name," \
	  " 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name FROM room_track x" \
	  "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)))," \
	  " 'capacity', m.capacity, 'id', m.id) AS o FROM room m ORDER BY m.name)")

#define STMT_EXPORT(_) \
	_(EXPORT_WITH_RESULTS, \
	  "SELECT json_set($doc, '$.results', json_object('policy', json($policy), 'ranking', json($ranking)))") \
	_(EXPORT_JSON, \
	  "SELECT json_object('podium', 1," \
	  " 'event', json((SELECT json_object('id', id, 'name', name," \
	  "  'starts_at', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'), 'hours', hours," \
	  "  'results_locked', json(iif(results_locked, 'true', 'false'))," \
	  "  'board_frozen', json(iif(board_frozen, 'true', 'false')), 'reveal_step', reveal_step," \
	  "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', created_at, 'unixepoch')) FROM event))," \
	  " 'tracks', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', id, 'name', name)" \
	  "  AS o FROM track ORDER BY name)))," \
	  " 'teams', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', t.id, 'name', t.name," \
	  "  'project', t.project, 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name" \
	  "   FROM team_track x JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)))," \
	  "  'members', json((SELECT json_group_array(name) FROM (SELECT m.name FROM team_member m" \
	  "   WHERE m.team_id = t.id ORDER BY m.position)))," \
	  "  'table', t.table_label, 'description', t.description) AS o FROM team t ORDER BY t.name)))," \
	  " 'judges', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', j.id, 'name', j.name," \
	  "  'email', j.email, 'unix_user', j.unix_user, 'tracks', json((SELECT json_group_array(name) FROM" \
	  "   (SELECT r.name FROM judge_track x JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id" \
	  "   ORDER BY r.name)))) AS o FROM judge j ORDER BY j.name)))," \
	  " 'coaches', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', c.id, 'name', c.name," \
	  "  'email', c.email, 'skills', json((SELECT json_group_array(skill) FROM (SELECT skill FROM coach_skill" \
	  "   WHERE coach_id = c.id ORDER BY skill)))," \
	  "  'available', json((SELECT json_group_array(json(w)) FROM (SELECT json_object(" \
	  "   'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')," \
	  "   'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch')) AS w FROM coach_window" \
	  "   WHERE coach_id = c.id ORDER BY starts_at)))) AS o FROM coach c ORDER BY c.name)))," \
	  " 'rooms', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', m.id, 'name', m.name," \
	  "  'capacity', m.capacity, 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name" \
	  "   FROM room_track x JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name))))" \
	  "  AS o FROM room m ORDER BY m.name)))," \
	  " 'criteria', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', id, 'name', name," \
	  "  'position', position, 'weight', weight, 'min', min_value, 'max', max_value," \
	  "  'description', description) AS o FROM criterion ORDER BY position)))," \
	  " 'sheets', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', s.id," \
	  "  'judge_id', s.judge_id, 'judge', j.name, 'team_id', s.team_id, 'team', t.name, 'status', s.status," \
	  "  'comment', s.comment, 'total', s.total, 'values', json((SELECT json_group_object(name, value) FROM" \
	  "   (SELECT c.name, v.value FROM sheet_value v JOIN criterion c ON c.id = v.criterion_id" \
	  "   WHERE v.sheet_id = s.id ORDER BY c.position)))," \
	  "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', s.created_at, 'unixepoch')," \
	  "  'updated_at', strftime('%Y-%m-%dT%H:%M:%SZ', s.updated_at, 'unixepoch')) AS o" \
	  "  FROM sheet s LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id" \
	  "  ORDER BY t.name, j.name, s.id)))," \
	  " 'conflicts', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('judge_id', k.judge_id," \
	  "  'judge', j.name, 'team_id', k.team_id, 'team', t.name, 'reason', k.reason," \
	  "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', k.created_at, 'unixepoch')) AS o" \
	  "  FROM conflict k LEFT JOIN judge j ON j.id = k.judge_id LEFT JOIN team t ON t.id = k.team_id" \
	  "  ORDER BY j.name, t.name)))," \
	  " 'audit', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('seq', seq," \
	  "  'at', strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), 'actor', actor, 'action', action," \
	  "  'kind', kind, 'record_id', record_id, 'team_id', team_id, 'judge_id', judge_id," \
	  "  'before', json(CASE WHEN json_valid(before) THEN before ELSE json_quote(before) END)," \
	  "  'after', json(CASE WHEN json_valid(after) THEN after ELSE json_quote(after) END)," \
	  "  'reason', reason, 'prev_hash', prev_hash, 'hash', hash) AS o FROM audit ORDER BY seq))))")

#define STMT_BOARD(_) \
	_(BOARD_JUDGES, "SELECT id, name, pin_hash IS NOT NULL FROM judge ORDER BY name") \
	_(BOARD_TEAMS, "SELECT id, name, 0 FROM team ORDER BY name") \
	_(BOARD_TRACKS, "SELECT id, name, 0 FROM track ORDER BY name") \
	_(BOARD_TEAM_ROWS, \
	  "SELECT t.id, t.name, t.project, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name" \
	  " FROM team_track x JOIN track k ON k.id = x.track_id WHERE x.team_id = t.id ORDER BY k.name)), '')" \
	  " FROM team t ORDER BY t.name") \
	_(BOARD_TRACK_ROWS, \
	  "SELECT k.id, k.name, (SELECT count(*) FROM team_track x WHERE x.track_id = k.id)," \
	  " (SELECT count(*) FROM judge_track x WHERE x.track_id = k.id) FROM track k ORDER BY k.name") \
	_(BOARD_JUDGE_ROWS, \
	  "SELECT j.id, j.name, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name" \
	  " FROM judge_track x JOIN track k ON k.id = x.track_id WHERE x.judge_id = j.id ORDER BY k.name)), '')," \
	  " coalesce(j.unix_user, '') || iif(j.pin_hash IS NULL, '', ' (PIN)') FROM judge j ORDER BY j.name") \
	_(BOARD_COACH_ROWS, \
	  "SELECT c.id, c.name, coalesce((SELECT group_concat(skill, ', ') FROM (SELECT skill FROM coach_skill" \
	  " WHERE coach_id = c.id ORDER BY skill_key)), ''), c.email FROM coach c ORDER BY c.name") \
	_(BOARD_ROOM_ROWS, \
	  "SELECT r.id, r.name, coalesce((SELECT group_concat(name, ', ') FROM (SELECT k.name" \
	  " FROM room_track x JOIN track k ON k.id = x.track_id WHERE x.room_id = r.id ORDER BY k.name)), '')," \
	  " r.capacity FROM room r ORDER BY r.name") \
	_(BOARD_JUDGE_BY_UNIX_USER, \
	  "SELECT id, name, pin_hash IS NOT NULL FROM judge WHERE unix_user = $user") \
	_(BOARD_JUDGE_QUEUE, \
	  "SELECT t.id, t.name, t.project, s.status, s.total, c.judge_id IS NOT NULL, sl.starts_at, r.name," \
	  " t.calibration" \
	  " FROM team t" \
	  " LEFT JOIN sheet s ON s.team_id = t.id AND s.judge_id = $judge" \
	  " LEFT JOIN conflict c ON c.team_id = t.id AND c.judge_id = $judge" \
	  " LEFT JOIN slot sl ON sl.team_id = t.id LEFT JOIN room r ON r.id = sl.room_id" \
	  " WHERE NOT EXISTS (SELECT 1 FROM assignment WHERE judge_id = $judge)" \
	  "  OR EXISTS (SELECT 1 FROM assignment a WHERE a.judge_id = $judge AND a.team_id = t.id)" \
	  "  OR s.id IS NOT NULL OR t.calibration" \
	  " ORDER BY t.calibration DESC, sl.starts_at IS NULL, sl.starts_at, t.name") \
	_(BOARD_CALIBRATION_TEAM, "SELECT id, name FROM team WHERE calibration ORDER BY name, id LIMIT 1") \
	_(BOARD_CALIBRATION_TOTALS, \
	  "SELECT judge_id, total FROM sheet WHERE team_id = $team AND total IS NOT NULL") \
	_(BOARD_SHEET_STATES, "SELECT judge_id, team_id, status FROM sheet") \
	_(BOARD_VIEW_JSON, "SELECT json_object('title', $title, 'method', $method, 'rows', json($rows))") \
	_(BOARD_SET_FROZEN, "UPDATE event SET board_frozen = $frozen, frozen_board = $board") \
	_(BOARD_FROZEN_ROWS, \
	  "SELECT v.key, v.value ->> '$.title', r.value ->> '$.rank', r.value ->> '$.team'," \
	  " r.value ->> '$.team_id', r.value ->> '$.score', r.value ->> '$.judges', r.value ->> '$.tied'," \
	  " r.value ->> '$.status', v.value ->> '$.method'" \
	  " FROM event, json_each(event.frozen_board) v, json_each(v.value, '$.rows') r" \
	  " WHERE event.board_frozen ORDER BY v.key, r.key") \
	_(BOARD_CONFLICTS, "SELECT judge_id, team_id FROM conflict") \
	_(BOARD_CONFLICT_INSERT, \
	  "INSERT INTO conflict(judge_id, team_id, reason, created_at) VALUES ($judge, $team, $reason, $now)" \
	  " ON CONFLICT(judge_id, team_id) DO UPDATE SET reason = excluded.reason") \
	_(BOARD_CONFLICT_JSON, \
	  "SELECT json_object('judge', j.name, 'team', t.name, 'reason', c.reason) FROM conflict c" \
	  " JOIN judge j ON j.id = c.judge_id JOIN team t ON t.id = c.team_id" \
	  " WHERE c.judge_id = $judge AND c.team_id = $team")

#define STMT_CHECK(_) \
	_(CHECK_COUNTS, \
	  "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM team), (SELECT count(*) FROM judge)," \
	  " (SELECT count(*) FROM sheet)") \
	_(CHECK_SHEETS, \
	  "SELECT s.id, coalesce(j.name, s.judge_id), coalesce(t.name, s.team_id), s.status, s.total" \
	  " FROM sheet s LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id" \
	  " ORDER BY t.name, j.name, s.id") \
	_(CHECK_SHEET_VALUES, \
	  "SELECT criterion_id, value, typeof(value) = 'integer' FROM sheet_value WHERE sheet_id = $sheet") \
	_(CHECK_CONFLICTED_SHEETS, \
	  "SELECT coalesce(j.name, s.judge_id), coalesce(t.name, s.team_id) FROM sheet s" \
	  " JOIN conflict k ON k.judge_id = s.judge_id AND k.team_id = s.team_id" \
	  " LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id" \
	  " ORDER BY t.name, j.name")

#define STMT_PANEL(_) \
	_(PANEL_TEAMS, \
	  "SELECT t.id, t.name, s.room_id, s.starts_at, s.starts_at + s.pitch_s + s.qa_s" \
	  " FROM team t LEFT JOIN slot s ON s.team_id = t.id ORDER BY t.name") \
	_(PANEL_JUDGES, "SELECT id, name FROM judge ORDER BY name") \
	_(PANEL_TRACKS, "SELECT id FROM track") \
	_(PANEL_JUDGE_TRACKS, "SELECT judge_id, track_id FROM judge_track") \
	_(PANEL_TEAM_TRACKS, "SELECT team_id, track_id FROM team_track") \
	_(PANEL_CONFLICTS, "SELECT judge_id, team_id FROM conflict") \
	_(PANEL_ASSIGNED, "SELECT judge_id, team_id FROM assignment") \
	_(PANEL_SHEETS, "SELECT judge_id, team_id FROM sheet") \
	_(PANEL_CLEAR, "DELETE FROM assignment") \
	_(PANEL_INSERT, "INSERT INTO assignment(judge_id, team_id) VALUES ($judge, $team)") \
	_(PANEL_SUMMARY_JSON, \
	  "SELECT json_object('per_team', $per_team, 'timed', json(iif($timed, 'true', 'false'))," \
	  " 'assignments', (SELECT count(*) FROM assignment)," \
	  " 'judges', (SELECT count(DISTINCT judge_id) FROM assignment)," \
	  " 'teams', (SELECT count(DISTINCT team_id) FROM assignment))") \
	_(PANEL_LAST_PER_TEAM, \
	  "SELECT json_extract(after, '$.per_team') FROM audit" \
	  " WHERE kind = 'panel' AND json_valid(after) ORDER BY seq DESC LIMIT 1") \
	_(PANEL_LIST, \
	  "SELECT j.name, t.name, coalesce(r.name, ''), coalesce(strftime('%Y-%m-%d %H:%M', s.starts_at," \
	  " 'unixepoch'), ''), j.id, t.id FROM assignment a JOIN judge j ON j.id = a.judge_id" \
	  " JOIN team t ON t.id = a.team_id LEFT JOIN slot s ON s.team_id = t.id" \
	  " LEFT JOIN room r ON r.id = s.room_id ORDER BY j.name, s.starts_at IS NULL, s.starts_at, t.name") \
	_(PANEL_LIST_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('judge', j.name, 'team', t.name," \
	  " 'room', r.name, 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch')," \
	  " 'judge_id', j.id, 'team_id', t.id) AS o FROM assignment a JOIN judge j ON j.id = a.judge_id" \
	  " JOIN team t ON t.id = a.team_id LEFT JOIN slot s ON s.team_id = t.id" \
	  " LEFT JOIN room r ON r.id = s.room_id ORDER BY j.name, s.starts_at IS NULL, s.starts_at, t.name)") \
	_(PANEL_IS_ASSIGNED, "SELECT 1 FROM assignment WHERE judge_id = $judge AND team_id = $team")

/* A coaching session as a JSON object, for the audit log and for lists (alias s, joined to c and t). */
#define STMT_SESSION_OBJECT \
	"json_object('start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch')," \
	" 'end', strftime('%Y-%m-%d %H:%M', s.ends_at, 'unixepoch'), 'coach', c.name, 'team', t.name," \
	" 'stage', s.stage, 'id', s.id, 'coach_id', c.id, 'team_id', t.id)"

#define STMT_COACHING(_) \
	_(COACHING_STAGES, "SELECT name, name_key FROM criterion ORDER BY position") \
	_(COACHING_TEAMS, \
	  "SELECT t.id, t.name, s.starts_at, s.starts_at + s.pitch_s + s.qa_s" \
	  " FROM team t LEFT JOIN slot s ON s.team_id = t.id ORDER BY t.name") \
	_(COACHING_COACHES, "SELECT id, name FROM coach ORDER BY name") \
	_(COACHING_SKILLS, "SELECT coach_id, skill_key FROM coach_skill") \
	_(COACHING_WINDOWS, "SELECT coach_id, starts_at, ends_at FROM coach_window ORDER BY coach_id, starts_at") \
	_(COACHING_IN_WINDOW, \
	  "SELECT 1 FROM coach_window WHERE coach_id = $coach AND starts_at <= $start AND ends_at >= $end") \
	_(COACHING_VALIDATED, "SELECT team_id, stage_key FROM team_stage") \
	_(COACHING_KEPT, \
	  "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE starts_at <= $now OR booked") \
	_(COACHING_CLEAR_FUTURE, "DELETE FROM coach_session WHERE starts_at > $now AND NOT booked") \
	_(COACHING_INSERT, \
	  "INSERT INTO coach_session(id, coach_id, team_id, stage, starts_at, ends_at, booked)" \
	  " VALUES ($id, $coach, $team, $stage, $starts_at, $ends_at, $booked)") \
	_(COACHING_PLAN_JSON, \
	  "SELECT json_object('length_min', $length, 'sessions', (SELECT count(*) FROM coach_session)," \
	  " 'planned_ahead', (SELECT count(*) FROM coach_session WHERE starts_at > $now))") \
	_(COACHING_SESSIONS, \
	  "SELECT s.id, s.coach_id, c.name, s.team_id, t.name, s.stage, s.starts_at, s.ends_at" \
	  " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id" \
	  " WHERE $coach IS NULL OR s.coach_id = $coach ORDER BY s.starts_at, c.name, t.name, s.stage") \
	_(COACHING_SESSIONS_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT " STMT_SESSION_OBJECT " AS o" \
	  " FROM coach_session s JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id" \
	  " ORDER BY s.starts_at, c.name, t.name, s.stage)") \
	_(COACHING_SESSION_JSON, \
	  "SELECT " STMT_SESSION_OBJECT " FROM coach_session s JOIN coach c ON c.id = s.coach_id" \
	  " JOIN team t ON t.id = s.team_id WHERE s.id = $id") \
	_(COACHING_SESSION_GET, \
	  "SELECT coach_id, team_id, stage, starts_at, ends_at FROM coach_session WHERE id = $id") \
	_(COACHING_SESSION_MOVE, \
	  "UPDATE coach_session SET starts_at = $starts_at, ends_at = $ends_at WHERE id = $id") \
	_(COACHING_SESSION_DELETE, "DELETE FROM coach_session WHERE id = $id") \
	_(COACHING_BUSY_COACH, \
	  "SELECT starts_at, ends_at FROM coach_session WHERE coach_id = $coach AND id <> $except" \
	  " AND ends_at > $from ORDER BY starts_at") \
	_(COACHING_BUSY_TEAM, \
	  "SELECT starts_at, ends_at FROM coach_session WHERE team_id = $team AND id <> $except" \
	  " AND ends_at > $from UNION ALL SELECT starts_at, starts_at + pitch_s + qa_s FROM slot" \
	  " WHERE team_id = $team AND starts_at + pitch_s + qa_s > $from ORDER BY 1") \
	_(COACHING_COACH_WINDOWS, \
	  "SELECT starts_at, ends_at FROM coach_window WHERE coach_id = $coach ORDER BY starts_at") \
	_(COACHING_COACH_SKILLS, "SELECT skill_key FROM coach_skill WHERE coach_id = $coach") \
	_(COACHING_STAGE_GET, "SELECT 1 FROM team_stage WHERE team_id = $team AND stage_key = $key") \
	_(COACHING_TEAM_PITCH, "SELECT starts_at FROM slot WHERE team_id = $team") \
	_(COACHING_TEAM_VALIDATED, "SELECT stage_key FROM team_stage WHERE team_id = $team") \
	_(COACHING_TEAM_BOOKED, "SELECT stage FROM coach_session WHERE team_id = $team AND ends_at > $now") \
	_(COACHING_STAGE_INSERT, \
	  "INSERT INTO team_stage(team_id, stage_key, stage, validated_by, validated_at)" \
	  " VALUES ($team, $key, $stage, $coach, $now)") \
	_(COACHING_STAGE_JSON, \
	  "SELECT json_object('team', t.name, 'stage', g.stage, 'coach', c.name," \
	  " 'validated_at', strftime('%Y-%m-%dT%H:%M:%SZ', g.validated_at, 'unixepoch'))" \
	  " FROM team_stage g JOIN team t ON t.id = g.team_id LEFT JOIN coach c ON c.id = g.validated_by" \
	  " WHERE g.team_id = $team AND g.stage_key = $key")

#define STMT_TIMELINE(_) \
	_(TIMELINE_CLEAR, "DELETE FROM phase") \
	_(TIMELINE_UPDATE, \
	  "UPDATE phase SET name = $name, kind = $kind, starts_at = $starts_at, ends_at = $ends_at," \
	  " pinned = $pinned WHERE id = $id") \
	_(TIMELINE_DELETE, "DELETE FROM phase WHERE id = $id") \
	_(TIMELINE_PHASE_JSON, \
	  "SELECT json_object('name', name, 'kind', kind, 'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')," \
	  " 'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch'), 'pinned', json(iif(pinned, 'true', 'false')))" \
	  " FROM phase WHERE id = $id") \
	_(TIMELINE_INSERT, \
	  "INSERT INTO phase(id, name, kind, starts_at, ends_at, pinned)" \
	  " VALUES ($id, $name, $kind, $starts_at, $ends_at, $pinned)") \
	_(TIMELINE_ALL, \
	  "SELECT id, name, kind, starts_at, ends_at, pinned FROM phase ORDER BY starts_at, ends_at, name") \
	_(TIMELINE_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object(" \
	  " 'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')," \
	  " 'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch'), 'phase', name, 'kind', kind," \
	  " 'pinned', json(iif(pinned, 'true', 'false')), 'id', id) AS o" \
	  " FROM phase ORDER BY starts_at, ends_at, name)")

/* The pitch slots of one room ($room) or all (NULL), in room order then position. */
#define STMT_SCHEDULE(_) \
	_(SCHEDULE_ROOMS, \
	  "SELECT r.id, r.name, coalesce(t.state, 'idle'), t.run_started_at, coalesce(t.elapsed_s, 0)," \
	  " coalesce(t.changeover_cut_s, 0) FROM room r LEFT JOIN room_timer t ON t.room_id = r.id" \
	  " WHERE $room IS NULL OR r.id = $room ORDER BY r.name, r.id") \
	_(SCHEDULE_SLOTS, \
	  "SELECT s.id, s.room_id, s.team_id, t.name, s.position, s.starts_at, s.pitch_s, s.qa_s," \
	  " s.changeover_s, s.status, s.started_at, s.ended_at FROM slot s" \
	  " JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id" \
	  " WHERE $room IS NULL OR s.room_id = $room ORDER BY r.name, r.id, s.position") \
	_(SCHEDULE_DELETE_UNSTARTED, "DELETE FROM slot WHERE status = 'scheduled'") \
	_(SCHEDULE_FREE_TEAMS, \
	  "SELECT t.id FROM team t WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.team_id = t.id)" \
	  " ORDER BY t.name, t.id") \
	_(SCHEDULE_FREE_TEAM_ROOMS, \
	  "SELECT DISTINCT t.id, t.name, x.room_id, m.name FROM team t JOIN team_track k ON k.team_id = t.id" \
	  " JOIN room_track x ON x.track_id = k.track_id JOIN room m ON m.id = x.room_id" \
	  " WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.team_id = t.id) ORDER BY t.name, t.id, m.name, m.id") \
	_(SCHEDULE_KEPT, \
	  "SELECT room_id, count(*), max(position), max(starts_at + pitch_s + qa_s + changeover_s)" \
	  " FROM slot GROUP BY room_id") \
	_(SCHEDULE_SLOT_INSERT, \
	  "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s, changeover_s)" \
	  " VALUES ($id, $room, $team, $position, $starts_at, $pitch_s, $qa_s, $changeover_s)") \
	_(SCHEDULE_JSON, \
	  "SELECT json_group_array(json(o)) FROM (SELECT json_object('team', t.name, 'room', r.name," \
	  " 'position', s.position, 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch')," \
	  " 'status', s.status) AS o FROM slot s JOIN team t ON t.id = s.team_id" \
	  " JOIN room r ON r.id = s.room_id ORDER BY r.name, s.position)") \
	_(SCHEDULE_SLOT_JSON, \
	  "SELECT json_object('team', t.name, 'room', r.name, 'position', s.position," \
	  " 'start', strftime('%Y-%m-%d %H:%M', s.starts_at, 'unixepoch'), 'status', s.status," \
	  " 'started_at', strftime('%Y-%m-%d %H:%M:%S', s.started_at, 'unixepoch')," \
	  " 'ended_at', strftime('%Y-%m-%d %H:%M:%S', s.ended_at, 'unixepoch'))" \
	  " FROM slot s JOIN team t ON t.id = s.team_id JOIN room r ON r.id = s.room_id WHERE s.id = $id") \
	_(SCHEDULE_PARK, "UPDATE slot SET position = -rowid WHERE room_id = $room") \
	_(SCHEDULE_PLACE, \
	  "UPDATE slot SET room_id = $room, position = $position, starts_at = $starts_at WHERE id = $id") \
	_(SCHEDULE_SET_STATUS, \
	  "UPDATE slot SET status = $status, started_at = $started_at, ended_at = $ended_at WHERE id = $id") \
	_(SCHEDULE_TIMER_SET, \
	  "INSERT INTO room_timer(room_id, slot_id, state, run_started_at, elapsed_s, changeover_cut_s)" \
	  " VALUES ($room, $slot, $state, $run_started_at, $elapsed_s, $cut)" \
	  " ON CONFLICT (room_id) DO UPDATE SET slot_id = excluded.slot_id, state = excluded.state," \
	  " run_started_at = excluded.run_started_at, elapsed_s = excluded.elapsed_s," \
	  " changeover_cut_s = excluded.changeover_cut_s") \
	_(SCHEDULE_TIMER_JSON, \
	  "SELECT json_object('room', r.name, 'state', coalesce(t.state, 'idle')," \
	  " 'elapsed_s', coalesce(t.elapsed_s, 0), 'changeover_cut_s', coalesce(t.changeover_cut_s, 0)," \
	  " 'team', (SELECT m.name FROM slot s JOIN team m ON m.id = s.team_id WHERE s.id = $slot)," \
	  " 'slot_status', (SELECT s.status FROM slot s WHERE s.id = $slot))" \
	  " FROM room r LEFT JOIN room_timer t ON t.room_id = r.id WHERE r.id = $room") \
	_(SCHEDULE_ROW_JSON, \
	  "SELECT json_object('start', $start, 'end', $end, 'room', $room, 'team', $team, 'status', $status," \
	  " 'planned_start', $planned, 'late_min', $late, 'room_id', $room_id, 'team_id', $team_id, 'id', $id)") \
	_(SCHEDULE_CHASE, \
	  "SELECT j.name, coalesce(s.status = 'submitted', 0) FROM judge j" \
	  " LEFT JOIN sheet s ON s.judge_id = j.id AND s.team_id = $team" \
	  " WHERE (NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team)" \
	  "  OR EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = $team AND a.judge_id = j.id))" \
	  " AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.team_id = $team AND c.judge_id = j.id)" \
	  " ORDER BY j.name")

/* Every name of a kind, for the look-alike check of names.c. */
#define STMT_NAMES(_) \
	_(NAMES_TRACK, "SELECT id, name FROM track") \
	_(NAMES_TEAM, "SELECT id, name FROM team") \
	_(NAMES_JUDGE, "SELECT id, name FROM judge") \
	_(NAMES_COACH, "SELECT id, name FROM coach") \
	_(NAMES_ROOM, "SELECT id, name FROM room") \
	_(NAMES_CRITERION, "SELECT id, name FROM criterion")

#define STMT_ACCESS(_) \
	_(ACCESS_HAS_ROLE, "SELECT 1 FROM role_grant WHERE unix_user = $user AND role = $role") \
	_(ACCESS_ANY_ORGANIZER, "SELECT 1 FROM role_grant WHERE role = 'organizer' LIMIT 1") \
	_(ACCESS_JUDGE, "SELECT id, name FROM judge WHERE unix_user = $user") \
	_(ACCESS_COACH, "SELECT id, name FROM coach WHERE unix_user = $user") \
	_(ACCESS_GRANT, \
	  "INSERT INTO role_grant(unix_user, role, granted_at, granted_by) VALUES ($user, $role, $now, $by)" \
	  " ON CONFLICT DO NOTHING") \
	_(ACCESS_REVOKE, "DELETE FROM role_grant WHERE unix_user = $user AND role = $role") \
	_(ACCESS_ORGANIZER_COUNT, "SELECT count(*) FROM role_grant WHERE role = 'organizer'") \
	_(ACCESS_GRANT_JSON, \
	  "SELECT json_object('unix_user', unix_user, 'role', role, 'granted_at'," \
	  " datetime(granted_at, 'unixepoch', 'localtime'), 'granted_by', granted_by)" \
	  " FROM role_grant WHERE unix_user = $user AND role = $role") \
	_(ACCESS_LIST, \
	  "SELECT unix_user, role, datetime(granted_at, 'unixepoch', 'localtime'), granted_by FROM role_grant" \
	  " ORDER BY unix_user, role") \
	_(ACCESS_LIST_JSON, \
	  "SELECT json_group_array(json_object('unix_user', unix_user, 'role', role, 'granted_at', at," \
	  " 'granted_by', granted_by)) FROM (SELECT unix_user, role," \
	  " datetime(granted_at, 'unixepoch', 'localtime') AS at, granted_by FROM role_grant ORDER BY unix_user, role)")

/* Sites and the hub (site.c, hub.c, changes.c). */
#define STMT_SITES(_) \
	_(SITE_SELF, "SELECT name, public_key, hub_key, acked FROM site_self") \
	_(SITE_SELF_INSERT, \
	  "INSERT INTO site_self(one, name, public_key, hub_key) VALUES (1, $name, $public_key, $hub_key)") \
	_(SITE_ACK, "UPDATE site_self SET acked = $acked WHERE acked < $acked") \
	_(OUTBOX_INSERT, "INSERT INTO outbox(changes) VALUES ($changes)") \
	_(OUTBOX_AFTER, "SELECT seq, changes FROM outbox WHERE seq > $after ORDER BY seq") \
	_(OUTBOX_DELETE, "DELETE FROM outbox WHERE seq <= $upto") \
	_(OUTBOX_LAST, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)") \
	_(HUB_SELF, "SELECT public_key FROM hub_self") \
	_(HUB_SELF_INSERT, "INSERT INTO hub_self(one, public_key) VALUES (1, $public_key)") \
	_(HUB_SITE_INSERT, \
	  "INSERT INTO hub_site(id, name, name_key, public_key, added_at) VALUES ($id, $name, $key, $public_key, $now)") \
	_(HUB_SITES, "SELECT name, public_key FROM hub_site ORDER BY name_key") \
	_(HUB_SITE_BY_KEY, "SELECT name, public_key FROM hub_site WHERE name_key = $key") \
	_(HUB_SITE_SEEN, "UPDATE hub_site SET bundles_seen = bundles_seen + 1 WHERE name = $name") \
	_(HUB_SITE_BY_PUBLIC_KEY, "SELECT name FROM hub_site WHERE public_key = $public_key") \
	_(HUB_FINALISTS_COUNT, "SELECT count(*) FROM team WHERE site <> ''") \
	_(HUB_TEAM_SET_SITE, "UPDATE team SET site = $site WHERE id = $id") \
	_(MIRROR_SELF_INSERT, "INSERT INTO mirror_self(one, site) VALUES (1, $site)") \
	_(MIRROR_SELF, "SELECT site, last_seq, bundles, last_at, claimed_seq, claimed_state FROM mirror_self") \
	_(MIRROR_ADVANCE, \
	  "UPDATE mirror_self SET last_seq = $last, bundles = bundles + 1, last_at = $now, claimed_seq = $last," \
	  " claimed_state = $state") \
	_(MIRROR_PENDING_INSERT, \
	  "INSERT OR IGNORE INTO mirror_pending(first_seq, last_seq, bundle) VALUES ($first, $last, $bundle)") \
	_(MIRROR_PENDING_NEXT, \
	  "SELECT bundle FROM mirror_pending WHERE first_seq <= $next AND last_seq >= $next" \
	  " ORDER BY last_seq DESC LIMIT 1") \
	_(MIRROR_PENDING_PRUNE, "DELETE FROM mirror_pending WHERE last_seq < $next") \
	_(MIRROR_PENDING_COUNT, "SELECT count(*) FROM mirror_pending") \
	_(MIRROR_COUNTS, "SELECT (SELECT count(*) FROM team), (SELECT count(*) FROM sheet)") \
	_(HUB_SITE_JSON, \
	  "SELECT json_object('site', $site, 'bundles', $bundles, 'last_seq', $last, 'teams', $teams," \
	  " 'sheets', $sheets, 'pending', $pending, 'in_sync', json(iif($in_sync, 'true', 'false'))," \
	  " 'last_bundle', $last_bundle)")

#define STMT_STALE(_) \
	_(STALE_LAST_AUDIT, "SELECT coalesce(max(seq), 0) FROM audit") \
	_(STALE_AUDIT_SINCE, "SELECT kind, max(seq) FROM audit WHERE seq > $seq GROUP BY kind")

#define STMT_INFO(_) \
	STMT_META(_) STMT_EVENT(_) STMT_TRACK(_) STMT_TEAM(_) STMT_JUDGE(_) STMT_COACH(_) STMT_ROOM(_) STMT_FIELDS(_) \
	STMT_CRITERION(_) STMT_SHEET(_) STMT_AUDIT(_) STMT_HISTORY(_) STMT_RANKING(_) STMT_RESULTS(_) STMT_IMPORT(_) \
	STMT_LIST(_) STMT_EXPORT(_) STMT_CHECK(_) STMT_BOARD(_) \
	STMT_TIMELINE(_) STMT_SCHEDULE(_) STMT_PANEL(_) STMT_COACHING(_) STMT_NAMES(_) STMT_ACCESS(_) STMT_SITES(_) \
	STMT_STALE(_)

enum stmt {
#define STMT_ENUM(id, sql) STMT_##id,
	STMT_INFO(STMT_ENUM)
#undef STMT_ENUM
	STMT_COUNT
};

#endif
