# Sourced by the live tests: several real podium processes on one event file.
# Source tests/tui/lib.sh first when the test also drives consoles.
#
#   live_event 20 10          # podium init, import 20 teams and 10 judges
#   score_cmd 3 7             # judge 3 scores team 7: all seven criteria, --submit
#   expect_check              # podium check passes
#   expect_sql 'SELECT count(*) FROM sheet' 200
[ -n "${here:-}" ] || . "$top_srcdir/tests/cli/lib.sh"
last=${last:-setup}

command -v sqlite3 >/dev/null 2>&1 || skip "the sqlite3 shell is not installed (apt-get install sqlite3)"

# The seven criteria of the default rubric, all scored: the values depend on
# the pair, so a sheet written for another pair shows in the totals.
CRITERIA="Idea Engagement Technique Marketing Design Viability Pitch"

# live_event TEAMS JUDGES: a new event with teams 'Team 001'... and judges 'Judge 001'...
live_event() {
	local t j
	podium init --name "Live" --start "2026-12-04 18:00" >/dev/null || exit 99
	{
		echo name
		t=1
		while [ "$t" -le "$1" ]; do printf 'Team %03d\n' "$t"; t=$((t + 1)); done
	} >teams.csv
	{
		echo name
		j=1
		while [ "$j" -le "$2" ]; do printf 'Judge %03d\n' "$j"; j=$((j + 1)); done
	} >judges.csv
	podium import teams teams.csv >/dev/null || exit 99
	podium import judges judges.csv >/dev/null || exit 99
}

# score_cmd J T: judge J submits all seven criteria for team T (values depend
# on the pair). 'score_exec J T' does the same by exec, for a subshell whose
# pid must be podium's own: (score_exec 3 7) & pid=$!
score_cmd() {
	local c k=0 j=$1 t=$2
	set -- score --judge "$(printf 'Judge %03d' "$j")" --team "$(printf 'Team %03d' "$t")"
	for c in $CRITERIA; do
		set -- "$@" "$c=$((($j + $t + k) % 5 + 1))"
		k=$((k + 1))
	done
	${LIVE_EXEC:-} "$PODIUM" "$@" --submit
}

score_exec() {
	LIVE_EXEC=exec score_cmd "$@"
}

# The one value a query returns.
sql() {
	sqlite3 "$PODIUM_DB" "$1"
}

# expect_sql QUERY VALUE: the query returns exactly VALUE.
expect_sql() {
	local got
	checks=$((checks + 1))
	got=$(sql "$1" 2>&1)
	[ "$got" = "$2" ] || fail "'$1' gave '$got', expected '$2'"
}

# podium check passes on FILE (default the event file).
expect_check() {
	checks=$((checks + 1))
	"$PODIUM" --db "${1:-$PODIUM_DB}" check >"$TESTDIR/check.out" 2>&1 ||
		{ fail "podium check failed on ${1:-$PODIUM_DB}"; sed 's/^/  | /' "$TESTDIR/check.out" | head -20; }
}

# submitted J T: 1 when judge J's sheet for team T is submitted with the values score_cmd gives.
submitted() {
	sql "SELECT count(*) FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id
	     WHERE s.status = 'submitted' AND j.name = '$(printf 'Judge %03d' "$1")' AND t.name = '$(printf 'Team %03d' "$2")'"
}

