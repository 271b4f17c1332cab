#!/bin/sh
# list shows every kind of record as a table for people (sanitised, 80 columns),
# and as CSV and JSON for programs (exact, re-importable).
. "$top_srcdir/tests/cli/lib.sh"

# UUIDs differ on every run: show them as ID.
mask_ids() {
	sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ID/g' "$TESTDIR/out" >"$TESTDIR/masked"
	mv "$TESTDIR/masked" "$TESTDIR/out"
}

# Tables pad their columns: compare them without the spaces that end a line.
strip_ends() {
	sed 's/ *$//' "$TESTDIR/out" >"$TESTDIR/stripped"
	mv "$TESTDIR/stripped" "$TESTDIR/out"
}

run podium list teams
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
checks=$((checks + 1))
[ ! -e event.db ] || fail "list created a file"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99

run podium list teams
expect_rc 0
expect_out <<'END'
no teams yet
END
run podium list teams --format json
expect_out <<'END'
[]
END
run podium list teams --format csv
expect_out <<'END'
name,project,tracks,members,table,description,id
END

# hostile and international names: quotes, commas, a newline, escape sequences, CJK, emoji
printf 'name,project,tracks,members,table,description\n"Les Castors, Lyon","Répar ""Tout""",Environment;Education,Paul;Zoé,B2,"two\nlines"\n\033[31mRed Team,Evil\033]0;x\a,Inclusion,Mallory,C1,\n未来チーム,Mirai,Future of work,Haruto Sato,A3,\n🌱 Graines,Potager,Environment,Manon,A4,\nÉquipe Soleil,Solaire,,Zoé Laurent,A5,\n' >teams.csv
printf 'name,email,tracks,unix_user,pin\nChloé Martin,chloe@example.org,Education;Inclusion,chloe,123456\n"Roux, Émile",emile@example.org,Environment,,\n' >judges.csv
printf 'name,email,skills,available\nNadia,nadia@example.org,Pitch;Idea,2026-12-05 09:00-12:00;2026-12-05 14:00-18:00\n' >coaches.csv
printf 'name,tracks,capacity\nAmphi,Education;Future of work,120\nAtelier 3,Inclusion,\n' >rooms.csv
for kind in teams judges coaches rooms; do
	import_legacy $kind $kind.csv >/dev/null || { echo "cannot import $kind"; exit 99; }
done

run podium list teams
expect_rc 0
expect_err_empty
strip_ends
expect_out <<'END'
name               project       tracks                  members      table
�[31mRed Team      Evil�]0;x�    Inclusion               Mallory      C1
Les Castors, Lyon  Répar "Tout"  Education, Environment  Paul, Zoé    B2
Équipe Soleil      Solaire                               Zoé Laurent  A5
未来チーム         Mirai         Future of work          Haruto Sato  A3
🌱 Graines         Potager       Environment             Manon        A4
END
checks=$((checks + 1))
! grep -q "$(printf '\033')" "$TESTDIR/out" || fail "an escape sequence reached the table"

run podium list teams --format csv
expect_rc 0
mask_ids
printf '%s\n' 'name,project,tracks,members,table,description,id' \
	'�[31mRed Team,Evil�]0;x�,Inclusion,Mallory,C1,,ID' \
	'"Les Castors, Lyon","Répar ""Tout""",Education;Environment,Paul;Zoé,B2,"two' \
	'lines",ID' \
	'Équipe Soleil,Solaire,,Zoé Laurent,A5,,ID' \
	'未来チーム,Mirai,Future of work,Haruto Sato,A3,,ID' \
	'🌱 Graines,Potager,Environment,Manon,A4,,ID' | expect_out

run podium list teams --format json
expect_rc 0
mask_ids
expect_out <<'END'
[{"name":"\u001b[31mRed Team","project":"Evil\u001b]0;x\u0007","tracks":["Inclusion"],"members":["Mallory"],"table":"C1","description":"","id":"ID"},{"name":"Les Castors, Lyon","project":"Répar \"Tout\"","tracks":["Education","Environment"],"members":["Paul","Zoé"],"table":"B2","description":"two\nlines","id":"ID"},{"name":"Équipe Soleil","project":"Solaire","tracks":[],"members":["Zoé Laurent"],"table":"A5","description":"","id":"ID"},{"name":"未来チーム","project":"Mirai","tracks":["Future of work"],"members":["Haruto Sato"],"table":"A3","description":"","id":"ID"},{"name":"🌱 Graines","project":"Potager","tracks":["Environment"],"members":["Manon"],"table":"A4","description":"","id":"ID"}]
END

# a list re-imports into a new event as it was (an escape comes back as the U+FFFD
# that stood for it, which sorts elsewhere: compare the lines, not their order)
podium list teams --format csv >listed.csv
podium --db copy.db init --name "Copy" >/dev/null || exit 99
run podium --db copy.db import teams listed.csv
expect_rc 0
uuid='[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
podium list teams --format csv | sed -E "s/$uuid/ID/" | sort >a.txt
podium --db copy.db list teams --format csv | sed -E "s/$uuid/ID/" | sort >b.txt
checks=$((checks + 1))
cmp -s a.txt b.txt || fail "teams listed, re-imported and listed again differ"

