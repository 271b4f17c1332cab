#!/bin/sh
# One official result: the results policy, pending teams, the calibration pitch,
# late conflicts, --explain, and the ceremony (freeze, lock, reveal) all agree
# with 'podium leaderboard'; every refusal leaves the file as it was.
. "$top_srcdir/tests/cli/lib.sh"

run podium init --name "Hack" --start "2026-12-04 18:00"
expect_rc 0
printf 'name\nAda\nBridge\nCastor\nDune\nEcho\n' >teams.csv
printf 'name\nJeanne\nKarim\nLi\n' >judges.csv
run podium import teams teams.csv
expect_rc 0
run podium import judges judges.csv
expect_rc 0
# sheet J T v: every criterion of the default rubric (1..5) at v, submitted
sheet() {
	run podium score --judge "$1" --team "$2" Idea="$3" Engagement="$3" Technique="$3" Marketing="$3" \
		Design="$3" Viability="$3" Pitch="$3" --submit
	expect_rc 0
}
# Ada: 4, 4 (T 75, 75); Bridge: 3, 5 (50, 100); Castor: 4 (75) from Jeanne alone.
sheet Jeanne Ada 4
sheet Karim Ada 4
sheet Jeanne Bridge 3
sheet Karim Bridge 5
sheet Jeanne Castor 4

# The default policy: raw, one judge, no tie-break. Ada, Bridge and Castor tie at 75.
run podium results policy
expect_rc 0
expect_out <<'END'
method:     raw
min judges: 1
tie-break:  none
END
run podium leaderboard --format csv
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,75.00,2,yes,ranked
1,Bridge,75.00,2,yes,ranked
1,Castor,75.00,1,yes,ranked
,Dune,,0,,unscored
,Echo,,0,,unscored
END

# Two judges at least: Castor is pending, after the ranked teams, its score for information.
# The tie-break chain: more judges first, then the Pitch criterion, then normalized.
run podium results policy --min-judges 2 --tie-break 'judges, criterion:PITCH'
expect_rc 0
expect_out_match '^tie-break:  judges,criterion:Pitch$'
run podium results policy --format csv
expect_out <<'END'
method,min_judges,tie_break
raw,2,"judges,criterion:Pitch"
END
run podium results policy --format json
expect_out <<'END'
{"method":"raw","min_judges":2,"tie_break":"judges,criterion:Pitch"}
END
# Pitch fractions: Ada (0.75 + 0.75) / 2 = 0.75, Bridge (0.5 + 1) / 2 = 0.75: still tied
run podium leaderboard --format csv
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,75.00,2,yes,ranked
1,Bridge,75.00,2,yes,ranked
,Castor,75.00,1,,pending
,Dune,,0,,unscored
,Echo,,0,,unscored
END
run podium leaderboard
expect_out_match '^   Castor +75\.00 +1  pending: 1 of 2 judges$'
# The normalized score breaks it. Worked by hand (k = 3): the five totals have
# M = 75, V = 250. Jeanne (75, 50, 75): mean 66.67, variance 138.89, mu = 70.83,
# sigma = sqrt((3 * 138.89 + 750) / 6) = 13.94; Karim (75, 100): mean 87.5,
# variance 156.25, mu = 80, sigma = sqrt((2 * 156.25 + 750) / 5) = 14.58.
# Z(Ada) = (4.17/13.94 - 5/14.58) / 2 = -0.022; Z(Bridge) = (-20.83/13.94 + 20/14.58) / 2 = -0.061.
run podium results policy --tie-break judges,normalized
expect_rc 0
run podium leaderboard --format csv
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,75.00,2,,ranked
2,Bridge,75.00,2,,ranked
,Castor,75.00,1,,pending
,Dune,,0,,unscored
,Echo,,0,,unscored
END
# --method overrides the method of one call only; the policy stays raw
run podium leaderboard --method normalized --format csv
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,-0.022,2,,ranked
2,Bridge,-0.061,2,,ranked
,Castor,0.299,1,,pending
,Dune,,0,,unscored
,Echo,,0,,unscored
END
run podium results policy --format csv
expect_out_match '^raw,2,"judges,normalized"$'

# Bad policies: a usage error (2) or a data error (1); the file stays as it was.
before=$(snapshot)
run podium results policy --method median
expect_rc 2
expect_err_match "^podium: --method takes raw or normalized, not 'median'"
run podium results policy --min-judges 0
expect_rc 2
expect_err_match "^podium: --min-judges takes a number from 1 to 1000, not '0'"
run podium results policy --tie-break judges,luck
expect_rc 1
expect_err_match "^podium: unknown tie-break key 'luck': use raw, normalized, judges or criterion:NAME$"
run podium results policy --tie-break criterion:Charm
expect_rc 1
expect_err_match "^podium: the rubric has no criterion 'Charm'"
run podium results policy --tie-break raw,raw
expect_rc 1
expect_err_match "^podium: the tie-break key 'raw' is given twice$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused policy changed the file"
run podium history --format csv
expect_out_match ',policy,event,'

