#!/bin/sh
# The organizer adds a team from the console and deletes one after a
# confirmation; the command line sees both at once.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Meetup" >/dev/null || exit 99
console org 80 24 tui --role organizer
wait_for org ' Teams +Tracks +Judges'
wait_for org 'No teams yet'
keys org a
wait_for org "New team's name:"
type_text org "Les Castors"
keys org Enter
wait_for org 'Added Les Castors'
run podium list teams --format csv
expect_out_match '^Les Castors,'

keys org a
type_text org "Zèbres 🦓"
keys org Enter
wait_for org 'Added Zèbres 🦓'
keys org j d
wait_for org 'Delete Zèbres'
keys org y
wait_gone org 'Zèbres'
run podium list teams --format csv
expect_out_lacks 'Zèbres'

keys org 6
wait_for org 'Engagement'

# rename, search and the other record tabs
keys org 1
wait_for org 'Les Castors'
keys org e
wait_for org 'New name: Les Castors'
keys org C-u
type_text org "Les Castors Verts"
keys org Enter
wait_for org 'Renamed to Les Castors Verts'
run podium list teams --format csv
expect_out_match '^Les Castors Verts,'
# its details, one prompt each (Enter keeps a value)
keys org E
wait_for org 'Les Castors Verts Project:'
type_text org "Réparons Ensemble"
keys org Enter
wait_for org 'Table:'
keys org Enter
wait_for org 'Tracks'
type_text org "Education; Environnement"
keys org Enter
wait_for org 'Members'
type_text org "Ana; Léo 🦊"
keys org Enter
wait_for org 'Description:'
keys org Enter
wait_for org 'Saved Les Castors Verts'
run podium list teams --format csv
expect_out_match '^Les Castors Verts,Réparons Ensemble,Education;Environnement,Ana;Léo 🦊,,,'
# '/' finds a row by any of its columns, case-insensitively for all of Unicode
keys org a
type_text org "Zèbres"
keys org Enter
wait_for org 'Added Zèbres'
keys org g /
type_text org "ZÈB"
keys org Enter e
wait_for org 'New name: Zèbres'
keys org Escape g G e
wait_for org 'New name: Zèbres'
keys org Escape g e
wait_for org 'New name: Les Castors Verts'
keys org Escape /
wait_for org '^Search: *$'
keys org C-u
type_text org "RÉPARONS"
keys org Enter e
wait_for org 'New name: Les Castors Verts'
keys org Escape
keys org 5 a
wait_for org "New room's name:"
type_text org "Salle Ada"
keys org Enter
wait_for org 'Added Salle Ada'
keys org 2
wait_for org 'Environnement +1 team +0 judges'
keys org Tab
wait_for org 'No judges yet'
keys org 0 Tab
wait_for org 'Norm #'
fits org 80
keys org 0
wait_for org 'Team +Idea +Eng'
wait_for org 'Les Castors Verts +· +· +·'
keys org q
wait_exit org
expect_rc 0
finish
