#include "config.h"
#include "podium/export.h"

#include <stdlib.h>

#include "podium/ranking.h"
#include "podium/results.h"
#include "podium/store.h"

STMT_DEFINE(q_export_with_results,
	    "SELECT json_set($doc, '$.results', json_object('policy', json($policy), 'ranking', json($ranking)))");
/* The export's schema version, $.podium: 2 added slots, panels, timeline, coach sessions, stages,
 * timers, roles, the results policy, calibration, the coaches' logins and whether a judge has a
 * PIN; fields added since (a sheet's changed) leave every earlier field as it was. */
#define EXPORT_VERSION "2"

/* An event time as the command line writes it, to the second for the instants a timer records. */
#define EVENT_TIME(col) "strftime('%Y-%m-%d %H:%M', " col ", 'unixepoch')"
#define EVENT_INSTANT(col) "strftime('%Y-%m-%d %H:%M:%S', " col ", 'unixepoch')"
#define REAL_TIME(col) "strftime('%Y-%m-%dT%H:%M:%SZ', " col ", 'unixepoch')"

STMT_DEFINE(q_export_json,
	    "SELECT json_object('podium', " EXPORT_VERSION ","
	    " 'event', json((SELECT json_object('id', id, 'name', name,"
	    "  'starts_at', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'), 'hours', hours,"
	    "  'results_locked', json(iif(results_locked, 'true', 'false')),"
	    "  'board_frozen', json(iif(board_frozen, 'true', 'false')), 'reveal_step', reveal_step,"
	    "  'frozen_board', json(frozen_board), 'method', rank_method, 'min_judges', min_judges,"
	    "  'tie_break', tie_break,"
	    "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', created_at, 'unixepoch')) FROM event)),"
	    " 'tracks', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', id, 'name', name)"
	    "  AS o FROM track ORDER BY name))),"
	    " 'teams', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', t.id, 'name', t.name,"
	    "  'project', t.project, 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name"
	    "   FROM team_track x JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name))),"
	    "  'members', json((SELECT json_group_array(name) FROM (SELECT m.name FROM team_member m"
	    "   WHERE m.team_id = t.id ORDER BY m.position))),"
	    "  'table', t.table_label, 'description', t.description,"
	    "  'calibration', json(iif(t.calibration, 'true', 'false'))) AS o FROM team t ORDER BY t.name))),"
	    " 'judges', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', j.id, 'name', j.name,"
	    "  'email', j.email, 'unix_user', j.unix_user, 'tracks', json((SELECT json_group_array(name) FROM"
	    "   (SELECT r.name FROM judge_track x JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id"
	    "   ORDER BY r.name))), 'has_pin', json(iif(j.pin_hash IS NOT NULL, 'true', 'false')))"
	    "  AS o FROM judge j ORDER BY j.name))),"
	    " 'coaches', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', c.id, 'name', c.name,"
	    "  'email', c.email, 'unix_user', c.unix_user, 'skills', json((SELECT json_group_array(skill) FROM (SELECT skill FROM coach_skill"
	    "   WHERE coach_id = c.id ORDER BY skill))),"
	    "  'available', json((SELECT json_group_array(json(w)) FROM (SELECT json_object("
	    "   'start', strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'),"
	    "   'end', strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch')) AS w FROM coach_window"
	    "   WHERE coach_id = c.id ORDER BY starts_at)))) AS o FROM coach c ORDER BY c.name))),"
	    " 'rooms', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', m.id, 'name', m.name,"
	    "  'capacity', m.capacity, 'tracks', json((SELECT json_group_array(name) FROM (SELECT r.name"
	    "   FROM room_track x JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name))))"
	    "  AS o FROM room m ORDER BY m.name))),"
	    " 'criteria', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', id, 'name', name,"
	    "  'position', position, 'weight', weight, 'min', min_value, 'max', max_value,"
	    "  'description', description) AS o FROM criterion ORDER BY position))),"
	    " 'sheets', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', s.id,"
	    "  'judge_id', s.judge_id, 'judge', j.name, 'team_id', s.team_id, 'team', t.name, 'status', s.status,"
	    "  'changed', json(iif(s.changed, 'true', 'false')), 'comment', s.comment,"
	    "  'total', s.total,"
	    "  'values', json((SELECT json_group_object(name, value) FROM"
	    "   (SELECT c.name, v.value FROM sheet_value v JOIN criterion c ON c.id = v.criterion_id"
	    "   WHERE v.sheet_id = s.id ORDER BY c.position))),"
	    "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', s.created_at, 'unixepoch'),"
	    "  'updated_at', strftime('%Y-%m-%dT%H:%M:%SZ', s.updated_at, 'unixepoch')) AS o"
	    "  FROM sheet s LEFT JOIN judge j ON j.id = s.judge_id LEFT JOIN team t ON t.id = s.team_id"
	    "  ORDER BY t.name, j.name, s.id))),"
	    " 'conflicts', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('judge_id', k.judge_id,"
	    "  'judge', j.name, 'team_id', k.team_id, 'team', t.name, 'reason', k.reason,"
	    "  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', k.created_at, 'unixepoch')) AS o"
	    "  FROM conflict k LEFT JOIN judge j ON j.id = k.judge_id LEFT JOIN team t ON t.id = k.team_id"
	    "  ORDER BY j.name, t.name))),"
	    " 'slots', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', s.id,"
	    "  'room_id', s.room_id, 'room', r.name, 'team_id', s.team_id, 'team', t.name, 'position', s.position,"
	    "  'start', " EVENT_TIME("s.starts_at") ", 'pitch_s', s.pitch_s, 'qa_s', s.qa_s,"
	    "  'changeover_s', s.changeover_s, 'status', s.status, 'started_at', " EVENT_INSTANT("s.started_at") ","
	    "  'ended_at', " EVENT_INSTANT("s.ended_at") ") AS o FROM slot s JOIN room r ON r.id = s.room_id"
	    "  JOIN team t ON t.id = s.team_id ORDER BY r.name, s.position))),"
	    " 'panels', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('judge_id', a.judge_id,"
	    "  'judge', j.name, 'team_id', a.team_id, 'team', t.name) AS o FROM assignment a"
	    "  JOIN judge j ON j.id = a.judge_id JOIN team t ON t.id = a.team_id ORDER BY j.name, t.name))),"
	    " 'timeline', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', id, 'name', name,"
	    "  'kind', kind, 'start', " EVENT_TIME("starts_at") ", 'end', " EVENT_TIME("ends_at") ","
	    "  'pinned', json(iif(pinned, 'true', 'false'))) AS o FROM phase ORDER BY starts_at, ends_at, name))),"
	    " 'coach_sessions', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('id', s.id,"
	    "  'coach_id', s.coach_id, 'coach', c.name, 'team_id', s.team_id, 'team', t.name, 'stage', s.stage,"
	    "  'start', " EVENT_TIME("s.starts_at") ", 'end', " EVENT_TIME("s.ends_at") ","
	    "  'booked', json(iif(s.booked, 'true', 'false'))) AS o FROM coach_session s"
	    "  JOIN coach c ON c.id = s.coach_id JOIN team t ON t.id = s.team_id"
	    "  ORDER BY s.starts_at, c.name, t.name, s.stage))),"
	    " 'stages', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('team_id', g.team_id,"
	    "  'team', t.name, 'stage', g.stage, 'validated_by', g.validated_by, 'coach', c.name,"
	    "  'validated_at', " REAL_TIME("g.validated_at") ") AS o FROM team_stage g JOIN team t ON t.id = g.team_id"
	    "  LEFT JOIN coach c ON c.id = g.validated_by ORDER BY t.name, g.stage_key))),"
	    " 'timers', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('room_id', m.room_id,"
	    "  'room', r.name, 'slot_id', m.slot_id, 'state', m.state,"
	    "  'run_started_at', " EVENT_INSTANT("m.run_started_at") ", 'elapsed_s', m.elapsed_s,"
	    "  'changeover_cut_s', m.changeover_cut_s) AS o FROM room_timer m JOIN room r ON r.id = m.room_id"
	    "  ORDER BY r.name))),"
	    " 'roles', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('unix_user', unix_user,"
	    "  'role', role, 'granted_at', " REAL_TIME("granted_at") ", 'granted_by', granted_by) AS o"
	    "  FROM role_grant ORDER BY unix_user, role))),"
	    " 'audit', json((SELECT json_group_array(json(o)) FROM (SELECT json_object('seq', seq,"
	    "  'at', strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), 'actor', actor, 'action', action,"
	    "  'kind', kind, 'record_id', record_id, 'team_id', team_id, 'judge_id', judge_id,"
	    "  'before', json(CASE WHEN json_valid(before) THEN before ELSE json_quote(before) END),"
	    "  'after', json(CASE WHEN json_valid(after) THEN after ELSE json_quote(after) END),"
	    "  'reason', reason, 'prev_hash', prev_hash, 'hash', hash) AS o FROM audit ORDER BY seq))))");

