#!/bin/sh
# A console reloads only what a change makes stale, and never misses one: a
# timer started, a phase added and the results locked by other processes each
# reach the screens that show them, whichever part each screen read again.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console display 132 43 tui --role display
console org 132 43 tui --role organizer
wait_for display 'Leaderboard · all teams'
wait_for org 'Teams'
keys org 7
wait_for org 'Kickoff'

run podium timer start --room "Salle Rhône"
expect_rc 0
wait_for display 'Salle Rhône.*pitching'

run podium timeline add "Hot chocolate" --start "2026-12-05 16:00"
expect_rc 0
wait_for org 'Hot chocolate'

run podium results lock
expect_rc 0
wait_for org 'results LOCKED'
wait_for display 'Salle Rhône.*pitching'

keys org q
wait_exit org
expect_rc 0
finish
