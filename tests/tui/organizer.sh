#!/bin/sh
# The organizer adds a team from the console and deletes one after a
# confirmation; the command line sees both at once.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Meetup" >/dev/null || exit 99
console org 80 24 tui --role organizer
wait_for org '1 Teams'
wait_for org 'No teams yet'
keys org a
wait_for org "New team's name:"
type_text org "Les Castors"
keys org Enter
wait_for org 'Les Castors'
run podium list teams --format csv
expect_out_match '^Les Castors,'

keys org a
type_text org "Zèbres 🦓"
keys org Enter
wait_for org 'Zèbres 🦓'
keys org j d
wait_for org 'Delete Zèbres'
keys org y
wait_gone org 'Zèbres'
run podium list teams --format csv
expect_out_lacks 'Zèbres'

keys org 3
wait_for org 'Engagement'
keys org q
wait_exit org
expect_rc 0
finish
