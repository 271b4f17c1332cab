#!/bin/sh
# The projector's "+N more": when the ranked teams do not fit, a line says how
# many are cut, below the board and, during the ceremony, above it too; even
# with room for two lines (a row and the line) or one (the line alone).
. "$top_srcdir/tests/tui/script_lib.sh"

# expect_board: the file board (a dump from its title to the hints) is standard input
expect_board() {
	checks=$((checks + 1))
	diff -u - board >"$TESTDIR/diff" || { fail "the board differs"; cat "$TESTDIR/diff"; }
}

podium demo --no-tui >/dev/null || exit 99
run podium leaderboard --format csv
checks=$((checks + 1))
[ "$(grep -c ',ranked$' "$TESTDIR/out")" -eq 12 ] || fail "the demo does not rank 12 teams"

keys_file small <<'END'
:resize 80x20
:dump
:resize 80x14
:dump
:resize 80x13
:dump
:resize 80x15
:dump
END
run podium tui --role display --script small.keys
expect_rc 0
expect_err_empty
expect_dumps 4
# 80x20: seven rows, then the line for the other five, just above the hints
dump 1 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
    1  Bridge Builders              92.86 ██████████████████████████████
    2  Les Débrouillards            88.10 ████████████████████████████▌
    3  Les Zèbres                   76.19 ████████████████████████▋
    4  Équipe Soleil                73.81 ███████████████████████▉
    5  Voix Plurielles              70.24 ██████████████████████▊
    6  Pixel & Plume                64.29 ████████████████████▊
    7  Mosaic                       60.71 ███████████████████▋
       +5 more
→ next board  ? help
END
dump_fits 1 80 20
# room for two lines: the leader and the line for the other eleven
dump 2 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
    1  Bridge Builders              92.86 ██████████████████████████████
       +11 more
→ next board  ? help
END
# room for one line: it says how many
dump 3 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
       +12 more
→ next board  ? help
END

# the ceremony, seven teams revealed (ranks 6 to 11): the hidden above, the revealed below
podium results lock >/dev/null || exit 99
for i in 1 2 3 4 5 6 7; do
	podium board reveal >/dev/null || exit 99
done
run podium tui --role display --script small.keys
expect_rc 0
expect_dumps 4
dump 1 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
       +4 more
    ?  · · ·
    6  Pixel & Plume                64.29 ████████████████████▊
    7  Mosaic                       60.71 ███████████████████▋
    8  Renard Rapide                57.14 ██████████████████▌
    9  未来チーム                   47.62 ███████████████▍
   10  Signes & Sens                45.24 ██████████████▋
       +2 more
→ next board  ? help
END
dump_fits 1 80 20
# two lines: the team just revealed (its rank says what is above) and the line below
dump 2 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
    6  Pixel & Plume                64.29 ████████████████████▊
       +6 more
→ next board  ? help
END
dump 3 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
       +12 more
→ next board  ? help
END
# three lines: the team just revealed between the two lines, no hidden row above it
dump 4 | sed -n '/Leaderboard/,/next board/p' >board
expect_board <<'END'
  Leaderboard · all teams
       +5 more
    6  Pixel & Plume                64.29 ████████████████████▊
       +6 more
→ next board  ? help
END
finish
