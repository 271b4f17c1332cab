#!/bin/sh
# score writes one judge's sheet: names matched case-insensitively for all of
# Unicode, values checked against each criterion's scale, submit only when
# complete, nothing changes after the lock but the organizer's correction;
# import sheets does the same for a whole file, all or nothing.
. "$top_srcdir/tests/cli/lib.sh"
export USER=alice

run podium init --name "Hack for Good" --start "2026-12-04 18:00"
expect_rc 0
printf 'name\nÉmile Roux\nChloé Martin\n' >judges.csv
printf 'name\nLes Castors\n東京チーム 🚀\n' >teams.csv
printf 'name,weight,min,max\nFuture fit,2,0,10\n' >criteria.csv
run podium import judges judges.csv
expect_rc 0
run podium import teams teams.csv
expect_rc 0

run podium score --judge "émile roux" --team "LES CASTORS" Idea=4 engagement=3 TECHNIQUE=5
expect_rc 0
expect_err_empty
expect_out <<'END'
Émile Roux → Les Castors: draft, 3 of 7 criteria scored
END

run podium score --judge "Émile Roux" --team "Les Castors" Marketing=2 Design=4 Viability=3 Pitch=5 \
	--comment "Très bien, vraiment" --submit
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: submitted, total 67.86
END

# refusals change nothing
before=$(snapshot)
run podium score --judge "émile roux" --team "les castors" Pitch=7
expect_rc 1
expect_err_match "^podium: Pitch must be a whole number from 1 to 5, not 7$"
run podium score --judge "émile roux" --team "les castors" Pitch=four
expect_rc 1
expect_err_match "^podium: Pitch must be a whole number from 1 to 5, not 'four'$"
run podium score --judge "émile roux" --team "les castors" Pitch=
expect_rc 1
expect_err_match "^podium: Pitch must be a whole number from 1 to 5, not ''$"
run podium score --judge "émile roux" --team "les castors" Pitch
expect_rc 2
expect_err_match "^podium: expected CRIT=VALUE, not 'Pitch'; see 'podium help score'$"
run podium score --judge "émile roux" --team "les castors" Charisma=3
expect_rc 1
expect_err_match "^podium: no criterion named 'Charisma'; see 'podium list criteria'$"
run podium score --judge "Nobody" --team "les castors" Pitch=3
expect_rc 1
expect_err_match "^podium: no judge named 'Nobody'; see 'podium list judges'$"
run podium score --judge "Chloé Martin" --team "東京チーム 🚀" Pitch=3 --submit
expect_rc 1
expect_err_match "^podium: Chloé Martin's sheet for 東京チーム 🚀 cannot be submitted: Idea, Engagement, Technique, Marketing, Design and Viability are not scored yet$"
run podium score --team "les castors" Pitch=3
expect_rc 2
expect_err_match "^podium: score needs --judge J and --team T"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused score changed the file"

# a new criterion changes every total: refused while a sheet is submitted, unless it reopens
before=$(snapshot)
run podium import criteria criteria.csv
expect_rc 1
expect_err_match "^podium: 1 submitted sheet would change; add --reopen to turn it back into a draft$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused import of criteria changed the file"
run podium import criteria criteria.csv --reopen
expect_rc 0
expect_out <<'END'
imported 1 criterion from criteria.csv
1 submitted sheet is a draft again, until its judge submits it:
  Émile Roux → Les Castors
END

# a criterion whose name holds a space and an '=' splits at the last '='
run podium score --judge "CHLOÉ MARTIN" --team "東京チーム 🚀" "future FIT=10" Idea=5 Engagement=5 Technique=5 \
	Marketing=5 Design=5 Viability=5 Pitch=1
