#!/bin/sh
# Writers killed with SIGKILL at every moment of their life, 240 times, four
# at a time: half 'podium score --submit', half 'podium import sheets' of 10
# rows in one transaction. Afterwards podium check passes, every sheet whose
# command exited 0 is there, and each import is all or nothing.
. "$top_srcdir/tests/live/lib.sh"

ROUNDS=60		# of 4 writers: 240 processes, each killed unless it finished first
ROWS=10
live_event 44 50

# import_csv B: batch B's file, rows for pairs p = B*ROWS .. B*ROWS+ROWS-1 on teams 5..44
import_csv() {
	local r=0 p j t
	echo "judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch,comment,status"
	while [ $r -lt $ROWS ]; do
		p=$(($1 * ROWS + r))
		j=$((p % 50 + 1)) t=$((p / 50 + 5))
		printf 'Judge %03d,Team %03d,%d,%d,%d,%d,%d,%d,%d,batch %d,submitted\n' $j $t \
			$((j % 5 + 1)) $(((j + 1) % 5 + 1)) $(((j + 2) % 5 + 1)) $((t % 5 + 1)) \
			$(((t + 1) % 5 + 1)) $(((t + 2) % 5 + 1)) 3 "$1"
		r=$((r + 1))
	done
}

killed=0 finished=0 odd=0
round=0
while [ $round -lt $ROUNDS ]; do
	pids=
	k=0
	while [ $k -lt 4 ]; do
		n=$((round * 4 + k))
		b=$((n / 2))
		if [ $((n % 2)) -eq 0 ]; then
			(score_exec $((b % 50 + 1)) $((b / 50 + 1)) >/dev/null 2>"e$n") &
		else
			import_csv $b >"b$b.csv"
			(exec "$PODIUM" import sheets "b$b.csv" >/dev/null 2>"e$n") &
		fi
		pids="$pids $!"
		k=$((k + 1))
	done
	# 0 to 14 ms: before the file is opened, inside a transaction, after it
	sleep "0.0$(printf '%02d' $(((round * 7) % 15)))"
	k=0
	for pid in $pids; do
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		rc=$?
		n=$((round * 4 + k))
		case $rc in
		0) finished=$((finished + 1)); echo $n >>done.list ;;
		137) killed=$((killed + 1)) ;;
		*) odd=$((odd + 1)); last="writer $n"; fail "exit status $rc"; sed 's/^/  stderr: /' "e$n" ;;
		esac
		k=$((k + 1))
	done
	round=$((round + 1))
done

last="$((ROUNDS * 4)) writers, $killed killed, $finished finished"
checks=$((checks + 2))
[ $killed -ge $((ROUNDS)) ] || fail "only $killed writers were killed: the test did not test much"
[ $odd -eq 0 ] || fail "$odd writers failed by themselves"
expect_check
run podium leaderboard --format csv
expect_rc 0

# every command that said 0 is in the file
missing=0
for n in $(cat done.list 2>/dev/null); do
	b=$((n / 2))
	if [ $((n % 2)) -eq 0 ]; then
		[ "$(submitted $((b % 50 + 1)) $((b / 50 + 1)))" = 1 ] || missing=$((missing + 1))
	else
		[ "$(sql "SELECT count(*) FROM sheet WHERE comment = 'batch $b' AND status = 'submitted'")" = $ROWS ] ||
			missing=$((missing + 1))
	fi
done
checks=$((checks + 1))
[ $missing -eq 0 ] || fail "$missing writers exited 0 but their sheets are not all there"

# each import is whole or absent, each sheet has its audit row
expect_sql "SELECT count(*) FROM (SELECT comment, count(*) AS n FROM sheet WHERE comment LIKE 'batch %' GROUP BY comment) WHERE n <> $ROWS" 0
expect_sql "SELECT count(*) FROM sheet s WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.record_id = s.id)" 0
echo "# $killed of $((ROUNDS * 4)) writers killed, $finished finished; $(sql "SELECT count(*) FROM sheet") sheets in the file"
finish
