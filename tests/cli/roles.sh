#!/bin/sh
# Who may do what comes from the login (the process's user id), never from
# $USER: the account that ran init is the organizer; a judge's login scores only
# as that judge; organizer-only commands refuse everyone else with what to do;
# roles are granted and revoked by an organizer. Two throwaway accounts act.
. "$top_srcdir/tests/cli/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
	echo "SKIP $here: needs root, useradd and runuser to create throwaway accounts"
	exit 77
fi
karl="pdk$$"
bob="pdb$$"
cleanup() {
	userdel "$karl" 2>/dev/null
	userdel "$bob" 2>/dev/null
	rm -rf "$TESTDIR"
}
trap cleanup EXIT
useradd -M -d "$TESTDIR" -s /bin/sh "$karl" || exit 99
useradd -M -d "$TESTDIR" -s /bin/sh "$bob" || exit 99
chmod 1777 "$TESTDIR"

# as USER ARGS...: podium as that account, its own state folder, and a $USER that lies
as() {
	local user=$1
	shift
	chmod 666 "$TESTDIR"/event.db* 2>/dev/null
	runuser -u "$user" -- env USER=root LOGNAME=root HOME="$TESTDIR/home-$user" \
		XDG_STATE_HOME="$TESTDIR/state-$user" "$PODIUM" "$@"
}

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name,unix_user\nBob Stone,%s\nKarla Jones,%s\n' "$bob" "$karl" | podium import judges - >/dev/null || exit 99
printf 'name\nLes Castors\n' | podium import teams - >/dev/null || exit 99
printf 'name\nAgora\n' | podium import rooms - >/dev/null || exit 99
login=$(id -un)

run podium role list --format csv
expect_rc 0
expect_out_match "^$login,organizer,[0-9: -]+,$login\$"

# a judge's login writes only that judge's sheets, whatever $USER says
before=$(snapshot)
run as "$karl" score --judge "Bob Stone" --team "Les Castors" Idea=5
expect_rc 1
expect_err <<END
podium: you are logged in as $karl, who is not judge Bob Stone; only that judge or an organizer may write this sheet
END
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused score changed the file"
run as "$karl" score --judge "Karla Jones" --team "Les Castors" Idea=4
expect_rc 0
expect_out <<'END'
Karla Jones → Les Castors: draft, 1 of 7 criteria scored
END
run podium history --judge "Karla Jones" --format csv
expect_out_match ",judge $karl,create,sheet,Karla Jones → Les Castors,"

# organizer-only actions
for cmd in "import teams -" "results lock" "board freeze" "schedule generate" "assign judges" "coach plan" \
	"role grant $karl organizer" "judge unlock Nobody"; do
	set -- $cmd
	run as "$karl" "$@"
	expect_rc 1
	expect_err_match "^podium: only an organizer may [A-Za-z' ]+; ask one to run 'podium role grant $karl organizer'$"
done
run as "$karl" timeline add Lunch --start "2026-12-05 12:00"
expect_rc 1
expect_err_match "^podium: only an organizer may change the timeline; ask one to run 'podium role grant $karl organizer'$"
run as "$karl" import teams -
expect_err <<END
podium: only an organizer may import teams; ask one to run 'podium role grant $karl organizer'
END
run as "$karl" conflict add --judge "Bob Stone" --team "Les Castors"
expect_rc 1
expect_err_match "^podium: you are logged in as $karl, who is not judge Bob Stone; only that judge or an organizer may declare this judge's conflicts$"
run as "$karl" timer start --room Agora
expect_rc 1
expect_err <<END
podium: only a timekeeper or an organizer may run a room's timer; ask an organizer to run 'podium role grant $karl timekeeper'
END
checks=$((checks + 1))
[ "$before" != "$(snapshot)" ] || fail "nothing was written at all"

# the console opens only what the login may open
run as "$karl" tui --role organizer
expect_rc 1
expect_err_match "^podium: only an organizer may open the organizer's console; ask one to run 'podium role grant $karl organizer'$"
run as "$karl" tui --as "Bob Stone"
expect_rc 1
expect_err_match "^podium: you are logged in as $karl, who is not judge Bob Stone; only that judge or an organizer may open this judge's console$"
run as "$karl" tui --role timekeeper
expect_rc 1
expect_err_match "^podium: only a timekeeper or an organizer may open a room's timer;"

# an unknown name gets the answer a wrong PIN gets (tests/tui/pin.sh), and is audited
printf '000000\n' | as "$karl" tui --as "Nobody Here" >"$TESTDIR/out" 2>"$TESTDIR/err"
rc=$?
last="tui --as Nobody Here"
expect_rc 1
checks=$((checks + 1))
[ "$(tail -n 1 "$TESTDIR/err")" = "podium: wrong name or PIN" ] || fail "not the one answer: $(cat "$TESTDIR/err")"
run sqlite3 event.db "SELECT actor || ': ' || reason FROM audit WHERE action = 'pin-failure' ORDER BY seq"
expect_out <<END
$karl: unknown judge 'Nobody Here'
END

# roles: granted, listed, used, revoked
run as "$bob" role list
expect_rc 0
run podium role grant "$karl" timekeeper
expect_rc 0
expect_out <<END
$karl is now a timekeeper
END
run as "$karl" timer start --room Agora
expect_err_lacks_permission() {
	checks=$((checks + 1))
	! grep -q 'only a timekeeper' "$TESTDIR/err" || fail "the timekeeper was refused"
}
expect_err_lacks_permission
run podium role grant "$karl" organizer
expect_rc 0
run as "$karl" score --judge "Bob Stone" --team "Les Castors" Pitch=3
expect_rc 0
run podium history --judge "Bob Stone" --format csv
expect_out_match ",organizer $karl,create,sheet,Bob Stone → Les Castors,"
run podium role list --format csv
expect_out_match "^$karl,organizer,[0-9: -]+,$login\$"
expect_out_match "^$karl,timekeeper,[0-9: -]+,$login\$"
run as "$karl" role revoke "$login" organizer
expect_rc 0
expect_out <<END
$login is no longer an organizer
END
run as "$karl" role revoke "$karl" organizer
expect_rc 1
expect_err <<END
podium: $karl is the event's last organizer; grant the role to someone else first
END
run as "$karl" role grant "$bob" judge
expect_rc 2
expect_err_match "^podium: no role 'judge': organizer or timekeeper"
run as "$karl" role grant "bad user" organizer
expect_rc 1
expect_err_match "^podium: 'bad user' is not a user name"
# the file's first organizer is now a plain reader
run podium import teams -
expect_rc 1
expect_err_match "^podium: only an organizer may import teams; ask one to run 'podium role grant $login organizer'$"

# without the event's key, check says what it cannot prove
run as "$bob" check
expect_rc 0
expect_out_match "^check: the audit key of this event is not readable by $bob: the chain's links hold, but an edit by someone with write access cannot be ruled out$"
finish
