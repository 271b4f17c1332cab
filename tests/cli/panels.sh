#!/bin/sh
# Judge panels: conflicts, 'assign judges' with and without pitch slots,
# refusals that say what would make them possible, and 'assignments' in
# every format, names from users shown safely.
. "$top_srcdir/tests/cli/lib.sh"

db() { sqlite3 -batch "$PODIUM_DB" "$@"; }
ids() { sed 's/[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}/ID/g' "$TESTDIR/out" >"$TESTDIR/out.ids"; mv "$TESTDIR/out.ids" "$TESTDIR/out"; }

# a missing event file is refused, not created
run podium assign judges
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
run podium assignments
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
run podium conflict add --judge A --team B
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"

run podium init --name "Hack" --start "2026-12-04 18:00"
expect_rc 0
expect_out_match '^created the event in event.db: starts 2026-12-04 18:00'

# ---- usage errors: exit 2 ----
run podium assign
expect_rc 2
expect_err_match "^podium: assign needs what to assign: 'judges'; see 'podium help assign'$"
run podium assign coaches
expect_rc 2
expect_err_match "^podium: cannot assign 'coaches'; say 'judges'"
run podium assign judges --per-team 0
expect_rc 2
expect_err_match "^podium: --per-team takes a whole number from 1 to 50, not '0'"
run podium assign judges --per-team x
expect_rc 2
expect_err_match "^podium: --per-team takes a whole number from 1 to 50, not 'x'"
run podium assign judges extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'"
run podium assignments --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'xml'"
run podium conflict
expect_rc 2
expect_err_match "^podium: conflict needs 'add'"
run podium conflict remove --judge A --team B
expect_rc 2
expect_err_match "^podium: conflict takes 'add', not 'remove'"
run podium conflict add --judge A
expect_rc 2
expect_err_match "^podium: conflict add needs --judge J and --team T"

# ---- nothing to assign yet ----
run podium assign judges
expect_rc 1
expect_err <<'END'
podium: there are no teams to judge yet: import them with 'podium import teams FILE'
END
esc=$(printf '\033')
printf 'name,tracks\r\nLes Écureuils,Education\r\n数据队,Environment\r\n"Rocket 🚀 Crew, Inc",Education;Inclusion\r\nZèbres,Inclusion\r\n"Evil%s[2J",\r\n' "$esc" >teams.csv
printf '\357\273\277name,tracks\nAda Lovelace,Education\nÉmile Roux,Environment\nGrace Hopper,Inclusion\nLinus Torvalds,\n' >judges.csv
import_legacy teams teams.csv >/dev/null || exit 99
run podium assign judges
expect_rc 1
expect_err <<'END'
podium: there are no judges yet: import them with 'podium import judges FILE'
END
podium import judges judges.csv >/dev/null || exit 99
run podium assignments
expect_rc 0
expect_out <<'END'
no judges assigned yet: run 'podium assign judges'
END
run podium assignments --format csv
expect_out <<'END'
judge,team,room,start
END
run podium assignments --format json
expect_out <<'END'
[]
END

# ---- more judges per team than judges: refused, what to do said ----
run podium assign judges --per-team 5
expect_rc 1
expect_err <<'END'
podium: 5 judges per team needs at least 5 judges and there are only 4: import 1 more or use --per-team 4
END

# ---- without slots: by team only, and said so ----
run podium assign judges
expect_rc 0
expect_err_empty
expect_out <<'END'
assigned 3 judges to each of 5 teams: 15 assignments, 5 with a judge of the team's track
no pitch slots yet: judges were assigned by team only, without times; assign again after 'podium schedule generate'
coverage: 5 of 5 teams have at least 3 judges; judges see 3 to 4 teams each

