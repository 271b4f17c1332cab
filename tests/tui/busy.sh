#!/bin/sh
# Another process holds the write lock: the judge keeps typing, sees that the
# console waits, and every value is saved once the file is free.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99
console judge 80 24 tui --role judge --as "Sarah Cohen"
wait_for judge 'Elles Codent .*to do'
keys judge /
type_text judge 'roles'
keys judge Enter
keys judge /
wait_for judge '^Search: *$'
keys judge C-u
type_text judge 'rôles m'
keys judge Enter Enter
wait_for judge '> Idea'

# another process holds the write lock until the judge has typed and seen the notice
hold_lock
keys judge 2 3 4
wait_for judge 'busy; your change is kept'
wait_for judge '\[2\]'
checks=$((checks + 1))
[ "$(sqlite3 "$PODIUM_DB" "SELECT count(*) FROM sheet s JOIN team t ON t.id = s.team_id JOIN judge j ON j.id = s.judge_id WHERE t.name = 'Elles Codent' AND j.name = 'Sarah Cohen'")" = 0 ] ||
	fail "a sheet was written while another process held the lock"
release_lock
wait_for judge 'Saved: the event file is free again' 8
checks=$((checks + 1))
got=$(sqlite3 "$PODIUM_DB" "SELECT group_concat(v.value, ' ') FROM (SELECT v.value FROM sheet s JOIN team t ON t.id = s.team_id JOIN judge j ON j.id = s.judge_id JOIN sheet_value v ON v.sheet_id = s.id JOIN criterion c ON c.id = v.criterion_id WHERE t.name = 'Elles Codent' AND j.name = 'Sarah Cohen' ORDER BY c.position) v")
[ "$got" = "2 3 4" ] || fail "saved values are '$got', expected '2 3 4'"
keys judge q
wait_exit judge
expect_rc 0
finish
