#!/bin/sh
# The audit log holds as evidence: the chain is keyed with the event's secret
# key (kept outside the file), each sheet's row carries the state it leaves, and
# the account keeps the log's head. A sheet changed and the whole chain
# rewritten with the old unkeyed hash, a log cut short or emptied: check fails
# with a line for each. Without the key, check says what it cannot prove. A
# file whose chain predates the key still opens. Audit times are the real clock.
. "$top_srcdir/tests/cli/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP $here: sqlite3 or python3 is missing (apt-get install sqlite3 python3)"
	exit 77
fi
forge() { python3 "$top_srcdir/tests/cli/forge.py" "$@" || exit 99; }

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
event_id=$(sqlite3 event.db "SELECT id FROM event")
checks=$((checks + 1))
[ "$(stat -c %a "$XDG_STATE_HOME/podium")" = 700 ] && [ "$(stat -c %a "$XDG_STATE_HOME/podium/$event_id.key")" = 600 ] &&
	[ "$(stat -c %s "$XDG_STATE_HOME/podium/$event_id.key")" = 32 ] || fail "the key is not private to the account"
printf 'name\nLes Castors\nZèbres\n' | podium import teams - >/dev/null || exit 99
printf 'name\nÉmile Roux\n' | podium import judges - >/dev/null || exit 99
podium score --judge "Émile Roux" --team "Les Castors" Idea=3 Engagement=3 Technique=3 Marketing=3 Design=3 \
	Viability=3 Pitch=3 --submit >/dev/null || exit 99
podium score --judge "Émile Roux" --team "Zèbres" Idea=4 >/dev/null || exit 99
run podium check
expect_rc 0
expect_out <<'END'
audit chain: 14 rows, keyed and intact
replay: 2 sheets match the audit log
head: the log still holds row 14, the last one this account wrote
ok: 2 teams, 1 judges, 2 sheets, 14 audit rows
END
# the real clock, not PODIUM_NOW's
expect_sql_true() {
	checks=$((checks + 1))
	[ "$(sqlite3 event.db "$1")" = 1 ] || fail "$2"
}
expect_sql_true "SELECT min(abs(at - strftime('%s', 'now'))) < 3600 AND max(abs(at - strftime('%s', 'now'))) < 3600 FROM audit" \
	"audit times follow PODIUM_NOW"
cp event.db pristine.db

restore() { cp pristine.db event.db && rm -f event.db-wal event.db-shm; }
castors="(SELECT s.id FROM sheet s JOIN team t ON t.id = s.team_id WHERE t.name = 'Les Castors')"
idea="(SELECT id FROM criterion WHERE name = 'Idea')"

# a score changed, its audit row made to agree, the whole chain rewritten without the key
restore
sqlite3 event.db "UPDATE sheet_value SET value = 5 WHERE sheet_id = $castors AND criterion_id = $idea;
	UPDATE audit SET state = replace(state, '\"' || $idea || '\":3', '\"' || $idea || '\":5'),
	after = replace(after, '\"Idea\":3', '\"Idea\":5') WHERE record_id = $castors" || exit 99
forge event.db
run podium check
expect_rc 1
expect_out_match '^audit: the log was altered at row 1: its hash chain is broken$'
expect_out_match '^audit: row 14 is not the one this account wrote: the log was rewritten$'
expect_out_lacks 'intact'

# the same, marked as an old file's rows: the head still tells
restore
sqlite3 event.db "UPDATE sheet_value SET value = 5 WHERE sheet_id = $castors AND criterion_id = $idea;
	UPDATE sheet SET total = 400.0 / 7 WHERE id = $castors" || exit 99
forge event.db legacy
run podium check
expect_rc 1
expect_out <<'END'
audit: row 14 is not the one this account wrote: the log was rewritten
END
expect_err_match '^podium: 1 problem found in event.db$'

# only the score changed: the replay sees it
restore
sqlite3 event.db "UPDATE sheet_value SET value = 5 WHERE sheet_id = $castors AND criterion_id = $idea;
	UPDATE sheet SET total = 400.0 / 7 WHERE id = $castors" || exit 99
run podium check
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors differs from its last audit row: it was edited outside podium
END

# the last rows deleted
restore
sqlite3 event.db "DELETE FROM audit WHERE seq > 12" || exit 99
run podium check
expect_rc 1
expect_out_match '^audit: the log has 12 rows, but this account wrote row 14: rows were deleted from its end$'

# the whole log deleted
restore
sqlite3 event.db "DELETE FROM audit" || exit 99
run podium check
expect_rc 1
expect_out_match '^audit: the log is empty, though the file holds an event: it was deleted$'
expect_out_match '^audit: the log has 0 rows, but this account wrote row 14: rows were deleted from its end$'
expect_out_match '^replay: the sheet of Émile Roux for Les Castors is in no audit row: it was written outside podium$'

# a sheet deleted
restore
sqlite3 event.db "DELETE FROM sheet_value WHERE sheet_id = $castors; DELETE FROM sheet WHERE id = $castors" || exit 99
run podium check
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors is in the audit log but not in the file: it was deleted outside podium
END

# an account without the key: the links hold, and it says what it cannot prove
restore
XDG_STATE_HOME="$TESTDIR/other" run podium check
expect_rc 0
expect_out <<END
audit chain: 14 rows, links intact
check: the audit key of this event is not readable by $(id -un): the chain's links hold, but an edit by someone with write access cannot be ruled out
replay: 2 sheets match the audit log
ok: 2 teams, 1 judges, 2 sheets, 14 audit rows
END
XDG_STATE_HOME="$TESTDIR/other" podium score --judge "Émile Roux" --team "Zèbres" Pitch=2 >/dev/null || exit 99
run podium check
expect_rc 0
expect_out_match '^audit chain: 15 rows, keyed and intact; the last 1 was written by an account without the key'

# a backup is an older copy: its end is not held to the head
restore
podium backup copy.db >/dev/null || exit 99
podium score --judge "Émile Roux" --team "Zèbres" Pitch=2 >/dev/null || exit 99
run podium --db copy.db check
expect_rc 0
expect_out_match '^head: this file is a copy of the event'

# a file from before the key: it opens, and check says its chain is unkeyed
restore
forge event.db legacy
rm -f "$XDG_STATE_HOME/podium/$event_id.key" "$XDG_STATE_HOME/podium/$event_id.head"
run podium check
expect_rc 0
expect_out <<'END'
audit chain: 14 rows, unkeyed (no key for this event): its links hold, but anyone with write access could have rewritten it
replay: 0 sheets match the audit log; 2 sheets written by an older podium cannot be replayed
ok: 2 teams, 1 judges, 2 sheets, 14 audit rows
END
finish
