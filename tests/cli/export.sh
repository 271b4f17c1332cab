#!/bin/sh
# export writes the whole event as one valid JSON document, names exact, no PIN hashes.
. "$top_srcdir/tests/cli/lib.sh"

# The value of a JSON path in the last output, read by SQLite.
json_at() {
	sqlite3 :memory: "SELECT json_extract(readfile('$TESTDIR/out'), '$1')"
}

expect_json_valid() {
	checks=$((checks + 1))
	[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$TESTDIR/out'))")" = 1 ] || fail "not valid JSON"
	[ "$(wc -l <"$TESTDIR/out")" -eq 1 ] || fail "not one line"
}

expect_json() {
	checks=$((checks + 1))
	got=$(json_at "$1")
	[ "$got" = "$2" ] || fail "$1 is '$got', expected '$2'"
}

run podium export
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"

podium init --name "Hack \"quoted\"" --start "2026-12-04 18:00" >/dev/null || exit 99
run podium export
expect_rc 0
expect_err_empty
expect_json_valid
expect_json '$.podium' 2
expect_json '$.event.name' 'Hack "quoted"'
expect_json '$.event.starts_at' '2026-12-04 18:00'
expect_json '$.event.hours' 48
expect_json '$.event.results_locked' 0
expect_json '$.teams' '[]'
expect_json '$.sheets' '[]'
expect_json '$.criteria[6].name' 'Pitch'
checks=$((checks + 1))
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$TESTDIR/out'), '\$.audit')")" = 9 ] ||
	fail "the audit log is not all there"
expect_json '$.audit[0].after.name' 'Hack "quoted"'

printf 'name,project,tracks,members\n"Castors, Lyon",Répar,Environment;Education,Paul;Zoé\n\033[31mRed,Evil\033]0;x\a,Inclusion,\n未来チーム 🌱,Mirai,,\n' >teams.csv
printf 'name,unix_user,pin\nChloé Martin,chloe,123456\n' >judges.csv
printf 'judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch,comment\nChloé Martin,"castors, lyon",5,4,3,2,1,5,4,"Très ""bien"", vraiment"\n' >sheets.csv
import_legacy teams teams.csv >/dev/null || { echo "cannot import teams"; exit 99; }
for kind in judges sheets; do
	podium import $kind $kind.csv >/dev/null || { echo "cannot import $kind"; exit 99; }
done
run podium export --format json
expect_rc 0
expect_json_valid
expect_json '$.teams[0].name' "$(printf '\033[31mRed')"
expect_json '$.teams[0].project' "$(printf 'Evil\033]0;x\a')"
expect_json '$.teams[1].name' 'Castors, Lyon'
expect_json '$.teams[1].tracks' '["Education","Environment"]'
expect_json '$.teams[1].members' '["Paul","Zoé"]'
expect_json '$.teams[2].name' '未来チーム 🌱'
expect_json '$.tracks[2].name' 'Inclusion'
expect_json '$.judges[0].name' 'Chloé Martin'
expect_json '$.judges[0].unix_user' 'chloe'
expect_json '$.sheets[0].judge' 'Chloé Martin'
expect_json '$.sheets[0].team' 'Castors, Lyon'
expect_json '$.sheets[0].status' 'submitted'
expect_json '$.sheets[0].comment' 'Très "bien", vraiment'
expect_json '$.sheets[0].values' '{"Idea":5,"Engagement":4,"Technique":3,"Marketing":2,"Design":1,"Viability":5,"Pitch":4}'
checks=$((checks + 1))
[ "$(sqlite3 :memory: "SELECT round(json_extract(readfile('$TESTDIR/out'), '\$.sheets[0].total'), 4)")" = 60.7143 ] ||
	fail "the sheet's total is wrong"
expect_json '$.sheets[0].changed' 0
expect_out_lacks 'pin_hash|argon2'
expect_out_lacks "$(printf '\r')"
expect_json '$.judges[0].has_pin' 1
expect_json '$.event.method' 'raw'
expect_json '$.event.min_judges' 1
expect_json '$.timeline[0].name' 'Kickoff'
expect_json '$.timeline[0].start' '2026-12-04 18:00'
expect_json '$.roles[0].role' 'organizer'
expect_json '$.slots' '[]'
expect_json '$.timers' '[]'

# a submitted sheet edited without --submit is changed until it is submitted again
podium score --judge "Chloé Martin" --team "Castors, Lyon" pitch=3 >/dev/null || { echo "cannot edit the sheet"; exit 99; }
run podium export
expect_json '$.sheets[0].status' 'submitted'
expect_json '$.sheets[0].changed' 1
podium score --judge "Chloé Martin" --team "Castors, Lyon" --submit >/dev/null || { echo "cannot submit the sheet"; exit 99; }
run podium export
expect_json '$.sheets[0].changed' 0

# every table is there: the schedule, the panels, the room timers, coaching
printf 'name\nHall\n' >rooms.csv
podium import rooms rooms.csv >/dev/null || { echo "cannot import rooms"; exit 99; }
podium schedule generate --start "2026-12-05 10:00" >/dev/null || { echo "cannot schedule"; exit 99; }
podium assign judges --per-team 1 >/dev/null || { echo "cannot assign judges"; exit 99; }
PODIUM_NOW="2026-12-05 10:00" podium timer start --room Hall >/dev/null || { echo "cannot start the timer"; exit 99; }
run podium export
expect_rc 0
expect_json_valid
expect_json '$.slots[0].room' 'Hall'
expect_json '$.slots[0].start' '2026-12-05 10:00'
expect_json '$.slots[0].status' 'running'
expect_json '$.panels[0].judge' 'Chloé Martin'
expect_json '$.timers[0].state' 'running'
expect_json '$.timers[0].run_started_at' '2026-12-05 10:00:00'
expect_json '$.coach_sessions' '[]'
expect_json '$.stages' '[]'

run podium export --format csv
expect_rc 2
expect_err_match "^podium: --format takes json, not 'csv'"
run podium export now
expect_rc 2
expect_err_match "^podium: unexpected argument 'now'"

finish
