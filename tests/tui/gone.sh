#!/bin/sh
# A judge the organizer deletes while their console is open gets one clear
# screen that says so, not an error at every key; q still quits with 0.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console judge 80 24 tui --role judge --as "Sarah Cohen"
wait_for judge 'Bridge Builders'
keys judge Enter
wait_for judge 'Idea'

cat >"$TESTDIR/delete.keys" <<'END'
3
/Sarah Cohen<Enter>
d
y
:wait-idle
END
run podium tui --role organizer --script delete.keys
expect_rc 0
wait_for judge 'You are no longer a judge of this event; q quits\.'
keys judge 4 j 5 s
wait_for judge 'You are no longer a judge of this event; q quits\.'
checks=$((checks + 1))
! screen judge | grep -qE 'podium: |FOREIGN|constraint|no such' || { fail "an error shows"; screen judge | sed 's/^/  | /'; }
keys judge q
wait_exit judge
expect_rc 0
finish
