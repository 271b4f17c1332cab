#!/bin/sh
# Every console action goes through the one save queue: while another process
# holds the write lock, the organizer's lock, freeze and import and a judge's
# conflict declaration say "your change is kept", change nothing yet, and are
# all saved, in order, once the file is free.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
printf 'name,project\nLes Retardataires,Arrivés en retard\n' >"$TESTDIR/late.csv"
console org 100 30 tui --role organizer
console judge 100 30 tui --role judge --as "Sarah Cohen"
wait_for org 'Teams'
wait_for judge 'Elles Codent .*to do'

hold_lock
keys org L
wait_for org 'Lock the results\?'
keys org y
wait_for org 'busy; your change is kept'
keys org F
wait_for org 'Freeze the board on every display\?'
keys org y
keys org i
wait_for org 'Import teams from CSV file:'
type_text org "$TESTDIR/late.csv"
keys org Enter
keys judge x
wait_for judge 'Declare a conflict of interest with'
keys judge y
wait_for judge 'busy; your change is kept'
expect_sql "SELECT results_locked || board_frozen FROM event" 00
expect_sql "SELECT count(*) FROM team WHERE name = 'Les Retardataires'" 0
expect_sql "SELECT count(*) FROM conflict" 0
release_lock

wait_for org 'Saved: the event file is free again' 8
wait_for org 'Les Retardataires +Arrivés en retard'
wait_for judge 'Bridge Builders .* conflict' 8
expect_sql "SELECT results_locked || board_frozen FROM event" 11
expect_sql "SELECT count(*) FROM team WHERE name = 'Les Retardataires'" 1
expect_sql "SELECT count(*) FROM conflict c JOIN judge j ON j.id = c.judge_id WHERE j.name = 'Sarah Cohen'" 1
wait_for org 'results LOCKED · board frozen'
keys org q
keys judge q
wait_exit org
expect_rc 0
wait_exit judge
expect_rc 0
finish
