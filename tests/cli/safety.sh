#!/bin/sh
# Trust: no name, comment or file content reaches a terminal as a control or
# escape sequence; CSV cells a spreadsheet would run are written as text and
# read back as they were; names that hide characters or look like another are
# refused.
. "$top_srcdir/tests/cli/lib.sh"

# clean: stdout and stderr of the last command hold no C0 control but newline,
# tab and the CR of a CRLF, no DEL, no C1, no bidi or other format character,
# only valid UTF-8
clean() {
	checks=$((checks + 1))
	python3 - "$TESTDIR/out" "$TESTDIR/err" <<'PY' || fail "a control or escape reached the terminal"
import sys, unicodedata
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        sys.exit('%s: invalid UTF-8 (%s)' % (path, e))
    for ch in text.replace('\r\n', '\n'):
        cat = unicodedata.category(ch)
        if ch not in '\n\t' and (cat in ('Cc', 'Cf') or ch in '\u2028\u2029'):
            sys.exit('%s: U+%04X in %r' % (path, ord(ch), text[:200]))
PY
}

esc=$(printf '\033')
bel=$(printf '\007')
evil="Evil${esc}]0;pwned${bel}${esc}[2J"
room="Salle${esc}[31mAda"
judge="Juge${esc}[5mRoux"
podium init --name "Hack" --start "2026-12-04 18:00" >/dev/null || exit 99
printf 'name,tracks\n"%s",\nSalle B,\n' "$room" >rooms.csv
printf 'name\n"%s"\nLes Castors\nOpen Doors\nLes Zèbres\n' "$evil" >teams.csv
printf 'name,pin\n"%s",123456\n' "$judge" >judges.csv
for kind in rooms teams judges; do
	import_legacy $kind $kind.csv >/dev/null || { echo "cannot import $kind"; exit 99; }
done

# ---- every command that names them prints them safely ----
podium timeline add "Brunch" --start "2026-12-06 13:25" --end "2026-12-06 14:00" --pinned >/dev/null || exit 99
# a phase with a C1 CSI, a bidi override and an escape, as an older file may hold
sqlite3 "$PODIUM_DB" "UPDATE phase SET name = 'Brunch' || char(155) || '2J' || char(8238) || char(27) || '[1m' WHERE name = 'Brunch'"
phase=$(sqlite3 "$PODIUM_DB" "SELECT name FROM phase WHERE name LIKE 'Brunch%'")

run podium schedule generate --start "2026-12-06 13:20" --rooms "$room"
expect_rc 0
expect_out_match '^warning: '
clean
run podium schedule move "$evil" --room "Salle B"
expect_rc 0
clean
run podium schedule swap "$evil" "Les Castors"
expect_rc 0
clean
run podium schedule list
expect_rc 0
clean
run podium schedule list --format ics
expect_rc 0
clean
for step in "13:21 start" "13:22 pause" "13:23 resume" "13:26 next" "13:27 noshow" "13:28 catchup"; do
	PODIUM_NOW="2026-12-06 ${step% *}" run podium timer "${step#* }" --room "$room"
	clean
done
run podium timeline
expect_rc 0
expect_out_match 'Brunch�2J��\[1m'
clean
# an edit that keeps such a name asks for it to be fixed
run podium timeline edit "$phase" --start "2026-12-06 13:30"
expect_rc 1
expect_err_match "^podium: phase name 'Brunch�2J��\[1m' holds an invisible character \(U\+009B\); remove it$"
clean
run podium timeline add "$phase again" --start "2026-12-06 15:00"
expect_rc 1
expect_err_match "^podium: phase name 'Brunch�2J��\[1m again' holds an invisible character \(U\+009B\); remove it$"
clean
run podium timeline delete "$phase"
expect_rc 0
expect_out_match "^deleted 'Brunch�2J��\[1m' from the timeline$"
clean

