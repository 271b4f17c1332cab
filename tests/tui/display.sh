#!/bin/sh
# The projector follows the file by itself: a sheet submitted by another
# process shows on the board without a key press; freeze holds the board.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console display 132 43 tui --role display
wait_for display 'Leaderboard · all teams'
wait_for display 'Bridge Builders'
screen display | grep -qE '^ +[0-9]+ +Code Camarades' && fail "an unscored team is on the projector"

run podium score --judge "Sarah Cohen" --team "Code Camarades" idea=5 engagement=5 technique=5 marketing=5 design=5 viability=5 pitch=5 --submit
expect_rc 0
wait_for display '1 +Code Camarades +[0-9.]+ █'

# frozen: a new sheet changes nothing on the board, even on a display opened later
run podium board freeze
expect_rc 0
expect_out_match '^board frozen'
wait_for display ' frozen$'
run podium score --judge "Sarah Cohen" --team "Data for All" idea=5 engagement=5 technique=5 marketing=5 design=5 viability=5 pitch=5 --submit
expect_rc 0
console late 132 43 tui --role display
wait_for late ' frozen$'
checks=$((checks + 1))
sleep 0.5
screen display | grep -qE '^ +[0-9]+ +Data for All' && fail "a frozen board moved"
screen late | grep -qE '^ +[0-9]+ +Data for All' && fail "a display opened during the freeze shows live scores"
run podium board unfreeze
wait_for display '^ +[0-9]+ +Data for All'

# the ceremony: one team more from the bottom at each step
run podium board reveal
expect_out_match '^revealed 1 team from the bottom'
wait_for display '^ +\? +· · ·'
wait_for display '13 +Team Kaizen|13 +Cœur Vert'
run podium board reveal
expect_out_match '^revealed 2 teams'
run podium board unreveal
wait_gone display '· · ·'

# the organizer's Results tab puts each team's raw and normalized ranks side by side
run podium leaderboard --format csv
rank=$(grep ',Bridge Builders,' "$TESTDIR/out" | cut -d, -f1)
run podium leaderboard --method normalized --format csv
line=$(grep ',Bridge Builders,' "$TESTDIR/out")
nrank=${line%%,*}
z=$(echo "$line" | cut -d, -f3)
console org 132 43 tui --role organizer
wait_for org 'Teams'
keys org 0 Tab
wait_for org 'Raw #'
wait_for org "^ +$rank +Bridge Builders +92\.86 +$nrank +$z +3\$"
keys org q

run podium tui --role display --bogus
expect_rc 2
finish
