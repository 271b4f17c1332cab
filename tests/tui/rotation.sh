#!/bin/sh
# The projector's rotation: the board of all teams, then each track by name,
# each for 12 seconds (a tick a second; :wait-idle is one tick), Right and
# Space step on and Left back. A track with no ranked team (nothing scored, or
# only a draft) gets no turn until one of its teams is ranked.
. "$top_srcdir/tests/tui/script_lib.sh"

podium init --name "Rotation" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name\nJudy\n' | podium import judges - >/dev/null || exit 99
printf 'name,tracks\nAlpha,Education\nBravo,Education\nCharlie,Food\nDelta,Health;Education\n' |
	podium import teams - >/dev/null || exit 99
for t in Alpha:5 Bravo:3 Delta:4; do
	v=${t#*:}
	podium score --judge Judy --team "${t%:*}" Idea=$v Engagement=$v Technique=$v Marketing=$v Design=$v \
		Viability=$v Pitch=$v --submit >/dev/null || exit 99
done
# Food's one team has a draft: nothing ranked there
podium score --judge Judy --team Charlie Idea=5 Engagement=5 >/dev/null || exit 99

keys_file steps <<'END'
:dump
<Right>
:dump
<Space>
:dump
<Right>
:dump
<Left>
:dump
<Left>
:dump
END
run podium tui --role display --script steps.keys
expect_rc 0
expect_err_empty
expect_dumps 6
expect_dump 1 '^  Leaderboard · all teams$'
expect_dump 1 '^ +1  Alpha +100\.00 █'
expect_dump 1 '^ +3  Bravo +50\.00 █'
expect_dump 2 '^  Leaderboard · Education$'
expect_dump 3 '^  Leaderboard · Health$'
expect_dump 3 '^ +1  Delta +75\.00 █'
# after the last track, the board of all teams again; Food never comes
expect_dump 4 '^  Leaderboard · all teams$'
expect_dump 5 '^  Leaderboard · Health$'
expect_dump 6 '^  Leaderboard · Education$'
for n in 1 2 3 4 5 6; do
	expect_dump_lacks $n 'Food|Charlie|No scores yet'
done

# by itself: 11 ticks on a board, the 12th moves on
{
	echo ':dump'
	for i in 1 2 3 4 5 6 7 8 9 10 11; do echo ':wait-idle'; done
	echo ':dump'
	echo ':wait-idle'
	echo ':dump'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo ':wait-idle'; done
	echo ':dump'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo ':wait-idle'; done
	echo ':dump'
} | keys_file timed
run podium tui --role display --script timed.keys
expect_rc 0
expect_dumps 5
expect_dump 1 '^  Leaderboard · all teams$'
expect_dump 2 '^  Leaderboard · all teams$'
expect_dump 3 '^  Leaderboard · Education$'
expect_dump 4 '^  Leaderboard · Health$'
expect_dump 5 '^  Leaderboard · all teams$'

# once Charlie is ranked, Food has its turn, in name order
podium score --judge Judy --team Charlie Idea=2 Engagement=2 Technique=2 Marketing=2 Design=2 Viability=2 \
	Pitch=2 --submit >/dev/null || exit 99
run podium tui --role display --script steps.keys
expect_rc 0
expect_dump 2 '^  Leaderboard · Education$'
expect_dump 3 '^  Leaderboard · Food$'
expect_dump 3 '^ +1  Charlie +25\.00 █'
expect_dump 4 '^  Leaderboard · Health$'
expect_dump 5 '^  Leaderboard · Food$'

# a fresh event: the board of all teams alone, saying nothing is scored yet
PODIUM_DB=empty.db
podium init --name "Empty" >/dev/null || exit 99
printf 'name,tracks\nAlpha,Education\n' | podium import teams - >/dev/null || exit 99
run podium tui --role display --script steps.keys
expect_rc 0
for n in 1 2 3 4 5 6; do
	expect_dump $n '^  Leaderboard · all teams$'
	expect_dump $n 'No scores yet: the board fills as judges submit\.'
done
finish
