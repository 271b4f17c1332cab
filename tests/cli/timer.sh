#!/bin/sh
# The timekeeper's actions from a script: each prints the room's new state on
# one line; an impossible action is refused with a one-line error and changes nothing.
. "$top_srcdir/tests/cli/lib.sh"

podium init --name "Hack for Good" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name,tracks\nSalle Ada,Environment\n' >rooms.csv
printf 'name,tracks\nLes Castors,Environment\nLes Zèbres,Environment\n未来チーム,\nOpen Doors,\n' >teams.csv
podium import rooms rooms.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
podium schedule generate >/dev/null || exit 99

t() { PODIUM_NOW="2026-12-06 $1" run podium timer "$2" --room "${3:-salle ada}"; }

# before anything runs
before=$(snapshot)
t 13:20 pause
expect_rc 1
expect_err_match "^podium: nothing runs in Salle Ada to pause$"
t 13:20 resume
expect_rc 1
expect_err_match "^podium: nothing is paused in Salle Ada$"
t 13:20 next
expect_rc 1
expect_err_match "^podium: Les Castors has not started in Salle Ada: 'start' begins it, 'noshow' skips it$"
t 13:20 catchup
expect_rc 1
expect_err_match "^podium: Salle Ada is on time: there is nothing to catch up$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused action changed the file"

# a late start: four minutes
t 13:34 start
expect_rc 0
expect_err_empty
expect_out <<'END'
Salle Ada: Les Castors pitching, 05:00 left
END
t 13:34 start
expect_rc 1
expect_err_match "^podium: Les Castors is already pitching in Salle Ada: 'next' ends it$"
t 13:34 noshow
expect_rc 1
expect_err_match "^podium: Les Castors is pitching in Salle Ada: 'next' ends it$"

PODIUM_NOW="2026-12-06 13:34:48" run podium timer pause --room "Salle Ada"
expect_rc 0
expect_out <<'END'
Salle Ada: Les Castors paused, 04:12 left
END
t 13:36 pause
expect_rc 1
expect_err_match "^podium: nothing runs in Salle Ada to pause \(already paused: 'resume' goes on\)$"
t 13:36 resume
expect_out <<'END'
Salle Ada: Les Castors pitching, 04:12 left
END

# 6:48 on the clock at 13:42: Q&A; the room runs 5 min late and catch-up gives the 3 changeovers back
PODIUM_NOW="2026-12-06 13:42" run podium timer catchup --room "Salle Ada"
expect_rc 0
expect_out <<'END'
Salle Ada: 3 min of changeover given back
Salle Ada: Les Castors in Q&A, 00:12 left
END
PODIUM_NOW="2026-12-06 13:42" run podium schedule list --room "Salle Ada"
expect_out <<'END'
start             end    room       team         status     late
2026-12-06 13:34  13:42  Salle Ada  Les Castors  running    +4 min
2026-12-06 13:42  13:49  Salle Ada  Les Zèbres   scheduled  +4 min
2026-12-06 13:49  13:56  Salle Ada  Open Doors   scheduled  +3 min
2026-12-06 13:56  14:03  Salle Ada  未来チーム   scheduled  +2 min
END
t 13:45 next
expect_rc 0
expect_out <<'END'
Salle Ada: next up Les Zèbres at 13:45, running 7 min late
END
t 13:46 noshow
expect_rc 0
expect_out <<'END'
Salle Ada: next up Open Doors at 13:46
END
t 13:46 start
expect_out <<'END'
Salle Ada: Open Doors pitching, 05:00 left
END
t 13:53 next
t 13:53 start
t 14:04 status
expect_rc 2
expect_err_match "^podium: no timer action 'status': say start, pause, resume, next, noshow, catchup, extend, undo or back"
t 14:04 next
expect_out <<'END'
Salle Ada: every pitch is over
END
t 14:04 start
expect_rc 1
expect_err_match "^podium: Salle Ada has no pitch left: every slot is done$"

PODIUM_NOW="2026-12-06 14:04" run podium schedule list --format csv
expect_out <<'END'
start,end,room,team,status
2026-12-06 13:34,2026-12-06 13:45,Salle Ada,Les Castors,done
2026-12-06 13:46,2026-12-06 13:46,Salle Ada,Les Zèbres,noshow
2026-12-06 13:46,2026-12-06 13:53,Salle Ada,Open Doors,done
2026-12-06 13:53,2026-12-06 14:04,Salle Ada,未来チーム,done
END
run podium history --format csv
expect_out_match 'organizer [^,]*,noshow,timer,'
expect_out_match 'organizer [^,]*,catchup,timer,'

# usage
run podium timer start
expect_rc 2
expect_err_match "^podium: timer start needs the room: --room R"
run podium timer
expect_rc 2
expect_err_match "^podium: timer needs an action"
t 14:04 start Nowhere
expect_rc 1
expect_err_match "^podium: no room named 'Nowhere'"
run podium --db missing.db timer start --room "Salle Ada"
expect_rc 1
expect_err_match "^podium: no event file 'missing.db'"

finish
