#!/bin/sh
# Strict reading of the command line: --help given as an option's value is
# that value, a criterion given twice is refused, and a date is read exactly
# as "YYYY-MM-DD HH:MM": no impossible day or hour, nothing before or after.
. "$top_srcdir/tests/cli/lib.sh"
export USER=alice

run podium init --name "Hack" --start "2026-12-04 18:00"
expect_rc 0
printf 'name\nÉmile Roux\n' >judges.csv
printf 'name\nLes Castors\n' >teams.csv
podium import judges judges.csv >/dev/null && podium import teams teams.csv >/dev/null || exit 99

# --help as a value
run podium score --judge "Émile Roux" --team "Les Castors" Idea=3 --comment --help
expect_rc 0
expect_out <<'END'
Émile Roux → Les Castors: draft, 1 of 7 criteria scored
END
checks=$((checks + 1))
[ "$(sqlite3 "$PODIUM_DB" "SELECT comment FROM sheet")" = "--help" ] || fail "the comment is not '--help'"
run podium score --help
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] score '
run podium score --judge "Émile Roux" --help
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] score '
run podium tui --as --help
expect_rc 1
checks=$((checks + 1))
# asked for its PIN, a name no judge has gets the wrong PIN's answer
[ "$(tail -n 1 "$TESTDIR/err")" = "podium: wrong name or PIN" ] || fail "--help was not the value of --as: $(cat "$TESTDIR/err")"
run podium tui --role judge --help
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] tui '

# the same criterion twice
before=$(snapshot)
run podium score --judge "Émile Roux" --team "Les Castors" idea=3 Idea=4
expect_rc 2
expect_err_match "^podium: Idea is given twice; give each criterion once$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused score changed the file"

# strict dates
for bad in "2026-02-30 10:00" "2026-12-04 25:00" "2026-12-04 10:00junk" " 2026-12-04 10:00" \
	"2026-12-04 10:00 " "2026-12-4 10:00" "2026-12-04 -9:00" "2026-12-04 10:-1"; do
	run podium timeline add "Lunch" --start "$bad"
	expect_rc 2
	expect_err_match "^podium: --start takes \"YYYY-MM-DD HH:MM\", not '$bad'; see 'podium help timeline'$"
	run podium schedule generate --start "$bad"
	expect_rc 2
	expect_err_match "^podium: --start takes \"YYYY-MM-DD HH:MM\", not '$bad'"
	run podium --db other.db init --name "Other" --start "$bad"
	expect_rc 2
	expect_err_match "^podium: --start takes \"YYYY-MM-DD HH:MM\", not '$bad'"
	checks=$((checks + 1))
	[ ! -e other.db ] || fail "init created a file for '$bad'"
done
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused date changed the file"
printf 'name,available\nAda,2026-12-04 10:00-12:00\nBob, 2026-12-04 10:00-1:2\n' >coaches.csv
run podium import coaches coaches.csv
expect_rc 1
expect_err_match "^podium: coaches.csv:3: the availability .2026-12-04 10:00-1:2. is not a window"
run podium timeline add "Lunch" --start "2026-12-05 12:00" --end "2026-12-05T13:00:00"
expect_rc 0

# import sheets: an unknown column is named, a submitted sheet is replaced only with a reason
printf 'judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch\nÉmile Roux,Les Castors,3,3,3,3,3,3,3\n' >first.csv
run podium import sheets first.csv
expect_rc 0
before=$(snapshot)
printf 'judge,team,Idea,Engagment,Technique,Marketing,Design,Viability,Pitch\nÉmile Roux,Les Castors,4,4,4,4,4,4,4\n' >typo.csv
run podium import sheets typo.csv
expect_rc 1
expect_err_match "^podium: typo.csv:1: no criterion named 'Engagment'; the columns are judge, team, comment, status and the criteria of 'podium list criteria'$"
printf 'judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch\nÉmile Roux,Les Castors,4,4,4,4,4,4,4\n' >again.csv
run podium import sheets again.csv
expect_rc 1
expect_err_match "^podium: again.csv:2: Émile Roux's sheet for Les Castors is already submitted; to replace it, pass --replace --reason TEXT$"
run podium import sheets again.csv --replace
expect_rc 2
expect_err_match "^podium: replacing submitted sheets needs both --replace and --reason TEXT"
run podium import teams teams.csv --replace --reason "x"
expect_rc 2
expect_err_match "^podium: --replace and --reason are for 'import sheets'"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused import changed the file"
run podium import sheets again.csv --replace --reason "the paper sheet had 4s"
expect_rc 0
run podium history --team "Les Castors" --format csv
expect_out_match ',the paper sheet had 4s$'
finish
