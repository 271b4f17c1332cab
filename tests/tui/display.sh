#!/bin/sh
# The projector follows the file by itself: a sheet submitted by another
# process shows on the board without a key press; freeze holds the board.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console display 132 43 tui --role display
wait_for display 'Leaderboard · all teams'
wait_for display 'Bridge Builders'
screen display | grep -q 'Code Camarades' && fail "an unscored team is on the projector"

run podium score --judge "Sarah Cohen" --team "Code Camarades" idea=5 engagement=5 technique=5 marketing=5 design=5 viability=5 pitch=5 --submit
expect_rc 0
wait_for display '1 +Code Camarades +[0-9.]+ █'

run podium tui --role display --bogus
expect_rc 2
finish
