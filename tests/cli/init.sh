#!/bin/sh
# init creates an event file with the default rubric, and refuses to touch one.
. "$top_srcdir/tests/cli/lib.sh"

umask 007
run podium init --name "Hack for Good" --start "2026-12-04 18:00"
expect_rc 0
expect_err_empty
expect_out <<'END'
created the event in event.db: starts 2026-12-04 18:00, 48 hours, default rubric of 7 criteria
END
checks=$((checks + 1))
[ "$(stat -c %a event.db)" = 660 ] || fail "mode $(stat -c %a event.db), expected 660 under umask 007"

before=$(snapshot)
run podium init --name "Again"
expect_rc 1
expect_err_match "^podium: 'event.db' already exists"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused init changed the file"

run podium --db next.db init --name "Next" --hours 24
expect_rc 0
expect_out_match "starts 2026-12-04 18:00, 24 hours"

run podium --db x.db init
expect_rc 2
expect_err_match "^podium: init needs --name NAME; see 'podium help init'"
checks=$((checks + 1))
[ ! -e x.db ] || fail "a usage error created a file"

run podium --db x.db init --name "  "
expect_rc 1
expect_err_match "^podium: the event needs a name"
checks=$((checks + 1))
[ ! -e x.db ] || fail "a bad name left a file"

run podium --db x.db init --name X --start "2026-02-31 10:00"
expect_rc 2
expect_err_match "^podium: --start takes"

run podium --db x.db init --name X --hours 0
expect_rc 2
expect_err_match "^podium: --hours takes"

finish
