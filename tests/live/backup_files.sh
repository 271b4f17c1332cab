#!/bin/sh
# backup DEST never writes through a symlink swapped in at DEST while it
# runs, never replaces a file, and a backup killed halfway leaves no DEST and
# no DEST-journal: the copy is made aside and linked in place only whole.
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
podium --db other.db init --name "Another event" >/dev/null || exit 99
sqlite3 other.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp other.db other.bin

# a swapper puts a symlink to other.db at DEST and takes it away, over and over
i=1
while [ $i -le 20 ]; do
	rm -f "dest$i.db"
	(while :; do ln -s other.db "dest$i.db" 2>/dev/null; rm -f "dest$i.db"; done) &
	swapper=$!
	podium backup "dest$i.db" >/dev/null 2>"err$i"
	kill "$swapper"
	wait "$swapper" 2>/dev/null
	checks=$((checks + 1))
	cmp -s other.db other.bin || { fail "try $i: the backup wrote through the symlink into other.db"; cp other.bin other.db; }
	i=$((i + 1))
done
checks=$((checks + 1))
[ -z "$(ls other.db-* 2>/dev/null)" ] || fail "working files appeared beside other.db"

# a symlink at DEST from the start: refused, nothing written through it
ln -s other.db link.db
run podium backup link.db
expect_rc 1
expect_err_match "^podium: 'link.db' already exists; pick a new file for the backup$"
checks=$((checks + 1))
cmp -s other.db other.bin || fail "the backup wrote through link.db"

# killed halfway through a big file: no DEST, no DEST-journal
sqlite3 event.db "CREATE TABLE IF NOT EXISTS ballast(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO ballast SELECT randomblob(8000) FROM n;" || exit 99
for delay in 0.02 0.05 0.1 0.2; do
	rm -f big.db big.db-journal
	"$PODIUM" backup big.db >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	checks=$((checks + 1))
	[ ! -e big.db-journal ] || fail "killed after ${delay}s: big.db-journal was left"
	if [ -e big.db ]; then
		checks=$((checks + 1))
		[ "$(sqlite3 big.db 'PRAGMA integrity_check')" = ok ] || fail "killed after ${delay}s: a partial big.db was left"
	fi
done
rm -f big.db .big.db.podium-tmp-*
run podium backup big.db
expect_rc 0
checks=$((checks + 1))
[ "$(sqlite3 big.db 'SELECT count(*) FROM ballast')" = 6000 ] || fail "the big backup is not whole"
checks=$((checks + 1))
[ -z "$(ls -a | grep -E '^(big\.db-|\.big\.db\.podium-tmp-)')" ] || fail "a backup left files behind: $(ls -a | grep big)"
finish