# a sheet that cannot be submitted names the judge, the team and the criteria missing
sqlite3 "$PODIUM_DB" "UPDATE criterion SET name = 'Pitch' || char(27) || '[8m' WHERE name = 'Pitch'"
run podium score --judge "$judge" --team "$evil" Idea=3 --submit
expect_rc 1
expect_err_match "^podium: Juge�\[5mRoux's sheet for Evil�\]0;pwned��\[2J cannot be submitted: .*Pitch�\[8m.* not scored yet"
clean
run podium score --judge "$judge" --team "$evil" Idea=3
expect_rc 0
expect_out_match '^Juge�\[5mRoux → Evil�\]0;pwned��\[2J: draft'
clean
for cmd in "list teams" "list rooms" "list judges" "list criteria" "leaderboard" "history" "assignments"; do
	# shellcheck disable=SC2086
	run podium $cmd
	clean
	run podium $cmd --format csv
	clean
	run podium $cmd --format json
	clean
done
run podium export
expect_rc 0
clean

# the PIN prompt before the console starts
printf '000000\n' >pin.txt
run_stdin podium tui --role judge --as "$judge" <pin.txt
expect_rc 1
checks=$((checks + 1))
grep -q '^PIN for Juge�\[5mRoux: $' "$TESTDIR/err" || fail "the PIN prompt does not show the judge's name safely"
clean

# an unknown name in an error
run podium score --judge "Nobody${esc}[2J" --team "$evil" Idea=3
expect_rc 1
expect_err_match "^podium: no judge named 'Nobody�\[2J'"
clean

# ---- JSON escapes C1 and bidi controls; the calendar drops them ----
sqlite3 "$PODIUM_DB" "UPDATE team SET project = 'C1' || char(155) || 'x' || char(8238) || 'y' || char(8203) WHERE name = 'Les Castors'"
run podium list teams --format json
expect_rc 0
expect_out_match '"project":"C1\\u009bx\\u202ey\\u200b"'
clean
run podium export
expect_rc 0
expect_out_match '"project":"C1\\u009bx\\u202ey\\u200b"'
checks=$((checks + 1))
python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(t["project"]=="C1\x9bx\u202ey\u200b" for t in d["teams"])' <"$TESTDIR/out" ||
	fail "the escaped JSON does not read back as the same text"
sqlite3 "$PODIUM_DB" "UPDATE team SET name = 'Bidi' || char(8238) || 'x' WHERE name = 'Les Castors'"
run podium schedule list --format ics
expect_rc 0
expect_out_match 'SUMMARY:.*Bidi�x'
clean

# ---- CSV: formula cells are written as text and read back as they were ----
podium --db f.db init --name "Formulas" >/dev/null || exit 99
cat >formulas.csv <<'END'
name,project,members,description
"=HYPERLINK(""http://evil.example"",""click"")",+cmd|' /C calc'!A0,-minus;@at,=1+1
Plain,"-0.5",Ann,@SUM(A1)
END
run podium --db f.db import teams formulas.csv
expect_rc 0
expect_out <<'END'
imported 2 teams from formulas.csv
END
run podium --db f.db list teams --format csv
expect_rc 0
sed -E 's/,[0-9a-f-]{36}$/,ID/' "$TESTDIR/out" >"$TESTDIR/masked"
checks=$((checks + 1))
diff -u - "$TESTDIR/masked" <<'END' || fail "formula cells are not written as text"
name,project,tracks,members,table,description,id
"'=HYPERLINK(""http://evil.example"",""click"")",'+cmd|' /C calc'!A0,,'-minus;@at,,'=1+1,ID
Plain,'-0.5,,Ann,,'@SUM(A1),ID
END
cp "$TESTDIR/out" listed.csv
podium --db g.db init --name "Copy" >/dev/null || exit 99
run podium --db g.db import teams listed.csv
expect_rc 0
run podium --db g.db list teams --format json
expect_rc 0
expect_out_match '"name":"=HYPERLINK\(\\"http://evil.example\\",\\"click\\"\)","project":"\+cmd\|'"'"' /C calc'"'"'!A0"'
expect_out_match '"members":\["-minus","@at"\]'
expect_out_match '"project":"-0.5"'

# numbers stay numbers: a negative normalized score keeps its sign
printf 'name\nAda\nBob\n' >t2.csv
printf 'name\nJ1\nJ2\n' >j2.csv
printf 'judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch,comment\nJ1,Ada,5,5,5,5,5,5,5,\nJ1,Bob,1,1,1,1,1,1,1,\nJ2,Ada,4,4,4,4,4,4,4,\nJ2,Bob,2,2,2,2,2,2,2,\n' >s2.csv
podium --db n.db init --name "Numbers" >/dev/null || exit 99
for k in t2:teams j2:judges s2:sheets; do
	podium --db n.db import "${k#*:}" "${k%:*}.csv" >/dev/null || { echo "cannot import ${k#*:}"; exit 99; }
