#!/bin/sh
# Slip everywhere: a late room's pitches show the same projected times on the
# judge's list, the organizer's Schedule tab and the timekeeper's screen, the
# tab's columns stay apart, a pitch past its time says "over time" there as on
# the timekeeper's screen, and an open tab moves its times with the clock.
. "$top_srcdir/tests/tui/script_lib.sh"
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:36" podium timer start --room "Salle Rhône" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:45" podium timer next --room "Salle Rhône" >/dev/null || exit 99
export PODIUM_NOW="2026-12-06 13:45"
run podium schedule list --room "Salle Rhône" --format csv
expect_out_match '^2026-12-06 13:46,2026-12-06 13:53,Salle Rhône,Green Bytes,scheduled$'

keys_file judge <<'END'
:dump
END
run podium tui --role judge --as "Karim Haddad" --script judge.keys
expect_rc 0
expect_dump 1 '^ Les Castors +14:02 \(\+8\) Salle Rhône +Réparons Ense.* +to do$'
expect_dump 1 '^ Cœur Vert +13:36 Salle Rhône +Compost Expr.* +submitted +[0-9.]+$'
dump_fits 1 80 24

keys_file timer <<'END'
:dump
END
run podium tui --role timekeeper --as "Salle Rhône" --script timer.keys
expect_dump 1 'planned 13:38 · expected 13:46'
expect_dump 1 '^ +13:54 +La Ruche +\+8 min$'

keys_file org <<'END'
8
G
:dump
END
run podium tui --role organizer --script org.keys
expect_dump 1 '^  Salle Rhône +2 +Green Bytes +12-06 13:46  8 min late$'
expect_dump 1 '^  Salle Rhône +1 +Cœur Vert +12-06 13:36  done( · [0-9]+ missing)?$'
dump_fits 1 80 24

# Green Bytes starts at 13:46 and runs past its 7 minutes: "over time", as the timekeeper says
PODIUM_NOW="2026-12-06 13:46" podium timer start --room "Salle Rhône" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:55" run podium tui --role organizer --script org.keys
expect_dump 1 '^  Salle Rhône +2 +Green Bytes +12-06 13:46  over time$'
expect_dump_lacks 1 'pitching'
PODIUM_NOW="2026-12-06 13:55" run podium tui --role timekeeper --as "Salle Rhône" --script timer.keys
expect_dump 1 'Green Bytes +over time$'
unset PODIUM_NOW

# an open tab moves with the clock: a pitch in its Q&A goes over time with no key and no change to the file
export PODIUM_DB="$TESTDIR/live.db"
start=$(date '+%Y-%m-%d %H:%M')
podium init --name Live --start "$start" >/dev/null || exit 99
printf 'name\nSalle Ada\n' >rooms.csv
printf 'name\nLes Castors\nLes Zèbres\n' >teams.csv
podium import rooms rooms.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
podium schedule generate --start "$start" --pitch 1 --qa 1 >/dev/null || exit 99
PODIUM_NOW=$(date -d '-110 seconds' '+%Y-%m-%d %H:%M:%S') podium timer start --room "Salle Ada" >/dev/null || exit 99
console org 80 24 tui --role organizer
keys org 8
wait_for org 'Les Castors +[0-9-]+ [0-9:]+  questions and answers$'
wait_for org 'Les Castors +[0-9-]+ [0-9:]+  over time$' 15
keys org q
wait_exit org
expect_rc 0
finish
