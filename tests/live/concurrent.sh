#!/bin/sh
# 200 processes submit sheets at the same moment (distinct judge x team pairs):
# every one exits 0 with nothing on stderr, every sheet is counted once, and
# the file passes podium check.
. "$top_srcdir/tests/live/lib.sh"

command -v flock >/dev/null 2>&1 || skip "flock is not installed (apt-get install util-linux)"
N=200
live_event 20 10

# The writers wait on a shared lock of 'go' that this shell holds exclusively,
# so all of them start together once it lets go.
exec 8>go
flock -x 8
i=0
while [ $i -lt $N ]; do
	j=$((i % 10 + 1)) t=$((i / 10 + 1))
	(
		exec 8>&-
		flock -s go true
		score_cmd $j $t >"w$i.out" 2>"w$i.err"
		echo $? >"w$i.rc"
	) &
	i=$((i + 1))
done
sleep 1
flock -u 8
exec 8>&-
wait

last="$N concurrent podium score --submit"
bad=0 noisy=0
i=0
while [ $i -lt $N ]; do
	[ "$(cat "w$i.rc" 2>/dev/null)" = 0 ] || { bad=$((bad + 1)); [ $bad -le 3 ] && sed 's/^/  stderr: /' "w$i.err"; }
	[ -s "w$i.err" ] && noisy=$((noisy + 1))
	i=$((i + 1))
done
checks=$((checks + 2))
[ $bad -eq 0 ] || fail "$bad of $N writers did not exit 0"
[ $noisy -eq 0 ] || fail "$noisy of $N writers wrote to stderr"
expect_sql "SELECT count(*) FROM sheet WHERE status = 'submitted' AND total IS NOT NULL" $N
expect_sql "SELECT count(*) FROM audit WHERE kind = 'sheet'" $N
expect_check
run podium leaderboard --format csv
expect_rc 0
checks=$((checks + 1))
[ "$(awk -F, 'NR > 1 { n += $4 } END { print n }' out)" = $N ] || fail "the leaderboard does not count $N sheets"
finish
