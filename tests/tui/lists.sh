#!/bin/sh
# The record tabs read only the rows they show: with 300 teams, End goes to
# the last, Home back to the first and PgDn a page down; a search finds a team
# far below the rows read (in its project, accents aside), n and N go on from
# there, wrapping; deleting the team found deletes that one and the list
# closes up. e shows which team is selected (its name is the prompt's text).
. "$top_srcdir/tests/tui/script_lib.sh"

podium init --name "Lists" >/dev/null || exit 99
awk 'BEGIN {
	print "name,project"
	for (i = 0; i < 300; i++)
		printf "Team %03d,%s\n", i, i == 250 ? "Cœur Vert" : sprintf("Project %03d", i)
}' >teams.csv
podium import teams teams.csv >/dev/null || exit 99

keys_file lists <<'END'
G
:dump
e
:dump
<Esc>g
e
:dump
<Esc><PgDn>
e
:dump
<Esc>/coeur<Enter>
:dump
d
:dump
y
:wait-idle
:dump
e
:dump
<Esc>/team 29<Enter>
e
:dump
<Esc>N
e
:dump
<Esc>n
e
:dump
<Esc>/nobody<Enter>
:dump
END
run podium tui --role organizer --script lists.keys
expect_rc 0
expect_err_empty
expect_dumps 12
expect_dump 1 '^  Team 299 +Project 299'
expect_dump_lacks 1 'Team 000'
expect_dump 2 'New name: Team 299'
expect_dump 3 'New name: Team 000'
expect_dump 4 'New name: Team 018'
expect_dump 5 '^  Team 250 +Cœur Vert'
expect_dump_lacks 5 'Team 000'
expect_dump 6 'Delete Team 250 and all their sheets\? \(y/n\)'
expect_dump 7 'Deleted Team 250'
expect_dump_lacks 7 '^  Team 250 '
expect_dump 7 '^  Team 251 '
expect_dump 8 'New name: Team 251'
expect_dump 9 'New name: Team 290'
expect_dump 10 'New name: Team 299'
expect_dump 11 'New name: Team 290'
expect_dump 12 "Nothing matches 'nobody'"
expect_sql "SELECT count(*) FROM team" 299
expect_sql "SELECT count(*) FROM team WHERE name = 'Team 250'" 0
finish
