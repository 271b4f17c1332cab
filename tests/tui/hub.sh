#!/bin/sh
# A hub's projector rotates through each site's board, titled with the site's
# name, as the site ranks it; a site with no ranked team yet gets no turn.
. "$top_srcdir/tests/tui/lib.sh"
export USER=alice

podium --db hub.db hub init --name "Grand final" >/dev/null || exit 99
podium --db lyon.db init --name "Hack Lyon" >/dev/null || exit 99
printf 'name\nJudy\n' >judges.csv
printf 'name\nLes Castors\nLes Loutres\n' >teams.csv
podium --db lyon.db import judges judges.csv >/dev/null || exit 99
podium --db lyon.db import teams teams.csv >/dev/null || exit 99
key=$(podium --db lyon.db site join --site lyon --hub-key "$(podium --db hub.db hub key)") || exit 99
podium --db hub.db hub add-site lyon --key "$key" >/dev/null || exit 99
podium --db lyon.db score --judge Judy --team "Les Loutres" Idea=5 Engagement=5 Technique=5 Marketing=5 \
	Design=5 Viability=5 Pitch=5 --submit >/dev/null || exit 99
podium --db lyon.db site export | podium --db hub.db hub apply - >/dev/null || exit 99

PODIUM_DB=hub.db
console display 100 30 tui --role display
wait_for display 'Leaderboard · all teams'
keys display Right
wait_for display 'Leaderboard · site lyon'
wait_for display 'Les Loutres +100\.00'
# a new bundle shows without a key press
podium --db lyon.db score --judge Judy --team "Les Castors" Idea=3 Engagement=3 Technique=3 Marketing=3 \
	Design=3 Viability=3 Pitch=3 --submit >/dev/null || fail "score"
podium --db lyon.db site export | podium --db hub.db hub apply - >/dev/null || fail "apply"
wait_for display 'Les Castors +50\.00'
# Paris has joined and sent its teams, none scored yet: the rotation skips it
podium --db paris.db init --name "Hack Paris" >/dev/null || exit 99
printf 'name\nLes Hiboux\n' | podium --db paris.db import teams - >/dev/null || exit 99
key=$(podium --db paris.db site join --site paris --hub-key "$(podium --db hub.db hub key)") || exit 99
podium --db hub.db hub add-site paris --key "$key" >/dev/null || exit 99
podium --db paris.db site export | podium --db hub.db hub apply - >/dev/null || exit 99
printf ':dump\n<Right>\n:dump\n<Right>\n:dump\n' >steps.keys
run podium --db hub.db tui --role display --script steps.keys
expect_rc 0
checks=$((checks + 1))
[ "$(grep -c '^  Leaderboard · ' "$TESTDIR/out")" -eq 3 ] || fail "not three boards"
checks=$((checks + 1))
[ "$(grep '^  Leaderboard · ' "$TESTDIR/out" | tr '\n' '|')" = "  Leaderboard · all teams|  Leaderboard · site lyon|  Leaderboard · all teams|" ] ||
	fail "the rotation is not all teams, site lyon, all teams"
expect_out_lacks 'paris|Les Hiboux'
finish
