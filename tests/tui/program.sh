#!/bin/sh
# The organizer edits the timeline and moves and swaps pitches in the console;
# the command line sees each change at once.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Program" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name,tracks\nSalle Ada,Education\nSalle Rhône,Environment\n' | podium import rooms - >/dev/null
printf 'name,tracks\nLes Castors,Education\nZèbres,Education\nGreen Bytes,Environment\nMosaic,Environment\n' |
	podium import teams - >/dev/null
podium schedule generate --start "2026-12-06 13:30" >/dev/null || exit 99

console org 100 30 tui --role organizer
wait_for org 'Teams'
keys org 7
wait_for org 'Kickoff'
# a new milestone, with its time
keys org a
wait_for org "New phase's name:"
type_text org "Photo de groupe"
keys org Enter
wait_for org 'When'
type_text org "2026-12-06 16:45"
keys org Enter
wait_for org 'Saved Photo de groupe in the timeline'
run podium timeline --format csv
expect_out_match '^2026-12-06 16:45,2026-12-06 16:45,Photo de groupe$'
# lunch moves to 13:00 and is unpinned
run podium timeline --format csv
line=$(grep -n ',Lunch$' "$TESTDIR/out" | head -1 | cut -d: -f1)
keys org g
i=2
while [ "$i" -lt "$line" ]; do
	keys org j
	i=$((i + 1))
done
keys org t
wait_for org 'When: 2026-12-05 12:30-13:30'
keys org C-u
type_text org "2026-12-05 13:00-14:00"
keys org Enter
wait_for org 'Saved Lunch'
run podium timeline --format csv
expect_out_match '^2026-12-05 13:00,2026-12-05 14:00,Lunch$'
keys org p
wait_for org 'Saved Lunch'

# the schedule: move a pitch, then swap two
keys org 8
wait_for org 'Salle Ada +1 +'
keys org g m
wait_for org 'Move .* to room'
keys org C-u
type_text org "Salle Rhône 1"
keys org Enter
wait_for org "Moved .*'s pitch"
run podium schedule list --format csv
expect_out_match '^2026-12-06 13:30,2026-12-06 13:3[0-9],Salle Rhône,'
checks=$((checks + 1))
[ "$(grep -c ',Salle Rhône,' "$TESTDIR/out")" -eq 3 ] || fail "the moved pitch is not in Salle Rhône"
first=$(sed -n 2p "$TESTDIR/out" | cut -d, -f4)
keys org s
wait_for org 'is marked'
keys org j s
wait_for org 'Swap the pitches of'
keys org y
wait_for org "Swapped .*'s pitch"
run podium schedule list --format csv
checks=$((checks + 1))
[ "$(sed -n 2p "$TESTDIR/out" | cut -d, -f4)" != "$first" ] || fail "the swap changed nothing"
run podium history --format csv
expect_out_match ',(move|swap),'
fits org 100
keys org q
wait_exit org
expect_rc 0
finish
