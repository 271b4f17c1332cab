#!/bin/sh
# Help, version, unknown commands and options, and refusing a missing file.
. "$top_srcdir/tests/cli/lib.sh"

run podium --version
expect_rc 0
expect_out_match '^podium [0-9]+\.[0-9]+\.[0-9]+$'

run podium --help
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] \[COMMAND\]'
expect_out_match '^  leaderboard '

run podium help score
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] score --judge J --team T'

run podium score --help
expect_rc 0
expect_out_match '^usage: podium \[--db FILE\] score'

run podium frobnicate
expect_rc 2
expect_err_match "^podium: no command 'frobnicate'; see 'podium --help'$"

run podium --bogus
expect_rc 2
expect_err_match "^podium: unknown option '--bogus'"

run podium init --name X --bogus
expect_rc 2
expect_err_match "^podium: unknown option '--bogus'; see 'podium help init'$"

run podium init --name
expect_rc 2
expect_err_match "^podium: option '--name' needs a value"

run podium --db
expect_rc 2
expect_err_match "^podium: option '--db' needs a file"

run podium --db missing.db results lock
expect_rc 1
expect_err_match "^podium: no event file 'missing.db'"
checks=$((checks + 1))
[ ! -e missing.db ] || fail "a command other than init or demo created the file"

echo "not a database, just text" >junk.db
run podium --db junk.db results lock
expect_rc 1
expect_err_match "^podium: 'junk.db' is not a podium event file"

finish
