#!/bin/sh
# A judge with a PIN: it is typed without echo; a wrong one and an unknown
# name get the same answer (after a delay), another try, and are audited;
# Ctrl-D gives up; the fifth wrong
# try locks the PIN until an organizer unlocks it; the right one opens the
# judge's screen.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console bad 80 24 tui --as "chloé martin"
wait_for bad 'PIN for Chloé Martin:'
type_text bad "111111"
checks=$((checks + 1))
sleep 0.2
screen bad | grep -q 111111 && fail "the PIN was echoed"
keys bad Enter
wait_for bad '^podium: wrong name or PIN$'
wait_for bad '^PIN for Chloé Martin: *$'
type_text bad "246813"
keys bad Enter
wait_for bad 'judge Chloé Martin'
keys bad q
wait_exit bad
expect_rc 0

console nobody 80 24 tui --as "Nobody Here"
wait_for nobody 'PIN for Nobody Here:'
type_text nobody "111111"
keys nobody Enter
wait_for nobody '^podium: wrong name or PIN$'
keys nobody C-d
wait_exit nobody
expect_rc 1
wait_for nobody '^podium: wrong name or PIN$'
expect_sql "SELECT group_concat(coalesce(reason, ''), '|') FROM audit WHERE action = 'pin-failure'" \
	"try 1 of 5|unknown judge 'Nobody Here'"

# four failures already: the fifth locks, and then even the right PIN is refused
sqlite3 "$PODIUM_DB" "UPDATE judge SET pin_failures = 4 WHERE name = 'Chloé Martin'" || exit 99
console lock 80 24 tui --as "chloé martin"
wait_for lock 'PIN for Chloé Martin:'
type_text lock "000000"
keys lock Enter
wait_exit lock
expect_rc 1
wait_for lock '^podium: the PIN of Chloé Martin is locked after 5 wrong tries; ask an organizer'
console locked 80 24 tui --as "chloé martin"
wait_for locked 'PIN for Chloé Martin:'
type_text locked "246813"
keys locked Enter
wait_exit locked
expect_rc 1
wait_for locked "is locked after 5 wrong tries"
run podium judge unlock "Chloé Martin"
expect_rc 0
expect_out <<'END'
the PIN of Chloé Martin is unlocked
END

console good 80 24 tui --as "chloé martin"
wait_for good 'PIN for Chloé Martin:'
type_text good "246813"
keys good Enter
wait_for good 'judge Chloé Martin'
checks=$((checks + 1))
screen good | grep -q 246813 && fail "the PIN shows on the screen"
keys good q
wait_exit good
expect_rc 0
expect_sql "SELECT pin_failures FROM judge WHERE name = 'Chloé Martin'" 0
finish