judge           teams
Ada Lovelace        4
Grace Hopper        3
Linus Torvalds      4
Émile Roux          4
END
run podium assignments
expect_out <<'END'
judge           team                 room  start
Ada Lovelace    Evil�[2J
Ada Lovelace    Les Écureuils
Ada Lovelace    Rocket 🚀 Crew, Inc
Ada Lovelace    数据队
Grace Hopper    Rocket 🚀 Crew, Inc
Grace Hopper    Zèbres
Grace Hopper    数据队
Linus Torvalds  Evil�[2J
Linus Torvalds  Les Écureuils
Linus Torvalds  Rocket 🚀 Crew, Inc
Linus Torvalds  Zèbres
Émile Roux      Evil�[2J
Émile Roux      Les Écureuils
Émile Roux      Zèbres
Émile Roux      数据队
END
checks=$((checks + 1))
grep -q "$esc" "$TESTDIR/out" && fail "the table lets an escape through"
run podium assignments --format csv
expect_out <<END
judge,team,room,start
Ada Lovelace,Evil�[2J,,
Ada Lovelace,Les Écureuils,,
Ada Lovelace,"Rocket 🚀 Crew, Inc",,
Ada Lovelace,数据队,,
Grace Hopper,"Rocket 🚀 Crew, Inc",,
Grace Hopper,Zèbres,,
Grace Hopper,数据队,,
Linus Torvalds,Evil�[2J,,
Linus Torvalds,Les Écureuils,,
Linus Torvalds,"Rocket 🚀 Crew, Inc",,
Linus Torvalds,Zèbres,,
Émile Roux,Evil�[2J,,
Émile Roux,Les Écureuils,,
Émile Roux,Zèbres,,
Émile Roux,数据队,,
END
run podium assignments --format json
ids
expect_out_match '^\[\{"judge":"Ada Lovelace","team":"Evil\\u001b\[2J","room":null,"start":null,"judge_id":"ID","team_id":"ID"\},'
checks=$((checks + 1))
[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TESTDIR/out")" = 15 ] || fail "json has not 15 rows"

# ---- a conflict: recorded, audited, and the next panels respect it ----
run podium conflict add --judge "ADA LOVELACE" --team "les écureuils" --reason "her student"
expect_rc 0
expect_out <<'END'
conflict recorded: Ada Lovelace will not judge Les Écureuils
Ada Lovelace is on the panel of Les Écureuils: run 'podium assign judges' again
END
run podium conflict add --judge "Nobody" --team "les écureuils"
expect_rc 1
expect_err <<'END'
podium: no judge named 'Nobody'; see 'podium list judges'
END
printf 'bad \377 reason' >bad.txt
run podium conflict add --judge "Émile Roux" --team Zèbres --reason "$(cat bad.txt)"
expect_rc 1
expect_err_match "^podium: the reason is not valid UTF-8$"
run podium history --format csv
expect_out_match '^[0-9-]{10} [0-9:]{8},organizer [^,]*,create,conflict,Ada Lovelace → Les Écureuils,,"\{""judge"":""Ada Lovelace"",""team"":""Les Écureuils"",""reason"":""her student""\}",her student$'
expect_out_match '^[0-9-]{10} [0-9:]{8},organizer [^,]*,assign,panel,,"\{""per_team"":null,""timed"":false,""assignments"":0,""judges"":0,""teams"":0\}","\{""per_team"":3,""timed"":false,""assignments"":15,""judges"":4,""teams"":5\}",$'
run podium assign judges
expect_rc 0
expect_out_match '^assigned [0-9]+ judges to each of [0-9]+ teams: [0-9]+ assignments'
run podium assignments --format csv
expect_out_lacks '^Ada Lovelace,Les Écureuils,'

# a team that only one judge may judge
podium conflict add --judge "Grace Hopper" --team "Zèbres" >/dev/null
podium conflict add --judge "Linus Torvalds" --team "Zèbres" >/dev/null
podium conflict add --judge "émile roux" --team "zèbres" >/dev/null
before=$(snapshot)
run podium assign judges --per-team 2
expect_rc 1
expect_err <<'END'
podium: only 1 judge can judge 'Zèbres' without a conflict of interest and 2 are needed: add judges or use --per-team 1
END
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused assignment changed the file"
db "DELETE FROM conflict WHERE team_id = (SELECT id FROM team WHERE name = 'Zèbres')"

# ---- with pitch slots: two rooms in parallel, 7-minute slots from 14:00 ----
printf 'name,tracks\nAmphi,Education\nSalle B,Inclusion\n' >rooms.csv
podium import rooms rooms.csv >/dev/null || exit 99
db "INSERT INTO slot(id, room_id, team_id, position, starts_at, pitch_s, qa_s, changeover_s)
    SELECT 'slot-' || t.name, r.id, t.id, p.pos, strftime('%s', '2026-12-05 14:00') + (p.pos - 1) * 480, 300, 120, 60
    FROM (SELECT 'Les Écureuils' AS team, 'Amphi' AS room, 1 AS pos UNION ALL SELECT 'Rocket 🚀 Crew, Inc', 'Amphi', 2
          UNION ALL SELECT 'Zèbres', 'Salle B', 1 UNION ALL SELECT '数据队', 'Salle B', 2) p
    JOIN team t ON t.name = p.team JOIN room r ON r.name = p.room" || exit 99
before=$(snapshot)
run podium assign judges
expect_rc 1
expect_err <<'END'
podium: 2 rooms pitch at once at 2026-12-05 14:00 and need 6 judges (3 each), but there are 4: add 2 more judges, use --per-team 2, or pitch in fewer rooms at once
END
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused assignment changed the file"
run podium assign judges --per-team 2
expect_rc 0
expect_out <<'END'
assigned 2 judges to each of 5 teams: 10 assignments, 4 with a judge of the team's track
1 team has no pitch slot: its judges were assigned without a time
coverage: 5 of 5 teams have at least 2 judges; judges see 2 to 3 teams each

judge           teams
Ada Lovelace        2
Grace Hopper        2
Linus Torvalds      3
Émile Roux          3
END
# no judge in two rooms at once; the team without a slot comes last, without a room or time
run podium assignments --format csv
expect_out <<END
judge,team,room,start
Ada Lovelace,Zèbres,Salle B,2026-12-05 14:00
Ada Lovelace,"Rocket 🚀 Crew, Inc",Amphi,2026-12-05 14:08
Grace Hopper,Zèbres,Salle B,2026-12-05 14:00
Grace Hopper,"Rocket 🚀 Crew, Inc",Amphi,2026-12-05 14:08
Linus Torvalds,Les Écureuils,Amphi,2026-12-05 14:00
Linus Torvalds,数据队,Salle B,2026-12-05 14:08
Linus Torvalds,Evil�[2J,,
Émile Roux,Les Écureuils,Amphi,2026-12-05 14:00
Émile Roux,数据队,Salle B,2026-12-05 14:08
Émile Roux,Evil�[2J,,
END
run podium assignments
expect_out <<'END'
judge           team                 room     start
Ada Lovelace    Zèbres               Salle B  2026-12-05 14:00
Ada Lovelace    Rocket 🚀 Crew, Inc  Amphi    2026-12-05 14:08
Grace Hopper    Zèbres               Salle B  2026-12-05 14:00
Grace Hopper    Rocket 🚀 Crew, Inc  Amphi    2026-12-05 14:08
Linus Torvalds  Les Écureuils        Amphi    2026-12-05 14:00
Linus Torvalds  数据队               Salle B  2026-12-05 14:08
Linus Torvalds  Evil�[2J
Émile Roux      Les Écureuils        Amphi    2026-12-05 14:00
Émile Roux      数据队               Salle B  2026-12-05 14:08
Émile Roux      Evil�[2J
END
run podium assignments --format json
expect_out_match '"judge":"Ada Lovelace","team":"Zèbres","room":"Salle B","start":"2026-12-05 14:00"'
finish
