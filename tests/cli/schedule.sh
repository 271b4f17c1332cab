#!/bin/sh
# schedule generate lays one pitch per team in parallel rooms, by track where it
# can; schedule list shows projected times in every format; move and swap.
. "$top_srcdir/tests/cli/lib.sh"

podium init --name "Hack for Good" --start "2026-12-04 18:00" >/dev/null || exit 99

# no rooms yet: a clear error, nothing written
before=$(snapshot)
run podium schedule generate
expect_rc 1
expect_err_match "^podium: there are no rooms to pitch in: import them first with 'podium import rooms FILE'$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused generate changed the file"

# rooms with a byte-order mark and CRLF; teams with accents, CJK, emoji, a quoted comma, an escape sequence
printf '\357\273\277name,tracks\r\nSalle Ada,Education\r\n"Salle Rhône",Environment;Inclusion\r\nAtelier 3,\r\n' >rooms.csv
printf 'name,tracks\nLes Castors,Environment\nGreen Bytes,Environment\n"Terre, Mer & Ciel",Environment\nOpen Doors,Inclusion\n未来チーム,Education\n🌱 Graines de Code,Education\nÉquipe Soleil,\n"Bob\033[31mRed",Education\n' >teams.csv
podium import rooms rooms.csv >/dev/null || exit 99
import_legacy teams teams.csv >/dev/null || exit 99

run podium schedule list
expect_rc 0
expect_out <<'END'
no pitches scheduled yet: run 'podium schedule generate'
END

# the default start is the timeline's pitches; four teams want Salle Rhône, which takes three
run podium schedule generate
expect_rc 0
expect_err_empty
expect_out <<'END'
scheduled 8 pitches in 3 rooms from 2026-12-06 13:30 to 2026-12-06 13:53
END

