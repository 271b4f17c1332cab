#!/bin/sh
# The projector follows the file by itself: a sheet submitted by another
# process shows on the board without a key press; freeze holds the board; the
# ceremony reveals the final official result from the bottom, on every display,
# scrolling so the revealed team is on screen even at 80x24.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console display 132 43 tui --role display
wait_for display 'Leaderboard · all teams'
wait_for display 'Bridge Builders'
screen display | grep -qE '^ +[0-9]+ +Code Camarades' && fail "an unscored team is on the projector"

run podium score --judge "Sarah Cohen" --team "Code Camarades" idea=4 engagement=4 technique=4 marketing=4 design=4 viability=4 pitch=4 --submit
expect_rc 0
expect_out_match '^Sarah Cohen → Code Camarades: submitted, total 75'
wait_for display '[0-9]+ +Code Camarades +75\.00 █'
# more ranked teams than an 80x24 projector has rows
podium leaderboard --format csv | grep ',unscored$' | cut -d, -f2 | grep -v -e '^Data for All$' |
while read -r team; do
	podium score --judge "Marc Dubois" --team "$team" idea=2 engagement=2 technique=2 marketing=2 design=2 \
		viability=2 pitch=1 --submit >/dev/null 2>&1
done

# frozen: a new sheet changes nothing on the board, even on a display opened later
run podium board freeze
expect_rc 0
expect_out_match '^board frozen'
wait_for display ' frozen$'
run podium score --judge "Sarah Cohen" --team "Data for All" idea=5 engagement=5 technique=5 marketing=5 design=5 viability=5 pitch=5 --submit
expect_rc 0
expect_out_match '^Sarah Cohen → Data for All: submitted, total 100'
console late 132 43 tui --role display
wait_for late ' frozen$'
checks=$((checks + 1))
sleep 0.5
screen display | grep -qE '^ +[0-9]+ +Data for All' && fail "a frozen board moved"
screen late | grep -qE '^ +[0-9]+ +Data for All' && fail "a display opened during the freeze shows live scores"
run podium board unfreeze
expect_rc 0
expect_out_match '^board unfrozen: the displays follow the scores again$'
expect_out_match '^board unfrozen: the displays follow the scores again$'
wait_for display '^ +[0-9]+ +Data for All'
run podium board freeze
expect_rc 0
expect_out_match '^board frozen'

# The ceremony, after the lock: the final result, the sheet written during the freeze included.
console small 80 24 tui --role display
wait_for small ' frozen'
run podium board reveal
expect_rc 1
expect_err_match "^podium: the results are not locked yet"
run podium results lock
expect_rc 0
expect_out_match '^results locked: sheets now change only by a correction'
run podium leaderboard --format csv
winner=$(sed -n 2p "$TESTDIR/out" | cut -d, -f2)
ranked=$(grep -c ',ranked$' "$TESTDIR/out")
checks=$((checks + 1))
[ "$winner" = "Data for All" ] || fail "the official winner is '$winner', not Data for All"
[ "$ranked" -gt 20 ] || fail "only $ranked ranked teams: the board fits the screen"
run podium board reveal
expect_out_match "^revealed rank [0-9]+: .*, step 1 of $ranked\$"
last=$(sed -n 's/^revealed rank \([0-9]*\): \(.*\) (.*$/\1 +\2/p' "$TESTDIR/out")
wait_for small "^ +$last "
wait_for small '^ +\? +· · ·'
wait_for small '^ +\+[0-9]+ more'
wait_for display "^ +$last "
fits small 80
step=1
while [ "$step" -lt "$ranked" ]; do
	podium board reveal >"$TESTDIR/step" || fail "reveal step $step failed"
	step=$((step + 1))
	if [ "$step" -eq 12 ]; then
		# midway: the team just revealed is on the small screen, with hidden ones above
		shown=$(sed -n 's/^revealed rank \([0-9]*\): \(.*\) (.*$/\1 +\2/p' "$TESTDIR/step")
		wait_for small "^ +$shown "
		wait_for small '^ +\? +· · ·'
	fi
done
run podium board reveal
expect_out_match '^every team is revealed'
# the reveal ends on the official winner, on every display, whatever the freeze kept
wait_for small '^ +1 +Data for All +100\.00'
wait_for display '^ +1 +Data for All +100\.00'
wait_gone small '· · ·'
run podium results unlock
expect_rc 0
expect_out_match '^results unlocked: judges can edit their sheets again$'
wait_for display ' frozen$'
run podium board unfreeze
expect_rc 0

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
wait_for org 'Norm #'
wait_for org "^ +$rank=? +Bridge Builders +92\.86 +$nrank=? +$z +3\$"
keys org q

run podium tui --role display --bogus
expect_rc 2
expect_err_match "^podium: unknown option '--bogus'; see 'podium help tui'$"
finish