done
run podium --db n.db leaderboard --method normalized --format csv
expect_rc 0
expect_out_match '^2,Bob,-[0-9.]+,2'
run podium --db f.db history --format csv
expect_rc 0
expect_out_match "^[^,]+,[^,]+,create,team,\"'=HYPERLINK"

# ---- names that cannot deceive ----
podium --db names.db init --name "Names" >/dev/null || exit 99
printf 'name\nAlpha\n' >alpha.csv
printf 'name\nAl\342\200\213pha\n' >zwsp.csv
printf 'name\n\320\220lpha\n' >cyrillic.csv
run podium --db names.db import teams alpha.csv
expect_rc 0
before=$(sqlite3 names.db .dump)
run podium --db names.db import teams zwsp.csv
expect_rc 1
expect_err_match "^podium: zwsp.csv:2: team name 'Al�pha' holds an invisible character \(U\+200B\); remove it$"
run podium --db names.db import teams cyrillic.csv
expect_rc 1
expect_err_match "^podium: cyrillic.csv:2: team 'Аlpha' looks like the existing team 'Alpha'; choose another name$"
checks=$((checks + 1))
[ "$before" = "$(sqlite3 names.db .dump)" ] || fail "a refused import changed the file"
run podium --db names.db list teams --format csv
expect_out_match '^Alpha,'
checks=$((checks + 1))
[ "$(wc -l <"$TESTDIR/out")" -eq 2 ] || fail "a look-alike team was imported"

# within one file, and for every kind of record and its parts
printf 'name\nBeta\n\320\222eta\n' >two.csv
run podium --db names.db import teams two.csv
expect_rc 1
expect_err_match "^podium: two.csv:3: team 'Вeta' looks like the existing team 'Beta'; choose another name$"
printf 'name,tracks\nGamma,Education\nDelta,Educ\320\260tion\n' >tracks.csv
run podium --db names.db import teams tracks.csv
expect_rc 1
expect_err_match "^podium: tracks.csv:3: track 'Educаtion' looks like the existing track 'Education'; choose another name$"
printf 'name,members\nEpsilon,Ann;B\342\200\215ob\n' >members.csv
run podium --db names.db import teams members.csv
expect_rc 1
expect_err_match "^podium: members.csv:2: member name 'B�ob' holds an invisible character \(U\+200D\); remove it$"
printf 'name\n\357\273\277Zed\302\255\n' >judges.csv
run podium --db names.db import judges judges.csv
expect_rc 1
expect_err_match "^podium: judges.csv:2: judge name 'Zed�' holds an invisible character \(U\+00AD\); remove it$"
printf 'name\n\357\270\217Lone\n' >vs.csv
run podium --db names.db import rooms vs.csv
expect_rc 1
expect_err_match "^podium: vs.csv:2: room name '️Lone' holds an invisible character \(U\+FE0F\); remove it$"
printf 'name\n"Heart \342\235\244\357\270\217"\n' >emoji.csv
run podium --db names.db import rooms emoji.csv
expect_rc 0
long=$(printf 'x%.0s' $(seq 81))
printf 'name\n%s\n' "$long" >long.csv
run podium --db names.db import coaches long.csv
expect_rc 1
expect_err_match "^podium: long.csv:2: coach name 'x+…' is too long \(81 columns, 81 bytes\); keep it within 80 columns and 200 bytes$"
run podium --db names.db rubric add "Ide$(printf '\342\200\256')a" 2>/dev/null
if [ "$rc" != 2 ]; then
	expect_rc 1
	expect_err_match "^podium: criterion name 'Ide�a' holds an invisible character \(U\+202E\); remove it$"
fi
run podium --db names.db timeline add "$(printf 'Kick\342\200\213off')" --start "2026-12-04 18:00"
expect_rc 1
expect_err_match "^podium: phase name 'Kick�off' holds an invisible character \(U\+200B\); remove it$"
finish
