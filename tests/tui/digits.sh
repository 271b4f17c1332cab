#!/bin/sh
# A judge types a value digit by digit: 1 0 is 10 on a 0-10 criterion (not 1,
# then 0 on the next one), 1 0 0 is 100 on 0-100; the cursor moves on once no
# longer value could follow; a digit no value starts with is refused; the
# pending digits show, Backspace edits them, and moving away keeps them.
# One process: the console runs a script (podium tui --script), no terminal.
. "$top_srcdir/tests/tui/script_lib.sh"

podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name\nAda Lovelace\n' >judges.csv
printf 'name\nLes Castors\n' >teams.csv
podium import judges judges.csv >/dev/null || exit 99
podium import teams teams.csv >/dev/null || exit 99
podium rubric add Impact --min 0 --max 10 >/dev/null || exit 99
podium rubric add Reach --min 0 --max 100 >/dev/null || exit 99

keys_file judge <<'END'
<Enter>
:dump
# 7 on 1-5 is refused; 3 gives the value and moves on at once
7
:dump
3
:dump
# on 0-10, 1 waits (10 is possible) and shows; 0 makes it 10 and moves on
jjjjjj
:dump
1
:dump
0
:dump
# on 0-100, 1 0 0 is 100; the digits typed so far show
1
:dump
0
:dump
0
:dump
# Backspace edits the pending digits; moving away keeps a valid value typed so far
k
:dump
1<Backspace>
:dump
1k
:dump
j2
:dump
42<Enter>
:dump
END
run podium tui --role judge --as "ada lovelace" --script judge.keys
expect_rc 0
expect_err_empty
expect_dumps 14
expect_dump 1 '> Idea'
expect_dump 2 'Idea takes a value from 1 to 5'
expect_dump 2 '> Idea'
expect_dump 3 '> Engagement'
expect_dump 4 '> Impact'
expect_dump 5 '> Impact .* 1_'
expect_dump 6 '> Reach'
expect_dump 6 'Impact .*\[10\]'
expect_dump 7 '> Reach .*1_ +\(0\.\.100\)'
expect_dump 8 '> Reach .*10_ +\(0\.\.100\)'
expect_dump 9 '> Reach .*100 +\(0\.\.100\)'
expect_dump 10 '> Impact'
expect_dump_lacks 11 '1_'
expect_dump 12 '> Pitch'
expect_dump 12 'Impact .*\[1\]'
expect_dump 13 '> Reach'
expect_dump 14 '> Reach .*42 +\(0\.\.100\)'
dump_fits 14 80 24

# every value saved, in order, as history has them
run sh -c "\"\$PODIUM\" history --judge 'Ada Lovelace' --format json |
	python3 -c 'import json, sys
for row in json.load(sys.stdin):
	if row[\"kind\"] == \"sheet\": print(json.dumps(row[\"after\"][\"values\"], sort_keys=True))'"
expect_out <<'END'
{"Idea": 3}
{"Idea": 3, "Impact": 10}
{"Idea": 3, "Impact": 10, "Reach": 100}
{"Idea": 3, "Impact": 1, "Reach": 100}
{"Idea": 3, "Impact": 2, "Reach": 100}
{"Idea": 3, "Impact": 2, "Reach": 42}
END
finish
