#!/bin/sh
# A judge types a value digit by digit: 1 0 is 10 on a 0-10 criterion (not 1,
# then 0 on the next one), 1 0 0 is 100 on 0-100; the cursor moves on once no
# longer value could follow; a digit no value starts with is refused; the
# pending digits show, Backspace edits them, and moving away keeps them.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name\nAda Lovelace\n' >judges.csv
printf 'name\nLes Castors\n' >teams.csv
podium import judges judges.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
podium rubric add Impact --min 0 --max 10 >/dev/null || exit 99
podium rubric add Reach --min 0 --max 100 >/dev/null || exit 99

# the values of Ada's sheet, as history's last row for it has them
values() {
	podium history --judge "Ada Lovelace" --format json |
		python3 -c 'import json, sys; rows = json.load(sys.stdin); print(json.dumps(rows[-1]["after"]["values"], sort_keys=True))'
}

console judge 80 24 tui --role judge --as "ada lovelace"
wait_for judge 'Les Castors .*to do'
keys judge Enter
wait_for judge '> Idea'

# 7 on 1-5 is refused; 3 gives the value and moves on at once
keys judge 7
wait_for judge 'Idea takes a value from 1 to 5'
wait_for judge '> Idea'
keys judge 3
wait_for judge '> Engagement'
run values
expect_out <<'END'
{"Idea": 3}
END

# on 0-10, 1 waits (10 is possible) and shows; 0 makes it 10 and moves on
keys judge j j j j j j
wait_for judge '> Impact'
keys judge 1
wait_for judge '> Impact .* 1_'
keys judge 0
wait_for judge '> Reach'
wait_for judge 'Impact .*\[10\]'
run values
expect_out <<'END'
{"Idea": 3, "Impact": 10}
END

# on 0-100, 1 0 0 is 100; the digits typed so far show
keys judge 1
wait_for judge '> Reach .*1_ +\(0\.\.100\)'
keys judge 0
wait_for judge '> Reach .*10_ +\(0\.\.100\)'
keys judge 0
wait_for judge '> Reach .*100 +\(0\.\.100\)'
run values
expect_out <<'END'
{"Idea": 3, "Impact": 10, "Reach": 100}
END

# Backspace edits the pending digits; moving away keeps a valid value typed so far
keys judge k
wait_for judge '> Impact'
keys judge 1 BSpace
wait_gone judge '1_'
keys judge 1 k
wait_for judge '> Pitch'
wait_for judge 'Impact .*\[1\]'
keys judge j 2
wait_for judge '> Reach'
run values
expect_out <<'END'
{"Idea": 3, "Impact": 2, "Reach": 100}
END
keys judge 4 2 Enter
wait_for judge '> Reach .*42 +\(0\.\.100\)'
run values
expect_out <<'END'
{"Idea": 3, "Impact": 2, "Reach": 42}
END
fits judge 80

keys judge Escape q
wait_exit judge
expect_rc 0
finish
