#!/bin/sh
# import reads spreadsheet CSV for every kind, all or nothing, and names the line of any error.
. "$top_srcdir/tests/cli/lib.sh"

db() { sqlite3 -batch "$PODIUM_DB" "$@"; }

# a missing event file is refused, not created
printf 'name\nA\n' >a.csv
run podium import teams a.csv
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
checks=$((checks + 1))
[ ! -e event.db ] || fail "import created an event file"

run podium init --name "Hack for Good" --start "2026-12-04 18:00"
expect_rc 0

# ---- usage errors: exit 2, nothing read ----
run podium import
expect_rc 2
expect_err_match "^podium: import needs what to import .*; see 'podium help import'$"
run podium import players a.csv
expect_rc 2
expect_err_match "^podium: cannot import 'players'; say teams, judges, coaches, criteria, rooms or sheets"
run podium import teams
expect_rc 2
expect_err_match "^podium: import teams needs a FILE"
run podium import teams a.csv b.csv
expect_rc 2
expect_err_match "^podium: unexpected argument 'b.csv'"
run podium import teams missing.csv
expect_rc 1
expect_err <<'END'
podium: cannot read 'missing.csv': No such file or directory
END

# ---- a spreadsheet export: BOM, CRLF, quoted commas, quotes and newlines, many scripts ----
esc=$(printf '\033')
printf '\357\273\277Name,Project,Tracks,Members,Table,Description,Notes\r\n' >teams.csv
printf '"Les Écureuils","Cartes, plans et vélos",Education;Environment,"Émile Roux;Chloé Martin",A1,"Deux lignes:\r\nla suite",x\r\n' >>teams.csv
printf '\r\n' >>teams.csv
printf '数据队,开放数据,education,李雷;韩梅梅,A2,,\r\n' >>teams.csv
printf 'فريق الأمل,مشروع,Inclusion,,A3,"Say ""hello""",\r\n' >>teams.csv
printf '"Rocket 🚀 Crew",Launch,,,,,\r\n' >>teams.csv
printf '"Evil%s[2J%s]0;pwned\007",Owned,,,,,\r\n' "$esc" "$esc" >>teams.csv
run import_legacy teams teams.csv
expect_rc 0
expect_err_empty
expect_out <<'END'
imported 5 teams from teams.csv
END
db "SELECT name, project, table_label FROM team WHERE project <> 'Owned' ORDER BY name_key" >"$TESTDIR/out"
expect_out <<'END'
Les Écureuils|Cartes, plans et vélos|A1
Rocket 🚀 Crew|Launch|
فريق الأمل|مشروع|A3
数据队|开放数据|A2
END
# the hostile name is stored as given, escape bytes and all
db "SELECT hex(name) FROM team WHERE project = 'Owned'" >"$TESTDIR/out"
expect_out <<'END'
4576696C1B5B324A1B5D303B70776E656407
END
db "SELECT description FROM team WHERE name = 'Les Écureuils'; SELECT description FROM team WHERE table_label = 'A3'" >"$TESTDIR/out"
expect_out <<'END'
Deux lignes:
la suite
Say "hello"
END
db "SELECT name FROM track ORDER BY name_key" >"$TESTDIR/out"
expect_out <<'END'
Education
Environment
Inclusion
END
db "SELECT t.name, m.position, m.name FROM team_member m JOIN team t ON t.id = m.team_id ORDER BY t.name_key, m.position" >"$TESTDIR/out"
expect_out <<'END'
Les Écureuils|1|Émile Roux
Les Écureuils|2|Chloé Martin
数据队|1|李雷
数据队|2|韩梅梅
END
db "SELECT count(*), count(DISTINCT kind) FROM audit WHERE kind IN ('team', 'track')" >"$TESTDIR/out"
expect_out <<'END'
8|2
END

# ---- errors name the line; a failed import leaves the file byte-identical ----
before=$(snapshot)
check_refused() {	# check_refused KIND FILE 'expected stderr'
	run podium import "$1" "$2"
	expect_rc 1
	printf '%s\n' "$3" | expect_err
	checks=$((checks + 1))
	[ "$before" = "$(snapshot)" ] || fail "a refused import of $2 changed the file"
}

