# Sourced by the console tests that need no terminal: the console reads its
# keys from a script (podium tui --script) and :dump prints its screen.
#
#   keys_file judge <<'END'
#   jj<Enter>
#   :dump
#   END
#   run podium tui --role judge --as "Sarah Cohen" --script judge.keys
#   expect_dump 1 '> Idea'
. "$top_srcdir/tests/cli/lib.sh"

# keys_file NAME: the script on standard input, as $TESTDIR/NAME.keys
keys_file() {
	cat >"$TESTDIR/$1.keys"
}

# dump N: the screen of the Nth :dump of the last run's stdout
dump() {
	awk -v n="$1" '$0 == "--" { k++; next } k == n - 1' "$TESTDIR/out"
}

# expect_dump N REGEX: the Nth screen shows REGEX
expect_dump() {
	checks=$((checks + 1))
	dump "$1" | grep -qE -- "$2" || { fail "screen $1 lacks /$2/"; dump "$1" | sed 's/^/  | /'; }
}

# expect_dump_lacks N REGEX: the Nth screen does not show REGEX
expect_dump_lacks() {
	checks=$((checks + 1))
	! dump "$1" | grep -qE -- "$2" || { fail "screen $1 shows /$2/"; dump "$1" | sed 's/^/  | /'; }
}

# expect_dumps N: the last run printed N screens
expect_dumps() {
	checks=$((checks + 1))
	[ "$(grep -cx -- '--' "$TESTDIR/out")" -eq "$1" ] || fail "$(grep -cx -- '--' "$TESTDIR/out") screens, expected $1"
}

# dump_fits N COLS ROWS: the Nth screen has ROWS lines, none wider than COLS display columns
dump_fits() {
	checks=$((checks + 1))
	dump "$1" | python3 -c '
import sys, unicodedata
cols, rows = int(sys.argv[1]), int(sys.argv[2])
lines = sys.stdin.read().split("\n")[:-1]
if len(lines) != rows:
    print("%d rows, expected %d" % (len(lines), rows))
    sys.exit(1)
for n, line in enumerate(lines, 1):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
    if w > cols:
        print("line %d is %d columns wide: %s" % (n, w, line))
        sys.exit(1)
' "$2" "$3" || fail "screen $1 does not fit $2x$3"
}

# expect_sql SQL VALUE: the event file answers SQL with VALUE
expect_sql() {
	checks=$((checks + 1))
	got=$(sqlite3 -batch "$PODIUM_DB" "$1") || { fail "sqlite3 failed on: $1"; return; }
	[ "$got" = "$2" ] || fail "$1 gave '$got', expected '$2'"
}
