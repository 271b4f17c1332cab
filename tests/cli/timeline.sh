#!/bin/sh
# init lays out the default timeline; 'timeline' lists it as a table, CSV or JSON.
. "$top_srcdir/tests/cli/lib.sh"

run podium timeline
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"

podium init --name "Hack for Good" --start "2026-12-04 18:00" >/dev/null || exit 99

run podium timeline --format csv
expect_rc 0
expect_err_empty
expect_out <<'END'
start,end,phase
2026-12-04 18:00,2026-12-04 18:30,Kickoff
2026-12-04 18:30,2026-12-04 19:30,Idea pitches
2026-12-04 19:30,2026-12-04 20:30,Dinner
2026-12-04 19:30,2026-12-04 20:30,Team building
2026-12-04 20:30,2026-12-06 12:00,Build
2026-12-04 21:30,2026-12-04 22:00,Checkpoint: Idea
2026-12-05 08:00,2026-12-05 09:00,Breakfast
2026-12-05 09:30,2026-12-05 10:00,Checkpoint: Engagement
2026-12-05 11:30,2026-12-05 12:00,Checkpoint: Technique
2026-12-05 12:30,2026-12-05 13:30,Lunch
2026-12-05 15:00,2026-12-05 15:30,Checkpoint: Marketing
2026-12-05 17:30,2026-12-05 18:00,Checkpoint: Design
2026-12-05 19:30,2026-12-05 20:30,Dinner
2026-12-05 21:30,2026-12-05 22:00,Checkpoint: Viability
2026-12-06 08:00,2026-12-06 09:00,Breakfast
2026-12-06 09:30,2026-12-06 10:00,Checkpoint: Pitch
2026-12-06 12:00,2026-12-06 12:00,Submission deadline
2026-12-06 12:30,2026-12-06 13:30,Lunch
2026-12-06 13:30,2026-12-06 16:00,Pitches
2026-12-06 16:00,2026-12-06 17:00,Deliberation
2026-12-06 17:00,2026-12-06 18:00,Awards
END

run podium timeline
expect_rc 0
expect_out <<'END'
start             end               phase                   kind
2026-12-04 18:00  2026-12-04 18:30  Kickoff                 kickoff
2026-12-04 18:30  2026-12-04 19:30  Idea pitches            ideas
2026-12-04 19:30  2026-12-04 20:30  Dinner                  meal (pinned)
2026-12-04 19:30  2026-12-04 20:30  Team building           teams
2026-12-04 20:30  2026-12-06 12:00  Build                   build
2026-12-04 21:30  2026-12-04 22:00  Checkpoint: Idea        checkpoint
2026-12-05 08:00  2026-12-05 09:00  Breakfast               meal (pinned)
2026-12-05 09:30  2026-12-05 10:00  Checkpoint: Engagement  checkpoint
2026-12-05 11:30  2026-12-05 12:00  Checkpoint: Technique   checkpoint
2026-12-05 12:30  2026-12-05 13:30  Lunch                   meal (pinned)
2026-12-05 15:00  2026-12-05 15:30  Checkpoint: Marketing   checkpoint
2026-12-05 17:30  2026-12-05 18:00  Checkpoint: Design      checkpoint
2026-12-05 19:30  2026-12-05 20:30  Dinner                  meal (pinned)
2026-12-05 21:30  2026-12-05 22:00  Checkpoint: Viability   checkpoint
2026-12-06 08:00  2026-12-06 09:00  Breakfast               meal (pinned)
2026-12-06 09:30  2026-12-06 10:00  Checkpoint: Pitch       checkpoint
2026-12-06 12:00  2026-12-06 12:00  Submission deadline     submission
2026-12-06 12:30  2026-12-06 13:30  Lunch                   meal (pinned)
2026-12-06 13:30  2026-12-06 16:00  Pitches                 pitches
2026-12-06 16:00  2026-12-06 17:00  Deliberation            deliberation
2026-12-06 17:00  2026-12-06 18:00  Awards                  awards (pinned)
END

run podium timeline --format json
expect_rc 0
sed -E 's/"id":"[0-9a-f-]{36}"/"id":"ID"/g' "$TESTDIR/out" | tr -d '\n' | sed 's/},{/},\n{/g' | sed -n '1p;21p' >"$TESTDIR/cut"; echo >>"$TESTDIR/cut"
mv "$TESTDIR/cut" "$TESTDIR/out"
expect_out <<'END'
[{"start":"2026-12-04 18:00","end":"2026-12-04 18:30","phase":"Kickoff","kind":"kickoff","pinned":false,"id":"ID"},
{"start":"2026-12-06 17:00","end":"2026-12-06 18:00","phase":"Awards","kind":"awards","pinned":true,"id":"ID"}]
END

# another length scales the same plan: a working day of 8 hours
podium --db day.db init --name "Day" --start "2026-12-04 09:00" --hours 8 >/dev/null || exit 99
run podium --db day.db timeline --format csv
expect_rc 0
expect_out <<'END'
start,end,phase
2026-12-04 09:00,2026-12-04 09:05,Kickoff
2026-12-04 09:05,2026-12-04 09:15,Idea pitches
2026-12-04 09:15,2026-12-04 09:25,Team building
2026-12-04 09:25,2026-12-04 16:00,Build
2026-12-04 10:10,2026-12-04 10:15,Checkpoint: Idea
2026-12-04 11:00,2026-12-04 11:05,Checkpoint: Engagement
2026-12-04 11:50,2026-12-04 11:55,Checkpoint: Technique
2026-12-04 12:30,2026-12-04 13:30,Lunch
2026-12-04 12:40,2026-12-04 12:45,Checkpoint: Marketing
2026-12-04 13:30,2026-12-04 13:35,Checkpoint: Design
2026-12-04 14:20,2026-12-04 14:25,Checkpoint: Viability
2026-12-04 15:10,2026-12-04 15:15,Checkpoint: Pitch
2026-12-04 16:00,2026-12-04 16:00,Submission deadline
2026-12-04 16:15,2026-12-04 16:40,Pitches
2026-12-04 16:40,2026-12-04 16:50,Deliberation
2026-12-04 16:50,2026-12-04 17:00,Awards
END

run podium timeline --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'xml'"

run podium timeline extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'"

finish
