#include "config.h"
#include "store_internal.h"

/*
 * The schema, as an ordered list of migrations: migrations[i] takes a file
 * from user_version i to i + 1, each in its own transaction, and ends by setting
 * user_version to i + 1 (a pragma takes no bound value, so it is spelt out).
 * Never edit a step that has shipped; add one.
 *
 * Times: *_at columns of the event's plan (starts_at, windows, slots) are the
 * event's local wall-clock time as seconds since 1970 read as if it were UTC;
 * audit.at and the sheets' created_at/updated_at are real Unix times.
 */
/* c(0) of a site's chain (changes.c): 32 zero bytes, as an SQL literal */
#define CHAIN_ZERO "x'0000000000000000000000000000000000000000000000000000000000000000'"

static const char *const migrations[] = {
	/* 0 -> 1: the event, its people, the rubric, sheets and the audit log */
	"CREATE TABLE event("
	"  id TEXT PRIMARY KEY,"
	"  one INTEGER NOT NULL UNIQUE DEFAULT 1 CHECK (one = 1),"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  starts_at INTEGER NOT NULL,"
	"  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 720),"
	"  results_locked INTEGER NOT NULL DEFAULT 0 CHECK (results_locked IN (0, 1)),"
	"  board_frozen INTEGER NOT NULL DEFAULT 0 CHECK (board_frozen IN (0, 1)),"
	"  reveal_step INTEGER NOT NULL DEFAULT -1,"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE TABLE track("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE"
	");"
	"CREATE TABLE team("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  project TEXT NOT NULL DEFAULT '',"
	"  table_label TEXT NOT NULL DEFAULT '',"
	"  description TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE team_track("
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  track_id TEXT NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (team_id, track_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX team_track_by_track ON team_track(track_id);"
	"CREATE TABLE team_member("
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (team_id, position)"
	") WITHOUT ROWID;"
	"CREATE TABLE judge("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  email TEXT NOT NULL DEFAULT '',"
	"  unix_user TEXT UNIQUE,"
	"  pin_hash TEXT"
	");"
	"CREATE TABLE judge_track("
	"  judge_id TEXT NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
	"  track_id TEXT NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (judge_id, track_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX judge_track_by_track ON judge_track(track_id);"
	"CREATE TABLE coach("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  email TEXT NOT NULL DEFAULT ''"
	");"
	/* key columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table otherwise */
	"CREATE TABLE coach_skill("
	"  coach_id TEXT NOT NULL REFERENCES coach(id) ON DELETE CASCADE,"
	"  skill_key TEXT NOT NULL,"
	"  skill TEXT NOT NULL,"
	"  PRIMARY KEY (coach_id, skill_key)"
	") WITHOUT ROWID;"
	"CREATE TABLE coach_window("
	"  coach_id TEXT NOT NULL REFERENCES coach(id) ON DELETE CASCADE,"
	"  starts_at INTEGER NOT NULL,"
	"  ends_at INTEGER NOT NULL,"
	"  CHECK (ends_at > starts_at),"
	"  PRIMARY KEY (coach_id, starts_at)"
	") WITHOUT ROWID;"
	"CREATE TABLE room("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0)"
	");"
	"CREATE TABLE room_track("
	"  room_id TEXT NOT NULL REFERENCES room(id) ON DELETE CASCADE,"
	"  track_id TEXT NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (room_id, track_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE criterion("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  position INTEGER NOT NULL UNIQUE,"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  min_value INTEGER NOT NULL,"
	"  max_value INTEGER NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  CHECK (max_value > min_value)"
	");"
	/* total: T(j,t) of podium(1), kept in the same transaction as the values; NULL while incomplete */
	"CREATE TABLE sheet("
	"  id TEXT PRIMARY KEY,"
	"  judge_id TEXT NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  total REAL CHECK (total IS NULL OR total BETWEEN 0 AND 100),"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL,"
	"  UNIQUE (judge_id, team_id)"
	");"
	"CREATE INDEX sheet_by_team ON sheet(team_id);"
	"CREATE TABLE sheet_value("
	"  sheet_id TEXT NOT NULL REFERENCES sheet(id) ON DELETE CASCADE,"
	"  criterion_id TEXT NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,"
	"  value INTEGER NOT NULL,"
	"  PRIMARY KEY (sheet_id, criterion_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX sheet_value_by_criterion ON sheet_value(criterion_id);"
	"CREATE TABLE conflict("
	"  judge_id TEXT NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  PRIMARY KEY (judge_id, team_id)"
	") WITHOUT ROWID;"
	/* hash = BLAKE2b(prev_hash || this row's content): a chain that check verifies */
	"CREATE TABLE audit("
	"  seq INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  record_id TEXT,"
	"  team_id TEXT,"
	"  judge_id TEXT,"
	"  before TEXT,"
	"  after TEXT,"
	"  reason TEXT,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL"
	");"
	"CREATE INDEX audit_by_team ON audit(team_id) WHERE team_id IS NOT NULL;"
	"CREATE INDEX audit_by_judge ON audit(judge_id) WHERE judge_id IS NOT NULL;"
	"PRAGMA user_version = 1;",

	/* 1 -> 2: the timeline, pitch slots and their timers, judge panels, coaching, the frozen board */
	"CREATE TABLE phase("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  kind TEXT NOT NULL DEFAULT '',"		/* kickoff, ideas, build, checkpoint, submission, pitches, deliberation, awards, meal */
	"  starts_at INTEGER NOT NULL,"
	"  ends_at INTEGER NOT NULL,"
	"  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),"	/* does not move when pitches slip */
	"  CHECK (ends_at >= starts_at)"
	");"
	"CREATE INDEX phase_by_start ON phase(starts_at);"
	/* one pitch per team; starts_at is the plan, the projection adds the slips */
	"CREATE TABLE slot("
	"  id TEXT PRIMARY KEY,"
	"  room_id TEXT NOT NULL REFERENCES room(id) ON DELETE CASCADE,"
	"  team_id TEXT NOT NULL UNIQUE REFERENCES team(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  starts_at INTEGER NOT NULL,"
	"  pitch_s INTEGER NOT NULL CHECK (pitch_s > 0),"
	"  qa_s INTEGER NOT NULL CHECK (qa_s >= 0),"
	"  changeover_s INTEGER NOT NULL CHECK (changeover_s >= 0),"
	"  status TEXT NOT NULL DEFAULT 'scheduled'"
	"    CHECK (status IN ('scheduled', 'running', 'done', 'noshow')),"
	"  started_at INTEGER,"
	"  ended_at INTEGER,"
	"  UNIQUE (room_id, position)"
	");"
	/* the timekeeper's clock of a room, shared by every console */
	"CREATE TABLE room_timer("
	"  room_id TEXT PRIMARY KEY REFERENCES room(id) ON DELETE CASCADE,"
	"  slot_id TEXT REFERENCES slot(id) ON DELETE SET NULL,"
	"  state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'running', 'paused')),"
	"  run_started_at INTEGER,"	/* event time the current run began */
	"  elapsed_s INTEGER NOT NULL DEFAULT 0,"	/* seconds run before the current run */
	"  changeover_cut_s INTEGER NOT NULL DEFAULT 0"	/* changeover time given back to catch up */
	");"
	"CREATE TABLE assignment("
	"  judge_id TEXT NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (judge_id, team_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX assignment_by_team ON assignment(team_id);"
	"CREATE TABLE coach_session("
	"  id TEXT PRIMARY KEY,"
	"  coach_id TEXT NOT NULL REFERENCES coach(id) ON DELETE CASCADE,"
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  stage TEXT NOT NULL,"
	"  starts_at INTEGER NOT NULL,"
	"  ends_at INTEGER NOT NULL,"
	"  CHECK (ends_at > starts_at)"
	");"
	"CREATE INDEX coach_session_by_coach ON coach_session(coach_id, starts_at);"
	"CREATE INDEX coach_session_by_team ON coach_session(team_id, starts_at);"
	/* the stages a coach validated for a team (the rubric's criteria names) */
	"CREATE TABLE team_stage("
	"  team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	"  stage_key TEXT NOT NULL,"
	"  stage TEXT NOT NULL,"
	"  validated_by TEXT REFERENCES coach(id) ON DELETE SET NULL,"
	"  validated_at INTEGER NOT NULL,"
	"  PRIMARY KEY (team_id, stage_key)"
	") WITHOUT ROWID;"
	/* the leaderboard as it stood when frozen (JSON), so every display shows the same board */
	"ALTER TABLE event ADD COLUMN frozen_board TEXT;"
	"PRAGMA user_version = 2;",

	/* 2 -> 3: a session booked by hand, which 'coach plan' keeps */
	"ALTER TABLE coach_session ADD COLUMN booked INTEGER NOT NULL DEFAULT 0 CHECK (booked IN (0, 1));"
	"PRAGMA user_version = 3;",

	/* 3 -> 4: the results policy (one official result) and the calibration pitch */
	"ALTER TABLE event ADD COLUMN rank_method TEXT NOT NULL DEFAULT 'raw'"
	"  CHECK (rank_method IN ('raw', 'normalized'));"
	"ALTER TABLE event ADD COLUMN min_judges INTEGER NOT NULL DEFAULT 1 CHECK (min_judges BETWEEN 1 AND 1000);"
	/* keys joined by ',': raw, normalized, judges, criterion:<criterion id> */
	"ALTER TABLE event ADD COLUMN tie_break TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE team ADD COLUMN calibration INTEGER NOT NULL DEFAULT 0 CHECK (calibration IN (0, 1));"
	"PRAGMA user_version = 4;",

	/*
	 * 4 -> 5: who may do what (roles granted to logins, the coaches' logins), the PIN's
	 * failed tries, and audit rows that carry the state they leave and their chain's form:
	 * 0 written before this step, 1 unkeyed, 2 keyed with the event's secret key.
	 */
	"CREATE TABLE role_grant("
	"  unix_user TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('organizer', 'timekeeper')),"
	"  granted_at INTEGER NOT NULL,"
	"  granted_by TEXT NOT NULL,"
	"  PRIMARY KEY (unix_user, role)"
	") WITHOUT ROWID;"
	"ALTER TABLE judge ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);"
	"ALTER TABLE coach ADD COLUMN unix_user TEXT;"
	"CREATE UNIQUE INDEX coach_by_unix_user ON coach(unix_user) WHERE unix_user IS NOT NULL;"
	"ALTER TABLE audit ADD COLUMN state TEXT;"
	"ALTER TABLE audit ADD COLUMN form INTEGER NOT NULL DEFAULT 0 CHECK (form IN (0, 1, 2));"
	"PRAGMA user_version = 5;",

	/* 5 -> 6: sites and the hub. A site's writes to its synced tables are kept in the outbox
	 * (AUTOINCREMENT: a sequence number is never reused once acknowledged rows are deleted);
	 * the hub pins each site's key; a mirror file (one per site, beside the hub) records how far
	 * it follows its site and keeps aside bundles that came early; a finalist keeps its site. */
	"ALTER TABLE team ADD COLUMN site TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE outbox("
	"  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  changes BLOB NOT NULL"
	");"
	"CREATE TABLE site_self("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  public_key TEXT NOT NULL,"
	"  hub_key TEXT NOT NULL,"
	"  acked INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE hub_self("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  public_key TEXT NOT NULL"
	");"
	"CREATE TABLE hub_site("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  public_key TEXT NOT NULL UNIQUE,"
	"  added_at INTEGER NOT NULL,"
	"  bundles_seen INTEGER NOT NULL DEFAULT 0"	/* every bundle checked: a change the hub's consoles see */
	");"
	"CREATE TABLE mirror_self("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  site TEXT NOT NULL,"
	"  last_seq INTEGER NOT NULL DEFAULT 0,"
	"  bundles INTEGER NOT NULL DEFAULT 0,"
	"  last_at INTEGER,"
	"  claimed_seq INTEGER NOT NULL DEFAULT 0,"
	"  claimed_state TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE mirror_pending("
	"  first_seq INTEGER NOT NULL,"
	"  last_seq INTEGER NOT NULL,"
	"  bundle BLOB NOT NULL,"
	"  PRIMARY KEY (first_seq, last_seq)"
	") WITHOUT ROWID;"
	"PRAGMA user_version = 6;",

	/*
	 * 6 -> 7: no index on the audit log's team and judge: no query seeks by them (history
	 * scans the log in order), and each was one more page to write in every audited commit.
	 */
	"DROP INDEX IF EXISTS audit_by_team;"
	"DROP INDEX IF EXISTS audit_by_judge;"
	"PRAGMA user_version = 7;",

	/*
	 * 7 -> 8: a hash chain over each site's stream of changes. outbox.chain is the chain value
	 * after the entry, site_self.acked_chain the value at the last acknowledged entry (deleted by
	 * then), mirror_self.chain the value at the last entry the mirror applied. A site that joined
	 * before chains starts its chain at its last acknowledged entry, from 32 zero bytes, and the
	 * entries it still holds are chained from there (podium_chain(), store.c registers it); a mirror
	 * that had applied changes has no chain value yet (NULL) and takes the first bundle's.
	 */
	"ALTER TABLE outbox ADD COLUMN chain BLOB;"
	"ALTER TABLE site_self ADD COLUMN acked_chain BLOB DEFAULT " CHAIN_ZERO ";"
	"ALTER TABLE mirror_self ADD COLUMN chain BLOB DEFAULT " CHAIN_ZERO ";"
	"UPDATE mirror_self SET chain = NULL WHERE last_seq > 0;"
	"WITH RECURSIVE c(seq, chain) AS ("
	"  SELECT acked, acked_chain FROM site_self"
	"  UNION ALL"
	"  SELECT o.seq, podium_chain(c.chain, o.seq, o.changes) FROM c JOIN outbox o ON o.seq = c.seq + 1"
	")"
	"UPDATE outbox SET chain = (SELECT c.chain FROM c WHERE c.seq = outbox.seq);"
	"PRAGMA user_version = 8;",

	/*
	 * 8 -> 9: a submitted sheet changed since it was submitted (values or comment, without
	 * submitting again): it still counts, and shows as changed until it is submitted again.
	 * Only a submitted sheet can be changed so; every sheet of an older file is not.
	 */
	"ALTER TABLE sheet ADD COLUMN changed INTEGER NOT NULL DEFAULT 0"
	"  CHECK (changed IN (0, 1) AND (changed = 0 OR status = 'submitted'));"
	"PRAGMA user_version = 9;",
};

int schema_latest(void)
{
	return (int)PD_ARRAY_LEN(migrations);
}

const char *schema_step(int from_version)
{
	if (from_version < 0 || from_version >= schema_latest())
		return NULL;
	return migrations[from_version];
}
