#!/bin/sh
# demo fills a new file with a realistic event once, and leaves an existing event alone.
. "$top_srcdir/tests/cli/lib.sh"

run podium demo --no-tui
expect_rc 0
expect_err_empty
expect_out <<'END'
demo event 'Hack for Good — Lyon 2026' in event.db: 24 teams, 9 judges, 4 coaches, 3 rooms, 36 sheets submitted and 2 drafts
END

run podium check
expect_rc 0
expect_out_match '^ok: 24 teams, 9 judges, 38 sheets, [0-9]+ audit rows$'

# the judge panels, as 'assign judges' makes them: every sheet by a judge of its team's panel
run podium assignments --format csv
expect_rc 0
checks=$((checks + 1))
[ "$(wc -l <"$TESTDIR/out")" -eq 73 ] || fail "expected 72 assignments"
expect_out_match '^Sarah Cohen,Bridge Builders,Atelier 3,2026-12-06 13:30$'
checks=$((checks + 1))
[ "$(sqlite3 -batch "$PODIUM_DB" "SELECT count(*) FROM sheet s WHERE NOT EXISTS (SELECT 1 FROM assignment a
	WHERE a.judge_id = s.judge_id AND a.team_id = s.team_id)")" = 0 ] || fail "a demo sheet is off its team's panel"

# next Friday 18:00 from the fixed clock (Sunday 2026-11-29), for 48 hours
run podium export
expect_out_match '"name":"Hack for Good — Lyon 2026","starts_at":"2026-12-04 18:00","hours":48'

run podium list tracks --format csv
cut -d, -f1,2 "$TESTDIR/out" >"$TESTDIR/cut" && mv "$TESTDIR/cut" "$TESTDIR/out"
expect_out <<'END'
name,teams
Diversity,6
Education,6
Environment,9
Future of work,6
Inclusion,7
END

run podium list teams --format csv
expect_out_match '^未来チーム,'
expect_out_match '^青い森,'
expect_out_match '^🌱 Graines de Code,'
expect_out_match '^"Terre, Mer & Ciel",'
expect_out_match '^Équipe Soleil,'

run podium list judges --format csv
expect_out_match '^Chloé Martin,chloe.martin@example.org,Education;Inclusion,chloe,'
run podium list coaches --format csv
expect_out_match '^Nadia Belkacem,nadia@example.org,Engagement;Idea;Pitch,2026-12-05 09:00-12:00;2026-12-05 14:00-18:00;2026-12-06 09:00-11:00,'

# the leaderboard has twelve ranked teams, three judges each
run podium leaderboard --format csv
expect_rc 0
checks=$((checks + 1))
[ "$(grep -c ',3,[a-z]*,ranked$' "$TESTDIR/out")" -eq 12 ] || fail "expected 12 teams with 3 judges"

# the same every time
podium export | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}//g; s/"(at|created_at|updated_at|granted_at|hash|prev_hash)":"[^"]*"//g' >first.json
podium --db second.db demo --no-tui >/dev/null
podium --db second.db export | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}//g; s/"(at|created_at|updated_at|granted_at|hash|prev_hash)":"[^"]*"//g' >second.json
checks=$((checks + 1))
cmp -s first.json second.json || fail "two demos differ"

# a second run leaves the event alone
before=$(snapshot)
run podium demo --no-tui
expect_rc 0
expect_err_empty
expect_out <<'END'
event.db: it already holds the event 'Hack for Good — Lyon 2026'; the demo leaves it alone
END
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a second demo changed the file"

# an event made by init is left alone too
podium --db mine.db init --name "Mine" >/dev/null
run podium --db mine.db demo --no-tui
expect_rc 0
expect_out <<'END'
mine.db: it already holds the event 'Mine'; the demo leaves it alone
END
run podium --db mine.db list teams --format csv
expect_out <<'END'
name,project,tracks,members,table,description,id
END

run podium --db other.db demo --no-tui extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'"
checks=$((checks + 1))
[ ! -e other.db ] || fail "a usage error created a file"

finish
