#!/bin/sh
# Another process holds the write lock for as long as the test needs. A judge's
# console keeps taking keys, says that it waits, keeps its values in the journal
# once it has waited a while, and saves every value once the file is free; a
# 'podium score' started meanwhile waits it out and succeeds, silently.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console judge 80 24 tui --role judge --as "Sarah Cohen"
wait_for judge ' to do'
# the first team still to do for the console, the second for the command line
n=$(screen judge | awk 'NR > 2 && / to do/ { print NR - 3; exit }')
other=$(screen judge | awk 'NR > 2 && / to do/' | sed -n 2p | sed 's/^ *//; s/  .*//')
while [ "$n" -gt 0 ]; do keys judge j; n=$((n - 1)); done
keys judge Enter
wait_for judge '> Idea'
team=$(screen judge | sed -n 2p | sed 's/^ *//; s/  .*//')

hold_lock
(
	"$PODIUM" score --judge "Sarah Cohen" --team "$other" idea=5 engagement=4 technique=3 marketing=2 \
		design=1 viability=2 pitch=3 --submit >cli.out 2>cli.err
	echo $? >cli.rc
) &
cli=$!

keys judge 2 3 4
wait_for judge 'busy; your change is kept'
wait_for judge '\[2\]'
# the console stays responsive after waiting a while: once it has kept its values
# in the journal (after a few seconds), the help opens and closes
journal=$(ls "$XDG_STATE_HOME"/podium/*.journal 2>/dev/null)
i=0
while [ ! -s "$journal" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
	journal=$(ls "$XDG_STATE_HOME"/podium/*.journal 2>/dev/null)
done
checks=$((checks + 1))
[ -s "$journal" ] || fail "the waiting console kept no journal"
keys judge '?'
wait_for judge 'Keys of the'
keys judge Escape
wait_gone judge 'Keys of the'
keys judge 5
wait_for judge '\[5\]'
expect_sql "SELECT count(*) FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id WHERE j.name = 'Sarah Cohen' AND t.name IN ('$team', '$other')" 0

# the command line is still waiting for the lock, however long the test took
checks=$((checks + 1))
[ ! -e cli.rc ] || fail "podium score returned while the lock was held: $(cat cli.rc) $(cat cli.err)"
release_lock
wait_for judge 'Saved: the event file is free again' 8
wait "$cli"
last="podium score during a held lock"
rc=$(cat cli.rc)
cp cli.out "$TESTDIR/out"
cp cli.err "$TESTDIR/err"
expect_rc 0
expect_err_empty
expect_out_match "^Sarah Cohen → $other: submitted, total"

expect_sql "SELECT group_concat(value, ' ') FROM (SELECT v.value FROM sheet s JOIN team t ON t.id = s.team_id
	JOIN judge j ON j.id = s.judge_id JOIN sheet_value v ON v.sheet_id = s.id JOIN criterion c ON c.id = v.criterion_id
	WHERE t.name = '$team' AND j.name = 'Sarah Cohen' ORDER BY c.position)" "2 3 4 5"
keys judge q
wait_exit judge
expect_rc 0
expect_check
finish
