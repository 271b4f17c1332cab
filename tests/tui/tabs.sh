#!/bin/sh
# The organizer is a frame of tabs, each with its own keys: one table per tab
# drives both the keys and the '?' help, so the help lists what the tab does
# and nothing else, and a key of another tab says where it works.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99

keys_file tabs <<'END'
?
:dump
<Esc>t
:dump
7?
:dump
<Esc>9a
:dump
8m
:dump
END
run podium tui --role organizer --script tabs.keys
expect_rc 0
expect_err_empty
expect_dumps 5
expect_dump 1 'Keys of the organizer screen'
expect_dump 1 '^  a +add$'
expect_dump 1 '^  i +import CSV$'
expect_dump 1 '^  L +lock/unlock results$'
expect_dump_lacks 1 'timeline: change the time'
expect_dump_lacks 1 'schedule: move the pitch'
expect_dump 2 '^t works on the Timeline tab'
expect_dump 3 '^  t +timeline: change the time$'
expect_dump 3 '^  p +timeline: pin or unpin$'
expect_dump_lacks 3 'import CSV'
expect_dump_lacks 3 'edit details'
expect_dump 4 '^a works on the tabs Teams, Tracks, Judges, Coaches, Rooms, Rubric, Timeline'
expect_dump 5 '^Move .* to room \[position\]:'

finish
