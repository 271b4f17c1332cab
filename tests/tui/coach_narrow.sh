#!/bin/sh
# The coach's console on a narrow terminal (30 to 43 columns): every row stays
# on one line. The sessions drop their end time; the grid shrinks the team
# names to a minimum, then drops stages from the right behind a "+N" cell,
# keeping the cursor's stage in view.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99

keys_file narrow <<'END'
:resize 40x12
:dump
:resize 32x12
:dump
llllll
:dump
:resize 30x12
:dump
END
run podium tui --role coach --as "Nadia Belkacem" --script narrow.keys
expect_rc 0
expect_err_empty
expect_dumps 4
dump_fits 1 40 12
expect_dump 1 '^ 12-05 09:00  Bridge Builders +Idea$'
expect_dump 1 '^ Team +Ide Eng Tec Mar \+3  Done$'
expect_dump 1 '^ Bridge Buil… ?\[·\]  ·   ·   ·        0/7$'
expect_dump 1 '^ Code Camara… ?·   ·   ·   ·        0/7$'
dump_fits 2 32 12
expect_dump 2 '^ 12-05 09:00  Bridge Bu… Idea$'
expect_dump 2 '^ Team +Ide Eng \+5  Done$'
expect_dump 2 '^ Bridge Buil… ?\[·\]  ·        0/7$'
# on the last stage: the window slides so the cursor's cell shows
expect_dump 3 '^ Team +Via Pit \+5  Done$'
expect_dump 3 '^ Bridge Buil… ?·  \[·\]       0/7$'
dump_fits 3 32 12
dump_fits 4 30 12
expect_dump 4 '^ Bridge Bu… ·  \[·\]       0/7$'
expect_dump 4 '^ Code Cama… ·   ·        0/7$'
# nothing wraps: above the hints, no row begins with what the row above left over
for n in 1 2 3 4; do
	checks=$((checks + 1))
	dump $n | head -10 | grep -q '^[^ ]' && fail "a row of screen $n wrapped"
done
finish