printf 'name,project\r\nNew one,x\r\nTwo,"on two\r\nlines"\r\nLES ÉCUREUILS,z\r\n' >dup.csv
check_refused teams dup.csv "podium: dup.csv:5: a team named 'Les Écureuils' already exists"
printf 'name\nOne\nTwo\n  one  \n' >twice.csv
check_refused teams twice.csv "podium: twice.csv:4: the team 'one' appears twice, also on line 2"
printf 'name\nOne\nTwo\n,\n"Three\n' >open.csv
check_refused teams open.csv "podium: open.csv:5: a quoted cell is never closed; add the closing quote"
printf 'name\nOne\n"Tw"o\n' >quote.csv
check_refused teams quote.csv "podium: quote.csv:3: a stray quote; put the cell in quotes and double every quote inside it"
printf 'name,project\nOne,ok\nTwo,caf\351\n' >latin1.csv
check_refused teams latin1.csv "podium: latin1.csv:3: the text is not valid UTF-8 (cell 2); save the file as UTF-8"
printf 'name,project\nOne,a,b\n' >ragged.csv
check_refused teams ragged.csv "podium: ragged.csv:2: the row has 3 cells but the header names only 2 columns"
printf 'team,project\nOne,a\n' >noname.csv
check_refused teams noname.csv "podium: noname.csv:1: the column 'name' is missing; the header has: team, project"
printf 'name,name\n' >dupcol.csv
check_refused teams dupcol.csv "podium: dupcol.csv:1: the header names the column 'name' twice (columns 1 and 2)"
: >empty.csv
check_refused teams empty.csv "podium: empty.csv: the file is empty; its first line must name the columns"
printf 'name\n"Evil%s[2J%s]0;pwned\007"\n' "$esc" "$esc" >evil-dup.csv
check_refused teams evil-dup.csv "podium: evil-dup.csv:2: team name 'Evil�[2J�]0;pwned�' holds an invisible character (U+001B); remove it"
checks=$((checks + 1))
! grep -q "$esc" "$TESTDIR/err" || fail "an escape sequence reached stderr"
printf 'name,unix_user,pin\nA,ana,123456\nB,ana,567890\n' >judges-bad.csv
check_refused judges judges-bad.csv "podium: judges-bad.csv:3: the user name 'ana' appears twice, also on line 2"
printf 'name,pin\nA,123456\nB,1234\n' >pin-bad.csv
check_refused judges pin-bad.csv "podium: pin-bad.csv:3: a PIN must have at least 6 characters (at most 64)"
printf 'name,weight\nImpact,2\nFun,-1\n' >crit-bad.csv
check_refused criteria crit-bad.csv "podium: crit-bad.csv:3: the weight '-1' is not a number above 0"
printf 'name,min,max\nImpact,5,5\n' >crit-scale.csv
check_refused criteria crit-scale.csv "podium: crit-scale.csv:2: criterion 'Impact': min (5) must be below max (5)"
printf 'name\nidea\n' >crit-dup.csv
check_refused criteria crit-dup.csv "podium: crit-dup.csv:2: a criterion named 'idea' already exists"
printf 'name,available\nZoé,2026-12-05 09:00-12:00\nMax,"2026-12-05 09:00-12:00;tomorrow"\n' >coach-bad.csv
check_refused coaches coach-bad.csv "podium: coach-bad.csv:3: the availability 'tomorrow' is not a window like '2026-12-05 09:00-12:30'"
printf 'name,capacity\nAda,40\nHall,-3\n' >room-bad.csv
check_refused rooms room-bad.csv "podium: room-bad.csv:3: the capacity '-3' is not a whole number of seats (0 or more)"

# ---- standard input ----
printf 'name,tracks\nStdin Team,Environment\n' >stdin.csv
run_stdin podium import teams - <stdin.csv
expect_rc 0
expect_out <<'END'
imported 1 team from stdin
END
printf 'name\n"never closed\n' >stdin.csv
run_stdin podium import teams - <stdin.csv
expect_rc 1
expect_err <<'END'
podium: stdin:2: a quoted cell is never closed; add the closing quote
END

# ---- the other kinds ----
cat >judges.csv <<'END'
Name,Email,Tracks,Unix_User,PIN,Phone
Amina Haddad,amina@example.org,Education;Inclusion,amina,482193,+33 6
"Roux, Émile",emile@example.org,,,,
END
run podium import judges judges.csv
expect_rc 0
expect_out <<'END'
imported 2 judges from judges.csv
END
db "SELECT name, email, coalesce(unix_user, '-'), pin_hash IS NOT NULL, coalesce(pin_hash LIKE 'keyed:\$argon2id\$v=19\$m=65536,t=2,%', 0), instr(coalesce(pin_hash, ''), '482193') FROM judge ORDER BY name_key" >"$TESTDIR/out"
expect_out <<'END'
Amina Haddad|amina@example.org|amina|1|1|0
Roux, Émile|emile@example.org|-|0|0|0
END
db "SELECT j.name, t.name FROM judge_track x JOIN judge j ON j.id = x.judge_id JOIN track t ON t.id = x.track_id ORDER BY t.name_key" >"$TESTDIR/out"
expect_out <<'END'
Amina Haddad|Education
Amina Haddad|Inclusion
END