run podium list judges
expect_rc 0
strip_ends
expect_out <<'END'
name          email              tracks                unix_user
Chloé Martin  chloe@example.org  Education, Inclusion  chloe
Roux, Émile   emile@example.org  Environment
END
run podium list judges --format csv
mask_ids
expect_out <<'END'
name,email,tracks,unix_user,id
Chloé Martin,chloe@example.org,Education;Inclusion,chloe,ID
"Roux, Émile",emile@example.org,Environment,,ID
END
run podium list judges --format json
mask_ids
expect_out <<'END'
[{"name":"Chloé Martin","email":"chloe@example.org","tracks":["Education","Inclusion"],"unix_user":"chloe","id":"ID"},{"name":"Roux, Émile","email":"emile@example.org","tracks":["Environment"],"unix_user":null,"id":"ID"}]
END
checks=$((checks + 1))
! grep -qi 'pin\|argon' "$TESTDIR/out" || fail "the judges' list shows PINs"

run podium list coaches
expect_rc 0
expect_out <<'END'
name   email              skills       available
Nadia  nadia@example.org  Idea, Pitch  2026-12-05 09:00-12:00, 2026-12-05 14:00…
END
run podium list coaches --format csv
mask_ids
expect_out <<'END'
name,email,skills,available,unix_user,id
Nadia,nadia@example.org,Idea;Pitch,2026-12-05 09:00-12:00;2026-12-05 14:00-18:00,,ID
END
run podium list coaches --format json
mask_ids
expect_out <<'END'
[{"name":"Nadia","email":"nadia@example.org","skills":["Idea","Pitch"],"available":["2026-12-05 09:00-12:00","2026-12-05 14:00-18:00"],"unix_user":null,"id":"ID"}]
END

run podium list criteria
expect_rc 0
expect_out <<'END'
name        weight  min  max  description
Idea             1    1    5  Originality and clarity of the problem and the pr…
Engagement       1    1    5  Social and environmental impact: who benefits, an…
Technique        1    1    5  Quality and feasibility of what was built
Marketing        1    1    5  Knowledge of the users and the market, a path to …
Design           1    1    5  Experience and look of the product
Viability        1    1    5  A model that lets the project live after the week…
Pitch            1    1    5  Clarity and conviction of the presentation and th…
END
run podium list criteria --format csv
mask_ids
expect_out <<'END'
name,weight,min,max,description,id
Idea,1,1,5,Originality and clarity of the problem and the proposed solution,ID
Engagement,1,1,5,"Social and environmental impact: who benefits, and how much",ID
Technique,1,1,5,Quality and feasibility of what was built,ID
Marketing,1,1,5,"Knowledge of the users and the market, a path to reach them",ID
Design,1,1,5,Experience and look of the product,ID
Viability,1,1,5,A model that lets the project live after the weekend,ID
Pitch,1,1,5,Clarity and conviction of the presentation and the answers,ID
END
run podium list criteria --format json
mask_ids
expect_out_match '^\[\{"name":"Idea","weight":1(\.0)?,"min":1,"max":5,"description":"Originality'
expect_out_match '"name":"Pitch","weight":1(\.0)?,"min":1,"max":5,.*"id":"ID"\}\]$'

run podium list tracks
expect_rc 0
expect_out <<'END'
name            teams
Education           1
Environment         2
Future of work      1
Inclusion           1
END
run podium list tracks --format csv
mask_ids
expect_out <<'END'
name,teams,id
Education,1,ID
Environment,2,ID
Future of work,1,ID
Inclusion,1,ID
END
run podium list tracks --format json
mask_ids
expect_out <<'END'
[{"name":"Education","teams":1,"id":"ID"},{"name":"Environment","teams":2,"id":"ID"},{"name":"Future of work","teams":1,"id":"ID"},{"name":"Inclusion","teams":1,"id":"ID"}]
END

run podium list rooms
expect_rc 0
strip_ends
expect_out <<'END'
name       tracks                     capacity
Amphi      Education, Future of work       120
Atelier 3  Inclusion
END
run podium list rooms --format csv
mask_ids
expect_out <<'END'
name,tracks,capacity,id
Amphi,Education;Future of work,120,ID
Atelier 3,Inclusion,,ID
END
run podium list rooms --format json
mask_ids
expect_out <<'END'
[{"name":"Amphi","tracks":["Education","Future of work"],"capacity":120,"id":"ID"},{"name":"Atelier 3","tracks":["Inclusion"],"capacity":null,"id":"ID"}]
END

# every table fits 80 columns
for kind in teams judges coaches criteria tracks rooms; do
	podium list $kind >table.txt
	checks=$((checks + 1))
	wide=$(python3 -c 'import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' table.txt 2>/dev/null || echo 0)
	[ "$wide" -le 80 ] || fail "list $kind is $wide columns wide"
done

run podium list
expect_rc 2
expect_err_match "^podium: list needs what to list"
run podium list players
expect_rc 2
expect_err_match "^podium: cannot list 'players'"
run podium list teams --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'xml'"
run podium list teams judges
expect_rc 2
expect_err_match "^podium: unexpected argument 'judges'"

finish
