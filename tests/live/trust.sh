#!/bin/sh
# Trust is the core's, whatever the front end: once the organizer locks the
# results (from another process, while a judge's console is open), the judge's
# next key is refused on screen and nothing changes; the command line refuses
# too, except the organizer's correction with a reason, which the console then shows.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console judge 80 24 tui --role judge --as "Sarah Cohen"
wait_for judge ' to do'
# the first team still to do, whichever it is
n=$(screen judge | awk 'NR > 2 && / to do/ { print NR - 3; exit }')
while [ "$n" -gt 0 ]; do keys judge j; n=$((n - 1)); done
keys judge Enter
wait_for judge '> Idea'
team=$(screen judge | sed -n 2p | sed 's/^ *//; s/  .*//')
keys judge 4
wait_for judge '\[4\]'
expect_sql "SELECT count(*) FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id
	WHERE j.name = 'Sarah Cohen' AND t.name = '$team' AND s.status = 'draft'" 1

run podium results lock
expect_rc 0
before=$(snapshot)
keys judge 5
wait_for judge 'results are locked'
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "the judge's console changed a locked sheet"

run podium score --judge "Sarah Cohen" --team "$team" idea=5
expect_rc 1
expect_err_match "^podium: results are locked; only the organizer's correction with a reason \(score \.\.\. --reason TEXT\) can change a sheet$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused score changed the file"

run podium score --judge "Sarah Cohen" --team "$team" idea=2 --reason "misread the paper sheet"
expect_rc 0
expect_sql "SELECT v.value FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id
	JOIN sheet_value v ON v.sheet_id = s.id JOIN criterion c ON c.id = v.criterion_id
	WHERE j.name = 'Sarah Cohen' AND t.name = '$team' AND c.name = 'Idea'" 2
wait_for judge '\[2\]'
run podium history --judge "Sarah Cohen" --format csv
expect_out_match 'misread the paper sheet'

keys judge q
wait_exit judge
expect_rc 0
finish
