#!/bin/sh
# podium rubric lists, adds, edits and deletes criteria. Once a sheet is
# submitted, a change that alters totals (add, delete, a weight, a scale) is
# refused with the count of sheets it touches, unless --reopen turns them back
# into drafts and lists them; renames and descriptions stay allowed; after
# the lock every change is refused. A refusal changes nothing.
. "$top_srcdir/tests/cli/lib.sh"
export USER=alice

run podium rubric
expect_rc 1
expect_err_match "^podium: no event file"
run podium init --name "Hack for Good" --start "2026-12-04 18:00"
expect_rc 0
printf 'name\nÉmile Roux\nChloé Martin\n' >judges.csv
printf 'name\nLes Castors\nLes Loups\n' >teams.csv
podium import judges judges.csv >/dev/null
podium import teams teams.csv >/dev/null

run podium rubric add "Future fit" --weight 2.5 --min 0 --max 10 --description "Ready for what comes, à venir"
expect_rc 0
expect_err_empty
expect_out <<'END'
added the criterion Future fit
END
run podium rubric
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
Future fit     2.5    0   10  Ready for what comes, à venir
END
run podium rubric --format csv
expect_out <<'END'
name,weight,min,max,description
Idea,1,1,5,Originality and clarity of the problem and the proposed solution
Engagement,1,1,5,"Social and environmental impact: who benefits, and how much"
Technique,1,1,5,Quality and feasibility of what was built
Marketing,1,1,5,"Knowledge of the users and the market, a path to reach them"
Design,1,1,5,Experience and look of the product
Viability,1,1,5,A model that lets the project live after the weekend
Pitch,1,1,5,Clarity and conviction of the presentation and the answers
Future fit,2.5,0,10,"Ready for what comes, à venir"
END
run podium rubric --format json
expect_out_match '^\[\{"name":"Idea","weight":1(\.0)?,"min":1,"max":5,'
expect_out_match '\{"name":"Future fit","weight":2\.5,"min":0,"max":10,"description":"Ready for what comes, à venir","id":"[0-9a-f-]{36}"\}\]$'

# with no sheet submitted, every change goes through
run podium rubric edit "FUTURE FIT" --weight 2 --max 5 --min 1
expect_rc 0
expect_out <<'END'
saved the criterion Future fit
END
run podium rubric delete "future fit"
expect_rc 0
expect_out <<'END'
deleted the criterion Future fit
END
run podium rubric add Impact
expect_rc 0
run podium rubric --format csv
expect_out_match '^Impact,1,1,5,$'

# bad input: a clear error, nothing changes
before=$(snapshot)
run podium rubric add idea
expect_rc 1
expect_err_match "^podium: a criterion named 'Idea' already exists$"
run podium rubric edit impact --name "  PITCH "
expect_rc 1
expect_err_match "^podium: a criterion named 'Pitch' already exists$"
# Cyrillic Р and і: a name that looks like another criterion's, also on a rename
run podium rubric edit impact --name "Рitch"
expect_rc 1
expect_err_match "looks like the existing criterion 'Pitch'"
run podium rubric add "Рitch"
expect_rc 1
expect_err_match "looks like the existing criterion 'Pitch'"
run podium rubric add Wow --min 5 --max 5
expect_rc 1
expect_err_match "^podium: criterion 'Wow': min \(5\) must be below max \(5\)$"
run podium rubric edit impact --min 6
expect_rc 1
expect_err_match "^podium: criterion 'Impact': min \(6\) must be below max \(5\)$"
run podium rubric add Wow --weight 0
expect_rc 2
expect_err_match "^podium: --weight takes a number above 0, not '0'; see 'podium help rubric'$"
run podium rubric add Wow --weight lots
expect_rc 2
expect_err_match "^podium: --weight takes a number above 0, not 'lots'"
run podium rubric add Wow --max ten
expect_rc 2
expect_err_match "^podium: --max takes a whole number, not 'ten'"
run podium rubric add "   "
expect_rc 1
expect_err_match "^podium: a criterion needs a name$"
run podium rubric edit Charisma --weight 2
expect_rc 1
expect_err_match "^podium: no criterion named 'Charisma'; see 'podium list criteria'$"
run podium rubric delete Charisma
expect_rc 1
expect_err_match "^podium: no criterion named 'Charisma'"
run podium rubric edit Impact
expect_rc 2
expect_err_match "^podium: nothing to change: give --name, --weight, --min, --max or --description"
run podium rubric rename Impact
expect_rc 2
expect_err_match "^podium: rubric takes add, edit or delete, not 'rename'"
run podium rubric add
expect_rc 2
expect_err_match "^podium: rubric add needs the criterion's NAME"
run podium rubric add A B
expect_rc 2
expect_err_match "^podium: unexpected argument 'B'"
run podium rubric delete Impact --weight 2
expect_rc 2
expect_err_match "^podium: rubric delete takes only the NAME \(and --reopen\)"
run podium rubric add Wow --name Other
expect_rc 2
expect_err_match "^podium: --name renames"
run podium rubric add Wow --format csv
expect_rc 2
expect_err_match "^podium: --format goes with the list only"
run podium rubric --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'xml'"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused rubric change changed the file"

# one sheet submitted, one draft: a change to totals is refused, naming the count
podium score --judge "Émile Roux" --team "Les Castors" Idea=4 Engagement=3 Technique=5 Marketing=2 \
	Design=4 Viability=3 Pitch=5 Impact=4 --submit >/dev/null
podium score --judge "Chloé Martin" --team "Les Castors" Idea=2 >/dev/null
podium score --judge "Chloé Martin" --team "Les Loups" Idea=5 Engagement=5 Technique=5 Marketing=5 \
	Design=5 Viability=5 Pitch=5 Impact=5 --submit >/dev/null
