#!/bin/sh
# Coach sessions: 'coach plan' within skills, windows and pitches, what does
# not fit listed with its reason, and 'coach sessions' in every format.
. "$top_srcdir/tests/cli/lib.sh"

db() { sqlite3 -batch "$PODIUM_DB" "$@"; }
ids() { sed 's/[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}/ID/g' "$TESTDIR/out" >"$TESTDIR/out.ids"; mv "$TESTDIR/out.ids" "$TESTDIR/out"; }

run podium coach plan
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"

run podium init --name "Hack; Lyon, 2026" --start "2026-12-04 18:00"
expect_rc 0
expect_out_match '^created the event in event.db: starts 2026-12-04 18:00'

# ---- usage errors: exit 2 ----
run podium coach
expect_rc 2
expect_err_match "^podium: coach needs 'plan' or 'sessions'; see 'podium help coach'$"
run podium coach dance
expect_rc 2
expect_err_match "^podium: coach takes 'plan' or 'sessions', not 'dance'"
run podium coach plan --length 3
expect_rc 2
expect_err_match "^podium: --length takes minutes from 5 to 240, not '3'"
run podium coach plan --format csv
expect_rc 2
expect_err_match "^podium: coach plan takes no --format"
run podium coach sessions --length 20
expect_rc 2
expect_err_match "^podium: --length goes with 'coach plan'"
run podium coach sessions --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv, json or ics, not 'xml'"
run podium coach plan extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'; see 'podium help coach'$"

# ---- nothing to plan yet: said clearly ----
run podium coach plan
expect_rc 1
expect_err <<'END'
podium: there are no teams to coach yet: import them with 'podium import teams FILE'
END
esc=$(printf '\033')
printf 'name\nLes Écureuils\n数据队\n"Rocket 🚀 Crew, Inc"\n"Evil%s[2J"\n' "$esc" >teams.csv
import_legacy teams teams.csv >/dev/null || exit 99
run podium coach plan
expect_rc 1
expect_err <<'END'
podium: there are no coaches yet: import them with 'podium import coaches FILE'
END

# skills in any case; 'Cooking' is no stage; Pierre's window is Friday evening
printf 'name,skills,available\r\nNadia Belkacem,Idea;ENGAGEMENT;pitch,2026-12-05 09:00-10:00;2026-12-05 14:00-15:00\r\nPierre Lambert,Technique;Design;Cooking,2026-12-04 20:00-21:00\r\n' >coaches.csv
podium import coaches coaches.csv >/dev/null || exit 99

run podium coach sessions
expect_rc 0
expect_out <<'END'
no coach sessions yet: run 'podium coach plan'
END
run podium coach sessions --format csv
expect_out <<'END'
start,end,coach,team,stage
END
run podium coach sessions --format json
expect_out <<'END'
[]
END
run podium coach sessions --format ics
tr -d '\r' <"$TESTDIR/out" >"$TESTDIR/out.lf"; mv "$TESTDIR/out.lf" "$TESTDIR/out"
expect_out <<'END'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//podium//podium 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:Hack\; Lyon\, 2026 · coaching
END:VCALENDAR
END

# 数据队 pitches at 09:30; Les Écureuils has Idea validated already
printf 'name\nAmphi\n' >rooms.csv
podium import rooms rooms.csv >/dev/null || exit 99
db "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s, changeover_s)
      SELECT 's1', r.id, t.id, 1, strftime('%s', '2026-12-05 09:30'), 300, 120, 60 FROM team t, room r WHERE t.name = '数据队';
    INSERT INTO team_stage(team_id, stage_key, stage, validated_by, validated_at)
      SELECT id, 'idea', 'Idea', NULL, 0 FROM team WHERE name = 'Les Écureuils'" || exit 99