static enum status export_txn(struct store *st, void *ctx)
{
	char **out = ctx, *doc = NULL, *ranking_doc = NULL, *policy_doc = NULL;
	struct results_policy policy;
	struct ranking r = { 0 };
	struct query *q;
	enum status s = query_first_text(store_query(st, &q_export_json), &doc);

	if (s == ST_OK)
		s = ranking_policy(st, &policy);
	if (s == ST_OK)
		s = ranking_compute(st, NULL, &r);
	if (s == ST_OK)
		s = ranking_json(st, &r, &ranking_doc);
	if (s == ST_OK && !(policy_doc = results_policy_json(st, &policy)))
		s = ST_INTERNAL;
	if (s == ST_OK) {
		q = store_query(st, &q_export_with_results);
		query_bind_text(q, "$doc", doc);
		query_bind_text(q, "$policy", policy_doc);
		query_bind_text(q, "$ranking", ranking_doc);
		free(*out);
		*out = NULL;
		s = query_first_text(q, out);
	}
	ranking_clear(&r);
	free(doc);
	free(ranking_doc);
	free(policy_doc);
	return s;
}

enum status export_json(struct store *st, char **out)
{
	enum status s;

	*out = NULL;
	s = store_read(st, export_txn, out);
	if (s != ST_OK) {
		free(*out);
		*out = NULL;
	}
	return s;
}
