# Sourced by every command-line test: a fresh folder and event file, a fixed
# clock, and expectations on the last command's exit status, stdout and stderr.
#
#   run podium init --name "Hack"
#   expect_rc 0
#   expect_out <<'END'
#   ...
#   END
#   expect_err_match 'podium: .*'
#   finish
set -u
: "${PODIUM:?PODIUM must name the podium binary}"
: "${top_srcdir:=.}"
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/podium-test.XXXXXX")
trap 'rm -rf "$TESTDIR"' EXIT
cd "$TESTDIR" || exit 99
export PODIUM_DB=event.db
export PODIUM_NOW="2026-11-29 10:00"
export HOME="$TESTDIR" XDG_CONFIG_HOME="$TESTDIR/.config" XDG_STATE_HOME="$TESTDIR/.local/state"
failures=0
checks=0
skipped=""
rc=0
last=""
here=$(basename "$0")

podium() { "$PODIUM" "$@"; }

# Run a command, keeping its exit status in $rc and its output in $TESTDIR/out and err.
run() {
	"$@" >"$TESTDIR/out" 2>"$TESTDIR/err" </dev/null
	rc=$?
	last="$*"
}

# Like run, with standard input from a here-doc or a pipe.
run_stdin() {
	"$@" >"$TESTDIR/out" 2>"$TESTDIR/err"
	rc=$?
	last="$*"
}

# A failure is also written down in a file, so one found in a subshell (the end
# of a pipe, a $(...)) still fails the test.
fail() {
	failures=$((failures + 1))
	echo x >>"$TESTDIR/failures"
	echo "FAIL $here: $last: $1"
}

expect_rc() {
	checks=$((checks + 1))
	[ "$rc" -eq "$1" ] || { fail "exit status $rc, expected $1"; sed 's/^/  stderr: /' "$TESTDIR/err"; }
}

expect_out() {
	checks=$((checks + 1))
	diff -u - "$TESTDIR/out" >"$TESTDIR/diff" || { fail "stdout differs"; cat "$TESTDIR/diff"; }
}

expect_err() {
	checks=$((checks + 1))
	diff -u - "$TESTDIR/err" >"$TESTDIR/diff" || { fail "stderr differs"; cat "$TESTDIR/diff"; }
}

expect_out_match() {
	checks=$((checks + 1))
	grep -qE -- "$1" "$TESTDIR/out" || { fail "stdout lacks /$1/"; sed 's/^/  stdout: /' "$TESTDIR/out" | head -20; }
}

expect_out_lacks() {
	checks=$((checks + 1))
	! grep -qE -- "$1" "$TESTDIR/out" || { fail "stdout has /$1/"; }
}

expect_err_match() {
	checks=$((checks + 1))
	grep -qE -- "$1" "$TESTDIR/err" || { fail "stderr lacks /$1/"; sed 's/^/  stderr: /' "$TESTDIR/err"; }
	[ "$(wc -l <"$TESTDIR/err")" -le 1 ] || fail "stderr has more than one line"
}

expect_err_empty() {
	checks=$((checks + 1))
	[ ! -s "$TESTDIR/err" ] || { fail "stderr not empty"; sed 's/^/  stderr: /' "$TESTDIR/err"; }
}

# import_legacy KIND FILE: import as a podium from before names were checked
# would have, keeping the escape (ESC) and bell (BEL) bytes in names that podium
# now refuses; such files still exist, and must still show safely.
import_legacy() {
	local kind=$1 file=$2 table st
	case $kind in
	teams) table=team ;; judges) table=judge ;; coaches) table=coach ;; rooms) table=room ;;
	*) return 99 ;;
	esac
	cp "$file" "$file.orig" || return 99
	sed -i "s/$(printf '\033')/{ESC}/g; s/$(printf '\007')/{BEL}/g" "$file"
	podium import "$kind" "$file"
	st=$?
	mv "$file.orig" "$file"
	sqlite3 "$PODIUM_DB" "UPDATE $table SET
		name = replace(replace(name, '{ESC}', char(27)), '{BEL}', char(7)),
		name_key = replace(replace(name_key, '{esc}', char(27)), '{bel}', char(7))" || return 99
	# other text is still taken as it is: give it its bytes back
	[ "$table" != team ] || sqlite3 "$PODIUM_DB" "UPDATE team SET
		project = replace(replace(project, '{ESC}', char(27)), '{BEL}', char(7)),
		description = replace(replace(description, '{ESC}', char(27)), '{BEL}', char(7))" || return 99
	return $st
}

# The file's content, to show a failed command changed nothing.
snapshot() {
	sqlite3 "$PODIUM_DB" .dump 2>/dev/null || cat "$PODIUM_DB"
}

# skip REASON: this test cannot run here. It ends now with automake's SKIP
# (77), unless a check already failed: a failure is never hidden by a skip.
skip() {
	skipped="$skipped${skipped:+; }$1"
	finish
}

# skip_part REASON: a part of this test cannot run here; the rest runs, and the
# test ends as SKIP (77) if nothing failed, naming what was not tried.
skip_part() {
	skipped="$skipped${skipped:+; }$1"
	echo "# $here: not tested: $1"
}

# hold_lock: another process (the sqlite3 shell) takes the write lock of the
# event file; returns once it holds it, as the shell itself says. The lock is
# kept until release_lock, however long the test takes: no timed step.
hold_lock() {
	local i=0
	rm -f "$TESTDIR/lock.held" "$TESTDIR/lock.release"
	mkfifo "$TESTDIR/lock.release" || exit 99
	(printf 'BEGIN IMMEDIATE;\nUPDATE event SET hours = hours;\n.output %s\n.print held\n.output stdout\n' \
		"$TESTDIR/lock.held"; cat "$TESTDIR/lock.release"; printf 'COMMIT;\n') | sqlite3 "$PODIUM_DB" &
	lock_holder=$!
	while [ ! -s "$TESTDIR/lock.held" ]; do
		i=$((i + 1))
		[ $i -lt 1000 ] || { fail "the sqlite3 shell never took the write lock"; finish; }
		sleep 0.01
	done
}

# release_lock: the holder commits and ends; returns once it has.
release_lock() {
	echo >"$TESTDIR/lock.release"
	wait "$lock_holder"
	rm -f "$TESTDIR/lock.release"
}

finish() {
	[ ! -s "$TESTDIR/failures" ] || failures=$(wc -l <"$TESTDIR/failures")
	if [ "$failures" -ne 0 ]; then
		echo "$here: $failures of $checks checks failed"
		exit 1
	fi
	if [ -n "$skipped" ]; then
		echo "SKIP $here: $checks checks passed, but not tested: $skipped"
		exit 77
	fi
	echo "ok $here: $checks checks"
	exit 0
}
