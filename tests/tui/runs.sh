#!/bin/sh
# The organizer runs schedule generate (Schedule tab), assign judges (Sheets
# tab) and coach plan (Progress tab) from the console, each asked first; the
# Schedule tab shows the sheets still missing per pitch that is over, and the
# Sheets grid is lettered, blank off the panels, counting only panel cells.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
slots() { sqlite3 -batch "$PODIUM_DB" "SELECT group_concat(id) FROM (SELECT id FROM slot ORDER BY id)"; }
before=$(slots)
generated=$(sqlite3 -batch "$PODIUM_DB" "SELECT count(*) FROM audit WHERE action = 'generate'")
keys_file generate <<'END'
8
A
:dump
n
:wait-idle
A
y
:wait-idle
:dump
END
run podium tui --role organizer --script generate.keys
expect_rc 0
expect_dump 1 'Generate the schedule again\? Pitches not begun are replaced\. \(y/n\)'
expect_dump 2 'Scheduled 24 pitches; 0 kept that had started'
checks=$((checks + 1))
[ "$(slots)" != "$before" ] || fail "the slots were not generated again"
expect_sql "SELECT count(*) FROM audit WHERE action = 'generate'" $((generated + 1))

# the chase list: Bridge Builders and Elles Codent pitched; the demo's panels
# have every sheet of the first, none of the second, whose judges are named
PODIUM_NOW="2026-12-06 13:30" podium timer start --room "Atelier 3" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:38" podium timer next --room "Atelier 3" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:38" podium timer start --room "Atelier 3" >/dev/null || exit 99
PODIUM_NOW="2026-12-06 13:46" podium timer next --room "Atelier 3" >/dev/null || exit 99
keys_file chase <<'END'
8
/Elles Codent<Enter>
:dump
END
PODIUM_NOW="2026-12-06 13:47" run podium tui --role organizer --script chase.keys
expect_rc 0
expect_dump 1 'Bridge Builders +12-06 13:30  done$'
expect_dump 1 'Elles Codent +12-06 13:38  done · 3 missing'
expect_dump 1 '^  Elles Codent: 0 of 3 sheets submitted; waiting for Aïcha Diallo, Marc Dubo'

keys_file assign <<'END'
9
:dump
A
:dump
<Esc>
:wait-idle
A
<C-u>x<Enter>
:wait-idle
:dump
A
<Enter>
:wait-idle
:dump
END
run podium tui --role organizer --script assign.keys
expect_rc 0
expect_dump 1 '^                     ABCDEFGHIJKLMNOPQRSTUVWX'
expect_dump 1 '^  A Bridge Builders   B Code Camarades'
# the demo's panels: only panel cells without a sheet are missing
expect_dump 1 '36 submitted · 2 drafts · 0 conflicts · 34 missing'
expect_dump 1 '^  S submitted  d draft  x conflict  · missing  blank: not on the panel$'
expect_dump 2 'Assign the judges again, every panel replaced \(Esc cancels\); judges per team: 3'
expect_dump 3 'judges per team: a whole number from 1 to 50'
expect_dump 4 'Assigned 3 judges to each of 24 teams: 72 assignments'
expect_dump 4 'blank: not on the panel'
expect_dump 4 '· [0-9]+ missing'
expect_sql "SELECT count(*) FROM assignment" 72
# only panel cells without a sheet are missing
missing=$(sqlite3 -batch "$PODIUM_DB" "SELECT count(*) FROM assignment a WHERE NOT EXISTS (SELECT 1 FROM sheet s WHERE s.judge_id = a.judge_id AND s.team_id = a.team_id) AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.judge_id = a.judge_id AND c.team_id = a.team_id)")
expect_dump 4 "· $missing missing\$"
# a judge's row has blanks where they are not on the panel
checks=$((checks + 1))
dump 4 | grep -E '^  Sarah Cohen' | grep -q '[S·d] [S·d ]* [S·d]' || fail "no blank cell on Sarah Cohen's row"

keys_file plan <<'END'
0
A
:dump
y
:wait-idle
:dump
END
run podium tui --role organizer --script plan.keys
expect_rc 0
expect_dump 1 'Plan the coach sessions again\? Sessions not begun are replaced\. \(y/n\)'
expect_dump 2 'Planned [0-9]+ coach sessions'
expect_sql "SELECT count(*) > 0 FROM audit WHERE action = 'plan'" 1
finish
