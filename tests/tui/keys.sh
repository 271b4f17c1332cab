#!/bin/sh
# Keys that behave at a real event: Ctrl-C quits cleanly like q (from a list,
# a sheet or a prompt), the help names each key once, the timeline's t keeps a
# phase's length when given only a start, the hint line keeps
# "? help" and the judge's "s submit" at 80x24, and counts say "1 conflict".
. "$top_srcdir/tests/tui/script_lib.sh"
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99

# Ctrl-C: exit 0 at once, nothing after it read
for where in '' '<Enter>' '<Enter>c'; do
	printf '%s\n:dump\n<C-c>\n:dump\n' "$where" >quit.keys
	run podium tui --role judge --as "Sarah Cohen" --script quit.keys
	expect_rc 0
	expect_err_empty
	expect_dumps 1
done

keys_file judge <<'END'
:dump
<Enter>
:dump
?
:dump
END
run podium tui --role judge --as "Sarah Cohen" --script judge.keys
expect_rc 0
expect_dump 1 '^Enter score the team .* \? help$'
expect_dump 2 ' s submit .*\? help$'
dump_fits 2 80 24
expect_dump 3 '^  j/k +criterion$'
expect_dump 3 '^  q/Ctrl-C +quit$'
# k and l are already in j/k and h/l: never listed again
expect_dump_lacks 3 '^  [kl] '
checks=$((checks + 1))
[ "$(dump 3 | grep -c '^  s ')" -eq 1 ] || fail "s is listed $(dump 3 | grep -c '^  s ') times"

# plurals through ngettext: one conflict, one draft
podium conflict add --judge "Sarah Cohen" --team "Renard Rapide" >/dev/null || exit 99
keys_file sheets <<'END'
9
:dump
END
run podium tui --role organizer --script sheets.keys
expect_rc 0
expect_dump 1 '^  35 submitted · 2 drafts · 1 conflict · '
expect_dump_lacks 1 '1 conflicts'

# timeline t with only a start moves the phase and keeps its length; with an end it sets both
keys_file timeline <<'END'
7
g
t
<C-u>2026-12-04 19:00<Enter>
:wait-idle
g
t
<C-u>2026-12-04 19:30-21:00<Enter>
:wait-idle
END
run podium tui --role organizer --script timeline.keys
expect_rc 0
run podium timeline --format csv
expect_out_match '^2026-12-04 19:00,2026-12-04 19:30,Kickoff$'
expect_out_match '^2026-12-04 19:30,2026-12-04 21:00,Idea pitches$'

# a real terminal: Ctrl-C in raw mode quits with 0, like q
unset PODIUM_NOW
console judge 80 24 tui --role judge --as "Sarah Cohen"
wait_for judge 'Bridge Builders'
keys judge C-c
wait_exit judge
expect_rc 0
finish