before=$(snapshot)
export_before=$(podium export)
run podium rubric add Wow
expect_rc 1
expect_out </dev/null
expect_err_match "^podium: 2 submitted sheets would change; add --reopen to turn them back into drafts$"
run podium rubric edit impact --weight 3
expect_rc 1
expect_err_match "^podium: 2 submitted sheets would change; add --reopen to turn them back into drafts$"
run podium rubric edit impact --max 10
expect_rc 1
expect_err_match "^podium: 2 submitted sheets would change"
run podium rubric edit impact --min 0
expect_rc 1
expect_err_match "^podium: 2 submitted sheets would change"
run podium rubric delete impact
expect_rc 1
expect_err_match "^podium: 2 submitted sheets would change"
printf 'name\nWow\n' >criteria.csv
run podium import criteria criteria.csv
expect_rc 1
expect_err_match "^podium: 2 submitted sheets would change; add --reopen to turn them back into drafts$"
run podium import teams teams.csv --reopen
expect_rc 2
expect_err_match "^podium: --reopen goes with 'import criteria' only"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused rubric change with submitted sheets changed the file"
checks=$((checks + 1))
[ "$export_before" = "$(podium export)" ] || fail "the export changed after a refused rubric change"

# an edit that leaves the weight and scale as they are is no change to totals
run podium rubric edit impact --weight 1 --min 1 --max 5
expect_rc 0

# a rename and a new description always go through, and keep the sheets submitted
run podium rubric edit impact --name "Social impact" --description "Who benefits, and how much"
expect_rc 0
expect_out <<'END'
saved the criterion Social impact
END
run podium score --judge "Émile Roux" --team "Les Castors"
expect_rc 2
run podium score --judge "Émile Roux" --team "Les Castors" --comment ""
expect_out <<'END'
Émile Roux → Les Castors: submitted, total 68.75
END

# --reopen: the submitted sheets become drafts, are listed, and history shows it
run podium rubric edit "social impact" --weight 3 --reopen
expect_rc 0
expect_err_empty
expect_out <<'END'
saved the criterion Social impact
2 submitted sheets are drafts again, until their judges submit them:
  Chloé Martin → Les Loups
  Émile Roux → Les Castors
END
run podium score --judge "Émile Roux" --team "Les Castors" --comment ""
expect_out <<'END'
Émile Roux → Les Castors: draft, 8 of 8 criteria scored, total 70.00
END
run podium leaderboard --format csv
expect_out_match '^,Les Castors,,0'
run podium history --judge "Émile Roux" --format csv
expect_out_match '^[^,]+,organizer [^,]+,reopen,sheet,Émile Roux → Les Castors,.*""status"":""submitted"".*""status"":""draft"".*,rubric changed$'
run podium history --format csv
expect_out_match 'organizer [^,]+,update,criterion,Social impact,'

# after submitting again, a delete asks once more, then reopens and recomputes
podium score --judge "Émile Roux" --team "Les Castors" --submit >/dev/null
run podium rubric delete "social impact"
expect_rc 1
expect_err_match "^podium: 1 submitted sheet would change; add --reopen to turn it back into a draft$"
id=$(podium rubric --format json | python3 -c 'import json, sys; print([c["id"] for c in json.load(sys.stdin) if c["name"] == "Social impact"][0])')
sqlite3 "$PODIUM_DB" "UPDATE event SET tie_break = 'raw,criterion:$id,judges'"
run podium rubric delete "social impact" --reopen
expect_rc 0
expect_out <<'END'
deleted the criterion Social impact
1 submitted sheet is a draft again, until its judge submits it:
  Émile Roux → Les Castors
END
run podium score --judge "Émile Roux" --team "Les Castors" --comment ""
expect_out <<'END'
Émile Roux → Les Castors: draft, 7 of 7 criteria scored, total 67.86
END
run sqlite3 "$PODIUM_DB" "SELECT tie_break FROM event"
expect_out <<'END'
raw,judges
END
run podium import criteria criteria.csv --reopen
expect_rc 0
expect_out <<'END'
imported 1 criterion from criteria.csv
END
run podium check
expect_rc 0

# after the lock: every change refused, renames too
run podium results lock
expect_rc 0
before=$(snapshot)
run podium rubric edit wow --name "Wow!"
expect_rc 1
expect_err_match "^podium: the results are locked, so the rubric cannot change; unlock them first \('podium results unlock'\)$"
run podium rubric edit wow --description "nice"
expect_rc 1
expect_err_match "^podium: the results are locked"
run podium rubric add Later
expect_rc 1
expect_err_match "^podium: the results are locked"
run podium rubric delete wow --reopen
expect_rc 1
expect_err_match "^podium: the results are locked"
printf 'name\nLater\n' >later.csv
run podium import criteria later.csv --reopen
expect_rc 1
expect_err_match "^podium: later.csv:[0-9]+: the results are locked|^podium: the results are locked"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a rubric change after the lock changed the file"
run podium results unlock
expect_rc 0

# the last criterion stays
for c in Idea Engagement Technique Marketing Design Viability Pitch; do
	podium rubric delete "$c" --reopen >/dev/null || fail "deleting $c failed"
done
before=$(snapshot)
run podium rubric delete wow
expect_rc 1
expect_err_match "^podium: 'Wow' is the last criterion of the rubric; add another before deleting it$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "refusing to delete the last criterion changed the file"

run podium help rubric
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] rubric \[--format table\|csv\|json\]$'
expect_out_match 'podium rubric delete NAME \[--reopen\]'
finish
