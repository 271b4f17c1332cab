#!/bin/sh
# The timekeeper starts the room's first pitch six minutes late and sees the
# big countdown; another process ends that pitch after an overrun, and the
# console shows the rest of the room slipping, without a key press.
. "$top_srcdir/tests/tui/lib.sh"

podium demo --no-tui >/dev/null || exit 99
export PODIUM_NOW="2026-12-06 13:36"

console timer 80 24 tui --role timekeeper --as "salle rhône"
# one countdown in the title: the next milestone's, as on every screen
wait_for timer 'timekeeper · Salle Rhône +Pitches · next: Deliberation in 02:24 *$'
checks=$((checks + 1))
! screen timer | grep -q 'in 2:24:00' || fail 'the title shows two countdowns'
wait_for timer 'Cœur Vert +up next'
wait_for timer 'planned 13:30 · expected 13:36'
wait_for timer 'Still to pitch in Salle Rhône · running 6 min late'
wait_for timer 's start  Space pause/resume  n next team  x no-show'
fits timer 80

keys timer s
wait_for timer 'Cœur Vert +pitching'
wait_for timer 'planned 13:30 · started 13:36'
# the big digits of 05:00
wait_for timer '^ +██████ ██████ +██████ ██████$'
run podium schedule list --room "Salle Rhône" --format csv
expect_out_match '^2026-12-06 13:36,2026-12-06 13:43,Salle Rhône,Cœur Vert,running$'

# one of Cœur Vert's panel turns their sheet back into a draft: the timekeeper chases them
podium score --judge "Karim Haddad" --team "Cœur Vert" --draft >/dev/null || exit 99
# another process ends the pitch at 13:45, three minutes over
PODIUM_NOW="2026-12-06 13:45" run podium timer next --room "Salle Rhône"
expect_rc 0
expect_out <<'END'
Salle Rhône: next up Green Bytes at 13:46, running 8 min late
END
wait_for timer 'Green Bytes +up next'
wait_for timer 'planned 13:38 · expected 13:46'
wait_for timer 'Still to pitch in Salle Rhône · running 8 min late'
wait_for timer '13:54 +La Ruche +\+8 min'
wait_for timer 'Cœur Vert: 2/3 sheets submitted, waiting on Karim Haddad'
fits timer 80

# a no-show asks first
keys timer x
wait_for timer 'Mark Green Bytes as a no-show\? \(y/n\)'
keys timer y
wait_for timer 'La Ruche +up next'
run podium schedule list --room "Salle Rhône" --format csv
expect_out_match '^.*,Salle Rhône,Green Bytes,noshow$'

# an impossible action says why, on the status line
keys timer n
wait_for timer 'this pitch has not started: s starts it, x marks a no-show'

keys timer q
wait_exit timer
expect_rc 0
finish
