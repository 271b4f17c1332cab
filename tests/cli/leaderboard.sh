#!/bin/sh
# leaderboard ranks the teams from their counted sheets (submitted and complete),
# raw or normalized, as a table, CSV or JSON; --track keeps one track's teams.
. "$top_srcdir/tests/cli/lib.sh"

run podium init --name "Hack" --start "2026-12-04 18:00"
expect_rc 0

# Before any sheet: every team is unranked; with no team at all the lists are empty.
run podium leaderboard --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
END
run podium leaderboard --format json
expect_rc 0
expect_out <<'END'
[]
END

# Sheets written by hand ('podium score' writes the same rows, with the audit):
# totals T(j,t) are kept in sheet.total. Jeanne judges seven teams, Karim four,
# Li two; Drafty has only a draft, Halfway an incomplete sheet (total NULL),
# Nobody no sheet: those three are unranked.
sqlite3 "$PODIUM_DB" <<'EOF_SQL' || exit 99
INSERT INTO judge(id, name, name_key) VALUES
 ('10000000-0000-4000-8000-000000000001', 'Jeanne', 'jeanne'),
 ('10000000-0000-4000-8000-000000000002', 'Karim', 'karim'),
 ('10000000-0000-4000-8000-000000000003', 'Li', 'li');
INSERT INTO team(id, name, name_key) VALUES
 ('00000000-0000-4000-8000-000000000001', 'Alpha', 'alpha'),
 ('00000000-0000-4000-8000-000000000002', 'Gamma, Inc.', 'gamma, inc.'),
 ('00000000-0000-4000-8000-000000000003', 'Équipe Zéro', 'équipe zéro'),
 ('00000000-0000-4000-8000-000000000004', '数据队', '数据队'),
 ('00000000-0000-4000-8000-000000000005', 'Rocket 🚀', 'rocket 🚀'),
 ('00000000-0000-4000-8000-000000000006', 'Esc' || char(27) || '[31mRed', 'esc' || char(27) || '[31mred'),
 ('00000000-0000-4000-8000-000000000007', 'Quote "Q"', 'quote "q"'),
 ('00000000-0000-4000-8000-000000000008', 'Drafty', 'drafty'),
 ('00000000-0000-4000-8000-000000000009', 'Halfway', 'halfway'),
 ('00000000-0000-4000-8000-000000000010', 'Nobody', 'nobody');
INSERT INTO track(id, name, name_key) VALUES
 ('20000000-0000-4000-8000-000000000001', 'Education', 'education'),
 ('20000000-0000-4000-8000-000000000002', 'Écologie', 'écologie');
INSERT INTO team_track(team_id, track_id) VALUES
 ('00000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001'),
 ('00000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001'),
 ('00000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000001'),
 ('00000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000002'),
 ('00000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000002');
CREATE TEMP TABLE s(j, t, status, total);
INSERT INTO s VALUES
 (1, 1, 'submitted', 80), (1, 2, 'submitted', 60), (1, 3, 'submitted', 70), (1, 4, 'submitted', 90),
 (1, 5, 'submitted', 50), (1, 6, 'submitted', 60), (1, 7, 'submitted', 40), (1, 8, 'draft', 100),
 (2, 1, 'submitted', 70), (2, 2, 'submitted', 80), (2, 3, 'submitted', 70), (2, 4, 'submitted', 60),
 (2, 9, 'submitted', NULL),
 (3, 1, 'submitted', 90), (3, 5, 'submitted', 50);
INSERT INTO sheet(id, judge_id, team_id, status, total, created_at, updated_at)
 SELECT printf('30000000-0000-4000-8000-%012d', rowid), printf('10000000-0000-4000-8000-%012d', j),
        printf('00000000-0000-4000-8000-%012d', t), status, total, 0, 0 FROM s;
EOF_SQL
before=$(snapshot)

# Raw: S = mean of totals. Gamma (60, 80) and Équipe (70, 70) tie at 70: both 3rd,
# in byte order ('G' before 'É'), and the next is 5th. CSV quotes what it must and
# keeps names exactly; unranked teams come last by name with empty rank and score.
run podium leaderboard --format csv
expect_rc 0
expect_err_empty
printf 'rank,team,score,judges,tied,status\n1,Alpha,80.00,3,,ranked\n2,数据队,75.00,2,,ranked\n3,"Gamma, Inc.",70.00,2,yes,ranked\n3,Équipe Zéro,70.00,2,yes,ranked\n5,Esc\357\277\275[31mRed,60.00,1,,ranked\n6,Rocket 🚀,50.00,2,,ranked\n7,"Quote ""Q""",40.00,1,,ranked\n,Drafty,,0,,unscored\n,Halfway,,0,,unscored\n,Nobody,,0,,unscored\n' >expected
checks=$((checks + 1))
cmp -s expected "$TESTDIR/out" || { fail "raw csv differs"; diff -u expected "$TESTDIR/out" | cat -v; }