# The export carries the official result exactly as the leaderboard ranks it.
podium export >export.json
podium leaderboard --format json >board.json
checks=$((checks + 1))
python3 -c 'import json,sys
e = json.load(open("export.json"))["results"]
b = json.load(open("board.json"))
assert e["policy"] == {"method": "raw", "min_judges": 2, "tie_break": "judges,normalized"}, e["policy"]
assert e["ranking"] == b, (e["ranking"], b)' || fail "the export's results differ from the leaderboard"

# The calibration pitch: on no board, in no statistic; judges score it first.
run podium team calibration Echo on
expect_rc 0
expect_out_match '^Echo is the calibration pitch'
sheet Jeanne Echo 1
sheet Karim Echo 2
run podium leaderboard --format csv
expect_out_lacks 'Echo'
run podium leaderboard --method normalized --format csv
expect_out_lacks 'Echo'
run podium leaderboard --explain echo
expect_rc 0
expect_out_match '^Echo is the calibration pitch: its sheets count nowhere\.$'
expect_out_match '^Jeanne +0\.00 +calibration$'
run podium team calibration Nope on
expect_rc 1
expect_err_match "^podium: no team named 'Nope'"
run podium team calibration Echo maybe
expect_rc 2

# A conflict declared after Karim scored Bridge excludes that sheet from then on;
# the sheet stays in the history, and --explain says why it does not count.
# Jeanne's z for Bridge, over the four counted sheets (75, 50, 75 and Karim's 75):
# M = 68.75, V = 117.19; mu = (200 + 206.25) / 6 = 67.71,
# sigma = sqrt((3 * 138.89 + 3 * 117.19) / 6) = 11.315; z = (50 - 67.71) / 11.315 = -1.565.
run podium conflict add --judge Karim --team Bridge --reason "his cousin"
expect_rc 0
run podium leaderboard --format csv
expect_out_match '^,Bridge,50\.00,1,,pending$'
run podium leaderboard --explain Bridge --format csv
expect_out <<'END'
judge,total,z,counts
Jeanne,50.00,-1.565,yes
Karim,100.00,,conflict
END
run podium leaderboard --explain Bridge
expect_out_match '^Bridge: pending, raw score 50\.00 from 1 judge, fewer than the policy.s minimum\.$'
expect_out_match '^Karim +100\.00 +conflict$'
run podium history --team Bridge --format csv
expect_out_match ',submit,sheet,Karim → Bridge,'

# The ceremony. Freeze, then a judge submits: the displays keep the frozen board,
# the leaderboard counts the new sheet, and the reveal (after the lock) shows the
# final result, the late sheet included.
run podium results policy --min-judges 1 --tie-break none
expect_rc 0
run podium board freeze
expect_rc 0
sheet Li Dune 5
run podium leaderboard --format csv
expect_out_match '^1,Dune,100\.00,1,,ranked$'
# before the lock the reveal is refused, and nothing changes
before=$(snapshot)
run podium board reveal
expect_rc 1
expect_err_match "^podium: the results are not locked yet: the ceremony reveals the final result, so run 'podium results lock' first$"
run podium board reveal --preview
expect_rc 1
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused reveal changed the file"
# the lock's summary: ranked, pending, ties, missing panel sheets
run podium results lock
expect_rc 0
expect_out_match '^teams ranked: +4$'
expect_out_match '^teams pending: +0 '
expect_out_match '^teams unscored: +0 '
expect_out_match '^unresolved tie at rank 2: Ada, Castor$'
# the policy and the calibration pitch are frozen by the lock
before=$(snapshot)
run podium results policy --method normalized
expect_rc 1
expect_err_match "^podium: the results are locked: unlock them"
run podium team calibration Echo off
expect_rc 1
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused change after the lock changed the file"
# the preview tells who comes next and changes nothing; ties come before the first step
run podium board reveal --preview
expect_rc 0
expect_out_match '^tie at rank 2: Ada, Castor$'
expect_out_match '^next: rank 4, Bridge \(50\.00\), step 1 of 4$'
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a preview changed the file"
run podium board reveal
expect_out_match '^revealed rank 4: Bridge \(50\.00\), step 1 of 4$'
run podium board reveal
expect_out_match '^revealed rank 2: Castor \(75\.00\), step 2 of 4$'
run podium board reveal
expect_out_match '^revealed rank 2: Ada \(75\.00\), step 3 of 4$'
run podium board reveal
expect_out_match '^revealed rank 1: Dune \(100\.00\), step 4 of 4$'
# the reveal ends on the official winner, and says so when there is no one left
run podium board reveal
expect_rc 0
expect_out_match '^every team is revealed: 4 teams in all$'
run podium leaderboard --format csv
expect_out_match '^1,Dune,'
run podium history --format csv
expect_out_match ',reveal,event,'
# unlocking ends the ceremony: there is no final result to show
run podium results unlock
expect_rc 0
run podium export
expect_out_match '"reveal_step":-1'
run podium board reveal --preview --bogus
expect_rc 2
run podium board freeze --preview
expect_rc 2
expect_err_match "^podium: --preview goes with reveal"

finish
