#!/bin/sh
# The projector in large type (--large, or L): the top entries with their rank
# and score in block digits and the team's name centred between them, for the
# back of the room; normal type with a muted line when the screen is too small
# for it; during the ceremony the hidden teams stay "?", exactly as on the
# normal board.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99

# board N: the Nth screen from the board's title to the hints
board() {
	dump "$1" | sed -n '/Leaderboard/,/next board/p'
}

# expect_board N: board N is standard input
expect_board() {
	checks=$((checks + 1))
	board "$1" >board
	diff -u - board >"$TESTDIR/diff" || { fail "board $1 differs"; cat "$TESTDIR/diff"; }
}

# board_lacks N REGEX: board N does not show REGEX (the pitches above it name teams too)
board_lacks() {
	checks=$((checks + 1))
	! board "$1" | grep -qE -- "$2" || { fail "board $1 shows /$2/"; board "$1" | sed 's/^/  | /'; }
}

keys_file live <<'END'
:dump
L
:dump
L
:dump
?
:dump
<Esc>
:resize 80x16
:dump
:resize 50x24
:dump
:resize 80x24
:dump
:resize 80x14
:dump
END
run podium tui --role display --large --script live.keys
expect_rc 0
expect_err_empty
expect_dumps 8
expect_board 1 <<'END'
  Leaderboard · all teams
    ██                                          ██████ ██████    ██████ ██████
  ████                                          ██  ██     ██    ██  ██ ██
    ██               Bridge Builders            ██████ ██████    ██████ ██████
    ██                                              ██ ██        ██  ██ ██  ██
  ██████                                        ██████ ██████ ██ ██████ ██████

  ██████                                        ██████ ██████      ██   ██████
      ██                                        ██  ██ ██  ██    ████   ██  ██
  ██████            Les Débrouillards           ██████ ██████      ██   ██  ██
  ██                                            ██  ██ ██  ██      ██   ██  ██
  ██████                                        ██████ ██████ ██ ██████ ██████
       +10 more
→ next board  ? help
END
dump_fits 1 80 24
# L: normal type, and back
expect_dump 2 '^    1  Bridge Builders +92\.86 █'
expect_dump 2 '^   11  Team Kaizen +39\.29 █'
expect_dump_lacks 2 '██████ ██████'
expect_dump 3 '^  ██████            Les Débrouillards           ██████ ██████      ██   ██  ██$'
# the help lists the key
expect_dump 4 '^  L +large type on or off$'
# too low for one entry: normal type, and a muted line says so
expect_board 5 <<'END'
  Leaderboard · all teams
    1  Bridge Builders              92.86 ██████████████████████████████
    2  Les Débrouillards            88.10 ████████████████████████████▌
       +10 more
  No room for large type: normal type
→ next board  ? help
END
# too narrow for the name between the digits: the same
expect_dump 6 '^    1  Bridge Builders +92\.86 █'
expect_dump 6 '^  No room for large type: normal type$'
dump_fits 6 50 24
# large again once there is room
expect_dump 7 '^    ██               Bridge Builders            ██████ ██████    ██████ ██████$'
expect_dump_lacks 7 'No room'
# room for two lines: the board keeps one, the muted line the other
expect_board 8 <<'END'
  Leaderboard · all teams
       +12 more
  No room for large type: normal type
→ next board  ? help
END

# the normal console opens in normal type; L turns large type on
printf ':dump\nL\n:dump\n' >toggle.keys
run podium tui --role display --script toggle.keys
expect_rc 0
expect_dump 1 '^    1  Bridge Builders +92\.86 █'
expect_dump 2 '^    ██               Bridge Builders            ██████ ██████    ██████ ██████$'

# the ceremony: one team revealed (last place), the hidden ones are "?" and "· · ·", never a name or a score
podium results lock >/dev/null || exit 99
podium board reveal >/dev/null || exit 99
keys_file ceremony <<'END'
:dump
:resize 100x43
:dump
END
run podium tui --role display --large --script ceremony.keys
expect_rc 0
expect_dumps 2
expect_board 1 <<'END'
  Leaderboard · all teams
       +10 more
         ██████
             ██
           ████              · · ·

           ██

    ██     ██                                   ██████ ██████    ██████ ██████
  ████   ████                                       ██ ██  ██        ██ ██  ██
    ██     ██             Team Kaizen           ██████ ██████    ██████ ██████
    ██     ██                                       ██     ██    ██         ██
  ██████ ██████                                 ██████ ██████ ██ ██████ ██████
→ next board  ? help
END
dump_fits 2 100 43
expect_dump 2 '^       \+7 more$'
expect_dump 2 '^    ██     ██                       Team Kaizen                     ██████ ██████    ██████ ██████$'
for n in 1 2; do
	board_lacks $n 'Bridge Builders|Cœur Vert|Mosaic|\.[0-9]'
done
checks=$((checks + 1))
[ "$(board 2 | grep -c ' · · ·$')" -eq 4 ] || fail "not four hidden entries at 100x43"

# all revealed but the winner: the winner stays "?", above the runner-up
for i in 1 2 3 4 5 6 7 8 9 10; do
	podium board reveal >/dev/null || exit 99
done
run podium tui --role display --large --script ceremony.keys
expect_rc 0
board_lacks 2 'Bridge Builders'
expect_dump 2 '^    ████                            · · ·$'
expect_dump 2 '^  ██████                      Les Débrouillards                     ██████ ██████      ██   ██  ██$'
expect_dump 2 '^       \+7 more$'

# --large is the display's; alone it opens the display
run podium tui --large --script ceremony.keys
expect_rc 0
expect_dump 1 'Leaderboard · all teams'
run podium tui --role judge --as "Sarah Cohen" --large
expect_rc 2
expect_err_match "^podium: --large is the projector's: it goes with --role display; see 'podium help tui'$"
finish
