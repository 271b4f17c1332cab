#!/bin/sh
# check passes a sound file and names every problem of a tampered one.
. "$top_srcdir/tests/cli/lib.sh"

run podium check
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
checks=$((checks + 1))
[ ! -e event.db ] || fail "check created a file"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
run podium check
expect_rc 0
expect_err_empty
expect_out <<'END'
audit chain: 9 rows, keyed and intact
replay: 0 sheets match the audit log
head: the log still holds row 9, the last one this account wrote
ok: 0 teams, 0 judges, 0 sheets, 9 audit rows
END

printf 'name,tracks\nLes Castors,Environment\n未来チーム,Education\n' >teams.csv
printf 'name\nChloé Martin\nÉmile Roux\n' >judges.csv
printf 'judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch,status\nChloé Martin,Les Castors,5,5,5,5,5,5,5,submitted\nÉmile Roux,Les Castors,3,3,3,3,3,3,3,submitted\nChloé Martin,未来チーム,4,4,,,,,,draft\n' >sheets.csv
for kind in teams judges sheets; do
	podium import $kind $kind.csv >/dev/null || { echo "cannot import $kind"; exit 99; }
done
run podium check
expect_rc 0
expect_out <<'END'
audit chain: 18 rows, keyed and intact
replay: 3 sheets match the audit log
head: the log still holds row 18, the last one this account wrote
ok: 2 teams, 2 judges, 3 sheets, 18 audit rows
END
cp event.db pristine.db

# Tamper with a copy of the pristine file, then check it.
tamper() {
	cp pristine.db event.db && rm -f event.db-wal event.db-shm
	sqlite3 event.db "$1" || exit 99
	run podium check
}

sheet_of="(SELECT s.id FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id"
emile_castors="$sheet_of WHERE j.name = 'Émile Roux' AND t.name = 'Les Castors')"
chloe_mirai="$sheet_of WHERE j.name = 'Chloé Martin' AND t.name = '未来チーム')"
idea="(SELECT id FROM criterion WHERE name = 'Idea')"

tamper "UPDATE sheet SET total = 60 WHERE id = $emile_castors"
expect_rc 1
expect_out <<'END'
sheet of Émile Roux for Les Castors: its total is 60, expected 50 from its values
END
expect_err <<'END'
podium: 1 problem found in event.db
END

tamper "UPDATE sheet_value SET value = 9 WHERE sheet_id = $emile_castors AND criterion_id = $idea"
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors differs from its last audit row: it was edited outside podium
sheet of Émile Roux for Les Castors: Idea is 9, outside its scale 1 to 5
END
expect_err <<'END'
podium: 2 problems found in event.db
END

tamper "UPDATE sheet_value SET value = 4 WHERE sheet_id = $emile_castors AND criterion_id = $idea"
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors differs from its last audit row: it was edited outside podium
sheet of Émile Roux for Les Castors: its total is 50, expected 53.5714285714 from its values
END

tamper "UPDATE sheet_value SET value = 3.5 WHERE sheet_id = $emile_castors AND criterion_id = $idea"
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors differs from its last audit row: it was edited outside podium
sheet of Émile Roux for Les Castors: Idea is '3.5', not a whole number
END

tamper "DELETE FROM sheet_value WHERE sheet_id = $emile_castors AND criterion_id = $idea"
expect_rc 1
expect_out <<'END'
replay: the sheet of Émile Roux for Les Castors differs from its last audit row: it was edited outside podium
sheet of Émile Roux for Les Castors: it is incomplete but has a total (50)
sheet of Émile Roux for Les Castors: it is submitted but 1 of 7 criteria are not scored
END

tamper "UPDATE sheet SET total = 10 WHERE id = $chloe_mirai"
expect_rc 1
expect_out <<'END'
sheet of Chloé Martin for 未来チーム: it is incomplete but has a total (10)
END

tamper "INSERT INTO conflict(judge_id, team_id, reason, created_at) SELECT j.id, t.id, 'her brother', 0 FROM judge j, team t WHERE j.name = 'Émile Roux' AND t.name = 'Les Castors'"
expect_rc 1
expect_out <<'END'
sheet of Émile Roux for Les Castors: the judge declared a conflict of interest with this team
END

tamper "UPDATE audit SET actor = 'mallory' WHERE seq = 3"
expect_rc 1
expect_out <<'END'
audit: the log was altered at row 3: its hash chain is broken
END
expect_err <<'END'
podium: 1 problem found in event.db
END

tamper "DELETE FROM audit WHERE seq = 12"
expect_rc 1
expect_out <<'END'
audit: row 13 follows row 11: rows of the log were deleted
END

tamper "INSERT INTO sheet_value(sheet_id, criterion_id, value) VALUES ('no-such-sheet', $idea, 3)"
expect_rc 1
expect_out_match '^database: row [0-9]+ of table sheet_value refers to a missing sheet$'


# names are sanitised on the way to the terminal
tamper "UPDATE judge SET name = char(27) || '[2JÉmile' WHERE name = 'Émile Roux'; UPDATE sheet SET total = 60 WHERE id = (SELECT s.id FROM sheet s JOIN judge j ON j.id = s.judge_id WHERE j.name LIKE '%mile' AND s.total = 50)"
expect_rc 1
expect_out <<'END'
sheet of �[2JÉmile for Les Castors: its total is 60, expected 50 from its values
END

# judge panels: a team left with too few judges is a problem
rm -f panels.db
podium --db panels.db init --name Panels >/dev/null
printf 'name\nAda\nBea\nCyd\n' | podium --db panels.db import judges - >/dev/null
printf 'name\nLes Castors\nZèbres\n' | podium --db panels.db import teams - >/dev/null
podium --db panels.db assign judges --per-team 2 >/dev/null
run podium --db panels.db check
expect_rc 0
sqlite3 panels.db "DELETE FROM assignment WHERE (judge_id, team_id) IN (SELECT a.judge_id, a.team_id FROM assignment a JOIN team t ON t.id = a.team_id WHERE t.name = 'Zèbres' LIMIT 1)"
run podium --db panels.db check
expect_rc 1
expect_out <<'END'
panel: Zèbres is seen by 1 of the 2 judges asked for; run 'podium assign judges' again
END

run podium check extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'"

finish
