#!/bin/sh
# An archived event, a file and a folder this account may only read: every
# command that only reads works (list, leaderboard, export, check, history,
# backup, timeline, schedule, rubric); a write says the file is read-only and
# changes nothing. Run as an account without write access (root always has it).
. "$top_srcdir/tests/cli/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "SKIP $here: needs root and setpriv (util-linux) to act as another account"
	exit 77
fi
run podium demo --no-tui
expect_rc 0
# an organizer, so that nothing but the file's mode stops a write
run podium role grant nobody organizer
expect_rc 0
archive=$(mktemp -d /tmp/podium-archive.XXXXXX) || exit 99
trap 'chmod -R u+w "$archive"; rm -rf "$archive"' EXIT
cp "$PODIUM_DB" "$archive/event.db"
chmod 444 "$archive/event.db"
chmod 555 "$archive"
# nobody runs a copy of this podium: the build folder may be private to root
bin=$(mktemp -d /tmp/podium-bin.XXXXXX) || exit 99
trap 'chmod -R u+w "$archive"; rm -rf "$archive" "$bin"' EXIT
cp "$PODIUM" "$bin/podium" && chmod 755 "$bin" "$bin/podium"
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent XDG_STATE_HOME=/nonexistent \
		"$bin/podium" --db "$archive/event.db" "$@"
}
run as_nobody list teams --format csv
expect_rc 0
expect_out_match '^Bridge Builders,MentorLink,'
run as_nobody leaderboard --format csv
expect_rc 0
expect_out_match '^1,Bridge Builders,92\.86,3,,ranked$'
run as_nobody export
expect_rc 0
expect_out_match '"results":'
run as_nobody check
expect_rc 0
run as_nobody history --team "Bridge Builders" --format csv
expect_rc 0
expect_out_match ',submit,sheet,'
run as_nobody timeline --format csv
expect_rc 0
run as_nobody schedule list --format csv
expect_rc 0
run as_nobody rubric --format csv
expect_rc 0
expect_out_match '^Idea,1,1,5,'
copy=$(mktemp -d /tmp/podium-copy.XXXXXX) || exit 99
chmod 777 "$copy"
run as_nobody backup "$copy/event.db"
expect_rc 0
checks=$((checks + 1))
[ "$(sqlite3 "$copy/event.db" 'SELECT count(*) FROM team')" = 24 ] || fail "the copy of an archived event is not whole"
rm -rf "$copy"
# a write is refused with a clear line, and nothing is left beside the file
before=$(sqlite3 "$archive/event.db" .dump)
run as_nobody results lock
expect_rc 1
expect_err_match "^podium: .*read-only"
checks=$((checks + 1))
[ "$before" = "$(sqlite3 "$archive/event.db" .dump)" ] || fail "a refused write changed the archived event"
[ "$(ls -A "$archive")" = event.db ] || fail "files were left beside the archived event: $(ls -A "$archive")"
finish
