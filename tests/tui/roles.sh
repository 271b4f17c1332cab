#!/bin/sh
# podium with no role offers exactly the screens the login may open: every
# role for an organizer (timekeeper and coach included), a judge's own screen,
# the timer and the display for a judge who keeps time; the display alone
# opens at once. A judge's list starts on their current pitch.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
login=$(id -un)

keys_file pick <<'END'
:dump
END
run podium tui --script pick.keys
expect_rc 0
expect_dump 1 '^ podium · who are you\?'
expect_dump 1 '^    Organizer$'
expect_dump 1 "^    Timekeeper \(a room's timer\)$"
expect_dump 1 '^    Coach \(pick the coach next\)$'
expect_dump 1 '^    Projector display \(read-only\)$'
expect_dump 1 '^    Judge Sarah Cohen$'

# a wrong PIN asks again (after the delay of a failure), the right one opens
keys_file pin <<'END'
jjjj<Enter>
000000<Enter>
:dump
864209<Enter>
:dump
END
run podium tui --script pin.keys
expect_rc 0
expect_dump 1 '^wrong name or PIN · PIN for Aïcha Diallo:'
expect_dump 2 '^ podium · judge Aïcha Diallo'

# the organizer picks the timekeeper, then the coach
keys_file timer <<'END'
j<Enter>
:dump
END
run podium tui --script timer.keys
expect_dump 1 'podium · timekeeper · which room\?'
keys_file coach <<'END'
jj<Enter>
:dump
END
run podium tui --script coach.keys
expect_dump 1 '^ podium · which coach are you\?'

# the judge's current pitch: one of their teams pitching in their room
podium assign judges >/dev/null || exit 99
podium timer start --room "Atelier 3" >/dev/null || exit 99
podium timer next --room "Atelier 3" >/dev/null || exit 99
podium timer start --room "Atelier 3" >/dev/null || exit 99
keys_file judge <<'END'
<Enter>
:dump
END
run podium tui --role judge --as "Marc Dubois" --script judge.keys
expect_rc 0
expect_dump 1 '^ Elles Codent +new'

# a judge who keeps time, not an organizer: their own judge, the timer, the display
sqlite3 "$PODIUM_DB" "UPDATE role_grant SET unix_user = 'someone-else' WHERE role = 'organizer';
	INSERT INTO role_grant VALUES ('$login', 'timekeeper', 0, 'someone-else');
	UPDATE judge SET unix_user = '$login' WHERE name = 'Marc Dubois'" || exit 99
run podium tui --script pick.keys
expect_rc 0
expect_dump 1 '^    Judge Marc Dubois$'
expect_dump 1 "^    Timekeeper \(a room's timer\)$"
expect_dump 1 '^    Projector display \(read-only\)$'
expect_dump_lacks 1 'Organizer|Coach|Sarah Cohen'
keys_file mine <<'END'
<Enter><Enter>
:dump
END
run podium tui --script mine.keys
expect_dump 1 '^ podium · judge Marc Dubois'
expect_dump 1 '^ Elles Codent +new'

# nobody in particular: the display at once
sqlite3 "$PODIUM_DB" "DELETE FROM role_grant WHERE unix_user = '$login';
	UPDATE judge SET unix_user = NULL WHERE name = 'Marc Dubois'" || exit 99
run podium tui --script pick.keys
expect_rc 0
expect_dump_lacks 1 'who are you'
finish
