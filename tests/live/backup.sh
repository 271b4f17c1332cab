#!/bin/sh
# Online backups taken while 20 writers keep submitting sheets: each copy
# passes podium check (integrity, foreign keys, the audit hash chain) and
# holds a consistent moment: every sheet with its audit row.
. "$top_srcdir/tests/live/lib.sh"

WRITERS=20
EACH=8
live_event $EACH $WRITERS

w=1
while [ $w -le $WRITERS ]; do
	(
		t=1 bad=0
		while [ $t -le $EACH ]; do
			score_cmd $w $t >/dev/null 2>>"w$w.err" || bad=$((bad + 1))
			t=$((t + 1))
		done
		echo $bad >"w$w.bad"
	) &
	w=$((w + 1))
done

# backups while they write
k=1
while [ $k -le 4 ]; do
	sleep 0.1
	run podium backup "copy$k.db"
	expect_rc 0
	expect_err_empty
	k=$((k + 1))
done
wait

last="$WRITERS writers during the backups"
bad=$(cat w*.bad | awk '{ n += $1 } END { print n }')
checks=$((checks + 1))
[ "$bad" = 0 ] || { fail "$bad writes failed"; cat w*.err | head -5 | sed 's/^/  stderr: /'; }
expect_sql "SELECT count(*) FROM sheet WHERE status = 'submitted'" $((WRITERS * EACH))
expect_check

k=1
while [ $k -le 4 ]; do
	expect_check "copy$k.db"
	checks=$((checks + 1))
	n=$(sqlite3 "copy$k.db" "SELECT count(*) FROM sheet")
	a=$(sqlite3 "copy$k.db" "SELECT count(*) FROM audit WHERE kind = 'sheet'")
	[ "$n" = "$a" ] || fail "copy$k.db holds $n sheets but $a sheet audit rows"
	echo "# copy$k.db: $n of $((WRITERS * EACH)) sheets"
	k=$((k + 1))
done
finish