run podium schedule list
expect_rc 0
expect_out <<'END'
start             end    room         team                status     late
2026-12-06 13:30  13:37  Atelier 3    Terre, Mer & Ciel   scheduled
2026-12-06 13:30  13:37  Salle Ada    Bob�[31mRed         scheduled
2026-12-06 13:30  13:37  Salle Rhône  Green Bytes         scheduled
2026-12-06 13:38  13:45  Atelier 3    Équipe Soleil       scheduled
2026-12-06 13:38  13:45  Salle Ada    未来チーム          scheduled
2026-12-06 13:38  13:45  Salle Rhône  Les Castors         scheduled
2026-12-06 13:46  13:53  Salle Ada    🌱 Graines de Code  scheduled
2026-12-06 13:46  13:53  Salle Rhône  Open Doors          scheduled
END

run podium schedule list --format csv --room "SALLE RHÔNE"
expect_rc 0
expect_out <<'END'
start,end,room,team,status
2026-12-06 13:30,2026-12-06 13:37,Salle Rhône,Green Bytes,scheduled
2026-12-06 13:38,2026-12-06 13:45,Salle Rhône,Les Castors,scheduled
2026-12-06 13:46,2026-12-06 13:53,Salle Rhône,Open Doors,scheduled
END

run podium schedule list --format json --room "Atelier 3"
expect_rc 0
sed -E 's/"(room_id|team_id|id)":"[0-9a-f-]{36}"/"\1":"ID"/g' "$TESTDIR/out" >"$TESTDIR/cut" && mv "$TESTDIR/cut" "$TESTDIR/out"
expect_out <<'END'
[
  {"start":"2026-12-06 13:30","end":"2026-12-06 13:37","room":"Atelier 3","team":"Terre, Mer & Ciel","status":"scheduled","planned_start":"2026-12-06 13:30","late_min":0,"room_id":"ID","team_id":"ID","id":"ID"},
  {"start":"2026-12-06 13:38","end":"2026-12-06 13:45","room":"Atelier 3","team":"Équipe Soleil","status":"scheduled","planned_start":"2026-12-06 13:38","late_min":0,"room_id":"ID","team_id":"ID","id":"ID"}
]
END

# iCalendar: CRLF, escaped commas, floating local times, DTSTAMP in UTC
run podium schedule list --format ics --room "Atelier 3"
expect_rc 0
checks=$((checks + 1))
[ "$(grep -c "$(printf '\r')\$" "$TESTDIR/out")" -eq "$(wc -l <"$TESTDIR/out")" ] || fail "an ics line does not end in CRLF"
tr -d '\r' <"$TESTDIR/out" | sed -E 's/^UID:[0-9a-f-]{36}-pitch@podium$/UID:ID-pitch@podium/; s/^PRODID:.*/PRODID:P/' >"$TESTDIR/cut" && mv "$TESTDIR/cut" "$TESTDIR/out"
expect_out <<'END'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:P
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:Hack for Good — Atelier 3
BEGIN:VEVENT
UID:ID-pitch@podium
DTSTAMP:20261129T090000Z
DTSTART:20261206T133000
DTEND:20261206T133700
SUMMARY:Pitch: Terre\, Mer & Ciel
LOCATION:Atelier 3
DESCRIPTION:Terre\, Mer & Ciel: pitch 5 min\, Q&A 2 min (scheduled)
END:VEVENT
BEGIN:VEVENT
UID:ID-pitch@podium
DTSTAMP:20261129T090000Z
DTSTART:20261206T133800
DTEND:20261206T134500
SUMMARY:Pitch: Équipe Soleil
LOCATION:Atelier 3
DESCRIPTION:Équipe Soleil: pitch 5 min\, Q&A 2 min (scheduled)
END:VEVENT
END:VCALENDAR
END

run podium schedule list --format ics
expect_rc 0
checks=$((checks + 1))
[ "$(grep -c '^BEGIN:VEVENT' "$TESTDIR/out")" -eq 8 ] || fail "expected one event per slot"
expect_out_match '^X-WR-CALNAME:Hack for Good — pitches'
expect_out_match '^SUMMARY:Pitch: Bob�\[31mRed'

# an overrun in Salle Rhône shifts the rest of that room: 10 minutes in, 3 over
# the 7 of pitch and Q&A; the rooms that have not started at 13:40 run 10 minutes late
PODIUM_NOW="2026-12-06 13:30" podium timer start --room "Salle Rhône" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:40" run podium schedule list
expect_rc 0
expect_out <<'END'
start             end    room         team                status     late
2026-12-06 13:30  13:40  Salle Rhône  Green Bytes         running
2026-12-06 13:40  13:47  Atelier 3    Terre, Mer & Ciel   scheduled  +10 min
2026-12-06 13:40  13:47  Salle Ada    Bob�[31mRed         scheduled  +10 min
2026-12-06 13:41  13:48  Salle Rhône  Les Castors         scheduled  +3 min
2026-12-06 13:48  13:55  Atelier 3    Équipe Soleil       scheduled  +10 min
2026-12-06 13:48  13:55  Salle Ada    未来チーム          scheduled  +10 min
2026-12-06 13:49  13:56  Salle Rhône  Open Doors          scheduled  +3 min
2026-12-06 13:56  14:03  Salle Ada    🌱 Graines de Code  scheduled  +10 min
END
PODIUM_NOW="2026-12-06 13:40" run podium schedule list --format csv --room "Salle Rhône"
expect_out <<'END'
start,end,room,team,status
2026-12-06 13:30,2026-12-06 13:40,Salle Rhône,Green Bytes,running
2026-12-06 13:41,2026-12-06 13:48,Salle Rhône,Les Castors,scheduled
2026-12-06 13:49,2026-12-06 13:56,Salle Rhône,Open Doors,scheduled
END

# the organizer moves and swaps pitches not started
run podium schedule move "équipe soleil" --room "salle ada" --position 1
expect_rc 0
expect_out <<'END'
Équipe Soleil: Salle Ada, position 1, at 2026-12-06 13:30
END
run podium schedule swap "未来チーム" "terre, mer & ciel"
expect_rc 0
expect_out <<'END'
未来チーム: Atelier 3, position 1, at 2026-12-06 13:30
Terre, Mer & Ciel: Salle Ada, position 3, at 2026-12-06 13:46
END
run podium schedule list --format csv --room "Salle Ada"
printf '%s\n' 'start,end,room,team,status' \
	'2026-12-06 13:30,2026-12-06 13:37,Salle Ada,Équipe Soleil,scheduled' \
	'2026-12-06 13:38,2026-12-06 13:45,Salle Ada,Bob�[31mRed,scheduled' \
	'2026-12-06 13:46,2026-12-06 13:53,Salle Ada,"Terre, Mer & Ciel",scheduled' \
	'2026-12-06 13:54,2026-12-06 14:01,Salle Ada,🌱 Graines de Code,scheduled' | expect_out
run podium history --format csv
expect_out_match ',swap,slot,'
expect_out_match ',move,slot,'
expect_out_match ',generate,schedule,'

before=$(snapshot)
run podium schedule move "Green Bytes" --room "Salle Ada"
expect_rc 1
expect_err_match "^podium: Green Bytes is pitching: only pitches not started can move$"
run podium schedule swap "Les Castors" "les castors"
expect_rc 1
expect_err_match "^podium: cannot swap Les Castors with itself: name two teams$"
run podium schedule move "Les Castors" --room "Salle Rhône" --position 1
expect_rc 1
expect_err_match "^podium: position 1 is not free in Salle Rhône: give 2 to 3$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused move changed the file"

# generating again keeps what started, and warns when a room runs into a pinned phase
run podium schedule generate --start "2026-12-06 12:20" --pitch 5 --qa 2 --changeover 1
expect_rc 0
expect_out <<'END'
scheduled 7 pitches in 3 rooms from 2026-12-06 12:20 to 2026-12-06 13:53
kept 1 pitch already started or over
warning: Atelier 3 runs into Lunch at 12:30: Équipe Soleil ends 12:35
warning: Salle Ada runs into Lunch at 12:30: 未来チーム ends 12:35
END
run podium schedule list --format csv --room "Salle Rhône"
expect_out <<'END'
start,end,room,team,status
2026-12-06 13:30,2026-12-06 13:37,Salle Rhône,Green Bytes,running
2026-12-06 13:38,2026-12-06 13:45,Salle Rhône,Les Castors,scheduled
2026-12-06 13:46,2026-12-06 13:53,Salle Rhône,Open Doors,scheduled
END

# only the rooms named
run podium schedule generate --rooms "Salle Ada, Atelier 3" --start "2026-12-06 14:00" --pitch 3 --qa 0 --changeover 0
expect_rc 0
expect_out <<'END'
scheduled 7 pitches in 2 rooms from 2026-12-06 14:00 to 2026-12-06 14:12
kept 1 pitch already started or over
END

# usage and data errors
before=$(snapshot)
run podium schedule generate --rooms "Salle Ada,Nowhere"
expect_rc 1
expect_err_match "^podium: no room named 'Nowhere'"
run podium schedule generate --pitch 0
expect_rc 2
expect_err_match "^podium: --pitch takes whole minutes from 1 to 240, not '0'"
run podium schedule generate --start "2026-12-06 25:00"
expect_rc 2
expect_err_match "^podium: --start takes \"YYYY-MM-DD HH:MM\""
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused generate changed the file"
run podium schedule list --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv, json or ics, not 'xml'"
run podium schedule list --room Nowhere
expect_rc 1
expect_err_match "^podium: no room named 'Nowhere'"
run podium schedule frobnicate
expect_rc 2
expect_err_match "^podium: no 'schedule frobnicate': say generate, list, move or swap"
run podium schedule
expect_rc 2
expect_err_match "^podium: schedule needs what to do"
run podium --db missing.db schedule list
expect_rc 1
expect_err_match "^podium: no event file 'missing.db'"
checks=$((checks + 1))
[ ! -e missing.db ] || fail "schedule list created a file"

finish