expect_rc 0
expect_out <<'END'
Chloé Martin → 東京チーム 🚀: draft, 8 of 8 criteria scored, total 88.89
END
run podium score --judge "Émile Roux" --team "Les Castors" Pitch=4
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: draft, 7 of 8 criteria scored
END
run podium score --judge "Émile Roux" --team "Les Castors" --submit
expect_rc 1
expect_err_match "^podium: Émile Roux's sheet for Les Castors cannot be submitted: Future fit is not scored yet$"
run podium score --judge "Émile Roux" --team "Les Castors" "Future fit=5"
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: draft, 8 of 8 criteria scored, total 61.11
END
# --submit alone submits the sheet as it stands
run podium score --judge "Émile Roux" --team "Les Castors" --submit
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: submitted, total 61.11
END
before=$(snapshot)
run podium score --judge "Chloé Martin" --team "Les Castors" --submit
expect_rc 1
expect_err_match "^podium: Chloé Martin has no sheet for Les Castors yet; give its values \(CRIT=VALUE\.\.\.\) to submit it$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused --submit changed the file"
run podium score --judge "Émile Roux" --team "Les Castors" --draft
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: draft, 8 of 8 criteria scored, total 61.11
END
run podium score --judge "Émile Roux" --team "Les Castors" --submit
expect_rc 0

# after the lock: only a correction with a reason
run podium results lock
expect_rc 0
before=$(snapshot)
run podium score --judge "Émile Roux" --team "Les Castors" Pitch=5
expect_rc 1
expect_err_match "^podium: results are locked; only the organizer's correction with a reason \(score \.\.\. --reason TEXT\) can change a sheet$"
run podium score --judge "Émile Roux" --team "Les Castors" Pitch=5 --reason "   "
expect_rc 1
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused score after the lock changed the file"
run podium score --judge "Émile Roux" --team "Les Castors" Pitch=5 --reason "misread the paper sheet"
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: submitted, total 63.89
END
run podium results unlock
expect_rc 0

# import sheets: BOM, CRLF, quoted comma and newline, accents matched case-insensitively
printf '\357\273\277judge,Team,IDEA,engagement,technique,marketing,design,viability,pitch,future fit,comment,status\r\n' >sheets.csv
printf 'chloé martin,les castors,3,3,3,3,3,3,3,5,"Bien, mais\r\nle pitch",\r\n' >>sheets.csv
printf '\303\211MILE ROUX,東京チーム 🚀,5,5,5,5,5,5,5,,,draft\r\n' >>sheets.csv
run podium import sheets sheets.csv
expect_rc 0
expect_err_empty
expect_out <<'END'
imported 2 sheets from sheets.csv
END
# an imported sheet is submitted; edited without --submit it is changed, and still counts, until submitted again
run podium score --judge "chloé martin" --team "les castors" --comment "Bien"
expect_rc 0
expect_out <<'END'
Chloé Martin → Les Castors: changed, total 50.00 (edited since it was submitted; it counts as it stands, and --submit submits it again)
END
run podium score --judge "chloé martin" --team "les castors" --submit
expect_rc 0
expect_out <<'END'
Chloé Martin → Les Castors: submitted, total 50.00
END
run podium history --team "les castors" --judge "chloé martin"
expect_out_match '^ +after +comment=Bien changed=true$'
expect_out_match '^ +before +changed=true$'
run podium score --judge "émile roux" --team "東京チーム 🚀" Pitch=5
expect_rc 0
expect_out <<'END'
Émile Roux → 東京チーム 🚀: draft, 7 of 8 criteria scored
END

# a bad line: nothing imported, the line named
printf 'judge,team,Pitch,status\n' >bad.csv
printf 'Chloé Martin,Les Castors,4,draft\n' >>bad.csv
printf '"Émile Roux",Les Castors,9,draft\n' >>bad.csv
before=$(snapshot)
run podium import sheets bad.csv --replace --reason "paper sheet"
expect_rc 1
expect_out </dev/null
expect_err_match "^podium: bad.csv:3: Pitch must be a whole number from 1 to 5, not 9$"
printf 'judge,team,Pitch\nChloé Martin,Les Castors,4\n' >incomplete.csv
run podium import sheets incomplete.csv --replace --reason "paper sheet"
expect_rc 1
expect_err_match "^podium: incomplete.csv:2: Chloé Martin's sheet for Les Castors cannot be submitted: Idea, Engagement, Technique, Marketing, Design, Viability and Future fit are not scored yet$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused import changed the file"

finish
