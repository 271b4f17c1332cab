#!/bin/sh
# A judge with a PIN: it is typed without echo, a wrong one is refused with
# status 1, the right one opens the judge's screen.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console bad 80 24 tui --as "chloé martin"
wait_for bad 'PIN for Chloé Martin:'
type_text bad "1111"
checks=$((checks + 1))
sleep 0.2
screen bad | grep -q 1111 && fail "the PIN was echoed"
keys bad Enter
wait_exit bad
expect_rc 1
wait_for bad '^podium: wrong PIN$'

console good 80 24 tui --as "chloé martin"
wait_for good 'PIN for Chloé Martin:'
type_text good "2468"
keys good Enter
wait_for good 'judge Chloé Martin'
checks=$((checks + 1))
screen good | grep -q 2468 && fail "the PIN shows on the screen"
keys good q
wait_exit good
expect_rc 0
finish
