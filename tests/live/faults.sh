#!/bin/sh
# Bad files: read-only file or folder, a full disk, a damaged file, a file of a
# newer schema, a file that is not an event. Each command says what is wrong
# and what to do in one line, the console refuses to start on it, and the
# file is left exactly as it was.
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
sqlite3 event.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null

# refused DB PATTERN: score, leaderboard and the console all refuse DB with PATTERN
# on stderr; the file's bytes do not change.
refused() {
	local db=$1 re=$2 as=${3:-} bin=$PODIUM
	[ -z "$as" ] || bin=$TESTDIR/podium-as-nobody
	cp "$db" "$TESTDIR/before.bin"
	run $as "$bin" --db "$db" score --judge "Sarah Cohen" --team "Code Camarades" idea=5
	expect_rc 1
	expect_err_match "^podium: $re"
	run $as "$bin" --db "$db" leaderboard
	expect_rc 1
	expect_err_match "^podium: $re"
	run $as "$bin" --db "$db" tui --role display
	expect_rc 1
	expect_err_match "^podium: $re"
	checks=$((checks + 1))
	cmp -s "$db" "$TESTDIR/before.bin" || fail "$db changed"
}

# untouched DB: refused and left as it was, to the byte and the mtime, and no
# -wal or -shm ever made beside it (the folder's mtime would show one made and removed)
untouched() {
	local db=$1 re=$2 folder stamp
	folder=$(dirname "$db")
	touch -d "2026-01-01 00:00" "$db" "$folder"
	stamp="$(stat -c %Y "$db") $(stat -c %Y "$folder")"
	refused "$db" "$re"
	checks=$((checks + 1))
	[ "$(stat -c %Y "$db") $(stat -c %Y "$folder")" = "$stamp" ] || fail "$db or its folder changed: -wal made?"
	checks=$((checks + 1))
	[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] && [ ! -e "$db-journal" ] || fail "$db got working files"
}

# read_only DB PATTERN: an archived event: reads work, a write is refused with
# PATTERN on stderr; the file's bytes do not change.
read_only() {
	local db=$1 re=$2 as=${3:-} bin=$PODIUM
	[ -z "$as" ] || bin=$TESTDIR/podium-as-nobody
	cp "$db" "$TESTDIR/before.bin"
	run $as "$bin" --db "$db" score --judge "Sarah Cohen" --team "Code Camarades" idea=5
	expect_rc 1
	expect_err_match "^podium: $re"
	run $as "$bin" --db "$db" leaderboard --format csv
	expect_rc 0
	expect_out_match '^1,Bridge Builders,'
	checks=$((checks + 1))
	cmp -s "$db" "$TESTDIR/before.bin" || fail "$db changed"
}

# ---- read-only file and folder: as nobody when the tests run as root ----
# (root may write anything.) nobody runs a copy of this podium in the test's
# folder: the build folder may be private to root.
as=
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$TESTDIR"
		cp "$PODIUM" "$TESTDIR/podium-as-nobody" && chmod 755 "$TESTDIR/podium-as-nobody"
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		$as "$TESTDIR/podium-as-nobody" --version >/dev/null 2>&1 || as="cannot"
	else
		as="cannot"
	fi
fi
if [ "$as" = cannot ]; then
	skip_part "read-only file and folder: root, and nobody cannot run podium through setpriv (apt-get install util-linux)"
else
	# an organizer, so that nothing but the file's mode stops the write
	[ -z "$as" ] || "$PODIUM" --db event.db role grant nobody organizer >/dev/null || exit 99
	cp event.db ro.db
	chmod 444 ro.db
	read_only ro.db "'ro.db' is read-only for you; ask its owner for write access$" "$as"
	mkdir rodir
	cp event.db rodir/event.db
	chmod 666 rodir/event.db
	chmod 555 rodir
	read_only rodir/event.db "the folder 'rodir' is read-only for you, and podium keeps two working files beside 'rodir/event.db'; ask its owner for write access to the folder$" "$as"
	chmod 755 rodir
fi

# ---- a full disk: the file may grow no further (RLIMIT_FSIZE) ----
if command -v prlimit >/dev/null 2>&1; then
	python3 -c "
print('name,description')
for i in range(3000): print('Big team %d,%s' % (i, 'x' * 200))" >big.csv
	before=$(snapshot)
	size=$(($(stat -c %s event.db) + 40000))
	run sh -c "trap '' XFSZ; exec prlimit --fsize=$size \"\$PODIUM\" import teams big.csv"
	expect_rc 1
	expect_err_match '^podium: the event file could not be written: the disk may be full, over a size limit or failing; free some space and try again$'
	checks=$((checks + 1))
	[ "$before" = "$(snapshot)" ] || fail "a failed write changed the file"
	expect_check
	run podium score --judge "Sarah Cohen" --team "Code Camarades" idea=5
	expect_rc 0
else
	skip_part "a full disk: prlimit is not installed (apt-get install util-linux)"
fi

# ---- damaged files ----
cp event.db cut.db
truncate -s 100000 cut.db
refused cut.db "'cut.db' is damaged; restore it from a backup \('podium backup'\)$"

cp event.db holes.db
root=$(sqlite3 holes.db "SELECT rootpage FROM sqlite_master WHERE name = 'sheet'")
dd if=/dev/zero of=holes.db bs=1 seek=$(((root - 1) * 4096 + 8)) count=16 conv=notrunc 2>/dev/null
cp holes.db "$TESTDIR/before.bin"
run podium --db holes.db check
expect_rc 1
expect_err_match '^podium: [0-9]+ problems? found in holes.db$'
run podium --db holes.db score --judge "Sarah Cohen" --team "Code Camarades" idea=5
expect_rc 1
expect_err_match "^podium: the event file is damaged; run 'podium check'$"
checks=$((checks + 1))
cmp -s holes.db "$TESTDIR/before.bin" || fail "holes.db changed"

# ---- a newer podium's file, and a file that is not an event ----
mkdir newer
cp event.db newer/newer.db
sqlite3 newer/newer.db 'PRAGMA user_version = 99'
untouched newer/newer.db "'newer/newer.db' was written by a newer podium \(schema 99, this one knows [0-9]+\); upgrade podium to open it$"
mkdir notes
printf 'name,score\nnot,an event\n' >notes/notes.db
untouched notes/notes.db "'notes/notes.db' is not a podium event file$"
sqlite3 other.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
refused other.db "'other.db' is not a podium event file$"

# the event itself never suffered
expect_check
finish
