#!/bin/sh
# podium tui --script FILE: the console takes its keys from FILE with no
# terminal at all, :dump prints the screen as text (wide characters once),
# :resize gives it a new size, # lines are comments, and it exits 0 at the end
# of the file; a bad line is refused with its number before anything starts.
. "$top_srcdir/tests/tui/script_lib.sh"
. "$top_srcdir/tests/live/lib.sh"

podium demo --no-tui >/dev/null || exit 99

# a judge scores a team with no terminal: stdin and stdout are plain files
keys_file judge <<'END'
# q would quit here if this were read as keys
:dump
<Down><Up>/Elles<Enter>
<Enter>
:dump
4534534
:wait-idle
:dump
<Esc>
:resize 40x12
:dump
END
run podium tui --role judge --as "Sarah Cohen" --script judge.keys
expect_rc 0
expect_err_empty
expect_dumps 4
expect_dump 1 '^ podium · judge Sarah Cohen · 3 of 8 teams done +next: Kickoff in 5 d 08:00$'
expect_dump 1 '^ Elles Codent +13:38 Atelier 3 +Rôles Modèles +to do$'
dump_fits 1 80 24
expect_dump 2 '^ > Idea +1   2   3   4   5$'
expect_dump 3 'draft · 7/7 scored · total 75\.0'
dump_fits 4 40 12
expect_dump 4 '^ podium · judge Sarah Cohen · 3 of 8 te…$'
# the team name is the last thing a narrow terminal drops
expect_dump 4 '^ Elles Codent +draft +75\.0$'
expect_sql "SELECT count(*) FROM sheet s JOIN team t ON t.id = s.team_id JOIN judge j ON j.id = s.judge_id
	WHERE t.name = 'Elles Codent' AND j.name = 'Sarah Cohen'" 1

# <Lt> types '<'; the screen after q is never printed: q quits at once
keys_file search <<'END'
/a<Lt>b<Enter>
:dump
q
:dump
END
run podium tui --role judge --as "Sarah Cohen" --script search.keys
expect_rc 0
expect_dumps 1
expect_dump 1 "^Nothing matches 'a<b'"

# a wide character is dumped once, and its row keeps its columns
printf 'name,project\n数据队,Données ouvertes\nAda Team,Zoé\n' >teams.csv
podium import teams teams.csv >/dev/null || exit 99
keys_file wide <<'END'
/数据<Enter>
:dump
END
run podium tui --role organizer --script wide.keys
expect_rc 0
expect_dump 1 '数据队'
expect_dump_lacks 1 '数数|据据'
dump_fits 1 80 24

# bad scripts: one line naming the line, nothing printed, the file untouched
before=$(snapshot)
bad() {	# bad LINE MESSAGE
	printf ':dump\n# fine\n%s\n' "$1" >bad.keys
	run podium tui --role display --script bad.keys
	expect_rc 1
	expect_err_match "$2"
	checks=$((checks + 1))
	[ ! -s "$TESTDIR/out" ] || fail "a refused script printed a screen"
}
bad 'ab<Foo>' "^podium: bad.keys:3: unknown key '<Foo>'$"
bad '<Entr' "^podium: bad.keys:3: '<' opens a key name that is not closed; '<Lt>' types '<'$"
bad ':dmp' "^podium: bad.keys:3: unknown command ':dmp' \(:dump, :wait-idle, :resize WxH\)$"
bad ':resize 0x12' "^podium: bad.keys:3: ':resize' needs a size of 1 to 1000 columns and rows, such as 80x24$"
bad ':resize 80' "^podium: bad.keys:3: ':resize' needs a size of 1 to 1000 columns and rows, such as 80x24$"
bad "$(printf 'a\377b')" "^podium: bad.keys:3: the line is not UTF-8 text$"
run podium tui --role display --script nowhere.keys
expect_rc 1
expect_err_match "^podium: cannot read the script 'nowhere.keys': No such file or directory$"
checks=$((checks + 1))
[ "$before" = "$(snapshot)" ] || fail "a refused script changed the file"

# function and control keys by name; the help lists the screen's keys
keys_file help <<'END'
?
:dump
<Esc><C-l><F1><S-Tab><PgDn><PgUp><Home><End><Tab><Space><Backspace><Del><Insert><Left><Right>
:dump
END
run podium tui --role display --script help.keys
expect_rc 0
expect_dumps 2
expect_dump 1 'Keys of the display screen \(Esc or \? closes\)'
expect_dump_lacks 2 'Keys of the display screen'
finish
