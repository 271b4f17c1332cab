#!/bin/sh
# history shows every change oldest first: when (local time), who, what, the
# fields before and after, and the reason of a correction; csv and json keep
# the whole records. Who is the login (never $USER), when the real clock
# (never PODIUM_NOW).
. "$top_srcdir/tests/cli/lib.sh"
export USER=alice
login=$(id -un)

# Random ids, the real time and the login vary from run to run: mask them (and the table's padding).
mask_ids() {
	sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g' \
		-e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g' \
		-e "s/organizer $login/organizer LOGIN/g" ${1:+-e 's/  +/  /g' -e 's/ [^ ]*…$/ …/'} "$TESTDIR/out" >"$TESTDIR/masked"
	mv "$TESTDIR/masked" "$TESTDIR/out"
}

run podium init --name "Hack for Good" --start "2026-12-04 18:00"
printf 'name\nÉmile Roux\nChloé Martin\n' >judges.csv
printf 'name\nLes Castors\n"Evil \033[31mred"\n' >teams.csv
run podium import judges judges.csv
expect_rc 0
run import_legacy teams teams.csv
expect_rc 0
run podium score --judge "émile roux" --team "les castors" Idea=4 Engagement=3 Technique=5 Marketing=2 \
	Design=4 Viability=3 Pitch=5 --submit
expect_rc 0
run podium score --judge "chloé martin" --team "$(printf 'evil \033[31mred')" Pitch=2
expect_rc 0
run podium results lock
expect_rc 0
PODIUM_NOW="2026-12-06 09:15:42" run podium score --judge "ÉMILE ROUX" --team "Les Castors" Pitch=4 \
	--reason "misread the paper sheet"
expect_rc 0

run podium history --team "les castors"
expect_rc 0
expect_err_empty
mask_ids squeeze
expect_out <<'END'
when  who  what
TIME  organizer LOGIN  create team Les Castors
  after  id=UUID …
TIME  organizer LOGIN  submit sheet Émile Roux → Les Castors
  after  status=submitted comment= total=67.86 …
TIME  organizer LOGIN  correct sheet Émile Roux → Les Castors
  before  total=67.86 Pitch=5
  after  total=64.29 Pitch=4
  reason  misread the paper sheet
END

# only the sheets' rows: the other records' JSON is their modules' business
run podium history --team "les castors" --format csv
expect_rc 0
grep -E '^at,|,sheet,' "$TESTDIR/out" >"$TESTDIR/sheets" && mv "$TESTDIR/sheets" "$TESTDIR/out"
mask_ids
expect_out <<'END'
at,actor,action,kind,record,before,after,reason
TIME,organizer LOGIN,submit,sheet,Émile Roux → Les Castors,,"{""status"":""submitted"",""comment"":"""",""total"":67.8571428571429,""values"":{""Idea"":4,""Engagement"":3,""Technique"":5,""Marketing"":2,""Design"":4,""Viability"":3,""Pitch"":5}}",
TIME,organizer LOGIN,correct,sheet,Émile Roux → Les Castors,"{""status"":""submitted"",""comment"":"""",""total"":67.8571428571429,""values"":{""Idea"":4,""Engagement"":3,""Technique"":5,""Marketing"":2,""Design"":4,""Viability"":3,""Pitch"":5}}","{""status"":""submitted"",""comment"":"""",""total"":64.2857142857143,""values"":{""Idea"":4,""Engagement"":3,""Technique"":5,""Marketing"":2,""Design"":4,""Viability"":3,""Pitch"":4}}",misread the paper sheet
END

run podium history --team "Les Castors" --judge "Émile Roux" --format json
expect_rc 0
mask_ids
expect_out <<'END'
[{"seq":14,"at":"TIME","actor":"organizer LOGIN","action":"submit","kind":"sheet","record_id":"UUID","record":"Émile Roux → Les Castors","team_id":"UUID","judge_id":"UUID","before":null,"after":{"status":"submitted","comment":"","total":67.8571428571429,"values":{"Idea":4,"Engagement":3,"Technique":5,"Marketing":2,"Design":4,"Viability":3,"Pitch":5}},"reason":null},{"seq":17,"at":"TIME","actor":"organizer LOGIN","action":"correct","kind":"sheet","record_id":"UUID","record":"Émile Roux → Les Castors","team_id":"UUID","judge_id":"UUID","before":{"status":"submitted","comment":"","total":67.8571428571429,"values":{"Idea":4,"Engagement":3,"Technique":5,"Marketing":2,"Design":4,"Viability":3,"Pitch":5}},"after":{"status":"submitted","comment":"","total":64.2857142857143,"values":{"Idea":4,"Engagement":3,"Technique":5,"Marketing":2,"Design":4,"Viability":3,"Pitch":4}},"reason":"misread the paper sheet"}]
END

# a name with an escape sequence never reaches the terminal raw
run podium history --judge "chloé martin"
expect_rc 0
expect_out_lacks "$(printf '\033')"
expect_out_match "create sheet Chloé Martin → Evil �\[31mred"

run podium history --team "Les Ragondins"
expect_rc 1
expect_err_match "^podium: no team named 'Les Ragondins'; see 'podium list teams'$"
run podium history --format xml
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'xml'"

finish
