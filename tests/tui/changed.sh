#!/bin/sh
# A judge edits a sheet they had submitted: the queue and the sheet say
# "changed" (it still counts, with its new total), the hint line puts
# "s submit the changes" first, and the organizer's Sheets grid marks the cell
# C; s submits it again and it says "submitted" everywhere.
# One process per console: each runs a script (podium tui --script), no terminal.
. "$top_srcdir/tests/tui/script_lib.sh"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name\nAda Lovelace\n' >judges.csv
printf 'name\nLes Castors\nLes Loutres\n' >teams.csv
podium import judges judges.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
podium score --judge "Ada Lovelace" --team "Les Castors" idea=4 engagement=3 technique=5 marketing=2 design=4 \
	viability=3 pitch=5 --submit >/dev/null || exit 99

keys_file judge <<'END'
:dump
<Enter>
:dump
l
:dump
<Esc>
:dump
END
run podium tui --role judge --as "ada lovelace" --script judge.keys
expect_rc 0
expect_err_empty
expect_dumps 4
expect_dump 1 'Les Castors .* submitted +67\.9'
expect_dump 2 'submitted · 7/7 scored · total 67\.9'
expect_dump 2 '^0-9 the value, digit by digit .* s submit '
# Idea 4 -> 5: still submitted, so it counts with its new total, and marked changed
expect_dump 3 'changed · 7/7 scored · total 71\.4'
expect_dump_lacks 3 'submitted ·'
expect_dump 3 '^s submit the changes  0-9 the value'
expect_dump 4 'Les Castors .* changed +71\.4'
expect_dump 4 '1 of 2 teams done'
expect_sql "SELECT status || ' ' || changed FROM sheet" 'submitted 1'
run podium leaderboard --format csv
expect_out_match '^1,Les Castors,71\.43,1,,ranked$'

# in French, "modifiée"
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	printf ':dump\n' >"$TESTDIR/queue.keys"
	run env LC_ALL=fr_FR.UTF-8 LANGUAGE= "$PODIUM" tui --role judge --as "ada lovelace" --script queue.keys
	expect_dump 1 'Les Castors .* modifiée +71,4'
fi

keys_file org <<'END'
9
:dump
END
run podium tui --role organizer --script org.keys
expect_rc 0
expect_dump 1 '1 submitted · 0 drafts · 0 conflicts · 1 missing · 1 changed since submitted'
expect_dump 1 '^  Ada Lovelace +C·'
expect_dump 1 'S submitted  C changed  d draft'

keys_file submit <<'END'
<Enter>
s
y
:dump
<Esc>
:dump
END
run podium tui --role judge --as "ada lovelace" --script submit.keys
expect_rc 0
expect_dump 1 'submitted · 7/7 scored · total 71\.4'
expect_dump 1 '^0-9 the value, digit by digit .* s submit '
expect_dump 2 'Les Castors .* submitted +71\.4'
expect_sql "SELECT status || ' ' || changed FROM sheet" 'submitted 0'
run podium history --judge "Ada Lovelace" --format csv
expect_out_match 'judge Ada Lovelace,submit,sheet'
run podium tui --role organizer --script org.keys
expect_dump 1 '^  Ada Lovelace +S·'
expect_dump_lacks 1 'changed since submitted|C changed'
finish
