#!/bin/sh
# A coach opens their console: their sessions, every team's progress through
# the stages; validates a stage (asked first), books a team, and the organizer's
# commands see both; without --as, a picker of coaches comes first.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console coach 80 24 tui --role coach --as "nadia belkacem"
wait_for coach 'podium · coach Nadia Belkacem · [0-9]+ sessions'
wait_for coach '^ 12-05 09:00-09:20  Bridge Builders +Idea$'
wait_for coach 'Team +Ide Eng Tec Mar Des Via Pit Done'
wait_for coach '^ Bridge Builders +\[·\]  ·   ·   ·   ·   ·   ·    0/7$'
fits coach 80

# l moves to Engagement; v asks, n says no: nothing changes
keys coach l v
wait_for coach 'Validate Engagement for Bridge Builders\? \(y/n\)'
keys coach n
wait_gone coach 'Validate Engagement'
run podium history --team "Bridge Builders" --format csv
expect_out_lacks ',validate,stage,'

# v then y validates it for everyone to see
keys coach v
wait_for coach 'Validate Engagement for Bridge Builders\? \(y/n\)'
keys coach y
wait_for coach 'Engagement validated for Bridge Builders'
wait_for coach '^ Bridge Builders +·  \[✓\]  ·   ·   ·   ·   ·    1/7$'
run podium history --team "Bridge Builders" --format csv
expect_out_match '^[-0-9: ]+,coach Nadia Belkacem,validate,stage,[^,]*,,"\{""team"":""Bridge Builders"",""stage"":""Engagement"",""coach"":""Nadia Belkacem"",'
# once more: already done, nothing asked
keys coach v
wait_for coach 'Engagement is already validated for Bridge Builders'

# her day is full: b says so
keys coach j b
wait_for coach 'Nadia Belkacem and Code Camarades are not both free for 20 minutes'

# Tab to her sessions, x cancels the first (asked first); b then books Bridge Builders in the gap
keys coach Tab x
wait_for coach 'Cancel the session with Bridge Builders at 2026-12-05 09:00\? \(y/n\)'
keys coach y
wait_for coach 'Cancelled the session with Bridge Builders'
wait_for coach 'My sessions \(26\)'
keys coach Tab k b
wait_for coach 'Booked Bridge Builders for Idea at 2026-12-05 09:00'
wait_for coach 'My sessions \(27\)'
run podium coach sessions --format csv
expect_out_match '^2026-12-05 09:00,2026-12-05 09:20,Nadia Belkacem,Bridge Builders,Idea$'

# m moves a session: to a busy time, refused with the reason; to a free one, done
keys coach Tab m
wait_for coach 'Move to \(HH:MM, or YYYY-MM-DD HH:MM\): 2026-12-05 09:00'
keys coach C-u
type_text coach "09:20"
keys coach Enter
wait_for coach 'busy at 2026-12-05 09:20: pick another time'
# outside her availability: refused too
keys coach m
wait_for coach 'Move to'
keys coach C-u
type_text coach "2026-12-05 12:30"
keys coach Enter
wait_for coach 'the coach is not available at 2026-12-05 12:30: pick a time in their windows'
# her day is full: the only free time in her windows is the session's own
keys coach m
wait_for coach 'Move to'
keys coach C-u
type_text coach "09:00"
keys coach Enter
wait_for coach 'Moved the session with Bridge Builders to 2026-12-05 09:00'
run podium coach sessions --format csv
expect_out_match '^2026-12-05 09:00,2026-12-05 09:20,Nadia Belkacem,Bridge Builders,Idea$'
run podium history --format csv
expect_out_match ',coach Nadia Belkacem,move,coach_session,'
expect_out_match ',coach Nadia Belkacem,delete,coach_session,'
expect_out_match ',coach Nadia Belkacem,book,coach_session,'
fits coach 80
keys coach q
wait_exit coach
expect_rc 0

# no name: the picker of coaches, then the chosen coach's console
console pick 80 24 tui --role coach
wait_for pick 'which coach are you\?'
wait_for pick 'Nadia Belkacem'
keys pick j Enter
wait_for pick 'podium · coach Pierre Lambert · [0-9]+ sessions'
keys pick q
wait_exit pick
expect_rc 0

# an unknown name: said, and the picker instead
console nobody 80 24 tui --role coach --as "Nobody"
wait_for nobody "no coach named 'Nobody'.*pick yourself from the list"
wait_for nobody 'which coach are you\?'
keys nobody q
wait_exit nobody
expect_rc 0
finish
