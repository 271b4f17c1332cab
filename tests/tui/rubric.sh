#!/bin/sh
# The organizer's Rubric tab adds, edits (one prompt per field) and deletes
# criteria; when submitted sheets would change, it asks whether to reopen them,
# and only y does; after the lock every change is refused.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Meetup" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name\nÉmile Roux\n' >judges.csv
printf 'name\nLes Castors\n' >teams.csv
podium import judges judges.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
console org 80 24 tui --role organizer
wait_for org ' Teams +Tracks +Judges'
keys org 6
wait_for org 'Engagement'

# a: name, weight, lowest, highest, description
keys org a
wait_for org 'Name:'
type_text org "Future fit"
keys org Enter
wait_for org 'Weight: 1'
keys org C-u
type_text org "2.5"
keys org Enter
wait_for org 'Lowest value: 1'
keys org C-u
type_text org "0"
keys org Enter
wait_for org 'Highest value: 5'
keys org C-u
type_text org "10"
keys org Enter
wait_for org 'Description:'
type_text org "Ready for what comes"
keys org Enter
wait_for org 'Saved Future fit'
wait_for org 'Future fit +2.5 +0\.\.10 +Ready for what comes'
run podium rubric --format csv
expect_out_match '^Future fit,2.5,0,10,Ready for what comes$'

# with a sheet submitted, a weight change asks; n keeps everything as it was
podium score --judge "Émile Roux" --team "Les Castors" Idea=4 Engagement=3 Technique=5 Marketing=2 \
	Design=4 Viability=3 Pitch=5 "Future fit=7" --submit >/dev/null || exit 99
keys org G
wait_for org 'Future fit'
keys org E
wait_for org 'Name: Future fit'
keys org Enter
wait_for org 'Weight: 2.5'
keys org C-u
type_text org "3"
keys org Enter Enter Enter Enter
wait_for org '1 submitted sheet goes back to drafts: reopen it\? \(y/n\)'
keys org n
run podium rubric --format csv
expect_out_match '^Future fit,2.5,0,10,'
run podium score --judge "Émile Roux" --team "Les Castors" --comment ""
expect_out_match 'submitted, total'

# y reopens the sheet and saves the change
keys org E Enter
wait_for org 'Weight: 2.5'
keys org C-u
type_text org "3"
keys org Enter Enter Enter Enter
wait_for org 'reopen it\? \(y/n\)'
keys org y
wait_for org 'Saved; 1 sheet is a draft again until its judge submits it'
run podium rubric --format csv
expect_out_match '^Future fit,3,0,10,'
run podium score --judge "Émile Roux" --team "Les Castors" --comment ""
expect_out_match ': draft, 8 of 8 criteria scored'
run podium history --format csv
expect_out_match ',reopen,sheet,Émile Roux → Les Castors,'

# e renames, with no question even when sheets are submitted
podium score --judge "Émile Roux" --team "Les Castors" --submit >/dev/null || exit 99
keys org e
wait_for org 'New name: Future fit'
keys org C-u
type_text org "Avenir"
keys org Enter
wait_for org 'Saved Avenir'
run podium rubric --format csv
expect_out_match '^Avenir,3,0,10,'

# d deletes after a confirmation, then asks about the submitted sheet
keys org d
wait_for org 'Delete the criterion Avenir\? \(y/n\)'
keys org y
wait_for org 'reopen it\? \(y/n\)'
keys org y
wait_for org 'Saved; 1 sheet is a draft again'
wait_gone org 'Avenir'
run podium rubric --format csv
expect_out_lacks '^Avenir'

# after the lock: refused
podium results lock >/dev/null || exit 99
keys org e
wait_for org 'New name: Pitch'
keys org C-u
type_text org "Pitch!"
keys org Enter
wait_for org 'the results are locked, so the rubric cannot change'
run podium rubric --format csv
expect_out_match '^Pitch,1,1,5,'
fits org 80

keys org q
wait_exit org
expect_rc 0
finish
