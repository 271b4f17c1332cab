#!/bin/sh
# A no-show comes back: b on the timekeeper's screen (or podium timer back
# --room R --team T) puts its slot next in the room's order, right after the
# pitch running; what cannot be done is refused in keys, not in verbs.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
export PODIUM_NOW="2026-12-06 13:30"

keys_file refused <<'END'
n
:wait-idle
:dump
b
:wait-idle
:dump
s
:wait-idle
s
:wait-idle
:dump
x
:wait-idle
:dump
END
run podium tui --role timekeeper --as "Atelier 3" --script refused.keys
expect_rc 0
expect_dump 1 'this pitch has not started: s starts it, x marks a no-show'
expect_dump 2 'no team of this room was a no-show: x marks one'
expect_dump 3 'a pitch is already running: n ends it'
expect_dump 4 'this team is pitching: n ends its pitch'
for n in 1 3 4; do expect_dump_lacks $n "'(next|start|noshow)'"; done

run podium timer next --room "Atelier 3"
expect_rc 0
keys_file back <<'END'
x
y
:wait-idle
s
:wait-idle
b
:dump
<Enter>
:wait-idle
:dump
END
run podium tui --role timekeeper --as "Atelier 3" --script back.keys
expect_rc 0
expect_dump 1 'Bring back the no-show \(it pitches next; Esc cancels\): Elles Codent'
expect_dump 2 'Elles Codent is back: it pitches next'
run podium schedule list --room "Atelier 3" --format csv
expect_out_match '^2026-12-06 13:30,2026-12-06 13:30,Atelier 3,Bridge Builders,done$'
expect_out_match '^2026-12-06 13:30,2026-12-06 13:37,Atelier 3,Horizon Jeunes,running$'
expect_out_match '^2026-12-06 13:38,2026-12-06 13:45,Atelier 3,Elles Codent,scheduled$'
expect_sql "SELECT count(*) FROM audit WHERE action = 'back'" 1

# from the command line; a team that was no no-show is refused and nothing changes
podium timer next --room "Atelier 3" >/dev/null || exit 99
podium timer noshow --room "Atelier 3" >/dev/null || exit 99
run podium timer back --room "Atelier 3" --team "Elles Codent"
expect_rc 0
expect_out_match '^Atelier 3: next up Elles Codent'
before=$(snapshot)
run podium timer back --room "Atelier 3" --team "Mosaic"
expect_rc 1
expect_err_match '^podium: Mosaic was not a no-show: only a no-show can be brought back$'
run podium timer back --room "Salle Rhône" --team "Elles Codent"
expect_rc 1
expect_err_match '^podium: Elles Codent pitches in Atelier 3, not in this room$'
run podium timer back --room "Atelier 3"
expect_rc 2
expect_err_match "^podium: timer back needs the team that came back: --team T"
run podium timer next --room "Atelier 3" --team Mosaic
expect_rc 2
expect_err_match "^podium: --team goes with 'timer back' only"
checks=$((checks + 1))
[ "$(snapshot)" = "$before" ] || fail "a refused timer back changed the file"
finish
