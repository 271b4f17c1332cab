#!/bin/sh
# The timekeeper's missing pieces: + gives the running pitch a minute more,
# u undoes n (the pitch that just ended runs again), each also from the
# command line (timer extend [--minutes N], timer undo); an impossible one is
# refused with what to do and changes nothing.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99

keys_file keep <<'END'
s+
:wait-idle
:dump
n
:wait-idle
:dump
u
:wait-idle
:dump
u
:wait-idle
:dump
END
run podium tui --role timekeeper --as "Atelier 3" --script keep.keys
expect_rc 0
expect_dump 1 'pitch 6 min \+ Q&A 2 min'
expect_dump 2 'Bridge Builders +done|next up|Elles Codent'
expect_dump 3 '^  Bridge Builders +pitching$'
expect_dump 4 '^Bridge Builders is pitching in Atelier 3: only the end of a pitch can be undone'
expect_sql "SELECT pitch_s FROM slot JOIN team ON team.id = slot.team_id WHERE team.name = 'Bridge Builders'" 360
expect_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM audit WHERE kind = 'timer' ORDER BY seq)" \
	"start,extend,next,undo"

run podium timer extend --room "Atelier 3" --minutes 2
expect_rc 0
expect_out <<'END'
Atelier 3: Bridge Builders pitching, 08:00 left
END
before=$(snapshot)
run podium timer extend --room "Atelier 3" --minutes 61
expect_rc 2
expect_err <<'END'
podium: --minutes needs a whole number from 1 to 60, not '61'; see 'podium help timer'
END
run podium timer undo --room "Atelier 3"
expect_rc 1
expect_err <<'END'
podium: Bridge Builders is pitching in Atelier 3: only the end of a pitch can be undone, before the next one starts
END
run podium timer undo --room "Salle Rhône"
expect_rc 1
expect_err <<'END'
podium: no pitch has ended in Salle Rhône: there is nothing to undo
END
run podium timer extend --room "Salle Rhône"
expect_rc 1
expect_err <<'END'
podium: nothing is pitching in Salle Rhône to give more time
END
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused timer action changed the file"
finish
