#!/bin/sh
# A judge opens their queue, scores a team key by key, writes a comment with
# wide characters, submits, and the leaderboard counts the sheet; q quits with 0.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console judge 80 24 tui --role judge --as "sarah cohen"
wait_for judge 'judge Sarah Cohen'
# every console's title says what comes next in the timeline
wait_for judge 'next: Kickoff in 5 d 08:00'
wait_for judge 'Cœur Vert .*to do'
keys judge /
type_text judge 'coeur'
keys judge Enter
wait_for judge "Nothing matches 'coeur'"
keys judge /
wait_for judge 'Search .*: coeur'
keys judge C-u
type_text judge 'cœur v'
keys judge Enter Enter
wait_for judge '> Idea'
keys judge 4 5 3 4 5 3 4
wait_for judge 'draft · 7/7 scored · total 75.0'
keys judge c
wait_for judge 'Comment:'
type_text judge "Très clair, 未来 🎉"
keys judge Enter
wait_for judge 'Comment: Très clair, 未来 🎉'
keys judge s
wait_for judge 'Submit your sheet for Cœur Vert'
keys judge y
wait_for judge 'submitted · 7/7 scored · total 75.0'
fits judge 80
keys judge Escape
wait_for judge 'Cœur Vert .*Compost.* +submitted +75.0'

run podium leaderboard --format csv
expect_out_match '^[0-9]+,Cœur Vert,[0-9.]+,4,(yes)?,ranked$'
run podium history --judge "Sarah Cohen" --format csv
expect_out_match 'judge Sarah Cohen,submit,sheet'

keys judge q
wait_exit judge
expect_rc 0
finish
