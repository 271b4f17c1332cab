#!/bin/sh
# A judge opens their queue, scores a team key by key, writes a comment with
# wide characters, submits, and the leaderboard counts the sheet; q quits with 0.
# One process: the console runs a script (podium tui --script), no terminal.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
keys_file judge <<'END'
:dump
/roles<Enter>
:dump
/
:dump
<C-u>rôles m<Enter><Enter>
:dump
4534534
:dump
c
:dump
Très clair, 未来 🎉<Enter>
:dump
s
:dump
y
:dump
<Esc>
:dump
q
END
run podium tui --role judge --as "sarah cohen" --script judge.keys
expect_rc 0
expect_err_empty
expect_dumps 10
expect_dump 1 'judge Sarah Cohen'
# every console's title says what comes next in the timeline
expect_dump 1 'next: Kickoff in 5 d 08:00'
expect_dump 1 'Elles Codent .*to do'
# a search ignores accents and case (roles finds the project Rôles Modèles), and each '/' starts empty
expect_dump_lacks 2 "Nothing matches"
expect_dump 3 '^Search: *$'
expect_dump 4 '> Idea'
expect_dump 5 'draft · 7/7 scored · total 75.0'
expect_dump 6 'Comment:'
expect_dump 7 'Comment: Très clair, 未来 🎉'
expect_dump 8 'Submit your sheet for Elles Codent'
expect_dump 9 'submitted · 7/7 scored · total 75.0'
dump_fits 9 80 24
expect_dump 10 'Elles Codent .*Rôles.* +submitted +75.0'

run podium leaderboard --format csv
expect_out_match '^[0-9]+,Elles Codent,75\.00,1,(yes)?,ranked$'
run podium history --judge "Sarah Cohen" --format csv
expect_out_match 'judge Sarah Cohen,submit,sheet'
finish
