#!/bin/sh
# Safety at the keyboard: F and R ask first; anything but y changes nothing.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
keys_file freeze <<'END'
F
:dump
n
:wait-idle
F
y
:wait-idle
:dump
END
run podium tui --role organizer --script freeze.keys
expect_rc 0
expect_dump 1 'Freeze the board on every display\? \(y/n\)'
expect_sql "SELECT board_frozen FROM event" 1
expect_sql "SELECT count(*) FROM audit WHERE action = 'freeze'" 1

podium results lock >/dev/null || exit 99
keys_file reveal <<'END'
R
:dump
<Esc>
:wait-idle
END
run podium tui --role organizer --script reveal.keys
expect_rc 0
expect_dump 1 'Reveal rank [0-9]+, .*, on every display\? \(y/n\)'
expect_sql "SELECT count(*) FROM audit WHERE action = 'reveal'" 0
finish