run podium coach plan
expect_rc 0
expect_err_empty
expect_out <<'END'
planned 9 coach sessions of 20 minutes for 27 stages to coach
18 stages could not fit:
team                 stage       why
Evil�[2J             Marketing   no coach has this skill
Evil�[2J             Design      no skilled coach free in time
Evil�[2J             Viability   no coach has this skill
Evil�[2J             Pitch       no skilled coach free in time
Les Écureuils        Marketing   no coach has this skill
Les Écureuils        Design      no skilled coach free in time
Les Écureuils        Viability   no coach has this skill
Les Écureuils        Pitch       no skilled coach free in time
Rocket 🚀 Crew, Inc  Technique   no skilled coach free in time
Rocket 🚀 Crew, Inc  Marketing   no coach has this skill
Rocket 🚀 Crew, Inc  Design      no skilled coach free in time
Rocket 🚀 Crew, Inc  Viability   no coach has this skill
Rocket 🚀 Crew, Inc  Pitch       no skilled coach free in time
数据队               Engagement  no skilled coach free in time
数据队               Marketing   no coach has this skill
数据队               Design      no skilled coach free in time
数据队               Viability   no coach has this skill
数据队               Pitch       no skilled coach free in time
END
# nobody twice at once, 数据队 done before its 09:30 pitch, nothing outside a window
run podium coach sessions
expect_out <<'END'
start             end    coach           team                 stage
2026-12-04 20:00  20:20  Pierre Lambert  Les Écureuils        Technique
2026-12-04 20:20  20:40  Pierre Lambert  数据队               Technique
2026-12-04 20:40  21:00  Pierre Lambert  Evil�[2J             Technique
2026-12-05 09:00  09:20  Nadia Belkacem  数据队               Idea
2026-12-05 09:20  09:40  Nadia Belkacem  Evil�[2J             Idea
2026-12-05 09:40  10:00  Nadia Belkacem  Les Écureuils        Engagement
2026-12-05 14:00  14:20  Nadia Belkacem  Rocket 🚀 Crew, Inc  Idea
2026-12-05 14:20  14:40  Nadia Belkacem  Evil�[2J             Engagement
2026-12-05 14:40  15:00  Nadia Belkacem  Rocket 🚀 Crew, Inc  Engagement
END
run podium coach sessions --format csv
expect_out <<END
start,end,coach,team,stage
2026-12-04 20:00,2026-12-04 20:20,Pierre Lambert,Les Écureuils,Technique
2026-12-04 20:20,2026-12-04 20:40,Pierre Lambert,数据队,Technique
2026-12-04 20:40,2026-12-04 21:00,Pierre Lambert,Evil�[2J,Technique
2026-12-05 09:00,2026-12-05 09:20,Nadia Belkacem,数据队,Idea
2026-12-05 09:20,2026-12-05 09:40,Nadia Belkacem,Evil�[2J,Idea
2026-12-05 09:40,2026-12-05 10:00,Nadia Belkacem,Les Écureuils,Engagement
2026-12-05 14:00,2026-12-05 14:20,Nadia Belkacem,"Rocket 🚀 Crew, Inc",Idea
2026-12-05 14:20,2026-12-05 14:40,Nadia Belkacem,Evil�[2J,Engagement
2026-12-05 14:40,2026-12-05 15:00,Nadia Belkacem,"Rocket 🚀 Crew, Inc",Engagement
END
run podium coach sessions --format json
ids
expect_out_match '^\[\{"start":"2026-12-04 20:00","end":"2026-12-04 20:20","coach":"Pierre Lambert","team":"Les Écureuils","stage":"Technique","id":"ID","coach_id":"ID","team_id":"ID"\},'
expect_out_match '\{"start":"2026-12-05 09:20","end":"2026-12-05 09:40","coach":"Nadia Belkacem","team":"Evil\\u001b\[2J","stage":"Idea",'
run podium coach sessions --format ics
checks=$((checks + 1))
[ "$(grep -c "$(printf '\r')\$" "$TESTDIR/out")" = "$(wc -l <"$TESTDIR/out")" ] || fail "an ics line does not end in CRLF"
checks=$((checks + 1))
[ "$(grep -c '^BEGIN:VEVENT' "$TESTDIR/out")" = 9 ] || fail "the calendar has not 9 events"
ids
tr -d '\r' <"$TESTDIR/out" | sed -n '7,14p;/Rocket/,/END:VEVENT/p' >"$TESTDIR/out.part"; mv "$TESTDIR/out.part" "$TESTDIR/out"
expect_out <<'END'
BEGIN:VEVENT
UID:ID-coaching@podium
DTSTAMP:20261129T090000Z
DTSTART:20261204T200000
DTEND:20261204T202000
SUMMARY:Les Écureuils · Technique
DESCRIPTION:Coach: Pierre Lambert
END:VEVENT
SUMMARY:Rocket 🚀 Crew\, Inc · Idea
DESCRIPTION:Coach: Nadia Belkacem
END:VEVENT
SUMMARY:Rocket 🚀 Crew\, Inc · Engagement
DESCRIPTION:Coach: Nadia Belkacem
END:VEVENT
END

# ---- later: what has begun stays, the rest is planned again, audited ----
before=$(db "SELECT count(*) FROM audit WHERE kind = 'coach_session'")
PODIUM_NOW="2026-12-05 09:10" run podium coach plan --length 30
expect_rc 0
expect_out_match '^planned 3 coach sessions of 30 minutes for 26 stages to coach; kept 4 that had begun or were booked by hand$'
run podium coach sessions
expect_out <<'END'
start             end    coach           team                 stage
2026-12-04 20:00  20:20  Pierre Lambert  Les Écureuils        Technique
2026-12-04 20:20  20:40  Pierre Lambert  数据队               Technique
2026-12-04 20:40  21:00  Pierre Lambert  Evil�[2J             Technique
2026-12-05 09:00  09:20  Nadia Belkacem  数据队               Idea
2026-12-05 09:30  10:00  Nadia Belkacem  Evil�[2J             Idea
2026-12-05 14:00  14:30  Nadia Belkacem  Les Écureuils        Engagement
2026-12-05 14:30  15:00  Nadia Belkacem  Rocket 🚀 Crew, Inc  Idea
END
checks=$((checks + 1))
[ "$(db "SELECT count(*) FROM audit WHERE kind = 'coach_session'")" = $((before + 1)) ] || fail "the plan is not one audit row"
run podium history --format csv
expect_out_match ',plan,coach_session,,"\{""length_min"":null,""sessions"":9,""planned_ahead"":5\}","\{""length_min"":30,""sessions"":7,""planned_ahead"":3\}",$'
finish