# The default method is raw and the default format a table: aligned, sanitised
# (the escape sequence shows as U+FFFD), wide characters measured.
run podium leaderboard
expect_rc 0
expect_out <<'END'
#  team         score  judges  note
1  Alpha        80.00       3
2  数据队       75.00       2
3  Gamma, Inc.  70.00       2  tied
3  Équipe Zéro  70.00       2  tied
5  Esc�[31mRed  60.00       1
6  Rocket 🚀    50.00       2
7  Quote "Q"    40.00       1
   Drafty           -       0  no counted sheet
   Halfway          -       0  no counted sheet
   Nobody           -       0  no counted sheet
END

run podium leaderboard --method raw --format json
expect_rc 0
expect_out <<'END'
[
  {"rank":1,"team":"Alpha","team_id":"00000000-0000-4000-8000-000000000001","score":80.0,"judges":3,"tied":false,"status":"ranked"},
  {"rank":2,"team":"数据队","team_id":"00000000-0000-4000-8000-000000000004","score":75.0,"judges":2,"tied":false,"status":"ranked"},
  {"rank":3,"team":"Gamma, Inc.","team_id":"00000000-0000-4000-8000-000000000002","score":70.0,"judges":2,"tied":true,"status":"ranked"},
  {"rank":3,"team":"Équipe Zéro","team_id":"00000000-0000-4000-8000-000000000003","score":70.0,"judges":2,"tied":true,"status":"ranked"},
  {"rank":5,"team":"Esc\u001b[31mRed","team_id":"00000000-0000-4000-8000-000000000006","score":60.0,"judges":1,"tied":false,"status":"ranked"},
  {"rank":6,"team":"Rocket 🚀","team_id":"00000000-0000-4000-8000-000000000005","score":50.0,"judges":2,"tied":false,"status":"ranked"},
  {"rank":7,"team":"Quote \"Q\"","team_id":"00000000-0000-4000-8000-000000000007","score":40.0,"judges":1,"tied":false,"status":"ranked"},
  {"rank":null,"team":"Drafty","team_id":"00000000-0000-4000-8000-000000000008","score":null,"judges":0,"tied":false,"status":"unscored"},
  {"rank":null,"team":"Halfway","team_id":"00000000-0000-4000-8000-000000000009","score":null,"judges":0,"tied":false,"status":"unscored"},
  {"rank":null,"team":"Nobody","team_id":"00000000-0000-4000-8000-000000000010","score":null,"judges":0,"tied":false,"status":"unscored"}
]
END
if command -v python3 >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[4]["team"]=="Esc\x1b[31mRed"' <"$TESTDIR/out" ||
		fail "json does not parse back"
else
	skip_part "JSON parsed back: python3 is not installed (apt-get install python3)"
fi

# Normalized, worked by hand with the shrunk z-score (k = 3): the 13 counted totals
# have mean M = 870/13 = 66.923 and variance V = 221.30. Jeanne's seven totals: mean
# 450/7, variance 253.06, so mu = (450 + 3M)/10 = 65.08, sigma = sqrt((7 * 253.06 + 3V)/10)
# = 15.61; Karim's four: mean 70, variance 50, mu = 68.68, sigma = 11.11; Li's two:
# mean 70, variance 400, mu = 68.15, sigma = 17.11. Alpha: ((80 - 65.08)/15.61 +
# (70 - 68.68)/11.11 + (90 - 68.15)/17.11) / 3 = 0.784. Gamma now stays below 数据队,
# and Gamma and Équipe, tied raw, part: the raw # shows it.
run podium leaderboard --method normalized
expect_rc 0
expect_out <<'END'
#  team          score  judges  raw #  raw score  note
1  Alpha         0.784       3      1      80.00
2  数据队        0.408       2      2      75.00
3  Gamma, Inc.   0.347       2      3      70.00
4  Équipe Zéro   0.217       2      3      70.00
5  Esc�[31mRed  -0.325       1      5      60.00
6  Rocket 🚀    -1.014       2      6      50.00
7  Quote "Q"    -1.607       1      7      40.00
   Drafty            -       0                 -  no counted sheet
   Halfway           -       0                 -  no counted sheet
   Nobody            -       0                 -  no counted sheet
END

run podium leaderboard --method normalized --format csv
expect_rc 0
printf 'rank,team,score,judges,tied,status\n1,Alpha,0.784,3,,ranked\n2,数据队,0.408,2,,ranked\n3,"Gamma, Inc.",0.347,2,,ranked\n4,Équipe Zéro,0.217,2,,ranked\n5,Esc\357\277\275[31mRed,-0.325,1,,ranked\n6,Rocket 🚀,-1.014,2,,ranked\n7,"Quote ""Q""",-1.607,1,,ranked\n,Drafty,,0,,unscored\n,Halfway,,0,,unscored\n,Nobody,,0,,unscored\n' >expected
checks=$((checks + 1))
cmp -s expected "$TESTDIR/out" || { fail "normalized csv differs"; diff -u expected "$TESTDIR/out" | cat -v; }

run podium leaderboard --method normalized --format json
expect_rc 0
expect_out <<'END'
[
  {"rank":1,"team":"Alpha","team_id":"00000000-0000-4000-8000-000000000001","score":0.783903769743048,"judges":3,"tied":false,"status":"ranked","raw_rank":1,"raw_score":80.0},
  {"rank":2,"team":"数据队","team_id":"00000000-0000-4000-8000-000000000004","score":0.407806745749062,"judges":2,"tied":false,"status":"ranked","raw_rank":2,"raw_score":75.0},
  {"rank":3,"team":"Gamma, Inc.","team_id":"00000000-0000-4000-8000-000000000002","score":0.346762834969199,"judges":2,"tied":false,"status":"ranked","raw_rank":3,"raw_score":70.0},
  {"rank":4,"team":"Équipe Zéro","team_id":"00000000-0000-4000-8000-000000000003","score":0.217085439540294,"judges":2,"tied":false,"status":"ranked","raw_rank":3,"raw_score":70.0},
  {"rank":5,"team":"Esc\u001b[31mRed","team_id":"00000000-0000-4000-8000-000000000006","score":-0.3253279124321,"judges":1,"tied":false,"status":"ranked","raw_rank":5,"raw_score":60.0},
  {"rank":6,"team":"Rocket 🚀","team_id":"00000000-0000-4000-8000-000000000005","score":-1.01354039437147,"judges":2,"tied":false,"status":"ranked","raw_rank":6,"raw_score":50.0},
  {"rank":7,"team":"Quote \"Q\"","team_id":"00000000-0000-4000-8000-000000000007","score":-1.6069227189828,"judges":1,"tied":false,"status":"ranked","raw_rank":7,"raw_score":40.0},
  {"rank":null,"team":"Drafty","team_id":"00000000-0000-4000-8000-000000000008","score":null,"judges":0,"tied":false,"status":"unscored","raw_rank":null,"raw_score":null},
  {"rank":null,"team":"Halfway","team_id":"00000000-0000-4000-8000-000000000009","score":null,"judges":0,"tied":false,"status":"unscored","raw_rank":null,"raw_score":null},
  {"rank":null,"team":"Nobody","team_id":"00000000-0000-4000-8000-000000000010","score":null,"judges":0,"tied":false,"status":"unscored","raw_rank":null,"raw_score":null}
]
END

# --track keeps that track's teams, ranked among themselves (name case-insensitive,
# any Unicode case); the normalization statistics stay those over every sheet.
run podium leaderboard --track EDUCATION --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
1,Alpha,80.00,3,,ranked
2,"Gamma, Inc.",70.00,2,,ranked
,Nobody,,0,,unscored
END
run podium leaderboard --track 'ÉCOLOGIE' --method normalized --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
1,数据队,0.408,2,,ranked
2,Rocket 🚀,-1.014,2,,ranked
END
run podium leaderboard --track 20000000-0000-4000-8000-000000000002 --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
1,数据队,75.00,2,,ranked
2,Rocket 🚀,50.00,2,,ranked
END

# Errors: an unknown track (1), a bad method or format (2), a missing file (1, not created).
run podium leaderboard --track Nope
expect_rc 1
expect_err <<'END'
podium: no track named 'Nope'; see 'podium list tracks'
END
run podium leaderboard --method median
expect_rc 2
expect_err_match "^podium: --method takes raw or normalized, not 'median'; see 'podium help leaderboard'$"
run podium leaderboard --format ics
expect_rc 2
expect_err_match "^podium: --format takes table, csv or json, not 'ics'"
run podium leaderboard --format
expect_rc 2
expect_err_match "^podium: option '--format' needs a value"
run podium leaderboard extra
expect_rc 2
expect_err_match "^podium: unexpected argument 'extra'"
run podium --db missing.db leaderboard
expect_rc 1
expect_err_match "^podium: no event file 'missing.db'"
checks=$((checks + 1))
[ ! -e missing.db ] || fail "leaderboard created a file"

# Reading changes nothing.
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "leaderboard changed the file"

# A long name is cut with "…" so the table fits 80 columns; CSV keeps it whole.
long=$(printf 'Très-long-nom-d%05d' 0; i=0; while [ $i -lt 8 ]; do printf '%s%02d' '-équipe' $i; i=$((i + 1)); done)
run podium --db long.db init --name "Long"
sqlite3 long.db "INSERT INTO judge(id, name, name_key) VALUES ('j', 'J', 'j');
INSERT INTO team(id, name, name_key) VALUES ('t', '$long', 'long');
INSERT INTO sheet(id, judge_id, team_id, status, total, created_at, updated_at)
 VALUES ('s', 'j', 't', 'submitted', 100, 0, 0);" || exit 99
run podium --db long.db leaderboard --method normalized
expect_rc 0
expect_out <<'END'
#  team                                    score  judges  raw #  raw score  note
1  Très-long-nom-d00000-équipe00-équipe0…  0.000       1      1     100.00
END
checks=$((checks + 1))
[ "$(wc -L <"$TESTDIR/out")" -le 80 ] || fail "table wider than 80 columns"
run podium --db long.db leaderboard --format csv
expect_out <<END
rank,team,score,judges,tied,status
1,$long,100.00,1,,ranked
END


# End to end through 'podium score', which keeps the totals: Jeanne gives Ada
# 5,5,5,5,5,5,1: T = 100 * 24 / 28 = 85.714; Karim gives Ada all 4 (T = 75) and
# Écho all 3 (T = 50), and leaves a draft for nobody else. Raw: Ada 80.357, Écho 50.
# Normalized: the three totals have M = 70.238, V = 223.92. Jeanne's one sheet is
# shrunk toward them: mu = (85.714 + 3M)/4 = 74.107, sigma = sqrt(3V/4) = 12.959,
# z = 0.896; Karim (mean 62.5, variance 156.25): mu = 67.143, sigma = 14.030,
# z = +0.560 and -1.222. Ada (0.896 + 0.560) / 2 = 0.728, Écho -1.222.
export PODIUM_DB=e2e.db
run podium init --name "E2E"
printf 'name,tracks\nAda,Education\nÉcho,\n' >teams.csv
printf 'name\nJeanne\nKarim\n' >judges.csv
run podium import teams teams.csv
expect_rc 0
run podium import judges judges.csv
expect_rc 0
run podium score --judge jeanne --team ada Idea=5 Engagement=5 Technique=5 Marketing=5 Design=5 Viability=5 Pitch=1 --submit
expect_rc 0
run podium score --judge karim --team ADA Idea=4 Engagement=4 Technique=4 Marketing=4 Design=4 Viability=4 Pitch=4 --submit
expect_rc 0
run podium score --judge karim --team 'écho' Idea=3 Engagement=3 Technique=3 Marketing=3 Design=3 Viability=3 Pitch=3 --submit
expect_rc 0
run podium leaderboard --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,80.36,2,,ranked
2,Écho,50.00,1,,ranked
END
run podium leaderboard --method normalized --format csv
expect_rc 0
expect_out <<'END'
rank,team,score,judges,tied,status
1,Ada,0.728,2,,ranked
2,Écho,-1.222,1,,ranked
END
# A draft does not count: Jeanne starts a sheet for Écho without submitting it.
run podium score --judge jeanne --team 'Écho' Idea=1
expect_rc 0
run podium leaderboard --method normalized --format json
expect_rc 0
expect_out_match '^  \{"rank":2,"team":"Écho","team_id":"[0-9a-f-]{36}","score":-1\.22183[0-9]*,"judges":1,"tied":false,"status":"ranked","raw_rank":2,"raw_score":50\.0\}$'

finish