# a coach's login opens their console, once per file and once among coaches
printf 'name,unix_user\nAnne,anne\nBeth,anne\n' >twice.csv
run podium import coaches twice.csv
expect_rc 1
expect_err_match "^podium: twice.csv:3: the user name 'anne' appears twice, also on line 2$"
printf 'name,unix_user\nAnne,-bad\n' >badlogin.csv
run podium import coaches badlogin.csv
expect_rc 1
expect_err_match "is not a user name"
cat >coaches.csv <<'END'
name,email,unix_user,skills,available
Zoé Lefèvre,zoe@example.org,zoe,Pitch;Design;pitch,2026-12-05 09:00-12:00;2026-12-05 22:00-01:30
Kenji,,,,
END
run podium import coaches coaches.csv
expect_rc 0
expect_out <<'END'
imported 2 coaches from coaches.csv
END
db "SELECT c.name, s.skill FROM coach_skill s JOIN coach c ON c.id = s.coach_id ORDER BY s.skill_key; SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch'), strftime('%Y-%m-%d %H:%M', ends_at, 'unixepoch') FROM coach_window ORDER BY starts_at" >"$TESTDIR/out"
expect_out <<'END'
Zoé Lefèvre|Design
Zoé Lefèvre|Pitch
2026-12-05 09:00|2026-12-05 12:00
2026-12-05 22:00|2026-12-06 01:30
END
run podium list coaches --format csv
expect_out_match '^Zoé Lefèvre,zoe@example.org,Design;Pitch,2026-12-05 09:00-12:00;2026-12-05 22:00-01:30,zoe,[0-9a-f-]{36}$'
printf 'name,unix_user\nLuc,zoe\n' >taken.csv
run podium import coaches taken.csv
expect_rc 1
expect_err_match "the user name 'zoe' already belongs to the coach 'Zoé Lefèvre'"

printf 'name,weight,min,max,description\nImpact,2.5,0,10,"How much good, for whom"\nFun,,,,\n' >criteria.csv
run podium import criteria criteria.csv
expect_rc 0
expect_out <<'END'
imported 2 criteria from criteria.csv
END
db "SELECT position, name, weight, min_value, max_value, description FROM criterion WHERE position > 7 ORDER BY position" >"$TESTDIR/out"
expect_out <<'END'
8|Impact|2.5|0|10|How much good, for whom
9|Fun|1.0|1|5|
END

printf 'NAME,TRACKS,CAPACITY\nSalle Ada,Environment;Éducation,40\nHall,,\n' >rooms.csv
run podium import rooms rooms.csv
expect_rc 0
expect_out <<'END'
imported 2 rooms from rooms.csv
END
db "SELECT r.name, coalesce(r.capacity, '-'), (SELECT group_concat(name, ';') FROM (SELECT t.name FROM room_track x JOIN track t ON t.id = x.track_id WHERE x.room_id = r.id ORDER BY t.name_key)) FROM room r ORDER BY r.name_key" >"$TESTDIR/out"
expect_out <<'END'
Hall|-|
Salle Ada|40|Environment;Éducation
END

# a header alone imports nothing, successfully
printf 'name,project\r\n' >header.csv
run podium import teams header.csv
expect_rc 0
expect_out <<'END'
imported 0 teams from header.csv
END

# every change above is in the audit chain, and the chain holds
db "SELECT kind, count(*) FROM audit WHERE kind <> 'criterion' OR seq > 9 GROUP BY kind ORDER BY kind" >"$TESTDIR/out"
expect_out <<'END'
coach|2
criterion|2
event|1
judge|2
role|1
room|2
team|6
track|4
END


# a quote inside an unquoted cell is a quote, as spreadsheets read it
run podium --db quote.db init --name "Quotes"
expect_rc 0
printf 'name,project\nCompass,37\302\26036'"'"'37.8"N\n' >bare-quote.csv
run podium --db quote.db import teams bare-quote.csv
expect_rc 0
run podium --db quote.db list teams --format csv
expect_out_match '^Compass,"37°36'"'"'37.8""N",'

finish
