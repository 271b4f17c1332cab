#!/bin/sh
# Nothing typed is lost: a console killed (SIGHUP: the ssh link dropped) while
# another process holds the file keeps its pending values in the journal of
# the user's state folder; the next podium started by that user saves them
# and says so. A change the rules refuse by then is kept aside, not dropped.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
state="$XDG_STATE_HOME/podium"
values() {
	sqlite3 "$PODIUM_DB" "SELECT group_concat(v.value, ' ') FROM (SELECT v.value FROM sheet s JOIN team t ON t.id = s.team_id JOIN judge j ON j.id = s.judge_id JOIN sheet_value v ON v.sheet_id = s.id JOIN criterion c ON c.id = v.criterion_id WHERE t.name = '$1' AND j.name = 'Sarah Cohen' ORDER BY c.position) v"
}
open_sheet() {
	console "$1" 80 24 tui --role judge --as "Sarah Cohen"
	wait_for "$1" "$2 .*to do"
	keys "$1" /
	type_text "$1" "$2"
	keys "$1" Enter Enter
	wait_for "$1" '> Idea'
}

# ---- killed at once: the signal saves what it can and keeps the rest ----
open_sheet one 'Elles Codent'
hold_lock
keys one 2 3 4
wait_for one 'busy; your change is kept'
kill -HUP "$(console_pid one)"
wait_exit one
expect_rc 0
checks=$((checks + 1))
[ -z "$(values 'Elles Codent')" ] || fail "values were saved while the file was held"
journal=$(ls "$state"/*.journal 2>/dev/null)
checks=$((checks + 1))
[ -n "$journal" ] || fail "no journal in $state"
checks=$((checks + 1))
[ "$(stat -c %a "$state") $(stat -c %a "$journal")" = "700 600" ] ||
	fail "the journal's folder and file are $(stat -c %a "$state") and $(stat -c %a "$journal"), not 700 and 600"
checks=$((checks + 1))
[ "$(grep -c '^value ' "$journal")" = 3 ] || fail "the journal does not hold the 3 values"
release_lock

run podium list teams --format csv
expect_rc 0
expect_err_match '^podium: 3 changes kept while the file was busy were saved$'
checks=$((checks + 1))
[ "$(values 'Elles Codent')" = "2 3 4" ] || fail "saved values are '$(values 'Elles Codent')', expected '2 3 4'"
checks=$((checks + 1))
[ ! -e "$journal" ] || fail "the journal stayed after it was saved"
run podium history --judge "Sarah Cohen" --format csv
expect_rc 0
expect_err_empty
expect_out_match 'judge Sarah Cohen'

# ---- busy for long: the journal is written while the console still waits ----
open_sheet two 'Horizon Jeunes'
hold_lock
keys two 5 4
wait_for two 'busy; your change is kept'
i=0
while [ ! -s "$journal" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
checks=$((checks + 1))
[ -s "$journal" ] || fail "a console waiting for the file kept no journal"
# the link drops while the file is still held; then the organizer (another
# account) locks the results before the judge comes back
kill -HUP "$(console_pid two)"
wait_exit two
release_lock
HOME="$TESTDIR/org" XDG_STATE_HOME="$TESTDIR/org/state" podium results lock >/dev/null 2>&1
checks=$((checks + 1))
[ "$(sqlite3 "$PODIUM_DB" 'SELECT results_locked FROM event')" = 1 ] || fail "the results did not get locked"

console three 80 24 tui --role judge --as "Sarah Cohen"
wait_for three "2 changes kept while the file was busy were refused \(results are locked"
keys three q
wait_exit three
expect_rc 0
checks=$((checks + 1))
[ ! -e "$journal" ] || fail "the journal stayed after its changes were refused"
checks=$((checks + 1))
[ "$(grep -c '^reason ' "$state"/*.rejected 2>/dev/null)" = 2 ] || fail "the refused changes are not kept aside with their reason"
checks=$((checks + 1))
[ -z "$(values 'Horizon Jeunes')" ] || fail "values were saved after the lock"
finish
