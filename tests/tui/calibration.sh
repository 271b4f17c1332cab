#!/bin/sh
# The calibration pitch comes first in every judge's queue, even outside their
# panel, says it counts nowhere, and the organizer's Sheets tab shows how each
# judge scored it.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
run podium team calibration "Green Bytes" on
expect_rc 0
console judge 80 24 tui --role judge --as "sarah cohen"
wait_for judge 'Green Bytes .*calibration'
checks=$((checks + 1))
screen judge | grep -A1 '^ *Team  *Pitch' | tail -n 1 | grep -q '^ *Green Bytes ' ||
	fail "the calibration pitch is not first in the queue"
run podium score --judge "Sarah Cohen" --team "Green Bytes" idea=2 engagement=2 technique=2 marketing=2 design=2 \
	viability=2 pitch=2 --submit
expect_rc 0
run podium leaderboard --format csv
expect_out_lacks 'Green Bytes'
keys judge q
console org 132 43 tui --role organizer
wait_for org 'Teams'
# the Sheets tab: Sarah's total for the calibration pitch (2s on 1..5: 25.0)
keys org 9
wait_for org 'calibration: Green Bytes'
wait_for org '^ *Sarah Cohen .* 25\.0'
keys org q
finish
