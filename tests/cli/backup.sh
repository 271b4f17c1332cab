#!/bin/sh
# backup copies the event file consistently, refuses to overwrite, and the copy checks clean.
. "$top_srcdir/tests/cli/lib.sh"

run podium backup copy.db
expect_rc 1
expect_err_match "^podium: no event file 'event.db'"
checks=$((checks + 1))
[ ! -e copy.db ] && [ ! -e event.db ] || fail "a failed backup left a file"

podium demo --no-tui >/dev/null || exit 99
run podium backup copy.db
expect_rc 0
expect_err_empty
size=$(stat -c %s copy.db)
expect_out <<END
backed up event.db to copy.db ($size bytes)
END

run podium --db copy.db check
expect_rc 0
expect_out_match '^ok: 24 teams, 9 judges, 38 sheets, [0-9]+ audit rows$'
checks=$((checks + 1))
[ "$(podium --db copy.db export)" = "$(podium export)" ] || fail "the copy holds something else"

# an existing destination is never overwritten
echo precious >taken.db
run podium backup taken.db
expect_rc 1
expect_err_match "^podium: 'taken.db' already exists"
checks=$((checks + 1))
[ "$(cat taken.db)" = precious ] || fail "backup overwrote an existing file"
run podium backup copy.db
expect_rc 1
expect_err_match "^podium: 'copy.db' already exists; pick a new file for the backup$"

# while another process keeps writing, the copy is still whole
(
	i=0
	while [ $i -lt 20 ]; do
		podium score --judge "Chloé Martin" --team "Green Bytes" Idea=$((i % 5 + 1)) >/dev/null 2>&1
		i=$((i + 1))
	done
) &
writer=$!
run podium backup busy.db
wait $writer
expect_rc 0
expect_err_empty
expect_out_match '^backed up event.db to busy.db \([0-9]+ bytes\)$'
run podium --db busy.db check
expect_rc 0
expect_out_match '^ok: 24 teams, 9 judges, [0-9]+ sheets, [0-9]+ audit rows$'
expect_out_match '^audit chain: [0-9]+ rows, keyed and intact$'

run podium backup
expect_rc 2
expect_err_match "^podium: backup needs a destination file"
run podium backup a.db b.db
expect_rc 2
expect_err_match "^podium: unexpected argument 'b.db'"

finish
