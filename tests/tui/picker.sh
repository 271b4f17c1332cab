#!/bin/sh
# The judge picker asks for a PIN by the judge's id: a judge deleted elsewhere
# while the PIN prompt is open neither reads past the shrunk list nor logs in
# someone else; the chosen judge still logs in after others left the list.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name,pin\nAaron,\nZed,246813\n' >judges.csv
podium import judges judges.csv >/dev/null || exit 99

console pick 80 24 tui
wait_for pick 'Judge Zed \(PIN\)'
keys pick j j j j j Enter
wait_for pick 'PIN for Zed:'
sqlite3 "$PODIUM_DB" "DELETE FROM judge WHERE name = 'Aaron'" || exit 99
wait_gone pick 'Judge Aaron'
type_text pick "246813"
keys pick Enter
wait_for pick 'judge Zed'
keys pick q
wait_exit pick
expect_rc 0
checks=$((checks + 1))
[ "$(sqlite3 "$PODIUM_DB" "SELECT count(*) FROM judge WHERE name = 'Zed'")" = 1 ] || fail "Zed is gone"

# the chosen judge is deleted while the prompt is open: a clear refusal
console gone 80 24 tui
wait_for gone 'Judge Zed \(PIN\)'
keys gone j j j j Enter
wait_for gone 'PIN for Zed:'
sqlite3 "$PODIUM_DB" "DELETE FROM judge WHERE name = 'Zed'" || exit 99
wait_gone gone 'Judge Zed'
type_text gone "246813"
keys gone Enter
wait_for gone 'Zed is no longer on the judges. list'
keys gone q
wait_exit gone
expect_rc 0
finish
